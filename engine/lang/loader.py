"""Finding and reading rule files, and gathering their lexicons.

Owns: where the shipped rule pack lives (package data ``factlint.rules``),
walking rule folders in a stable order, reading rule files with clear errors,
and merging lexicon definitions/extensions into one ``Lexicons``.  A rule's
id prefix is its file's folder relative to the root it was found under, so
``rules/attribution/denial-vs-document.rule`` holding ``rule
denial-vs-document`` has the id ``attribution/denial-vs-document``.
"""

from __future__ import annotations

import os
import stat
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import Diagnostic, UserError, input_error
from ..lexicon import Lexicon, Lexicons
from . import ast, cache

RULE_SUFFIX = ".rule"
MAX_RULE_FILE_BYTES = 1024 * 1024


def shipped_rules_root() -> Path:
    return Path(str(resources.files("factlint.rules")))


def discover(path: str | os.PathLike, warnings: list[Diagnostic] | None = None) -> list[tuple[Path, str]]:
    """Rule files under ``path`` (a file or a folder) with their id prefixes.

    Inside a folder only regular ``.rule`` files are read; a symbolic link
    to a file there is refused (it could point anywhere), as is anything that
    is not a file (a FIFO would block, a device would never end).  A
    symbolically linked folder is skipped, with a warning in ``warnings``;
    so are folders whose names start with ``.`` or ``_``, silently."""
    p = Path(path)
    if not p.exists():
        raise input_error(str(path), "no such rule file or folder", "missing-file")
    if p.is_file():
        return [(p, "")]
    if not p.is_dir():
        raise input_error(str(path), "is neither a rule file nor a folder", "not-a-file")
    found = []
    for dirpath, dirnames, filenames in os.walk(p):
        linked = sorted(d for d in dirnames if not d.startswith((".", "_")) and (Path(dirpath) / d).is_symlink())
        for d in linked:
            if warnings is not None:
                warnings.append(Diagnostic(
                    str(Path(dirpath) / d),
                    "is a link to a folder and is skipped: factlint reads only folders inside the rules folder given",
                    "skipped-link", level="warning", hint="give the folder it points to with another --rules, or copy it in",
                ))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")) and not (Path(dirpath) / d).is_symlink())
        for name in sorted(filenames):
            if name.endswith(RULE_SUFFIX):
                f = Path(dirpath) / name
                if f.is_symlink() or not stat.S_ISREG(f.lstat().st_mode):
                    raise input_error(
                        str(f),
                        "is a link or a special file, not a regular rule file; factlint reads only regular files inside a rules folder",
                        "not-a-file",
                    )
                rel = f.parent.relative_to(p).as_posix()
                found.append((f, "" if rel == "." else rel))
    return found


def read_rule_file(path: Path) -> str:
    try:
        if path.is_dir():
            raise input_error(str(path), "is a directory, not a rule file", "not-a-file")
        if not path.is_file():
            raise input_error(str(path), "is not a regular file", "not-a-file")
        with open(path, "rb") as fh:
            data = fh.read(MAX_RULE_FILE_BYTES + 1)
    except OSError as exc:
        raise input_error(str(path), f"cannot read rule file: {exc.strerror or exc}", "unreadable") from None
    if len(data) > MAX_RULE_FILE_BYTES:
        raise input_error(str(path), "rule file is larger than 1 MB", "too-large")
    if b"\x00" in data:
        raise input_error(str(path), "rule file looks binary (it contains NUL bytes)", "binary-input")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise input_error(str(path), f"rule file is not valid UTF-8 (byte offset {exc.start})", "encoding") from None


def parse_rule_text(text: str, path: str, prefix: str = "") -> ast.RuleFile:
    """One rule file's AST: from the cache when this exact file (and grammar,
    and factlint) was parsed before, else parsed; lark is imported only then."""
    rf = cache.load(text, path, prefix)
    if rf is None:
        from .build import build_rule_file

        rf = build_rule_file(text, path, prefix)
        cache.store(text, path, prefix, rf)
    return rf


def parse_rule_files(paths: list[str | os.PathLike], warnings: list[Diagnostic] | None = None) -> list[ast.RuleFile]:
    """Parse every rule file under ``paths``; all syntax errors are reported together.
    Folders skipped for being links are reported in ``warnings``."""
    files: list[ast.RuleFile] = []
    errors: list[Diagnostic] = []
    for root in paths:
        for f, prefix in discover(root, warnings):
            try:
                files.append(parse_rule_text(read_rule_file(f), str(f), prefix))
            except UserError as err:
                errors.extend(err.diagnostics)
    if errors:
        raise UserError(errors)
    return files


def gather_lexicons(files: list[ast.RuleFile], base: Lexicons | None = None) -> Lexicons:
    """Apply every file's lexicon definitions in order, on top of ``base``."""
    lex = Lexicons(dict(base.items)) if base else Lexicons()
    for rf in files:
        for d in rf.lexicons:
            if d.extend:
                lex.extend(d.name, d.phrases, d.pos.path, d.pos.line)
            else:
                lex.define(Lexicon(d.name, tuple(d.phrases), d.pos.path, d.pos.line))
    return lex


@lru_cache(maxsize=1)
def shipped_rule_files() -> tuple[ast.RuleFile, ...]:
    return tuple(parse_rule_files([shipped_rules_root()]))


def load_default_lexicons() -> Lexicons:
    """The lexicons of the shipped pack (``rules/``), ready for extractors."""
    return gather_lexicons(list(shipped_rule_files()))
