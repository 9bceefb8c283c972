"""Bad input never produces a traceback: each case gets a one-line error that
names the file (and, for rule files, line, column and a caret) and exit 2."""

from __future__ import annotations

import json

import pytest
from clirun import factlint

ARTICLE = "Mayor denies plan\n\nThe mayor said there are no plans to close the port.\n"


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def assert_input_error(run, name: str, words: str):
    assert run.code == 2, run
    assert "Traceback" not in run.err
    first = run.err.splitlines()[0]
    assert name in first and words in first, first


def test_missing_file(tmp_path):
    assert_input_error(factlint("check", tmp_path / "nope.txt"), "nope.txt", "no such file")


def test_directory(tmp_path):
    assert_input_error(factlint("check", tmp_path), str(tmp_path), "folder with no article files")


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("  \n", encoding="utf-8")
    assert_input_error(factlint("check", p), "empty.txt", "empty")


def test_binary_file(tmp_path):
    p = tmp_path / "image.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    run = factlint("check", p)
    assert_input_error(run, "image.png", "binary")
    assert run.out == ""  # no misleading "no findings" summary


def test_invalid_utf8(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Caf\xe9 news said so.\n".encode("latin-1"))
    assert_input_error(factlint("check", p), "latin1.txt", "not valid UTF-8")


def test_ten_megabyte_file(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_text(("The council said it would meet. " * 40 + "\n") * 8200, encoding="utf-8")
    assert p.stat().st_size > 10_000_000
    assert_input_error(factlint("check", p), "huge.txt", "MB")


def test_rule_file_syntax_error(article, tmp_path):
    r = tmp_path / "bad.rule"
    r.write_text("rule x:\n  severity loud\n  an official denial conflicts with a reported letter\n", encoding="utf-8")
    run = factlint("check", article, "--rules", r)
    assert_input_error(run, "bad.rule:2:12", "severity")
    lines = run.err.splitlines()
    assert lines[2].endswith("severity loud") and lines[3].index("^") == lines[2].index("loud")


def test_rule_file_unknown_field(article, tmp_path):
    r = tmp_path / "field.rule"
    r.write_text("rule x:\n  match d: a denial\n  where d.speeker = \"x\"\n", encoding="utf-8")
    run = factlint("check", article, "--rules", r)
    assert_input_error(run, "field.rule:3:9", "no field `speeker`")
    assert "did you mean `speaker`" in run.err


def test_facts_file_failing_validation(article, tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"schema_version": 1, "facts": [{"id": "s1", "kind": "statement", "start": 0, "end": 5, "text": "Mayor"}]}), encoding="utf-8")
    assert_input_error(factlint("check", article, "--facts", facts), "facts.json", "invalid fact")


def test_facts_file_span_not_matching_article(article, tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"schema_version": 1, "facts": [{"id": "t1", "kind": "time", "start": 0, "end": 5, "text": "Nope!"}]}), encoding="utf-8")
    assert_input_error(factlint("check", article, "--facts", facts), "facts.json", "does not match the article")


def test_facts_file_not_json(article, tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text("{not json", encoding="utf-8")
    assert_input_error(factlint("check", article, "--facts", facts), "facts.json", "not valid JSON")


def test_bad_published_date(article):
    assert_input_error(factlint("check", article, "--published", "2020-13-45"), "--published", "YYYY-MM-DD")


def test_unknown_option_is_a_usage_error(article):
    run = factlint("check", article, "--frobnicate")
    assert run.code == 2 and "Traceback" not in run.err


def test_unknown_rule_in_explain(article):
    assert_input_error(factlint("explain", "no/such-rule", article), "no/such-rule", "no rule with this id")


def test_rule_file_cannot_run_code(article, tmp_path):
    """Rule text is data: Python in strings, patterns or names is never evaluated."""
    marker = tmp_path / "pwned"
    r = tmp_path / "evil.rule"
    r.write_text(
        "rule evil:\n"
        "  match d: a denial\n"
        f"  where d.content matches \"(?P<x>__import__('os').system('touch {marker}'))\"\n"
        f"  message \"{{d.__class__.__init__.__globals__}} __import__('os').system('touch {marker}')\"\n",
        encoding="utf-8",
    )
    run = factlint("check", article, "--rules", r)
    assert not marker.exists()
    assert run.code == 2 and "bad-placeholder" in run.err


def test_conditions_nested_too_deeply(article, tmp_path):
    r = tmp_path / "deep.rule"
    r.write_text("rule deep:\n  match q: a quantity\n  where " + "not " * 3000 + "q.value > 1\n", encoding="utf-8")
    assert_input_error(factlint("check", article, "--rules", r), "deep.rule", "nested too deeply")


def test_deeply_nested_json_facts_and_metadata(article, tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text("[" * 100_000, encoding="utf-8")
    assert_input_error(factlint("check", article, "--facts", facts), "facts.json", "nested too deeply")
    (tmp_path / "a.meta.json").write_text("[" * 50_000, encoding="utf-8")
    assert_input_error(factlint("check", article), "a.meta.json", "cannot read metadata")


def test_facts_span_ending_before_it_starts(article, tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"schema_version": 1, "facts": [{"id": "t1", "kind": "time", "start": 9, "end": 3, "text": ""}]}), encoding="utf-8")
    run = factlint("check", article, "--facts", facts)
    assert run.code == 2 and "Traceback" not in run.err and "facts.json" in run.err


def test_facts_spans_in_lists_are_checked(article, tmp_path):
    facts = tmp_path / "facts.json"
    bad = {"id": "n1", "kind": "entity", "start": 0, "end": 5, "text": "Mayor", "name": "Mayor",
           "mentions": [{"start": 0, "end": 5, "text": "Nopes"}]}
    facts.write_text(json.dumps({"schema_version": 1, "facts": [bad]}), encoding="utf-8")
    assert_input_error(factlint("check", article, "--facts", facts), "facts.json", "mentions[0]")


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "2020-1-7"])
def test_publication_dates_out_of_range_or_form(article, date):
    assert_input_error(factlint("check", article, "--published", date), "--published", date)


def test_extreme_dates_in_the_text_do_not_crash(tmp_path):
    p = tmp_path / "far.txt"
    p.write_text("Far future\n\nOn Dec. 31, 9999, and a day after that, and on Jan. 1, 1, they met.\n", encoding="utf-8")
    run = factlint("check", p, "--published", "9000-12-31")
    assert run.code in (0, 1) and "Traceback" not in run.err


def test_a_fifo_in_a_rules_folder_is_refused_not_read(article, tmp_path):
    import os

    rules = tmp_path / "rules"
    rules.mkdir()
    os.mkfifo(rules / "blocked.rule")
    assert_input_error(factlint("check", article, "--rules", rules), "blocked.rule", "not a regular rule file")


def test_a_symlink_in_a_rules_folder_is_refused(article, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "outside.rule").symlink_to("/etc/passwd")
    assert_input_error(factlint("check", article, "--rules", rules), "outside.rule", "link")


def test_no_rules_at_all_is_an_error(article, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert_input_error(factlint("check", article, "--no-default-rules", "--rules", empty), str(empty), "no rules")
    assert_input_error(factlint("test", empty), str(empty), "no rules")


def test_a_huge_lexicon_is_refused(article, tmp_path):
    r = tmp_path / "huge.rule"
    r.write_text("extend lexicon person-titles: " + ", ".join(f'"x{i}*"' for i in range(600)) + "\n", encoding="utf-8")
    assert_input_error(factlint("check", article, "--rules", r), "huge.rule", "lexicon `person-titles` has")
