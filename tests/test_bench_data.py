"""The bench's recorded verdicts are well formed and carry no article text."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def load_precision():
    sys.path.insert(0, str(BENCH))  # precision.py imports its neighbour corpus.py
    try:
        spec = importlib.util.spec_from_file_location("bench_precision", BENCH / "precision.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def test_precision_verdicts_are_well_formed_and_short():
    verdicts = load_precision().read_verdicts()
    assert verdicts, "no verdicts recorded"
    for (name, rule, message), (verdict, reason) in verdicts.items():
        assert name.startswith(("bbc/", "polnear/")) and name.endswith(".txt"), name
        assert rule.count("/") == 1 and (BENCH.parent / "rules" / f"{rule}.rule").exists(), rule
        assert verdict in ("real", "false-positive"), verdict
        assert reason and len(message) <= 80 and len(reason) <= 120, (message, reason)
