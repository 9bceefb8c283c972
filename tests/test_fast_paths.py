"""Every speed shortcut in extraction gives exactly what the plain way gives.

The shortcuts (benchmarked in bench/speed.py) are: figures matched only
where one can start, several lexicons searched together word by word, word
offsets from ``split`` instead of match objects, and spans built without
``model_construct``.  Each test compares the shortcut with the plain
computation on short texts written to hit the edges.
"""

from __future__ import annotations

import re

import pytest

from factlint.extract import quantity_numbers
from factlint.extract.fast_lexicon import FirstWordTable
from factlint.extract.people_words import _WORD as PEOPLE_WORD
from factlint.extract.people_words import Words
from factlint.facts.model import Span
from factlint.lexicon import Lexicon

TEXTS = [
    "",
    "Over 5,000 troops, about 3.5% of the force, and two hundred and fifty tanks.",
    "Half a dozen officials; a dozen; an eighty-strong team; hundreds of thousands of people.",
    "US$5m, A$3bn, £12m, €4.5bn, ¥300, C$ 20 and s$7 were quoted; 1990-2000 and 200-300.",
    "The 1990s, 3rd place, 10:30, 4/5, v2.0, A4 paper, x-ray-2 and mid-2020.",
    "TWENTY-FIVE MPs and Forty Thousand voters; İstanbul had 3 million people.",
    "Zoë’s café sold 😀 42 croissants\r\nto naïve tourists, up from thirty-one.",
    "a a a an an half half one one",
]


@pytest.mark.parametrize("text", TEXTS)
def test_figures_are_matched_exactly_where_the_full_pattern_would_match(text: str) -> None:
    for source in (text, text.lower(), text.upper()):
        low = source.lower()
        if len(low) == len(source):
            plain = [m.span() for m in quantity_numbers._NUMBER.finditer(low)]
            fast = quantity_numbers._matches(quantity_numbers._NUMBER, quantity_numbers._STARTS, low)
        else:
            plain = [m.span() for m in quantity_numbers._NUMBER_ANY_CASE.finditer(source)]
            fast = quantity_numbers._matches(
                quantity_numbers._NUMBER_ANY_CASE, quantity_numbers._STARTS_ANY_CASE, source
            )
        assert [m.span() for m in fast] == plain


LEXICONS = [
    Lexicon("topic-plain", ("troop withdrawal", "withdrawal", "closure", "close down")),
    Lexicon("topic-star", ("resign*", "step* down", "o'neill", "ex-minister")),
    Lexicon("topic-symbol", ("$ bailout", "#metoo")),
    Lexicon("topic-overlap", ("drawal", "down", "troop")),
    Lexicon("topic-folding", ("istanbul", "strike")),  # 'İ' and 'ſ' fold differently in re and lower()
]

LEXICON_TEXTS = [
    "The troop withdrawal began; the withdrawal of troops ended. Resigned, resigning, he stepped down.",
    "O’Neill and O'Neill, an ex-minister, backed the $ bailout and #MeToo; closed, close down, closure.",
    "Zoë’s 😀 withdrawal\r\nresignation; steps  down; TROOP WITHDRAWAL; withdrawals.",
    "İstanbul strike: ſtrike in İSTANBUL, troop withdrawal.",
]


@pytest.mark.parametrize("text", LEXICON_TEXTS)
@pytest.mark.parametrize("window", [(0, None), (5, 60), (17, 80)])
def test_lexicons_searched_together_find_what_each_finds_alone(text: str, window: tuple) -> None:
    start, end = window[0], len(text) if window[1] is None else window[1]
    table = FirstWordTable(LEXICONS)
    together = sorted((k, m.span()) for k, m in table.finditer(text, start, end))
    alone = sorted((k, m.span()) for k, lex in enumerate(LEXICONS) for m in lex.finditer(text, start, end))
    assert together == alone
    assert together  # the cases are written to match something


@pytest.mark.parametrize("text", TEXTS + LEXICON_TEXTS)
def test_word_offsets_from_split_are_those_of_the_word_pattern(text: str) -> None:
    words = Words.of(text)
    matches = list(PEOPLE_WORD.finditer(text))
    assert words.start == [m.start() for m in matches]
    assert words.end == [m.end() for m in matches]
    assert words.raw == [m.group() for m in matches]
    assert words.low == [m.group().lower().replace("\u2019", "'") for m in matches]


@pytest.mark.parametrize("text, start, end", [("Zoë 😀 café", 0, 3), ("a\r\nb", 1, 3), ("", 0, 0)])
def test_spans_built_fast_equal_validated_spans(text: str, start: int, end: int) -> None:
    from factlint.facts import model

    # the fast path itself, whether or not this pydantic lets Span.of use it
    assert model._bare_span(start, end, text[start:end]) == Span(start=start, end=end, text=text[start:end])
    fast = Span.of(text, start, end)
    validated = Span(start=start, end=end, text=text[start:end])
    assert fast == validated
    assert fast.model_dump() == validated.model_dump()
    assert fast.model_fields_set == validated.model_fields_set
    assert hash(fast) == hash(validated)
    with pytest.raises(ValueError):
        Span.of(text, start, len(text) + 1)


def test_figure_starts_cover_every_first_token_of_the_figure_pattern() -> None:
    """A new number word in the figure pattern must also be a start word."""
    words_branch = re.search(r"\(\?:(one|zero|[a-z|]+)\)", quantity_numbers._WORD)
    assert words_branch is not None
    for word in words_branch.group(1).split("|"):
        assert quantity_numbers._STARTS.match(word), word


_GAP = " filler" * 25  # longer than a trigger window, so the narrowed search has several windows
TIME_TEXTS = [
    "İ" * 200 + " Police said on Thursday that the bridge shut last week.",
    f"It opened in 1998, shut in 2005;{_GAP} the 1990s, fiscal 1989, the '80s;{_GAP} 12/24/2019 or 2019-12-24.",
    f"Christmas Day and New Year's Eve;{_GAP} last Thanksgiving, Easter week;{_GAP} İstanbul on Labor Day 2019.",
    f"Zoë’s café 😀\r\nOn Monday, January 3,\r\n2020 the vote;{_GAP}\r\nby year-end 😀 and since\r\nyear end.",
    f"İİ laſt week and CHRİSTMAS;{_GAP} in the twentieſ;{_GAP} nineteen ninety-six; ıt came two days ago.",
    f"{_GAP} next   year's   fiscal 1990   comparable   year-ago   comparable   year-ago fiscal quarter.{_GAP}",
    f"{_GAP} 1999{_GAP} 2000 {_GAP}2001. mid-December 2019, early May, the week of Jan. 7, 2020, every Friday.",
]


@pytest.mark.parametrize("text", TIME_TEXTS)
def test_time_triggers_narrow_the_search_to_exactly_what_a_full_text_search_finds(text: str) -> None:
    from factlint.extract import time_patterns

    def plain(text: str) -> list[tuple]:
        found = []
        for family, pattern in time_patterns.PATTERNS.items():
            for m in pattern.finditer(text):
                start, end = time_patterns._trim(text, m.start(), m.end())
                if end > start:
                    found.append((family, start, end, m.groupdict()))
        found.sort(key=lambda c: (c[1] - c[2], c[1]))  # longest, then leftmost
        chosen: list[tuple] = []
        for cand in found:
            if not any(cand[1] < end and start < cand[2] for _, start, end, _ in chosen):
                chosen.append(cand)
        return sorted(chosen, key=lambda c: c[1])

    narrowed = [(c.family, c.start, c.end, c.match.groupdict()) for c in time_patterns.find_candidates(text)]
    assert narrowed == plain(text)
    assert narrowed  # the texts are written to hold dates
