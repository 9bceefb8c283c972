"""The extraction pipeline: the extractor families in order, then the whole-article passes.

Owns: the two tables that say what runs (``extractors()``: each family with
the fact kinds it produces, in order; ``PASSES``: the passes in order) and
the stable order of the facts (by start offset, then by the order in which
the families produce their kinds, then id).  Families never call each
other; anything that needs two families' output is a pass.

Why this order: people first (entities are what other facts are linked
to), then attribution, time, quantity and repeated words, which read only
the text.  The passes follow: ages must be known before quantities that
are really ages are dropped; linking needs every fact with a speaker,
author or person; an organisation's statements become official once
linking has tied them to it, which also makes some of them denials, and
the denials then get what they name; topic keys use the linked entities and read
the stances; placing comes last, for every fact that survived.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..facts.model import Fact, FactSet
from ..lexicon import Lexicons
from ..text.document import Document
from .passes.ages_as_counts import drop_ages_counted_as_quantities
from .passes.link import link_entities
from .passes.officials import officials
from .passes.placing import place_facts
from .passes.targets import denial_targets
from .passes.topics import assign_topics


@dataclass(frozen=True)
class Extractor:
    """One extractor family: its name, the fact kinds it produces, its entry point."""

    name: str
    produces: tuple[str, ...]
    extract: Callable[[Document, Lexicons], list]


Pass = Callable[[Document, list, Lexicons], None]

#: the whole-article passes, in the order they run (see the module docstring)
PASSES: tuple[tuple[str, Pass], ...] = (
    ("drop ages counted as quantities", drop_ages_counted_as_quantities),
    ("link entities", link_entities),
    ("organisations speak officially", officials),
    ("what denials name", denial_targets),
    ("assign topics", assign_topics),
    ("place facts", place_facts),
)


@lru_cache(maxsize=1)
def extractors() -> tuple[Extractor, ...]:
    """The extractor families in the order they run (imported on first use:
    commands that extract nothing do not load them)."""
    from . import attribution, people, quantity, repeats, time

    return tuple(
        Extractor(name, module.PRODUCES, module.extract)
        for name, module in (
            ("people", people),
            ("attribution", attribution),
            ("time", time),
            ("quantity", quantity),
            ("repeats", repeats),
        )
    )


@lru_cache(maxsize=1)
def kind_order() -> dict[str, int]:
    """Each fact kind's rank in the fact order: the order the families produce them."""
    return {kind: i for i, kind in enumerate(kind for e in extractors() for kind in e.produces)}


def extract_facts(doc: Document, lexicons: Lexicons) -> FactSet:
    facts: list[Fact] = []
    for extractor in extractors():
        facts.extend(extractor.extract(doc, lexicons))
    for _name, run in PASSES:
        run(doc, facts, lexicons)
    order = kind_order()
    facts.sort(key=lambda f: (f.start, order.get(f.kind, 99), f.id))
    # the facts were validated as they were built: do not validate them again
    return FactSet.model_construct(path=doc.path, published=doc.published, facts=facts)
