"""Attribution plumbing shared by the cue finder and the content reader.

Owns: ``Attr`` (one attribution while it is being found: cue, content,
speaker, as offset pairs) and the small position helpers over the text
(skipping space and time words, trimming a content's end, "that").

Does not own: deciding where speakers and contents are
(``attribution_cues``, ``attribution_content``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .speech_speakers import TIME_WORDS

ADJ_TOKEN = re.compile(r"[\w'\u2019.\-]+|,")
#: characters that end a sentence or clause right after a cue or speaker
TAIL_END = ".;!?"


@dataclass
class Attr:
    cue: tuple[int, int] | None  # None for an unattributed quote
    content: tuple[int, int]
    speaker: tuple[int, int] | None
    direct: bool
    tail_end: int
    kind: str  # speech, report, according, unattributed, retraction
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
    pos = skip_space(text, pos)
    for m in ADJ_TOKEN.finditer(text, pos, min(end, pos + 60)):
        low = m.group().lower()
        if low in TIME_WORDS or low in ("on", "last", "this", ","):
            continue
        return m.start()
    return pos


def trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:\u2014\u2013-"):
        end -= 1
    return end



def has_words(text: str, start: int, end: int, n: int) -> bool:
    """Does ``text[start:end]`` hold at least ``n`` words?  Only a bounded
    prefix is read, so the test costs the same on a sentence of any length."""
    return len(text[start:min(end, start + 40 * n)].split()) >= n
