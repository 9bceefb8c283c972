"""Parsing rule files: text -> lark tree, with syntax errors in plain words.

Owns: loading ``grammar/factlint.lark`` (shipped as package data), the LALR
parser, and turning lark's exceptions into a ``Diagnostic`` with path, line,
column, the source line and a caret.  Messages come from a small table of
labelled malformed snippets (lark's ``match_examples``) and, failing that,
from the list of what the parser expected, named in words.
"""

from __future__ import annotations

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
    if isinstance(err, UnexpectedCharacters):
        ch = text[err.pos_in_stream] if err.pos_in_stream < len(text) else ""
        if ch == '"':
            message = "a string is not closed: add the closing quote"
        else:
            message = f"unexpected character {ch!r}" + (f"; {label}" if label else "")
    elif isinstance(err, UnexpectedToken):
        tok = err.token
        shown = "end of file" if tok.type == "$END" else f"`{_whole_word(text, tok)}`"
        message = f"unexpected {shown}"
        if label:
            message += f": {label}"
        else:
            words = _expected_words(err.accepts or err.expected)
            if words:
                message += f"; {words}"
    else:
        message = label or "unexpected end of file"
    return Diagnostic(
        path=path,
        message=message,
        code="syntax",
        line=line,
        column=column,
        source_line=_source_line(text, line),
    )


def parse_text(text: str, path: str = "<rules>") -> Tree:
    """Parse rule-file text into a lark tree or raise a UserError with a caret."""
    try:
        return get_parser().parse(text)
    except UnexpectedInput as err:
        raise UserError(syntax_diagnostic(err, text, path)) from None
