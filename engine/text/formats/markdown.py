"""Markdown articles: front matter as metadata, the prose of the body as blocks.

Owns reading a Markdown file (CommonMark plus tables and strikethrough,
parsed by markdown-it-py) into a Document.  Prose is the text of headings,
paragraphs, list items, table cells and block quotes (role ``quote``), and
of HTML blocks read as HTML (``html``: a ``<figure>``'s ``<figcaption>`` is a
caption; a comment gives nothing); code blocks, inline code, inline HTML,
link targets, images and the front matter itself are not prose.  Front matter fields:
``title``/``headline`` is the headline, ``standfirst``/``description`` the
standfirst, ``published``/``publishDate``/``date`` the publication date (as
written, read by ``dates``) and ``author`` the author.  Without a title, a
level-one heading that opens the body is the headline.

Every prose character is mapped to the file: markdown-it-py gives each block
its lines but inline tokens no columns, so each block's inline source is
found on its lines and its tokens are aligned against it in order (escapes
and entities map to their whole source).  A block whose tokens cannot be
aligned is mapped as a whole to its lines (its citations then cover the
block), never guessed.

Does not own: the offset map (``origin``) or front matter parsing
(``frontmatter``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..document import Document
from ..origin import ProseBuilder
from .frontmatter import MetaField, read_front_matter

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_BREAK = re.compile(r"\r\n|\r|\n")
_NAMES = {
    "headline": ("title", "headline"),
    "standfirst": ("standfirst", "description"),
    "published": ("published", "publishDate", "date"),
    "author": ("author",),
}


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    # text_join off: escapes and entities stay separate tokens carrying their source
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


def read_markdown(text: str, path: str) -> Document:
    fm = read_front_matter(text, path)
    b = ProseBuilder()
    metadata: dict[str, str] = {}
    found: dict[str, MetaField] = {}
    if fm is not None:
        for name, keys in _NAMES.items():
            f = next((fm.fields[k] for k in keys if k in fm.fields and fm.fields[k].value), None)
            if f is not None:
                found[name] = f
                metadata[name] = f.value
                metadata[f"{name}_field"] = f"front matter `{f.key}`"
        for role in ("headline", "standfirst"):
            if role in found:
                b.open_block(role)
                _add_field(b, found[role])
                b.close_block()
    body_start = fm.end if fm is not None else (1 if text.startswith("\ufeff") else 0)
    _read_body(b, text, body_start, has_headline="headline" in found)
    doc = Document(b.text, path, origin=b.origin(text), parts=b.parts, metadata=metadata, format="markdown")
    return doc


def _add_field(b: ProseBuilder, f: MetaField) -> None:
    if f.verbatim:
        b.copy(f.start, f.value)
    else:
        b.put(" ".join(f.value.split()), f.start, f.end)


def _read_body(b: ProseBuilder, text: str, base: int, has_headline: bool) -> None:
    body = text[base:]
    lines = [(base + m.start(), base + m.start() + len(m.group().rstrip("\r\n"))) for m in _LINE.finditer(body)]
    tokens = _parser().parse(body)
    quote_depth = 0
    first_block = True
    role = "body"
    cells: dict[int, int] = {}  # table row line -> where the next cell is searched from
    for tok in tokens:
        if tok.type == "blockquote_open":
            quote_depth += 1
        elif tok.type == "blockquote_close":
            quote_depth -= 1
        elif tok.type in ("heading_open", "paragraph_open", "th_open", "td_open"):
            if tok.type == "heading_open" and tok.tag == "h1" and first_block and not has_headline:
                role = "headline"
            else:
                role = "quote" if quote_depth else "body"
        elif tok.type == "inline" and tok.map is not None:
            b.open_block(role)
            _inline(b, tok, text, lines, cells)
            b.close_block()
            first_block = False
        elif tok.type == "html_block" and tok.map is not None:
            if _html_block(b, tok, text, lines, quote_depth):
                first_block = False
        elif tok.type in ("fence", "code_block", "hr"):
            first_block = False


def _html_block(b: ProseBuilder, tok: Any, text: str, lines: list[tuple[int, int]], quote_depth: int) -> bool:
    """The prose of an HTML block (a ``<figure>`` with its caption, a ``<p>``),
    read as HTML; comments, scripts and the like give none.  True if it gave prose."""
    content = tok.content.rstrip("\n")
    cmap = _content_map(content, tok.map[0], text, lines, None)
    if cmap is None or "<" not in content:
        return False
    from .html import html_fragment

    sub = html_fragment(content, "quote" if quote_depth else "body")
    if not sub.length:
        return False
    if b.in_block():
        b.close_block()
    b.embed(sub, None, cmap[0], cmap[1], cmap[0][0] if cmap[0] else 0)
    return True


def _inline(b: ProseBuilder, tok: Any, text: str, lines: list[tuple[int, int]], cells: dict[int, int]) -> None:
    content: str = tok.content
    first = tok.map[0]
    cmap = _content_map(content, first, text, lines, cells if tok.map[1] - first == 1 else None)
    pieces = _align(tok.children or [], content) if cmap is not None else None
    if cmap is None or pieces is None:  # map the block's text to its lines as a whole
        plain = " ".join(_plain(tok.children or []).split())
        last = min(tok.map[1], len(lines)) - 1
        b.put(plain, lines[first][0], lines[last][1])
        return
    starts, ends = cmap
    for a, z, prose, exact in pieces:
        if exact:
            b.extend(prose, starts[a:z], ends[a:z])
        elif z > a:
            b.put(prose, starts[a], ends[z - 1])


def _content_map(content: str, first: int, text: str, lines: list[tuple[int, int]], cells: dict[int, int] | None):
    """File offsets (start, end) of every character of a block's inline source, or None."""
    starts: list[int] = []
    ends: list[int] = []
    parts = content.split("\n")
    for k, part in enumerate(parts):
        if first + k >= len(lines):
            return None
        lo, hi = lines[first + k]
        if cells is not None:  # one line holding several table cells: search on from the last one
            at = text.find(part, cells.get(first, lo), hi)
            if at >= 0:
                cells[first] = at + len(part)
        else:
            at = text.rfind(part, lo, hi)
        if at < 0:
            return None
        starts.extend(range(at, at + len(part)))
        ends.extend(range(at + 1, at + len(part) + 1))
        if k + 1 < len(parts):  # the line break
            nxt = lines[first + k + 1][0] if first + k + 1 < len(lines) else hi
            starts.append(hi)
            ends.append(nxt)
    return starts, ends


def _align(children: list[Any], content: str) -> list[tuple[int, int, str, bool]] | None:
    """Pieces (start, end, prose, exact) of ``content`` that are prose, in order."""
    out: list[tuple[int, int, str, bool]] = []
    c = 0
    skip_until_close = False
    for ch in children:
        kind = ch.type
        if skip_until_close:
            if kind == "link_close":
                skip_until_close = False
                end = content.find(">", c)
                if end < 0:
                    return None
                c = end + 1
            continue
        if kind == "text":
            if not ch.content:
                continue
            at = content.find(ch.content, c)
            if at < 0:
                return None
            out.append((at, at + len(ch.content), ch.content, True))
            c = at + len(ch.content)
        elif kind == "text_special":
            at = content.find(ch.markup, c)
            if at < 0:
                return None
            out.append((at, at + len(ch.markup), ch.content, False))
            c = at + len(ch.markup)
        elif kind in ("softbreak", "hardbreak"):
            at = content.find("\n", c)
            if at < 0:
                return None
            out.append((at, at + 1, "\n", False))
            c = at + 1
        elif kind in ("em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"):
            at = content.find(ch.markup, c)
            c = at + len(ch.markup) if at >= 0 else c
        elif kind == "code_inline":
            at = content.find(ch.markup, c)
            close = content.find(ch.markup, at + len(ch.markup)) if at >= 0 else -1
            if close < 0:
                return None
            c = close + len(ch.markup)
        elif kind == "html_inline":
            at = content.find(ch.content, c)
            if at < 0:
                return None
            c = at + len(ch.content)
        elif kind == "link_open":
            if ch.markup == "autolink":
                skip_until_close = True
                continue
            at = content.find("[", c)
            if at < 0:
                return None
            c = at + 1
        elif kind == "link_close":
            at = content.find("]", c)
            if at < 0:
                return None
            c = _skip_destination(content, at + 1)
        elif kind == "image":
            at = content.find("![", c)
            if at < 0:
                return None
            c = _skip_destination(content, _skip_brackets(content, at + 1))
    return out


def _skip_brackets(s: str, i: int) -> int:
    """Past the ``[...]`` opening at ``i`` (nested brackets and escapes allowed)."""
    depth = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def _skip_destination(s: str, i: int) -> int:
    """Past a link's ``(destination "title")`` or ``[label]`` starting at ``i``, if any."""
    if i < len(s) and s[i] == "[":
        return _skip_brackets(s, i)
    if i >= len(s) or s[i] != "(":
        return i
    depth, quote = 0, ""
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'" and depth == 1 and s[i - 1] in " \t\n":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def _plain(children: list[Any]) -> str:
    out = []
    skip = False
    for ch in children:
        if ch.type == "link_open" and ch.markup == "autolink":
            skip = True
        elif ch.type == "link_close":
            skip = False
        elif skip:
            continue
        elif ch.type in ("text", "text_special"):
            out.append(ch.content)
        elif ch.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)
