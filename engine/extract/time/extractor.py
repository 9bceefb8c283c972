"""Time and event extraction: temporal expressions (``t1..``) and dated events (``e1..``).

Owns: turning pattern matches into ``TimeFact`` records (value normalized
against ``doc.published``, future context decided from the clause, an open
year moved before publication when a past verb governs the time: "the talks
stalled in March"; matches never cross a paragraph boundary), the
``actual_weekday`` check field, resolving "N days after X" when X carries its
own date, and handing the times to ``time.events`` for ``EventFact`` records.

Does not own: the expression shapes (``time.patterns``), calendar arithmetic
(``time.normalize``) or event phrases (``time.events``).  Clock times ("9
a.m.") are not extracted; durations and sets get ``time_type`` duration/set
and no value.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ...facts.model import EventFact, Fact, TimeFact
from ...lexicon import Lexicons, normalize_phrase
from ...text.document import Document
from .calendar import Context, Resolution, shift_value
from .events import find_events
from .normalize import is_future_context, parse_published, resolve
from .patterns import WEEKDAYS, find_candidates, sentence_window
from .tense import dates_in_past, governing_verb

# "10 p.m. Wednesday", "noon Thursday", "mid-afternoon yesterday", "5 p.m. EST, Nov. 9": a time
# of day, kept with its date
_CLOCK_BEFORE = re.compile(
    r"(?<![\w:])(?:\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am|pm)(?:\s[A-Z]{2,4})?|noon|midnight"
    r"|mid-?(?:morning|afternoon|day))(?:\s+on)?,?\s{1,3}$",
    re.IGNORECASE,
)


def extract(doc: Document, lex: Lexicons) -> list[Fact]:
    times, shifts = extract_times(doc, lex)
    events = find_events(doc, times, shifts, lex)
    _fit_tense(times, events, parse_published(doc.published))
    return [*times, *events]


def _fit_tense(times: list[TimeFact], events: list[EventFact], pub: date | None) -> None:
    """Move a date whose year (or week) was only inferred to the side of the
    publication date its event's tense puts it on: "announced ... in March"
    in a January article is last March, "will vote Monday" the coming one."""
    if pub is None:
        return
    by_id = {t.id: t for t in times}
    for event in events:
        t = by_id.get(event.time or "")
        if t is None or t.inferred is None or t.value is None or event.tense not in ("past", "future"):
            continue
        moved = _on_side(t.value, t.inferred, pub, -1 if event.tense == "past" else 1)
        if moved is not None:
            t.value = event.date = moved
            t.actual_weekday = _weekday_of(moved) if t.granularity == "day" else None


def _on_side(value: str, inferred: str, pub: date, toward: int) -> str | None:
    """``value`` moved by one ``inferred`` unit to the side of ``pub`` that
    ``toward`` names (-1 before, 1 after), when it lies on the other side and
    the move brings it across; else None."""
    if _side(value, pub) != -toward:
        return None
    moved = shift_value(value, toward, inferred)
    if moved is None or _side(moved, pub) == -toward:
        return None
    return moved


def _side(value: str, pub: date) -> int:
    """1 when ``value`` is after the publication date at its own granularity, -1 before, 0 same."""
    here = pub.isoformat()[: len(value)]
    return (value > here) - (value < here)


def extract_times(doc: Document, lex: Lexicons | None = None) -> tuple[list[TimeFact], dict[str, tuple[int, str]]]:
    """Time facts in document order, plus the "N units after/before" shifts by time id;
    ``lex`` gives the ``may-month-nouns`` ("the May elections")."""
    text = doc.text
    may_nouns = _may_nouns(lex.get("may-month-nouns").phrases) if lex is not None else frozenset()
    pub = parse_published(doc.published)
    times: list[TimeFact] = []
    shifts: dict[str, tuple[int, str]] = {}
    previous: str | None = None
    previous_end = -(10**9)
    paragraphs = [(p.start, p.end) for p in doc.paragraphs]
    for cand in find_candidates(text, paragraphs):
        left, right = sentence_window(text, cand.start, cand.end)
        verb = governing_verb(text, left, cand.start)
        future = is_future_context(text, left, cand.start, cand.end, right, verb)
        past_clause = verb is not None and verb.tense == "past" and dates_in_past(text, verb, cand.start)
        ctx = Context(pub, future, previous, cand.start - previous_end, past_clause, may_nouns)
        try:
            res = resolve(cand, ctx)
        except OverflowError:  # the date would lie beyond the calendar: unresolvable
            res = None
        if res is None:
            continue
        if pub and res.inferred and res.value and not res.weekday and not future and past_clause:
            # "the talks stalled in March", "he was born on March 3": last March
            res.value = _on_side(res.value, res.inferred, pub, -1) or res.value
        start = cand.start
        if res.granularity == "day":
            para = doc.paragraph_at(start)  # None only in an empty document
            clock = _CLOCK_BEFORE.search(text, max(para.start if para is not None else 0, start - 30), start)
            if clock:
                start, res.time_type = clock.start(), "time"
        fact = _time_fact(text, f"t{len(times) + 1}", start, cand.end, res)
        times.append(fact)
        if res.shift is not None:
            shifts[fact.id] = res.shift
        if fact.value is not None and fact.time_type == "date" and cand.family != "offset":
            previous, previous_end = fact.value, fact.end
    _resolve_shifts(text, times, shifts)
    return times, shifts


@lru_cache(maxsize=8)
def _may_nouns(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize_phrase(p) for p in phrases)


def _time_fact(text: str, fact_id: str, start: int, end: int, res: Resolution) -> TimeFact:
    return TimeFact(
        id=fact_id,
        start=start,
        end=end,
        text=text[start:end],
        value=res.value,
        time_type=res.time_type,
        granularity=res.granularity if res.time_type in ("date", "time") else "unknown",
        weekday=res.weekday.capitalize() if res.weekday else None,
        actual_weekday=_weekday_of(res.value) if res.granularity == "day" else None,
        explicit=res.explicit,
        relative=res.relative,
        inferred=res.inferred if res.value is not None else None,
    )


def _weekday_of(value: str | None) -> str | None:
    """The weekday ("Thursday") a day value falls on."""
    if value is None or len(value) != 10:
        return None
    try:
        return WEEKDAYS[date.fromisoformat(value).weekday()].capitalize()
    except ValueError:
        return None


def _resolve_shifts(text: str, times: list[TimeFact], shifts: dict[str, tuple[int, str]]) -> None:
    """"a day after the Jan. 3 attack": the date of X moved by the shift, when X has one."""
    for i, fact in enumerate(times):
        if fact.id not in shifts or i + 1 >= len(times):
            continue
        _, right = sentence_window(text, fact.start, fact.end, after=80)
        target = times[i + 1]
        if target.start >= right or target.value is None or target.granularity != "day":
            continue
        amount, unit = shifts[fact.id]
        fact.value = shift_value(target.value, amount, unit)
        if fact.value is not None:
            fact.time_type = "date"
            fact.granularity = "day"
            fact.actual_weekday = _weekday_of(fact.value)
