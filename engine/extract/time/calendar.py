"""Calendar arithmetic and the records the time resolvers share.

Owns: ``Resolution`` (what an expression means) and ``Context`` (what a
resolver knows: publication date, future clause, last anchoring value),
date/week/month/quarter arithmetic, TimeML value shapes and holiday dates.

Does not own: reading matches (``time.absolute``, ``time.relative``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ...facts.model import Granularity, TimeType

SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9), "winter": ("WI", 12)}


@dataclass
class Resolution:
    """What an expression means; ``value`` None when it cannot be resolved."""

    value: str | None = None
    granularity: Granularity = "unknown"
    time_type: TimeType = "date"
    weekday: str | None = None
    explicit: bool = False
    relative: bool = False
    #: for "N units after/before X": signed day/month/year shift from X's date
    shift: tuple[int, str] | None = None
    #: "year" when the year was not written and was chosen from the publication
    #: date ("Jan. 3", "in March"), "week" for a bare weekday ("on Monday")
    inferred: str | None = None


@dataclass
class Context:
    """What a resolver knows besides the match: publication date, whether the
    clause speaks of the future, and the last anchoring value before the
    match (with the number of characters between them)."""

    pub: date | None
    future: bool = False
    previous: str | None = None
    distance: int = 10**9
    #: a past verb governs the time ("announced ... on Nov. 3"); without one a date that names
    #: no year is not leaned into the past ("the new date, June 14")
    past_clause: bool = True
    #: words after "a/the May" that make it the month ("the May elections"), lower case
    may_nouns: frozenset[str] = frozenset()

    def near_previous(self, limit: int = 400) -> str | None:
        return self.previous if self.distance <= limit else None


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_value(value: str, amount: int, unit: str) -> str | None:
    """``value`` moved by ``amount`` days/weeks/months/years (None if the shapes do not fit)."""
    if unit == "year" and re.fullmatch(r"\d{4}(?:-.*)?", value):
        year = int(value[:4]) + amount
        rest = value[4:]
        if rest.startswith("-02-29"):
            rest = "-02-28"
        return f"{year:04d}{rest}"
    if unit == "month" and re.fullmatch(r"\d{4}-\d{2}", value):
        y, m = add_months(int(value[:4]), int(value[5:7]), amount)
        return f"{y:04d}-{m:02d}"
    if unit in ("day", "week") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        days = amount * (7 if unit == "week" else 1)
        try:
            return day_value(date.fromisoformat(value) + timedelta(days=days))
        except OverflowError:  # beyond the calendar (before year 1 or after 9999)
            return None
    return None


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def weekday_date(pub: date, wd: int, direction: str) -> date:
    if direction in ("back", "strict-back"):
        delta = (pub.weekday() - wd) % 7
        if delta == 0 and direction == "strict-back":
            delta = 7
        return pub - timedelta(days=delta)
    delta = (wd - pub.weekday()) % 7
    if delta == 0 and direction == "strict-forward":
        delta = 7
    return pub + timedelta(days=delta)


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def quarter_value(year: int, q: int, delta: int = 0) -> str:
    index = year * 4 + (q - 1) + delta
    return f"{index // 4}-Q{index % 4 + 1}"




def granularity_of(value: str | None) -> Granularity:
    if value is None:
        return "unknown"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if "-Q" in value:
        return "quarter"
    if "-W" in value:
        return "week"
    return "unknown"


def holiday_date(name: str, year: int) -> date | None:
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("christmas"):
        return date(year, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("new year"):
        return date(year, 12, 31) if name.endswith("eve") else date(year, 1, 1)
    if name.startswith("independence"):
        return date(year, 7, 4)
    if name.startswith("labor"):
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if name.startswith("memorial"):
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    if name.startswith("election"):
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    if name.startswith("easter"):
        return _easter(year)
    return None


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741  (the published algorithm's names)
    m = (a + 11 * h + 22 * l + 90) // 451
    month = (h + l - 7 * m + 114) // 31
    return date(year, month, (h + l - 7 * m + 114) % 31 + 1)
