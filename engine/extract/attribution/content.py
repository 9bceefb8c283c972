"""Attribution contents: where the words attributed to a speaker are.

Owns: ``ContentReader``, the part of the cue finder that places a content
once cue and speaker are known: pre-posed (``X said (that) ...``, ``X said:
"..."``), post-posed (``CONTENT, X said.``, with a parenthetical ``A, X said,
B``), ``according to X`` on either side, clipping a pre-posed content at the
next attribution of its sentence, and quotes split by their attribution
(``"A," she said. "B."``: each part is its own attribution).

Does not own: finding cues and speakers (``attribution.cues``), quote
pairing (``quotes``), speaker phrases (``attribution.speakers``).
"""

from __future__ import annotations

import bisect
import re

from .attr import Attr, has_words, skip_space, timestamp_end, trim_end
from .quotes import QuoteIndex
from .speakers import phrase_after

# words that cannot begin a content clause introduced without "that"
_NOT_CONTENT_START = frozenset(
    """in on at to for about during from with of as by into over under after before since until upon
    and but or if because while when whether would will could can is are was were has have had should
    may might must do does did them him me us than""".split()
)
_DATELINE = re.compile(r"[A-Z][A-Za-z .,'\-]{0,40}(?:\([^)]{0,30}\))?\s*(?::|\u2014|\u2013|--)\s+")
_CONJ_BEFORE = re.compile(r"(?:,?\s+(?:after|as|while|when|but|and|because|since|though|although|even as))?,?\s*$", re.I)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n|\r[ \t]*\r")
#: the longest clause content read after a cue (characters): far beyond any
#: real sentence, it keeps a text without full stops linear
MAX_CONTENT = 3000
_FIRST_WORD = re.compile(r"[$\u00a3\u20ac\u00a5]?[\w'\u2019]+")  # a sum opens with its sign
_ONLY_PUNCTUATION = re.compile(r"[\s.,;:]*")


class ContentReader:
    """Places contents; the cue finder (a subclass) sets ``text``, ``quotes``
    and ``boundary`` (the cues that end a pre-posed content: ", adding")."""

    text: str
    quotes: QuoteIndex
    boundary: re.Pattern[str]
    citation: re.Pattern[str]  # ", citing" (lexicon ``citation-cues``): the source, never the content

    def _preposed(self, cs, ce, start, sent_e, spk, kind, ref=None, bare=False) -> Attr | None:
        """Content after the cue: a quote, or the clause up to the sentence end
        or a boundary (", adding", ", citing").  ``bare`` (no "that", colon or
        quote) rejects clauses that cannot be content ("to it", "as if")."""
        text = self.text
        q = self.quotes.starting(start)
        if q is not None:
            return Attr((cs, ce), (q.content_start, self.quotes.content_end(q)), spk, True, q.end, kind, True, ref)
        first = _FIRST_WORD.match(text[start:start + 30])
        if bare and (first is None or first.group().lower() in _NOT_CONTENT_START):
            return None
        end = min(sent_e, start + MAX_CONTENT)  # bounded: a "sentence" may be a whole unpunctuated file
        b = self.boundary.search(text, start, end)
        if b:
            end = b.start()
        inner = self.quotes.at(end - 1)
        if inner and inner.end > end and inner.start >= start:
            end = inner.end
        end = trim_end(text, start, end)
        if not has_words(text, start, end, 2):
            return None
        return Attr((cs, ce), (start, end), spk, False, end, kind, True, ref)

    def _postposed(self, cs, ce, sent_s, left_end, speaker, tail, kind, ref=None, parenthetical=False, sent_e=0):
        """Content before the speaker: ``CONTENT, X said.``  In a parenthetical
        (``A, X said, B``) the longer side is the content."""
        text = self.text
        start = max(sent_s, left_end - MAX_CONTENT)  # bounded, as a pre-posed content
        if start == 0 or text[start - 1] in "\r\n":
            start = timestamp_end(text, start)  # "14:40 The road is shut, police said."
        d = _DATELINE.match(text, start, left_end)
        if d and (start == 0 or text[start - 1] in "\r\n"):
            start = d.end()
        end = self._before_citation(start, trim_end(text, start, left_end))
        if parenthetical and not self.boundary.match(text, tail):  # not ", citing a letter": no content
            r_start = skip_space(text, tail + 1)
            r_end = trim_end(text, r_start, min(sent_e, r_start + MAX_CONTENT))
            if len(text[r_start:r_end].split()) > len(text[start:end].split()):
                return self._preposed(cs, ce, r_start, sent_e, speaker, kind, ref)
        if not has_words(text, start, end, 2):
            return None
        q = self.quotes.starting(start)
        direct = q is not None and q.end >= end and q.content_end <= end + 1
        if direct:
            start = q.content_start
        return Attr((cs, ce), (start, end), speaker, direct, tail, kind, False, ref)

    def _before_citation(self, start: int, end: int) -> int:
        """End of a post-posed content before its citation ("Troops will
        leave, citing a letter, reports Xinhua": "Troops will leave")."""
        c = self.citation.search(self.text, max(start, end - 300), end)  # bounded: a line may be long
        if c is None or self.quotes.at(c.start()) is not None:
            return end
        cut = trim_end(self.text, start, c.start())
        return cut if has_words(self.text, start, cut, 2) else end

    def after_citation(self, comma: int, sent_e: int) -> int | None:
        """Start of the content after a citation between commas ("reported,
        citing a memo, that the plan ...": "the plan ..."), past "that";
        None when no comma closes the citation."""
        text = self.text
        if not self.citation.match(text, comma):
            return None
        close = text.find(",", comma + 1, min(sent_e, comma + 200))
        if close < 0 or self.quotes.at(close) is not None:
            return None
        start = skip_space(text, close + 1)
        if text[start:start + 4].lower() == "that" and not text[start + 4:start + 5].isalnum():
            start = skip_space(text, start + 4)
        return start if has_words(text, start, sent_e, 2) else None

    def _according(self, cs, ce, sent_s, sent_e) -> Attr | None:
        """``According to X, CONTENT`` / ``CONTENT, according to X`` (for a
        cue inside the sentence, the longer side is the content)."""
        text = self.text
        left_end = trim_end(text, sent_s, cs)
        if not has_words(text, sent_s, left_end, 2):
            comma = text.find(",", ce, min(sent_e, ce + 200))
            if comma < 0:
                return None
            spk = (skip_space(text, ce), trim_end(text, ce, comma))
            start = skip_space(text, comma + 1)
            end = trim_end(text, start, sent_e)
            if not has_words(text, start, end, 2) or spk[1] <= spk[0]:
                return None
            return Attr((cs, ce), (start, end), spk, False, end, "according", True)
        after = phrase_after(text, skip_space(text, ce), sent_e)
        if after is None:
            return None
        spk = after
        right = text[spk[1]:sent_e]
        right_start = spk[1] + (len(right) - len(right.lstrip(" ,")))
        right_end = trim_end(text, right_start, sent_e)
        left_words = len(text[sent_s:left_end].split())
        right_words = len(text[right_start:right_end].split()) if right.lstrip().startswith(",") else 0
        if left_words >= right_words:
            return Attr((cs, ce), (sent_s, left_end), spk, False, spk[1], "according")
        return Attr((cs, ce), (right_start, right_end), spk, False, right_end, "according", True)


    def _clip_contents(self, attrs: list[Attr]) -> None:
        """A pre-posed content stops where the next attribution in its
        sentence begins ("X said that A, after reports said B"); when that
        would leave less than two words, at the one after it (at most
        three ahead), so nested attributions cannot run on to the sentence end.
        An attribution opening the content is part of it ("a memo shows the
        minister told aides that ..."): the cut is at the one after it."""
        for i, a in enumerate(attrs):
            if not a.preposed or a.direct:
                continue
            for b in attrs[i + 1:i + 4]:
                if b.speaker is None:
                    continue
                b_start = min(b.speaker[0], b.content[0]) if b.kind == "passive" else b.speaker[0]
                if b_start <= a.content[0] and b.kind != "passive":
                    continue  # "a memo shows [the minister told aides that ...]": the report is the content
                cut = b_start if a.content[0] < b_start else b.cue[0]
                if not a.content[0] < cut < a.content[1]:
                    break
                m = _CONJ_BEFORE.search(self.text, a.content[0], cut)
                end = trim_end(self.text, a.content[0], m.start() if m else cut)
                if has_words(self.text, a.content[0], end, 2):
                    a.content = (a.content[0], end)
                    a.tail_end = end
                    break

    def _continuations(self, attrs: list[Attr]) -> list[Attr]:
        """Quote parts split by their attribution: ``"A," she said. "B."``."""
        covered = sorted(a.content for a in attrs)
        starts = [c[0] for c in covered]
        reach, far = [], -1
        for c in covered:
            far = max(far, c[1])
            reach.append(far)
        out = []
        for a in attrs:
            if not a.direct or a.preposed:
                continue
            q = self.quotes.first_from(a.tail_end)
            if q is None:
                continue
            between = self.text[a.tail_end:q.start]
            if not _ONLY_PUNCTUATION.fullmatch(between) or _BLANK_LINE.search(between):
                continue
            k = bisect.bisect_right(starts, q.content_start) - 1
            if k >= 0 and reach[k] > q.content_start:
                continue
            end = self.quotes.content_end(q)
            if end > q.content_start:
                out.append(Attr(a.cue, (q.content_start, end), a.speaker, True, q.end, a.kind))
        return out

