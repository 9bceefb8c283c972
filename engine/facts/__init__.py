"""Facts: the typed records extractors produce and rules consume."""

from .model import (
    FACT_CLASSES,
    FACT_KINDS,
    AgeFact,
    DocumentFact,
    EntityFact,
    EventFact,
    Fact,
    FactSet,
    QuantityFact,
    RepetitionFact,
    ReportFact,
    RoleFact,
    Span,
    StatementFact,
    TimeFact,
)

__all__ = [
    "FACT_CLASSES",
    "FACT_KINDS",
    "AgeFact",
    "DocumentFact",
    "EntityFact",
    "EventFact",
    "Fact",
    "FactSet",
    "QuantityFact",
    "RepetitionFact",
    "ReportFact",
    "RoleFact",
    "Span",
    "StatementFact",
    "TimeFact",
]
