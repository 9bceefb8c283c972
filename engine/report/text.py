"""The text reporter: findings as a person reads them in a terminal.

Format (stable; editors and CI logs rely on the first line's shape)::

    path:line:col: severity[rule-id] message
       |
     3 | …text around the cited span…
       |  ^^^^^^^^^^^^^^^ role
       = note: a note's message
       |
     6 | …
       |  ^^^^^ role

then, after all files, a summary line that also counts the findings a
suppression comment or the baseline hid.  ``--explain`` adds the facts bound
and the conditions that held under each finding.
"""

from __future__ import annotations

from ..api import Report
from ..errors import escape_controls
from ..evaluate.findings import Finding
from ..text.document import Document
from .excerpt import excerpt_lines


def render_finding(doc: Document, f: Finding, path: str) -> str:
    # a message quotes the article: its control characters are escaped, never written to the terminal
    out = [f"{path}:{f.line}:{f.column}: {f.severity}[{f.rule}] {escape_controls(f.message)}"]
    cites = list(f.citations) + [c for n in f.notes for c in n.citations]
    gutter = max([len(str(c.line)) for c in cites] or [1])
    pad = " " * gutter
    out.append(f"{pad} |")
    for c in f.citations:
        out.extend(excerpt_lines(doc, c, gutter, c.role))
    for note in f.notes:
        out.append(f"{pad} = note: {escape_controls(note.message)}")
        for c in note.citations:
            out.append(f"{pad} |")
            out.extend(excerpt_lines(doc, c, gutter, c.role))
    if f.explanation:
        for i, ex in enumerate(f.explanation, 1):
            bound = ", ".join(f"{k}={v}" for k, v in ex.bound.items())
            out.append(f"{pad} = explain[{i}]: bound {bound}")
            for cond in ex.conditions:
                out.append(f"{pad}     held: {escape_controls(cond)}")
            for absent in ex.absent:
                out.append(f"{pad}     no fact: {escape_controls(absent)}")
    return "\n".join(out)


def render_report(doc: Document, report: Report) -> str:
    return "\n\n".join(render_finding(doc, f, report.path) for f in report.findings)


def summary(reports: list[Report]) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for r in reports:
        for f in r.findings:
            counts[f.severity] += 1
    parts = [f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in counts.items() if n]
    files = f"{len(reports)} file{'s' if len(reports) != 1 else ''}"
    return f"{', '.join(parts) if parts else 'no findings'} in {files}{hidden_note(reports)}"


def hidden_counts(reports: list[Report]) -> tuple[int, int]:
    """(findings hidden by suppression comments, findings hidden by the baseline)."""
    by_comment = sum(1 for r in reports for f in r.suppressed if f.suppression and f.suppression.kind != "baseline")
    by_baseline = sum(1 for r in reports for f in r.suppressed if f.suppression and f.suppression.kind == "baseline")
    return by_comment, by_baseline


def hidden_note(reports: list[Report]) -> str:
    """`` (2 suppressed, 3 known in the baseline)``, or nothing when none were hidden."""
    by_comment, by_baseline = hidden_counts(reports)
    parts = []
    if by_comment:
        parts.append(f"{by_comment} suppressed by comments in the articles")
    if by_baseline:
        parts.append(f"{by_baseline} known in the baseline, not shown")
    return f" ({'; '.join(parts)})" if parts else ""
