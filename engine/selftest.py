"""Rule self-tests: running every ``example`` of every rule.

Owns the meaning of examples.  A ``fires`` example must produce at least
one finding of its rule, and every span marked ``[[...]]`` must be cited
exactly (same start and end) by a citation or note of one of those findings.
A ``passes`` example must produce no finding of its rule.  Each example is
checked with only its own rule enabled, with the full lexicons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .api import RuleSet, check_text

_MARK = re.compile(r"\\\[|\\\]|\[\[|\]\]")


def strip_markers(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Text without ``[[``/``]]`` and the code-point spans they marked.

    ``\\[`` and ``\\]`` stand for a literal bracket (so an example can contain
    ``[[`` itself)."""
    out, spans, pos, open_at, length = [], [], 0, None, 0
    for m in _MARK.finditer(text):
        out.append(text[pos : m.start()])
        length += m.start() - pos
        token = m.group()
        if token in ("\\[", "\\]"):
            out.append(token[1])
            length += 1
        elif token == "[[":
            open_at = length
        elif open_at is not None:
            spans.append((open_at, length))
            open_at = None
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans


@dataclass
class ExampleResult:
    rule: str
    kind: str
    line: int
    ok: bool
    fired: int
    problem: str = ""


@dataclass
class RuleResult:
    rule: str
    path: str
    results: list[ExampleResult] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(r.ok for r in self.results)

    @property
    def failed(self) -> int:
        return sum(not r.ok for r in self.results)

    @property
    def true_positives(self) -> int:
        return sum(1 for r in self.results if r.kind == "fires" and r.fired)

    @property
    def false_positives(self) -> int:
        return sum(1 for r in self.results if r.kind == "passes" and r.fired)


def run_examples(rules: RuleSet, rule_ids: list[str] | None = None) -> list[RuleResult]:
    out = []
    for rule in rules.rules:
        if rule_ids and rule.id not in rule_ids:
            continue
        single = RuleSet([rule], rules.lexicons)
        rr = RuleResult(rule.id, rule.path)
        for ex in rule.examples:
            text, marks = strip_markers(ex.text)
            report = check_text(text, published=ex.published, rules=single, path=f"{rule.path}:{ex.pos.line}")
            fired = len(report.findings)
            if ex.kind == "passes":
                ok = fired == 0
                problem = "" if ok else f"fired: {report.findings[0].message}"
            else:
                cited = {(c.start, c.end) for f in report.findings for c in [*f.citations, *(c for n in f.notes for c in n.citations)]}
                missing = [text[s:e] for s, e in marks if (s, e) not in cited]
                ok = fired > 0 and not missing
                if not fired:
                    problem = "did not fire"
                elif missing:
                    got = sorted(cited)
                    problem = (
                        "marked span not cited: "
                        + "; ".join(repr(m[:50]) for m in missing)
                        + f" (cited: {', '.join(repr(text[s:e][:40]) for s, e in got)})"
                    )
                else:
                    problem = ""
            rr.results.append(ExampleResult(rule.id, ex.kind, ex.pos.line, ok, fired, problem))
        out.append(rr)
    return out
