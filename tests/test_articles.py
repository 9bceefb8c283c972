"""Fixture articles with inline expectations, run by one generic test.

A fixture is a plain-text article under ``tests/articles/`` with directive
lines starting ``#!`` that are removed before checking:

* ``#! published: YYYY-MM-DD``: the publication date;
* ``#! expect: RULE-ID``: the next paragraph holds the first citation of a
  finding of that rule;
* any other ``#!`` line is a comment.

The test checks that the findings are exactly the expected ones: each
expected (rule, paragraph) is found, and no other finding appears, at any
severity.  ``smoke.txt`` expects nothing: no rule may flag it."""

from __future__ import annotations

from pathlib import Path

import factlint
import pytest
from factlint.text.document import Document

ARTICLES = sorted((Path(__file__).parent / "articles").glob("*.txt"))


def parse_fixture(raw: str) -> tuple[str, str | None, list[tuple[str, int]]]:
    """The article text, its publication date and the expected (rule, paragraph) pairs."""
    lines, published, pending, marks = [], None, [], []
    for line in raw.splitlines(keepends=True):
        if line.startswith("#!"):
            body = line[2:].strip()
            if body.startswith("published:"):
                published = body.split(":", 1)[1].strip()
            elif body.startswith("expect:"):
                pending.append(body.split(":", 1)[1].strip())
            continue
        if pending and line.strip():
            offset = sum(len(x) for x in lines)
            marks.extend((rule, offset) for rule in pending)
            pending = []
        lines.append(line)
    text = "".join(lines)
    doc = Document(text)
    expected = [(rule, doc.paragraph_at(offset).index) for rule, offset in marks]
    return text, published, expected


RULES = factlint.load_rules()


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_article_findings_are_exactly_the_expected_ones(path: Path):
    text, published, expected = parse_fixture(path.read_text(encoding="utf-8"))
    report = factlint.check_text(text, published=published, rules=RULES, path=path.name)
    doc = Document(text)
    got = sorted((f.rule, doc.paragraph_at(f.citations[0].start).index) for f in report.findings)
    assert got == sorted(expected), "\n".join(f"{f.rule}: {f.message}" for f in report.findings)


def test_there_is_a_smoke_text():
    assert any(p.stem == "smoke" for p in ARTICLES)
