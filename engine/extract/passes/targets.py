"""What a denial names: the report, story, claim or document it disputes.

Owns: ``denial_targets``, run after linking.  A denial often names what it
disputes instead of repeating it: "said the reports were untrue", "called
the story wrong", "rejected that account", "the report did not call for
...", "no letter had been sent", "denied its letter set any deadline".  The
attribution family links such a denial to a report or document it has
already met earlier in the text; this pass, which sees every fact, links
the denials left over to the nearest fitting fact anywhere in the article:

* a document noun (lexicons ``document-words``, ``document-words-contextual``)
  names a document of that type ("the letter" -> a letter), else, for
  "report", a report;
* a report word (``report-references``: "the reports", "the story") names
  a report by the media, an agency or unnamed sources (not a company
  reporting its own results), else a document;
* a claim word (``claim-references``: "the claim", "those allegations",
  "that account") names a report, else a document.

The word must be picked out by a determiner ("the", "that", "its", "no",
...) and the fact must not be the denial itself; the nearest one before the
denial wins, else the nearest after it.  ``target`` gets the referring
words and ``target_fact`` the fact's id.

Does not own: the stance (``attribution``) or deciding that the denial
conflicts with what it names (the rules' ``conflicts with``).
"""

from __future__ import annotations

import re

from ...facts.model import DocumentFact, Fact, ReportFact, Span, StatementFact
from ...lexicon import Lexicons, fast, normalize_phrase
from ...text.document import Document

#: a determiner that picks out one thing, at most two words before the noun
_DETERMINER = re.compile(
    r"\b(?:the|that|this|these|those|such|its|his|her|their|our|no|any)\s+(?:[\w\-]+\s+){0,2}$", re.IGNORECASE
)
#: how far into a denial's content a reference may open
_WINDOW = 160


def denial_targets(doc: Document, facts: list[Fact], lex: Lexicons) -> None:
    documents = [f for f in facts if isinstance(f, DocumentFact)]
    # reports by the media, an agency or unnamed sources: "the reports" is
    # not a company's own reporting ("Twitter reported flat growth")
    reports = [f for f in facts if isinstance(f, ReportFact) and f.source_type != "named"]
    if not documents and not reports:
        return
    text = doc.text
    for f in facts:
        if not isinstance(f, StatementFact) or f.stance != "deny" or f.target_fact:
            continue
        found = _reference(text, f.content.start, min(f.content.end, f.content.start + _WINDOW), lex)
        if found is None:
            continue
        (start, end), word, wants = found
        candidates: list[Fact] = []
        if wants == "document":
            candidates = [d for d in documents if _same_type(d.doc_type, word)]
            if not candidates and word in ("report", "reports"):
                candidates = list(reports)
        elif wants == "report":
            candidates = list(reports) or [d for d in documents if _same_type(d.doc_type, word) or d.doc_type == "report"]
        else:
            candidates = list(reports) or list(documents)
        target = _nearest([c for c in candidates if not (c.start <= f.start < c.end)], f.start)
        if target is not None:
            f.target = Span.of(text, start, end)
            f.target_fact = target.id


def _reference(text: str, start: int, end: int, lex: Lexicons) -> tuple[tuple[int, int], str, str] | None:
    """The first reference in ``text[start:end]``: its span (determiner to
    noun), the noun in lower case and what it names ("document", "report"
    or "claim")."""
    best = None
    for wants, names in (
        ("document", ("document-words", "document-words-contextual")),
        ("report", ("report-references",)),
        ("claim", ("claim-references",)),
    ):
        for name in names:
            for m in fast(lex, name).finditer(text, start, end):
                lo = max(start, m.start() - 40)
                det = _DETERMINER.search(text, lo, m.start())
                if det is not None and (best is None or m.start() < best[0][1]):
                    best = ((det.start(), m.end()), normalize_phrase(m.group()), wants)
                    break
    return best


def _same_type(doc_type: str | None, word: str) -> bool:
    """Whether a document of ``doc_type`` is what ``word`` names ("letters" a letter)."""
    if not doc_type:
        return False
    a, b = normalize_phrase(doc_type), word
    return a == b or a + "s" == b or a == b + "s" or any({a, b} <= same for same in _SAME_DOCUMENT_WORDS)


#: spellings of one kind of document
_SAME_DOCUMENT_WORDS = (
    frozenset({"memo", "memorandum", "memos", "memoranda"}),
    frozenset({"email", "e-mail", "emails", "e-mails"}),
)


def _nearest(candidates: list[Fact], pos: int) -> Fact | None:
    before = [c for c in candidates if c.start < pos]
    if before:
        return max(before, key=lambda c: c.start)
    after = [c for c in candidates if c.start >= pos]
    return min(after, key=lambda c: c.start) if after else None
