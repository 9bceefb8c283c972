"""Quantity extraction: counts of things, percentages, money and measures.

Owns: ``extract``, which turns the figures of a document into
``QuantityFact`` records (and asks ``quantity.action`` what happened to what
each counts): approximators before and after a figure (lexicon
``approximators`` and ``quantity-postfix-approximators``, "phrase=meaning"
entries; "a dozen" is "about", "hundreds of" is "at least"), "100m" as
metres beside a race word, ranks without a noun ("the top 10") dropped, vote
counts, and whether the figure restates a count already given ("the 23
people": ``definite``).

Does not own: finding figures, their units and ranges
(``quantity.numbers``), figures that are not quantities such as years,
dates, clock times, ages, labels and names (``quantity.filters``), the
lexicon tables (``quantity.tables``), the counted noun phrase and its key
(``quantity.noun``), durations and dates (``time``), ages (``people``), or
any comparison between quantities (rules do that).
"""

from __future__ import annotations

import re

from ...facts.model import QuantityFact, Span
from ...lexicon import Lexicons
from ...text.document import Document
from .action import action_of
from .filters import not_a_count, prev_word, title_case_headline
from .noun import counted_noun, metre_context
from .numbers import LOOKBACK, Num, find_figures
from .tables import Tables, may_end_with, meaning_of, tables_of

_DEFINITE = re.compile(r"(?<![\w'\u2019])(?:the|these|those)[ \u00a0]+\Z", re.I)
_PARTITIVE = re.compile(r"(?<![\w])of[ \u00a0]+(?:all[ \u00a0]+)?(?:the|these|those|all)[ \u00a0]+\Z", re.I)
# "the 23 people who ...", "the 30 people injured", "the 20 people in hospital":
# a clause, participle or phrase after the noun picks out a group, so the
# figure need not restate an earlier count of the whole noun
_DASH_GAP = re.compile(r"[ \u00a0]*-?[ \u00a0]*")
_DOZEN = re.compile(r"(?:an?\s+)?dozen\Z", re.I)
_VOTES_TO = re.compile(r"\bvotes?\s+to\s+\Z", re.I)
_RELATIVE_AFTER = re.compile(
    r"[ \u00a0]+(?:who|whom|whose|that|which|where|when|still|in|on|at|from|with|aboard|inside|outside"
    r"|hurt|held|taken|left|shot|caught|found|seen|known|thought|said|believed|feared|missing|dead"
    r"|[a-z]{2,}ed)(?!\w)"
)


def extract(doc: Document, lex: Lexicons) -> list[QuantityFact]:
    """Every quantity in ``doc`` in document order, numbered q1, q2, ..."""
    t = tables_of(lex)
    figures = find_figures(doc.text, t)
    title_case = title_case_headline(doc)
    facts: list[QuantityFact] = []
    for n in figures:
        if n.skip or not_a_count(doc, n, t, title_case):
            continue
        fact = _build(doc, n, t, len(facts) + 1)
        if fact is not None:
            _add_action(doc, fact, lex)
            facts.append(fact)
    return facts


def _add_action(doc: Document, fact: QuantityFact, lex: Lexicons) -> None:
    """What happened to what the figure counts, and what a bare figure measures (``quantity.action``)."""
    sentence = doc.sentence_at(fact.start)
    bounds = (sentence.start, sentence.end) if sentence else (0, len(doc.text))
    found = action_of(doc.text, fact.start, fact.end, fact.noun is not None, fact.unit, bounds, lex)
    if found.action is not None:
        fact.action = Span.of(doc.text, *found.action)
        fact.action_key = found.key
    if found.measure is not None:
        fact.measure = Span.of(doc.text, *found.measure)


def _approximator(text: str, n: Num, t: Tables) -> tuple[int, str | None]:
    """Start of the fact and the normalized approximator written before the figure."""
    before = text[max(0, n.start - LOOKBACK):n.start]
    if t.approx_last_words is not None and not may_end_with(before, t.approx_last_words):
        return n.start, None  # (the search tries the approximators at every start in ``before``)
    am = t.approx.search(before)
    if am is None:
        return n.start, None
    return n.start - len(before) + am.start(), meaning_of(t.approx_map, am.group().rstrip(" \t\u00a0\r\n-"))


def _build(doc: Document, n: Num, t: Tables, index: int) -> QuantityFact | None:
    text = doc.text
    start, approx = _approximator(text, n, t)
    end = n.end
    gap = _DASH_GAP.match(text, end)  # always matches, maybe empty
    post = t.postfix.pattern.match(text, gap.end()) if n.high is None and gap is not None else None
    if post and (meaning := meaning_of(t.postfix_map, post.group())):
        approx, end = approx or meaning, post.end()
    elif n.word and _DOZEN.match(n.digits):
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
    pm = prev_word(text[max(0, n.start - LOOKBACK):n.start])
    if noun is None and n.bare and pm and pm[0].lower() in t.ranks:
        return None  # a rank: "the top 10", "the first three"
    if key == "vote" or (n.bare and _VOTES_TO.search(text[max(0, n.start - 12):n.start])):
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
    """"the 23 people" (a count already given), not "5 of the 23 people", "the
    23 people who ..." or "the 23 people injured"."""
    before = text[max(0, start - 16):start]
    return bool(_DEFINITE.search(before) and not _PARTITIVE.search(before)
                and not _RELATIVE_AFTER.match(text, noun_end, noun_end + 12))


def _tidy(value: float) -> float:
    """Drop binary noise from scaling: 1.1 * 1e6 is 1100000, not 1100000.0000000002."""
    return float(f"{value:.12g}")
