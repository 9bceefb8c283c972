"""One rule while it is compiled: the record the compiler's passes share.

Owns: ``Unit`` (the rule, its file, the lexicons, the rule ids seen so far,
and what the passes learn: bindings, conditions, unless queries, notes, the
message template, the join steps) and reporting a diagnostic at a position
of the rule file.

Does not own: the passes themselves (``compiler``, ``conditions``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import Diagnostic
from ..lexicon import Lexicons
from . import ast
from .compiled import CBinding, CCondition, CNote, CQuery, Template


@dataclass
class Unit:
    """One rule being compiled, with what the passes learn about it."""

    rule: ast.Rule
    file: ast.RuleFile
    lexicons: Lexicons
    #: rule id -> where it was first defined, shared by every unit of one compilation
    seen: dict[str, ast.Pos] = field(default_factory=dict)
    errors: list[Diagnostic] = field(default_factory=list)
    rule_id: str = ""
    bindings: list[CBinding] = field(default_factory=list)
    names: dict[str, CBinding] = field(default_factory=dict)
    conditions: list[CCondition] = field(default_factory=list)
    unless: list[CQuery] = field(default_factory=list)
    notes: list[CNote] = field(default_factory=list)
    message: Template | None = None
    #: named RE2 patterns of every loaded file (``pattern NAME: "..."``), compiled
    patterns: dict = field(default_factory=dict)
    #: the conditions read article.published (the rule is blind without it)
    reads_published: bool = False
    #: lexicons and named patterns the rule's conditions read (for unused-definition warnings)
    lexicons_read: set[str] = field(default_factory=set)
    patterns_read: set[str] = field(default_factory=set)
    #: the conditions placed at the step where their names are all bound (``plan_joins``)
    steps: list[list[CCondition]] = field(default_factory=list)

    def error(self, pos: ast.Pos | None, code: str, message: str, hint: str | None = None) -> None:
        pos = pos or self.rule.pos
        lines = source_lines(self.file.source)
        src = lines[pos.line - 1] if 0 < pos.line <= len(lines) else None
        self.errors.append(Diagnostic(pos.path, message, code, pos.line, pos.column, src, hint))


@lru_cache(maxsize=4)
def source_lines(source: str) -> list[str]:
    """A rule file's lines (sources are read with LF line ends), split once
    per file however many errors it has."""
    return source.split("\n")
