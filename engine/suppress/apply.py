"""Applying suppression comments to a report, and auditing the comments.

Owns which findings a directive hides and which directives are wrong.  A
finding is hidden when its rule matches a directive's rule (id or prefix)
and its place (its first citation's start) lies in the directive's scope:
after a ``disable`` comment up to the matching ``enable`` (or the end of the
file), in the paragraph after a ``disable-next-paragraph`` comment (the one
holding the first prose after the comment), or anywhere for
``disable-file``.  Hidden findings move to ``Report.suppressed`` with their
reason.  Audit findings (``factlint/invalid-suppression``: no reason, no or
unknown rule, unknown directive, an ``enable`` without ``disable``;
``factlint/unused-suppression``: a rule named that hid nothing, as ruff's
RUF100) cite the comment.  With ``hide=False`` (``--no-suppress``) nothing is
hidden: each finding a directive would hide gets a note citing it instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..api import Report
from ..evaluate.findings import Finding, Note, Suppression, cite
from ..facts.model import Span
from ..text.document import Document
from .directives import KINDS, Directive
from .meta import INVALID, UNUSED, MetaRule, selector_matches


@dataclass
class Scope:
    directive: Directive
    selector: str
    start: int
    end: int
    used: int = 0


@dataclass
class Policy:
    """What the settings say about rules: which run (for the audit rules too) and at what severity."""

    known_ids: list[str]
    enabled: Callable[[str], bool]
    severity: Callable[[str, str], str]


def _scopes(
    directives: list[Directive], doc: Document, audit: list[tuple[Directive, str]], paragraphs: list[tuple[int, int]]
) -> list[Scope]:
    scopes: list[Scope] = []
    open_: dict[str, Scope] = {}
    n = len(doc.text)
    for d in directives:
        if d.kind not in KINDS or not d.rules or (d.in_field and d.kind != "disable-file"):
            continue  # reported as invalid; it hides nothing
        for sel in d.rules:
            if d.kind == "disable-file":
                scopes.append(Scope(d, sel, 0, n))
            elif d.kind == "disable":
                scope = Scope(d, sel, d.end, n)
                scopes.append(scope)
                open_.setdefault(sel, scope)
            elif d.kind == "enable":
                opened = open_.pop(sel, None)
                if opened is None:
                    audit.append((d, f"`factlint-enable {sel}` has no `factlint-disable {sel}` before it"))
                else:
                    opened.end = d.start
            else:
                start, end = _next_paragraph(doc.text, paragraphs, d.end)
                scopes.append(Scope(d, sel, start, end))
    return scopes


def _next_paragraph(text: str, paragraphs: list[tuple[int, int]], after: int) -> tuple[int, int]:
    for p_start, p_end in paragraphs:
        if p_end <= after:
            continue
        start = max(p_start, after)
        if text[start:p_end].strip():
            return start, p_end
    return after, after


def _place(f: Finding, doc: Document) -> int:
    if f.citations:
        return f.citations[0].start
    lines = doc.text.splitlines(keepends=True)
    return sum(len(x) for x in lines[: max(f.line - 1, 0)]) + f.column - 1


def _meta(rule: MetaRule, d: Directive, message: str, doc: Document, policy: Policy) -> Finding | None:
    if not policy.enabled(rule.id):
        return None
    c = cite(doc, "suppression", Span.of(doc.text, d.start, d.end))
    return Finding(rule=rule.id, severity=policy.severity(rule.id, rule.severity), title=rule.title, message=message,
                   line=c.line, column=c.column, citations=[c])


def apply_suppressions(
    report: Report,
    doc: Document,
    directives: list[Directive],
    policy: Policy,
    hide: bool = True,
    paragraphs: list[tuple[int, int]] | None = None,
) -> Report:
    """The report with suppressed findings moved aside (or annotated) and the audit findings added.

    ``doc`` is the file as read (offsets of findings and comments are in it);
    ``paragraphs`` are the article's paragraphs in those offsets (default: ``doc``'s own)."""
    audit: list[tuple[Directive, str]] = [(d, p) for d in directives for p in d.problems]
    if paragraphs is None:
        paragraphs = [(p.start, p.end) for p in doc.paragraphs]
    scopes = _scopes(directives, doc, audit, paragraphs)
    unknown: set[tuple[int, str]] = set()
    for s in scopes:
        if not any(selector_matches(s.selector, i) for i in policy.known_ids):
            import difflib  # only for a comment naming no rule

            close = difflib.get_close_matches(s.selector, policy.known_ids, n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            audit.append((s.directive, f"`factlint-{s.directive.kind}` names `{s.selector}`, which is no rule id or prefix{hint}"))
            unknown.add((id(s.directive), s.selector))
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for f in report.findings:
        where = _place(f, doc)
        scope = next((s for s in scopes if selector_matches(s.selector, f.rule) and s.start <= where < s.end), None)
        if scope is None:
            kept.append(f)
            continue
        scope.used += 1
        d = scope.directive
        line, column = doc.position(d.start)
        suppression = Suppression(kind=d.kind, reason=d.reason, line=line, column=column)
        if hide:
            suppressed.append(f.model_copy(update={"suppression": suppression}))
        else:
            c = cite(doc, "suppression", Span.of(doc.text, d.start, d.end))
            note = Note(message=f"suppressed by `factlint-{d.kind}` at line {line}: {d.reason or 'no reason given'}", citations=[c])
            kept.append(f.model_copy(update={"notes": [*f.notes, note]}))
    meta = [_meta(INVALID, d, message, doc, policy) for d, message in audit]
    for s in scopes:
        if s.used or (id(s.directive), s.selector) in unknown:
            continue
        runs = any(policy.enabled(i) for i in policy.known_ids if selector_matches(s.selector, i))
        aside = "" if runs else " (the rule is not run for this file)"
        meta.append(_meta(UNUSED, s.directive, f"`factlint-{s.directive.kind} {s.selector}` suppresses nothing{aside}", doc, policy))
    findings = kept + [m for m in meta if m is not None]
    findings.sort(key=lambda f: (f.citations[0].start if f.citations else 0, f.rule, f.message))
    return report.model_copy(update={"findings": findings, "suppressed": [*report.suppressed, *suppressed]})
