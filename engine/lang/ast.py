"""AST of the rule language: plain records built by ``build.py``.

Owns: the shape of a parsed rule file.  Every node carries ``pos`` (path,
line, column of its first token) so the compiler can point at it.  No node
has behaviour; meaning is given by ``compiler`` and ``vocabulary``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Pos:
    path: str
    line: int
    column: int


# ------------------------------------------------------------------ patterns
@dataclass
class Pattern:
    """``an official denial`` / ``a reported letter or memo``: qualifiers + kind(s)."""

    words: list[str]
    alternatives: list[str]
    pos: Pos
    word_pos: list[Pos] = field(default_factory=list)

    @property
    def qualifiers(self) -> list[str]:
        return self.words[:-1]

    @property
    def kind(self) -> str:
        return self.words[-1]

    @property
    def kinds(self) -> list[str]:
        return [self.words[-1], *self.alternatives]


@dataclass
class Binding:
    name: str
    pattern: Pattern
    pos: Pos


# ---------------------------------------------------------------- conditions
@dataclass
class FieldRef:
    name: str
    path: list[str]
    pos: Pos


@dataclass
class Literal:
    value: object  # str, float, bool, or a date string
    type: str  # "string", "number", "bool", "date"
    pos: Pos


@dataclass
class DateShift:
    base: Expr
    sign: int
    amount: int
    unit: str  # day, week, month, year
    pos: Pos


Expr = FieldRef | Literal | DateShift


@dataclass
class Relation:
    left: str
    #: conflicts_with, disavows, cites, differs_from, agrees_with, spelled_differently,
    #: before, after, same_<x>, same_sentence, same_paragraph, within
    relation: str
    right: str
    pos: Pos
    left_pos: Pos | None = None
    right_pos: Pos | None = None
    #: ``a is not before b``, ``d does not conflict with doc``
    negated: bool = False
    #: the N of ``is within N words of``
    amount: int | None = None


@dataclass
class Qualified:
    name: str
    qualifier: str
    negated: bool
    pos: Pos


@dataclass
class Place:
    name: str
    place: str  # headline, body, standfirst, first paragraph
    negated: bool
    pos: Pos


@dataclass
class Compare:
    left: Expr
    #: = != < > <= >= contains matches mentions in_lexicon missing tolerance
    op: str
    right: Expr | None
    pos: Pos
    negated: bool = False
    #: ``in lexicon NAME``, ``mentions lexicon NAME``
    lexicon: str | None = None
    #: ``matches "..."``: the pattern; ``matches pattern NAME``: its name in ``pattern_name``
    pattern: str | None = None
    pattern_name: str | None = None
    amount: float | None = None
    percent: bool = False
    #: ``= ... ignoring punctuation``
    ignoring_punctuation: bool = False
    #: where the pattern string (or a pattern name) starts, for carets inside it
    pattern_pos: Pos | None = None


@dataclass
class And:
    items: list[Condition]
    pos: Pos


@dataclass
class Or:
    items: list[Condition]
    pos: Pos


@dataclass
class Not:
    item: Condition
    pos: Pos


Condition = Relation | Qualified | Place | Compare | And | Or | Not


# ------------------------------------------------------------------- clauses
@dataclass
class Unless:
    binding: Binding
    condition: Condition | None
    pos: Pos


@dataclass
class Note:
    binding: Binding
    condition: Condition | None
    message: str
    pos: Pos
    message_pos: Pos | None = None
    #: where each character of ``message`` was written (see ``StringMap``)
    message_map: StringMap | None = None


@dataclass(frozen=True)
class StringMap:
    """Where the characters of a decoded string literal were written: the
    (line, column) in the rule file of each character, and of the position
    just past the last one.  A caret can then point inside a string (at a
    bad placeholder) whatever escapes or dedenting the literal went through."""

    path: str
    positions: tuple[tuple[int, int], ...]

    def pos(self, offset: int) -> Pos:
        if not self.positions:
            return Pos(self.path, 1, 1)
        line, column = self.positions[max(0, min(offset, len(self.positions) - 1))]
        return Pos(self.path, line, column)


@dataclass
class Example:
    kind: str  # fires | passes
    text: str
    pos: Pos
    published: str | None = None


@dataclass
class Rule:
    name: str
    pos: Pos
    title: str | None = None
    severity: str | None = None
    rationale: str | None = None
    tags: list[str] = field(default_factory=list)
    bindings: list[Binding] = field(default_factory=list)
    conditions: list[Condition] = field(default_factory=list)
    unless: list[Unless] = field(default_factory=list)
    message: str | None = None
    message_pos: Pos | None = None
    message_map: StringMap | None = None
    notes: list[Note] = field(default_factory=list)
    group_by: list[str] = field(default_factory=list)
    group_pos: Pos | None = None
    examples: list[Example] = field(default_factory=list)
    clause_pos: dict[str, Pos] = field(default_factory=dict)
    repeated: list[tuple[str, Pos]] = field(default_factory=list)
    #: every clause's keyword and where it starts, in order (for layout warnings)
    clause_starts: list[tuple[str, Pos]] = field(default_factory=list)


@dataclass
class LexiconDef:
    name: str
    phrases: list[str]
    extend: bool
    pos: Pos


@dataclass
class PatternDef:
    """``pattern spokesperson: "(?i)\\bspokes(man|woman|person)\\b"``: a named RE2 pattern."""

    name: str
    pattern: str
    pos: Pos
    pattern_pos: Pos | None = None


@dataclass
class RuleFile:
    path: str
    source: str
    rules: list[Rule] = field(default_factory=list)
    lexicons: list[LexiconDef] = field(default_factory=list)
    #: id prefix: the file's folder relative to the rules root ("" for none)
    prefix: str = ""
    patterns: list[PatternDef] = field(default_factory=list)
