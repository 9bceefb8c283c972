"""Which files to check: paths given, folders walked, lists read, standard input.

Owns turning the command line's paths into an ordered list of inputs:

* a file is checked as given (even one an ignore file names: naming it is
  asking for it), in the order given; a path given twice is checked once;
* a folder is walked in sorted order for files with an article extension
  (``formats.EXTENSIONS``; ``*.meta.json`` sidecars are not articles),
  skipping hidden files and folders and what ``.gitignore`` and
  ``.factlintignore`` files exclude (gitignore syntax, read with pathspec;
  those in the folder, in its subfolders, and in the folders above it up to
  the repository root, the nearest deciding);
* ``-`` is standard input, named by ``--stdin-filename`` (which also picks
  its format);
* ``--files-from LIST`` adds the paths listed in LIST, one a line (``-``:
  standard input).

Does not own: reading a file (``source``) or its format (``formats``).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any, BinaryIO, TextIO

from ..errors import input_error
from .formats import is_article_path

IGNORE_FILES = (".gitignore", ".factlintignore")
STDIN = "-"


@dataclass(frozen=True)
class Input:
    """One article to check: ``path`` to read (``-``: standard input) and
    ``name`` to show; ``data`` holds standard input's bytes once read (so the
    input can go to a worker process)."""

    path: str
    name: str
    data: bytes | None = None

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN

    def with_stdin(self, stdin: BinaryIO | None = None) -> Input:
        """This input with standard input read (at most one byte over the article limit)."""
        from .source import MAX_ARTICLE_BYTES

        return Input(self.path, self.name, (stdin or sys.stdin.buffer).read(MAX_ARTICLE_BYTES + 1))


def collect_inputs(
    paths: list[str], files_from: str | None = None, stdin_filename: str | None = None, stdin: TextIO | None = None
) -> list[Input]:
    """The inputs named by ``paths`` and ``files_from``, in order, each once."""
    if files_from == STDIN and STDIN in paths:
        raise input_error("--files-from", "standard input cannot be both an article (`-`) and the list of files (`-`)", "usage")
    if stdin_filename and STDIN not in paths:
        raise input_error("--stdin-filename", "names standard input: give `-` as a path to read it", "usage")
    listed = list(paths)
    if files_from is not None:
        listed += _read_list(files_from, stdin or sys.stdin)
    out: list[Input] = []
    seen: set[str] = set()
    for path in listed:
        if path == STDIN:
            found = [Input(STDIN, stdin_filename or "<stdin>")]
        elif os.path.isdir(path):
            # a folder with no articles stays in the list: reading it says so (a CI step that checks nothing must fail)
            found = [Input(p, p) for p in walk(path)] or [Input(path, path)]
        else:
            found = [Input(path, path)]
        for item in found:
            key = item.path if item.is_stdin else os.path.normpath(item.path)
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


def _read_list(files_from: str, stdin: TextIO) -> list[str]:
    try:
        if files_from == STDIN:
            text = stdin.read()
        else:
            with open(files_from, encoding="utf-8") as fh:
                text = fh.read(1024 * 1024)
    except (OSError, UnicodeDecodeError) as exc:
        raise input_error(files_from, f"cannot read the list of files: {getattr(exc, 'strerror', None) or exc}", "usage") from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def walk(root: str) -> list[str]:
    """Article files under ``root``, sorted, without what ignore files exclude."""
    specs = [spec for d in _ancestors(root) for spec in _ignore_specs(d)]
    out: list[str] = []
    _walk(root, specs, out)
    return out


def _walk(folder: str, specs: list[tuple[str, Any]], out: list[str]) -> None:
    specs = specs + _ignore_specs(folder)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        is_dir = entry.is_dir(follow_symlinks=False)
        if _ignored(entry.path, is_dir, specs):
            continue
        if is_dir:
            _walk(entry.path, specs, out)
        elif entry.is_file() and is_article_path(entry.name):
            out.append(entry.path)


def _ignored(path: str, is_dir: bool, specs: list[tuple[str, Any]]) -> bool:
    """The nearest ignore file that has a say decides (a later ``!pattern`` re-includes)."""
    for base, spec in reversed(specs):
        rel = os.path.relpath(path, base).replace(os.sep, "/")
        if rel.startswith("../"):
            continue
        result = spec.check_file(rel + "/" if is_dir else rel)
        if result.include is not None:
            return bool(result.include)
    return False


def _ignore_specs(folder: str) -> list[tuple[str, Any]]:
    specs = []
    for name in IGNORE_FILES:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            import pathspec

            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    specs.append((folder, pathspec.GitIgnoreSpec.from_lines(fh.read(1024 * 1024).splitlines())))
            except OSError:
                continue
    return specs


def _ancestors(root: str) -> list[str]:
    """The folders above ``root`` up to its repository's root (outermost first); none outside a repository."""
    folder = os.path.abspath(root)
    chain: list[str] = []
    while not os.path.exists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return []
        folder = parent
        chain.append(folder)
    return list(reversed(chain))
