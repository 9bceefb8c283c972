"""Evaluating compiled rules over one article's facts.

Owns the join and the rule's run: bindings are bound in the order the rule
gives them; for each, candidates come from the index (by kind, or by join
key when a relation links the new name to one already bound), and every
condition is checked as soon as all its names are bound.  Then ``unless``
sub-queries veto a match, matches are grouped (``group by``) or
de-duplicated (the same set of facts reported once), and each group becomes
one finding (``assemble``).  Findings come out in a deterministic order: by
position, then rule id.

A ``RuleRun`` is one rule on one article, and can stop and resume anywhere
in its work: ``budget.share_out`` gives every rule a fair share of the
article's work budget, and a run that is not done when the budget is spent
reports what it found and says exactly what it did not evaluate.  Every
step is charged to the article's meter (see ``budget`` for the units).

A ``Tracer`` records how far candidate bindings got; ``factlint explain``
uses it to say why a rule did not fire.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field

from ..facts.model import Fact
from ..lang.compiled import CompiledRule, CQuery, Env
from ..text.document import Document
from ..vocab.context import EvalContext
from . import budget as _budget
from .assemble import MAX_GROUP_MATCHES, MAX_NOTES, Caps, finding_of, notes_of, output_size
from .budget import ARTICLE_BUDGET, STEP, share_out
from .findings import Finding
from .index import FactIndex

#: a piece of a rule's work that can stop (yield) and be resumed
Work = Generator[None, None, None]

#: At most this many findings per rule and article, and for all rules
#: together; more is noise, and unbounded output is a way to make a run
#: take forever.
MAX_FINDINGS = 500
MAX_ARTICLE_FINDINGS = 2_000
#: At most this many characters of messages and cited text in one article's
#: findings (each finding is capped too, see ``assemble``).
MAX_ARTICLE_OUTPUT = 8_000_000


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


class RuleRun:
    """One rule on one article; ``advance`` works until the meter reaches a
    limit, and the next ``advance`` goes on where it stopped."""

    def __init__(
        self, rule: CompiledRule, index: FactIndex, doc: Document, explain: bool = False, tracer: Tracer | None = None,
        assemble: bool = True,
    ):
        self.rule, self.index, self.doc, self.explain, self.tracer = rule, index, doc, explain, tracer
        self.assemble = assemble
        self.meter = index.ctx.meter
        self.limit = 0
        self.spent = 0
        self.done = False
        #: matches found (before grouping), and the groups they form
        self.matched = 0
        self.groups: dict[tuple, list[Env]] = {}
        #: matches of a full group that were not kept (by group key)
        self.unkept: dict[tuple, int] = {}
        self.capped = False
        #: the first binding's candidates, and how many were fully evaluated
        self.first: list[Fact] = []
        self.first_done = 0
        self.matching = True
        self.findings: list[Finding] = []
        self.envs: list[tuple[list[Env], Caps]] = []  # the group of each finding, and its caps
        self.noted = 0  # findings whose notes were looked for
        self._env: Env = {}
        #: query results by the ids of the outer facts the query reads
        self._memo: dict[tuple, list[Fact]] = {}
        self._work = self._run()

    # ------------------------------------------------------------- driving
    def advance(self, limit: int) -> None:
        if self.done:
            return
        self.limit = limit
        before = self.meter.spent
        try:
            next(self._work)
        except StopIteration:
            self.done = True
        self.spent += self.meter.spent - before

    def wrap_up(self) -> None:
        """When the budget is spent before the run is done: its findings
        from the matches found so far (bounded by the caps), without notes."""
        if self.matching:
            self._assemble()

    def _run(self) -> Work:
        yield from self._step(0)
        self.first_done = len(self.first)
        if not self.assemble:
            return
        self._assemble()
        for k, (finding, (envs, cuts)) in enumerate(zip(self.findings, self.envs)):
            self.noted = k
            yield from self._notes(finding, envs, cuts)
        self.noted = len(self.findings)

    def _pause(self) -> bool:
        return self.meter.spent >= self.limit

    # ---------------------------------------------------------------- join
    def _candidates(self, i: int) -> list[Fact]:
        binding = self.rule.bindings[i]
        found = self._joined(binding, self.rule.steps[i], self._env)
        if found is None:
            found = self.index.candidates(binding)
            if not found and self.tracer is not None and binding.phrase not in self.tracer.empty:
                self.tracer.empty.append(f"{binding.name}: {binding.phrase}")
        return found

    def _joined(self, binding, conds, env: Env) -> list[Fact] | None:
        """Candidates by index lookup: of the joins the conditions allow with
        names already bound, the one that gives the fewest facts (None when
        no condition allows one)."""
        joins = [j for c in conds if (j := c.joins.get(binding.name)) is not None and j.other in env]
        if not joins:
            return None
        if len(joins) > 1:
            joins.sort(key=lambda j: self.index.estimate(binding, j, env[j.other]))
        return self.index.joined(binding, joins[0], env[joins[0].other])

    def _step(self, i: int) -> Work:
        rule, env, meter, ctx = self.rule, self._env, self.meter, self.index.ctx
        if i == len(rule.bindings):
            for q in rule.unless:
                veto = yield from self._query(q, env, first_only=True)
                if veto:
                    if self.tracer is not None:
                        self.tracer.vetoed.append(({k: v.id for k, v in env.items()}, q.text, veto[0].id))
                    return
            self._add(dict(env))
            return
        binding, conds = rule.bindings[i], rule.steps[i]
        candidates = self._candidates(i)
        if i == 0:
            self.first = candidates
        bound_ids = {f.id for f in env.values()}
        for n, fact in enumerate(candidates):
            if not self.matching:
                return
            if i == 0:
                self.first_done = n
            if meter.spent >= self.limit:
                yield
            meter.spent += STEP
            self.index.visited += 1
            if fact.id in bound_ids:
                continue
            env[binding.name] = fact
            passed: list[str] = []
            ok = True
            for cond in conds:
                meter.spent += cond.cost
                if cond.test(env, ctx):
                    passed.append(cond.text)
                else:
                    ok = False
                    if self.tracer is not None:
                        self.tracer.record(Attempt({k: v.id for k, v in env.items()}, i, passed, cond.text))
                    break
            if ok:
                yield from self._step(i + 1)
            del env[binding.name]

    def _query(self, q: CQuery, env: Env, first_only: bool = False) -> Generator[None, None, list[Fact]]:
        """Facts other than those bound that satisfy an unless/note query
        given the outer bindings (the first one only, for ``unless``),
        returned by ``yield from``.  Which facts satisfy the conditions
        depends only on the outer facts they read, so that list is kept by
        their ids (a group's matches often share them)."""
        bound_ids = {f.id for f in env.values()}
        want = (1 if first_only else MAX_NOTES) + len(bound_ids)
        key = (id(q), first_only, *(env[n].id for n in q.outer if n in env))
        found = self._memo.get(key)
        if found is None:
            found = []
            candidates = self._joined(q.binding, q.conditions, env)
            if candidates is None:
                candidates = self.index.candidates(q.binding)
            meter, ctx = self.meter, self.index.ctx
            for f in candidates:
                if meter.spent >= self.limit:
                    yield
                meter.spent += STEP
                inner = {**env, q.binding.name: f}
                ok = True
                for c in q.conditions:
                    meter.spent += c.cost
                    if not c.test(inner, ctx):
                        ok = False
                        break
                if ok:
                    found.append(f)
                    if len(found) >= want:
                        break
            self._memo[key] = found
        out = [f for f in found if f.id not in bound_ids]
        return out[:1] if first_only else out[:MAX_NOTES]

    def _add(self, env: Env) -> None:
        self.matched += 1
        rule = self.rule
        if rule.group_by:
            key = tuple(env[n].id for n in rule.group_by)
        else:
            # the same facts matched in another order (a symmetric relation):
            # report the first ordering only
            key = tuple(sorted(f.id for f in env.values()))
        group = self.groups.get(key)
        if group is None:
            # room for groups that turn out to cite the same places as another
            if len(self.groups) >= 2 * MAX_FINDINGS:
                self.capped = True
                self.matching = bool(rule.group_by)  # nothing new can be reported
                return
            self.groups[key] = [env]
        elif rule.group_by:
            if len(group) < MAX_GROUP_MATCHES:
                group.append(env)
            else:
                self.unkept[key] = self.unkept.get(key, 0) + 1

    # ------------------------------------------------------------ findings
    def _assemble(self) -> None:
        self.matching = False
        cited: set[tuple] = set()
        for group, envs in self.groups.items():
            if len(self.findings) >= MAX_FINDINGS:
                self.capped = True
                break
            more = self.unkept.get(group, 0)
            finding, cuts = finding_of(self.rule, envs, self.index.ctx, self.doc, self.explain, more)
            # two groups that cite the same places (two facts read from one
            # span) are one finding for the reader: report it once
            key = tuple((c.role, c.start, c.end) for c in finding.citations)
            if key not in cited:
                cited.add(key)
                self.findings.append(finding)
                self.envs.append((envs, cuts))

    def _notes(self, finding: Finding, envs: list[Env], cuts: Caps) -> Work:
        if not self.rule.notes:
            return
        found: list[tuple[object, Env, Fact]] = []
        for note in self.rule.notes:
            for env in envs:
                facts = yield from self._query(note.query, env)
                found.extend((note, env, f) for f in facts or [])
        notes_of(finding, cuts, found, self.index.ctx)

    # ------------------------------------------------------------- notices
    def notice(self, budget: int) -> str | None:
        """What this run did not evaluate, if anything (None when it is done)."""
        if self.done:
            return None
        rule = self.rule
        cut = f"rule {rule.id} was cut short by the article's work limit (it used {self.spent:,} of {budget:,} units)"
        if self.first_done < len(self.first) or not self.first:
            name = rule.bindings[0].name
            total = len(self.first)
            left = total - self.first_done
            if not self.first:
                return f"{cut}: it was not evaluated at all"
            line, _ = self.doc.position(self.first[self.first_done].start)
            if self.first_done == 0:
                return f"{cut}: none of its {total:,} `{name}` candidates (from line {line} on) was fully evaluated"
            verb = "was" if left == 1 else "were"
            return f"{cut}: {left:,} of its {total:,} `{name}` candidates (from line {line} on) {verb} not fully evaluated"
        left = len(self.findings) - self.noted
        line = self.findings[self.noted].line if left else 1
        return f"{cut}: the notes of {left:,} of its {len(self.findings):,} findings (from line {line} on) were not looked for"


def match_rule(rule: CompiledRule, index: FactIndex, tracer: Tracer | None = None) -> list[Env]:
    """The matches of one rule (the first of each group), for tests."""
    run = RuleRun(rule, index, Document(""), tracer=tracer, assemble=False)
    run.advance(index.ctx.meter.spent + ARTICLE_BUDGET)
    return [envs[0] for envs in run.groups.values()]


def evaluate(
    rules: list[CompiledRule], ctx: EvalContext, doc: Document, explain: bool = False, notices: list[str] | None = None,
    budget: int | None = None,
) -> list[Finding]:
    """All findings of ``rules`` on one article, in a deterministic order.

    Every rule gets a fair share of ``budget`` (default ``budget.ARTICLE_BUDGET``);
    what a rule did not evaluate, and findings cut by the caps, are said in
    ``notices``."""
    budget = _budget.ARTICLE_BUDGET if budget is None else budget
    index = FactIndex(ctx)
    runs = [RuleRun(rule, index, doc, explain) for rule in rules]
    share_out(runs, ctx.meter, budget)
    findings: list[Finding] = []
    lost: dict[str, int] = {}
    size = 0
    for run in runs:
        run.wrap_up()
        for f in run.findings:
            size += output_size(f)
            if len(findings) >= MAX_ARTICLE_FINDINGS or size > MAX_ARTICLE_OUTPUT:
                lost[run.rule.id] = lost.get(run.rule.id, 0) + 1
            else:
                findings.append(f)
    findings.sort(key=lambda f: (f.citations[0].start if f.citations else 0, f.rule, f.message))
    if notices is not None:
        for run in runs:
            said = run.notice(budget)
            if said:
                notices.append(said)
            if run.capped:
                notices.append(f"rule {run.rule.id} reported only its first {MAX_FINDINGS} findings")
        if lost:
            which = ", ".join(f"{rule_id} ({n:,})" for rule_id, n in lost.items())
            notices.append(
                f"only the first {len(findings):,} findings of the article are reported "
                f"(at most {MAX_ARTICLE_FINDINGS:,}, and {MAX_ARTICLE_OUTPUT // 1_000_000} million characters); "
                f"findings not reported: {which}"
            )
    return findings
