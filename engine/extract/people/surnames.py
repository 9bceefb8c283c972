"""Surname-only references that do not simply belong to the latest namesake.

Owns two decisions the entity grouper asks about a one-word person mention
("Robinson", "Mr Seeley"):

* **ambiguous**: two different people with that surname were named in full
  before it (Andy Robinson and Jason Robinson, Bill and Hillary Clinton).
  The mention then gets an entity of its own, one per surname, instead of
  being tied to whichever namesake came last; facts about it are never
  merged with either person.  (The grouper first tries the honorific: "Mr
  Jackson" goes to the one namesake already called "Mr".)
* **near miss**: no one of that surname was named, but a person named in
  full has a surname one letter off ("Mr Seeley" after "William Seely").
  The mention is then a separate entity whose name borrows that person's
  first name in brackets, "(William) Seeley", so the spelling can be
  compared.  Surnames need 4+ letters and the same first letter, and a
  plural ("the Clintons") is never a near miss.  A bare surname (no
  honorific, no title right before, no speech verb next to it) must have
  5+ letters, be one edit off, and not stand in a comma list (team sheets
  name other players by surname alone).

Does not own: finding mentions or grouping full names (``people.names``).
"""

from __future__ import annotations

from collections.abc import Iterable

from ...text.strings import edit_distance, spelling_limit

_MIN_SURNAME = 4
_MAX_CANDIDATES = 20  # surnames kept per deletion key (bounds adversarial input)


def is_plural_of(a: str, b: str) -> bool:
    """True when one word is the other plus "s" or "es" ("Clintons", "Joneses")."""
    short, long = sorted((a, b), key=len)
    return long in (short + "s", short + "es")


class SurnameIndex:
    """Known surnames, found again from a misspelling in time linear in its
    length: every surname is stored under itself and each of its one-letter
    deletions, so two spellings one substitution, insertion, deletion or
    transposition apart share a key ("symmetric delete")."""

    def __init__(self) -> None:
        self.keys: dict[str, list[str]] = {}
        self.known: set[str] = set()

    @staticmethod
    def _deletions(word: str) -> set[str]:
        return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}

    def add(self, surname: str) -> None:
        if surname in self.known or len(surname) < _MIN_SURNAME:
            return
        self.known.add(surname)
        for key in self._deletions(surname):
            bucket = self.keys.setdefault(key, [])
            if len(bucket) < _MAX_CANDIDATES:
                bucket.append(surname)

    def near_miss(self, word: str, max_edits: int = 2) -> str | None:
        """The known surname that ``word`` most likely misspells, or None:
        same first letter, not a plural of it, and within the edits
        ``spelling_limit`` allows (never more than ``max_edits``)."""
        if len(word) < _MIN_SURNAME or word in self.known:
            return None
        best, best_distance = None, max_edits + 1
        for key in sorted(self._deletions(word)):
            for surname in self.keys.get(key, ()):
                if surname[:1] != word[:1] or is_plural_of(word, surname):
                    continue
                limit = min(max_edits, spelling_limit(word, surname))
                distance = edit_distance(word, surname, limit)
                if distance <= limit and (distance, surname) < (best_distance, best or "~"):
                    best, best_distance = surname, distance
        return best


def distinct_first_names(keys: Iterable[tuple[str, ...]], canonical) -> int:
    """How many different first names (after ``canonical``: nicknames) ``keys`` have."""
    return len({canonical(k[0]) for k in keys if len(k) >= 2})
