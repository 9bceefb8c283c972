"""Lexicons: named phrase lists, and the one API for finding them in text.

A lexicon is data (``lexicon NAME: "phrase", ...`` in a rule file); the
shipped ones live in ``rules/lexicons/``.  Extractors ask this package, and
nothing else, whether and where a lexicon's phrases occur:

* ``Lexicons.get(name)`` -> ``Lexicon``; ``phrase in lexicon`` tests one
  phrase; ``lexicon.finditer/search(text)`` are the reference matches.
* ``fast(lexicons, name)`` -> the cached ``FastLexicon``: the same matches,
  tried only where a phrase can start.
* ``WordIndex(text)`` scans a whole text for many lexicons;
  ``FirstWordTable(lexicons)`` searches several lexicons together in short
  regions; ``PhraseIndex.of(lexicon)`` matches phrases word by word over
  ``factlint.text.words.Words``.
* ``Lexicon.derived(build)`` keeps a value built from one lexicon;
  ``cached_by_identity`` one built from several.

Modules: ``model`` (Lexicon, Lexicons), ``match`` (regex-based matchers),
``phrases`` (word-based matching), ``cache`` (values built from several
lexicons).
"""

from .cache import IdentityCache, cached_by_identity
from .match import FastLexicon, FirstWordTable, WordIndex, fast, trie, words_of
from .model import Lexicon, Lexicons, normalize_phrase
from .phrases import PhraseIndex

__all__ = [
    "FastLexicon",
    "FirstWordTable",
    "IdentityCache",
    "Lexicon",
    "Lexicons",
    "PhraseIndex",
    "WordIndex",
    "cached_by_identity",
    "fast",
    "normalize_phrase",
    "trie",
    "words_of",
]
