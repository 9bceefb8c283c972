"""Facts: the typed records extractors produce and rules consume."""
from .model import (  # noqa: F401
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
