"""Parsing rule files: text -> lark tree, with syntax errors in plain words.

Owns: loading ``grammar/factlint.lark`` (shipped as package data), the LALR
parser, and turning lark's exceptions into a ``Diagnostic`` with path, line,
column, the source line and a caret.  Messages come from a small table of
labelled malformed snippets (lark's ``match_examples``) and, failing that,
from the list of what the parser expected, named in words.  A misspelt
keyword gets a "did you mean": the word the parser stopped at, or a word
before it in the same clause that the parser took for a name (``wehre`` in
``match d: a denial wehre d.x = 1``: the caret then points at it).
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from importlib import resources

from lark import (
    Lark,
    Tree,
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
)

from ..errors import Diagnostic, UserError

GRAMMAR_FILE = "factlint.lark"


def grammar_text() -> str:
    return resources.files("factlint.grammar").joinpath(GRAMMAR_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=2)
def get_parser(strict: bool = False) -> Lark:
    return Lark(
        grammar_text(),
        parser="lalr",
        propagate_positions=True,
        maybe_placeholders=False,
        strict=strict,
    )


# Labelled malformed snippets: the parser state they fail in identifies the
# mistake, whatever the words are.
SYNTAX_EXAMPLES: dict[str, list[str]] = {
    "a rule needs a name after `rule` (lower-case words joined by hyphens, e.g. `rule denial-vs-letter:`)": [
        "rule :",
        'rule "x"',
    ],
    "a rule needs at least one clause (title, severity, a sentence such as "
    "`an official denial conflicts with a reported letter`, match, where, ...)": [
        "rule x:",
        'rule x: rule y: title "t"',
    ],
    "`severity` must be one of info, warning, error": [
        "rule x: severity high",
        'rule x: severity "warning"',
    ],
    'a text value must be in double quotes, e.g. `title "Denial versus letter"`': [
        "rule x: title Denial",
        "rule x: message hello",
        "rule x: rationale because",
    ],
    "a binding is `name: a kind`, e.g. `match d: an official denial`": [
        "rule x: match d an official denial",
        "rule x: match : a denial",
        "rule x: match d:",
    ],
    "`where` needs a condition, e.g. `where d conflicts with doc`": [
        "rule x: where",
        "rule x: match d: a denial where d",
    ],
    "a field is written `name.field`, e.g. `d.date`": [
        "rule x: match d: a denial where d. = 1",
    ],
    "a comparison needs a value on both sides, e.g. `d.date > doc.date + 1 day`": [
        "rule x: match d: a denial where d.date >",
        "rule x: match d: a denial where d.date = where",
    ],
    "a sentence rule reads `a <kind> <relation> a <kind>`, e.g. `an official denial conflicts with a reported letter`; "
    "the relation is missing or not known": [
        "rule x: an official denial",
        "rule x: an official denial agrees a letter",
    ],
    'a lexicon lists quoted phrases separated by commas: `lexicon titles: "minister", "spokesman"`': [
        "lexicon titles: minister",
        "lexicon titles:",
        'lexicon titles: "a" "b"',
    ],
    'an example is `example fires """text"""` or `example passes """text"""`': [
        'rule x: example "text"',
        'rule x: example fails "text"',
        "rule x: example fires",
    ],
    "`unless` and `note` take `name: a kind such that <condition>` (not `where`)": [
        "rule x: unless r: a retraction where",
        "rule x: note r: a retraction where",
    ],
    'a note needs `saying "message"` at its end': [
        "rule x: note r: a retraction such that r disavows d",
        "rule x: note r: a retraction message",
    ],
    "a string is not closed: add the closing quote": [
        'rule x: title "abc',
        'rule x: example fires """abc',
    ],
    "a file holds `rule`, `lexicon` and `extend lexicon` blocks; this line starts something else": [
        'title "x"',
        "severity warning",
        "hello",
    ],
}

_TOKEN_WORDS = {
    "NAME": "a name",
    "ID": "an id (lower-case words joined by hyphens)",
    "STRING": "a quoted text",
    "NUMBER": "a number",
    "DATE": "a date (YYYY-MM-DD)",
    "DURATION": "a duration (e.g. 1 day)",
    "COMPARE": "a comparison (= != < > <= >=)",
    "COLON": "`:`",
    "COMMA": "`,`",
    "DOT": "`.`",
    "LPAR": "`(`",
    "RPAR": "`)`",
    "$END": "the end of the file",
}


def _expected_words(expected: set[str] | frozenset[str]) -> str:
    words = []
    for tok in sorted(expected):
        if tok in _TOKEN_WORDS:
            words.append(_TOKEN_WORDS[tok])
        elif tok.startswith("__") or tok.startswith("_"):
            continue
        else:
            words.append(f"`{tok.lower()}`")
    words = sorted(set(words))
    if not words:
        return ""
    if len(words) > 8:
        words = words[:8] + ["..."]
    return "expected " + ", ".join(words)


def _source_line(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


_WORD_REST = re.compile(r"[A-Za-z0-9_-]*")


def _whole_word(text: str, tok) -> str:
    """The token as the writer sees it: a keyword read as the start of a
    longer word ("match" of "matchez") is shown as the whole word."""
    value = str(tok.value)
    pos = getattr(tok, "end_pos", None)
    if value[-1:].isalpha() and isinstance(pos, int) and pos < len(text):
        rest = _WORD_REST.match(text, pos)
        if rest is not None and rest.group():
            return value + rest.group()
    return value


@lru_cache(maxsize=1)
def keywords() -> dict[str, str]:
    """The grammar's keywords (words written in quotes), by terminal name."""
    return {
        t.name: t.pattern.value
        for t in get_parser().terminals
        if t.pattern.type == "str" and t.pattern.value.isalpha()
    }


def _close_keyword(word: str, choices) -> str | None:
    if len(word) < 3 or word in keywords().values():
        return None
    close = difflib.get_close_matches(word.lower(), sorted(set(choices)), n=1, cutoff=0.75)
    return close[0] if close else None


#: the words that open a clause or a block
CLAUSE_KEYWORDS = frozenset(
    "rule lexicon extend pattern title severity rationale tags message group match where unless note example".split()
)


def _typo_before(text: str, stop: int) -> tuple[str, str, int, int] | None:
    """A misspelt keyword the parser read as a name before offset ``stop``,
    in the clause being read: (word, keyword, line, column)."""
    words = keywords()
    longer = [w for w in words.values() if len(w) >= 4]
    found = None
    try:
        for tok in get_parser().lex(text[:stop]):
            if tok.type in words and words[tok.type] in CLAUSE_KEYWORDS:
                found = None  # a new clause: only words after it count
            elif tok.type in ("NAME", "ID") and found is None:
                close = _close_keyword(str(tok), longer)
                if close is not None:
                    found = (str(tok), close, tok.line or 1, tok.column or 1)
    except UnexpectedInput:
        pass
    return found


def syntax_diagnostic(err: UnexpectedInput, text: str, path: str) -> Diagnostic:
    line, column = max(getattr(err, "line", 1) or 1, 1), max(getattr(err, "column", 1) or 1, 1)
    at_end = isinstance(err, UnexpectedEOF) or (isinstance(err, UnexpectedToken) and err.token.type == "$END")
    if at_end:
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
    label = None
    try:
        label = err.match_examples(get_parser().parse, SYNTAX_EXAMPLES, use_accepts=True)
    except Exception:  # pragma: no cover - match_examples is best-effort
        label = None
    hint = None
    if isinstance(err, UnexpectedCharacters):
        pos = err.pos_in_stream  # (set on this error; None only on lark's base class)
        ch = text[pos] if pos is not None and pos < len(text) else ""
        if ch == '"':
            message = "a string is not closed: add the closing quote"
        else:
            message = f"unexpected character {ch!r}" + (f"; {label}" if label else "")
    elif isinstance(err, UnexpectedToken):
        tok = err.token
        word = _whole_word(text, tok) if tok.type != "$END" else ""
        shown = "end of file" if tok.type == "$END" else f"`{word}`"
        message = f"unexpected {shown}"
        if label:
            message += f": {label}"
        else:
            words = _expected_words(err.accepts or err.expected)
            if words:
                message += f"; {words}"
        expected = [keywords()[t] for t in (err.accepts or err.expected) if t in keywords()]
        close = _close_keyword(word, expected) if word else None
        if close is not None:
            hint = f"did you mean `{close}`?"
        else:
            stop = tok.start_pos if isinstance(tok.start_pos, int) and tok.type != "$END" else len(text)
            typo = _typo_before(text, stop)
            if typo is not None:
                found, keyword, typo_line, typo_column = typo
                hint = f"the parser stopped at {line}:{column}: {message}"
                message = f"`{found}` is not a keyword; did you mean `{keyword}`?"
                line, column = typo_line, typo_column
    else:
        message = label or "unexpected end of file"
    return Diagnostic(
        path=path,
        message=message,
        code="syntax",
        line=line,
        column=column,
        source_line=_source_line(text, line),
        hint=hint,
    )


def parse_text(text: str, path: str = "<rules>") -> Tree:
    """Parse rule-file text into a lark tree or raise a UserError with a caret."""
    try:
        return get_parser().parse(text)
    except UnexpectedInput as err:
        raise UserError(syntax_diagnostic(err, text, path)) from None
