"""The work budget: how much evaluating one article may do, and who gets it.

Owns the article's budget, the unit it is counted in, and ``share_out``:
running every rule of a rule set on one article so that each gets a fair
share of the budget and no rule can starve the others.

**Units.**  Work is counted in units of about a microsecond on the machine
the project is measured on (``bench/worst_cases.py`` prints the ratio): a
candidate fact tried costs ``STEP``; a condition its cost (a relation's
``cost``, declared in the relation table; 1 for a comparison; text tests
also 1 a ``TEXT_CHUNK`` of text); reading a text for ``conflicts with``
costs by its words; building an index 1 a fact; rendering a message 1 a
value read.  The evaluator charges these to the article's ``Meter``
(``vocab.context``).  The count is deterministic: the same input gives the
same findings and notices on any machine at any load, which a clock could
not give.

**Fair share.**  The rules run in rounds.  In a round each unfinished rule
may work until it has used an equal share of what is left of the budget;
what a rule does not use goes back to the pool, and the next round shares
the pool among the rules still unfinished.  So a rule that needs little
always finishes, whatever its place in the rule set, and the heavy rules
split the rest evenly.  A rule still unfinished when the pool is spent
reports what it found, and its notice says what it did not evaluate.

Does not own: what a rule does with its share (``evaluator.RuleRun``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..vocab.context import Meter

#: the work one article may take, all rules together (about 3 s here)
ARTICLE_BUDGET = 3_000_000
#: a rule is not resumed for less than this (a round that would give each
#: unfinished rule less ends the sharing)
MIN_SLICE = 10_000
#: cost of trying one candidate fact for a binding
STEP = 1


class Run(Protocol):
    done: bool

    def advance(self, limit: int) -> None:
        """Work until the meter reaches ``limit`` or the rule is done."""


def share_out(runs: Sequence[Run], meter: Meter, budget: int = ARTICLE_BUDGET) -> None:
    """Run ``runs`` in fair rounds until each is done or ``budget`` is spent."""
    pool = budget
    pending = [r for r in runs if not r.done]
    first = True
    while pending:
        share = pool // len(pending)
        if share < MIN_SLICE and not first:
            break
        first = False
        still = []
        for run in pending:
            before = meter.spent
            run.advance(before + max(share, 1))
            pool -= meter.spent - before
            if not run.done:
                still.append(run)
        pending = still
