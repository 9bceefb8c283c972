"""Many files at once: every input once, in order, the same output with any number of workers.

`check --jobs N` and the runners give exactly one outcome per input path,
in input order; a file that cannot be checked (missing, binary, not UTF-8,
too large, a folder) is one error and the others are checked; a worker that
dies costs only the file that killed it; the output of N workers is the
serial output, byte for byte.
"""

from __future__ import annotations

import json
import os

import pytest
from articlegen import write_articles
from clirun import factlint
from factlint.api import load_rules
from factlint.run import CheckJob, check_one, run_local
from factlint.text.source import MAX_ARTICLE_BYTES


def bad_files(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text" * 10)
    (folder / "latin1.txt").write_bytes("Caf\xe9 au lait is served.\n".encode("latin-1"))
    (folder / "empty.txt").write_text("")
    (folder / "huge.txt").write_bytes(b"word " * (MAX_ARTICLE_BYTES // 5 + 10))
    (folder / "a-folder.txt").mkdir()
    unreadable = folder / "unreadable.txt"
    unreadable.write_text("Council meets\n\nThe council met.\n")
    unreadable.chmod(0)
    return [folder / n for n in ("binary.txt", "latin1.txt", "empty.txt", "huge.txt", "a-folder.txt", "unreadable.txt", "missing.txt")]


def mixed(tmp_path, n=60):
    good = write_articles(tmp_path / "good", n)
    bad = bad_files(tmp_path / "bad")
    paths = list(good)
    for k, b in enumerate(bad):  # spread the bad ones among the good
        paths.insert(5 + k * 7, b)
    return paths, bad


def test_every_input_gives_one_outcome_in_order(tmp_path):
    paths, bad = mixed(tmp_path)
    paths.append(paths[0])  # a path given twice is checked twice
    rules = load_rules()
    for jobs in (1, 2):
        outcomes = list(run_local([str(p) for p in paths], rules, CheckJob(), jobs=jobs))
        assert [o.path for o in outcomes] == [str(p) for p in paths]
        failed = {o.path for o in outcomes if not o.ok}
        root_can_read = os.geteuid() == 0  # root reads a file without read permission
        expected = {str(b) for b in bad} - ({str(bad[5])} if root_can_read else set())
        assert failed == expected
        assert all(o.bug is None for o in outcomes)


def test_jobs_give_the_serial_output_byte_for_byte(tmp_path):
    paths, _ = mixed(tmp_path, 24)
    outputs = {}
    for fmt in ("text", "json", "sarif"):
        serial = factlint("check", "-j", "1", "--format", fmt, "--published", "2024-10-10", *paths)
        parallel = factlint("check", "-j", "2", "--format", fmt, "--published", "2024-10-10", *paths)
        assert serial.code == parallel.code == 2
        assert serial.out == parallel.out and serial.err == parallel.err
        outputs[fmt] = serial.out
    data = json.loads(outputs["json"])
    assert len(data["files"]) + len(data["errors"]) == len(paths)
    assert data["summary"]["errors"] == len(data["errors"])


def test_findings_come_from_the_generated_articles(tmp_path):
    paths = write_articles(tmp_path, 30)
    data = json.loads(factlint("check", "-f", "json", "--published", "2024-10-10", *paths).out)
    assert sum(len(f["findings"]) for f in data["files"]) > 10  # the runs compare something


@pytest.mark.parametrize("killers", [(9,), (0, 37, 38, 70)])
def test_a_dying_worker_costs_only_its_file(tmp_path, monkeypatch, killers):
    import factlint.run.local as local

    paths = [str(p) for p in write_articles(tmp_path, 80)]
    doomed = {paths[k] for k in killers}

    def check_or_die(path, rules, job):
        if path in doomed:
            os._exit(9)  # as if killed or out of memory
        return check_one(path, rules, job)

    monkeypatch.setattr(local, "check_one", check_or_die)
    if "fork" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("workers inherit the patched function only when forked")
    outcomes = list(run_local(paths, load_rules(), CheckJob(), jobs=2))
    assert [o.path for o in outcomes] == paths
    assert [o.path for o in outcomes if not o.ok] == [paths[k] for k in killers]
    assert all("died" in outcomes[k].bug for k in killers)


def test_long_runs_end_with_a_summary(tmp_path):
    paths, _ = mixed(tmp_path, 50)
    run = factlint("check", "-j", "2", *paths)
    last = run.err.strip().splitlines()[-1]
    bad = 6 if os.geteuid() == 0 else 7  # root reads a file without read permission
    assert last.startswith(f"factlint: {len(paths)} files: {len(paths) - bad} checked, {bad} could not be checked;")
    assert " s (" in last and "files/s" in last
