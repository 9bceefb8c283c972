"""Precision bench: findings of the rule pack on published copy.

Published BBC and PolNeAR articles rarely contain the errors the rules look
for, so nearly every finding at warning or error here is a false positive
(or a real slip in the published copy, to be read and recorded).

Runs the whole shipped pack (or only the rules named after
``--rules-only``) over every BBC article (all sections; the first line is
the headline; no publication date: the copy is from 2004-2005 and none is
recorded) and over PolNeAR train+dev (publication date from
``metadata.tsv``).  Prints, per rule and corpus, the findings at each
severity and the warnings+errors per 100 articles, then the total
warnings+errors per 100 articles of each corpus.  ``--list`` also prints
every finding at warning or above as ``corpus_file:line:col rule message``.

An article whose text is byte-for-byte that of an earlier one (the BBC set
holds 21 such duplicates, PolNeAR one) is counted once: a finding in a
duplicated story is one finding, and the rate is per distinct article.

Every finding at warning or above has been read by a person, and the
verdict is recorded in ``bench/precision_verdicts.tsv`` (file, rule,
message, ``real`` or ``false-positive``, reason).  The table splits the
warnings+errors into real catches, false positives and findings nobody has
read yet (``unread``: a change made them; read them and record a verdict),
and gives the rate of false positives plus unread per 100 articles, the
noise a desk would see on correct copy.

Usage: python bench/precision.py [--corpus DIR] [--rules-only ID ...]
       [--list] [--corpora bbc polnear]
Exits 0.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from corpus import CORPORA, DEFAULT_CORPUS, articles, read
from factlint.api import check_text, load_rules

SEVERITIES = ("info", "warning", "error")
VERDICTS = Path(__file__).with_name("precision_verdicts.tsv")


def read_verdicts(path: Path = VERDICTS) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(file, rule, message) -> (verdict, reason), from the TSV of read findings."""
    out: dict[tuple[str, str, str], tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip() and not line.startswith("#"):
            name, rule, message, verdict, reason = line.split("\t")
            out[name, rule, message] = (verdict, reason)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rules-only", nargs="+", metavar="ID", help="run only these rule ids")
    ap.add_argument("--list", action="store_true", help="print every finding at warning or above")
    ap.add_argument("--corpora", nargs="+", choices=CORPORA, default=list(CORPORA))
    args = ap.parse_args(argv)

    rules = load_rules()
    if args.rules_only:
        unknown = sorted(set(args.rules_only) - {r.id for r in rules.rules})
        if unknown:
            print(f"unknown rule ids: {', '.join(unknown)}", file=sys.stderr)
        rules = rules.only(args.rules_only)
    items = articles(args.corpus, tuple(args.corpora))
    if not items:
        print(f"no articles under {args.corpus}")
        return 0

    verdicts = read_verdicts()
    counts: Counter[tuple[str, str, str]] = Counter()  # (rule, corpus, severity or verdict)
    sizes: Counter[str] = Counter()
    duplicates: Counter[str] = Counter()
    seen: set[str] = set()
    listed: list[str] = []
    began = time.perf_counter()
    for art in items:
        text = read(args.corpus, art.name)
        if text in seen:
            duplicates[art.corpus] += 1
            continue
        seen.add(text)
        sizes[art.corpus] += 1
        report = check_text(text, art.published, rules, art.name)
        for f in report.findings:
            counts[f.rule, art.corpus, f.severity] += 1
            if f.severity != "info":
                verdict, reason = verdicts.get((art.name, f.rule, f.message), ("unread", ""))
                counts[f.rule, art.corpus, verdict] += 1
                listed.append(f"{art.name}:{f.line}:{f.column} {f.rule} {f.message}  [{verdict}{': ' + reason if reason else ''}]")
    elapsed = time.perf_counter() - began

    corpora = [c for c in CORPORA if sizes[c]]
    print(
        "distinct articles: " + ", ".join(f"{c} {sizes[c]} ({duplicates[c]} duplicates skipped)" for c in corpora)
        + f"  ({elapsed:.1f} s)"
    )
    print()
    rule_ids = sorted({r.id for r in rules.rules})
    head = (
        f"{'rule':32} {'corpus':8} {'info':>5} {'warn':>5} {'error':>5} {'w+e/100':>8}"
        f" {'real':>5} {'FP':>4} {'unread':>6} {'FP+unread/100':>14}"
    )
    print(head)
    print("-" * len(head))

    def row(label: str, c: str, ids: list[str]) -> str:
        n = {k: sum(counts[rid, c, k] for rid in ids) for k in (*SEVERITIES, "real", "false-positive", "unread")}
        rate = 100 * (n["warning"] + n["error"]) / sizes[c]
        noise = 100 * (n["false-positive"] + n["unread"]) / sizes[c]
        return (
            f"{label:32} {c:8} {n['info']:5} {n['warning']:5} {n['error']:5} {rate:8.2f}"
            f" {n['real']:5} {n['false-positive']:4} {n['unread']:6} {noise:14.2f}"
        )

    for rid in rule_ids:
        for c in corpora:
            print(row(rid, c, [rid]))
    print("-" * len(head))
    for c in corpora:
        print(row("ALL", c, rule_ids))
    if args.list:
        print()
        print("findings at warning or above:")
        for line in listed:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
