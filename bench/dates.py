"""Bench: date expressions against TimeBank and AQUAINT (TimeML) gold.

Text: every tag of the ``.tml`` file is stripped and XML entities are decoded
(the whole file, so the DCT line and headers are text too); gold offsets are
computed in that stripped text.  Only gold and predictions inside
``<TEXT>`` (and ``<TITLE>`` when present) are scored, so the DCT's own
TIMEX and the wire-service header lines never count.  The DCT value is the
publication date.

Scored: gold TIMEX3 type="DATE".  Span precision = predicted date facts
(time_type date) overlapping a gold DATE / all predicted date facts; recall =
gold DATEs overlapped by a prediction / all gold DATEs.  Value accuracy is over
matched pairs whose gold value is resolvable (no *_REF, no X), compared at the
gold granularity (gold "1998-08" vs the prediction cut to 7 characters; a
gold time of day such as "1998-08-07TNI" is compared as its date).

Usage: python bench/dates.py [--corpus DIR] [--errors N] [--misses]

``--misses`` lists every missed gold DATE (corpus part, file, gold text and
value, context), for grouping the misses by kind.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from corpus import DEFAULT_CORPUS
from factlint.extract.time.extractor import extract_times
from factlint.text.document import Document

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>|&[a-zA-Z]+;|&#\d+;")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_SCORED_REGIONS = ("TEXT", "TITLE")


@dataclass
class Gold:
    start: int
    end: int
    text: str
    value: str


@dataclass
class Article:
    name: str
    text: str
    published: str | None
    dates: list[Gold] = field(default_factory=list)
    regions: list[tuple[int, int]] = field(default_factory=list)


def read_tml(path: Path) -> Article:
    raw = path.read_text(encoding="utf-8")
    out: list[str] = []
    length = 0
    pos = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    open_regions: dict[str, int] = {}
    art = Article(path.name, "", None)
    in_dct = False
    for m in _TAG.finditer(raw):
        chunk = raw[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        token = m.group(0)
        if token.startswith("&"):
            decoded = html.unescape(token)
            out.append(decoded)
            length += len(decoded)
            continue
        closing, name = m.group(1) == "/", m.group(2)
        if name == "DCT":
            in_dct = not closing
        elif name in _SCORED_REGIONS:
            if closing:
                art.regions.append((open_regions.pop(name, 0), length))
            else:
                open_regions[name] = length
        elif name == "TIMEX3":
            if not closing:
                open_timex.append((length, dict(_ATTR.findall(m.group(3)))))
            elif open_timex:
                start, attrs = open_timex.pop()
                if in_dct:
                    art.published = attrs.get("value", "")[:10] or None
                elif attrs.get("type") == "DATE":
                    art.dates.append(Gold(start, length, "", attrs.get("value", "")))
    out.append(raw[pos:])
    art.text = "".join(out)
    for g in art.dates:
        g.text = art.text[g.start : g.end]
    art.dates = [g for g in art.dates if _inside(g.start, g.end, art.regions)]
    return art


def _inside(start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in regions)


def resolvable(value: str) -> bool:
    return bool(value) and "X" not in value and not value.endswith("_REF") and not value.startswith("P")


def value_matches(gold: str, predicted: str | None) -> bool:
    if predicted is None:
        return False
    gold = gold.split("T")[0] if re.match(r"\d{4}-\d{2}-\d{2}T", gold) else gold
    gold, predicted = _unpad_week(gold), _unpad_week(predicted)
    return predicted[: len(gold)] == gold


def _unpad_week(value: str) -> str:
    """TimeBank writes weeks both as W7 and W07."""
    return re.sub(r"-W0(\d)", r"-W\1", value)


@dataclass
class Score:
    predicted: int = 0
    predicted_ok: int = 0
    gold: int = 0
    gold_found: int = 0
    valued: int = 0
    valued_ok: int = 0
    docs: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("predicted", "predicted_ok", "gold", "gold_found", "valued", "valued_ok", "docs", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def row(self, name: str) -> str:
        p = self.predicted_ok / self.predicted if self.predicted else 0.0
        r = self.gold_found / self.gold if self.gold else 0.0
        acc = self.valued_ok / self.valued if self.valued else 0.0
        ms = 1000 * self.seconds / self.docs if self.docs else 0.0
        return f"{name:<10} {self.docs:>5} {self.gold:>6} {self.predicted:>6} {p:>7.3f} {r:>7.3f} {acc:>7.3f} {ms:>7.2f}"


def score_article(art: Article) -> Score:
    doc = Document(art.text, art.name, art.published)
    t0 = time.perf_counter()
    times, _ = extract_times(doc)
    elapsed = time.perf_counter() - t0
    preds = [t for t in times if t.time_type == "date" and _inside(t.start, t.end, art.regions)]
    sc = Score(docs=1, seconds=elapsed, gold=len(art.dates), predicted=len(preds))
    for p in preds:
        if any(g.start < p.end and p.start < g.end for g in art.dates):
            sc.predicted_ok += 1
        else:
            sc.errors.append(f"FP   {art.name}: {p.text!r} -> {p.value}  ...{_context(art.text, p.start, p.end)}...")
    for g in art.dates:
        match = next((p for p in preds if g.start < p.end and p.start < g.end), None)
        if match is None:
            sc.errors.append(f"MISS {art.name}: {g.text!r} ({g.value})  ...{_context(art.text, g.start, g.end)}...")
            continue
        sc.gold_found += 1
        if resolvable(g.value):
            sc.valued += 1
            if value_matches(g.value, match.value):
                sc.valued_ok += 1
            else:
                sc.errors.append(
                    f"VAL  {art.name}: {match.text!r} -> {match.value} gold {g.value} (dct {art.published})"
                    f"  ...{_context(art.text, match.start, match.end)}..."
                )
    return sc


def _context(text: str, start: int, end: int) -> str:
    return " ".join((text[max(0, start - 50) : start] + "[" + text[start:end] + "]" + text[end : end + 40]).split())


def main(argv: list[str] | None = None) -> int:
    default = DEFAULT_CORPUS
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=default)
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors")
    ap.add_argument("--misses", action="store_true", help="print every missed gold DATE")
    args = ap.parse_args(argv)
    root = args.corpus / "timebank"
    if not root.is_dir():
        print(f"no TimeBank corpus under {args.corpus}")
        return 0
    total = Score()
    rows = []
    misses: list[str] = []
    for part in ("TimeBank", "AQUAINT"):
        sc = Score()
        for path in sorted((root / part).glob("*.tml")):
            sc.add(score_article(read_tml(path)))
        rows.append(sc.row(part))
        misses.extend(f"{part:<9} {line}" for line in sc.errors if line.startswith("MISS"))
        total.add(sc)
    print(f"{'corpus':<10} {'docs':>5} {'gold':>6} {'pred':>6} {'span P':>7} {'span R':>7} {'val acc':>7} {'ms/doc':>7}")
    for row in rows:
        print(row)
    print(total.row("combined"))
    if args.errors:
        print()
        for line in total.errors[: args.errors]:
            print(line)
    if args.misses:
        print()
        for line in misses:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
