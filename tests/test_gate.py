"""The gate: `factlint check`'s exit code for every `--fail-on` level and every
severity, with a test rule per severity (`error` included, which no shipped
rule uses).  The matrix runs the real command line in-process (`cli.main`,
as the `factlint` script does); one case runs it as a subprocess too, to
show the two agree.  Each case also checks the finding was reported with its
severity, so a rule that stops firing cannot pass as "exit 0"."""

from __future__ import annotations

import json
import sys

import pytest
from clirun import factlint

#: severity order, lowest first.  Pinned here.
RANK = {"info": 0, "warning": 1, "error": 2}
LEVELS = ["info", "warning", "error", "never", None]  # None: the default, warning
SLIP = "Council meets\n\nThe council said that that there was a budget.\n"
QUIET = "Council meets\n\nThe council met and agreed the budget.\n"


def expected_exit(severities: list[str], fail_on: str | None) -> int:
    level = fail_on or "warning"
    if level == "never":
        return 0
    return 1 if any(RANK[s] >= RANK[level] for s in severities) else 0


def rule_file(tmp_path, severity: str):
    path = tmp_path / f"gate-{severity}.rule"
    path.write_text(f'rule gate-{severity}:\n  severity {severity}\n  match w: a repetition\n  message "doubled {{w.word}}"\n', encoding="utf-8")
    return path


def cli(capsys, monkeypatch, *args) -> tuple[int, str]:
    from factlint import cli as cli_module

    monkeypatch.setattr(sys, "argv", ["factlint", *map(str, args)])
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    return exit_info.value.code, capsys.readouterr().out


@pytest.mark.parametrize("fail_on", LEVELS, ids=lambda v: f"fail-on-{v or 'default'}")
@pytest.mark.parametrize("severity", [*RANK, None], ids=lambda v: f"severity-{v or 'none'}")
def test_exit_code_for_every_level_and_severity(tmp_path, capsys, monkeypatch, severity, fail_on):
    article = tmp_path / "a.txt"
    article.write_text(SLIP if severity else QUIET, encoding="utf-8")
    rules = rule_file(tmp_path, severity or "error")
    args = ["check", article, "--no-default-rules", "--rules", rules, "--format", "json"]
    if fail_on:
        args += ["--fail-on", fail_on]
    code, out = cli(capsys, monkeypatch, *args)
    findings = json.loads(out)["files"][0]["findings"]
    assert [(f["rule"], f["severity"], f["message"]) for f in findings] == ([(f"gate-{severity}", severity, "doubled that")] if severity else [])
    assert code == expected_exit([severity] if severity else [], fail_on)


@pytest.mark.parametrize("fail_on", LEVELS, ids=lambda v: f"fail-on-{v or 'default'}")
def test_the_highest_severity_of_all_files_decides(tmp_path, capsys, monkeypatch, fail_on):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(SLIP, encoding="utf-8")
    b.write_text(SLIP.replace("that that", "the the"), encoding="utf-8")
    info = rule_file(tmp_path, "info")
    error = tmp_path / "only-b.rule"
    error.write_text('rule only-b:\n  severity error\n  match w: a repetition\n  where w.word = "the"\n', encoding="utf-8")
    args = ["check", a, b, "--no-default-rules", "--rules", info, "--rules", error, "--format", "json"] + (["--fail-on", fail_on] if fail_on else [])
    code, out = cli(capsys, monkeypatch, *args)
    data = json.loads(out)
    assert [[f["severity"] for f in file["findings"]] for file in data["files"]] == [["info"], ["info", "error"]]
    assert {k: data["summary"][k] for k in ("files", "error", "warning", "info")} == {"files": 2, "error": 1, "warning": 0, "info": 2}
    assert code == expected_exit(["info", "info", "error"], fail_on)


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_the_gate_does_not_depend_on_the_format(tmp_path, capsys, monkeypatch, fmt):
    article = tmp_path / "a.txt"
    article.write_text(SLIP, encoding="utf-8")
    rules = rule_file(tmp_path, "error")
    code, out = cli(capsys, monkeypatch, "check", article, "--no-default-rules", "--rules", rules, "--format", fmt)
    assert code == 1
    if fmt == "sarif":
        [result] = json.loads(out)["runs"][0]["results"]
        assert (result["ruleId"], result["level"]) == ("gate-error", "error")
    else:
        assert f"{article}:3:18: error[gate-error] doubled that" in out and out.rstrip().endswith("1 error in 1 file")


def test_an_error_fails_the_default_gate_as_a_subprocess(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SLIP, encoding="utf-8")
    run = factlint("check", article, "--no-default-rules", "--rules", rule_file(tmp_path, "error"))
    assert run.code == 1 and "error[gate-error] doubled that" in run.out


# ------------------------------------------------ the same gate through configuration and suppressions
def config_file(tmp_path, body: str):
    path = tmp_path / "factlint.toml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("fail_on", ["info", "warning", "error", "never"])
@pytest.mark.parametrize("severity", list(RANK))
def test_fail_on_from_the_configuration(tmp_path, capsys, monkeypatch, severity, fail_on):
    article = tmp_path / "a.txt"
    article.write_text(SLIP, encoding="utf-8")
    rules = rule_file(tmp_path, severity)
    cfg = config_file(tmp_path, f'rules = ["{rules.name}"]\ndefault-rules = false\nfail-on = "{fail_on}"\n')
    code, out = cli(capsys, monkeypatch, "check", article, "--config", cfg, "--format", "json")
    assert [f["severity"] for f in json.loads(out)["files"][0]["findings"]] == [severity]
    assert code == expected_exit([severity], fail_on)


@pytest.mark.parametrize("regraded", list(RANK))
@pytest.mark.parametrize("fail_on", ["info", "warning", "error"])
def test_a_severity_set_in_the_configuration_is_the_one_gated(tmp_path, capsys, monkeypatch, regraded, fail_on):
    article = tmp_path / "a.txt"
    article.write_text(SLIP, encoding="utf-8")
    rule_file(tmp_path, "warning")
    cfg = config_file(tmp_path, f'rules = ["gate-warning.rule"]\ndefault-rules = false\nfail-on = "{fail_on}"\n'
                                f'[severity]\n"gate-warning" = "{regraded}"\n')
    code, out = cli(capsys, monkeypatch, "check", article, "--config", cfg, "--format", "json")
    assert [f["severity"] for f in json.loads(out)["files"][0]["findings"]] == [regraded]
    assert code == expected_exit([regraded], fail_on)


def test_the_flag_beats_the_configuration_and_exit_zero_beats_both(tmp_path, capsys, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text(SLIP, encoding="utf-8")
    rule_file(tmp_path, "info")
    cfg = config_file(tmp_path, 'rules = ["gate-info.rule"]\ndefault-rules = false\nfail-on = "never"\n')
    assert cli(capsys, monkeypatch, "check", article, "--config", cfg)[0] == 0
    assert cli(capsys, monkeypatch, "check", article, "--config", cfg, "--fail-on", "info")[0] == 1
    assert cli(capsys, monkeypatch, "check", article, "--config", cfg, "--fail-on", "info", "--exit-zero")[0] == 0


SUPPRESSED = "Council meets\n\n<!-- factlint-disable-next-paragraph gate-error -- quoted verbatim -->\nThe council said that that there was a budget.\n"


@pytest.mark.parametrize("fail_on", ["info", "warning", "error"])
def test_a_suppressed_finding_does_not_fail_the_gate_unless_suppressions_are_off(tmp_path, capsys, monkeypatch, fail_on):
    article = tmp_path / "a.md"
    article.write_text(SUPPRESSED, encoding="utf-8")
    rules = rule_file(tmp_path, "error")
    base = ["check", article, "--no-default-rules", "--rules", rules, "--fail-on", fail_on, "--format", "json"]
    code, out = cli(capsys, monkeypatch, *base)
    assert json.loads(out)["files"][0]["findings"] == [] and code == 0
    code, out = cli(capsys, monkeypatch, *base, "--no-suppress")
    assert [f["severity"] for f in json.loads(out)["files"][0]["findings"]] == ["error"] and code == 1


def test_a_suppression_without_a_reason_is_itself_a_warning_at_the_gate(tmp_path, capsys, monkeypatch):
    article = tmp_path / "a.md"
    article.write_text(SUPPRESSED.replace(" -- quoted verbatim", ""), encoding="utf-8")
    rules = rule_file(tmp_path, "error")
    code, out = cli(capsys, monkeypatch, "check", article, "--no-default-rules", "--rules", rules, "--format", "json")
    found = [(f["rule"], f["severity"]) for f in json.loads(out)["files"][0]["findings"]]
    assert found == [("factlint/invalid-suppression", "warning")]
    assert code == 1  # a warning fails the default gate
    assert cli(capsys, monkeypatch, "check", article, "--no-default-rules", "--rules", rules, "--fail-on", "error")[0] == 0
