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
     "summary": {"files": int, "error": int, "warning": int, "info": int}}

Offsets are Unicode code points into the file as read, end exclusive; lines
and columns are 1-based; ``end_line``/``end_column`` is the position just past
the span.
"""

from __future__ import annotations

import json

from ..api import SCHEMA_VERSION, Report


def report_dict(reports: list[Report], explain: bool = False) -> dict:
    counts = {"error": 0, "warning": 0, "info": 0}
    files = []
    for r in reports:
        findings = []
        for f in r.findings:
            counts[f.severity] += 1
            d = f.model_dump(exclude={"explanation"} if not explain else set())
            findings.append(d)
        files.append({"path": r.path, "published": r.published, "findings": findings, "notices": r.notices})
    return {"schema_version": SCHEMA_VERSION, "files": files, "summary": {"files": len(reports), **counts}}


def render_json(reports: list[Report], explain: bool = False) -> str:
    return json.dumps(report_dict(reports, explain), ensure_ascii=False, indent=2)
