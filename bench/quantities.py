"""Score quantity extraction against hand labels on BBC articles.

Owns: reading ``bench/quantity_labels.json`` (file names, code-point offsets
and values only; the article text stays in the corpus), running
the pipeline's quantity facts (``factlint.extract.quantity`` plus the pass that
drops numbers read as ages) on each labelled article, and printing
precision/recall (a prediction matches a label when their figure spans
overlap), value accuracy (value, value_high and approx equal) and time per
article.  Only counts, percentages and money are scored: predictions with a
measure unit (m, km, kW, ...) are outside the labelling rule and are counted
separately.  Labels come in two sets: ``dev`` (the first 6 files of each
section, used while writing the extractor) and ``heldout`` (the next 4,
labelled after the extractor was written and not tuned on).  See
docs/extraction-quantities.md for the labelling rule.

Usage: python bench/quantities.py [--corpus DIR] [--labels FILE] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from corpus import DEFAULT_CORPUS
from factlint.extract import quantity
from factlint.extract.pipeline import extract_facts
from factlint.lang.loader import load_default_lexicons
from factlint.text.document import Document

REPO = Path(__file__).resolve().parents[1]
SCORED_UNITS = {None, "percent", "percentage point", "votes"}


def scored(fact) -> bool:
    """Counts, percentages and money (a currency code is three capital letters)."""
    return fact.unit in SCORED_UNITS or (len(fact.unit) == 3 and fact.unit.isupper())


def same_value(fact, gold: dict) -> bool:
    def close(a, b):
        return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b)))

    return close(fact.value, gold["value"]) and close(fact.value_high, gold["value_high"]) and fact.approx == gold["approx"]


def match(preds: list, golds: list[dict]) -> list[tuple[object, dict]]:
    """One-to-one pairs of prediction and label whose figure spans overlap (document order)."""
    pairs, used = [], set()
    for p in preds:
        span = p.figure or p
        for i, g in enumerate(golds):
            if i not in used and span.start < g["end"] and g["start"] < span.end:
                pairs.append((p, g))
                used.add(i)
                break
    return pairs


def time_article(doc_text: str, lex, runs: int) -> float:
    quantity.extract(Document(doc_text), lex)  # warm
    t0 = time.perf_counter()
    for _ in range(runs):
        quantity.extract(Document(doc_text), lex)
    return (time.perf_counter() - t0) / runs * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--labels", type=Path, default=REPO / "bench" / "quantity_labels.json")
    ap.add_argument("--runs", type=int, default=50, help="timing runs per article")
    ap.add_argument("--verbose", action="store_true", help="list misses and false positives")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus folder not found: {args.corpus}")
        return 0
    lex = load_default_lexicons()
    labels = json.loads(args.labels.read_text(encoding="utf-8"))["articles"]
    rows: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    times, sizes = [], []
    for art in labels:
        text = (args.corpus / art["file"]).read_text(encoding="utf-8")
        # through the pipeline: it drops numbers the people extractor reads as ages
        facts = [f for f in extract_facts(Document(text), lex).facts if f.kind == "quantity"]
        preds = [f for f in facts if scored(f)]
        pairs = match(preds, art["quantities"])
        section, part = art["file"].split("/")[1], art.get("set", "dev")
        for key in (f"{part} {section}", f"{part} all"):
            r = rows[key]
            r["articles"] += 1
            r["gold"] += len(art["quantities"])
            r["pred"] += len(preds)
            r["tp"] += len(pairs)
            r["value_ok"] += sum(same_value(p, g) for p, g in pairs)
            r["unit_ok"] += sum(p.unit == g["unit"] for p, g in pairs)
            r["noun_ok"] += sum(p.noun_key == g["noun_key"] for p, g in pairs)
            r["measures"] += len(facts) - len(preds)
        times.append(time_article(text, lex, args.runs))
        sizes.append(len(text))
        if args.verbose:
            report_errors(art, text, preds, pairs)
    print(f"{'set / section':<22}{'art':>4}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}{'value':>7}{'unit':>7}{'noun':>7}{'meas':>6}")
    for key in sorted(rows, key=lambda k: (k.split()[0] != "dev", k.endswith(" all"), k)):
        r = rows[key]
        p = r["tp"] / r["pred"] if r["pred"] else 1.0
        rec = r["tp"] / r["gold"] if r["gold"] else 1.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        tp = r["tp"] or 1
        print(f"{key:<22}{int(r['articles']):>4}{int(r['gold']):>6}{int(r['pred']):>6}{p:>7.3f}{rec:>7.3f}{f1:>7.3f}"
              f"{r['value_ok'] / tp:>7.3f}{r['unit_ok'] / tp:>7.3f}{r['noun_ok'] / tp:>7.3f}{int(r['measures']):>6}")
    per_kb = sum(times) / (sum(sizes) / 1000)
    print(f"\ntime per article: mean {sum(times) / len(times):.3f} ms, max {max(times):.3f} ms "
          f"(mean size {sum(sizes) / len(sizes) / 1000:.1f} KB; {per_kb * 2.5:.3f} ms per 2.5 KB)")
    print("value = value, value_high and approx equal on matched figures; meas = measures (not scored)")
    return 0


def report_errors(art: dict, text: str, preds: list, pairs: list) -> None:
    matched_p = {id(p) for p, _ in pairs}
    matched_g = {id(g) for _, g in pairs}
    for g in art["quantities"]:
        if id(g) not in matched_g:
            print(f"  MISS {art['file']} {g['start']}-{g['end']} {text[g['start']:g['end']]!r}")
    for p in preds:
        if id(p) not in matched_p:
            print(f"  FP   {art['file']} {p.start}-{p.end} {p.text!r}")
    for p, g in pairs:
        if not same_value(p, g) or p.unit != g["unit"]:
            print(f"  VAL  {art['file']} {p.text!r}: {p.value} {p.value_high} {p.approx} {p.unit}"
                  f" vs {g['value']} {g['value_high']} {g['approx']} {g['unit']}")


if __name__ == "__main__":
    raise SystemExit(main())
