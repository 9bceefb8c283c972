"""Findings: what a rule reports, with citations into the article.

Owns the ``Citation``, ``Note``, ``Finding`` and ``Suppression`` records (pydantic, so they
serialize to the documented JSON) and building a citation from a span:
code-point offsets (end exclusive) plus 1-based line/column of both ends, in
the file as read (a span of prose read from Markdown, HTML or JSON is located
in the file through the document's origin, and its text is the file's
characters there).  ``end_line``/``end_column`` give the position just past
the last character.  For JSON inputs, ``field`` is the JSON pointer of the
string the span was read from and ``field_start``/``field_end`` the offsets
inside its decoded value; these keys are left out when there is no field.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer

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
    field: str | None = None
    field_start: int | None = None
    field_end: int | None = None

    @model_serializer(mode="wrap")
    def _without_empty_field(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict) and data.get("field") is None:
            for key in ("field", "field_start", "field_end"):
                data.pop(key, None)
        return data


class Note(BaseModel):
    message: str
    citations: list[Citation] = Field(default_factory=list)


class Explanation(BaseModel):
    """Why a finding fired: the facts bound and the conditions that held."""

    bound: dict[str, str] = Field(default_factory=dict)  # name -> fact id
    conditions: list[str] = Field(default_factory=list)
    absent: list[str] = Field(default_factory=list)  # unless clauses that found nothing


class Suppression(BaseModel):
    """Why a finding is not reported: a comment in the article (its kind,
    reason and position) or the baseline (``kind == "baseline"``)."""

    kind: str
    reason: str | None = None
    line: int | None = None
    column: int | None = None


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
    #: set on findings a suppression or the baseline hid (``Report.suppressed``)
    suppression: Suppression | None = None


def cite(doc: Document, role: str, span: Span, fact: Fact | None = None) -> Citation:
    if doc.origin is None:  # plain text: the prose is the file
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
    at = doc.locate(span.start, span.end)
    src = doc.source_document
    line, column = src.position(at.start)
    end_line, end_column = src.position(at.end)
    return Citation(
        role=role,
        start=at.start,
        end=at.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=src.text[at.start : at.end],
        fact=fact.id if fact is not None else None,
        field=at.pointer,
        field_start=at.field_start,
        field_end=at.field_end,
    )
