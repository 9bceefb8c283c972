"""End to end on the seed articles with the shipped rules.

Each ``seeds/NAME.txt`` has ``NAME.meta.json`` (publication date) and
``NAME.expected.json``: the findings it must produce, each with its rule,
severity and the citations (role + how the cited text begins) and notes it
must have.  Any other warning or error fails; findings listed under
``allowed_extra`` (info notes, an extra denial cited in the same finding)
are tolerated."""

from __future__ import annotations

import json
from pathlib import Path

import factlint
import pytest
from factlint.api import published_from_sidecar

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
CASES = sorted(SEEDS.glob("*.expected.json"))


def _begins(text: str, prefix: str) -> bool:
    return " ".join(text.split()).startswith(prefix)


@pytest.mark.parametrize("expected_path", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_seed(expected_path: Path):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    article = expected_path.with_name(expected_path.name.replace(".expected.json", ".txt"))
    text = article.read_text(encoding="utf-8")
    assert published_from_sidecar(str(article)) == expected["published"]
    report = factlint.check_file(str(article))
    unmatched = list(report.findings)
    for exp in expected["findings"]:
        found = None
        for f in unmatched:
            if f.rule != exp["rule"] or f.severity != exp["severity"]:
                continue
            ok = all(any(c.role == ec["role"] and _begins(c.text, ec["starts_with"]) for c in f.citations) for ec in exp["citations"])
            ok = ok and all(any(_begins(c.text, en["starts_with"]) for n in f.notes for c in n.citations) for en in exp.get("notes", []))
            if ok:
                found = f
                break
        assert found is not None, f"missing {exp['rule']} finding; got {[(f.rule, f.message) for f in report.findings]}"
        unmatched.remove(found)
        # every citation must be exact: it slices the file as read
        for c in found.citations + [c for n in found.notes for c in n.citations]:
            assert text[c.start : c.end] == c.text
        extra_cites = [c for c in found.citations if not any(c.role == ec["role"] and _begins(c.text, ec["starts_with"]) for ec in exp["citations"])]
        for c in extra_cites:
            assert any(a.get("role") == c.role and _begins(c.text, a["starts_with"]) for a in expected["allowed_extra"]), f"unexpected citation {c.role}: {c.text[:60]!r}"
    for f in unmatched:
        allowed = any(a["rule"] == f.rule and a.get("severity", f.severity) == f.severity and "role" not in a for a in expected["allowed_extra"])
        assert allowed, f"unexpected finding {f.rule} ({f.severity}): {f.message}"


def test_readme_shows_the_real_output_on_the_seed():
    """The sample in README.md is what `factlint check` prints on the seed."""
    from factlint.report.text import render_report, summary
    from factlint.text.document import Document

    root = SEEDS.parent
    article = "seeds/000_548f20d3808859fa.txt"
    text = (root / article).read_text(encoding="utf-8")
    report = factlint.check_file(str(root / article))
    report.path = article
    printed = render_report(Document(text, article, report.published), report) + "\n\n" + summary([report])
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert f"$ factlint check {article}\n{printed}\n```" in readme
