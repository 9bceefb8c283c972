"""Run the quantity and the role/age benches one after the other.

Owns nothing but the running order: the quantity half lives in
``bench/quantities.py`` (labels ``bench/quantity_labels.json``), the role and
age half in ``bench/roles.py`` (labels ``bench/roles_labels.json``).  Every
argument (``--corpus DIR``, ``--verbose``, ``--runs N``) is passed to both.

Usage: python bench/quantities_roles.py [--corpus DIR] [--verbose]
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    for name in ("quantities.py", "roles.py"):
        script = HERE / name
        if not script.exists():
            print(f"{name}: not present, skipped")
            continue
        print(f"== {name}")
        sys.argv = [str(script)] + sys.argv[1:]
        try:
            runpy.run_path(str(script), run_name="__main__")
        except SystemExit as done:
            if done.code not in (0, None):
                return int(done.code)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
