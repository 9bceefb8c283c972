"""Dated events: an event noun or verb that carries a time in the same clause.

Owns: ``find_events``, which turns time facts into ``EventFact`` records
(``e1..``) when an event word from the ``event-nouns``/``event-verbs``
lexicons is attached to the time:

* noun after the time: "the January 3 US drone attack", "Monday's vote";
* noun before the time: "the election on Nov. 8", "the attack last week";
* verb before the time: "X died on Tuesday", "passed a resolution on Sunday",
  "the meeting will take place on Friday";
* "N days after X": the event in X ("a day after the Iraqi Parliament passed
  a non-binding resolution"), dated by X's own date, else by an earlier
  event with X's words and its own date, else N days before the main
  clause's date: an earlier dated event with the words of its subject ("The
  strike came a day after" needs a dated strike), or the last day-precise
  date before the sentence when the subject names no event and refers back
  ("The development came a day after").

An event noun told by a verb from ``event-happening-verbs`` ("The fire at
Hartley Mill broke out on March 4", "The election will be held on July 4",
"the blast, which happened last Tuesday") is keyed like the dated noun
("fire hartley mill"), see ``time.event_keys``.  The verb's subject is the
event noun right before its verb group, after a place ("at Hartley Mill")
or a relative pronoun (", which"), for every event verb; for a happening
verb a noun inside a prepositional phrase ("the inquiry into the March 4
fire began") is no subject, except as the antecedent of a relative ("An
inquiry into the fire, which started ...").

No event span reaches outside the paragraph of its time (nor across the
headline's edge).

A time after "until", "by", "through" bounds an event rather than dating
it (after "to" it is where the event goes: "moved the vote to Friday"), a
time that premodifies a noun ("over the 12 March disturbance", "to Sunday,
March 2nd's final") dates that noun and never a verb before it, and a bare year right after a verb ("released 2016") is not its date: no
event is made for either.

Does not own: finding or normalizing times (``time``), event keys and tense
(``time.event_keys``), matching the event lexicons (``time.event_vocab``),
speech events (statements are the attribution extractor's).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...facts.model import EventFact, Span, Tense, TimeFact
from ...lexicon import Lexicons
from ...text.document import Document
from .calendar import shift_value
from .event_keys import (
    adopt_specific_keys,
    compound_head,
    governed_by_preposition,
    noun_key,
    noun_phrase,
    phrase_key,
    place_at,
    premodifies_noun,
    verb_key,
    verb_tense,
)
from .event_vocab import Hit, Vocabulary, vocabulary
from .patterns import sentence_window

_DETERMINER_BEFORE = re.compile(r"(?<![\w])(?:the|a|an|its|this|that|last|their|his|her|our|next)\s{1,3}$", re.IGNORECASE)
_VERB_GROUP = r"(?:(?:will|would|was|were|is|are|has|had|have|been|be|to|scheduled|set|expected|due)\s{1,3}){0,3}"
_SUBJECT_GLUE = re.compile(r"\s{1,3}" + _VERB_GROUP)
_RELATIVE_GLUE = re.compile(r"(?:\s{0,2},\s{1,3}|\s{1,3})(?:which|that)\s{1,3}" + _VERB_GROUP)
_NON_FINITE = re.compile(r"(?<![\w])(?:to|due)(?![\w])")
# "the anniversary of " before an event noun's phrase
_FRAME_BEFORE = re.compile(r"(?<![\w])([A-Za-z]+)\s{1,3}(?:of|into|over|for)\s{1,3}$")
_POSSESSIVE = re.compile(r"['’]s(?![\w])")
_MODIFIER_GAP = re.compile(r"(?:['’]s)?(?:\s{1,3}[A-Za-z][\w-]{0,30}){0,3}\s{1,3}")
_GLUE_BEFORE_TIME = re.compile(
    r"\s{1,3}(?:(?:on|of|in|at|during|from|scheduled\s+for|set\s+for|planned\s+for|slated\s+for|held\s+on)\s{1,3})?"
    # an aside: "the sentencing hearing, set for April 9,"
    r"|\s{0,2},\s{1,3}(?:now\s{1,3})?(?:scheduled|set|planned|slated|fixed|due|expected)\s{1,3}(?:for|on)\s{1,3}"
)
_CLAUSE_BREAK = re.compile(
    r"[,;:()\"“”–—]|\s-\s|(?<![\w])(?:that|which|who|because|and|but|when|while|after|before|since)(?![\w])", re.IGNORECASE
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# a time after these words bounds the event instead of dating it ("results are due by June 2")
# and one after "to" is where it goes, not when it happened ("tickets to Sunday, March 2",
# "moved the vote to Friday")
_BOUND_BEFORE_TIME = re.compile(r"(?<![\w])(?:until|till|through|by|to|ahead\s+of|pending)\s+$", re.IGNORECASE)
_AUX_BEFORE = re.compile(
    r"(?<![\w])(?:will|would|shall|should|can|could|may|might|must|to|did|does|do|['’]ll|won['’]t)\s{1,3}$", re.IGNORECASE
)
_IN_BEFORE_YEAR = re.compile(r"(?<![\w])(?:in|during|of|since|from)\s+$", re.IGNORECASE)
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_DETERMINER_AFTER = re.compile(r"\s{1,3}(?:the|a|an|its|this|that|their|his|her|our)\s", re.IGNORECASE)
_ANAPHORIC_SUBJECT = re.compile(r"[\"“‘']?(?:The|This|That|These|It|Those)(?:\s+\w+){0,3}\s+\w+\s*$")


class _Words(NamedTuple):
    nouns: Vocabulary
    verbs: Vocabulary
    support: Vocabulary
    happening: Vocabulary
    frames: Vocabulary


def find_events(doc: Document, times: list[TimeFact], shifts: dict[str, tuple[int, str]], lex: Lexicons) -> list[EventFact]:
    """Events in document order, numbered e1.."""
    words = _Words(
        vocabulary(lex.get("event-nouns").phrases, False),
        vocabulary(lex.get("event-verbs").phrases, True),
        vocabulary(lex.get("event-support-verbs").phrases, True),
        vocabulary(lex.get("event-happening-verbs").phrases, True),
        vocabulary(lex.get("event-frame-nouns").phrases, False),
    )
    nouns, verbs, support = words.nouns, words.verbs, words.support
    if not nouns.words and not verbs.words:
        return []
    text = doc.text
    events: list[EventFact] = []
    keyed: list[tuple[EventFact, str]] = []
    seen: set[tuple[int, int]] = set()
    for i, t in enumerate(times):
        para = doc.paragraph_at(t.start)
        lo, hi = (para.start, para.end) if para else (0, len(text))
        found: tuple[EventFact, str] | None = None
        if t.id in shifts:
            after = _event_after_shift(text, (lo, hi), t, times, i, shifts[t.id], events, nouns, verbs, support)
            found = (after, "") if after is not None else None
        elif t.time_type in ("date", "time"):
            found = (
                _noun_after_time(text, (lo, hi), t, nouns)
                or _noun_before_time(text, lo, t, nouns, words.frames)
                or _verb_before_time(text, t, words)
            )
        if found is None or (found[0].trigger.start, found[0].trigger.end) in seen:
            continue
        seen.add((found[0].trigger.start, found[0].trigger.end))
        events.append(found[0])
        keyed.append(found)
    adopt_specific_keys(keyed)
    events.sort(key=lambda e: e.start)
    for n, event in enumerate(events, 1):
        event.id = f"e{n}"
    return events


def _event(text: str, trigger: tuple[int, int], anchor: tuple[int, int], t: TimeFact, date: str | None, tense: Tense,
           key: str) -> EventFact:
    start, end = min(trigger[0], anchor[0]), max(trigger[1], anchor[1])
    return EventFact(
        id="e0",
        start=start,
        end=end,
        text=text[start:end],
        trigger=Span.of(text, *trigger),
        anchor=Span.of(text, *anchor),
        time=t.id,
        date=date,
        tense=tense,
        event_key=key,
    )


# -- noun events -----------------------------------------------------------
def _noun_after_time(text: str, para: tuple[int, int], t: TimeFact, nouns: Vocabulary) -> tuple[EventFact, str] | None:
    """ "the January 3 US drone attack", "Monday's vote"."""
    det = _DETERMINER_BEFORE.search(text, max(para[0], t.start - 8), t.start)
    possessive = _POSSESSIVE.match(text, t.end, para[1])
    if det is None and possessive is None:
        return None
    m = nouns.search(text, t.end, min(para[1], t.end + 60))
    if m is None or not _MODIFIER_GAP.fullmatch(text, t.end, m.start()):
        return None
    m = compound_head(text, m, para[1], nouns)
    modifiers = _WORD.findall(text, t.end + (possessive.end() - t.end if possessive else 0), m.start())
    start = det.start() if det else t.start
    determiner = det.group().split()[0].lower() if det else ""
    determiner = "" if determiner in ("last", "next") else determiner  # part of the time, not an article
    key, reference = phrase_key(m.group(), determiner, modifiers, place_at(text, m.end(), min(para[1], m.end() + 60))[1], nouns)
    return _event(text, (m.start(), m.end()), (start, m.end()), t, t.value, "unknown", key), reference


def _noun_before_time(text: str, floor: int, t: TimeFact, nouns: Vocabulary, frames: Vocabulary) -> tuple[EventFact, str] | None:
    """ "the election on Nov. 8", "an attack last week"; not "the anniversary of
    the fire on March 4" (the date is the anniversary's: ``event-frame-nouns``)."""
    last = None
    for m in nouns.finditer(text, max(floor, t.start - 40), t.start):
        last = m
    if last is None or not _GLUE_BEFORE_TIME.fullmatch(text, last.end(), t.start):
        return None
    if _AUX_BEFORE.search(text, max(floor, last.start() - 12), last.start()):
        return None  # "the council will vote on Friday": a verb, read by _verb_before_time
    start, determiner, modifiers = noun_phrase(text, last.start(), floor)
    frame = _FRAME_BEFORE.search(text, max(floor, start - 30), start)
    if frame is not None and frame.group(1).lower() in frames:
        return None
    key, reference = phrase_key(last.group(), determiner, modifiers, "", nouns)
    return _event(text, (last.start(), last.end()), (start, t.end), t, t.value, "unknown", key), reference


# -- verb events -----------------------------------------------------------
def _verb_before_time(text: str, t: TimeFact, words: _Words) -> tuple[EventFact, str] | None:
    """ "X died on Tuesday", "the resolution passed on Sunday", "will take place on Friday"."""
    left, _ = sentence_window(text, t.start, t.end, before=100)
    verb = None
    for m in words.verbs.finditer(text, max(left, t.start - 70), t.start):
        verb = m
    if verb is None or premodifies_noun(text, t.start, t.end, left):
        return None
    gap = text[verb.end() : t.start]
    if _CLAUSE_BREAK.search(gap) or len(_WORD.findall(gap)) > 6 or _BOUND_BEFORE_TIME.search(gap):
        return None
    if t.granularity == "year" and not _IN_BEFORE_YEAR.search(gap):
        return None  # "released 2016: Obama's America": a bare year after a verb is rarely its date
    obj = words.nouns.search(text, verb.end(), t.start)
    happening = verb.group() in words.happening
    subject = _subject_noun(text, verb.start(), left, words.nouns, happening and not verb.group().split()[0].endswith("ing"))
    noun = obj or (subject[0] if subject else None)
    anchor_start = noun_phrase(text, subject[0].start(), left)[0] if subject else verb.start()
    if noun is not None and happening:  # "the fire at Hartley Mill broke out"
        _, determiner, modifiers = noun_phrase(text, noun.start(), verb.end() if obj else left)
        # with no object the noun is the subject's
        told = subject[1] if subject else ""
        place = place_at(text, obj.end(), t.start)[1] if obj else told or place_at(text, verb.end(), t.start)[1]
        key, reference = phrase_key(noun.group(), determiner, modifiers, place, words.nouns, told_by_verb=True)
        return _event(text, (verb.start(), verb.end()), (anchor_start, t.end), t, t.value, verb_tense(text, verb), key), reference
    event = _verb_event(text, verb, noun, (anchor_start, t.end), t, t.value, words.nouns, words.verbs, words.support)
    return event, ""


def _subject_noun(text: str, verb_start: int, left: int, nouns: Vocabulary, finite: bool) -> tuple[Hit, str] | None:
    """The event noun whose verb group starts at ``verb_start``, and the place
    named after it: right before the group ("the meeting will take place"),
    after a place ("the fire at Hartley Mill broke out") or as the antecedent
    of a relative ("the blast, which happened").  With ``finite`` (a happening
    verb not in -ing), a noun governed by a preposition is no subject ("the
    inquiry into the fire began"), unless a relative or a non-finite group
    follows it ("an inquiry into the fire, which started", "the Grand Final,
    due to be held")."""
    for m in reversed(nouns.finditer(text, max(left, verb_start - 80), verb_start)[-3:]):  # a name may hold a noun: "Summit Hall"
        glue_start, place = place_at(text, m.end(), verb_start)
        if _RELATIVE_GLUE.fullmatch(text, glue_start, verb_start):
            return m, place
        glue = _SUBJECT_GLUE.fullmatch(text, glue_start, verb_start)
        if glue is None:
            continue
        if finite and not _NON_FINITE.search(glue.group()) and governed_by_preposition(text, m.start(), left):
            return None
        return m, place
    return None


def _verb_event(
    text: str,
    verb: Hit,
    noun: Hit | None,
    anchor: tuple[int, int],
    t: TimeFact,
    date: str | None,
    nouns: Vocabulary,
    verbs: Vocabulary,
    support: Vocabulary,
) -> EventFact:
    key = verb_key(verb, noun, nouns, verbs, support)
    tense = verb_tense(text, verb)
    return _event(text, (verb.start(), verb.end()), anchor, t, date, tense, key)


def _event_after_shift(
    text: str,
    para: tuple[int, int],
    t: TimeFact,
    times: list[TimeFact],
    index: int,
    shift: tuple[int, str],
    prior: list[EventFact],
    nouns: Vocabulary,
    verbs: Vocabulary,
    support: Vocabulary,
) -> EventFact | None:
    """ "a day after the Iraqi Parliament passed a non-binding resolution"."""
    _, right = sentence_window(text, t.start, t.end, after=120)
    hi = min(right, t.end + 80)
    verb = verbs.search(text, t.end, hi)
    noun = nouns.search(text, t.end, hi)
    found, definite = None, False
    if verb is not None and noun is not None and noun.start() == verb.start() and _DETERMINER_AFTER.match(text, t.end):
        verb = None  # "a day after the embassy protest": a noun after a determiner, not a verb
    if verb is not None and not _CLAUSE_BREAK.search(text, t.end, verb.start()) and len(_WORD.findall(text, t.end, verb.start())) <= 6:
        obj = nouns.search(text, verb.end(), min(para[1], hi + 40, verb.end() + 40))
        if obj is not None and len(_WORD.findall(text, verb.end(), obj.start())) > 3:
            obj = None
        end = obj.end() if obj is not None else verb.end()
        found = _verb_event(text, verb, obj, (t.start, end), t, None, nouns, verbs, support)
    elif noun is not None and len(_WORD.findall(text, t.end, noun.start())) <= 4 and not _CLAUSE_BREAK.search(text, t.end, noun.start()):
        modifiers = _WORD.findall(text, t.end, noun.start())
        found = _event(
            text, (noun.start(), noun.end()), (t.start, noun.end()), t, None, "unknown", noun_key(noun.group(), modifiers[1:], nouns)
        )
        definite = bool(modifiers) and modifiers[0].lower() in _DEFINITE
    if found is not None:
        earlier = [e for e in prior if e.start < t.start]
        found.date = _date_of_x(text, t, times, index, shift, earlier, (found.event_key, definite), nouns)
    return found


def _date_of_x(
    text: str,
    t: TimeFact,
    times: list[TimeFact],
    index: int,
    shift: tuple[int, str],
    prior: list[EventFact],
    x_key: tuple[str, bool],
    nouns: Vocabulary,
) -> str | None:
    """X's date in "<main clause> N units after X".  From X's own date ("a day
    after the Jan. 3 strike"), else from an earlier event with X's words and
    its own date, else from the main clause's date: an earlier dated event
    with the words of its subject ("The strike came a day after" needs a dated
    strike, never just a date nearby), or, when the subject names no event
    and refers back ("The development came a day after"), the last
    day-precise date before the sentence.  ``x_key`` is X's event key and
    whether X is a definite noun ("the protest")."""
    amount, unit = shift
    if t.value is not None:  # X carried its own date
        return shift_value(t.value, -amount, unit)
    same = _earlier_dated(prior, *x_key)
    if same is not None:
        return same.date
    left, _ = sentence_window(text, t.start, t.end, before=200)
    if not _ANAPHORIC_SUBJECT.fullmatch(text, left, t.start):
        return None
    subject = nouns.search(text, left, t.start)
    if subject is not None:
        main = _earlier_dated(prior, noun_key(subject.group(), [], nouns), True)
        return shift_value(main.date, -amount, unit) if main is not None and main.date else None
    ref = None
    for f in reversed(times[max(0, index - 50) : index]):
        if f.end <= left and f.granularity == "day" and f.value:
            ref = f.value
            break
    return shift_value(ref, -amount, unit) if ref else None


def _earlier_dated(prior: list[EventFact], key: str, definite: bool) -> EventFact | None:
    """The last of ``prior`` with its own date and the same event words: the
    same key with a modifier ("primary new hampshire"), or, for a definite
    noun ("the protest", "The strike came"), the same head word where at most
    one of the two has a modifier ("protest" and "protest embassy").  A bare
    key such as "announce" or an indefinite "an election" names no one event."""
    words = key.split()
    for event in reversed(prior):
        other = event.event_key.split()
        if not event.date or not words or not other:
            continue
        if words == other and len(words) > 1:
            return event
        if definite and other[0] == words[0] and (len(words) == 1 or len(other) == 1):
            return event
    return None
