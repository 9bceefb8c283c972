"""Fuzzing every way into factlint (issue 14): article text, rule files,
facts files, sidecars and command-line arguments, through the real command
line, with the properties of ``fuzzing.check_run``: exit 0, 1 or 2 only,
factlint's own one-line errors, every citation slicing the article to its
text, and the same output twice.

How many examples: ``FACTLINT_FUZZ=dev`` (each test run, the default: a few
seconds), ``ci`` (``.ci/run``) or ``nightly`` (thousands; see
docs/security.md, which also describes the coverage-guided harness).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import fuzzing
from fuzzing import article_text, check_twice, cli_arguments, facts_document, rule_file, run_cli, sidecar
from hypothesis import given, settings
from hypothesis import strategies as st

settings.load_profile(fuzzing.PROFILE)

SEED_TEXT = fuzzing.SEED.read_text(encoding="utf-8")


def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="factlint-fuzz-"))


@given(article_text())
def test_any_article_text(text):
    folder = _folder()
    path = folder / "a.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    for fmt in ("json", "text"):
        run = check_twice("check", str(path), "--format", fmt, "--published", "2020-01-07", "--jobs", "1", articles={str(path): text})
        if fmt == "text" and run.code in (0, 1):
            assert not any(ord(ch) < 32 and ch not in "\n" for ch in run.out), "a control character in the text report"


@given(st.binary(max_size=300))
def test_any_article_bytes(data):
    folder = _folder()
    path = folder / "a.txt"
    path.write_bytes(data)
    check_twice("check", str(path), "--format", "json", "--jobs", "1")


@given(rule_file())
def test_any_rule_file(source):
    folder = _folder()
    (folder / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / "r.rule").write_bytes(source.encode("utf-8", "surrogatepass"))
    check_twice("check", str(folder / "a.txt"), "--rules", str(folder / "r.rule"), "--no-default-rules", "--no-cache",
                "--format", "json", "--jobs", "1", articles={str(folder / "a.txt"): SEED_TEXT})


def _valid_facts() -> dict:
    run = run_cli("facts", str(fuzzing.SEED), "--format", "json", "--published", "2020-01-07")
    assert run.code == 0, run.err
    return json.loads(run.out)


VALID_FACTS = _valid_facts()


@given(facts_document(VALID_FACTS))
def test_any_facts_file(document):
    folder = _folder()
    (folder / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / "f.json").write_text(document, encoding="utf-8")
    check_twice("check", str(folder / "a.txt"), "--facts", str(folder / "f.json"), "--format", "json", "--jobs", "1",
                articles={str(folder / "a.txt"): SEED_TEXT})


@given(sidecar())
def test_any_sidecar(meta):
    folder = _folder()
    (folder / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / "a.meta.json").write_text(meta, encoding="utf-8")
    check_twice("check", str(folder / "a.txt"), "--format", "json", "--jobs", "1", articles={str(folder / "a.txt"): SEED_TEXT})


FOLDER = _folder()
(FOLDER / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
(FOLDER / "r.rule").write_text('rule r:\n  match x: a repetition\n  message "{x.word} twice"\n', encoding="utf-8")


@given(cli_arguments(str(FOLDER / "a.txt"), str(FOLDER)))
def test_any_arguments(args):
    check_twice("check", *args)
