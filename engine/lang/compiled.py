"""Compiled rules: what the compiler produces and the evaluator runs.

Owns the records of a compiled rule: bindings (kind + qualifier
predicates), conditions as ready-to-call closures tagged with the names they
need and the join they allow, ``unless`` and ``note`` sub-queries, the
message template and the rule's examples.  A compiled rule is built once and
evaluated many times; it holds no per-article state.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..facts.model import Fact
from ..vocab.context import EvalContext
from ..vocab.fields import read_article_field, read_field
from ..vocab.kinds import KindDef, QualifierDef
from ..vocab.relations import KeyFn, RelationDef
from .ast import Example, Pos

Env = dict[str, Fact]
Test = Callable[[Env, EvalContext], bool]


@dataclass
class CBinding:
    name: str
    kinds: list[KindDef]
    qualifiers: list[QualifierDef]
    pos: Pos
    phrase: str

    @property
    def fact_kinds(self) -> frozenset[str]:
        return frozenset(k.fact_kind for k in self.kinds)

    def matches(self, fact: Fact) -> bool:
        return any(k.matches(fact) for k in self.kinds) and all(
            fact.kind not in q.applies_to or q.test(fact) for q in self.qualifiers
        )


@dataclass
class JoinSpec:
    """An equi-join: the new binding's facts are looked up under the keys the
    already-bound ``other`` name's fact gives for ``relation``, or, for an
    equality of fields (``a.id = b.time``, ``d.author_statements contains
    s.id``), under the field values (``relation`` is then None)."""

    relation: RelationDef | None
    new_side: str  # "left" or "right": which side of the relation the new name is
    other: str
    new_keys: KeyFn  # the keys of the new name's side
    other_keys: KeyFn  # and of the other side
    #: names the index table of a field equality (the condition's text)
    label: str = ""

    @property
    def table(self) -> str:
        return self.relation.name if self.relation is not None else self.label


@dataclass
class CCondition:
    names: frozenset[str]
    test: Test
    text: str
    pos: Pos
    joins: dict[str, JoinSpec] = field(default_factory=dict)  # new name -> join
    #: work units one test costs at least (its relations' declared costs, 1
    #: for any other test; text tests add by length as they run)
    cost: int = 1


@dataclass
class CQuery:
    """One binding plus conditions, for ``unless`` and ``note``."""

    binding: CBinding
    conditions: list[CCondition]
    pos: Pos
    text: str

    @cached_property
    def outer(self) -> tuple[str, ...]:
        """The names bound outside the query that its conditions read."""
        return tuple(sorted({n for c in self.conditions for n in c.names} - {self.binding.name}))


@dataclass
class CNote:
    query: CQuery
    template: Template


_REF = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")

#: A message or note template (``message``, ``saying``) is at most this many
#: characters and placeholders, and a title at most ``MAX_TITLE`` (checked
#: when compiling: every finding repeats them); a rendered message is cut at
#: ``MAX_RENDERED`` characters.
MAX_TEMPLATE_CHARS = 2_000
MAX_PLACEHOLDERS = 50
MAX_TITLE = 300
MAX_RENDERED = 1_000


class TemplateError(ValueError):
    """A malformed message template; ``offset`` is where in the message."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.offset = offset


@dataclass
class Template:
    """A message with ``{name}`` / ``{name.field}`` placeholders; ``{{`` and
    ``}}`` are literal braces.  ``offsets`` holds where each placeholder's
    ``{`` is in ``source``."""

    source: str
    parts: list[str | tuple[str, list[str]]]
    offsets: list[int] = field(default_factory=list)

    @classmethod
    def literal(cls, text: str) -> Template:
        return cls(text, [text])

    @classmethod
    def parse(cls, source: str) -> Template:
        parts: list[str | tuple[str, list[str]]] = []
        offsets: list[int] = []
        buf: list[str] = []
        i = 0
        while i < len(source):
            ch = source[i]
            if ch in "{}" and source.startswith(ch * 2, i):
                buf.append(ch)
                i += 2
                continue
            if ch == "}":
                raise TemplateError("a lone `}` in the message: write `}}` for a literal brace", i)
            if ch == "{":
                j = source.find("}", i + 1)
                if j < 0 or "{" in source[i + 1 : j]:
                    raise TemplateError("`{` is not closed: write `{name.field}`, or `{{` for a literal brace", i)
                ref = source[i + 1 : j].strip()
                if not _REF.fullmatch(ref):
                    raise TemplateError(f"`{{{ref}}}` is not a placeholder: write `{{name}}` or `{{name.field}}`", i)
                parts.append("".join(buf))
                buf = []
                name, *path = ref.split(".")
                parts.append((name, path))
                offsets.append(i)
                i = j + 1
                continue
            buf.append(ch)
            i += 1
        parts.append("".join(buf))
        return cls(source, parts, offsets)

    def placeholders(self) -> list[tuple[str, list[str]]]:
        return [p for p in self.parts if isinstance(p, tuple)]

    def render(self, envs: list[Env], ctx: EvalContext) -> str:
        """The message for a group of matches: each placeholder's distinct
        values, in order, joined ("A, B and C").  Linear in the template and
        the matches (what is written so far is tracked, not re-read at each
        placeholder), and cut at ``MAX_RENDERED`` characters."""
        out: list[str] = []
        size = 0
        said = False  # anything but white space written yet
        quotes = _Quotes()  # the template's own words so far (no values)
        for part in self.parts:
            if size > MAX_RENDERED:
                break
            if isinstance(part, str):
                text = part
                quotes.add(part)
            else:
                name, path = part
                values: dict[str, None] = {}
                quoted = quotes.inside()
                for env in envs:
                    value, words = _placeholder_value(env, ctx, name, path)
                    quoted = quoted or words
                    if value:
                        values.setdefault(value)
                ctx.meter.spent += 1 + len(envs)
                text = _join_words(list(values)) if values else "(unknown)"
                if said and not quoted:  # mid-sentence: "denial by a spokesman", not "by A spokesman"
                    text = _sentence_case_off(text)
            out.append(text)
            size += len(text)
            said = said or (text != "" and not text.isspace())
        rendered = "".join(out)
        return rendered if len(rendered) <= MAX_RENDERED else rendered[: MAX_RENDERED - 1] + "\u2026"


_OPENING_QUOTES = "\"\u201c\u2018'\u00ab\u201e"


def _inside_quotes(literal: str) -> bool:
    """Whether a placeholder after ``literal`` stands inside quotation marks
    of the template: an opening mark right before it, or a straight or curly
    double quote still open."""
    return literal.endswith(tuple(_OPENING_QUOTES)) or literal.count('"') % 2 == 1 or literal.count("\u201c") > literal.count("\u201d")


class _Quotes:
    """``_inside_quotes`` of a template's literal text read so far, kept up
    as the text grows (so rendering stays linear in the template)."""

    def __init__(self) -> None:
        self.last = ""
        self.straight = self.opened = self.closed = 0

    def add(self, part: str) -> None:
        if part:
            self.last = part[-1]
            self.straight += part.count('"')
            self.opened += part.count("\u201c")
            self.closed += part.count("\u201d")

    def inside(self) -> bool:
        return self.last in _OPENING_QUOTES and self.last != "" or self.straight % 2 == 1 or self.opened > self.closed


def _placeholder_value(env: Env, ctx: EvalContext, name: str, path: list[str]) -> tuple[str | None, bool]:
    """The text a placeholder shows, and whether it is someone's quoted words
    (a direct statement or a document's own words: never re-cased)."""
    if name == "article":
        value = read_article_field(path[0] if path else "path", path[1:], ctx)
        return (None if value is None else _shown(value)), False
    fact = env.get(name)
    if fact is None:
        return None, False
    value = read_field(fact, path, ctx) if path else fact.cite_span().text
    return (None if value is None else _shown(value)), _quoted_words(fact, path)


def _quoted_words(fact: Fact, path: list[str]) -> bool:
    """A statement's quoted content, or a document's own quoted words."""
    if path and path[0] != "content":
        return False
    if fact.kind == "statement":
        return bool(getattr(fact, "direct", False))
    if fact.kind == "document":
        return bool(path) or getattr(fact, "content", None) is not None
    return False


def _shown(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return _clip(str(value))


def _clip(value: str, width: int = 80) -> str:
    """``value`` with runs of white space as one space, cut to ``width``
    characters with an ellipsis; reads only as much of a long value as it
    needs (the collapsed start of a value is the start of it collapsed)."""
    head = value[: 8 * width]
    text = " ".join(head.split())
    if len(text) <= width and len(head) < len(value):
        text = " ".join(value.split())
    return text if len(text) <= width else text[: width - 3].rstrip() + "\u2026"


#: words capitalised only because they opened a sentence in the article
_OPENING_WORDS = frozenset(
    "a an the this that these those about around over under nearly almost some more most "
    "at up its his her their our".split()
)


def _sentence_case_off(text: str) -> str:
    """The text with a sentence-opening capital lowered when its first word is
    an article or approximator ("A spokesman" -> "a spokesman", "About
    21,000 homes" -> "about 21,000 homes"); names are left alone."""
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and (len(first) == 1 or first[1:].islower()) and first.lower() in _OPENING_WORDS:
        return text[0].lower() + text[1:]
    return text


def _join_words(values: list[str]) -> str:
    if len(values) <= 2:
        return " and ".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


@dataclass
class CompiledRule:
    id: str
    name: str
    title: str
    severity: str
    rationale: str | None
    tags: list[str]
    path: str
    pos: Pos
    bindings: list[CBinding]
    #: conditions to check once binding i is bound (index = binding position)
    steps: list[list[CCondition]]
    unless: list[CQuery]
    notes: list[CNote]
    group_by: list[str]
    message: Template
    examples: list[Example]
    #: a condition reads article.published: without a publication date the
    #: rule cannot fire, and ``check`` says so
    reads_published: bool = False
    #: the lexicons the rule's conditions read (`in lexicon`, `mentions lexicon`)
    lexicons_read: frozenset[str] = frozenset()

    @property
    def condition_count(self) -> int:
        return sum(len(s) for s in self.steps)
