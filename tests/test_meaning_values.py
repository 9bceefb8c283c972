"""What the value words of the rule language mean, at their limits.

Each table pins a limit of the language (an approximator's interval, a
tolerance, an ordering at equal dates) with cases at the limit, just inside
and just outside it.  The cases are generated from the vocabulary's own
tables, so a new entry is tested as soon as it exists, but the expected
limits are written here: widening ``about`` from 10% to 20% in the engine
fails these tests instead of moving them."""

from __future__ import annotations

import pytest
from factlint.evaluate.findings import SEVERITY_RANK
from factlint.vocab import compare
from meaning import Article, cited, fires, run

# ------------------------------------------------------------ approximators
#: approximator -> the closed interval of an approximate figure, as factors
#: of the figure (``over 1,000`` is 1,000 to 1,500).  Pinned here.
APPROX = {
    None: (1.0, 1.0),
    "over": (1.0, 1.5), "more than": (1.0, 1.5), "at least": (1.0, 1.5),
    "under": (0.5, 1.0), "fewer than": (0.5, 1.0), "less than": (0.5, 1.0), "at most": (0.5, 1.0),
    "up to": (0.0, 1.0),
    "nearly": (0.9, 1.0), "almost": (0.9, 1.0),
    "about": (0.9, 1.1), "around": (0.9, 1.1), "some": (0.9, 1.1), "approximately": (0.9, 1.1), "roughly": (0.9, 1.1),
    "circa": (0.9, 1.1),  # not in the table: an unknown approximator reads as "about"
}
BASE = 1000.0
EPS = 1.0


def test_every_approximator_of_the_vocabulary_is_pinned():
    assert set(compare._APPROX) <= set(APPROX), "pin the new approximator's interval in APPROX"


def _approx_cases():
    for approx in sorted(set(compare._APPROX) | set(APPROX), key=str):
        lo, hi = APPROX[approx]
        low, high = BASE * lo, BASE * hi
        yield approx, high, False, "at the top"
        yield approx, high + EPS, True, "just over the top"
        yield approx, low, False, "at the bottom"
        yield approx, low - EPS, True, "just under the bottom"
        if high - low > 2 * EPS:
            yield approx, high - EPS, False, "just under the top"
            yield approx, low + EPS, False, "just over the bottom"


DIFFERS = "rule r: a quantity differs from a quantity"
AGREES = "rule r: a quantity agrees with a quantity"


@pytest.mark.parametrize("approx, other, differs, where", list(_approx_cases()), ids=lambda v: str(v))
def test_an_approximate_figure_differs_only_outside_its_interval(approx, other, differs, where):
    a = Article()
    a.quantity(BASE, approx=approx)
    a.quantity(other)
    assert fires(DIFFERS, a) is differs, f"{approx} {BASE:g} vs {other:g} ({where})"
    assert fires(AGREES, a) is not differs


@pytest.mark.parametrize("other, differs", [(100.0, False), (200.0, False), (150.0, False), (99.0, True), (201.0, True)])
def test_a_range_differs_only_outside_it(other, differs):
    a = Article()
    a.quantity(100.0, value_high=200.0)
    a.quantity(other)
    assert fires(DIFFERS, a) is differs


@pytest.mark.parametrize("left, right, differs", [
    ({"approx": "over"}, {"approx": "under", "value": 1600.0}, False),  # [1000, 1500] meets [800, 1600]
    ({"approx": "over"}, {"approx": "under", "value": 3000.0}, False),  # [1000, 1500] meets [1500, 3000] at 1500
    ({"approx": "over"}, {"approx": "under", "value": 3002.0}, True),  # [1501, 3002]: they just miss
    ({"approx": "nearly"}, {"approx": "over", "value": 1000.0}, False),  # they touch at 1000
])
def test_two_intervals_conflict_only_when_they_do_not_meet(left, right, differs):
    a = Article()
    a.quantity(BASE, **left)
    a.quantity(right.pop("value"), **right)
    assert fires(DIFFERS, a) is differs


@pytest.mark.parametrize("units, comparable", [((None, None), True), (("km", "km"), True), (("km", None), False), (("km", "kg"), False)])
def test_quantities_compare_only_in_one_unit(units, comparable):
    a = Article()
    a.quantity(5.0, unit=units[0])
    a.quantity(9.0, unit=units[1])
    assert fires(DIFFERS, a) is comparable
    b = Article()
    b.quantity(5.0, unit=units[0])
    b.quantity(5.0, unit=units[1])
    assert fires(AGREES, b) is comparable


@pytest.mark.parametrize("keys, related", [(("troop", "troop"), True), (("troop", "tank"), False), (("troop", None), False), ((None, None), False)])
def test_quantities_compare_only_when_they_count_one_noun(keys, related):
    for values, rule in (((5.0, 9.0), DIFFERS), ((5.0, 5.0), AGREES), ((5.0, 9.0), "rule r: a quantity is the same thing as a quantity")):
        a = Article()
        a.quantity(values[0], noun_key=keys[0])
        a.quantity(values[1], noun_key=keys[1])
        assert fires(rule, a) is related, rule


# ------------------------------------------------------------ tolerances
TOLERANCE = "rule r:\n  match p: a quantity, q: a quantity\n  where p.value differs by more than {amount} from q.value"


def _tolerance_cases():
    for amount in (0, 5, 10, 50):
        limit = 100.0 - amount  # p = 100, so q = limit is exactly `amount` percent (and units) below
        cases = [(limit, False, "at"), (limit - 0.01, True, "just outside")] + ([(limit + 0.01, False, "just inside")] if amount else [])
        for q, fires_, where in cases:
            yield f"{amount}%", 100.0, q, fires_, where
            yield f"{amount}", 100.0, q, fires_, where
            yield f"{amount}%", q, 100.0, fires_, where + " (sides swapped)"


@pytest.mark.parametrize("amount, p, q, expected, where", list(_tolerance_cases()), ids=str)
def test_differs_by_more_than_is_strict(amount, p, q, expected, where):
    a = Article()
    a.quantity(p)
    a.quantity(q)
    assert fires(TOLERANCE.format(amount=amount), a) is expected


@pytest.mark.parametrize("p, q, expected", [
    (0.0, 0.0, False),  # no base: nothing differs
    (0.0, 1.0, True),  # 100% of the larger
    (-100.0, -89.0, True),  # the larger magnitude is the base: 11%
    (-100.0, -90.0, False),
])
def test_a_percentage_tolerance_is_of_the_larger_magnitude(p, q, expected):
    a = Article()
    a.quantity(p)
    a.quantity(q)
    assert fires(TOLERANCE.format(amount="10%"), a) is expected


def test_a_tolerance_with_a_missing_side_is_false():
    a = Article()
    a.quantity(5.0)
    a.quantity(50.0)
    assert not fires("rule r:\n  match p: a quantity, q: a quantity\n  where p.value differs by more than 1 from q.value_high", a)
    assert fires("rule r:\n  match p: a quantity, q: a quantity\n  where p.value differs by more than 1 from q.value", a)


# ------------------------------------------------------------ comparisons
#: op -> truth for (left < right, left = right, left > right).  Pinned here.
OPS = {"=": (False, True, False), "!=": (True, False, True), "<": (True, False, False), ">": (False, False, True),
       "<=": (True, True, False), ">=": (False, True, True)}


@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("order, value", [(0, 6), (1, 5), (2, 4)], ids=["less", "equal", "greater"])
def test_number_comparisons(op, order, value):
    a = Article()
    a.quantity(5.0)
    assert fires(f"rule r:\n  match q: a quantity\n  where q.value {op} {value}", a) is OPS[op][order]


@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("fact_value, literal, order", [
    ("2020-05-06", "2020-05-07", 0), ("2020-05-06", "2020-05-06", 1), ("2020-05-06", "2020-05-05", 2),
    ("2020-05", "2020-05-31", 1), ("2020-05", "2020-06-01", 0), ("2020", "2020-12-31", 1), ("2020", "2021-01-01", 0),
    ("2024-W16", "2024-04-21", 1), ("2024-W16", "2024-04-22", 0),
    ("2024-W16", "2024-04-14", 2),
])
def test_date_comparisons_at_the_common_granularity(op, fact_value, literal, order):
    a = Article()
    a.time(fact_value)
    assert fires(f"rule r:\n  match t: a time\n  where t.value {op} {literal}", a) is OPS[op][order]


@pytest.mark.parametrize("op", OPS)
def test_every_comparison_with_a_missing_value_is_false(op):
    a = Article()
    a.time(None)
    a.quantity(5.0)
    assert not fires(f"rule r:\n  match t: a time\n  where t.value {op} 2020-01-01", a)
    assert not fires(f"rule r:\n  match q: a quantity\n  where q.value_high {op} 5", a)
    if op in ("=", "!="):
        assert not fires(f"rule r:\n  match q: a quantity\n  where q.value_high {op} q.value", a)


@pytest.mark.parametrize("value, missing", [(None, True), ("", True), ("troop", False)])
def test_is_missing(value, missing):
    a = Article()
    a.quantity(5.0, noun_key=value)
    assert fires("rule r:\n  match q: a quantity\n  where q.noun_key is missing", a) is missing
    assert fires("rule r:\n  match q: a quantity\n  where q.noun_key is not missing", a) is not missing


def test_an_empty_list_is_missing():
    a = Article()
    a.quantity(5.0)
    a.quantity(6.0, noun_modifiers=["us"])
    assert cited(run("rule r:\n  match q: a quantity\n  where q.noun_modifiers is missing", a)) == [["f1"]]


@pytest.mark.parametrize("op, right, expected", [
    ("=", '"TROOP"', True), ("=", '"  troop "', True), ("=", '"troops"', False), ("!=", '"Troop"', False), ("!=", '"tank"', True),
    ("contains", '"ROO"', True), ("contains", '"x"', False),
])
def test_text_comparisons_ignore_case_and_space_runs(op, right, expected):
    a = Article()
    a.quantity(5.0, noun_key="troop")
    assert fires(f"rule r:\n  match q: a quantity\n  where q.noun_key {op} {right}", a) is expected


@pytest.mark.parametrize("value, in_lexicon, mentions", [
    ("denied", True, True), ("DENIED", True, True), ("he denied it", False, True), ("undenied", False, False), ("deni", False, False),
])
def test_in_lexicon_is_the_whole_value_mentions_is_a_whole_word(value, in_lexicon, mentions):
    a = Article()
    a.quantity(5.0, noun_key=value)
    assert fires("rule r:\n  match q: a quantity\n  where q.noun_key in lexicon denial-verbs", a) is in_lexicon
    assert fires("rule r:\n  match q: a quantity\n  where q.noun_key not in lexicon denial-verbs", a) is not in_lexicon
    assert fires("rule r:\n  match q: a quantity\n  where q.noun_key mentions lexicon denial-verbs", a) is mentions
    assert fires('rule r:\n  match q: a quantity\n  where q.noun_key mentions "denied"', a) is mentions


#: condition as written -> as the compiler writes it back (explain, docs)
DESCRIBED = [
    ("q.value > 5", "q.value > 5"), ("q.value = 5.5", "q.value = 5.5"), ("q.noun_key is missing", "q.noun_key is missing"),
    ("q.noun_key is not missing", "q.noun_key is not missing"), ("q.noun_key in lexicon denial-verbs", "q.noun_key in lexicon denial-verbs"),
    ("q.noun_key not in lexicon denial-verbs", "q.noun_key not in lexicon denial-verbs"),
    ('q.noun_key matches "^t[a-z]+"', 'q.noun_key matches "^t[a-z]+"'), ('q.noun_key contains "ro"', 'q.noun_key contains "ro"'),
    ('q.noun_key mentions "troop"', 'q.noun_key mentions "troop"'),
    ("q.value differs by more than 10% from p.value", "q.value differs by more than 10% from p.value"),
    ("q.value differs by more than 2.5 from p.value", "q.value differs by more than 2.5 from p.value"),
    ("q is the same thing as p", "q is the same thing as p"), ("q is in the same sentence as p", "q is in the same sentence as p"),
    ("q is exact", "q is exact"), ("q is not exact", "q is not exact"), ("q is in the headline", "q is in the headline"),
    ("q is not in the body", "q is not in the body"), ("not q.value > 5", "not q.value > 5"),
    ("not (q.value > 5 and (p.value < 2 or p.value > 9))", "not (q.value > 5 and (p.value < 2 or p.value > 9))"),
    ("q differs from p", "q differs from p"), ('q.noun_key = "x"', 'q.noun_key = "x"'),
]


@pytest.mark.parametrize("written, described", DESCRIBED)
def test_conditions_are_written_back_as_they_read(written, described):
    from meaning import compile_source

    rule = compile_source(f"rule r:\n  match q: a quantity, p: a quantity\n  where {written}").rules[0]
    assert [c.text for step in rule.steps for c in step] == [described]


@pytest.mark.parametrize("shift, op, expected", [
    ("+ 1 day", "=", "2020-03-01"), ("- 1 day", "=", "2020-02-28"), ("+ 1 month", "=", "2020-03-29"),
    ("+ 1 year", "=", "2021-02-28"), ("- 4 years", "=", "2016-02-28"), ("+ 1 week", "=", "2020-03-07"),
    ("+ 1 day", ">", "2020-02-29"), ("- 1 day", "<", "2020-02-29"),
])
def test_date_shifts(shift, op, expected):
    a = Article()
    a.time("2020-02-29")
    assert fires(f"rule r:\n  match t: a time\n  where t.value {shift} {op} {expected}", a)
    if op == "=":
        assert not fires(f"rule r:\n  match t: a time\n  where t.value {shift} != {expected}", a)


def test_article_published():
    a = Article()
    a.time("2020-02-29")
    rule = "rule r:\n  match t: a time\n  where t.value < article.published"
    assert fires(rule, a, published="2020-03-01")
    assert not fires(rule, a, published="2020-02-29")
    assert not fires(rule, a)  # no publication date: false


# ------------------------------------------------------------ ordering relations
#: (left date, right date) -> left is before / after right.  Equal at their
#: common granularity means neither.
ORDER = [
    ("2020-05-06", "2020-05-06", False, False),
    ("2020-05-05", "2020-05-06", True, False),
    ("2020-05-07", "2020-05-06", False, True),
    ("2020-05", "2020-05-06", False, False),
    ("2020", "2020-12-31", False, False),
    ("2019", "2020-01-01", True, False),
    ("2020-04-30", "2020-05", True, False),
    ("2020-06-01", "2020-05", False, True),
    ("2024-W16", "2024-04-15", False, False),
    ("2024-W16", "2024-04-21", False, False),
    ("2024-W16", "2024-04-22", True, False),
    ("2024-W16", "2024-04-14", False, True),
    ("2024-W16", "2024-W16", False, False),
    (None, "2020-05-06", False, False),
]


@pytest.mark.parametrize("kinds", [("time", "time"), ("event", "event"), ("time", "event")])
@pytest.mark.parametrize("left, right, before, after", ORDER)
def test_ordering_relations_at_equal_and_neighbouring_dates(kinds, left, right, before, after):
    a = Article()
    for kind, value in zip(kinds, (left, right)):
        a.time(value) if kind == "time" else a.event(date=value, event_key="vote")
    for relation, forward, backward in (("is before", before, after), ("is after", after, before)):
        rule = f"rule r:\n  match x: a {kinds[0]}, y: a {kinds[1]}\n  where x {relation} y"
        expected = [["f1", "f2"]] if forward else [["f2", "f1"]] if backward and kinds[0] == kinds[1] else []
        assert cited(run(rule, a)) == expected, (relation, left, right)


@pytest.mark.parametrize("left, right, differs", [
    ("2020-05-06", "2020-05-06", False), ("2020-05-06", "2020-05-07", True), ("2020-05", "2020-05-07", False), (None, "2020-05-07", False),
])
def test_event_dates_differ_only_at_their_common_granularity(left, right, differs):
    a = Article()
    a.event(date=left, event_key="vote")
    a.event(date=right, event_key="vote")
    assert fires("rule r: an event differs from an event", a) is differs
    assert fires("rule r: an event agrees with an event", a) is (not differs and left is not None)


# ------------------------------------------------------------ ages and titles
@pytest.mark.parametrize("ages, differs", [((54, 54), False), ((54, 55), True), ((54, 53), True)])
def test_ages_of_one_person_differ_by_any_year(ages, differs):
    a = Article()
    a.age(ages[0], person_entity="e1")
    a.age(ages[1], person_entity="e1")
    assert fires("rule r: an age differs from an age", a) is differs
    b = Article()
    b.age(ages[0], person_entity="e1")
    b.age(ages[1], person_entity="e2")
    assert not fires("rule r: an age differs from an age", b)  # two people


@pytest.mark.parametrize("left, right, extra, differs", [
    ("press secretary", "press secretary", {}, False),
    ("secretary", "press secretary", {}, False),  # a shorter form
    ("press secretary", "secretary", {}, False),
    ("minister", "press secretary", {}, True),
    ("governor", "lieutenant governor", {}, True),  # a subordinate word dropped: another office
    ("colonel", "lieutenant colonel", {"title_class": "military-rank"}, False),  # the military courtesy
    ("president", "vice president", {}, True),
    ("minister", "press secretary", {"former": True}, False),
    ("minister", "press secretary", {"change": True}, False),
    ("the", "press secretary", {}, False),  # no title words: nothing to compare
])
def test_titles_of_one_person(left, right, extra, differs):
    a = Article()
    a.role(left, person_entity="e1", **extra)
    a.role(right, person_entity="e1", **({"title_class": extra["title_class"]} if "title_class" in extra else {}))
    assert fires("rule r: a role differs from a role", a) is differs
    assert fires("rule r: a role agrees with a role", a) is not differs


def test_severities_are_ordered_info_warning_error():
    assert sorted(SEVERITY_RANK, key=SEVERITY_RANK.get) == ["info", "warning", "error"]
