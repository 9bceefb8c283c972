"""Document mentions: letters, memos, resolutions ... and their attachments.

Owns: finding the first mention of each document (a determiner, optional
modifiers and a ``document-words`` noun, or a ``document-words-contextual``
noun next to a ``document-verbs`` verb, a status word or "citing", or a
bare plural document noun: ``attribution.documents_bare``), its
"sent from/by AUTHOR(, appositive,) to RECIPIENT" attachments (a time
adjunct may come before from/by: "a report earlier this week from X"), its status
from modifiers ("draft", "leaked"), whether it is introduced as reported
("reportedly", "according to reports", "seen by the BBC": the outlet test
is ``attribution.outlets``; a "leaked" document the article reports itself), and
every later definite mention ("the letter").  "said in a statement" is a cue,
not a document: "statement" only counts in the contextual way above.

Also owns ``DocumentBook``: the documents of one text while attribution
links them (the document a statement's speaker names, including a speaker
phrase that is a document with its author, "according to a report from
X"; the one a retraction targets; the ones a report cites), and their
numbering into DocumentFacts.

Does not own: finding statements and reports (``attribution``), the
author's own statements next to a document (``attribution.document_authors``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from ...facts.model import DocumentFact, Span
from ...lexicon import Lexicons, WordIndex, fast
from .documents_bare import bare_document
from .outlets import OutletMatcher
from .speakers import phrase_after

_DETERMINERS = frozenset("a an the this that his her its their our one another".split())
_DEFINITE = frozenset("the this that".split())
_WORD_BEFORE = re.compile(r"\S+")
_SPACE_RUN = re.compile(r"\s+")
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+(?:[\w\-]+\s+){0,2}$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+([a-z][\w\-]*)")
_LAST_WORD = re.compile(r"[\w\-]+$")
_DRAFT = re.compile(r"\bdraft\b", re.IGNORECASE)
_MODIFIER = re.compile(r"[\w\-]+")
_NOT_MODIFIERS = frozenset("by of in on at to for from with via and or than as into over".split())
_POSSESSIVE = re.compile(r"[\w.]+['\u2019]s")
_ATTACH_VERB = re.compile(r"\s+(?:sent|written|signed|addressed|drafted|issued|dated\s+\w+(?:\s+\d+)?)\b", re.IGNORECASE)
_FROM_BY = re.compile(r"\s+(?:from|by)\s+", re.IGNORECASE)
#: after a recipient with no verb before it only "from" names the author
#: ("a letter to the council by email": a means; "sent to staff by X": the author)
_FROM_AFTER_RECIPIENT = re.compile(r"\s+from\s+", re.IGNORECASE)
#: a time adjunct between the noun and its author: "a report earlier this week from X"
_TIME_BEFORE_AUTHOR = re.compile(
    r"[ \t]+(?:(?:earlier|later)[ \t]+(?:this|last|in[ \t]+the)[ \t]+\w+|(?:last|this|next)[ \t]+\w+"
    r"|on[ \t]+\w+day|yesterday|today)(?=[ \t]+(?:from|by)[ \t])",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+[^,.;:\"\u201c\u201d]{1,150}?,", re.IGNORECASE)
_TO = re.compile(r",?\s+to\s+", re.IGNORECASE)
#: what opens an addressee right after "to" with no verb before it ("a letter
#: to the board", "a report to Congress"; or an ``addressee-words`` noun: "a
#: memo to staff"), not an infinitive
_ADDRESSEE = re.compile(r"(?:the|a|an|his|her|their|its|our|all|every|[A-Z][\w'\u2019.\-]*)\b")
_NEXT_WORD = re.compile(r"[a-z]+")
_RECIPIENT_STOP = re.compile(r"[,.;:\"\u201c\u201d()]|\s(?:that|which|who|saying|and said|on \w+day|from|by)\b")
_FOLLOW_OK = frozenset(
    """from to by sent written signed addressed drafted leaked issued dated obtained seen published released
    that which was is were are said says saying stated states had has on in of calling asking warning
    urging demanding outlining announcing circulated filed about regarding concerning detailing setting""".split()
)
_STATUS = {"draft": "draft", "leaked": "leaked", "signed": "signed", "unsigned": None,
           "retracted": "retracted", "withdrawn": "retracted", "rescinded": "retracted"}
#: "the letter, which was later withdrawn,": the document is retracted
_WITHDRAWN_AFTER = re.compile(
    r",?[ \t]+(?:which|that)[ \t]+(?:was|were|is|are|has[ \t]+been|had[ \t]+been|have[ \t]+been)[ \t]+"
    r"(?:(?:later|since|subsequently|then|now|quickly|swiftly)[ \t]+)?(?:withdrawn|retracted|rescinded)\b",
    re.IGNORECASE,
)
#: "said the letter was a draft": an indefinite noun after a copula, with no
#: author or recipient, names what an earlier subject is, not a new document
#: ("there was a letter", "was a letter from X" are documents)
_COPULA_BEFORE = re.compile(
    r"(?:^|(?<=\s))(?!there\b)(?P<subject>\S+)[ \t]+(?:was|is|were|are|be|been|became|becomes|remains|remained)"
    r"(?:[ \t]+(?:not|only|just|merely|simply|still|never|also|clearly))?[ \t]+\Z",
    re.IGNORECASE,
)
#: words in -ing that are no participle: an author "the council meeting" ends with them
_NOT_PARTICIPLES = frozenset("morning evening nothing something anything everything building".split())
_ING_WORD = re.compile(r"(?<=\s)[a-z]{3,}ing\b")
#: a reduced relative clause saying how the article got a document, after
#: its author: ", seen by", "obtained by", "leaked to"
_PARTICIPLE_BY = re.compile(r",?[ \t]+(?:seen|obtained|leaked|passed|shown|given|sent|released)[ \t]+(?:by|to)[ \t]")
#: what a retraction calls a document: the status it sets (retracted wins over draft)
_RETRACTED_STATUS = re.compile(
    r"\b(?:retracted|retracts|withdrawn|withdrew|withdraws|rescinded|rescinds|revoked|revokes|(?:sent|issued|released)[ \t]+in[ \t]+error"
    r"|should[ \t]+not[ \t]+have[ \t]+been[ \t]+(?:sent|released|issued)|was[ \t]+never[ \t]+sent)\b",
    re.IGNORECASE,
)

_REPORTEDLY = re.compile(
    r"\breportedly\b|\baccording to (?:media |news |press )?reports\b"
    r"|\b(?:cited|quoted|described|mentioned|revealed|seen) (?:by|in) (?:[\w\-]+ ){0,2}reports?\b"
    r"|\breports? (?:[\w\-]+ ){0,3}?(?:cited|quoted|described|revealed|obtained)\b",
    re.IGNORECASE,
)


@dataclass
class DocumentMention:
    """A document found in the text (mutable while attribution links it)."""

    doc_type: str
    mention: tuple[int, int]
    noun: tuple[int, int]
    author: tuple[int, int] | None = None
    recipient: tuple[int, int] | None = None
    status: str | None = None
    reported: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)
    content: tuple[int, int] | None = None
    reported_content: tuple[int, int] | None = None


def find_documents(text: str, lex: Lexicons, sentence_of, words: WordIndex) -> list[DocumentMention]:
    """Documents in order of first mention.  ``sentence_of(offset)`` gives the
    (start, end) of the sentence holding an offset; ``words`` indexes ``text``."""
    strong = fast(lex, "document-words")
    contextual = fast(lex, "document-words-contextual")
    verbs = fast(lex, "document-verbs")
    status_words = lex.get("document-status-words")
    cue_words = fast(lex, "speech-verbs")
    addressees = lex.get("addressee-words").normalized
    outlets = OutletMatcher(lex)
    bare = fast(lex, "document-words-bare")
    # (match, strong): True for a document word, False for a contextual one, None for a bare plural
    hits: list[tuple[re.Match[str], bool | None]] = [(m, True) for m in words.matches(strong)]
    hits += [(m, False) for m in words.matches(contextual)]
    hits += [(m, None) for m in words.matches(bare)]
    hits.sort(key=lambda h: h[0].start())
    docs: list[DocumentMention] = []
    latest: dict[str, DocumentMention] = {}
    reported_sentences: dict[tuple[int, int], bool] = {}
    content_verbs = (verbs, fast(lex, "document-content-verbs"), cue_words)
    for m, is_strong in hits:
        ns, ne = m.start(), m.end()
        det = _determiner_before(text, ns)
        mention_end = ne
        if is_strong is None:  # "Minutes of a board meeting, seen by the Herald, record that"
            bare_det = bare_document(text, ns, ne, det, status_words, content_verbs)
            det, mention_end = (bare_det[:3], bare_det[3]) if bare_det is not None else (None, ne)
        if det is None or (is_strong is not None and _is_modifier(text, ne, content_verbs[1])):
            continue
        det_start, det_word, mods = det
        doc_type = _SPACE_RUN.sub(" ", m.group().lower())
        if is_strong is None:
            doc_type = doc_type.split()[-1]  # "whatsapp messages": messages
        elif not is_strong and not (
            verbs.search(text, ne, _line_end(text, ne, ne + 30))
            or any(w in status_words for w in mods.split())
            or text[max(0, det_start - 8):det_start].rstrip().endswith("citing")
        ):
            continue
        definite = det_word in _DEFINITE
        earlier = latest.get(doc_type)
        if definite and earlier is not None:
            earlier.mentions.append((det_start, ne))
            continue
        doc = DocumentMention(doc_type, (det_start, mention_end), (ns, ne))
        for word in mods.split():
            if word in status_words:
                doc.status = _STATUS.get(word, word)
        if doc_type == "draft":
            doc.status = "draft"
        _attach(text, doc, cue_words, addressees)
        doc.content = _subject_matter(text, doc.mention[1])
        if det_word in ("a", "an") and doc.mention[1] == ne and _COPULA_BEFORE.search(text, max(0, det_start - 40), det_start):
            continue  # "the letter was a draft": what the letter is ("was a letter from X" is a letter)
        if _WITHDRAWN_AFTER.match(text, doc.mention[1]):
            doc.status = "retracted"  # "The draft letter, which was later withdrawn,": no longer in force
        sent = sentence_of(ns)
        if sent not in reported_sentences:  # once per sentence: a sentence may hold many documents
            reported_sentences[sent] = bool(_REPORTEDLY.search(text, sent[0], sent[1]) or outlets.saw(text, sent))
        # a leaked document is reported by the article itself ("according to a leaked memo")
        doc.reported = doc.reported or reported_sentences[sent] or "leaked" in mods.split()
        docs.append(doc)
        latest[doc_type] = doc
    return docs


#: "a letter about X", "a memo outlining X": what the document is about, as its content
_ABOUT = re.compile(r"[ \t]+(?:about|regarding|concerning|outlining|detailing|setting[ \t]+out)[ \t]+", re.IGNORECASE)
_ABOUT_END = re.compile(r"[,;:.!?\"\u201c\u201d()]|[ \t]+(?:which|who|that|and[ \t]+(?:said|says|told))[ \t]")


def _subject_matter(text: str, end: int) -> tuple[int, int] | None:
    """The phrase a document is said to be about, right after its mention
    ("a letter about the government's own plans for processing asylum
    seekers"), up to the end of the clause and at most 200 characters."""
    m = _ABOUT.match(text, end)
    if m is None:
        return None
    stop = _ABOUT_END.search(text, m.end(), min(len(text), m.end() + 200))
    last = stop.start() if stop else min(len(text), m.end() + 200)
    return (m.end(), last) if last > m.end() else None


def _line_end(text: str, start: int, end: int) -> int:
    """``end``, or the end of the line holding ``start`` when that is nearer."""
    nl = text.find("\n", start, end)
    return nl if nl >= 0 else min(len(text), end)


def _determiner_before(text: str, noun_start: int) -> tuple[int, str, str] | None:
    """(start, determiner, modifiers) of "the draft" in "the draft letter":
    the nearest determiner or possessive at most three plain words before
    the noun."""
    if noun_start == 0 or not text[noun_start - 1].isspace():
        return None
    words = list(_WORD_BEFORE.finditer(text, max(0, noun_start - 60), noun_start))[-4:]
    for k in range(len(words) - 1, -1, -1):
        w = words[k].group()
        low = w.lower()
        if low in _DETERMINERS or _POSSESSIVE.fullmatch(w):
            if k == 0 and words[k].start() > 0 and text[words[k].start() - 1].isalnum():
                return None
            return words[k].start(), low, " ".join(x.group().lower() for x in words[k + 1:])
        if not _MODIFIER.fullmatch(w) or low in _NOT_MODIFIERS or k < len(words) - 3:
            return None  # "the council by email": a preposition ends the noun phrase
    return None


def later_definite(text: str, lex: Lexicons, start: int, end: int) -> tuple[tuple[int, int], str] | None:
    """A definite document reference ("the letter") inside ``text[start:end]``."""
    for lexicon in (fast(lex, "document-words"), fast(lex, "document-words-contextual")):
        for m in lexicon.finditer(text, start, end):
            det = _DEFINITE_BEFORE.search(text[max(start, m.start() - 40):m.start()])
            if det:
                return (max(start, m.start() - 40) + det.start(), m.end()), m.group().lower()
    return None


def _is_modifier(text: str, end: int, content_verbs=None) -> bool:
    """True when the noun modifies a following noun ("email server"), not
    when a verb follows it ("the memo shows": ``content_verbs``)."""
    m = _WORD_AFTER.match(text[end:end + 30])
    if not m or m.group(1) in _FOLLOW_OK or m.group(1).endswith("ed"):
        return False
    hit = content_verbs.search(text, end + m.start(1), end + m.end(1)) if content_verbs is not None else None
    return hit is None


def _addressee_at(text: str, pos: int, addressees: frozenset[str]) -> bool:
    """Whether an addressee opens at ``pos`` (see ``_ADDRESSEE``)."""
    if _ADDRESSEE.match(text, pos):
        return True
    word = _NEXT_WORD.match(text, pos)
    return word is not None and word.group() in addressees


def _attach(text: str, doc: DocumentMention, cue_words, addressees: frozenset[str] = frozenset()) -> None:
    """Extend a mention over "sent from AUTHOR, appositive, to RECIPIENT"."""
    pos = doc.noun[1]
    v = _ATTACH_VERB.match(text, pos)
    if v:
        pos = v.end()
    fb = _FROM_BY.match(text, pos)
    if fb is None and (when := _TIME_BEFORE_AUTHOR.match(text, pos)):
        fb = _FROM_BY.match(text, when.end())
    if fb:
        author = _before_participle(text, phrase_after(text, fb.end(), fb.end() + 120))
        if author and text[author[0]:author[1]].split()[0].lower() != "to":
            doc.author = author
            pos = author[1]
            app = _APPOSITIVE.match(text, pos)
            if app and _TO.match(text, app.end()):
                pos = app.end() - 1
    to = _TO.match(text, pos)
    if to and not (fb or v) and (to.group().startswith(",") or not _addressee_at(text, to.end(), addressees)):
        to = None  # "a plan to cut jobs", "the report, to the surprise of many,": no addressee
    if to:
        stop = _RECIPIENT_STOP.search(text, to.end(), min(len(text), to.end() + 200))
        rend = stop.start() if stop else min(len(text), to.end() + 200)
        cue = cue_words.search(text, to.end(), rend)
        if cue:
            rend = cue.start()  # "a memo ... to the board said ...": the recipient ends at the verb
        while rend > to.end() and text[rend - 1].isspace():
            rend -= 1
        if rend > to.end():
            doc.recipient = (to.end(), rend)
            pos = rend
    # "a letter to the board from Ann Lee", "a memo sent to staff by Ann Lee"
    if to and not fb and (fb := (_FROM_BY if v else _FROM_AFTER_RECIPIENT).match(text, pos)):
        author = _before_participle(text, phrase_after(text, fb.end(), fb.end() + 120))
        if author:
            doc.author = author
            pos = author[1]
    if pos > doc.mention[1]:
        doc.mention = (doc.mention[0], pos)


def _before_participle(text: str, phrase: tuple[int, int] | None) -> tuple[int, int] | None:
    """An author phrase up to a participle opening a clause about it ("the
    US military" of "the US military informing Iraq of the withdrawal"): a
    lower-case word in -ing after a word that is no determiner, possessive
    or adverb ("the ruling party" keeps its modifier), with words after it;
    or a past participle with "by"/"to" that says how the article got the
    document ("the chief constable" of "the chief constable seen by the
    Echo", "... leaked to the BBC")."""
    if phrase is None:
        return None
    start, end = phrase
    by = _PARTICIPLE_BY.search(text, start, end)
    if by is not None and text[start:by.start()].strip():
        end = by.start()
    for m in _ING_WORD.finditer(text, start, end):
        before = text[start:m.start()].split()
        prev = before[-1].lower() if before else ""
        if not prev or prev in _DETERMINERS or prev.endswith(("ly", "'s", "\u2019s")) or m.group() in _NOT_PARTICIPLES:
            continue
        if m.end() < end:
            end = m.start()
            break
    while end > start and text[end - 1] in " \t,":
        end -= 1
    return start, end


class DocumentBook:
    """The documents of one text, indexed by type and first-mention start."""

    def __init__(self, text: str, lex: Lexicons, docs: list[DocumentMention]) -> None:
        self.text, self.docs = text, docs
        self.words = (lex.get("document-words"), lex.get("document-words-contextual"))
        self.finders = (fast(lex, "document-words"), fast(lex, "document-words-contextual"))
        self.cue_words = fast(lex, "speech-verbs")
        self.addressees = lex.get("addressee-words").normalized
        self.by_type: dict[str, tuple[list[int], list[DocumentMention]]] = {}
        for d in docs:
            self._index(d)
        self.by_mention_end = {d.mention[1]: d for d in docs if d.mention[1] > d.noun[1]}
        self.by_mention_start = {d.mention[0]: d for d in docs}
        self._attached = sorted((d for d in docs if d.mention[1] > d.noun[1]), key=lambda d: d.mention[0])
        self._attached_starts = [d.mention[0] for d in self._attached]

    def _index(self, d: DocumentMention) -> None:
        starts, items = self.by_type.setdefault(d.doc_type, ([], []))
        i = bisect.bisect_right(starts, d.mention[0])
        starts.insert(i, d.mention[0])
        items.insert(i, d)

    def before(self, doc_type: str, pos: int, inclusive: bool = False) -> DocumentMention | None:
        """The nearest document of a type first mentioned before ``pos``."""
        starts, items = self.by_type.get(doc_type, ([], []))
        i = (bisect.bisect_right if inclusive else bisect.bisect_left)(starts, pos) - 1
        return items[i] if i >= 0 else None

    def speaking(self, speaker: tuple[int, int], content: tuple[int, int]) -> tuple[DocumentMention, tuple[int, int]] | None:
        """The document a speaker phrase names ("the letter said"; a whole
        mention "a memo sent by X to the board said"), created when new,
        with the speaker span to use; its content becomes the statement's."""
        s, e = speaker
        doc: DocumentMention | None
        whole = self.by_mention_end.get(e)
        inside = self._attachment_at(s)
        if whole is not None and whole.mention[0] <= s:
            doc, speaker = whole, whole.mention
        elif inside is not None:
            # "A letter from X to Y, seen by the BBC, says": the phrase read
            # back from the cue starts in the letter's attachments
            doc, speaker = inside, (inside.mention[0], e)
        elif s in self.by_mention_start:
            doc = self.by_mention_start[s]  # "A memo cited by media reports said"
        elif (opening := self._opening_document(s, e)) is not None:
            doc = opening  # "according to a report from the Retail Forum"
        else:
            last = _LAST_WORD.search(self.text[s:e])
            if last is None:
                return None
            word = last.group().lower()
            if not any(word in lexicon.normalized for lexicon in self.words):
                return None
            doc = self.before(word, s, inclusive=True)
            if doc is None:
                doc = DocumentMention(word, (s, e), (s + last.start(), e))
                _attach(self.text, doc, self.cue_words, self.addressees)  # "a report earlier this week from X"
                self.docs.append(doc)
                self._index(doc)
            elif (s, e) != doc.mention:
                _add_mention(doc.mentions, (s, e))
        if doc.content is None:
            doc.content = content
        return doc, speaker

    def _opening_document(self, s: int, e: int) -> DocumentMention | None:
        """A speaker phrase that is a document with its author ("a report
        from the Retail Forum"): a determiner opening the phrase, a document
        word among its next four words and a from/by attachment ending the
        phrase.  Created (or, when one of its type is already known, that one
        is returned with the phrase as a later mention)."""
        for m in list(_MODIFIER.finditer(self.text, s, min(e, s + 60)))[1:5]:
            word = m.group().lower()
            if not any(word in lexicon.normalized for lexicon in self.words):
                continue
            det = _determiner_before(self.text, m.start())
            if det is None or det[0] != s:
                return None
            doc = DocumentMention(word, (s, m.end()), (m.start(), m.end()))
            _attach(self.text, doc, self.cue_words, self.addressees)
            if doc.author is None or doc.mention[1] != e:
                return None
            earlier = self.before(word, s)
            if earlier is not None and det[1] in _DEFINITE:
                bisect.insort(earlier.mentions, (s, e))
                return earlier
            self.docs.append(doc)
            self._index(doc)
            return doc
        return None

    def names_document(self, speaker: tuple[int, int]) -> bool:
        """Does a speaker phrase start with a document mention or inside its
        attachments ("the letter", "library staff, seen by the BBC" after "a
        memo ... to")?"""
        return speaker[0] in self.by_mention_start or self._attachment_at(speaker[0]) is not None

    def _attachment_at(self, pos: int) -> DocumentMention | None:
        """The document whose author/recipient attachment holds ``pos``."""
        i = bisect.bisect_left(self._attached_starts, pos) - 1
        d = self._attached[i] if i >= 0 else None
        return d if d is not None and d.noun[1] < pos < d.mention[1] else None

    def retracted(self, doc: DocumentMention, content: tuple[int, int]) -> None:
        """A retraction of ``doc`` saying it was withdrawn or sent in error
        (``_RETRACTED_STATUS``) makes its status retracted; one calling it a
        draft, draft (unless it is retracted already)."""
        if _RETRACTED_STATUS.search(self.text, content[0], content[1]):
            doc.status = "retracted"
        elif doc.status != "retracted" and _DRAFT.search(self.text[content[0]:content[1]]):
            doc.status = "draft"

    def first_in(self, start: int, end: int) -> tuple[DocumentMention, tuple[int, int]] | None:
        """The document with the first mention (first or later) whose noun
        is in ``[start, end)`` (at most 300 characters are read), and that
        mention."""
        end = min(end, start + 300)
        nouns = sorted((m for f in self.finders for m in f.finditer(self.text, start, end)), key=lambda m: m.start())
        for m in nouns:
            d = self.before(m.group().lower(), m.start(), inclusive=True)
            if d is None:
                continue
            if d.mention[0] <= m.start() < d.mention[1]:
                return d, d.mention
            i = bisect.bisect_right(d.mentions, (m.start(), len(self.text))) - 1
            if i >= 0 and d.mentions[i][0] <= m.start() < d.mentions[i][1] and d.mentions[i][0] >= start:
                return d, d.mentions[i]
        return None

    def cited(self, start: int, end: int) -> list[DocumentMention]:
        """Documents first mentioned in ``[start, end)`` (cited by a report);
        they are marked as reported."""
        self.docs.sort(key=lambda d: d.mention[0])
        starts = [d.mention[0] for d in self.docs]
        found = self.docs[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
        for d in found:
            d.reported = True
        return found

    def numbered(self) -> dict[int, str]:
        """Fact ids (d1, d2 ...) in document order, keyed by ``id()``."""
        ordered = sorted(self.docs, key=_extent)
        return {id(d): f"d{i}" for i, d in enumerate(ordered, 1)}

    def facts(self, ids: dict[int, str]) -> list[DocumentFact]:
        text, out = self.text, []
        for d in sorted(self.docs, key=_extent):
            start, end = _extent(d)
            # Any: mypy checks a ** of one value type against every parameter
            spans: dict[str, Any] = {k: Span.of(text, *v) for k, v in
                     (("mention", d.mention), ("author", d.author), ("recipient", d.recipient), ("content", d.content),
                      ("reported_content", d.reported_content))
                     if v is not None}
            out.append(DocumentFact(
                id=ids[id(d)], start=start, end=end, text=text[start:end], doc_type=d.doc_type, status=d.status,
                reported=d.reported, mentions=[Span.of(text, *m) for m in d.mentions], **spans,
            ))
        return out


def _extent(d: DocumentMention) -> tuple[int, int]:
    spans = [d.mention, *d.mentions] + [c for c in (d.content, d.reported_content) if c is not None]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _add_mention(mentions: list[tuple[int, int]], span: tuple[int, int]) -> None:
    """Put ``span`` in the sorted ``mentions`` unless it is there (by
    bisection: a long text repeating "the memo shows that" stays linear)."""
    i = bisect.bisect_left(mentions, span)
    if i == len(mentions) or mentions[i] != span:
        mentions.insert(i, span)
