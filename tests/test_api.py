"""The Python API that publishing systems call in-process."""

from __future__ import annotations

import re
from pathlib import Path

import factlint
import pytest


def test_rules_compile_once_and_are_reused():
    rules = factlint.load_rules()
    assert factlint.load_rules() is rules  # the shipped pack is compiled once per process
    r1 = factlint.check_text("Council plans vote\n\nThe council said that that there will be a vote.", rules=rules)
    r2 = factlint.check_text("Another story\n\nNothing happened today.", rules=rules)
    assert [f.rule for f in r1.findings] == ["style/repeated-word"] and r2.findings == []


def test_bad_rules_raise_user_error_with_diagnostics(tmp_path):
    bad = tmp_path / "bad.rule"
    bad.write_text("rule x:\n  a denail conflicts with a letter\n", encoding="utf-8")
    with pytest.raises(factlint.UserError) as info:
        factlint.load_rules([bad])
    d = info.value.diagnostics[0]
    assert (d.code, d.line, d.column) == ("unknown-kind", 2, 5)


def test_bad_published_date_is_a_user_error():
    with pytest.raises(factlint.UserError):
        factlint.check_text("Some text here.", published="yesterday")


def test_public_names():
    assert set(factlint.__all__) >= {"check_text", "check_file", "load_rules", "extract", "Report", "RuleSet", "Finding", "UserError"}


def test_documented_facts_schema_is_current():
    import json
    from pathlib import Path

    from factlint.report.facts import facts_json_schema

    doc = Path(__file__).resolve().parents[1] / "docs" / "facts.schema.json"
    assert json.loads(doc.read_text(encoding="utf-8")) == facts_json_schema(), "regenerate: factlint facts --schema > docs/facts.schema.json"


def test_facts_json_round_trips_through_check(tmp_path):
    import json

    from factlint.report.facts import facts_dict

    text = "Port row\n\nThe ministry denied that the port would close, officials said on Monday.\n"
    rules = factlint.load_rules()
    fs = factlint.extract(text, published="2021-05-04", rules=rules)
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts_dict(fs)), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    direct = factlint.check_file(str(article), published="2021-05-04", rules=rules)
    via_file = factlint.check_file(str(article), published="2021-05-04", rules=rules, facts_path=str(path))
    assert [f.model_dump() for f in via_file.findings] == [f.model_dump() for f in direct.findings]


def test_the_facts_doc_lists_every_field_of_every_kind():
    """docs/facts.md's table names each field a fact kind adds to Fact."""
    from factlint.facts.model import FACT_CLASSES, Fact

    table = {}
    for line in (Path(__file__).resolve().parents[1] / "docs" / "facts.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) == 4 and cells[1] and cells[1] != "kind" and not cells[1].startswith("-"):
            table[cells[1]] = cells[2]
    classes = FACT_CLASSES.values() if isinstance(FACT_CLASSES, dict) else FACT_CLASSES
    for cls in classes:
        kind = cls.model_fields["kind"].default
        for field in set(cls.model_fields) - set(Fact.model_fields):
            assert re.search(rf"\b{field}\b", table.get(kind, "")), (kind, field)
