"""Attribution plumbing shared by the cue finder and the content reader.

Owns: ``Attr`` (one attribution while it is being found: cue, content,
speaker, as offset pairs) and the small position helpers over the text
(skipping space and time words, trimming a content's end, "that").

Does not own: deciding where speakers and contents are
(``attribution.cues``, ``attribution.content``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .speakers import TIME_WORDS

#: a word, a figure with thousands commas ("1,200": one token, no clause
#: comma) or a comma
ADJ_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|[\w'\u2019.\-]+|,")
#: a live-blog timestamp opening a line ("14:40 ", "14.40 ", "2.40pm: ",
#: "9:05 a.m. - "): not part of the sentence after it
_TIMESTAMP = re.compile(
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ \t]?(?:[ap]\.?m\.?|GMT|BST|CET|[ECMP][SD]?T)(?![\w]))?"
    r"[ \t]*(?:[:\-\u2013\u2014|][ \t]*)?(?=[ \t\"\u201c'\u2018A-Z])[ \t]*"
)
#: characters that end a sentence or clause right after a cue or speaker
TAIL_END = ".;!?"


@dataclass
class Attr:
    cue: tuple[int, int]
    content: tuple[int, int]
    speaker: tuple[int, int] | None
    direct: bool
    tail_end: int
    kind: str  # speech, report, according, passive, retraction
    preposed: bool = False
    ref: tuple[int, int] | None = None  # antecedent of a "who" speaker
    governor: tuple[int, int] | None = None  # denial verb of the main clause of a participle


def starts_that(text: str, p: int) -> bool:
    return text[p:p + 4].lower() == "that" and (p + 4 == len(text) or not text[p + 4].isalnum())


def prev_nonspace(text: str, pos: int) -> int:
    """Index of the last non-space character before ``pos`` (-1 if none near)."""
    j = pos - 1
    while j >= max(0, pos - 200) and text[j].isspace():
        j -= 1
    return j if j >= 0 and not text[j].isspace() else -1


def skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def skip_time_words(text: str, pos: int, end: int) -> int:
    """The first position from ``pos`` that is no time word ("on Monday,"),
    space or comma; a sign before a word ("\u00a35m") stays with it."""
    pos = last = skip_space(text, pos)
    for m in ADJ_TOKEN.finditer(text, pos, min(end, pos + 60)):
        if text[last:m.start()].strip():
            return skip_space(text, last)
        low = m.group().lower()
        if low in TIME_WORDS or low in ("on", "last", "this", ","):
            last = m.end()
            continue
        return m.start()
    return pos


def trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:\u2014\u2013-"):
        end -= 1
    return end



def after_timestamp(text: str, pos: int) -> int:
    """``pos`` moved past a live-blog timestamp that opens the line holding
    it and reaches over ``pos`` ("14:40 Police say": a speaker read from
    "40 Police" starts at "Police"); else ``pos``."""
    line = max(text.rfind("\n", max(0, pos - 20), pos), text.rfind("\r", max(0, pos - 20), pos)) + 1
    if line == 0 and pos > 20:
        return pos
    m = _TIMESTAMP.match(text, line, min(len(text), line + 20))
    return m.end() if m is not None and m.end() > pos else pos


def timestamp_end(text: str, line_start: int) -> int:
    """End of a live-blog timestamp opening the line at ``line_start`` (with
    the space after it), else ``line_start``."""
    m = _TIMESTAMP.match(text, line_start, min(len(text), line_start + 20))
    return m.end() if m is not None else line_start


def has_words(text: str, start: int, end: int, n: int) -> bool:
    """Does ``text[start:end]`` hold at least ``n`` words?  Only a bounded
    prefix is read, so the test costs the same on a sentence of any length."""
    return len(text[start:min(end, start + 40 * n)].split()) >= n
