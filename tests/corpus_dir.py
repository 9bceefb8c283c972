"""Where the development corpora are: ``../shared/corpus`` beside the
repository (copyrighted, never committed), or ``$FACTLINT_CORPUS`` (a
worktree has no ``../shared`` of its own).  The tests that read a corpus
are marked ``corpus`` and skip with ``SKIP_REASON`` when it is absent;
``.ci/run`` says whether it found the corpus and how those tests ended."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("FACTLINT_CORPUS") or REPO.parent / "shared" / "corpus")
SKIP_REASON = f"development corpus not found at {CORPUS}"
