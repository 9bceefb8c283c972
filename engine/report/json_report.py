"""The JSON reporter: one versioned document for all files checked.

Schema (version 1; new keys may be added, these stay)::

    {"schema_version": 1,
     "files": [{"path": str, "published": str|null, "notices": [str],
                "findings": [{"rule", "severity", "title", "message", "line", "column",
                              "citations": [{"role", "start", "end", "line", "column",
                                             "end_line", "end_column", "text", "fact"}],
                              "notes": [{"message", "citations": [...]}],
                              "explanation": [...]  # only with --explain
                             }]}],
     "summary": {"files": int, "error": int, "warning": int, "info": int,
                 "suppressed": int, "baselined": int},
     # from the command line: the input files that could not be checked
     "errors": [{"path", "code", "message", "line", "column"}],  (one per file; "errors": int in the summary)
     # only when loading the rules warned: "path:line:col: warning[code] message (hint)"
     "notices": [str]}

Added in version 1 (new keys): per file ``suppressed``, the findings a
suppression comment or the baseline hid, each with a ``suppression``
(``kind``: ``disable``, ``disable-next-paragraph``, ``disable-file`` or
``baseline``; ``reason``; the comment's ``line`` and ``column``); in the
summary, ``suppressed`` (by comments) and ``baselined`` (by the baseline).

Offsets are Unicode code points into the file as read, end exclusive; lines
and columns are 1-based; ``end_line``/``end_column`` is the position just past
the span.
"""

from __future__ import annotations

import json

from ..api import SCHEMA_VERSION, Report
from ..errors import Diagnostic
from .text import hidden_counts


def report_dict(
    reports: list[Report], explain: bool = False, errors: list[Diagnostic] | None = None, notices: list[str] | None = None
) -> dict:
    counts = {"error": 0, "warning": 0, "info": 0}
    files = []
    for r in reports:
        findings = []
        for f in r.findings:
            counts[f.severity] += 1
            d = f.model_dump(exclude={"suppression"} if explain else {"explanation", "suppression"})
            findings.append(d)
        hidden = [f.model_dump(exclude={"explanation"}) for f in r.suppressed]
        files.append({"path": r.path, "published": r.published, "findings": findings, "notices": r.notices, "suppressed": hidden})
    by_comment, by_baseline = hidden_counts(reports)
    summary: dict[str, int] = {"files": len(reports), **counts, "suppressed": by_comment, "baselined": by_baseline}
    out: dict[str, object] = {"schema_version": SCHEMA_VERSION, "files": files, "summary": summary}
    if errors is not None:
        out["errors"] = [{"path": d.path, "code": d.code, "message": d.message, "line": d.line, "column": d.column} for d in errors]
        summary["errors"] = len(errors)
    if notices:
        out["notices"] = list(notices)
    return out


def render_json(
    reports: list[Report], explain: bool = False, errors: list[Diagnostic] | None = None, notices: list[str] | None = None
) -> str:
    return json.dumps(report_dict(reports, explain, errors, notices), ensure_ascii=False, indent=2)
