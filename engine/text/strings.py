"""String similarity shared by extractors and rule relations.

Owns the bounded Levenshtein distance used to tell two spellings of one
name apart (extraction pairs a surname with a near miss; the
``is spelled differently from`` relation compares names).
"""

from __future__ import annotations


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it is larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def spelling_limit(a: str, b: str) -> int:
    """Edits allowed between two spellings of one surname (1, or 2 when both are long)."""
    return 1 if min(len(a), len(b)) < 7 else 2
