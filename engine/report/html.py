"""The HTML reporter: one self-contained page an editor opens in a browser.

Owns the page: for each article, its full text as read with every cited span
highlighted (a finding's citations and its notes' citations), each highlight
a link to its finding (or note), and each finding listing its citations as
links back into the text; checkboxes filter by severity; findings a
suppression comment or the baseline hid are listed apart with their reasons.
Overlapping citations are cut into segments at every boundary, each segment
linking to the innermost citation covering it and naming all of them in its
``title``.  Everything taken from the article, the file name or a message is
HTML-escaped; the page loads nothing (inline CSS and a few lines of script,
and without script every finding is simply shown).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..api import Report
from ..evaluate.findings import SEVERITIES, Citation, Finding
from .html_assets import CSS, SCRIPT
from .text import summary


@dataclass
class Mark:
    start: int
    end: int
    anchor: str  # id of the mark's first segment
    target: str  # id of the finding or note it links to
    severity: str
    label: str


def _marks(findings: list[Finding], prefix: str) -> list[Mark]:
    marks = []
    for i, f in enumerate(findings, 1):
        fid = f"{prefix}-f{i}"
        for j, c in enumerate(f.citations, 1):
            marks.append(Mark(c.start, c.end, f"{fid}-c{j}", fid, f.severity, f"{f.severity} {f.rule}: {c.role}"))
        for k, n in enumerate(f.notes, 1):
            for j, c in enumerate(n.citations, 1):
                marks.append(Mark(c.start, c.end, f"{fid}-n{k}-c{j}", f"{fid}-n{k}", f.severity, f"note of {f.rule}: {c.role}"))
    return marks


def _highlighted(text: str, marks: list[Mark]) -> str:
    points = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    out = []
    started: set[str] = set()
    for a, b in zip(points, points[1:]):
        if a == b:
            continue
        covering = [m for m in marks if m.start <= a and b <= m.end and m.start < m.end]
        for m in marks:  # anchors of empty citations and of marks starting here
            if m.start == a and m.anchor not in started:
                started.add(m.anchor)
                out.append(f'<span class="anchor" id="{m.anchor}"></span>')
        piece = escape(_lines(text, a, b))
        if not covering:
            out.append(piece)
            continue
        inner = min(covering, key=lambda m: (m.end - m.start, m.anchor))
        top = max((m.severity for m in covering), key=lambda s: rank[s])
        severities = " ".join(sorted({m.severity for m in covering}, key=lambda s: rank[s]))
        title = escape("; ".join(m.label for m in covering))
        out.append(
            f'<a class="hl sev-{top}{" nested" if len(covering) > 1 else ""}" href="#{inner.target}" '
            f'data-severities="{severities}" data-marks="{" ".join(m.anchor for m in covering)}" title="{title}">{piece}</a>'
        )
    for m in marks:  # citations at the very end of the text
        if m.anchor not in started:
            out.append(f'<span class="anchor" id="{m.anchor}"></span>')
    return "".join(out)


def _lines(text: str, a: int, b: int) -> str:
    """``text[a:b]`` with CRLF and lone CR as LF (as an HTML parser would read them), cut-aware."""
    piece = text[a:b]
    if piece.endswith("\r") and text[b : b + 1] == "\n":
        piece = piece[:-1]
    return piece.replace("\r\n", "\n").replace("\r", "\n")


def _cite_item(c: Citation, anchor: str) -> str:
    return (f'<li><a class="cite" href="#{anchor}">{escape(c.role)}</a> '
            f'<span class="where">line {c.line}, column {c.column}</span> '
            f'<q>{escape(c.text)}</q></li>')


def _finding(f: Finding, fid: str) -> str:
    parts = [
        f'<li class="finding sev-{f.severity}" id="{fid}" data-severity="{f.severity}">',
        f'<div class="head"><span class="sev">{f.severity}</span> <code class="rule">{escape(f.rule)}</code> '
        f'<a class="where" href="#{fid}-c1">line {f.line}, column {f.column}</a></div>',
        f'<p class="message">{escape(f.message)}</p>',
        '<ul class="cites">' + "".join(_cite_item(c, f"{fid}-c{j}") for j, c in enumerate(f.citations, 1)) + "</ul>",
    ]
    for k, n in enumerate(f.notes, 1):
        items = "".join(_cite_item(c, f"{fid}-n{k}-c{j}") for j, c in enumerate(n.citations, 1))
        parts.append(f'<div class="note" id="{fid}-n{k}"><p>note: {escape(n.message)}</p><ul class="cites">{items}</ul></div>')
    parts.append("</li>")
    return "".join(parts)


def _suppressed(f: Finding) -> str:
    s = f.suppression
    why = "in the baseline" if s is None or s.kind == "baseline" else f"factlint-{s.kind} at line {s.line}"
    reason = escape(s.reason) if s and s.reason else "no reason given"
    return (f'<li class="sev-{f.severity}"><span class="sev">{f.severity}</span> <code class="rule">{escape(f.rule)}</code> '
            f'line {f.line}: {escape(f.message)} <span class="why">({escape(why)}: {reason})</span></li>')


def _file(n: int, report: Report, text: str) -> str:
    prefix = f"a{n}"
    marks = _marks(report.findings, prefix)
    meta = f"published {escape(report.published)}" if report.published else "no publication date"
    items = "".join(_finding(f, f"{prefix}-f{i}") for i, f in enumerate(report.findings, 1))
    findings = f'<ol class="findings">{items}</ol>' if items else '<p class="clean">No findings.</p>'
    hidden = ""
    if report.suppressed:
        rows = "".join(_suppressed(f) for f in report.suppressed)
        hidden = f'<details class="suppressed"><summary>{len(report.suppressed)} hidden</summary><ul>{rows}</ul></details>'
    notices = "".join(f'<p class="notice">note: {escape(x)}</p>' for x in report.notices)
    return (f'<section class="file" id="{prefix}"><h2>{escape(report.path)}</h2><p class="meta">{meta}</p>{notices}'
            f'<div class="layout"><pre class="article">{_highlighted(text, marks)}</pre>'
            f'<div class="side">{findings}{hidden}</div></div></section>')


def render_html(items: list[tuple[Report, str]]) -> str:
    reports = [r for r, _ in items]
    counts = {s: sum(1 for r in reports for f in r.findings if f.severity == s) for s in SEVERITIES}
    boxes = "".join(
        f'<label><input type="checkbox" data-severity="{s}" checked> {s} ({counts[s]})</label>' for s in reversed(SEVERITIES)
    )
    body = "".join(_file(n, r, t) for n, (r, t) in enumerate(items, 1))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>factlint report</title>"
        f"<style>{CSS}</style></head><body>"
        f'<header><h1>factlint report</h1><p class="summary">{escape(summary(reports))}</p>'
        f'<fieldset id="filters"><legend>Show</legend>{boxes}</fieldset></header>'
        f"<main>{body}</main><script>{SCRIPT}</script></body></html>"
    )
