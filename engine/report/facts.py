"""Rendering an article's facts: a readable text listing and complete JSON.

JSON (schema version 1): ``{"schema_version": 1, "path", "published",
"facts": [{"id", "kind", "start", "end", "text", ...every field of the
fact...}]}``.  Span-valued fields are ``{"start", "end", "text"}`` objects.
The same document is accepted back by ``factlint check --facts``.
"""

from __future__ import annotations

import json

from ..api import SCHEMA_VERSION
from ..facts.model import FactSet, Span
from ..text.document import Document


def facts_dict(fs: FactSet) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "path": fs.path,
        "published": fs.published,
        "facts": [f.model_dump(mode="json") for f in fs.facts],
    }


def facts_json_schema() -> dict:
    """The JSON Schema of the facts document (for ``--facts`` producers)."""
    schema = FactSet.model_json_schema()
    schema["properties"]["schema_version"] = {"const": SCHEMA_VERSION, "type": "integer"}
    schema["title"] = "factlint facts, schema version 1"
    return schema


def render_facts_json(fs: FactSet) -> str:
    return json.dumps(facts_dict(fs), ensure_ascii=False, indent=2)


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


_SKIP = {"id", "kind", "start", "end", "text", "sentence", "paragraph", "in_headline", "topic"}


def render_facts_text(fs: FactSet, text: str) -> str:
    doc = Document(text, fs.path, fs.published)
    out = [f"{fs.path}: {len(fs.facts)} facts (published: {fs.published or 'unknown'})"]
    for f in fs.facts:
        line, col = doc.position(f.start)
        where = f"{line}:{col}"
        out.append(f"{f.id:>5} {f.kind:<10} {where:<8} \"{_short(f.text)}\"{'  [headline]' if f.in_headline else ''}")
        for name, value in f:
            if name in _SKIP or value in (None, [], False, "unknown"):
                continue
            if isinstance(value, Span):
                shown = f"\"{_short(value.text, 60)}\" @{value.start}-{value.end}"
            elif isinstance(value, list):
                shown = ", ".join(_short(v.text, 30) if isinstance(v, Span) else str(v) for v in value)
            else:
                shown = str(value)
            out.append(f"{'':>16}{name}: {shown}")
        if f.topic:
            out.append(f"{'':>16}topic: {' '.join(f.topic[:12])}{' …' if len(f.topic) > 12 else ''}")
    return "\n".join(out)
