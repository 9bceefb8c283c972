"""Headline bench: slips planted in real headlines and standfirsts, caught?

Headline and standfirst are written last, in a hurry, often by someone
else; this bench measures how the shipped pack does on such slips in copy
it was never fitted to.  Reads every ``bench/headline_slips/*.json`` (one
file per kind; a list of cases: ``id``, ``corpus_file``, ``kind``,
``published``, ``edits``, ``body_span`` and ``note``).  A case is an edit
of one real article's headline or standfirst (the BBC's first body
paragraph; a PolNeAR subheadline or abstract) that makes it say something
the body does not support (``wrong-figure``, ``unsupported-figure``,
``wrong-name``, ``unsupported-name``, ``wrong-age``, ``unsupported-age``,
``wrong-place``), or, for ``faithful`` cases, a rewrite a sub-editor may
legitimately make (digits for words, rounding, a surname for a full name).

For each case it checks that every edit's ``original_sha1`` matches the
article as read (else the case is stale and not scored), applies the
edits and runs the whole shipped pack.  A slip is **caught** when a
warning or error cites (by a citation or a note's citation) text
overlapping one of its edits in the edited article; a faithful case is
**quiet** when no warning or error cites its edits.  It also runs every
distinct unedited original once and counts the warnings and errors that
cite its headline or standfirst: the false-alarm side, on real headlines.

Prints per kind: cases, caught (quiet for faithful), rate; then overall
slip recall, the faithful quiet rate and the originals' headline warnings
per 100 articles.  ``--misses`` lists the slips not caught, the faithful
cases flagged and the originals' warnings; ``--json PATH`` writes the
per-case results.  ``--validate`` checks the cases instead of scoring
them (sha1s, edits inside headline or standfirst and not overlapping,
unique ids, minimum counts per kind, articles from the pool list);
``--show`` prints each edited headline or standfirst under its original.

Usage: python bench/headline.py [--corpus DIR] [--slips DIR] [--misses]
       [--json PATH] [--validate [--show] [--pool FILE]]
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

SLIPS = Path(__file__).resolve().parent / "headline_slips"
POOL = Path(__file__).resolve().parents[1].parent / "notes" / "pool_headline.txt"
SLIP_KINDS = ("wrong-figure", "unsupported-figure", "wrong-name", "unsupported-name",
              "wrong-age", "unsupported-age", "wrong-place")
MIN_PER_KIND, MIN_SLIPS, MIN_FAITHFUL = 12, 110, 30
FLAGGING = ("warning", "error")


def zones(text: str, name: str) -> list[tuple[int, int]]:
    """Spans of the headline (first line) and the standfirst: a BBC story's
    first body paragraph; a PolNeAR story's subheadline lines (the rest of
    its first paragraph) and its ABSTRACT paragraph, when it has them."""
    first_line = text.find("\n")
    if first_line < 0:
        return [(0, len(text))]
    spans = [(0, first_line)]
    if name.startswith("bbc/"):
        start = first_line + 2 if text.startswith("\n\n", first_line) else first_line + 1
        end = text.find("\n\n", start)
        spans.append((start, len(text) if end < 0 else end))
        return spans
    paragraphs, pos = [], 0
    for para in text.split("\n\n")[:3]:
        paragraphs.append((pos, pos + len(para)))
        pos += len(para) + 2
    if first_line + 1 < paragraphs[0][1]:
        spans.append((first_line + 1, paragraphs[0][1]))
    if len(paragraphs) == 3 and text[slice(*paragraphs[1])].strip() == "ABSTRACT.":
        spans.append(paragraphs[2])
    return spans


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    # An empty span (a deletion) counts when the citation touches it.
    return any((start <= s <= end) if s == e else (start < e and s < end) for s, e in spans)


def _cites(finding, spans: list[tuple[int, int]]) -> bool:
    cites = list(finding.citations) + [c for n in finding.notes for c in n.citations]
    return any(_overlaps(c.start, c.end, spans) for c in cites)


def load_cases(slips: Path) -> list[dict]:
    cases = []
    for path in sorted(slips.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            cases.append({**case, "_file": path.name})
    return cases


def published_of(case: dict, dates: dict[str, str]) -> str | None:
    """The case's date, else the corpus date for PolNeAR (none for BBC)."""
    if case.get("published"):
        return case["published"]
    if case["corpus_file"].startswith("polnear/"):
        return dates.get(Path(case["corpus_file"]).stem)
    return None


def _severity(finding) -> str:
    return str(getattr(finding.severity, "value", finding.severity))


def _describe(finding) -> str:
    return f"{finding.rule}: {getattr(finding, 'message', '')}"


def validate(cases: list[dict], corpus: Path, pool: Path, show: bool) -> int:
    """Check the cases; print each problem (and, with ``show``, each edit)."""
    problems: list[str] = []
    allowed = set(pool.read_text(encoding="utf-8").split()) if pool.exists() else None
    counts = Counter(case["kind"] for case in cases)
    for cid, n in Counter(case["id"] for case in cases).items():
        if n > 1:
            problems.append(f"{cid}: id used {n} times")
    for kind in SLIP_KINDS:
        if counts[kind] < MIN_PER_KIND:
            problems.append(f"{kind}: {counts[kind]} cases, fewer than {MIN_PER_KIND}")
    if sum(counts[k] for k in SLIP_KINDS) < MIN_SLIPS:
        problems.append(f"{sum(counts[k] for k in SLIP_KINDS)} slip cases, fewer than {MIN_SLIPS}")
    if counts["faithful"] < MIN_FAITHFUL:
        problems.append(f"faithful: {counts['faithful']} cases, fewer than {MIN_FAITHFUL}")
    for case in cases:
        cid, name = case["id"], case["corpus_file"]
        if case["kind"] not in SLIP_KINDS + ("faithful",) or case["_file"] != f"{case['kind']}.json":
            problems.append(f"{cid}: kind {case['kind']!r} in {case['_file']}")
        if allowed is not None and name not in allowed:
            problems.append(f"{cid}: {name} is not in {pool.name}")
        text = read(corpus, name)
        spans = zones(text, name)
        edits = sorted(case["edits"], key=lambda e: e["start"])
        for e in edits:
            sha = hashlib.sha1(text[e["start"]:e["end"]].encode("utf-8")).hexdigest()
            if sha != e["original_sha1"]:
                problems.append(f"{cid}: stale edit at {e['start']}")
            if not any(s <= e["start"] <= e["end"] <= z for s, z in spans):
                problems.append(f"{cid}: edit {e['start']}-{e['end']} outside headline and standfirst")
        for a, b in zip(edits, edits[1:]):
            if b["start"] < a["end"]:
                problems.append(f"{cid}: edits at {a['start']} and {b['start']} overlap")
        for b in case["body_span"]:
            if not 0 <= b["start"] < b["end"] <= len(text) or _overlaps(b["start"], b["end"], spans):
                problems.append(f"{cid}: body span {b['start']}-{b['end']} not in the body")
        if show:
            print(f"{cid}  {name}\n  {case['note']}")
            for s, z in spans:
                inside = [e for e in edits if s <= e["start"] <= z]
                if inside:
                    piece = text[s:z]
                    for e in reversed(inside):
                        piece = piece[:e["start"] - s] + e["replacement"] + piece[e["end"] - s:]
                    print(f"  - {text[s:z]}\n  + {piece}")
            for b in case["body_span"]:
                print(f"  body: {text[b['start']:b['end']]}")
    print(f"{len(cases)} cases: " + ", ".join(f"{k} {counts[k]}" for k in SLIP_KINDS + ("faithful",)))
    print("\n".join(problems) if problems else "no problems")
    return 0


def score(cases: list[dict], corpus: Path, misses_wanted: bool, json_path: Path | None) -> int:
    """Run the pack on every case and every distinct original; print the table."""
    # Imported here, not at the top, so that --validate runs without the pack.
    from factlint.api import check_text, load_rules
    from recall import apply_edits

    rules = load_rules()
    dates = polnear_dates(corpus)
    stats: dict[str, Counter] = {}
    results: list[dict] = []
    misses: list[str] = []
    originals: dict[str, str | None] = {}
    for case in cases:
        kind, name = case["kind"], case["corpus_file"]
        st = stats.setdefault(kind, Counter())
        st["cases"] += 1
        published = published_of(case, dates)
        originals.setdefault(name, published)
        original = read(corpus, name)
        result = {"id": case["id"], "kind": kind, "corpus_file": name, "note": case["note"]}
        results.append(result)
        edited = apply_edits(original, case["edits"])
        if edited is None:
            st["stale"] += 1
            result["status"] = "stale"
            misses.append(f"STALE   {case['id']} {name}")
            continue
        text, spans = edited
        found = [f for f in check_text(text, published, rules, path=name).findings
                 if _severity(f) in FLAGGING]
        hits = [f for f in found if _cites(f, spans)]
        result["findings"] = [{"rule": str(f.rule), "severity": _severity(f),
                               "message": str(getattr(f, "message", "")),
                               "cites_edit": any(f is h for h in hits)} for f in found]
        if kind == "faithful":
            result["status"] = "flagged" if hits else "quiet"
            st["ok"] += not hits
            for f in hits:
                misses.append(f"FLAGGED {case['id']} {name} ({case['note']}): {_describe(f)}")
        else:
            result["status"] = "caught" if hits else "missed"
            st["ok"] += bool(hits)
            if not hits:
                elsewhere = ", ".join(sorted({f.rule for f in found})) or "nothing"
                misses.append(f"MISSED  {case['id']} {name} ({case['note']}); "
                              f"warnings elsewhere: {elsewhere}")
    original_warnings = 0
    for name, published in originals.items():
        text = read(corpus, name)
        spans = zones(text, name)
        for f in check_text(text, published, rules, path=name).findings:
            if _severity(f) in FLAGGING and _cites(f, spans):
                original_warnings += 1
                misses.append(f"ORIGINAL {name}: {_describe(f)}")

    head = f"{'kind':20} {'cases':>5} {'caught':>6} {'rate':>6} {'stale':>5}"
    print(head)
    print("-" * len(head))
    slips = Counter()
    for kind in SLIP_KINDS + tuple(sorted(set(stats) - set(SLIP_KINDS) - {"faithful"})):
        if kind in stats:
            st = stats[kind]
            slips.update(st)
            print(f"{kind:20} {st['cases']:5} {st['ok']:6} {_rate(st):>6} {st['stale']:5}")
    print("-" * len(head))
    print(f"{'slips (recall)':20} {slips['cases']:5} {slips['ok']:6} {_rate(slips):>6} {slips['stale']:5}")
    faithful = stats.get("faithful", Counter())
    print(f"{'faithful (quiet)':20} {faithful['cases']:5} {faithful['ok']:6} "
          f"{_rate(faithful):>6} {faithful['stale']:5}")
    per_100 = 100 * original_warnings / len(originals) if originals else 0.0
    print(f"originals: {len(originals)} articles, {original_warnings} headline/standfirst "
          f"warnings ({per_100:.1f} per 100)")
    if misses_wanted and misses:
        print()
        print("\n".join(misses))
    if json_path is not None:
        json_path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def _rate(st: Counter) -> str:
    scored = st["cases"] - st["stale"]
    return f"{100 * st['ok'] / scored:.0f}%" if scored else "-"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--slips", type=Path, default=SLIPS)
    ap.add_argument("--misses", action="store_true",
                    help="list misses, flagged faithful cases and the originals' warnings")
    ap.add_argument("--json", type=Path, help="write per-case results here")
    ap.add_argument("--validate", action="store_true", help="check the cases instead of scoring them")
    ap.add_argument("--show", action="store_true", help="with --validate: print every edit")
    ap.add_argument("--pool", type=Path, default=POOL, help="with --validate: the allowed articles")
    args = ap.parse_args(argv)
    if not (args.corpus / "bbc").exists():
        print(f"no corpus under {args.corpus}")
        return 0
    cases = load_cases(args.slips)
    if args.validate:
        return validate(cases, args.corpus, args.pool, args.show)
    return score(cases, args.corpus, args.misses, args.json)


if __name__ == "__main__":
    sys.exit(main())
