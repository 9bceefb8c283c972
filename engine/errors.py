"""Errors factlint reports to people, and how they map to exit codes.

Owns: the exception types that cross module boundaries, and the
``Diagnostic`` both errors and warnings are reported as.  A `UserError` is bad
input (missing file, undecodable text, a rule file that does not compile, a
facts file that fails validation): the CLI prints it as one line and exits 2.
Anything else escaping the pipeline is a bug: the CLI says so and exits 3.
Does not own: formatting of findings (see `report`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


def is_control(ch: str) -> bool:
    """A character a terminal acts on instead of showing: C0 and C1 controls,
    DEL, and the bidirectional overrides and isolates (which reorder what
    follows them on screen)."""
    o = ord(ch)
    return o < 32 or 127 <= o < 160 or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069


def escape_controls(text: str, keep: str = "") -> str:
    """``text`` with each control character (``is_control``) but those in
    ``keep`` written as an escape (``\\x1b``, ``\\u202e``)."""
    if not any(is_control(ch) and ch not in keep for ch in text):
        return text
    return "".join(repr(ch)[1:-1] if is_control(ch) and ch not in keep else ch for ch in text)


def display_path(path: str) -> str:
    """A file name as factlint prints it: always valid UTF-8 on one line.

    Bytes that are not UTF-8 (kept by Python as surrogates) become ``\\xNN``;
    control characters such as a newline become escapes too; an empty name
    is shown as ``""``."""
    return escape_controls(path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")) or '""'


#: at most this many diagnostics are shown for one error (a hostile rule
#: file can hold thousands); a last line counts the rest
MAX_SHOWN = 50
#: an error message is cut at this many characters (it may quote the input)
MAX_MESSAGE = 300
#: a source line under a diagnostic is shown at most this wide around the column
SOURCE_WINDOW = 100


def _window(line: str, column: int) -> tuple[str, int]:
    """A long source line cut to ``SOURCE_WINDOW`` characters around
    ``column`` (with ``…`` where cut), and the column in what is shown."""
    if len(line) <= SOURCE_WINDOW:
        return line, column
    start = max(0, min(column - 1 - SOURCE_WINDOW // 2, len(line) - SOURCE_WINDOW))
    shown = line[start : start + SOURCE_WINDOW]
    if start > 0:
        shown, column = "\u2026" + shown[1:], column - start
    if start + SOURCE_WINDOW < len(line):
        shown = shown[:-1] + "\u2026"
    return shown, column


class FactlintError(Exception):
    """Base class for every error factlint raises on purpose."""


@dataclass
class Diagnostic:
    """One problem in an input file, with an optional position.

    ``line`` and ``column`` are 1-based; ``source_line`` is the text of that
    line (without its line break) so a caret can be drawn under ``column``.
    """

    path: str
    message: str
    code: str = "input"
    line: int | None = None
    column: int | None = None
    source_line: str | None = None
    hint: str | None = None
    #: "error" (the input is refused, exit 2) or "warning" (it has no
    #: effect, or not the one intended; the run goes on)
    level: str = "error"

    def one_line(self) -> str:
        where = display_path(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        message = self.message if len(self.message) <= MAX_MESSAGE else self.message[: MAX_MESSAGE - 1] + "\u2026"
        text = f"{where}: {self.level}[{self.code}] {display_path(message)}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def render(self) -> str:
        """The one-line message, then the source line and a caret when known."""
        out = [self.one_line()]
        if self.source_line is not None and self.line is not None and self.column is not None:
            gutter = str(self.line)
            line, column = _window(self.source_line, self.column)
            line = escape_controls(line, keep="\t")  # (tabs kept, for the caret)
            out.append(f"{' ' * len(gutter)} |")
            out.append(f"{gutter} | {line}")
            # tabs keep their width so the caret lines up
            prefix = "".join("\t" if ch == "\t" else " " for ch in line[: column - 1])
            out.append(f"{' ' * len(gutter)} | {prefix}^")
        return "\n".join(out)


class UserError(FactlintError):
    """Bad input from the user: one or more diagnostics, exit code 2."""

    def __init__(self, diagnostics: Diagnostic | list[Diagnostic], stopped_early: bool = False):
        if isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics: list[Diagnostic] = diagnostics
        #: checking stopped at ``MAX_SHOWN`` errors (there may be more)
        self.stopped_early = stopped_early
        super().__init__(diagnostics[0].one_line() if diagnostics else "error")

    def render(self) -> str:
        shown = [d.render() for d in self.diagnostics[:MAX_SHOWN]]
        more = len(self.diagnostics) - MAX_SHOWN
        if more > 0:
            shown.append(f"... and {more:,} more error{'s' if more != 1 else ''} (the first {MAX_SHOWN} are shown)")
        if self.stopped_early:
            shown.append(f"... checking stopped after {len(self.diagnostics)} errors; fix these and run again")
        return "\n".join(shown)


def input_error(path: str, message: str, code: str = "input") -> UserError:
    """Shorthand for a position-less error about a whole file."""
    return UserError(Diagnostic(path=path, message=message, code=code))


@dataclass
class ErrorList:
    """Collects diagnostics during a pass so several can be reported at once."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diag: Diagnostic) -> None:
        self.items.append(diag)

    def raise_if_any(self) -> None:
        if self.items:
            raise UserError(self.items)
