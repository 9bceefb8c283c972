"""Unattributed quotations: quoted sentences no cue attributes.

Owns: finding the closed quotes that stand as sentences of their own (they
open a paragraph or follow a sentence end, hold at least ``MIN_WORDS``
words, end a sentence and are followed by nothing but the next sentence or
the paragraph end) that no attribution covers; each is given by its
content's span (a statement with no cue and no speaker).  Also owns ``presumed_speaker``: whom a reader
would take such a quote to be from (the builder stores it as the
statement's ``speaker_ref``): the speaker of the last attribution before
it in its paragraph, else of the first one after it in its paragraph or
the next, else of a quote ending the previous paragraph (a run of quotes),
else a dash attribution (``"..." - Clinton``) right after it or opening
the next paragraph, else a name outside quotes in its paragraph
(``"..." Mr Negroponte wants ...``).

Skipped, because they are attributed in ways that are not cue verbs or are
not speech: a quote after a colon (``released this statement: "..."``,
also across a paragraph break), a quote followed by more words in its
sentence (a title or name in quotes: ``"Jane the Virgin" star ...``, or a
verb the lexicons do not know: ``"...," she fumed``), a quote followed by a
dash or a bracket (``"..." - President Obama``).

Does not own: quote pairing (``quotes``), attributed quotes
(``attribution.cues``), the statement facts (``attribution.build``).
"""

from __future__ import annotations

import bisect
import re

from .attr import Attr, timestamp_end
from .quotes import QuoteIndex

#: fewest words of a quote that counts as an unattributed sentence
MIN_WORDS = 3
_SENTENCE_END = ".!?\u2026"
#: how far around a quote (characters) and how many other quotes are read
#: for a presumed speaker outside the paragraph's attributions
_NEAR = 300
_MAX_QUOTES = 8
_MARKS = "\"\u201c\u201d'\u2019"
_DASHES = "-\u2013\u2014\u2015"
_NAME = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Sir|Lord|Lady)\.?\s+[A-Z][\w'\u2019\-]+"
    r"|[A-Z][\w'\u2019\-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'\u2019\-]+)+)"
)
_NAME_WORDS = r"[A-Z][\w'\u2019\-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'\u2019\-]+){0,3}"
# after a quote: a speaker and a verb ("Trump asked", "he went on", "the crowd yelled")
_SPEAKER_AFTER = re.compile(
    r",?[ \t]+(?P<name>he|she|they|it|we|I|(?:the|a|an)[ \t]+[a-z]+|(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?[ \t]+)?"
    + _NAME_WORDS + r")[ \t]+[a-z]"
)
# after a quote: an inverted verb and a speaker ("asked Sen. Barbara Mikulski")
_INVERTED_AFTER = re.compile(r",?[ \t]+[a-z]+ed[ \t]+(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?[ \t]+)?" + _NAME_WORDS + ")")
_DASH_NAME = re.compile(r"\s*[\-\u2013\u2014\u2015]+\s*(?P<name>[A-Z][\w.'\u2019\-]*(?:\s+[A-Z][\w.'\u2019\-]*){0,3})")


def unattributed_quotes(text: str, quotes: QuoteIndex, paragraph_starts: list[int], attrs: list[Attr]) -> list[tuple[int, int]]:
    """The contents of the stand-alone quotes ``attrs`` leaves uncovered, in
    document order."""
    taken = sorted((a.content[0], a.content[1]) for a in attrs)
    taken_starts = [t[0] for t in taken]
    out: list[tuple[int, int]] = []
    for q in quotes.quotes:
        if not q.closed or _covered(q.content_start, q.content_end, taken, taken_starts):
            continue
        para = bisect.bisect_right(paragraph_starts, q.start) - 1
        para_start = paragraph_starts[para] if para >= 0 else 0
        if not _opens_sentence(text, q.start, para_start) or not _ends_alone(text, q, quotes):
            continue
        end = quotes.content_end(q)
        if len(text[q.content_start:end].split()) < MIN_WORDS:
            continue
        out.append((q.content_start, end))
    return out


def _covered(start: int, end: int, taken: list[tuple[int, int]], starts: list[int]) -> bool:
    """Does some attribution's content overlap ``start:end``?"""
    i = bisect.bisect_left(starts, end) - 1
    # contents may nest: look back over a few of the nearest starts
    for j in range(i, max(-1, i - 8), -1):
        if taken[j][1] > start:
            return True
    return False


def _opens_sentence(text: str, pos: int, para_start: int) -> bool:
    """The quote opens its paragraph, maybe after a live-blog timestamp
    ("14:40 \"...\"") and not after a colon ending the previous one, or
    follows a sentence end."""
    j = pos - 1 if timestamp_end(text, para_start) != pos else para_start - 1
    while j >= para_start and text[j] in " \t":
        j -= 1
    if j < para_start or text[j] in "\r\n":
        k = para_start - 1
        while k >= max(0, para_start - 200) and text[k].isspace():
            k -= 1
        return k < 0 or text[k] != ":"
    if text[j] in _MARKS or text[j] == ")":
        j -= 1
    return j >= para_start and text[j] in _SENTENCE_END


def _ends_alone(text: str, q, quotes: QuoteIndex) -> bool:
    """The quote ends a sentence and nothing of its sentence follows it."""
    inside = text[quotes.content_end(q) - 1]
    after = q.end
    if after < len(text) and text[after] in _SENTENCE_END:
        after += 1
    elif inside not in _SENTENCE_END + _DASHES:
        return False
    while after < len(text) and text[after] in " \t":
        after += 1
    if after >= len(text) or text[after] in "\r\n":
        return True
    nxt = text[after]
    return (nxt.isupper() or nxt in "\"\u201c") and nxt not in _DASHES


Spoken = tuple[int, int, tuple[int, int], bool]  # paragraph, start, speaker span, direct


def presumed_speaker(text: str, quotes: QuoteIndex, paragraph_starts: list[int], spoken: list[Spoken],
                     content: tuple[int, int]) -> tuple[int, int] | None:
    """The speaker a reader would give a quote no cue attributes (see the
    module docstring); ``spoken`` lists the attributions, sorted."""
    para = bisect.bisect_right(paragraph_starts, content[0]) - 1
    i = bisect.bisect_left(spoken, (para, content[0]))
    if i > 0 and spoken[i - 1][0] == para:
        return spoken[i - 1][2]
    if i < len(spoken) and spoken[i][0] <= para + 1:
        return spoken[i][2]
    if i > 0 and spoken[i - 1][0] == para - 1 and spoken[i - 1][3]:
        return spoken[i - 1][2]
    q = quotes.at(content[0])
    next_para = paragraph_starts[para + 1] if para + 1 < len(paragraph_starts) else len(text)
    for pos in (q.end if q else content[1], next_para):
        dash = _DASH_NAME.match(text, pos, min(len(text), pos + 80))
        if dash:
            start, end = dash.span("name")
            last = text[start:end].split()[-1]
            if last.endswith(".") and len(last) > 4:  # the sentence's full stop, not "Jr." or "J."
                end -= 1
            return start, end
    para_start = paragraph_starts[para] if para >= 0 else 0
    near = (max(para_start, content[0] - _NEAR), min(next_para, content[1] + _NEAR))
    return _name_outside_quotes(text, quotes, *near)


def _name_outside_quotes(text: str, quotes: QuoteIndex, start: int, end: int) -> tuple[int, int] | None:
    """The speaker of another quote of ``text[start:end]`` (at most
    ``_MAX_QUOTES`` of them) by a verb the
    lexicons do not know (``"...?" Trump asked``, ``"..." asked Sen. Reed``),
    else the first person-like name outside quotes."""
    i = bisect.bisect_left(quotes.starts, start)
    last = min(len(quotes.quotes), i + _MAX_QUOTES)
    while i < last and quotes.quotes[i].end <= end:
        q = quotes.quotes[i]
        m = _SPEAKER_AFTER.match(text, q.end, end) or _INVERTED_AFTER.match(text, q.end, end)
        if m:
            return m.span("name")
        i += 1
    for m in _NAME.finditer(text, start, end):
        if quotes.at(m.start()) is None:
            return m.span()
    return None
