"""Suppressions an editor can audit, and the baseline, as a contract.

Each case is an article built around two slips of `style/repeated-word`
("that that" in paragraph A, "the the" in paragraph B) with suppression
comments placed in it; the runner checks which findings remain, how many were
suppressed, and which audit findings (`factlint/...`) cite the comments."""

from __future__ import annotations

import json

import pytest
from clirun import factlint

A = "The council said that that there was a budget."
B = "The mayor said the the plan was ready."
R = "style/repeated-word"


def article(*parts: str) -> str:
    return "Council meets\n\n" + "\n\n".join(parts) + "\n"


# (name, article, remaining findings as (rule, cited text), suppressed count)
CASES = [
    ("nothing suppressed", article(A, B), [(R, "that that"), (R, "the the")], 0),
    ("disable-file", article(f"<!-- factlint-disable-file {R} -- quoting the minister verbatim -->", A, B), [], 2),
    ("disable-file by prefix", article("<!-- factlint-disable-file style/ -- house style checked by the desk -->", A, B), [], 2),
    ("disable ... enable", article(f"<!-- factlint-disable {R} -- as spoken -->", A, f"<!-- factlint-enable {R} -->", B), [(R, "the the")], 1),
    ("disable to the end", article(A, f"<!-- factlint-disable {R} -- as spoken -->", B), [(R, "that that")], 1),
    ("next paragraph only", article(f"<!-- factlint-disable-next-paragraph {R} -- as spoken -->", A, B), [(R, "the the")], 1),
    ("next paragraph, comment inline", article(f"<!-- factlint-disable-next-paragraph {R} -- as spoken --> {A}", B), [(R, "the the")], 1),
    ("two rules in one comment", article(f"<!-- factlint-disable-file people/, {R} -- spoken -->", A),
     [("factlint/unused-suppression", f"<!-- factlint-disable-file people/, {R} -- spoken -->")], 1),
    ("no reason: still suppresses, reported", article(f"<!-- factlint-disable-file {R} -->", A),
     [("factlint/invalid-suppression", f"<!-- factlint-disable-file {R} -->")], 1),
    ("unused", article(A, f"<!-- factlint-disable-next-paragraph {R} -- spoken -->", "Nothing doubled here."),
     [(R, "that that"), ("factlint/unused-suppression", f"<!-- factlint-disable-next-paragraph {R} -- spoken -->")], 0),
    ("unknown rule", article("<!-- factlint-disable-file style/repeated-wrd -- spoken -->", A),
     [("factlint/invalid-suppression", "<!-- factlint-disable-file style/repeated-wrd -- spoken -->"), (R, "that that")], 0),
    ("unknown directive", article(f"<!-- factlint-disabel {R} -- spoken -->", A),
     [("factlint/invalid-suppression", f"<!-- factlint-disabel {R} -- spoken -->"), (R, "that that")], 0),
    ("no rule named", article("<!-- factlint-disable-file -- spoken -->", A),
     [("factlint/invalid-suppression", "<!-- factlint-disable-file -- spoken -->"), (R, "that that")], 0),
    ("enable without disable", article(A, f"<!-- factlint-enable {R} -->"),
     [(R, "that that"), ("factlint/invalid-suppression", f"<!-- factlint-enable {R} -->")], 0),
]


def check_json(tmp_path, text: str, *args: str, name: str = "a.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = factlint("check", path, "--format", "json", "--fail-on", "never", *args)
    assert run.code == 0, run.err
    return json.loads(run.out)


@pytest.mark.parametrize("name, text, remaining, suppressed", CASES, ids=[c[0] for c in CASES])
def test_suppression_cases(tmp_path, name, text, remaining, suppressed):
    data = check_json(tmp_path, text)
    [f] = data["files"]
    assert [(x["rule"], x["citations"][0]["text"]) for x in f["findings"]] == remaining
    assert data["summary"]["suppressed"] == suppressed == len(f["suppressed"])
    for x in f["findings"]:
        c = x["citations"][0]
        assert text[c["start"] : c["end"]] == c["text"]


def test_audit_messages_say_what_is_wrong(tmp_path):
    text = article(f"<!-- factlint-disable-file {R} -->", "<!-- factlint-disabel people/ -- x -->",
                   "<!-- factlint-disable-file style/repeated-wrd -- x -->", A)
    messages = [x["message"] for x in check_json(tmp_path, text)["files"][0]["findings"] if x["rule"].startswith("factlint/")]
    assert any("gives no reason" in m for m in messages)
    assert any("did you mean `factlint-disable`?" in m for m in messages)
    assert any("did you mean `style/repeated-word`?" in m for m in messages)


def test_a_suppressed_finding_keeps_its_reason(tmp_path):
    text = article(f"<!-- factlint-disable-next-paragraph {R} -- the minister's own words -->", A)
    [hidden] = check_json(tmp_path, text)["files"][0]["suppressed"]
    assert hidden["rule"] == R and hidden["suppression"] == {
        "kind": "disable-next-paragraph", "reason": "the minister's own words", "line": 3, "column": 1}


def test_no_suppress_shows_everything_with_the_comment_as_a_note(tmp_path):
    text = article(f"<!-- factlint-disable-file {R} -- quoting -->", A)
    data = check_json(tmp_path, text, "--no-suppress")
    [f] = data["files"][0]["findings"]
    assert f["rule"] == R and data["summary"]["suppressed"] == 0
    assert f["notes"][-1]["message"] == "suppressed by `factlint-disable-file` at line 3: quoting"
    assert f["notes"][-1]["citations"][0]["text"].startswith("<!-- factlint-disable-file")


def test_the_text_summary_counts_suppressed_findings(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(article(f"<!-- factlint-disable-file {R} -- quoting -->", A, B), encoding="utf-8")
    run = factlint("check", p)
    assert run.out.strip().splitlines()[-1] == "no findings in 1 file (2 suppressed by comments in the articles)"


def wordpress(content: str, **more) -> str:
    """A WordPress REST post as WordPress writes it (``/`` escaped as ``\\/``)."""
    post = {"title": {"rendered": "Council meets"}, "content": {"rendered": content}, "date": "2021-05-04T10:00:00", **more}
    return json.dumps(post, indent=1).replace("/", "\\/")


def test_a_json_article_carries_directives_in_a_factlint_field(tmp_path):
    body = f"<p>{A}</p>\n<p>{B}</p>"
    data = check_json(tmp_path, wordpress(body, factlint=[f"disable-file {R} -- wire copy, kept as filed"]), name="post.json")
    assert data["files"][0]["findings"] == [] and data["summary"]["suppressed"] == 2
    found = check_json(tmp_path, wordpress(body, factlint="disable-next-paragraph style/ -- x"), name="post.json")["files"][0]["findings"]
    [f] = [x for x in found if x["rule"].startswith("factlint/")]
    assert f["rule"] == "factlint/invalid-suppression" and "only hold `disable-file`" in f["message"]
    assert f["citations"][0]["text"].startswith('"factlint": "disable-next-paragraph style\\/ -- x"')


def test_comments_inside_html_fields_of_json_work(tmp_path):
    body = f"<p>{A}</p>\n<!-- factlint-disable-next-paragraph {R} -- the mayor's words -->\n<p>{B}</p>"
    data = check_json(tmp_path, wordpress(body), name="post.json")
    assert [x["citations"][0]["text"] for x in data["files"][0]["findings"]] == ["that that"]
    assert data["summary"]["suppressed"] == 1


def test_comments_in_markdown_and_html(tmp_path):
    md = f"---\ntitle: Council meets\n---\n\n{A}\n\n<!-- factlint-disable-next-paragraph {R} -- spoken -->\n\n{B}\n"
    data = check_json(tmp_path, md, name="story.md")
    assert [x["citations"][0]["text"] for x in data["files"][0]["findings"]] == ["that that"]
    html = f"<html><body><article><h1>Council meets</h1><p>{A}</p><!-- factlint-disable-next-paragraph {R} -- spoken --><p>{B}</p></article></body></html>"
    data = check_json(tmp_path, html, name="story.html")
    assert [x["citations"][0]["text"] for x in data["files"][0]["findings"]] == ["that that"]


def test_audit_rules_follow_the_configuration(tmp_path):
    (tmp_path / "factlint.toml").write_text('ignore = ["factlint/unused-suppression"]\n[severity]\n"factlint/" = "error"\n', encoding="utf-8")
    text = article("<!-- factlint-disable-file people/ -- x -->", f"<!-- factlint-disable-file {R} -->", A)
    [f] = check_json(tmp_path, text)["files"][0]["findings"]
    assert (f["rule"], f["severity"]) == ("factlint/invalid-suppression", "error")


# ---------------------------------------------------------------- baseline
def test_baseline_hides_known_findings_and_survives_edits_elsewhere(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(article(A, B), encoding="utf-8")
    made = factlint("baseline", "story.txt", cwd=tmp_path)
    assert made.code == 0 and "baseline: 2 findings in 1 file" in made.err
    (tmp_path / ".factlint-baseline.json").write_text(made.out, encoding="utf-8")
    recorded = json.loads(made.out)
    assert recorded["schema_version"] == 1 and [e["path"] for e in recorded["findings"]] == ["story.txt", "story.txt"]
    # the story is edited: a paragraph added above, one slip re-wrapped, a new slip
    story.write_text(article("A new first paragraph pushes everything down.", A.replace("that that", "that\nthat"), B,
                             "The budget was was late."), encoding="utf-8")
    run = factlint("check", "story.txt", "--baseline", ".factlint-baseline.json", "--format", "json", "--fail-on", "info", cwd=tmp_path)
    data = json.loads(run.out)
    assert [x["citations"][0]["text"] for x in data["files"][0]["findings"]] == ["was was"]
    assert data["summary"]["baselined"] == 2 and run.code == 1
    text = factlint("check", "story.txt", "--baseline", ".factlint-baseline.json", cwd=tmp_path).out
    assert text.strip().splitlines()[-1] == "1 info in 1 file (2 known in the baseline, not shown)"


def test_baseline_counts_repeats(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(article(A), encoding="utf-8")
    (tmp_path / "b.json").write_text(factlint("baseline", "story.txt", cwd=tmp_path).out, encoding="utf-8")
    story.write_text(article(A, A), encoding="utf-8")  # the same slip twice: one is new
    data = json.loads(factlint("check", "story.txt", "--baseline", "b.json", "-f", "json", cwd=tmp_path).out)
    assert len(data["files"][0]["findings"]) == 1 and data["summary"]["baselined"] == 1


@pytest.mark.parametrize("content, message", [
    (None, "no such baseline file"),
    ("{\n  \"findings\": [,]\n}", "b.json:2:16: error[baseline] baseline is not valid JSON"),
    ('{"findings": {}}', "a JSON object with a `findings` list"),
    ('{"schema_version": 2, "findings": []}', "schema_version 2 is not supported"),
    ('{"schema_version": 1, "findings": [{"path": "a.txt"}]}', "findings[0] needs the strings `path`, `rule` and `fingerprint`"),
])
def test_baseline_errors(tmp_path, content, message):
    (tmp_path / "a.txt").write_text(article(A), encoding="utf-8")
    if content is not None:
        (tmp_path / "b.json").write_text(content, encoding="utf-8")
    run = factlint("check", "a.txt", "--baseline", "b.json", cwd=tmp_path)
    assert run.code == 2 and message in run.err and run.out == ""
