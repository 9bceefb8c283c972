"""Fast lexicon matching: where a lexicon's phrases occur in a text.

Owns: ``FastLexicon`` (a lexicon matcher that tries the lexicon's regex only
where one of its phrases can start), ``WordIndex`` (the distinct words of a
whole text, so many lexicons can be scanned over it cheaply),
``FirstWordTable`` (many lexicons searched together in a few regions, word
by word), the cached matcher per lexicon (``fast``) and ``trie`` (a regex
for a word list, factored by common prefixes).  The matches are exactly those of
``Lexicon.search``/``finditer``; this module only makes them cheaper.

Does not own: what the lexicons mean (the extractors that use them).
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, Lexicons, normalize_phrase

_WORD = re.compile(r"\w+")
_FAST: dict[int, tuple[Lexicon, "FastLexicon"]] = {}
_EMPTY = Lexicon("<missing>", ())


class FastLexicon:
    """A lexicon matcher that tries the lexicon's regex only where one of its
    phrases can start: a trie regex of the phrases' first words finds those
    places (a plain alternation of many phrases, tried at every character, is
    otherwise the slowest part of extraction).  Same matches as
    ``Lexicon.search``/``finditer``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.firsts = firsts = set()
        self.anchors: set[str] = set()  # the longest word of each phrase
        fallback = False
        for phrase in lexicon.phrases:
            norm = normalize_phrase(phrase)
            first = norm.split(" ")[0]
            whole_words = _WORD.findall(" ".join(w for w in norm.split(" ") if not w.endswith("*")))
            if whole_words:
                self.anchors.add(max(whole_words, key=len))
            else:
                fallback = True
            m = _WORD.match(first)
            if first.endswith("*") and (m is None or m.end() == len(first) - 1):
                fallback = True
            if m:
                firsts.add(m.group())
        self.candidates = None if fallback or not firsts else re.compile(
            r"(?<!\w)" + trie(sorted(firsts)) + r"(?!\w)", re.IGNORECASE
        )

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        end = len(text) if end is None else end
        if self.candidates is None:
            yield from self.lexicon.finditer(text, start, end)
            return
        if end - start < 2000 and self.anchors.isdisjoint(_region_words(text[start:end])):
            return  # no phrase can match: the region lacks each one's longest word
        pattern, last = self.lexicon.pattern, start
        for c in self.candidates.finditer(text, start, end):
            if c.start() >= last:
                hit = pattern.match(text, c.start(), end)
                if hit:
                    last = hit.end()
                    yield hit

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, start, end), None)


class WordIndex:
    """The distinct lower-cased words of a text, so that many lexicons can be
    scanned over a whole text cheaply: only words both in the text and
    starting a phrase are looked for (with ``str.find``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        self.low = low if len(low) == len(text) else None
        self.present = set(_WORD.findall(low))

    def matches(self, fl: FastLexicon) -> list[re.Match[str]]:
        """Every match of the lexicon in the whole text (as ``finditer``)."""
        if fl.candidates is None or self.low is None:
            return list(fl.finditer(self.text))
        low, starts = self.low, []
        for w in fl.firsts & self.present:
            pos = low.find(w)
            while pos >= 0:
                after = pos + len(w)
                if (pos == 0 or not _is_word_char(low[pos - 1])) and (after == len(low) or not _is_word_char(low[after])):
                    starts.append(pos)
                pos = low.find(w, after)
        starts.sort()
        out: list[re.Match[str]] = []
        last, pattern = 0, fl.lexicon.pattern
        for p in starts:
            if p >= last:
                hit = pattern.match(self.text, p)
                if hit:
                    out.append(hit)
                    last = hit.end()
        return out


class FirstWordTable:
    """Several lexicons searched together, word by word: a table from the
    first word of every phrase to the lexicons that have it, so a region's
    words are read once and each lexicon's regex is tried only where one of
    its phrases can start.  ``finditer`` gives, per lexicon, exactly the
    matches of ``lexicon.finditer(text, start, end)``."""

    def __init__(self, lexicons: list[Lexicon]) -> None:
        self.lexicons = lexicons
        self.exact: dict[str, list[int]] = {}  # first word (its leading \w run) -> lexicon indexes
        self.prefixed: list[tuple[str, int]] = []  # "resign*": a first word's prefix -> lexicon index
        self.everywhere: list[int] = []  # a phrase starting with no word character: plain finditer
        for k, lexicon in enumerate(lexicons):
            for phrase in lexicon.phrases:
                first = normalize_phrase(phrase).split(" ")[0]
                lead = _WORD.match(first)
                if lead is None:
                    self.everywhere.append(k)
                elif first.endswith("*") and lead.end() == len(first) - 1:
                    self.prefixed.append((lead.group(), k))
                else:
                    self.exact.setdefault(lead.group(), []).append(k)
        self.prefixes = tuple(p for p, _ in self.prefixed)
        # the words that may open a phrase, found by one regex over a region
        # (a loop over every word of the region in Python costs more)
        alternatives = []
        if self.exact:
            alternatives.append(trie(sorted(self.exact)) + r"(?!\w)")
        if self.prefixes:
            alternatives.append(trie(sorted(set(self.prefixes))) + r"\w*")
        self.openers = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", re.IGNORECASE) if alternatives else None

    def finditer(self, text: str, start: int, end: int) -> list[tuple[int, re.Match[str]]]:
        """``(lexicon index, match)`` for every match of every lexicon in
        ``text[start:end]``, ordered by lexicon then position."""
        found: list[list[re.Match[str]]] = [[] for _ in self.lexicons]
        last = [start] * len(self.lexicons)
        for k in set(self.everywhere):
            found[k].extend(self.lexicons[k].finditer(text, start, end))
            last[k] = end  # already complete
        exact, prefixed, prefixes = self.exact, self.prefixed, self.prefixes
        for w in self.openers.finditer(text, start, end) if self.openers is not None else ():
            word = w.group().lower()
            ks = exact.get(word, ())
            if not word.isascii():  # "İstanbul": the regex folds case differently from lower()
                ks = range(len(self.lexicons))
            if prefixes and word.startswith(prefixes):
                ks = [*ks, *(k for p, k in prefixed if word.startswith(p))]
            pos = w.start()
            for k in ks:
                if pos >= last[k]:
                    hit = self.lexicons[k].pattern.match(text, pos, end)
                    if hit:
                        found[k].append(hit)
                        last[k] = hit.end()
        return [(k, m) for k, ms in enumerate(found) for m in ms]


_REGION_WORDS: dict[str, set[str]] = {}


def _region_words(region: str) -> set[str]:
    """The lower-cased words of a short region (memoized: one phrase is
    searched for many lexicons in a row)."""
    words = _REGION_WORDS.get(region)
    if words is None:
        if len(_REGION_WORDS) > 64:
            _REGION_WORDS.clear()
        words = _REGION_WORDS[region] = set(_WORD.findall(region.lower()))
    return words


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def trie(words: list[str]) -> str:
    """A regex matching exactly ``words``, factored by common prefixes."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        group = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + group + ")?" if "" in node else group

    return emit(root)


def fast(lex: Lexicons, name: str) -> FastLexicon:
    """The cached fast matcher of lexicon ``name`` (empty when missing)."""
    lexicon = lex.items.get(name) or _EMPTY
    cached = _FAST.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = (lexicon, FastLexicon(lexicon))
        if len(_FAST) > 256:
            _FAST.clear()
        _FAST[id(lexicon)] = cached
    return cached[1]

