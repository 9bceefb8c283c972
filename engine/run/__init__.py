"""Running many article files: one outcome per file, in input order, on one core, N cores or a Dask cluster.

Owns: ``Outcome`` (a file's report, or the error that kept it from being
checked), ``CheckJob`` (what every file is checked with), ``check_one`` (one
file, any failure caught and recorded), and the runners: ``run_local`` (in
this process, or shared by ``jobs`` worker processes, ``local``) and
``run_dask`` (a Dask cluster, ``dask_runner``).  Every runner gives exactly
one outcome per input path, in the order of the paths, whatever fails.

Does not own: gathering the paths (walking folders, standard input: the
command line's inputs), rendering outcomes (``report``), or what a check is
(``api``).
"""

from .outcome import CheckJob, Outcome, RulesSpec, check_one

__all__ = ["CheckJob", "Outcome", "RulesSpec", "check_one", "run_dask", "run_local"]


def __getattr__(name: str):
    # the runners load lazily: a single-file check never imports multiprocessing or dask
    if name == "run_local":
        from .local import run_local

        return run_local
    if name == "run_dask":
        from .dask_runner import run_dask

        return run_dask
    raise AttributeError(name)
