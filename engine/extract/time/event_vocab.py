"""Event vocabularies: the event-word lexicons as word sets.

Owns: ``Vocabulary`` (built once per lexicon by ``vocabulary``), which finds
listed words and phrases word by word in a short window of text (much
cheaper there than the lexicon's big regex): single words, multi-word
phrases, and "stem*" entries with regular endings ("-s", "-ed", "-ing", a
doubled last letter: "kidnapped").  A verb vocabulary skips capitalized
words and noun uses after a determiner ("a sign of", "their launches").

Does not own: which windows are searched or what a hit means
(``time.events``), or lemmas and keys (``time.event_keys``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon import normalize_phrase

_NOUN_DETERMINER = re.compile(r"(?<![\w])(?:a|an|the|its|his|her|their|our|my|your)\s{1,3}$", re.IGNORECASE)
_WORD_TOKEN = re.compile(r"(?<![A-Za-z])[A-Za-z]+(?:-[A-Za-z]+)*")
_VERB_ENDINGS = ("", "s", "es", "d", "ed", "ing")


class Hit:
    """A vocabulary hit with the ``re.Match``-like accessors the finders use."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text


class Vocabulary:
    """A lexicon as word sets, matched word by word (much cheaper than the
    lexicon's big regex in the short windows searched here)."""

    def __init__(self, phrases: tuple[str, ...], verbs: bool) -> None:
        self.words: set[str] = set()
        self.firsts: dict[str, list[tuple[str, ...]]] = {}
        stems = []
        for phrase in phrases:
            norm = normalize_phrase(phrase)
            if norm.endswith("*"):
                stems.append(norm[:-1])
            elif " " in norm:
                parts = tuple(norm.split(" "))
                self.firsts.setdefault(parts[0], []).append(parts[1:])
            else:
                self.words.add(norm)
        self.stems = tuple(sorted(stems, key=len, reverse=True))
        self.stem_set = frozenset(stems)
        self.stem_lengths = tuple(sorted({len(s) for s in stems}, reverse=True))
        self.verbs = verbs

    def has_word(self, norm: str) -> bool:
        """``norm`` is a listed word or a listed stem plus a regular ending."""
        if norm in self.words:
            return True
        for n in self.stem_lengths:
            if n < len(norm) + 1 and norm[:n] in self.stem_set and _regular_ending(norm[n:], norm[:n]):
                return True
        return False

    def finditer(self, text: str, lo: int, hi: int) -> list[Hit]:
        out: list[Hit] = []
        words = list(_WORD_TOKEN.finditer(text, lo, hi))
        for i, w in enumerate(words):
            raw = w.group()
            if text[w.end() : w.end() + 1] in ("'", "\u2019") and text[w.end() + 1 : w.end() + 2].isalpha():
                continue  # part of a contraction: "won't" is not "won", "can't" not "can"
            if self.verbs and (not raw[:1].islower() or _NOUN_DETERMINER.search(text, max(0, w.start() - 7), w.start())):
                continue  # a capitalized word or a noun use ("a sign of", "their launches")
            norm = raw.lower().replace("’", "'")
            for rest in self.firsts.get(norm, ()):
                tail = words[i + 1 : i + 1 + len(rest)]
                if len(tail) == len(rest) and all(t.group().lower() == r for t, r in zip(tail, rest)):
                    out.append(Hit(w.start(), tail[-1].end(), text[w.start() : tail[-1].end()]))
                    break
            else:
                if self.has_word(norm):
                    out.append(Hit(w.start(), w.end(), raw))
        return out

    def search(self, text: str, lo: int, hi: int) -> Hit | None:
        found = self.finditer(text, lo, hi)
        return found[0] if found else None

    def __contains__(self, phrase: str) -> bool:
        norm = normalize_phrase(phrase)
        first, _, rest = norm.partition(" ")
        if rest:
            return tuple(rest.split(" ")) in self.firsts.get(first, ())
        return self.has_word(norm)


@lru_cache(maxsize=32)
def vocabulary(phrases: tuple[str, ...], verbs: bool) -> Vocabulary:
    return Vocabulary(phrases, verbs)


def _regular_ending(rest: str, stem: str) -> bool:
    if rest in _VERB_ENDINGS:
        return True
    return len(rest) >= 3 and rest[0] == stem[-1] and rest[1:] in ("ed", "ing")  # kidnapped, vetoed
