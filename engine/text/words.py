"""Word tokens and fast phrase lookup for the people extractor.

Owns: ``Words`` (the document's word tokens with code-point offsets, lower
case forms and the gaps between them) and ``PhraseIndex`` (a lexicon turned
into a first-word table, so phrases are found token by token instead of with
one large alternation regex, which is too slow for the time budget).

Does not own: what any phrase means (``people_names``, ``people_roles``,
``people_ages``) or lexicon syntax (``factlint.lexicon``).
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate
from dataclasses import dataclass, field

from ..lexicon import Lexicon, normalize_phrase

# A word: letters/digits with inner hyphens or apostrophes, but a possessive
# "'s" is left outside ("Iran's" -> "Iran").
_WORD = re.compile(r"\w+(?:-\w+|['\u2019](?!s(?!\w))\w+)*")
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")


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
    def of(cls, text: str) -> "Words":
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


class PhraseIndex:
    """A lexicon as a table from first word to its phrases (as word tuples).

    ``match(words, i)`` gives the number of tokens the longest phrase starting
    at token ``i`` covers (0 when none).  Phrases are tokenized like the text,
    so "vice-president" is one word and "press secretary" two.  A trailing
    ``*`` matches any ending of the last word.
    """

    _cache: dict[int, tuple[Lexicon, "PhraseIndex"]] = {}

    def __init__(self, phrases: tuple[str, ...]):
        table: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        for phrase in phrases:
            star = phrase.endswith("*")
            parts = tuple(fold(w) for w in _WORD.findall(normalize_phrase(phrase.rstrip("*"))))
            if parts:
                table.setdefault(parts[0] if not (star and len(parts) == 1) else "*", []).append((parts, star))
        for entries in table.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)
        self.table = table
        self.singles = frozenset(p[0] for entries in table.values() for p, star in entries if len(p) == 1 and not star)
        self.prefixes = tuple(p[0] for p, _ in table.get("*", ()))

    @classmethod
    def of(cls, lexicon: Lexicon) -> "PhraseIndex":
        hit = cls._cache.get(id(lexicon))
        if hit is not None and hit[0] is lexicon:
            return hit[1]
        index = cls(lexicon.phrases)
        cls._cache[id(lexicon)] = (lexicon, index)
        return index

    def __contains__(self, word: str) -> bool:
        """True when the single word ``word`` (already folded) is a phrase."""
        return word in self.singles or (bool(self.prefixes) and word.startswith(self.prefixes))

    def has(self, key: tuple[str, ...]) -> bool:
        """True when the folded word tuple ``key`` is exactly one phrase."""
        return any(parts == key for parts, _ in self.table.get(key[0], ())) if key else False

    def match(self, words: Words, i: int) -> int:
        return self.match_low(words.low, i, words)

    def match_low(self, low: list[str], i: int, words: Words | None = None) -> int:
        """Like ``match`` on a list of folded words; ``words`` (when given)
        also requires the phrase's words to be separated by spaces only."""
        for parts, star in self.table.get(low[i], ()):
            n = len(parts)
            if i + n > len(low):
                continue
            if all(low[i + k] == parts[k] for k in range(1, n - 1 if star else n)):
                if star and n > 1 and not low[i + n - 1].startswith(parts[-1]):
                    continue
                if n == 1 or words is None or all(words.spaced(i + k) for k in range(n - 1)):
                    return n
        for parts, _ in self.table.get("*", ()):
            if low[i].startswith(parts[0]):
                return 1
        return 0

    def occurs_in(self, low: tuple[str, ...]) -> bool:
        """True when some phrase occurs in the folded word tuple ``low``."""
        table = self.table
        if not self.prefixes and not any(x in table for x in low):
            return False
        seq = list(low)
        return any(self.match_low(seq, i) for i in range(len(seq)))
