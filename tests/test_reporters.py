"""Reporters against golden files.  The article mixes CRLF line ends, emoji
and accented letters, so offsets, columns and caret placement are checked on
exactly the text that breaks naive implementations.

Regenerate after an intended change with FACTLINT_UPDATE_GOLDEN=1."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest
from factbuilder import Facts
from factlint.api import check_text, load_rules
from factlint.facts.model import DocumentFact, FactSet, StatementFact
from factlint.report.json_report import render_json
from factlint.report.text import render_report, summary
from factlint.text.document import Document

GOLDEN = Path(__file__).parent / "golden"
ARTICLE = (
    "Ministère denies 🚢 port closure\r\n"
    "\r\n"
    "A memo sent to the café owners 🎉 said the port will close in June.\r\n"
    "\r\n"
    "“There are no plans to close the port,” said José Núñez, the ministry’s spokesman.\r\n"
    "Later, Zoë Ngata said the memo was a draft.\r\n"
)

RULES = """
    rule denial-vs-memo:
      severity warning
      an official denial conflicts with a reported memo
      message "{denial.speaker} denies what the {memo.doc_type} says"
      note r: a retraction such that r disavows memo saying "{r.speaker} said: {r.content}"
"""


def facts() -> FactSet:
    f = Facts(ARTICLE)
    topic = ["class:port", "port", "close"]
    f.add(DocumentFact, "d1", doc_type="memo", mention=f.span("A memo sent to the café owners 🎉"), reported=True,
          content=f.span("the port will close in June"), topic=topic)
    f.add(StatementFact, "s1", speaker=f.span("José Núñez, the ministry’s spokesman"), cue=f.span("said"),
          content=f.span("There are no plans to close the port"), stance="deny", direct=True, official=True, topic=topic)
    f.add(StatementFact, "s2", speaker=f.span("Zoë Ngata"), cue=f.span("said", 2), content=f.span("the memo was a draft"),
          stance="retract", target=f.span("the memo"), target_fact="d1")
    return FactSet(path="article.txt", facts=sorted(f.items, key=lambda x: x.start))


def report(tmp_path, explain=False):
    path = tmp_path / "r.rule"
    path.write_text(textwrap.dedent(RULES), encoding="utf-8")
    rules = load_rules([path], default=False)
    return check_text(ARTICLE, published="2021-05-04", rules=rules, path="article.txt", facts=facts(), explain=explain)


def assert_golden(name: str, actual: str):
    path = GOLDEN / name
    if os.environ.get("FACTLINT_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert actual == path.read_text(encoding="utf-8")


def test_text_report_golden(tmp_path):
    r = report(tmp_path)
    text = render_report(Document(ARTICLE, "article.txt"), r) + "\n" + summary([r]) + "\n"
    assert_golden("report.txt", text)


def test_json_report_golden(tmp_path):
    assert_golden("report.json", render_json([report(tmp_path)]) + "\n")


def test_json_citations_slice_the_file_as_read(tmp_path):
    data = json.loads(render_json([report(tmp_path)]))
    assert data["schema_version"] == 1
    for finding in data["files"][0]["findings"]:
        for c in finding["citations"] + [c for n in finding["notes"] for c in n["citations"]]:
            assert ARTICLE[c["start"] : c["end"]] == c["text"]
            line_start = sum(len(line) for line in ARTICLE.splitlines(keepends=True)[: c["line"] - 1])
            assert c["start"] == line_start + c["column"] - 1


def test_explain_in_text_report(tmp_path):
    r = report(tmp_path, explain=True)
    text = render_report(Document(ARTICLE, "article.txt"), r)
    assert "= explain[1]: bound denial=s1, memo=d1" in text
    assert "held: denial conflicts with memo" in text


def test_sarif_output_validates_against_the_oasis_schema(tmp_path):
    import jsonschema
    from factlint.report.sarif import sarif_dict

    r = report(tmp_path)
    path = tmp_path / "r.rule"
    rules = load_rules([path], default=False)
    doc = sarif_dict([r], rules)
    schema = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(doc)
    [result] = doc["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert ARTICLE[region["charOffset"] : region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
    assert result["level"] == "warning" and result["ruleId"] == "denial-vs-memo"
    assert [loc["message"]["text"] for loc in result["relatedLocations"]] == ["memo", "note: Zoë Ngata said: the memo was a draft"]


@pytest.mark.parametrize("source, expected", [
    ("Denial by {x.speaker}", "Denial by a spokesman"),  # mid-sentence: the sentence capital goes
    ("{x.speaker} denied it", "A spokesman denied it"),  # opening the message: it stays
])
def test_message_placeholders_lose_a_sentence_opening_capital_mid_sentence(source, expected):
    from factlint.lang.compiled import Template
    from factlint.lexicon import Lexicons
    from factlint.vocab.context import EvalContext

    text = "A spokesman denied it."
    fact = factlint_fact(text)
    ctx = EvalContext(facts=[fact], lexicons=Lexicons())
    assert Template.parse(source).render([{"x": fact}], ctx) == expected


def factlint_fact(text: str):
    from factlint.facts.model import Span, StatementFact

    return StatementFact(
        id="s1", start=0, end=len(text), text=text, speaker=Span.of(text, 0, 11), cue=Span.of(text, 12, 18),
        content=Span.of(text, 19, 21), speaker_type="person",
    )


# ---------------------------------------------------------------- every --format, golden
def run_of(tmp_path):
    """A run of one file: the report above plus a finding a suppression comment hid."""
    from factlint.evaluate.findings import Suppression
    from factlint.run.results import Checked, Results

    r = report(tmp_path)
    hidden = r.findings[0].model_copy(update={"suppression": Suppression(kind="disable-file", reason="checked with the desk", line=1, column=1)})
    r = r.model_copy(update={"suppressed": [hidden]})
    rules = load_rules([tmp_path / "r.rule"], default=False)
    return Results(rules, checked=[Checked(r, ARTICLE)])


@pytest.mark.parametrize("fmt, golden", [
    ("compact", "report.compact.txt"), ("github", "report.github.txt"), ("junit", "report.junit.xml"),
    ("gitlab", "report.gitlab.json"), ("sarif", "report.sarif.json"), ("html", "report.html"),
])
def test_every_format_golden(tmp_path, fmt, golden):
    from factlint.report.formats import render

    assert_golden(golden, render(fmt, run_of(tmp_path)) + "\n")


def test_every_summary_counts_suppressed_findings(tmp_path):
    from factlint.report.formats import render

    run = run_of(tmp_path)
    for fmt in ("text", "compact", "github"):
        assert "(1 suppressed by comments in the articles)" in render(fmt, run).splitlines()[-1], fmt
    assert json.loads(render("json", run))["summary"]["suppressed"] == 1
    assert 'skipped="1"' in render("junit", run)
    sarif = json.loads(render("sarif", run))
    assert [r.get("suppressions") for r in sarif["runs"][0]["results"]] == [None, [{"kind": "inSource", "justification": "checked with the desk"}]]


def test_github_commands_escape_what_could_end_or_inject_a_command():
    from factlint.api import Report
    from factlint.evaluate.findings import Finding
    from factlint.report.github import render_github

    f = Finding(rule="x/y", severity="error", message="100% sure\n::error::injected", line=2, column=3)
    out = render_github([Report(path="a,b:c.txt", findings=[f])])
    first = out.splitlines()[0]
    assert first == "::error file=a%2Cb%3Ac.txt,line=2,col=3,title=factlint x/y::100%25 sure%0A::error::injected"
    assert len(out.splitlines()) == 2  # the command and the summary: nothing injected on its own line


def test_junit_is_well_formed_xml_even_with_control_characters():
    import xml.etree.ElementTree as ET

    from factlint.api import Report
    from factlint.evaluate.findings import Finding
    from factlint.report.junit import render_junit

    f = Finding(rule="x/y", severity="warning", message="a \x0b<b>&\x1f", line=1, column=1)
    root = ET.fromstring(render_junit([Report(path="<a>.txt", findings=[f]), Report(path="clean.txt")]))
    assert root.get("tests") == "2" and root.get("failures") == "1"
    assert root.find("testsuite/testcase/failure").get("message") == "a <b>&"


def test_sarif_has_rule_help_and_partial_fingerprints_and_validates(tmp_path):
    import jsonschema
    from factlint.report.formats import render

    doc = json.loads(render("sarif", run_of(tmp_path)))
    schema = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(doc)
    [rule] = doc["runs"][0]["tool"]["driver"]["rules"]
    assert rule["help"]["text"] and rule["help"]["markdown"].startswith("**")
    prints = [r["partialFingerprints"]["factlint/v1"] for r in doc["runs"][0]["results"]]
    assert len(prints[0]) == 32 and prints[0] == prints[1]  # the same finding, shown and suppressed
