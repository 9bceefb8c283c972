"""The JUnit XML reporter, for CI systems that show test results (GitLab, Jenkins, Azure).

One ``<testsuite>`` per article, one ``<testcase>`` per finding (named by
rule and place, class name the article's path); a finding at or above the
file's ``fail-on`` is a ``<failure>`` (type = severity), one below it a
passing case with the message as ``<system-out>``; a finding hidden by a
suppression comment or the baseline is ``<skipped>`` with the reason; an
article with nothing to report is one passing case.  Text is escaped by
ElementTree, and characters XML 1.0 cannot hold are dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..api import Report
from ..evaluate.findings import SEVERITY_RANK, Finding

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("", text)


def _details(f: Finding, path: str) -> str:
    lines = [f"{path}:{f.line}:{f.column}: {f.severity}[{f.rule}] {f.message}"]
    lines += [f"  {c.role}: line {c.line}, column {c.column}: {c.text}" for c in f.citations]
    lines += [f"  note: {n.message}" for n in f.notes]
    return _x("\n".join(lines))


def render_junit(reports: list[Report], fail_on: dict[str, str] | None = None) -> str:
    root = ET.Element("testsuites", name="factlint")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for r in reports:
        level = (fail_on or {}).get(r.path, "warning")
        rank = SEVERITY_RANK.get(level, len(SEVERITY_RANK))  # "never": nothing fails
        suite = ET.SubElement(root, "testsuite", name=_x(r.path))
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        for f in [*r.findings, *r.suppressed]:
            case = ET.SubElement(suite, "testcase", name=_x(f"{f.rule} at {f.line}:{f.column}"), classname=_x(r.path))
            counts["tests"] += 1
            if f.suppression is not None:
                ET.SubElement(case, "skipped", message=_x(f"{f.suppression.kind}: {f.suppression.reason or 'no reason given'}"))
                counts["skipped"] += 1
            elif SEVERITY_RANK[f.severity] >= rank:
                failure = ET.SubElement(case, "failure", message=_x(f.message), type=f.severity)
                failure.text = _details(f, r.path)
                counts["failures"] += 1
            else:
                ET.SubElement(case, "system-out").text = _details(f, r.path)
        if not counts["tests"]:
            ET.SubElement(suite, "testcase", name="factlint", classname=_x(r.path))
            counts["tests"] = 1
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
        suite.set("errors", "0")
    for k, v in totals.items():
        root.set(k, str(v))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
