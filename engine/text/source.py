"""Reading an article from disk, refusing what is not text.

Owns: the checks between a path and a Python string: the file exists, is a
regular file, is not empty, is not binary, is valid UTF-8 (or valid in the
encoding the user named with ``--encoding``: never a guess; offsets are then
code points of the decoded text) and is not larger than the limit, each
failure said as what it is (a missing file, a link
loop, a folder that cannot be entered, a file that cannot be read).  The
string returned is the file *as read*: no newline translation and no BOM
stripping, so every offset factlint reports is a code point offset into
exactly these characters.

Binary detection reads the whole file: one NUL byte anywhere, or control
characters making up more than a tenth of the text, and the file is refused.
The few control characters a text may keep (a stray escape or bell) are
escaped by the text reporter, never written to a terminal as they are.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat

from ..errors import Diagnostic, UserError, input_error

#: Largest article factlint reads, in bytes.  News copy is a few kilobytes; a
#: file above this is almost certainly not an article, and refusing it keeps
#: run time bounded.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024

_CONTROL_OK = {"\t", "\n", "\r", "\f", "\v"}
#: control characters other than line breaks and tabs (C0 and DEL)
_CONTROLS = bytes(c for c in [*range(32), 127] if chr(c) not in _CONTROL_OK)


def check_encoding(encoding: str | None) -> str:
    """The codec name for ``--encoding`` (default UTF-8); a usage error if Python has no such codec."""
    if not encoding:
        return "utf-8"
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise input_error("--encoding", f"unknown encoding {encoding!r} (for example utf-8, cp1252, latin-1)", "usage") from None


def decode_article(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode bytes read from ``path`` (UTF-8 unless ``encoding`` names another
    codec); raise a UserError naming it if not text."""
    codec = check_encoding(encoding)
    if not data.strip():
        raise input_error(path, "file is empty", "empty-input")
    nul = data.find(b"\x00") if not codec.startswith(("utf-16", "utf-32")) else -1  # NUL is half of every ASCII letter there
    if nul >= 0:
        raise input_error(path, f"file looks binary (a NUL byte at byte offset {nul}), not text", "binary-input")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        name = "UTF-8" if codec == "utf-8" else codec
        hint = "if it is Windows or Latin-1 text, give --encoding cp1252" if codec == "utf-8" else None
        message = f"file is not valid {name} (byte 0x{data[exc.start]:02x} at byte offset {exc.start}, line {line})"
        raise UserError(Diagnostic(path, message, "encoding", hint=hint)) from None
    # the whole file, not a sample: C0 controls (but tabs and line breaks) and DEL
    if codec.startswith(("utf-16", "utf-32")):  # count in the text: the bytes hold a NUL for every ASCII letter
        controls = len(text) - len(text.translate(dict.fromkeys(_CONTROLS)))
    else:
        controls = len(data) - len(data.translate(None, _CONTROLS))
    if controls > max(8, len(text) // 10):
        raise input_error(path, f"file looks binary ({controls:,} control characters), not text", "binary-input")
    return text


def size_limit_words(max_bytes: int) -> str:
    """``2 MB (2,097,152 bytes)``: a limit as people read it, exactly."""
    mb = max_bytes / 1024 / 1024
    return f"{mb:g} MB ({max_bytes:,} bytes)"


def stat_error(path: str, exc: OSError, what: str = "file") -> UserError:
    """The one-line error for a path that cannot be looked at, said as what happened."""
    code = exc.errno
    if code == errno.ENOENT:
        return input_error(path, "no such file", "missing-file")
    if code == errno.ELOOP:
        return input_error(path, "is a symbolic link loop (the links point at each other)", "unreadable")
    if code in (errno.EACCES, errno.EPERM):
        return input_error(path, f"permission denied (a folder on the way to the {what} cannot be entered)", "unreadable")
    if code == errno.ENOTDIR:
        return input_error(path, "no such file (a part of the path is a file, not a folder)", "missing-file")
    if code == errno.ENAMETOOLONG:
        return input_error(path, "the file name is too long", "unreadable")
    return input_error(path, f"cannot read {what}: {exc.strerror or exc}", "unreadable")


def read_bytes(path: str, max_bytes: int, what: str = "article") -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, or a UserError saying why not."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise stat_error(path, exc) from None
    if stat.S_ISDIR(st.st_mode):
        raise input_error(path, f"is a directory, not {'an' if what[0] in 'aeiou' else 'a'} {what} file", "not-a-file")
    if not stat.S_ISREG(st.st_mode):
        raise input_error(path, "is not a regular file", "not-a-file")
    if st.st_size > max_bytes:
        raise input_error(path, f"file is {st.st_size:,} bytes; factlint reads {what} files up to {size_limit_words(max_bytes)}",
                          "too-large")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise input_error(path, "permission denied (the file cannot be read)", "unreadable") from None
    except OSError as exc:
        raise input_error(path, f"cannot read file: {exc.strerror or exc}", "unreadable") from None
    if len(data) > max_bytes:  # it grew after the size was read
        raise input_error(path, f"file is over {max_bytes:,} bytes; factlint reads {what} files up to {size_limit_words(max_bytes)}",
                          "too-large")
    return data


def read_article(path: str, max_bytes: int = MAX_ARTICLE_BYTES, what: str = "article", encoding: str | None = None) -> str:
    """Read an article file as text, with a clear one-line error for anything else."""
    return decode_article(read_bytes(path, max_bytes, what), path, encoding)
