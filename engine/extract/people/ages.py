"""Ages: a person's age as the text states it.

Owns the age shapes:

* ``Smith, 54,`` / ``Smith, 54, said`` / ``... killed Smith, 54.`` (a number
  right after a name);
* ``Smith is 54.`` / ``Smith was 54 years old when ...`` (a copula and an age
  right after a name; ``at_event`` when "was ... when" follows);
* ``54-year-old Smith`` / ``the 54-year-old striker Smith`` (the name after);
* ``the 54-year-old said`` (anaphoric: the nearest named person before it;
  never a name after the verb, which is its object: "the 29-year-old says Mr
  Smith's side ...") and ``..., the 54-year-old.`` (the nearest named person
  before it, else the nearest after it in the sentence);
* ``Smith, a 54-year-old lawyer`` (appositive) and ``A 54-year-old mother
  of three, Smith,`` (the name in apposition after the description);
* ``Smith, aged 54`` / ``a man aged 54`` (no named person) / ``Smith died
  aged 54`` (the nearest named person: an age at death);
* ``died at the age of 84`` (the nearest named person, as for "the 54-year-old");
  "at the age of N" and "aged N when" mark the age ``at_event`` (an age at
  some event, not now) unless a death word comes just before;
* ``Smith (54)``, only for 16-110 and when no other bracketed number is near
  (sports reports use "Smith (54)" for the minute of a substitution) or the
  name opens its sentence and a lower-case word follows ("Hart (32) had");
* ``He was 88.`` / ``She is 54.`` / ``he was 88 years old`` (anaphoric: the
  nearest person of that gender before it in the same or previous paragraph,
  none when another person who fits is named in that person's sentence or
  the pronoun's; gender as ``attribution.speakers.speaker_gender`` reads it from
  the person's mentions) and ``Smith, who was 88,`` (the name right before
  "who"); "was N when" is ``at_event``, as for "Smith was 12 when", and so is
  "since/when/until ... he was 5", "until he is 41", "by the time he was
  24" or "when Smith was 35".

Never for durations ("54 years") or things ("a 54-year-old law"): after
"N-year-old" there must be a name, a person noun or title (``person-nouns``,
``person-titles``), or a verb-like word / punctuation when "the" precedes.

Does not own: names (``people.names``) or fact records (``people``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ...lexicon import Lexicons, PhraseIndex
from ...text.document import Document
from ...text.words import Words
from ..english import speaker_gender
from .mentions import Entity, Mention
from .tables import NameTables

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
#: number words up to ninety-nine -> value ("Eighteen-year-old", "ninety-two-year-old")
_NUMBER_WORDS = {
    **{w: i + 1 for i, w in enumerate(_UNITS)}, **{w: i + 10 for i, w in enumerate(_TEENS)},
    **{t: 20 + 10 * i for i, t in enumerate(_TENS)},
    **{f"{t}-{u}": 20 + 10 * i + j + 1 for i, t in enumerate(_TENS) for j, u in enumerate(_UNITS)},
}
_YEAR_OLD = re.compile(r"(?<![\w.,-])(\d{1,3})[- ]years?[- ]old(?![\w-])")
# "his son", "her late father": a possessive and the (one or two) words after it
_POSSESSIVE_NOUN = re.compile(r"\b(?:his|her|their)[ \t]+([\w'\u2019-]+)(?:[ \t]+([\w'\u2019-]+))?", re.IGNORECASE)
# "the eight-year-old boy who is ...": a relative clause picks out someone
# (perhaps new), so the age is not the nearest person's
_RELATIVE_AFTER_NOUN = re.compile(r"(?:[ \t]+[\w'\u2019-]+){1,3}[ \t]+(?:who|whom|whose|that)\b")
# "Eighteen-year-old": a number word before the same tail (found from the tail)
_YEAR_OLD_TAIL = re.compile(r"[- ]years?[- ]old(?![\w-])")
_WORD_BEFORE_TAIL = re.compile(r"(?<![\w.,-])([A-Za-z]+(?:-[A-Za-z]+)?)\Z")


def _word_year_olds(text: str, lo: int) -> list[tuple[int, int, int]]:
    """(value, start, end) of each number-word "N-year-old" ("Eighteen-year-old")."""
    out = []
    for tail in _YEAR_OLD_TAIL.finditer(text, lo):
        word = _WORD_BEFORE_TAIL.search(text, max(lo, tail.start() - 20), tail.start())
        if word is not None and word.group(1).lower() in _NUMBER_WORDS:
            out.append((_NUMBER_WORDS[word.group(1).lower()], word.start(1), tail.end()))
    return out


_AT_AGE = re.compile(r"(?<![\w-])at[ \t]+the[ \t]+age[ \t]+of[ \t]+(\d{1,3})(?![\d.,]?\d|[\w-])")
_DIED = frozenset("died dies".split())
_AGED = re.compile(r"(?<![\w-])aged[ \t]+(\d{1,3})(?![\d.,]?\d|[\w-])")
_AFTER_NAME = re.compile(
    r",[ \t]+(\d{1,3})(?=[ \t]*[,;)]|\.(?!\w)|[ \t]+(?:and|who|of|from|said|says|was|is|has|had|told|will|were|are|added|also|has)\b)"
)
# "Lee is 45.", "Lee was 45 years old when ...": a copula and an age right after a name
_COPULA_AGE = re.compile(
    r"[ \t]+(?:is|was|turns|turned|will[ \t]+be)[ \t]+(?P<age>(\d{1,3})(?:[ \t]+years?[ \t]+old)?)"
    r"(?=[ \t]*[.,;!?](?!\w)|[ \t]+(?:when|and|but|at|on|in)\b)"
)
# "He was 88.", "she is 54 years old", "Smith, who was 88,": a pronoun, a copula and an age
_PRONOUN_AGE = re.compile(
    r"(?<![\w'\u2019-])(?P<pronoun>(?i:he|she)|who)[ \t]{1,3}(?P<copula>is|was)[ \t]{1,3}"
    r"(?P<age>(\d{1,3})(?:[ \t]{1,3}years?[ \t]{1,3}old)?)(?=[ \t]{0,3}[.,;!?](?!\w)|[ \t]{1,3}(?:when|and)\b)"
)
# Where one may end: the copula's last letter before a number (a cheap first pass).
_COPULA_NUMBER = re.compile(r"s[ \t]+\d")
_PRONOUN_WINDOW = (12, 32)  # characters before and after such a place that a shape spans
_PRONOUN_GENDERS = {"he": "m", "she": "f"}
# "since he was 5", "when she was 25": the age at a past time
# ("until he is 41", "by the time he was 24": "time" ends "by/at the time")
_TIME_SUBORDINATORS = frozenset("since when until till before after while once time".split())
_AFTER_NAME_PAREN = re.compile(r"[ \t]+\((\d{1,3})\)")
_OTHER_PAREN_NUMBER = re.compile(r"\(\d{1,3}\)")
_VERB_AFTER_PAREN = re.compile(r"[ \t]+[a-z]")
# Verb-like words that may follow an anaphoric "the 54-year-old".
_GLUE_VERBS = frozenset(
    """is was has had will would can could may might must should does did who also later then
    made won told took gave got went came saw left lost beat hit set put ran became began felt
    held kept led met paid sold spent wrote scored struck knew thought fought
    to and as in at for on from with""".split()
)
_LOOKBACK = 400
_MAX_APPOSED_WORDS = 6
# "died at the age of 84" / "died aged 84": an age at death is the person's last age, not an event's.
_DEATH = re.compile(r"(?<![\w-])(?:died|dies|dying|death|dead)(?![\w-])[^.;!?\n]{0,24}$", re.IGNORECASE)
_DEATH_WINDOW = 40
# "aged 20 when he left": the age at an event.
_WHEN_AFTER = re.compile(r"[ \t,]+(?:when|at the time)\b", re.IGNORECASE)
_PAREN_WINDOW = 200
# How far back the person a pronoun stands for may be named (within two paragraphs).
_PRONOUN_LOOKBACK = 1500


@dataclass
class Age:
    value: int
    span: tuple[int, int]  # the words giving the age
    person: Mention | None
    at_event: bool = False  # the age at some event, not now ("at the age of 10")
    anaphoric: bool = False  # person found by nearness ("the 54-year-old said")


class AgeFinder:
    def __init__(self, doc: Document, words: Words, lex: Lexicons, tables: NameTables, mentions: list[Mention]):
        self.doc = doc
        self.text = doc.text
        self.w = words
        self.t = tables
        self.nouns = PhraseIndex.of(lex.get("person-nouns"))
        head = doc.headline
        self.body_start = head.end if head else 0
        self.mentions = sorted((m for m in mentions if not m.headline), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.starting = {words.index_starting(m.start): m for m in self.mentions}
        self.ending = {m.end: m for m in self.mentions}
        self.ages: list[Age] = []
        self.lex = lex
        self.genders: dict[int, str | None] = {}  # by id of an entity

    def _person_like(self, m: Mention | None) -> bool:
        return m is not None and m.entity is not None and m.entity.entity_type not in ("organization", "place")

    def _nearest(self, start: int, end: int, forward: bool = True) -> Mention | None:
        """The nearest named person at most ``_LOOKBACK`` characters before
        ``start``, else (when ``forward``) the nearest after ``end`` in the
        sentence."""
        low = max(start - _LOOKBACK, self.body_start)
        k = bisect.bisect_left(self.starts, start) - 1
        while k >= 0 and self.mentions[k].start >= low:
            m = self.mentions[k]
            if m.end <= start and self._is_person(m):
                return m
            k -= 1
        if not forward:
            return None
        sent = self.doc.sentence_at(end)
        limit = sent.end if sent else end
        k = bisect.bisect_left(self.starts, end)
        while k < len(self.mentions) and self.mentions[k].start < limit:
            if self._is_person(self.mentions[k]):
                return self.mentions[k]
            k += 1
        return None

    @staticmethod
    def _is_person(m: Mention) -> bool:
        return m.entity is not None and m.entity.entity_type == "person"

    def _add(self, value: int, span: tuple[int, int], person: Mention | None, at_event: bool = False) -> None:
        if 1 <= value <= 120 and span[0] >= self.body_start:
            self.ages.append(Age(value, span, person, at_event))

    def _add_nearest(self, value: int, span: tuple[int, int], at_event: bool = False, forward: bool = True) -> None:
        """An age whose person is the nearest named person (see ``_nearest``)."""
        before = len(self.ages)
        self._add(value, span, self._nearest(*span, forward=forward), at_event)
        if len(self.ages) > before:
            self.ages[-1].anaphoric = self.ages[-1].person is not None

    def _at_death(self, start: int) -> bool:
        """True when a death word closely precedes ``start`` ("died at the age of")."""
        return _DEATH.search(self.text, max(self.body_start, start - _DEATH_WINDOW), start) is not None

    # -- shapes ------------------------------------------------------------
    def _after_names(self) -> None:
        text = self.text
        for m in self.mentions:
            hit = _AFTER_NAME.match(text, m.end)
            if hit and self._person_like(m):
                self._add(int(hit.group(1)), hit.span(1), m)
                continue
            hit = _COPULA_AGE.match(text, m.end)
            if hit and self._person_like(m):
                at_event = (
                    text[hit.start():hit.start("age")].split()[0] == "was" and bool(_WHEN_AFTER.match(text, hit.end()))
                ) or self._word_before(m.start) in _TIME_SUBORDINATORS
                # "Lee was 12 when ...", "when Ms Lee was 35, she ...", "until Lee is 41"
                self._add(int(hit.group(2)), hit.span("age"), m, at_event)
                continue
            hit = _AFTER_NAME_PAREN.match(text, m.end)
            if hit and self._person_like(m) and 16 <= int(hit.group(1)) <= 110:
                window = text[max(0, m.start - _PAREN_WINDOW) : hit.end() + _PAREN_WINDOW]
                if len(_OTHER_PAREN_NUMBER.findall(window)) == 1 or self._subject_with_paren_age(m, hit.end()):
                    self._add(int(hit.group(1)), hit.span(1), m)

    def _subject_with_paren_age(self, m: Mention, end: int) -> bool:
        """"Zoë Hart (23) won ...": a name opening its sentence, its bracketed
        number and then a lower-case word (the verb): an age even when other
        bracketed numbers are near (a substitution minute follows a name
        inside a sentence or before a comma: "Dowd for Shaw (71),")."""
        sent = self.doc.sentence_at(m.start)
        opens = sent is not None and not any(ch.isalnum() for ch in self.text[sent.start : m.start])
        return opens and _VERB_AFTER_PAREN.match(self.text, end) is not None

    def _year_old(self, value: int, start: int, end: int) -> None:
        """An "N-year-old" at ``start:end`` (digits or words)."""
        w = self.w
        span = (start, end)
        i = w.index_starting(end)
        det = self._word_before(start)
        personal = False
        for k in range(i, min(len(w), i + 4)):
            if k > i and not w.spaced(k - 1):
                break
            if w.low[k] in self.nouns and self.starting.get(k) is not None and len(self.starting[k].key) == 1:
                personal = True  # "the 22-year-old Scot"
                continue
            m = self.starting.get(k)
            if m is not None and self._person_like(m) and (w.spaced(k - 1) if k > i else not self.text[end : w.start[k]].strip()):
                if not self._describes_noun(m):
                    self._add(value, span, m)
                    return
                personal = True
                continue
            if w.low[k] in self.nouns or self.t.titles.match(w, k) or w.low[k] in self.t.modifiers or w.low[k] in self.t.demonyms:
                personal = True
                continue
            if personal or w.raw[k][:1].isupper():
                break
            verb = w.low[k] in _GLUE_VERBS or w.low[k] in self.t.speech or w.low[k].endswith("ed")
            named = self.starting.get(k + 1)
            if not verb and w.raw[k].isalpha() and named is not None and self._person_like(named) and w.spaced(k):
                personal = True  # "the 88-year-old pianist Walter Brenn": a noun the lexicons lack
                continue
            if det == "the" and verb:
                # "the 29-year-old says Mr Smith's side ...": the descriptor is
                # the verb's subject, so a name after the verb is its object
                self._add_nearest(value, span, forward=False)
            return
        if not personal:
            if i >= len(w) or self.text[end : w.start[i]].strip()[:1] in (",", ".", ";", ""):
                if det == "the":
                    self._add_nearest(value, span)
            return
        appositive = self._appositive_before(start) or self._apposed_name(i)
        if appositive is not None:
            self._add(value, span, appositive)
        elif det == "the" and not _RELATIVE_AFTER_NOUN.match(self.text, end):
            self._add_nearest(value, span)  # not "the eight-year-old boy who ...": someone the clause picks out
        else:
            self._add(value, span, None)

    def _apposed_name(self, i: int) -> Mention | None:
        """Lisa Grant in "A 45-year-old mother of three, Lisa Grant, was
        jailed": up to ``_MAX_APPOSED_WORDS`` lower-case words or figures from
        token ``i`` to a comma, then a person's name closed by punctuation."""
        w, n = self.w, len(self.w)
        k = i
        for _ in range(_MAX_APPOSED_WORDS):
            if k + 1 >= n or not (w.raw[k].islower() or w.raw[k].isdigit()):
                return None
            gap = w.gap(k)
            if gap.strip(" \t\u00a0") == ",":
                m = self.starting.get(k + 1)
                closed = m is not None and self.text[m.end : m.end + 1] in (",", ".", ";")
                return m if closed and self._person_like(m) else None
            if not w.spaced(k):
                return None
            k += 1
        return None

    def _describes_noun(self, m: Mention) -> bool:
        """True for "Cobh" in "the 35-year-old Cobh runner" (a modifier, not the person)."""
        w, k = self.w, m.last + 1
        return k < len(w) and w.spaced(m.last) and (w.low[k] in self.nouns or bool(self.t.titles.match(w, k)))

    def _word_before(self, offset: int) -> str:
        k = self.w.index_ending(offset)
        return self.w.low[k] if k >= 0 and not self.text[self.w.end[k] : offset].strip() else ""

    def _appositive_before(self, offset: int) -> Mention | None:
        """Smith in "Smith, a 54-year-old ..."."""
        k = self.w.index_ending(offset)
        if k < 1 or self.w.low[k] not in ("a", "an", "the"):
            return None
        gap = self.text[self.w.end[k - 1] : self.w.start[k]]
        m = self.ending.get(self.w.end[k - 1])
        return m if gap.strip() == "," and self._person_like(m) else None

    def _aged(self, hit: re.Match[str]) -> None:
        span = hit.span()
        k = self.w.index_ending(hit.start())
        if k < 0:
            return
        gap = self.text[self.w.end[k] : hit.start()]
        m = self.ending.get(self.w.end[k])
        at_event = _WHEN_AFTER.match(self.text, hit.end()) is not None and not self._at_death(hit.start())
        if m is not None and not gap.strip(" \t,") and self._person_like(m):
            self._add(int(hit.group(1)), span, m, at_event)
        elif self.w.low[k] in self.nouns and not gap.strip(" \t"):
            self._add(int(hit.group(1)), span, None, at_event)
        elif self.w.low[k] in _DIED and not gap.strip(" \t"):
            self._add_nearest(int(hit.group(1)), span)  # "Walter Brenn died aged 88": an age at death

    # -- pronouns ----------------------------------------------------------
    def _pronoun_age(self, hit: re.Match[str]) -> None:
        """"He was 88." / "Smith, who was 88,": see the module docstring."""
        text, start = self.text, hit.start()
        at_event = (
            hit.group("copula") == "was" and _WHEN_AFTER.match(text, hit.end()) is not None
        ) or self._word_before(start) in _TIME_SUBORDINATORS
        if hit.group("pronoun") == "who":
            k = self.w.index_ending(start)
            m = self.ending.get(self.w.end[k]) if k >= 0 else None
            if m is not None and not text[m.end : start].strip(" \t,") and self._person_like(m):
                self._add(int(hit.group(4)), hit.span("age"), m, at_event)
            return
        person = self._pronoun_person(start, _PRONOUN_GENDERS[hit.group("pronoun").lower()])
        if person is not None and self._kin_between(person.end, start):
            person = None  # "Mr Hill said his son had been hit. He was 5.": the son, unnamed
        if person is not None:
            self._add(int(hit.group(4)), (start, hit.end("age")), person, at_event)
            self.ages[-1].anaphoric = True

    def _kin_between(self, lo: int, hi: int) -> bool:
        """Whether an unnamed relative ("his son", "her late father") stands
        between a named person and a pronoun: the pronoun may be theirs."""
        kin = self.lex.get("kin-words")
        for m in _POSSESSIVE_NOUN.finditer(self.text, lo, hi):
            if any(word and word.lower() in kin for word in m.groups()):
                return True
        return False

    def _pronoun_person(self, start: int, gender: str) -> Mention | None:
        """The nearest named person before ``start`` in its paragraph or the
        one before who may be ``gender``; None when another such person is
        named in that person's sentence or in the pronoun's sentence."""
        doc = self.doc
        para = doc.paragraph_at(start)
        low = doc.paragraphs[para.index - 1].start if para is not None and para.index > 0 else 0
        low = max(low, self.body_start, start - _PRONOUN_LOOKBACK)
        k = bisect.bisect_left(self.starts, start) - 1
        chosen: Mention | None = None
        while k >= 0 and self.mentions[k].start >= low:
            m = self.mentions[k]
            k -= 1
            if m.end > start or m.entity is None or m.entity.entity_type != "person" or self._gender(m.entity) not in (None, gender):
                continue
            if chosen is None:
                chosen = m
                # a text with a mention has sentences: neither is None
                said, told = doc.sentence_at(m.start), doc.sentence_at(start)
                if said is not None and told is not None:
                    low = max(low, min(said.start, told.start))
            elif m.entity is not chosen.entity:
                return None  # "Tom Abel met Carl Ode. He was 88.": either of them
        return chosen

    def _gender(self, entity: Entity) -> str | None:
        """"m" or "f" when the entity's mentions say which and agree, else None."""
        key = id(entity)
        if key not in self.genders:
            said = {speaker_gender(self.text[m.start : m.end], self.lex) for m in entity.mentions}
            said.discard(None)
            self.genders[key] = said.pop() if len(said) == 1 else None
        return self.genders[key]

    def find(self) -> list[Age]:
        self._after_names()
        text = self.text
        for hit in _YEAR_OLD.finditer(text, self.body_start) if "year" in text else ():
            self._year_old(int(hit.group(1)), hit.start(), hit.end())
        for value, start, end in _word_year_olds(text, self.body_start) if "year" in text else ():
            self._year_old(value, start, end)
        for hit in _AGED.finditer(text, self.body_start) if "aged" in text else ():
            self._aged(hit)
        for hit in _AT_AGE.finditer(text, self.body_start) if "age of" in text else ():
            self._add_nearest(int(hit.group(1)), hit.span(), not self._at_death(hit.start()))
        before, after = _PRONOUN_WINDOW
        for place in _COPULA_NUMBER.finditer(text, self.body_start):
            near = _PRONOUN_AGE.search(text, max(self.body_start, place.start() - before), place.end() + after)
            if near is not None and near.start("age") == place.end() - 1:
                self._pronoun_age(near)
        self.ages.sort(key=lambda a: a.span[0])
        return self.ages
