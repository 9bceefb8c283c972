"""Every speed shortcut in extraction gives exactly what the plain way gives.

The shortcuts (benchmarked in bench/speed.py) are: figures matched only
where one can start, several lexicons searched together word by word, word
offsets from ``split`` instead of match objects, spans built without
``model_construct``, the words of a text from ``bytes.translate`` and
``split``, lexicon words found by ``str.find`` in lower-cased text where
lower-casing folds as the regex does, regexes rewritten to open with a
character set (or to take a word whole), a word before a figure read from
the end, and tables kept while the same lexicons are in use.  Each test
compares the shortcut with the plain computation on short texts written to
hit the edges.
"""

from __future__ import annotations

import re

import pytest
from factlint.extract.quantity import numbers as quantity_numbers
from factlint.facts.model import Span
from factlint.lexicon import FirstWordTable, Lexicon
from factlint.text.words import WORD as PEOPLE_WORD
from factlint.text.words import Words

TEXTS = [
    "",
    "Over 5,000 troops, about 3.5% of the force, and two hundred and fifty tanks.",
    "Half a dozen officials; a dozen; an eighty-strong team; hundreds of thousands of people.",
    "US$5m, A$3bn, £12m, €4.5bn, ¥300, C$ 20 and s$7 were quoted; 1990-2000 and 200-300.",
    "The 1990s, 3rd place, 10:30, 4/5, v2.0, A4 paper, x-ray-2 and mid-2020.",
    "TWENTY-FIVE MPs and Forty Thousand voters; İstanbul had 3 million people.",
    "Zoë’s café sold 😀 42 croissants\r\nto naïve tourists, up from thirty-one.",
    "a a a an an half half one one",
    "A$5, us$ 3 and S$4; C$ 20, nz$1, hk$2; half a million, a hundred, an eighty, half an hour, a-hundred.",
    "Tens of thousands, dozens\nof them, hundreds  of, thousands offered; a\u00a0dozen; A Dozen; it's$5.",
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
    "ıstanbul withdrawal; Resıgned and resigned; TROOP WİTHDRAWAL, trooper withdrawals.",
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
    from factlint.extract.time import patterns as time_patterns

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


EDGE_TEXTS = [
    "",
    "Zoë’s café sold 😀 42 croissants\r\nto naïve tourists_x, up from thirty-one.",
    "İstanbul and ıt and ſaid: KELVİN \u212a; x\u00b2 \u0660\u0661 a\u0301b; \ud800 lone",
    "He said, \"no change\" — not true; the policy has not changed.\r\nHaſ not changed.",
]


@pytest.mark.parametrize("text", EDGE_TEXTS + TEXTS + LEXICON_TEXTS)
def test_words_of_a_text_are_those_of_the_word_pattern(text: str) -> None:
    from factlint.lexicon import words_of

    for source in (text, text.lower()):
        assert words_of(source) == set(re.findall(r"\w+", source))


def test_only_three_characters_fold_to_ascii_differently_in_the_regex_and_in_lower() -> None:
    """The claim ``_folds_as_regex`` rests on: ignoring case, the regex equates
    a non-ASCII character with an ASCII word character exactly when
    ``str.lower`` makes it that character, but for İ, ı and ſ."""
    import sys

    ascii_word = re.compile(r"[a-z0-9_]", re.IGNORECASE)
    odd = {
        chr(cp)
        for cp in range(128, sys.maxunicode + 1)
        if not 0xD800 <= cp <= 0xDFFF
        and bool(ascii_word.fullmatch(chr(cp))) != (chr(cp).lower().isascii() and len(chr(cp).lower()) == 1)
    }
    assert odd == {"\u0130", "\u0131", "\u017f"}


PHRASE_LEXICONS = [
    Lexicon("denials", ("no change", "has not changed", "not true", "untrue", "o'neill said")),
    Lexicon("verbs", ("said", "says", "told", "according to")),
]
PHRASE_TEXTS = EDGE_TEXTS + LEXICON_TEXTS + [
    "Untrue, he says; O’Neill said it was NOT TRUE and there was no  change.",
    "not a change, no true word; changed has not; according to\r\nthem",
]


@pytest.mark.parametrize("text", PHRASE_TEXTS)
@pytest.mark.parametrize("lexicon", PHRASE_LEXICONS, ids=lambda lx: lx.name)
def test_lexicon_matches_found_through_words_are_the_regex_matches(text: str, lexicon: Lexicon) -> None:
    from factlint.lexicon import FastLexicon, WordIndex
    from factlint.lexicon.match import _folds_as_regex

    fl = FastLexicon(lexicon)
    assert [m.span() for m in WordIndex(text).finditer(fl)] == [m.span() for m in fl.finditer(text)]
    if _folds_as_regex(text):
        assert [m.span() for m in WordIndex(text).finditer(fl)] == [m.span() for m in lexicon.finditer(text)]
        for start, end in [(0, len(text)), (3, 40), (11, 30)]:  # a region must hold all of a phrase's words
            expected = [m.span() for m in lexicon.finditer(text, start, end)]
            assert [m.span() for m in fl.finditer(text, start, end)] == expected


def test_rewritten_regexes_match_as_the_plain_ones() -> None:
    """Patterns rewritten to open with a character set (the engine skips to
    one in C) or to take a word whole find exactly what the plain ones find."""
    from factlint.extract import repeats
    from factlint.extract.attribution import build as attribution_build
    from factlint.extract.attribution import quotes
    from factlint.text import document

    plain = {
        document._SENTENCE_END: r"""(?P<stop>[.!?]+|\.\.\.|\u2026)(?P<close>['"\u2019\u201d)\]]*)(?P<space>\s+)"""
        r"""(?=['"\u2018\u201c(\[]?[A-Z0-9\u00c0-\u024f])""",
        quotes._MARK: r"[\"\u201c\u201d]|''",
        attribution_build._NAME: r"\b[A-Z][\w'\u2019\-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'\u2019\-]+)+",
        repeats._DOUBLED: r"(?<![\w'\u2019])(\w+(?:['\u2019]\w+)*)(?=(\s+)(\1)(?![\w]|['\u2019]\w))",
    }
    texts = EDGE_TEXTS + TEXTS + LEXICON_TEXTS + [
        "Wait... What?! \u201cNo.\u201d Then\u2026 So \u2026... it. End?)] Next. ..A ?!.\" B U.S. Army.",
        "''Hi,'' he said. ''' x '''' a''b \"a\" \u201cb\u201d' '",
        "Ann Lee met Bob O'Neill-Smith and J. R. Ewing; aAnn Lee, _Ann Lee, 3Ann Lee, ÉLan Xy, Zoë Ba.",
        "that that That that that; don't don't don't don; the the'; o'o o'o'o; x_1 x_1; ı ı İ İ; a\r\n\r\na a",
    ]
    for rewritten, source in plain.items():
        original = re.compile(source, rewritten.flags)
        for text in texts:
            assert [m.regs for m in rewritten.finditer(text)] == [m.regs for m in original.finditer(text)], text


def test_word_before_a_figure_is_read_from_the_end_as_the_regex_reads_it() -> None:
    import random

    from factlint.extract.quantity.filters import prev_word

    regex = re.compile(r"([\w'\u2019-]+)(\.?)[ \u00a0]+\Z")
    cases = ["", " ", ".", ". ", "No. ", "No.. ", "U.S. ", "the top ", "it’s\u00a0", "x-ray-2  ", "ab\t ", "ab \n", "é 😀 "]
    rnd = random.Random(7)
    alphabet = "ab.1 '\u2019-\u00a0\t\né😀_,"
    cases += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12))) for _ in range(20000)]
    for before in cases:
        m = regex.search(before)
        assert prev_word(before) == ((m.group(1), m.group(2)) if m else None), before


def test_surnames_are_read_as_far_as_needed_with_the_answers_of_a_full_read() -> None:
    from factlint.extract.attribution.build import _NAME, Builder
    from factlint.extract.attribution.documents import DocumentBook
    from factlint.extract.attribution.quotes import QuoteIndex
    from factlint.lang.loader import load_default_lexicons
    from factlint.text.document import Document

    text = "Ann Lee spoke. Tom Ode, Ann Lee and Bob Lee met.\r\nZoë Ode 😀 said Mr Ode and Lee agreed; Jo Ode."
    lex = load_default_lexicons()
    full: dict[str, tuple[int, int]] = {}
    for n in _NAME.finditer(text):
        full.setdefault(n.group().split()[-1], (n.start(), n.end()))
    builder = Builder(Document(text), lex, DocumentBook(text, lex, []), QuoteIndex(text, []))
    for before in [0, 1, 20, 16, 60, 5, len(text), 40]:  # in any order
        for surname in ("Lee", "Ode", "Smith"):
            found, expected = builder._first_name_ending(surname, before), full.get(surname)
            if expected is not None and expected[0] < before:
                assert found == expected
            else:
                assert found is None or found[0] >= before


def test_tables_kept_for_the_same_lexicons_are_rebuilt_for_new_ones() -> None:
    from factlint.extract.attribution.cues import _tables
    from factlint.extract.quantity.tables import tables_of
    from factlint.lang.loader import load_default_lexicons
    from factlint.lexicon import Lexicons

    lex = load_default_lexicons()
    assert tables_of(lex) is tables_of(lex) and _tables(lex) is _tables(lex)
    changed = Lexicons(dict(lex.items))
    changed.extend("approximators", ["give or take=about"])
    changed.extend("citation-cues", ["echoing"])
    assert tables_of(changed).approx_map["give or take"] == "about"
    assert _tables(changed).citation.search(", echoing a memo")
    assert not _tables(lex).citation.search(", echoing a memo")


def test_lexicons_by_prefix_and_phrase_tests_follow_changes() -> None:
    from factlint.lexicon import Lexicons

    lex = Lexicons()
    lex.define(Lexicon("topic-b", ("b",)))
    lex.define(Lexicon("other", ("x",)))
    assert [x.name for x in lex.with_prefix("topic-")] == ["topic-b"]
    lex.define(Lexicon("topic-a", ("a",)))
    assert [x.name for x in lex.with_prefix("topic-")] == ["topic-a", "topic-b"]
    lex.extend("topic-b", ["bb"])
    assert lex.with_prefix("topic-")[1].phrases == ("b", "bb")
    verbs = Lexicon("verbs", ("deni*", "said", "o'neill"))
    cases = [("denied", True), ("Denies", True), ("SAID", True), ("O’Neill", True), ("denied it", False), ("say", False)]
    for phrase, inside in cases:
        assert (phrase in verbs) is inside and (phrase in verbs) is inside  # the second answer is remembered


def test_approximators_are_searched_for_only_before_one_of_their_last_words() -> None:
    import random

    from factlint.extract.quantity.tables import may_end_with, tables_of
    from factlint.lang.loader import load_default_lexicons

    t = tables_of(load_default_lexicons())
    assert t.approx_last_words is not None
    rnd = random.Random(11)
    phrases = ["about", "ABOUT", "more than", "c.", "C.", "or so", "some", "in excess of", "up to", "ſome", "abou",
               "İn excess of", "xabout", "about-", "O’ver", "at least", "no fewer than", "Zoë’s café 😀", ""]
    gaps = [" ", "  ", "-", " - ", "\u00a0", "\t", "", "\r\n", "--", " -\n"]
    for _ in range(20000):
        before = rnd.choice(["", "x ", "(", "the ", "é "]) + rnd.choice(phrases) + rnd.choice(gaps)
        if t.approx.search(before):
            assert may_end_with(before, t.approx_last_words), before
    assert not may_end_with("the 😀 team of\r\n", ("about",))


MATCH_AT_LEXICONS = LEXICONS + [
    Lexicon("dotless", ("ınfo desk", "kelvin", "said that", "said", "u.s. army", "'tis", "co-operat*")),
]


@pytest.mark.parametrize("text", EDGE_TEXTS + TEXTS + LEXICON_TEXTS + [
    "Info desk, INFO DESK, ınfo desk; \u212aelvin and kelvin; he said that, said; U.S. Army, u.s. army; 'Tis; co-operated.",
])
def test_a_lexicon_tried_with_the_phrases_of_one_first_word_matches_as_its_whole_pattern(text: str) -> None:
    """``Lexicon.match_at`` compiles only the phrases that can open with the
    word at a position; everywhere, in every window, it gives the whole
    pattern's match (shipped lexicons too)."""
    from factlint.lang.loader import load_default_lexicons

    shipped = load_default_lexicons()
    lexicons = MATCH_AT_LEXICONS + [shipped.get(n) for n in shipped.names()]
    for source in (text, text.upper(), text.lower()):
        for lex in lexicons:
            for end in (len(source), len(source) // 2):
                for pos in range(0, end + 1):
                    whole = lex.pattern.match(source, pos, end)
                    part = lex.match_at(source, pos, end)
                    assert (part and part.span()) == (whole and whole.span()), (lex.name, source, pos, end)
