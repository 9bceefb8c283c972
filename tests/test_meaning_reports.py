"""What the reporters print, at their limits: the excerpt window and the
underline cut, wide and control characters, the summary line's counts and
plurals, SARIF levels and related locations, JSON counts, the generated
vocabulary and the facts listing."""

from __future__ import annotations

import json

import pytest
from factlint.api import Report, RuleSet
from factlint.evaluate.findings import Finding, Note, cite
from factlint.facts.model import FactSet, Span
from factlint.report.excerpt import CONTEXT, MAX_UNDERLINE, excerpt_lines
from factlint.report.facts import render_facts_text
from factlint.report.json_report import report_dict
from factlint.report.rule_docs import render_vocabulary
from factlint.report.sarif import sarif_dict
from factlint.report.text import render_finding, summary
from factlint.text.document import Document
from factlint.vocab.kinds import KINDS, QUALIFIERS
from factlint.vocab.relations import RELATIONS
from meaning import Article, compile_source, lexicons


def citation(text: str, start: int, end: int, role: str = "x"):
    doc = Document(text)
    return doc, cite(doc, role, Span(start=start, end=end, text=text[start:end]))


def test_context_and_underline_limits_are_pinned():
    assert (CONTEXT, MAX_UNDERLINE) == (24, 72)


@pytest.mark.parametrize("start, before, prefix", [(24, "a" * 24, ""), (25, "a" * 24, "\u2026"), (3, "aaa", "")])
def test_the_excerpt_shows_24_characters_before_the_span(start, before, prefix):
    text = "a" * start + "SPAN" + "b" * 30
    doc, c = citation(text, start, start + 4)
    line, under = excerpt_lines(doc, c, 1, "role")
    assert line == f"1 | {prefix}{before}SPAN{'b' * 24}\u2026"
    assert under == f"  | {' ' * len(prefix + before)}^^^^ role"


@pytest.mark.parametrize("after, suffix", [(24, ""), (25, "\u2026")])
def test_the_excerpt_shows_24_characters_after_the_span(after, suffix):
    text = "SPAN" + "b" * after
    doc, c = citation(text, 0, 4)
    assert excerpt_lines(doc, c, 1, "r")[0] == f"1 | SPAN{'b' * 24}{suffix}"


@pytest.mark.parametrize("length, elided", [(72, False), (73, True)])
def test_a_long_span_is_underlined_for_72_characters(length, elided):
    text = "x" * length + " tail"
    doc, c = citation(text, 0, length)
    under = excerpt_lines(doc, c, 1, "r")[1]
    assert under == "  | " + "^" * 72 + ("\u2026" if elided else "") + " r"


def test_a_span_over_two_lines_says_where_it_ends_and_wide_and_control_characters_line_up():
    doc, c = citation("ab\u5317\u4eac\tcd\nef", 2, 9)
    line, under = excerpt_lines(doc, c, 2, "r")
    assert line == " 1 | ab\u5317\u4eac cd"
    assert under == "   |   ^^^^^^^ r (continues to line 2)"


@pytest.mark.parametrize("severities, text", [
    ([], "no findings in 1 file"),
    (["info"], "1 info in 1 file"),
    (["warning", "warning"], "2 warnings in 1 file"),
    (["info", "error", "warning", "error"], "2 errors, 1 warning, 1 info in 1 file"),
])
def test_the_summary_line(severities, text):
    findings = [Finding(rule="r", severity=s, message="m") for s in severities]
    assert summary([Report(path="a", findings=findings)]) == text
    assert summary([Report(path="a", findings=findings), Report(path="b")]) == text.replace("1 file", "2 files")
    counts = report_dict([Report(path="a", findings=findings)])["summary"]
    assert {k: counts[k] for k in ("files", "error", "warning", "info")} == {"files": 1, **{s: severities.count(s) for s in ("error", "warning", "info")}}


def _finding(severity: str) -> tuple[Document, Finding]:
    text = "one two three\nfour five"
    doc = Document(text)
    c1 = cite(doc, "a", Span(start=0, end=3, text="one"))
    c2 = cite(doc, "b", Span(start=14, end=18, text="four"))
    c3 = cite(doc, "n", Span(start=4, end=7, text="two"))
    return doc, Finding(rule="r", severity=severity, message="msg", line=1, column=1, citations=[c1, c2], notes=[Note(message="nb", citations=[c3])])


@pytest.mark.parametrize("severity, level", [("info", "note"), ("warning", "warning"), ("error", "error")])
def test_sarif_levels_and_related_locations(severity, level):
    _, f = _finding(severity)
    rules = compile_source(f'rule r:\n  severity {severity}\n  match q: a quantity')
    run = sarif_dict([Report(path="dir/a b.txt", findings=[f])], rules)["runs"][0]
    [result] = run["results"]
    assert (result["level"], result["ruleIndex"], run["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"]) == (level, 0, level)
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "dir/a%20b.txt"
    assert loc["region"] == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 4, "charOffset": 0, "charLength": 3,
                             "snippet": {"text": "one"}}
    assert [(r["id"], r["message"]["text"], r["physicalLocation"]["region"]["charOffset"]) for r in result["relatedLocations"]] == [
        (0, "b", 14), (1, "note: nb", 4)]


@pytest.mark.parametrize("line, column, region", [
    (3, 7, {"startLine": 3, "startColumn": 7}), (3, None, {"startLine": 3, "startColumn": 1}), (None, None, None),
])
def test_sarif_notifications_for_rule_warnings(line, column, region):
    from factlint.errors import Diagnostic

    rules = compile_source("rule r:\n  match q: a quantity")
    rules = RuleSet(rules.rules, rules.lexicons, warnings=[Diagnostic("my rules/x.rule", "unused", "unused-pattern", line, column, hint="drop it")])
    [note] = sarif_dict([], rules)["runs"][0]["invocations"][0]["toolConfigurationNotifications"]
    assert (note["level"], note["message"]["text"], note["descriptor"]["id"]) == ("warning", "unused (drop it)", "unused-pattern")
    if region is None:
        assert "locations" not in note
    else:
        loc = note["locations"][0]["physicalLocation"]
        assert (loc["artifactLocation"]["uri"], loc["region"]) == ("my%20rules/x.rule", region)


def test_text_finding_with_notes():
    doc, f = _finding("error")
    assert render_finding(doc, f, "a.txt").splitlines() == [
        "a.txt:1:1: error[r] msg",
        "  |",
        "1 | one two three",
        "  | ^^^ a",
        "2 | four five",
        "  | ^^^^ b",
        "  = note: nb",
        "  |",
        "1 | one two three",
        "  |     ^^^ n",
    ]


def test_a_finding_made_through_the_api_starts_at_line_1_column_1():
    f = Finding(rule="r", severity="info", message="m")
    assert (f.line, f.column, f.citations, f.notes, f.explanation) == (1, 1, [], [], None)


def test_json_leaves_out_the_explanation_unless_asked():
    _, f = _finding("info")
    f.explanation = []
    plain = report_dict([Report(path="a", findings=[f])])["files"][0]["findings"][0]
    assert "explanation" not in plain and report_dict([Report(path="a", findings=[f])], explain=True)["files"][0]["findings"][0]["explanation"] == []


def test_the_vocabulary_lists_every_kind_qualifier_and_relation():
    text = render_vocabulary(RuleSet([], lexicons()))
    lines = text.splitlines()
    for k in KINDS.values():
        assert f"- `{k.name}` ({k.fact_kind}): {k.doc}" in lines
    for q in QUALIFIERS.values():
        assert any(line.startswith(f"- `{q.name}` (on ") and line.endswith(q.doc) for line in lines), q.name
    assert "- `headline` (on any fact): Lies in the headline." in lines
    assert "- `official` (on statement): The speaker holds an official title or is a government body." in lines
    for r in RELATIONS.values():
        assert any(line.startswith(f"- `{r.phrase}` (") for line in lines), r.name
    assert any(line.startswith("- `cites` (report -> document): ") for line in lines)
    assert any(line.startswith("- document types (lexicon `document-words`): ") and "`letter`" in line for line in lines)
    assert any(line.startswith("- `denial-verbs` (") and line.endswith(", lexicons/attribution.rule)") for line in lines)


@pytest.mark.parametrize("length, shown", [(70, "y" * 70), (71, "y" * 69 + "\u2026")])
def test_the_facts_listing_cuts_a_fact_s_text_at_70_characters(length, shown):
    a = Article("y" * length)
    a.quantity(1.0, at="y" * length, topic=[f"k{i}" for i in range(12)])
    lines = render_facts_text(FactSet(path="a.txt", facts=a.facts), a.text).splitlines()
    assert lines[1] == f'   f1 quantity   1:1      "{shown}"'
    assert "                topic: k0 k1 k2 k3 k4 k5 k6 k7 k8 k9 k10 k11" in lines  # twelve: no ellipsis


def test_the_text_report_shows_the_explanation():
    from factlint.evaluate.findings import Explanation

    doc, f = _finding("info")
    f.notes = []
    f.explanation = [Explanation(bound={"a": "f1", "b": "f2"}, conditions=["a is before b"], absent=["x: quantity"])]
    assert render_finding(doc, f, "a.txt").splitlines()[-4:] == [
        "  | ^^^^ b", "  = explain[1]: bound a=f1, b=f2", "      held: a is before b", "      no fact: x: quantity"]


def test_the_facts_listing():
    a = Article()
    a.quantity(5.0, in_headline=True, topic=[f"k{i}" for i in range(13)], noun_modifiers=["us", "uk"])
    a.quantity(6.0, topic=["k1"])
    fs = FactSet(path="a.txt", published=None, facts=a.facts)
    from meaning import TEXT

    lines = render_facts_text(fs, TEXT).splitlines()
    assert lines[0] == "a.txt: 2 facts (published: unknown)"
    assert lines[1] == '   f1 quantity   1:1      "w00"  [headline]'
    assert "                value: 5.0" in lines and "                noun_key: troop" in lines
    assert "                noun_modifiers: us, uk" in lines
    assert "                topic: k0 k1 k2 k3 k4 k5 k6 k7 k8 k9 k10 k11 \u2026" in lines
    assert "                topic: k1" in lines
    assert not any("approx" in line or "definite" in line for line in lines)  # empty fields are left out
    assert json.loads(json.dumps({"n": len(lines)}))["n"] == len(lines)
