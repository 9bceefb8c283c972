"""Figures that are not counts of things.

Owns: ``not_a_count``, true for years, dates (a month name before or after
the figure), clock times, phone numbers, codes with a leading zero, ages
(lexicon ``quantity-age-cues``, "Smith, 54, said", "Smith (54)"), labels
("No. 10", lexicon ``quantity-label-words``), names ("Channel 4", "Windows
95", "the Guildford Four"; not in a Title Case headline, which
``title_case_headline`` tells), ratios ("one in five", "out of") and the
word "one"; and ``prev_word``, the word right before a figure.

Does not own: reading figures (``quantity.numbers``, which already skips
durations, fractions and scores), ranks without a noun ("the top 10",
``quantity``) or the lexicon tables (``quantity.tables``).
"""

from __future__ import annotations

import re

from ...text.document import Document
from .numbers import LOOKBACK, Num
from .tables import Tables, meaning_of

_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_CLOCK = re.compile(r"\s*(?:[ap]\.?m\b\.?|gmt\b|bst\b|[ecmp][sd]t\b|o'clock\b)", re.I)
_WORD_CHARACTERS = re.compile(r"[\w'\u2019-]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_NEXT_WORD = re.compile(r"(?:\s*(?:-|\u2013|and|or|to|&)\s*\d{1,2}(?:st|nd|rd|th)?)?[ \u00a0]+([^\W\d_]+)")
_RATIO_BEFORE = re.compile(r"\b(?:one|1)\s+in\s+\Z|\bout\s+of\s+\Z", re.I)
_DIGIT_AFTER = re.compile(r"[ \u00a0]\d")
_DIGIT_BEFORE = re.compile(r"\d[ \u00a0]\Z")
_POSSESSIVE_END = re.compile(r"['\u2019]s?\Z")
_NAME_COMMA_BEFORE = re.compile(r"[^\W\d_][\w'\u2019-]*,[ \u00a0]\Z")
_COMMA_AFTER = re.compile(r"[ \u00a0]*[,;]")
_NAME_PAREN_BEFORE = re.compile(r"[A-Z][\w'\u2019-]*[ \u00a0]\(\Z")


def title_case_headline(doc: Document) -> bool:
    """Whether most long words of the headline are capitalized (capitals there name nothing)."""
    head = doc.headline
    if head is None:
        return False
    long_words = [w for w in _LETTERS.findall(doc.text[head.start:head.end]) if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)


def prev_word(before: str) -> tuple[str, str] | None:
    r"""The word that ends ``before`` and "." when a full stop follows it
    (``("No", ".")`` for "No. "), or None; spaces must end ``before``.  The
    groups of ``re.search(r"([\w'\u2019-]+)(\.?)[ \u00a0]+\Z", before)``,
    read from the end (that search tries every start in ``before``)."""
    core = before.rstrip(" \u00a0")
    if len(core) == len(before):
        return None
    dot = "." if core.endswith(".") else ""
    end = len(core) - len(dot)
    word = _WORD_CHARACTERS.match(core[end - 1::-1]) if end else None  # reversed: the word's end first
    return (word.group()[::-1], dot) if word else None


def not_a_count(doc: Document, n: Num, t: Tables, title_case: bool) -> bool:
    """True for years, dates, times, ages, labels, phone numbers, ratios and the word "one"."""
    text = doc.text
    before = text[max(0, n.start - LOOKBACK):n.start]
    after = text[n.end:n.end + LOOKBACK]
    pm = prev_word(before)
    prev = pm[0] if pm else ""
    next_word = _NEXT_WORD.match(after)
    if _is_month(prev) or (next_word and _is_month(next_word.group(1))):
        return True
    if n.word and n.value == 1 and not n.scaled:
        return True
    if _RATIO_BEFORE.search(before):
        return True
    if not n.bare:
        return False
    plain = n.digits.isdigit()
    if plain and (1600 <= n.value <= 2100 or (n.digits.startswith("0") and len(n.digits) > 1)):
        return True  # a year or a code with a leading zero
    if _CLOCK.match(after) or (plain and (_DIGIT_AFTER.match(after) or _DIGIT_BEFORE.search(before))):
        return True  # clock time, phone number
    low = prev.lower()
    if low in t.labels or (pm and pm[1] and low + "." in t.labels) or before.endswith("#"):
        return True
    if n.value < 130 and n.value == int(n.value) and (t.age_cues.search(before) or _age_apposition(before, after)):
        return True
    return bool(
        prev[:1].isupper() and not (pm and pm[1]) and not (title_case and doc.in_headline(n.start))
        and low not in t.stops and low not in t.ranks and low not in t.skips
        and meaning_of(t.approx_map, low) is None and not _POSSESSIVE_END.search(prev)
        and (not n.word or text[n.start].isupper())
    )  # a name: "Channel 4", "Windows 95", "the Guildford Four"


def _is_month(word: str) -> bool:
    return word.lower() in _MONTHS and word[:1].isupper()


def _age_apposition(before: str, after: str) -> bool:
    """"Smith, 54, said" and "Smith (54)" (other ages, "... killed Smith, 62.",
    "Lee is 45.", are dropped by the pipeline, which sees the age facts)."""
    return bool(
        (_NAME_COMMA_BEFORE.search(before) and _COMMA_AFTER.match(after))
        or (_NAME_PAREN_BEFORE.search(before) and after.startswith(")"))
    )
