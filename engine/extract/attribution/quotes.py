"""Direct quotations: pairing double quote marks into quoted regions.

Owns: finding every double-quoted region of a text (straight ``"`` and curly
``\u201c \u201d``), including quotes that run over several paragraphs and reopen at
each one without closing, quotes that reopen after a sentence end inside one
paragraph (flattened wire copy), doubled apostrophes used as quote marks
(``''``), and unbalanced quotes (an unclosed quote ends at its paragraph's
end; a stray closing mark is ignored).  Single quotes are
never paired: they are apostrophes or nested quotes and must not break the
pairing of the double quotes around them.

Also owns ``QuoteIndex``: looking quotes up by position, the quote that
ends right before a cue with only a speaker between (``"...," she said``),
quotes that name a title rather than speech (``on ABC's "This Week"``).

Does not own: who said the quoted words (``attribution``/``attribution.speakers``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# a doubled apostrophe ('') is a straight double quote in some wire copy;
# written to open with a character set (the regex engine skips to one in C):
# ["\u201c\u201d], or an apostrophe followed by another
_MARK = re.compile(r"[\"\u201c\u201d'](?:(?<=')'|(?<!'))")
_SENTENCE_STOP = ".!?\u2026:"
_MARKS = "\"\u201c\u201d"


@dataclass(frozen=True)
class Quote:
    """A quoted region.  ``start``/``end`` include the marks; ``content_start``/
    ``content_end`` exclude them (and surrounding white space).  ``closed`` is
    false for a quote that ran to its paragraph's end without a closing mark."""

    start: int
    end: int
    content_start: int
    content_end: int
    closed: bool = True


def find_quotes(text: str, paragraph_starts: list[int]) -> list[Quote]:
    """Every double-quoted region of ``text``, in order, never overlapping.

    ``paragraph_starts`` are the start offsets of the paragraphs (sorted);
    a quote is confined to one paragraph unless the next paragraph begins
    with an opening mark (a quote continued over paragraphs)."""
    quotes: list[Quote] = []
    open_at: int | None = None
    last_para = -1
    for m in _MARK.finditer(text):
        pos = m.start()
        para = bisect.bisect_right(paragraph_starts, pos) - 1
        role = _role(text, pos, m.end())
        if open_at is not None and para != last_para:
            # the paragraph ended inside an open quote
            if role == "open" and _first_in_paragraph(text, pos, paragraph_starts[para]):
                last_para = para  # reopened: the quote continues
                continue
            quotes.append(_make(text, open_at, _paragraph_end(text, paragraph_starts, last_para), False))
            open_at = None
        last_para = para
        if open_at is None:
            if role != "close":
                open_at = pos
            continue
        # a quote is open in this paragraph
        if role == "open":
            if m.group() == "\u201c" or _after_sentence_end(text, pos):
                continue  # nested curly quote, or the quote reopens after a sentence
        quotes.append(_make(text, open_at, m.end(), True))
        open_at = None
    if open_at is not None:
        quotes.append(_make(text, open_at, _paragraph_end(text, paragraph_starts, last_para), False))
    return [q for q in quotes if q.content_end > q.content_start]


def _role(text: str, pos: int, end: int) -> str:
    """'open', 'close' or 'either' for the quote mark at ``pos:end``."""
    ch = text[pos]
    if ch == "\u201c":
        return "open"
    if ch == "\u201d":
        return "close"
    before = text[pos - 1] if pos > 0 else " "
    after = text[end] if end < len(text) else " "
    if (before.isspace() or before in "([{\u2014\u2013-/") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return "either"


def _first_in_paragraph(text: str, pos: int, para_start: int) -> bool:
    return not text[para_start:pos].strip()


def _after_sentence_end(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j >= 0 and j < pos - 1 and text[j] in _SENTENCE_STOP


def _paragraph_end(text: str, paragraph_starts: list[int], para: int) -> int:
    stop = paragraph_starts[para + 1] if para + 1 < len(paragraph_starts) else len(text)
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    return stop


def _make(text: str, start: int, end: int, closed: bool) -> Quote:
    cs = start + (2 if text.startswith("''", start) else 1)
    ce = end - (2 if text.startswith("''", end - 2) else 1) if closed else end
    while cs < ce and (text[cs].isspace() or text[cs] in _MARKS):
        cs += 1
    while ce > cs and (text[ce - 1].isspace() or text[ce - 1] in _MARKS):
        ce -= 1
    return Quote(start, end, cs, ce, closed)


_ABBREV_PERIOD = re.compile(r"\b(?:[A-Z][a-z]{0,3}|(?:[A-Z]\.)+[A-Z])\.")
_GAP_STOP = re.compile(r"[.!?;:\n\"\u201c\u201d]")


class QuoteIndex:
    """The quotes of one text, searchable by position."""

    def __init__(self, text: str, quotes: list[Quote]) -> None:
        self.text, self.quotes = text, quotes
        self.starts = [q.start for q in quotes]

    def at(self, pos: int) -> Quote | None:
        """The quote whose marks enclose ``pos``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.quotes[i] if i >= 0 and pos < self.quotes[i].end else None

    def starting(self, pos: int) -> Quote | None:
        i = bisect.bisect_left(self.starts, pos)
        return self.quotes[i] if i < len(self.quotes) and self.quotes[i].start == pos else None

    def first_from(self, pos: int) -> Quote | None:
        i = bisect.bisect_left(self.starts, pos)
        return self.quotes[i] if i < len(self.quotes) else None

    def before_cue(self, cue_start: int) -> tuple[Quote, bool] | None:
        """The closed quote ending shortly before a cue with nothing but a
        speaker phrase between (no sentence end, no other quote), quoting
        speech (not a title, not a name in quotes); and whether the quote
        ended its own sentence (``"... city." Tom Ode said``), which the
        caller accepts only when the cue ends its sentence too."""
        i = bisect.bisect_left(self.starts, cue_start) - 1
        if i < 0:
            return None
        q, text = self.quotes[i], self.text
        if not q.closed or q.end > cue_start or cue_start - q.end > 150:
            return None
        gap = _ABBREV_PERIOD.sub("", text[q.end:cue_start])
        if _GAP_STOP.search(gap) or title_before(text, max(0, q.start - 30), q.start):
            return None
        last = text[q.content_end - 1]
        if last not in ",?!.\u2014-\u2026'\u2019" and not gap.lstrip().startswith(","):
            return None  # "Ted Cruz" campaign pins: a name in quotes, not speech
        return q, last == "." and gap.strip()[:1].isupper()

    def content_end(self, q: Quote) -> int:
        """End of the quoted words without a trailing comma."""
        end = q.content_end
        while end > q.content_start and (self.text[end - 1] == "," or self.text[end - 1].isspace()):
            end -= 1
        return end


def title_before(text: str, lo: int, pos: int) -> bool:
    """True when a quote at ``pos`` names a show or title ("on ABC's \"This
    Week\"") rather than quoting a speaker; ``lo`` bounds the look back."""
    words = text[max(lo, pos - 30):pos].split()
    return bool(words) and (words[-1].lower() in ("on", "in", "at", "of") or words[-1].endswith(("'s", "\u2019s")))
