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

A denial said as a negated claim ("no stations would close", "the board
had not agreed to close the unit"; ``negated_predicate`` finds the word its
negation denies) is contradicted only by a text that says that word is so
(the word itself, or a phrase of the same topic class: "is not for sale"
and "will be sold"); a text that does not say it, or says it is not so,
agrees.  Published copy is full of negative statements: this keeps them
from conflicting with every report that merely shares their topic.

Words match by prefix, to cover inflections ("close" matches "closed",
"closing", "closure"; at most three letters more).  This is deliberately
small: it catches the plain agreeing case, not paraphrase.

Does not own: topic overlap (``context``/``extract.passes.topics``) or stance.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import Lexicon, Lexicons

_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?")
_NEGATIONS = frozenset("not no never cannot".split())
_AUXILIARIES = frozenset(
    "is are was were am be been will would shall should can could may might must do does did has have had".split()
)
_NEGATIVE_SUBJECTS = frozenset("no none nobody nothing neither".split())
#: words that end the main clause of a denied text: a subordinate clause follows
_CLAUSE_STOPS = frozenset(
    """, ; : that which who whom whose because if unless when while although though after before since until
    as but and or whether where""".split()
)
_FUNCTION = frozenset("the a an any of for in on at to by with from longer".split())
_CLAUSE_TOKEN = re.compile(r"[a-z]+|[,;:]")
#: how many words of a denied text's main clause are read for its negation
_CLAUSE_WORDS = 14
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
    predicate = negated_predicate(denied, lexicons)
    if predicate is not None:
        # "the board had not agreed to close": only a text saying it agreed contradicts it
        said = [i for i, word in enumerate(o_words) if _same(word, predicate)]
        if not said and not _same_class(predicate, other, lexicons):
            return True
        if said and all(_negated(o_words, i) for i in said):
            return True  # the other text says it did not, either
    for x, y in _pairs(lexicons.get("opposite-words")):
        if _has(d_words, x) and _has(o_words, y) and not _has(o_words, x) and not _has(d_words, y):
            return True
    for i, word in enumerate(o_words):
        if len(word) > 3 and _negated(o_words, i) and any(_same(word, d) and not _negated(d_words, j) for j, d in enumerate(d_words)):
            return True
    return False


def negated_predicate(denied: str, lexicons: Lexicons) -> str | None:
    """For a denial said as a negated claim ("no stations would close", "the
    board had not agreed to close", "is not for sale"), the word the
    negation denies ("close", "agreed", "sale"): for "not"/"never"/"n't"
    after an auxiliary, the next word that is no auxiliary, article or
    preposition; for a negative subject ("no", "none", "nobody"), the word
    after the auxiliaries that follow the subject, else the subject's noun
    ("there was no call": "call").  Only the main clause (up to a comma or
    a subordinating word, at most ``_CLAUSE_WORDS`` words) is read.  None
    when there is no such negation, or the text holds a ``denial-phrases``
    phrase ("no plans to sell the port": that phrase makes the denial, and
    what it denies is the rest)."""
    if lexicons.get("denial-phrases").search(denied):
        return None
    tokens = _CLAUSE_TOKEN.findall(denied.lower().replace("n't", " not").replace("n\u2019t", " not"))
    prev = ""
    for i, tok in enumerate(tokens[:_CLAUSE_WORDS]):
        if tok in _CLAUSE_STOPS:
            return None
        if tok in _NEGATIONS and (tok == "cannot" or prev in _AUXILIARIES or prev in ("ca", "wo")):
            return _next_content_word(tokens, i + 1, skip_auxiliaries=True)
        if tok in _NEGATIVE_SUBJECTS and (i == 0 or prev in _AUXILIARIES or prev in ("there", "it")):
            rest = tokens[i + 1:i + 1 + _CLAUSE_WORDS]
            aux = next((k for k, w in enumerate(rest) if w in _AUXILIARIES or w in _CLAUSE_STOPS), None)
            if aux is not None and rest[aux] in _AUXILIARIES:
                found = _next_content_word(rest, aux, skip_auxiliaries=True)
                if found is not None:
                    return found
            return _next_content_word(tokens, i + 1, skip_auxiliaries=False)
        prev = tok
    return None


def _next_content_word(tokens: list[str], i: int, skip_auxiliaries: bool) -> str | None:
    for tok in tokens[i:i + 6]:
        if tok in _CLAUSE_STOPS:
            return None
        if tok in _FUNCTION or (skip_auxiliaries and (tok in _AUXILIARIES or tok in _BETWEEN)):
            continue
        return tok if len(tok) > 2 else None
    return None


def _same_class(word: str, other: str, lexicons: Lexicons) -> bool:
    """Does ``other`` hold a phrase of a topic class (lexicons ``topic-*``)
    that ``word`` belongs to ("sale" and "will be sold": class sale)?"""
    return any(lexicon.search(word) and lexicon.search(other) for lexicon in lexicons.with_prefix("topic-"))


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
