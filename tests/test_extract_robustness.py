"""No input crashes or hangs extraction, and every span it reports is exact.

A hypothesis property test feeds text built from news-like words, quote
marks of every kind, control characters, emoji, mixed scripts and CRLF; then
fixed stress inputs (a 1 MB single line, unbalanced quotes, 10,000 quote
marks).  For every fact: each span lies inside the text and slices to the
text it carries, and the fact's own extent covers its spans."""

from __future__ import annotations

import time

from factlint.extract import extract_facts
from factlint.facts.model import Span
from factlint.lang.loader import load_default_lexicons
from factlint.text.document import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

LEX = load_default_lexicons()

PIECES = [
    "said", "told reporters", "according to", "denied", "The Pentagon", "Mr Smith", "Smith, 54,", "the letter",
    "a memo sent from", "on Monday", "Jan. 3", "January 3, 2020", "last week", "over 5,000 troops", "12%", "$5m",
    "that that", "the the", "spokesman", "President", "reports said", "was a draft", "\"", "“", "”", "‘", "’", "'",
    ",", ".", ":", ";", "(", ")", "—", "\n", "\r\n", "\n\n", "\t", "\x00", "\x0b", "\u200b", "🎉", "👩‍👩‍👧", "Zoë", "Ñúñez",
    "Москва", "北京", "مرحبا", "שלום", "\u0301", "\ufeff", "5", "1,000", "Aug.", "Thursday,", "2019", "A", "a", "I",
]


def check_spans(text: str) -> list:
    doc = Document(text, published="2020-01-07")
    facts = extract_facts(doc, LEX).facts
    for f in facts:
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start : f.end] == f.text, f
        for name, value in f:
            spans = value if isinstance(value, list) else [value]
            for s in spans:
                if isinstance(s, Span):
                    assert 0 <= s.start <= s.end <= len(text), (f.id, name, s)
                    assert text[s.start : s.end] == s.text, (f.id, name, s)
    return facts


#: a plain sentence put after each stress input: it must still be read, so
#: a stress test cannot pass by finding nothing at all
TAIL = "\n\nThe minister said on Monday that over 5,000 troops had left.\n"
TAIL_FACTS = [("statement", "The minister said on Monday that over 5,000 troops had left"), ("time", "Monday"),
              ("quantity", "over 5,000 troops")]


def tail_facts(text: str, facts: list) -> list[tuple[str, str]]:
    """(kind, text) of the facts inside the tail sentence at the end of ``text``."""
    start = len(text) - len(TAIL)
    return sorted((f.kind, f.text) for f in facts if f.start >= start and f.kind in dict(TAIL_FACTS))


def check_with_tail(text: str) -> list:
    text += TAIL
    facts = check_spans(text)
    assert tail_facts(text, facts) == sorted(TAIL_FACTS)
    return facts


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=80).map(" ".join))
def test_any_text_extracts_with_exact_spans(text):
    check_spans(text)


def _timed(text: str) -> tuple[float, list]:
    t0 = time.perf_counter()
    facts = check_with_tail(text)
    return time.perf_counter() - t0, facts


#: A guard against hangs (minutes), not a speed target: speed is measured
#: in bench/speed.py.  A 1 MB line takes a few seconds.
HANG_GUARD_SECONDS = 120


def test_one_megabyte_single_line():
    line = ("The minister said that over 5,000 troops arrived on Monday, “according to reports”. " * 12_500)[:1_000_000]
    assert "\n" not in line
    seconds, facts = _timed(line)
    assert seconds < HANG_GUARD_SECONDS
    kinds = {k: sum(f.kind == k for f in facts) for k in ("statement", "quantity", "time")}
    sentences = line.count("The minister said") + 1  # and the tail
    assert kinds == {"statement": sentences, "quantity": sentences, "time": sentences}


def test_unbalanced_quotes():
    check_with_tail("“He said it was fine, the spokesman said.\n\n“Another open quote. And ” a stray close, ‘ and ’ more.\n")
    facts = check_with_tail('"' + "word " * 2000)
    assert sum(f.kind == "repetition" for f in facts) == 1999


def test_ten_thousand_quote_marks():
    for text in ('"' * 10_000, "“”" * 5_000, ' " said " ' * 10_000):
        assert _timed(text)[0] < HANG_GUARD_SECONDS


def test_control_characters_and_crlf():
    text = "Headline\r\n\r\n\x07Smith said\x1b[31m “hi”.\r\n\x00\x01\x02 on Monday.\r\n"
    facts = check_spans(text)
    assert [(f.kind, f.text) for f in facts if f.kind in ("entity", "time")] == [("entity", "Smith"), ("time", "Monday")]
    assert [f.value for f in facts if f.kind == "time"] == ["2020-01-06"]
    check_with_tail(text.replace("\r\n", "\n"))


def test_one_long_sentence_full_of_documents():
    """Each document used to search its whole sentence: quadratic (minutes at 1 MB)."""
    for piece, kind in (("In a letter to staff, ", "letter"), ("a memo seen by the Herald to ", "memo")):
        copies = 1_000_000 // len(piece)
        seconds, facts = _timed(piece * copies)
        assert seconds < HANG_GUARD_SECONDS
        assert sum(f.kind == "document" and f.doc_type == kind for f in facts) == copies
