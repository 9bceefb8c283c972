"""Roles: a named person given a title, optionally at an organisation.

Owns: the role shapes, found around every ``person-titles`` phrase:

* ``Title Name``: "Pentagon Press Secretary Alyssa Farah", "Federal Reserve
  chairman Mr Greenspan", "Iran's foreign minister Javad Zarif" (the
  capitalized words or possessive right before the title are the org);
* ``Name, [the] Title [of Org]`` and ``Name, who is Title of Org``
  (appositives; an age may sit between: "Smith, 54, chief executive");
* ``the Title of Org, Name``, ``Org's Title, Name`` and, when the name looks
  personal, ``The council leader, Name,``, ``the school's headteacher,
  Name,``, ``a former aide, Name,`` and, opening a sentence, ``Former mayor,
  Name,`` (never a list: "the mayor, Ann Lee and Tom Reed" and "the mayor,
  Ann Lee, and Tom Reed" give no role);
* ``Name MP`` (an all-capitals title right after a name);
* plural titles before a list of names: "actors X and Y", "playwrights such
  as X, Y and Z" (one role per name);
* ``Sen. Ted Cruz``: an honorific that is also a title (``title-honorifics``);
* change cues from ``role-change-cues``: "became Title", "was named [a]
  [Org] Title", "succeeded X as Title" (``change=True``; the person is the
  subject).

Modifiers from ``title-modifiers`` directly before a title belong to it
("deputy chief"); ``former-modifiers`` ("former", "ex") set ``former`` and
stay out of the title span.

Does not own: names (``people.names``), ages, fact records (``people``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...lexicon import Lexicons, PhraseIndex
from ...text.words import Words
from .mentions import Mention
from .tables import NameTables

_DETERMINERS = frozenset("the a an its his her their our".split())
_ORG_LINKS = frozenset("of at for".split())
# Words that end an organisation phrase or cannot sit inside an appositive.
_CLAUSE_WORDS = frozenset(
    """who which that said says say told tells added is was are were has have had will would can
    could may might should must and but or when while after before since as to in on with by from
    said about because if than then said did does do not no also""".split()
)
_PREPOSITIONS = frozenset("in at on from for with by across inside outside after before since during under over into".split())
_COPULAS = ("is", "was", "has been", "had been", "becomes", "became", "remains")
# "Smith, who was chairman": a past title.
_PAST_COPULAS = ("who was", "who had been")
# Words that may follow an appositive title without punctuation ("Smith, a
# lawyer who ...", "Smith, a partner at ..."); any other word means the title
# starts a new clause ("..., the minister said").
_APPOSITIVE_FOLLOWERS = _PREPOSITIONS | frozenset("who whose which and of to".split())
_INDEFINITE = frozenset("a an".split())
# What may end an appositive ("Smith, the chairman, said"): not an opening quote.
_CLOSING = tuple(",.;:)]!?\u2014\u2013-\r\n")
_MAX_APPOSITIVE_WORDS = 4
# "the Title of Org, Name": the words right before such a title ...
_PLAIN_OPENERS = frozenset("the its his her their".split())
# ... and what may open one that words describe ("The council leader, Ann Lee, said")
_OPENING_DETERMINERS = _PLAIN_OPENERS | frozenset("a an our".split())
_MAX_DESCRIPTION_WORDS = 2
_MAX_FORMER_GAP = 4
_MAX_ORG_WORDS = 10
_MAX_SUBJECT_GAP = 4
# Words allowed between a subject and a change cue: "Smith has since been named".
_SUBJECT_GAP_WORDS = frozenset("has have had who later then also was is will been recently eventually subsequently now since and".split())


@dataclass
class Role:
    person: Mention
    title: tuple[int, int]  # code-point span
    org: tuple[int, int] | None
    former: bool
    change: bool


class RoleFinder:
    def __init__(self, words: Words, lex: Lexicons, tables: NameTables, mentions: list[Mention], body_start: int):
        self.w = words
        self.t = tables
        self.former_words = PhraseIndex.of(lex.get("former-modifiers"))
        self.change_cues = PhraseIndex.of(lex.get("role-change-cues"))
        self.title_honorifics = PhraseIndex.of(lex.get("title-honorifics"))
        self.mentions = [m for m in mentions if not m.headline]
        self.body_start = words.index_starting(body_start)
        self.starting: dict[int, Mention] = {}
        self.ending: dict[int, Mention] = {}
        self.covered: set[int] = set()
        for m in mentions:
            if not m.headline:
                self.starting[words.index_starting(m.start)] = m
                self.ending[m.last] = m
                self.covered.update(range(m.first, m.last + 1))
        self.roles: list[Role] = []
        self.seen: set[tuple[int, int]] = set()

    # -- helpers -----------------------------------------------------------
    def _personal(self, m: Mention | None) -> bool:
        return m is not None and m.entity is not None and m.entity.entity_type not in ("organization", "place")

    def _named_person(self, m: Mention) -> bool:
        """Stricter than ``_personal``: a first name, an honorific or person evidence."""
        e = m.entity
        return m.honorific or (e is not None and (e.entity_type == "person" or e.person_evidence)) or (
            len(m.key) >= 2 and m.key[0] in self.t.first_names
        )

    def _sep(self, i: int) -> str:
        """The punctuation between token ``i`` and the next one (spaces removed)."""
        return self.w.gap(i).strip(" \t\u00a0")

    def _possessive_before(self, i: int) -> Mention | None:
        """The mention X in "X's" ending right before token ``i``."""
        w = self.w
        if i >= 2 and w.low[i - 1] == "s" and self._sep(i - 2) in ("'", "\u2019") and w.spaced(i - 1):
            return self.ending.get(i - 2)
        return None

    def _org_before(self, p: int) -> tuple[tuple[int, int] | None, int]:
        """Org right before title token ``p`` and the token index where it starts."""
        w = self.w
        m = self._possessive_before(p)
        if m is None and p >= 1 and w.spaced(p - 1):
            m = self.ending.get(p - 1)
        if m is None:
            return None, p
        return (w.start[m.first], m.end), w.index_starting(m.start)

    def _org_after(self, last: int) -> tuple[tuple[int, int] | None, int]:
        """Org in "Title of/at/for [the] Org" and the last token used."""
        w, n = self.w, len(self.w)
        k = last + 1
        if k + 1 >= n or w.low[k] not in _ORG_LINKS or not w.spaced(last) or not w.spaced(k):
            return None, last
        k += 1
        if w.low[k] == "the" and k + 1 < n and w.spaced(k):
            k += 1
        first = end = k
        while end - first < _MAX_ORG_WORDS and w.low[end] not in _CLAUSE_WORDS:
            sep = self._sep(end) if end + 1 < n else "."
            if end + 1 >= n or sep not in ("", "'", "\u2019", "-", "&"):
                break
            end += 1
        if w.low[end] in _CLAUSE_WORDS:
            end -= 1
        while end > first and w.low[end] == "s" and self._sep(end - 1) in ("'", "\u2019"):
            end -= 1
        if end < first or w.raw[end].islower() and w.low[end] in ("of", "the", "and"):
            return None, last
        return (w.start[first], w.end[end]), end

    def _title_at(self, i: int) -> tuple[int, int, bool] | None:
        """A title phrase starting at token ``i`` (after modifiers): (first, last, former)."""
        w = self.w
        size = self.t.title_size(w, i)
        if not size or i in self.covered:
            return None
        p = i
        former = False
        while p - 1 >= self.body_start and w.spaced(p - 1) and (w.low[p - 1] in self.t.modifiers or w.low[p - 1] in self.former_words):
            p -= 1
        first = p
        for k in range(p, i):
            if w.low[k] in self.former_words:
                former, first = True, k + 1
        former = former or w.low[i].startswith("ex-")  # "ex-minister"
        return first, i + size - 1, former or self._former_before(p)

    def _former_before(self, p: int) -> bool:
        """"former Labour Party leader": a former word before the capitalized
        organisation words (at most ``_MAX_FORMER_GAP``) right before token ``p``."""
        w = self.w
        k = p - 1
        while k >= self.body_start and p - k <= _MAX_FORMER_GAP and w.spaced(k) and w.low[k] not in self.former_words and (
            w.raw[k][:1].isupper() or w.low[k] in ("and", "of", "the")
        ):
            k -= 1
        return k >= self.body_start and w.spaced(k) and (w.low[k] in self.former_words or w.low[k].startswith("ex-"))

    def _add(self, person: Mention, first: int, last: int, org, former: bool, change: bool = False) -> bool:
        if not self._personal(person):
            return False
        key = (person.start, first)
        if key in self.seen:
            return True
        self.seen.add(key)
        self.roles.append(Role(person, (self.w.start[first], self.w.end[last]), org, former, change))
        return True

    # -- shapes ------------------------------------------------------------
    def _title_then_name(self, first: int, last: int, former: bool) -> bool:
        w = self.w
        if last + 1 >= len(w) or not w.spaced(last):
            return False
        person = self.starting.get(last + 1)
        if person is None or self._predicative(first) or self._place_acronym(person):
            return False
        org, _ = self._org_before(first)
        return self._add(person, first, last, org, former)

    def _predicative(self, first: int) -> bool:
        """"how good a prime minister Brown will make": an indefinite article
        before "Title Name" (or before "Org Title Name") makes no role."""
        w = self.w
        _, start = self._org_before(first)
        k = min(first, start) - 1
        return k >= self.body_start and w.low[k] in _INDEFINITE and w.spaced(k)

    def _place_acronym(self, m: Mention) -> bool:
        """"Official UK Singles Chart": a name opening with a place acronym is no person."""
        raw = self.w.raw[m.first]
        return len(m.key) >= 2 and raw.isupper() and len(raw) >= 2 and self.t.places.has((m.key[0],))

    def _closes_appositive(self, end: int) -> bool:
        """True when token ``end`` can end an appositive: punctuation, the end
        of the text, or a word that continues it (``_APPOSITIVE_FOLLOWERS``)."""
        w = self.w
        if end + 1 >= len(w):
            return True
        sep = w.gap(end).lstrip(" \t\u00a0")
        return sep[:1] in _CLOSING or (sep == "" and w.low[end + 1] in _APPOSITIVE_FOLLOWERS)

    def _name_then_title(self, first: int, last: int, former: bool) -> bool:
        """"Name, [the] Title" / "Name, 54, Title" / "Name, who is Title"."""
        w = self.w
        q = first
        org, org_start = self._org_before(first)
        q = min(q, org_start)
        words = 0
        while q - 1 >= self.body_start and self._sep(q - 1) in ("", "'", "\u2019") and words < _MAX_APPOSITIVE_WORDS:
            if w.low[q - 1] in _CLAUSE_WORDS and not self._copula_at(q - 1):
                return False
            q -= 1
            words += 1
        if q - 1 < self.body_start or self._sep(q - 1) != ",":
            return False
        text = " ".join(w.low[q:first])
        if any(x in _CLAUSE_WORDS for x in w.low[q:first]) and not text.startswith(tuple("who " + c for c in _COPULAS)):
            return False
        if any(x in _PREPOSITIONS for x in w.low[q:first]):
            return False  # "Obama, running for president": not a title he holds
        end = q - 1
        if w.raw[end].isdigit() and end >= 1 and self._sep(end - 1) == ",":
            end -= 1
        person = self.ending.get(end)
        if person is None or (self._after_preposition(person) and not person.honorific and len(person.key) == 1):
            return False
        org_end = last
        if org is None:
            org, org_end = self._org_after(last)
        if not self._closes_appositive(org_end):
            return False
        return self._add(person, first, last, org, former or text.startswith(_PAST_COPULAS))

    def _name_then_postnominal(self, first: int, last: int, former: bool) -> bool:
        """"Margaret Moran MP": an all-capitals title right after a name."""
        w = self.w
        if first != last or not w.raw[first].isupper() or first < 1 or not w.spaced(first - 1):
            return False
        person = self.ending.get(first - 1)
        return person is not None and self._add(person, first, last, None, former)

    def _plural_title_then_names(self, i: int) -> None:
        """"singers Ann Vale and Sir Tom Reed", "playwrights such as X and Y"."""
        w, n = self.w, len(self.w)
        k = i + 1
        if k + 1 < n and w.low[k] == "such" and w.low[k + 1] == "as":
            k += 2
        elif k < n and w.low[k] == "including":
            k += 1
        if k >= n or not w.spaced(k - 1):
            return
        while k < n and k in self.starting:
            person = self.starting[k]
            if not self._named_person(person):
                return
            self._add(person, i, i, None, False)
            k = person.last + 1
            if k >= n:
                return
            if self._sep(person.last) == "," and k < n:
                k += 1 if w.low[k] == "and" else 0
            elif w.low[k] == "and" and self._sep(person.last) == "" and k + 1 < n:
                k += 1
            else:
                return

    def _copula_at(self, k: int) -> bool:
        w = self.w
        return w.low[k] == "who" or w.low[k] in ("is", "was", "has", "had", "been", "became", "becomes", "remains")

    def _after_preposition(self, m: Mention) -> bool:
        i = self.w.index_starting(m.start)
        return i > 0 and self.w.low[i - 1] in _PREPOSITIONS

    def _title_of_org_then_name(self, first: int, last: int, former: bool) -> bool:
        """"the Title of Org, Name" / "Org's Title, Name" and, read by
        ``_described_opening``, "The council leader, Name," / "Former mayor,
        Name,".  The name must end the appositive (a comma, full stop,
        semicolon or speech verb after it), and a comma after it must not go
        on to another name or to "and"/"or" and a name ("the mayor, Ann Lee,
        and Tom Reed" may be a list)."""
        w = self.w
        before = first - 1
        possessive = self._possessive_before(first)
        described = None
        if possessive is None and (before < self.body_start or w.low[before] not in _PLAIN_OPENERS):
            described = self._described_opening(first)
            if described is None:
                return False
        org, end = self._org_after(last)
        if possessive is not None:
            org = org or (w.start[possessive.first], possessive.end)
        if end + 1 >= len(w) or self._sep(end) != ",":
            return False
        person = self.starting.get(end + 1)
        if person is None or person.last + 1 >= len(w):
            return False
        after, following = self._sep(person.last), person.last + 1
        if after not in (",", ".", ";") and not (after == "" and w.low[following] in self.t.speech):
            return False
        if after == "," and (following in self.starting or w.low[following] in ("and", "or") and following + 1 in self.starting):
            return False  # "the mayor, Ann Lee, Tom Reed ..." / "the mayor, Ann Lee, and Tom Reed": a list
        if described is not None:
            org = org or described[0]
            former = former or described[1]
            if after == "" and not self._opens_sentence(described[2]):
                return False  # "... than the CIA chief, Zuckoff said": the name opens a new clause
            if not self._named_person(person):
                return False  # "A second auditor, Deloitte & Touche, ..."
        return self._add(person, first, last, org, former)

    def _described_opening(self, first: int) -> tuple[tuple[int, int] | None, bool, int] | None:
        """(org, former, the phrase's first token) when the words before title
        token ``first`` describe the title: a determiner
        (``_OPENING_DETERMINERS``) and at most ``_MAX_DESCRIPTION_WORDS``
        lower-case words, possessive nouns or a capitalized org ("the council
        leader", "the school's headteacher", "The Labour leader", "a former
        aide"), or such words opening a sentence with a capital ("Former
        mayor", "Labour leader"); else None."""
        w = self.w
        org, k = self._org_before(first)
        former, words = False, 0
        while k - 1 >= self.body_start and words <= _MAX_DESCRIPTION_WORDS and w.spaced(k - 1):
            low = w.low[k - 1]
            if low in _OPENING_DETERMINERS:
                return org, former, k - 1
            step = 2 if low == "s" and k >= 2 and self._sep(k - 2) in ("'", "\u2019") else 1  # "the school's"
            raw = w.raw[k - step]
            if low in self.former_words:
                former = True
            elif not raw.isalpha() or not raw.islower() or raw in _CLAUSE_WORDS or raw in _PREPOSITIONS:
                return None
            k -= step
            words += 1
        return (org, former, k) if w.raw[k][:1].isupper() and self._opens_sentence(k) else None

    def _opens_sentence(self, k: int) -> bool:
        """Whether token ``k`` is the first of the body or follows a sentence end or line break."""
        if k <= self.body_start:
            return True
        gap = self.w.gap(k - 1)
        return "\n" in gap or gap.strip(" \t\u00a0\"'\u201c\u2018")[-1:] in (".", "!", "?")

    def _changes(self, cue: int, size: int) -> None:
        """"X became Title", "X was named Title", "X succeeded Y as Title"."""
        w, n = self.w, len(self.w)
        k = cue + size
        if k < n and k in self.starting and w.low[cue + size - 1] in ("succeeded", "succeeds", "replaced", "replaces", "will replace"):
            k = self.starting[k].last + 1
            if k >= n or w.low[k] != "as":
                return
            k += 1
        while k < n and w.low[k] in ("the", "a", "an", "new", "its", "their", "his", "her") and w.spaced(k - 1):
            k += 1
        org = None
        named = self.starting.get(k)
        if named is not None and named.last + 1 < n and w.spaced(named.last):
            org, k = (w.start[named.first], named.end), named.last + 1
        if k >= n:
            return
        while k < n - 1 and (w.low[k] in self.t.modifiers) and not self.t.titles.match(w, k):
            k += 1
        found = self._title_at(k)
        if found is None:
            return
        person = self._subject_before(cue)
        if person is not None:
            first, last, former = found
            org = org or self._org_after(last)[0]
            self._add(person, first, last, org, former, change=True)

    def _subject_before(self, cue: int) -> Mention | None:
        w = self.w
        k = cue - 1
        for _ in range(_MAX_SUBJECT_GAP):
            if k < self.body_start:
                return None
            if k in self.ending:
                return self.ending[k]
            if self._sep(k) not in ("", ","):
                return None
            if not (w.low[k] in _SUBJECT_GAP_WORDS or w.raw[k].isdigit()):
                return None
            k -= 1
        return None

    def find(self) -> list[Role]:
        w, titles, cues = self.w, self.t.titles, self.change_cues
        next_free = self.body_start
        singles = titles.singles
        keys = titles.table.keys() | cues.table.keys() | self.t.ranks.singles
        low_words = w.low
        candidates = [
            i for i in range(self.body_start, len(w))
            if low_words[i] in keys or (low_words[i][-1:] == "s" and low_words[i][:-1] in singles)
            or (low_words[i].startswith("ex-") and low_words[i][3:] in titles)
        ]
        for i in candidates:
            low = w.low[i]
            if low in cues.table:
                size = cues.match(w, i)
                if size:
                    self._changes(i, size)
            if i < next_free:
                continue
            if low not in titles.table and low not in self.t.ranks and not low.startswith("ex-"):
                if low.endswith("s") and low[:-1] in titles and i not in self.covered:
                    self._plural_title_then_names(i)
                continue
            found = self._title_at(i)
            if found is None:
                continue
            first, last, former = found
            next_free = last + 1
            (
                self._title_then_name(first, last, former)
                or self._name_then_title(first, last, former)
                or self._title_of_org_then_name(first, last, former)
                or self._name_then_postnominal(first, last, former)
            )
        self._honorific_titles()
        self.roles.sort(key=lambda r: (min(r.person.start, r.title[0]), r.title[0]))
        return self.roles

    def _honorific_titles(self) -> None:
        """"Sen. Ted Cruz", "Gov. Pence": an honorific that is also a title
        (``title-honorifics``) gives a role; the person is the name after it."""
        w = self.w
        for m in self.mentions:
            k = w.index_starting(m.start)
            if not m.honorific or k >= m.first or w.low[k] not in self.title_honorifics:
                continue
            last = k
            while last + 1 < m.first and w.low[last + 1] in self.title_honorifics:
                last += 1  # "Maj. Gen. Ann Lee", "Lt. Col. Tom Ode": one rank
            while k > 0 and w.low[k - 1] in self.title_honorifics and _abbreviation_gap(w, k - 1):
                k -= 1  # the mention began at the last abbreviation: "Brig. [Gen. William Seely]"
            org, _ = self._org_before(k)
            self._add(replace(m, start=m.name_start), k, last, org, self._former_before(k))


def _abbreviation_gap(w: Words, i: int) -> bool:
    """Whether tokens ``i`` and ``i + 1`` are joined as in "Maj. Gen." (a full
    stop and spaces, or spaces only)."""
    return w.gap(i).strip(" \t\u00a0") in ("", ".")
