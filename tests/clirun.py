"""Running the real command line in a subprocess, as users and CI do."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass


@dataclass
class Run:
    code: int
    out: str
    err: str


def factlint(*args: str, cwd=None, input: str | None = None) -> Run:
    proc = subprocess.run(
        [sys.executable, "-m", "factlint", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        input=input,
        timeout=120,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)
