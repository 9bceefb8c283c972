"""Quoting a cited span under its line, rustc style, for long news lines.

Owns turning (document, citation) into a few display lines: the line number
gutter, an excerpt of the line around the span (news paragraphs are often
one 500-character line, so the excerpt is windowed with ``…``), and a caret
underline with a label.  Display width counts East Asian wide characters and
most emoji as two columns so the carets line up in a terminal; tabs and other
control characters are shown as one space.
"""

from __future__ import annotations

import unicodedata

from ..errors import is_control
from ..evaluate.findings import Citation
from ..text.document import Document

CONTEXT = 24  # characters shown before and after the span
MAX_UNDERLINE = 72  # characters of the span shown before eliding


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F") or ord(ch) >= 0x1F000:
        return 2
    return 1


def display(text: str) -> str:
    """Text as shown in an excerpt: each control character (``is_control``:
    a tab, an escape, a bidirectional override...) as one space."""
    return "".join(" " if is_control(ch) else ch for ch in text)


def width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def excerpt_lines(doc: Document, c: Citation, gutter: int, label: str) -> list[str]:
    line_text = doc.line_text(c.line)
    start = c.column - 1
    if c.end_line == c.line:
        end = max(c.end_column - 1, start)
        tail_note = ""
    else:
        end = len(line_text)
        tail_note = f" (continues to line {c.end_line})"
    shown_end = min(end, start + MAX_UNDERLINE)
    elided = shown_end < end
    lo = max(0, start - CONTEXT)
    hi = min(len(line_text), (shown_end if elided else end) + CONTEXT)
    prefix = "\u2026" if lo > 0 else ""
    suffix = "\u2026" if hi < len(line_text) else ""
    before = display(line_text[lo:start])
    spanned = display(line_text[start:shown_end])
    after = display(line_text[shown_end:hi])
    num = str(c.line).rjust(gutter)
    pad = " " * gutter
    text_line = f"{num} | {prefix}{before}{spanned}{after}{suffix}"
    carets = "^" * max(1, width(spanned))
    if elided:
        carets += "\u2026"
    under = f"{pad} | {' ' * width(prefix + before)}{carets} {label}{tail_note}".rstrip()
    return [text_line, under]
