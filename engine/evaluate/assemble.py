"""Assembling a finding from a group of matches, within fixed output bounds.

Owns turning one group of matches of a rule into a ``Finding``: its
citations (each bound fact once, in binding order, then by position), its
message (the template rendered over the group), its notes (the facts the
rule's ``note`` queries found, rendered), and the caps that keep one
finding's output bounded whatever the input:

* at most ``MAX_CITATIONS`` citations and ``MAX_CITED_CHARS`` characters of
  cited text (the first fact of each name always cited); a span longer than
  ``MAX_CITATION_CHARS`` is cited by its first characters (the citation
  still slices the article exactly: ``text`` is ``article[start:end]``);
* at most ``MAX_NOTES`` notes, each with its citation (cut the same way);
* at most ``MAX_GROUP_MATCHES`` matches kept for a grouped finding;
* a message or note message at most ``lang.compiled.MAX_RENDERED`` characters.

So a finding holds at most about 81,000 characters of text (20,000 cited,
20 notes of 1,000 and 2,000, a message of 1,000 and a title of 300).

When a cap cuts something, the finding gets a last note saying what was cut,
so the reader knows.  Does not own: which matches form a group (``evaluator``).
"""

from __future__ import annotations

from ..facts.model import Fact, Span
from ..lang.compiled import CompiledRule, Env
from ..text.document import Document
from ..vocab.context import EvalContext
from .findings import Citation, Explanation, Finding, Note, cite

MAX_CITATIONS = 50
MAX_CITATION_CHARS = 2_000
MAX_CITED_CHARS = 20_000
MAX_NOTES = 20
#: matches kept for one finding of a ``group by`` rule: its finding cites at
#: most ``MAX_CITATIONS`` facts anyway
MAX_GROUP_MATCHES = 50
#: work units (see ``budget``) of building a finding and each citation
FINDING_COST = 20
CITATION_COST = 8


class Caps:
    """Citations of one finding, within its caps, and what the caps cut."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.count = 0
        self.chars = 0
        self.dropped = 0
        self.shortened = 0

    def reserve(self, fact: Fact) -> None:
        """Count a citation that must be made (before the others)."""
        span = fact.cite_span()
        self.count += 1
        self.chars += min(span.end - span.start, MAX_CITATION_CHARS)

    def fits(self) -> bool:
        return self.count < MAX_CITATIONS and self.chars < MAX_CITED_CHARS

    def cite(self, role: str, fact: Fact, reserved: bool = False) -> Citation | None:
        """The citation of ``fact``, cut to what is left, or None when no room
        is left (a reserved citation, and a note's, is always made, cut to
        ``MAX_CITATION_CHARS``)."""
        span = fact.cite_span()
        room = MAX_CITATION_CHARS
        if not reserved:
            if not self.fits():
                self.dropped += 1
                return None
            room = min(room, MAX_CITED_CHARS - self.chars)
            self.count += 1
            self.chars += min(span.end - span.start, room)
        if span.end - span.start > room:
            self.shortened += 1
            span = Span.model_construct(start=span.start, end=span.start + room, text=span.text[:room])
        return cite(self.doc, role, span, fact)

    def note(self, more_matches: int = 0) -> Note | None:
        """A note saying what was cut since the last one, if anything."""
        said = []
        if more_matches:
            said.append(f"{more_matches:,} more match{'es' if more_matches != 1 else ''} of this finding not kept "
                        f"(the first {MAX_GROUP_MATCHES} are)")
        if self.dropped:
            said.append(f"{self.dropped:,} more citation{'s' if self.dropped != 1 else ''} not shown")
        if self.shortened:
            n = self.shortened
            said.append(f"{n:,} long span{'s' if n != 1 else ''} cited by {'their' if n != 1 else 'its'} first characters")
        if not said:
            return None
        self.dropped = self.shortened = 0
        return Note(message=f"output cut to size: {' and '.join(said)} (at most {MAX_CITATIONS} citations and "
                            f"{MAX_CITED_CHARS:,} characters of cited text a finding)")


def finding_of(
    rule: CompiledRule, envs: list[Env], ctx: EvalContext, doc: Document, explain: bool = False, more_matches: int = 0
) -> tuple[Finding, Caps]:
    """The finding of one group of matches, without its notes (``notes_of``
    adds them, within the same caps: pass it the ``Caps`` returned).

    Each bound fact is cited once, in binding order, then by position; the
    first fact of every binding is always cited, the others while the caps
    leave room.  ``more_matches`` is how many matches of the group were not
    kept (``MAX_GROUP_MATCHES``); the cut note counts them."""
    caps = Caps(doc)
    cited: list[tuple[str, Fact, bool]] = []
    for b in rule.bindings:
        facts = sorted({env[b.name].id: env[b.name] for env in envs}.values(), key=lambda f: (f.start, f.id))
        for k, f in enumerate(facts):
            cited.append((b.name, f, k == 0))
            if k == 0:
                caps.reserve(f)
    citations = [c for role, f, first in cited if (c := caps.cite(role, f, first)) is not None]
    ctx.meter.spent += FINDING_COST + CITATION_COST * len(citations)
    first = citations[0] if citations else None
    finding = Finding(
        rule=rule.id,
        severity=rule.severity,
        title=rule.title,
        message=rule.message.render(envs, ctx),
        line=first.line if first else 1,
        column=first.column if first else 1,
        citations=citations,
    )
    cut = caps.note(more_matches)
    if cut is not None:
        finding.notes.append(cut)
    if explain:
        finding.explanation = [
            Explanation(
                bound={k: v.id for k, v in env.items()},
                conditions=[c.text for step in rule.steps for c in step],
                absent=[q.text for q in rule.unless],
            )
            for env in envs
        ]
    return finding, caps


def notes_of(finding: Finding, caps: Caps, found: list[tuple], ctx: EvalContext) -> None:
    """Add the notes found for ``finding``: (note clause, match, fact) triples, in order."""
    noted: set[str] = set()
    for note, env, f in found:
        if f.id in noted or len(noted) >= MAX_NOTES:
            continue
        noted.add(f.id)
        inner = {**env, note.query.binding.name: f}
        c = caps.cite(note.query.binding.name, f, reserved=True)
        ctx.meter.spent += CITATION_COST
        finding.notes.append(Note(message=note.template.render([inner], ctx), citations=[c] if c is not None else []))
    cut = caps.note()
    if cut is not None:
        finding.notes.append(cut)


def output_size(f: Finding) -> int:
    """Characters of message and cited text in a finding (for the article's cap)."""
    return (
        len(f.message) + len(f.title)
        + sum(len(c.text) for c in f.citations)
        + sum(len(n.message) + sum(len(c.text) for c in n.citations) for n in f.notes)
    )
