"""Finding and reading configuration files, with errors that point at the line.

Owns: walking up from a checked file to the nearest ``factlint.toml`` or
``pyproject.toml`` holding ``[tool.factlint]`` (``factlint.toml`` wins in one
folder; a ``pyproject.toml`` without the table is passed over), reading it
(UTF-8, at most 1 MB), parsing TOML and validating it against ``model``.
Every problem is a ``UserError`` naming the file, line and column with a
caret and, for a misspelt key, a did-you-mean.  Does not own what the
settings mean for a given file (``resolve``).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from ..errors import Diagnostic, UserError, input_error
from .model import ConfigFile, allowed_keys, model_at
from .positions import key_positions, position_of

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

CONFIG_NAMES = ("factlint.toml", "pyproject.toml")
MAX_CONFIG_BYTES = 1024 * 1024
_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class LoadedConfig:
    """A validated configuration file, with what is needed to point into it."""

    path: Path
    config: ConfigFile
    source: str = field(repr=False)
    positions: dict = field(repr=False, compare=False)
    #: where the settings sit in the file: () or ("tool", "factlint")
    prefix: tuple = ()

    @property
    def root(self) -> Path:
        """The folder that relative paths and globs in the file are relative to."""
        return self.path.parent

    @property
    def shown(self) -> str:
        """The file's path as printed: relative to the working folder when inside it."""
        return shown_path(self.path)

    def position(self, keys: tuple) -> tuple[int, int] | None:
        return position_of(self.positions, (*self.prefix, *keys))

    def where(self, keys: tuple) -> str:
        pos = self.position(keys)
        return f"{self.shown}:{pos[0]}" if pos else self.shown

    def diagnostic(self, keys: tuple, message: str, code: str = "config", hint: str | None = None) -> Diagnostic:
        pos = self.position(keys)
        return _diagnostic(Path(self.shown), self.source, pos, message, code, hint)


def shown_path(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _diagnostic(path: Path, source: str, pos, message: str, code: str, hint: str | None = None) -> Diagnostic:
    line, column = pos if pos else (None, None)
    source_line = source.splitlines()[line - 1] if line and line <= len(source.splitlines()) else None
    return Diagnostic(str(path), message, code, line, column, source_line, hint)


def did_you_mean(word: str, choices) -> str | None:
    import difflib  # only when there is an error to explain

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else None


def _read(path: Path) -> str:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        raise input_error(str(path), "no such configuration file", "missing-file") from None
    except IsADirectoryError:
        raise input_error(str(path), "is a directory, not a configuration file", "not-a-file") from None
    except OSError as exc:
        raise input_error(str(path), f"cannot read configuration file: {exc.strerror or exc}", "unreadable") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise input_error(str(path), "configuration file is larger than 1 MB", "too-large")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise input_error(str(path), f"configuration file is not valid UTF-8 (byte offset {exc.start})", "encoding") from None


def _parse(path: Path, source: str) -> dict:
    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_WHERE.search(str(exc))
        message = _TOML_WHERE.sub("", str(exc)).replace("(at end of document)", "").strip()
        pos = (int(m.group(1)), int(m.group(2))) if m else None
        if pos is None and "end of document" in str(exc):
            lines = source.splitlines() or [""]
            pos = (len(lines), len(lines[-1]) + 1)
        message += " (at the end of the file)" if "end of document" in str(exc) else ""
        raise UserError(_diagnostic(Path(shown_path(path)), source, pos, f"not valid TOML: {message}", "config-syntax")) from None


def load_config(path: str | Path) -> LoadedConfig:
    """Read and validate one configuration file (``factlint.toml`` or a ``pyproject.toml``)."""
    path = Path(path)
    source = _read(Path(shown_path(path)))
    data = _parse(path, source)
    prefix: tuple = ()
    if path.name == "pyproject.toml":
        prefix = ("tool", "factlint")
        data = data.get("tool", {}).get("factlint")
        if not isinstance(data, dict):
            raise input_error(shown_path(path), "has no [tool.factlint] table", "config")
    positions = key_positions(source)
    try:
        config = ConfigFile.model_validate(data)
    except ValidationError as exc:
        shown = Path(shown_path(path))
        raise UserError([_validation_diagnostic(shown, source, positions, prefix, err) for err in exc.errors()]) from None
    return LoadedConfig(path, config, source, positions, prefix)


def _validation_diagnostic(path: Path, source: str, positions: dict, prefix: tuple, err) -> Diagnostic:
    loc = tuple(err["loc"])
    # a union's member names (``list[str]``) are noise in the location
    loc = tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in ("str", "int", "bool", "none"))))
    pos = position_of(positions, (*prefix, *loc))
    dotted = _dotted(loc)
    hint = None
    if err["type"] == "extra_forbidden":
        parent = model_at(loc[:-1])
        allowed = allowed_keys(parent) if parent else []
        hint = did_you_mean(str(loc[-1]), allowed) or (f"allowed: {', '.join(allowed)}" if allowed else None)
        message = f"unknown key `{dotted}`"
    elif err["type"] == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        message = f"`{dotted}`: {err['input']!r} is not one of {expected}"
        words = re.findall(r"'([^']*)'", expected)
        hint = did_you_mean(str(err["input"]), words) if isinstance(err["input"], str) else None
    elif err["type"] == "missing":
        message = f"`{dotted}` is required"
    else:
        message = f"`{dotted}`: {err['msg'].lower()}, not {_kind(err['input'])}"
    return _diagnostic(path, source, pos, message, "config", hint)


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else f'"{part}"'
            out += ("." if out else "") + name
    return out or "(top level)"


def _kind(value) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "an array", dict: "a table"}.get(
        type(value), type(value).__name__
    )


@lru_cache(maxsize=256)
def _config_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        if _is_file(candidate):
            if name == "pyproject.toml" and not _has_factlint_table(candidate):
                continue
            return candidate
    return None


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; a folder we may not look into has none."""
    try:
        return path.is_file()
    except OSError:
        return False


def is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _has_factlint_table(path: Path) -> bool:
    try:
        source = _read(path)
    except UserError:
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*factlint\s*[\].]", source, re.M) is not None


def find_config(checked: str | Path) -> Path | None:
    """The nearest configuration file above a checked file (or in a folder given)."""
    start = Path(checked).absolute()
    folder = start if is_dir(start) else start.parent
    for candidate in (folder, *folder.parents):
        found = _config_in(candidate)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=64)
def cached_config(path: Path) -> LoadedConfig:
    return load_config(path)
