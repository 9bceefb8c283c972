"""The Python API: what a CMS hook, a notebook or the CLI calls.

Owns wiring the layers together: rule files -> ``RuleSet`` (compiled once,
reusable across any number of articles), text -> ``Document`` -> facts (or
facts supplied from elsewhere) -> findings -> ``Report``.  The CLI is a thin
layer over these functions.

    >>> import factlint
    >>> rules = factlint.load_rules()                 # the shipped pack
    >>> report = factlint.check_text(text, published="2020-01-07", rules=rules)
    >>> [f.rule for f in report.findings]
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, Field, ValidationError

from .errors import Diagnostic, UserError, input_error
from .evaluate.evaluator import evaluate
from .evaluate.findings import SEVERITY_RANK, Finding
from .extract import extract_facts
from .facts.model import Fact, FactSet, Span
from .inputs import _no_constant, document_of, facts_in_prose, load_document, published_from_sidecar, validate_published  # noqa: F401 (API)
from .lang.compiled import CompiledRule
from .lang.compiler import compile_rule_files
from .lang.loader import gather_lexicons, parse_rule_files, shipped_rule_files
from .lexicon import Lexicons
from .text.discover import Input
from .text.document import Document
from .text.source import decode_article, read_article
from .vocab.context import EvalContext

SCHEMA_VERSION = 1


@dataclass
class RuleSet:
    """Compiled rules plus the lexicons they and the extractors use."""

    rules: list[CompiledRule]
    lexicons: Lexicons
    sources: list[str] = field(default_factory=list)
    #: what loading the rules found that has no effect, or not the one its
    #: layout suggests (``check`` and ``test`` print them; never an error)
    warnings: list[Diagnostic] = field(default_factory=list)

    def by_id(self, rule_id: str) -> CompiledRule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def only(self, rule_ids: list[str]) -> RuleSet:
        return RuleSet([r for r in self.rules if r.id in rule_ids], self.lexicons, self.sources, self.warnings)


def load_rules(
    paths: list[str | os.PathLike] | tuple = (),
    default: bool = True,
    extend_lexicons: Mapping[str, Sequence[str]] | None = None,
    extend_source: str = "<config>",
) -> RuleSet:
    """Compile the shipped pack (unless ``default`` is False) plus ``paths``.

    The shipped lexicons are always loaded: extractors need them.  Rule files
    in ``paths`` may define, replace (``lexicon``) or extend (``extend
    lexicon``) lexicons; those changes apply to extraction too, and so do
    ``extend_lexicons`` (name -> phrases, added last, as from ``extend_source``).
    """
    if not paths and default and not extend_lexicons:
        return _default_rules()
    shipped = list(shipped_rule_files())
    warnings: list[Diagnostic] = []
    user = parse_rule_files(list(paths), warnings)
    lexicons = gather_lexicons(shipped + user)
    for name, phrases in (extend_lexicons or {}).items():
        lexicons.extend(name, phrases, extend_source)
    files = (shipped if default else [_lexicons_only(f) for f in shipped]) + user
    rules = compile_rule_files(files, lexicons, warnings, quiet=frozenset(f.path for f in shipped))
    return RuleSet(rules, lexicons, [str(p) for p in paths], warnings)


def _lexicons_only(rf):
    from .lang.ast import RuleFile

    return RuleFile(rf.path, rf.source, [], rf.lexicons, rf.prefix, rf.patterns)


@lru_cache(maxsize=1)
def _default_rules() -> RuleSet:
    shipped = list(shipped_rule_files())
    lexicons = gather_lexicons(shipped)
    return RuleSet(compile_rule_files(shipped, lexicons), lexicons, ["<shipped>"])


class Report(BaseModel):
    """The result of checking one article."""

    path: str
    published: str | None = None
    findings: list[Finding] = Field(default_factory=list)
    #: things the user should know that are not findings (a rule cut short)
    notices: list[str] = Field(default_factory=list)
    #: findings hidden by a suppression comment or the baseline, each with its ``suppression``
    suppressed: list[Finding] = Field(default_factory=list)
    #: the work the rules' evaluation took, in the units of its budget
    #: (``evaluate.budget``; not in the JSON report)
    work_units: int = 0

    def at_or_above(self, severity: str) -> list[Finding]:
        rank = SEVERITY_RANK[severity]
        return [f for f in self.findings if SEVERITY_RANK[f.severity] >= rank]


def make_document(text: str, path: str = "<text>", published: str | None = None, input_format: str | None = None) -> Document:
    return document_of(text, path, published, input_format)


def extract(
    text: str, published: str | None = None, rules: RuleSet | None = None, path: str = "<text>", input_format: str | None = None
) -> FactSet:
    """Facts of one article (the default extractor); spans are offsets into the
    prose the extractors read (``inputs.facts_in_file`` locates them in the file)."""
    rules = rules or load_rules()
    return extract_facts(make_document(text, path, published, input_format), rules.lexicons)


def check_document(doc: Document, facts: FactSet, rules: RuleSet, explain: bool = False) -> Report:
    ctx = EvalContext(facts=list(facts.facts), lexicons=rules.lexicons, published=doc.published, path=doc.path, doc=doc)
    notices: list[str] = []
    if doc.published is None:
        blind = sorted(r.id for r in rules.rules if r.reads_published)
        if blind:
            notices.append(
                "no publication date (give --published or a .meta.json beside the file): "
                f"{', '.join(blind)} cannot fire, and dates such as 'on Monday' are not resolved"
            )
    findings = evaluate(rules.rules, ctx, doc, explain, notices)
    return Report(path=doc.path, published=doc.published, findings=findings, notices=notices, work_units=ctx.meter.spent)


def check_text(
    text: str,
    published: str | None = None,
    rules: RuleSet | None = None,
    path: str = "<text>",
    facts: FactSet | None = None,
    explain: bool = False,
    input_format: str | None = None,
) -> Report:
    """Check one article given as text (plain text unless ``input_format``
    names another format); ``facts`` replaces extraction when given."""
    rules = rules or load_rules()
    doc = make_document(text, path, published, input_format)
    if facts is None:
        facts = extract_facts(doc, rules.lexicons)
    return check_document(doc, facts, rules, explain)


def check_file(
    path: str | Input,
    published: str | None = None,
    rules: RuleSet | None = None,
    explain: bool = False,
    facts_path: str | None = None,
    input_format: str | None = None,
    encoding: str | None = None,
) -> Report:
    """Check one article file in any input format (by extension unless
    ``input_format`` is given).  Publication date: the argument, else the
    sidecar metadata, else the article's own metadata."""
    return check_input(path, published, rules, explain, facts_path, input_format, encoding)[1]


def check_input(
    item: str | Input,
    published: str | None = None,
    rules: RuleSet | None = None,
    explain: bool = False,
    facts_path: str | None = None,
    input_format: str | None = None,
    encoding: str | None = None,
) -> tuple[Document, Report]:
    """``check_file`` that also returns the Document read (``doc.source`` is the file as read)."""
    doc = load_document(item, published, input_format, encoding)
    rules = rules or load_rules()
    facts = load_facts_file(facts_path, doc.source, doc) if facts_path else None
    if facts is None:
        facts = extract_facts(doc, rules.lexicons)
    return doc, check_document(doc, facts, rules, explain)


# ---------------------------------------------------------- external facts
class FactsFile(BaseModel):
    """The facts JSON: what ``factlint facts --format json`` prints."""

    schema_version: int = SCHEMA_VERSION
    path: str | None = None
    published: str | None = None
    facts: list = Field(default_factory=list)


#: A facts file describes an article of at most 2 MB, and may be many times
#: its size (every fact repeats the text it covers).
MAX_FACTS_BYTES = 32 * 1024 * 1024


def load_facts_file(path: str, text: str, doc: Document | None = None) -> FactSet:
    """Read and validate a facts file against the article text it describes
    (the file as read; for a format other than plain text, pass its Document
    too: the spans are then moved to the prose the rules read).

    Validation is strict: a number must be a JSON number of the field's type
    (``false`` or ``"0"`` is not 0), offsets, sentence and paragraph numbers
    and other counts are not negative, numbers are finite (no ``NaN``, no
    ``1e999``), ``published`` is a real date, and every span slices the
    article exactly.  Each failure is one error naming the field."""
    raw = read_article(path, MAX_FACTS_BYTES, "facts")
    try:
        data = json.loads(raw, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise UserError(Diagnostic(path, f"not valid JSON: {exc.msg}", "facts", exc.lineno, exc.colno)) from None
    except RecursionError:
        raise input_error(path, "not valid facts JSON: nested too deeply", "facts") from None
    except ValueError as exc:  # an integer of more than 4,300 digits, NaN, Infinity
        raise input_error(path, f"not valid facts JSON: {str(exc).splitlines()[0][:120]}", "facts") from None
    if not isinstance(data, dict):
        raise input_error(path, "facts file must be a JSON object with a `facts` list", "facts")
    version = data.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION or isinstance(version, bool):
        raise input_error(path, f"schema_version {json.dumps(version)[:40]} is not supported (expected {SCHEMA_VERSION})", "facts")
    published = data.get("published")
    if published is not None and not isinstance(published, str):
        raise input_error(path, f"`published` must be a date in the form YYYY-MM-DD, not {json.dumps(published)[:40]}", "facts")
    validate_published(published, path, "`published`", "facts")
    try:
        fs = FactSet.model_validate(
            {"path": data.get("path") or path, "published": published, "facts": data.get("facts", [])}, strict=True
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise input_error(path, f"invalid fact at {where}: {err['msg']}", "facts") from None
    _check_numbers(fs, path)
    _check_spans(fs, text, path)
    return facts_in_prose(fs, doc, path) if doc is not None else fs


def _check_numbers(fs: FactSet, path: str) -> None:
    """No negative integer (offsets, sentence and paragraph numbers, ages,
    counts) and no infinite or NaN number anywhere in a fact."""
    facts: list[Fact] = list(fs.facts)
    for i, fact in enumerate(facts):
        for name, value in fact:
            values = value if isinstance(value, list) else [value]
            for v in values:
                if isinstance(v, bool):
                    continue
                if isinstance(v, int) and v < 0:
                    raise input_error(path, f"facts[{i}] ({fact.id}) {name}: {v} is negative", "facts")
                if isinstance(v, float) and not math.isfinite(v):
                    raise input_error(path, f"facts[{i}] ({fact.id}) {name}: {v} is not a finite number", "facts")


def _check_spans(fs: FactSet, text: str, path: str) -> None:
    seen = set()
    for i, fact in enumerate(fs.facts):
        if fact.id in seen:
            raise input_error(path, f"facts[{i}]: duplicate fact id {fact.id!r}", "facts")
        seen.add(fact.id)
        spans = [("fact", Span.model_construct(start=fact.start, end=fact.end, text=fact.text))]
        for name, value in fact:
            if isinstance(value, Span):
                spans.append((name, value))
            elif isinstance(value, list):
                spans.extend((f"{name}[{k}]", v) for k, v in enumerate(value) if isinstance(v, Span))
        for name, span in spans:
            if span.end < span.start:
                raise input_error(path, f"facts[{i}] ({fact.id}) {name}: span ends ({span.end}) before it starts ({span.start})", "facts")
            if span.end > len(text):
                raise input_error(
                    path,
                    f"facts[{i}] ({fact.id}) {name}: span {span.start}-{span.end} lies outside the article ({len(text)} characters)",
                    "facts",
                )
            if text[span.start : span.end] != span.text:
                raise input_error(
                    path,
                    f"facts[{i}] ({fact.id}) {name}: text {span.text[:40]!r} does not match the article at {span.start}-{span.end}",
                    "facts",
                )


def decode_text(data: bytes, path: str) -> str:
    """Decode article bytes as factlint does for files (for callers with bytes)."""
    return decode_article(data, path)
