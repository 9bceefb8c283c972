"""Front matter: the YAML (``---``) or TOML (``+++``) block at the top of a
Markdown file, read as metadata fields that know where they are in the file.

Owns finding the block, parsing it (PyYAML's safe composer, which builds
nodes and runs no constructors, so nothing in the file can run code; tomllib
or tomli for TOML) and returning its top-level scalar fields with the file
range of each value, and whether that range holds the value verbatim.

Does not own: which fields mean what (``markdown``) or reading dates
(``dates``).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date, datetime

from ...errors import Diagnostic, UserError

_YAML_OPEN = re.compile(r"\A(\ufeff?)---[ \t]*(\r\n|\r|\n)")
_YAML_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", re.M)
_TOML_OPEN = re.compile(r"\A(\ufeff?)\+\+\+[ \t]*(\r\n|\r|\n)")
_TOML_CLOSE = re.compile(r"^\+\+\+[ \t]*(?:\r\n|\r|\n|\Z)", re.M)
# a one-line TOML value: a basic string, a literal string, or anything else up to a comment
_TOML_VALUE = r"(\"(?:[^\"\\\r\n]|\\.)*\"|'[^'\r\n]*'|[^#\r\n]*[^#\s])"


@dataclass(frozen=True)
class MetaField:
    """One front matter field: its value as text and where the value is in the file."""

    key: str
    value: str
    start: int
    end: int
    verbatim: bool  # file[start:end] == value


@dataclass(frozen=True)
class FrontMatter:
    kind: str  # "yaml" or "toml"
    end: int  # file offset just past the closing line
    fields: dict[str, MetaField]


def read_front_matter(text: str, path: str) -> FrontMatter | None:
    """The front matter at the top of ``text``, or None when it has none."""
    for kind, opening, closing in (("yaml", _YAML_OPEN, _YAML_CLOSE), ("toml", _TOML_OPEN, _TOML_CLOSE)):
        m = opening.match(text)
        if m is None:
            continue
        close = closing.search(text, m.end())
        if close is None:
            fence = "---" if kind == "yaml" else "+++"
            raise UserError(Diagnostic(path, f"front matter opened with `{fence}` is never closed", "front-matter", 1, 1))
        body_start, body_end = m.end(), close.start()
        body = text[body_start:body_end]
        fields = _yaml_fields(body, body_start, text, path) if kind == "yaml" else _toml_fields(body, body_start, text, path)
        return FrontMatter(kind, close.end(), fields)
    return None


def _yaml_fields(body: str, base: int, text: str, path: str) -> dict[str, MetaField]:
    import yaml

    try:
        root = yaml.compose(body, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line, column = _line_col(text, base + mark.index) if mark is not None else (None, None)
        raise UserError(Diagnostic(path, f"front matter is not valid YAML: {problem}", "front-matter", line, column)) from None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise UserError(Diagnostic(path, "front matter must be a YAML mapping of fields (`title: ...`)", "front-matter", 2, 1))
    fields: dict[str, MetaField] = {}
    for key, node in root.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        start, end = base + node.start_mark.index, base + node.end_mark.index
        if isinstance(node, yaml.ScalarNode):
            value = node.value.strip()
            verbatim = node.style is None and text[start:end] == value
            if node.style in ("'", '"') and text[start + 1 : end - 1] == value:  # quoted, nothing escaped
                start, end, verbatim = start + 1, end - 1, True
        elif isinstance(node, yaml.SequenceNode) and all(isinstance(v, yaml.ScalarNode) for v in node.value):
            value, verbatim = ", ".join(v.value.strip() for v in node.value), False
        else:
            continue
        fields.setdefault(key.value, MetaField(key.value, value, start, end, verbatim))
    return fields


def _toml_fields(body: str, base: int, text: str, path: str) -> dict[str, MetaField]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        data = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(Diagnostic(path, f"front matter is not valid TOML: {exc}", "front-matter")) from None
    fields: dict[str, MetaField] = {}
    for key, raw in data.items():
        if isinstance(raw, datetime | date):
            value = raw.isoformat()
        elif isinstance(raw, str | int | float):
            value = str(raw)
        elif isinstance(raw, list) and all(isinstance(v, str) for v in raw):
            value = ", ".join(raw)
        else:
            continue
        value = value.strip()
        m = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=[ \t]*{_TOML_VALUE}", body, re.M)
        if m is None:  # a quoted key or a dotted one: the whole block
            start, end = base, base + len(body)
        else:
            start, end = base + m.start(1), base + m.end(1)
            literal = m.group(1)
            if len(literal) >= 2 and literal[0] in "\"'" and literal[-1] == literal[0] and literal[1:-1] == value:
                start, end = start + 1, end - 1
        fields[key] = MetaField(key, value, start, end, text[start:end] == value)
    return fields


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = len(re.findall(r"\r\n|\r|\n", text[:offset])) + 1
    last = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset))
    return line, offset - last
