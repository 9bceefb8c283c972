"""Checking and building conditions: AST condition -> typed closure.

Owns the type rules of conditions (what may be compared with what), field
and lexicon resolution, RE2 compilation of ``matches`` patterns, relation
applicability, and which relations can drive an indexed join.  Also
``describe``: a condition written back as text, for ``--explain``.

Semantics worth knowing: a comparison involving a missing value is false
(use ``is missing`` to test for absence); text comparisons ignore case and
runs of white space; ``matches`` uses RE2 syntax (linear time, no
backreferences) and searches anywhere in the text.
"""

from __future__ import annotations

from collections.abc import Callable

from ..vocab.fields import (
    ARTICLE,
    ARTICLE_FIELDS,
    DateValue,
    compare_dates,
    field_type,
    fields_of,
    read_field,
)
from ..vocab.kinds import QUALIFIERS
from ..vocab.relations import RELATIONS
from . import ast
from .compiled import CBinding, CCondition, Env, JoinSpec
from .unit import Unit

ValueFn = Callable[[Env, object], object]

_RELATION_PHRASE = {
    "conflicts_with": "conflicts with", "disavows": "disavows", "cites": "cites",
    "differs_from": "differs from", "agrees_with": "agrees with",
    "spelled_differently": "is spelled differently from", "before": "is before", "after": "is after",
    "same_sentence": "is in the same sentence as", "same_paragraph": "is in the same paragraph as",
}


def relation_phrase(name: str) -> str:
    return _RELATION_PHRASE.get(name) or "is the same " + name.removeprefix("same_") + " as"


def describe(c) -> str:
    """A condition or expression written back in rule-language form."""
    if isinstance(c, ast.And):
        return " and ".join(_paren(i) for i in c.items)
    if isinstance(c, ast.Or):
        return " or ".join(_paren(i) for i in c.items)
    if isinstance(c, ast.Not):
        return "not " + _paren(c.item)
    if isinstance(c, ast.Relation):
        return f"{c.left} {relation_phrase(c.relation)} {c.right}"
    if isinstance(c, ast.Qualified):
        return f"{c.name} is {'not ' if c.negated else ''}{c.qualifier}"
    if isinstance(c, ast.Place):
        return f"{c.name} is {'not ' if c.negated else ''}in the {c.place}"
    if isinstance(c, ast.Compare):
        left = describe(c.left)
        if c.op == "in_lexicon":
            return f"{left} {'not ' if c.negated else ''}in lexicon {c.lexicon}"
        if c.op == "missing":
            return f"{left} is {'not ' if c.negated else ''}missing"
        if c.op == "matches":
            return f'{left} matches "{_quote(c.pattern)}"'
        if c.op == "tolerance":
            amount = f"{c.amount:g}{'%' if c.percent else ''}"
            return f"{left} differs by more than {amount} from {describe(c.right)}"
        return f"{left} {c.op} {describe(c.right)}"
    if isinstance(c, ast.FieldRef):
        return ".".join([c.name, *c.path])
    if isinstance(c, ast.Literal):
        if c.type == "string":
            return '"' + _quote(str(c.value)) + '"'
        if c.type == "number":
            return f"{c.value:g}"
        return str(c.value).lower() if c.type == "bool" else str(c.value)
    if isinstance(c, ast.DateShift):
        return f"{describe(c.base)} {'+' if c.sign > 0 else '-'} {c.amount} {c.unit}{'s' if c.amount != 1 else ''}"
    return str(c)


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _paren(c) -> str:
    text = describe(c)
    return f"({text})" if isinstance(c, (ast.And, ast.Or)) else text


def did_you_mean(word: str, choices) -> str | None:
    import difflib  # only an error message needs it

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else None


def _on_values(lf: ValueFn, rf: ValueFn, test) -> Callable[[Env, object], bool]:
    """A two-value condition; a missing value on either side makes it false."""

    def condition(env, ctx):
        a, b = lf(env, ctx), rf(env, ctx)
        return a is not None and b is not None and test(a, b)

    return condition


def _norm_text(value) -> str:
    return " ".join(str(value).replace("\u2019", "'").casefold().split())


class ConditionBuilder:
    def __init__(self, unit: Unit, names: dict[str, CBinding]):
        self.u = unit
        self.names = names

    # ---------------------------------------------------------------- names
    def _binding(self, name: str, pos: ast.Pos) -> CBinding | None:
        b = self.names.get(name)
        if b is None:
            inner = {x.binding.name for x in [*self.u.rule.unless, *self.u.rule.notes]}
            if name in inner:
                self.u.error(
                    pos,
                    "unbound-name",
                    f"`{name}` is bound only inside its `unless`/`note` clause; put conditions on it after `such that` in that clause",
                )
            else:
                self.u.error(pos, "unbound-name", f"`{name}` is not bound to any fact in this rule", did_you_mean(name, self.names))
        return b

    # ---------------------------------------------------------------- build
    def build(self, cond: ast.Condition) -> CCondition | None:
        errors_before = len(self.u.errors)
        names: set[str] = set()
        test = self._cond(cond, names)
        if test is None or len(self.u.errors) > errors_before:
            return None
        joins = {}
        if isinstance(cond, ast.Relation):
            rel = RELATIONS[cond.relation]
            if rel.left_keys is not None and rel.right_keys is not None:
                joins[cond.right] = JoinSpec(rel, "right", cond.left)
                joins[cond.left] = JoinSpec(rel, "left", cond.right)
        return CCondition(frozenset(names), test, describe(cond), cond.pos, joins)

    def _cond(self, c: ast.Condition, names: set[str]):
        if isinstance(c, (ast.And, ast.Or)):
            parts = [self._cond(i, names) for i in c.items]
            if any(p is None for p in parts):
                return None
            if isinstance(c, ast.And):
                return lambda env, ctx: all(p(env, ctx) for p in parts)
            return lambda env, ctx: any(p(env, ctx) for p in parts)
        if isinstance(c, ast.Not):
            inner = self._cond(c.item, names)
            return None if inner is None else (lambda env, ctx: not inner(env, ctx))
        if isinstance(c, ast.Relation):
            return self._relation(c, names)
        if isinstance(c, ast.Qualified):
            return self._qualified(c, names)
        if isinstance(c, ast.Place):
            b = self._binding(c.name, c.pos)
            if b is None:
                return None
            names.add(c.name)
            want = c.place == "headline"
            neg = c.negated
            return lambda env, ctx, n=c.name: (env[n].in_headline == want) != neg
        if isinstance(c, ast.Compare):
            return self._compare(c, names)
        raise AssertionError(f"unknown condition {c!r}")

    def _relation(self, c: ast.Relation, names: set[str]):
        rel = RELATIONS[c.relation]
        lb = self._binding(c.left, c.left_pos or c.pos)
        rb = self._binding(c.right, c.right_pos or c.pos)
        if lb is None or rb is None:
            return None
        if c.left == c.right:
            self.u.error(
                c.right_pos or c.pos,
                "self-relation",
                f"`{c.left} {relation_phrase(c.relation)} {c.right}` relates a fact to itself, which never holds; bind a second fact",
            )
            return None
        for b, allowed, side, pos in ((lb, rel.left, "left", c.left_pos), (rb, rel.right, "right", c.right_pos)):
            if not (b.fact_kinds & allowed):
                self.u.error(
                    pos or c.pos,
                    "relation-not-applicable",
                    f"`{relation_phrase(c.relation)}` cannot have a {b.phrase.split(' or ')[0].split()[-1]} on its {side} "
                    f"(it takes: {', '.join(sorted(allowed))})",
                )
                return None
        names.update((c.left, c.right))
        test = rel.test
        return lambda env, ctx, left=c.left, right=c.right: test(env[left], env[right], ctx)

    def _qualified(self, c: ast.Qualified, names: set[str]):
        b = self._binding(c.name, c.pos)
        if b is None:
            return None
        qual = QUALIFIERS.get(c.qualifier)
        if qual is None:
            self.u.error(c.pos, "unknown-qualifier", f"unknown qualifier `{c.qualifier}`", did_you_mean(c.qualifier, QUALIFIERS))
            return None
        if not (b.fact_kinds & qual.applies_to):
            self.u.error(c.pos, "qualifier-not-applicable", f"qualifier `{c.qualifier}` does not apply to `{c.name}` ({b.phrase})")
            return None
        names.add(c.name)
        neg = c.negated
        applies = qual.applies_to
        # a fact of a kind the qualifier does not describe does not have it
        return lambda env, ctx, n=c.name: (env[n].kind in applies and qual.test(env[n])) != neg

    # ------------------------------------------------------------ expressions
    def _expr(self, e, names: set[str]) -> tuple[ValueFn, str] | None:
        if isinstance(e, ast.Literal):
            value = e.value
            if e.type == "date":
                value = DateValue.parse(e.value)
                if value is None:
                    self.u.error(e.pos, "type-mismatch", f"`{e.value}` is not a valid date")
                    return None
            return (lambda env, ctx, v=value: v), e.type
        if isinstance(e, ast.DateShift):
            base = self._expr(e.base, names)
            if base is None:
                return None
            fn, typ = base
            if typ != "date":
                self.u.error(
                    e.pos, "type-mismatch", f"only a date can be shifted by `{e.amount} {e.unit}`; `{describe(e.base)}` is a {typ}"
                )
                return None
            sign, amount, unit = e.sign, e.amount, e.unit

            def shifted(env, ctx):
                v = fn(env, ctx)
                return v.shift(sign, amount, unit) if isinstance(v, DateValue) else None

            return shifted, "date"
        if isinstance(e, ast.FieldRef):
            return self._field(e, names)
        raise AssertionError(f"unknown expression {e!r}")

    def _field(self, e: ast.FieldRef, names: set[str]):
        if e.name == ARTICLE:
            if len(e.path) != 1 or e.path[0] not in ARTICLE_FIELDS:
                self.u.error(
                    e.pos, "unknown-field", f"`article` has the fields {', '.join(ARTICLE_FIELDS)}", did_you_mean(e.path[0], ARTICLE_FIELDS)
                )
                return None
            key = e.path[0]
            typ = ARTICLE_FIELDS[key]
            if key == "published":
                self.u.reads_published = True
                return (lambda env, ctx: DateValue.parse(ctx.published)), typ
            return (lambda env, ctx: ctx.path), typ
        b = self._binding(e.name, e.pos)
        if b is None:
            return None
        types = set()
        for kind in sorted(b.fact_kinds):
            t = field_type(kind, e.path)
            if t is None:
                self.u.error(
                    e.pos, "unknown-field", f"a {kind} has no field `{'.'.join(e.path)}`", did_you_mean(e.path[0], fields_of(kind))
                )
                return None
            types.add(t)
        if len(types) > 1:
            self.u.error(e.pos, "type-mismatch", f"`{describe(e)}` has different types for the kinds of `{e.name}`")
            return None
        typ = types.pop()
        names.add(e.name)
        name, path = e.name, e.path
        if typ == "date":
            return (lambda env, ctx: DateValue.parse(read_field(env[name], path))), typ
        return (lambda env, ctx: read_field(env[name], path)), typ

    def _compare(self, c: ast.Compare, names: set[str]):
        left = self._expr(c.left, names)
        if left is None:
            return None
        lf, lt = left
        op = c.op
        if op == "missing":
            neg = c.negated
            return lambda env, ctx: (lf(env, ctx) in (None, "", [])) != neg
        if op == "in_lexicon":
            if lt not in ("text", "string", "list"):
                self.u.error(c.pos, "type-mismatch", f"`in lexicon` needs text; `{describe(c.left)}` is a {lt}")
                return None
            if c.lexicon not in self.u.lexicons:
                self.u.error(c.pos, "unknown-lexicon", f"no lexicon named `{c.lexicon}`", did_you_mean(c.lexicon, self.u.lexicons.names()))
                return None
            name, neg = c.lexicon, c.negated

            def in_lex(env, ctx):
                v = lf(env, ctx)
                if v is None:
                    return neg
                lex = ctx.lexicons.get(name)
                hit = any(x in lex for x in v) if isinstance(v, list) else v in lex
                return hit != neg

            return in_lex
        if op == "matches":
            if lt not in ("text", "string"):
                self.u.error(c.pos, "type-mismatch", f"`matches` needs text; `{describe(c.left)}` is a {lt}")
                return None
            import re2  # only a rule with `matches` needs RE2

            try:
                opts = re2.Options()
                opts.max_mem = 8 << 20
                opts.log_errors = False
                rx = re2.compile(c.pattern, opts)
            except Exception as exc:  # re2.error
                self.u.error(c.pos, "bad-pattern", f'pattern "{c.pattern}" is not a valid RE2 regular expression ({exc})')
                return None
            return lambda env, ctx: (lambda v: v is not None and rx.search(str(v)) is not None)(lf(env, ctx))
        right = self._expr(c.right, names)
        if right is None:
            return None
        rf, rt = right
        if op == "contains":
            if lt not in ("text", "string", "list") or rt not in ("text", "string"):
                self.u.error(c.pos, "type-mismatch", f"`contains` needs text on both sides; got {lt} and {rt}")
                return None

            def contains(a, b):
                if isinstance(a, list):
                    return any(_norm_text(x) == _norm_text(b) for x in a)
                return _norm_text(b) in _norm_text(a)

            return _on_values(lf, rf, contains)
        if op == "tolerance":
            if lt != "number" or rt != "number":
                self.u.error(c.pos, "type-mismatch", f"`differs by more than` compares numbers; got {lt} and {rt}")
                return None
            amount, percent = c.amount, c.percent

            def tolerance(a, b):
                diff = abs(float(a) - float(b))
                if percent:
                    base = max(abs(float(a)), abs(float(b)))
                    return base > 0 and diff / base * 100 > amount
                return diff > amount

            return _on_values(lf, rf, tolerance)
        return self._ordering(c, lf, lt, rf, rt)

    def _ordering(self, c: ast.Compare, lf, lt, rf, rt):
        textual = {"text", "string"}
        op = c.op
        if lt in textual and rt in textual:
            kind = "text"
        elif lt == rt:
            kind = lt
        else:
            self.u.error(c.pos, "type-mismatch", f"cannot compare `{describe(c.left)}` (a {lt}) with `{describe(c.right)}` (a {rt})")
            return None
        if op not in ("=", "!=") and kind not in ("number", "date"):
            self.u.error(c.pos, "type-mismatch", f"`{op}` orders numbers and dates; `{describe(c.left)}` is a {lt}")
            return None

        def compare(a, b):
            if kind == "date":
                r = compare_dates(a, b)
            elif kind == "text":
                a, b = _norm_text(a), _norm_text(b)
                r = (a > b) - (a < b)
            else:
                if kind == "number":
                    a, b = float(a), float(b)
                r = (a > b) - (a < b)
            return {"=": r == 0, "!=": r != 0, "<": r < 0, ">": r > 0, "<=": r <= 0, ">=": r >= 0}[op]

        return _on_values(lf, rf, compare)
