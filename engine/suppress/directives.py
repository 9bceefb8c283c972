"""Reading suppression comments: ``<!-- factlint-disable RULE -- reason -->`` and kin.

Owns the syntax.  In an article (plain text, Markdown, HTML, and HTML held
in a JSON string) a directive is an HTML comment::

    <!-- factlint-disable RULE[, RULE...] -- reason -->      until the matching enable (or the end)
    <!-- factlint-enable RULE[, RULE...] -->
    <!-- factlint-disable-next-paragraph RULE -- reason -->  the paragraph after the comment
    <!-- factlint-disable-file RULE -- reason -->            the whole file

A JSON article may also carry a top-level ``"factlint"`` field: a string or
a list of strings, each ``disable-file RULE -- reason`` (the ``factlint-``
prefix and the comment markers are optional there).  RULE is a rule id or an
id prefix (``people/``).  Every comment is kept with its offsets so the
audit can cite it; malformed ones carry their problem.  Does not own what a
directive hides (``apply``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

KINDS = ("disable", "enable", "disable-next-paragraph", "disable-file")

_COMMENT = re.compile(r"<!--\s*factlint-(?P<kind>[A-Za-z-]*)(?P<body>.*?)-->", re.S)
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")
_JSON_FIELD = re.compile(r'"factlint"\s*:')


@dataclass
class Directive:
    kind: str
    rules: list[str]
    reason: str | None
    #: offsets of the whole comment in the file as read
    start: int
    end: int
    #: what is wrong with it (an unknown kind, no rule named, no reason)
    problems: list[str] = field(default_factory=list)
    #: True for an entry of a JSON ``factlint`` field
    in_field: bool = False


def parse_body(kind: str, body: str, start: int, end: int, in_field: bool = False) -> Directive:
    body = body.replace("\\/", "/")  # HTML inside a JSON string: WordPress writes `\/`
    m = _REASON.search(body)
    names, said = (body[: m.start()], body[m.end() :]) if m else (body, "")
    rules = [r for r in re.split(r"[\s,]+", names.strip()) if r]
    d = Directive(kind, rules, " ".join(said.split()) or None, start, end, in_field=in_field)
    if kind not in KINDS:
        import difflib

        close = difflib.get_close_matches(kind, KINDS, n=1)
        hint = f"; did you mean `factlint-{close[0]}`?" if close else f"; use one of {', '.join('factlint-' + k for k in KINDS)}"
        d.problems.append(f"unknown directive `factlint-{kind}`{hint}")
        return d
    if not rules:
        d.problems.append(f"`factlint-{kind}` names no rule (write the rule id, or an id prefix such as `people/`)")
    if kind != "enable" and d.reason is None:
        d.problems.append(f"`factlint-{kind}` gives no reason: an editor reading it must see why (`-- reason`)")
    if in_field and kind != "disable-file":
        d.problems.append(f"a `factlint` field can only hold `disable-file` directives (`{kind}` needs a place in the text)")
    return d


def comment_directives(text: str) -> list[Directive]:
    """Every ``<!-- factlint-... -->`` comment in the text, in order."""
    return [parse_body(m.group("kind").lower(), m.group("body"), m.start(), m.end()) for m in _COMMENT.finditer(text)]


def field_directives(text: str) -> list[Directive]:
    """The directives of a JSON article's top-level ``factlint`` field (none for other text)."""
    if not text.lstrip().startswith("{") or '"factlint"' not in text:
        return []
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return []
    if not isinstance(data, dict) or "factlint" not in data:
        return []
    value = data["factlint"]
    m = _JSON_FIELD.search(text)
    start = m.start() if m else 0
    end = _field_end(text, m.end()) if m else 0
    entries = value if isinstance(value, list) else [value]
    out = []
    for entry in entries:
        if not isinstance(entry, str):
            d = Directive("disable-file", [], None, start, end, in_field=True)
            d.problems.append("a `factlint` field holds strings such as `disable-file RULE -- reason`")
            out.append(d)
            continue
        s = entry.strip().removeprefix("<!--").removesuffix("-->").strip().removeprefix("factlint-")
        kind, _, body = s.partition(" ")
        out.append(parse_body(kind.lower(), " " + body, start, end, in_field=True))
    return out


def _field_end(text: str, at: int) -> int:
    """The end of the JSON value starting after ``at`` (for citing the whole field)."""
    try:
        _, end = json.JSONDecoder().raw_decode(text, len(text) - len(text[at:].lstrip()))
        return end
    except ValueError:
        return at


def directives(text: str) -> list[Directive]:
    return field_directives(text) + comment_directives(text)
