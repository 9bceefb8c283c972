"""The extraction pipeline: runs the extractors in order, then shared passes.

Owns: the order of extractors, the pass that drops a number read both as
an age and as a count, the final pass that fills each fact's
``sentence``, ``paragraph`` and ``in_headline``, and the stable ordering of
facts (by start offset, then kind, then id).  Extractors never call each
other; anything that needs two extractors' output is a pass here.
"""

from __future__ import annotations

from ..facts.model import AgeFact, Fact, FactSet, QuantityFact
from ..lexicon import Lexicons
from ..text.document import Document

_KIND_ORDER = ["entity", "role", "age", "statement", "report", "document", "time", "event", "quantity", "repetition"]


def extract_facts(doc: Document, lexicons: Lexicons) -> FactSet:
    from . import attribution, link, people, quantity, repeats, time, topics

    facts: list[Fact] = []
    facts.extend(people.extract(doc, lexicons))
    facts.extend(attribution.extract(doc, lexicons))
    facts.extend(time.extract(doc, lexicons))
    facts.extend(quantity.extract(doc, lexicons))
    facts.extend(repeats.extract(doc, lexicons))
    facts = drop_ages_counted_as_quantities(facts)
    link.link_entities(doc, facts, lexicons)
    topics.assign_topics(doc, facts, lexicons)
    place_facts(doc, facts)
    order = {k: i for i, k in enumerate(_KIND_ORDER)}
    facts.sort(key=lambda f: (f.start, order.get(f.kind, 99), f.id))
    # the facts were validated as they were built: do not validate them again
    return FactSet.model_construct(path=doc.path, published=doc.published, facts=facts)


def drop_ages_counted_as_quantities(facts: list[Fact]) -> list[Fact]:
    """A number the people extractor read as an age ("killed Qassem
    Soleimani, 62.", "Lee is 45.") counts nothing: its quantity fact goes,
    and the remaining quantities are numbered q1, q2, ... again."""
    ages = [(f.expression.start, f.expression.end, f.age) for f in facts if isinstance(f, AgeFact)]
    if not ages:
        return facts
    def is_age(q: QuantityFact) -> bool:
        return any(lo <= q.start and q.end <= hi and q.value == age for lo, hi, age in ages)
    kept = [f for f in facts if not (isinstance(f, QuantityFact) and is_age(f))]
    for n, q in enumerate((f for f in kept if isinstance(f, QuantityFact)), 1):
        q.id = f"q{n}"
    return kept


def place_facts(doc: Document, facts: list[Fact]) -> None:
    """Fill sentence/paragraph indexes and the headline flag from offsets."""
    for f in facts:
        sent = doc.sentence_at(f.start)
        para = doc.paragraph_at(f.start)
        f.sentence = sent.index if sent else 0
        f.paragraph = para.index if para else 0
        f.in_headline = doc.in_headline(f.start)
