"""Unseen bench: slips planted in real articles the rules were never fitted to.

A frozen evaluation set.  Every ``bench/unseen/<kind>.json`` holds cases of
one kind (``denial``, ``title``, ``count``, ``date``, ``age``, ``name``),
each ONE inconsistency planted by a person, blind to how the rules work,
into one published article of the corpus (``id``, ``corpus_file``,
``kind``, ``published``, ``edits``, ``conflicts_with``, ``note``).
``published`` null means the corpus date for PolNeAR and none for BBC.
The cases must not be edited after they have been scored.

For each case the script checks every edit's ``original_sha1`` against the
article as read (a mismatch: the case is reported as stale and not
scored), applies the edits, runs the whole shipped pack on the edited text
and counts the case **caught** when a finding at warning or error cites
(or one of its notes cites) text overlapping an edit's span in the edited
article (an insertion's span is the inserted text).  It does not ask which
rule fired: the set measures what a desk would see.

It also runs the pack on each distinct unedited article and counts the
warnings and errors there: the false-alarm side of the same articles.

A kind named ``<kind>-pass`` (the development set ``bench/dev_slips`` has
them) holds correct copy that must stay quiet: such a case is **quiet**
when no warning or error cites its edits; pass kinds are printed apart and
left out of the overall recall.

Prints per kind: cases, caught, recall, stale; overall recall; then the
originals: articles, warnings+errors, per 100 articles.  ``--misses`` also
lists every case not caught (id, note) and every warning or error on an
original (file, rule, message); ``--json PATH`` writes the per-case
results.  ``--validate`` checks the case files without running the pack
(sha1s, overlapping edits, spans in range, unique ids, at least 20 cases
of each kind, every article in the pool list) and ``--show`` prints each
edit in context in the edited text, for a person to reread.

Usage: python bench/unseen.py [--corpus DIR] [--cases DIR] [--misses]
       [--json PATH]
       python bench/unseen.py --validate [--show] [--pool FILE]
Exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from corpus import DEFAULT_CORPUS, polnear_dates, read
from factlint.api import check_text, load_rules
from recall import _cited, apply_edits

CASES = Path(__file__).resolve().parent / "unseen"
KINDS = ("denial", "title", "count", "date", "age", "name")
KEYS = ["id", "corpus_file", "kind", "published", "edits", "conflicts_with", "note"]
POOL = Path(__file__).resolve().parents[1].parent / "notes" / "pool_unseen.txt"
MIN_PER_KIND = 20
SERIOUS = ("warning", "error")


def load_cases(cases_dir: Path) -> list[dict]:
    """Every case of every ``<kind>.json``, in kind then file order."""
    out: list[dict] = []
    for path in sorted(cases_dir.glob("*.json")):
        out.extend(json.loads(path.read_text(encoding="utf-8")))
    return out


def published_of(case: dict, dates: dict[str, str]) -> str | None:
    """The case's publication date: its own, else PolNeAR's recorded one."""
    if case.get("published"):
        return case["published"]
    if case["corpus_file"].startswith("polnear/"):
        return dates.get(Path(case["corpus_file"]).stem)
    return None


def validate(cases: list[dict], corpus: Path, pool: Path, show: bool) -> list[str]:
    """Problems with the case files (empty when they are sound)."""
    problems: list[str] = []
    pool_names = set(pool.read_text(encoding="utf-8").split()) if pool.exists() else None
    if pool_names is None:
        print(f"(no pool list at {pool}: pool membership not checked)")
    ids = Counter(c.get("id") for c in cases)
    problems += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    kinds = Counter(c.get("kind") for c in cases)
    problems += [f"{k}: {kinds[k]} cases (< {MIN_PER_KIND})" for k in KINDS if kinds[k] < MIN_PER_KIND]
    for case in cases:
        cid = case.get("id", "?")
        if list(case) != KEYS:
            problems.append(f"{cid}: keys {list(case)}")
        if case.get("kind", "").removesuffix("-pass") not in KINDS or f"-{case.get('kind')}-" not in cid:
            problems.append(f"{cid}: kind {case.get('kind')!r} does not match the id")
        if pool_names is not None and case["corpus_file"] not in pool_names:
            problems.append(f"{cid}: {case['corpus_file']} is not in the pool")
        text = read(corpus, case["corpus_file"])
        spans = sorted((e["start"], e["end"]) for e in case["edits"])
        if not spans:
            problems.append(f"{cid}: no edits")
        for (s1, e1), (s2, _) in zip(spans, spans[1:]):
            if s2 < e1 or s2 == s1:
                problems.append(f"{cid}: edits overlap at {s2}")
        for e in case["edits"]:
            if not 0 <= e["start"] <= e["end"] <= len(text):
                problems.append(f"{cid}: edit {e['start']}-{e['end']} out of range")
            got = hashlib.sha1(text[e["start"] : e["end"]].encode("utf-8")).hexdigest()
            if got != e["original_sha1"]:
                problems.append(f"{cid}: sha1 mismatch at {e['start']}-{e['end']}")
        for c in case["conflicts_with"]:
            if not 0 <= c["start"] < c["end"] <= len(text):
                problems.append(f"{cid}: conflicts_with {c['start']}-{c['end']} out of range")
        if show:
            edited = apply_edits(text, case["edits"])
            print(f"\n== {cid} {case['corpus_file']} published={case.get('published')}\n   {case['note']}")
            for c in case["conflicts_with"]:
                print(f"   other side: {text[c['start'] : c['end']]!r}")
            if edited:
                etext, espans = edited
                for s, e in espans:
                    print(f"   ...{etext[max(0, s - 160) : s]}[[{etext[s:e]}]]{etext[e : e + 160]}...")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--cases", type=Path, default=CASES)
    ap.add_argument("--misses", action="store_true", help="list missed cases and warnings on originals")
    ap.add_argument("--json", type=Path, help="write the per-case results here")
    ap.add_argument("--validate", action="store_true", help="check the case files; do not run the pack")
    ap.add_argument("--show", action="store_true", help="with --validate: print each edit in context")
    ap.add_argument("--pool", type=Path, default=POOL, help="list of the articles cases may use")
    args = ap.parse_args(argv)
    if not (args.corpus / "bbc").exists():
        print(f"no corpus under {args.corpus}")
        return 0
    cases = load_cases(args.cases)
    if args.validate:
        problems = validate(cases, args.corpus, args.pool, args.show)
        print("\n".join(problems) or f"{len(cases)} cases, all sound")
        return 0

    rules = load_rules()
    dates = polnear_dates(args.corpus)
    stats: dict[str, Counter] = {k: Counter() for k in KINDS}
    results: list[dict] = []
    misses: list[str] = []
    originals: dict[str, str | None] = {}
    for case in cases:
        st = stats.setdefault(case["kind"], Counter())
        st["cases"] += 1
        published = published_of(case, dates)
        originals.setdefault(case["corpus_file"], published)
        edited = apply_edits(read(args.corpus, case["corpus_file"]), case["edits"])
        result = {"id": case["id"], "kind": case["kind"], "corpus_file": case["corpus_file"]}
        if edited is None:
            st["stale"] += 1
            misses.append(f"STALE  {case['id']}: {case['note']}")
            results.append({**result, "status": "stale"})
            continue
        text, spans = edited
        found = [f for f in check_text(text, published, rules, path=case["corpus_file"]).findings if f.severity in SERIOUS]
        hits = sorted({f.rule for f in found if _cited(f, spans)})
        if hits:
            st["caught"] += 1
            if case["kind"].endswith("-pass"):
                misses.append(f"FLAGGED {case['id']} ({', '.join(hits)}): {case['note']}")
        elif not case["kind"].endswith("-pass"):
            misses.append(f"MISSED {case['id']}: {case['note']}")
        results.append(
            {
                **result,
                "status": "caught" if hits else "missed",
                "rules": hits,
                "other_warnings": sorted({f.rule for f in found} - set(hits)),
            }
        )
    alarms: list[str] = []
    for name, published in originals.items():
        for f in check_text(read(args.corpus, name), published, rules, path=name).findings:
            if f.severity in SERIOUS:
                alarms.append(f"{name}: {f.rule} {getattr(f, 'message', '')}")
    head = f"{'kind':8} {'cases':>5} {'caught':>6} {'recall':>7} {'stale':>5}"
    print(head)
    print("-" * len(head))
    total = Counter()
    for kind, st in stats.items():
        if kind.endswith("-pass"):
            continue
        total.update(st)
        rate = f"{100 * st['caught'] / st['cases']:.1f}%" if st["cases"] else "-"
        print(f"{kind:8} {st['cases']:5} {st['caught']:6} {rate:>7} {st['stale']:5}")
    print("-" * len(head))
    rate = f"{100 * total['caught'] / total['cases']:.1f}%" if total["cases"] else "-"
    print(f"{'ALL':8} {total['cases']:5} {total['caught']:6} {rate:>7} {total['stale']:5}")
    passes = {k: st for k, st in stats.items() if k.endswith("-pass")}
    if passes:
        print(f"\n{'correct copy':13} {'cases':>5} {'quiet':>6}")
        for kind, st in passes.items():
            print(f"{kind:13} {st['cases']:5} {st['cases'] - st['caught'] - st['stale']:6}")
    per100 = 100 * len(alarms) / len(originals) if originals else 0.0
    print(f"\noriginals: {len(originals)} articles, {len(alarms)} warnings+errors, {per100:.1f} per 100")
    if args.misses:
        print()
        print("\n".join(misses + [f"ORIGINAL {a}" for a in alarms]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
