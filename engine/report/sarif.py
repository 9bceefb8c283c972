"""The SARIF 2.1.0 reporter, for code-scanning and CI systems.

One run whose tool driver lists the rules that ran (id, title, rationale,
default level, help: the rationale and an example as text and Markdown; the
suppression audit rules too), and one result per finding: level (info ->
note), message, the first citation as the location, every other citation
and note as a related location with its role, and ``partialFingerprints``
(``factlint/v1``: the baseline's fingerprint, stable across edits elsewhere
in the file; a citation read from a JSON field also names the field:
``properties`` ``field``, ``fieldStart``, ``fieldEnd``).  Findings a comment or the baseline hid are results too, with
``suppressions`` (``inSource`` with the comment's reason, or ``external``),
as code-scanning tools expect.  ``columnKind`` is ``unicodeCodePoints``, so
columns and ``charOffset``/``charLength`` are the same code-point values as
in the JSON output.  Validated against the OASIS schema in the tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from ..api import Report, RuleSet
from ..evaluate.findings import Citation, Finding
from ..lang.compiled import CompiledRule
from ..suppress.baseline import fingerprint
from ..suppress.meta import META_RULES
from ..version import __version__

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


def _help(r: CompiledRule) -> dict:
    text = " ".join((r.rationale or r.title).split())
    markdown = [f"**{r.title}**", "", text]
    fires = next((e for e in r.examples if e.kind == "fires"), None)
    if fires is not None:
        markdown += ["", "Example that fires:", "", *("    " + line for line in fires.text.strip().splitlines())]
    return {"text": text, "markdown": "\n".join(markdown)}


def _descriptor(r: CompiledRule) -> dict:
    d = {
        "id": r.id,
        "name": r.name,
        "shortDescription": {"text": r.title},
        "defaultConfiguration": {"level": LEVELS[r.severity]},
        "help": _help(r),
    }
    if r.rationale:
        d["fullDescription"] = {"text": " ".join(r.rationale.split())}
    return d


def _meta_descriptor(rule_id: str) -> dict:
    m = META_RULES[rule_id]
    return {
        "id": m.id,
        "name": m.id.split("/")[-1],
        "shortDescription": {"text": m.title},
        "fullDescription": {"text": m.help},
        "defaultConfiguration": {"level": LEVELS[m.severity]},
        "help": {"text": m.help, "markdown": f"**{m.title}**\n\n{m.help}"},
    }


def _result(f: Finding, uri: str, index: dict[str, int]) -> dict:
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
    result["partialFingerprints"] = {"factlint/v1": fingerprint(f)}
    if f.suppression is not None:
        s = f.suppression
        if s.kind == "baseline":
            result["suppressions"] = [{"kind": "external", "justification": s.reason or "in the baseline"}]
        else:
            result["suppressions"] = [{"kind": "inSource", "justification": s.reason or "no reason given"}]
    return result


def sarif_dict(reports: list[Report], rules: RuleSet) -> dict:
    descriptors: list[dict] = []
    index: dict[str, int] = {}
    for r in rules.rules:
        index[r.id] = len(descriptors)
        descriptors.append(_descriptor(r))
    every = [f for report in reports for f in [*report.findings, *report.suppressed]]
    for rule_id in sorted({f.rule for f in every if f.rule in META_RULES and f.rule not in index}):
        index[rule_id] = len(descriptors)
        descriptors.append(_meta_descriptor(rule_id))
    results = []
    for report in reports:
        uri = _uri(report.path)
        results += [_result(f, uri, index) for f in report.findings]
        results += [_result(f, uri, index) for f in report.suppressed]
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
