"""Attribution cues: finding each cue verb and its speaker.

Owns: finding cue verbs (lexicons ``speech-verbs``, ``report-verbs``,
``according-cues``, and ``document-content-verbs`` with a document as
subject: "a memo ... shows that") outside quotations, the cue's extent (auxiliaries,
adverbs, "told reporters", a denied claim "rejected reports"), and for
each cue where its speaker is: quote-adjacent ``"...," X said``, inverted
``..., said X``, post-posed ``..., X said.``, pre-posed ``X said ...``, ``"..." So says X.``,
participles ``, adding "..."`` and coordinated cues that inherit the main
clause's speaker (and its governing denial), relative "who" speakers and
their antecedent.  Rejects nouns and passives ("the said", "was told",
"media reports") except passive reports (``attribution.passive``).

Does not own: placing the content (``attribution.content``), reading a
speaker phrase (``attribution.speakers``), building facts (``attribution.build``).
"""

from __future__ import annotations

import re

from ...lexicon import IdentityCache, Lexicons, WordIndex, cached_by_identity, fast
from ...text.document import Document
from .attr import (
    ADJ_TOKEN,
    TAIL_END,
    Attr,
    after_timestamp,
    prev_nonspace,
    skip_space,
    skip_time_words,
    starts_that,
)
from .content import ContentReader
from .denials import claim_object_end, denied_object, participle_governor
from .passive import passive_report
from .quotes import Quote, QuoteIndex, title_before
from .speakers import (
    CLAUSE_WORDS,
    PRONOUNS,
    TIME_WORDS,
    clause_follows,
    has_name,
    leading_subject,
    phrase_after,
    subject_before,
)

_AUX = frozenset(
    """has have had will would could also later previously earlier repeatedly once then publicly privately
    again recently already first further subsequently never did does do both all even just still now only""".split()
)
_BE = frozenset("was were is are be been being am".split())
# a word before the verb that makes it a noun or an adjective ("the said", "their claim")
_NOT_SUBJECT = frozenset("the a an this these those so-called his her their its our my your".split())
_NOT_ADVERBS = frozenset("family ally rally assembly supply july italy anomaly".split())
# before a cue: the subject is the sentence's ("and says", "but has said", "by saying")
_COORDINATORS = frozenset("and but by for from of after before without while aside".split())
_RELATIVE = re.compile(r"(?:which|who|whose)\b")
_FROM_PLACE = re.compile(r"[ \t]+from[ \t]+[A-Z]")
_PP_START = frozenset("in on at during via through from with after before following amid over".split())
_TOLD = frozenset("told tell tells telling".split())
#: a question word opening what a document says ("sets out how the library will close")
_WH_CLAUSE = re.compile(r"(?:how|why|whether|what|when|where)\s", re.IGNORECASE)
#: a sum of money as a verb's object: a figure with a currency sign or word,
#: then a preposition, a conjunction or the clause's end ("claimed \u00a362,000
#: in benefits", "claiming $5m for repairs"), not a subject ("claimed $5m was lost")
_AMOUNT_OBJECT = re.compile(
    r"(?:(?:an?|some|about|around|nearly|almost|over|more[ \t]+than)[ \t]+)?"
    r"(?:[$\u00a3\u20ac\u00a5][ \t]?\d[\d,.]*(?:[ \t]?(?:[mk]|bn|million|billion|thousand)\b)?"
    r"|\d[\d,.]*(?:[ \t]+(?:million|billion|thousand))?[ \t]+(?:pounds|dollars|euros|yen))"
    r"(?=[ \t]*(?:[,.;:)]|$|(?:in|for|from|of|on|off|over|through|to|and|or|as|while|after|before|since)\b))",
    re.IGNORECASE,
)
# prepositions that may continue an adjunct towards its addressee
_PP_LINKS = frozenset("to for".split())
# grammatical words that may stand in an object of "told" or in an adjunct
# after a cue; the nouns come from lexicons told-audiences / speech-occasions
_TOLD_GLUE = frozenset("the a an his her their him them me us".split())
_ADJUNCT_GLUE = TIME_WORDS | frozenset(
    "in on at during via through from with after before following over the a an his her their its this next".split()
)


class _Tables:
    """The word sets and regexes a ``Finder`` reads from the lexicons."""

    def __init__(self, lex: Lexicons) -> None:
        self.occasions = lex.get("speech-occasions").normalized
        self.told_objects = _TOLD_GLUE | lex.get("told-audiences").normalized
        self.addressees = lex.get("addressee-words").normalized  # "in a letter to staff"
        self.adjuncts = _ADJUNCT_GLUE | self.occasions
        citing = sorted(lex.get("citation-cues").phrases)
        participles = sorted({p for p in lex.get("speech-verbs").phrases if p.endswith("ing")} | set(citing))
        words = participles + list(lex.get("report-verbs").phrases) + list(lex.get("according-cues").phrases)
        self.denials = lex.get("denial-verbs").normalized
        self.document_objects = lex.get("document-object-verbs").normalized
        self.boundary = re.compile(r",\s+(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
        self.citation = re.compile(r",\s+(?:" + "|".join(re.escape(w) for w in citing) + r")\b" if citing else r"(?!)", re.I)


# the lexicons whose words head a document phrase ("the memo", "minutes")
_DOCUMENT_NOUN_LEXICONS = ("document-words", "document-words-contextual", "document-words-bare")
_TABLE_LEXICONS = (
    "speech-occasions", "told-audiences", "addressee-words", "citation-cues", "speech-verbs", "report-verbs",
    "according-cues", "denial-verbs", "document-object-verbs",
)
_TABLES = IdentityCache()


def _tables(lex: Lexicons) -> _Tables:
    """The ``_Tables`` of these lexicons, built once while the same lexicon
    objects are in use (held here, so their ids cannot be reused)."""
    return cached_by_identity(_TABLES, lex, _TABLE_LEXICONS, lambda: _Tables(lex))


class Finder(ContentReader):
    """Finds attributions (cue, speaker, content) in one document."""

    def __init__(self, doc: Document, lex: Lexicons, quotes: QuoteIndex, words: WordIndex) -> None:
        self.doc, self.text, self.lex, self.quotes, self.words = doc, doc.text, lex, quotes, words
        tables = _tables(lex)
        self.occasions, self.told_objects, self.addressees = tables.occasions, tables.told_objects, tables.addressees
        self.adjuncts, self.denials, self.document_objects = tables.adjuncts, tables.denials, tables.document_objects
        self.boundary, self.citation = tables.boundary, tables.citation

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
        found: list[tuple[int, int, str]] = []
        for kind, name in (("speech", "speech-verbs"), ("report", "report-verbs"), ("according", "according-cues")):
            found.extend((m.start(), m.end(), kind) for m in self.words.matches(fast(self.lex, name)))
        # a document-content verb ("shows"; lower case: not "United States") only with a document
        # word before it in reach of its subject
        text = self.text
        documents = [fast(self.lex, n) for n in _DOCUMENT_NOUN_LEXICONS]
        found.extend((m.start(), m.end(), "document") for m in self.words.matches(fast(self.lex, "document-content-verbs"))
                     if text[m.start()].islower()
                     and any(d.search(text, max(0, m.start() - 150), m.start()) for d in documents))
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

    def run(self) -> list[Attr]:
        attrs: list[Attr] = []
        for vs, ve, kind in self.cues():
            a = self.analyse(vs, ve, kind, attrs)
            if a is not None and kind == "document" and not self._document_speaks(a):
                continue  # "figures show", "the video shows": only a document's words are attributed
            if a is not None and a.content[1] > a.content[0]:
                if a.speaker is not None and (s := after_timestamp(self.text, a.speaker[0])) < a.speaker[1]:
                    a.speaker = (s, a.speaker[1])  # "14:40 Police say": "Police"
                a.governor = participle_governor(self.text, a, self.sentence, self.lex)
                attrs.append(a)
        self._clip_contents(attrs)
        attrs.extend(self._continuations(attrs))
        attrs.sort(key=lambda a: a.content[0])
        return attrs

    # -- one cue --------------------------------------------------------------
    def analyse(self, vs: int, ve: int, kind: str, previous: list[Attr]) -> Attr | None:
        text = self.text
        sent_s, sent_e = self.sentence(vs)
        word = text[vs:ve].lower()
        if kind == "report" and word.endswith("ed"):
            passive = passive_report(text, vs, ve, sent_s, sent_e, self._skip_adjuncts)
            if passive is not None:
                return passive
        cs, prev = self._cue_start(vs, sent_s, word)
        if cs is None:
            return None
        if kind == "according":
            return self._according(cs, ve, sent_s, sent_e)
        if prev.lower() == "so" and kind == "speech" and text[sent_s:cs].strip() == prev:
            return self._so_says(cs, ve, sent_s, sent_e, kind)
        if word in ("reports", "report") and self._noun_reports(vs, ve, prev, sent_s):
            return None
        ce = self._told_object(ve, sent_e) if word in _TOLD else ve
        if word in self.denials:
            ce = claim_object_end(text, ve, sent_e, self.lex) or ve  # "rejected reports that ..."
        p, crossed_comma = self._skip_adjuncts(ce, sent_e)
        quote_at = self.quotes.starting(p) if p < sent_e else None
        if quote_at is not None and title_before(text, ce, p):
            p, crossed_comma = self._skip_adjuncts(quote_at.end, sent_e)  # on ABC's "This Week"
            quote_at = self.quotes.starting(p) if p < sent_e else None
        that = starts_that(text, p)
        headline = text[vs].isupper()
        found = self.quotes.before_cue(cs)
        q = found[0] if found is not None else None
        if found is not None and found[1] and not (p >= sent_e or text[p] in TAIL_END):
            q = None  # '..." The speechwriter said the ...': a new sentence with its own content
        if q is not None and (not that or text[q.content_end - 1] in ",?!"):
            spk = self._quote_speaker(q, cs, ce, sent_e)
            if spk is not False:
                return Attr((cs, ce), (q.content_start, self.quotes.content_end(q)), spk, True, p, kind)
        left_start = max(sent_s, cs - 200)  # bounded: a long sentence has many cues
        left = text[left_start:cs].rstrip()
        if left.endswith(",") and len(left.split()) >= 2:
            spk = phrase_after(text, skip_space(text, ce), sent_e)
            if spk is not None and self._speakerlike(spk):
                p2, _ = self._skip_adjuncts(spk[1], sent_e)
                if p2 >= sent_e or text[p2] in TAIL_END + ",":
                    return self._postposed(cs, ce, sent_s, left_start + len(left) - 1, spk, p2, kind)
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
            spk = subject_before(text, sent_s, cs)
        if spk is None:
            return None
        ref = self._antecedent(spk, sent_s)
        if that:
            return self._preposed(cs, ce, skip_space(text, p + 4), sent_e, spk, kind, ref)
        if p < sent_e and text[p] == ":":
            return self._preposed(cs, ce, skip_space(text, p + 1), sent_e, spk, kind, ref)
        if quote_at is not None:
            return self._preposed(cs, ce, p, sent_e, spk, kind, ref)
        if headline:
            return self._preposed(cs, ce, skip_space(text, ce), sent_e, spk, kind, ref)
        if p >= sent_e or text[p] in TAIL_END or crossed_comma:
            comma = prev_nonspace(text, spk[0])
            if not participle and comma >= 0 and text[comma] == ",":
                return self._postposed(cs, ce, sent_s, comma, spk, p, kind, ref, crossed_comma, sent_e)
            if crossed_comma and _RELATIVE.match(text, skip_space(text, p + 1)):
                # "Reports say Standard Life, which owns ..., may": the name opens the content
                return self._preposed(cs, ce, skip_time_words(text, ce, sent_e), sent_e, spk, kind, ref)
            if crossed_comma and kind == "report" and _FROM_PLACE.match(text, ce):
                return None  # "Ann Lee reported from Washington, ...": a byline, not a report
            if crossed_comma:  # "She said, if elected, she would ...", "reported, citing a memo, that ..."
                start = self.after_citation(p, sent_e) or skip_space(text, p + 1)
                return self._preposed(cs, ce, start, sent_e, spk, kind, ref)
            return None
        start = skip_time_words(text, ce, sent_e)
        if starts_that(text, start):
            start = skip_space(text, start + 4)
        if word in self.denials and (obj := denied_object(text, start, sent_e, self.lex)) is not None:
            return Attr((cs, ce), obj, spk, False, obj[1], kind, True, ref)  # "The ministry denied it."
        if word in self.lex.get("object-verbs") and (word in self.denials or not clause_follows(text, start, sent_e)):
            return None  # "announced a plan", "rejected the party's line": an object, not what was said
        if kind == "document" and not (
            clause_follows(text, start, sent_e) or _WH_CLAUSE.match(text, start, sent_e) or word in self.document_objects
        ):
            return None  # "the memo shows new emails": an object, not what the document says
        # (but what a document records, demands, calls for or recommends is what it says:
        # "the minutes record a £32m offer", "the report called for the agency to be wound up")
        if word in self.lex.get("amount-object-verbs") and _AMOUNT_OBJECT.match(text, start, sent_e):
            return None  # "claiming \u00a362,000 in benefits": a sum claimed, not speech
        return self._preposed(cs, ce, start, sent_e, spk, kind, ref, bare=True)

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
        if cs == vs and prev.lower() == "to":
            frame = self._speech_frame(lo, text.rfind(prev, lo, vs))
            if frame is not None:  # "was quick to add", "went on to say": the frame opens the cue
                cs = frame
        if cs != vs:
            head = text[lo:cs].split()
            prev = head[-1] if head else ""
        return cs, prev

    def _speech_frame(self, lo: int, to: int) -> int | None:
        """Start of a ``speech-frames`` phrase ending right before the "to"
        at ``to`` ("Trump was quick | to add"), with the auxiliaries and
        adverbs before it; None when there is none."""
        text, start = self.text, None
        for m in fast(self.lex, "speech-frames").finditer(text, lo, to):
            if not text[m.end():to].strip():
                start = m.start()
        if start is None:
            return None
        for w in reversed(text[lo:start].split()[-3:]):
            if not (w.islower() and (w in _AUX or w in _BE or (w.endswith("ly") and len(w) > 4))):
                break
            start = text.rfind(w, lo, start)
        return start

    def _noun_reports(self, vs: int, ve: int, prev: str, sent_s: int) -> bool:
        """True for the noun ("media reports said", "amid reports that"), false
        for the verb ("the Tribune reports", ", reports Xinhua")."""
        nxt = skip_time_words(self.text, ve, min(len(self.text), ve + 60))
        if fast(self.lex, "speech-verbs").search(self.text, nxt, min(len(self.text), nxt + 15)):
            return True
        named = prev[:1].isupper() and (
            self.text.rfind(prev, sent_s, vs) > sent_s
            or any(fast(self.lex, n).search(prev) for n in ("news-agencies", "media-outlets"))
        )
        return not (prev.endswith(",") or named or prev.lower() in PRONOUNS)

    def _quote_speaker(self, q: Quote, cs: int, ce: int, sent_e: int):
        """The speaker of a quote followed by its cue: the words between
        quote and cue (``"...," she said``), or after the cue (``said X``);
        None when nobody is named, False when the gap is not a speaker."""
        text = self.text
        gap = text[q.end:cs].strip().strip(",").strip()
        if not gap:
            return phrase_after(text, skip_space(text, ce), sent_e)
        spk = subject_before(text, q.end, cs)
        if spk is None or fast(self.lex, "speech-verbs").search(text, q.end, cs):
            return False  # no speaker, or another cue in between
        return spk

    def _so_says(self, cs: int, ce: int, sent_s: int, sent_e: int, kind: str) -> Attr | None:
        """``"..." So says X.``: the quote ending right before the sentence is
        X's; None when no quote ends there or no speaker follows."""
        text = self.text
        spk = phrase_after(text, skip_space(text, ce), sent_e)
        j = prev_nonspace(text, sent_s)
        q = self.quotes.at(j) if j >= 0 else None
        if spk is None or not self._speakerlike(spk) or q is None or q.end != j + 1:
            return None
        return Attr((cs, ce), (q.content_start, self.quotes.content_end(q)), spk, True, spk[1], kind)

    def _speakerlike(self, spk: tuple[int, int]) -> bool:
        """Can the phrase after an inverted cue ("..., said X") be a speaker?"""
        phrase = self.text[spk[0]:spk[1]]
        return has_name(self.text, *spk) or any(
            fast(self.lex, n).search(phrase) for n in ("official-titles", "anonymous-sources", "report-sources")
        )

    def _antecedent(self, spk: tuple[int, int], sent_s: int) -> tuple[int, int] | None:
        """For a relative "who" speaker, the noun phrase it refers to."""
        if self.text[spk[0]:spk[1]].lower() != "who":
            return None
        j = prev_nonspace(self.text, spk[0])
        if j < 0:
            return None
        return subject_before(self.text, sent_s, j if self.text[j] == "," else j + 1)


    # -- helpers ------------------------------------------------------------
    def _document_speaks(self, a: Attr) -> bool:
        """Whether the speaker of a ``document-content-verbs`` cue ("shows",
        "records") is a document: a document word in its first 30
        characters, before any comma ("A memo from ...", "Minutes of a board
        meeting", "WhatsApp messages seen by ...")."""
        if a.speaker is None:
            return False
        s, e = a.speaker
        e = min(e, s + 30)  # the head of the phrase, not "The minister, citing a memo,"
        comma = self.text.find(",", s, e)
        e = comma if comma >= 0 else e
        return any(fast(self.lex, n).search(self.text, s, e) is not None
                   for n in _DOCUMENT_NOUN_LEXICONS)

    def _told_object(self, ve: int, sent_e: int) -> int:
        """End of "told reporters" / "told The Associated Press" (the cue
        keeps its object)."""
        text, end, last = self.text, ve, ve
        for m in ADJ_TOKEN.finditer(text, ve, min(sent_e, ve + 60)):
            tok = m.group()
            if text[last:m.start()].strip() or tok == ",":
                break
            last = m.end()
            if tok.lower() in self.told_objects or (tok[:1].isupper() and tok.lower() not in TIME_WORDS):
                if tok.lower() not in ("the", "a", "an"):
                    # "told the BBC.": the full stop ends the sentence ("the U.S." keeps its own)
                    end = m.end() - (tok.endswith(".") and "." not in tok[:-1])
                continue
            if end > ve and tok.islower() and starts_that(text, skip_space(text, m.end())):
                end = m.end()  # "told the British minister that"
            break
        return end

    def _skip_adjuncts(self, pos: int, sent_e: int) -> tuple[int, bool]:
        """First position after ``pos`` that is not an adjunct word; whether a
        comma was crossed (then the position is that comma)."""
        text = self.text
        last, in_pp = pos, False
        for m in ADJ_TOKEN.finditer(text, pos, min(sent_e, pos + 120)):
            if text[last:m.start()].strip():
                return skip_space(text, last), False
            tok = m.group()
            if tok == ",":
                nxt = skip_space(text, m.end())
                if self.quotes.starting(nxt):
                    return nxt, False
                return m.start(), True
            low = tok.lower().rstrip(".")
            if tok == "that":
                return m.start(), False
            in_pp = in_pp or low in _PP_START
            pp_word = in_pp and tok.islower() and low not in CLAUSE_WORDS and low not in PRONOUNS
            if in_pp and low in _PP_LINKS and self._addressee_follows(m.end(), sent_e):
                pp_word = True  # "in a letter to the board", "in an interview for Sky News"
            if not (low in self.adjuncts or tok[:1].isupper() or tok[:1].isdigit() or pp_word):
                return m.start(), False
            last = m.end()
        return skip_space(text, last), False

    def _addressee_follows(self, pos: int, sent_e: int) -> bool:
        """Whether the word after ``pos`` opens whom a letter or interview
        was for ("to the board", "to staff", "for Sky News"), not a verb
        ("in a bid to calm markets")."""
        nxt = ADJ_TOKEN.match(self.text, skip_space(self.text, pos), sent_e)
        if nxt is None:
            return False
        word = nxt.group()
        return word[:1].isupper() or word.lower() in self.told_objects or word.lower() in self.addressees

    def _inherited(self, sent_s: int, cs: int, previous: list[Attr]) -> tuple[int, int] | None:
        """Speaker of a participle or coordinated cue: the previous speaker in
        the sentence, else the subject opening its clause."""
        for a in reversed(previous[-3:]):
            if a.speaker and a.cue[0] >= sent_s and a.cue[1] <= cs:
                return a.speaker
        # the subject opening the clause before the cue (or an earlier clause)
        lo, end = max(sent_s, cs - 300), cs
        while True:
            comma = self.text.rfind(",", lo, end)
            spk = leading_subject(self.text, comma + 1 if comma >= 0 else lo, end)
            if spk is not None or comma < 0:
                return spk
            end = comma
