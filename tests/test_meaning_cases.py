"""What the rule language means, as rules with examples: every
``tests/meaning_cases/*.rule`` holds small rules, each exercising one
construct (context fields, ``within``, ``mentions``, named patterns,
``ignoring punctuation``, negated relations...), whose ``fires`` and
``passes`` examples say what it must and must not match.  One generic
runner checks every example, as ``factlint test`` does, and that the files
load without warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from factlint.api import RuleSet, load_rules
from factlint.selftest import run_examples

FOLDER = Path(__file__).parent / "meaning_cases"
RULES = load_rules([FOLDER], default=False)
CASES = [(r, i) for r in RULES.rules for i in range(len(r.examples))]


@pytest.mark.parametrize("rule, index", CASES, ids=[f"{r.id}:{r.examples[i].kind}:{r.examples[i].pos.line}" for r, i in CASES])
def test_meaning_case(rule, index):
    only = type(rule)(**{**rule.__dict__, "examples": [rule.examples[index]]})
    [result] = run_examples(RuleSet([only], RULES.lexicons))[0].results
    assert result.ok, f"{rule.path}:{result.line}: {result.kind} example: {result.problem}"


def test_the_cases_load_without_warnings():
    assert len(RULES.rules) >= 10
    assert RULES.warnings == [], "\n".join(w.render() for w in RULES.warnings)
