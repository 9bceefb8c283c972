"""Checking and building conditions: AST condition -> typed closure.

Owns the type rules of conditions (what may be compared with what), field,
lexicon and named-pattern resolution, RE2 compilation of ``matches``
patterns, relation applicability (and negation), and which relations can
drive an indexed join.  Also ``describe``: a condition written back as
text, for ``--explain``.

Semantics worth knowing: a comparison involving a missing value is false
(use ``is missing`` to test for absence); text comparisons ignore case and
runs of white space, and with ``ignoring punctuation`` punctuation and
quotation marks too; ``matches`` uses RE2 syntax (linear time, no
backreferences) and searches anywhere in the text; ``mentions`` finds a
phrase (or any phrase of a lexicon) as whole words inside the text.
"""

from __future__ import annotations

from collections.abc import Callable

from ..lexicon import Lexicon, fast
from ..vocab.context import TEXT_CHUNK
from ..vocab.fields import (
    ARTICLE,
    ARTICLE_FIELDS,
    SPAN_SUBFIELDS,
    DateValue,
    compare_dates,
    field_type,
    fields_of,
    read_article_field,
    read_field,
)
from ..vocab.kinds import QUALIFIERS
from ..vocab.relations import RELATIONS, within_words
from ..vocab.surroundings import in_place
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


_NEGATED_PHRASE = {
    "conflicts_with": "does not conflict with", "disavows": "does not disavow", "cites": "does not cite",
    "differs_from": "does not differ from", "agrees_with": "does not agree with",
}


def relation_phrase(name: str, negated: bool = False, amount: int | None = None) -> str:
    if name == "within":
        return f"is {'not ' if negated else ''}within {amount} word{'s' if amount != 1 else ''} of"
    if negated:
        return _NEGATED_PHRASE.get(name) or "is not " + relation_phrase(name).removeprefix("is ")
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
        return f"{c.left} {relation_phrase(c.relation, c.negated, c.amount)} {c.right}"
    if isinstance(c, ast.Qualified):
        return f"{c.name} is {'not ' if c.negated else ''}{c.qualifier}"
    if isinstance(c, ast.Place):
        return f"{c.name} is {'not ' if c.negated else ''}in the {c.place}"
    if isinstance(c, ast.Compare):
        left = describe(c.left)
        neg = "not " if c.negated else ""
        if c.op == "in_lexicon":
            return f"{left} {neg}in lexicon {c.lexicon}"
        if c.op == "missing":
            return f"{left} is {neg}missing"
        if c.op == "matches":
            if c.pattern_name is not None:
                return f"{left} {neg}matches pattern {c.pattern_name}"
            return f'{left} {neg}matches "{_quote(c.pattern or "")}"'
        if c.op == "mentions":
            what = f"lexicon {c.lexicon}" if c.lexicon is not None else describe(c.right)
            return f"{left} {neg}mentions {what}"
        if c.op == "contains":
            return f"{left} {neg}contains {describe(c.right)}"
        if c.op == "tolerance":
            amount = f"{c.amount:g}{'%' if c.percent else ''}"
            return f"{left} differs by more than {amount} from {describe(c.right)}"
        return f"{left} {c.op} {describe(c.right)}" + (" ignoring punctuation" if c.ignoring_punctuation else "")
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


def name_hint(word: str, names) -> str | None:
    """A hint for a name that is not bound: a close name, the one bound name
    that is its initial or a prefix of it (`email` -> `e`), else the list."""
    names = sorted(names)
    close = did_you_mean(word, names)
    if close:
        return close
    prefixes = [n for n in names if word.startswith(n)]
    if len(prefixes) == 1:
        return f"did you mean `{prefixes[0]}`?"
    if names:
        return "the names bound here are " + ", ".join(f"`{n}`" for n in names)
    return None


def compile_pattern(pattern: str):
    """(the RE2 pattern, None) or (None, what is wrong with it)."""
    import re2  # only a rule with `matches` or a named pattern needs RE2

    try:
        opts = re2.Options()
        opts.max_mem = 8 << 20
        opts.log_errors = False
        return re2.compile(pattern, opts), None
    except Exception as exc:  # re2.error
        return None, str(exc)


def _cost(c: ast.Condition) -> int:
    """The least work units a test of ``c`` costs: each relation its declared
    ``cost``, any other test 1 (text tests charge their length as they run)."""
    if isinstance(c, (ast.And, ast.Or)):
        return sum(_cost(i) for i in c.items)
    if isinstance(c, ast.Not):
        return _cost(c.item)
    if isinstance(c, ast.Relation):
        return RELATIONS[c.relation].cost
    return 1


def _field_keys(path: list[str], kind: str):
    """The join keys of a fact for a field equality (see ``_equality_joins``)."""

    def keys(fact, ctx) -> list:
        value = read_field(fact, path, ctx)
        if value is None:
            return []
        if kind == "list":
            return [_norm_text(v) for v in value] if isinstance(value, list) else []
        if kind == "number":
            try:
                return [float(value)]
            except (TypeError, ValueError):
                return []
        return [_bare_text(value) if kind == "bare" else _norm_text(value)]

    return keys


def _metered(fn: ValueFn) -> ValueFn:
    """``fn``, charging the work meter by the length of the text it gives
    (for the tests whose work grows with it: text equality, ``contains``,
    ``mentions``, ``matches``, lexicons)."""

    def metered(env, ctx):
        v = fn(env, ctx)
        if isinstance(v, str):
            ctx.meter.charge_text(v)
        elif isinstance(v, list):
            ctx.meter.charge(len(v) + sum(len(str(x)) for x in v) // TEXT_CHUNK)
        return v

    return metered


def _on_values(lf: ValueFn, rf: ValueFn, test) -> Callable[[Env, object], bool]:
    """A two-value condition; a missing value on either side makes it false."""

    def condition(env, ctx):
        a, b = lf(env, ctx), rf(env, ctx)
        return a is not None and b is not None and test(a, b)

    return condition


def _norm_text(value) -> str:
    return " ".join(str(value).replace("\u2019", "'").casefold().split())


def _bare_text(value) -> str:
    """Text for equality ``ignoring punctuation``: case-folded, without any
    punctuation (quotation marks, apostrophes, full stops, dashes...), runs
    of white space as one space."""
    import unicodedata  # only `ignoring punctuation` needs it

    text = str(value).casefold()
    return " ".join("".join(ch for ch in text if not unicodedata.category(ch).startswith("P")).split())


def _mentions(text: str, phrase: str) -> bool:
    """``phrase`` occurs in ``text`` as whole words (lexicon phrase rules)."""
    if not phrase.strip() or not any(ch.isalnum() for ch in phrase):
        return False
    return Lexicon("<mentions>", (phrase,)).search(text) is not None


class ConditionBuilder:
    def __init__(self, unit: Unit, names: dict[str, CBinding]):
        self.u = unit
        self.names = names

    # ---------------------------------------------------------------- names
    def _binding(self, name: str, pos: ast.Pos) -> CBinding | None:
        b = self.names.get(name)
        if b is None:
            inner = {x.binding.name for x in self.u.rule.unless} | {x.binding.name for x in self.u.rule.notes}
            if name in inner:
                self.u.error(
                    pos,
                    "unbound-name",
                    f"`{name}` is bound only inside its `unless`/`note` clause; put conditions on it after `such that` in that clause",
                )
            else:
                self.u.error(pos, "unbound-name", f"`{name}` is not bound to any fact in this rule", name_hint(name, self.names))
        return b

    # ---------------------------------------------------------------- build
    def build(self, cond: ast.Condition) -> CCondition | None:
        errors_before = len(self.u.errors)
        names: set[str] = set()
        test = self._cond(cond, names)
        if test is None or len(self.u.errors) > errors_before:
            return None
        joins = {}
        if isinstance(cond, ast.Relation) and not cond.negated:
            rel = RELATIONS[cond.relation]
            if rel.left_keys is not None and rel.right_keys is not None:
                joins[cond.right] = JoinSpec(rel, "right", cond.left, rel.right_keys, rel.left_keys)
                joins[cond.left] = JoinSpec(rel, "left", cond.right, rel.left_keys, rel.right_keys)
        elif isinstance(cond, ast.Compare) and not cond.negated:
            joins = self._equality_joins(cond)
        return CCondition(frozenset(names), test, describe(cond), cond.pos, joins, _cost(cond))

    def _equality_joins(self, c: ast.Compare) -> dict[str, JoinSpec]:
        """Index lookups for a field equality between two names: ``a.f = b.g``
        (texts, also ``ignoring punctuation``, or numbers) and ``a.list
        contains b.g``.  A fact's key is its field's value as the comparison
        sees it (text folded as ``=`` folds it, a number as a float; each item
        of a list), so the lookup finds every fact the condition can hold for
        (it is still tested)."""
        left, right = c.left, c.right
        if not (isinstance(left, ast.FieldRef) and isinstance(right, ast.FieldRef)) or c.op not in ("=", "contains"):
            return {}
        if left.name == right.name or ARTICLE in (left.name, right.name) or not left.path or not right.path:
            return {}
        lt, rt = self._expr(left, set()), self._expr(right, set())
        if lt is None or rt is None:
            return {}
        textual = {"text", "string"}
        fold = "bare" if c.ignoring_punctuation else "text"
        if c.op == "contains" and lt[1] == "list" and rt[1] in textual:
            lk, rk = _field_keys(left.path, "list"), _field_keys(right.path, "text")
        elif c.op == "=" and lt[1] in textual and rt[1] in textual:
            lk, rk = _field_keys(left.path, fold), _field_keys(right.path, fold)
        elif c.op == "=" and lt[1] == rt[1] == "number":
            lk, rk = _field_keys(left.path, "number"), _field_keys(right.path, "number")
        else:
            return {}
        label = describe(c)
        return {right.name: JoinSpec(None, "right", left.name, rk, lk, label),
                left.name: JoinSpec(None, "left", right.name, lk, rk, label)}

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
            place, neg = c.place, c.negated
            return lambda env, ctx, n=c.name: in_place(env[n], place, ctx) != neg
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
                f"`{c.left} {relation_phrase(c.relation, c.negated, c.amount)} {c.right}` relates a fact to itself, "
                "which never holds; bind a second fact",
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
        neg = c.negated
        test = within_words(c.amount or 0) if c.relation == "within" else rel.test
        return lambda env, ctx, left=c.left, right=c.right: test(env[left], env[right], ctx) != neg

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
            key, sub = e.path[0], e.path[1:]
            typ = ARTICLE_FIELDS.get(key)
            if typ == "text" and len(sub) == 1 and sub[0] in SPAN_SUBFIELDS:
                typ = SPAN_SUBFIELDS[sub[0]]
            elif typ is None or sub:
                self.u.error(
                    e.pos, "unknown-field", f"`article` has the fields {', '.join(ARTICLE_FIELDS)}", did_you_mean(key, ARTICLE_FIELDS)
                )
                return None
            if key == "published":
                self.u.reads_published = True
                return (lambda env, ctx: DateValue.parse(ctx.published)), typ
            return (lambda env, ctx: read_article_field(key, sub, ctx)), typ
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
            return (lambda env, ctx: DateValue.parse(read_field(env[name], path, ctx))), typ
        return (lambda env, ctx: read_field(env[name], path, ctx)), typ

    def _needs_text(self, c: ast.Compare, what: str, typ: str, allowed: tuple[str, ...]) -> bool:
        """A type-mismatch unless ``typ`` is allowed; the sentence and paragraph
        numbers are pointed to their text fields."""
        if typ in allowed:
            return True
        hint = None
        if isinstance(c.left, ast.FieldRef) and c.left.path in (["sentence"], ["paragraph"]):
            hint = f"`{describe(c.left)}` is the {c.left.path[0]}'s number; its text is `{c.left.name}.{c.left.path[0]}_text`"
        self.u.error(c.pos, "type-mismatch", f"`{what}` needs text; `{describe(c.left)}` is a {typ}", hint)
        return False

    def _compare(self, c: ast.Compare, names: set[str]):
        left = self._expr(c.left, names)
        if left is None:
            return None
        lf, lt = left
        op, neg = c.op, c.negated
        if op == "missing":
            return lambda env, ctx: (lf(env, ctx) in (None, "", [])) != neg
        if op == "in_lexicon" or (op == "mentions" and c.lexicon is not None):
            what = "in lexicon" if op == "in_lexicon" else "mentions lexicon"
            if not self._needs_text(c, what, lt, ("text", "string", "list")):
                return None
            if c.lexicon not in self.u.lexicons:
                hint = did_you_mean(c.lexicon or "", self.u.lexicons.names())
                self.u.error(c.pos, "unknown-lexicon", f"no lexicon named `{c.lexicon}`", hint)
                return None
            self.u.lexicons_read.add(c.lexicon or "")
            name = c.lexicon
            lf = _metered(lf)
            if op == "in_lexicon":

                def hit(v, ctx):
                    return v in ctx.lexicons.get(name)
            else:

                def hit(v, ctx):
                    return fast(ctx.lexicons, name).search(str(v)) is not None

            def lexicon_test(env, ctx):
                v = lf(env, ctx)
                if v is None:
                    return neg
                found = any(hit(x, ctx) for x in v) if isinstance(v, list) else hit(v, ctx)
                return found != neg

            return lexicon_test
        if op == "matches":
            if not self._needs_text(c, "matches", lt, ("text", "string")):
                return None
            rx = self._pattern(c)
            if rx is None:
                return None

            def matches(env, ctx):
                v = lf(env, ctx)
                if v is None:
                    return neg
                text = str(v)
                ctx.meter.charge_text(text)
                return (rx.search(text) is not None) != neg

            return matches
        right = self._expr(c.right, names)
        if right is None:
            return None
        rf, rt = right
        if op in ("contains", "mentions"):
            if not self._needs_text(c, op, lt, ("text", "string", "list")):
                return None
            if rt not in ("text", "string"):
                self.u.error(c.pos, "type-mismatch", f"`{op}` needs text on both sides; got {lt} and {rt}")
                return None

            def contains(a, b):
                nb = _norm_text(b)
                if isinstance(a, list):
                    return any(_norm_text(x) == nb for x in a)
                return nb in _norm_text(a)

            def mentions(a, b):
                return any(_mentions(str(x), str(b)) for x in a) if isinstance(a, list) else _mentions(str(a), str(b))

            positive = _on_values(_metered(lf), _metered(rf), contains if op == "contains" else mentions)
            return (lambda env, ctx: not positive(env, ctx)) if neg else positive
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

    def _pattern(self, c: ast.Compare):
        """The compiled RE2 pattern of a ``matches`` test: written out, or named."""
        if c.pattern_name is not None:
            named = self.u.patterns.get(c.pattern_name)
            if named is None and c.pattern_name not in self.u.patterns:
                self.u.error(
                    c.pattern_pos or c.pos,
                    "unknown-pattern",
                    f"no pattern named `{c.pattern_name}`; define it with `pattern {c.pattern_name}: \"...\"`",
                    did_you_mean(c.pattern_name, self.u.patterns),
                )
            self.u.patterns_read.add(c.pattern_name)
            return named
        rx, problem = compile_pattern(c.pattern or "")
        if rx is None:
            self.u.error(c.pos, "bad-pattern", f'pattern "{c.pattern}" is not a valid RE2 regular expression ({problem})')
        return rx

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

        bare = c.ignoring_punctuation
        if bare and (kind != "text" or op not in ("=", "!=")):
            self.u.error(c.pos, "type-mismatch", "`ignoring punctuation` goes with `=` or `!=` between texts")
            return None

        def compare(a, b):
            if kind == "date":
                r = compare_dates(a, b)
            elif kind == "text":
                a, b = (_bare_text(a), _bare_text(b)) if bare else (_norm_text(a), _norm_text(b))
                r = (a > b) - (a < b)
            else:
                if kind == "number":
                    a, b = float(a), float(b)
                r = (a > b) - (a < b)
            return {"=": r == 0, "!=": r != 0, "<": r < 0, ">": r > 0, "<=": r <= 0, ">=": r >= 0}[op]

        if kind == "text":
            lf, rf = _metered(lf), _metered(rf)
        return _on_values(lf, rf, compare)
