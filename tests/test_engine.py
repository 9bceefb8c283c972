"""The engine on hand-built facts: joins, unless, notes, grouping, de-duplication,
date arithmetic, tolerance, text tests, deterministic order and explain."""

from __future__ import annotations

import json
import textwrap

import pytest
from factbuilder import Facts
from factlint.api import check_text, load_rules
from factlint.evaluate.evaluator import match_rule
from factlint.evaluate.index import FactIndex
from factlint.evaluate.why import explain_rule
from factlint.facts.model import (
    DocumentFact,
    EventFact,
    FactSet,
    QuantityFact,
    StatementFact,
)
from factlint.text.document import Document
from factlint.vocab.context import EvalContext

ARTICLE = (
    "Officials deny pullout\n"
    "A letter sent to the ministry said troops will leave the city. "
    "\"There is no plan to leave the city,\" spokesman Ann Lee said. "
    "The army also denied that troops would leave the city. "
    "Chief Bo Kim said the letter was a draft."
)


def rules_from(tmp_path, source: str):
    path = tmp_path / "t.rule"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return load_rules([path], default=False)


def article_facts() -> FactSet:
    f = Facts(ARTICLE)
    topic = ["class:troop-movement", "leave", "city"]
    f.add(DocumentFact, "d1", doc_type="letter", mention=f.span("A letter sent to the ministry"), reported=True,
          content=f.span("troops will leave the city"), topic=topic)
    f.add(StatementFact, "s1", speaker=f.span("spokesman Ann Lee"), cue=f.span("said", 1), content=f.span("There is no plan to leave the city"),
          stance="deny", direct=True, official=True, topic=topic)
    f.add(StatementFact, "s2", speaker=f.span("The army"), cue=f.span("denied"), content=f.span("troops would leave the city"),
          stance="deny", official=True, topic=topic)
    f.add(StatementFact, "s3", speaker=f.span("Chief Bo Kim"), cue=f.span("said", 2), content=f.span("the letter was a draft"),
          stance="retract", official=True, target=f.span("the letter"), target_fact="d1")
    facts = sorted(f.items, key=lambda x: x.start)
    return FactSet(path="a.txt", facts=facts)


DENIAL_RULE = """
    rule denial-vs-document:
      an official denial conflicts with a reported document
      message "{denial.speaker} denies the {document.doc_type}"
      note r: a retraction such that r disavows document saying "{r.speaker}: {r.content}"
      group by document
"""


def test_sentence_rule_groups_denials_per_document_and_notes_the_retraction(tmp_path):
    rules = rules_from(tmp_path, DENIAL_RULE)
    report = check_text(ARTICLE, rules=rules, facts=article_facts())
    assert len(report.findings) == 1
    f = report.findings[0]
    assert f.rule == "denial-vs-document"
    assert f.message == "spokesman Ann Lee and The army denies the letter"
    assert [(c.role, c.text) for c in f.citations] == [
        ("denial", "There is no plan to leave the city"),
        ("denial", "troops would leave the city"),
        ("document", "troops will leave the city"),
    ]
    assert [(n.message, n.citations[0].text) for n in f.notes] == [("Chief Bo Kim: the letter was a draft", "the letter was a draft")]


def test_without_group_by_each_pair_is_a_finding(tmp_path):
    rules = rules_from(tmp_path, "rule r: an official denial conflicts with a reported document")
    report = check_text(ARTICLE, rules=rules, facts=article_facts())
    assert len(report.findings) == 2


def test_unless_vetoes_a_match(tmp_path):
    rules = rules_from(tmp_path, """
        rule r:
          an official denial conflicts with a reported document
          unless a retraction disavows document
    """)
    assert check_text(ARTICLE, rules=rules, facts=article_facts()).findings == []


def test_conditions_on_fields(tmp_path):
    rules = rules_from(tmp_path, """
        lexicon test-cues: "sa*"
        rule r:
          match d: a denial
          where d.cue in lexicon test-cues and d.speaker not in lexicon test-cues and d.content contains "NO PLAN" and d.content matches "leave (the)? city"
            and d.target is missing and d is direct
    """)
    report = check_text(ARTICLE, rules=rules, facts=article_facts())
    assert [c.text for f in report.findings for c in f.citations] == ["There is no plan to leave the city"]


def test_text_equality_ignores_case_and_spacing(tmp_path):
    rules = rules_from(tmp_path, 'rule r:\n match d: a document where d.doc_type = "LETTER"')
    assert len(check_text(ARTICLE, rules=rules, facts=article_facts()).findings) == 1


def quantity_facts(text: str, values):
    f = Facts(text)
    for i, (words, value, approx, key) in enumerate(values, 1):
        f.add(QuantityFact, f"q{i}", value=value, approx=approx, noun=f.span(words), noun_key=key)
    return FactSet(facts=f.items)


@pytest.mark.parametrize(
    "a, b, conflict",
    [
        ((5000, None), (3000, None), True),
        ((5000, "over"), (5200, None), False),
        ((5000, "about"), (5400, None), False),
        ((5000, "nearly"), (5200, None), True),
        ((5000, None), (5000, None), False),
        ((200, "under"), (150, None), False),
        ((200, "at least"), (150, None), True),
    ],
)
def test_differs_from_respects_approximators(tmp_path, a, b, conflict):
    rules = rules_from(tmp_path, "rule r: a quantity differs from a quantity")
    text = "troops here and troops there"
    facts = quantity_facts(text, [("troops", a[0], a[1], "troop"), ("troops", b[0], b[1], "troop")])
    facts.facts[1] = facts.facts[1].model_copy(update={"noun": Facts(text).span("troops", 1), "start": 16, "end": 22, "text": "troops"})
    findings = check_text(text, rules=rules, facts=facts).findings
    assert len(findings) == (1 if conflict else 0)  # one finding, not one per ordered pair


def test_joins_use_the_index_not_all_pairs(tmp_path):
    rules = rules_from(tmp_path, "rule r: a quantity differs from a quantity")
    text = " ".join(f"w{i}" for i in range(300))
    f = Facts(text)
    for i in range(300):
        f.add(QuantityFact, f"q{i}", value=float(i), noun=f.span(f"w{i} ") if False else f.span(f"w{i}"), noun_key=f"noun{i}")
    ctx = EvalContext(f.items, rules.lexicons)
    index = FactIndex(ctx)
    assert match_rule(rules.rules[0], index) == []
    assert index.visited <= 2 * 300  # each fact once, plus itself under its key; a pair scan is 300 * 300


def test_date_arithmetic_and_article_published(tmp_path):
    text = "The vote on Monday. The vote on Friday."
    f = Facts(text)
    f.add(EventFact, "e1", trigger=f.span("vote"), date="2020-01-06", event_key="vote")
    f.add(EventFact, "e2", trigger=f.span("vote", 1), date="2020-01-10", event_key="vote")
    rules = rules_from(tmp_path, """
        rule late:
          match a: an event, b: an event
          where a is the same event as b and a.date > b.date + 3 days and a.date <= article.published
          message "{a.date} is after {b.date}"
    """)
    report = check_text(text, published="2020-01-20", rules=rules, facts=FactSet(facts=f.items))
    assert [x.message for x in report.findings] == ["2020-01-10 is after 2020-01-06"]
    assert check_text(text, published="2020-01-08", rules=rules, facts=FactSet(facts=f.items)).findings == []


def test_tolerance_in_percent(tmp_path):
    rules = rules_from(tmp_path, """
        rule r:
          match p: a quantity, q: a quantity
          where p is the same thing as q and p.value differs by more than 10% from q.value
    """)
    text = "troops and troops"
    for other, fires in ((105.0, False), (120.0, True)):
        f = Facts(text)
        f.add(QuantityFact, "q1", value=100.0, noun=f.span("troops"), noun_key="troop")
        f.add(QuantityFact, "q2", value=other, noun=f.span("troops", 1), noun_key="troop")
        assert len(check_text(text, rules=rules, facts=FactSet(facts=f.items)).findings) == (1 if fires else 0)


def test_findings_are_ordered_by_position_then_rule(tmp_path):
    rules = rules_from(tmp_path, """
        rule b-rule: match d: a denial
        rule a-rule: match d: a denial
    """)
    report = check_text(ARTICLE, rules=rules, facts=article_facts())
    assert [(f.citations[0].start, f.rule) for f in report.findings] == sorted((f.citations[0].start, f.rule) for f in report.findings)
    assert [f.rule for f in report.findings][:2] == ["a-rule", "b-rule"]


def test_explain_names_the_first_failing_condition(tmp_path):
    rules = rules_from(tmp_path, """
        rule r:
          match d: an official denial, doc: a reported document
          where d conflicts with doc and doc is draft
    """)
    facts = article_facts()
    ctx = EvalContext(list(facts.facts), rules.lexicons)
    lines = explain_rule(rules.rules[0], ctx, Document(ARTICLE))
    text = "\n".join(lines)
    assert "held:   d conflicts with doc" in text
    assert "failed: doc is draft" in text


def test_explain_reports_a_binding_with_no_candidates(tmp_path):
    rules = rules_from(tmp_path, "rule r: a confirmation conflicts with a reported document")
    facts = article_facts()
    lines = explain_rule(rules.rules[0], EvalContext(list(facts.facts), rules.lexicons), Document(ARTICLE))
    assert any("no fact is confirmation" in line for line in lines)


def test_explain_option_lists_bound_facts_and_conditions(tmp_path):
    rules = rules_from(tmp_path, DENIAL_RULE)
    f = check_text(ARTICLE, rules=rules, facts=article_facts(), explain=True).findings[0]
    assert f.explanation[0].bound == {"denial": "s1", "document": "d1"}
    assert f.explanation[0].conditions == ["denial conflicts with document"]


def test_a_rule_cut_short_by_the_work_limit_says_what_it_did_not_evaluate(tmp_path, monkeypatch):
    import factlint.evaluate.budget as budget

    rules = rules_from(tmp_path, "rule r: match a: a statement, b: a statement")
    monkeypatch.setattr(budget, "ARTICLE_BUDGET", 11)
    report = check_text(ARTICLE, rules=rules, facts=article_facts())
    assert len(report.findings) == 2  # (s1, s2) and (s1, s3): the first candidate for a was evaluated
    assert report.notices == [
        "rule r was cut short by the article's work limit (it used 11 of 11 units): "
        "2 of its 3 `a` candidates (from line 2 on) were not fully evaluated"
    ]
    monkeypatch.setattr(budget, "ARTICLE_BUDGET", 1)
    [notice] = check_text(ARTICLE, rules=rules, facts=article_facts()).notices
    assert notice.endswith("none of its 3 `a` candidates (from line 2 on) was fully evaluated"), notice


def test_symmetric_matches_are_reported_once_in_one_order(tmp_path):
    rules = rules_from(tmp_path, 'rule r:\n  a quantity differs from a quantity\n  message "{quantity.value} vs {quantity2.value}"')
    text = "troops here and troops there"
    f = Facts(text)
    f.add(QuantityFact, "q1", value=5.0, noun=f.span("troops"), noun_key="troop")
    f.add(QuantityFact, "q2", value=7.0, noun=f.span("troops", 1), noun_key="troop")
    [finding] = check_text(text, rules=rules, facts=FactSet(facts=f.items)).findings
    assert finding.message == "5 vs 7"
    assert [c.role for c in finding.citations] == ["quantity", "quantity2"]


def test_events_without_a_key_are_not_the_same_event(tmp_path):
    rules = rules_from(tmp_path, "rule r: an event differs from an event")
    text = "The vote on Monday. The strike on Friday."
    f = Facts(text)
    f.add(EventFact, "e1", trigger=f.span("vote"), date="2020-01-06")
    f.add(EventFact, "e2", trigger=f.span("strike"), date="2020-01-10")
    assert check_text(text, rules=rules, facts=FactSet(facts=f.items)).findings == []


def test_quantities_in_different_units_neither_differ_nor_agree(tmp_path):
    text = "5 km and 5 troops"
    f = Facts(text)
    f.add(QuantityFact, "q1", value=7.0, unit="km", noun=f.span("km"), noun_key="x")
    f.add(QuantityFact, "q2", value=5.0, noun=f.span("troops"), noun_key="x")
    for rel in ("differs from", "agrees with"):
        rules = rules_from(tmp_path, f"rule r: a quantity {rel} a quantity")
        assert check_text(text, rules=rules, facts=FactSet(facts=f.items)).findings == []


def test_a_qualifier_in_where_is_false_for_kinds_it_does_not_describe(tmp_path):
    rules = rules_from(tmp_path, "rule r:\n  match x: a letter or quantity\n  where x is exact")
    assert check_text(ARTICLE, rules=rules, facts=article_facts()).findings == []


def test_findings_per_rule_are_capped_with_a_notice(tmp_path, monkeypatch):
    import factlint.evaluate.evaluator as ev

    monkeypatch.setattr(ev, "MAX_FINDINGS", 2)
    rules = rules_from(tmp_path, "rule r: match s: a statement")
    report = check_text(ARTICLE, rules=rules, facts=article_facts())
    assert len(report.findings) == 2
    assert report.notices == ["rule r reported only its first 2 findings"]


def test_two_groups_citing_the_same_places_are_one_finding(tmp_path):
    # two quantity facts read from one span (group by makes a group of each):
    # the reader sees one finding, not the same one twice
    rules = rules_from(tmp_path, 'rule r:\n  match a: a quantity, b: a quantity\n  where a differs from b and a.start < b.start\n  group by b')
    text = "5 troops here and 7 troops there"
    f = Facts(text)
    f.add(QuantityFact, "q1", value=5.0, noun=f.span("troops"), noun_key="troop")
    f.add(QuantityFact, "q2", value=7.0, noun=f.span("troops", 1), noun_key="troop")
    f.add(QuantityFact, "q3", value=7.0, noun=f.span("troops", 1), noun_key="troop")
    findings = check_text(text, rules=rules, facts=FactSet(facts=f.items)).findings
    assert len(findings) == 1
    assert [(c.role, c.fact) for c in findings[0].citations] == [("a", "q1"), ("b", "q2")]


@pytest.mark.parametrize(
    "template, direct, shown",
    [
        # never inside quotation marks of the template ...
        ('Quoted: "{d}"', False, 'Quoted: "There is no plan to leave the city"'),
        ("Quoted: \u201c{d}\u201d", False, "Quoted: \u201cThere is no plan to leave the city\u201d"),
        # ... nor someone's own quoted words
        ("Said: {d.content}", True, "Said: There is no plan to leave the city"),
        ("Said: {d}", True, "Said: There is no plan to leave the city"),
    ],
)
def test_a_message_never_changes_quoted_words(tmp_path, template, direct, shown):
    facts = article_facts()
    for fact in facts.facts:
        if fact.kind == "statement":
            fact.direct = direct
    rules = rules_from(tmp_path, f"rule r:\n match d: a denial\n message {json.dumps(template, ensure_ascii=False)}")
    assert check_text(ARTICLE, rules=rules, facts=facts).findings[0].message == shown
