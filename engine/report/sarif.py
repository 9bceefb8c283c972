"""The SARIF 2.1.0 reporter, for code-scanning and CI systems.

One run whose tool driver lists the rules that ran (id, title, rationale,
default level), and one result per finding: level (info -> note), message,
the first citation as the location and every other citation and note as a
related location with its role (a citation read from a JSON field also
names the field: ``properties`` ``field``, ``fieldStart``, ``fieldEnd``).  ``columnKind`` is ``unicodeCodePoints``, so
columns and ``charOffset``/``charLength`` are the same code-point values as
in the JSON output.  Validated against the OASIS schema in the tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..api import Report, RuleSet
from ..evaluate.findings import Citation

LEVELS = {"info": "note", "warning": "warning", "error": "error"}


def _region(c: Citation) -> dict:
    return {
        "startLine": c.line,
        "startColumn": c.column,
        "endLine": c.end_line,
        "endColumn": c.end_column,
        "charOffset": c.start,
        "charLength": c.end - c.start,
        "snippet": {"text": c.text},
    }


def _location(uri: str, c: Citation, message: str | None = None, ident: int | None = None) -> dict:
    loc: dict = {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(c)}}
    if c.field is not None:  # a span read from a JSON string: the field and the offsets inside its value
        loc["physicalLocation"]["properties"] = {"field": c.field, "fieldStart": c.field_start, "fieldEnd": c.field_end}
    if ident is not None:
        loc["id"] = ident
    if message:
        loc["message"] = {"text": message}
    return loc


def _uri(path: str) -> str:
    """A URI reference for a file: percent-encoded, relative paths kept relative."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/")


def sarif_dict(reports: list[Report], rules: RuleSet) -> dict:
    descriptors: list[dict] = []
    index = {}
    for r in rules.rules:
        index[r.id] = len(descriptors)
        d = {
            "id": r.id,
            "name": r.name,
            "shortDescription": {"text": r.title},
            "defaultConfiguration": {"level": LEVELS[r.severity]},
        }
        if r.rationale:
            d["fullDescription"] = {"text": " ".join(r.rationale.split())}
        descriptors.append(d)
    results = []
    for report in reports:
        uri = _uri(report.path)
        for f in report.findings:
            result: dict = {
                "ruleId": f.rule,
                "level": LEVELS[f.severity],
                "message": {"text": f.message},
            }
            if f.rule in index:
                result["ruleIndex"] = index[f.rule]
            if f.citations:
                result["locations"] = [_location(uri, f.citations[0], f.citations[0].role)]
            related: list[dict] = []
            for c in f.citations[1:]:
                related.append(_location(uri, c, c.role, len(related)))
            for n in f.notes:
                for c in n.citations:
                    related.append(_location(uri, c, f"note: {n.message}", len(related)))
            if related:
                result["relatedLocations"] = related
            results.append(result)
    run: dict = {
        "tool": {"driver": {"name": "factlint", "version": __version__, "rules": descriptors}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if rules.warnings:  # what loading the rules warned about
        run["invocations"] = [{"executionSuccessful": True, "toolConfigurationNotifications": [
            _notification(w) for w in rules.warnings
        ]}]
    return {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}


def _notification(w) -> dict:
    note: dict = {"level": "warning", "message": {"text": w.message + (f" ({w.hint})" if w.hint else "")},
                  "descriptor": {"id": w.code}}
    if w.line is not None:
        region = {"startLine": w.line, "startColumn": w.column or 1}
        note["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": _uri(w.path)}, "region": region}}]
    return note


def render_sarif(reports: list[Report], rules: RuleSet) -> str:
    return json.dumps(sarif_dict(reports, rules), ensure_ascii=False, indent=2)
