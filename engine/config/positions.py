"""Where each key and value of a TOML file is: line and column for error messages.

Owns one job: ``tomllib`` parses a configuration file but keeps no positions,
so this scanner walks the (already valid) TOML text once more and records the
1-based line and column of every key path it meets: table headers
(``[input]``), arrays of tables (``[[overrides]]`` become ``("overrides", 0)``,
``("overrides", 1)``...), keys (dotted and quoted ones included), the items
of arrays (``("select", 2)``) and the keys of inline tables.  It does not
validate anything: the text has been parsed by ``tomllib`` first, so it is
only read here, and an odd construct at worst loses a position (the caller
then falls back to the nearest enclosing key it knows).
"""

from __future__ import annotations

Path_ = tuple  # a key path: str keys and int indexes

_BARE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.i = 0
        self.positions: dict[Path_, tuple[int, int]] = {}
        self._line_starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]

    # -- positions ----------------------------------------------------------
    def where(self, offset: int) -> tuple[int, int]:
        import bisect

        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def mark(self, path: Path_, offset: int) -> None:
        self.positions.setdefault(path, self.where(offset))

    # -- lexing ---------------------------------------------------------------
    def peek(self, n: int = 1) -> str:
        return self.text[self.i : self.i + n]

    def skip_space(self, newlines: bool = False) -> None:
        while self.i < len(self.text):
            ch = self.text[self.i]
            if ch in " \t" or (newlines and ch in "\r\n"):
                self.i += 1
            elif ch == "#":
                while self.i < len(self.text) and self.text[self.i] != "\n":
                    self.i += 1
            else:
                return

    def read_string(self) -> str:
        t = self.text
        for quote in ('"""', "'''"):
            if t.startswith(quote, self.i):
                end = self.i + 3
                while True:
                    end = t.find(quote, end)
                    if end < 0:
                        self.i = len(t)
                        return ""
                    if quote == '"""' and _escaped(t, end):
                        end += 1
                        continue
                    break
                while t.startswith(quote[0], end + 3):  # up to two quotes may close the string
                    end += 1
                body = t[self.i + 3 : end]
                self.i = end + 3
                return body
        quote = t[self.i]
        end = self.i + 1
        while end < len(t) and t[end] != quote and t[end] != "\n":
            end += 2 if (quote == '"' and t[end] == "\\") else 1
        body = t[self.i + 1 : end]
        self.i = end + 1
        return _unescape(body) if quote == '"' else body

    def read_key(self) -> list[tuple[str, int]]:
        """A (dotted) key: its parts with the offset of each."""
        parts = []
        while True:
            self.skip_space()
            start = self.i
            if self.peek() in ('"', "'"):
                parts.append((self.read_string(), start))
            else:
                while self.i < len(self.text) and self.text[self.i] in _BARE:
                    self.i += 1
                parts.append((self.text[start : self.i], start))
            self.skip_space()
            if self.peek() != ".":
                return parts
            self.i += 1

    # -- structure ------------------------------------------------------------
    def value(self, path: Path_) -> None:
        self.skip_space()
        ch = self.peek()
        if ch == "[":
            self.i += 1
            index = 0
            while True:
                self.skip_space(newlines=True)
                if self.peek() in ("]", ""):
                    self.i += 1
                    return
                self.mark((*path, index), self.i)
                self.value((*path, index))
                index += 1
                self.skip_space(newlines=True)
                if self.peek() == ",":
                    self.i += 1
        elif ch == "{":
            self.i += 1
            while True:
                self.skip_space()
                if self.peek() in ("}", "", "\n"):
                    self.i += 1
                    return
                keys = self.read_key()
                sub = (*path, *(k for k, _ in keys))
                self.mark(sub, keys[-1][1])
                self.skip_space()
                if self.peek() == "=":
                    self.i += 1
                self.value(sub)
                self.skip_space()
                if self.peek() == ",":
                    self.i += 1
        elif ch in ('"', "'"):
            self.read_string()
        else:
            while self.i < len(self.text) and self.text[self.i] not in ",]}\n#":
                self.i += 1

    def document(self) -> dict[Path_, tuple[int, int]]:
        table: Path_ = ()
        counts: dict[Path_, int] = {}
        while True:
            self.skip_space(newlines=True)
            if self.i >= len(self.text):
                return self.positions
            if self.peek(2) == "[[":
                self.i += 2
                keys = self.read_key()
                name = tuple(k for k, _ in keys)
                counts[name] = counts.get(name, -1) + 1
                table = (*name, counts[name])
                self.mark(name, keys[-1][1])
                self.mark(table, keys[-1][1])
                self.i = self.text.find("]]", self.i) + 2
            elif self.peek() == "[":
                self.i += 1
                keys = self.read_key()
                table = _resolve(tuple(k for k, _ in keys), counts)
                for n in range(1, len(keys) + 1):
                    self.mark(_resolve(tuple(k for k, _ in keys[:n]), counts), keys[n - 1][1])
                self.i = self.text.find("]", self.i) + 1
            else:
                keys = self.read_key()
                if not keys or not keys[0][0] and self.peek() != "=":
                    self.i += 1  # not a key: skip a character rather than loop
                    continue
                path = (*table, *(k for k, _ in keys))
                for n in range(1, len(keys) + 1):
                    self.mark((*table, *(k for k, _ in keys[:n])), keys[n - 1][1])
                self.skip_space()
                if self.peek() == "=":
                    self.i += 1
                self.value(path)


def _resolve(name: Path_, counts: dict[Path_, int]) -> Path_:
    """``[overrides.input]`` inside the second ``[[overrides]]`` is ``("overrides", 1, "input")``."""
    out: list = []
    for part in name:
        out.append(part)
        if tuple(k for k in out if isinstance(k, str)) in counts:
            out.append(counts[tuple(k for k in out if isinstance(k, str))])
    return tuple(out)


def _escaped(text: str, at: int) -> bool:
    n = 0
    while at - n - 1 >= 0 and text[at - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _unescape(body: str) -> str:
    if "\\" not in body:
        return body
    try:
        return body.encode("latin-1", "backslashreplace").decode("unicode_escape")
    except UnicodeDecodeError:
        return body


def key_positions(text: str) -> dict[Path_, tuple[int, int]]:
    """Key path -> (line, column) of every key, table and array item in ``text``."""
    try:
        return _Scanner(text).document()
    except (IndexError, ValueError):  # never let position finding hide the real error
        return {}


def position_of(positions: dict[Path_, tuple[int, int]], path: Path_) -> tuple[int, int] | None:
    """The position of ``path``, else of its nearest enclosing key that has one."""
    for n in range(len(path), 0, -1):
        if tuple(path[:n]) in positions:
            return positions[tuple(path[:n])]
    return None
