"""The GitLab Code Quality reporter (``artifacts: reports: codequality``).

A JSON array with one issue per finding: ``description`` (the message),
``check_name`` (the rule id), ``fingerprint`` (unique per issue, stable
across edits elsewhere in the file: the baseline fingerprint with the path
and the occurrence), ``severity`` (info -> ``info``, warning -> ``minor``,
error -> ``major``) and ``location`` (``path`` and ``lines.begin``/``end``).
Code Quality has no place for suppressed findings; the other formats count
them.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from ..api import Report
from ..suppress.baseline import fingerprint, path_key

LEVELS = {"info": "info", "warning": "minor", "error": "major"}


def gitlab_issues(reports: list[Report]) -> list[dict]:
    issues = []
    seen: Counter = Counter()
    for r in reports:
        for f in r.findings:
            key = (path_key(r.path), fingerprint(f))
            seen[key] += 1
            unique = hashlib.sha256(f"{key[0]}\x1f{key[1]}\x1f{seen[key]}".encode()).hexdigest()
            end = f.citations[0].end_line if f.citations else f.line
            issues.append({
                "type": "issue",
                "description": f.message,
                "check_name": f.rule,
                "categories": ["Style"] if f.rule.startswith(("style/", "factlint/")) else ["Bug Risk"],
                "fingerprint": unique,
                "severity": LEVELS[f.severity],
                "location": {"path": path_key(r.path), "lines": {"begin": f.line, "end": end}},
            })
    return issues


def render_gitlab(reports: list[Report]) -> str:
    return json.dumps(gitlab_issues(reports), ensure_ascii=False, indent=2)
