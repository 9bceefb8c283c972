"""The people family's records: a written name (``Mention``) and the entity it names.

Owns: ``Mention`` (one written reference to a name, with its offsets,
tokens and folded key) and ``Entity`` (the mentions grouped as one person,
organisation or place, with what the family learns about it).  Both are
shared by the family's steps: names are found (``names``), grouped
(``grouping``), and read for roles and ages (``roles``, ``ages``).

Does not own: finding or grouping names.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    """One written reference to an entity.  ``start`` includes an honorific
    ("Mr Thomas"); ``key`` is the folded name words without it."""

    start: int
    end: int
    name_start: int  # start of the name proper (after any honorific)
    first: int  # token index of the first name word
    last: int  # token index of the last name word
    key: tuple[str, ...]
    honorific: bool = False
    titled: bool = False  # a person title stands right before it
    headline: bool = False
    alias_of: Mention | None = None  # the mention this one abbreviates or expands
    sic: bool = False  # followed by "[sic]": a spelling kept from a source on purpose
    #: opens its sentence and ", who ..." follows ("Kowalcyzk, who trains in
    #: Leeds, said"): the subject of a relative clause only people take
    relative: bool = False
    entity: Entity | None = None


@dataclass
class Entity:
    key: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)
    entity_type: str = "unknown"
    person_evidence: bool = False
    speaker: bool = False
    #: surname-only references shared by two people named in full (see people.surnames)
    ambiguous: bool = False
    #: for a surname-only near miss ("Mr Seeley" after "William Seely"): the
    #: first name(s) as written for the person it is probably meant to be
    presumed_first: str | None = None

    @property
    def first(self) -> Mention:
        return self.mentions[0]
