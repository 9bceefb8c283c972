"""Reading an article from disk, refusing what is not text.

Owns: the checks between a path and a Python string: the file exists, is a
regular file, is not empty, is not binary, is valid UTF-8 and is not larger
than the limit.  The string returned is the file *as read*: no newline
translation and no BOM stripping, so every offset factlint reports is a code
point offset into exactly these characters.
"""

from __future__ import annotations

import os

from ..errors import input_error

#: Largest article factlint reads, in bytes.  News copy is a few kilobytes; a
#: file above this is almost certainly not an article, and refusing it keeps
#: run time bounded.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024

_CONTROL_OK = {"\t", "\n", "\r", "\f", "\v"}


def decode_article(data: bytes, path: str) -> str:
    """Decode bytes read from ``path``; raise a UserError naming it if not text."""
    if not data.strip():
        raise input_error(path, "file is empty", "empty-input")
    if b"\x00" in data[:8192]:
        raise input_error(path, "file looks binary (it contains NUL bytes), not text", "binary-input")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise input_error(
            path,
            f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at byte offset {exc.start}, line {line})",
            "encoding",
        ) from None
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in _CONTROL_OK)
    if controls > max(8, len(sample) // 10):
        raise input_error(path, "file looks binary (many control characters), not text", "binary-input")
    return text


def read_article(path: str, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    """Read an article file as text, with a clear one-line error for anything else."""
    if not os.path.exists(path):
        raise input_error(path, "no such file", "missing-file")
    if os.path.isdir(path):
        raise input_error(path, "is a directory, not an article file", "not-a-file")
    if not os.path.isfile(path):
        raise input_error(path, "is not a regular file", "not-a-file")
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise input_error(
                path,
                f"file is {size / 1024 / 1024:.1f} MB; factlint reads articles up to {max_bytes // 1024 // 1024} MB",
                "too-large",
            )
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise input_error(path, "permission denied", "unreadable") from None
    except OSError as exc:
        raise input_error(path, f"cannot read file: {exc.strerror or exc}", "unreadable") from None
    return decode_article(data, path)
