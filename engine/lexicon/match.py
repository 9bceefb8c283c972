"""Fast lexicon matching: where a lexicon's phrases occur in a text.

Owns: ``FastLexicon`` (a lexicon matcher that tries the lexicon's regex only
where one of its phrases can start), ``WordIndex`` (the distinct words of a
whole text, so many lexicons can be scanned over it cheaply),
``FirstWordTable`` (many lexicons searched together in a few regions, word
by word), the matcher of a named lexicon (``fast``), ``trie`` (a regex
for a word list, factored by common prefixes) and ``words_of`` (the
distinct words of a text, without a regex).  The matches are exactly those of
``Lexicon.search``/``finditer``; this module only makes them cheaper.  Words
are looked up in lower-cased text only where lower-casing folds case as the
regex does (``_folds_as_regex``: not with İ, ı or ſ in the text).

Does not own: what the lexicons mean (the extractors that use them).
"""

from __future__ import annotations

import re
from functools import cached_property

from .model import Lexicon, Lexicons, normalize_phrase

_WORD = re.compile(r"\w+")
# bytes.translate table: every ASCII byte that is no word character -> space
_ASCII_NON_WORD_TO_SPACE = bytes(
    b if b >= 128 or chr(b).isalnum() or b == ord("_") else ord(" ") for b in range(256)
)
_EMPTY = Lexicon("<missing>", ())


class FastLexicon:
    """A lexicon matcher that tries the lexicon's regex only where one of its
    phrases can start: a trie regex of the phrases' first words finds those
    places (a plain alternation of many phrases, tried at every character, is
    otherwise the slowest part of extraction).  Same matches as
    ``Lexicon.search``/``finditer``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.firsts: set[str] = set()
        firsts = self.firsts
        self.anchors: set[str] = set()  # the longest word of each phrase
        # anchor -> the word sets of the phrases it anchors (all must be in a region)
        self.phrase_words: dict[str, list[frozenset[str]]] = {}
        fallback = False
        for phrase in lexicon.phrases:
            norm = normalize_phrase(phrase)
            first = norm.split(" ")[0]
            whole_words = _WORD.findall(" ".join(w for w in norm.split(" ") if not w.endswith("*")))
            if whole_words:
                anchor = max(whole_words, key=len)
                self.anchors.add(anchor)
                self.phrase_words.setdefault(anchor, []).append(frozenset(whole_words))
            else:
                fallback = True
            m = _WORD.match(first)
            if first.endswith("*") and (m is None or m.end() == len(first) - 1):
                fallback = True
            if m:
                firsts.add(m.group())
        self.ascii_firsts = all(w.isascii() for w in firsts)
        self.ascii_words = all(w.isascii() for w in self.anchors) and all(
            w.isascii() for sets in self.phrase_words.values() for ws in sets for w in ws
        )
        #: no first-word regex can find where the phrases start: use the lexicon's own
        self.fallback = fallback or not firsts

    @cached_property
    def candidates(self) -> re.Pattern[str] | None:
        """Where a phrase can start: a trie regex of the first words (compiled on first use)."""
        if self.fallback:
            return None
        return re.compile(r"(?<!\w)" + trie(sorted(self.firsts)) + r"(?!\w)", re.IGNORECASE)

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        end = len(text) if end is None else end
        candidates = self.candidates
        if candidates is None:
            yield from self.lexicon.finditer(text, start, end)
            return
        if end - start < 2000:
            region = text[start:end]
            words = _region_words(region)
            if self.anchors.isdisjoint(words):
                return  # no phrase can match: the region lacks each one's longest word
            if self.ascii_words and _folds_as_regex(region) and not any(
                ws <= words for anchor in self.anchors & words for ws in self.phrase_words[anchor]
            ):
                return  # no phrase has all its words in the region
        lexicon, last = self.lexicon, start
        for c in candidates.finditer(text, start, end):
            if c.start() >= last:
                hit = lexicon.match_at(text, c.start(), end)
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
        self.present = words_of(low)
        self.folds_as_regex = self.low is not None and _folds_as_regex(text)

    def finditer(self, fl: FastLexicon) -> list[re.Match[str]]:
        """Exactly ``list(fl.finditer(text))``: ``matches`` when lower-casing
        finds the words the regex finds (phrases opening with ASCII words, a
        text without dotless i or long s), else the regex."""
        if self.folds_as_regex and fl.ascii_firsts:
            return self.matches(fl)
        return list(fl.finditer(self.text))

    def matches(self, fl: FastLexicon) -> list[re.Match[str]]:
        """Every match of the lexicon in the whole text (as ``finditer``)."""
        if fl.fallback or self.low is None:
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
        last, lexicon = 0, fl.lexicon
        for p in starts:
            if p >= last:
                hit = lexicon.match_at(self.text, p)
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
        alternatives = []
        if self.exact:
            alternatives.append(trie(sorted(self.exact)) + r"(?!\w)")
        if self.prefixes:
            alternatives.append(trie(sorted(set(self.prefixes))) + r"\w*")
        self._opener_alternatives = alternatives
        # lower-case word -> indexes of the lexicons with a phrase it may open
        self._lexicons_of: dict[str, list[int]] = {}
        self._ascii = all(w.isascii() for w in [*self.exact, *self.prefixes])

    @cached_property
    def openers(self) -> re.Pattern[str] | None:
        """Any word that opens a phrase (compiled on first use: ASCII text is read word by word instead)."""
        alternatives = self._opener_alternatives
        return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", re.IGNORECASE) if alternatives else None

    def finditer(self, text: str, start: int, end: int) -> list[tuple[int, re.Match[str]]]:
        """``(lexicon index, match)`` for every match of every lexicon in
        ``text[start:end]``, ordered by lexicon then position."""
        found: list[list[re.Match[str]]] = [[] for _ in self.lexicons]
        last = [start] * len(self.lexicons)
        for k in set(self.everywhere):
            found[k].extend(self.lexicons[k].finditer(text, start, end))
            last[k] = end  # already complete
        for pos, ks in self._openers(text, start, end):
            for k in ks:
                if pos >= last[k]:
                    hit = self.lexicons[k].match_at(text, pos, end)
                    if hit:
                        found[k].append(hit)
                        last[k] = hit.end()
        return [(k, m) for k, ms in enumerate(found) for m in ms]

    def _openers(self, text: str, start: int, end: int) -> list[tuple[int, list[int]]]:
        """``(position, lexicon indexes)`` for every word of
        ``text[start:end]`` that may open a phrase, in order: where
        ``openers`` matches.  When lower-casing folds the region as the
        regex does (the first words are ASCII; the region has no dotless i
        or long s and keeps its length), only the distinct words of the
        region are looked up and those that open a phrase are found with
        ``str.find``."""
        if not self._opener_alternatives:
            return []
        region = text[start:end]
        low = region.lower()
        if not (self._ascii and len(low) == len(region) and _folds_as_regex(region)):
            openers = self.openers
            assert openers is not None
            return [(w.start(), self._lexicons_for(w.group())) for w in openers.finditer(text, start, end)]
        out = []
        table = self._lexicons_of
        inside_word = start > 0 and _is_word_char(text[start - 1])  # a word cut by the region's start opens nothing
        for word in words_of(low):
            ks = table.get(word)
            if ks is None:
                ks = self._lexicons_for(word) if word in self.exact or word.startswith(self.prefixes) else []
                if len(table) > 20000:
                    table.clear()
                table[word] = ks
            if not ks:
                continue
            pos = low.find(word)
            while pos >= 0:
                after = pos + len(word)
                before_ok = not _is_word_char(low[pos - 1]) if pos else not inside_word
                if before_ok and (after == len(low) or not _is_word_char(low[after])):
                    out.append((start + pos, ks))
                pos = low.find(word, after)
        out.sort()
        return out

    def _lexicons_for(self, word: str) -> list[int]:
        """Indexes of the lexicons with a phrase that ``word`` (as written) may open."""
        low = word.lower()
        if not low.isascii():  # "İstanbul": the regex folds case differently from lower()
            return list(range(len(self.lexicons)))
        ks = list(self.exact.get(low, ()))
        if self.prefixes and low.startswith(self.prefixes):
            ks += [k for p, k in self.prefixed if low.startswith(p)]
        return ks


_REGION_WORDS: dict[str, set[str]] = {}


def _region_words(region: str) -> set[str]:
    """The lower-cased words of a short region (memoized: one phrase is
    searched for many lexicons in a row)."""
    words = _REGION_WORDS.get(region)
    if words is None:
        if len(_REGION_WORDS) > 64:
            _REGION_WORDS.clear()
        words = _REGION_WORDS[region] = words_of(region.lower())
    return words


def words_of(text: str) -> set[str]:
    """``set(re.findall(r"\\w+", text))``, at half its cost: ASCII non-word
    characters become spaces (``bytes.translate`` on the UTF-8 bytes leaves
    other characters whole), ``split`` cuts the words apart, and only the
    pieces with other characters are cut again by the regex."""
    spaced = text.encode("utf-8", "surrogatepass").translate(_ASCII_NON_WORD_TO_SPACE)
    words = set(spaced.decode("utf-8", "surrogatepass").split())
    if not text.isascii():
        for piece in [w for w in words if not w.isascii()]:
            words.discard(piece)
            words.update(_WORD.findall(piece))
    return words


def _folds_as_regex(text: str) -> bool:
    """Whether the regex, ignoring case, equates a character of ``text`` with
    an ASCII letter exactly when ``str.lower`` makes it that letter: always,
    but for dotted capital I, dotless i and long s."""
    return "\u0130" not in text and "\u0131" not in text and "\u017f" not in text


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
    """The fast matcher of lexicon ``name`` (empty when missing), built once per lexicon."""
    return (lex.items.get(name) or _EMPTY).derived(FastLexicon)
