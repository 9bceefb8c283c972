"""Passive reports: "X was reported to have ...", "it is reported that ...".

Owns: reading a passive report cue (a form of "be" before a ``report-verbs``
participle: "was reported", "has been reported") and its content: the
clause after "that" when the subject is "it", else the whole clause from
its subject (the cue inside it) when "to have" or "to be" follows
("Olmert was reported in June to have attended ...").  Nobody is named, so the source span is the
cue itself ("It was reported" with "it") and the builder makes the report
anonymous.

Does not own: active report cues ("the paper reported"), which the cue
finder reads (``attribution.cues``).
"""

from __future__ import annotations

import re

from .attr import Attr, has_words, skip_space, starts_that, trim_end
from .speakers import subject_before

_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being)\s+$", re.IGNORECASE)
_TO_HAVE_BE = re.compile(r"to\s+(?:have|be)\b")  # "reported to have met", not "reported to the board"
_IT_BEFORE = re.compile(r"\bit\s+(?:(?:has|had|have)\s+)?$", re.IGNORECASE)


def passive_report(text: str, vs: int, ve: int, sent_s: int, sent_e: int, skip_adjuncts) -> Attr | None:
    """The passive report whose participle is ``text[vs:ve]``, or None.
    ``skip_adjuncts(pos, end)`` skips time and place adjuncts after the cue
    ("was reported on Monday to ...")."""
    lo = max(sent_s, vs - 20)
    be = _BE_BEFORE.search(text, lo, vs)
    if be is None:
        return None
    cs = be.start()
    p, crossed = skip_adjuncts(ve, sent_e)
    if crossed or p >= sent_e:
        return None
    source = (cs, ve)
    if starts_that(text, p):
        it = _IT_BEFORE.search(text, max(sent_s, cs - 12), cs)
        if it is None:
            return None  # only "it was reported that ..."
        source, start = (it.start(), ve), skip_space(text, p + 4)
    elif _TO_HAVE_BE.match(text, p):
        subject = subject_before(text, sent_s, cs)
        if subject is None:
            return None
        start = subject[0]
    else:
        return None
    end = trim_end(text, start, sent_e)
    if not has_words(text, start, end, 3):
        return None
    return Attr((cs, ve), (start, end), source, False, end, "passive", preposed=True)  # clipped at the next cue
