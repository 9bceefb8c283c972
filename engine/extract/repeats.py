"""Repeated words: the same word twice in a row ("that that", "the the").

Owns: finding every pair of adjacent word tokens that are equal ignoring
case and are separated only by white space inside one paragraph, and
recording the neighbouring words so that rules can tell slips from grammar
("had had", "that that" + a pronoun), how the second word is written
(capitalized, a name or title: "Bafana Bafana"; upper case, an acronym:
"at AT&T"), and how long the run is
("Gimme Gimme Gimme" is 3).  A token is a word when it has a letter;
punctuation between two words (a full stop, a comma) means they are not
adjacent.  Overlapping pairs are all reported ("that that that" gives
two).  Words inside a markup tag ("<tweet tweet-id=...>") are not prose and
give no repetition.

Produces ``repetition``: ``word``, ``first``, ``second``, ``second_case``,
``previous``, ``following``, ``run``.  Entry point: ``extract``.

Does not own: deciding which repetitions are errors (rules, with the
``legit-doubles`` and ``pronouns-and-expletives`` lexicons).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..facts.model import RepetitionFact, Span
from ..lexicon import Lexicons
from ..text.document import Document

PRODUCES = ("repetition",)

_LINE_BREAKS = re.compile(r"\r\n|\r|\n")
# A word (as the document tokenizes it) followed, after white space, by the
# same word in any case.  The second word is in a lookahead so that "that
# that that" gives two overlapping pairs.
# (The first word is taken whole in a lookahead, which never gives characters
# back: a shorter first word is followed by a word character or an apostrophe,
# never by white space, so trying one is wasted work, half the search's cost.)
_DOUBLED = re.compile(r"(?<![\w'\u2019])(?=(\w+(?:['\u2019]\w+)*))\1(?=(\s+)(\1)(?![\w]|['\u2019]\w))", re.IGNORECASE)
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_LETTER = re.compile(r"[^\W\d_]")
# A markup tag left in the copy: "<tweet tweet-id=\"1\">", "</p>", "<br/>".
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")


def extract(doc: Document, lex: Lexicons) -> list[RepetitionFact]:
    """Every doubled word in ``doc``, in document order, numbered w1, w2, ..."""
    text = doc.text
    facts: list[RepetitionFact] = []
    tags = [t.span() for t in _TAG.finditer(text)] if "<" in text else []
    tag_starts = [a for a, _ in tags]
    matches = list(_DOUBLED.finditer(text))
    runs = _run_lengths(matches)
    words_before = _WordsBefore(text)
    for i, m in enumerate(matches):
        first_start, first_end = m.span(1)
        second_start, second_end = m.span(3)
        if not _has_letter(m.group(1)) or len(_LINE_BREAKS.findall(m.group(2))) > 1:
            continue
        if tags and _inside(tags, tag_starts, first_start):
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
                previous=words_before.before(para.start, first_start),
                following=_next_word(text, second_end, para.end),
                second_case=_case(m.group(3)),
                run=runs[i],
            )
        )
    return facts


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted, not overlapping)."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < spans[i][1]


def _run_lengths(matches: list[re.Match[str]]) -> list[int]:
    """Words in the run of each pair: overlapping pairs of one word chain
    ("a a a" is two pairs, each in a run of 3).  One pass, linear."""
    runs = [2] * len(matches)
    lo = 0
    for i in range(1, len(matches) + 1):
        chained = i < len(matches) and matches[i - 1].start(3) == matches[i].start(1) and (
            _fold(matches[i - 1].group(1)) == _fold(matches[i].group(1))
        )
        if not chained:
            for k in range(lo, i):
                runs[k] = i - lo + 1
            lo = i
    return runs


def _fold(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def _case(word: str) -> str:
    if not word[:1].isupper():
        return "lower"
    return "upper" if len(word) > 1 and word.isupper() else "capitalized"


def _has_letter(word: str) -> bool:
    return _LETTER.search(word) is not None


class _WordsBefore:
    """The words with a letter of a text, indexed once (on first use) so
    that each repetition finds its previous word by bisection."""

    def __init__(self, text: str):
        self.text = text
        self.starts: list[int] | None = None
        self.words: list[re.Match[str]] = []

    def before(self, lo: int, end: int) -> str | None:
        """The nearest word with a letter ending at or before ``end`` and
        starting at or after ``lo`` (lower case)."""
        if self.starts is None:
            self.words = [w for w in _WORD.finditer(self.text) if _has_letter(w.group())]
            self.starts = [w.start() for w in self.words]
        i = bisect_left(self.starts, end) - 1
        while i >= 0 and self.words[i].end() > end:
            i -= 1
        if i < 0 or self.starts[i] < lo:
            return None
        return _fold(self.words[i].group())


def _next_word(text: str, start: int, hi: int) -> str | None:
    """The nearest word or number at or after ``start`` and before ``hi``
    (lower case): "1979" after "in in", so a rule can see a date follow."""
    w = _WORD.search(text, start, hi)
    return _fold(w.group()) if w else None
