"""Rule-language cases as data: each ``tests/rule_cases/*.rule`` states the
diagnostics it must produce in ``# expect: CODE LINE:COL words`` lines (or
``# expect: ok``).  One generic runner checks them all: code, position and
words of every diagnostic, and that nothing else is reported.  A file that
compiles is held to its warnings (``layout``, ``unused-pattern``...) the
same way: ``# expect: ok`` means no error and no warning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from factlint.errors import UserError
from factlint.lang.build import build_rule_file
from factlint.lang.compiler import compile_rule_files
from factlint.lang.loader import gather_lexicons, shipped_rule_files

CASES = sorted((Path(__file__).parent / "rule_cases").glob("*.rule"))
EXPECT = re.compile(r"^# expect: (?P<code>[a-z-]+)(?: (?P<line>\d+):(?P<col>\d+))?(?: (?P<words>.*))?$", re.M)


def diagnostics_for(path: Path):
    text = path.read_bytes().decode("utf-8")  # line ends as in the file
    try:
        rf = build_rule_file(text, str(path))
    except UserError as err:
        return err.diagnostics
    lexicons = gather_lexicons(list(shipped_rule_files()) + [rf])
    if "letter" not in lexicons.get("document-words"):
        lexicons.extend("document-words", ["letter", "memo"])
    warnings: list = []
    try:
        compile_rule_files([rf], lexicons, warnings)
    except UserError as err:
        return err.diagnostics
    return warnings


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_rule_case(case: Path):
    expected = list(EXPECT.finditer(case.read_text(encoding="utf-8")))
    assert expected, f"{case.name} states no expectation"
    diags = diagnostics_for(case)
    if expected[0]["code"] == "ok":
        assert diags == [], "\n".join(d.render() for d in diags)
        return
    remaining = list(diags)
    for exp in expected:
        match = None
        for d in remaining:
            full = f"{d.message} ({d.hint})" if d.hint else d.message
            if d.code == exp["code"] and (exp["line"] is None or (d.line, d.column) == (int(exp["line"]), int(exp["col"]))) and (exp["words"] or "") in full:
                match = d
                break
        assert match is not None, f"expected {exp.group(0)!r}; got:\n" + "\n".join(d.render() for d in diags)
        remaining.remove(match)
    assert remaining == [], "unexpected diagnostics:\n" + "\n".join(d.render() for d in remaining)


def test_every_diagnostic_renders_a_caret_under_the_column():
    """The caret stands under the column's character; a line longer than
    ``SOURCE_WINDOW`` is shown cut around it."""
    from factlint.errors import SOURCE_WINDOW

    for case in CASES:
        for d in diagnostics_for(case):
            lines = d.render().splitlines()
            assert lines[0].startswith(f"{case}:{d.line}:{d.column}: {d.level}[{d.code}] ")
            caret_line = lines[-1]
            src_line = lines[-2]
            at = caret_line.index("^") - (src_line.index("| ") + 2)
            if len(d.source_line) <= SOURCE_WINDOW:
                assert at == d.column - 1
            else:
                assert len(src_line) < SOURCE_WINDOW + 10
                assert src_line[src_line.index("| ") + 2 + at] == d.source_line[d.column - 1]
