"""Time and event extraction (engine/extract/time*.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from corpus_dir import CORPUS, SKIP_REASON
from factlint.extract.time import extract
from factlint.facts.model import EventFact, TimeFact
from factlint.lang.loader import load_default_lexicons
from factlint.lexicon import Lexicons
from factlint.text.document import Document

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_548f20d3808859fa.txt"
LEX = load_default_lexicons()
PUB = "2020-01-07"  # a Tuesday


def times(text: str, published: str | None = PUB) -> list[TimeFact]:
    return [f for f in extract(Document(text, published=published), LEX) if isinstance(f, TimeFact)]


def events(text: str, published: str | None = PUB) -> list[EventFact]:
    return [f for f in extract(Document(text, published=published), LEX) if isinstance(f, EventFact)]


def check_spans(text: str, facts) -> None:
    for f in facts:
        assert text[f.start : f.end] == f.text and f.text == f.text.strip()
        for name in ("trigger", "anchor"):
            span = getattr(f, name, None)
            if span is not None:
                assert text[span.start : span.end] == span.text
                assert f.start <= span.start and span.end <= f.end


# (text, expression, value, granularity, time_type)
TIME_CASES = [
    ("He spoke on Monday.", "Monday", "2020-01-06", "day", "date"),
    ("It happened Tuesday.", "Tuesday", "2020-01-07", "day", "date"),
    ("The council will meet on Thursday.", "Thursday", "2020-01-09", "day", "date"),
    ("They met last Tuesday.", "last Tuesday", "2019-12-31", "day", "date"),
    ("They meet next Monday.", "next Monday", "2020-01-13", "day", "date"),
    ("It was signed on January 3, 2019.", "January 3, 2019", "2019-01-03", "day", "date"),
    ("It was signed on 3 January 2019.", "3 January 2019", "2019-01-03", "day", "date"),
    ("It was signed Jan. 3.", "Jan. 3", "2020-01-03", "day", "date"),
    ("It was signed Aug. 7, 2018.", "Aug. 7, 2018", "2018-08-07", "day", "date"),
    ("It was signed Sept. 30.", "Sept. 30", "2019-09-30", "day", "date"),
    ("Filed 2019-12-24 by the clerk.", "2019-12-24", "2019-12-24", "day", "date"),
    ("Filed 12/24/2019 by the clerk.", "12/24/2019", "2019-12-24", "day", "date"),
    ("Filed 3/4/2019 by the clerk.", "3/4/2019", None, "day", "date"),
    ("Sales rose in May.", "May", "2019-05", "month", "date"),
    ("The vote is due in March.", "March", "2020-03", "month", "date"),
    ("Sales rose in March 2018.", "March 2018", "2018-03", "month", "date"),
    ("It opened in 2015.", "2015", "2015", "year", "date"),
    ("Prices soared in the 1990s.", "the 1990s", "199", "decade", "date"),
    ("She left yesterday.", "yesterday", "2020-01-06", "day", "date"),
    # a modal before a verb looks ahead; a negated one is a past inability
    ("The talks could resume on Friday.", "Friday", "2020-01-10", "day", "date"),
    ("Should the vote go ahead on Friday, she will resign.", "Friday", "2020-01-10", "day", "date"),
    ("He could not be reached on Friday.", "Friday", "2020-01-03", "day", "date"),
    # a year-less date is read in the year its weekday fits, as a reader does
    ("The final was moved to Sunday 21 June.", "Sunday 21 June", "2020-06-21", "day", "date"),
    ("The final was moved to Friday 21 June.", "Friday 21 June", "2019-06-21", "day", "date"),
    ("She leaves tomorrow.", "tomorrow", "2020-01-08", "day", "date"),
    ("Talks began last week.", "last week", "2020-W01", "week", "date"),
    ("Talks begin next month.", "next month", "2020-02", "month", "date"),
    ("Profits fell earlier this month.", "earlier this month", "2020-01", "month", "date"),
    ("Profits fell last year.", "last year", "2019", "year", "date"),
    ("He arrived two days ago.", "two days ago", "2020-01-05", "day", "date"),
    ("Profit rose in the third quarter.", "the third quarter", "2019-Q3", "quarter", "date"),
    ("The talks lasted three years.", "three years", None, "unknown", "duration"),
    ("The board meets every week.", "every week", None, "unknown", "set"),
    ("He was shot at 10 p.m. Wednesday.", "10 p.m. Wednesday", "2020-01-01", "day", "time"),
    # session 2: bare "the" units that name the current one, year-end, month modifiers
    ("Sales rose for the full year.", "the full year", "2020", "year", "date"),
    ("Stocks fell 2% for the week.", "the week", "2020-W02", "week", "date"),
    ("It was the week's busiest session.", "the week", "2020-W02", "week", "date"),
    ("Rains came earlier in the year.", "earlier in the year", "2020", "year", "date"),
    ("Demand slowed over the summer.", "the summer", "2019-SU", "season", "date"),
    ("The deal should close by year-end.", "year-end", "2020-12", "month", "date"),
    ("Shares are up 4% since year end.", "year end", "2019-12", "month", "date"),
    ("A goal for the year two thousand was set.", "the year two thousand", "2000", "year", "date"),
    ("He cited a June agreement.", "June", "2019-06", "month", "date"),
    ("They met a week or so ago.", "a week or so ago", "2020-W01", "week", "date"),
    ("Shares rose at mid-afternoon yesterday.", "mid-afternoon yesterday", "2020-01-06", "day", "time"),
    ("Ferries sail on Monday and Friday nights.", "Monday and Friday nights", None, "unknown", "set"),
    ("A ferry sails each Thursday.", "each Thursday", None, "unknown", "set"),
    ("Troops will stay for the foreseeable future.", "the foreseeable future", None, "unknown", "duration"),
]


@pytest.mark.parametrize("text,expression,value,granularity,time_type", TIME_CASES)
def test_time_values(text, expression, value, granularity, time_type):
    found = times(text)
    assert [t.text for t in found] == [expression]
    t = found[0]
    assert (t.value, t.granularity, t.time_type) == (value, granularity, time_type)
    assert t.start == text.index(expression) and t.end == t.start + len(expression)
    check_spans(text, found)


@pytest.mark.parametrize(
    "text",
    [
        "You may go now.",
        "Troops may march on the capital.",
        "Over 5,000 troops are there.",
        "We will see.",
        "Sun rose early.",
        "It cost 2000 dollars, or 1995 pounds.",
        "Watch This Week tonight",  # "tonight" only
        "This is VOA Today.",
        "She reads the Today show notes.",
        "They debated the future of the party.",
        "After the fall in prices, shares rose.",
        "The year-end bonus was cut.",
        "It was the best film of the year before.",
    ],
)
def test_no_false_dates(text):
    assert all(t.text in ("tonight",) for t in times(text))


def test_weekday_and_date_form_one_fact_with_actual_weekday():
    text = "On Thursday, January 3, 2020 the vote was held."
    [t] = times(text)
    assert (t.start, t.end, t.text) == (3, 28, "Thursday, January 3, 2020")
    assert (t.value, t.weekday, t.actual_weekday, t.explicit) == ("2020-01-03", "Thursday", "Friday", True)


def test_no_publication_date_leaves_relative_values_unresolved():
    found = times("He left on Monday, not on January 3, 2020.", published=None)
    assert [(t.text, t.value) for t in found] == [("Monday", None), ("January 3, 2020", "2020-01-03")]


def test_offsets_are_code_points_in_crlf_text_with_emoji_and_accents():
    text = "Café 🎉 news\r\nLe président est arrivé lundi 😀, puis mardi.\r\nThe summit ended on Monday 🌍.\r\n"
    [t] = times(text)
    start = text.index("Monday")
    assert (t.start, t.end, t.text, t.value) == (start, start + 6, "Monday", "2020-01-06")
    [e] = events(text)
    assert (e.trigger.start, e.trigger.text, e.date) == (text.index("ended"), "ended", "2020-01-06")
    check_spans(text, [t, e])


# (text, trigger, anchor, date, tense, event_key)
EVENT_CASES = [
    ("This followed the January 3 warehouse fire at the port.", "fire", "the January 3 warehouse fire", "2020-01-03", "unknown", "fire warehouse"),
    ("The resolution passed on Sunday.", "passed", "The resolution passed on Sunday", "2020-01-05", "past", "pass resolution"),
    ("Voters await the election on Nov. 8 this year.", "election", "the election on Nov. 8 this year", "2020-11-08", "unknown", "election"),
    ("The singer died on Tuesday in Paris.", "died", "died on Tuesday", "2020-01-07", "past", "die"),
    ("The meeting will take place on Friday.", "take place", "The meeting will take place on Friday", "2020-01-10", "future", "meeting"),
    ("Monday's vote was close.", "vote", "Monday's vote", "2020-01-06", "unknown", "vote"),
    # a place right after the noun, and an adjective that says which event, make the key
    ("The January 3 fire at Hartley Mill spread.", "fire", "The January 3 fire", "2020-01-03", "unknown", "fire hartley mill"),
    ("Voters went to the polls in the January 2 local elections.", "elections", "the January 2 local elections",
     "2020-01-02", "unknown", "election local"),
]


@pytest.mark.parametrize("text,trigger,anchor,date,tense,key", EVENT_CASES)
def test_events(text, trigger, anchor, date, tense, key):
    [e] = events(text)
    assert (e.trigger.text, e.anchor.text, e.date, e.tense, e.event_key) == (trigger, anchor, date, tense, key)
    assert e.trigger.start == text.index(trigger) and e.anchor.start == text.index(anchor)
    assert e.time is not None and e.id == "e1"
    check_spans(text, [e])


def test_no_event_without_time_or_for_noun_uses():
    assert events("The attack killed five people.") == []
    assert events("It was a sign of a slowdown in 2019.") == []


def test_day_after_unresolved_without_dated_anchor():
    text = "The report came out. It said a day after the vote passed the law, nothing changed."
    assert all(e.date is None for e in events(text))


def test_day_after_dated_anchor_is_resolved():
    [t1, t2] = times("Protests began a day after the Jan. 3 strike.")
    assert (t1.text, t1.value, t1.time_type) == ("a day after", "2020-01-04", "date")
    assert t2.value == "2020-01-03"


def test_seed_article():
    text = SEED.read_text(encoding="utf-8")
    facts = extract(Document(text, published="2020-01-07"), LEX)
    check_spans(text, facts)
    dated = [(f.text, f.value) for f in facts if isinstance(f, TimeFact) and f.time_type == "date"]
    assert dated == [("Monday", "2020-01-06"), ("Monday", "2020-01-06"), ("January 3", "2020-01-03")]
    vague = [f for f in facts if isinstance(f, TimeFact) and f.text.startswith("the coming days")]
    assert vague and vague[0].time_type == "duration" and vague[0].value is None
    assert not any(isinstance(f, TimeFact) and ("5,000" in f.text or f.text == "Over") for f in facts)
    by_trigger = {e.trigger.text: e for e in facts if isinstance(e, EventFact)}
    attack, passed = by_trigger["attack"], by_trigger["passed"]
    assert (attack.anchor.text, attack.date, attack.event_key) == ("the January 3 US drone attack", "2020-01-03", "attack drone")
    assert passed.anchor.text.endswith("passed a non-binding resolution")
    assert (passed.date, passed.tense, passed.event_key) == ("2020-01-05", "past", "pass resolution")
    assert [f.id for f in facts if isinstance(f, TimeFact)] == [f"t{i}" for i in range(1, 6)]


def test_degrades_without_lexicons():
    doc = Document("The singer died on Tuesday.", published=PUB)
    facts = extract(doc, Lexicons())
    assert [f.kind for f in facts] == ["time"]


def test_a_one_megabyte_line_finishes():
    """A guard against a hang or a quadratic path; the per-article cost is a
    bench target (bench/speed.py), not a test."""
    line = SEED.read_text(encoding="utf-8").replace("\n", " ")
    copies = 1_000_000 // len(line)
    big = line * copies
    t0 = time.perf_counter()
    facts = extract(Document(big, published=PUB), LEX)
    assert time.perf_counter() - t0 < 120
    once = extract(Document(line, published=PUB), LEX)
    assert len(once) >= 5 and len(facts) == len(once) * copies  # every copy read as the seed alone
    assert [f.value for f in facts if isinstance(f, TimeFact)][-5:] == [f.value for f in once if isinstance(f, TimeFact)]


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS / "timebank").is_dir(), reason=SKIP_REASON)
def test_timebank_bench_meets_targets_on_each_corpus_and_combined(monkeypatch):
    import importlib.util
    import sys

    monkeypatch.syspath_prepend(str(ROOT / "bench"))  # the bench imports its sibling corpus.py
    spec = importlib.util.spec_from_file_location("bench_dates", ROOT / "bench" / "dates.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench_dates"] = bench
    spec.loader.exec_module(bench)
    total = bench.Score()
    for part in ("TimeBank", "AQUAINT"):
        score = bench.Score()
        for path in sorted((CORPUS / "timebank" / part).glob("*.tml")):
            score.add(bench.score_article(bench.read_tml(path)))
        total.add(score)
        for sc in (score, total) if part == "AQUAINT" else (score,):
            assert sc.predicted_ok / sc.predicted >= 0.95
            assert sc.gold_found / sc.gold >= 0.85
            assert sc.valued_ok / sc.valued >= 0.90


def test_bare_the_units_need_a_reading_that_names_the_current_one():
    """"for the year ended June 30" is a fiscal period (only its end date is a fact);
    "the year" without "for"/"of"/possessive is not a time."""
    assert [t.text for t in times("Net for the year ended June 30 rose.")] == ["June 30"]
    assert times("The year was hard.") == []
    assert [t.text for t in times("The plan failed in the year since.")] == []


def test_season_leans_back_unless_the_clause_is_future():
    assert [t.value for t in times("Sales slowed over the summer.", "2020-10-07")] == ["2020-SU"]
    assert [t.value for t in times("The mall will open in the spring.", "2020-10-07")] == ["2021-SP"]
    assert [t.value for t in times("The mall opened in the spring.", "2020-10-07")] == ["2020-SP"]


def test_new_classes_keep_code_point_offsets_in_crlf_text_with_emoji_and_accents():
    text = "Café 😀 déjà vu\r\nSales slipped over the summer 🌞,\r\nand will recover by year-end.\r\n"
    found = times(text)
    expected = [("the summer", "2019-SU"), ("year-end", "2020-12")]
    assert [(t.text, t.value) for t in found] == expected
    for t, (expr, _) in zip(found, expected):
        assert (t.start, t.end) == (text.index(expr), text.index(expr) + len(expr))
    check_spans(text, found)


# -- tense, bounds and keys (successor additions) ---------------------------
# (text, published, trigger, date, tense, key); PUB 2020-01-07 is a Tuesday
TENSE_CASES = [
    # a past verb pulls an inferred year back: "in March" in January is last March
    ("He announced his bid in March at a rally.", PUB, "announced", "2019-03", "past", "announce"),
    # a future verb keeps a bare weekday ahead
    ("The council will meet on Monday.", PUB, "meet", "2020-01-13", "future", "meet"),
    ("The votes won't be cast on Friday.", PUB, "cast", None, None, None),
    ("He would be released in 2021.", PUB, "released", "2021", "unknown", "release"),
    ("The mayor can't be ousted next Tuesday.", PUB, "ousted", "2020-01-14", "unknown", "oust"),
    ("He was to arrive on Monday.", PUB, "arrive", "2020-01-06", "unknown", "arrive"),
    ("The council will vote on January 3, 2019 on the plan.", PUB, "vote", "2019-01-03", "future", "vote"),
    ("Voters turn out for the Feb. 9 Kellerton County primary.", PUB, "primary", "2020-02-09", "unknown", "primary kellerton county"),
    ("They watched the first debate on Jan. 2.", PUB, "debate", "2020-01-02", "unknown", "debate"),
    # a participle right after "if" is a reduced clause with no tense of its own
    ("If elected next week, she would cut taxes.", PUB, "elected", "2020-W03", "unknown", "elect"),
]


@pytest.mark.parametrize("text,published,trigger,date,tense,key", TENSE_CASES)
def test_event_tense_and_keys(text, published, trigger, date, tense, key):
    found = events(text, published)
    if date is None:
        assert [e.trigger.text for e in found if e.trigger.text == trigger] == []
        return
    [e] = found
    assert (e.trigger.text, e.date, e.tense, e.event_key) == (trigger, date, tense, key)


@pytest.mark.parametrize("text", [
    "Late ballots won't be counted until April 20.",  # "until" bounds the event
    "The studio released 2012: Return of the Tide.",  # a bare year after a verb
])
def test_no_event_for_bounds_and_bare_years(text):
    assert events(text) == []


def test_inferred_field_and_tense_fit_move_the_time_too():
    text = "He announced his bid in March. They meet on Monday. It fell on March 3, 2019."
    doc_times = {t.text: t for t in times(text)}
    assert doc_times["March"].inferred == "year" and doc_times["March"].value == "2019-03"
    assert doc_times["Monday"].inferred == "week"
    assert doc_times["March 3, 2019"].inferred is None


def test_later_needs_an_anchor_and_dates_do_not_cross_blank_lines():
    assert [t.value for t in times("Reagan was elected four years later.")] == [None]
    text = "Tuesday, 1 March\n\n1945 GMT"
    assert [(t.text, t.value) for t in times(text, "2005-03-01")] == [("Tuesday, 1 March", "2005-03-01"), ("1945", "1945")]
    # inside a paragraph a date may wrap at a line break ...
    crlf = "It rained on Tuesday, 1\r\nMarch 2005 in town.\r\n\r\nNo more."
    [t] = times(crlf)
    assert (t.start, t.end, t.text, t.value) == (13, 35, "Tuesday, 1\r\nMarch 2005", "2005-03-01")
    # ... but where every line is a paragraph (no blank lines) it never crosses one
    lines = "Tuesday, 1\r\nMarch 2005 it rained."
    assert [(t.start, t.end, t.text) for t in times(lines)] == [(0, 7, "Tuesday"), (12, 22, "March 2005")]


def test_a_contraction_is_not_its_first_word():
    """"won't be counted on ..." has no past-tense event "won"."""
    text = "Vote count\n\nLate ballots won't be counted on April 20, 2031.\n"
    assert all(e.trigger.text != "won" for e in events(text, "2030-04-10"))


# -- review fixes (session 2) -------------------------------------------------
REVIEW_PUB = "2019-10-15"  # a Tuesday


@pytest.mark.parametrize("text", [
    "He was named player of the year.",
    "Ramsey won BBC Sports Personality of the Year.",
    "It was voted album of the year by critics.",
])
def test_of_the_year_after_a_noun_is_an_award_not_a_date(text):
    assert times(text, REVIEW_PUB) == []


@pytest.mark.parametrize("text", [
    "Sales rose in the first nine months of the year.",
    "Sales fell in the final weeks of the year.",
    "It was the busiest month of the year.",
    "The party spent much of the year in talks.",
    "It was the final board meeting of the year.",
])
def test_of_the_year_after_a_part_of_a_time_is_the_current_year(text):
    [t] = [t for t in times(text, REVIEW_PUB) if t.time_type == "date"]
    start = text.index("the year")
    assert (t.start, t.end, t.text, t.value) == (start, start + 8, "the year", "2019")


@pytest.mark.parametrize("text", [
    "Under the May government, taxes rose.",
    "The May administration said it would act.",
    "Critics of the June cabinet spoke up.",
    "The March regime fell.",
])
def test_a_month_before_a_noun_of_rule_is_not_a_date(text):
    assert times(text, REVIEW_PUB) == []


def test_a_month_before_an_event_noun_is_still_a_date():
    text = "Under the May government the June agreement held."
    [t] = times(text, REVIEW_PUB)
    assert (t.start, t.end, t.text, t.value) == (text.index("June"), text.index("June") + 4, "June", "2019-06")


@pytest.mark.parametrize("text,value", [
    ("Profits will be reported after year-end.", "2019-12"),
    ("The business will be sold from year-end.", "2019-12"),
    ("Profits have risen after year-end.", "2018-12"),
    ("Shares are up 4% from year-end.", "2018-12"),
    ("Shares will have risen 4% since year-end.", "2018-12"),
])
def test_year_end_steps_back_after_from_only_outside_a_future_clause(text, value):
    [t] = times(text, REVIEW_PUB)
    assert (t.start, t.text, t.value) == (text.index("year-end"), "year-end", value)


def test_a_dateline_on_its_own_line_does_not_make_today_a_title():
    text = "LONDON\nToday the council met."
    [t] = times(text, REVIEW_PUB)
    assert (t.start, t.end, t.text, t.value) == (7, 12, "Today", "2019-10-15")
    assert times("Read it in USA Today.", REVIEW_PUB) == []


def test_letters_whose_lower_case_is_longer_do_not_shift_offsets():
    text = "İ" * 200 + " Police said on Thursday that the bridge shut last week."
    found = times(text, REVIEW_PUB)
    assert [(t.start, t.end, t.text, t.value) for t in found] == [
        (text.index("Thursday"), text.index("Thursday") + 8, "Thursday", "2019-10-10"),
        (text.index("last week"), text.index("last week") + 9, "last week", "2019-W41"),
    ]
    crlf = "İstanbul 😀 café\r\n" * 20 + "Zoë said the ſhop shut on Monday.\r\n"
    [t] = times(crlf, REVIEW_PUB)
    assert (t.start, t.end, t.text) == (crlf.index("Monday"), crlf.index("Monday") + 6, "Monday")
    check_spans(crlf, [t])


def test_every_time_pattern_is_bounded_and_fits_its_trigger_window():
    """Bounded quantifiers keep each match attempt cheap; a match (with its look-ahead)
    no longer than the window around its trigger word is found by the narrowed search."""
    from factlint.extract.time import patterns as tp

    try:
        from re import _parser as sre_parse
    except ImportError:  # Python < 3.11
        import sre_parse
    ASSERT, ASSERT_NOT, MAXREPEAT = sre_parse.ASSERT, sre_parse.ASSERT_NOT, sre_parse.MAXREPEAT

    def parts(value):
        if isinstance(value, sre_parse.SubPattern):
            yield value
        elif isinstance(value, (list, tuple)):
            for item in value:
                yield from parts(item)

    def look_ahead(tree) -> int:
        widest = 0
        for op, av in tree:
            if op in (ASSERT, ASSERT_NOT) and av[0] == 1:
                widest = max(widest, av[1].getwidth()[1] + look_ahead(av[1]))
            else:
                widest = max([widest, *(look_ahead(p) for p in parts(av))])
        return widest

    for family, pattern in tp.PATTERNS.items():
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        longest = tree.getwidth()[1]
        assert longest < MAXREPEAT, family
        assert longest + look_ahead(tree) <= tp._WINDOW_OF.get(family, tp._WINDOW), family


def test_time_of_day_words_are_listed_once():
    from factlint.extract.time.extractor import _CLOCK_BEFORE

    assert "midday" not in _CLOCK_BEFORE.pattern  # "mid-?day" covers it
    for text in ("The bank shut at midday Thursday.", "The bank shut at mid-day Thursday."):
        [t] = times(text, REVIEW_PUB)
        assert (t.start, t.text, t.time_type, t.value) == (17, text[17:-1], "time", "2019-10-10")


# -- audit gaps (session 2): governing tense, past lean, "a day after X", boundaries ---------
# (text, expression, value); PUB 2020-01-07 is a Tuesday
GOVERNING_TENSE_CASES = [
    # the tense of the time's own clause, not an earlier "will"
    ("US troops will leave Iraq, officials said on Monday.", "Monday", "2020-01-06"),
    ("“We will win,” she told reporters Friday.", "Friday", "2020-01-03"),
    ("As soon as the polls closed on Saturday, counting began.", "Saturday", "2020-01-04"),
    ("The vote will take place on Monday, officials said.", "Monday", "2020-01-13"),
    ("Officials said on Monday that US troops will leave Iraq.", "Monday", "2020-01-06"),
    # a participle inside the future clause does not end it
    ("He will get the boost needed for a win on Friday.", "Friday", "2020-01-10"),
]


@pytest.mark.parametrize("text,expression,value", GOVERNING_TENSE_CASES)
def test_a_time_takes_the_tense_of_the_verb_that_governs_it(text, expression, value):
    [t] = [t for t in times(text) if t.text == expression]
    assert (t.start, t.end, t.value) == (text.index(expression), text.index(expression) + len(expression), value)


PAST_LEAN_CASES = [
    # regular -ed verbs, "was born", perfects: a past clause puts an open year before publication
    ("The talks stalled in March.", "March", "2019-03"),
    ("The talks stalled on March 3.", "March 3", "2019-03-03"),
    ("He was born on March 3.", "March 3", "2019-03-03"),
    ("Talks have stalled since February.", "February", "2019-02"),
    ("The talks were held in March.", "March", "2019-03"),
    # not moved: a future clause, a deadline, a noun modifier, a clause after "said", a
    # participle after a noun a preposition governs, a weekday that pins the year
    ("The talks will resume in March.", "March", "2020-03"),
    ("The vote was postponed until March.", "March", "2020-03"),
    ("The offer was extended to Feb. 20.", "Feb. 20", "2020-02-20"),
    ("They campaigned ahead of the state's March 3 primary.", "March 3", "2020-03-03"),
    ("He said the summit in February would be short.", "February", "2020-02"),
    ("About half of the ads booked in February ran online.", "February", "2020-02"),
    ("He spoke on Saturday, March 7.", "Saturday, March 7", "2020-03-07"),
]


@pytest.mark.parametrize("text,expression,value", PAST_LEAN_CASES)
def test_a_past_clause_leans_an_open_year_back(text, expression, value):
    [t] = [t for t in times(text) if t.text == expression]
    assert (t.start, t.end, t.value) == (text.index(expression), text.index(expression) + len(expression), value)


def test_governing_tense_keeps_code_point_offsets_in_crlf_text_with_emoji_and_accents():
    text = "Café 😀 déjà vu\r\n\r\nTroops will leave, officials said on Monday 🎉.\r\nThe talks stalled in March 🌍.\r\n"
    found = times(text)
    assert [(t.start, t.end, t.text, t.value) for t in found] == [
        (text.index("Monday"), text.index("Monday") + 6, "Monday", "2020-01-06"),
        (text.index("March"), text.index("March") + 5, "March", "2019-03"),
    ]
    check_spans(text, found)


def test_day_after_x_is_dated_only_by_an_event_with_the_same_words():
    # the protest's weekday is no event; "The strike" has no dated strike before it
    text = "The protest was on Thursday. The strike came a day after the protest."
    [e] = events(text)
    assert (e.trigger.start, e.trigger.text, e.date) == (text.rindex("protest"), "protest", None)
    # a date in another paragraph is not the strike's date
    text = "The accord was signed Aug. 7, 2020 by both sides.\n\nThe strike came a day after the embassy protest."
    assert [(e.trigger.text, e.date) for e in events(text)] == [("signed", "2020-08-07"), ("protest", None)]
    # an earlier event with X's words dates X ...
    text = "The embassy protest on Thursday drew crowds.\n\nThe strike came a day after the embassy protest."
    assert [(e.event_key, e.date) for e in events(text)] == [("protest embassy", "2020-01-02")] * 2
    # ... and an earlier dated strike dates the main clause, X a day before it
    text = "The strike on Friday shut ports.\n\nThe strike came a day after the embassy protest."
    assert [(e.trigger.text, e.date) for e in events(text)] == [("strike", "2020-01-03"), ("protest", "2020-01-02")]


@pytest.mark.parametrize("text", [
    "Timeline of the crisis\nThe attack happened on Jan. 3.",
    "Timeline of the crisis\n\nThe attack happened on Jan. 3.\n\nMore to come 😀.",
    "The shop shut at 5 p.m.\n\nMonday was calm.",
])
def test_no_time_or_event_crosses_a_headline_or_paragraph_boundary(text):
    doc = Document(text, published=PUB)
    facts = extract(doc, LEX)
    assert facts
    for f in facts:
        para = doc.paragraph_at(f.start)
        assert para.start <= f.start and f.end <= para.end, f.text
    check_spans(text, facts)
    for e in (f for f in facts if isinstance(f, EventFact)):
        start = text.index("The attack")
        assert (e.start, e.anchor.start, e.anchor.text) == (start, start, "The attack happened on Jan. 3")


@pytest.mark.parametrize("text,expected", [
    # a month as the subject of a sentence calling it a month is a time, "May" too ...
    ("May was a good month.", [("May", "2019-05")]),
    ("December is traditionally a quiet month for sales.", [("December", "2019-12")]),
    # ... otherwise a sentence-initial month is a name ("May said"), not a time
    ("May said on Monday that talks stalled.", [("Monday", "2020-01-06")]),
    ("June was elected leader.", []),
])
def test_a_sentence_initial_month_is_a_time_only_when_called_a_month(text, expected):
    found = [t for t in times(text) if t.time_type == "date"]
    assert [(t.text, t.value) for t in found] == expected
    for t in found:
        assert (t.start, t.end) == (text.index(t.text), text.index(t.text) + len(t.text))


# -- events told by a verb meet the same event told by a noun (session 3) -----
from factlint.api import check_text, load_rules  # noqa: E402

MISMATCH = load_rules().only(["dates/event-date-mismatch"])


def mismatches(text: str, published: str) -> list[tuple[str, str]]:
    """(first, second) cited event texts of every event-date-mismatch finding."""
    report = check_text(text, published=published, rules=MISMATCH)
    return [tuple(c.text for c in f.citations[:2]) for f in report.findings]


# (text, published, [(trigger, anchor, date, event_key), ...])
VERB_TOLD_CASES = [
    ("The fire at Hartley Mill broke out on March 4, firefighters said.\n\n"
     "An inquiry into the Hartley Mill fire, which started on March 6, opened on Monday.", "2024-03-20",
     [("broke out", "The fire at Hartley Mill broke out on March 4", "2024-03-04", "fire hartley mill"),
      ("started", "the Hartley Mill fire, which started on March 6", "2024-03-06", "fire hartley mill"),
      ("opened", "opened on Monday", "2024-03-18", "open")]),
    # a bare definite "the election" told by a verb takes the article's one specific election key
    ("The election will be held on July 4. Voters prepare for the July 11 general election.", "2024-06-20",
     [("held", "The election will be held on July 4", "2024-07-04", "election general"),
      ("election", "the July 11 general election", "2024-07-11", "election general")]),
    ("The Kellerton primary takes place on Feb. 9. Candidates tour before the Feb. 19 Kellerton primary.", "2024-01-20",
     [("takes place", "The Kellerton primary takes place on Feb. 9", "2024-02-09", "primary kellerton"),
      ("primary", "the Feb. 19 Kellerton primary", "2024-02-19", "primary kellerton")]),
    ("Police examined the Dunmore blast, which happened last Tuesday, and blamed gas for the May 2 Dunmore blast.",
     "2024-05-10",
     [("happened", "the Dunmore blast, which happened last Tuesday", "2024-05-07", "blast dunmore"),
      ("blast", "the May 2 Dunmore blast", "2024-05-02", "blast dunmore")]),
    # a place after the verb names the event as one after the noun does
    ("A fire broke out at Hartley Mill on March 4.", "2024-03-20",
     [("broke out", "A fire broke out at Hartley Mill on March 4", "2024-03-04", "fire hartley mill")]),
    # "another"/"a second" fire is a new event: no place, no key taken
    ("A fire broke out at Hartley Mill on March 4. Another fire broke out at Hartley Mill on March 6.", "2024-03-20",
     [("broke out", "A fire broke out at Hartley Mill on March 4", "2024-03-04", "fire hartley mill"),
      ("broke out", "Another fire broke out at Hartley Mill on March 6", "2024-03-06", "fire")]),
    # the object of a preposition is not the subject of the happening verb
    ("The inquiry into the March 4 fire began on May 1. The Hartley Mill fire spread fast.", "2024-05-20",
     [("fire", "the March 4 fire", "2024-03-04", "fire"), ("began", "began on May 1", "2024-05-01", "begin")]),
    # an ending is not the event: the strike's end keeps its own key
    ("The Kellerton strike began on Monday and ended on Thursday.", "2024-03-20",
     [("began", "The Kellerton strike began on Monday", "2024-03-18", "strike kellerton"),
      ("ended", "ended on Thursday", "2024-03-14", "end")]),
]


@pytest.mark.parametrize("text,published,expected", VERB_TOLD_CASES)
def test_an_event_told_by_a_verb_gets_the_key_of_its_noun(text, published, expected):
    found = events(text, published)
    assert [(e.trigger.text, e.anchor.text, e.date, e.event_key) for e in found] == expected
    starts = [text.index(anchor) for _, anchor, _, _ in expected]
    assert [(e.anchor.start, e.anchor.end) for e in found] == [(s, s + len(a)) for s, (_, a, _, _) in zip(starts, expected)]
    check_spans(text, found)


@pytest.mark.parametrize("text,published,expected", [
    ("The fire at Hartley Mill broke out on March 4, firefighters said.\n\n"
     "An inquiry into the Hartley Mill fire, which started on March 6, opened on Monday.", "2024-03-20",
     [("The fire at Hartley Mill broke out on March 4", "the Hartley Mill fire, which started on March 6")]),
    ("The election will be held on July 4. Voters prepare for the July 11 general election.", "2024-06-20",
     [("The election will be held on July 4", "the July 11 general election")]),
    ("The general election will be held on July 4. Voters prepare for the July 11 general election.", "2024-06-20",
     [("The general election will be held on July 4", "the July 11 general election")]),
    ("The Kellerton primary takes place on Feb. 9. Candidates tour before the Feb. 19 Kellerton primary.", "2024-01-20",
     [("The Kellerton primary takes place on Feb. 9", "the Feb. 19 Kellerton primary")]),
    ("Police examined the Dunmore blast, which happened last Tuesday, and blamed gas for the May 2 Dunmore blast.",
     "2024-05-10", [("the Dunmore blast, which happened last Tuesday", "the May 2 Dunmore blast")]),
])
def test_event_date_mismatch_fires_on_an_event_told_by_a_verb_and_a_noun(text, published, expected):
    assert mismatches(text, published) == expected


@pytest.mark.parametrize("text,published", [
    # two different events with the same noun
    ("A fire broke out at Hartley Mill on March 4. A second fire broke out at the mill on March 6.", "2024-03-20"),
    ("A fire broke out at Hartley Mill on March 4. Another fire broke out at Hartley Mill on March 6.", "2024-03-20"),
    ("Voters chose in the first round on May 5 and the run-off on May 19.", "2024-05-20"),
    # an event and its inquiry or anniversary
    ("The Hartley Mill fire broke out on March 4. The inquiry into the March 4 fire opened on May 1.", "2024-05-20"),
    ("The Hartley Mill fire broke out on March 4. The inquiry into the fire began on May 1.", "2024-05-20"),
    ("The Hartley Mill fire broke out on March 4, 2023. Crowds marked the anniversary of the Hartley Mill fire on March 4.",
     "2024-03-20"),
    # a start and an end
    ("The Kellerton strike began on Monday and ended on Thursday.", "2024-03-20"),
    ("The Kellerton strike began on March 4. The Kellerton strike ended on March 9.", "2024-03-20"),
    # a weekday-only date
    ("The Kellerton primary takes place on Tuesday. Candidates tour before the Feb. 19 Kellerton primary.", "2024-02-15"),
    # a verb whose subject is not the event noun
    ("The fire at Hartley Mill broke out on March 4. Firefighters said on March 6 that the fire was out.", "2024-03-20"),
    # a bare "election" never fires on its own, nor with two specific elections to choose from
    ("The election will be held on July 4. The election on July 11 is a rerun.", "2024-06-20"),
    ("The election will be held on July 4. The July 11 local election and the July 18 general election follow.",
     "2024-06-20"),
    # "general" only where both have it
    ("The local election will be held on July 4. Voters prepare for the July 11 general election.", "2024-06-20"),
])
def test_event_date_mismatch_stays_quiet_on_correct_copy(text, published):
    assert mismatches(text, published) == []


def test_verb_told_event_keeps_code_point_offsets_in_crlf_text_with_emoji_and_accents():
    text = "Café 😀 news\r\n\r\nThe fire at Hartley Mill broke out on March 4 🔥.\r\nThe Hartley Mill fire, which started on March 6, spread to Zoë’s café.\r\n"
    found = events(text, "2024-03-20")
    first, second = "The fire at Hartley Mill broke out on March 4", "The Hartley Mill fire, which started on March 6"
    assert [(e.start, e.end, e.text, e.event_key) for e in found] == [
        (text.index(first), text.index(first) + len(first), first, "fire hartley mill"),
        (text.index(second), text.index(second) + len(second), second, "fire hartley mill"),
    ]
    assert [(e.trigger.start, e.trigger.text) for e in found] == [(text.index("broke out"), "broke out"), (text.index("started"), "started")]
    check_spans(text, found)
    assert mismatches(text, "2024-03-20") == [(first, second)]


# -- audit gaps (session 3, second round): event words, written years, occurrences, asides,
# -- abbreviated weekdays, weekday names, "a May election" ------------------------------------
DATE_RULES = load_rules().only(["dates/weekday-mismatch", "dates/event-date-mismatch", "dates/tense-vs-publication"])


def findings(text: str, published: str) -> list[tuple[str, str]]:
    """(rule, message) of every dates finding."""
    return [(f.rule, f.message) for f in check_text(text, published=published, rules=DATE_RULES).findings]


# (text, published, [(trigger, anchor, date, event_key), ...])
EVENT_WORD_CASES = [
    ("Voters go to the polls in the March 28 Kellbrook by-election.", "2024-03-20",
     [("by-election", "the March 28 Kellbrook by-election", "2024-03-28", "by-election kellbrook")]),
    ("Crews fought the 12 March blaze at the Tanner Street depot.", "2024-03-20",
     [("blaze", "the 12 March blaze", "2024-03-12", "blaze tanner street")]),
    ("Fans queued for the March 2 concert at the Corn Exchange and Friday's gig.", "2024-02-20",
     [("concert", "the March 2 concert", "2024-03-02", "concert corn exchange"), ("gig", "Friday's gig", "2024-02-16", "gig")]),
    ("The gallery will reopen on 4 March 2024 after repairs.", "2024-03-20",
     [("reopen", "reopen on 4 March 2024", "2024-03-04", "reopen")]),
    ("The line will restart in May and the show will relaunch on June 3.", "2024-03-20",
     [("restart", "restart in May", "2024-05", "restart"), ("relaunch", "relaunch on June 3", "2024-06-03", "relaunch")]),
    # a date before a noun dates the noun, never the verb before it; "to DATE" is where, not when
    ("Police arrested a man over the 12 March disturbance at the depot.", "2024-03-20", []),
    ("The club postponed the vote to Sunday.", "2024-03-20", []),
    # an aside dates the event noun before it; an event noun before the head says which event
    ("The judge said the sentencing hearing, set for April 9, would go ahead.", "2024-03-20",
     [("hearing", "the sentencing hearing, set for April 9", "2024-04-09", "hearing sentencing")]),
    ("Lawyers prepared for the April 16 sentencing hearing.", "2024-03-20",
     [("hearing", "the April 16 sentencing hearing", "2024-04-16", "hearing sentencing")]),
    # "next", "last", "following", "previous" and ordinals join a key that has a modifier
    ("Residents can register for the next council meeting on April 1.", "2024-03-20",
     [("meeting", "the next council meeting on April 1", "2024-04-01", "meeting council next")]),
    ("It was raised at the second council meeting on March 4.", "2024-03-20",
     [("meeting", "the second council meeting on March 4", "2024-03-04", "meeting council second")]),
    ("Both spoke in the first debate on March 4.", "2024-03-20",
     [("debate", "the first debate on March 4", "2024-03-04", "debate")]),
    # "May" before an election word is the month; "the May government" is not
    ("Labour is preparing for a May election and the May local elections.", "2024-03-20",
     [("election", "a May election", "2024-05", "election"), ("elections", "the May local elections", "2024-05", "election local")]),
]


@pytest.mark.parametrize("text,published,expected", EVENT_WORD_CASES)
def test_audit_event_words_dates_and_keys(text, published, expected):
    found = events(text, published)
    assert [(e.trigger.text, e.anchor.text, e.date, e.event_key) for e in found] == expected
    assert [(e.anchor.start, e.anchor.end) for e in found] == [
        (text.index(anchor), text.index(anchor) + len(anchor)) for _, anchor, _, _ in expected
    ]
    check_spans(text, found)


# (text, published, expression, value, inferred)
YEAR_CASES = [
    # a year written in words after the date fixes it
    ("The pool will close on Jan. 5 this year for repairs.", "2024-03-20", "Jan. 5 this year", "2024-01-05", None),
    ("It opened on 3 March last year.", "2024-03-20", "3 March last year", "2023-03-03", None),
    ("Voting ends on Jan. 20 next year.", "2024-03-20", "Jan. 20 next year", "2025-01-20", None),
    # no past verb dates these: the publication year
    ("Fans can try for the new date, June 14, from Friday.", "2024-02-20", "June 14", "2024-06-14", "year"),
    ("Supporters have asked for cheaper seats for the Shield final on May 25.", "2024-03-20", "May 25", "2024-05-25", "year"),
    ("Fans began queuing at 6am for tickets to Sunday, March 2nd's cup semi-final.", "2024-02-27",
     "Sunday, March 2nd", "2024-03-02", "year"),
    # a past verb that dates the time still leans it back
    ("The deal was signed on June 14.", "2024-02-20", "June 14", "2023-06-14", "year"),
    # abbreviated weekdays with a date
    ("Sun 23 March: craft fair at the hall.", "2024-03-20", "Sun 23 March", "2024-03-23", "year"),
    ("Doors open Thu, Jan. 3 at noon.", "2024-03-20", "Thu, Jan. 3", "2024-01-03", "year"),
    ("Tues. 26 Mar: Harlow v Rovers.", "2024-03-20", "Tues. 26 Mar", "2024-03-26", "year"),
]


@pytest.mark.parametrize("text,published,expression,value,inferred", YEAR_CASES)
def test_audit_written_years_and_abbreviated_weekdays(text, published, expression, value, inferred):
    found = [t for t in times(text, published) if t.text == expression]
    assert [(t.start, t.end, t.value, t.inferred) for t in found] == [
        (text.index(expression), text.index(expression) + len(expression), value, inferred)
    ]


@pytest.mark.parametrize("text", [
    "The Sun 23 March edition carried the story.",
    "The Sun reported on 23 March that talks had failed.",
    "She sat 23 March exams.",
    "Mon 23 is not a date.",
])
def test_sun_the_paper_and_sat_the_verb_are_no_weekdays(text):
    assert [t.weekday for t in times(text, "2024-03-20")] in ([], [None])


@pytest.mark.parametrize("text", ["The May government fell.", "May said no to the plan.", "Aides briefed the May cabinet."])
def test_may_the_name_is_no_month(text):
    assert times(text, "2024-03-20") == []


# (text, published, [(rule, message), ...])
RULE_CASES = [
    ("Listings\n\nSun 23 March: Spring craft fair.\n\nSat 24 March: Charity fun run.", "2024-03-20",
     [("dates/weekday-mismatch", "Sun 23 March falls on a Saturday, not a Sunday"),
      ("dates/weekday-mismatch", "Sat 24 March falls on a Sunday, not a Saturday")]),
    ("Fans began queuing at 6am for tickets to Sunday, March 2nd's cup semi-final.", "2024-02-27",
     [("dates/weekday-mismatch", "Sunday, March 2nd falls on a Saturday, not a Sunday")]),
    ("The gallery will reopen on 4 March 2024 after repairs.", "2024-03-20",
     [("dates/tense-vs-publication",
       '"reopen on 4 March 2024" is told in the future tense but dated 2024-03-04, and the story is dated 2024-03-20')]),
    ("The pool will close on Jan. 5 this year for repairs.", "2024-03-20",
     [("dates/tense-vs-publication",
       '"close on Jan. 5 this year" is told in the future tense but dated 2024-01-05, and the story is dated 2024-03-20')]),
    ("Voters go to the polls in the March 28 Kellbrook by-election. The count for the Kellbrook by-election on March 26 "
     "begins at 10pm.", "2024-03-20",
     [("dates/event-date-mismatch", "The same event is dated 2024-03-28 here and 2024-03-26 there")]),
    ("Police arrested a man over the 12 March blaze at the Tanner Street depot. The Tanner Street blaze of 14 March "
     "caused damage.", "2024-03-20",
     [("dates/event-date-mismatch", "The same event is dated 2024-03-12 here and 2024-03-14 there")]),
    ("The judge said the sentencing hearing, set for April 9, would go ahead. Lawyers asked to delay the April 16 "
     "sentencing hearing.", "2024-03-20",
     [("dates/event-date-mismatch", "The same event is dated 2024-04-09 here and 2024-04-16 there")]),
    ("Supporters want tickets for the May 18 Shield final. They asked for cheaper seats for the Shield final on May 25.",
     "2024-03-20", [("dates/event-date-mismatch", "The same event is dated 2024-05-18 here and 2024-05-25 there")]),
    ("Residents can register for the next council meeting on April 1. The next council meeting on April 8 is full.",
     "2024-03-20", [("dates/event-date-mismatch", "The same event is dated 2024-04-01 here and 2024-04-08 there")]),
    # another occurrence of the event is no mismatch
    ("The March 4 council meeting approved a budget. Residents can register for the next council meeting on April 1.",
     "2024-03-20", []),
    ("The March 4 council meeting approved a budget. The following council meeting on April 1 will set fees.",
     "2024-03-20", []),
    ("The April 1 council meeting will set fees. The previous council meeting on March 4 approved a budget.",
     "2024-03-20", []),
    ("The April 1 council meeting will set fees. The last council meeting on March 4 approved a budget.",
     "2024-03-20", []),
    ("The March 4 council meeting approved a budget. Another council meeting on April 1 will set fees.",
     "2024-03-20", []),
    # a fixture list with the right weekdays
    ("Fixtures\n\nSat 23 Mar: Rovers v City\n\nTue 26 Mar: Harlow v Rovers", "2024-03-20", []),
]


@pytest.mark.parametrize("text,published,expected", RULE_CASES)
def test_audit_dates_rules_fire_and_stay_quiet(text, published, expected):
    assert findings(text, published) == expected


def test_audit_fixes_keep_code_point_offsets_in_crlf_text_with_emoji_and_accents():
    text = ("Zoë’s café 🎉 listings\r\n\r\nSun 23 March: Fête at Peña Mill 🎪.\r\n"
            "Crews fought the 12 March blaze at Peña Mill. The Peña Mill blaze of 14 March was the worst.\r\n")
    found = times(text, "2024-03-20")
    weekday = next(t for t in found if t.weekday)
    assert (weekday.start, weekday.end, weekday.text, weekday.weekday, weekday.actual_weekday) == (
        text.index("Sun 23 March"), text.index("Sun 23 March") + 12, "Sun 23 March", "Sunday", "Saturday")
    first, second = "the 12 March blaze", "The Peña Mill blaze of 14 March"
    assert [(e.start, e.end, e.text, e.event_key) for e in events(text, "2024-03-20")] == [
        (text.index(first), text.index(first) + len(first), first, "blaze peña mill"),
        (text.index(second), text.index(second) + len(second), second, "blaze peña mill"),
    ]
    assert findings(text, "2024-03-20") == [
        ("dates/weekday-mismatch", "Sun 23 March falls on a Saturday, not a Sunday"),
        ("dates/event-date-mismatch", "The same event is dated 2024-03-12 here and 2024-03-14 there"),
    ]
