"""factlint against proselint, side by side in one run, written to docs/benchmarks.md.

Every figure is a ratio measured in this run, the two commands alternating
(A B A B ...) so that a change in the machine's load moves both: CPU time
(user + system of the whole process and every process it waited for) from
the operating system's accounting, wall time from a monotonic clock.  The
machine's load average is printed before and after: the project's machine is
shared, and a ratio read on a loaded machine says so.

1. Cold: one 2-3 KB article, a whole `factlint check` process against a
   whole `proselint check` process (parsed-rule cache warm, as on every run
   after the first).
2. Throughput on one core: the same N articles in one process each
   (`factlint check -j 1` against `proselint check`), articles per CPU second.
3. `--jobs 2` against `--jobs 1` on the same N articles (wall time: what two
   cores buy).
4. Dask: articles per second on a LocalCluster of 1 and 2 workers (when the
   `dask` extra is installed).
5. Cost against length (64x the text) and against the number of rules
   (200 generated rules against 1).

proselint is looked for in $PROSELINT, on PATH, then in ~/.venvs/proselint
(install it in a venv of its own, outside the repository); without it the
proselint columns are skipped.

Usage: python bench/compare.py [--corpus ../shared/corpus] [--articles 200] [--runs 7] [--write]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import DEFAULT_CORPUS

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
sys.path.insert(0, str(ROOT / "tests"))


def find_proselint() -> str | None:
    for candidate in (os.environ.get("PROSELINT"), shutil.which("proselint"), str(Path.home() / ".venvs/proselint/bin/proselint")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def factlint_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("factlint")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "factlint"]


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """(cpu seconds, wall seconds, peak MiB) of one whole process and the
    processes it waited for (``wait4``'s accounting), its output thrown away."""
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0  # reaped above
    wall = time.monotonic() - t0
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def side_by_side(a: list[str], b: list[str], runs: int) -> dict[str, float]:
    """Medians of A and B and of the pairwise ratios A/B (one warm-up run each)."""
    timed(a), timed(b)
    rows = [(timed(a), timed(b)) for _ in range(runs)]
    med = statistics.median
    return {
        "a_cpu": med(r[0][0] for r in rows), "b_cpu": med(r[1][0] for r in rows),
        "a_wall": med(r[0][1] for r in rows), "b_wall": med(r[1][1] for r in rows),
        "a_peak": med(r[0][2] for r in rows), "b_peak": med(r[1][2] for r in rows),
        "cpu_ratio": med(r[0][0] / max(r[1][0], 1e-9) for r in rows),
        "wall_ratio": med(r[0][1] / max(r[1][1], 1e-9) for r in rows),
    }


def pick_articles(corpus: Path, n: int, folder: Path) -> tuple[list[Path], str]:
    files = sorted((corpus / "bbc").glob("*/*.txt")) if corpus.is_dir() else []
    files = [f for f in files if 2000 <= f.stat().st_size <= 3000][:n]
    if len(files) >= n:
        out = []
        for f in files:
            p = folder / f"{f.parent.name}_{f.name}"
            shutil.copyfile(f, p)
            out.append(p)
        return out, f"{n} BBC articles of 2-3 KB"
    from articlegen import write_articles

    return write_articles(folder, n), f"{n} generated articles (corpus absent)"


def dask_rates(paths: list[Path]) -> dict[int, float]:
    try:
        import distributed
    except ImportError:
        return {}
    from factlint.run import CheckJob, RulesSpec, run_dask

    rates = {}
    for workers in (1, 2):
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, host="127.0.0.1", dashboard_address=None, silence_logs=50) as c:
            names = [str(p) for p in paths]
            list(run_dask(names[:4], c.scheduler_address, RulesSpec(), CheckJob()))  # each worker compiles once, first
            t0 = time.monotonic()
            outcomes = list(run_dask(names, c.scheduler_address, RulesSpec(), CheckJob(), chunk=16))
            rates[workers] = len(outcomes) / (time.monotonic() - t0)
    return rates


def scaling(text: str) -> tuple[float, float, float, float]:
    """Seconds to check 1x and 64x the text (best of 5 and of 2), and the peak
    memory (bytes allocated by Python while checking) of each."""
    import tracemalloc

    from factlint.api import check_text, load_rules

    rules = load_rules()
    check_text(text, rules=rules)
    peaks = []
    for t in (text, "\n\n".join([text] * 64)):
        tracemalloc.start()
        check_text(t, rules=rules)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()

    def best(t: str, k: int) -> float:
        out = []
        for _ in range(k):
            t0 = time.perf_counter()
            check_text(t, rules=rules)
            out.append(time.perf_counter() - t0)
        return min(out)

    return best(text, 5), best("\n\n".join([text] * 64), 2), peaks[0], peaks[1]


def many_rules(texts: list[str], n: int = 200) -> tuple[float, float, float]:
    """Seconds per article (check with extraction) for 1 rule and for n generated rules, and
    the evaluation alone for n rules; the rules are the shipped ones copied under new names."""
    import re

    from factlint.api import check_document, extract, load_rules, make_document
    from factlint.lang.loader import shipped_rules_root

    sources = [p.read_text(encoding="utf-8") for p in sorted(shipped_rules_root().glob("*/*.rule")) if p.parent.name != "lexicons"]
    with tempfile.TemporaryDirectory() as tmp:
        k = 0
        while k < n:
            for src in sources:
                if k < n:
                    Path(tmp, f"g{k:03d}.rule").write_text(re.sub(r"(?m)^rule ([a-z0-9-]+):", rf"rule \1-g{k}:", src), encoding="utf-8")
                    k += 1
        many = load_rules([tmp], default=False)
        one = many.only([many.rules[0].id])
        docs = [(make_document(t), extract(t, rules=many)) for t in texts]

        def per_article(rules) -> float:
            t0 = time.perf_counter()
            for t in texts:
                check_document(make_document(t), extract(t, rules=rules), rules)
            return (time.perf_counter() - t0) / len(texts)

        t_one, t_many = per_article(one), per_article(many)
        t0 = time.perf_counter()
        for doc, facts in docs:
            check_document(doc, facts, many)
        return t_one, t_many, (time.perf_counter() - t0) / len(texts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--write", action="store_true", help="write docs/benchmarks.md")
    args = ap.parse_args()
    proselint = find_proselint()
    fl = factlint_cmd()
    load_before = os.getloadavg()
    lines: list[str] = []
    say = lines.append
    with tempfile.TemporaryDirectory() as tmp:
        paths, source = pick_articles(args.corpus, args.articles, Path(tmp))
        one = str(paths[len(paths) // 2])
        names = [str(p) for p in paths]
        # as installed from a wheel: byte code written (this machine may set PYTHONDONTWRITEBYTECODE,
        # and proselint's venv was compiled by pip), and the parsed-rule cache written once
        import factlint

        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(factlint.__file__).parent)], capture_output=True, env=env, check=False)
        subprocess.run([*fl, "check", one], capture_output=True, check=False)
        say(f"Articles: {source}. Runs: {args.runs} pairs, A and B alternating, medians.\n")
        say("| what | factlint | proselint | ratio (factlint / proselint) |")
        say("|---|---|---|---|")
        if proselint:
            cold = side_by_side([*fl, "check", one], [proselint, "check", one], args.runs)
            say(f"| cold check of one article, CPU s | {cold['a_cpu']:.3f} | {cold['b_cpu']:.3f} | {cold['cpu_ratio']:.2f}x (target <= 1) |")
            say(f"| cold check of one article, wall s | {cold['a_wall']:.3f} | {cold['b_wall']:.3f} | {cold['wall_ratio']:.2f}x |")
            say(f"| cold check of one article, peak memory MiB | {cold['a_peak']:.0f} | {cold['b_peak']:.0f} | {cold['a_peak'] / cold['b_peak']:.2f}x |")
            many = side_by_side([*fl, "check", "-j", "1", *names], [proselint, "check", *names], max(3, args.runs // 2))
            rate_a, rate_b = len(names) / many["a_cpu"], len(names) / many["b_cpu"]
            say(
                f"| {len(names)} articles in one process (one core), articles per CPU s | {rate_a:.0f} | {rate_b:.0f} | "
                f"{1 / many['cpu_ratio']:.2f}x the throughput (target >= 3) |"
            )
        else:
            say("| (proselint not found: set PROSELINT or install it in ~/.venvs/proselint) | | | |")
        jobs = side_by_side([*fl, "check", "-j", "2", *names], [*fl, "check", "-j", "1", *names], max(3, args.runs // 2))
        say("")
        say("| what | ratio |")
        say("|---|---|")
        say(f"| `--jobs 2` against `--jobs 1`, {len(names)} files, wall time | {1 / jobs['wall_ratio']:.2f}x the throughput (target >= 1.7) |")
        say(f"| `--jobs 2` against `--jobs 1`, CPU time | {jobs['cpu_ratio']:.2f}x the CPU |")
        # with other sessions busy, the kernel's autogroup scheduling gives this session one share
        # of the CPU however many processes it runs: estimate two idle cores from the CPU accounting
        start = statistics.median(timed([*fl, "check", one])[0] for _ in range(3))
        estimate = jobs["b_cpu"] / (start + (jobs["a_cpu"] - start) / 2)
        say(
            f"| `--jobs 2` on two idle cores, estimated from CPU time (serial start-up {start:.2f} s, "
            f"then the rest of the CPU shared by 2) | {estimate:.2f}x the throughput |"
        )
        texts = [p.read_text(encoding="utf-8") for p in paths]
        t1, t64, m1, m64 = scaling(texts[0])
        say(f"| 64x the text against 1x, time | {t64 / t1:.1f}x (target <= 80) |")
        say(f"| 64x the text against 1x, peak memory of the check | {m64 / m1:.1f}x ({m1 / 1024:.0f} KB -> {m64 / 1024:.0f} KB) |")
        r1, r200, e200 = many_rules(texts[:50])
        say(f"| 200 generated rules against 1, time per article (extraction and rules) | {r200 / r1:.1f}x ({r1 * 1000:.1f} ms -> {r200 * 1000:.1f} ms) |")
        say(f"| 200 generated rules, evaluation alone | {e200 * 1000:.1f} ms per article |")
        rates = dask_rates(paths)
        if rates:
            say(f"| Dask LocalCluster, articles per second | 1 worker: {rates[1]:.0f}, 2 workers: {rates[2]:.0f} ({rates[2] / rates[1]:.2f}x) |")
    load_after = os.getloadavg()
    say("")
    say(
        f"Machine: {os.cpu_count()} cores, load average (1 min) {load_before[0]:.1f} before and {load_after[0]:.1f} after "
        f"(1 means one core busy on average; above 2 the two commands shared the cores with other work)."
    )
    text = "\n".join(lines)
    print(text)
    if args.write:
        body = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        marker = "<!-- bench/compare.py writes below this line -->"
        head = body.split(marker)[0] if marker in body else HEADER
        DOC.write_text(head + marker + "\n\n" + text + "\n", encoding="utf-8")


HEADER = """# Benchmarks: factlint against proselint

Written by `python bench/compare.py --write` (see its docstring for what each
row measures). proselint is the Python prose linter a newsroom would pick
instead; both run as whole processes on the same articles, alternating, and
every ratio is taken within one run. The machine is shared by several
developers (2 cores): the load average below says how busy it was, and
ratios, not absolute times, are what to compare across runs.

"""


if __name__ == "__main__":
    main()
