"""The baseline: today's findings recorded so that only new ones are reported.

Owns the fingerprint of a finding and the baseline file.  A fingerprint is
a hash of the rule id and the finding's cited texts (with their roles),
normalised (NFKC, case folded, white space collapsed, curly quotes made
straight): no offsets, lines or messages, so it survives edits elsewhere in
the file and re-wrapping of the cited sentence.  The file::

    {"schema_version": 1, "tool": "factlint",
     "findings": [{"path": "articles/a.md", "rule": "...", "fingerprint": "...",
                   "line": 3, "message": "..."}]}

Paths are relative to the working folder, with ``/``.  Matching counts: a
fingerprint recorded twice for a file hides two findings, a third is new.
The same fingerprint is SARIF's ``partialFingerprints`` and GitLab's.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections import Counter
from pathlib import Path

from ..api import Report
from ..errors import Diagnostic, UserError, input_error
from ..evaluate.findings import Finding, Suppression

BASELINE_VERSION = 1
MAX_BASELINE_BYTES = 64 * 1024 * 1024
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold().split())


def fingerprint(f: Finding) -> str:
    parts = [f.rule, *(f"{c.role}={normalise(c.text)}" for c in f.citations)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def path_key(path: str) -> str:
    """A checked file's path as the baseline records it: relative to the working folder, with ``/``."""
    try:
        rel = os.path.relpath(os.path.abspath(path))
    except ValueError:
        rel = path
    return Path(rel).as_posix()


def baseline_dict(reports: list[Report]) -> dict:
    entries = [
        {"path": path_key(r.path), "rule": f.rule, "fingerprint": fingerprint(f), "line": f.line, "message": f.message}
        for r in reports
        for f in r.findings
    ]
    return {"schema_version": BASELINE_VERSION, "tool": "factlint", "findings": entries}


def render_baseline(reports: list[Report]) -> str:
    return json.dumps(baseline_dict(reports), ensure_ascii=False, indent=2)


class Baseline:
    """Known findings, by (path, rule, fingerprint), with counts."""

    def __init__(self, path: str, known: Counter):
        self.path = path
        self.known = known

    def apply(self, report: Report) -> Report:
        left = Counter({k: n for k, n in self.known.items() if k[0] == path_key(report.path)})
        kept: list[Finding] = []
        hidden: list[Finding] = []
        for f in report.findings:
            key = (path_key(report.path), f.rule, fingerprint(f))
            if left[key] > 0:
                left[key] -= 1
                hidden.append(f.model_copy(update={"suppression": Suppression(kind="baseline", reason=f"known in {self.path}")}))
            else:
                kept.append(f)
        if not hidden:
            return report
        return report.model_copy(update={"findings": kept, "suppressed": [*report.suppressed, *hidden]})


def load_baseline(path: str) -> Baseline:
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BASELINE_BYTES + 1)
    except FileNotFoundError:
        raise input_error(path, "no such baseline file (write one with `factlint baseline PATH... > FILE`)", "baseline") from None
    except OSError as exc:
        raise input_error(path, f"cannot read baseline file: {exc.strerror or exc}", "baseline") from None
    if len(raw) > MAX_BASELINE_BYTES:
        raise input_error(path, "baseline file is larger than 64 MB", "baseline")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise UserError(Diagnostic(path, f"baseline is not valid JSON: {exc.msg}", "baseline", exc.lineno, exc.colno)) from None
    except (UnicodeDecodeError, RecursionError, ValueError) as exc:
        raise input_error(path, f"baseline is not valid JSON: {type(exc).__name__}", "baseline") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise input_error(path, "a baseline is a JSON object with a `findings` list (as `factlint baseline` writes)", "baseline")
    if data.get("schema_version") != BASELINE_VERSION:
        raise input_error(path, f"baseline schema_version {data.get('schema_version')!r} is not supported (expected 1)", "baseline")
    known: Counter = Counter()
    for i, e in enumerate(data["findings"]):
        if not (isinstance(e, dict) and all(isinstance(e.get(k), str) for k in ("path", "rule", "fingerprint"))):
            raise input_error(path, f"findings[{i}] needs the strings `path`, `rule` and `fingerprint`", "baseline")
        known[(Path(e["path"]).as_posix(), e["rule"], e["fingerprint"])] += 1
    return Baseline(path, known)
