"""Entity linking pass: ties facts that name someone to the entity facts.

Owns: ``link_entities``, run after every extractor.  It fills
``StatementFact.speaker_entity`` (from ``speaker_ref`` when set, else
``speaker``), ``DocumentFact.author_entity`` (from ``author``) and
``person_entity`` on ``RoleFact`` and ``AgeFact`` with the id of the
``EntityFact`` whose mention overlaps that span (none for a role or age
of a surname shared by several people named in full: it is about no one
person).  When several mentions
overlap, the longest mention wins ("Pentagon Press Secretary Alyssa Farah"
overlaps "Pentagon" and "Alyssa Farah"; a tie goes to the mention whose
entity is a person, then to the earlier one), except that in a span with an
appositive ("Mark Milley, the chairman of the Joint Chiefs of Staff") a
person wins over a longer organisation.

Does not own: finding entities (``people``) or any other field.
"""

from __future__ import annotations

import bisect

from ...facts.model import (
    AgeFact,
    DocumentFact,
    EntityFact,
    Fact,
    RoleFact,
    Span,
    StatementFact,
)
from ...lexicon import Lexicons
from ...text.document import Document


class MentionIndex:
    """Every entity mention, sorted by start, for overlap queries."""

    def __init__(self, entities: list[EntityFact]):
        rows = sorted(
            (m.start, m.end, e.entity_type == "person", e.id) for e in entities for m in e.mentions
        )
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.longest = max((r[1] - r[0] for r in rows), default=0)

    def entity_at(self, span: Span | None) -> str | None:
        if span is None or not self.rows:
            return None
        best: tuple[bool, int, bool, int] | None = None
        best_id = None
        # a mention overlapping span starts before span.end and no earlier than span.start - longest
        lo = bisect.bisect_left(self.starts, span.start - self.longest)
        hi = bisect.bisect_left(self.starts, span.end)
        appositive = "," in span.text  # "Mark Milley, the chairman of the Joint Chiefs": the person
        for start, end, person, eid in self.rows[lo:hi]:
            if end <= span.start or start >= span.end:
                continue
            rank = (appositive and person, end - start, person, -start)
            if best is None or rank > best:
                best, best_id = rank, eid
        return best_id


def link_entities(doc: Document, facts: list[Fact], lex: Lexicons) -> None:
    """Fill the ``*_entity`` fields of ``facts`` in place."""
    index = MentionIndex([f for f in facts if isinstance(f, EntityFact)])
    shared = {f.id for f in facts if isinstance(f, EntityFact) and f.shared_surname}
    for f in facts:
        if isinstance(f, StatementFact):
            f.speaker_entity = index.entity_at(f.speaker_ref or f.speaker)
        elif isinstance(f, DocumentFact):
            f.author_entity = index.entity_at(f.author)
        elif isinstance(f, (RoleFact, AgeFact)):
            eid = index.entity_at(f.person)
            f.person_entity = None if eid in shared else eid
