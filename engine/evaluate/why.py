"""Why a rule did not fire: ``factlint explain RULE FILE``.

Owns turning a ``Tracer`` into plain sentences: which bindings found no fact
at all, and for the candidate bindings that came closest (most names bound,
then most conditions passed) the first condition that failed, or the
``unless`` clause that vetoed them.
"""

from __future__ import annotations

from ..lang.compiled import CompiledRule
from ..text.document import Document
from ..vocab.context import EvalContext
from .budget import ARTICLE_BUDGET
from .evaluator import RuleRun, Tracer
from .index import FactIndex


def _describe_fact(ctx: EvalContext, fact_id: str, doc: Document) -> str:
    fact = ctx.get(fact_id)
    if fact is None:
        return fact_id
    line, col = doc.source_document.position(doc.locate(fact.start, fact.end).start)
    text = " ".join(fact.cite_span().text.split())
    if len(text) > 60:
        text = text[:57] + "\u2026"
    return f"{fact_id} ({fact.kind} at {line}:{col}: \"{text}\")"


def explain_rule(rule: CompiledRule, ctx: EvalContext, doc: Document) -> list[str]:
    index = FactIndex(ctx)
    tracer = Tracer()
    run = RuleRun(rule, index, doc, tracer=tracer)
    run.advance(ctx.meter.spent + ARTICLE_BUDGET)
    run.wrap_up()
    lines = [f"rule {rule.id}: {rule.title}"]
    for b in rule.bindings:
        count = len(index.candidates(b))
        lines.append(f"  {b.name}: {b.phrase} -> {count} candidate fact{'s' if count != 1 else ''}")
    cut = run.notice(ARTICLE_BUDGET)
    if cut:
        lines.append(f"  {cut}")
    if run.matched:
        n, m = len(run.findings), run.matched
        lines.append(f"  it fires: {m} binding{'s' if m != 1 else ''}, {n} finding{'s' if n != 1 else ''}")
        return lines
    for empty in tracer.empty:
        lines.append(f"  no fact is {empty.split(': ', 1)[1]} (binding {empty.split(':')[0]}), so nothing can match")
    for bound, query, fact_id in tracer.vetoed[:5]:
        facts = ", ".join(f"{k}={_describe_fact(ctx, v, doc)}" for k, v in bound.items())
        lines.append(f"  vetoed by `unless {query}` (found {_describe_fact(ctx, fact_id, doc)}) for {facts}")
    if tracer.attempts:
        lines.append("  closest candidates:")
        for a in tracer.attempts:
            facts = ", ".join(f"{k}={_describe_fact(ctx, v, doc)}" for k, v in a.bound.items())
            lines.append(f"    {facts}")
            for p in a.passed:
                lines.append(f"      held:   {p}")
            lines.append(f"      failed: {a.failed}")
    if len(lines) == 1 + len(rule.bindings):
        lines.append("  no candidate binding got as far as a condition")
    return lines
