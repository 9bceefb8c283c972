"""The command line as a contract: exit codes, formats, `test`, `rules`, `explain`."""

from __future__ import annotations

import json

from clirun import factlint

QUIET = "Council meets\n\nThe council met on Monday and agreed the budget.\n"
SLIP = "Council meets\n\nThe council said that that there was a budget.\n"


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_clean_article_exits_0(tmp_path):
    run = factlint("check", write(tmp_path, "a.txt", QUIET), "--published", "2021-05-04")
    assert run.code == 0 and run.out.strip().endswith("no findings in 1 file")


def test_fail_on_controls_the_exit_code(tmp_path):
    a = write(tmp_path, "a.txt", SLIP)
    assert factlint("check", a).code == 0  # an info finding is below the default (warning)
    assert factlint("check", a, "--fail-on", "info").code == 1
    assert factlint("check", a, "--fail-on", "never").code == 0


def test_json_output_is_one_document_for_all_files(tmp_path):
    a, b = write(tmp_path, "a.txt", SLIP), write(tmp_path, "b.txt", QUIET)
    data = json.loads(factlint("check", a, b, "--format", "json").out)
    assert data["schema_version"] == 1
    assert [f["path"] for f in data["files"]] == [str(a), str(b)]
    [finding] = data["files"][0]["findings"]
    assert finding["rule"] == "style/repeated-word" and finding["citations"][0]["text"] == "that that"


def test_an_input_error_does_not_hide_other_files(tmp_path):
    run = factlint("check", tmp_path / "missing.txt", write(tmp_path, "a.txt", SLIP), "--format", "json")
    assert run.code == 2
    assert json.loads(run.out)["files"][0]["findings"]


def test_no_default_rules_uses_only_given_rules(tmp_path):
    """The article has a shipped rule's slip ("that that") and a date: only the
    user's rule reports, and it does report."""
    r = write(tmp_path, "mine.rule", 'rule any-time:\n  title "Any date"\n  match t: a date\n  message "date {t.value}"\n')
    a = write(tmp_path, "a.txt", SLIP.replace("there was a budget", "there was a budget on Monday"))
    mine = factlint("check", a, "--no-default-rules", "--rules", r, "--published", "2021-05-04", "--fail-on", "info", "--format", "json")
    found = [(f["rule"], f["message"]) for f in json.loads(mine.out)["files"][0]["findings"]]
    assert found == [("any-time", "date 2021-05-03")] and mine.code == 1
    both = factlint("check", a, "--rules", r, "--published", "2021-05-04", "--fail-on", "info", "--format", "json")
    assert {f["rule"] for f in json.loads(both.out)["files"][0]["findings"]} == {"any-time", "style/repeated-word"}


def test_user_rules_can_extend_a_lexicon(tmp_path):
    r = write(tmp_path, "more.rule", 'extend lexicon legit-doubles: "budget"\n')
    text = "Council meets\n\nThe council said that the budget budget was set.\n"
    a = write(tmp_path, "a.txt", text)
    before = json.loads(factlint("check", a, "--format", "json").out)["files"][0]["findings"]
    after = json.loads(factlint("check", a, "--rules", r, "--format", "json").out)["files"][0]["findings"]
    assert [f["rule"] for f in before] == ["style/repeated-word"] and after == []


def test_rules_lists_the_pack_and_docs_print_examples():
    run = factlint("rules")
    assert run.code == 0 and "attribution/denial-vs-document" in run.out and "style/repeated-word" in run.out
    docs = factlint("rules", "--docs").out
    assert "## `style/repeated-word`" in docs and "Example (fires" in docs


def test_test_command_runs_examples_and_fails_on_a_broken_one(tmp_path):
    good = write(tmp_path, "good.rule", 'rule dbl:\n  title "Doubled"\n  match w: a repetition\n  example fires """It was [[the the]] end."""\n  example passes """It was the end."""\n')
    run = factlint("test", good)
    assert run.code == 0 and "dbl" in run.out and "2 passed, 0 failed" in run.out
    bad = write(tmp_path, "bad.rule", 'rule dbl2:\n  title "Doubled"\n  match w: a repetition\n  example passes """It was the the end."""\n')
    run = factlint("test", bad, "--format", "json")
    assert run.code == 1 and json.loads(run.out)["failed"] == 1


def test_explain_says_why_a_rule_did_not_fire(tmp_path):
    run = factlint("explain", "attribution/denial-vs-document", write(tmp_path, "a.txt", QUIET))
    assert run.code == 0 and "no fact is official denial" in run.out


def test_facts_text_and_json(tmp_path):
    a = write(tmp_path, "a.txt", QUIET)
    assert "time" in factlint("facts", a, "--published", "2021-05-04").out
    data = json.loads(factlint("facts", a, "--published", "2021-05-04", "--format", "json").out)
    assert data["schema_version"] == 1 and data["published"] == "2021-05-04"
    t = next(f for f in data["facts"] if f["kind"] == "time")
    assert t["value"] == "2021-05-03" and QUIET[t["start"] : t["end"]] == t["text"]


def test_published_date_from_sidecar_metadata(tmp_path):
    a = write(tmp_path, "a.txt", QUIET)
    write(tmp_path, "a.meta.json", '{"published": "2021-05-04"}')
    data = json.loads(factlint("facts", a, "--format", "json").out)
    assert data["published"] == "2021-05-04"


def test_version():
    run = factlint("--version")
    assert run.code == 0 and run.out.startswith("factlint ")


def test_odd_file_names_give_valid_utf8_output(tmp_path):
    import os

    name = os.fsencode(str(tmp_path)) + b"/caf\xe9 new\nline.txt"
    with open(name, "wb") as fh:
        fh.write(SLIP.encode("utf-8"))
    path = os.fsdecode(name)
    run = factlint("check", path, "--format", "json", "--fail-on", "never")
    data = json.loads(run.out)
    assert data["files"][0]["path"].endswith("caf\\xe9 new\\nline.txt")
    sarif = json.loads(factlint("check", path, "--format", "sarif", "--fail-on", "never").out)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert " " not in uri and "\n" not in uri
    text = factlint("check", path, "--fail-on", "never").out
    assert text.splitlines()[0].endswith('"that" is repeated') and "\\n" in text.splitlines()[0]


def test_a_missing_publication_date_is_noted_once_per_file(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Vote held\n\nThe vote was held on Monday.\n", encoding="utf-8")
    without = factlint("check", story)
    assert without.code == 0
    notes = [line for line in without.err.splitlines() if "no publication date" in line]
    assert len(notes) == 1 and "dates/tense-vs-publication" in notes[0] and notes[0].startswith(str(story))
    assert "no publication date" not in factlint("check", story, "--published", "2024-03-20").err
    (tmp_path / "story.meta.json").write_text('{"published": "2024-03-20"}', encoding="utf-8")
    assert "no publication date" not in factlint("check", story).err


def test_no_note_when_no_rule_reads_the_publication_date(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Vote held\n\nThe vote was held on Monday.\n", encoding="utf-8")
    rule = tmp_path / "mine.rule"
    rule.write_text('rule long-quote:\n  match q: a quote\n  where q.content contains "never"\n', encoding="utf-8")
    assert "no publication date" not in factlint("check", story, "--no-default-rules", "--rules", rule).err


LAID_OUT_WRONG = 'rule first:\n  match d: a denial\nexample passes """Nothing."""\n'


def test_warnings_go_to_stderr_with_a_caret_and_to_json_notices_without_changing_the_exit_code(tmp_path):
    rule = write(tmp_path, "mine.rule", LAID_OUT_WRONG)
    story = write(tmp_path, "a.txt", QUIET)
    run = factlint("check", story, "--published", "2021-05-04", "--rules", rule)
    assert run.code == 0
    assert f"{rule}:3:1: warning[layout] `example` is not indented under `rule first`" in run.err
    assert "3 | example passes" in run.err and "  | ^" in run.err
    data = json.loads(factlint("check", story, "--published", "2021-05-04", "--rules", rule, "--format", "json").out)
    assert [n.split(": ", 1)[1][:16] for n in data["notices"]] == ["warning[layout] "]
    sarif = json.loads(factlint("check", story, "--published", "2021-05-04", "--rules", rule, "--format", "sarif").out)
    [note] = sarif["runs"][0]["invocations"][0]["toolConfigurationNotifications"]
    assert note["descriptor"]["id"] == "layout" and note["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    tested = factlint("test", rule)
    assert tested.code == 0 and "warning[layout]" in tested.err
    assert json.loads(factlint("test", rule, "--format", "json").out)["notices"]


def test_no_notices_key_without_warnings(tmp_path):
    data = json.loads(factlint("check", write(tmp_path, "a.txt", QUIET), "--published", "2021-05-04", "--format", "json").out)
    assert "notices" not in data


def test_a_linked_rules_folder_is_skipped_with_a_warning(tmp_path):
    rules = tmp_path / "rules"
    (rules / "real").mkdir(parents=True)
    (rules / "real" / "one.rule").write_text("rule one:\n  match d: a denial\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "two.rule").write_text("rule two:\n  match d: a denial\n", encoding="utf-8")
    (rules / "linked").symlink_to(elsewhere, target_is_directory=True)
    run = factlint("rules", "--no-default-rules", "--rules", rules)
    assert run.code == 0 and "real/one" in run.out and "two" not in run.out
    checked = factlint("check", write(tmp_path, "a.txt", QUIET), "--no-default-rules", "--rules", rules)
    assert f"{rules / 'linked'}: warning[skipped-link]" in checked.err and checked.code == 0
