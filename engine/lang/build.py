"""Building the AST from the lark tree.

Owns: a lark ``Transformer`` that only builds structure: tree in, AST records
out, each with its position.  It decodes string literals itself (escapes
``\\"``, ``\\\\``, ``\\n``, ``\\t``); nothing in a rule file is ever evaluated
as Python.  Semantic checks belong to ``compiler``.
"""

from __future__ import annotations

from lark import Token, Transformer, Tree, v_args

from ..errors import Diagnostic, UserError
from . import ast
from .parser import parse_text

_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "[": "\\[", "]": "\\]"}


def decode_string(raw: str) -> str:
    """Decode a rule-file string literal (single or triple quoted)."""
    return "".join(ch for ch, _ in _decode(raw, None))


def decode_string_mapped(token: Token, path: str) -> tuple[str, ast.StringMap]:
    """Decode a string literal and say where each of its characters was
    written (so a caret can point inside the string); the last position is
    the closing quote's."""
    raw = str(token)
    start = (token.line or 1, token.column or 1)
    pairs = _decode(raw, start)
    quote = 3 if raw.startswith('"""') else 1
    line, col = start[0], start[1] + quote
    for ch in raw[quote:-quote]:
        line, col = (line + 1, 1) if ch == "\n" else (line, col + 1)
    positions = tuple([p for _, p in pairs] + [(line, col)])
    return "".join(ch for ch, _ in pairs), ast.StringMap(path, positions)


Pair = tuple[str, tuple[int, int]]


def _decode(raw: str, start: tuple[int, int] | None) -> list[Pair]:
    """The characters of a string literal, each with its (line, column) in the
    file when ``start`` (the opening quote's) is given, else (0, 0)."""
    quote = 3 if raw.startswith('"""') else 1
    body = raw[quote:-quote]
    if start is None:
        where = [(0, 0)] * len(body)
    else:
        where, line, col = [], start[0], start[1] + quote
        for ch in body:
            where.append((line, col))
            line, col = (line + 1, 1) if ch == "\n" else (line, col + 1)
    out: list[Pair] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            decoded = _ESCAPES.get(nxt, "\\" + nxt)
            out.extend((c, where[i]) for c in decoded)
            i += 2
            continue
        out.append((ch, where[i]))
        i += 1
    if quote == 3:
        out = _dedent_block(out)
    return out


def _dedent_block(pairs: list[Pair]) -> list[Pair]:
    """Triple-quoted blocks: drop a leading newline and common indentation."""
    if pairs[:2] and "".join(c for c, _ in pairs[:2]) == "\r\n":
        pairs = pairs[2:]
    elif pairs[:1] and pairs[0][0] == "\n":
        pairs = pairs[1:]
    lines: list[list[Pair]] = [[]]
    for pair in pairs:
        if pair[0] == "\n":
            lines.append([])
        else:
            lines[-1].append(pair)

    def text(line: list[Pair]) -> str:
        return "".join(c for c, _ in line)

    indents = [len(text(line)) - len(text(line).lstrip(" \t")) for line in lines if text(line).strip()]
    cut = min(indents) if indents else 0
    out: list[Pair] = []
    for k, line in enumerate(lines):
        if k:
            out.append(("\n", out[-1][1] if out else (0, 0)))
        if text(line).strip():
            out.extend(line[cut:])
        else:
            stripped = text(line).strip(" \t")
            lead = len(text(line)) - len(text(line).lstrip(" \t"))
            out.extend(line[lead : lead + len(stripped)])
    whole = text(out)
    if not whole.strip():
        return out
    return out[: len(whole.rstrip(" \t\n"))]


class _Builder(Transformer):
    def __init__(self, path: str, source: str):
        super().__init__()
        self.path = path
        self.source = source

    # -- helpers ---------------------------------------------------------
    def _pos(self, item) -> ast.Pos:
        if isinstance(item, Token):
            return ast.Pos(self.path, item.line or 1, item.column or 1)
        if hasattr(item, "empty") and hasattr(item, "__dict__"):  # a lark Meta
            if not item.empty:
                return ast.Pos(self.path, item.line, item.column)
            return ast.Pos(self.path, 1, 1)
        meta = getattr(item, "meta", None)
        if meta is not None and not getattr(meta, "empty", True):
            return ast.Pos(self.path, meta.line, meta.column)
        return ast.Pos(self.path, 1, 1)

    # -- top level -------------------------------------------------------
    def start(self, items):
        rf = ast.RuleFile(self.path, self.source)
        for item in items:
            if isinstance(item, ast.Rule):
                rf.rules.append(item)
            elif isinstance(item, ast.LexiconDef):
                rf.lexicons.append(item)
            elif isinstance(item, ast.PatternDef):
                rf.patterns.append(item)
        return rf

    @v_args(meta=True)
    def pattern_def(self, meta, items):
        name_tok, string = items
        return ast.PatternDef(str(name_tok), decode_string(str(string)), self._pos(name_tok), self._pos(string))

    def phrase_list(self, items):
        return [decode_string(str(t)) for t in items]

    @v_args(meta=True)
    def lexicon_def(self, meta, items):
        name_tok, phrases = items
        return ast.LexiconDef(str(name_tok), phrases, False, self._pos(name_tok))

    @v_args(meta=True)
    def extend_def(self, meta, items):
        name_tok, phrases = items
        return ast.LexiconDef(str(name_tok), phrases, True, self._pos(name_tok))

    @v_args(meta=True)
    def rule_def(self, meta, items):
        name_tok, *clauses = items
        rule = ast.Rule(name=str(name_tok), pos=self._pos(name_tok))
        rule.clause_starts.append(("rule", self._pos(meta)))
        for kind, value, pos, start in clauses:
            rule.clause_starts.append((kind, start))
            single = {"title", "severity", "rationale", "message", "group"}
            if kind in single:
                if kind in rule.clause_pos:
                    rule.repeated.append((kind, pos))
                rule.clause_pos[kind] = pos
            if kind == "title":
                rule.title = value
            elif kind == "severity":
                rule.severity = value
            elif kind == "rationale":
                rule.rationale = value
            elif kind == "tags":
                rule.tags.extend(value)
            elif kind == "message":
                (rule.message, rule.message_map), rule.message_pos = value, pos
            elif kind == "group":
                rule.group_by, rule.group_pos = value, pos
            elif kind == "bindings":
                rule.bindings.extend(value)
                rule.clause_pos.setdefault("match", pos)
            elif kind == "sentence":
                bindings, condition = value
                rule.bindings.extend(bindings)
                rule.conditions.append(condition)
                rule.clause_pos.setdefault("match", pos)
            elif kind == "where":
                rule.conditions.append(value)
            elif kind == "unless":
                rule.unless.append(value)
            elif kind == "note":
                rule.notes.append(value)
            elif kind == "example":
                rule.examples.append(value)
        return rule

    # -- clauses: each returns (kind, value, pos, where its keyword starts) --
    @v_args(meta=True)
    def title(self, meta, items):
        return ("title", decode_string(str(items[0])), self._pos(items[0]), self._pos(meta))

    @v_args(meta=True)
    def severity(self, meta, items):
        return ("severity", str(items[0]), self._pos(items[0]), self._pos(meta))

    @v_args(meta=True)
    def rationale(self, meta, items):
        return ("rationale", decode_string(str(items[0])), self._pos(items[0]), self._pos(meta))

    @v_args(meta=True)
    def tags(self, meta, items):
        return ("tags", [str(t) for t in items], self._pos(items[0]), self._pos(meta))

    @v_args(meta=True)
    def message(self, meta, items):
        return ("message", decode_string_mapped(items[0], self.path), self._pos(items[0]), self._pos(meta))

    @v_args(meta=True)
    def group(self, meta, items):
        return ("group", [str(t) for t in items], self._pos(items[0]), self._pos(meta))

    def severity_level(self, items):
        return items[0]

    def example_kind(self, items):
        return items[0]

    def article(self, items):
        return items[0]

    @v_args(meta=True)
    def match(self, meta, items):
        return ("bindings", list(items), self._pos(meta), self._pos(meta))

    @v_args(meta=True)
    def sentence(self, meta, items):
        left, relation, right = items
        left_name = left.kind
        right_name = right.kind if right.kind != left_name else right.kind + "2"
        bl = ast.Binding(left_name, left, left.pos)
        br = ast.Binding(right_name, right, right.pos)
        name, amount = relation
        rel = ast.Relation(left_name, name, right_name, left.pos, left.pos, right.pos, amount=amount)
        return ("sentence", ([bl, br], rel), self._pos(meta), self._pos(meta))

    @v_args(meta=True)
    def where(self, meta, items):
        return ("where", items[0], self._pos(meta), self._pos(meta))

    @v_args(meta=True)
    def unless_exists(self, meta, items):
        binding = items[0]
        cond = items[1] if len(items) > 1 else None
        return ("unless", ast.Unless(binding, cond, self._pos(meta)), self._pos(meta), self._pos(meta))

    @v_args(meta=True)
    def unless_sentence(self, meta, items):
        pattern, (name, amount), right = items
        binding = ast.Binding(pattern.kind, pattern, pattern.pos)
        cond = ast.Relation(pattern.kind, name, str(right), pattern.pos, pattern.pos, self._pos(right), amount=amount)
        return ("unless", ast.Unless(binding, cond, self._pos(meta)), self._pos(meta), self._pos(meta))

    @v_args(meta=True)
    def note(self, meta, items):
        binding = items[0]
        cond = items[1] if len(items) == 3 else None
        msg_tok = items[-1]
        message, where = decode_string_mapped(msg_tok, self.path)
        note = ast.Note(binding, cond, message, self._pos(meta), self._pos(msg_tok), where)
        return ("note", note, self._pos(meta), self._pos(meta))

    @v_args(meta=True)
    def example(self, meta, items):
        kind = str(items[0])
        published = None
        for it in items[1:-1]:
            published = it
        text_tok = items[-1]
        example = ast.Example(kind, decode_string(str(text_tok)), self._pos(text_tok), published)
        return ("example", example, self._pos(meta), self._pos(meta))

    def example_option(self, items):
        return str(items[0])

    # -- patterns ---------------------------------------------------------
    @v_args(meta=True)
    def binding(self, meta, items):
        name_tok, pattern = items
        return ast.Binding(str(name_tok), pattern, self._pos(name_tok))

    @v_args(meta=True)
    def pattern(self, meta, items):
        words_tree = items[-1]
        return words_tree if isinstance(words_tree, ast.Pattern) else words_tree

    @v_args(meta=True)
    def article_pattern(self, meta, items):
        pat = items[-1]
        pat.pos = self._pos(meta)
        return pat

    @v_args(meta=True)
    def kind_words(self, meta, items):
        words, alts, positions = [], [], []
        for it in items:
            if isinstance(it, Token):
                words.append(str(it))
                positions.append(self._pos(it))
            else:
                alts = it
        return ast.Pattern(words, alts, self._pos(meta), positions)

    def alternatives(self, items):
        return [str(t) for t in items]

    # -- conditions -------------------------------------------------------
    @v_args(meta=True)
    def or_cond(self, meta, items):
        return ast.Or(list(items), self._pos(meta))

    @v_args(meta=True)
    def and_cond(self, meta, items):
        return ast.And(list(items), self._pos(meta))

    @v_args(meta=True)
    def negation(self, meta, items):
        return ast.Not(items[0], self._pos(meta))

    @v_args(meta=True)
    def relation_test(self, meta, items):
        left, relation, right = items
        negated = isinstance(relation, tuple) and relation[0] == "not"
        name, amount = relation[1] if negated else relation
        return ast.Relation(
            str(left), name, str(right), self._pos(meta), self._pos(left), self._pos(right), negated=negated, amount=amount
        )

    def negated_relation(self, items):
        return ("not", [i for i in items if not (isinstance(i, Tree) and i.data == "neg")][0])

    def relation_is(self, items):
        return items[0]

    def relation_verb(self, items):
        return items[0]

    def _split_neg(self, items):
        neg = any(isinstance(i, Tree) and i.data == "neg" for i in items)
        rest = [i for i in items if not (isinstance(i, Tree) and i.data == "neg")]
        return neg, rest

    @v_args(meta=True)
    def qualifier_test(self, meta, items):
        neg, rest = self._split_neg(items)
        name, qual = rest
        return ast.Qualified(str(name), str(qual), neg, self._pos(meta))

    def qualifier_word(self, items):
        return items[0]

    @v_args(meta=True)
    def place_test(self, meta, items):
        neg, rest = self._split_neg(items)
        name, place = rest
        words = " ".join(str(t) for t in place.children) if isinstance(place, Tree) else str(place)
        return ast.Place(str(name), words, neg, self._pos(meta))

    @v_args(meta=True)
    def comparison(self, meta, items):
        left, op, right, *ignoring = items
        return ast.Compare(left, str(op), right, self._pos(op), ignoring_punctuation=bool(ignoring))

    @v_args(meta=True)
    def contains(self, meta, items):
        neg, (left, right) = self._split_neg(items)
        return ast.Compare(left, "contains", right, self._pos(meta), negated=neg)

    @v_args(meta=True)
    def matches(self, meta, items):
        neg, (left, tok) = self._split_neg(items)
        return ast.Compare(left, "matches", None, self._pos(tok), negated=neg, pattern=decode_string(str(tok)), pattern_pos=self._pos(tok))

    @v_args(meta=True)
    def matches_named(self, meta, items):
        neg, (left, name) = self._split_neg(items)
        return ast.Compare(left, "matches", None, self._pos(name), negated=neg, pattern_name=str(name), pattern_pos=self._pos(name))

    @v_args(meta=True)
    def mentions(self, meta, items):
        neg, (left, right) = self._split_neg(items)
        return ast.Compare(left, "mentions", right, self._pos(meta), negated=neg)

    @v_args(meta=True)
    def mentions_lexicon(self, meta, items):
        neg, (left, name) = self._split_neg(items)
        return ast.Compare(left, "mentions", None, self._pos(name), negated=neg, lexicon=str(name))

    @v_args(meta=True)
    def in_lexicon(self, meta, items):
        neg, rest = self._split_neg(items)
        expr, name = rest
        return ast.Compare(expr, "in_lexicon", None, self._pos(name), negated=neg, lexicon=str(name))

    @v_args(meta=True)
    def missing_test(self, meta, items):
        neg, rest = self._split_neg(items)
        return ast.Compare(rest[0], "missing", None, self._pos(meta), negated=neg)

    @v_args(meta=True)
    def tolerance(self, meta, items):
        left, (amount, percent), right = items
        return ast.Compare(left, "tolerance", right, self._pos(meta), amount=amount, percent=percent)

    def amount(self, items):
        return (float(items[0]), len(items) > 1)

    # -- relations: return (the relation name, its number or None) ----------
    def conflicts_with(self, _):
        return ("conflicts_with", None)

    def disavows(self, _):
        return ("disavows", None)

    def cites(self, _):
        return ("cites", None)

    def differs_from(self, _):
        return ("differs_from", None)

    def agrees_with(self, _):
        return ("agrees_with", None)

    def spelled_differently(self, _):
        return ("spelled_differently", None)

    def before(self, _):
        return ("before", None)

    def after(self, _):
        return ("after", None)

    def same(self, items):
        word = [i for i in items if isinstance(i, Tree)][0]
        return ("same_" + str(word.children[0]), None)

    def same_scope(self, items):
        word = [i for i in items if isinstance(i, Tree)][0]
        return ("same_" + str(word.children[0]), None)

    def within(self, items):
        return ("within", int(float(str(items[0]))))

    # -- expressions -------------------------------------------------------
    @v_args(meta=True)
    def field_ref(self, meta, items):
        return ast.FieldRef(str(items[0]), [str(t) for t in items[1:]], self._pos(items[0]))

    @v_args(meta=True)
    def string(self, meta, items):
        return ast.Literal(decode_string(str(items[0])), "string", self._pos(items[0]))

    @v_args(meta=True)
    def number(self, meta, items):
        return ast.Literal(float(items[0]), "number", self._pos(items[0]))

    @v_args(meta=True)
    def date(self, meta, items):
        return ast.Literal(str(items[0]), "date", self._pos(items[0]))

    @v_args(meta=True)
    def true(self, meta, items):
        return ast.Literal(True, "bool", self._pos(meta))

    @v_args(meta=True)
    def false(self, meta, items):
        return ast.Literal(False, "bool", self._pos(meta))

    def _shift(self, meta, items, sign):
        base, tok = items
        text = str(tok)
        num = int("".join(ch for ch in text if ch.isdigit()))
        unit = text.lstrip("0123456789 \t").rstrip("s")
        return ast.DateShift(base, sign, num, unit, self._pos(tok))

    @v_args(meta=True)
    def add_duration(self, meta, items):
        return self._shift(meta, items, +1)

    @v_args(meta=True)
    def sub_duration(self, meta, items):
        return self._shift(meta, items, -1)


def build_rule_file(text: str, path: str, prefix: str = "") -> ast.RuleFile:
    """Parse and build one rule file; raises UserError on syntax errors.

    CRLF and lone CR line ends are read as LF first, so positions are the
    line and column an editor shows whatever the file's line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    tree = parse_text(text, path)
    try:
        rf = _Builder(path, text).transform(tree)
    except RecursionError:
        message = "conditions are nested too deeply (hundreds of levels of not/and/or/parentheses)"
        raise UserError(Diagnostic(path, message, "too-deep")) from None
    rf.prefix = prefix
    return rf
