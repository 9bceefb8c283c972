"""Input formats against golden files: one short article (written for these
tests) in every format factlint reads, each with CRLF line ends, emoji and
accented letters, and non-prose that holds a repeated word ("that that" in
code, comments, link targets, scripts, navigation, an HTML `description`)
so that reading any of it as prose would show up as an extra finding.

For every fixture: the blocks read (role and prose), the metadata and the
JSON report are golden; every citation slices the file as read exactly, its
line and column are right, and for JSON inputs its field and offsets slice
the field's value; every word of prose maps back to the same word in the
file.  Regenerate after an intended change with FACTLINT_UPDATE_GOLDEN=1."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import pytest
from factlint.api import check_input, load_rules
from factlint.report.json_report import render_json
from factlint.text.discover import Input

FIXTURES = Path(__file__).parent / "formats"
GOLDEN = Path(__file__).parent / "golden" / "formats"

# file -> (format read, publication date read from the file's own metadata)
CASES = {
    "story.txt": ("text", None),
    "story.md": ("markdown", "2020-01-08"),
    "story-toml.md": ("markdown", "2020-01-08"),
    "story.html": ("html", "2020-01-08"),
    "wordpress.json": ("wordpress", "2020-01-08"),
    "arc.json": ("arc", "2020-01-08"),
}


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def check(name: str, rules, **kw):
    """The Document read and the Report, the file named by its bare name (as golden files show it)."""
    return check_input(Input(str(FIXTURES / name), name), rules=rules, **kw)


def read(name: str) -> str:
    with open(FIXTURES / name, encoding="utf-8", newline="") as fh:
        return fh.read()


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column, computed independently of factlint."""
    before = text[:offset]
    breaks = list(re.finditer(r"\r\n|\r|\n", before))
    return len(breaks) + 1, offset - (breaks[-1].end() if breaks else 0) + 1


def resolve(data, pointer: str):
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        data = data[int(token)] if isinstance(data, list) else data[token]
    return data


@pytest.mark.parametrize("name", sorted(CASES))
def test_format_golden(name, rules):
    doc, report = check(name, rules)
    fmt, published = CASES[name]
    assert (doc.format, doc.published) == (fmt, published)
    parts = [[doc.role_of(p), doc.text[p.start : p.end]] for p in doc.paragraphs]
    golden = {"parts": parts, "metadata": doc.metadata, "report": json.loads(render_json([report]))}
    actual = json.dumps(golden, ensure_ascii=False, indent=1) + "\n"
    path = GOLDEN / f"{name}.json"
    if os.environ.get("FACTLINT_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CASES))
def test_citations_slice_the_file_as_read(name, rules):
    source = read(name)
    _, report = check(name, rules)
    cites = [c for f in report.findings for c in [*f.citations, *(c for n in f.notes for c in n.citations)]]
    assert len(report.findings) >= 2 and cites
    for c in cites:
        assert source[c.start : c.end] == c.text
        assert (c.line, c.column) == position(source, c.start)
        assert (c.end_line, c.end_column) == position(source, c.end)
        if name.endswith(".json"):
            value = resolve(json.loads(source), c.field)
            assert value[c.field_start : c.field_end] == json.loads(f'"{c.text}"')
        else:
            assert c.field is None and "field" not in c.model_dump()


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_word_of_prose_maps_to_itself(name, rules):
    source = read(name)
    doc, _ = check(name, rules)
    for m in re.finditer(r"\w+", doc.text):
        at = doc.locate(m.start(), m.end())
        raw = source[at.start : at.end]
        if name.endswith(".json"):
            raw = json.loads(f'"{raw}"')
        assert html.unescape(raw) == m.group(), (m.group(), raw)


def test_plain_text_is_read_as_before(rules):
    from factlint.api import check_text

    doc, report = check("story.txt", rules)
    assert doc.origin is None and doc.text == read("story.txt")
    assert report == check_text(read("story.txt"), rules=rules, path="story.txt")


def test_same_findings_in_every_format(rules):
    """The same story gives the same findings (rule and message) whatever holds it."""
    seen = {}
    for name in ("story.txt", "story.md", "story.html", "wordpress.json", "arc.json"):
        _, report = check(name, rules, published="2020-01-08")
        seen[name] = sorted((f.rule, f.message) for f in report.findings)
    assert len({tuple(v) for v in seen.values()}) == 1, seen


@pytest.mark.parametrize("name", ["story.md", "story.html", "wordpress.json"])
def test_facts_are_printed_in_file_offsets_and_read_back(name, rules, tmp_path):
    """`factlint facts` locates spans in the file; `check --facts` takes them back to the same findings."""
    from factlint.extract import extract_facts
    from factlint.inputs import facts_in_file, load_document
    from factlint.report.facts import render_facts_json

    source = read(name)
    doc = load_document(str(FIXTURES / name))
    printed = render_facts_json(facts_in_file(extract_facts(doc, rules.lexicons), doc))
    for fact in json.loads(printed)["facts"]:
        assert source[fact["start"] : fact["end"]] == fact["text"]
    facts = tmp_path / "facts.json"
    facts.write_text(printed, encoding="utf-8")
    _, own = check(name, rules)
    _, given = check(name, rules, facts_path=str(facts))
    assert [f.model_dump() for f in given.findings] == [f.model_dump() for f in own.findings]
