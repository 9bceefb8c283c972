"""Attribution extractor: statements, reports and documents.

Owns: finding cue verbs (lexicons ``speech-verbs``, ``report-verbs``,
``according-cues``), deciding for each cue where its speaker and content are
(quote-adjacent ``"...," X said``, inverted ``..., said X``, post-posed
``..., X said.``, pre-posed ``X said (that) ...`` / ``X said: "..."``,
participles ``, adding "..."`` that inherit the main clause's speaker,
``according to X``), quotes split by their attribution (each part becomes its
own statement with the same speaker and cue), telling reports (media,
agency, "reports") from statements, and turning everything into
``StatementFact``, ``ReportFact`` and ``DocumentFact`` with their links
(``document``, ``target_fact``, ``cites``, ``speaker_ref``).

Does not own: quote pairing (``quotes``), speaker phrase reading, stance and
tense (``speech``), document mentions (``documents``), entity ids (the link
pass), sentence/paragraph/headline/topic fields (the pipeline).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..facts.model import Fact, ReportFact, Span, StatementFact
from ..lexicon import Lexicons
from ..text.document import Document
from . import speech
from .documents import DocumentBook, find_documents, later_definite
from .quotes import Quote, QuoteIndex, find_quotes, title_before

_AUX = frozenset(
    """has have had will would could also later previously earlier repeatedly once then publicly privately
    again recently already first further subsequently never did does do both all even just still now only""".split()
)
_BE = frozenset("was were is are be been being am".split())
# a word before the verb that makes it a noun or an adjective ("the said", "their claim")
_NOT_SUBJECT = frozenset("the a an this these those so-called his her their its our my your".split())
_NOT_ADVERBS = frozenset("family ally rally assembly supply july italy anomaly".split())
# words that cannot begin a content clause introduced without "that"
_NOT_CONTENT_START = frozenset(
    """in on at to for about during from with of as by into over under after before since until upon
    and but or if because while when whether would will could can is are was were has have had should
    may might must do does did them him me us than""".split()
)
# before a cue: the subject is the sentence's ("and says", "but has said", "by saying")
_COORDINATORS = frozenset("and but by for from of after before without while aside".split())
_PP_START = frozenset("in on at during via through from with after before following amid over".split())
_TOLD = frozenset("told tell tells telling".split())
# grammatical words that may stand in an object of "told" or in an adjunct
# after a cue; the nouns come from lexicons told-audiences / speech-occasions
_TOLD_GLUE = frozenset("the a an his her their him them me us".split())
_ADJUNCT_GLUE = speech.TIME_WORDS | frozenset(
    "in on at during via through from with after before following over the a an his her their its this next".split()
)
_ADJ_TOKEN = re.compile(r"[\w'\u2019.\-]+|,")
_DATELINE = re.compile(r"[A-Z][A-Za-z .,'\-]{0,40}(?:\([^)]{0,30}\))?\s*(?::|\u2014|\u2013|--)\s+")
_CONJ_BEFORE = re.compile(r"(?:,?\s+(?:after|as|while|when|but|and|because|since|though|although|even as))?,?\s*$", re.I)
_TAIL_END = ".;!?"
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n|\r[ \t]*\r")


@dataclass
class _Attr:
    cue: tuple[int, int]
    content: tuple[int, int]
    speaker: tuple[int, int] | None
    direct: bool
    tail_end: int
    kind: str  # speech, report, according
    preposed: bool = False
    ref: tuple[int, int] | None = None  # antecedent of a "who" speaker


def extract(doc: Document, lex: Lexicons) -> list[Fact]:
    text = doc.text
    quotes = QuoteIndex(text, find_quotes(text, [p.start for p in doc.paragraphs]))
    words = speech.WordIndex(text)
    finder = _Finder(doc, lex, quotes, words)
    attrs = finder.run()
    book = DocumentBook(text, lex, find_documents(text, lex, finder.sentence, words))
    return _Builder(doc, lex, book).build(attrs)


class _Finder:
    """Finds attributions (cue, speaker, content) in one document."""

    def __init__(self, doc: Document, lex: Lexicons, quotes: QuoteIndex, words: speech.WordIndex) -> None:
        self.doc, self.text, self.lex, self.quotes, self.words = doc, doc.text, lex, quotes, words
        self.occasions = lex.get("speech-occasions").normalized
        self.told_objects = _TOLD_GLUE | lex.get("told-audiences").normalized
        self.adjuncts = _ADJUNCT_GLUE | self.occasions
        participles = sorted({p for p in lex.get("speech-verbs").phrases if p.endswith("ing")} | {"citing"})
        words = participles + list(lex.get("report-verbs").phrases) + list(lex.get("according-cues").phrases)
        self.boundary = re.compile(r",\s+(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)

    # -- positions ----------------------------------------------------------
    def sentence(self, pos: int) -> tuple[int, int]:
        """Sentence bounds, widened to whole quotes the sentence splitter cut."""
        s = self.doc.sentence_at(pos)
        start, end = (s.start, s.end) if s else (0, len(self.text))
        q = self.quotes.at(start)
        if q and q.start < start:
            start = q.start
        q = self.quotes.at(max(start, end - 1))
        if q and q.end > end:
            end = q.end
        return start, end

    # -- cues ---------------------------------------------------------------
    def cues(self) -> list[tuple[int, int, str]]:
        found = []
        for kind, name in (("speech", "speech-verbs"), ("report", "report-verbs"), ("according", "according-cues")):
            found.extend((m.start(), m.end(), kind) for m in self.words.matches(speech.fast(self.lex, name)))
        found.sort(key=lambda c: (c[0], -c[1]))
        out: list[tuple[int, int, str]] = []
        for c in found:
            if out and c[0] < out[-1][1]:
                continue
            q = self.quotes.at(c[0])
            if q and q.content_start <= c[0] < q.content_end:
                continue  # words inside a quotation
            out.append(c)
        return out

    def run(self) -> list[_Attr]:
        attrs: list[_Attr] = []
        for vs, ve, kind in self.cues():
            a = self.analyse(vs, ve, kind, attrs)
            if a is not None and a.content[1] > a.content[0]:
                attrs.append(a)
        self._clip_contents(attrs)
        attrs.extend(self._continuations(attrs))
        attrs.sort(key=lambda a: a.content[0])
        return attrs

    # -- one cue --------------------------------------------------------------
    def analyse(self, vs: int, ve: int, kind: str, previous: list[_Attr]) -> _Attr | None:
        text = self.text
        sent_s, sent_e = self.sentence(vs)
        word = text[vs:ve].lower()
        cs, prev = self._cue_start(vs, sent_s, word)
        if cs is None:
            return None
        if kind == "according":
            return self._according(cs, ve, sent_s, sent_e)
        if word in ("reports", "report") and self._noun_reports(vs, ve, prev, sent_s):
            return None
        ce = self._told_object(ve, sent_e) if word in _TOLD else ve
        p, crossed_comma = self._skip_adjuncts(ce, sent_e)
        quote_at = self.quotes.starting(p) if p < sent_e else None
        if quote_at is not None and title_before(text, ce, p):
            p, crossed_comma = self._skip_adjuncts(quote_at.end, sent_e)  # on ABC's "This Week"
            quote_at = self.quotes.starting(p) if p < sent_e else None
        that = _starts_that(text, p)
        headline = text[vs].isupper()
        found = self.quotes.before_cue(cs)
        q = found[0] if found is not None else None
        if found is not None and found[1] and not (p >= sent_e or text[p] in _TAIL_END):
            q = None  # '..." The speechwriter said the ...': a new sentence with its own content
        if q is not None and (not that or text[q.content_end - 1] in ",?!"):
            spk = self._quote_speaker(q, cs, ce, sent_e)
            if spk is not False:
                return _Attr((cs, ce), (q.content_start, self.quotes.content_end(q)), spk, True, p, kind)
        left = text[sent_s:cs].rstrip()
        if left.endswith(",") and len(left.split()) >= 2:
            spk = speech.phrase_after(text, _skip_space(text, ce), sent_e)
            if spk is not None and self._speakerlike(spk):
                p2, _ = self._skip_adjuncts(spk[1], sent_e)
                if p2 >= sent_e or text[p2] in _TAIL_END + ",":
                    return self._postposed(cs, ce, sent_s, sent_s + len(left) - 1, spk, p2, kind)
        participle = word.endswith("ing") and prev.lower() not in _BE
        if participle and (prev.lower().rstrip(",") in self.occasions or prev.lower() in _TOLD):
            participle = False  # "a statement saying ...": the statement's subject speaks
        if participle and not prev.endswith(",") and (prev[:1].isupper() or prev.lower() in _COORDINATORS):
            participle = False  # "with Senator John McCain telling reporters ..."
        if participle:
            if not prev.endswith(","):
                return None  # "a man claiming ...": a modifier, not a cue
            spk = self._inherited(sent_s, cs, previous)
        elif prev.lower() in _COORDINATORS:
            spk = self._inherited(sent_s, cs, previous)  # "... and says he wants", "by saying"
        else:
            spk = speech.subject_before(text, sent_s, cs)
        if spk is None:
            return None
        ref = self._antecedent(spk, sent_s)
        if that:
            return self._preposed(cs, ce, _skip_space(text, p + 4), sent_e, spk, kind, ref)
        if p < sent_e and text[p] == ":":
            return self._preposed(cs, ce, _skip_space(text, p + 1), sent_e, spk, kind, ref)
        if quote_at is not None:
            return self._preposed(cs, ce, p, sent_e, spk, kind, ref)
        if headline:
            return self._preposed(cs, ce, _skip_space(text, ce), sent_e, spk, kind, ref)
        if p >= sent_e or text[p] in _TAIL_END or crossed_comma:
            comma = _prev_nonspace(text, spk[0])
            if not participle and comma >= 0 and text[comma] == ",":
                return self._postposed(cs, ce, sent_s, comma, spk, p, kind, ref, crossed_comma, sent_e)
            if crossed_comma:  # "She said, if elected, she would ..."
                return self._preposed(cs, ce, _skip_space(text, p + 1), sent_e, spk, kind, ref)
            return None
        start = _skip_time_words(text, ce, sent_e)
        if _starts_that(text, start):
            start = _skip_space(text, start + 4)
        object_verb = word in self.lex.get("object-verbs")
        return None if object_verb else self._preposed(cs, ce, start, sent_e, spk, kind, ref, bare=True)

    def _cue_start(self, vs: int, sent_s: int, word: str) -> tuple[int | None, str]:
        """Start of the cue with its auxiliaries and adverbs ("has also said",
        "strongly denied", "was saying"), and the word before it; None when
        the verb is passive or a noun ("was told", "the said")."""
        text = self.text
        lo = max(sent_s, vs - 60)
        before = text[lo:vs].split()
        prev = before[-1] if before else ""
        progressive = word.endswith("ing") and prev.lower() in _BE
        if prev.lower() in _NOT_SUBJECT or (prev.lower() in _BE and not progressive):
            return None, prev
        cs = vs
        for w in reversed(before[-4:]):
            low = w.lower()
            adverb = w.islower() and low.endswith("ly") and len(low) > 4 and low not in _NOT_ADVERBS
            if not (w.islower() and (low in _AUX or adverb or (progressive and low in _BE))):
                break
            cs = text.rfind(w, lo, cs)
        if cs != vs:
            head = text[lo:cs].split()
            prev = head[-1] if head else ""
        return cs, prev

    def _noun_reports(self, vs: int, ve: int, prev: str, sent_s: int) -> bool:
        """True for the noun ("media reports said", "amid reports that"), false
        for the verb ("the Tribune reports", ", reports Xinhua")."""
        nxt = _skip_time_words(self.text, ve, min(len(self.text), ve + 60))
        if speech.fast(self.lex, "speech-verbs").search(self.text, nxt, min(len(self.text), nxt + 15)):
            return True
        named = prev[:1].isupper() and (
            self.text.rfind(prev, sent_s, vs) > sent_s
            or any(speech.fast(self.lex, n).search(prev) for n in ("news-agencies", "media-outlets"))
        )
        return not (prev.endswith(",") or named or prev.lower() in speech.PRONOUNS)

    def _quote_speaker(self, q: Quote, cs: int, ce: int, sent_e: int):
        """The speaker of a quote followed by its cue: the words between
        quote and cue (``"...," she said``), or after the cue (``said X``);
        None when nobody is named, False when the gap is not a speaker."""
        text = self.text
        gap = text[q.end:cs].strip().strip(",").strip()
        if not gap:
            return speech.phrase_after(text, _skip_space(text, ce), sent_e)
        spk = speech.subject_before(text, q.end, cs)
        if spk is None or speech.fast(self.lex, "speech-verbs").search(text, q.end, cs):
            return False  # no speaker, or another cue in between
        return spk

    def _speakerlike(self, spk: tuple[int, int]) -> bool:
        """Can the phrase after an inverted cue ("..., said X") be a speaker?"""
        phrase = self.text[spk[0]:spk[1]]
        return speech.has_name(self.text, *spk) or any(
            speech.fast(self.lex, n).search(phrase) for n in ("official-titles", "anonymous-sources", "report-sources")
        )

    def _antecedent(self, spk: tuple[int, int], sent_s: int) -> tuple[int, int] | None:
        """For a relative "who" speaker, the noun phrase it refers to."""
        if self.text[spk[0]:spk[1]].lower() != "who":
            return None
        j = _prev_nonspace(self.text, spk[0])
        if j < 0:
            return None
        return speech.subject_before(self.text, sent_s, j if self.text[j] == "," else j + 1)

    def _preposed(self, cs, ce, start, sent_e, spk, kind, ref=None, bare=False) -> _Attr | None:
        """Content after the cue: a quote, or the clause up to the sentence end
        or a boundary (", adding", ", citing").  ``bare`` (no "that", colon or
        quote) rejects clauses that cannot be content ("to it", "as if")."""
        text = self.text
        q = self.quotes.starting(start)
        if q is not None:
            return _Attr((cs, ce), (q.content_start, self.quotes.content_end(q)), spk, True, q.end, kind, True, ref)
        first = re.match(r"[\w'\u2019]+", text[start:start + 30])
        if bare and (first is None or first.group().lower() in _NOT_CONTENT_START):
            return None
        end = sent_e
        b = self.boundary.search(text, start, end)
        if b:
            end = b.start()
        inner = self.quotes.at(end - 1)
        if inner and inner.end > end and inner.start >= start:
            end = inner.end
        end = _trim_end(text, start, end)
        if len(text[start:end].split()) < 2:
            return None
        return _Attr((cs, ce), (start, end), spk, False, end, kind, True, ref)

    def _postposed(self, cs, ce, sent_s, left_end, speaker, tail, kind, ref=None, parenthetical=False, sent_e=0):
        """Content before the speaker: ``CONTENT, X said.``  In a parenthetical
        (``A, X said, B``) the longer side is the content."""
        text = self.text
        start = sent_s
        d = _DATELINE.match(text, start, left_end)
        if d and (start == 0 or text[start - 1] == "\n"):
            start = d.end()
        end = _trim_end(text, start, left_end)
        if parenthetical:
            r_start = _skip_space(text, tail + 1)
            r_end = _trim_end(text, r_start, sent_e)
            if len(text[r_start:r_end].split()) > len(text[start:end].split()):
                return self._preposed(cs, ce, r_start, sent_e, speaker, kind, ref)
        if len(text[start:end].split()) < 2:
            return None
        q = self.quotes.starting(start)
        direct = q is not None and q.end >= end and q.content_end <= end + 1
        if direct:
            start = q.content_start
        return _Attr((cs, ce), (start, end), speaker, direct, tail, kind, False, ref)

    def _according(self, cs, ce, sent_s, sent_e) -> _Attr | None:
        """``According to X, CONTENT`` / ``CONTENT, according to X`` (for a
        cue inside the sentence, the longer side is the content)."""
        text = self.text
        left_end = _trim_end(text, sent_s, cs)
        if len(text[sent_s:left_end].split()) < 2:
            comma = text.find(",", ce, min(sent_e, ce + 200))
            if comma < 0:
                return None
            spk = (_skip_space(text, ce), _trim_end(text, ce, comma))
            start = _skip_space(text, comma + 1)
            end = _trim_end(text, start, sent_e)
            if len(text[start:end].split()) < 2 or spk[1] <= spk[0]:
                return None
            return _Attr((cs, ce), (start, end), spk, False, end, "according", True)
        spk = speech.phrase_after(text, _skip_space(text, ce), sent_e)
        if spk is None:
            return None
        right = text[spk[1]:sent_e]
        right_start = spk[1] + (len(right) - len(right.lstrip(" ,")))
        right_end = _trim_end(text, right_start, sent_e)
        left_words = len(text[sent_s:left_end].split())
        right_words = len(text[right_start:right_end].split()) if right.lstrip().startswith(",") else 0
        if left_words >= right_words:
            return _Attr((cs, ce), (sent_s, left_end), spk, False, spk[1], "according")
        return _Attr((cs, ce), (right_start, right_end), spk, False, right_end, "according", True)

    # -- helpers ------------------------------------------------------------
    def _told_object(self, ve: int, sent_e: int) -> int:
        """End of "told reporters" / "told The Associated Press" (the cue
        keeps its object)."""
        text, end, last = self.text, ve, ve
        for m in _ADJ_TOKEN.finditer(text, ve, min(sent_e, ve + 60)):
            tok = m.group()
            if text[last:m.start()].strip() or tok == ",":
                break
            last = m.end()
            if tok.lower() in self.told_objects or (tok[:1].isupper() and tok.lower() not in speech.TIME_WORDS):
                if tok.lower() not in ("the", "a", "an"):
                    end = m.end()
                continue
            if end > ve and tok.islower() and _starts_that(text, _skip_space(text, m.end())):
                end = m.end()  # "told the British minister that"
            break
        return end

    def _skip_adjuncts(self, pos: int, sent_e: int) -> tuple[int, bool]:
        """First position after ``pos`` that is not an adjunct word; whether a
        comma was crossed (then the position is that comma)."""
        text = self.text
        last, in_pp = pos, False
        for m in _ADJ_TOKEN.finditer(text, pos, min(sent_e, pos + 120)):
            if text[last:m.start()].strip():
                return _skip_space(text, last), False
            tok = m.group()
            if tok == ",":
                nxt = _skip_space(text, m.end())
                if self.quotes.starting(nxt):
                    return nxt, False
                return m.start(), True
            low = tok.lower().rstrip(".")
            if tok == "that":
                return m.start(), False
            in_pp = in_pp or low in _PP_START
            pp_word = in_pp and tok.islower() and low not in speech.CLAUSE_WORDS and low not in speech.PRONOUNS
            if not (low in self.adjuncts or tok[:1].isupper() or tok[:1].isdigit() or pp_word):
                return m.start(), False
            last = m.end()
        return _skip_space(text, last), False

    def _inherited(self, sent_s: int, cs: int, previous: list[_Attr]) -> tuple[int, int] | None:
        """Speaker of a participle or coordinated cue: the previous speaker in
        the sentence, else the subject opening its clause."""
        for a in reversed(previous[-3:]):
            if a.speaker and a.cue[0] >= sent_s and a.cue[1] <= cs:
                return a.speaker
        # the subject opening the clause before the cue (or an earlier clause)
        lo, end = max(sent_s, cs - 300), cs
        while True:
            comma = self.text.rfind(",", lo, end)
            spk = speech.leading_subject(self.text, comma + 1 if comma >= 0 else lo, end)
            if spk is not None or comma < 0:
                return spk
            end = comma

    def _clip_contents(self, attrs: list[_Attr]) -> None:
        """A pre-posed content stops where the next attribution in its
        sentence begins ("X said that A, after reports said B")."""
        for a, b in zip(attrs, attrs[1:]):
            if not a.preposed or a.direct or b.speaker is None:
                continue
            cut = b.speaker[0] if a.content[0] < b.speaker[0] else b.cue[0]
            if a.content[0] < cut < a.content[1]:
                m = _CONJ_BEFORE.search(self.text, a.content[0], cut)
                end = _trim_end(self.text, a.content[0], m.start() if m else cut)
                if len(self.text[a.content[0]:end].split()) >= 2:
                    a.content = (a.content[0], end)
                    a.tail_end = end

    def _continuations(self, attrs: list[_Attr]) -> list[_Attr]:
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
            if not re.fullmatch(r"[\s.,;:]*", between) or _BLANK_LINE.search(between):
                continue
            k = bisect.bisect_right(starts, q.content_start) - 1
            if k >= 0 and reach[k] > q.content_start:
                continue
            end = self.quotes.content_end(q)
            if end > q.content_start:
                out.append(_Attr(a.cue, (q.content_start, end), a.speaker, True, q.end, a.kind))
        return out


def _starts_that(text: str, p: int) -> bool:
    return text[p:p + 4].lower() == "that" and (p + 4 == len(text) or not text[p + 4].isalnum())


def _prev_nonspace(text: str, pos: int) -> int:
    """Index of the last non-space character before ``pos`` (-1 if none near)."""
    j = pos - 1
    while j >= max(0, pos - 200) and text[j].isspace():
        j -= 1
    return j if j >= 0 and not text[j].isspace() else -1


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _skip_time_words(text: str, pos: int, end: int) -> int:
    pos = _skip_space(text, pos)
    for m in _ADJ_TOKEN.finditer(text, pos, min(end, pos + 60)):
        low = m.group().lower()
        if low in speech.TIME_WORDS or low in ("on", "last", "this", ","):
            continue
        return m.start()
    return pos


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:\u2014\u2013-"):
        end -= 1
    return end


_NAME = re.compile(r"\b[A-Z][\w'\u2019\-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'\u2019\-]+)+")
_HONORIFIC = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+)?(?P<surname>[A-Z][\w'\u2019\-]+)$")
_SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)|\n")
_REF_TYPES = {"he": ("person",), "she": ("person",), "i": ("person",), "it": ("organization",),
              "they": ("person", "organization", "anonymous"), "we": ("person", "organization"),
              "you": ("person",)}


# Lexicons whose verdicts on a phrase are memoized across extractions.
_MEMO_LEXICONS = (
    "news-agencies", "media-outlets", "report-sources", "official-titles", "official-bodies",
    "anonymous-sources", "speaker-organization-words", "denial-verbs", "confirm-verbs",
)
_MEMO: dict[tuple[int, ...], tuple[tuple, dict[str, dict]]] = {}
_MEMO_SIZE = 4096


def _memo_for(lex: Lexicons) -> dict[str, dict]:
    """Per-lexicon-set caches of phrase verdicts (speaker kind, report
    source, cue stance): pure functions of a phrase and the lexicons, so they
    are kept while the same lexicon objects are in use (held here, so their
    ids cannot be reused), and dropped when they grow large."""
    objs = tuple(lex.items.get(n) for n in _MEMO_LEXICONS)
    key = tuple(map(id, objs))
    entry = _MEMO.get(key)
    if entry is None or any(a is not b for a, b in zip(entry[0], objs)):
        if len(_MEMO) >= 8:
            _MEMO.clear()
        entry = _MEMO[key] = (objs, {"speakers": {}, "reports": {}, "cues": {}})
    for cache in entry[1].values():
        if len(cache) > _MEMO_SIZE:
            cache.clear()
    return entry[1]


class _Builder:
    """Turns attributions and document mentions into linked facts."""

    def __init__(self, doc: Document, lex: Lexicons, book: DocumentBook) -> None:
        self.text, self.lex, self.book = doc.text, lex, book
        self._names: dict[str, tuple[int, int]] | None = None
        memo = _memo_for(lex)
        self._speakers: dict[tuple[str, bool], tuple[str, str | None, bool, bool]] = memo["speakers"]
        self._report_phrases: dict[str, bool] = memo["reports"]
        self._cue_stances: dict = memo["cues"]

    def build(self, attrs: list[_Attr]) -> list[Fact]:
        """Facts in order: statements, reports, documents, each numbered in
        document order.  Fields are gathered as plain values first (spans as
        offset pairs) and each model is built once, complete."""
        statements: list[dict] = []
        reports: list[dict] = []
        for a in sorted(attrs, key=lambda a: a.cue[0]):
            if self._is_report(a):
                if a.speaker is not None:
                    reports.append(self._report(a))
            else:
                statements.append(self._statement(a, statements))
        cited = [self.book.cited(r["cue"][1], _sentence_end(self.text, r["cue"][1])) for r in reports]
        doc_ids = self.book.numbered()
        for r, docs in zip(reports, cited):
            r["cites"] = [doc_ids[id(d)] for d in docs]
        for f in statements:
            for key in ("document", "target_fact"):
                if f[key] is not None:
                    f[key] = doc_ids[id(f[key])]
        out: list[Fact] = []
        for cls, prefix, items in ((StatementFact, "s", statements), (ReportFact, "r", reports)):
            items.sort(key=lambda f: (f["start"], f["end"]))
            for i, f in enumerate(items, 1):
                out.append(self._model(cls, f"{prefix}{i}", f))
        return out + self.book.facts(doc_ids)

    def _model(self, cls: type[Fact], fid: str, fields: dict) -> Fact:
        text = self.text
        values = {k: (Span.of(text, *v) if type(v) is tuple else v) for k, v in fields.items() if v is not None}
        return cls(id=fid, text=text[fields["start"]:fields["end"]], **values)

    # -- classification -----------------------------------------------------
    def _is_report(self, a: _Attr) -> bool:
        if a.kind == "report":
            return True
        if a.speaker is None or a.speaker[0] in self.book.by_mention_start:
            return False  # no source, or a document speaks
        phrase = self.text[a.speaker[0]:a.speaker[1]]
        known = self._report_phrases.get(phrase)
        if known is None:
            names = ("news-agencies", "media-outlets", "report-sources")
            known = self._report_phrases[phrase] = any(speech.fast(self.lex, n).search(phrase) for n in names)
        return known

    def _source_type(self, phrase: str) -> str:
        if speech.fast(self.lex, "news-agencies").search(phrase):
            return "agency"
        if speech.fast(self.lex, "media-outlets").search(phrase):
            return "media"
        m = speech.fast(self.lex, "report-sources").search(phrase)
        if m:
            return "anonymous" if phrase.lower() in ("reports", "a report") else "media"
        return "named"

    # -- facts --------------------------------------------------------------
    def _report(self, a: _Attr) -> dict:
        text = self.text
        stance, _ = speech.stance_of(text, a.cue, a.content, self.lex, self._cue_stances)
        spans = [a.speaker, a.cue, a.content]
        return dict(
            start=min(s[0] for s in spans), end=max(s[1] for s in spans), source=a.speaker,
            source_type=self._source_type(text[a.speaker[0]:a.speaker[1]]), cue=a.cue, content=a.content,
            stance=stance, cites=[],
        )

    def _statement(self, a: _Attr, earlier: list[dict]) -> dict:
        text, lex = self.text, self.lex
        spoken_by = None
        if a.speaker is not None:
            found = self.book.speaking(a.speaker, a.content)
            if found is not None:
                spoken_by, a.speaker = found
        stance, stance_cue = speech.stance_of(text, a.cue, a.content, lex, self._cue_stances)
        target_span, target_doc = None, None
        if stance in ("deny", "retract"):
            found = later_definite(text, lex, a.content[0], a.content[1])
            if found:
                target_span = found[0]
                target_doc = self.book.before(found[1], found[0][0])
                if target_doc is not None and stance == "retract":
                    self.book.retracted(target_doc, a.content)
        kind, title, official, anonymous, ref = "unknown", None, False, False, None
        if a.speaker is not None:
            phrase = text[a.speaker[0]:a.speaker[1]]
            kind, title, official, anonymous = self._speaker_info(phrase, spoken_by is not None)
            ref = a.ref or self._speaker_ref(phrase, kind, a.speaker[0], earlier)
        spans = [x for x in (a.speaker, a.cue, a.content, stance_cue, target_span) if x is not None]
        return dict(
            start=min(x[0] for x in spans), end=max(x[1] for x in spans), speaker=a.speaker,
            speaker_ref=ref, speaker_type=kind, speaker_title=title, cue=a.cue, content=a.content,
            stance=stance, stance_cue=stance_cue, direct=a.direct, official=official, anonymous=anonymous,
            tense=speech.tense_of(text, *a.content), target=target_span, target_fact=target_doc,
            document=spoken_by,
        )

    def _speaker_info(self, phrase: str, is_document: bool) -> tuple[str, str | None, bool, bool]:
        """(speaker_type, speaker_title, official, anonymous), memoized by phrase."""
        key = (phrase, is_document)
        info = self._speakers.get(key)
        if info is None:
            lex, n = self.lex, len(phrase)
            kind = speech.speaker_type(phrase, 0, n, lex, is_document)
            title = speech.split_title(phrase, 0, n, speech.fast(lex, "official-titles"))
            official = not is_document and speech.is_official(phrase, title, lex)
            info = self._speakers[key] = (kind, title, official, speech.is_anonymous(phrase, 0, n, lex))
        return info

    def _speaker_ref(self, phrase: str, kind: str, start: int, earlier: list[dict]) -> tuple[int, int] | None:
        """For a pronoun, the nearest earlier named speaker of a fitting type;
        for a surname ("Milley", "Mr Thomas"), the earlier full name."""
        low = phrase.lower()
        if low in _REF_TYPES:
            for f in reversed(earlier[-40:]):
                spk = f["speaker"]
                if f["speaker_type"] in _REF_TYPES[low] and spk is not None and spk[0] < start:
                    if f["speaker_ref"] is not None:
                        return f["speaker_ref"]
                    if speech.has_name(self.text, *spk):
                        return spk
            return None
        m = _HONORIFIC.fullmatch(phrase)
        if m is None or kind not in ("person", "unknown"):
            return None
        if self._names is None:
            self._names = {}
            for n in _NAME.finditer(self.text):
                self._names.setdefault(n.group().split()[-1], (n.start(), n.end()))
        found = self._names.get(m.group("surname"))
        return found if found is not None and found[0] < start and found[1] - found[0] > len(phrase) else None


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_STOP.search(text, pos, min(len(text), pos + 600))
    return m.start() if m else min(len(text), pos + 600)
