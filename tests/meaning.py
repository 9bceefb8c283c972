"""Evaluating rule-language source on hand-built facts, for the tests that pin
what the language means (tests/test_meaning_*.py).

``Article`` hands out one word of a fixed text per fact, so every fact has a
real span and facts can be built in a line: ``a = Article(); q =
a.quantity(value=5)``.  ``run(source, a)`` compiles the rule source with the
shipped lexicons (cached per source) and returns the findings.  Nothing here
extracts: these tests pin the rules' meaning, not the extractors'.
"""

from __future__ import annotations

from functools import cache, lru_cache

from factlint.api import Report, RuleSet, check_text
from factlint.facts.model import (
    AgeFact,
    DocumentFact,
    EntityFact,
    EventFact,
    FactSet,
    QuantityFact,
    ReportFact,
    RoleFact,
    Span,
    StatementFact,
    TimeFact,
)
from factlint.lang.build import build_rule_file
from factlint.lang.compiler import compile_rule_files
from factlint.lang.loader import gather_lexicons, shipped_rule_files

WORDS = 60
TEXT = " ".join(f"w{i:02d}" for i in range(WORDS))


@lru_cache(maxsize=1)
def lexicons():
    return gather_lexicons(list(shipped_rule_files()))


@cache
def compile_source(source: str) -> RuleSet:
    rf = build_rule_file(source, "meaning.rule")
    return RuleSet(compile_rule_files([rf], lexicons()), lexicons())


class Article:
    """Facts over ``TEXT``, each on its own word (in the order built), or
    over another text, each where ``at="words"`` says."""

    def __init__(self, text: str = TEXT) -> None:
        self.text = text
        self.facts: list = []
        self._next = 0

    def span_of(self, words: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(words, start + 1)
        return Span(start=start, end=start + len(words), text=words)

    def span(self) -> Span:
        i = self._next
        self._next += 1
        start = i * 4
        return Span(start=start, end=start + 3, text=TEXT[start : start + 3])

    def _add(self, cls, fields: dict, spans: tuple[str, ...]):
        at = fields.pop("at", None)
        span = self.span_of(at) if at is not None else self.span()
        for name in spans:
            fields.setdefault(name, span)
        fields.setdefault("id", f"f{len(self.facts) + 1}")
        fact = cls(start=span.start, end=span.end, text=span.text, **fields)
        self.facts.append(fact)
        return fact

    def statement(self, **f):
        return self._add(StatementFact, f, ("content",))

    def report(self, **f):
        return self._add(ReportFact, f, ("source",))

    def document(self, doc_type: str = "letter", **f):
        # a document says something (its content) unless a test says it does not
        return self._add(DocumentFact, {"doc_type": doc_type, **f}, ("mention", "content"))

    def event(self, **f):
        return self._add(EventFact, f, ("trigger",))

    def time(self, value: str | None = None, **f):
        return self._add(TimeFact, {"value": value, **f}, ())

    def quantity(self, value: float, **f):
        f.setdefault("noun_key", "troop")
        return self._add(QuantityFact, {"value": value, **f}, ())

    def role(self, title_key: str, **f):
        return self._add(RoleFact, {"title_key": title_key, **f}, ("person", "title"))

    def age(self, age: int, **f):
        return self._add(AgeFact, {"age": age, **f}, ())

    def entity(self, name: str, **f):
        f.setdefault("entity_type", "person")
        return self._add(EntityFact, {"name": name, **f}, ())

    def factset(self) -> FactSet:
        return FactSet(path="a.txt", facts=list(self.facts))


def report(source: str, article: Article, published: str | None = None) -> Report:
    return check_text(article.text, published, compile_source(source), "a.txt", article.factset())


def run(source: str, article: Article, published: str | None = None) -> list:
    return report(source, article, published).findings


def fires(source: str, article: Article, published: str | None = None) -> bool:
    return bool(run(source, article, published))


def cited(findings) -> list[list[str]]:
    """The fact ids each finding cites, in order."""
    return [[c.fact for c in f.citations] for f in findings]
