"""Articles made up for tests that need many files: paragraphs of the fixture articles
(which carry planted slips) mixed and renumbered, the same for a given seed."""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _paragraphs() -> list[str]:
    out = []
    for path in sorted((ROOT / "tests" / "articles").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt")):
        text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#!"))
        out += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 60]
    return out


def articles(n: int, seed: int = 7) -> list[str]:
    """``n`` articles of 4-8 paragraphs under a short headline."""
    rng = random.Random(seed)
    pool = _paragraphs()
    texts = []
    for i in range(n):
        body = [re.sub(r"\b\d{1,2}\b", lambda m: str(rng.randint(2, 95)), p) for p in rng.sample(pool, rng.randint(4, 8))]
        texts.append(f"Story {i} of the day\n\n" + "\n\n".join(body) + "\n")
    return texts


def write_articles(folder: Path, n: int, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(articles(n, seed)):
        p = folder / f"a{i:04d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths
