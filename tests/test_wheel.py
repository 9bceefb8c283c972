"""The built wheel carries the grammar and the rules: installed into a fresh
virtual environment outside the repository, its `factlint` command checks
the seed article with the shipped pack."""

from __future__ import annotations

import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_548f20d3808859fa.txt"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    # build from a copy so the repository gets no build/ or egg-info litter
    src = build / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis"))
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(src)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    wheels = list(out.glob("factlint-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_wheel_contains_grammar_and_rules(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "factlint/grammar/factlint.lark" in names
    assert "factlint/rules/attribution/denial-vs-document.rule" in names
    assert any(n.startswith("factlint/rules/lexicons/") and n.endswith(".rule") for n in names)
    assert not any(n.startswith("engine/") for n in names)


def test_installed_wheel_checks_the_seed_outside_the_repo(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    purelib = Path(subprocess.check_output([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True).strip())
    # dependencies (and pip) come from this environment's site-packages, added
    # as plain paths: their .pth files (such as an editable factlint) are not run
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
    (purelib / "deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--ignore-installed", str(wheel)], check=True, timeout=300)
    where = subprocess.check_output([str(py), "-c", "import factlint; print(factlint.__file__)"], text=True, cwd=tmp_path).strip()
    assert where.startswith(str(venv)), where
    article = tmp_path / "seed.txt"
    shutil.copy(SEED, article)
    proc = subprocess.run([str(venv / "bin" / "factlint"), "check", str(article), "--published", "2020-01-07", "--format", "json"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 1, proc.stderr  # the seed has a warning
    assert "attribution/denial-vs-document" in proc.stdout
