"""Bench the attribution extractor on PolNeAR (train and dev).

Scoring (fixed by the project):
- a prediction (statement or report) is correct when its content span
  overlaps a gold Content span; content precision = correct / predictions;
- recall counts gold attributions whose cue holds a word of RECALL_CUES; one
  is found when some prediction's content overlaps one of its Content spans;
- speaker accuracy: over found gold attributions with a Source, the share
  where the best-overlapping prediction's speaker (or speaker_ref) overlaps
  the gold Source.
- statements with no cue (quoted sentences nothing attributes) are not
  attributions and are left out of the three scores above; a last table
  gives how many there are, the share whose content overlaps a gold
  Content span, and the share of those with a gold Source whose
  speaker_ref (the speaker of a neighbouring paragraph) overlaps it.

Usage: python bench/attribution.py [--corpus DIR] [--split train|dev|both]
       [--errors N] [--limit N]
Prints plain-text tables and exits 0.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from corpus import DEFAULT_CORPUS
from factlint.extract import attribution
from factlint.lang.loader import load_default_lexicons
from factlint.text.document import Document

# Gold attributions whose cue holds one of these words (or "according to")
# count for recall: the speech and report verbs the extractor is meant to cover.
RECALL_CUES = frozenset(
    """said says say saying told tell tells telling added adds adding noted notes noting denied denies deny
    denying confirmed confirms confirm confirming reported reports reporting stated explained argued argues
    claimed warned warns insisted insists acknowledged announced wrote writes tweeted""".split()
)

Spans = list[tuple[int, int]]


@dataclass
class Gold:
    content: Spans = field(default_factory=list)
    cue: Spans = field(default_factory=list)
    source: Spans = field(default_factory=list)
    cue_text: str = ""


def read_ann(path: Path) -> list[Gold]:
    spans: dict[str, tuple[str, Spans, str]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            label, _, offsets = parts[1].partition(" ")
            pairs = [tuple(int(x) for x in chunk.split()) for chunk in offsets.split(";")]
            spans[parts[0]] = (label, pairs, parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    out = []
    for roles in events:
        g = Gold()
        for role in roles:
            name, _, tid = role.partition(":")
            if tid not in spans:
                continue
            _, pairs, txt = spans[tid]
            if name.startswith("Content"):
                g.content.extend(pairs)
            elif name == "Cue":
                g.cue.extend(pairs)
                g.cue_text += " " + txt
            elif name == "Source":
                g.source.extend(pairs)
        if g.content and g.cue:
            out.append(g)
    return out


def counts_for_recall(g: Gold) -> bool:
    low = g.cue_text.lower()
    return "according to" in low or any(w in RECALL_CUES for w in re.findall(r"[a-z]+", low))


def overlap(a: tuple[int, int], spans: Spans) -> int:
    return max((min(a[1], e) - max(a[0], s) for s, e in spans), default=0)


def load_metadata(corpus: Path) -> dict[str, dict[str, str]]:
    meta: dict[str, dict[str, str]] = {}
    path = corpus / "polnear" / "metadata.tsv"
    if path.exists():
        lines = path.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        for line in lines[1:]:
            row = dict(zip(head, line.split("\t")))
            meta[row.get("filename", "")] = row
    return meta


@dataclass
class Score:
    preds: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0
    with_source: int = 0
    speaker_ok: int = 0
    articles: int = 0
    seconds: float = 0.0
    quotes: int = 0  # statements without a cue (unattributed quotes)
    quotes_gold: int = 0  # ... whose content overlaps a gold Content
    quotes_src: int = 0  # ... and whose gold attribution has a Source
    quotes_ref_ok: int = 0  # ... that their speaker_ref overlaps

    def add(self, o: Score) -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(o, k))

    def row(self, name: str) -> str:
        p = self.correct / self.preds if self.preds else 0.0
        r = self.found / self.gold if self.gold else 0.0
        s = self.speaker_ok / self.with_source if self.with_source else 0.0
        ms = 1000 * self.seconds / self.articles if self.articles else 0.0
        return f"{name:<14} {self.articles:>5} {self.preds:>6} {p:>6.3f} {self.gold:>6} {r:>6.3f} {self.with_source:>6} {s:>6.3f} {ms:>7.2f}"

    def quote_row(self, name: str) -> str:
        g = self.quotes_gold / self.quotes if self.quotes else 0.0
        r = self.quotes_ref_ok / self.quotes_src if self.quotes_src else 0.0
        return f"{name:<14} {self.quotes:>6} {g:>6.3f} {self.quotes_src:>6} {r:>6.3f}"


HEADER = f"{'set':<14} {'arts':>5} {'preds':>6} {'prec':>6} {'gold':>6} {'recall':>6} {'w/src':>6} {'spkr':>6} {'ms/art':>7}"


def score_article(text: str, published: str | None, golds: list[Gold], lex, errors: list) -> Score:
    doc = Document(text, published=published)
    t0 = time.perf_counter()
    facts = attribution.extract(doc, lex)
    sc = Score(articles=1, seconds=time.perf_counter() - t0)
    preds = []
    for f in facts:
        if f.kind == "statement" and f.cue is None:
            sc.quotes += 1
            gold = max(golds, key=lambda g: overlap((f.content.start, f.content.end), g.content), default=None)
            if gold is not None and overlap((f.content.start, f.content.end), gold.content) > 0:
                sc.quotes_gold += 1
                if gold.source:
                    sc.quotes_src += 1
                    ref = f.speaker_ref
                    sc.quotes_ref_ok += ref is not None and overlap((ref.start, ref.end), gold.source) > 0
        elif f.kind == "statement":
            preds.append(((f.content.start, f.content.end), [f.speaker, f.speaker_ref]))
        elif f.kind == "report":
            preds.append(((f.content.start, f.content.end), [f.source]))
    all_content = [s for g in golds for s in g.content]
    for content, _speakers in preds:
        sc.preds += 1
        if overlap(content, all_content) > 0:
            sc.correct += 1
        else:
            errors.append(("false", text, content, None))
    for g in golds:
        if not counts_for_recall(g):
            continue
        sc.gold += 1
        best = max(preds, key=lambda p: overlap(p[0], g.content), default=None)
        if best is None or overlap(best[0], g.content) <= 0:
            errors.append(("miss", text, g.content[0], g.cue[0]))
            continue
        sc.found += 1
        if g.source:
            sc.with_source += 1
            if any(s is not None and overlap((s.start, s.end), g.source) > 0 for s in best[1]):
                sc.speaker_ok += 1
            else:
                spk = next((s for s in best[1] if s is not None), None)
                errors.append(("speaker", text, g.source[0], (spk.start, spk.end) if spk else None))
    return sc


def show(kind: str, text: str, a, b) -> None:
    if kind == "false":
        s, e = a
        print(f"[false] ...{text[max(0, s - 80):s]!s}[[{text[s:e]}]]{text[e:e + 40]}...".replace("\n", " "))
    elif kind == "miss":
        s, e = a
        print(f"[miss] content=[[{text[s:e][:160]}]] cue=[[{text[b[0]:b[1]]}]] ctx=...{text[max(0, min(s, b[0]) - 60):max(e, b[1]) + 20][:300]}...".replace("\n", " "))
    else:
        got = text[b[0]:b[1]] if b else None
        print(f"[speaker] gold=[[{text[a[0]:a[1]]}]] got=[[{got}]] ctx=...{text[max(0, a[0] - 100):a[1] + 60]}...".replace("\n", " "))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--split", choices=["train", "dev", "both"], default="both")
    ap.add_argument("--errors", type=int, default=0, help="print N sampled errors of each kind")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles per split")
    args = ap.parse_args(argv)
    root = args.corpus / "polnear"
    if not root.exists():
        print(f"no PolNeAR corpus under {args.corpus}")
        return 0
    lex = load_default_lexicons()
    meta = load_metadata(args.corpus)
    splits = ["train", "dev"] if args.split == "both" else [args.split]
    errors: list = []
    totals = {}
    print(HEADER)
    for split in splits:
        total, by_pub = Score(), defaultdict(Score)
        files = sorted((root / split / "text").glob("*.txt"))
        if args.limit:
            files = files[: args.limit]
        for txt in files:
            ann = next((root / split / "attributions").glob(txt.stem + "*.ann"), None)
            if ann is None:
                continue
            text = txt.read_text(encoding="utf-8")
            row = meta.get(txt.stem, {})
            sc = score_article(text, row.get("publication_date"), read_ann(ann), lex, errors)
            total.add(sc)
            by_pub[row.get("publisher", "?")].add(sc)
        for pub in sorted(by_pub):
            print(by_pub[pub].row(f"{split}:{pub}"))
        print(total.row(f"{split}:ALL"))
        totals[split] = total
    print(f"\nunattributed quotes (statements without a cue)\n{'set':<14} {'quotes':>6} {'gold':>6} {'w/src':>6} {'ref':>6}")
    for split, total in totals.items():
        print(total.quote_row(f"{split}:ALL"))
    if args.errors:
        rng = random.Random(0)
        for kind in ("false", "miss", "speaker"):
            pool = [e for e in errors if e[0] == kind]
            print(f"\n-- {kind}: {len(pool)} --")
            for e in rng.sample(pool, min(args.errors, len(pool))):
                show(*e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
