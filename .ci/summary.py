"""Print .ci/run's summary from pytest's JUnit XML: how the corpus tests
ended (run, or skipped because ../shared/corpus is absent), the tests that
were skipped and why, then the totals as one plain line.

usage: python .ci/summary.py JUNIT.xml CORPUS_DIR

Corpus tests are those with the ``corpus`` property (tests/conftest.py adds
it to every test marked ``corpus``).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main() -> int:
    junit, corpus = sys.argv[1], Path(sys.argv[2])
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    corpus_outcomes: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    for case in ET.parse(junit).getroot().iter("testcase"):
        path = case.get("file") or case.get("classname", "").replace(".", "/") + ".py"
        node = f"{path}::{case.get('name')}"
        skip = case.find("skipped")
        if skip is not None:
            outcome = "skipped"
            skipped.append((node, skip.get("message", "")))
        elif case.find("failure") is not None or case.find("error") is not None:
            outcome = "failed"
        else:
            outcome = "passed"
        counts[outcome] += 1
        if any(p.get("name") == "corpus" for p in case.iter("property")):
            corpus_outcomes.append((node, outcome))
    print()
    print("=" * 30, ".ci/run summary", "=" * 30)
    found = corpus.is_dir()
    print(f"corpus: {'found' if found else 'NOT FOUND'} at {corpus}")
    ran = sum(o != "skipped" for _, o in corpus_outcomes)
    print(f"corpus tests: {ran} of {len(corpus_outcomes)} run, {len(corpus_outcomes) - ran} skipped")
    for node, outcome in corpus_outcomes:
        print(f"  {outcome:8} {node}")
    if skipped:
        print(f"skipped tests ({len(skipped)}):")
        for node, why in skipped:
            print(f"  {node}: {why}")
    print(f"tests: {counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
