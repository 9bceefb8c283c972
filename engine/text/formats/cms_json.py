"""CMS exports in JSON: WordPress REST API posts and Arc XP ANS stories.

Owns recognising the shape, choosing the fields that hold prose and
metadata, and mapping each field's prose through its JSON string escapes to
the file, naming the field by its JSON pointer (RFC 6901):

* WordPress (``/wp/v2/posts/ID``): ``/title/rendered`` is the headline and
  ``/content/rendered`` the body (HTML, read by ``html``); the publication
  date is ``date`` (the site's local time: the day its readers saw, which
  is what "on Monday" in the copy counts from), else ``date_gmt``; the
  author is ``_embedded.author[0].name`` when embedded.
* Arc XP ANS (``type: story``): ``/headlines/basic`` is the headline,
  ``/subheadlines/basic`` (else ``/description/basic``) the standfirst, and
  ``content_elements`` the body in order: ``text`` and ``header`` elements
  as body, ``list`` items as body, ``quote`` elements' text as quotes and
  ``image`` captions as captions; the date is ``first_publish_date``, else
  ``display_date``, else ``publish_date``; authors are ``credits.by[].name``.

A one-element array holding a post is read as that post.  Any other shape
is an error that says which shapes are read.

Does not own: HTML (``html``) or the offset map (``origin``).
"""

from __future__ import annotations

import json
import re
from array import array
from typing import Any

from ...errors import Diagnostic, UserError, input_error
from ..document import Document
from ..origin import ProseBuilder
from .html import html_fragment

SHAPES = (
    "factlint reads a WordPress REST API post (an object with `title.rendered` and `content.rendered`) "
    "or an Arc XP ANS story (an object with `content_elements`)"
)
_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\.)*"')
_SCALAR = re.compile(r"-?[0-9][0-9.eE+-]*|true|false|null")
_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\", "/": "/"}


def read_cms_json(text: str, path: str, fmt: str = "json") -> Document:
    lead = 1 if text.startswith("\ufeff") else 0
    try:
        data = json.loads(text[lead:])
    except json.JSONDecodeError as exc:
        raise UserError(Diagnostic(path, f"not valid JSON: {exc.msg}", "json", exc.lineno, exc.colno)) from None
    except RecursionError:
        raise input_error(path, "not valid JSON for an article: nested too deeply", "json") from None
    prefix = ""
    if isinstance(data, list) and len(data) == 1:
        data, prefix = data[0], "/0"
    elif isinstance(data, list):
        raise input_error(path, f"the JSON array holds {len(data)} items; {SHAPES}, one per file", "json-shape")
    shape = _shape(data)
    if shape is None or (fmt in ("wordpress", "arc") and fmt != shape):
        wanted = {"wordpress": "a WordPress REST API post", "arc": "an Arc XP ANS story"}.get(fmt)
        lead_in = f"this JSON is not {wanted}" if wanted and shape is not None else "JSON of an unknown shape"
        raise input_error(path, f"{lead_in}: {SHAPES} (or give --input-format text)", "json-shape")
    strings = _string_positions(text, lead)
    reader = _Reader(text, prefix, strings)
    if shape == "wordpress":
        metadata = reader.wordpress(data)
    else:
        metadata = reader.arc(data)
    b = reader.builder
    return Document(b.text, path, origin=b.origin(text), parts=b.parts, metadata=metadata, format=shape)


def _shape(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    title, content = data.get("title"), data.get("content")
    if isinstance(title, dict) and isinstance(content, dict) and isinstance(content.get("rendered"), str):
        return "wordpress"
    if isinstance(data.get("content_elements"), list):
        return "arc"
    return None


class _Reader:
    def __init__(self, text: str, prefix: str, strings: dict[str, tuple[int, int]]) -> None:
        self.text = text
        self.prefix = prefix
        self.strings = strings
        self.builder = ProseBuilder()

    def field(self, pointer: str, value: Any, role: str) -> None:
        """Add the prose of the string field at ``pointer`` (HTML) with ``role``."""
        if not isinstance(value, str) or not value.strip():
            return
        pointer = self.prefix + pointer
        where = self.strings.get(pointer)
        if where is None:  # pragma: no cover - every string json.loads saw is located
            return
        decoded, starts, ends = _decode_literal(self.text, *where)
        sub = html_fragment(decoded, role)
        self.builder.embed(sub, pointer, starts, ends, where[0] + 1)

    def wordpress(self, data: dict) -> dict[str, str]:
        self.field("/title/rendered", data["title"].get("rendered"), "headline")
        self.field("/content/rendered", data["content"].get("rendered"), "body")
        meta: dict[str, str] = {}
        _date(meta, data, ("date", "date_gmt"))
        author = _get(data, "_embedded", "author", 0, "name")
        if isinstance(author, str):
            meta["author"] = author
        return meta

    def arc(self, data: dict) -> dict[str, str]:
        self.field("/headlines/basic", _get(data, "headlines", "basic"), "headline")
        if isinstance(_get(data, "subheadlines", "basic"), str) and _get(data, "subheadlines", "basic").strip():
            self.field("/subheadlines/basic", _get(data, "subheadlines", "basic"), "standfirst")
        else:
            self.field("/description/basic", _get(data, "description", "basic"), "standfirst")
        self.elements(data["content_elements"], "/content_elements", "body")
        meta: dict[str, str] = {}
        _date(meta, data, ("first_publish_date", "display_date", "publish_date"))
        by = _get(data, "credits", "by")
        if isinstance(by, list):
            names = [str(b["name"]) for b in by if isinstance(b, dict) and isinstance(b.get("name"), str)]
            if names:
                meta["author"] = ", ".join(names)
        return meta

    def elements(self, elements: list, pointer: str, role: str) -> None:
        for i, el in enumerate(elements):
            if not isinstance(el, dict):
                continue
            kind, here = el.get("type"), f"{pointer}/{i}"
            if kind in ("text", "header"):
                self.field(f"{here}/content", el.get("content"), role)
            elif kind == "list" and isinstance(el.get("items"), list):
                self.elements(el["items"], f"{here}/items", role)
            elif kind == "quote" and isinstance(el.get("content_elements"), list):
                self.elements(el["content_elements"], f"{here}/content_elements", "quote")
            elif kind == "image":
                self.field(f"{here}/caption", el.get("caption"), "caption")


def _date(meta: dict[str, str], data: dict, keys: tuple[str, ...]) -> None:
    for key in keys:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            meta["published"] = value.strip()
            meta["published_field"] = f"`{key}`"
            return


def _get(data: Any, *keys: Any) -> Any:
    for key in keys:
        if isinstance(key, int):
            data = data[key] if isinstance(data, list) and len(data) > key else None
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return data


def _escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _string_positions(text: str, pos: int) -> dict[str, tuple[int, int]]:
    """JSON pointer -> (start, end) of the string literal (quotes included) of
    every string value in ``text`` (already known to be valid JSON)."""
    out: dict[str, tuple[int, int]] = {}
    stack: list[list] = []  # [kind, pointer, next key or index]
    expect_key = False
    n = len(text)
    while pos < n:
        ch = text[pos]
        if ch in " \t\r\n,:":
            pos += 1
            continue
        if ch in "{[":
            pointer = _child(stack)
            stack.append(["obj" if ch == "{" else "arr", pointer, None if ch == "{" else 0])
            expect_key = ch == "{"
            pos += 1
            continue
        if ch in "}]":
            stack.pop()
            _advance(stack)
            expect_key = bool(stack) and stack[-1][0] == "obj"
            pos += 1
            continue
        if ch == '"':
            m = _STRING.match(text, pos)
            if m is None:  # pragma: no cover - the text is valid JSON
                break
            if expect_key:
                stack[-1][2] = json.loads(m.group())
                expect_key = False
            else:
                out[_child(stack)] = (m.start(), m.end())
                _advance(stack)
                expect_key = bool(stack) and stack[-1][0] == "obj"
            pos = m.end()
            continue
        m = _SCALAR.match(text, pos)
        pos = m.end() if m else pos + 1
        _advance(stack)
        expect_key = bool(stack) and stack[-1][0] == "obj"
    return out


def _child(stack: list[list]) -> str:
    if not stack:
        return ""
    kind, pointer, key = stack[-1]
    return f"{pointer}/{key}" if kind == "arr" else f"{pointer}/{_escape_token(key)}"


def _advance(stack: list[list]) -> None:
    if stack and stack[-1][0] == "arr":
        stack[-1][2] += 1


def _decode_literal(text: str, start: int, end: int) -> tuple[str, array, array]:
    """A JSON string literal's value and, per value character, its file range."""
    chars: list[str] = []
    starts, ends = array("q"), array("q")
    i, stop = start + 1, end - 1
    while i < stop:
        ch = text[i]
        if ch != "\\":
            chars.append(ch)
            starts.append(i)
            ends.append(i + 1)
            i += 1
            continue
        kind = text[i + 1]
        if kind != "u":
            chars.append(_ESCAPES[kind])
            starts.append(i)
            ends.append(i + 2)
            i += 2
            continue
        code = int(text[i + 2 : i + 6], 16)
        width = 6
        if 0xD800 <= code < 0xDC00 and text[i + 6 : i + 8] == "\\u":
            low = int(text[i + 8 : i + 12], 16)
            if 0xDC00 <= low < 0xE000:
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                width = 12
        chars.append(chr(code))
        starts.append(i)
        ends.append(i + width)
        i += width
    return "".join(chars), starts, ends
