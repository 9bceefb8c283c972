"""The CI integrations gate for real: the GitHub Action's own shell steps run
here, in a git repository with a push that adds a slip, must fail the step
(the vale-action failure mode, a check that never fails, is what this guards
against); a clean change passes; a broken configuration fails with 2.  The
pre-commit hook covers every article format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SLIP = "---\ntitle: Council meets\n---\n\nThe council said that that there was a budget.\n"
CLEAN = "---\ntitle: Council meets\n---\n\nThe council met and agreed the budget.\n"


def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def step(name: str) -> dict:
    return next(s for s in action()["runs"]["steps"] if s["name"] == name)


def test_the_action_is_composite_and_its_scripts_take_inputs_only_through_env():
    data = action()
    assert data["runs"]["using"] == "composite"
    for s in data["runs"]["steps"]:
        assert s["shell"] == "bash"
        assert "${{" not in s["run"], f"{s['name']}: an expression in a script is an injection risk; pass it through env"
    check = step("Check")["run"]
    assert "--format github" in check and "--output \"sarif=$FACTLINT_SARIF\"" in check
    assert "|| true" not in check and "| " not in check.split("factlint check")[1]


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout.strip()


def run_step(name: str, repo: Path, env: dict) -> subprocess.CompletedProcess:
    bindir = str(Path(sys.executable).parent)
    full = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", ""), "RUNNER_TEMP": str(repo.parent / "tmp"),
            "GITHUB_OUTPUT": str(repo.parent / "output.txt"), "GITHUB_ACTION_PATH": str(ROOT), **env}
    (repo.parent / "tmp").mkdir(exist_ok=True)
    return subprocess.run(["bash", "-c", step(name)["run"]], cwd=repo, env=full, capture_output=True, text=True, timeout=300)


def push(tmp_path: Path, files: dict[str, str]) -> tuple[Path, str]:
    """A repository with a first commit, then ``files`` committed on top; (repo, base sha)."""
    repo = tmp_path / "repo"
    repo.mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "factlint.toml").write_text('[severity]\n"style/" = "warning"\n', encoding="utf-8")
    (repo / "old.md").write_text(SLIP, encoding="utf-8")  # an old slip: not changed, not checked
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    base = git(repo, "rev-parse", "HEAD")
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "change")
    return repo, base


def run_action(repo: Path, base: str, **inputs: str) -> subprocess.CompletedProcess:
    found = run_step("Find the articles to check", repo, {"FACTLINT_FILES": inputs.get("files", ""), "FACTLINT_BASE": base})
    assert found.returncode == 0, found.stderr
    outputs = dict(line.split("=", 1) for line in (repo.parent / "output.txt").read_text().splitlines())
    return run_step("Check", repo, {"FACTLINT_LIST": outputs["list"], "FACTLINT_FAIL_ON": inputs.get("fail_on", ""),
                                    "FACTLINT_ARGS": inputs.get("args", ""), "FACTLINT_SARIF": "factlint.sarif"})


def test_a_push_that_adds_a_slip_fails_the_step_with_annotations_and_sarif(tmp_path):
    import jsonschema

    repo, base = push(tmp_path, {"story.md": SLIP, "notes.rst": "not an article"})
    run = run_action(repo, base)
    assert run.returncode == 1, run.stdout + run.stderr
    annotations = [line for line in run.stdout.splitlines() if line.startswith("::")]
    assert annotations == [
        "::warning file=story.md,line=5,col=18,endLine=5,endColumn=27,title=factlint style/repeated-word::\"that\" is repeated"
    ]
    sarif = json.loads((repo / "factlint.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(json.loads((ROOT / "tests" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))).validate(sarif)
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]] == ["story.md"]


def test_a_clean_change_passes_and_fail_on_gates(tmp_path):
    repo, base = push(tmp_path, {"story.md": CLEAN})
    assert run_action(repo, base).returncode == 0
    repo2, base2 = push(tmp_path / "two", {"story.md": SLIP})
    assert run_action(repo2, base2, fail_on="error").returncode == 0
    assert run_action(repo2, base2, fail_on="info").returncode == 1


def test_a_broken_configuration_fails_the_step(tmp_path):
    repo, base = push(tmp_path, {"story.md": CLEAN, "factlint.toml": "fail_on = 'info'\n"})
    run = run_action(repo, base)
    assert run.returncode == 2 and "unknown key `fail_on`" in run.stderr


def test_no_changed_article_passes_with_an_empty_sarif(tmp_path):
    repo, base = push(tmp_path, {"notes.rst": "not an article"})
    run = run_action(repo, base)
    assert run.returncode == 0 and "no articles changed" in run.stdout
    assert json.loads((repo / "factlint.sarif").read_text())["runs"][0]["results"] == []


def test_files_input_checks_what_it_names(tmp_path):
    repo, base = push(tmp_path, {"story.md": CLEAN})
    assert run_action(repo, base, files="old.md").returncode == 1


def test_the_pre_commit_hook_covers_every_article_format():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "factlint" and hook["entry"].startswith("factlint check")
    assert hook["types_or"] == ["markdown", "html", "json", "plain-text"]
    assert hook["language"] == "python"


@pytest.mark.parametrize("doc", ["docs/ci.md"])
def test_the_documented_gitlab_job_runs_factlint_without_swallowing_its_status(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    block = next(b for b in text.split("```yaml\n")[1:] if b.startswith("factlint:")).split("```", 1)[0]
    job = yaml.safe_load(block)["factlint"]
    script = "\n".join(job["script"])
    assert "factlint check" in script and "gitlab=gl-code-quality-report.json" in script and "|| true" not in script
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["when"] == "always"
