"""Hostile and loose input (issue 14): each case is one bad file or argument
and the one-line error it must give (exit 2, the file named, the field or
the cause said as it is), never a traceback, a usage error for the whole run
or a silent default.

A case is (id, files to write, arguments, words the first error line must
hold).  Files are written under a temporary folder; ``{tmp}`` in an argument
is that folder.  ``ARTICLE`` is a small valid article, ``FACT`` a valid fact
of it that a case spoils one field of.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from clirun import factlint

ARTICLE = "Mayor denies plan\n\nThe mayor said there are no plans to close the port.\n"
FACT = {"id": "t1", "kind": "time", "start": 0, "end": 5, "text": "Mayor", "sentence": 0, "paragraph": 0}
QUANTITY = {"id": "q1", "kind": "quantity", "start": 0, "end": 5, "text": "Mayor", "value": 5,
            "figure": {"start": 0, "end": 5, "text": "Mayor"}}


def facts_json(*facts: dict, **top) -> str:
    return json.dumps({"schema_version": 1, **top, "facts": list(facts)})


def spoil(**fields) -> dict:
    return {**FACT, **fields}


CASES = [
    # --facts: every error while reading it is one line, exit 2
    ("facts-huge-integer", {"f.json": '{"schema_version": 1, "facts": [{"start": ' + "9" * 5000 + "}]}"}, ["--facts", "f.json"],
     ["f.json", "not valid facts JSON", "4300"]),
    ("facts-NaN-literal", {"f.json": facts_json(QUANTITY).replace('"value": 5', '"value": NaN')}, ["--facts", "f.json"],
     ["f.json", "NaN is not a JSON number"]),
    ("facts-infinite-number", {"f.json": facts_json(QUANTITY).replace('"value": 5', '"value": 1e999')}, ["--facts", "f.json"],
     ["f.json", "q1", "value", "not a finite number"]),
    ("facts-start-false", {"f.json": facts_json(spoil(start=False))}, ["--facts", "f.json"], ["f.json", "facts.0", "start", "integer"]),
    ("facts-start-string", {"f.json": facts_json(spoil(start="0"))}, ["--facts", "f.json"], ["f.json", "facts.0", "start", "integer"]),
    ("facts-negative-sentence", {"f.json": facts_json(spoil(sentence=-1))}, ["--facts", "f.json"], ["f.json", "t1", "sentence", "negative"]),
    ("facts-negative-paragraph", {"f.json": facts_json(spoil(paragraph=-7))}, ["--facts", "f.json"], ["f.json", "paragraph", "negative"]),
    ("facts-impossible-published", {"f.json": facts_json(FACT, published="2020-02-30")}, ["--facts", "f.json"],
     ["f.json", "`published`", "2020-02-30"]),
    ("facts-published-number", {"f.json": facts_json(FACT, published=20200101)}, ["--facts", "f.json"], ["f.json", "`published`", "20200101"]),
    ("facts-schema-version-true", {"f.json": json.dumps({"schema_version": True, "facts": []})}, ["--facts", "f.json"],
     ["f.json", "schema_version"]),
    ("facts-is-a-folder", {"f.json/x": "{}"}, ["--facts", "f.json"], ["f.json", "is a directory, not a facts file"]),
    # sidecars: a value that is there must be a date
    ("sidecar-published-zero", {"a.meta.json": '{"published": 0}'}, [], ["a.meta.json", "`published`", "0"]),
    ("sidecar-published-false", {"a.meta.json": '{"published": false}'}, [], ["a.meta.json", "`published`", "false"]),
    ("sidecar-published-empty", {"a.meta.json": '{"published": ""}'}, [], ["a.meta.json", "`published`", "YYYY-MM-DD"]),
    ("sidecar-full-width-digits", {"a.meta.json": '{"published": "\uff12\uff10\uff12\uff10-01-07"}'}, [],
     ["a.meta.json", "`published`", "YYYY-MM-DD"]),
    ("sidecar-arabic-digits", {"a.meta.json": '{"published": "\u0662\u0660\u0662\u0660-01-07"}'}, [], ["a.meta.json", "YYYY-MM-DD"]),
    ("sidecar-NaN", {"a.meta.json": '{"published": NaN}'}, [], ["a.meta.json", "cannot read metadata"]),
    ("published-option-full-width", {}, ["--published", "\uff12\uff10\uff12\uff10-01-07"], ["--published", "YYYY-MM-DD"]),
    # articles
    ("nul-byte-after-8-KB", {"b.txt": "The council met. " * 600 + "\x00 and more text.\n"}, ["b.txt"],
     ["b.txt", "binary", "NUL byte at byte offset 10200"]),
    ("controls-after-4-KB", {"b.txt": "The council met. " * 300 + "\x1b[2J\x07" * 2000 + "\n"}, ["b.txt"], ["b.txt", "binary", "control characters"]),
    ("two-MB-and-one-byte", {"big.txt": "a " * (1024 * 1024) + "a"}, ["big.txt"],
     ["big.txt", "2,097,153 bytes", "up to 2 MB (2,097,152 bytes)"]),
    ("symlink-loop", {"@loop1": "loop2", "@loop2": "loop1"}, ["loop1"], ["loop1", "symbolic link loop"]),
    ("part-of-path-is-a-file", {}, ["a.txt/b.txt"], ["a.txt/b.txt", "not a folder"]),
]


def write(tmp_path, files: dict[str, str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for name, content in files.items():
        if name.startswith("@"):
            (tmp_path / name[1:]).symlink_to(content)
            continue
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode("utf-8"))


@pytest.mark.parametrize("case_id, files, args, words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_exit_2(tmp_path, case_id, files, args, words):
    write(tmp_path, files)
    paths = [a for a in args if a.endswith((".txt", "loop1"))]
    options = [a for a in args if a not in paths]
    run = factlint("check", *(paths or ["a.txt"]), *options, cwd=tmp_path)
    assert run.code == 2, (run.code, run.err)
    assert "Traceback" not in run.err and "Usage:" not in run.err
    first = run.err.splitlines()[0]
    for w in words:
        assert w in first, (w, first)


def test_usage_line_names_the_arguments():
    run = factlint("check")  # PATH is optional (--files-from can give the paths): factlint says what is missing
    assert run.code == 2
    assert run.err.splitlines()[0] == "factlint check: error[usage] give article files or folders (or --files-from LIST, or - for stdin)"
    usage = next(line for line in factlint("check", "--help").out.splitlines() if "Usage:" in line).strip()
    assert usage.endswith("check [OPTIONS] [PATH]...") and "{" not in usage, usage


# ------------------------------------------------------------ unreadable files
def _as_other_user() -> list[str] | None:
    """A command prefix that runs as an unprivileged user (root reads every file)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if setpriv else None


def _run_unprivileged(tmp_path, *args):
    prefix = _as_other_user()
    if prefix is None:
        pytest.skip("running as root without setpriv: cannot make a file unreadable")
    os.chmod(tmp_path, 0o755)
    proc = subprocess.run([*prefix, sys.executable, "-m", "factlint", "check", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=tmp_path, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    return proc


@pytest.mark.parametrize("where", ["file", "folder", "facts"])
def test_an_unreadable_file_is_reported_and_the_others_checked(tmp_path, where):
    write(tmp_path, {})
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    if where == "folder":
        (tmp_path / "closed").mkdir()
        (tmp_path / "closed" / "c.txt").write_text(ARTICLE, encoding="utf-8")
        (tmp_path / "closed").chmod(0)
        proc = _run_unprivileged(tmp_path, "ok.txt", "closed/c.txt")
        bad, words = "closed/c.txt", "folder on the way"
    elif where == "facts":
        (tmp_path / "f.json").write_text(facts_json(FACT), encoding="utf-8")
        (tmp_path / "f.json").chmod(0)
        proc = _run_unprivileged(tmp_path, "ok.txt", "--facts", "f.json")
        bad, words = "f.json", "permission denied"
    else:
        (tmp_path / "a.txt").chmod(0)
        proc = _run_unprivileged(tmp_path, "a.txt", "ok.txt")
        bad, words = "a.txt", "permission denied"
    assert proc.returncode == 2, proc
    assert "Usage:" not in proc.stderr and "Traceback" not in proc.stderr
    line = next(ln for ln in proc.stderr.splitlines() if "error[" in ln)
    assert line.startswith(bad) and words in line, line
    if where != "facts":
        assert "in 1 file" in proc.stdout  # ok.txt was still checked


# ------------------------------------------------------- output to a terminal
def test_control_characters_never_reach_the_terminal(tmp_path):
    """An escape sequence or a bidirectional override in the article is
    escaped in a message and blanked in an excerpt, never written as is."""
    (tmp_path / "a.txt").write_text("Headline here\n\nThe minister said the port \x1b[2Jwould be sold\u202e soon.\n", encoding="utf-8")
    (tmp_path / "s.rule").write_text('rule s:\n  match s: a statement\n  message "{s.content}"\n', encoding="utf-8")
    run = factlint("check", "a.txt", "--rules", "s.rule", "--no-default-rules", cwd=tmp_path)
    assert run.code == 1, run.err
    assert "\x1b" not in run.out and "\u202e" not in run.out
    assert "the port \\x1b[2Jwould be sold\\u202e soon" in run.out


def test_a_rule_file_with_hundreds_of_errors_stops_at_fifty(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.rule").write_text("".join(f"rule r{i}: match x: a foo{i}\n" for i in range(300)), encoding="utf-8")
    run = factlint("check", "a.txt", "--rules", "bad.rule", cwd=tmp_path)
    assert run.code == 2 and "Traceback" not in run.err
    lines = run.err.splitlines()
    assert sum(1 for ln in lines if "error[unknown-kind]" in ln) == 50
    assert lines[-1] == "... checking stopped after 50 errors; fix these and run again"


def test_a_long_rule_line_is_shown_around_the_caret(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "long.rule").write_text("rule x: match y: a " + "z" * 5000 + " " + "w" * 1000 + "\n", encoding="utf-8")
    run = factlint("check", "a.txt", "--rules", "long.rule", cwd=tmp_path)
    assert run.code == 2
    assert max(len(ln) for ln in run.err.splitlines()) < 500, run.err[:600]
