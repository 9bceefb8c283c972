"""What a run produced, gathered for the reporters and the exit status.

Owns ``Results``: the checked files (report, text when kept, the file's
``fail-on``), the files that could not be checked (input errors and bugs),
the rules that ran on any file (SARIF lists them), the baseline applied in
the parent, and the exit status: 3 for a bug, 2 for an input or
configuration error, 1 when a file has a finding at or above its own
``fail-on`` (unless ``--exit-zero``), else 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..api import Report, RuleSet
from ..errors import Diagnostic
from ..evaluate.findings import SEVERITY_RANK
from ..suppress.baseline import Baseline
from .outcome import Outcome


@dataclass
class Checked:
    report: Report
    text: str | None = None
    fail_on: str = "warning"

    def fails(self) -> bool:
        if self.fail_on == "never":
            return False
        rank = SEVERITY_RANK[self.fail_on]
        return any(SEVERITY_RANK[f.severity] >= rank for f in self.report.findings)


@dataclass
class Results:
    rules: RuleSet
    checked: list[Checked] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)
    bugs: int = 0
    #: what loading the rules warned about, one line each (JSON ``notices``)
    notices: list[str] = field(default_factory=list)

    @property
    def reports(self) -> list[Report]:
        return [c.report for c in self.checked]

    def add(self, outcome: Outcome, baseline: Baseline | None = None) -> Checked | None:
        """Record one outcome; the file's ``Checked`` when it was checked."""
        if outcome.bug is not None:
            self.bugs += 1
            message = f"internal error (this is a bug in factlint, please report it): {outcome.bug}"
            self.errors.append(Diagnostic(outcome.path, message, "internal"))
            return None
        if outcome.report is None:
            self.errors.append(outcome.error[0])
            return None
        report = baseline.apply(outcome.report) if baseline is not None else outcome.report
        checked = Checked(report, outcome.text, outcome.fail_on)
        self.checked.append(checked)
        return checked

    def exit_code(self, exit_zero: bool = False) -> int:
        if self.bugs:
            return 3
        if self.errors:
            return 2
        if not exit_zero and any(c.fails() for c in self.checked):
            return 1
        return 0
