"""The GitHub Actions reporter: workflow commands that become annotations.

One command per finding::

    ::warning file=a.md,line=3,col=5,endLine=3,endColumn=40,title=factlint people/age-mismatch::message

(``error`` -> ``::error``, ``warning`` -> ``::warning``, ``info`` ->
``::notice``).  Values are escaped as the Actions toolkit does: ``%``, CR and
LF in the message; also ``:`` and ``,`` in properties, so no article text or
file name can end a command early or inject another.  Notes follow the
message on their own lines.  A plain summary line ends the output.
"""

from __future__ import annotations

from ..api import Report
from .text import summary

LEVELS = {"info": "notice", "warning": "warning", "error": "error"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(reports: list[Report]) -> str:
    out = []
    for r in reports:
        for f in r.findings:
            props = {"file": r.path, "line": f.line, "col": f.column}
            if f.citations:
                c = f.citations[0]
                props.update({"endLine": c.end_line, "endColumn": c.end_column})
            props["title"] = f"factlint {f.rule}"
            message = f.message + "".join(f"\n= note: {n.message}" for n in f.notes)
            head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
            out.append(f"::{LEVELS[f.severity]} {head}::{escape_data(message)}")
    out.append(summary(reports))
    return "\n".join(out)
