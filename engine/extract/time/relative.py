"""Resolvers for expressions relative to the publication date or to an earlier time.

Owns: weekdays (past-leaning: the most recent such day on or before
publication, the publication weekday being that day; forward in a future
clause; "last"/"next" strictly back/forward; "the previous Friday" relative
to the last day-precise date), "today"/"yesterday"/"tomorrow", "last week",
"this year", "the end of the month", "for the (full) year", "the week's",
"over the summer", "two days ago", "a year earlier"
(relative to the last anchoring date within 300 characters, else
publication), "year-earlier", "that year", "N days after" (a duration whose
shift ``time`` applies once X's date is known), durations and sets.

Does not own: calendar-shaped expressions (``time.absolute``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ...facts.model import Granularity
from .calendar import (
    SEASONS,
    Context,
    Resolution,
    add_months,
    day_value,
    granularity_of,
    quarter_of,
    quarter_value,
    shift_value,
    week_value,
    weekday_date,
)
from .patterns import NUMBER_WORDS, WEEKDAYS


def _weekday(m: re.Match[str], ctx: Context) -> Resolution:
    pub, future = ctx.pub, ctx.future
    name = m.group("wd").lower()
    pre = " ".join((m.group("pre") or "").lower().split())
    for lead in ("early ", "late "):
        pre = pre[len(lead):] if pre.startswith(lead) else pre
    res = Resolution(granularity="day", weekday=name, relative=True)
    if pre.startswith("the "):
        anchor = ctx.previous if ctx.previous and len(ctx.previous) == 10 else (pub.isoformat() if pub else None)
        if anchor is not None:
            way = "strict-back" if pre == "the previous" else "strict-forward"
            res.value = day_value(weekday_date(date.fromisoformat(anchor), WEEKDAYS.index(name), way))
        return res
    if pub is None:
        return res
    direction = {
        "last": "strict-back",
        "this past": "strict-back",
        "next": "strict-forward",
        "this coming": "forward",
        "this": "forward" if future else "back",
    }.get(pre, "forward" if future else "back")
    res.inferred = "week" if pre in ("", "this") else None
    res.value = day_value(weekday_date(pub, WEEKDAYS.index(name), direction))
    return res


_GENERIC_BEFORE = re.compile(r"(?<![\w])(?:of|for)\s+$", re.IGNORECASE)
_FOR_BEFORE = re.compile(r"(?<![\w])for\s+$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of(?![\w])", re.IGNORECASE)
# "USA Today", "VOA Today", "the Today show": a title, not a day
_ACRONYM_BEFORE = re.compile(r"(?<![\w])[A-Z]{2,}[ \t]{1,2}$")
_TITLE_AFTER = re.compile(r"\s+(?:show|programme|program|newspaper)(?![\w])")


def _deictic(m: re.Match[str], ctx: Context) -> Resolution | None:
    pub = ctx.pub
    text = m.string
    if m.group("vague"):
        if _OF_AFTER.match(text, m.end(), m.end() + 4):
            return None  # "the future of the company": a topic, not a time
        # "the coming weeks", "for the foreseeable future": a stretch of time, not a date
        span = "coming" in m.group("vague").lower() or _FOR_BEFORE.search(text, max(0, m.start() - 5), m.start())
        return Resolution(time_type="duration" if span else "date", relative=True)
    if m.group(0) == "Today" and (
        _ACRONYM_BEFORE.search(text, max(0, m.start() - 8), m.start()) or _TITLE_AFTER.match(text, m.end(), m.end() + 12)
    ):
        return None
    if m.group("tod"):
        res = Resolution(granularity="day", time_type="time", relative=True)
        if pub is not None:
            res.value = day_value(pub - timedelta(days=1 if m.group("tod").lower().startswith("last") else 0))
        return res
    if _GENERIC_BEFORE.search(m.string, max(0, m.start() - 12), m.start()) and not m.group("pre"):
        return None  # "the people of tomorrow", "for today's youth"
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m.group("rd").lower()]
    offset += {"before": -1, "after": 1, None: 0}[(m.group("dba") or "").lower() or None]
    res = Resolution(granularity="day", relative=True)
    if pub is not None:
        res.value = day_value(pub + timedelta(days=offset))
    return res


#: the granularity of "last week", "next quarter"... by unit (else a season)
_UNIT_GRANULARITY: dict[str, Granularity] = {"week": "week", "weekend": "week", "month": "month", "year": "year",
                                             "quarter": "quarter", "decade": "decade", "century": "century"}
#: the granularity of "three days ago", "two months later"... by unit (else a year)
_OFFSET_GRANULARITY: dict[str, Granularity] = {"day": "day", "week": "week", "month": "month"}


def _unit(m: re.Match[str], ctx: Context) -> Resolution | None:
    pub, future = ctx.pub, ctx.future
    pre = " ".join((m.group("pre") or "").lower().split())
    direction = " ".join(m.group("dir").lower().split())
    unit = m.group("unit").lower()
    if direction == "the" and not pre and unit not in ("quarter", "weekend") and not _the_unit_is_a_time(m, unit):
        return None
    if unit in ("week", "year", "month") and m.group(0).istitle() and not _sentence_start(m.string, m.start()):
        return None  # "This Week" (a programme), "Next Year" (a title)
    if direction in ("the past", "the last") and unit in ("decade", "century") and not pre:
        return Resolution(time_type="duration", relative=True)
    if direction in ("that", "the same", "the previous", "the following"):
        return _anchored_unit(unit, direction, ctx)
    res = Resolution(relative=True)
    res.granularity = _UNIT_GRANULARITY.get(unit, "season")
    step = {"last": -1, "this past": -1, "the past": -1, "the last": -1, "the latest": -1,
            "next": 1, "this coming": 1, "the next": 1, "the coming": 1,
            "this": 0, "the current": 0, "the": 0}.get(direction)
    if unit == "quarter" and direction == "the" and not pre:
        step = -1
    if pub is None or step is None:
        return res
    if unit == "year" and step == -1 and direction == "last" and (near := ctx.near_previous(300)) and "-Q" in near:
        res.value, res.granularity = shift_value(near, -1, "year"), "quarter"
    elif unit == "weekend":
        # the most recent weekend (this week's from Saturday on), or the coming one in a future clause
        base = pub + timedelta(weeks=step) if direction != "the" else pub
        if direction == "the" and base.weekday() < 5 and not future:
            base -= timedelta(weeks=1)
        res.value = week_value(base) + "-WE"
    elif unit == "week":
        res.value = week_value(pub + timedelta(weeks=step))
    elif unit == "month":
        y, mo = add_months(pub.year, pub.month, step)
        res.value = f"{y:04d}-{mo:02d}"
    elif unit == "year":
        res.value = f"{pub.year + step:04d}"
    elif unit == "quarter":
        res.value = quarter_value(*quarter_of(pub), step)
    elif unit == "decade":
        res.value = f"{pub.year // 10 + step:03d}"
    elif unit == "century":
        res.value = f"{pub.year // 100 + step:02d}"
    else:
        code, first_month = SEASONS[unit]
        year = pub.year
        if step < 0 and first_month >= pub.month:
            year -= 1
        elif step > 0 and first_month <= pub.month:
            year += 1
        elif direction == "the" and future and first_month + 2 < pub.month:
            year += 1  # "will open in the spring" in October: next spring
        elif direction == "the" and not future and first_month > pub.month:
            year -= 1  # "over the summer" in January: last summer
        res.value = f"{year:04d}-{code}"
    return res


_FOR_OF_BEFORE = re.compile(r"(?<![\w])(?P<prep>for|of)\s{1,3}$", re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"['’]s(?![\w])")
# "the year ended Sept. 30" is a fiscal period, "the year before" counts from another time
_PERIOD_AFTER = re.compile(
    r"\s+(?:ended|ending|to\s+date|before|after|earlier|later|ago|that|when|since|in\s+which|of)(?![\w])", re.IGNORECASE
)


_SEASON_BEFORE = re.compile(
    r"(?<![\w])(?:in|during|over|through|throughout|until|till|by|since|into|before|after|of|from|for)\s{1,3}$", re.IGNORECASE
)
# "the fall in prices", "the fall of the wall": a noun, not a season
_NOT_SEASON_AFTER = re.compile(r"\s+(?:of|in|from|to)(?![\w])", re.IGNORECASE)


# "much of the year", "the first nine months of the year", "the final meeting of the year":
# "of the year" after a part of a time or an ordinal names the current year; after any other
# noun it is an award ("player of the year") or generic ("this time of the year")
_TIME_PART_OF = re.compile(
    r"(?<![\w])(?:(?:first|second|third|fourth|last|final)(?:\s{1,3}[\w'’-]{1,20}){0,2}|much|most|rest|remainder"
    r"|end|start|beginning|middle|turn|half|halves|part|parts|portion|days?|weeks?|months?|quarters?|seasons?"
    r"|spring|summer|fall|autumn|winter)\s{1,3}of\s{1,3}$",
    re.IGNORECASE,
)


def _the_unit_is_a_time(m: re.Match[str], unit: str) -> bool:
    """"over the summer", "for the (full) year", "for the week", "the week's", "the rest of the
    year": a bare "the" unit that names the current one (most uses of "the year" do not)."""
    text, start, end = m.string, m.start(), m.end()
    if unit in SEASONS:
        return bool(_SEASON_BEFORE.search(text, max(0, start - 12), start)) and not (
            _PERIOD_AFTER.match(text, end, end + 12) or _NOT_SEASON_AFTER.match(text, end, end + 6)
        )
    if unit not in ("year", "week", "month"):
        return False
    if _POSSESSIVE_AFTER.match(text, end, end + 3):
        return True
    prep = _FOR_OF_BEFORE.search(text, max(0, start - 8), start)
    if prep is None:
        return False
    if prep.group("prep").lower() == "of":
        if unit != "year" or not _TIME_PART_OF.search(text, max(0, start - 60), start):
            return False
    return not _PERIOD_AFTER.match(text, end, end + 12)


def _sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 4) : offset].rstrip(" \t\"'“‘`(")
    return not before or before[-1] in ".!?\n"


def _year_ago(m: re.Match[str], ctx: Context) -> Resolution:
    anchor = ctx.near_previous(600)
    res = Resolution(relative=True)
    if anchor and anchor[:4].isdigit():
        res.value = shift_value(anchor, -1, "year")
    elif ctx.pub is not None:
        res.value = str(ctx.pub.year - 1)
    res.granularity = granularity_of(res.value)
    return res


def _duration(m: re.Match[str], ctx: Context) -> Resolution:
    return Resolution(time_type="duration")


def _set(m: re.Match[str], ctx: Context) -> Resolution:
    return Resolution(time_type="set")


def _anchored_unit(unit: str, direction: str, ctx: Context) -> Resolution:
    """"that year", "the same quarter", "the previous month": the unit of the last anchoring value."""
    res = Resolution(relative=True, granularity="unknown")
    prev = ctx.previous
    if prev is None or not prev[:4].isdigit():
        return res
    step = {"the previous": -1, "the following": 1}.get(direction, 0)
    if unit == "year":
        res.value, res.granularity = f"{int(prev[:4]) + step:04d}", "year"
    elif unit == "month" and re.match(r"\d{4}-\d{2}", prev):
        res.value, res.granularity = shift_value(prev[:7], step, "month"), "month"
    elif unit == "quarter" and "-Q" in prev:
        res.value, res.granularity = quarter_value(int(prev[:4]), int(prev[6]), step), "quarter"
    return res


def _offset(m: re.Match[str], ctx: Context) -> Resolution:
    pub = ctx.pub
    n_text = " ".join(m.group("n").lower().split())
    n = int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text)
    unit = m.group("unit").lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    direction = " ".join(m.group("dir").lower().split())
    res = Resolution(relative=True, granularity=_OFFSET_GRANULARITY.get(unit, "year"))
    if unit == "decade" and n is not None:
        unit, n = "year", n * 10
    if unit == "century" and n is not None:
        unit, n = "year", n * 100
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if direction in ("after", "before"):
        # "a day after X" is a duration until X's date is known (``time`` resolves it)
        res.time_type = "duration"
        res.shift = (sign * n, unit) if n is not None else None
        return res
    if n is None:
        return res
    anchor = ctx.near_previous(300)
    if direction in ("earlier", "later") or (unit == "year" and anchor and "-Q" in anchor):
        # "a year earlier" with nothing before it is a year before publication;
        # "four years later" always counts from a time the text gave, never from now
        if direction == "earlier" and anchor is None and pub is not None:
            anchor = pub.isoformat() if unit in ("day", "week") else str(pub.year)
        if anchor is not None:
            res.value = shift_value(anchor, sign * n, unit)
            res.granularity = granularity_of(res.value)
        return res
    if pub is None:
        return res
    if unit == "day":
        res.value = day_value(pub + timedelta(days=sign * n))
    elif unit == "week":
        res.value = week_value(pub + timedelta(weeks=sign * n))
    elif unit == "month":
        y, mo = add_months(pub.year, pub.month, sign * n)
        res.value = f"{y:04d}-{mo:02d}"
    else:
        res.value = f"{pub.year + sign * n:04d}"
    return res


RESOLVERS = {
    "weekday": _weekday,
    "deictic": _deictic,
    "unit": _unit,
    "offset": _offset,
    "year_ago": _year_ago,
    "duration": _duration,
    "set": _set,
}
