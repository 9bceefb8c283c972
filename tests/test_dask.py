"""An archive on a Dask cluster: a LocalCluster on loopback with 2 workers gives the serial results.

Paths are streamed in (the runner pulls them as it goes), outcomes come back
in path order, a file that cannot be checked is an error outcome and the run
goes on; `factlint check --dask ADDRESS` prints exactly what the local run
prints.  Skipped when Dask (the `dask` extra) is not installed.
"""

from __future__ import annotations

import pytest
from articlegen import write_articles
from clirun import factlint

distributed = pytest.importorskip("distributed")

from factlint.api import load_rules  # noqa: E402
from factlint.run import CheckJob, RulesSpec, run_dask, run_local  # noqa: E402

ARTICLES = 200


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None, silence_logs=50
    ) as c:
        yield c


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    paths = [str(p) for p in write_articles(folder, ARTICLES)]
    (folder / "binary.txt").write_bytes(b"\x00\x01 not text")
    paths.insert(17, str(folder / "binary.txt"))
    paths.insert(101, str(folder / "missing.txt"))
    return paths


def dump(outcomes):
    return [(o.path, o.report.model_dump() if o.report else None, [d.one_line() for d in o.error], o.bug) for o in outcomes]


def test_a_cluster_gives_the_serial_outcomes_in_path_order(cluster, archive):
    job = CheckJob(published="2024-10-10")
    serial = dump(run_local(archive, load_rules(), job))
    pulled = []

    def streamed():
        for p in archive:
            pulled.append(p)
            yield p

    outcomes = run_dask(streamed(), cluster.scheduler_address, RulesSpec(), job, chunk=8)
    first = next(outcomes)
    assert len(pulled) < len(archive)  # paths are pulled as the run goes, not all at once
    on_dask = dump([first, *outcomes])
    assert on_dask == serial
    assert [o[0] for o in on_dask if o[2]] == [archive[17], archive[101]]
    assert sum(1 for o in on_dask if o[1] and o[1]["findings"]) > 20


def test_check_dask_prints_what_the_local_run_prints(cluster, archive):
    some = archive[:60]
    local = factlint("check", "-j", "1", "--published", "2024-10-10", "-f", "json", *some)
    remote = factlint("check", "--dask", cluster.scheduler_address, "--published", "2024-10-10", "-f", "json", *some)
    assert remote.code == local.code == 2
    assert remote.out == local.out


def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path):
    article = write_articles(tmp_path, 1)[0]
    run = factlint("check", "--dask", "tcp://127.0.0.1:9", article)
    assert run.code == 2 and "Traceback" not in run.err
    assert "cannot reach the Dask scheduler" in run.err
