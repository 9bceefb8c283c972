"""Inputs built to be slow or large: the worst cases of issue 14.

Owns the builders of the hostile inputs that ``bench/worst_cases.py`` times
and ``tests/test_worst_cases.py`` guards: the seed article repeated (32x,
128x, up to the 2 MB limit), a long read written to be full of denials,
documents and reports on shared topics (30 KB and 2 MB), 2 MB of numbers,
2 MB of the seed's words in random order, one unclosed quotation of
640 KB, rules with the largest message a rule may have (50 placeholders,
2,000 characters), a rule relating every pair of facts with no index, and a
facts file of 100,000 facts.  Everything is generated (no corpus text):
the same call gives the same bytes.

Each ``Case`` says what to run and what its output must show; the targets
(seconds on the project's machine) live in ``worst_cases.py``, not in tests.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_548f20d3808859fa.txt"
MAX_BYTES = 2 * 1024 * 1024


@dataclass
class Case:
    name: str
    text: str
    #: extra rule files: name -> source (``--rules``)
    rules: dict[str, str] = field(default_factory=dict)
    #: a facts file to use instead of extraction (``--facts``)
    facts: dict | None = None
    published: str | None = "2020-01-07"
    no_default_rules: bool = False
    #: rules that must report at least one finding
    must_fire: tuple[str, ...] = ()
    #: seconds this case must be checked in on the project's machine
    target: float = 10.0
    what: str = ""


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def repeated_seed(times: int) -> str:
    return (seed_text() + "\n\n") * times


def seed_to_limit() -> str:
    one = seed_text() + "\n\n"
    return one * ((MAX_BYTES - 1) // len(one.encode("utf-8")))


# ----------------------------------------------------------- a long read
_SUBJECTS = [
    "the northern port", "the maternity ward at Kirkby General", "three rural schools", "the night bus service",
    "the Riverside library", "the county's two fire stations", "the harbour ferry", "the old steelworks site",
    "the central police station", "the children's hospice", "the A&E department at night", "the tram extension",
    "the coastal flood barrier", "the city's public baths", "the regional airport", "the north wing of the prison",
]
_VERBS = [("close", "closed"), ("be sold", "sold"), ("be cut", "cut"), ("be scrapped", "scrapped"), ("shut", "shut"),
          ("be privatised", "privatised")]
_OFFICIALS = ["A Transport Ministry spokesman", "Health Minister Dana Reyes", "A council spokeswoman",
              "Home Office minister Ruth Kerr", "The finance ministry", "A Treasury spokeswoman", "Mayor Ann Patel"]
_AUTHORS = ["the finance minister", "the chief executive", "the county's director of services", "the chief constable",
            "the health board's chair", "the mayor's chief of staff"]
_DOCS = ["letter", "memo", "leaked report", "briefing note", "email"]
_OUTLETS = ["the Herald", "the Echo", "the Evening Star", "the Guardian", "Reuters"]
_NAMES = ["John Smith", "Mary Jones", "Alan Seely", "Priya Patel", "Tom Brennan", "Chloe Martin", "Omar Haddad"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def long_read(size: int, seed: int = 14) -> str:
    """An article of about ``size`` bytes of denials, documents, reports
    and statements that share their topics (the shape that makes ``conflicts
    with`` work), with figures, ages and dates between them."""
    rnd = random.Random(seed)
    paras = ["Ministers deny plans to close services", ""]
    used = sum(len(p.encode("utf-8")) + 1 for p in paras)
    while True:
        subject = rnd.choice(_SUBJECTS)
        verb, done = rnd.choice(_VERBS)
        doc, author, outlet = rnd.choice(_DOCS), rnd.choice(_AUTHORS), rnd.choice(_OUTLETS)
        official, name, day = rnd.choice(_OFFICIALS), rnd.choice(_NAMES), rnd.choice(_DAYS)
        para = rnd.choice([
            f"{_an(doc).capitalize()} from {author}, seen by {outlet}, says {subject} will {verb} in {rnd.choice(['May', 'June', 'July'])}.",
            f"{outlet[0].upper() + outlet[1:]} reported on {day}, citing {_an(doc)} from {author}, that {subject} would {verb}.",
            f"{official} denied that {subject} would {verb}, saying there were no plans to do so.",
            f"\u201cThere are no plans to {verb.replace('be ', '')} {subject},\u201d {official[0].lower() + official[1:]} said on {day}.",
            f"{name}, {rnd.randint(25, 70)}, said {subject} had already been {done} once before, in {rnd.randint(1990, 2019)}.",
            f"About {rnd.randint(2, 90) * 100:,} people use {subject} every week, and {rnd.randint(2, 40)} staff work there.",
            f"The {doc} was a draft, {author} later said, adding that {subject} would not {verb}.",
        ])
        used += len(para.encode("utf-8")) + 2
        if used > size:
            break
        paras.append(para)
        paras.append("")
    return "\n".join(paras)


def _an(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


# --------------------------------------------------------------- the rest
def numbers(size: int) -> str:
    rnd = random.Random(7)
    out, n = [], 0
    while n < size:
        piece = f"{rnd.randint(1, 99_999):,} people"
        out.append(piece)
        n += len(piece) + 1
    return " ".join(out)[: size - 1] + "\n"


def shuffled_words(size: int) -> str:
    rnd = random.Random(3)
    words = seed_text().split()
    out, n = [], 0
    while n < size:
        w = rnd.choice(words)
        out.append(w)
        n += len(w.encode("utf-8")) + 1
    return " ".join(out[:-1]) + "\n"


def unclosed_quote(size: int) -> str:
    body = " ".join(["The port would not be sold, and"] * (size // 32))
    return "Port row\n\nMinistry spokesman Bob Smith said: \u201c" + body + "\n\nThe Guardian reported a letter.\n"


#: the largest message a rule may have: 50 placeholders, 2,000 characters
MANY_PLACEHOLDERS = (
    'rule wide:\n  match s: a statement, r: a repetition\n  message "'
    + " ".join("{s.speaker} {r.word}" for _ in range(25))[:1990]
    + '"\n'
)
#: the longest message text a rule may have, without placeholders
LONG_MESSAGE = 'rule long:\n  match r: a repetition\n  message "' + ("word " * 400)[:2000] + '"\n'
#: a message far over the limit (refused when the rule file is read)
HUGE_MESSAGE = 'rule huge:\n  match r: a repetition\n  message "' + "x" * 500_000 + '"\n'
#: every pair of facts related by a relation no index serves
EVERY_PAIR = (
    "rule pairs:\n  match a: a statement or report or document or event or time or quantity or role or entity,\n"
    "        b: a statement or report or document or event or time or quantity or role or entity\n"
    "  where a is within 5 words of b and a.start < b.start\n"
)


def many_facts(text: str, count: int) -> dict:
    """A facts file of ``count`` quantity facts, all of one counted noun, over ``text``."""
    facts = []
    for i in range(count):
        facts.append({"id": f"q{i}", "kind": "quantity", "start": 0, "end": 4, "text": text[:4], "value": float(i % 97),
                      "noun_key": "people", "figure": {"start": 0, "end": 4, "text": text[:4]}, "sentence": 0, "paragraph": 0})
    return {"schema_version": 1, "facts": facts}


def cases(full: bool = True) -> list[Case]:
    """The worst cases; ``full=False`` leaves out the 1-2 MB ones (for tests)."""
    out = [
        Case("seed", seed_text(), must_fire=("style/repeated-word", "attribution/denial-vs-document"), target=0.5,
             what="the seed article (2 KB)"),
        Case("seed x32", repeated_seed(32), must_fire=("style/repeated-word", "attribution/denial-vs-document"), target=10,
             what="the seed repeated 32 times (70 KB)"),
        Case("seed x128", repeated_seed(128), must_fire=("style/repeated-word", "attribution/denial-vs-document"), target=10,
             what="the seed repeated 128 times (280 KB)"),
        Case("long read 30 KB", long_read(30_000), must_fire=("attribution/denial-vs-document",), target=0.5,
             what="30 KB of denials, documents and reports on shared topics"),
        Case("placeholders", repeated_seed(32), rules={"wide.rule": MANY_PLACEHOLDERS}, must_fire=("wide",),
             what="a message of 50 placeholders, on the seed x32"),
        Case("long message", repeated_seed(32), rules={"long.rule": LONG_MESSAGE}, must_fire=("long",),
             what="a 2,000-character message, on the seed x32"),
        Case("every pair", repeated_seed(32), rules={"pairs.rule": EVERY_PAIR}, no_default_rules=True, must_fire=("pairs",),
             what="a rule over every pair of facts (no index), seed x32"),
        Case("facts file", "1234 people\n", facts=many_facts("1234 people\n", 20_000), target=10,
             what="--facts with 20,000 quantities of one noun"),
    ]
    if full:
        out += [
            Case("seed to 2 MB", seed_to_limit(), must_fire=("style/repeated-word",), what="the seed repeated up to 2 MB"),
            Case("long read 2 MB", long_read(MAX_BYTES - 4096), what="2 MB of denials, documents and reports"),
            Case("numbers 2 MB", numbers(MAX_BYTES - 1024), what="2 MB of '12,345 people'"),
            Case("words 2 MB", shuffled_words(MAX_BYTES - 1024), what="2 MB of the seed's words in random order"),
            Case("unclosed quote", unclosed_quote(640_000), what="one quotation never closed, 640 KB"),
            Case("every pair 2 MB", seed_to_limit(), rules={"pairs.rule": EVERY_PAIR}, no_default_rules=True,
                 what="a rule over every pair of facts, seed to 2 MB"),
        ]
    return out


def write_case(case: Case, folder: Path) -> list[str]:
    """Write ``case``'s files under ``folder``; the ``factlint check`` arguments."""
    folder.mkdir(parents=True, exist_ok=True)
    article = folder / "article.txt"
    article.write_text(case.text, encoding="utf-8")
    args = [str(article), "--format", "json", "--jobs", "1"]
    if case.published:
        args += ["--published", case.published]
    for name, source in case.rules.items():
        (folder / name).write_text(source, encoding="utf-8")
        args += ["--rules", str(folder / name)]
    if case.no_default_rules:
        args.append("--no-default-rules")
    if case.facts is not None:
        (folder / "facts.json").write_text(json.dumps(case.facts), encoding="utf-8")
        args += ["--facts", str(folder / "facts.json")]
    return args
