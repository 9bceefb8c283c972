"""Every output format of ``factlint check``, by name, rendered from one run.

Owns the table of formats (``--format`` and ``--output FORMAT=PATH`` take
these names) and handing each reporter what it needs from the ``Results``:
the reports, the articles' texts (text and HTML show them), the rules that
ran (SARIF lists them), each file's ``fail-on`` (JUnit) and the files that
could not be checked (JSON lists them, text counts them).  Does not own any
format itself: one module each beside this one.
"""

from __future__ import annotations

from ..run.results import Results
from ..text.document import Document

FORMATS = ("text", "compact", "json", "sarif", "github", "junit", "gitlab", "html")


def render_text_findings(c) -> str:
    """One file's findings in the text format ('' when it has none)."""
    from .text import render_report

    if not c.report.findings:
        return ""
    return render_report(Document(c.text or "", c.report.path, c.report.published), c.report) + "\n"


def text_summary(run: Results) -> str:
    from .text import summary

    if not run.checked and run.errors:  # nothing to summarise when every input failed
        return ""
    line = summary(run.reports)
    n = len(run.errors)
    return line + (f"; {n} file{'s' if n != 1 else ''} could not be checked" if n else "")


def render(fmt: str, run: Results, explain: bool = False) -> str:
    reports = run.reports
    if fmt == "text":
        parts = [render_text_findings(c) for c in run.checked]
        return "\n".join([p for p in parts if p] + [text_summary(run)]).strip("\n")
    if fmt == "compact":
        from .compact import render_compact

        return render_compact(reports)
    if fmt == "json":
        from .json_report import render_json

        return render_json(reports, explain, run.errors, run.notices)
    if fmt == "sarif":
        from .sarif import render_sarif

        return render_sarif(reports, run.rules)
    if fmt == "github":
        from .github import render_github

        return render_github(reports)
    if fmt == "junit":
        from .junit import render_junit

        return render_junit(reports, {c.report.path: c.fail_on for c in run.checked})
    if fmt == "gitlab":
        from .gitlab import render_gitlab

        return render_gitlab(reports)
    if fmt == "html":
        from .html import render_html

        return render_html([(c.report, c.text or "") for c in run.checked])
    raise ValueError(f"unknown format {fmt!r}")
