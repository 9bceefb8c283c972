"""Readings: what ``says_opposite`` needs of one text, read once per text.

Owns ``Polarity``: for one set of lexicons, a cache from a text to its
``Reading`` (its words, indexed by their first two letters; the negated
predicate; the opposite-words phrases it holds; its negated words and its
words not negated; the topic classes it names), and ``says_opposite`` of
two texts computed from their readings.  It gives exactly what
``polarity.says_opposite`` gives (``tests/test_fast_paths.py`` compares the
two); the plain function stays the definition.

Why: ``conflicts with`` asks ``says_opposite`` of every pair of a denial and
a claim that share a topic.  The plain function re-reads both texts and
tries every opposite-words phrase at every word, each time: milliseconds a
pair on long copy, hours for a long article with many denials.  Here a text
is read once, and a pair costs a few set and dictionary lookups.

The index by first two letters is exact: two words that ``_same`` relates
share their first two letters (the shorter word, or it without a final
"e", has at least two letters and begins both), and so do equal words.

Does not own: what "the opposite" means (``polarity``), nor when a text is
a denial (stance, in the extractors).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from ..lexicon import Lexicons
from .polarity import _negated, _pairs, _same, _words, negated_predicate

#: work units charged per word read (see ``Polarity.charge``)
UNITS_PER_WORD = 2


class Reading:
    """One text as ``says_opposite`` reads it; each part computed on first use."""

    def __init__(self, text: str, polarity: Polarity):
        self.text = text
        self._polarity = polarity
        self.words = _words(text)
        by2: dict[str, list[int]] = {}
        for i, word in enumerate(self.words):
            by2.setdefault(word[:2], []).append(i)
        #: positions of the words, by their first two letters
        self.by2 = by2

    def positions(self, word: str) -> list[int]:
        """Positions ``i`` with ``_same(words[i], word)``, in order."""
        words = self.words
        return [i for i in self.by2.get(word[:2], ()) if _same(words[i], word)]

    def has(self, phrase: tuple[str, ...]) -> bool:
        """``polarity._has(words, phrase)``, trying only the positions that can open it."""
        words, n = self.words, len(phrase)
        for i in self.by2.get(phrase[0][:2], ()):
            if i + n <= len(words) and all(_same(words[i + k], phrase[k]) or words[i + k] == phrase[k] for k in range(n)):
                return True
        return False

    @cached_property
    def predicate(self) -> str | None:
        return negated_predicate(self.text, self._polarity.lexicons)

    @cached_property
    def phrases(self) -> frozenset[tuple[str, ...]]:
        """The opposite-words phrases this text holds (tried only when the
        text has a word with the first two letters of the phrase's first)."""
        by_start = self._polarity.phrases_by2
        return frozenset(p for key in self.by2 for p in by_start.get(key, ()) if self.has(p))

    @cached_property
    def negated_words(self) -> frozenset[str]:
        """Words of more than three letters right after a negation."""
        words = self.words
        return frozenset(w for i, w in enumerate(words) if len(w) > 3 and _negated(words, i))

    @cached_property
    def plain_by2(self) -> dict[str, list[str]]:
        """The words not after a negation, by their first two letters."""
        words = self.words
        out: dict[str, list[str]] = {}
        for j, w in enumerate(words):
            if not _negated(words, j):
                out.setdefault(w[:2], []).append(w)
        return out

    @cached_property
    def classes(self) -> frozenset[int]:
        """Which ``topic-*`` lexicons (by position) this text holds a phrase of."""
        self._polarity.charge(len(self.words) * UNITS_PER_WORD)
        return frozenset(k for k, lexicon in enumerate(self._polarity.topic_lexicons) if lexicon.search(self.text))


class Polarity:
    """``says_opposite`` for one set of lexicons, with each text read once.

    ``charge`` is told the work done reading texts (in units, about a
    microsecond each), so that a caller with a budget can count it."""

    def __init__(self, lexicons: Lexicons, charge: Callable[[int], None] | None = None):
        self.lexicons = lexicons
        self.charge = charge or (lambda units: None)
        self._readings: dict[str, Reading] = {}
        self._word_classes: dict[str, frozenset[int]] = {}
        partners: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for x, y in _pairs(lexicons.get("opposite-words")):
            partners.setdefault(x, []).append(y)
        #: each opposite-words phrase and the phrases opposite to it
        self.partners = partners
        phrases_by2: dict[str, list[tuple[str, ...]]] = {}
        for phrase in partners:
            phrases_by2.setdefault(phrase[0][:2], []).append(phrase)
        #: the phrases by the first two letters of their first word
        self.phrases_by2 = phrases_by2
        self.topic_lexicons = lexicons.with_prefix("topic-")

    def reading(self, text: str) -> Reading:
        found = self._readings.get(text)
        if found is None:
            found = self._readings[text] = Reading(text, self)
            self.charge(1 + len(found.words) * UNITS_PER_WORD)
        return found

    def _same_class(self, word: str, other: Reading) -> bool:
        mine = self._word_classes.get(word)
        if mine is None:
            mine = self._word_classes[word] = frozenset(k for k, lex in enumerate(self.topic_lexicons) if lex.search(word))
        return bool(mine) and not mine.isdisjoint(other.classes)

    def says_opposite(self, denied: str, other: str) -> bool:
        """Exactly ``polarity.says_opposite(denied, other, lexicons)``."""
        d, o = self.reading(denied), self.reading(other)
        if not d.words or not o.words:
            return False
        predicate = d.predicate
        if predicate is not None:
            said = o.positions(predicate)
            if not said and not self._same_class(predicate, o):
                return True
            if said and all(_negated(o.words, i) for i in said):
                return True
        d_phrases, o_phrases = d.phrases, o.phrases
        for x in d_phrases:
            if x not in o_phrases and any(y in o_phrases and y not in d_phrases for y in self.partners[x]):
                return True
        plain = d.plain_by2
        for word in o.negated_words:
            if any(_same(word, w) for w in plain.get(word[:2], ())):
                return True
        return False
