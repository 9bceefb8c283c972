"""HTML articles and HTML fragments (the strings CMSs store) as prose blocks.

Owns reading HTML with the standard library's ``html.parser`` (no package
is clearly better for this: the parser reports where each piece starts,
which is what the offset map needs, and it never fails on broken markup).

A page: the article is the first ``<article>``, else ``<main>``, else
``<body>``.  Its headline is the first ``<h1>`` (else ``og:title``); the
standfirst an element with class ``standfirst``, ``dek``, ``deck``,
``subheadline``, ``subtitle`` or ``summary`` (else ``<meta
name="description">``); ``<figcaption>`` text is a caption and
``<blockquote>`` text a quote; everything else in the article is body, one
block per paragraph, heading, list item or table cell.  ``script``,
``style``, ``nav``, ``aside``, ``footer``, ``form``, ``pre``, ``code`` and
the like are skipped, and so are elements marked as page furniture (class
``byline``, ``dateline``, ``breadcrumb``, ``related``, ``share``,
``newsletter``...; ARIA role ``navigation``, ``complementary``...;
``hidden`` or ``aria-hidden``).  The publication date is ``<meta
property="article:published_time">``, else JSON-LD ``datePublished``.

Entities map to their whole source (``&amp;`` -> ``&``); a run of white
space holding a line break becomes one space (HTML renders it as one);
``<br>`` becomes a line break.

Does not own: the offset map (``origin``) or which JSON fields hold HTML
(``cms_json``).
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

from ..document import Document
from ..origin import ProseBuilder

SKIP = frozenset(
    "script style nav aside footer form pre code noscript template svg math button select textarea iframe object head title".split()
)
BLOCKS = frozenset(
    "p div section article main header footer h1 h2 h3 h4 h5 h6 li dd dt blockquote figure figcaption table tr td th caption "
    "ul ol dl address hr pre".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
#: page furniture marked by class or ARIA role, skipped like ``nav``
SKIP_CLASSES = frozenset("byline dateline breadcrumb breadcrumbs related share social newsletter advertisement".split())
SKIP_ROLES = frozenset("navigation complementary banner contentinfo search".split())
STANDFIRST_CLASSES = frozenset("standfirst dek deck subheadline subhead subtitle summary".split())
_REF = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,9}|[A-Za-z][A-Za-z0-9]{0,40});?")
_WS = re.compile(r"\s+")
_ATTR = r"""\b{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""


class _Prose(HTMLParser):
    """Collects prose blocks from HTML into builders (offsets into ``text``)."""

    def __init__(self, text: str, page: bool, role: str = "body") -> None:
        super().__init__(convert_charrefs=False)
        self._src = text
        self.page = page
        self.role = role
        self.lf_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.scope_tag = _scope_tag(text) if page else None
        self.scope_depth = 0 if self.scope_tag else 1
        self.stack: list[tuple[str, str, bool]] = []  # (tag, role given by this element or "", skipped)
        self.skip = 0
        self.headline = ProseBuilder()
        self.standfirst = ProseBuilder()
        self.body = ProseBuilder()
        self.target: ProseBuilder | None = None
        self.metadata: dict[str, str] = {}
        self.meta_spans: dict[str, tuple[int, int, str]] = {}  # name -> (start, end, raw value)
        self.ld_json: list[str] = []  # the text of each JSON-LD script
        self._ld_open: list[str] | None = None

    # -- positions --------------------------------------------------------
    def _at(self) -> int:
        line, col = self.getpos()
        return self.lf_starts[line - 1] + col

    # -- tags -------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._at()
        if tag == "meta":
            self._meta(dict(attrs), at)
            return
        if tag == "script" and (dict(attrs).get("type") or "").lower() == "application/ld+json":
            self._ld_open = []
        if tag == "br" and self._prose_here():
            self._ensure_block()
            if self.target is not None:
                self.target.mark("\n", at)
            return
        if tag in VOID:
            return
        if tag in ("p", "li") and self.stack and self.stack[-1][0] == tag:  # an unclosed <p> or <li>
            self.handle_endtag(tag)
        if tag == self.scope_tag:
            self.scope_depth += 1
        found = dict(attrs)
        classes = set((found.get("class") or "").lower().split())
        itemprop = (found.get("itemprop") or "").lower()
        skipped = (
            tag in SKIP
            or bool(classes & SKIP_CLASSES)
            or (found.get("role") or "").lower() in SKIP_ROLES
            or (found.get("aria-hidden") or "").lower() == "true"
            or "hidden" in found
        )
        if skipped:
            self.skip += 1
        role = ""
        if tag == "figcaption":
            role = "caption"
        elif tag == "blockquote":
            role = "quote"
        elif self.page and tag == "h1" and not self.headline.length:
            role = "headline"
        elif self.page and (classes & STANDFIRST_CLASSES or itemprop == "description") and not self.standfirst.length:
            role = "standfirst"
        self.stack.append((tag, role, skipped))
        if tag in BLOCKS or role:
            self._close_block()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._ld_open is not None:
            self.ld_json.append("".join(self._ld_open))
            self._ld_open = None
        if not any(t == tag for t, _, _ in self.stack):
            return
        while self.stack:
            open_tag, role, skipped = self.stack.pop()
            if skipped:
                self.skip -= 1
            if open_tag == self.scope_tag:
                self.scope_depth -= 1
            if open_tag in BLOCKS or role:
                self._close_block()
            if open_tag == tag:
                break

    # -- text -------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        at = self._at()
        if self._ld_open is not None:
            self._ld_open.append(data)
            return
        if not self._prose_here():
            return
        for m in re.finditer(r"\S+|\s+", data):
            piece = m.group()
            start = at + m.start()
            if not piece.isspace():
                self._ensure_block()
                assert self.target is not None
                self.target.copy(start, piece)
            elif self.target is not None and self.target.in_block():
                if "\n" in piece or "\r" in piece:
                    self.target.put(" ", start, start + len(piece))
                else:
                    self.target.copy(start, piece)

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def _reference(self) -> None:
        at = self._at()
        m = _REF.match(self._src, at)
        if m is None:
            return
        decoded = html.unescape(m.group())
        if self._ld_open is not None:
            self._ld_open.append(m.group())
            return
        if not self._prose_here():
            return
        if decoded.isspace():
            if self.target is not None and self.target.in_block():
                self.target.put(" ", m.start(), m.end())
            return
        self._ensure_block()
        assert self.target is not None
        self.target.put(decoded, m.start(), m.end())

    # -- blocks -----------------------------------------------------------
    def _prose_here(self) -> bool:
        return self.skip == 0 and self.scope_depth > 0

    def _role(self) -> str:
        for _tag, role, _skipped in reversed(self.stack):
            if role:
                return role
        return self.role

    def _ensure_block(self) -> None:
        if self.target is not None and self.target.in_block():
            return
        role = self._role()
        self.target = self.headline if role == "headline" else self.standfirst if role == "standfirst" else self.body
        self.target.open_block(role)

    def _close_block(self) -> None:
        if self.target is not None:
            self.target.close_block()
            self.target = None

    # -- metadata ---------------------------------------------------------
    def _meta(self, attrs: dict[str, str | None], at: int) -> None:
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content")
        if not name or content is None or name in self.meta_spans:
            return
        raw = self.get_starttag_text() or ""
        m = re.search(_ATTR.format(name="content"), raw, re.I)
        if m is None:
            return
        group = next(i for i in (1, 2, 3) if m.group(i) is not None)
        self.meta_spans[name] = (at + m.start(group), at + m.end(group), m.group(group))


def _scope_tag(text: str) -> str | None:
    for tag in ("article", "main", "body"):
        if re.search(rf"<{tag}[\s>]", text, re.I):
            return tag
    return None


def _attribute_block(b: ProseBuilder, role: str, span: tuple[int, int, str]) -> None:
    start, end, raw = span
    value = " ".join(html.unescape(raw).split())
    if not value:
        return
    b.open_block(role)
    if value == raw:
        b.copy(start, value)
    else:
        b.put(value, start, end)
    b.close_block()


def read_html(text: str, path: str) -> Document:
    p = _Prose(text, page=True)
    p.feed(text)
    p.close()
    p._close_block()
    metadata: dict[str, str] = {}
    if not p.headline.length and "og:title" in p.meta_spans:
        _attribute_block(p.headline, "headline", p.meta_spans["og:title"])
    if not p.standfirst.length and "description" in p.meta_spans:
        _attribute_block(p.standfirst, "standfirst", p.meta_spans["description"])
    if "article:published_time" in p.meta_spans:
        metadata["published"] = html.unescape(p.meta_spans["article:published_time"][2]).strip()
        metadata["published_field"] = '<meta property="article:published_time">'
    else:
        date = _ld_date_published(p.ld_json)
        if date:
            metadata["published"] = date
            metadata["published_field"] = "JSON-LD `datePublished`"
    if "author" in p.meta_spans:
        metadata["author"] = html.unescape(p.meta_spans["author"][2]).strip()
    b = ProseBuilder()
    for part in (p.headline, p.standfirst, p.body):
        b.extend_from(part)
    return Document(b.text, path, origin=b.origin(text), parts=b.parts, metadata=metadata, format="html")


def html_fragment(value: str, role: str) -> ProseBuilder:
    """Prose of an HTML fragment (a CMS field), offsets into ``value``; text
    outside any marked element gets ``role``."""
    p = _Prose(value, page=False, role=role)
    p.feed(value)
    p.close()
    p._close_block()
    b = ProseBuilder()
    for part in (p.headline, p.standfirst, p.body):
        b.extend_from(part)
    return b


def _ld_date_published(scripts: list[str]) -> str | None:
    """``datePublished`` of the first JSON-LD object that has one."""
    for script in scripts:
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        found = _find_key(data, "datePublished", 0)
        if found:
            return found
    return None


def _find_key(data: object, key: str, depth: int) -> str | None:
    if depth > 8:
        return None
    if isinstance(data, dict):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        items = list(data.get("@graph", [])) if isinstance(data.get("@graph"), list) else []
        return next((v for v in (_find_key(i, key, depth + 1) for i in items) if v), None)
    if isinstance(data, list):
        return next((v for v in (_find_key(i, key, depth + 1) for i in data[:50]) if v), None)
    return None
