"""Input formats: each turns a file's text into the same Document.

Owns the list of formats, choosing one for a file (by extension, or the
``--input-format`` override) and dispatching to its reader.  Readers are
imported only when used, so plain text loads none of them.

========== ============================================= ==========================
format     files                                          reader
========== ============================================= ==========================
text       ``.txt`` and any extension not listed here     the file is the prose
markdown   ``.md``, ``.markdown``, ``.mdown``, ``.mkd``    ``markdown``
html       ``.html``, ``.htm``, ``.xhtml``                ``html``
json       ``.json``: a WordPress post or an Arc XP story ``cms_json`` (by shape)
wordpress  a WordPress REST API post (JSON)               ``cms_json``
arc        an Arc XP ANS story (JSON)                     ``cms_json``
========== ============================================= ==========================

Does not own: reading bytes from disk (``source``) or the offset map
(``origin``).
"""

from __future__ import annotations

import os

from ...errors import input_error
from ..document import Document

FORMATS = ("text", "markdown", "html", "json", "wordpress", "arc")

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
}


def format_for(path: str, override: str | None = None) -> str:
    """The format of ``path``: ``override`` when given, else by extension (default text)."""
    if override:
        if override not in FORMATS:
            raise input_error("--input-format", f"unknown input format {override!r} (one of: {', '.join(FORMATS)})", "usage")
        return override
    return EXTENSIONS.get(os.path.splitext(path)[1].lower(), "text")


def is_article_path(path: str) -> bool:
    """Whether a file found while walking a folder is an article (a known extension, not a sidecar)."""
    name = os.path.basename(path).lower()
    return os.path.splitext(name)[1] in EXTENSIONS and not name.endswith(".meta.json")


def read_document(text: str, path: str, fmt: str = "text") -> Document:
    """The Document of ``text`` (read from ``path``) in format ``fmt``."""
    if fmt == "text":
        return Document(text, path)
    if fmt == "markdown":
        from .markdown import read_markdown

        return read_markdown(text, path)
    if fmt == "html":
        from .html import read_html

        return read_html(text, path)
    if fmt in ("json", "wordpress", "arc"):
        from .cms_json import read_cms_json

        return read_cms_json(text, path, fmt)
    raise input_error(path, f"unknown input format {fmt!r} (one of: {', '.join(FORMATS)})", "usage")
