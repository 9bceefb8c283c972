"""Articles as read: a file (or standard input) in any format -> a Document
with its publication date; facts moved between prose and file offsets.

Owns what sits between the command line's inputs and the checking: reading
the bytes (``text.source``, with ``--encoding``), choosing the format
(``text.formats``), and the publication date: ``--published``, else the
``.meta.json`` sidecar beside the file, else the date the article's own
metadata gives (front matter, ``<meta>``, JSON-LD, CMS fields; read by
``text.formats.dates``; an unreadable one is an error naming its field).
Also ``facts_in_file`` / ``facts_in_prose``: a FactSet's spans located in the
file (for printing) or brought back to prose (for ``--facts``).

Does not own: which files to check (``text.discover``) or checking
(``api``).
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from .errors import input_error
from .facts.model import Fact, FactSet, Span
from .text.discover import Input
from .text.document import Document
from .text.formats import EXTENSIONS, format_for, read_document
from .text.source import MAX_ARTICLE_BYTES, decode_article, read_article
from .vocab.fields import DateValue

MAX_META_BYTES = 64 * 1024


#: ASCII digits only: ``\d`` would take full-width and other digits too
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def validate_published(value: str | None, where: str = "--published", field: str = "publication date", code: str = "usage") -> str | None:
    """A publication date: YYYY-MM-DD (ASCII digits), a real day, between the years 1000 and 9000."""
    if value is None:
        return None
    parsed = DateValue.parse(value) if isinstance(value, str) and _ISO_DAY.fullmatch(value) else None
    if parsed is None or parsed.granularity != 3:
        shown = value if isinstance(value, str) else json.dumps(value)
        raise input_error(where, f"{field} {shown!r} is not a date in the form YYYY-MM-DD", code)
    if not 1000 <= parsed.year <= 9000:
        raise input_error(where, f"{field} {value} is out of range (years 1000 to 9000)", code)
    return str(parsed)


def published_from_sidecar(path: str) -> str | None:
    """The ``published`` date of the sidecar beside an article (``story.meta.json`` for ``story.txt``), if any.

    ``"published"`` absent or ``null`` means the date is not known; any other
    value must be a date in the form YYYY-MM-DD (``0``, ``false`` or ``""``
    are errors, not a silent "no date")."""
    meta = Path(path).with_suffix(".meta.json")
    try:
        if not stat.S_ISREG(os.stat(meta).st_mode):
            return None
    except OSError:
        return None
    try:
        with open(meta, "rb") as fh:
            raw = fh.read(MAX_META_BYTES + 1)
        if len(raw) > MAX_META_BYTES:
            raise input_error(str(meta), "metadata file is larger than 64 KB", "metadata")
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (OSError, ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise input_error(str(meta), f"cannot read metadata: {type(exc).__name__}: {str(exc)[:80]}", "metadata") from None
    if not isinstance(data, dict):
        raise input_error(str(meta), "metadata must be a JSON object", "metadata")
    value = data.get("published")
    if value is not None and not isinstance(value, str):
        raise input_error(str(meta), f"`published` must be a date in the form YYYY-MM-DD, not {json.dumps(value)}", "metadata")
    return validate_published(value, str(meta), "`published`", "metadata")


def _no_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def published_from_metadata(doc: Document) -> str | None:
    """The publication date the article's own metadata gives, if any."""
    value = doc.metadata.get("published")
    if not value:
        return None
    from .text.formats.dates import publication_date

    where = doc.metadata.get("published_field", "publication date")
    day = publication_date(value, where, doc.path)
    return validate_published(day, doc.path, where, "metadata")


def load_document(
    item: Input | str,
    published: str | None = None,
    input_format: str | None = None,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
) -> Document:
    """Read one article (a path, or an ``Input`` that may be standard input) into a Document."""
    if isinstance(item, str):
        item = Input(item, item)
    if item.is_stdin:
        data = item.data if item.data is not None else (stdin or sys.stdin.buffer).read(MAX_ARTICLE_BYTES + 1)
        if len(data) > MAX_ARTICLE_BYTES:
            raise input_error(item.name, f"standard input is larger than {MAX_ARTICLE_BYTES // 1024 // 1024} MB", "too-large")
        text = decode_article(data, item.name, encoding)
    elif os.path.isdir(item.path):
        kinds = ", ".join(sorted(EXTENSIONS))
        raise input_error(item.name, f"is a folder with no article files in it ({kinds}; hidden and ignored files left out)", "no-articles")
    else:
        text = read_article(item.path, encoding=encoding)
    doc = read_document(text, item.name, format_for(item.name, input_format))
    if doc.origin is not None and not doc.text.strip():
        raise input_error(item.name, f"no article text found in this {doc.format} file", "empty-input")
    date = validate_published(published)
    if date is None and not item.is_stdin:
        date = published_from_sidecar(item.path)
    if date is None:
        date = published_from_metadata(doc)
    doc.published = date
    return doc


def document_of(text: str, path: str = "<text>", published: str | None = None, input_format: str | None = None) -> Document:
    """The Document of article text already in memory (``input_format``: None or ``text`` for plain text)."""
    if not input_format or input_format == "text":
        return Document(text=text, path=path, published=validate_published(published))
    doc = read_document(text, path, format_for(path, input_format))
    doc.published = validate_published(published) or published_from_metadata(doc)
    return doc


# ------------------------------------------------ facts: prose <-> file
def facts_in_file(fs: FactSet, doc: Document) -> FactSet:
    """``fs`` with every span located in the file as read (its text the file's characters)."""
    if doc.origin is None:
        return fs
    source = doc.source

    def move(start: int, end: int) -> tuple[int, int, str]:
        at = doc.locate(start, end)
        return at.start, at.end, source[at.start : at.end]

    return _remap(fs, move)


def facts_in_prose(fs: FactSet, doc: Document, path: str) -> FactSet:
    """``fs`` (spans in the file, as ``factlint facts`` prints them) with spans moved to the prose."""
    origin = doc.origin
    if origin is None:
        return fs

    def move(start: int, end: int) -> tuple[int, int, str]:
        ps = origin.prose_offset(start)
        pe = origin.prose_offset(end, end=True) if end > start else ps
        if ps is None or pe is None or pe < ps:
            raise input_error(path, f"span {start}-{end} does not start and end on article text in {doc.path}", "facts")
        return ps, pe, doc.text[ps:pe]

    return _remap(fs, move)


def _remap(fs: FactSet, move) -> FactSet:
    facts: list[Fact] = []
    for fact in fs.facts:
        update: dict = {}
        start, end, text = move(fact.start, fact.end)
        update.update(start=start, end=end, text=text)
        for name, value in fact:
            if isinstance(value, Span):
                update[name] = _span(move, value)
            elif isinstance(value, list) and value and isinstance(value[0], Span):
                update[name] = [_span(move, v) for v in value]
        facts.append(fact.model_copy(update=update))
    return FactSet.model_construct(path=fs.path, published=fs.published, facts=facts)


def _span(move, span: Span) -> Span:
    start, end, text = move(span.start, span.end)
    return Span.model_construct(start=start, end=end, text=text)
