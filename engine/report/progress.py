"""A progress bar on standard error for long runs on a terminal (rich).

Owns deciding when to show one: only when standard error is a terminal (not
piped, not a CI log, not ``TERM=dumb``) and the run has at least
``MIN_FILES`` files.  The bar is transient (it disappears when the run ends)
and is drawn only on standard error, before any output is printed, so
machine-readable output on standard output is never mixed with it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

MIN_FILES = 5


def wanted(total: int, stream=None) -> bool:
    stream = stream or sys.stderr
    if total < MIN_FILES or os.environ.get("TERM") == "dumb" or os.environ.get("CI"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[int, int], None] | None]:
    """A callback ``(done, total)`` that advances a bar, or None when no bar is wanted."""
    if not wanted(total):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=sys.stderr)
    with Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("check", total=total)
        yield lambda done, _total: bar.update(task, completed=done)
