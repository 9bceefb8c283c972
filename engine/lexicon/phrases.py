"""Lexicon phrases matched word by word.

Owns: ``PhraseIndex`` (a lexicon turned into a table from first word to its
phrases, as word tuples, so phrases are found token by token over ``Words``
instead of with one large alternation regex).  Phrases are split into words
exactly as the text is (``factlint.text.words``), so "vice-president" is one
word and "press secretary" two.

Does not own: what any phrase means (the extractors).
"""

from __future__ import annotations

from ..text.words import WORD, Words, fold
from .model import Lexicon, normalize_phrase


class PhraseIndex:
    """A lexicon as a table from first word to its phrases (as word tuples).

    ``match(words, i)`` gives the number of tokens the longest phrase starting
    at token ``i`` covers (0 when none).  Phrases are tokenized like the text,
    so "vice-president" is one word and "press secretary" two.  A trailing
    ``*`` matches any ending of the last word.
    """

    def __init__(self, phrases: tuple[str, ...]):
        table: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        for phrase in phrases:
            star = phrase.endswith("*")
            parts = tuple(fold(w) for w in WORD.findall(normalize_phrase(phrase.rstrip("*"))))
            if parts:
                table.setdefault(parts[0] if not (star and len(parts) == 1) else "*", []).append((parts, star))
        for entries in table.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)
        self.table = table
        self.singles = frozenset(p[0] for entries in table.values() for p, star in entries if len(p) == 1 and not star)
        self.prefixes = tuple(p[0] for p, _ in table.get("*", ()))

    @classmethod
    def of(cls, lexicon: Lexicon) -> PhraseIndex:
        """The index of ``lexicon``, built once per lexicon."""
        return lexicon.derived(_build)

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


def _build(lexicon: Lexicon) -> PhraseIndex:
    return PhraseIndex(lexicon.phrases)
