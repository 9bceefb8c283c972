"""Grouping name mentions into entities, and the entities' types.

Owns: ``Entity`` and ``EntityGrouper``, which puts body mentions into
entities (full name, surname-only and honorific references, nicknames,
acronyms and plural/singular variants of a name), marks surname-only
references shared by two people named in full as ambiguous, presumes the
first name of a surname-only near miss ("Mr Seeley" after "William Seely"),
attaches headline mentions only to entities of the body (headline words
never create entities), and gives each entity a modest type (person,
organization, place, unknown).  A name opening its sentence before ", who
..." is a person (a relative clause only people take; not a place or an
organisation word), and a speech verb after such a clause makes it a
speaker ("Kowalcyzk, who trains in Leeds, said").

Does not own: finding mentions (``people.names``), surname spelling
comparison (``people.surnames``), roles, ages (``people.roles``,
``people.ages``) or fact records (``people``).
"""

from __future__ import annotations

import re

from ...text.words import Words
from .mentions import Entity, Mention
from .names import CONNECTORS, WHO_AFTER
from .surnames import SurnameIndex, distinct_first_names
from .tables import NameTables

#: a company's legal suffix: "Acme Corp" and "Acme" are one company
_COMPANY_SUFFIXES = frozenset("corp corporation inc ltd plc llc co".split())
_MAX_NAMESAKES = 20  # entities sharing a surname that a full name is compared with
_MALE_HONORIFICS = frozenset("mr sir lord monsieur herr senor signor".split())
_FEMALE_HONORIFICS = frozenset("mrs ms miss dame lady baroness mme mlle".split())
# A bare surname-only mention (no honorific, title or speech verb) is only
# taken for a misspelt surname when it is at least this long ("Hull" is not "Hill").
_MIN_BARE_SURNAME = 5
# "Kowalcyzk, who trains in Leeds, said": the word after a short relative clause
_AFTER_RELATIVE_CLAUSE = re.compile(r"[ \t]+who[ \t][^,.;:!?\r\n\"\u201c\u201d]{1,100},[ \t]+(\w+)")


class EntityGrouper:
    """Groups body mentions into entities; attaches matching headline ones."""

    def __init__(self, words: Words, tables: NameTables):
        self.w = words
        self.t = tables
        self.entities: list[Entity] = []
        self.by_key: dict[tuple[str, ...], Entity] = {}
        self.by_surname: dict[str, list[Entity]] = {}
        self.surnames = SurnameIndex()
        self.ambiguous: dict[str, Entity] = {}
        self.by_base: dict[tuple[str, ...], Entity] = {}  # "acme" for "Acme Corp"

    def _first_name(self, word: str) -> str:
        return self.t.nicknames.get(word, word)

    def _find(self, m: Mention) -> Entity | None:
        if m.alias_of is not None and m.alias_of.entity is not None:
            return m.alias_of.entity
        key = m.key
        if len(key) == 1 and not self.t.places.has(key):
            namesakes = self.by_surname.get(key[0], [])[-_MAX_NAMESAKES:]
            if distinct_first_names((e.key for e in namesakes), self._first_name) >= 2:
                return self._same_honorific(m, namesakes) or self._same_title(m, namesakes) or self._ambiguous(key)
        found = self.by_key.get(key) or self.by_base.get(key)
        if found is not None:
            return found  # (or "Acme" after "Acme Corp")
        if len(key) >= 2 and key[-1] in _COMPANY_SUFFIXES and key[:-1] in self.by_key:
            return self.by_key[key[:-1]]  # "Acme Corp" after "Acme"
        if len(key) == 1:
            people = self.by_surname.get(key[0], ()) if not self.t.places.has(key) else ()
            return people[-1] if people else None
        for other in self._number_variants(key):
            if other in self.by_key:
                return self.by_key[other]  # "Liberal Democrat(s)", "the Wayne Rooneys of this world"
        for e in self.by_surname.get(key[-1], [])[-_MAX_NAMESAKES:]:
            if len(e.key) == len(key) and self._first_name(e.key[0]) == self._first_name(key[0]) and e.key[1:] == key[1:]:
                return e
        longer = [e for e in self.by_surname.get(key[-1], [])[-_MAX_NAMESAKES:] if _trailing_part(key, e.key) or _trailing_part(e.key, key)]
        if len(longer) == 1:
            return longer[0]  # "Christian Andersen" and "Hans Christian Andersen" (not when two people end so)
        single = self.by_key.get((key[-1],))
        if (
            single is not None
            and len(single.key) == 1
            and not single.ambiguous
            and single.entity_type not in ("organization", "place")
            and self._looks_personal(m)
        ):
            return single
        return None

    @staticmethod
    def _number_variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The same multi-word name with its last word made plural or singular."""
        last = key[-1]
        out = [key[:-1] + (last + "s",)]
        if last.endswith("s") and len(last) > 4:
            out.append(key[:-1] + (last[:-1],))
        return out

    def _gender(self, m: Mention) -> str | None:
        if not m.honorific:
            return None
        word = self.w.low[self.w.index_starting(m.start)]
        return "m" if word in _MALE_HONORIFICS else "f" if word in _FEMALE_HONORIFICS else None

    def _same_honorific(self, m: Mention, namesakes: list[Entity]) -> Entity | None:
        """ "Mr Jackson" when only one of the Jacksons named so far was called "Mr"."""
        gender = self._gender(m)
        if gender is None:
            return None
        same = [e for e in namesakes if any(self._gender(x) == gender for x in e.mentions)]
        return same[0] if len(same) == 1 else None

    def _title_word(self, m: Mention) -> str | None:
        return self.w.low[m.first - 1] if (m.titled or m.honorific) and m.first > 0 else None

    def _same_title(self, m: Mention, namesakes: list[Entity]) -> Entity | None:
        """ "Sen. Cole" when only one of the Coles named so far was called
        "Sen." ("Sen. Ruth Cole and her husband, Rep. Daniel Cole")."""
        title = self._title_word(m)
        if title is None:
            return None
        same = [e for e in namesakes if any(self._title_word(x) == title for x in e.mentions)]
        return same[0] if len(same) == 1 else None

    def _ambiguous(self, key: tuple[str, ...]) -> Entity:
        e = self.ambiguous.get(key[0])
        if e is None:
            e = self.ambiguous[key[0]] = Entity(key, ambiguous=True, person_evidence=True)
            self.entities.append(e)
        return e

    def _presumed_first(self, m: Mention) -> str | None:
        """The written first name of the person a surname-only mention
        probably misspells ("William" for "Mr Seeley" after "William Seely")."""
        if len(m.key) != 1 or m.alias_of is not None or self.t.places.has(m.key):
            return None
        bare = not (m.honorific or m.titled or self._speaks(m))
        if bare and (len(m.key[0]) < _MIN_BARE_SURNAME or self._in_list(m)):
            return None  # team sheets list other players by surname alone
        surname = self.surnames.near_miss(m.key[0], max_edits=1 if bare else 2)
        if surname is None:
            return None
        target = self.by_surname[surname][-1]
        full = max(target.mentions, key=lambda x: (len(x.key), -x.start))
        return " ".join(self.w.text[full.name_start : self.w.start[full.last]].split()) or None

    def _in_list(self, m: Mention) -> bool:
        """A name between commas, or opening a line before a comma ("Sheahan, Horan, Miller")."""
        w = self.w
        if m.relative:
            return False  # "Kowalcyzk, who trains in Leeds,": a sentence, not a list
        before = w.gap(m.first - 1).strip(" \t\u00a0") if m.first > 0 else "\n"
        after = w.gap(m.last).strip(" \t\u00a0")[:1] if m.last + 1 < len(w) else "."
        return after in (",", ";", "(") and before[-1:] in (",", ";", "\n", "\r")

    def _speaks(self, m: Mention) -> bool:
        """A speech verb right after the mention, or right before it unless
        the name only modifies a later name ("said Cup doctor Hamish Osborne")."""
        w = self.w
        after, before = m.last + 1, w.index_starting(m.start) - 1
        if after < len(w) and w.low[after] in self.t.speech and w.spaced(m.last):
            return True
        if WHO_AFTER.match(w.text, m.end):  # "Kowalcyzk, who trains in Leeds, said"
            clause = _AFTER_RELATIVE_CLAUSE.match(w.text, m.end + 1)
            return clause is not None and clause.group(1).lower() in self.t.speech
        if before < 0 or w.low[before] not in self.t.speech or not w.spaced(before) or not w.low[before].endswith(("s", "d")):
            return False  # "say analysts": an inverted plain "say" has a plural subject
        return not (after + 1 < len(w) and w.spaced(m.last) and w.spaced(after) and w.raw[after + 1][:1].isupper())

    def _looks_personal(self, m: Mention) -> bool:
        return m.honorific or m.titled or m.key[0] in self.t.first_names

    def add(self, m: Mention) -> None:
        e = self._find(m)
        if e is None:
            if m.headline:
                return
            presumed = self._presumed_first(m)
            e = Entity(m.key, presumed_first=presumed, person_evidence=presumed is not None)
            self.entities.append(e)
        e.mentions.append(m)
        m.entity = e
        if not m.headline and not e.ambiguous:
            self.by_key.setdefault(m.key, e)
            if len(m.key) >= 2 and m.key[-1] in _COMPANY_SUFFIXES:
                self.by_base.setdefault(m.key[:-1], e)
            if len(m.key) > len(e.key):
                e.key = m.key
            if len(e.key) >= 2 and not self.t.orgs.occurs_in(e.key):
                bucket = self.by_surname.setdefault(e.key[-1], [])
                for k, other in enumerate(bucket):
                    if other is e:  # identity: entities are dataclasses, == compares fields
                        del bucket[k]
                        break
                bucket.append(e)
                self.surnames.add(e.key[-1])
        surname_reference = len(m.key) == 1 and len(e.key) >= 2 and not m.headline and m.alias_of is None
        relative = m.relative and not self.t.places.has(m.key) and not self.t.orgs.occurs_in(m.key)
        if m.honorific or m.titled or surname_reference or relative or (len(m.key) >= 2 and m.key[0] in self.t.first_names):
            e.person_evidence = True
        if len(e.key) >= 2 and self._speaks(m):
            e.speaker = True

    def group(self, mentions: list[Mention]) -> list[Entity]:
        for m in mentions:
            if not m.headline:
                self.add(m)
        for m in mentions:
            if m.headline:
                self.add(m)
        for e in self.entities:
            e.mentions.sort(key=lambda x: x.start)
            e.entity_type = self.type_of(e)
        self.type_by_first_names()
        self.entities.sort(key=lambda e: e.first.start)
        return self.entities

    def type_by_first_names(self) -> None:
        """An untyped two- or three-word name whose first word is the first
        name, or whose last word the surname, of a person named in full in
        the same article is a person too ("Katarina Novak" beside "Katarina
        Nowak said", "Mario Rubio" beside "Sen. Marco Rubio")."""
        people = [e.key for e in self.entities if e.entity_type == "person" and len(e.key) >= 2]
        firsts, lasts = {k[0] for k in people}, {k[-1] for k in people}
        for e in self.entities:
            if (
                e.entity_type == "unknown"
                and 2 <= len(e.key) <= 3
                and (e.key[0] in firsts or e.key[-1] in lasts)
                and not any(k in CONNECTORS or self.t.places.has((k,)) or self._group_word(k) for k in e.key)
            ):
                e.entity_type = "person"

    def _group_word(self, word: str) -> bool:
        """A member-of-a-group word, singular or plural ("Democrats", "Americans")."""
        groups = self.t.groups
        return word in groups or word in self.t.demonyms or (word.endswith("s") and (word[:-1] in groups or word[:-1] in self.t.demonyms))

    def type_of(self, e: Entity) -> str:
        keys = {m.key for m in e.mentions}
        if any(m.honorific for m in e.mentions):
            return "person"
        if self._group_word(e.key[-1]):
            return "unknown"  # "Wyoming Republicans said", "Cuban Americans"
        if any(self.t.orgs.occurs_in(k) for k in keys):
            return "organization"
        if not e.speaker and not any(m.titled for m in e.mentions) and any(len(k) >= 2 and self.t.places.has(k) for k in keys):
            return "place"  # "Rio de Janeiro": a first name ("Rio") opening a place's name is no evidence
        if e.person_evidence or e.speaker:
            return "person"
        if any(self.t.places.has(k) for k in keys):
            return "place"
        return "unknown"


def _trailing_part(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether the name ``short`` (two words or more) is the end of the
    longer name ``long``: "Christian Andersen" of "Hans Christian Andersen",
    "Garcia Marquez" of "Gabriel Garcia Marquez"."""
    return 2 <= len(short) < len(long) and long[-len(short) :] == short
