"""Repeated words: the same word twice in a row ("that that", "the the").

Owns: finding every pair of adjacent word tokens that are equal ignoring
case and are separated only by white space inside one paragraph, and
recording the neighbouring words so that rules can tell slips from grammar
("had had", "that that" + a pronoun).  A token is a word when it has a
letter; punctuation between two words (a full stop, a comma) means they are
not adjacent.  Overlapping pairs are all reported ("that that that" gives
two).

Does not own: deciding which repetitions are errors (rules, with the
``legit-doubles`` and ``pronouns-and-expletives`` lexicons).
"""

from __future__ import annotations

import re

from ..facts.model import RepetitionFact, Span
from ..lexicon import Lexicons
from ..text.document import Document

_LINE_BREAKS = re.compile(r"\r\n|\r|\n")
# A word (as the document tokenizes it) followed, after white space, by the
# same word in any case.  The second word is in a lookahead so that "that
# that that" gives two overlapping pairs.
_DOUBLED = re.compile(r"(?<![\w'\u2019])(\w+(?:['\u2019]\w+)*)(?=(\s+)(\1)(?![\w]|['\u2019]\w))", re.IGNORECASE)
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


def extract(doc: Document, lex: Lexicons) -> list[RepetitionFact]:
    """Every doubled word in ``doc``, in document order, numbered w1, w2, ..."""
    text = doc.text
    facts: list[RepetitionFact] = []
    for m in _DOUBLED.finditer(text):
        first_start, first_end = m.span(1)
        second_start, second_end = m.span(3)
        if not _has_letter(m.group(1)) or len(_LINE_BREAKS.findall(m.group(2))) > 1:
            continue
        para = doc.paragraph_at(first_start)
        if para is None or not (para.start <= first_start and second_end <= para.end):
            continue
        facts.append(
            RepetitionFact(
                id=f"w{len(facts) + 1}",
                start=first_start,
                end=second_end,
                text=text[first_start:second_end],
                word=_fold(m.group(1)),
                first=Span.of(text, first_start, first_end),
                second=Span.of(text, second_start, second_end),
                previous=_previous_word(text, para.start, first_start),
                following=_next_word(text, second_end, para.end),
            )
        )
    return facts


def _fold(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def _has_letter(word: str) -> bool:
    return any(ch.isalpha() for ch in word)


def _previous_word(text: str, lo: int, end: int) -> str | None:
    """The nearest word with a letter before ``end`` and at or after ``lo`` (lower case)."""
    window = 80
    while True:
        start = max(lo, end - window)
        words = [w for w in _WORD.finditer(text, start, end) if _has_letter(w.group())]
        # a word cut by the window's left edge is only trusted at the paragraph start
        if words and (start == lo or words[-1].start() > start):
            return _fold(words[-1].group())
        if start == lo:
            return None
        window *= 4


def _next_word(text: str, start: int, hi: int) -> str | None:
    """The nearest word with a letter at or after ``start`` and before ``hi`` (lower case)."""
    for w in _WORD.finditer(text, start, hi):
        if _has_letter(w.group()):
            return _fold(w.group())
    return None
