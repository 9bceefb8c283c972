"""Lexicons: named word lists that rules and extractors share.

Owns: the ``Lexicon`` record (with its phrase regex and membership test),
the ``Lexicons`` collection (with extension and override semantics) and
``Lexicon.derived``, the one place a value built from one lexicon is kept.  Lexicons are *data*: they
are written in rule files (``lexicon NAME: "phrase", ...``) so a newsroom can
tune extraction and rules without touching Python.  The shipped ones live in
``rules/lexicons/``.

Phrase syntax: a phrase is matched case-insensitively as whole words, with
any run of white space in the text matching a single space in the phrase, and
straight and curly apostrophes treated alike.  A trailing ``*`` on a word
matches any word ending (``deni*`` matches denied, denies, denial).

Does not own: parsing rule files (``lang``); the faster matchers built from
a lexicon (``match``, ``phrases``); values built from several lexicons
(``cache``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

_Built = TypeVar("_Built")


@dataclass(frozen=True)
class Lexicon:
    name: str
    phrases: tuple[str, ...]
    path: str = "<builtin>"
    line: int = 0

    @cached_property
    def normalized(self) -> frozenset[str]:
        return frozenset(normalize_phrase(p) for p in self.phrases if not p.endswith("*"))

    @cached_property
    def prefixes(self) -> tuple[str, ...]:
        return tuple(normalize_phrase(p[:-1]) for p in self.phrases if p.endswith("*"))

    def __contains__(self, phrase: object) -> bool:
        if not isinstance(phrase, str):
            return False
        memo = self._contains
        found = memo.get(phrase)
        if found is None:
            norm = normalize_phrase(phrase)
            found = norm in self.normalized or any(norm.startswith(p) and " " not in norm[len(p):] for p in self.prefixes)
            if len(memo) > 4096:
                memo.clear()
            memo[phrase] = found
        return found

    @cached_property
    def _contains(self) -> dict[str, bool]:
        """Memo of ``__contains__`` by phrase (extractors ask about the same words again and again)."""
        return {}

    @cached_property
    def _alternatives(self) -> list[tuple[str, str | None]]:
        """Each phrase's regex, longest first, with the lower-case word
        characters its first word opens with (None when it may open
        otherwise: a ``*`` first word, no leading word character, or one
        that is not ASCII, which the regex may fold unlike ``str.lower``)."""
        alts = []
        for p in self.phrases:
            if not p.strip():
                continue
            first = normalize_phrase(p).split(" ")[0]
            lead = _LEAD.match(first)
            key = lead.group() if lead and not first.endswith("*") and lead.group().isascii() else None
            alts.append((_phrase_regex(p), key))
        alts.sort(key=lambda a: len(a[0]), reverse=True)
        return alts

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """A regex finding any phrase of this lexicon as whole words (longest first)."""
        return _alternation([rx for rx, _ in self._alternatives])

    def match_at(self, text: str, pos: int, end: int | None = None) -> re.Match[str] | None:
        """Exactly ``self.pattern.match(text, pos, end)``, tried with only the
        phrases that can open with the word at ``pos`` (their regex is
        compiled the first time a word asks for it): a match at ``pos`` must
        begin with that word's run of word characters, so the other phrases
        cannot match there, and the phrases kept are in the same order."""
        end = len(text) if end is None else end
        lead = _LEAD.match(text, pos, end)
        key = lead.group().lower() if lead is not None else ""
        if not key.isascii() or not key:
            return self.pattern.match(text, pos, end)
        table = self._by_first_word
        sub = table.get(key, _UNSET)
        if sub is _UNSET:
            alts = [rx for rx, first in self._alternatives if first is None or first == key]
            sub = _alternation(alts) if alts else None
            if len(table) > 4096:
                table.clear()
            table[key] = sub
        return None if sub is None else sub.match(text, pos, end)

    @cached_property
    def _by_first_word(self) -> dict[str, re.Pattern[str] | None]:
        return {}

    def derived(self, build: Callable[[Lexicon], _Built]) -> _Built:
        """``build(self)``, built once per lexicon object and kept on it (a
        matcher, a table, a word set): every value derived from one lexicon
        is cached here, so it lives exactly as long as the lexicon."""
        memo = self._derived
        value = memo.get(build)
        if value is None:
            value = memo[build] = build(self)
        return value

    @cached_property
    def _derived(self) -> dict[Callable[[Lexicon], Any], Any]:
        return {}

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, start, len(text) if end is None else end)

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        return self.pattern.search(text, start, len(text) if end is None else end)


_LEAD = re.compile(r"\w+")
_UNSET: Any = object()


def _alternation(alts: list[str]) -> re.Pattern[str]:
    if not alts:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", re.IGNORECASE)


def normalize_phrase(phrase: str) -> str:
    return " ".join(phrase.replace("\u2019", "'").replace("\u2018", "'").lower().split())


def _phrase_regex(phrase: str) -> str:
    words = normalize_phrase(phrase).split(" ")
    parts = []
    for w in words:
        star = w.endswith("*")
        w = w[:-1] if star else w
        rx = re.escape(w).replace("'", "['\u2019]")
        parts.append(rx + (r"\w*" if star else ""))
    return r"\s+".join(parts)


@dataclass
class Lexicons:
    """A collection of lexicons by name.  Later definitions replace earlier
    ones; ``extend`` adds phrases to an existing lexicon."""

    items: dict[str, Lexicon] = field(default_factory=dict)
    # prefix -> (the names in ``items`` when it was filled, the (name, lexicon) pairs found)
    _by_prefix: dict[str, tuple[tuple[str, ...], list[tuple[str, Lexicon]]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def define(self, lex: Lexicon) -> None:
        self.items[lex.name] = lex

    def extend(self, name: str, phrases: Iterable[str], path: str = "<builtin>", line: int = 0) -> None:
        """Add phrases; the lexicon's location becomes this extension's (the
        last file to change a lexicon is where its problems are reported)."""
        old = self.items.get(name)
        base = old.phrases if old else ()
        self.items[name] = Lexicon(name, tuple(base) + tuple(phrases), path, line)

    def merged(self, other: Lexicons) -> Lexicons:
        out = Lexicons(dict(self.items))
        out.items.update(other.items)
        return out

    def get(self, name: str) -> Lexicon:
        """The named lexicon, or an empty one (extractors degrade gracefully)."""
        return self.items.get(name) or Lexicon(name, ())

    def __contains__(self, name: object) -> bool:
        return name in self.items

    def names(self) -> list[str]:
        return sorted(self.items)

    def with_prefix(self, prefix: str) -> list[Lexicon]:
        """The lexicons whose names start with ``prefix``, sorted by name
        (remembered while the names and those lexicons stay the same)."""
        items, names = self.items, tuple(self.items)
        cached = self._by_prefix.get(prefix)
        if cached is None or cached[0] != names or any(items[n] is not x for n, x in cached[1]):
            cached = self._by_prefix[prefix] = (names, [(n, items[n]) for n in sorted(n for n in names if n.startswith(prefix))])
        return [x for _, x in cached[1]]
