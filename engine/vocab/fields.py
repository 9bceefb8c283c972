"""Fields: what ``name.field`` may say, and the type of each.

Owns the field table of every fact kind (read from the pydantic models, so
a new model field is usable in rules at once, plus the context fields every
fact has: ``sentence_text``, ``paragraph_text``, ``before``, ``after``, read
by ``surroundings``), the language types (text, string, number, bool, date,
list), reading a field from a fact, and the built-in ``article`` name
(``article.published``, ``article.path``, ``article.headline``,
``article.standfirst``).  Dates are compared at
their common granularity: ``2020-01`` equals ``2020-01-06`` at month level.
"""

from __future__ import annotations

import datetime as _dt
import re
import types
import typing
from dataclasses import dataclass
from functools import cache

from ..facts.model import FACT_CLASSES, Fact, Span
from .context import EvalContext
from .surroundings import CONTEXT_FIELDS, article_text, context_field

#: Fields holding a date value (YYYY, YYYY-MM or YYYY-MM-DD strings).
DATE_FIELDS = {("time", "value"), ("event", "date")}
#: Extra names for fields, per fact kind.
ALIASES = {("time", "date"): "value"}
#: Internal fields rules never see.
HIDDEN = {"model_config"}

ARTICLE = "article"
ARTICLE_FIELDS = {"published": "date", "path": "string", "headline": "text", "standfirst": "text"}
SPAN_SUBFIELDS = {"text": "string", "start": "number", "end": "number"}


@dataclass(frozen=True)
class FieldDef:
    kind: str
    name: str
    type: str  # text, string, number, bool, date, list
    doc: str = ""


def _type_of(kind: str, name: str, annotation) -> str:
    if (kind, name) in DATE_FIELDS:
        return "date"
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _type_of(kind, name, inner[0]) if inner else "string"
    if origin is list:
        return "list"
    if origin is typing.Literal:
        return "string"
    if annotation is Span:
        return "text"
    if annotation is bool:
        return "bool"
    if annotation in (int, float):
        return "number"
    return "string"


@cache
def fields_of(kind: str) -> dict[str, FieldDef]:
    """All fields a fact of ``kind`` has, by name (aliases included)."""
    cls = FACT_CLASSES[kind]
    out = {}
    for name, info in cls.model_fields.items():
        if name in HIDDEN:
            continue
        out[name] = FieldDef(kind, name, _type_of(kind, name, info.annotation), info.description or "")
    for (k, alias), target in ALIASES.items():
        if k == kind:
            out[alias] = out[target]
    for name, (_, doc) in CONTEXT_FIELDS.items():
        out[name] = FieldDef(kind, name, "text", doc)
    return out


def field_type(kind: str, path: list[str]) -> str | None:
    """Type of ``path`` on a fact of ``kind``, or None when there is no such field."""
    fdef = fields_of(kind).get(path[0])
    if fdef is None:
        return None
    if len(path) == 1:
        return fdef.type
    if fdef.type == "text" and len(path) == 2:
        return SPAN_SUBFIELDS.get(path[1])
    return None


def read_field(fact: Fact, path: list[str], ctx: EvalContext | None = None):
    """The value of ``fact.<path>`` for rules: text fields give their text.
    Context fields (``sentence_text``...) need ``ctx`` (else they are missing)."""
    name = ALIASES.get((fact.kind, path[0]), path[0])
    if name in CONTEXT_FIELDS:
        value = context_field(fact, name, ctx) if ctx is not None else None
    else:
        value = getattr(fact, name, None)
    if isinstance(value, Span):
        if len(path) == 2:
            return getattr(value, path[1])
        return value.text
    if isinstance(value, list):
        return [v.text if isinstance(v, Span) else v for v in value]
    return value


def read_article_field(name: str, path: list[str], ctx: EvalContext):
    """``article.<name>[.<sub>]``: the publication date, path, headline or standfirst."""
    if name == "published":
        return ctx.published
    if name == "path":
        return ctx.path
    span = article_text(name, ctx)
    if span is None:
        return None
    return getattr(span, path[0]) if path else span.text


# ------------------------------------------------------------------ dates
_UNIT_DAYS = {"day": 1, "week": 7}
_ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")


@dataclass(frozen=True, order=True)
class DateValue:
    """A calendar value at year, month or day granularity; an ISO week
    ("2024-W16") or its weekend ("2024-W16-WE") is a run of days: its first
    day, with ``last`` its last day."""

    year: int
    month: int | None = None
    day: int | None = None
    last: DateValue | None = None

    @classmethod
    def parse(cls, value) -> DateValue | None:
        if value is None:
            return None
        if isinstance(value, DateValue):
            return value
        week = _ISO_WEEK.fullmatch(str(value))
        if week:
            return cls._week(int(week.group(1)), int(week.group(2)), bool(week.group(3)))
        parts = str(value).split("-")
        try:
            if len(parts) == 1 and len(parts[0]) == 4:
                return cls(int(parts[0]))
            if len(parts) == 2:
                _dt.date(int(parts[0]), int(parts[1]), 1)  # a month that exists
                return cls(int(parts[0]), int(parts[1]))
            if len(parts) == 3:
                _dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
                return cls(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            return None
        return None

    @classmethod
    def _week(cls, year: int, week: int, weekend: bool) -> DateValue | None:
        try:
            first = _dt.date.fromisocalendar(year, week, 6 if weekend else 1)
        except ValueError:
            return None
        end = first + _dt.timedelta(days=1 if weekend else 6)
        return cls(first.year, first.month, first.day, DateValue(end.year, end.month, end.day))

    def key(self, granularity: int) -> tuple:
        return (self.year, self.month, self.day)[:granularity]

    def span(self, granularity: int) -> tuple[tuple, tuple]:
        """The first and last key of this value at ``granularity``."""
        return self.key(granularity), (self.last or self).key(granularity)

    @property
    def granularity(self) -> int:
        return 1 if self.month is None else 2 if self.day is None else 3

    def shift(self, sign: int, amount: int, unit: str) -> DateValue:
        if self.last is not None:  # a week moves as a whole
            first = DateValue(self.year, self.month, self.day).shift(sign, amount, unit)
            return DateValue(first.year, first.month, first.day, self.last.shift(sign, amount, unit))
        if unit in _UNIT_DAYS:
            if self.day is None or self.month is None:
                return self  # a day shift is below this value's precision (a day has its month)
            d = _dt.date(self.year, self.month, self.day) + sign * _dt.timedelta(days=amount * _UNIT_DAYS[unit])
            return DateValue(d.year, d.month, d.day)
        if unit == "month":
            if self.month is None:
                return self
            total = self.year * 12 + (self.month - 1) + sign * amount
            y, m = divmod(total, 12)
            day = self.day
            if day is not None:
                day = min(day, _days_in_month(y, m + 1))
            return DateValue(y, m + 1, day)
        if unit == "year":
            day = self.day
            if day is not None and self.month == 2 and day == 29:
                day = 28
            return DateValue(self.year + sign * amount, self.month, day)
        raise ValueError(unit)

    def __str__(self) -> str:
        if self.last is not None and self.month is not None and self.day is not None:  # a week (from its first day)
            year, week, weekday = _dt.date(self.year, self.month, self.day).isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if weekday == 6 else "")
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        return out


def _days_in_month(year: int, month: int) -> int:
    nxt = _dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - _dt.timedelta(days=1)).day


def compare_dates(a: DateValue, b: DateValue) -> int | None:
    """-1, 0, 1 comparing at the common granularity (a week is before a
    day when it ends before it, after when it starts after it, else the
    same); None if not comparable."""
    g = min(a.granularity, b.granularity)
    (a_first, a_last), (b_first, b_last) = a.span(g), b.span(g)
    if a_last < b_first:
        return -1
    if a_first > b_last:
        return 1
    return 0
