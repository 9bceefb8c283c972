"""Evaluating compiled rules over one article's facts.

Owns the join: bindings are bound in the order the rule gives them; for
each, candidates come from the index (by kind, or by join key when a
relation links the new name to one already bound), and every condition is
checked as soon as all its names are bound.  Then ``unless`` sub-queries
veto a match, matches are grouped (``group by``) or de-duplicated (the same
set of facts reported once), and each group becomes one finding whose
citations are its facts and whose notes are the facts ``note`` queries find.
Findings come out in a deterministic order: by position, then rule id.

A ``Tracer`` records how far candidate bindings got; ``factlint explain``
uses it to say why a rule did not fire.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..facts.model import Fact
from ..lang.compiled import CompiledRule, CQuery, Env
from ..text.document import Document
from ..vocab.context import EvalContext
from .findings import Explanation, Finding, Note, cite
from .index import FactIndex

#: Upper bound on candidate facts tried per rule and article: a guard
#: against a pathological rule (every pair of every fact) running for long.
MAX_STEPS = 200_000
#: Upper bound for all rules together on one article (unless and note
#: lookups count too), so many heavy rules cannot add up to a hang either.
MAX_ARTICLE_STEPS = 1_000_000
#: At most this many findings per rule and article, and for all rules
#: together; and at most this many notes per finding.  More is noise, and
#: unbounded output is a way to make a run take forever.
MAX_FINDINGS = 500
MAX_ARTICLE_FINDINGS = 2_000
MAX_NOTES = 20


@dataclass
class Attempt:
    """A candidate binding that stopped at a condition (for explain)."""

    bound: dict[str, str]
    depth: int
    passed: list[str]
    failed: str


@dataclass
class Tracer:
    keep: int = 5
    attempts: list[Attempt] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)  # bindings with no candidate at all
    vetoed: list[tuple[dict[str, str], str, str]] = field(default_factory=list)

    def record(self, attempt: Attempt) -> None:
        self.attempts.append(attempt)
        self.attempts.sort(key=lambda a: (-a.depth, -len(a.passed)))
        del self.attempts[self.keep :]


class _Budget:
    """Steps left for one rule, drawn from the article's shared budget."""

    def __init__(self, shared: _Budget | None = None, steps: int | None = None) -> None:
        self.shared = shared
        self.left = MAX_STEPS if steps is None else steps

    def spend(self, n: int = 1) -> bool:
        """Take ``n`` steps; False once this rule's or the article's budget is gone."""
        self.left -= n
        if self.shared is not None:
            self.shared.left -= n
            return self.left >= 0 and self.shared.left >= 0
        return self.left >= 0


def _query_candidates(q: CQuery, env: Env, index: FactIndex) -> list[Fact]:
    for cond in q.conditions:
        join = cond.joins.get(q.binding.name)
        if join is not None and join.other in env:
            return index.joined(q.binding, join, env[join.other])
    return index.candidates(q.binding)


def query_facts(q: CQuery, env: Env, index: FactIndex, budget: _Budget | None = None) -> list[Fact]:
    """Facts that satisfy an unless/note query given the outer bindings."""
    out: list[Fact] = []
    bound_ids = {f.id for f in env.values()}
    candidates = _query_candidates(q, env, index)
    if budget is not None and not budget.spend(len(candidates)):
        return out
    for f in candidates:
        if f.id in bound_ids:
            continue
        inner = {**env, q.binding.name: f}
        if all(c.test(inner, index.ctx) for c in q.conditions):
            out.append(f)
    return out


def match_rule(rule: CompiledRule, index: FactIndex, tracer: Tracer | None = None, shared: _Budget | None = None) -> list[Env]:
    ctx = index.ctx
    matches: list[Env] = []
    budget = _Budget(shared)
    env: Env = {}
    stopped = False

    def stop() -> None:
        nonlocal stopped
        stopped = True
        if rule.id not in index.truncated:
            index.truncated.append(rule.id)

    def step(i: int) -> None:
        if stopped:
            return
        if i == len(rule.bindings):
            for q in rule.unless:
                found = query_facts(q, env, index, budget)
                if budget.left < 0 or (budget.shared is not None and budget.shared.left < 0):
                    stop()
                    return
                if found:
                    if tracer is not None:
                        tracer.vetoed.append(({k: v.id for k, v in env.items()}, q.text, found[0].id))
                    return
            matches.append(dict(env))
            return
        binding = rule.bindings[i]
        conds = rule.steps[i]
        candidates = None
        for cond in conds:
            join = cond.joins.get(binding.name)
            if join is not None and join.other in env:
                candidates = index.joined(binding, join, env[join.other])
                break
        if candidates is None:
            candidates = index.candidates(binding)
            if not candidates and tracer is not None and binding.phrase not in tracer.empty:
                tracer.empty.append(f"{binding.name}: {binding.phrase}")
        bound_ids = {f.id for f in env.values()}
        for fact in candidates:
            if stopped or not budget.spend():
                stop()
                return
            index.visited += 1
            if fact.id in bound_ids:
                continue
            env[binding.name] = fact
            passed: list[str] = []
            ok = True
            for cond in conds:
                if cond.test(env, ctx):
                    passed.append(cond.text)
                else:
                    ok = False
                    if tracer is not None:
                        tracer.record(Attempt({k: v.id for k, v in env.items()}, i, passed, cond.text))
                    break
            if ok:
                step(i + 1)
            del env[binding.name]

    step(0)
    return matches


def findings_for(
    rule: CompiledRule,
    matches: list[Env],
    index: FactIndex,
    doc: Document,
    explain: bool = False,
    budget: _Budget | None = None,
) -> list[Finding]:
    groups: dict[tuple, list[Env]] = {}
    for env in matches:
        if rule.group_by:
            groups.setdefault(tuple(env[n].id for n in rule.group_by), []).append(env)
        else:
            # the same facts matched in another order (a symmetric relation):
            # report the first ordering only
            groups.setdefault(tuple(sorted(f.id for f in env.values())), [env])
    findings: list[Finding] = []
    cited: set[tuple] = set()
    for envs in groups.values():
        if len(findings) >= MAX_FINDINGS:
            index.capped.append(rule.id)
            break
        finding = _finding(rule, envs, index, doc, explain, budget)
        # two groups that cite the same places (two facts read from one
        # span) are one finding for the reader: report it once
        key = tuple((c.role, c.start, c.end) for c in finding.citations)
        if key not in cited:
            cited.add(key)
            findings.append(finding)
    return findings


def _finding(
    rule: CompiledRule, envs: list[Env], index: FactIndex, doc: Document, explain: bool, budget: _Budget | None = None
) -> Finding:
    ctx = index.ctx
    citations = []
    seen: set[tuple[str, str]] = set()
    for b in rule.bindings:
        facts = sorted({env[b.name].id: env[b.name] for env in envs}.values(), key=lambda f: (f.start, f.id))
        for f in facts:
            if (b.name, f.id) not in seen:
                seen.add((b.name, f.id))
                citations.append(cite(doc, b.name, f.cite_span(), f))
    notes: list[Note] = []
    noted: set[str] = set()
    for note in rule.notes:
        for env in envs:
            for f in query_facts(note.query, env, index, budget):
                if f.id in noted or len(notes) >= MAX_NOTES:
                    continue
                noted.add(f.id)
                inner = {**env, note.query.binding.name: f}
                notes.append(
                    Note(message=note.template.render([inner], ctx), citations=[cite(doc, note.query.binding.name, f.cite_span(), f)])
                )
    first = citations[0] if citations else None
    finding = Finding(
        rule=rule.id,
        severity=rule.severity,
        title=rule.title,
        message=rule.message.render(envs, ctx),
        line=first.line if first else 1,
        column=first.column if first else 1,
        citations=citations,
        notes=notes,
    )
    if explain:
        finding.explanation = [
            Explanation(
                bound={k: v.id for k, v in env.items()},
                conditions=[c.text for step in rule.steps for c in step],
                absent=[q.text for q in rule.unless],
            )
            for env in envs
        ]
    return finding


def evaluate(
    rules: list[CompiledRule], ctx: EvalContext, doc: Document, explain: bool = False, notices: list[str] | None = None
) -> list[Finding]:
    """All findings of ``rules`` on one article, in a deterministic order.

    A rule that hits the step limit is named in ``notices``."""
    index = FactIndex(ctx)
    shared = _Budget(steps=MAX_ARTICLE_STEPS)
    findings: list[Finding] = []
    stopped_at = None
    for rule in rules:
        if len(findings) >= MAX_ARTICLE_FINDINGS:
            stopped_at = rule.id
            break
        budget = _Budget(shared)
        matches = match_rule(rule, index, shared=shared) if shared.left > 0 else []
        if shared.left <= 0 and rule.id not in index.truncated:
            index.truncated.append(rule.id)
        findings.extend(findings_for(rule, matches, index, doc, explain, budget))
    findings.sort(key=lambda f: (f.citations[0].start if f.citations else 0, f.rule, f.message))
    if notices is not None:
        for rule_id in index.truncated:
            notices.append(
                f"rule {rule_id} stopped at its step limit ({MAX_STEPS:,} per rule, {MAX_ARTICLE_STEPS:,} per article); "
                "its findings may be incomplete"
            )
        for rule_id in index.capped:
            notices.append(f"rule {rule_id} reported only its first {MAX_FINDINGS} findings")
        if stopped_at is not None:
            notices.append(f"stopped after {MAX_ARTICLE_FINDINGS:,} findings; rules from {stopped_at} on were not run")
    return findings
