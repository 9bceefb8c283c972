"""What a rule's clauses mean: `unless`, `note` and `such that` never match a
fact the rule already bound; `group by` and de-duplication; the order of
findings and of their citations; messages over grouped matches."""

from __future__ import annotations

import pytest
from meaning import Article, cited, fires, report, run

# ------------------------------------------------ sub-queries and bound facts
UNLESS = [
    # (rule, facts' values, the fact ids each finding cites)
    ("rule r:\n  match q: a quantity\n  unless x: a quantity such that x.value > 0", [5.0], [["f1"]]),
    ("rule r:\n  match q: a quantity\n  unless x: a quantity such that x.value > 0", [5.0, 6.0], []),
    ("rule r:\n  match q: a quantity\n  unless x: a quantity such that x.value = q.value", [5.0], [["f1"]]),
    ("rule r:\n  match q: a quantity\n  unless x: a quantity such that x.value = q.value", [5.0, 5.0], []),
    ("rule r:\n  match q: a quantity\n  unless x: a quantity such that x.value = q.value", [5.0, 6.0], [["f1"], ["f2"]]),
    ("rule r:\n  match q: a quantity\n  unless x: a quantity", [5.0], [["f1"]]),
    ("rule r:\n  match q: a quantity\n  unless a quantity is the same thing as q", [5.0], [["f1"]]),
    ("rule r:\n  match q: a quantity\n  unless a quantity is the same thing as q", [5.0, 6.0], []),
    ("rule r:\n  match p: a quantity, q: a quantity\n  where p.value < q.value\n  unless x: a quantity such that x.value > 0", [5.0, 6.0], [["f1", "f2"]]),
    ("rule r:\n  match p: a quantity, q: a quantity\n  where p.value < q.value\n  unless x: a quantity such that x.value > 0", [5.0, 6.0, 7.0], []),
    ("rule r:\n  match p: a quantity, q: a quantity\n  where p.value < q.value\n  unless x: a quantity such that x.value < p.value", [5.0, 6.0], [["f1", "f2"]]),
    ("rule r:\n  match p: a quantity, q: a quantity\n  where p.value < q.value\n  unless x: a quantity such that x.value < p.value", [5.0, 6.0, 4.0], [["f3", "f1"], ["f3", "f2"]]),
]


@pytest.mark.parametrize("rule, values, expected", UNLESS)
def test_unless_never_finds_a_fact_the_rule_bound(rule, values, expected):
    a = Article()
    for v in values:
        a.quantity(v)
    assert cited(run(rule, a)) == expected


def test_unless_that_finds_a_fact_vetoes_every_match_it_finds_it_for():
    a = Article()
    a.quantity(5.0)
    a.quantity(6.0)
    a.quantity(7.0, noun_key="tank")
    rule = "rule r:\n  match q: a quantity\n  unless x: a quantity such that x is the same thing as q"
    assert cited(run(rule, a)) == [["f3"]]


NOTE = "rule r:\n  match q: a quantity\n  note x: a quantity such that x.value >= q.value saying \"{x.value} beside {q.value}\""


@pytest.mark.parametrize("values, notes", [
    ([5.0], [[]]),
    ([5.0, 5.0], [["5 beside 5"], ["5 beside 5"]]),
    ([5.0, 6.0], [["6 beside 5"], []]),
    ([5.0, 6.0, 7.0], [["6 beside 5", "7 beside 5"], ["7 beside 6"], []]),
])
def test_note_never_finds_a_fact_the_rule_bound(values, notes):
    a = Article()
    for v in values:
        a.quantity(v)
    found = run(NOTE, a)
    assert [[n.message for n in f.notes] for f in found] == notes
    assert all(n.citations[0].role == "x" for f in found for n in f.notes)


def test_a_note_cites_each_fact_once_per_finding_and_never_vetoes():
    a = Article()
    a.quantity(1.0, noun_key="tank")
    a.quantity(2.0, noun_key="tank")
    a.quantity(9.0)
    rule = ("rule r:\n  match p: a quantity, q: a quantity\n  where p is the same thing as q\n  group by p\n"
            "  note x: a quantity such that x.value > p.value saying \"{x.value}\"")
    found = run(rule, a)
    assert cited(found) == [["f1", "f2"], ["f2", "f1"]]
    assert [[n.message for n in f.notes] for f in found] == [["9"], ["9"]]


def test_a_grouped_finding_notes_every_fact_its_matches_find_once():
    """Group p=f1; the match with q=f3 finds f2, f4 (already noted) and f5:
    a fact noted before is passed over, not the end of the list."""
    a = Article()
    for v in (0.0, 4.0, 10.0, 2.0, 6.0):
        a.quantity(v)
    rule = ("rule r:\n  match p: a quantity, q: a quantity\n  where p.value = 0 and q.value > 0\n  group by p\n"
            "  note x: a quantity such that x.value < q.value and x.value > 0 saying \"{x.value}\"")
    [finding] = run(rule, a)
    assert [n.message for n in finding.notes] == ["2", "4", "6"]


def test_the_work_budget_applies_to_unless_and_note_lookups(monkeypatch):
    """(Issue 14: the budget counts work, not candidates; see evaluate/budget.py.)
    The unless lookup reads q, so it is run for each match: its work counts."""
    import factlint.evaluate.budget as budget

    a = Article()
    for v in range(5):
        a.quantity(float(v))
    monkeypatch.setattr(budget, "ARTICLE_BUDGET", 30)
    result = report("rule r:\n  match q: a quantity\n  unless x: a quantity such that x.value > q.value", a)
    assert len(result.findings) < 5 and any("work limit" in n for n in result.notices)


# ------------------------------------------------ grouping and de-duplication
def _three_pairs() -> Article:
    a = Article()
    a.quantity(1.0)
    a.quantity(2.0)
    a.quantity(3.0)
    return a


@pytest.mark.parametrize("rule, expected", [
    # a symmetric relation: each pair once, in the first order found
    ("rule r:\n  match p: a quantity, q: a quantity\n  where p is the same thing as q", [["f1", "f2"], ["f1", "f3"], ["f2", "f3"]]),
    # an ordered condition: each ordered pair is another set of facts only once
    ("rule r:\n  match p: a quantity, q: a quantity\n  where p.value < q.value", [["f1", "f2"], ["f1", "f3"], ["f2", "f3"]]),
    ("rule r:\n  match p: a quantity, q: a quantity\n  where p.value > q.value", [["f2", "f1"], ["f3", "f1"], ["f3", "f2"]]),
    # group by one name: one finding per fact it names, citing every partner
    ("rule r:\n  match p: a quantity, q: a quantity\n  where p.value < q.value\n  group by p", [["f1", "f2", "f3"], ["f2", "f3"]]),
    ("rule r:\n  match p: a quantity, q: a quantity\n  where p.value < q.value\n  group by q", [["f1", "f2"], ["f1", "f2", "f3"]]),
    # grouped by both names: a finding per ordered pair
    ("rule r:\n  match p: a quantity, q: a quantity\n  where p is the same thing as q\n  group by p, q",
     [["f1", "f2"], ["f1", "f3"], ["f2", "f1"], ["f2", "f3"], ["f3", "f1"], ["f3", "f2"]]),
])
def test_group_by_and_de_duplication(rule, expected):
    found = run(rule, _three_pairs())
    assert sorted(cited(found)) == sorted(expected)
    assert len(found) == len(expected)


def test_a_grouped_finding_cites_each_name_s_facts_in_text_order():
    a = _three_pairs()
    [finding] = run("rule r:\n  match p: a quantity, q: a quantity\n  where p.value > q.value\n  group by p\n"
                    "  message \"{p.value} over {q.value}\"", a)[-1:]
    assert [(c.role, c.fact) for c in finding.citations] == [("p", "f3"), ("q", "f1"), ("q", "f2")]
    assert finding.message == "3 over 1 and 2"


def test_findings_are_ordered_by_first_citation_then_rule_then_message():
    a = Article()
    a.quantity(2.0)
    a.quantity(1.0)
    source = ("rule b: match q: a quantity\n  message \"b{q.value}\"\n"
              "rule a: match q: a quantity\n  message \"a{q.value}\"\n"
              "rule c:\n  match p: a quantity, q: a quantity\n  where p.value < q.value\n  message \"c\"\n"
              "rule d:\n  match p: a quantity, q: a quantity\n  where p.value > q.value\n  group by q\n  message \"z\"\n"
              "rule d2:\n  match p: a quantity, q: a quantity\n  where p.value > q.value\n  group by q\n  message \"y\"\n")
    found = run(source, a)
    assert [(f.rule, f.message, f.citations[0].fact) for f in found] == [
        ("a", "a2", "f1"), ("b", "b2", "f1"), ("d", "z", "f1"), ("d2", "y", "f1"),
        ("a", "a1", "f2"), ("b", "b1", "f2"), ("c", "c", "f2"),
    ]
    assert [(f.line, f.column) for f in found] == [(1, 1)] * 4 + [(1, 5)] * 3


def test_finding_fields_come_from_the_rule():
    a = Article()
    a.quantity(2.0)
    [f] = run('rule r:\n  title "T"\n  severity error\n  match q: a quantity\n  message "{q.value} {q.noun_key}"', a)
    assert (f.rule, f.severity, f.title, f.message) == ("r", "error", "T", "2 troop")
    [c] = f.citations
    assert (c.role, c.start, c.end, c.line, c.column, c.end_line, c.end_column, c.text, c.fact) == ("q", 0, 3, 1, 1, 1, 4, "w00", "f1")


@pytest.mark.parametrize("severity", ["info", "warning", "error"])
def test_each_severity_is_reported_as_written(severity):
    a = Article()
    a.quantity(2.0)
    assert [f.severity for f in run(f"rule r:\n  severity {severity}\n  match q: a quantity", a)] == [severity]


def test_the_default_severity_is_warning():
    a = Article()
    a.quantity(2.0)
    assert [f.severity for f in run("rule r: match q: a quantity", a)] == ["warning"]


def test_a_rule_whose_names_cannot_all_be_bound_does_not_fire():
    a = Article()
    a.quantity(2.0)
    assert not fires("rule r: match p: a quantity, q: a quantity", a)
    a.quantity(3.0)
    assert cited(run("rule r: match p: a quantity, q: a quantity", a)) == [["f1", "f2"]]


# ------------------------------------------------ budgets and caps at their limits
def test_an_unless_lookup_that_spends_the_last_unit_still_counts(monkeypatch):
    """Binding q costs its index (a unit a fact) and a step, the unless lookup
    its index, a step and a condition per candidate: with 4 units the rule
    finishes (making the finding is charged after); with 3 it stops in the
    lookup, reports nothing and says so (issue 14: work units, not steps)."""
    import factlint.evaluate.budget as budget

    a = Article()
    a.quantity(5.0)
    rule = "rule r:\n  match q: a quantity\n  unless x: a quantity such that x.value > 100"
    monkeypatch.setattr(budget, "ARTICLE_BUDGET", 4)
    done = report(rule, a)
    assert (cited(done.findings), [n for n in done.notices if "work limit" in n]) == ([["f1"]], [])
    monkeypatch.setattr(budget, "ARTICLE_BUDGET", 3)
    cut = report(rule, a)
    assert cut.findings == [] and [n for n in cut.notices if "work limit" in n] == [
        "rule r was cut short by the article's work limit (it used 3 of 3 units): "
        "none of its 1 `q` candidates (from line 1 on) was fully evaluated"]


def test_a_heavy_rule_cannot_starve_a_cheap_one(monkeypatch):
    """(Issue 14.) The rules share the article's work fairly: a rule over
    every pair of 40 facts, written first, uses its share and is cut short;
    the one-fact rule after it still reports every finding."""
    import factlint.evaluate.budget as budget

    a = Article()
    for v in range(40):
        a.quantity(float(v))
    rules = ("rule heavy:\n  match p: a quantity, q: a quantity\n  where q.value > 1000\n"
             "rule cheap:\n  match q: a quantity\n  where q.value >= 38")
    monkeypatch.setattr(budget, "ARTICLE_BUDGET", 2_000)
    result = report(rules, a)
    assert cited([f for f in result.findings if f.rule == "cheap"]) == [["f39"], ["f40"]]
    assert any(n.startswith("rule heavy was cut short") for n in result.notices)
    assert not any(n.startswith("rule cheap") for n in result.notices)


def test_the_findings_cap_is_noted_once(monkeypatch):
    import factlint.evaluate.evaluator as ev

    a = Article()
    for v in range(6):
        a.quantity(float(v))
    monkeypatch.setattr(ev, "MAX_FINDINGS", 2)
    result = report("rule r: match q: a quantity", a)
    assert cited(result.findings) == [["f1"], ["f2"]]
    assert [n for n in result.notices if "first" in n] == ["rule r reported only its first 2 findings"]


def test_the_documented_limits_are_the_code_s():
    """docs/language.md section 11 states every limit of evaluation."""
    from pathlib import Path

    import factlint.evaluate.assemble as asm
    import factlint.evaluate.budget as budget
    import factlint.evaluate.evaluator as ev

    doc = " ".join((Path(__file__).resolve().parents[1] / "docs" / "language.md").read_text(encoding="utf-8").split())
    for claim in (f"an article may take at most **{budget.ARTICLE_BUDGET:,} units**",
                  f"A rule reports at most **{ev.MAX_FINDINGS:,}** findings per article, all rules together at most **{ev.MAX_ARTICLE_FINDINGS:,}**",
                  f"A finding cites at most **{asm.MAX_CITATIONS:,}** facts",
                  f"a finding carries at most **{asm.MAX_NOTES:,}** notes"):
        assert claim.replace("**", "") in doc.replace("**", ""), claim


# ------------------------------------------------ explain
def explain(source: str, article: Article) -> list[str]:
    from factlint.evaluate.why import explain_rule
    from factlint.text.document import Document
    from factlint.vocab.context import EvalContext
    from meaning import compile_source, lexicons

    doc = Document(article.text)
    return explain_rule(compile_source(source).rules[0], EvalContext(article.facts, lexicons(), doc=doc), doc)[1:]


def test_explain_counts_candidates_and_what_fires():
    a = Article()
    a.quantity(1.0)
    assert explain("rule r: match q: a quantity", a) == ["  q: quantity -> 1 candidate fact", "  it fires: 1 binding, 1 finding"]
    a.quantity(2.0)
    assert explain("rule r:\n  match p: a quantity, q: a quantity\n  where p.value < q.value", a) == [
        "  p: quantity -> 2 candidate facts", "  q: quantity -> 2 candidate facts", "  it fires: 1 binding, 1 finding"]
    assert explain("rule r:\n  match p: a quantity, q: a quantity\n  group by p", a)[-1] == "  it fires: 2 bindings, 2 findings"
    assert explain("rule r:\n  match p: a quantity, q: a quantity\n  where p is the same thing as q\n  group by q", a)[-1] == (
        "  it fires: 2 bindings, 2 findings")


def test_explain_says_why_nothing_fired():
    a = Article()
    a.quantity(1.0)
    assert explain("rule r: match p: a quantity, q: a quantity", a) == [
        "  p: quantity -> 1 candidate fact", "  q: quantity -> 1 candidate fact", "  no candidate binding got as far as a condition"]
    assert explain("rule r: match p: a quantity, q: an age", a) == [
        "  p: quantity -> 1 candidate fact", "  q: age -> 0 candidate facts", "  no fact is age (binding q), so nothing can match"]
    a.quantity(2.0)
    vetoed = explain("rule r:\n  match q: a quantity\n  unless x: a quantity such that x.value > q.value", a)
    assert vetoed[:2] == ["  q: quantity -> 2 candidate facts", "  it fires: 1 binding, 1 finding"]
    b = Article()
    b.quantity(1.0)
    b.quantity(2.0)
    b.quantity(3.0)
    lines = explain("rule r:\n  match q: a quantity\n  unless x: a quantity such that x.value != q.value", b)
    assert lines[0] == "  q: quantity -> 3 candidate facts"
    # the first fact the unless clause found is named
    assert lines[1] == '  vetoed by `unless x: quantity such that x.value != q.value` (found f2 (quantity at 1:5: "w01")) for q=f1 (quantity at 1:1: "w00")'
    assert len(lines) == 4 and lines[2].startswith("  vetoed by ") and lines[2].endswith('for q=f2 (quantity at 1:5: "w01")')
    failed = explain("rule r:\n  match p: a quantity, q: a quantity\n  where p.value > 5", b)
    assert failed[2:5] == ["  closest candidates:", '    p=f1 (quantity at 1:1: "w00")', "      failed: p.value > 5"]


@pytest.mark.parametrize("length, shown", [(60, "x" * 60), (61, "x" * 57 + "\u2026")])
def test_explain_shortens_a_fact_s_text_to_60_characters(length, shown):
    a = Article("x" * length + " end")
    a.quantity(1.0, at="x" * length)
    a.quantity(2.0, at="end")
    lines = explain("rule r:\n  match q: a quantity\n  unless x: a quantity such that x.value != q.value", a)
    assert lines[1].endswith(f'for q=f1 (quantity at 1:1: "{shown}")')


def test_unless_and_note_look_their_fact_up_by_key(monkeypatch):
    """30 quantities of 30 nouns: an unless clause joined by key tries one
    candidate per match and finishes in 1,200 work units (30 findings
    included); a clause that reads q with no key scans 30 candidates per
    match and does not."""
    import factlint.evaluate.budget as budget

    a = Article()
    for i in range(30):
        a.quantity(float(i), noun_key=f"n{i}")
    monkeypatch.setattr(budget, "ARTICLE_BUDGET", 1_200)
    for clause in ("unless x: a quantity such that x is the same thing as q",
                   "note x: a quantity such that x is the same thing as q saying \"{x.value}\""):
        result = report(f"rule r:\n  match q: a quantity\n  {clause}", a)
        assert len(result.findings) == 30 and result.notices == [], clause
    scan = report("rule r:\n  match q: a quantity\n  unless x: a quantity such that x.value > q.value and x.value > 1000", a)
    assert len(scan.findings) < 30 and any("work limit" in n for n in scan.notices)
