"""Snapshot of factlint's output on the whole development corpus, and a diff of two.

A refactoring must not change behaviour.  This script writes, for every
article of the development corpora (BBC, PolNeAR train and dev, TimeBank and
AQUAINT as stripped text) and every article in the repository (seeds,
fixture articles), the JSON that ``factlint facts --format json`` and
``factlint check --format json`` print for it, one line per article:

    python bench/snapshot.py write OUT_DIR [--corpus DIR]
    python bench/snapshot.py compare OLD_DIR NEW_DIR

``compare`` prints how many articles were compared and every article whose
facts or findings differ (first differing fact or finding shown), and exits
1 when anything differs, 0 when both snapshots are byte-identical.
Snapshots hold corpus text: write them outside the repository (or under
``bench/out/``, which git ignores).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corpus import DEFAULT_CORPUS, articles, read
from dates import read_tml
from factlint.api import check_text, extract, load_rules
from factlint.report.facts import facts_dict
from factlint.report.json_report import report_dict

ROOT = Path(__file__).resolve().parents[1]


def inputs(corpus: Path) -> list[tuple[str, str, str | None]]:
    """(name, text, published) for every article snapshotted, in a fixed order."""
    out: list[tuple[str, str, str | None]] = []
    for folder in ("seeds", "tests/articles"):
        for p in sorted((ROOT / folder).glob("*.txt")):
            meta = p.with_suffix(".meta.json")
            published = json.loads(meta.read_text(encoding="utf-8")).get("published") if meta.exists() else None
            with open(p, encoding="utf-8", newline="") as f:
                out.append((p.relative_to(ROOT).as_posix(), f.read(), published))
    if (corpus / "bbc").exists():
        for a in articles(corpus):
            out.append((a.name, read(corpus, a.name), a.published))
    for sub in ("TimeBank", "AQUAINT"):
        for p in sorted((corpus / "timebank" / sub).glob("*.tml")):
            art = read_tml(p)
            out.append((p.relative_to(corpus).as_posix(), art.text, art.published))
    return out


def write(out_dir: Path, corpus: Path) -> int:
    rules = load_rules()
    out_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(out_dir / "facts.jsonl", "w", encoding="utf-8") as ff, open(out_dir / "findings.jsonl", "w", encoding="utf-8") as fc:
        for name, text, published in inputs(corpus):
            facts = extract(text, published=published, rules=rules, path=name)
            ff.write(json.dumps({"name": name, **facts_dict(facts)}, ensure_ascii=False, sort_keys=True) + "\n")
            report = check_text(text, published, rules, path=name)
            fc.write(json.dumps({"name": name, **report_dict([report])}, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    print(f"wrote {n} articles to {out_dir}")
    return 0


def _first_difference(a: list, b: list) -> str:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"item {i}: {json.dumps(x, ensure_ascii=False)[:300]}\n      vs {json.dumps(y, ensure_ascii=False)[:300]}"
    return f"lengths {len(a)} vs {len(b)}"


def compare(old: Path, new: Path) -> int:
    differing = 0
    total = 0
    for file, key in (("facts.jsonl", "facts"), ("findings.jsonl", "files")):
        with open(old / file, encoding="utf-8") as fa, open(new / file, encoding="utf-8") as fb:
            la, lb = fa.readlines(), fb.readlines()
        if len(la) != len(lb):
            print(f"{file}: {len(la)} articles against {len(lb)}")
            differing += 1
        for x, y in zip(la, lb):
            total += 1
            if x == y:
                continue
            differing += 1
            dx, dy = json.loads(x), json.loads(y)
            print(f"{file}: {dx['name']} differs")
            if key == "facts":
                print("   ", _first_difference(dx["facts"], dy["facts"]))
            else:
                print("   ", _first_difference(dx["files"][0]["findings"], dy["files"][0]["findings"]))
    print(f"compared {total} article outputs: {differing} differ")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "write":
        return write(args.out, args.corpus)
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
