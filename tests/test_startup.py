"""Start-up: what `factlint check` of one plain-text article imports (a budget on the list, not on time).

With the parsed-rule cache warm, checking one article needs neither the rule
parser (lark) nor the runners for many files (multiprocessing, Dask), the
other reporters, the example runner or anything dateparser would bring; the
first run, with an empty cache, parses and may import lark.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

#: modules a cold single-article check must not load
FORBIDDEN = [
    "lark",
    "dateparser",
    "regex",
    "multiprocessing",
    "concurrent.futures",
    "dask",
    "distributed",
    "factlint.lang.build",
    "factlint.lang.parser",
    "factlint.run.dask_runner",
    "factlint.report.sarif",
    "factlint.report.rule_docs",
    "factlint.selftest",
    "factlint.evaluate.why",
    # input formats: plain text reads none of them
    "markdown_it",
    "yaml",
    "pathspec",
    "html.parser",
    "factlint.text.formats.markdown",
    "factlint.text.formats.html",
    "factlint.text.formats.cms_json",
    "factlint.text.formats.dates",
]

PROBE = """
import json, runpy, sys
sys.argv = ["factlint", "check", sys.argv[1]]
try:
    runpy.run_module("factlint", run_name="__main__")
except SystemExit:
    pass
with open(OUT, "w") as fh:
    json.dump(sorted(sys.modules), fh)
"""


def loaded(tmp_path, article, cache):
    out = tmp_path / "modules.json"
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(cache)}
    env.pop("FACTLINT_NO_CACHE", None)
    code = f"OUT = {str(out)!r}\n" + PROBE
    run = subprocess.run([sys.executable, "-c", code, str(article)], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return set(json.loads(out.read_text()))


def forbidden_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules for bad in FORBIDDEN if m == bad or m.startswith(bad + "."))


def test_a_warm_single_article_check_imports_only_what_it_uses(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Council meets\n\nThe council said that that there was a budget.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = loaded(tmp_path, article, cache)
    assert "lark" in first  # nothing cached yet: the rule files were parsed
    second = loaded(tmp_path, article, cache)
    assert "factlint.extract" in second and "factlint.report.text" in second  # the probe did check the article
    assert forbidden_in(second) == []
