"""Checking many files on this machine: in this process, or shared by N worker processes.

Owns: ``run_local`` and ``available_cores``.  With ``jobs`` > 1 the files
are cut into chunks and checked by a pool of worker processes; the outcomes
come back chunk by chunk in input order, a bounded number of chunks in
flight, so the output is the serial run's, in the same order.

The rule pack is compiled once: where processes can be forked (Linux), the
parent compiles it, checks a small built-in article so that every lazily
built table and regular expression exists, and the workers inherit all of
it; elsewhere each worker compiles it once from the ``RulesSpec``.  A worker
that dies (killed, out of memory) breaks the pool: the chunks in flight are
checked again in a new pool, the broken chunk one file at a time, and a file
that kills its worker again is recorded as an error; the run goes on.

Does not own: checking one file (``outcome.check_one``).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from itertools import islice
from typing import TYPE_CHECKING

from ..api import RuleSet, check_text
from ..text.discover import Input
from .outcome import CheckJob, Outcome, RulesSpec, check_one, lost

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

#: below this many files per worker, starting workers costs more than it saves
MIN_FILES_PER_WORKER = 2
#: a short article that runs every extractor once (warming the parent before fork)
WARM_UP_TEXT = (
    "Council denies closure plan\n\n"
    "The city council said on Monday that there were no plans to close the library, after media reports "
    "cited a memo sent from the chief executive, Ann Lee, to staff. \u201cThe library will stay open,\u201d "
    "council spokesman Tom Ode, 45, said in a statement. Over 2,000 residents signed a petition last week. "
    "The memo, dated Jan. 3, said about 40 jobs would go by March 2021. He said that that was wrong.\n"
)

_worker_rules: RuleSet | None = None
_worker_job: CheckJob | None = None


def available_cores() -> int:
    """The processors this process may run on (its affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run_local(
    paths: Iterable[str | Input],
    rules: RuleSet,
    job: CheckJob | None = None,
    jobs: int = 1,
    spec: RulesSpec | None = None,
) -> Iterator[Outcome]:
    """One outcome per path, in order; ``jobs`` worker processes when that pays."""
    job = job or CheckJob()
    count = len(paths) if isinstance(paths, Sized) else None
    if jobs <= 1 or (count is not None and count < MIN_FILES_PER_WORKER * jobs):
        for path in paths:
            yield check_one(path, rules, job)
        return
    chunk = max(1, min(32, count // (jobs * 8))) if count is not None else 16
    yield from _in_workers(iter(paths), rules, job, jobs, spec or RulesSpec(), chunk)


# ------------------------------------------------------------------ workers
def _init_forked(job: CheckJob) -> None:
    global _worker_job
    _worker_job = job


def _init_spawned(spec: RulesSpec, job: CheckJob) -> None:
    global _worker_rules, _worker_job
    _worker_rules, _worker_job = spec.load(), job


def _check_chunk(paths: list[str | Input]) -> list[Outcome]:
    assert _worker_rules is not None and _worker_job is not None
    return [check_one(p, _worker_rules, _worker_job) for p in paths]


def _new_pool(rules: RuleSet, job: CheckJob, jobs: int, spec: RulesSpec) -> ProcessPoolExecutor:
    import multiprocessing  # only a run with workers pays for these imports
    from concurrent.futures import ProcessPoolExecutor

    global _worker_rules
    if "fork" in multiprocessing.get_all_start_methods():
        _worker_rules = rules  # inherited by the forked workers, compiled and warm
        return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_init_forked, initargs=(job,))
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_init_spawned, initargs=(spec, job))


def _in_workers(paths: Iterator[str | Input], rules: RuleSet, job: CheckJob, jobs: int, spec: RulesSpec, size: int) -> Iterator[Outcome]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        check_text(WARM_UP_TEXT, "2020-01-07", rules)  # build lazy tables once, before the fork
    except Exception:  # noqa: S110 - only a warm-up: the real files report any problem
        pass
    pool = _new_pool(rules, job, jobs, spec)

    def submit(chunk: list[str | Input]) -> Future:
        try:
            return pool.submit(_check_chunk, chunk)
        except BrokenProcessPool as exc:  # a worker died since the last result: fail this chunk the same way
            from concurrent.futures import Future

            failed: Future = Future()
            failed.set_exception(exc)
            return failed

    window: deque[tuple[list[str | Input], Future]] = deque()
    chunks = iter(lambda: list(islice(paths, size)), [])
    try:
        for chunk in islice(chunks, jobs * 4):
            window.append((chunk, submit(chunk)))
        while window:
            chunk, future = window.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                # the pool is gone with every chunk in flight: find the file that killed
                # a worker in this chunk, then send the other chunks to a new pool
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _new_pool(rules, job, jobs, spec)
                outcomes, pool = _one_by_one(chunk, pool, rules, job, jobs, spec)
                window = deque((c, submit(c)) for c, _ in window)
            yield from outcomes
            nxt = next(chunks, None)
            if nxt is not None:
                window.append((nxt, submit(nxt)))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _one_by_one(chunk: list[str | Input], pool: ProcessPoolExecutor, rules: RuleSet, job: CheckJob, jobs: int, spec: RulesSpec):
    """Check a chunk that broke its pool file by file, to find the file that kills a worker."""
    from concurrent.futures.process import BrokenProcessPool

    out: list[Outcome] = []
    for path in chunk:
        try:
            out.extend(pool.submit(_check_chunk, [path]).result())
        except BrokenProcessPool:
            out.append(lost(path, "the worker process checking this file died (killed, or out of memory)"))
            pool.shutdown(wait=True, cancel_futures=True)
            pool = _new_pool(rules, job, jobs, spec)
    return out, pool
