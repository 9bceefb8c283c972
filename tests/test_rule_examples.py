"""Every example of every shipped rule, one pytest case each (what
`factlint test` runs), plus the shape every shipped rule must have: a title,
a rationale, a message, and at least two `fires` and two `passes` examples."""

from __future__ import annotations

import pytest
from factlint.api import RuleSet, load_rules
from factlint.selftest import run_examples

RULES = load_rules()
CASES = [(r, i) for r in RULES.rules for i in range(len(r.examples))]


@pytest.mark.parametrize("rule, index", CASES, ids=[f"{r.id}:{r.examples[i].kind}:{r.examples[i].pos.line}" for r, i in CASES])
def test_rule_example(rule, index):
    single = RuleSet([rule], RULES.lexicons)
    rule_only_this = type(rule)(**{**rule.__dict__, "examples": [rule.examples[index]]})
    [result] = run_examples(RuleSet([rule_only_this], single.lexicons))[0].results
    assert result.ok, f"{rule.path}:{result.line}: {result.kind} example: {result.problem}"


@pytest.mark.parametrize("rule", RULES.rules, ids=[r.id for r in RULES.rules])
def test_shipped_rule_is_documented_and_exemplified(rule):
    assert rule.title and rule.title != rule.name, "a shipped rule needs a title"
    assert rule.rationale and len(rule.rationale.split()) >= 15, "a shipped rule needs a rationale saying why it matters"
    assert rule.message.source, "a shipped rule needs a message"
    kinds = [e.kind for e in rule.examples]
    assert kinds.count("fires") >= 2 and kinds.count("passes") >= 2, "at least two fires and two passes examples"


def test_generated_rule_docs_are_current():
    """docs/rules.md is `factlint rules --docs`: regenerate it when a rule changes."""
    from pathlib import Path

    from factlint.report.rule_docs import render_rule_docs

    doc = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
    assert doc.read_text(encoding="utf-8") == render_rule_docs(RULES) + "\n", "regenerate: factlint rules --docs > docs/rules.md"
