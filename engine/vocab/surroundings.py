"""The text around a fact: what rules read besides the fact's own fields.

Owns the *context fields* every fact has (``sentence_text``,
``paragraph_text``, ``before``, ``after``), the article's text fields
(``article.headline``, ``article.standfirst``), the places a fact can lie in
(headline, body, standfirst, first paragraph) and the word distance behind
``is within N words of``.  All of them are read from the ``Document`` the
facts were extracted from, by the fact's start and end offsets, so they work
for facts from any extractor (a facts file too).  Without a document (facts
evaluated on their own) every context field is missing and every place test
but headline and body is false.

``before`` and ``after`` are at most ``CONTEXT_WORDS`` words, inside the
fact's own sentence: the words just before its start and just after its end.

Does not own: the fact's own fields (``fields``) or the document's
structure (``text.document``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from ..facts.model import Fact, Span
from ..text.document import Block, Document
from .context import EvalContext

#: how many words ``before`` and ``after`` hold
CONTEXT_WORDS = 5

_WORD = re.compile(r"[^\W_][\w'\u2019]*(?:[-.][^\W_][\w'\u2019]*)*")


def _block_span(doc: Document, block: Block | None) -> Span | None:
    return None if block is None else Span.of(doc.text, block.start, block.end)


def _sentence(fact: Fact, ctx: EvalContext) -> Span | None:
    doc = ctx.doc
    return None if doc is None else _block_span(doc, doc.sentence_at(fact.start))


def _paragraph(fact: Fact, ctx: EvalContext) -> Span | None:
    doc = ctx.doc
    return None if doc is None else _block_span(doc, doc.paragraph_at(fact.start))


def word_spans(ctx: EvalContext) -> tuple[list[int], list[int]]:
    """The start and end offsets of every word of the document (cached on the context)."""
    cached = ctx.cache.get("words")
    if cached is None:
        starts, ends = [], []
        for m in _WORD.finditer(ctx.doc.text if ctx.doc is not None else ""):
            starts.append(m.start())
            ends.append(m.end())
        cached = ctx.cache["words"] = (starts, ends)
    return cached


def _before(fact: Fact, ctx: EvalContext) -> Span | None:
    doc = ctx.doc
    sentence = doc.sentence_at(fact.start) if doc is not None else None
    if doc is None or sentence is None:
        return None
    starts, ends = word_spans(ctx)
    last = bisect.bisect_right(ends, fact.start) - 1  # the last word ending before the fact
    first = last
    while first - 1 >= 0 and last - first + 1 < CONTEXT_WORDS and starts[first - 1] >= sentence.start:
        first -= 1
    if last < 0 or starts[first] < sentence.start:
        return None
    return Span.of(doc.text, starts[first], ends[last])


def _after(fact: Fact, ctx: EvalContext) -> Span | None:
    doc = ctx.doc
    sentence = doc.sentence_at(fact.start) if doc is not None else None
    if doc is None or sentence is None:
        return None
    starts, ends = word_spans(ctx)
    first = bisect.bisect_left(starts, fact.end)  # the first word starting after the fact
    last = first
    while last + 1 < len(starts) and last - first + 1 < CONTEXT_WORDS and ends[last + 1] <= sentence.end:
        last += 1
    if first >= len(starts) or ends[last] > sentence.end:
        return None
    return Span.of(doc.text, starts[first], ends[last])


#: the context fields of every fact: name -> (reader, what it is)
CONTEXT_FIELDS: dict[str, tuple[Callable[[Fact, EvalContext], Span | None], str]] = {
    "sentence_text": (_sentence, "the whole sentence the fact starts in (`sentence` is that sentence's number)"),
    "paragraph_text": (_paragraph, "the whole paragraph the fact starts in (`paragraph` is that paragraph's number)"),
    "before": (_before, f"up to {CONTEXT_WORDS} words just before the fact, in its sentence"),
    "after": (_after, f"up to {CONTEXT_WORDS} words just after the fact, in its sentence"),
}


def context_field(fact: Fact, name: str, ctx: EvalContext) -> Span | None:
    return CONTEXT_FIELDS[name][0](fact, ctx)


def article_text(name: str, ctx: EvalContext) -> Span | None:
    """``article.headline`` or ``article.standfirst``: the paragraph, or None."""
    doc = ctx.doc
    if doc is None:
        return None
    return _block_span(doc, doc.headline if name == "headline" else doc.standfirst)


def in_place(fact: Fact, place: str, ctx: EvalContext) -> bool:
    """Whether ``fact`` starts in the headline, body, standfirst or first paragraph."""
    if place == "headline":
        return fact.in_headline
    if place == "body":
        return not fact.in_headline
    doc = ctx.doc
    if doc is None:
        return False
    block = doc.standfirst if place == "standfirst" else doc.first_paragraph
    return block is not None and block.start <= fact.start < block.end


def words_between(a: Fact, b: Fact, ctx: EvalContext) -> int | None:
    """How many words lie between two facts' extents (0 when they touch or
    overlap); None without a document."""
    if ctx.doc is None:
        return None
    lo, hi = (a, b) if a.start <= b.start else (b, a)
    if hi.start <= lo.end:
        return 0
    starts, ends = word_spans(ctx)
    first = bisect.bisect_left(starts, lo.end)
    last = bisect.bisect_right(ends, hi.start)
    return max(0, last - first)
