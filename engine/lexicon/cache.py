"""Values built from several lexicons at once, kept while those lexicons are in use.

Owns: ``IdentityCache`` (values keyed by the identity of a tuple of
lexicon objects) and ``cached_by_identity`` (a value built from named
lexicons of a ``Lexicons``).  A value built from one lexicon is kept on the
lexicon itself (``Lexicon.derived``); this module is for tables that read
several lexicons together, such as every lexicon of the quantity extractor.
Lexicons are found by identity first because hashing a lexicon hashes all
its phrases.

Does not own: what is built (the extractors' tables).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .model import Lexicon, Lexicons

_Built = TypeVar("_Built")


class IdentityCache:
    """Values keyed by a tuple of objects, compared by identity.  The
    objects are held beside the value, so their ids cannot be reused by
    other objects while the entry lives; the cache is emptied when it holds
    ``limit`` entries (a process sees a handful of rule sets)."""

    def __init__(self, limit: int = 8) -> None:
        self.limit = limit
        self._entries: dict[tuple[int, ...], tuple[tuple[Any, ...], Any]] = {}

    def get(self, objs: tuple[Any, ...], build: Callable[[], _Built]) -> _Built:
        key = tuple(map(id, objs))
        entry = self._entries.get(key)
        if entry is None or any(a is not b for a, b in zip(entry[0], objs)):
            if len(self._entries) >= self.limit:
                self._entries.clear()
            entry = self._entries[key] = (objs, build())
        return entry[1]


def cached_by_identity(store: IdentityCache, lex: Lexicons, names: tuple[str, ...], build: Callable[[], _Built]) -> _Built:
    """A value built from the lexicons ``names`` of ``lex`` (``build()``),
    kept in ``store`` while the same lexicon objects are in use."""
    objs: tuple[Lexicon | None, ...] = tuple(lex.items.get(n) for n in names)
    return store.get(objs, build)
