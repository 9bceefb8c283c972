"""The word tables of the quantity extractor.

Owns: ``Tables``, the lexicon tables built once per set of lexicons
(``tables_of``): approximators before and after a figure, currencies, units,
time units, irregular plurals, noun synonyms, noun stop and skip words,
label and rank words, age cues and metre nouns; reading their
"phrase=meaning" entries (``meaning_of``; "prefix*" matches one word that
starts with the prefix); and the spelled-out number words up to ninety
(``ONES``, ``TENS``), which figures are read from and noun phrases end at.

Does not own: what the tables are used for (``quantity``,
``quantity.numbers``, ``quantity.filters``, ``quantity.noun``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lexicon import (
    IdentityCache,
    Lexicon,
    Lexicons,
    cached_by_identity,
    normalize_phrase,
)

#: fraction words: "two thirds of voters" is a share, not a count of thirds
FRACTIONS = frozenset("half halves third thirds quarter quarters fifth fifths sixth sixths eighth eighths "
                      "tenth tenths".split())

ONES = dict(zip("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                "fifteen sixteen seventeen eighteen nineteen".split(), range(20)))
TENS = dict(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10)))


@dataclass
class Tables:
    approx: re.Pattern[str]
    approx_map: dict[str, str]
    postfix: Lexicon
    postfix_map: dict[str, str]
    currencies: Lexicon
    currency_map: dict[str, str]
    units: Lexicon
    unit_map: dict[str, str]
    time_units: Lexicon
    irregular: dict[str, str]
    synonyms: dict[str, str]
    stops: frozenset[str]
    skips: frozenset[str]
    labels: frozenset[str]
    ranks: frozenset[str]
    age_cues: re.Pattern[str]
    metre_nouns: frozenset[str]
    #: the last words of the approximators, for ``may_end_with`` (None: one ends in a "*" or is not ASCII)
    approx_last_words: tuple[str, ...] | None = None
    number_words: frozenset[str] = frozenset([*ONES, *TENS])  # they end a noun phrase


def _pairs(lex: Lexicon) -> tuple[Lexicon, dict[str, str]]:
    """Split "phrase=meaning" entries into a phrase lexicon and a meaning map."""
    mapping: dict[str, str] = {}
    for entry in lex.phrases:
        phrase, _, meaning = entry.rpartition("=")
        mapping[normalize_phrase(phrase or meaning)] = meaning.strip()
    return Lexicon(lex.name, tuple(mapping)), mapping


def meaning_of(mapping: dict[str, str], text: str) -> str | None:
    norm = normalize_phrase(text)
    if norm in mapping:
        return mapping[norm]
    for phrase, meaning in mapping.items():
        if phrase.endswith("*") and norm.startswith(phrase[:-1]) and " " not in norm[len(phrase) - 1:]:
            return meaning
    return None


@lru_cache(maxsize=8)
def _tables(lexicons: tuple[Lexicon, ...]) -> Tables:
    (approx, postfix, curr, units, time_units, irregular, synonyms, stops, skips, labels, ranks, ages, metre) = lexicons
    approx_lex, approx_map = _pairs(approx)
    alts = approx_lex.pattern.pattern[len(r"(?<![\w])"):-len(r"(?![\w])")] if approx_lex.phrases else "(?!x)x"
    age_alts = ages.pattern.pattern[len(r"(?<![\w])"):-len(r"(?![\w])")] if ages.phrases else "(?!x)x"
    words = lambda lex: frozenset(normalize_phrase(p) for p in lex.phrases)  # noqa: E731
    return Tables(
        re.compile(r"(?<![\w])" + alts + r"(?:\s+|\s*-\s*)\Z", re.I),
        approx_map,
        *_pairs(postfix), *_pairs(curr), *_pairs(units),
        time_units=time_units,
        irregular=_pairs(irregular)[1], synonyms=_pairs(synonyms)[1],
        stops=words(stops), skips=words(skips), labels=words(labels), ranks=words(ranks),
        age_cues=re.compile(r"(?<![\w])" + age_alts + r"\s+\Z", re.I),
        metre_nouns=words(metre),
        approx_last_words=_last_words(approx_lex),
    )


def _last_words(lex: Lexicon) -> tuple[str, ...] | None:
    last = tuple(sorted({normalize_phrase(p).split(" ")[-1] for p in lex.phrases if p.strip()}))
    return None if any(w.endswith("*") or not w.isascii() for w in last) else last


def may_end_with(text: str, last_words: tuple[str, ...]) -> bool:
    """False when no phrase ending in one of ``last_words`` (lower case,
    ASCII) can end ``text`` before white space or a hyphen, as a lexicon
    regex ignoring case reads it; True when one may (or when the text holds
    İ, ı or ſ, which that regex folds its own way)."""
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        return True
    end = text.rstrip()
    ends = (end, end[:-1].rstrip()) if end.endswith("-") else (end,)
    return any(e.lower().replace("\u2019", "'").endswith(last_words) for e in ends)


_LEXICON_NAMES = ("approximators", "quantity-postfix-approximators", "quantity-currencies", "quantity-units",
                  "quantity-time-units", "quantity-irregular-plurals", "quantity-noun-synonyms",
                  "quantity-noun-stops", "quantity-noun-skip", "quantity-label-words", "quantity-rank-words",
                  "quantity-age-cues", "quantity-metre-nouns")


_BY_IDENTITY = IdentityCache()


def tables_of(lex: Lexicons) -> Tables:
    """The tables for ``lex`` (cached per set of lexicons).  The same lexicon
    objects are found by identity first: hashing a lexicon hashes all its
    phrases."""
    return cached_by_identity(_BY_IDENTITY, lex, _LEXICON_NAMES, lambda: _tables(tuple(lex.get(name) for name in _LEXICON_NAMES)))
