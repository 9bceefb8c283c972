"""Coverage-guided fuzzing of factlint with atheris (libFuzzer), for nightly runs.

    pip install -e '.[fuzz]'
    python fuzz/atheris_check.py --make-corpus fuzz/corpus   # once: the seed, test articles, rule files
    python fuzz/atheris_check.py -max_total_time=3600 fuzz/corpus

Each input's first byte chooses what it is: an article (checked with the
shipped rules through the API), a rule file (compiled with the shipped
lexicons), or a facts file (validated against the seed article).  The
properties are those of ``tests/fuzzing.py``: no exception but
``UserError``, every citation slices the article to its text, and the same
input checked twice gives the same findings.  On a failure libFuzzer stops
and writes the input as ``crash-*``; add it to ``tests/test_hostile_inputs.py``
once fixed.  atheris is an optional extra (``.[fuzz]``), not a test
dependency: it instruments the code it imports and needs Linux.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

os.environ.setdefault("FACTLINT_NO_CACHE", "1")  # no parsed-rule cache entries for fuzzed rule files

with atheris.instrument_imports():
    import factlint
    from factlint.api import check_text, load_facts_file
    from factlint.errors import UserError
    from factlint.text.source import decode_article

RULES = factlint.load_rules()
SEED = (Path(__file__).resolve().parents[1] / "seeds" / "000_548f20d3808859fa.txt").read_text(encoding="utf-8")
FOLDER = Path(tempfile.mkdtemp(prefix="factlint-atheris-"))


def _article(data: bytes) -> None:
    try:
        text = decode_article(data, "fuzz.txt")
    except UserError:
        return
    first = check_text(text, "2020-01-07", RULES, "fuzz.txt")
    for f in first.findings:
        for c in f.citations + [c for n in f.notes for c in n.citations]:
            assert text[c.start : c.end] == c.text, c
    again = check_text(text, "2020-01-07", RULES, "fuzz.txt")
    assert [f.model_dump() for f in again.findings] == [f.model_dump() for f in first.findings]
    assert again.notices == first.notices


def _rule_file(data: bytes) -> None:
    path = FOLDER / "fuzz.rule"
    path.write_bytes(data)
    try:
        rules = factlint.load_rules([str(path)], default=False)
    except UserError:
        return
    check_text(SEED, "2020-01-07", rules)


def _facts_file(data: bytes) -> None:
    path = FOLDER / "fuzz.json"
    path.write_bytes(data)
    try:
        facts = load_facts_file(str(path), SEED)
    except UserError:
        return
    check_text(SEED, "2020-01-07", RULES, facts=facts)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    kind, rest = data[0] % 3, data[1:]
    (_article, _rule_file, _facts_file)[kind](rest)


def make_corpus(folder: Path) -> None:
    """Starting inputs: the repository's articles (first byte 0), rule files (1)
    and the seed's facts (2), so the fuzzer begins from real copy and rules."""
    import json

    from factlint.api import extract
    from factlint.report.facts import facts_dict

    root = Path(__file__).resolve().parents[1]
    folder.mkdir(parents=True, exist_ok=True)
    for i, p in enumerate(sorted([*root.glob("seeds/*.txt"), *root.glob("tests/articles/*.txt")])):
        (folder / f"article-{i}").write_bytes(b"\x00" + p.read_bytes())
    for i, p in enumerate(sorted(root.glob("rules/**/*.rule"))):
        (folder / f"rules-{i}").write_bytes(b"\x01" + p.read_bytes())
    (folder / "facts-0").write_bytes(b"\x02" + json.dumps(facts_dict(extract(SEED, "2020-01-07", RULES))).encode())


def main() -> None:
    if sys.argv[1:2] == ["--make-corpus"]:
        make_corpus(Path(sys.argv[2]))
        return
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
