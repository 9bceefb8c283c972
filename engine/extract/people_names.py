"""Name mentions and the entities they group into.

Owns: finding capitalized name sequences ("Alyssa Farah", "Bank of America",
"al-Muhandis", "U.S."), cutting titles, honorifics and stop words out of them
("Pentagon Press Secretary Alyssa Farah" -> "Pentagon" and "Alyssa Farah",
title words left to ``people_roles``), dropping sentence-initial capitals
without evidence, pairing acronyms with their expansions in parentheses, and
grouping mentions into entities (full name, surname-only and honorific
references, nicknames, acronyms) with a modest entity type.

Headline words never create entities (headlines are often Title Case); a
headline mention is kept only when it matches an entity of the body.

Does not own: roles, ages (``people_roles``, ``people_ages``) or fact
records (``people``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import Lexicons
from ..text.document import Document
from .people_surnames import SurnameIndex, distinct_first_names
from .people_words import PhraseIndex, Words

# Lower-case words allowed inside a name: "Bank of America", "van der Walt".
CONNECTORS = frozenset("of the de del della di da du des van von der den la le bin ibn y".split())
# Lower-case prefixes glued to a capitalized name part: "al-Muhandis".
_NAME_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "ul-", "bin-", "ibn-", "abu-", "abd-")
# Capitalized words that are never (part of) a name.
STOP_WORDS = frozenset(
    """the a an and but or nor if in on at for with to from by of as so yet this that these those
    it its he she they we i you his her their our my your there here when while after before then
    also however meanwhile although though because since why what who whom whose how where which
    some many most all both each every any other another such no not more less few several much
    one two three four five six seven eight nine ten first second third last next now today
    yesterday tomorrow tonight despite during under over into about around among against between
    through without within according following instead indeed even just only still again already
    perhaps well later earlier once until unless whether either neither let do does did is are was
    were be been has have had will would can could may might must should shall yes please thanks
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue wed thu fri sat sun christmas easter""".split()
)
_OPEN_MARKS = "\"'(\u201c\u2018[\u2014\u2013- "
_MAX_NAMESAKES = 20  # entities sharing a surname that a full name is compared with
_MALE_HONORIFICS = frozenset("mr sir lord monsieur herr senor signor".split())
_FEMALE_HONORIFICS = frozenset("mrs ms miss dame lady baroness mme mlle".split())
# A bare surname-only mention (no honorific, title or speech verb) is only
# taken for a misspelt surname when it is at least this long ("Hull" is not "Hill").
_MIN_BARE_SURNAME = 5
_PAREN = re.compile(r"[ \t]*\(([^()\r\n]{1,120})\)")
_DASHES = re.compile(r"[\s\u2013\u2014-]*")
#: words as they are compared with lower-case occurrences elsewhere in the text
_LOWER_WORD = re.compile(r"\w+(?:['\u2019.-]\w+)*")


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
    alias_of: "Mention | None" = None  # the mention this one abbreviates or expands
    entity: "Entity | None" = None


@dataclass
class Entity:
    key: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)
    entity_type: str = "unknown"
    person_evidence: bool = False
    speaker: bool = False
    #: surname-only references shared by two people named in full (see people_surnames)
    ambiguous: bool = False
    #: for a surname-only near miss ("Mr Seeley" after "William Seely"): the
    #: first name(s) as written for the person it is probably meant to be
    presumed_first: str | None = None

    @property
    def first(self) -> Mention:
        return self.mentions[0]


@dataclass
class NameTables:
    """Lexicon indexes the name finder needs."""

    titles: PhraseIndex
    modifiers: PhraseIndex
    honorifics: PhraseIndex
    first_names: PhraseIndex
    places: PhraseIndex
    orgs: PhraseIndex
    speech: PhraseIndex
    demonyms: PhraseIndex
    groups: PhraseIndex
    nicknames: dict[str, str]

    @classmethod
    def of(cls, lex: Lexicons) -> "NameTables":
        return cls(
            titles=PhraseIndex.of(lex.get("person-titles")),
            modifiers=PhraseIndex.of(lex.get("title-modifiers")),
            honorifics=PhraseIndex.of(lex.get("honorifics")),
            first_names=PhraseIndex.of(lex.get("first-names")),
            places=PhraseIndex.of(lex.get("place-names")),
            orgs=PhraseIndex.of(lex.get("organization-words")),
            speech=PhraseIndex.of(lex.get("speech-verbs")),
            demonyms=PhraseIndex.of(lex.get("demonyms")),
            groups=PhraseIndex.of(lex.get("group-members")),
            nicknames=_nickname_table(lex.get("nicknames").phrases),
        )


@lru_cache(maxsize=8)
def _nickname_table(phrases: tuple[str, ...]) -> dict[str, str]:
    """"bill=william" phrases as {short: full} (the first pair for a short form wins)."""
    nick: dict[str, str] = {}
    for phrase in phrases:
        short, sep, full = phrase.lower().partition("=")
        if sep and short.strip() and full.strip():
            nick.setdefault(short.strip(), full.strip())
    return nick


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 12 and all(c.isupper() for c in letters)


class NameFinder:
    """Finds mentions in one document and groups them into entities."""

    def __init__(self, doc: Document, words: Words, tables: NameTables):
        self._lower_tokens: set[str] | None = None
        self.doc = doc
        self.text = doc.text
        self.w = words
        self.t = tables
        head = doc.headline
        self.head_end = head.end if head else 0
        self.initial = {words.index_starting(s.start) for s in doc.sentences}
        self.mentions: list[Mention] = []
        self.cap = [r[:1].isupper() or ("-" in r and self._prefixed(r)) for r in words.raw]

    # -- sequences -------------------------------------------------------
    @staticmethod
    def _prefixed(raw: str) -> bool:
        """"al-Muhandis": a lower-case name prefix glued to a capitalized part."""
        low = raw.lower()
        return low.startswith(_NAME_PREFIXES) and raw[low.index("-") + 1 : low.index("-") + 2].isupper()

    def _joins(self, j: int) -> bool:
        """True when token ``j + 1`` may continue a name ending at token ``j``."""
        gap = self.w.gap(j)
        if gap and not gap.strip(" \t\u00a0"):
            return True
        raw = self.w.raw[j]
        if gap.rstrip(" \t\u00a0") in (".",) and (len(raw) == 1 or self.w.low[j] in self.t.honorifics):
            return raw[:1].isupper()
        return gap.strip(" \t\u00a0") == "&"

    def sequences(self) -> list[tuple[int, int]]:
        w, n, cap = self.w, len(self.w), self.cap
        out: list[tuple[int, int]] = []
        for i in [x for x, c in enumerate(cap) if c]:
            if out and i <= out[-1][1]:
                continue
            j = i
            while j + 1 < n:
                k = j + 1
                if cap[k] and self._joins(j):
                    j = k
                    continue
                hops = 0
                while k < n - 1 and hops < 2 and w.low[k] in CONNECTORS and w.raw[k].islower() and w.spaced(k - 1) and w.spaced(k):
                    k += 1
                    hops += 1
                if hops and cap[k]:
                    j = k
                    continue
                break
            out.append((i, j))
        return out

    def _is_sentence_initial(self, i: int) -> bool:
        if i == 0 or i in self.initial:
            return True
        between = self.text[self.w.end[i - 1] : self.w.start[i]]
        return ":" in between or "\n" in between or "\r" in between

    # -- pieces ----------------------------------------------------------
    def _classify(self, i: int, j: int) -> list[str]:
        w, t = self.w, self.t
        kinds = ["name"] * (j - i + 1)
        k = i
        while k <= j:
            low = w.low[k]
            size = t.titles.match(w, k)
            if size and k + size - 1 <= j and not self._surname_like(k, size, i, j):
                for m in range(k, k + size):
                    kinds[m - i] = "title"
                back = k - 1
                while back >= i and w.low[back] in t.modifiers and kinds[back - i] == "name":
                    kinds[back - i] = "title"
                    back -= 1
                k += size
                continue
            if low in STOP_WORDS and w.raw[k][:1].isupper() and (w.raw[k][1:].islower() or len(w.raw[k]) == 1):
                kinds[k - i] = "stop"
            elif w.raw[k].islower() and low in CONNECTORS:
                kinds[k - i] = "conn"
            elif k == i and low in t.modifiers and not w.raw[k].isupper():
                kinds[k - i] = "stop"  # "Former Redvale manager ..."
            elif low in t.honorifics and k < j:
                kinds[k - i] = "hon"
            elif low in t.honorifics:
                kinds[k - i] = "stop"
            k += 1
        return kinds

    def _surname_like(self, k: int, size: int, i: int, j: int) -> bool:
        """A one-word title that is really a name: "Mervyn King", "Dean Richards"."""
        if size != 1:
            return False
        w = self.w
        if k == j and k > i and (w.low[k - 1] in self.t.first_names or len(w.raw[k - 1]) == 1):
            return True
        return k < j and w.low[k] in self.t.first_names

    def _pieces(self, i: int, j: int, headline: bool, capset: set[str]) -> None:
        w = self.w
        kinds = self._classify(i, j)
        k = i
        while k <= j:
            if kinds[k - i] != "name":
                k += 1
                continue
            a = k
            while k + 1 <= j and kinds[k + 1 - i] in ("name", "conn"):
                k += 1
            b = k
            while kinds[b - i] == "conn":
                b -= 1
            k += 1
            before = kinds[a - 1 - i] if a > i else ""
            hon = before == "hon"
            titled = before == "title" or (hon and a - 2 >= i and kinds[a - 2 - i] == "title")
            if titled and a < b and is_acronym(w.raw[a]) and self.t.places.has((w.low[a],)):
                titled = False  # "Official UK Singles Chart": a place acronym opens no person's name
            before_title = b < j and kinds[b + 1 - i] == "title"  # "Pentagon Press Secretary ..."
            if not (hon or titled or before_title) and self._is_sentence_initial(a) and not headline:
                while a <= b and not self._initial_word_ok(a, b, capset):
                    a += 1
                    while a <= b and kinds[a - i] == "conn":
                        a += 1
                if a > b:
                    continue
            key = tuple(w.low[a : b + 1])
            if len(key) == 1 and key[0] in self.t.demonyms:
                continue
            start = w.start[a - 1] if hon else w.start[a]
            self.mentions.append(Mention(start, w.end[b], w.start[a], a, b, key, hon, titled, headline))

    def _initial_word_ok(self, a: int, b: int, capset: set[str]) -> bool:
        """Whether a sentence-initial capitalized word is really part of a name."""
        w = self.w
        low = w.low[a]
        if low in self.t.first_names or low in self.t.places or w.raw[a] in capset or is_acronym(w.raw[a]):
            return True
        if a == b:
            return self.text[w.end[a] : w.end[a] + 2] in ("'s", "\u2019s")
        if w.low[a + 1] in CONNECTORS and w.raw[a + 1].islower():
            return low in self.t.orgs  # "Ministry of Roads", not "Fighters of the Front"
        # the word also occurs in lower case somewhere: an ordinary word, not a name
        if self._lower_tokens is None:
            self._lower_tokens = {m.group() for m in _LOWER_WORD.finditer(self.text) if m.group().islower()}
        return w.raw[a].lower() not in self._lower_tokens

    def find(self) -> list[Mention]:
        seqs = self.sequences()
        capset: set[str] = set()
        w = self.w
        for i, j in seqs:
            for k in range(i, j + 1):
                if k not in self.initial and w.start[k] >= self.head_end:
                    capset.add(w.raw[k])
        for i, j in seqs:
            self._pieces(i, j, w.start[i] < self.head_end, capset)
        self._pair_parentheses()
        return self.mentions

    # -- acronyms ----------------------------------------------------------
    def _pair_parentheses(self) -> None:
        ms = self.mentions
        out: list[Mention] = []
        x = 0
        while x < len(ms):
            m = ms[x]
            out.append(m)
            x += 1
            par = _PAREN.match(self.text, m.end)
            if m.headline or not par:
                continue
            inner = [y for y in range(x, min(len(ms), x + 8)) if ms[y].end <= par.end(1)]
            if not inner or ms[inner[0]].start < par.start(1):
                continue
            lead, tail = self.text[par.start(1) : ms[inner[0]].start], self.text[ms[inner[-1]].end : par.end(1)]
            joined = all(_DASHES.fullmatch(self.text[ms[a].end : ms[b].start]) for a, b in zip(inner, inner[1:]))
            if lead.strip() or tail.strip() or not joined:
                continue
            first, last = ms[inner[0]], ms[inner[-1]]
            key = tuple(k for y in inner for k in ms[y].key)
            merged = Mention(first.start, last.end, first.name_start, first.first, last.last, key, first.honorific, first.titled)
            outer_text = self.text[m.start : m.end]
            inner_text = self.text[merged.start : merged.end]
            if _abbreviates(outer_text, inner_text, len(key)) or _abbreviates(inner_text, outer_text, len(m.key)):
                merged.alias_of = m
                out.append(merged)
                x = inner[-1] + 1
        self.mentions = out


def _abbreviates(short: str, long: str, long_words: int) -> bool:
    return is_acronym(short) and long_words >= 2 and not is_acronym(long) and short[:1] == long[:1]


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

    def _first_name(self, word: str) -> str:
        return self.t.nicknames.get(word, word)

    def _find(self, m: Mention) -> Entity | None:
        if m.alias_of is not None and m.alias_of.entity is not None:
            return m.alias_of.entity
        key = m.key
        if len(key) == 1 and not self.t.places.has(key):
            namesakes = self.by_surname.get(key[0], [])[-_MAX_NAMESAKES:]
            if distinct_first_names((e.key for e in namesakes), self._first_name) >= 2:
                return self._same_honorific(m, namesakes) or self._ambiguous(key)
        found = self.by_key.get(key)
        if found is not None:
            return found
        if len(key) == 1:
            people = self.by_surname.get(key[0], ()) if not self.t.places.has(key) else ()
            return people[-1] if people else None
        for other in self._number_variants(key):
            if other in self.by_key:
                return self.by_key[other]  # "Liberal Democrat(s)", "the Wayne Rooneys of this world"
        for e in self.by_surname.get(key[-1], [])[-_MAX_NAMESAKES:]:
            if len(e.key) == len(key) and self._first_name(e.key[0]) == self._first_name(key[0]) and e.key[1:] == key[1:]:
                return e
        single = self.by_key.get((key[-1],))
        if single is not None and len(single.key) == 1 and not single.ambiguous and single.entity_type not in ("organization", "place") and self._looks_personal(m):
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
        """"Mr Jackson" when only one of the Jacksons named so far was called "Mr"."""
        gender = self._gender(m)
        if gender is None:
            return None
        same = [e for e in namesakes if any(self._gender(x) == gender for x in e.mentions)]
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
            if len(m.key) > len(e.key):
                e.key = m.key
            if len(e.key) >= 2 and not self.t.orgs.occurs_in(e.key):
                bucket = self.by_surname.setdefault(e.key[-1], [])
                if e in bucket:
                    bucket.remove(e)
                bucket.append(e)
                self.surnames.add(e.key[-1])
        surname_reference = len(m.key) == 1 and len(e.key) >= 2 and not m.headline and m.alias_of is None
        if m.honorific or m.titled or surname_reference or (len(m.key) >= 2 and m.key[0] in self.t.first_names):
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
        self._type_by_first_names()
        self.entities.sort(key=lambda e: e.first.start)
        return self.entities

    def _type_by_first_names(self) -> None:
        """An untyped two- or three-word name whose first word is the first
        name, or whose last word the surname, of a person named in full in
        the same article is a person too ("Katarina Novak" beside "Katarina
        Nowak said", "Mario Rubio" beside "Sen. Marco Rubio")."""
        people = [e.key for e in self.entities if e.entity_type == "person" and len(e.key) >= 2]
        firsts, lasts = {k[0] for k in people}, {k[-1] for k in people}
        for e in self.entities:
            if e.entity_type == "unknown" and 2 <= len(e.key) <= 3 and (e.key[0] in firsts or e.key[-1] in lasts) and not any(
                k in CONNECTORS or self.t.places.has((k,)) or self._group_word(k) for k in e.key
            ):
                e.entity_type = "person"

    def _group_word(self, word: str) -> bool:
        """A member-of-a-group word, singular or plural ("Democrats", "Americans")."""
        groups = self.t.groups
        return word in groups or word in self.t.demonyms or (
            word.endswith("s") and (word[:-1] in groups or word[:-1] in self.t.demonyms)
        )

    def type_of(self, e: Entity) -> str:
        keys = {m.key for m in e.mentions}
        if any(m.honorific for m in e.mentions):
            return "person"
        if self._group_word(e.key[-1]):
            return "unknown"  # "Wyoming Republicans said", "Cuban Americans"
        if any(self.t.orgs.occurs_in(k) for k in keys):
            return "organization"
        if e.person_evidence or e.speaker:
            return "person"
        if any(self.t.places.has(k) for k in keys):
            return "place"
        return "unknown"
