"""The fuzz harness: hostile inputs for every way into factlint, and the
properties every run must keep.

Owns the generators (hypothesis strategies) of article text, rule files,
facts files, sidecars and command-line arguments, the in-process runner of
the real command line (``main()`` with its exit code and both streams), and
``check_run``, the properties every run must have:

* the exit code is 0, 1 or 2 (3 is a bug, anything else a crash);
* standard error holds only factlint's own lines: one-line errors and
  warnings (``path[:line:col]: error[code] message``, a rule-file error
  followed by its source line and caret), notes, and the option parser's
  usage message; never a traceback or "internal error";
* every citation of the JSON report slices the article to its ``text``;
* the same run twice gives the same output, byte for byte.

``tests/test_fuzz.py`` runs a short campaign with every test run (and a
longer one in ``.ci/run``: ``FACTLINT_FUZZ=ci``); a nightly job runs
``FACTLINT_FUZZ=nightly`` and the coverage-guided ``fuzz/atheris_check.py``
(see docs/security.md).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# ------------------------------------------------------------ profiles
#: examples per fuzz test: each test run, .ci/run, nightly
settings.register_profile("dev", max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
settings.register_profile("nightly", max_examples=5_000, deadline=None, suppress_health_check=list(HealthCheck))
PROFILE = os.environ.get("FACTLINT_FUZZ", "dev")

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_548f20d3808859fa.txt"


# ------------------------------------------------------------ the runner
@dataclass
class Run:
    args: list[str]
    code: int
    out: str
    err: str


CACHE = tempfile.mkdtemp(prefix="factlint-fuzz-cache-")


def run_cli(*args: str) -> Run:
    """``factlint ARGS`` in this process, as the command runs it (with a
    parsed-rule cache of its own, and ``--no-cache`` undone afterwards)."""
    from factlint.cli import main
    from factlint.lang import cache

    out, err = io.StringIO(), io.StringIO()
    argv, env, stdin = sys.argv, os.environ.get(cache.ENV_DIR), sys.stdin
    sys.argv = ["factlint", *args]
    sys.stdin = io.TextIOWrapper(io.BytesIO(b""))  # standard input (`-`) is empty
    os.environ[cache.ENV_DIR] = CACHE
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv, sys.stdin = argv, stdin
        cache._disabled = False
        if env is None:
            os.environ.pop(cache.ENV_DIR, None)
        else:
            os.environ[cache.ENV_DIR] = env
    return Run(list(args), code, out.getvalue(), err.getvalue())


_OWN_LINE = re.compile(
    r"^(?:.+: (?:error|warning)\[[a-z0-9-]+\] .*"  # a one-line error or warning
    r"|.+: note: .*"  # a note on a file
    r"|\s*\d* \|.*"  # a rule-file error's source line and caret
    r"|\.\.\. .*"  # "... and N more errors", "... checking stopped"
    r"|factlint: \d+ files: .*"  # the summary after a long run
    r")$"
)
_USAGE = ("Usage: ", "Try '", "Error: ", "")


def check_run(run: Run, articles: dict[str, str] | None = None) -> None:
    """The properties every run must have (see the module docstring)."""
    assert run.code in (0, 1, 2), f"exit {run.code} for {run.args}:\n{run.err[-2000:]}"
    assert "Traceback" not in run.err and "internal error" not in run.err, run.err[-2000:]
    usage = run.err.startswith("Usage: ")
    for line in run.err.splitlines():
        assert _OWN_LINE.match(line) or (usage and line.startswith(_USAGE)), f"stray line on stderr: {line!r}\nargs: {run.args}"
        assert not any(ord(ch) < 32 and ch != "\t" for ch in line), f"control character on stderr: {line!r}"
    if articles is None or not run.out.lstrip().startswith("{"):
        return
    report = json.loads(run.out)
    for file in report.get("files", []):
        text = articles.get(file["path"])
        if text is None:
            continue
        for finding in file["findings"]:
            for c in finding["citations"] + [c for n in finding["notes"] for c in n["citations"]]:
                assert text[c["start"] : c["end"]] == c["text"], (file["path"], c)


def check_twice(*args: str, articles: dict[str, str] | None = None) -> Run:
    """Run twice: the properties hold, and the output is the same both times."""
    first = run_cli(*args)
    check_run(first, articles)
    second = run_cli(*args)
    assert (second.code, second.out, second.err) == (first.code, first.out, first.err), f"not deterministic: {args}"
    return first


# ------------------------------------------------------------ article text
def seed_fragments() -> list[str]:
    """Pieces of the seed article (sentences, clauses, words) to recombine."""
    text = SEED.read_text(encoding="utf-8")
    pieces = [p for p in re.split(r"(?<=[.,;:\u201d\"])\s+", text) if p.strip()]
    return pieces + text.split()[:200]


NEWS_BITS = [
    "A ministry spokesman denied that the port would be sold.", "\u201cThere are no plans to close the ward,\u201d she said.",
    "The Herald reported, citing a leaked memo, that the ward would close.", "Mr Smith, 45, said.", "He is 46.",
    "About 5,000 people", "over 3,000 people", "on Monday", "on Jan. 3, 2020", "last week", "in 2019", "Thursday 3 January",
    "Prime Minister Jo Park", "Jo Parke", "the letter was a draft", "that that", "\u201c", "\u201d", '"', "'", "(", ")",
    "\n", "\n\n", "\r\n", "\t", " ", "\u00a0", "\u2026", "\u200b", "\u202e", "\x1b[31m", "\x07", "\u0130stanbul", "\u017f",
    "10:30", "3.5%", "$5m", "\u00a35bn", "1e999", "NaN", "-", "--", "\u2013", "\u2014", "N/A", "#", "{", "}", "{{x}}",
]


def article_text() -> st.SearchStrategy[str]:
    """News-like text (recombined seed pieces and bits that drive the
    extractors), or any text at all."""
    pieces = st.sampled_from(seed_fragments() + NEWS_BITS)
    newsy = st.lists(pieces, min_size=1, max_size=60).map(" ".join)
    anything = st.text(min_size=1, max_size=400)
    return st.one_of(newsy, newsy, anything, st.tuples(newsy, anything).map(lambda t: t[0] + t[1]))


# ------------------------------------------------------------ rule files
RULE_TOKENS = [
    "rule", "r:", "rule r:", "rule x-y:", "match", "where", "unless", "note", "saying", "message", "title", "severity",
    "warning", "info", "error", "rationale", "tags", "group by", "example", "fires", "passes", "lexicon", "extend", "pattern",
    "a", "an", "official", "body", "denial", "statement", "report", "document", "letter", "quantity", "event", "time", "role",
    "age", "entity", "repetition", "quote", "x", "y", "x:", "y:", ",", "and", "or", "not", "(", ")", "=", "!=", "<", ">",
    "conflicts with", "differs from", "agrees with", "is the same person as", "is before", "is within 3 words of",
    "x.value", "y.value", "x.start", "x.speaker", "x.content", "x.id", "y.time", "article.published", "contains", "matches",
    "mentions", "in lexicon", "is missing", "differs by more than 10% from", "+ 3 days", "is in the headline", "such that",
    '"{x}"', '"{x.speaker} and {y}"', '"a.*b"', '"(a|b)*c"', '"{"', '"}"', '"x"', '"""\n  [[fires]] here\n  """', "5", "3.5",
    "2020-01-07", "true", "\n", "\n  ", "#", "\\", "ignoring punctuation", "\u00e9", "\x00",
]


def rule_file() -> st.SearchStrategy[str]:
    tokens = st.lists(st.sampled_from(RULE_TOKENS), min_size=1, max_size=40).map(" ".join)
    return st.one_of(tokens, tokens, st.text(max_size=300))


# ------------------------------------------------------------ facts files
JSON_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10_000), st.sampled_from([-1, 2**63, 10**400]), st.floats(allow_nan=False),
    st.text(max_size=20), st.lists(st.integers(0, 5), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
RAW_NUMBERS = st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "9" * 5000, "-0", "1.0", "01", "0x10"])


def facts_document(valid: dict) -> st.SearchStrategy[str]:
    """A facts file: the valid one with one field of one fact (or of the
    file) replaced by another JSON value, or by a raw token no JSON allows."""

    @st.composite
    def mutated(draw) -> str:
        data = json.loads(json.dumps(valid))
        facts = data["facts"]
        if facts and draw(st.booleans()):
            fact = facts[draw(st.integers(0, len(facts) - 1))]
            key = draw(st.sampled_from(sorted(fact) + ["extra", "sentence", "paragraph", "value"]))
            target = fact
        else:
            key = draw(st.sampled_from(["schema_version", "published", "path", "facts", "extra"]))
            target = data
        if draw(st.integers(0, 4)) == 0:
            marker = "\u0000MARK\u0000"
            target[key] = marker
            return json.dumps(data).replace(json.dumps(marker), draw(RAW_NUMBERS))
        target[key] = draw(JSON_VALUES)
        return json.dumps(data)

    return st.one_of(mutated(), st.text(max_size=200))


def sidecar() -> st.SearchStrategy[str]:
    dates = st.sampled_from(["2020-01-07", "2020-02-30", "\uff12\uff10\uff12\uff10-01-07", "", "0001-01-01", "9999-12-31", "2020-1-7"])
    value = st.one_of(dates.map(json.dumps), JSON_VALUES.map(json.dumps), RAW_NUMBERS)
    return st.one_of(value.map(lambda v: '{"published": ' + v + "}"), st.text(max_size=60))


# ------------------------------------------------------------ arguments
def cli_arguments(article: str, folder: str) -> st.SearchStrategy[list[str]]:
    """Options and values for ``check``, some right and some wrong (always
    ``--jobs 1``: the fuzzer runs the command in its own process)."""
    option = st.one_of(
        st.tuples(st.just("--format"), st.sampled_from(["text", "json", "sarif", "xml", ""])),
        st.tuples(st.just("--fail-on"), st.sampled_from(["info", "warning", "error", "never", "x"])),
        st.tuples(st.just("--published"), st.sampled_from(["2020-01-07", "2020-13-01", "x", "", "\uff12\uff10\uff12\uff10-01-07"])),
        st.tuples(st.just("--rules"), st.sampled_from([folder, folder + "/none.rule", article, "/dev/null"])),
        st.tuples(st.just("--facts"), st.sampled_from([article, folder, folder + "/none.json"])),
        st.just(("--explain",)), st.just(("--no-default-rules",)), st.just(("--no-cache",)),
        st.sampled_from([("--frobnicate",), ("-",), ("--",), ("-f",), ("",)]),
        st.text(min_size=1, max_size=10).map(lambda t: (t,)),
    )
    return st.lists(option, max_size=5).map(lambda opts: [article, *[a for o in opts for a in o], "--jobs", "1"])
