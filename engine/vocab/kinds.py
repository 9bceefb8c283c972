"""Kinds and qualifiers: the nouns and adjectives of a rule pattern.

A *kind* names a set of facts: a fact kind (``statement``) or a narrower
view of one (``denial`` = a statement whose stance is deny).  Any word of the
``document-words`` lexicon is also a kind: a document of that type (``a
reported letter``).  A *qualifier* narrows further (``official``,
``reported``, ``draft``).  Both are plain predicates over one fact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..facts.model import FACT_KINDS, Fact
from ..lexicon import Lexicons

Predicate = Callable[[Fact], bool]


@dataclass(frozen=True)
class KindDef:
    name: str
    fact_kind: str
    doc: str
    test: Predicate | None = None

    def matches(self, fact: Fact) -> bool:
        return fact.kind == self.fact_kind and (self.test is None or self.test(fact))


@dataclass(frozen=True)
class QualifierDef:
    name: str
    applies_to: frozenset[str]
    doc: str
    test: Predicate


def _stance(value: str) -> Predicate:
    return lambda f: getattr(f, "stance", None) == value


KINDS: dict[str, KindDef] = {
    k.name: k
    for k in [
        KindDef("statement", "statement", "Anything someone is reported to have said, quoted or paraphrased."),
        KindDef("denial", "statement", "A statement whose stance is deny (denied, rejected, \"no change\", \"false\").", _stance("deny")),
        KindDef("retraction", "statement", "A statement that disavows or retracts something (\"a draft and a mistake\", \"sent in error\").", _stance("retract")),
        KindDef("confirmation", "statement", "A statement whose stance is confirm (confirmed, acknowledged).", _stance("confirm")),
        KindDef("assertion", "statement", "A statement whose stance is assert (the default stance).", _stance("assert")),
        KindDef("quote", "statement", "A statement given in the speaker's own quoted words.", lambda f: bool(getattr(f, "direct", False))),
        KindDef("report", "report", "A media or agency report and what it claims (\"media reports said\")."),
        KindDef("document", "document", "Any document the article mentions: letter, memo, resolution, email... (each word of the document-words lexicon is also a kind)."),
        KindDef("time", "time", "A temporal expression with its normalized value."),
        KindDef("date", "time", "A time expression of type date (not a duration or a set).", lambda f: getattr(f, "time_type", None) == "date"),
        KindDef("event", "event", "Something that happened or will happen, with the time the text gives it."),
        KindDef("quantity", "quantity", "A count or measure of something: value, approximation, counted noun."),
        KindDef("role", "role", "A person given a title or role, optionally at an organisation."),
        KindDef("age", "age", "A person's age as stated."),
        KindDef("entity", "entity", "A named person, organisation or place, with all its mentions."),
        KindDef("person", "entity", "An entity that is a person.", lambda f: getattr(f, "entity_type", None) == "person"),
        KindDef("organization", "entity", "An entity that is an organisation.", lambda f: getattr(f, "entity_type", None) == "organization"),
        KindDef("repetition", "repetition", "The same word twice in a row (\"that that\")."),
    ]
}


def document_kind(word: str) -> KindDef:
    word = word.lower()

    def of_type(f: Fact) -> bool:
        return (getattr(f, "doc_type", None) or "").lower() == word

    return KindDef(word, "document", f"A document of type {word!r}.", of_type)


def resolve_kind(word: str, lexicons: Lexicons) -> KindDef | None:
    """The kind a pattern word names, or None if it names none."""
    if word in KINDS:
        return KINDS[word]
    singular = word[:-1] if word.endswith("s") and word[:-1] in KINDS else None
    if singular:
        return KINDS[singular]
    if word in lexicons.get("document-words"):
        return document_kind(word)
    return None


def known_kind_words(lexicons: Lexicons) -> list[str]:
    return sorted(set(KINDS) | {p for p in lexicons.get("document-words").phrases if " " not in p})


_ALL = FACT_KINDS
_TEXTUAL = frozenset({"statement", "report", "document", "event"})


def _doc_status(value: str) -> Predicate:
    return lambda f: getattr(f, "status", None) == value


QUALIFIERS: dict[str, QualifierDef] = {
    q.name: q
    for q in [
        QualifierDef("official", frozenset({"statement"}), "The speaker holds an official title or is a government body.", lambda f: bool(getattr(f, "official", False))),
        QualifierDef("unofficial", frozenset({"statement"}), "The speaker is not official.", lambda f: not getattr(f, "official", False)),
        QualifierDef("reported", frozenset({"document", "statement", "report"}), "Known only through a report: a document cited by a report, a paraphrased (not quoted) statement, or any report.",
                     lambda f: bool(getattr(f, "reported", False)) if f.kind == "document" else (not getattr(f, "direct", False)) if f.kind == "statement" else True),
        QualifierDef("direct", frozenset({"statement"}), "Given in quotation marks.", lambda f: bool(getattr(f, "direct", False))),
        QualifierDef("paraphrased", frozenset({"statement"}), "Reported speech, not in quotation marks.", lambda f: not getattr(f, "direct", False)),
        QualifierDef("anonymous", frozenset({"statement", "report"}), "From unnamed sources (\"sources said\", \"officials said\").",
                     lambda f: bool(getattr(f, "anonymous", False)) or getattr(f, "source_type", None) == "anonymous"),
        QualifierDef("named", frozenset({"statement", "report"}), "From a named source.",
                     lambda f: (getattr(f, "speaker", None) is not None and not getattr(f, "anonymous", False)) if f.kind == "statement" else getattr(f, "source_type", None) in ("named", "agency")),
        QualifierDef("media", frozenset({"report"}), "A report by the media in general (\"media reports\").", lambda f: getattr(f, "source_type", None) == "media"),
        QualifierDef("draft", frozenset({"document"}), "A document whose status is draft.", _doc_status("draft")),
        QualifierDef("leaked", frozenset({"document"}), "A document whose status is leaked.", _doc_status("leaked")),
        QualifierDef("retracted", frozenset({"document"}), "A document whose status is retracted.", _doc_status("retracted")),
        QualifierDef("signed", frozenset({"document"}), "A document whose status is signed.", _doc_status("signed")),
        QualifierDef("approximate", frozenset({"quantity"}), "Given with an approximator (over, about, nearly...).", lambda f: getattr(f, "approx", None) is not None),
        QualifierDef("exact", frozenset({"quantity"}), "Given without an approximator.", lambda f: getattr(f, "approx", None) is None),
        QualifierDef("explicit", frozenset({"time"}), "A calendar date written out (not resolved from the publication date).", lambda f: bool(getattr(f, "explicit", False))),
        QualifierDef("relative", frozenset({"time"}), "Resolved against the publication date (\"on Monday\", \"last week\").", lambda f: bool(getattr(f, "relative", False))),
        QualifierDef("resolved", frozenset({"time", "event"}), "Has a normalized date value.", lambda f: (getattr(f, "value", None) if f.kind == "time" else getattr(f, "date", None)) is not None),
        QualifierDef("former", frozenset({"role"}), "A former title (\"former minister\").", lambda f: bool(getattr(f, "former", False))),
        QualifierDef("current", frozenset({"role"}), "Not a former title.", lambda f: not getattr(f, "former", False)),
        QualifierDef("past", frozenset({"event", "statement"}), "Told in the past tense.", lambda f: getattr(f, "tense", None) == "past"),
        QualifierDef("future", frozenset({"event", "statement"}), "Told in the future tense.", lambda f: getattr(f, "tense", None) == "future"),
        QualifierDef("headline", _ALL, "Lies in the headline.", lambda f: f.in_headline),
        QualifierDef("body", _ALL, "Lies in the body (not the headline).", lambda f: not f.in_headline),
    ]
}
