"""A number read both as an age and as a count is an age.

Owns: ``drop_ages_counted_as_quantities``.  The people extractor reads
"killed Qassem Soleimani, 62." and "Lee is 45." as ages; the quantity
extractor, which does not see ages, reads the same figures as counts.  This
pass drops such quantity facts and numbers the remaining quantities q1, q2,
... again.

Does not own: reading ages (``people``) or quantities (``quantity``).
"""

from __future__ import annotations

from ...facts.model import AgeFact, Fact, QuantityFact
from ...lexicon import Lexicons
from ...text.document import Document


def drop_ages_counted_as_quantities(doc: Document, facts: list[Fact], lex: Lexicons) -> None:
    """Drop every quantity fact inside an age's expression with the age's
    value, in place, and renumber the quantities left."""
    ages = [(f.expression.start, f.expression.end, f.age) for f in facts if isinstance(f, AgeFact) and f.expression is not None]
    if not ages:
        return

    def is_age(q: QuantityFact) -> bool:
        return any(lo <= q.start and q.end <= hi and q.value == age for lo, hi, age in ages)

    facts[:] = [f for f in facts if not (isinstance(f, QuantityFact) and is_age(f))]
    for n, q in enumerate((f for f in facts if isinstance(f, QuantityFact)), 1):
        q.id = f"q{n}"
