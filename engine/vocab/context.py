"""The evaluation context: an article's facts as relations and rules see them.

Owns: lookup by id, the publication date, the lexicons, the document the
facts come from (for the text around them: ``surroundings``), and each fact's
*effective topic*: its own topic keys plus, for a document, those of the
reports that cite it and of its own quoted words (what the article says the
document says).  Also the weighted topic overlap used by ``conflicts with``
and ``same topic as``: a shared ``class:`` or ``entity:`` key weighs 2, a
shared content word 1.

Also owns the article's ``Meter`` (the work done evaluating it, in the
units of ``evaluate.budget``; relations, index lookups and messages charge
it) and its ``Polarity`` (``conflicts with`` reads each text once).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..facts.model import Fact
from ..lexicon import Lexicons
from ..text.document import Document
from .readings import Polarity

#: text tests (``contains``, ``matches``, text equality) cost one unit per
#: this many characters, on top of their base cost
TEXT_CHUNK = 64


@dataclass
class Meter:
    """Work done on one article, in units of about a microsecond (see
    ``evaluate.budget``).  Only ever grows; a rule's share is a difference."""

    spent: int = 0

    def charge(self, units: int) -> None:
        self.spent += units

    def charge_text(self, text: str) -> None:
        self.spent += 1 + len(text) // TEXT_CHUNK


def topic_weight(key: str) -> int:
    return 2 if key.startswith(("class:", "entity:")) else 1


@dataclass
class EvalContext:
    facts: list[Fact]
    lexicons: Lexicons
    published: str | None = None
    path: str = "<text>"
    #: the article the facts were found in (None: facts evaluated on their own)
    doc: Document | None = None
    #: values derived from the document once per article (``surroundings``)
    cache: dict = field(default_factory=dict, repr=False)
    meter: Meter = field(default_factory=Meter)
    _by_id: dict[str, Fact] = field(default_factory=dict, init=False, repr=False)
    _topics: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False)
    _about_doc: dict[str, list[Fact]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {f.id: f for f in self.facts}
        for f in self.facts:
            # fields are read from the instance dict: a fact kind without the
            # field would go through pydantic's slow missing-attribute path
            fields = f.__dict__
            for doc_id in fields.get("cites") or []:
                self._about_doc.setdefault(doc_id, []).append(f)
            doc_id = fields.get("document")
            if doc_id:
                self._about_doc.setdefault(doc_id, []).append(f)

    def get(self, fact_id: str | None) -> Fact | None:
        return self._by_id.get(fact_id) if fact_id else None

    def topic_of(self, fact: Fact) -> frozenset[str]:
        cached = self._topics.get(fact.id)
        if cached is None:
            keys = set(fact.topic)
            if fact.kind == "document":
                for other in self._about_doc.get(fact.id, []):
                    keys.update(other.topic)
                    self.meter.spent += 1 + len(other.topic)
            cached = frozenset(keys)
            self._topics[fact.id] = cached
        return cached

    @cached_property
    def polarity(self) -> Polarity:
        """``says_opposite`` with each text of this article read once."""
        return Polarity(self.lexicons, self.meter.charge)

    @staticmethod
    def overlap(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> int:
        return sum(topic_weight(k) for k in a & b)
