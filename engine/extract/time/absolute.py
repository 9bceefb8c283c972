"""Resolvers for expressions that name a calendar unit themselves.

Owns: full and partial dates ("Jan. 3", "3 January 2019", "2019-12-24",
"12/24/2019"), months ("in March", "last April"), years, decades, spelled
years ("nineteen ninety-six"), quarters, holidays and "by year-end"
(December of the publication year; the previous one after "since", and
after "from"/"after" outside a future clause).  A month and day without a
year take the publication year, moved back a year when that lands more than
60 days after publication in a clause whose past verb dates it ("was
signed on Nov. 3"), 120 days when no past verb does ("the new date, June
14", "asked for seats for the final on May 25") and 300 in a future clause,
and forward a year when more than 305 (65) days before it; "Jan. 5 this
year" (last/next year) names its year; a bare month is the coming one when at
most 2 months ahead (11 in a future clause), else the past one; "a June
agreement" (a determiner before, a noun after) reads the month like "in
June", except before nouns of rule or period, and "May" only before a word
of the ``may-month-nouns`` lexicon ("a May election", not "the May
government"); with neither a preposition nor that shape, a month is a time
only as the subject of a sentence calling it a month ("May was a good
month"), since a sentence-initial "May" is mostly a name ("May said").
"3/4/2019" (both parts 12 or less and different) is left unresolved.

Does not own: relative expressions (``time.relative``) or arithmetic
(``time.calendar``).
"""

from __future__ import annotations

import re
from datetime import date

from .calendar import (
    Context,
    Resolution,
    day_value,
    holiday_date,
    quarter_of,
    quarter_value,
    safe_date,
    shift_value,
    week_value,
)
from .patterns import MONTHS, WEEKDAYS


def weekday_name(word: str) -> str:
    """The full lower-case weekday of a written one: "Thursday", "Thu.", "Thurs" -> "thursday"."""
    return next(day for day in WEEKDAYS if day.startswith(word[:3].lower()))


def _month_number(word: str) -> int:
    return MONTHS[word[:3].lower()]


def _calendar(m: re.Match[str], ctx: Context) -> Resolution:
    pub, future = ctx.pub, ctx.future
    wd = m.group("wd")
    res = Resolution(weekday=weekday_name(wd) if wd else None, explicit=True)
    month_word = m.group("m1") or m.group("m2") or m.group("m3")
    month = _month_number(month_word)
    day_text = m.group("d1") or m.group("d2")
    year_text = m.group("y1") or m.group("y2") or m.group("y3")
    if day_text is None:
        res.granularity = "month"
        res.value = f"{int(year_text):04d}-{month:02d}"
        return res
    day = int(day_text[:-2] if day_text[-2:].isalpha() else day_text)  # "21st" -> 21
    res.granularity = "day"
    year_words = (m.group("r1") or m.group("r2") or "").lower()
    if year_text:
        found = safe_date(int(year_text), month, day)
    elif year_words and pub is not None:  # "Jan. 5 this year"
        found = safe_date(pub.year + {"this": 0, "last": -1, "next": 1}[year_words], month, day)
    elif pub is None:
        found = None
    else:
        res.inferred = "year"
        found = safe_date(pub.year, month, day)
        if found is not None:
            diff = (found - pub).days
            if diff > (300 if future else 60 if ctx.past_clause else 120):
                found = safe_date(pub.year - 1, month, day)
            elif diff < -365 + (300 if future else 60):
                found = safe_date(pub.year + 1, month, day)
            found = _year_by_weekday(found, res.weekday, pub, month, day)
    res.value = day_value(found) if found else None
    return res


#: how far from publication a date without a year may be read into the
#: other year when only that year fits its weekday
_WEEKDAY_YEAR_WINDOW = 300


def _year_by_weekday(found: date | None, weekday: str | None, pub: date, month: int, day: int) -> date | None:
    """A reader pins a year-less date with its weekday: "Sunday 21 August"
    in copy of March 2005 is the coming August when 21 August 2005 is a
    Sunday, even where the tense leaned it back a year.  The date moves only
    when it does not fall on its weekday in the year first inferred and falls
    on it in exactly one other year within ``_WEEKDAY_YEAR_WINDOW`` days of
    publication; otherwise the weekday stays wrong and is reported."""
    if found is None or weekday is None or found.strftime("%A").lower() == weekday:
        return found
    fits = [
        d
        for year in (pub.year - 1, pub.year, pub.year + 1)
        if (d := safe_date(year, month, day)) is not None
        and abs((d - pub).days) <= _WEEKDAY_YEAR_WINDOW
        and d.strftime("%A").lower() == weekday
    ]
    return fits[0] if len(fits) == 1 else found


def _numeric(m: re.Match[str], ctx: Context) -> Resolution:
    res = Resolution(granularity="day", explicit=True)
    if m.group("iy"):
        found = safe_date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    else:
        a, b, y = int(m.group("sa")), int(m.group("sb")), int(m.group("sy"))
        if a == b or b > 12 >= a:
            found = safe_date(y, a, b)  # US month/day
        elif a > 12 >= b:
            found = safe_date(y, b, a)  # day/month
        else:
            found = None  # 3/4/2020: ambiguous, left unresolved
    res.value = day_value(found) if found else None
    return res


_MONTH_CONTEXT = re.compile(
    r"(?:in|since|until|till|by|during|from|through|to|of|before|after|between|and|or|around|starting|for|early|late|mid|last|next|this|on)\s+$",
    re.IGNORECASE,
)


# "a June agreement", "the October killing": a month naming when the next noun happened, never
# before a noun of rule or period ("the June administration").
_DETERMINER_BEFORE = re.compile(r"(?<![\w])(?:a|an|the|its|his|her|their|our)\s{1,3}$", re.IGNORECASE)
_NOUN_AFTER = re.compile(
    r"\s{1,3}(?!(?:on|of|to|for|in|and|or|at|by|from|with|is|was|the)(?![\w])"
    r"|(?:government|administration|cabinet|era|ministry|regime|premiership|presidency|leadership|year)s?(?![\w]))"
    r"[a-z]{3,}"
)


_NEXT_WORD = re.compile(r"[ \t\u00a0]{1,3}([A-Za-z][\w-]{0,30})")


def _modifies_noun(m: re.Match[str], ctx: Context) -> bool:
    """After a determiner, the month names when the next noun happened ("a June agreement");
    "May" only before a word of ``ctx.may_nouns`` ("the May elections", not "the May
    government")."""
    if m.group("m") != "May":
        return _NOUN_AFTER.match(m.string, m.end(), m.end() + 20) is not None
    word = _NEXT_WORD.match(m.string, m.end(), m.end() + 34)
    return word is not None and word.group(1).lower() in ctx.may_nouns


# "May was a good month", "December is traditionally a quiet month": the month as the subject
# of a sentence saying it is a month (a sentence-initial "May" is otherwise a name: "May said")
_MONTH_IS_A_MONTH = re.compile(
    r"\s{1,3}(?:is|was|will\s{1,3}be|has\s{1,3}been|had\s{1,3}been)(?:\s{1,3}[a-z]{1,15}){1,3}\s{1,3}month(?![\w])"
)


def _month(m: re.Match[str], ctx: Context) -> Resolution | None:
    pub, future = ctx.pub, ctx.future
    pre = (m.group("pre") or "").lower().strip(" -")
    rel = (m.group("rel") or "").lower()
    if not pre and not rel:
        text, start, end = m.string, m.start(), m.end()
        if not _MONTH_CONTEXT.search(text[max(0, start - 20) : start]) and not (
            _DETERMINER_BEFORE.search(text, max(0, start - 8), start) and _modifies_noun(m, ctx)
        ) and not _MONTH_IS_A_MONTH.match(text, end, end + 60):
            return None
    month = _month_number(m.group("m"))
    res = Resolution(granularity="month", explicit=not (pre.startswith(("last", "next", "this")) or rel))
    res.relative = not res.explicit
    if pub is None:
        return res
    if rel:
        year = pub.year + {"this": 0, "last": -1, "next": 1}[rel]
    elif pre.startswith("last") or pre == "this past":
        year = pub.year if month < pub.month else pub.year - 1
    elif pre.startswith("next") or pre == "this coming":
        year = pub.year if month > pub.month else pub.year + 1
    elif pre == "this":
        year = pub.year
    else:
        res.inferred = "year"
        ahead = (month - pub.month) % 12
        year = pub.year + (1 if month < pub.month else 0) if ahead <= (11 if future else 2) else pub.year - (1 if month > pub.month else 0)
    res.value = f"{year:04d}-{month:02d}"
    return res


def _quarter(m: re.Match[str], ctx: Context) -> Resolution:
    pub, future = ctx.pub, ctx.future
    ordinal = " ".join(m.group("ord").lower().split())
    det = (m.group("det") or "").lower()
    res = Resolution(granularity="quarter", explicit=bool(m.group("y") or m.group("qy")))
    res.relative = not res.explicit
    year_text = m.group("y") or m.group("qy")
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(ordinal)
    if q is not None:
        if m.group("ago"):
            anchor = ctx.near_previous(600)
            year = int(anchor[:4]) - 1 if anchor and anchor[:4].isdigit() else (pub.year - 1 if pub else None)
            res.value = f"{year:04d}-Q{q}" if year else None
            return res
        if year_text:
            year = int(year_text)
        elif pub is None:
            return res
        elif det.startswith(("this", "last", "next")):
            year = pub.year + {"t": 0, "l": -1, "n": 1}[det[0]]
        else:
            year = pub.year if date(pub.year, 3 * q - 2, 1) <= pub or future else pub.year - 1
        res.value = f"{year:04d}-Q{q}"
        return res
    if pub is None:
        return res
    current = quarter_of(pub)
    anchor = ctx.near_previous(600)
    if ordinal == "current":
        res.value = quarter_value(*current)
    elif "year" in ordinal:
        res.value = shift_value(anchor, -1, "year") if anchor and "-Q" in anchor else quarter_value(*current, -5)
    else:
        res.value = quarter_value(*current, -1)
    return res


def _year(m: re.Match[str], ctx: Context) -> Resolution | None:
    pre = " ".join((m.group("pre") or "").lower().split())
    if m.group("decade"):
        return Resolution(value=m.group("decade")[:3], granularity="decade", explicit=True)
    if m.group("short"):
        return Resolution(value="19" + m.group("short"), granularity="decade", explicit=True)
    year = m.group("y")
    if not pre and not _looks_like_year(m.string, m.start("y"), m.end("y")):
        return None
    anchor = ctx.near_previous(600)
    if m.group("period") and anchor and "-Q" in anchor:
        return Resolution(value=f"{year}{anchor[4:]}", granularity="quarter", explicit=True)
    return Resolution(value=year, granularity="year", explicit=True)


_COUNTED_AFTER = re.compile(r"\s{1,3}(?:(?!(?:was|has|is|as|this|its|his|does|says)(?![\w]))[a-z]{2,12}s|percent|per\s+cent)(?![\w])")


_YEAR_PREPOSITION = re.compile(
    r"(?:in|since|by|until|till|from|during|before|after|through|of|and|to|between|early|late|mid)\s{1,3}$", re.IGNORECASE
)


_BEFORE_NUMBER = re.compile(
    r"(?:No\.|number|Nos\.|Room|Flight|Route|about|nearly|almost|over|than|top|Highway|Interstate)\s{1,3}$",
    re.IGNORECASE,
)


def _looks_like_year(text: str, start: int, end: int) -> bool:
    """A bare 4-digit number reads as a year unless it counts something."""
    if _YEAR_PREPOSITION.search(text, max(0, start - 12), start):
        return True
    if _BEFORE_NUMBER.search(text, max(0, start - 14), start):
        return False
    return _COUNTED_AFTER.match(text, end, min(len(text), end + 20)) is None


_TENS = {"twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8, "ninety": 9}


_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _spelled(m: re.Match[str], ctx: Context) -> Resolution:
    res = Resolution(explicit=True, granularity="year")
    if m.group("c19"):
        res.value = f"19{_TENS[m.group('tens').lower()]}{_ONES.get((m.group('ones') or '').lower(), 0)}"
    elif m.group("y2000"):
        res.value = f"200{_ONES.get((m.group('ones2') or '').lower(), 0)}"
    elif m.group("decword"):
        res.value, res.granularity = f"19{_TENS[m.group('decword').lower()[:-3] + 'y']}", "decade"
    else:
        res.value, res.granularity = f"{int(m.group('cent')) - 1:02d}", "century"
    return res


_YEAR_END_BEFORE = re.compile(r"(?<![\w])(?P<prep>by|at|around|until|till|before|near|through|since|from|after)\s{1,3}$", re.IGNORECASE)


def _year_end(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "by year-end" is December of the publication year, "since year-end" the last one, and so
    is "from/after year-end" unless the clause is about the future ("will be sold from
    year-end"); without such a preposition "year-end" is a modifier ("year-end bonuses")."""
    prep = _YEAR_END_BEFORE.search(m.string, max(0, m.start() - 8), m.start())
    if prep is None:
        return None
    res = Resolution(granularity="month", relative=True)
    if ctx.pub is not None:
        word = prep.group("prep").lower()
        back = word == "since" or (word in ("from", "after") and not ctx.future)
        res.value = f"{ctx.pub.year - back:04d}-12"
    return res


def _holiday(m: re.Match[str], ctx: Context) -> Resolution:
    name = " ".join(m.group("name").lower().split())
    tail = (m.group("tail") or "").lower()
    if tail in ("day", "eve") and not name.endswith(("day", "eve")):
        name = f"{name} {tail}"
    pre = (m.group("pre") or "").strip().lower()
    res = Resolution(granularity="week" if tail == "week" else "day", relative=True)
    pub = ctx.pub
    if pub is None:
        return res
    found = holiday_date(name, pub.year)
    if found is None:
        return res
    shift = 0
    if pre == "last" and found >= pub or not pre and not ctx.future and (found - pub).days > 60:
        shift = -1
    elif pre == "next" and found <= pub or ctx.future and found < pub:
        shift = 1
    # a holiday known in one year is known in every year
    if shift and (other := holiday_date(name, pub.year + shift)) is not None:
        found = other
    res.value = week_value(found) if tail == "week" else day_value(found)
    return res


RESOLVERS = {
    "calendar": _calendar,
    "numeric": _numeric,
    "month": _month,
    "quarter": _quarter,
    "year": _year,
    "spelled": _spelled,
    "holiday": _holiday,
    "year_end": _year_end,
}
