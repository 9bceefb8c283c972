"""Where each character of prose came from: the offset map from a Document's
prose text back to the file as read.

Owns ``Origin`` (for every prose character, the range of the file it came
from; for prose read out of a JSON string, also the field's JSON pointer and
the offsets inside the field's decoded value), ``Part`` (a block of prose with
its role: headline, standfirst, body, caption, quote) and ``ProseBuilder``,
which the input formats use to assemble prose piece by piece:

* ``copy``: characters taken verbatim from the file (each maps to itself);
* ``put``: characters decoded from a longer source (``&amp;`` -> ``&``, a JSON
  escape, a YAML quoted scalar): each maps to the whole source range;
* ``mark``: characters the format adds (the blank line between two blocks):
  each maps to an empty range at one file position;
* ``embed``: prose built from a JSON string's decoded value, mapped through
  that string's escapes back into the file.

A span ``[s, e)`` of prose maps to ``[starts[s], ends[e - 1])`` of the file,
so a citation always slices the file exactly.  Plain text has no Origin (the
prose is the file).

Does not own: reading any format (``formats``) or document structure
(``document``).
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from functools import cached_property

ROLES = ("headline", "standfirst", "body", "caption", "quote")


@dataclass(frozen=True)
class Part:
    """A block of prose (prose offsets, end exclusive) and what it is."""

    role: str
    start: int
    end: int


@dataclass(frozen=True)
class FieldRun:
    """A run of prose read from one JSON string field.

    ``value_starts[i]``/``value_ends[i]`` are the offsets, in the field's
    decoded value, of prose character ``prose_start + i``."""

    pointer: str
    prose_start: int
    prose_end: int
    value_starts: array
    value_ends: array


@dataclass(frozen=True)
class Located:
    """A prose span located in the file: file offsets, and the JSON field when known."""

    start: int
    end: int
    pointer: str | None = None
    field_start: int | None = None
    field_end: int | None = None


@dataclass
class Origin:
    """The offset map of one document's prose (see the module docstring)."""

    source: str
    starts: array
    ends: array
    fields: list[FieldRun] = field(default_factory=list)

    def locate(self, start: int, end: int) -> Located:
        """The file range (and JSON field) of the prose span ``[start, end)``."""
        n = len(self.starts)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span {start}-{end} outside prose of length {n}")
        if start == end:
            at = self.starts[start] if start < n else (self.ends[n - 1] if n else 0)
            fs = fe = at
        else:
            fs, fe = self.starts[start], self.ends[end - 1]
            if fe < fs:  # a span across two fields written in the other order
                fe = max(self.ends[start:end])
        run = self._field_at(start)
        if run is None or start == end:
            return Located(fs, fe)
        stop = min(end, run.prose_end)
        return Located(fs, fe, run.pointer, run.value_starts[start - run.prose_start], run.value_ends[stop - 1 - run.prose_start])

    def _field_at(self, offset: int) -> FieldRun | None:
        for run in self.fields:
            if run.prose_start <= offset < run.prose_end:
                return run
        return None

    def prose_offset(self, file_offset: int, end: bool = False) -> int | None:
        """The prose offset whose character starts (``end``: ends) exactly at
        ``file_offset``, or None when no prose character does."""
        table = self._ends_index if end else self._starts_index
        return table.get(file_offset)

    @cached_property
    def _starts_index(self) -> dict[int, int]:
        index: dict[int, int] = {}
        for i, (s, e) in enumerate(zip(self.starts, self.ends)):
            if s != e:  # characters the format added start nowhere
                index.setdefault(s, i)
        return index

    @cached_property
    def _ends_index(self) -> dict[int, int]:
        return {e: i + 1 for i, (s, e) in enumerate(zip(self.starts, self.ends)) if s != e}


class ProseBuilder:
    """Assembles prose, its offset map and its parts (see the module docstring).

    Blocks are opened with ``open_block(role)`` and closed with
    ``close_block()``; consecutive blocks are separated by a blank line (one
    ``mark``), so the prose's paragraphs are exactly the blocks.  A block that
    holds only white space is dropped."""

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self.length = 0
        self.starts = array("q")
        self.ends = array("q")
        self.parts: list[Part] = []
        self.fields: list[FieldRun] = []
        self._open: tuple[str, int, int, int, int] | None = None  # role, chunks, length, fields, parts
        self._last_end = 0  # file offset just past the last source character

    # -- pieces ------------------------------------------------------------
    def copy(self, src_start: int, text: str) -> None:
        """``text`` is the file's characters at ``src_start`` verbatim."""
        if not text:
            return
        n = len(text)
        self._chunks.append(text)
        self.starts.extend(range(src_start, src_start + n))
        self.ends.extend(range(src_start + 1, src_start + n + 1))
        self.length += n
        self._last_end = src_start + n

    def put(self, text: str, src_start: int, src_end: int) -> None:
        """``text`` was decoded from the file's ``[src_start, src_end)``."""
        if not text:
            return
        n = len(text)
        self._chunks.append(text)
        self.starts.extend([src_start] * n)
        self.ends.extend([src_end] * n)
        self.length += n
        self._last_end = src_end

    def extend(self, text: str, starts: list[int], ends: list[int]) -> None:
        """``text`` with the file range of each character given (``starts[i]``, ``ends[i]``)."""
        if not text:
            return
        self._chunks.append(text)
        self.starts.extend(starts)
        self.ends.extend(ends)
        self.length += len(text)
        self._last_end = ends[-1]

    def mark(self, text: str, at: int | None = None) -> None:
        """``text`` added by the format at file position ``at`` (default: after the last piece)."""
        if not text:
            return
        at = self._last_end if at is None else at
        n = len(text)
        self._chunks.append(text)
        self.starts.extend([at] * n)
        self.ends.extend([at] * n)
        self.length += n

    def embed(self, sub: ProseBuilder, pointer: str | None, value_starts, value_ends, src_start: int) -> None:
        """Append ``sub`` (prose built from a JSON string's decoded value, or
        from any text taken out of the file) mapped through that value's
        offsets in the file (``value_starts``/``value_ends`` per value
        character; ``src_start`` is where the value begins).  ``pointer``
        names the JSON field (None: not a JSON field)."""
        n = len(value_starts)
        if self.length and sub.length:
            self.mark("\n\n")
        base = self.length

        def file_at(v: int) -> int:
            if v < n:
                return value_starts[v]
            return value_ends[n - 1] if n else src_start

        for part in sub.parts:
            self.parts.append(Part(part.role, part.start + base, part.end + base))
        self._chunks.append(sub.text)
        for s, e in zip(sub.starts, sub.ends):
            fs = file_at(s)
            self.starts.append(fs)
            self.ends.append(value_ends[e - 1] if e > s else fs)
        if pointer is not None:
            self.fields.append(FieldRun(pointer, base, base + sub.length, sub.starts, sub.ends))
        self.length += sub.length
        if sub.length:
            self._last_end = self.ends[-1]

    def extend_from(self, other: ProseBuilder) -> None:
        """Append another builder's prose (already mapped to this file) as blocks after these."""
        if other._open is not None:
            other.close_block()
        if not other.length:
            return
        if self.length:
            self.mark("\n\n")
        base = self.length
        self.parts.extend(Part(p.role, p.start + base, p.end + base) for p in other.parts)
        self.fields.extend(
            FieldRun(f.pointer, f.prose_start + base, f.prose_end + base, f.value_starts, f.value_ends) for f in other.fields
        )
        self._chunks.append(other.text)
        self.starts.extend(other.starts)
        self.ends.extend(other.ends)
        self.length += other.length
        self._last_end = other._last_end

    # -- blocks --------------------------------------------------------------
    def open_block(self, role: str) -> None:
        if self._open is not None:
            self.close_block()
        self._open = (role, len(self._chunks), self.length, len(self.fields), len(self.parts))
        if self.length:
            self.mark("\n\n")

    def close_block(self) -> None:
        if self._open is None:
            return
        role, chunks, length, fields, parts = self._open
        self._open = None
        body = "".join(self._chunks[chunks:])
        lead = len(body) - len(body.lstrip())
        trail = len(body.rstrip())
        if trail <= lead:  # nothing but white space (and the separator): undo
            del self._chunks[chunks:]
            del self.starts[length:]
            del self.ends[length:]
            del self.fields[fields:]
            del self.parts[parts:]
            self.length = length
            return
        self.parts.append(Part(role, length + lead, length + trail))

    def in_block(self) -> bool:
        return self._open is not None

    @property
    def text(self) -> str:
        return "".join(self._chunks)

    def origin(self, source: str) -> Origin:
        if self._open is not None:
            self.close_block()
        return Origin(source, self.starts, self.ends, self.fields)
