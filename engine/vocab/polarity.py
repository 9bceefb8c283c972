"""Polarity: whether a fact says the opposite of what a denial denies.

Owns: ``says_opposite(denied, other, lexicons)``, used by ``conflicts with``
so that a denial does not "conflict" with a document that agrees with it:
the letter says the ward "will stay open", the spokesman denies that the
ward "would close".  Two signs, both read from the texts themselves:

* an opposite pair from the ``opposite-words`` lexicon ("close=open"): the
  denied text has one side, the other text has the other side and not the
  first ("close" denied, "stay open" written);
* a negation ("not", "no", "never", "n't", "no plans to") right before a
  word of the denied text that the other text repeats ("will not close"
  against a denial of "would close"), when the denied text itself has no
  negation before it; only auxiliaries may stand between, and not after
  "should"/"must" ("should not have been allowed" says it was allowed).

Words match by prefix, to cover inflections ("close" matches "closed",
"closing", "closure"; at most three letters more).  This is deliberately
small: it catches the plain agreeing case, not paraphrase.

Does not own: topic overlap (``context``/``extract.topics``) or stance.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import Lexicon, Lexicons

_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?")
_NEGATIONS = frozenset("not no never cannot".split())
_BETWEEN = frozenset("be been being have has had to plans plan intention going".split())
_OBLIGATION = frozenset("should ought must".split())
#: words between a negation and the word it negates ("will not be closed", "no plans to close")
_NEGATION_REACH = 3
_MAX_SUFFIX = 3


def says_opposite(denied: str, other: str, lexicons: Lexicons) -> bool:
    """True when ``other`` states the opposite of ``denied`` (see the module docstring)."""
    d_words, o_words = _words(denied), _words(other)
    if not d_words or not o_words:
        return False
    for x, y in _pairs(lexicons.get("opposite-words")):
        if _has(d_words, x) and _has(o_words, y) and not _has(o_words, x) and not _has(d_words, y):
            return True
    for i, word in enumerate(o_words):
        if len(word) > 3 and _negated(o_words, i) and any(_same(word, d) and not _negated(d_words, j) for j, d in enumerate(d_words)):
            return True
    return False


def _words(text: str) -> list[str]:
    low = text.lower().replace("n't", " not").replace("n\u2019t", " not")
    return _WORD.findall(low)


def _negated(words: list[str], i: int) -> bool:
    """A negation at most three words before word ``i`` with only auxiliaries
    between ("not close", "won't be closed", "no plans to close"), and not
    after a modal of obligation ("should not have been allowed" says it was)."""
    for k in range(i - 1, max(-1, i - 1 - _NEGATION_REACH), -1):
        if words[k] in _NEGATIONS:
            return not (k > 0 and words[k - 1] in _OBLIGATION)
        if words[k] not in _BETWEEN:
            return False
    return False


def _same(word: str, stem: str) -> bool:
    short, long = (word, stem) if len(word) <= len(stem) else (stem, word)
    return len(short) > 2 and long.startswith(short[:-1] if short.endswith("e") else short) and len(long) - len(short) <= _MAX_SUFFIX


def _has(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(all(_same(words[i + k], phrase[k]) or words[i + k] == phrase[k] for k in range(n)) for i in range(len(words) - n + 1))


@lru_cache(maxsize=8)
def _pairs(lexicon: Lexicon) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """"close=stay open" phrases as word tuples, both ways round."""
    out = []
    for phrase in lexicon.phrases:
        left, sep, right = phrase.lower().partition("=")
        if sep and left.split() and right.split():
            a, b = tuple(left.split()), tuple(right.split())
            out += [(a, b), (b, a)]
    return tuple(out)
