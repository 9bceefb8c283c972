"""The compact reporter: one line per finding, for editors' problem matchers and grep.

Format (stable)::

    path:line:col: severity[rule-id] message

Line breaks and tabs inside a message become spaces, so every finding is
exactly one line; after the findings, one summary line (counts, and the
findings suppression comments or the baseline hid).
"""

from __future__ import annotations

from ..api import Report
from .text import summary


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render_compact(reports: list[Report]) -> str:
    lines = [
        f"{r.path}:{f.line}:{f.column}: {f.severity}[{f.rule}] {_one_line(f.message)}"
        for r in reports
        for f in r.findings
    ]
    return "\n".join([*lines, summary(reports)])
