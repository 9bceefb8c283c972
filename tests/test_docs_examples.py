"""Every ```rule block of ``docs/language.md`` compiles.

A block is a complete rule-file fragment.  It is parsed and compiled on its
own, with the shipped lexicons plus its own, and with ``letter`` and ``memo``
added to ``document-words`` if missing.  A block whose first line is
``# error: CODE`` must instead fail (to parse or to compile) with exactly that
code.  Blocks are identified by their line in the document.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from factlint.errors import UserError
from factlint.lang.build import build_rule_file
from factlint.lang.compiler import compile_rule_files
from factlint.lang.loader import gather_lexicons, shipped_rule_files

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "language.md"

_FENCE = re.compile(r"^```(?P<tag>[^\n`]*)\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
_ERROR = re.compile(r"\A#\s*error:\s*(?P<code>[a-z-]+)\s*$", re.M)


def rule_blocks() -> list[tuple[int, str]]:
    """(line of the block's first line of code, text) for each ```rule block."""
    text = DOC.read_text(encoding="utf-8")
    blocks = []
    for m in _FENCE.finditer(text):
        if m.group("tag").strip() == "rule":
            line = text.count("\n", 0, m.start("body")) + 1
            blocks.append((line, m.group("body")))
    return blocks


BLOCKS = rule_blocks()


def diagnostics(text: str, line: int):
    """Diagnostics from parsing and compiling one block ([] when it compiles)."""
    path = f"{DOC.relative_to(ROOT).as_posix()}#L{line}"
    try:
        rf = build_rule_file(text, path)
    except UserError as err:
        return err.diagnostics
    lexicons = gather_lexicons(list(shipped_rule_files()) + [rf])
    words = lexicons.get("document-words")
    missing = [w for w in ("letter", "memo") if w not in words]
    if missing:
        lexicons.extend("document-words", missing)
    try:
        compile_rule_files([rf], lexicons)
    except UserError as err:
        return err.diagnostics
    return []


def test_the_guide_has_rule_blocks():
    assert len(BLOCKS) >= 20


@pytest.mark.parametrize("line, text", BLOCKS, ids=[f"line-{line}" for line, _ in BLOCKS])
def test_rule_block(line: int, text: str):
    declared = _ERROR.match(text)
    diags = diagnostics(text, line)
    rendered = "\n".join(d.render() for d in diags)
    if declared is None:
        assert diags == [], f"docs/language.md:{line}: block does not compile:\n{rendered}"
        return
    code = declared.group("code")
    assert diags, f"docs/language.md:{line}: block compiles but should fail with `{code}`"
    assert {d.code for d in diags} == {code}, f"docs/language.md:{line}: expected only `{code}`, got:\n{rendered}"


def _source_error_codes() -> set[str]:
    """Diagnostic codes the parser and compiler can raise, read from their source."""
    codes: set[str] = set()
    for path in (ROOT / "engine" / "lang").glob("*.py"):
        src = path.read_text(encoding="utf-8")
        codes.update(re.findall(r"\.error\(\s*[^,()]+(?:\([^()]*\))?,\s*\"([a-z-]+)\"", src))
        codes.update(re.findall(r"code=\"([a-z-]+)\"", src))
        codes.update(re.findall(r"Diagnostic\([^\n]*\"([a-z]+(?:-[a-z]+)+)\"", src))
    return codes


def test_every_error_code_is_documented_with_an_example():
    codes = _source_error_codes()
    assert {"syntax", "unknown-kind", "bad-placeholder", "self-relation"} <= codes, codes
    doc = DOC.read_text(encoding="utf-8")
    shown = {m.group("code") for _, text in BLOCKS if (m := _ERROR.match(text))}
    for code in sorted(codes):
        assert f"`{code}`" in doc, f"error code `{code}` is not described in docs/language.md"
        # too-deep, lexicon-too-large, too-long and more-warnings need
        # hundreds of conditions, thousands of phrases, a 300-character
        # title or 50 warnings: described, not shown
        assert code in shown or code in ("too-deep", "lexicon-too-large", "too-long", "more-warnings"), \
            f"error code `{code}` has no `# error: {code}` example block"
