"""The rule compiler: AST -> compiled rules, as an ordered list of named passes.

Each pass checks or builds one thing and reports problems as diagnostics
with a code, the rule file's path, line and column, the source line and a
plain-words message with a "did you mean" where one fits.  A rule's passes
stop at the first pass that found an error, so one mistake is reported
once, not as a cascade.  Nothing here evaluates anything from a rule file as
code: patterns go to RE2 (linear time), values are data.

Passes, in order: check_ids, check_clauses, resolve_patterns, resolve_names,
check_conditions, check_templates, check_examples, plan_joins.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..errors import MAX_SHOWN, Diagnostic, UserError
from ..lexicon import Lexicons
from ..vocab.fields import ARTICLE, ARTICLE_FIELDS, SPAN_SUBFIELDS, field_type, fields_of
from ..vocab.kinds import QUALIFIERS, KindDef, known_kind_words, resolve_kind
from . import ast
from .compiled import (
    MAX_PLACEHOLDERS,
    MAX_TEMPLATE_CHARS,
    MAX_TITLE,
    CBinding,
    CCondition,
    CNote,
    CompiledRule,
    CQuery,
    Template,
    TemplateError,
)
from .conditions import ConditionBuilder, compile_pattern, describe, did_you_mean, name_hint
from .unit import Unit, source_lines

ID_PATTERN = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*(/[a-z][a-z0-9]*(-[a-z0-9]+)*)*")
SINGLE_CLAUSES = ("title", "severity", "rationale", "message", "group")


# ------------------------------------------------------------------ passes
def check_ids(u: Unit) -> None:
    name = u.rule.name
    if "/" in name or not ID_PATTERN.fullmatch(name):
        u.error(u.rule.pos, "bad-id", f"rule name `{name}` must be lower-case words joined by hyphens")
        return
    u.rule_id = f"{u.file.prefix}/{name}" if u.file.prefix else name
    seen = u.seen
    if u.rule_id in seen:
        first = seen[u.rule_id]
        u.error(u.rule.pos, "duplicate-id", f"rule id `{u.rule_id}` is already defined at {first.path}:{first.line}:{first.column}")
    else:
        seen[u.rule_id] = u.rule.pos


def check_clauses(u: Unit) -> None:
    for clause, pos in u.rule.repeated:
        u.error(pos, "duplicate-clause", f"`{clause}` is given twice in rule `{u.rule.name}`; keep one")
    if not u.rule.bindings:
        u.error(
            u.rule.pos,
            "no-binding",
            f"rule `{u.rule.name}` matches no facts: add a sentence such as "
            "`an official denial conflicts with a reported letter` or a `match` clause",
        )


def _resolve_binding(u: Unit, b: ast.Binding) -> CBinding | None:
    kinds: list[KindDef] = []
    ok = True
    word_pos = b.pattern.word_pos or [b.pattern.pos] * len(b.pattern.words)
    kind_pos = [word_pos[-1]] + [b.pattern.pos] * len(b.pattern.alternatives)
    for word, pos in zip(b.pattern.kinds, kind_pos):
        kind = resolve_kind(word, u.lexicons)
        if kind is None:
            hint = did_you_mean(word, known_kind_words(u.lexicons) + list(QUALIFIERS))
            u.error(
                pos,
                "unknown-kind",
                f"unknown kind `{word}`; a pattern ends with a kind such as denial, statement, report, letter, event, quantity, role",
                hint,
            )
            ok = False
        else:
            kinds.append(kind)
    quals = []
    for word, pos in zip(b.pattern.qualifiers, word_pos):
        qual = QUALIFIERS.get(word)
        if qual is None:
            if resolve_kind(word, u.lexicons) is not None:
                u.error(
                    pos,
                    "unknown-qualifier",
                    f"`{word}` is a kind, not a qualifier; a pattern has one kind, last (use `or` for alternatives: `a letter or memo`)",
                )
            else:
                u.error(pos, "unknown-qualifier", f"unknown qualifier `{word}`", did_you_mean(word, QUALIFIERS))
            ok = False
            continue
        fact_kinds = {k.fact_kind for k in kinds}
        if kinds and not (fact_kinds & qual.applies_to):
            u.error(
                pos,
                "qualifier-not-applicable",
                f"qualifier `{word}` does not apply to a {kinds[0].name} (it applies to: {', '.join(sorted(qual.applies_to))})",
            )
            ok = False
        quals.append(qual)
    if not ok:
        return None
    phrase = " ".join(b.pattern.words) + "".join(f" or {a}" for a in b.pattern.alternatives)
    return CBinding(b.name, kinds, quals, b.pos, phrase)


def resolve_patterns(u: Unit) -> None:
    for b in u.rule.bindings:
        cb = _resolve_binding(u, b)
        if cb is not None:
            u.bindings.append(cb)
    for sub in [x.binding for x in u.rule.unless] + [n.binding for n in u.rule.notes]:
        _resolve_binding(u, sub)


def resolve_names(u: Unit) -> None:
    for b in u.bindings:
        if b.name in u.names:
            u.error(b.pos, "duplicate-name", f"`{b.name}` is bound twice; give each fact its own name")
        elif b.name == ARTICLE:
            u.error(b.pos, "duplicate-name", "`article` is a built-in name (article.published); choose another")
        else:
            u.names[b.name] = b
    for name in u.rule.group_by:
        if name not in u.names:
            u.error(u.rule.group_pos, "unbound-name", f"`group by {name}`: no fact is bound to `{name}`", did_you_mean(name, u.names))


def check_conditions(u: Unit) -> None:
    builder = ConditionBuilder(u, dict(u.names))
    for cond in u.rule.conditions:
        for part in _conjuncts(cond):
            built = builder.build(part)
            if built is not None:
                u.conditions.append(built)
    for sub in u.rule.unless:
        q = _query(u, sub.binding, sub.condition, sub.pos)
        if q is not None:
            u.unless.append(q)
    for note in u.rule.notes:
        q = _query(u, note.binding, note.condition, note.pos)
        if q is not None:
            names = {**u.names, q.binding.name: q.binding}
            u.notes.append(CNote(q, _template(u, note.message, note.message_pos, names, note.message_map)))


def _query(u: Unit, binding: ast.Binding, cond: ast.Condition | None, pos: ast.Pos) -> CQuery | None:
    cb = _resolve_binding(u, binding)
    if cb is None:
        return None
    if cb.name in u.names:
        u.error(binding.pos, "duplicate-name", f"`{cb.name}` is already bound in this rule; name the fact in `unless`/`note` differently")
        return None
    names = {**u.names, cb.name: cb}
    builder = ConditionBuilder(u, names)
    conds = []
    for part in _conjuncts(cond) if cond is not None else []:
        built = builder.build(part)
        if built is not None:
            conds.append(built)
    text = f"{cb.name}: {cb.phrase}" + (f" such that {describe(cond)}" if cond is not None else "")
    return CQuery(cb, conds, pos, text)


def _conjuncts(cond: ast.Condition) -> list[ast.Condition]:
    if isinstance(cond, ast.And):
        out = []
        for item in cond.items:
            out.extend(_conjuncts(item))
        return out
    return [cond]


def _template(
    u: Unit, source: str | None, pos: ast.Pos | None, names: dict[str, CBinding], where: ast.StringMap | None = None
) -> Template:
    """Compile a message template; a problem is reported at the placeholder
    (``where`` says where each character of the string was written)."""

    def at(offset: int) -> ast.Pos | None:
        return where.pos(offset) if where is not None else pos

    if len(source or "") > MAX_TEMPLATE_CHARS:  # every finding repeats it
        u.error(pos, "too-long", f"a message may have at most {MAX_TEMPLATE_CHARS:,} characters; this one has {len(source or ''):,}",
                "put the detail in `rationale`")
        return Template.literal("")
    try:
        tpl = Template.parse(source or "")
    except TemplateError as err:
        u.error(at(err.offset), "bad-placeholder", str(err))
        return Template.literal(source or "")
    if len(tpl.offsets) > MAX_PLACEHOLDERS:
        u.error(at(tpl.offsets[MAX_PLACEHOLDERS]), "too-long",
                f"a message may have at most {MAX_PLACEHOLDERS} placeholders; this one has {len(tpl.offsets):,}")
        return tpl
    for (name, path), offset in zip(tpl.placeholders(), tpl.offsets):
        shown = "{" + ".".join([name, *path]) + "}"
        if name == ARTICLE:
            typ = ARTICLE_FIELDS.get(path[0]) if path else None
            if typ is None or len(path) > 2 or (len(path) == 2 and (typ != "text" or path[1] not in SPAN_SUBFIELDS)):
                u.error(at(offset), "bad-placeholder", f"`{shown}`: article has the fields {', '.join(ARTICLE_FIELDS)}",
                        did_you_mean(path[0], ARTICLE_FIELDS) if path else None)
            continue
        b = names.get(name)
        if b is None:
            u.error(at(offset), "bad-placeholder", f"placeholder `{shown}` names `{name}`, which is not bound", name_hint(name, names))
            continue
        if path:
            for kind in sorted(b.fact_kinds):
                if field_type(kind, path) is None:
                    u.error(
                        at(offset),
                        "bad-placeholder",
                        f"placeholder `{shown}`: a {kind} has no field `{'.'.join(path)}`",
                        did_you_mean(path[0], fields_of(kind)),
                    )
                    break
    return tpl


def check_templates(u: Unit) -> None:
    if u.rule.title is not None and len(u.rule.title) > MAX_TITLE:
        u.error(u.rule.clause_pos.get("title", u.rule.pos), "too-long",
                f"a title may have at most {MAX_TITLE} characters; this one has {len(u.rule.title):,}", "put the detail in `rationale`")
    if u.rule.message is not None:
        u.message = _template(u, u.rule.message, u.rule.message_pos, u.names, u.rule.message_map)
    else:  # the title, as written: it is not a template
        u.message = Template.literal(u.rule.title or f"rule {u.rule.name} matched")


_MARK = re.compile(r"\[\[|\]\]")


def check_examples(u: Unit) -> None:
    from ..vocab.fields import DateValue

    for ex in u.rule.examples:
        depth = 0
        for m in _MARK.finditer(ex.text):
            depth += 1 if m.group() == "[[" else -1
            if depth not in (0, 1):
                break
        if depth != 0:
            u.error(ex.pos, "bad-example", "unbalanced `[[` `]]` span markers in example (they must pair up and not nest)")
        if ex.kind == "passes" and "[[" in ex.text:
            u.error(ex.pos, "bad-example", "a `passes` example marks no spans: `[[`...`]]` belongs in `fires` examples")
        if ex.published and DateValue.parse(ex.published) is None:
            u.error(ex.pos, "bad-example", f"`published {ex.published}` is not a valid date")


def plan_joins(u: Unit) -> None:
    """Place each condition at the first step where all its names are bound."""
    order = {b.name: i for i, b in enumerate(u.bindings)}
    steps: list[list[CCondition]] = [[] for _ in u.bindings]
    for cond in u.conditions:
        needed = [order[n] for n in cond.names if n in order]
        steps[max(needed) if needed else 0].append(cond)
    for i, conds in enumerate(steps):
        # conditions that can serve as an index lookup go first: relations,
        # then equalities of fields (the evaluator uses the one that gives
        # the fewest candidates)
        name = u.bindings[i].name
        conds.sort(key=lambda c: 2 if name not in c.joins else 0 if c.joins[name].relation is not None else 1)
    u.steps = steps


_WORD_CHAR = re.compile(r"\w")
#: Size limits of one lexicon (the largest shipped one has about 540 phrases):
#: matching cost grows with the number of phrases, prefix phrases the most.
MAX_LEXICON_PHRASES = 5_000
MAX_LEXICON_PREFIXES = 500


def check_lexicon_sizes(lexicons: Lexicons) -> list[Diagnostic]:
    out = []
    for name in lexicons.names():
        lex = lexicons.get(name)
        prefixes = sum(p.endswith("*") for p in lex.phrases)
        if len(lex.phrases) > MAX_LEXICON_PHRASES or prefixes > MAX_LEXICON_PREFIXES:
            out.append(
                Diagnostic(
                    lex.path,
                    f"lexicon `{name}` has {len(lex.phrases):,} phrases ({prefixes:,} ending in `*`); "
                    f"the limits are {MAX_LEXICON_PHRASES:,} and {MAX_LEXICON_PREFIXES:,}",
                    "lexicon-too-large",
                    lex.line or None,
                )
            )
    return out


def check_lexicon_phrases(rf: ast.RuleFile) -> list[Diagnostic]:
    """Every lexicon phrase must contain a word (`*` alone would match anything)."""
    out = []
    for lx in rf.lexicons:
        for phrase in lx.phrases:
            if not _WORD_CHAR.search(phrase.replace("*", "")):
                src = _source_line(rf, lx.pos.line)
                out.append(
                    Diagnostic(
                        lx.pos.path,
                        f"lexicon `{lx.name}`: phrase {phrase!r} has no word in it; a phrase is one or more words (`*` may end a word)",
                        "bad-phrase",
                        lx.pos.line,
                        lx.pos.column,
                        src,
                    )
                )
    return out


def compile_patterns(files: list[ast.RuleFile]) -> tuple[dict, dict[str, ast.PatternDef], list[Diagnostic]]:
    """The named patterns of every file, compiled by RE2 (a later definition
    of a name replaces an earlier one, as for lexicons), where each was
    defined, and the patterns that do not compile."""
    compiled: dict = {}
    defined: dict[str, ast.PatternDef] = {}
    errors: list[Diagnostic] = []
    for rf in files:
        for pd in rf.patterns:
            rx, problem = compile_pattern(pd.pattern)
            compiled[pd.name] = rx  # None for a broken pattern: its uses are not reported again
            defined[pd.name] = pd
            if rx is None:
                pos = pd.pattern_pos or pd.pos
                errors.append(
                    Diagnostic(pos.path, f'pattern `{pd.name}` is not a valid RE2 regular expression ({problem})', "bad-pattern",
                               pos.line, pos.column, _source_line(rf, pos.line))
                )
    return compiled, defined, errors


def _source_line(rf: ast.RuleFile, line: int) -> str | None:
    lines = source_lines(rf.source)
    return lines[line - 1] if 0 < line <= len(lines) else None


def _warning(rf: ast.RuleFile, pos: ast.Pos, code: str, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(pos.path, message, code, pos.line, pos.column, _source_line(rf, pos.line), hint, level="warning")


def check_layout(rf: ast.RuleFile) -> list[Diagnostic]:
    """Warnings for clauses whose indentation says another rule than the one
    they belong to (indentation is not significant: a clause belongs to the
    last `rule` before it): a clause that starts a line no deeper than its
    `rule`, and a `rule` indented deeper than the one before it (it reads as
    a clause of that rule, and takes the clauses after it)."""
    out = []
    previous: tuple[ast.Rule, ast.Pos] | None = None
    for rule in rf.rules:
        if not rule.clause_starts:
            continue
        head = rule.clause_starts[0][1]
        nested = previous is not None and _starts_line(rf, head) and head.column > previous[1].column
        if previous is not None and nested:
            out.append(_warning(
                rf, head, "layout",
                f"`rule {rule.name}` is indented like a clause of `rule {previous[0].name}` (line {previous[1].line}), "
                f"but it starts a new rule: the clauses after it belong to `{rule.name}`",
                "indentation is not significant; start every rule at the same column",
            ))
        for kind, pos in rule.clause_starts[1:]:
            # (under a rule already reported as nested, only clauses left of it)
            if _starts_line(rf, pos) and (pos.column < head.column or (pos.column == head.column and not nested)):
                word = {"bindings": "match", "sentence": "the sentence"}.get(kind, kind)
                out.append(_warning(
                    rf, pos, "layout",
                    f"`{word}` is not indented under `rule {rule.name}` (line {head.line}), but it belongs to that rule",
                    "indentation is not significant: a clause belongs to the last `rule` before it; indent it, or start a new rule",
                ))
        previous = (rule, head)
    return out


def _starts_line(rf: ast.RuleFile, pos: ast.Pos) -> bool:
    line = _source_line(rf, pos.line) or ""
    return not line[: pos.column - 1].strip()


# ------------------------------------------------------------------ driver
def compile_rule_files(
    files: list[ast.RuleFile], lexicons: Lexicons, warnings: list[Diagnostic] | None = None, quiet: frozenset[str] = frozenset()
) -> list[CompiledRule]:
    """Compile every rule of ``files``; raise one UserError listing all problems.

    Warnings (what has no effect, or not the one its layout suggests) are
    appended to ``warnings``, except for the files whose paths are in
    ``quiet`` (the shipped pack)."""
    seen: dict[str, ast.Pos] = {}
    errors: list[Diagnostic] = check_lexicon_sizes(lexicons)
    patterns, pattern_defs, pattern_errors = compile_patterns(files)
    errors.extend(pattern_errors)
    found: list[Diagnostic] = []
    read_patterns: set[str] = set()
    compiled: list[CompiledRule] = []
    for rf in files:
        errors.extend(check_lexicon_phrases(rf))
        found.extend(check_layout(rf))
        for rule in rf.rules:
            if len(errors) >= MAX_SHOWN:  # a hostile file can hold thousands: stop
                raise UserError(errors[:MAX_SHOWN], stopped_early=True)
            u = Unit(rule, rf, lexicons, seen, patterns=patterns)
            try:
                _run_passes(u)
            except RecursionError:
                u.error(
                    rule.pos,
                    "too-deep",
                    f"rule `{rule.name}`: conditions are nested too deeply (hundreds of levels of not/and/or/parentheses)",
                )
            read_patterns |= u.patterns_read
            if u.errors:
                errors.extend(u.errors)
                continue
            assert u.message is not None  # every pass ran, check_templates too
            compiled.append(
                CompiledRule(
                    id=u.rule_id,
                    name=rule.name,
                    title=rule.title or rule.name,
                    severity=rule.severity or "warning",
                    rationale=rule.rationale,
                    tags=rule.tags,
                    path=rf.path,
                    pos=rule.pos,
                    bindings=u.bindings,
                    steps=u.steps,
                    unless=u.unless,
                    notes=u.notes,
                    group_by=rule.group_by,
                    message=u.message,
                    examples=rule.examples,
                    reads_published=u.reads_published,
                    lexicons_read=frozenset(u.lexicons_read),
                )
            )
    if errors:
        raise UserError(errors)
    by_path = {rf.path: rf for rf in files}
    for name, pd in pattern_defs.items():
        if name not in read_patterns:
            found.append(_warning(by_path[pd.pos.path], pd.pos, "unused-pattern",
                                  f"pattern `{name}` is defined but no rule uses it (`x.field matches pattern {name}`)"))
    if warnings is not None:
        shown = [d for d in found if d.path not in quiet]
        warnings.extend(shown[:MAX_SHOWN])
        if len(shown) > MAX_SHOWN:  # a hostile file can hold thousands
            warnings.append(Diagnostic(shown[MAX_SHOWN].path, f"... and {len(shown) - MAX_SHOWN:,} more warnings (the first {MAX_SHOWN} "
                                       "are shown)", "more-warnings", level="warning"))
    return compiled


#: The passes, in order.  The order matters: ids and clauses are checked
#: before anything is resolved; patterns (kinds, qualifiers) before names,
#: since a binding's kind decides its fields; names before the conditions
#: that use them; templates and examples read the resolved names; joins are
#: planned last, from the checked conditions.  A rule stops at the first
#: pass that reports an error, so one mistake is reported once.
PASSES: tuple[tuple[str, Callable[[Unit], None]], ...] = (
    ("check_ids", check_ids),
    ("check_clauses", check_clauses),
    ("resolve_patterns", resolve_patterns),
    ("resolve_names", resolve_names),
    ("check_conditions", check_conditions),
    ("check_templates", check_templates),
    ("check_examples", check_examples),
    ("plan_joins", plan_joins),
)


def _run_passes(u: Unit) -> None:
    for _name, run in PASSES:
        run(u)
        if u.errors:
            return
