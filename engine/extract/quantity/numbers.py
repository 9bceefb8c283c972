"""Figures: numbers as written, with their scale, currency, unit and range.

Owns: ``find_figures``, which finds figures ("5,000", "3.5%", "$5m", "£3bn",
"five", "a dozen", "hundreds of") and reads each as a ``Num``: its value,
scale words and suffixes ("m", "bn"), currency symbols, codes and words,
percent and measure units, a noun glued on with a hyphen ("50-family",
"6,000-strong community"); and joins ranges ("200-300", "between 20% and
30%").  A figure with any other suffix (ordinals, decades, clock times,
model numbers) is no quantity; durations and fractions glued on
("five-year", "two-thirds") and scores and tallies written "3-1" are marked
``skip``.

Does not own: deciding whether a figure counts something
(``quantity.filters``), approximators and the fact record (``quantity``),
the counted noun (``quantity.noun``) or the lexicon tables
(``quantity.tables``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tables import FRACTIONS, ONES, TENS, Tables, meaning_of

_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12}
_VAGUE = {"tens": 10, "dozens": 12, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
_SYMBOLS = {"$": "USD", "us$": "USD", "a$": "AUD", "c$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD",
            "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
_WORD = "(?:" + "|".join(sorted([*ONES, *TENS, *_SCALES, "dozen"], key=len, reverse=True)) + ")"
_AND = "|".join(rf"(?<={s})\s+and\s+" for s in ("hundred", "thousand", "million", "billion"))
# Written in lower case: it runs on ``text.lower()`` (case-insensitive matching
# is several times slower), or with IGNORECASE when lower-casing changes length.
_NUMBER_SOURCE = (
    r"(?P<vague>(?<![\w-])(?:tens|dozens|hundreds|thousands|millions|billions)"
    r"(?:\s+of\s+(?:thousands|millions|billions))?)(?=\s+of\b)"
    r"|(?:(?<![\w$£€¥₹])(?P<cur>(?:us|nz|hk|a|c|s)\$|[$£€¥₹])[ \u00a0]?|(?<![\w.,:/$£€¥₹+])(?<![A-Za-z]-))"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<suf>[a-z]{1,5})?(?!\w|[.,/:]\d)"
    r"(?:\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?"
    rf"|(?<![\w-])(?P<words>(?:half\s+)?(?:an?\s+)?{_WORD}(?:(?:-|{_AND}|\s+){_WORD})*)(?!\w)"
)
_NUMBER = re.compile(_NUMBER_SOURCE)
_NUMBER_ANY_CASE = re.compile(_NUMBER_SOURCE, re.IGNORECASE)
# Every place a match of _NUMBER can start, with what must follow there: a
# digit or a currency symbol; a whole number word; a vague "hundreds" before
# "of"; "half" or "a"/"an" before a number word ("half a dozen", "a
# hundred"); the "us"/"a"/"c".. of "us$".  ("a" and "s" alone are far more
# common than figures: trying the figure pattern after each costs more than
# the rest of the search.)  Anything added to _NUMBER_SOURCE's first tokens
# must be added here.
_STARTS_SOURCE = (
    rf"(?<!\w)(?:\d|{_WORD}(?!\w)|(?:{'|'.join(_VAGUE)})(?=\s+of\b)"
    rf"|half(?=\s+(?:an?\s+)?{_WORD}(?!\w))|an?(?=\s+{_WORD}(?!\w))|(?:us|nz|hk|a|c|s)(?=\$))|[$£€¥₹]"
)
_STARTS = re.compile(_STARTS_SOURCE)
_STARTS_ANY_CASE = re.compile(_STARTS_SOURCE, re.IGNORECASE)
_PERCENT = re.compile(r"[ \u00a0]?%|\s+per\s?cent\b|\s+percent\b|\s+(?P<points>percentage\s+points?)\b", re.I)
_CONNECTOR = re.compile(r"-?\s*(?P<c>-|\u2013|\u2014|to|and|or)\s*\Z", re.I)  # "six- to eight-year-olds"
LOOKBACK = 40
_WORD_BREAKS = re.compile(r"[\s-]+")
_SPACES = re.compile(r"[ \u00a0]+")
_GLUED_WORD = re.compile(r"-([^\W\d_]+)")
_BETWEEN_BEFORE = re.compile(r"between\s+\Z", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+\Z", re.I)


@dataclass
class Num:
    start: int
    end: int
    value: float
    raw: float  # the figure before any scale word or suffix
    currency: str | None = None
    unit: str | None = None
    scaled: bool = False
    word: bool = False
    vague: bool = False
    high: float | None = None
    skip: bool = False
    digits: str = ""  # the figure as written, without currency or scale
    maybe_metres: bool = False  # "100m" without a currency: million or metres
    noun_hint: tuple[int, int] | None = None  # "50-family": the noun glued to the figure
    after_strong: bool = False  # "6,000-strong community"

    @property
    def bare(self) -> bool:
        return not (self.currency or self.unit or self.scaled or self.vague)


def find_figures(text: str, t: Tables) -> list[Num]:
    """Every figure in ``text`` in order, with ranges joined."""
    lowered = text.lower()
    if len(lowered) == len(text):
        found = _matches(_NUMBER, _STARTS, lowered)
    else:  # lower-casing changed offsets: match the text itself, ignoring case
        found = _matches(_NUMBER_ANY_CASE, _STARTS_ANY_CASE, text)
    nums = [n for m in found if (n := _read(text, m, t))]
    return _merge_ranges(text, nums)


def _matches(number: re.Pattern[str], starts: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Exactly ``number.finditer(text)``, but ``number`` is tried only where
    a figure can start (found by the much cheaper ``starts``): trying the
    full pattern at every character is the costliest part of the extractor."""
    out: list[re.Match[str]] = []
    last = 0
    for start in starts.finditer(text):
        if start.start() >= last:
            m = number.match(text, start.start())
            if m:
                out.append(m)
                last = m.end()
    return out


def _parse_words(words: str) -> float:
    parts = [w for w in _WORD_BREAKS.split(words.lower()) if w != "and"]
    factor = 1.0
    if parts[0] == "half":
        factor, parts = 0.5, parts[1:]
    if parts[0] in ("a", "an"):
        parts = parts[1:]
    total = current = 0.0
    for w in parts:
        if w in ONES or w in TENS:
            current += ONES.get(w, TENS.get(w, 0))
        elif w == "hundred" or w == "dozen":
            current = (current or 1) * (100 if w == "hundred" else 12)
        else:
            total += (current or 1) * _SCALES[w]
            current = 0.0
    return (total + current) * factor


def _read(text: str, m: re.Match[str], t: Tables) -> Num | None:
    """A figure with its scale and unit, or None when it is not a quantity at all."""
    if m.group("vague"):
        parts = m.group("vague").lower().split()
        value = 2 * _VAGUE[parts[0]] * (_VAGUE[parts[-1]] if len(parts) > 1 else 1)
        n = Num(m.start(), m.end(), value, value, vague=True)
    elif m.group("words"):
        value = _parse_words(m.group("words"))
        scaled = any(w in _SCALES for w in m.group("words").lower().split())
        n = Num(m.start(), m.end(), value, value, word=True, scaled=scaled, digits=m.group("words"))
    else:
        digits = m.group("num")
        raw = float(digits.replace(",", ""))
        cur = m.group("cur")
        n = Num(m.start(), m.end(), raw, raw, currency=_SYMBOLS.get(cur.lower()) if cur else None, digits=digits)
        suffix = (m.group("suf") or "").lower()
        if suffix in _SHORT_SCALES:
            n.value, n.scaled = raw * _SHORT_SCALES[suffix], True
            n.maybe_metres = suffix == "m" and not cur
        elif suffix == "pc":
            n.unit = "percent"
        elif suffix and (code := meaning_of(t.currency_map, suffix)) and not cur:
            _set_currency(n, code)
        elif suffix and (unit := meaning_of(t.unit_map, suffix)):
            n.unit = unit
        elif suffix:
            return None  # ordinal, decade, clock time, model number
        if m.group("scale"):
            n.value, n.scaled = n.value * _SCALES[m.group("scale").lower()], True
    _read_unit(text, n, t)
    return n


def _set_currency(n: Num, meaning: str) -> None:
    code, _, divisor = meaning.partition("/")
    n.currency = code
    if divisor:
        n.value /= float(divisor)


def _read_unit(text: str, n: Num, t: Tables) -> None:
    """Extend ``n`` over a following percent sign, currency word, unit word or glued word."""
    if (pm := _PERCENT.match(text, n.end)) and not n.currency:
        n.unit, n.end = ("percentage point" if pm.group("points") else "percent"), pm.end()
        return
    gap = _SPACES.match(text[n.end:n.end + 8])
    pos = n.end + (gap.end() if gap else 0)
    if gap and not n.unit:
        cm = t.currencies.pattern.match(text, pos)
        if cm and not n.currency and (code := meaning_of(t.currency_map, cm.group())):
            _set_currency(n, code)
            n.end = cm.end()
            return
        um = t.units.pattern.match(text, pos)
        if um and not n.currency and not n.vague and (unit := meaning_of(t.unit_map, um.group())):
            n.unit, n.end = unit, um.end()
            return
    glued = _GLUED_WORD.match(text[n.end:n.end + 30])
    if glued and not n.unit and not n.currency:
        word = glued.group(1).lower()
        if word in t.time_units or word in FRACTIONS:
            n.skip = True
        elif word == "strong":
            n.after_strong, n.end = True, n.end + glued.end()
        elif word not in t.postfix_map:
            n.noun_hint = (n.end + 1, n.end + glued.end())


def _merge_ranges(text: str, nums: list[Num]) -> list[Num]:
    """Join "200-300", "200 to 300", "between 200 and 300"; drop scores written "3-1"."""
    out: list[Num] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        b = nums[i + 1] if i + 1 < len(nums) else None
        cm = _CONNECTOR.match(text[a.end:b.start]) if b and b.start - a.end <= 7 else None
        if b is None or cm is None or a.noun_hint or a.after_strong:
            out.append(a)
            i += 1
            continue
        conn = cm.group("c").lower()
        before = text[max(0, a.start - LOOKBACK):a.start]
        if conn in "-\u2013\u2014" and a.bare and b.bare and a.value >= b.value:
            a.skip = b.skip = True  # a score or tally ("won 3-1", "a 2-1 decision", "2004-05")
            out += [a, b]
            i += 2
            continue
        if b.scaled and not a.scaled and a.raw < b.raw and b.raw:
            a.value, a.scaled = a.raw * b.value / b.raw, True
        same_kind = a.unit in (None, b.unit) and a.currency in (None, b.currency) and b.currency in (None, a.currency)
        joined = {"and": _BETWEEN_BEFORE.search(before) is not None,
                  "to": _FROM_BEFORE.search(before) is None,
                  "or": a.bare and b.bare}.get(conn, True)
        if not (joined and same_kind and a.value < b.value):
            out.append(a)
            i += 1
            continue
        a.high, a.end = b.value, b.end
        a.unit, a.currency = a.unit or b.unit, a.currency or b.currency
        a.skip, a.noun_hint, a.after_strong = b.skip, b.noun_hint, b.after_strong
        a.maybe_metres = b.maybe_metres
        out.append(a)
        i += 2
    return out
