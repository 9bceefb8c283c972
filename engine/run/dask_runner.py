"""Checking an archive on a Dask cluster: paths streamed in, outcomes streamed out in path order.

Owns: ``run_dask`` (``factlint check --dask tcp://scheduler:8786 PATH...``,
or a Python caller with its own ``distributed.Client``).  Paths are read
lazily from the iterable and sent in chunks, a bounded number in flight, so
an archive of millions of files is never held in memory on either side; the
outcomes are yielded in the order of the paths, as the serial run gives them.

Each Dask worker process compiles the rule pack once (kept per ``RulesSpec``
in the worker) and checks the files of a chunk by path, so the workers must
see the same files (a shared file system or the same copy of the archive).
A file that cannot be checked is an outcome with its error, like locally; a
chunk whose task fails (its worker died twice: Dask retries once) gives each
of its files an error outcome, and the run goes on.

Dask is optional: ``pip install 'factlint[dask]'``; without it this module
says so in one line (a ``UserError``).

Does not own: checking one file (``outcome.check_one``).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from ..api import RuleSet
from ..errors import Diagnostic, UserError
from ..text.discover import Input
from .outcome import CheckJob, Outcome, RulesSpec, check_one, lost

_rules_lock = threading.Lock()
_rules_by_spec: dict[RulesSpec, RuleSet] = {}


def _worker_rules(spec: RulesSpec) -> RuleSet:
    """The rule set of ``spec`` in this worker process, compiled once (tasks run in threads)."""
    with _rules_lock:
        rules = _rules_by_spec.get(spec)
        if rules is None:
            rules = _rules_by_spec[spec] = spec.load()
        return rules


def check_chunk(paths: list[str | Input], spec: RulesSpec, job: CheckJob) -> list[Outcome]:
    """The task a Dask worker runs: one outcome per path, in order."""
    rules = _worker_rules(spec)
    return [check_one(p, rules, job) for p in paths]


def _client(where):
    try:
        from distributed import Client
    except ImportError:
        raise UserError(
            Diagnostic("--dask", "Dask is not installed: pip install 'factlint[dask]' (dask and distributed)", "usage")
        ) from None
    if isinstance(where, Client):
        return where, False
    try:
        return Client(where, timeout="10s"), True
    except (OSError, TimeoutError, ValueError) as exc:
        raise UserError(Diagnostic(str(where), f"cannot reach the Dask scheduler: {exc}", "usage")) from None


def run_dask(
    paths: Iterable[str | Input],
    scheduler,
    spec: RulesSpec | None = None,
    job: CheckJob | None = None,
    chunk: int = 32,
    in_flight: int | None = None,
) -> Iterator[Outcome]:
    """One outcome per path, in order, checked on the Dask cluster at ``scheduler``
    (an address such as ``tcp://scheduler:8786``, or a ``distributed.Client``)."""
    spec, job = spec or RulesSpec(), job or CheckJob()
    client, owned = _client(scheduler)
    try:
        workers = max(1, sum(client.nthreads().values()))
        limit = in_flight or workers * 3
        source = iter(paths)
        chunks = iter(lambda: list(islice(source, chunk)), [])
        window: deque = deque()
        for part in islice(chunks, limit):
            window.append((part, client.submit(check_chunk, part, spec, job, pure=False, retries=1)))
        while window:
            part, future = window.popleft()
            try:
                outcomes = future.result()
            except Exception as exc:  # the task failed: its worker died, or the cluster lost it
                outcomes = [lost(p, f"the Dask task checking this file failed: {type(exc).__name__}: {str(exc)[:120]}") for p in part]
            future.release()
            yield from outcomes
            nxt = next(chunks, None)
            if nxt is not None:
                window.append((nxt, client.submit(check_chunk, nxt, spec, job, pure=False, retries=1)))
    finally:
        if owned:
            client.close()
