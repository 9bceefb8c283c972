"""Relations: the verbs of the rule language, with their exact meanings.

Each relation is a predicate over two facts plus, where it can, a *join key*:
a function giving the keys under which a fact can be related at all (the
speaker's entity, the counted noun, the sentence...).  The evaluator indexes
facts by these keys, so a join looks up candidates instead of scanning every
pair.  A relation whose key sets do not intersect never holds.

Each relation declares its ``cost``: the work units a test of it takes
(``bench/worst_cases.py`` measures them), so that the evaluator's budget
counts work, not candidates.

"Differs from" and "agrees with" compare two facts *about the same thing*:
two quantities of the same counted noun, two ages or roles of the same
person, two dates of the same event.  They never compare unrelated facts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..facts.model import FACT_KINDS, DocumentFact, Fact
from .context import EvalContext, topic_weight
from .fields import DateValue, compare_dates
from .surroundings import words_between

KeyFn = Callable[[Fact, EvalContext], Iterable]

#: Minimum weighted topic overlap for `conflicts with` and `same topic as`
#: (content words weigh 1, topic classes and entities 2; see extract.passes.topics).
MIN_TOPIC_OVERLAP = 3


@dataclass(frozen=True)
class RelationDef:
    name: str
    phrase: str
    doc: str
    left: frozenset[str]
    right: frozenset[str]
    test: Callable[[Fact, Fact, EvalContext], bool]
    left_keys: KeyFn | None = None
    right_keys: KeyFn | None = None
    #: work units one test costs (about a microsecond each, see
    #: evaluate.budget); work that grows with the facts' texts is charged
    #: as it is done (``conflicts with`` reading a text)
    cost: int = 1
    #: when the relation needs its facts' keys to overlap by a weight (the
    #: topic relations: at least ``MIN_TOPIC_OVERLAP``), each key's weight
    #: and that minimum: an index lookup then gives only the facts whose
    #: shared keys weigh enough, and the test is not tried on the others
    key_weight: Callable[[str], int] | None = None
    min_weight: int = 0


# --------------------------------------------------------------- key helpers
def entity_of(f: Fact) -> str | None:
    if f.kind == "entity":
        return f.id
    for name in ("speaker_entity", "person_entity", "author_entity"):
        value = getattr(f, name, None)
        if value:
            return value
    return None


def date_of(f: Fact) -> DateValue | None:
    if f.kind == "time":
        return DateValue.parse(getattr(f, "value", None))
    if f.kind == "event":
        return DateValue.parse(getattr(f, "date", None))
    return None


def _one(value) -> list:
    return [value] if value not in (None, "") else []


def _entity_keys(f: Fact, ctx: EvalContext) -> list:
    return _one(entity_of(f))


def _person_keys(f: Fact, ctx: EvalContext) -> list:
    """The entity of a fact, when that entity is not known to be an organisation or place."""
    key = entity_of(f)
    ent = ctx.get(key)
    if key is None or (ent is not None and getattr(ent, "entity_type", None) in ("organization", "place")):
        return []
    return [key]


def _topic_keys(f: Fact, ctx: EvalContext) -> list:
    return list(ctx.topic_of(f))


def _doc_keys(f: Fact, ctx: EvalContext) -> list:
    keys = []
    if f.kind == "document":
        keys.append(f.id)
    for name in ("document", "target_fact"):
        keys.extend(_one(getattr(f, name, None)))
    keys.extend(getattr(f, "cites", []) or [])
    return keys


def _referent_keys(f: Fact, ctx: EvalContext) -> list:
    """What a fact is about, for differs/agrees: noun, person or event."""
    if f.kind == "quantity":
        return _one(getattr(f, "noun_key", None))
    if f.kind in ("age", "role"):
        return _one(getattr(f, "person_entity", None))
    if f.kind == "event":
        return _one(getattr(f, "event_key", None))
    return []


# ------------------------------------------------------------------ predicates
def _conflicts(a: Fact, b: Fact, ctx: EvalContext) -> bool:
    if a.id == b.id or getattr(a, "stance", None) != "deny":
        return False
    if b.kind in ("statement", "report") and getattr(b, "stance", "assert") not in ("assert", "confirm"):
        return False
    if b.kind == "document" and getattr(b, "status", None) == "retracted":
        return False
    if b.kind == "statement" and entity_of(a) is not None and entity_of(a) == entity_of(b):
        return False
    said = _what_it_says(b, ctx)
    if b.kind == "document" and not said and getattr(a, "target_fact", None) != b.id:
        # a document the story gives no words conflicts only with a denial that names it
        return False
    ta, tb = ctx.topic_of(a), ctx.topic_of(b)
    if ctx.overlap(ta, tb) < MIN_TOPIC_OVERLAP:
        return False
    if getattr(a, "target_fact", None) != b.id and all(k.startswith("entity:") for k in ta & tb):
        return False  # the same people, but nothing said about the same thing
    # the same topic, but the other says the opposite of what is denied: they agree
    denied = _text_of(getattr(a, "content", None))
    return not any(ctx.polarity.says_opposite(denied, text) for text in said)


def _text_of(span) -> str:
    return span.text if span is not None else ""


def _what_it_says(f: Fact, ctx: EvalContext) -> list[str]:
    """The texts in which ``f`` says something: a statement's or report's
    content; a document's content, what a report citing it says it says,
    and its author's statements beside it."""
    if not isinstance(f, DocumentFact):
        return [_text_of(getattr(f, "content", None))]
    texts = [_text_of(f.content), _text_of(f.reported_content)]
    texts += [_text_of(getattr(ctx.get(sid), "content", None)) for sid in f.author_statements]
    return [t for t in texts if t]


def _disavows(a: Fact, b: Fact, ctx: EvalContext) -> bool:
    if getattr(a, "stance", None) not in ("retract", "deny") or a.id == b.id:
        return False
    target = getattr(a, "target_fact", None)
    if target is None:
        return False
    return target == b.id or target == getattr(b, "document", None) or target in (getattr(b, "cites", None) or [])


def _cites(a: Fact, b: Fact, ctx: EvalContext) -> bool:
    return b.id in (getattr(a, "cites", None) or [])


def _same_key(keyfn: KeyFn) -> Callable[[Fact, Fact, EvalContext], bool]:
    def test(a: Fact, b: Fact, ctx: EvalContext) -> bool:
        if a.id == b.id:
            return False
        ka = set(keyfn(a, ctx))
        return bool(ka) and not ka.isdisjoint(keyfn(b, ctx))

    return test


def _same_topic(a: Fact, b: Fact, ctx: EvalContext) -> bool:
    return a.id != b.id and ctx.overlap(ctx.topic_of(a), ctx.topic_of(b)) >= MIN_TOPIC_OVERLAP


def _same_sentence(a: Fact, b: Fact, ctx: EvalContext) -> bool:
    return a.id != b.id and a.sentence == b.sentence


def _same_paragraph(a: Fact, b: Fact, ctx: EvalContext) -> bool:
    return a.id != b.id and a.paragraph == b.paragraph


def _compare_dates(sign: int) -> Callable[[Fact, Fact, EvalContext], bool]:
    def test(a: Fact, b: Fact, ctx: EvalContext) -> bool:
        da, db = date_of(a), date_of(b)
        if da is None or db is None:
            return False
        return compare_dates(da, db) == sign

    return test


def within_words(limit: int) -> Callable[[Fact, Fact, EvalContext], bool]:
    """``is within N words of``: at most ``limit`` words between the two facts."""

    def test(a: Fact, b: Fact, ctx: EvalContext) -> bool:
        n = words_between(a, b, ctx) if a.id != b.id else None
        return n is not None and n <= limit

    return test


from . import compare as _cmp  # noqa: E402  (value comparisons live in their own module)


def _comparable(a: Fact, b: Fact, ctx: EvalContext) -> bool:
    """Both facts are about the same thing, in the same unit."""
    return (
        a.id != b.id
        and a.kind == b.kind
        and _same_key(_referent_keys)(a, b, ctx)
        and _cmp.comparable_values(a, b)
    )


def _differs(a: Fact, b: Fact, ctx: EvalContext) -> bool:
    return _comparable(a, b, ctx) and _cmp.values_conflict(a, b, ctx)


def _agrees(a: Fact, b: Fact, ctx: EvalContext) -> bool:
    return _comparable(a, b, ctx) and not _cmp.values_conflict(a, b, ctx)


_ANY = FACT_KINDS
_SAYING = frozenset({"statement", "report"})
_CLAIMS = frozenset({"statement", "report", "document"})
_TOPICAL = frozenset({"statement", "report", "document", "event"})
_VALUED = frozenset({"quantity", "age", "role", "event"})
_DATED = frozenset({"time", "event"})

RELATIONS: dict[str, RelationDef] = {
    r.name: r
    for r in [
        RelationDef("conflicts_with", "conflicts with / contradicts",
                    "The left fact denies (stance deny) what the right one asserts or documents, on the same topic: their topic keys overlap by at least 3 (a shared topic class or entity counts 2, a shared content word 1). A document's topic includes what the reports citing it and its own quoted words say. A retracted document, a denial by the same speaker, or a right side that itself denies or retracts never conflicts; nor does a right side that says the opposite of what is denied (an opposite-words pair such as close / stay open, or a negation of the same word: it agrees with the denial).",
                    _SAYING, _CLAIMS, _conflicts, _topic_keys, _topic_keys, cost=12,
                    key_weight=topic_weight, min_weight=MIN_TOPIC_OVERLAP),
        RelationDef("disavows", "disavows / retracts",
                    "The left statement retracts or denies the very document (or report, or the document's quoted words) that it refers to, e.g. \"the letter was a draft and a mistake\".",
                    frozenset({"statement"}), _CLAIMS, _disavows, lambda f, c: _one(getattr(f, "target_fact", None)), _doc_keys, cost=2),
        RelationDef("cites", "cites", "The left report cites the right document (\"citing a letter\").",
                    frozenset({"report"}), frozenset({"document"}), _cites, lambda f, c: list(getattr(f, "cites", []) or []), lambda f, c: [f.id], cost=1),
        RelationDef("differs_from", "differs from",
                    "Both facts are about the same thing and disagree: quantities of the same counted noun and unit whose values are incompatible given their approximators (\"over 5,000\" agrees with 5,200, not with 3,000); ages or titles of the same person (a shorter form of a title, a former title or an explicit change agree); dates of the same event.",
                    _VALUED, _VALUED, _differs, _referent_keys, _referent_keys, cost=6),
        RelationDef("agrees_with", "agrees with", "Both facts are about the same thing (same counted noun and unit, same person, same event) and their values are compatible.",
                    _VALUED, _VALUED, _agrees, _referent_keys, _referent_keys, cost=6),
        RelationDef("spelled_differently", "is spelled differently from",
                    "Two person entities whose names are the same name spelled two ways (Seely / Seeley): first names equal, an initial or a known nickname, and surnames within a small edit distance; or the same surname with a first name one letter off. Surname-only references are mentions, not separate names.",
                    frozenset({"entity"}), frozenset({"entity"}), lambda a, b, c: _cmp.names_spelled_differently(a, b, c),
                    lambda f, c: _cmp.name_keys(f), lambda f, c: _cmp.name_keys(f), cost=10),
        RelationDef("before", "is before", "The left fact's date is earlier than the right's, compared at their common granularity.",
                    _DATED, _DATED, _compare_dates(-1), cost=6),
        RelationDef("after", "is after", "The left fact's date is later than the right's, compared at their common granularity.",
                    _DATED, _DATED, _compare_dates(1), cost=6),
        RelationDef("same_person", "is the same person as", "Both facts are about, or said by, the same entity, and that entity is not known to be an organisation or a place.",
                    _ANY, _ANY, _same_key(_person_keys), _person_keys, _person_keys, cost=3),
        RelationDef("same_entity", "is the same entity as", "Both facts are about, or said by, the same entity.",
                    _ANY, _ANY, _same_key(_entity_keys), _entity_keys, _entity_keys, cost=2),
        RelationDef("same_topic", "is the same topic as", "The facts' topic keys overlap by at least 3 (see conflicts with). Only statements, reports, documents and events have topic keys.",
                    _TOPICAL, _TOPICAL, _same_topic, _topic_keys, _topic_keys, cost=6,
                    key_weight=topic_weight, min_weight=MIN_TOPIC_OVERLAP),
        RelationDef("same_event", "is the same event as", "Two events with the same event key (trigger and main modifier).",
                    frozenset({"event"}), frozenset({"event"}), _same_key(_referent_keys), _referent_keys, _referent_keys, cost=2),
        RelationDef("same_thing", "is the same thing as", "Two quantities counting the same noun.",
                    frozenset({"quantity"}), frozenset({"quantity"}), _same_key(_referent_keys), _referent_keys, _referent_keys, cost=2),
        RelationDef("same_document", "is the same document as", "Both facts are, cite or quote the same document.",
                    _CLAIMS, _CLAIMS, _same_key(_doc_keys), _doc_keys, _doc_keys, cost=4),
        RelationDef("same_sentence", "is in the same sentence as", "Both facts start in the same sentence.",
                    _ANY, _ANY, _same_sentence, lambda f, c: [f.sentence], lambda f, c: [f.sentence], cost=1),
        RelationDef("same_paragraph", "is in the same paragraph as", "Both facts start in the same paragraph.",
                    _ANY, _ANY, _same_paragraph, lambda f, c: [f.paragraph], lambda f, c: [f.paragraph], cost=1),
        RelationDef("within", "is within N words of",
                    "At most N words lie between the two facts' extents (0 when they touch or overlap), wherever they are: across sentences and paragraphs too. It has no index: every candidate is tried.",
                    _ANY, _ANY, within_words(0), cost=4),
    ]
}
