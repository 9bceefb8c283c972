"""The configuration file as a contract: discovery (nearest wins), layering
(file < overrides < flags), `factlint config` provenance, and every mistake an
error with file, line, column and a did-you-mean, exit 2, never ignored."""

from __future__ import annotations

import json
import textwrap

import pytest
from clirun import factlint

SLIP = "Council meets\n\nThe council said that that there was a budget.\n"


def tree(root, files: dict[str, str]):
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def findings(run) -> dict[str, list[tuple[str, str]]]:
    data = json.loads(run.out)
    return {f["path"].split("/")[-1]: [(x["rule"], x["severity"]) for x in f["findings"]] for f in data["files"]}


def test_nearest_config_wins_and_overrides_apply_by_glob(tmp_path):
    tree(tmp_path, {
        "factlint.toml": """
            fail-on = "info"
            [severity]
            "style/repeated-word" = "error"
            [[overrides]]
            files = ["archive/**"]
            severity = { "style/repeated-word" = "info" }
        """,
        "a.txt": SLIP, "archive/old/b.txt": SLIP,
        "desk/pyproject.toml": '[project]\nname = "x"\n[tool.factlint]\nignore = ["style/"]\n',
        "desk/c.txt": SLIP,
        "other/pyproject.toml": '[project]\nname = "no factlint table here"\n', "other/d.txt": SLIP,
    })
    run = factlint("check", "a.txt", "archive/old/b.txt", "desk/c.txt", "other/d.txt", "--format", "json", cwd=tmp_path)
    assert findings(run) == {
        "a.txt": [("style/repeated-word", "error")],
        "b.txt": [("style/repeated-word", "info")],
        "c.txt": [],  # desk/pyproject.toml is nearer and ignores style/
        "d.txt": [("style/repeated-word", "error")],  # a pyproject.toml without [tool.factlint] is passed over
    }
    assert run.code == 1


def test_flags_beat_the_file_and_config_names_one(tmp_path):
    tree(tmp_path, {"factlint.toml": 'select = ["people/"]\nfail-on = "never"\n', "a.txt": SLIP,
                    "elsewhere.toml": 'fail-on = "info"\n'})
    assert findings(factlint("check", "a.txt", "-f", "json", cwd=tmp_path)) == {"a.txt": []}
    run = factlint("check", "a.txt", "-f", "json", "--select", "style", cwd=tmp_path)
    assert findings(run) == {"a.txt": [("style/repeated-word", "info")]} and run.code == 0  # fail-on never, from the file
    assert factlint("check", "a.txt", "--select", "style", "--fail-on", "info", cwd=tmp_path).code == 1
    assert factlint("check", "a.txt", "--config", "elsewhere.toml", cwd=tmp_path).code == 1
    assert factlint("check", "a.txt", "--no-config", "--fail-on", "info", cwd=tmp_path).code == 1


def test_lexicons_can_be_extended_from_the_config(tmp_path):
    text = "Council meets\n\nThe council said that the budget budget was set.\n"
    tree(tmp_path, {"factlint.toml": '[extend-lexicons]\nlegit-doubles = ["budget"]\n', "a.txt": text})
    assert findings(factlint("check", "a.txt", "-f", "json", cwd=tmp_path)) == {"a.txt": []}
    assert findings(factlint("check", "a.txt", "-f", "json", "--no-config", cwd=tmp_path)) == {"a.txt": [("style/repeated-word", "info")]}


def test_rule_paths_are_relative_to_the_config_file(tmp_path):
    tree(tmp_path, {
        "house/dates.rule": 'rule any-date:\n  title "Any date"\n  match t: a date\n  message "date {t.value}"\n',
        "factlint.toml": 'rules = ["house"]\ndefault-rules = false\nfail-on = "info"\n',
        "desk/a.txt": "Council meets\n\nThe council met on 4 May 2021.\n",
    })
    run = factlint("check", "a.txt", "-f", "json", cwd=tmp_path / "desk")
    assert findings(run) == {"a.txt": [("any-date", "warning")]}


def test_config_command_says_where_each_value_came_from(tmp_path):
    tree(tmp_path, {"factlint.toml": 'ignore = ["dates/"]\n\n[[overrides]]\nfiles = ["archive/*.txt"]\nfail-on = "error"\n',
                    "archive/a.txt": SLIP})
    run = factlint("config", "archive/a.txt", "--select", "style,people", cwd=tmp_path)
    assert run.code == 0
    lines = {line.split(" = ")[0]: line for line in run.out.splitlines() if " = " in line}
    assert lines["ignore"].endswith("# factlint.toml:1")
    assert lines["fail-on"].endswith("# factlint.toml:5 ([[overrides]] for archive/*.txt)")
    assert lines["select"].endswith("# --select") and lines["default-rules"].endswith("# default")
    assert "#   style/repeated-word" in run.out and "dates/" not in run.out.split("# rules that run")[1]
    data = json.loads(factlint("config", "archive/a.txt", "-f", "json", cwd=tmp_path).out)
    assert data["config"] == "factlint.toml"
    assert {"key": "fail-on", "value": "error", "source": "factlint.toml:5 ([[overrides]] for archive/*.txt)"} in data["settings"]


# (config text, the error expected: "line:col: error[code] message" fragment, a hint fragment)
ERRORS = [
    ('fail_on = "info"\n', "factlint.toml:1:1: error[config] unknown key `fail_on`", "did you mean `fail-on`?"),
    ('[input]\nformt = "html"\n', "factlint.toml:2:1: error[config] unknown key `input.formt`", "did you mean `format`?"),
    ('fail-on = "warn"\n', "factlint.toml:1:1: error[config] `fail-on`: 'warn' is not one of", "did you mean `warning`?"),
    ('select = "style"\n', "factlint.toml:1:1: error[config] `select`: input should be a valid list, not a string", None),
    ('default-rules = "no"\n', "factlint.toml:1:1: error[config] `default-rules`: input should be a valid boolean, not a string", None),
    ('ignore = ["style", 3]\n', "factlint.toml:1:20: error[config] `ignore[1]`: input should be a valid string, not a number", None),
    ('[[overrides]]\nfiles = ["a/**"]\n[[overrides]]\nselct = ["style"]\n', "factlint.toml:4:1: error[config] unknown key `overrides[1].selct`", "did you mean `select`?"),
    ('[[overrides]]\nignore = ["style"]\n', "factlint.toml:1:3: error[config] `overrides[0].files` is required", None),
    ('select = ["style/repeated-wrd"]\n', "factlint.toml:1:11: error[unknown-rule] no rule id `style/repeated-wrd`", "did you mean `style/repeated-word`?"),
    ('[severity]\n"peple/" = "info"\n', "factlint.toml:2:1: error[unknown-rule] no rule id or id prefix `peple/`", "did you mean `people`?"),
    ('[[overrides]]\nfiles = ["*.txt"]\nignore = ["dates/weekday"]\n', "factlint.toml:3:11: error[unknown-rule] no rule id `dates/weekday`", "did you mean `dates/weekday-mismatch`?"),
    ('[extend-lexicons]\nlegit-double = ["x"]\n', "factlint.toml:2:1: error[unknown-lexicon] no lexicon `legit-double` to extend", "did you mean `legit-doubles`?"),
    ('select = ["style"\n', "factlint.toml:1:18: error[config-syntax] not valid TOML: Unclosed array (at the end of the file)", None),
    ('[input]\nformat = "markdwn"\n', "factlint.toml:2:1: error[config] `input.format`: 'markdwn' is not one of", "did you mean `markdown`?"),
]


@pytest.mark.parametrize("text, expected, hint", ERRORS, ids=[e[1].split("] ")[1][:40] for e in ERRORS])
def test_every_config_mistake_is_an_error_at_its_line(tmp_path, text, expected, hint):
    tree(tmp_path, {"factlint.toml": text, "a.txt": SLIP})
    run = factlint("check", "a.txt", cwd=tmp_path)
    assert run.code == 2 and run.out == ""
    assert expected in run.err, run.err
    if hint:
        assert hint in run.err
    assert "Traceback" not in run.err


def test_a_config_error_is_reported_once_for_many_files(tmp_path):
    tree(tmp_path, {"factlint.toml": "bad = 1\n", "a.txt": SLIP, "b.txt": SLIP})
    run = factlint("check", "a.txt", "b.txt", cwd=tmp_path)
    assert run.code == 2 and run.err.count("unknown key `bad`") == 1


def test_pyproject_errors_point_into_the_tool_table(tmp_path):
    tree(tmp_path, {"pyproject.toml": '[project]\nname = "x"\n\n[tool.factlint]\nfail-on = "sometimes"\n', "a.txt": SLIP})
    run = factlint("check", "a.txt", cwd=tmp_path)
    assert run.code == 2 and "pyproject.toml:5:1: error[config] `fail-on`" in run.err


def test_a_missing_config_named_with_the_flag_is_an_error(tmp_path):
    tree(tmp_path, {"a.txt": SLIP})
    run = factlint("check", "a.txt", "--config", "nope.toml", cwd=tmp_path)
    assert run.code == 2 and "nope.toml: error[missing-file] no such configuration file" in run.err


def test_the_documented_configuration_is_valid():
    """Every ```toml block of docs/configuration.md loads, and its rule ids and lexicons exist."""
    import re
    from pathlib import Path

    from factlint.config.loader import load_config
    from factlint.config.resolve import Flags, Resolver
    from factlint.config.rulesets import RuleSets

    doc = (Path(__file__).resolve().parents[1] / "docs" / "configuration.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```toml\n(.*?)^```", doc, re.M | re.S)
    assert blocks
    for block in blocks:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "factlint.toml"
            path.write_text(block, encoding="utf-8")
            load_config(path)
            for name in ("a.txt", "archive/x/a.md", "wire/a.txt"):
                eff = Resolver(Flags(config=str(path), rules=())).resolve(Path(tmp) / name)
                assert RuleSets().for_settings(eff).rules
