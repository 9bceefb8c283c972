"""Score role and age extraction against hand labels on BBC articles.

Owns: reading ``bench/roles_labels.json`` (file names, code-point offsets,
values and normalized title words only; the article text stays in the
corpus), running ``factlint.extract.people.extract`` on each labelled
article, and printing precision/recall per section:

* a predicted role matches a gold role when their person spans overlap and
  their title spans overlap (one-to-one, document order);
* a predicted age matches a gold age when the values are equal and the person
  spans overlap (or both have no person).

It also prints the extractor's time per article (warm, mean of ``--runs``).
See docs/extraction-people.md for how the articles were chosen and labelled.

Usage: python bench/roles.py [--corpus DIR] [--labels FILE] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from corpus import DEFAULT_CORPUS
from factlint.extract import people
from factlint.lang.loader import load_default_lexicons
from factlint.text.document import Document

REPO = Path(__file__).resolve().parents[1]


def overlaps(span, pair: list[int] | None) -> bool:
    if span is None or pair is None:
        return span is None and pair is None
    return span.start < pair[1] and pair[0] < span.end


def match_roles(preds: list, golds: list[dict]) -> list[tuple[object, dict]]:
    pairs, used = [], set()
    for p in preds:
        for i, g in enumerate(golds):
            if i not in used and overlaps(p.person, g["person"]) and overlaps(p.title, g["title"]):
                pairs.append((p, g))
                used.add(i)
                break
    return pairs


def match_ages(preds: list, golds: list[dict]) -> list[tuple[object, dict]]:
    pairs, used = [], set()
    for p in preds:
        for i, g in enumerate(golds):
            if i not in used and p.age == g["value"] and overlaps(p.person, g["person"]):
                pairs.append((p, g))
                used.add(i)
                break
    return pairs


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--labels", type=Path, default=REPO / "bench" / "roles_labels.json")
    ap.add_argument("--runs", type=int, default=50, help="timing runs per article")
    ap.add_argument("--verbose", action="store_true", help="list misses and false positives")
    args = ap.parse_args()
    labels = json.loads(args.labels.read_text(encoding="utf-8"))
    lex = load_default_lexicons()
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * 6)  # role gold/pred/tp, age gold/pred/tp
    timings: list[float] = []
    for art in labels["articles"]:
        path = args.corpus / "bbc" / art["file"]
        if not path.exists():
            print(f"missing {path}: is --corpus right?")
            return 0
        text = path.read_text(encoding="utf-8")
        facts = people.extract(Document(text), lex)
        roles = [f for f in facts if f.kind == "role"]
        ages = [f for f in facts if f.kind == "age"]
        role_pairs, age_pairs = match_roles(roles, art["roles"]), match_ages(ages, art["ages"])
        row = counts[art["file"].split("/")[0]]
        for k, v in enumerate((len(art["roles"]), len(roles), len(role_pairs), len(art["ages"]), len(ages), len(age_pairs))):
            row[k] += v
        t0 = time.perf_counter()
        for _ in range(args.runs):
            people.extract(Document(text), lex)
        timings.append((time.perf_counter() - t0) / args.runs)
        if args.verbose:
            report(art, text, roles, ages, role_pairs, age_pairs)
    total = [sum(r[k] for r in counts.values()) for k in range(6)]
    print(f"{'section':<14}{'roles':>6}{'pred':>6}{'ok':>5}{'P':>7}{'R':>7}   {'ages':>5}{'pred':>6}{'ok':>5}{'P':>7}{'R':>7}")
    for name, r in sorted(counts.items()) + [("TOTAL", total)]:
        print(
            f"{name:<14}{r[0]:>6}{r[1]:>6}{r[2]:>5}{ratio(r[2], r[1]):>7}{ratio(r[2], r[0]):>7}"
            f"   {r[3]:>5}{r[4]:>6}{r[5]:>5}{ratio(r[5], r[4]):>7}{ratio(r[5], r[3]):>7}"
        )
    both = (total[2] + total[5], total[1] + total[4], total[0] + total[3])
    print(f"roles+ages: P {ratio(both[0], both[1])}  R {ratio(both[0], both[2])}")
    if timings:
        size = sum(len((args.corpus / 'bbc' / a['file']).read_text(encoding='utf-8')) for a in labels["articles"])
        print(f"time: {1000 * sum(timings) / len(timings):.2f} ms per article (mean {size // len(timings)} chars)")
    return 0


def report(art: dict, text: str, roles: list, ages: list, role_pairs: list, age_pairs: list) -> None:
    hit_roles = {id(p) for p, _ in role_pairs}
    hit_gold = {id(g) for _, g in role_pairs}
    for p in roles:
        if id(p) not in hit_roles:
            print(f"  FP role {art['file']}: {p.person.text!r} / {p.title.text!r}")
    for g in art["roles"]:
        if id(g) not in hit_gold:
            print(f"  FN role {art['file']}: {text[slice(*g['person'])]!r} / {text[slice(*g['title'])]!r}")
    hit_ages = {id(p) for p, _ in age_pairs}
    hit_gold = {id(g) for _, g in age_pairs}
    for p in ages:
        if id(p) not in hit_ages:
            print(f"  FP age {art['file']}: {p.age} {p.person.text if p.person else None!r}")
    for g in art["ages"]:
        if id(g) not in hit_gold:
            print(f"  FN age {art['file']}: {g['value']} {text[slice(*g['person'])] if g['person'] else None!r}")


if __name__ == "__main__":
    raise SystemExit(main())
