"""Recall bench: errors planted in real articles, caught by the rule pack?

Reads every ``bench/planted/*.json`` (a list of cases: ``corpus_file``,
``rule``, ``published``, ``edits`` and ``note``; see
docs/precision.md).  For each case it checks that every edit's
``original_sha1`` matches the article as read (else the case is reported
as stale and not scored), applies the edits, runs the whole shipped pack on
the edited text and counts the case **caught** when the planted rule fires
with a citation (or note citation) overlapping an edit's text in the
edited article (a deletion, which leaves no text, counts when a citation
touches its position).  It also runs the pack on the unedited original and counts it
**quiet** when the planted rule does not fire there at all.

Prints per rule: cases, caught, originals quiet, stale; with ``--misses``
every case not caught or whose original is not quiet.

Usage: python bench/recall.py [--corpus DIR] [--planted DIR] [--misses]
Exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from corpus import DEFAULT_CORPUS, read
from factlint.api import check_text, load_rules

PLANTED = Path(__file__).resolve().parent / "planted"


def apply_edits(text: str, edits: list[dict]) -> tuple[str, list[tuple[int, int]]] | None:
    """The edited text and each edit's span in it (None when an edit's
    original no longer matches)."""
    for e in edits:
        if hashlib.sha1(text[e["start"]:e["end"]].encode("utf-8")).hexdigest() != e["original_sha1"]:
            return None
    out, spans, pos, shift = [], [], 0, 0
    for e in sorted(edits, key=lambda e: e["start"]):
        out.append(text[pos:e["start"]])
        start = e["start"] + shift
        out.append(e["replacement"])
        spans.append((start, start + len(e["replacement"])))
        shift += len(e["replacement"]) - (e["end"] - e["start"])
        pos = e["end"]
    out.append(text[pos:])
    return "".join(out), spans


def _cited(finding, spans: list[tuple[int, int]]) -> bool:
    cites = list(finding.citations) + [c for n in finding.notes for c in n.citations]
    for c in cites:
        for s, e in spans:
            if (c.start <= s <= c.end) if s == e else (c.start < e and s < c.end):
                return True
    return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--planted", type=Path, default=PLANTED)
    ap.add_argument("--misses", action="store_true", help="list the cases not caught or not quiet")
    args = ap.parse_args(argv)
    if not (args.corpus / "bbc").exists():
        print(f"no corpus under {args.corpus}")
        return 0
    rules = load_rules()
    stats: dict[str, Counter] = {}
    misses: list[str] = []
    for path in sorted(args.planted.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            st = stats.setdefault(case["rule"], Counter())
            st["cases"] += 1
            original = read(args.corpus, case["corpus_file"])
            edited = apply_edits(original, case["edits"])
            where = f"{path.name}: {case['corpus_file']} ({case['note']})"
            if edited is None:
                st["stale"] += 1
                misses.append(f"STALE  {case['rule']} {where}")
                continue
            text, spans = edited
            found = check_text(text, case.get("published"), rules, case["corpus_file"]).findings
            if any(f.rule == case["rule"] and _cited(f, spans) for f in found):
                st["caught"] += 1
            else:
                got = sorted({f.rule for f in found})
                misses.append(f"MISSED {case['rule']} {where}; fired: {', '.join(got) or 'nothing'}")
            if not any(f.rule == case["rule"] for f in check_text(original, case.get("published"), rules, case["corpus_file"]).findings):
                st["quiet"] += 1
            else:
                misses.append(f"NOISY  {case['rule']} {where}: fires on the original")
    head = f"{'rule':32} {'cases':>5} {'caught':>6} {'quiet':>5} {'stale':>5}"
    print(head)
    print("-" * len(head))
    total = Counter()
    for rule in sorted(stats):
        st = stats[rule]
        total.update(st)
        print(f"{rule:32} {st['cases']:5} {st['caught']:6} {st['quiet']:5} {st['stale']:5}")
    print("-" * len(head))
    print(f"{'ALL':32} {total['cases']:5} {total['caught']:6} {total['quiet']:5} {total['stale']:5}")
    if args.misses and misses:
        print()
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
