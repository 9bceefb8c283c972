"""Words: the one notion of a word that extractors share.

Owns: ``WORD`` (a word: letters or digits with inner hyphens or
apostrophes, a possessive "'s" left outside), ``fold`` (the lexicon form
of a word) and ``Words`` (a text's word tokens with code-point offsets,
lower-case forms and the gaps between them).

Does not own: matching lexicon phrases against words (``factlint.lexicon``)
or what any word means (the extractors).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import accumulate

# A word: letters/digits with inner hyphens or apostrophes, but a possessive
# "'s" is left outside ("Iran's" -> "Iran").
WORD = re.compile(r"\w+(?:-\w+|['\u2019](?!s(?!\w))\w+)*")
_WORD_SPLIT = re.compile(f"({WORD.pattern})")


def fold(word: str) -> str:
    """Lower case with curly apostrophes made straight (lexicon form)."""
    return word.lower().replace("\u2019", "'")


@dataclass
class Words:
    """Word tokens of a text: ``start[i]``, ``end[i]``, ``raw[i]``, ``low[i]``."""

    text: str
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    low: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> Words:
        words = cls(text)
        # split() alternates gap, word, gap, ..., gap: the running total of
        # the pieces' lengths gives every word's offsets without a match
        # object per word (this runs over every article, word by word)
        pieces = _WORD_SPLIT.split(text)
        ends = list(accumulate(map(len, pieces)))
        words.start, words.end, words.raw = ends[0:-1:2], ends[1::2], pieces[1::2]
        folded = text.lower().replace("\u2019", "'")
        if len(folded) == len(text):
            words.low = [folded[s:e] for s, e in zip(words.start, words.end)]
        else:  # a few characters change length when lowered
            words.low = [fold(w) for w in words.raw]
        return words

    def __len__(self) -> int:
        return len(self.start)

    def gap(self, i: int) -> str:
        """The text between token ``i`` and token ``i + 1``."""
        return self.text[self.end[i] : self.start[i + 1]]

    def index_starting(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.start, offset)

    def index_ending(self, offset: int) -> int:
        """Index of the last token ending at or before ``offset`` (-1 if none)."""
        return bisect.bisect_right(self.end, offset) - 1

    def is_cap(self, i: int) -> bool:
        return self.raw[i][:1].isupper()

    def spaced(self, i: int) -> bool:
        """True when tokens ``i`` and ``i + 1`` are separated by spaces only."""
        gap = self.gap(i)
        return bool(gap) and not gap.strip(" \t\u00a0")
