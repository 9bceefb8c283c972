"""Regular expressions that find temporal expressions in news text.

Owns: the shapes of dates, weekdays, months, years, decades, quarters,
relative expressions ("last week", "two days ago", "a day after", "over the
summer", "by year-end"), "the near future", durations and sets, and
``find_candidates``, which returns the longest non-overlapping matches in
text order.  Every quantifier in ``PATTERNS`` is bounded, so a match is at
most 116 characters long and each match attempt costs a bounded amount;
each family's regex runs only in windows around its trigger words, at least
as wide as its longest match and look-ahead, so the narrowed search finds
exactly what a search of the whole text would and the cost is linear in the
text length (both checked by tests: ``test_extract_time``,
``test_fast_paths``).

Does not own: what a match means (``time.normalize``) or events
(``time.events``).  "now", "currently" and "recently" are deliberately not
matched (no value, inconsistently annotated).  Month and weekday names must be capitalized (so "may",
"march" and "sun" are never dates); an abbreviated weekday ("Sun", "Thu.") counts only right
before a day number or a month and day ("Sun 23 March", "Thu, Jan. 3"); relative words match
in any case.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
}

_FULL_MONTH = r"January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = rf"(?:{_FULL_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)(?![\w])"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "Sun 23 March", "Thu, Jan. 3": an abbreviated weekday, capitalized and directly before a day
# number or a month and day (so "The Sun reported" and "she sat" are no weekdays)
_WEEKDAY_ABBR = (
    r"(?<![Tt]he\s)(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
    r"(?=,?[ \t\u00a0]{1,3}(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t\u00a0]{1,3})?\d{1,2}(?!\d))"
)
_YEAR = r"(?:1[6-9]|20)\d\d(?![\w%]|[.,]\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.,:/-]\d)"
_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|several|a\s{1,3}few|a\s{1,3}couple\s{1,3}of|\d{1,3})"
_APPROX = r"(?:(?:almost|nearly|about|some|roughly|more\s{1,3}than|less\s{1,3}than|just|over|only|barely)\s{1,3})?"
_PART = r"(?:\s{1,3}(?i:morning|afternoon|evening|night))?"
_EDGE = r"(?<![\w'’-])"
_UNIT = r"(?:day|week|month|year|decade|centur(?:y|ie))"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
# "Jan. 5 this year", "3 March last year": the year named in words right after a day and month
_YEAR_WORDS = r"[ \t\u00a0]{{1,3}}(?P<{}>(?i:this|last|next))[ \t\u00a0]{{1,3}}(?i:year)(?![\w'’])"
# white space inside a date: at most one line break, never a blank line between paragraphs
_SEP = r"(?:[ \t\u00a0]{1,3}|[ \t\u00a0]{0,2}(?:\r\n|\r|\n)[ \t\u00a0]{0,2})"

#: family name -> pattern; each family's groups are read by ``time.normalize``.
PATTERNS: dict[str, re.Pattern[str]] = {
    # Thursday, January 3, 2020 / Jan. 3 / 3 January 2020 / March 2019
    "calendar": re.compile(
        _EDGE
        + rf"(?:(?=[MTWFS])(?P<wd>{_WEEKDAY}|{_WEEKDAY_ABBR}),?{_SEP})?(?:the\s{{1,3}}week\s{{1,3}}of\s{{1,3}})?"
        + rf"(?:(?P<m1>{_MONTH}){_SEP}(?P<d1>{_DAY})(?:,?{_SEP}(?P<y1>{_YEAR})|{_YEAR_WORDS.format('r1')})?"
        + rf"|(?P<d2>{_DAY}){_SEP}(?:of\s{{1,3}})?(?P<m2>{_MONTH})(?:,?{_SEP}(?P<y2>{_YEAR})|{_YEAR_WORDS.format('r2')})?"
        + rf"|(?P<mod>(?i:early|late|mid)[- ])?(?P<m3>{_MONTH}),?{_SEP}(?P<y3>{_YEAR}))"
    ),
    "numeric": re.compile(
        r"(?<![\w/.-])(?:(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
        r"|(?P<sa>\d{1,2})/(?P<sb>\d{1,2})/(?P<sy>(?:19|20)\d\d))(?![\w/-])"
    ),
    # in March, early December, last April, mid-November, January this year
    "month": re.compile(
        _EDGE
        + r"(?P<pre>(?i:(?:the\s{1,3})?(?:early|late|middle\s{1,3}of|beginning\s{1,3}of|end\s{1,3}of|start\s{1,3}of)|mid|last|next|this(?:\s{1,3}past|\s{1,3}coming)?)[- ]{1,2})?"
        + rf"(?P<m>{_FULL_MONTH})(?![\w])(?:\s{{1,3}}(?P<rel>(?i:this|last|next))\s{{1,3}}year(?![\w]))?"
    ),
    # (last|next|this) Friday (night); Friday; the previous Monday
    "weekday": re.compile(
        _EDGE
        + r"(?P<pre>(?i:(?:(?:early|late)\s{1,3})?(?:last|next|this(?:\s{1,3}coming|\s{1,3}past)?|the\s{1,3}(?:previous|following))\s{1,3}|early\s{1,3}|late\s{1,3}))?"
        + rf"(?P<wd>{_WEEKDAY})(?![\w])(?!['’]s\s{{1,3}}(?:{_WEEKDAY}))(?!\s{{1,3}}(?i:mornings|afternoons|evenings|nights))"
        + _PART
        + r"(?![\w])"
    ),
    # today, yesterday morning, tonight, the day before yesterday, last night, the near future
    "deictic": re.compile(
        _EDGE
        + r"(?i:(?P<pre>(?:early|late|later|earlier)\s{1,3})?(?:the\s{1,3}day\s{1,3}(?P<dba>before|after)\s{1,3})?"
        r"(?P<rd>today|tonight|yesterday|tomorrow)(?:\s{1,3}(?:morning|afternoon|evening|night))?"
        r"|(?P<tod>last\s{1,3}night|this\s{1,3}(?:morning|afternoon|evening))"
        r"|(?P<vague>the\s{1,3}(?:near\s{1,3}|distant\s{1,3}|foreseeable\s{1,3})?future|(?:the\s{1,3})?coming\s{1,3}(?:days|weeks|months|years|quarters)))(?![\w])"
    ),
    # last week, earlier this month, the end of the year, this year's, next fall
    "unit": re.compile(
        _EDGE
        + r"(?i:(?P<pre>(?:(?:the\s{1,3})?(?:early|late|earlier|later|end\s{1,3}of|beginning\s{1,3}of|middle\s{1,3}of|start\s{1,3}of|rest\s{1,3}of)\s{1,3}|sometime\s{1,3}"
        r"|(?:earlier|later)\s{1,3}in\s{1,3}|(?:the\s{1,3})?(?:first|second|last)\s{1,3}half\s{1,3}of\s{1,3}))?"
        r"(?P<dir>last|this(?:\s{1,3}past|\s{1,3}coming)?|next|the\s{1,3}(?:past|previous|following|current|same|coming|latest|next|last)|that|the)\s{1,3}"
        + rf"(?:(?:fiscal|full|early|late)\s{{1,3}}|mid-)?(?P<unit>week(?:end)?|month|year|quarter|decade|century|{_SEASON})(?![\w]))"
    ),
    # by year-end, since year end, by year's end (the preposition is checked by the resolver)
    "year_end": re.compile(r"(?<![\w-])(?i:year(?:[- ]|['’]s\s{1,3})end)(?![\w-])"),
    # two days ago, a year earlier, almost four years ago, a day after
    "offset": re.compile(
        _EDGE
        + rf"(?i:{_APPROX}(?P<n>{_NUM})\s{{1,3}}(?P<unit>{_UNIT}s?)\s{{1,3}}(?:or\s{{1,3}}so\s{{1,3}})?(?P<dir>ago|earlier|later|before|after|from\s{{1,3}}now|hence))(?![\w])"
    ),
    # year-earlier, the year-ago period, the comparable year-ago results
    "year_ago": re.compile(
        _EDGE + r"(?i:(?:the\s{1,3})?(?:comparable\s{1,3})?year-(?:earlier|ago)(?:\s{1,3}(?:period|quarter))?)(?![\w-])"
    ),
    # three years, the past two months, five-year (durations: no value)
    "duration": re.compile(
        _EDGE
        + r"(?i:(?:(?:the\s{1,3})?(?:past|last|next|coming|first|final|following|previous)\s{1,3})?"
        + rf"(?:{_NUM}|\d{{1,3}}|a\s{{1,3}}few|several|many)[- ](?:more\s{{1,3}})?(?:hours?|days?|weeks?|months?|years?|decades?))(?![\w-])"
    ),
    # every week, each Thursday, on Tuesdays, Monday and Friday nights (sets: no value)
    "set": re.compile(
        _EDGE
        + rf"(?i:(?:every|each)\s{{1,3}}(?:other\s{{1,3}})?(?:day|week|month|year|morning|night|summer|spring|fall|winter|(?-i:{_WEEKDAY})))(?![\w])"
        + rf"|(?:{_WEEKDAY})s(?:\s{{1,3}}(?i:mornings|afternoons|evenings|nights))?(?![\w])"
        + rf"|(?:{_WEEKDAY}\s{{1,3}}(?:and|or)\s{{1,3}})?(?:{_WEEKDAY})\s{{1,3}}(?i:mornings|afternoons|evenings|nights)(?![\w])"
    ),
    # third-quarter, the fourth quarter of 1990, the year-ago quarter, the quarter
    "quarter": re.compile(
        _EDGE
        + r"(?i:(?P<det>(?:the|its|this\s{1,3}year['’]s|last\s{1,3}year['’]s|next\s{1,3}year['’]s)\s{1,3})?(?P<fy>fiscal[- ])?"
        + rf"(?:(?P<qy>{_YEAR})\s{{1,3}})?"
        + r"(?P<ago>(?:comparable\s{1,3})?year-(?:ago|earlier)\s{1,3})?"
        + r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|latest|current|year-ago|year-earlier|comparable\s{1,3}year-ago)[- ](?:fiscal[- ])?(?:quarter|period)(?:s)?(?![\w])"
        + rf"(?:\s{{1,3}}of\s{{1,3}}(?:fiscal\s{{1,3}})?(?P<y>{_YEAR}))?)"
    ),
    # Thanksgiving, Christmas Day, Election Day, New Year's Day, Easter
    "holiday": re.compile(
        _EDGE
        + r"(?P<pre>(?i:last|next|this)\s{1,3})?(?P<name>Thanksgiving|Christmas|Easter|Election\s{1,3}Day|New\s{1,3}Year['’]s\s{1,3}(?:Day|Eve)|Independence\s{1,3}Day|Labor\s{1,3}Day|Memorial\s{1,3}Day)"
        + r"(?:\s{1,3}(?P<tail>Day|Eve|week))?(?![\w])(?!\s{1,3}(?:Island|tree|card|gift|present)s?)"
    ),
    # nineteen ninety-six, the year two thousand, the nineties, the 20th century
    "spelled": re.compile(
        _EDGE
        + r"(?i:(?P<pre>the\s{1,3}year\s{1,3})?(?:(?P<c19>nineteen)\s{1,3}(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?P<ones>one|two|three|four|five|six|seven|eight|nine))?"
        + r"|(?P<y2000>two\s{1,3}thousand)(?:\s{1,3}and\s{1,3}(?P<ones2>one|two|three|four|five|six|seven|eight|nine))?"
        # "two thousand troops" counts; "the year two thousand has" is a year
        + r"(?(pre)|(?!\s{1,3}(?:[a-z]{1,20}s|of)(?![\w])))"
        + r"|the\s{1,3}(?P<decword>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
        + r"|(?:the\s{1,3})?(?P<cent>1\d|20|21)(?:st|th)[- ]century))(?![\w-])"
    ),
    # 1990, fiscal 1989, the 1990s, the mid-1990s, the '80s, the end of 1990
    "year": re.compile(
        r"(?<![\w$£€.,'’/-])"
        + r"(?P<pre>(?i:(?:the\s{1,3})?(?:early|late|end\s{1,3}of|beginning\s{1,3}of|middle\s{1,3}of|start\s{1,3}of)\s{1,3}|mid-|fiscal\s{1,3}|the\s{1,3}))?"
        + rf"(?:(?P<decade>(?:1[6-9]|20)\d0)s|['’](?P<short>\d)0s|(?P<y>{_YEAR})(?P<period>\s{{1,3}}(?i:period|quarter))?)(?![\w-])"
    ),
}

_SENTENCE_STOP = re.compile(r"[.!?;:]\s|[\r\n]")


@dataclass(frozen=True)
class Candidate:
    """One match: its family, offsets and the regex match it came from."""

    family: str
    start: int
    end: int
    match: re.Match[str]


_MONTH_KEYS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: family -> words (lower case) one of which every match of the family contains;
#: "####" stands for "a run of exactly four digits", "Month" for a capitalized month name.
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "calendar": ("Month",),
    "numeric": ("####",),
    "month": ("Month",),
    "weekday": ("day",),
    "deictic": ("day", "night", "tomorrow", "morning", "afternoon", "evening", "future", "coming"),
    "unit": ("week", "month", "year", "quarter", "decade", "centur", "spring", "summer", "fall", "autumn", "winter"),
    "offset": ("ago", "earlier", "later", "before", "after", "hence", "now"),
    "year_ago": ("year-",),
    "year_end": ("year",),
    "duration": ("hour", "day", "week", "month", "year", "decade"),
    "set": ("every", "each", "day"),
    "quarter": ("quarter", "period"),
    "holiday": ("thanksgiving", "christmas", "easter", "election", "year", "independence", "labor", "memorial"),
    "spelled": ("nineteen", "thousand", "ties", "centur"),
    "year": ("####", "0s"),
}
_DIGITS = re.compile(r"\d+")
_WINDOW = 80  # characters a match may extend on either side of its trigger word
#: families whose longest match (with its look-ahead) is longer than ``_WINDOW``
_WINDOW_OF = {"quarter": 120, "calendar": 100}
# characters that the patterns' IGNORECASE equates with an ASCII letter but ``str.lower`` does
# not; "İ" also lowers to two code points, which would shift every offset after it
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _fold_case(text: str) -> str:
    """``text`` in lower case, one code point per code point, equal where IGNORECASE is."""
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        text = text.translate(_FOLD)
    return text.lower()


def _trigger_positions(text: str) -> dict[str, list[int]]:
    lower = _fold_case(text)
    found: dict[str, list[int]] = {}
    keys = {k for keys in _TRIGGERS.values() for k in keys} - {"####", "Month"}
    for key in keys:
        i = lower.find(key)
        hits = found.setdefault(key, [])
        while i >= 0:
            hits.append(i)
            i = lower.find(key, i + len(key))
    months = found.setdefault("Month", [])
    for key in _MONTH_KEYS:
        for form in (key, key.upper()):
            i = text.find(form)
            while i >= 0:
                months.append(i)
                i = text.find(form, i + 3)
    found["####"] = [m.start() for m in _DIGITS.finditer(text) if m.end() - m.start() == 4]
    return found


def _windows(positions: list[int], size: int, width: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for pos in sorted(positions):
        lo, hi = max(0, pos - width), min(size, pos + width)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def find_candidates(text: str, blocks: list[tuple[int, int]] | None = None) -> list[Candidate]:
    """Longest non-overlapping temporal expressions, in text order.

    Each family's pattern runs only in windows around its trigger words, which
    keeps the scan cheap on long texts with few temporal expressions.  With
    ``blocks`` (sorted, disjoint ``(start, end)`` spans: the paragraphs) a
    match never crosses a block's edge and nothing outside the blocks is
    found."""
    hits = _trigger_positions(text)
    found: list[Candidate] = []
    for family, pattern in PATTERNS.items():
        positions = [p for key in _TRIGGERS[family] for p in hits.get(key, ())]
        windows = _windows(positions, len(text), _WINDOW_OF.get(family, _WINDOW))
        for lo, hi in windows if blocks is None else _clip(windows, blocks):
            for m in pattern.finditer(text, lo, hi):
                start, end = _trim(text, m.start(), m.end())
                if end > start:
                    found.append(Candidate(family, start, end, m))
    found.sort(key=lambda c: (c.start - c.end, c.start))
    taken = bytearray(len(text))
    chosen: list[Candidate] = []
    for cand in found:
        if taken.find(1, cand.start, cand.end) >= 0:
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _clip(windows: list[tuple[int, int]], blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``windows`` inside ``blocks`` (both sorted and disjoint)."""
    out: list[tuple[int, int]] = []
    starts = [b[0] for b in blocks]
    for lo, hi in windows:
        i = max(0, bisect.bisect_right(starts, lo) - 1)
        while i < len(blocks) and blocks[i][0] < hi:
            a, b = max(lo, blocks[i][0]), min(hi, blocks[i][1])
            if a < b:
                out.append((a, b))
            i += 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",-"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def sentence_window(text: str, start: int, end: int, before: int = 120, after: int = 60) -> tuple[int, int]:
    """The part of the sentence around ``start:end``, at most ``before``/``after`` characters wide."""
    lo = max(0, start - before)
    left = lo
    for m in _SENTENCE_STOP.finditer(text, lo, start):
        left = m.end()
    hi = min(len(text), end + after)
    stop = _SENTENCE_STOP.search(text, end, hi)
    return left, (stop.start() + 1 if stop else hi)
