"""The document: an article's text with its structure, and positions in it.

Owns: splitting text into lines, paragraphs and sentences, the headline,
the standfirst and the first body paragraph, and converting code-point
offsets to 1-based line/column.  Every offset the extractors use is a Unicode code-point offset into
``Document.text``.  For plain text that is the file exactly as read (CRLF
kept); for other input formats it is the prose the format read, and
``origin`` maps every prose character back into the file (``locate``), and
``parts`` gives the structure the format knows (headline, standfirst, body,
captions, quotes) instead of the plain-text guesses.  Lines end at ``\\n``,
``\\r\\n`` or a lone ``\\r``; the line break is not part of the line.

Does not own: words (``words``) or any linguistic interpretation (that is
``extract``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from .origin import Located, Origin, Part

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t\u00a0]*(?:\r\n|\r(?!\n)|\n)")

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep rev st sr jr
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vs v etc inc corp ltd co bros dept univ assn ave blvd mt ft pres supt cmdr
    u.s u.k u.n e.u a.m p.m i.e e.g d.c n.y l.a""".split()
)

# The stop is a run of [.!?] or an ellipsis character; it is written so that
# the pattern opens with a character set, which the regex engine then skips
# to in C (``[.!?]+|\u2026`` is several times slower to search for).
_SENTENCE_END = re.compile(
    r"""(?P<stop>[.!?\u2026](?:(?<=[.!?])[.!?]*)?)(?P<close>['"\u2019\u201d)\]]*)(?P<space>\s+)(?=['"\u2018\u201c(\[]?[A-Z0-9\u00c0-\u024f])"""
)
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "e.g": a period inside an abbreviation


@dataclass(frozen=True)
class Block:
    """A contiguous region of the text: a paragraph, a sentence or the headline."""

    index: int
    start: int
    end: int
    paragraph: int = 0

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass
class Document:
    """An article: text plus lazily computed structure.

    ``path`` is only used for messages.  ``published`` is an ISO date string
    (YYYY-MM-DD) or None; extractors use it to resolve relative dates.
    ``origin`` and ``parts`` are set by input formats other than plain text
    (see the module docstring); ``metadata`` holds what a format read besides
    prose (``title``, ``author``, ``published`` as written...).
    """

    text: str
    path: str = "<text>"
    published: str | None = None
    origin: Origin | None = field(default=None, repr=False)
    parts: list[Part] | None = field(default=None, repr=False)
    metadata: dict[str, str] = field(default_factory=dict)
    format: str = "text"
    _line_starts: list[int] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [0, *(m.end() for m in _LINE_BREAK.finditer(self.text))]

    # -- positions -------------------------------------------------------
    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; the end of text is allowed."""
        if offset < 0 or offset > len(self.text):
            raise ValueError(f"offset {offset} outside text of length {len(self.text)}")
        line = bisect.bisect_right(self._line_starts, offset) - 1
        # an offset between \r and \n belongs to the line the \r ends
        return line + 1, offset - self._line_starts[line] + 1

    def end_position(self, end: int) -> tuple[int, int]:
        """Line/column of the last character of an end-exclusive span, plus one.

        For a span ending right after a character, this is the column just past
        that character on the same line, as editors report a selection's end.
        """
        if end <= 0:
            return 1, 1
        line, col = self.position(end - 1)
        return line, col + 1

    def line_text(self, line: int) -> str:
        """Text of a 1-based line, without its line break."""
        start = self._line_starts[line - 1]
        if line < len(self._line_starts):
            stop = self._line_starts[line]
            text = self.text[start:stop]
            return text.rstrip("\r\n") if text.endswith(("\n", "\r")) else text
        return self.text[start:]

    # -- the file ----------------------------------------------------------
    @property
    def source(self) -> str:
        """The file as read (the prose itself for plain text)."""
        return self.origin.source if self.origin is not None else self.text

    @cached_property
    def source_document(self) -> Document:
        """A plain Document of the file as read: positions and lines in the file."""
        if self.origin is None:
            return self
        return Document(self.origin.source, self.path, self.published)

    def locate(self, start: int, end: int) -> Located:
        """Where the prose span ``[start, end)`` is in the file (and, for JSON, in which field)."""
        if self.origin is None:
            return Located(start, end)
        return self.origin.locate(start, end)

    # -- structure -------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Block]:
        """Paragraphs: blank-line separated blocks; if the text has no blank
        lines, each non-empty line is a paragraph (wire copy style).  A format
        that knows its blocks (``parts``) gives them instead."""
        if self.parts is not None:
            return [Block(i, p.start, p.end, i) for i, p in enumerate(self.parts)]
        spans: list[tuple[int, int]] = []
        if _BLANK_LINE.search(self.text):
            pos = 0
            for m in _BLANK_LINE.finditer(self.text):
                spans.append((pos, m.start()))
                pos = m.end()
            spans.append((pos, len(self.text)))
        else:
            for i, start in enumerate(self._line_starts):
                stop = self._line_starts[i + 1] if i + 1 < len(self._line_starts) else len(self.text)
                spans.append((start, stop))
        blocks: list[Block] = []
        for start, stop in spans:
            seg = self.text[start:stop]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip())
            if trail <= lead:
                continue
            blocks.append(Block(len(blocks), start + lead, start + trail, len(blocks)))
        return blocks

    @cached_property
    def headline(self) -> Block | None:
        """The first paragraph when it reads like a headline: one line, short,
        and the article has a body after it.  A format gives its headline field."""
        if self.parts is not None:
            return self._part_block("headline")
        paras = self.paragraphs
        if len(paras) < 2:
            return None
        first = paras[0]
        seg = self.text[first.start : first.end]
        if _LINE_BREAK.search(seg) or len(seg.split()) > 25:
            return None
        if seg.rstrip().endswith((".", "!", "?", ":")) and len(seg.split()) > 15:
            return None
        return first

    @cached_property
    def standfirst(self) -> Block | None:
        """The paragraph set apart under the headline: the first body
        paragraph when the article has a headline, another paragraph follows
        and it is at most two sentences (a BBC summary line, a subheadline).
        Input formats that name a standfirst field set it instead."""
        if self.parts is not None:
            return self._part_block("standfirst")
        paras = self.paragraphs
        if self.headline is None or len(paras) < 3:
            return None
        second = paras[1]
        if len(split_sentences(self.text, second.start, second.end)) > 2 or len(self.text[second.start : second.end].split()) > 60:
            return None
        return second

    @cached_property
    def first_paragraph(self) -> Block | None:
        """The first paragraph of the body: the one after the headline, or
        the first of all when there is no headline."""
        if self.parts is not None:
            return self._part_block("body")
        paras = self.paragraphs
        if not paras:
            return None
        return paras[1] if self.headline is not None else paras[0]

    @cached_property
    def captions(self) -> list[Block]:
        """Picture captions (formats that mark them; none in plain text)."""
        return self._part_blocks("caption")

    @cached_property
    def quotes(self) -> list[Block]:
        """Block quotations (formats that mark them; none in plain text)."""
        return self._part_blocks("quote")

    def role_of(self, block: Block) -> str:
        """``headline``, ``standfirst``, ``body``, ``caption`` or ``quote``."""
        if self.parts is not None:
            return self.parts[block.paragraph].role
        if block.paragraph == (self.headline.index if self.headline else -1):
            return "headline"
        return "standfirst" if self.standfirst is not None and block.paragraph == self.standfirst.index else "body"

    def _part_blocks(self, role: str) -> list[Block]:
        if self.parts is None:
            return []
        return [b for b, p in zip(self.paragraphs, self.parts) if p.role == role]

    def _part_block(self, role: str) -> Block | None:
        blocks = self._part_blocks(role)
        return blocks[0] if blocks else None

    @cached_property
    def sentences(self) -> list[Block]:
        out: list[Block] = []
        for para in self.paragraphs:
            for start, end in split_sentences(self.text, para.start, para.end):
                out.append(Block(len(out), start, end, para.index))
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def sentence_at(self, offset: int) -> Block | None:
        return _block_at(self.sentences, self._sentence_starts, offset)

    def paragraph_at(self, offset: int) -> Block | None:
        return _block_at(self.paragraphs, self._paragraph_starts, offset)

    def in_headline(self, offset: int) -> bool:
        h = self.headline
        return h is not None and h.start <= offset < h.end

    def in_standfirst(self, offset: int) -> bool:
        s = self.standfirst
        return s is not None and s.start <= offset < s.end


def _block_at(blocks: list[Block], starts: list[int], offset: int) -> Block | None:
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0:
        return blocks[0] if blocks else None
    block = blocks[i]
    if offset < block.end or i + 1 == len(blocks):
        return block
    # offset in the gap after a block: attribute it to that block
    return block


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentence spans (rule-based, abbreviation aware)."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        stop = m.start("stop")
        # the word before the stop
        j = stop
        while j > pos and not text[j - 1].isspace():
            j -= 1
        word = text[j:stop].lstrip("\"'(\u201c\u2018").lower()
        if m.group("stop") == ".":
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            if _DOTTED.fullmatch(word):  # U.S, e.g
                continue
        sent_end = m.end("close")
        if sent_end > pos:
            out.append((pos, sent_end))
        pos = m.end("space")
    if pos < end:
        tail = text[pos:end].rstrip()
        if tail:
            out.append((pos, pos + len(tail)))
    return out
