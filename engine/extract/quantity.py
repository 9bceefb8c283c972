"""Quantity extraction: counts of things, percentages, money and measures.

Owns: finding figures ("5,000", "3.5%", "$5m", "£3bn", "five", "a dozen",
"hundreds of"), ranges ("200-300", "between 20% and 30%"), approximators
before and after a figure (lexicon ``approximators`` and
``quantity-postfix-approximators``, "phrase=meaning" entries), units
(percent, currency codes, measure units), and whether the figure restates
a count already given ("the 23 people": ``definite``).  Figures that are not
quantities are skipped: years, dates, clock times, ages, durations
(``quantity-time-units``), scores and vote tallies written "3-1", ordinals,
decades, fractions, labels ("No. 10", "Channel 4"), phone numbers, ranks
without a noun ("the top 10") and the word "one".

Does not own: the counted noun phrase and its key (``quantity_noun``),
durations and dates (``time``), ages (``people``), or any comparison between
quantities (rules do that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..facts.model import QuantityFact, Span
from ..lexicon import Lexicon, Lexicons, normalize_phrase
from ..text.document import Document
from .quantity_noun import FRACTIONS, counted_noun, metre_context

_ONES = dict(zip("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                 "fifteen sixteen seventeen eighteen nineteen".split(), range(20)))
_TENS = dict(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10)))
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12}
_VAGUE = {"tens": 10, "dozens": 12, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
_SYMBOLS = {"$": "USD", "us$": "USD", "a$": "AUD", "c$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD",
            "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_WORD = "(?:" + "|".join(sorted([*_ONES, *_TENS, *_SCALES, "dozen"], key=len, reverse=True)) + ")"
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
_PERCENT = re.compile(r"[ \u00a0]?%|\s+per\s?cent\b|\s+percent\b|\s+(?P<points>percentage\s+points?)\b", re.I)
_CONNECTOR = re.compile(r"-?\s*(?P<c>-|\u2013|\u2014|to|and|or)\s*\Z", re.I)  # "six- to eight-year-olds"
_CLOCK = re.compile(r"\s*(?:[ap]\.?m\b\.?|gmt\b|bst\b|[ecmp][sd]t\b|o'clock\b)", re.I)
_PREV_WORD = re.compile(r"([\w'\u2019-]+)(\.?)[ \u00a0]+\Z")
_LOOKBACK = 40
_DEFINITE = re.compile(r"(?<![\w'\u2019])(?:the|these|those)[ \u00a0]+\Z", re.I)
_PARTITIVE = re.compile(r"(?<![\w])of[ \u00a0]+(?:all[ \u00a0]+)?(?:the|these|those|all)[ \u00a0]+\Z", re.I)
_RELATIVE_AFTER = re.compile(r"[ \u00a0]+(?:who|whom|whose|that|which|where|when)(?!\w)", re.I)


@dataclass
class _Num:
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


@dataclass
class _Tables:
    approx: re.Pattern[str]
    approx_map: dict[str, str]
    postfix: Lexicon
    postfix_map: dict[str, str]
    currencies: Lexicon
    currency_map: dict[str, str]
    units: Lexicon
    unit_map: dict[str, str]
    time_units: Lexicon
    irregular: dict[str, str]
    synonyms: dict[str, str]
    stops: frozenset[str]
    skips: frozenset[str]
    labels: frozenset[str]
    ranks: frozenset[str]
    age_cues: re.Pattern[str]
    metre_nouns: frozenset[str]
    number_words: frozenset[str] = frozenset([*_ONES, *_TENS])  # they end a noun phrase


def _pairs(lex: Lexicon) -> tuple[Lexicon, dict[str, str]]:
    """Split "phrase=meaning" entries into a phrase lexicon and a meaning map."""
    mapping: dict[str, str] = {}
    for entry in lex.phrases:
        phrase, _, meaning = entry.rpartition("=")
        mapping[normalize_phrase(phrase or meaning)] = meaning.strip()
    return Lexicon(lex.name, tuple(mapping)), mapping


def _meaning(mapping: dict[str, str], text: str) -> str | None:
    norm = normalize_phrase(text)
    if norm in mapping:
        return mapping[norm]
    for phrase, meaning in mapping.items():
        if phrase.endswith("*") and norm.startswith(phrase[:-1]) and " " not in norm[len(phrase) - 1:]:
            return meaning
    return None


@lru_cache(maxsize=8)
def _tables(lexicons: tuple[Lexicon, ...]) -> _Tables:
    (approx, postfix, curr, units, time_units, irregular, synonyms, stops, skips, labels, ranks, ages, metre) = lexicons
    approx_lex, approx_map = _pairs(approx)
    alts = approx_lex.pattern.pattern[len(r"(?<![\w])"):-len(r"(?![\w])")] if approx_lex.phrases else "(?!x)x"
    age_alts = ages.pattern.pattern[len(r"(?<![\w])"):-len(r"(?![\w])")] if ages.phrases else "(?!x)x"
    words = lambda lex: frozenset(normalize_phrase(p) for p in lex.phrases)  # noqa: E731
    return _Tables(
        re.compile(r"(?<![\w])" + alts + r"(?:\s+|\s*-\s*)\Z", re.I),
        approx_map,
        *_pairs(postfix), *_pairs(curr), *_pairs(units),
        time_units=time_units,
        irregular=_pairs(irregular)[1], synonyms=_pairs(synonyms)[1],
        stops=words(stops), skips=words(skips), labels=words(labels), ranks=words(ranks),
        age_cues=re.compile(r"(?<![\w])" + age_alts + r"\s+\Z", re.I),
        metre_nouns=words(metre),
    )


_LEXICON_NAMES = ("approximators", "quantity-postfix-approximators", "quantity-currencies", "quantity-units",
                  "quantity-time-units", "quantity-irregular-plurals", "quantity-noun-synonyms",
                  "quantity-noun-stops", "quantity-noun-skip", "quantity-label-words", "quantity-rank-words",
                  "quantity-age-cues", "quantity-metre-nouns")


def extract(doc: Document, lex: Lexicons) -> list[QuantityFact]:
    """Every quantity in ``doc`` in document order, numbered q1, q2, ..."""
    t = _tables(tuple(lex.get(name) for name in _LEXICON_NAMES))
    lowered = doc.text.lower()
    finder = _NUMBER.finditer(lowered) if len(lowered) == len(doc.text) else _NUMBER_ANY_CASE.finditer(doc.text)
    nums = [n for m in finder if (n := _read(doc.text, m, t))]
    title_case = _title_case_headline(doc)
    facts: list[QuantityFact] = []
    for n in _merge_ranges(doc.text, nums):
        if n.skip or _not_a_count(doc, n, t, title_case):
            continue
        fact = _build(doc, n, t, len(facts) + 1)
        if fact is not None:
            facts.append(fact)
    return facts


def _parse_words(words: str) -> float:
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w != "and"]
    factor = 1.0
    if parts[0] == "half":
        factor, parts = 0.5, parts[1:]
    if parts[0] in ("a", "an"):
        parts = parts[1:]
    total = current = 0.0
    for w in parts:
        if w in _ONES or w in _TENS:
            current += _ONES.get(w, _TENS.get(w, 0))
        elif w == "hundred" or w == "dozen":
            current = (current or 1) * (100 if w == "hundred" else 12)
        else:
            total += (current or 1) * _SCALES[w]
            current = 0.0
    return (total + current) * factor


def _read(text: str, m: re.Match[str], t: _Tables) -> _Num | None:
    """A figure with its scale and unit, or None when it is not a quantity at all."""
    if m.group("vague"):
        parts = m.group("vague").lower().split()
        value = 2 * _VAGUE[parts[0]] * (_VAGUE[parts[-1]] if len(parts) > 1 else 1)
        n = _Num(m.start(), m.end(), value, value, vague=True)
    elif m.group("words"):
        value = _parse_words(m.group("words"))
        scaled = any(w in _SCALES for w in m.group("words").lower().split())
        n = _Num(m.start(), m.end(), value, value, word=True, scaled=scaled, digits=m.group("words"))
    else:
        digits = m.group("num")
        raw = float(digits.replace(",", ""))
        cur = m.group("cur")
        n = _Num(m.start(), m.end(), raw, raw, currency=_SYMBOLS.get(cur.lower()) if cur else None, digits=digits)
        suffix = (m.group("suf") or "").lower()
        if suffix in _SHORT_SCALES:
            n.value, n.scaled = raw * _SHORT_SCALES[suffix], True
            n.maybe_metres = suffix == "m" and not cur
        elif suffix == "pc":
            n.unit = "percent"
        elif suffix and (code := _meaning(t.currency_map, suffix)) and not cur:
            _set_currency(n, code)
        elif suffix and (unit := _meaning(t.unit_map, suffix)):
            n.unit = unit
        elif suffix:
            return None  # ordinal, decade, clock time, model number
        if m.group("scale"):
            n.value, n.scaled = n.value * _SCALES[m.group("scale").lower()], True
    _read_unit(text, n, t)
    return n


def _set_currency(n: _Num, meaning: str) -> None:
    code, _, divisor = meaning.partition("/")
    n.currency = code
    if divisor:
        n.value /= float(divisor)


def _read_unit(text: str, n: _Num, t: _Tables) -> None:
    """Extend ``n`` over a following percent sign, currency word, unit word or glued word."""
    if (pm := _PERCENT.match(text, n.end)) and not n.currency:
        n.unit, n.end = ("percentage point" if pm.group("points") else "percent"), pm.end()
        return
    gap = re.match(r"[ \u00a0]+", text[n.end:n.end + 8])
    pos = n.end + (gap.end() if gap else 0)
    if gap and not n.unit:
        cm = t.currencies.pattern.match(text, pos)
        if cm and not n.currency and (code := _meaning(t.currency_map, cm.group())):
            _set_currency(n, code)
            n.end = cm.end()
            return
        um = t.units.pattern.match(text, pos)
        if um and not n.currency and not n.vague and (unit := _meaning(t.unit_map, um.group())):
            n.unit, n.end = unit, um.end()
            return
    glued = re.match(r"-([^\W\d_]+)", text[n.end:n.end + 30])
    if glued and not n.unit and not n.currency:
        word = glued.group(1).lower()
        if word in t.time_units or word in FRACTIONS:
            n.skip = True
        elif word == "strong":
            n.after_strong, n.end = True, n.end + glued.end()
        elif word not in t.postfix_map:
            n.noun_hint = (n.end + 1, n.end + glued.end())


def _merge_ranges(text: str, nums: list[_Num]) -> list[_Num]:
    """Join "200-300", "200 to 300", "between 200 and 300"; drop scores written "3-1"."""
    out: list[_Num] = []
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
        before = text[max(0, a.start - _LOOKBACK):a.start]
        if conn in "-\u2013\u2014" and a.bare and b.bare and a.value >= b.value:
            a.skip = b.skip = True  # a score or tally ("won 3-1", "a 2-1 decision", "2004-05")
            out += [a, b]
            i += 2
            continue
        if b.scaled and not a.scaled and a.raw < b.raw and b.raw:
            a.value, a.scaled = a.raw * b.value / b.raw, True
        same_kind = a.unit in (None, b.unit) and a.currency in (None, b.currency) and b.currency in (None, a.currency)
        joined = {"and": re.search(r"between\s+\Z", before, re.I) is not None,
                  "to": re.search(r"\bfrom\s+\Z", before, re.I) is None,
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


def _title_case_headline(doc: Document) -> bool:
    head = doc.headline
    if head is None:
        return False
    long_words = [w for w in re.findall(r"[^\W\d_]+", doc.text[head.start:head.end]) if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)


def _not_a_count(doc: Document, n: _Num, t: _Tables, title_case: bool) -> bool:
    """True for years, dates, times, ages, labels, phone numbers, ratios and the word "one"."""
    text = doc.text
    before = text[max(0, n.start - _LOOKBACK):n.start]
    after = text[n.end:n.end + _LOOKBACK]
    pm = _PREV_WORD.search(before)
    prev = pm.group(1) if pm else ""
    next_word = re.match(r"(?:\s*(?:-|\u2013|and|or|to|&)\s*\d{1,2}(?:st|nd|rd|th)?)?[ \u00a0]+([^\W\d_]+)", after)
    if _is_month(prev) or (next_word and _is_month(next_word.group(1))):
        return True
    if n.word and n.value == 1 and not n.scaled:
        return True
    if re.search(r"\b(?:one|1)\s+in\s+\Z|\bout\s+of\s+\Z", before, re.I):
        return True
    if not n.bare:
        return False
    plain = n.digits.isdigit()
    if plain and (1600 <= n.value <= 2100 or (n.digits.startswith("0") and len(n.digits) > 1)):
        return True  # a year or a code with a leading zero
    if _CLOCK.match(after) or (plain and (re.match(r"[ \u00a0]\d", after) or re.search(r"\d[ \u00a0]\Z", before))):
        return True  # clock time, phone number
    low = prev.lower()
    if low in t.labels or (pm and pm.group(2) and low + "." in t.labels) or before.endswith("#"):
        return True
    if n.value < 130 and n.value == int(n.value) and (t.age_cues.search(before) or _age_apposition(before, after)):
        return True
    return bool(
        prev[:1].isupper() and not pm.group(2) and not (title_case and doc.in_headline(n.start))
        and low not in t.stops and low not in t.ranks and low not in t.skips
        and _meaning(t.approx_map, low) is None and not re.search(r"['\u2019]s?\Z", prev)
        and (not n.word or text[n.start].isupper())
    )  # a name: "Channel 4", "Windows 95", "the Guildford Four"


def _is_month(word: str) -> bool:
    return word.lower() in _MONTHS and word[:1].isupper()


def _age_apposition(before: str, after: str) -> bool:
    """"Smith, 54, said" and "Smith (54)"."""
    return bool(
        (re.search(r"[^\W\d_][\w'\u2019-]*,[ \u00a0]\Z", before) and re.match(r"[ \u00a0]*[,;]", after))
        or (re.search(r"[A-Z][\w'\u2019-]*[ \u00a0]\(\Z", before) and after.startswith(")"))
    )


def _approximator(text: str, n: _Num, t: _Tables) -> tuple[int, str | None]:
    """Start of the fact and the normalized approximator written before the figure."""
    before = text[max(0, n.start - _LOOKBACK):n.start]
    am = t.approx.search(before)
    if am is None:
        return n.start, None
    return n.start - len(before) + am.start(), _meaning(t.approx_map, am.group().rstrip(" \t\u00a0\r\n-"))


def _build(doc: Document, n: _Num, t: _Tables, index: int) -> QuantityFact | None:
    text = doc.text
    start, approx = _approximator(text, n, t)
    end = n.end
    gap = re.compile(r"[ \u00a0]*-?[ \u00a0]*").match(text, end)
    post = t.postfix.pattern.match(text, gap.end()) if n.high is None else None
    if post and (meaning := _meaning(t.postfix_map, post.group())):
        approx, end = approx or meaning, post.end()
    elif n.word and re.match(r"(?:an?\s+)?dozen\Z", n.digits, re.I):
        approx = approx or "about"
    if n.vague:
        approx = approx or "at least"
    para = doc.paragraph_at(n.start)
    noun, modifiers, key, strict = counted_noun(text, n, end, para.end if para else len(text), t)
    if noun == "skip":
        return None
    value, unit = n.value, n.unit or n.currency
    if n.maybe_metres and (not strict or metre_context(text, noun, t)):
        value, unit, noun, modifiers, key = n.raw, "m", None, [], None
    pm = _PREV_WORD.search(text[max(0, n.start - _LOOKBACK):n.start])
    if noun is None and n.bare and pm and pm.group(1).lower() in t.ranks:
        return None  # a rank: "the top 10", "the first three"
    if key == "vote" or (n.bare and re.search(r"\bvotes?\s+to\s+\Z", text[max(0, n.start - 12):n.start], re.I)):
        unit = "votes"
    noun_span = Span.of(text, noun[0], noun[1]) if noun else None
    definite = noun is not None and approx is None and _restated(text, start, noun[1])
    end = max(end, noun[1] if noun else end)
    return QuantityFact(
        id=f"q{index}", start=start, end=end, text=text[start:end], figure=Span.of(text, n.start, n.end),
        value=_tidy(value), value_high=None if n.high is None else _tidy(n.high), approx=approx, noun=noun_span, noun_key=key,
        noun_modifiers=modifiers, unit=unit, definite=definite,
    )


def _restated(text: str, start: int, noun_end: int) -> bool:
    """"the 23 people" (a count already given), not "5 of the 23 people" or "the 23 people who"."""
    before = text[max(0, start - 16):start]
    return bool(_DEFINITE.search(before) and not _PARTITIVE.search(before)
                and not _RELATIVE_AFTER.match(text, noun_end, noun_end + 12))


def _tidy(value: float) -> float:
    """Drop binary noise from scaling: 1.1 * 1e6 is 1100000, not 1100000.0000000002."""
    return float(f"{value:.12g}")
