"""Time the worst cases of issue 14 and check their targets.

    python bench/worst_cases.py            # every case (about two minutes)
    python bench/worst_cases.py --quick    # leave out the 1-2 MB inputs
    python bench/worst_cases.py --case "seed x128"

For each case (built by ``worst_inputs.py``) it prints: the time to check the
article in one warm process (extraction, evaluation, and both: the figure
the target is for), as processor time (what the process itself used: on a
shared machine the wall clock also counts the other processes), then the
wall-clock time of the check, the work units the evaluation charged and
the microseconds of processor time each took, the wall-clock time of the
whole ``factlint check --format json`` command (start-up included), the
size of its JSON, its exit code and notices, and whether the rules that must
report did.  A case passes when its check time is under its target (0.5 s
for the seed and the 30 KB long read, 10 s for the rest) and its rules
reported; the verdict says which stage took the time when it does not pass.

Targets live here, not in timed tests (``tests/test_worst_cases.py`` runs
the same inputs with generous hang guards and checks their output).  The
machine is shared: compare runs side by side, and read a miss that is not
repeatable as noise.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from worst_inputs import Case, cases, seed_text, write_case  # noqa: E402

SEED_TEXT = seed_text()


def in_process(case: Case) -> dict:
    """Extraction and evaluation timed apart, in this process (warm)."""
    import factlint
    from factlint.api import check_document, load_facts_file, make_document
    from factlint.extract import extract_facts

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_case(case, folder)
        paths = [str(folder / n) for n in case.rules]
        rules = factlint.load_rules(paths, default=not case.no_default_rules)
        check_document(make_document(SEED_TEXT, "warm.txt"), extract_facts(make_document(SEED_TEXT), rules.lexicons), rules)
        doc = make_document(case.text, "article.txt", case.published)
        w0, t0 = time.perf_counter(), time.process_time()
        facts = load_facts_file(str(folder / "facts.json"), case.text) if case.facts else extract_facts(doc, rules.lexicons)
        t1 = time.process_time()
        report = check_document(doc, facts, rules)
        t2, w2 = time.process_time(), time.perf_counter()
    units = report.work_units
    return {"extract": t1 - t0, "evaluate": t2 - t1, "check": t2 - t0, "wall": w2 - w0, "units": units,
            "us_per_unit": (t2 - t1) * 1e6 / units if units else 0.0, "facts": len(facts.facts),
            "findings": len(report.findings), "fired": {f.rule for f in report.findings}, "notices": report.notices}


def command(case: Case) -> dict:
    """The whole command, as a user runs it."""
    with tempfile.TemporaryDirectory() as tmp:
        args = write_case(case, Path(tmp))
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "factlint", "check", *args], capture_output=True, timeout=600)
        wall = time.perf_counter() - t0
    try:
        data = json.loads(proc.stdout)
        notices = data["files"][0]["notices"] if data["files"] else []
    except (ValueError, KeyError, IndexError):
        notices = []
    return {"wall": wall, "code": proc.returncode, "json_bytes": len(proc.stdout), "stderr": proc.stderr.decode("utf-8", "replace"),
            "notices": notices}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="leave out the 1-2 MB inputs")
    ap.add_argument("--case", action="append", help="run only this case (repeatable)")
    ap.add_argument("--no-command", action="store_true", help="time in this process only")
    args = ap.parse_args()
    chosen = [c for c in cases(full=not args.quick) if not args.case or c.name in args.case]
    print("seconds of processor time (extract, evaluate, check) and of wall clock (wall, command)")
    head = f"{'case':<16} {'size':>9} {'facts':>7} {'extract':>8} {'evaluate':>9} {'check':>7} {'target':>6} {'wall':>6} " \
           f"{'units':>10} {'us/unit':>7} {'command':>8} {'JSON':>10} {'exit':>4} {'notes':>5}  verdict"
    print(head)
    print("-" * len(head))
    failed = 0
    for case in chosen:
        r = in_process(case)
        c = None if args.no_command else command(case)
        missing = [rule for rule in case.must_fire if rule not in r["fired"]]
        ok = r["check"] <= case.target and not missing and (c is None or c["code"] in (0, 1))
        slow = "" if r["check"] <= case.target else (" (extraction)" if r["extract"] > r["evaluate"] else " (evaluation)")
        verdict = "ok" if ok else "MISS" + slow + (f" silent: {', '.join(missing)}" if missing else "")
        failed += not ok
        cmd = f"{c['wall']:8.2f} {c['json_bytes']:>10,} {c['code']:>4}" if c else f"{'-':>8} {'-':>10} {'-':>4}"
        print(f"{case.name:<16} {len(case.text.encode()):>9,} {r['facts']:>7,} {r['extract']:8.2f} {r['evaluate']:9.2f} "
              f"{r['check']:7.2f} {case.target:6.1f} {r['wall']:6.2f} {r['units']:>10,} {r['us_per_unit']:7.2f} {cmd} "
              f"{len(r['notices']):>5}  {verdict}")
        for notice in r["notices"]:
            if "publication date" not in notice:
                print(f"    note: {notice}")
    print(f"\n{len(chosen) - failed} of {len(chosen)} cases within target")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
