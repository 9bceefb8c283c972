"""Name mentions: capitalized word sequences cut into names.

Owns: ``NameFinder``, which finds capitalized name sequences
("Alyssa Farah", "Bank of America", "al-Muhandis", "U.S."), cuts titles,
honorifics and stop words out of them ("Pentagon Press Secretary Alyssa
Farah" -> "Pentagon" and "Alyssa Farah", title words left to
``people.roles``; a mention starts at the first of its honorifics: "Lt. Gov.
Laura Whitcombe"), drops sentence-initial capitals without evidence (and a
lone plural of a title or person noun: "Detectives said"), and pairs
acronyms with their expansions in parentheses.  Headline mentions are
marked ``headline`` (headlines are often Title Case).

Does not own: grouping mentions into entities or typing them
(``people.grouping``), the lexicon indexes (``people.tables``), roles, ages
(``people.roles``, ``people.ages``) or fact records (``people``).
"""

from __future__ import annotations

import re

from ...text.document import Document
from ...text.words import Words
from .mentions import Mention
from .tables import NameTables

# Lower-case words allowed inside a name: "Bank of America", "van der Walt".
CONNECTORS = frozenset("of the de del della di da du des van von der den la le bin ibn y".split())
# Lower-case prefixes glued to a capitalized name part: "al-Muhandis".
_NAME_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "ul-", "bin-", "ibn-", "abu-", "abd-")
# Capitalized words that are never (part of) a name.
STOP_WORDS = frozenset(
    """the a an and but or nor if in on at for with to from by of as so yet this that these those
    it its he she they we i you his her their our my your there here when while after before then
    also however meanwhile although though because since why what who whom whose how where which
    some many most all both each every any other another such no not more less few several much
    one two three four five six seven eight nine ten first second third last next now today
    yesterday tomorrow tonight despite during under over into about around among against between
    through without within according following instead indeed even just only still again already
    perhaps well later earlier once until unless whether either neither let do does did is are was
    were be been has have had will would can could may might must should shall yes please thanks
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue wed thu fri sat sun christmas easter
    nobody somebody anybody everybody someone anyone everyone nothing something anything everything none""".split()
)
_PAREN = re.compile(r"[ \t]*\(([^()\r\n]{1,120})\)")
_DASHES = re.compile(r"[\s\u2013\u2014-]*")
#: words as they are compared with lower-case occurrences elsewhere in the text
_AGE_AFTER = re.compile(r",[ \t]+\d{1,3},")
_LOWER_WORD = re.compile(r"\w+(?:['\u2019.-]\w+)*")
# "[sic]" or "(sic)" right after a name (or its possessive): the writer keeps
# a source's spelling on purpose
_SIC_AFTER = re.compile(r"(?:['\u2019]s)?['\u2019\"\u201d]?[ \t]*[\[(]sic[\])]", re.IGNORECASE)
# ", who trains in Leeds,": a relative clause only people take
WHO_AFTER = re.compile(r",[ \t]+who[ \t]")


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 12 and all(c.isupper() for c in letters)


class NameFinder:
    """Finds the mentions of one document (``people.grouping`` groups them)."""

    def __init__(self, doc: Document, words: Words, tables: NameTables):
        self._lower_tokens: set[str] | None = None
        self.doc = doc
        self.text = doc.text
        self.w = words
        self.t = tables
        head = doc.headline
        self.head_end = head.end if head else 0
        self.initial = {words.index_starting(s.start) for s in doc.sentences}
        self.mentions: list[Mention] = []
        self.cap = [r[:1].isupper() or ("-" in r and self._prefixed(r)) for r in words.raw]

    # -- sequences -------------------------------------------------------
    @staticmethod
    def _prefixed(raw: str) -> bool:
        """"al-Muhandis": a lower-case name prefix glued to a capitalized part."""
        low = raw.lower()
        return low.startswith(_NAME_PREFIXES) and raw[low.index("-") + 1 : low.index("-") + 2].isupper()

    def _joins(self, j: int) -> bool:
        """True when token ``j + 1`` may continue a name ending at token ``j``."""
        gap = self.w.gap(j)
        if gap and not gap.strip(" \t\u00a0"):
            return True
        raw = self.w.raw[j]
        if gap.rstrip(" \t\u00a0") in (".",) and (len(raw) == 1 or self.w.low[j] in self.t.honorifics):
            return raw[:1].isupper()
        return gap.strip(" \t\u00a0") == "&"

    def sequences(self) -> list[tuple[int, int]]:
        w, n, cap = self.w, len(self.w), self.cap
        out: list[tuple[int, int]] = []
        for i in [x for x, c in enumerate(cap) if c]:
            if out and i <= out[-1][1]:
                continue
            j = i
            while j + 1 < n:
                k = j + 1
                if cap[k] and self._joins(j):
                    j = k
                    continue
                hops = 0
                while k < n - 1 and hops < 2 and w.low[k] in CONNECTORS and w.raw[k].islower() and w.spaced(k - 1) and w.spaced(k):
                    k += 1
                    hops += 1
                if hops and cap[k]:
                    j = k
                    continue
                break
            out.append((i, j))
        return out

    def _is_sentence_initial(self, i: int) -> bool:
        if i == 0 or i in self.initial:
            return True
        between = self.text[self.w.end[i - 1] : self.w.start[i]]
        return ":" in between or "\n" in between or "\r" in between

    # -- pieces ----------------------------------------------------------
    def _classify(self, i: int, j: int) -> list[str]:
        w, t = self.w, self.t
        kinds = ["name"] * (j - i + 1)
        k = i
        while k <= j:
            low = w.low[k]
            size = t.title_size(w, k)
            if size and k + size - 1 <= j and not self._surname_like(k, size, i, j):
                for m in range(k, k + size):
                    kinds[m - i] = "title"
                back = k - 1
                while back >= i and w.low[back] in t.modifiers and kinds[back - i] == "name":
                    kinds[back - i] = "title"
                    back -= 1
                k += size
                continue
            if low in STOP_WORDS and w.raw[k][:1].isupper() and (w.raw[k][1:].islower() or len(w.raw[k]) == 1):
                kinds[k - i] = "stop"
            elif low.endswith(("-year-old", "-year-olds")):
                kinds[k - i] = "stop"  # "Eighteen-year-old Chloé Martin": an age, not a name
            elif w.raw[k].islower() and low in CONNECTORS:
                kinds[k - i] = "conn"
            elif k == i and low in t.modifiers and not w.raw[k].isupper() and self._is_sentence_initial(k):
                kinds[k - i] = "stop"  # "Former Redvale manager ...", not "the Joint Chiefs of Staff"
            elif k == i and k + 1 < j and low in t.person_nouns and w.raw[k + 1].lower() in t.first_names:
                kinds[k - i] = "stop"  # "Pensioner Joan Mills", "Nurse Ann Lee": a description, not a name
            elif low in t.honorifics and k < j:
                kinds[k - i] = "hon"
            elif low in t.honorifics:
                kinds[k - i] = "stop"
            k += 1
        return kinds

    def _surname_like(self, k: int, size: int, i: int, j: int) -> bool:
        """A one-word title that is really a name: "Mervyn King", "Dean Richards"."""
        if size != 1:
            return False
        w = self.w
        if k == j and k > i and (w.low[k - 1] in self.t.first_names or len(w.raw[k - 1]) == 1):
            return True
        return k < j and w.low[k] in self.t.first_names

    def _pieces(self, i: int, j: int, headline: bool, capset: set[str]) -> None:
        w = self.w
        kinds = self._classify(i, j)
        k = i
        while k <= j:
            if kinds[k - i] != "name":
                k += 1
                continue
            a = k
            while k + 1 <= j and kinds[k + 1 - i] in ("name", "conn"):
                k += 1
            b = k
            while kinds[b - i] == "conn":
                b -= 1
            k += 1
            before = kinds[a - 1 - i] if a > i else ""
            hon = before == "hon"
            titled = before == "title" or (hon and a - 2 >= i and kinds[a - 2 - i] == "title")
            if titled and a < b and is_acronym(w.raw[a]) and self.t.places.has((w.low[a],)):
                titled = False  # "Official UK Singles Chart": a place acronym opens no person's name
            before_title = b < j and kinds[b + 1 - i] == "title"  # "Pentagon Press Secretary ..."
            if not (hon or titled or before_title) and self._is_sentence_initial(a) and not headline:
                while a <= b and not self._initial_word_ok(a, b, capset):
                    a += 1
                    while a <= b and kinds[a - i] == "conn":
                        a += 1
                if a > b:
                    continue
            key = tuple(w.low[a : b + 1])
            if len(key) == 1 and key[0] in self.t.demonyms:
                continue
            if self._credit(w.start[a], w.end[b]):
                continue
            first_hon = a - 1
            while hon and first_hon - 1 >= i and kinds[first_hon - 1 - i] == "hon":
                first_hon -= 1  # "Lt. Gov. Laura Whitcombe", "Rt Rev Tom Ashby": every honorific
            start = w.start[first_hon] if hon else w.start[a]
            mention = Mention(start, w.end[b], w.start[a], a, b, key, hon, titled, headline)
            mention.sic = _SIC_AFTER.match(self.text, w.end[b]) is not None
            mention.relative = self._is_sentence_initial(first_hon if hon else a) and WHO_AFTER.match(self.text, w.end[b]) is not None
            self.mentions.append(mention)

    def _credit(self, start: int, end: int) -> bool:
        """A name glued to a slash is a credit or a handle, not a mention in
        the prose: "Reuters/Ann Lee", "LinkedIn/Tom Reed", "Ann Lee/AP"."""
        return self.text[start - 1 : start] == "/" or self.text[end : end + 1] == "/"

    def _initial_word_ok(self, a: int, b: int, capset: set[str]) -> bool:
        """Whether a sentence-initial capitalized word is really part of a name."""
        w = self.w
        low = w.low[a]
        if low in self.t.first_names or low in self.t.places or w.raw[a] in capset or is_acronym(w.raw[a]):
            return True
        if a == b and low.endswith("s") and (low[:-1] in self.t.titles.singles or low[:-1] in self.t.person_nouns):
            return False  # "Detectives said", "Ministers said", "Residents said": people, not a name
        if a == b:  # "Seeley's", "Seeley said", "Seeley, 58, said", "Seeley, who ...": a person's surname
            if self.text[w.end[a] : w.end[a] + 2] in ("'s", "\u2019s") or WHO_AFTER.match(self.text, w.end[a]):
                return True
            return a + 1 < len(w) and (
                (w.low[a + 1] in self.t.speech and w.spaced(a)) or _AGE_AFTER.match(self.text, w.end[a]) is not None
            )
        if w.low[a + 1] in CONNECTORS and w.raw[a + 1].islower():
            return low in self.t.orgs  # "Ministry of Roads", not "Fighters of the Front"
        # the word also occurs in lower case somewhere: an ordinary word, not a name
        if self._lower_tokens is None:
            self._lower_tokens = {m.group() for m in _LOWER_WORD.finditer(self.text) if m.group().islower()}
        return w.raw[a].lower() not in self._lower_tokens

    def find(self) -> list[Mention]:
        seqs = self.sequences()
        capset: set[str] = set()
        w = self.w
        for i, j in seqs:
            for k in range(i, j + 1):
                if k not in self.initial and w.start[k] >= self.head_end:
                    capset.add(w.raw[k])
        for i, j in seqs:
            self._pieces(i, j, w.start[i] < self.head_end, capset)
        self._pair_parentheses()
        return self.mentions

    # -- acronyms ----------------------------------------------------------
    def _pair_parentheses(self) -> None:
        ms = self.mentions
        out: list[Mention] = []
        x = 0
        while x < len(ms):
            m = ms[x]
            out.append(m)
            x += 1
            par = _PAREN.match(self.text, m.end)
            if m.headline or not par:
                continue
            inner = [y for y in range(x, min(len(ms), x + 8)) if ms[y].end <= par.end(1)]
            if not inner or ms[inner[0]].start < par.start(1):
                continue
            lead, tail = self.text[par.start(1) : ms[inner[0]].start], self.text[ms[inner[-1]].end : par.end(1)]
            joined = all(_DASHES.fullmatch(self.text[ms[a].end : ms[b].start]) for a, b in zip(inner, inner[1:]))
            if lead.strip() or tail.strip() or not joined:
                continue
            first, last = ms[inner[0]], ms[inner[-1]]
            key = tuple(k for y in inner for k in ms[y].key)
            merged = Mention(first.start, last.end, first.name_start, first.first, last.last, key, first.honorific, first.titled)
            outer_text = self.text[m.start : m.end]
            inner_text = self.text[merged.start : merged.end]
            if _abbreviates(outer_text, inner_text, len(key)) or _abbreviates(inner_text, outer_text, len(m.key)):
                merged.alias_of = m
                out.append(merged)
                x = inner[-1] + 1
        self.mentions = out


def _abbreviates(short: str, long: str, long_words: int) -> bool:
    return is_acronym(short) and long_words >= 2 and not is_acronym(long) and short[:1] == long[:1]
