"""Findings: what a rule reports, with citations into the article.

Owns the ``Citation``, ``Note`` and ``Finding`` records (pydantic, so they
serialize to the documented JSON) and building a citation from a span:
code-point offsets (end exclusive) plus 1-based line/column of both ends.
``end_line``/``end_column`` give the position just past the last character.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from ..facts.model import Fact, Span
from ..text.document import Document

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: i for i, name in enumerate(SEVERITIES)}


class Citation(BaseModel):
    role: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    fact: str | None = None


class Note(BaseModel):
    message: str
    citations: list[Citation] = Field(default_factory=list)


class Explanation(BaseModel):
    """Why a finding fired: the facts bound and the conditions that held."""

    bound: dict[str, str] = Field(default_factory=dict)  # name -> fact id
    conditions: list[str] = Field(default_factory=list)
    absent: list[str] = Field(default_factory=list)  # unless clauses that found nothing


class Finding(BaseModel):
    rule: str
    severity: str
    title: str = ""
    message: str
    line: int = 1
    column: int = 1
    citations: list[Citation] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    explanation: list[Explanation] | None = None


def cite(doc: Document, role: str, span: Span, fact: Fact | None = None) -> Citation:
    line, column = doc.position(span.start)
    end_line, end_column = doc.position(span.end)
    return Citation(
        role=role,
        start=span.start,
        end=span.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=span.text,
        fact=fact.id if fact is not None else None,
    )
