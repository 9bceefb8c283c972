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
from ..text.document import Document, Token

_LINE_BREAKS = re.compile(r"\r\n|\r|\n")


def extract(doc: Document, lex: Lexicons) -> list[RepetitionFact]:
    """Every doubled word in ``doc``, in document order, numbered w1, w2, ..."""
    text = doc.text
    tokens = doc.tokens
    facts: list[RepetitionFact] = []
    for i in range(len(tokens) - 1):
        first, second = tokens[i], tokens[i + 1]
        if first.lower != second.lower or not _has_letter(first.text):
            continue
        gap = text[first.end:second.start]
        if not gap.isspace() or len(_LINE_BREAKS.findall(gap)) > 1 or not _same_paragraph(doc, first, second):
            continue
        para = doc.paragraph_at(first.start)
        facts.append(
            RepetitionFact(
                id=f"w{len(facts) + 1}",
                start=first.start,
                end=second.end,
                text=text[first.start:second.end],
                word=first.lower.replace("\u2019", "'"),
                first=Span.of(text, first.start, first.end),
                second=Span.of(text, second.start, second.end),
                previous=_neighbour(tokens, i - 1, -1, para.start if para else 0, len(text)),
                following=_neighbour(tokens, i + 2, 1, 0, para.end if para else len(text)),
            )
        )
    return facts


def _has_letter(word: str) -> bool:
    return any(ch.isalpha() for ch in word)


def _same_paragraph(doc: Document, first: Token, second: Token) -> bool:
    a, b = doc.paragraph_at(first.start), doc.paragraph_at(second.start)
    return a is b or (a is not None and b is not None and a.index == b.index and second.start < a.end)


def _neighbour(tokens: list[Token], i: int, step: int, lo: int, hi: int) -> str | None:
    """The nearest word (lower case) from token ``i`` in direction ``step`` within [lo, hi), else None."""
    while 0 <= i < len(tokens) and lo <= tokens[i].start < hi:
        if _has_letter(tokens[i].text):
            return tokens[i].lower.replace("\u2019", "'")
        i += step
    return None
