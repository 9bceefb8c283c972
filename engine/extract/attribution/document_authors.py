"""Documents' authors speaking next to them: ``DocumentFact.author_statements``.

Owns: ``link_author_statements``, run by the attribution extractor on its
own facts, which lists for each document the statements its author makes in
the paragraph of the document's first mention (at most 1,200 characters
from it, so a text without paragraph breaks stays linear).  They say what
the document says ("The NRF said ..." after "a report from the Northern
Retail Forum"); the topic pass gives the document their topic keys.

Who the author is (``author_names``): the document's ``author`` (from/by
X), the possessor of the mention ("the council's letter"), and, when the
mention is an adjunct of a clause ("X faults ..., in a statement", "In a
letter, X said"; not "quoted in a memo") or, for a document with no from/by
author, the object of an active verb of writing ("X sent a letter", not "X
was sent a letter"), that clause's subject: the speaker of the nearest
statement of the sentence (none when the mention is inside a statement's
content), else a name opening the sentence (a determiner and a capitalised
word, two capitalised words, or an acronym).

Which statements are the author's, walking the paragraph's statements and
reports in order: a speaker naming the author again (same words; an
acronym of it, "NRF" for "Northern Retail Forum", or one given in
brackets after it; one phrase ending the other, "the chief executive" for
"the council's chief executive", "Mr Lee" for "Ann Lee"), or, for a
pronoun or "the/this" and one ``speaker-organization-words`` noun ("the
group"), the nearest earlier speaker of the paragraph when that is the
author or the document itself ("it" only for an organisation-like author:
an acronym or an organisation noun; "he"/"she" only for another).  The
speakers are the statements' speakers and the reports' sources (not a
report citing the document: "..., according to media reports"), plus a
sentence subject naming the document (the mention opening its sentence)
or its author (the name opening the sentence the mention is an adjunct of).  A quote no cue
attributes counts when the speaker it is presumed to continue is the
author.  Only asserting or confirming statements are listed, and not one
whose content holds the document's mention (it speaks about the document:
"X said its lawsuit had ..."); a statement the document itself speaks ("the
letter said") is linked by its own ``document`` field instead, and counts
as the document for a pronoun after it ("It added ...").

A document with no from/by author gets that clause subject as its
``author`` ("Ann Lee said in a letter to staff": Ann Lee wrote it).

Does not own: finding documents (``documents``) or statements
(the rest of ``attribution``), entity ids (the link pass), topic keys (the topics pass).
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ...facts.model import DocumentFact, Fact, ReportFact, Span, StatementFact
from ...lexicon import Lexicon, Lexicons
from ...text.document import Block, Document

_WORD = re.compile(r"[^\W_][\w&'\u2019.\-]*")
_BRACKETED = re.compile(r"\(([A-Z][A-Z&]{1,9})\)")
_BRACKETED_AFTER = re.compile(r"[ \t]*\(([A-Z][A-Z&]{1,9})\)")
_DETERMINERS = frozenset("the a an this that these those".split())
_DEFINITE = frozenset("the this that these those".split())
_HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame lord lady rev".split())
_JOINERS = frozenset("of and for the & on de".split())
_PRONOUNS = frozenset("he she it they we".split())
#: the mention is an adjunct of its clause, whose subject wrote it: "..., in
#: a statement", "via a letter", "sent a letter", "wrote a memo"
_AUTHORING = re.compile(
    r"(?:(?<![\w\-])(?P<prep>in|through|via)|\b(?:sent|wrote|issued|published|released|signed|drafted|penned"
    r"|circulated|filed|submitted|tabled))[ \t]+\Z",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(r"\b\w+ed[ \t]+\S+[ \t]+\Z")  # "quoted in a memo": the subject is not its author
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being|got|gets|get)[ \t]+\Z", re.IGNORECASE)  # "who was sent a letter"
#: a name opening a sentence: "The HTG", "Ann Lee", "NATO", before a lower-case word
_LEADING_NAME = re.compile(
    r"(?:(?P<det>[Tt]he)[ \t]+)?(?P<name>[A-Z][\w&'\u2019.\-]*(?:[ \t]+(?:(?:of|and|for|&)[ \t]+)?[A-Z][\w&'\u2019.\-]*){0,6})"
    r"(?=[ \t]+[a-z])"
)
#: how far from the mention (within its paragraph) an author statement may
#: start: a paragraph is rarely longer, and a single-line text stays linear
_REACH = 1200
#: capitalised words right before a possessive mention ("the Bank of England's report")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w&.\-]*[ \t]+(?:(?:of|and|for|&)[ \t]+)?){1,4}\Z")


class Name(NamedTuple):
    """A name phrase reduced for comparison: lower-case words without the
    determiner or honorific (``key`` joins them), the short forms it is known
    by (acronyms), and whether it looks like an organisation."""

    words: tuple[str, ...]
    key: str
    short: frozenset[str]
    definite: bool
    capitalized: bool
    organization: bool


def read_name(text: str, start: int, end: int, org_words: Lexicon) -> Name | None:
    """The ``Name`` of ``text[start:end]`` (None when no word is left)."""
    phrase = text[start:end]
    bracketed = set()
    if "(" in phrase:
        bracketed = {m.group(1).lower() for m in _BRACKETED.finditer(phrase)}
        phrase = _BRACKETED.sub(" ", phrase)
    after = _BRACKETED_AFTER.match(text, end) if text.startswith("(", end) or text.startswith(" (", end) else None
    if after:
        bracketed.add(after.group(1).lower())
    raw = _WORD.findall(phrase)[:14]
    definite = False
    while raw and raw[0].lower() in _DETERMINERS:
        definite = definite or raw[0].lower() in _DEFINITE
        raw = raw[1:]
    while raw and raw[0].lower().rstrip(".") in _HONORIFICS:
        raw = raw[1:]
    if not raw:
        return None
    short = set(bracketed)
    significant = [w for w in raw if w.lower() not in _JOINERS]
    if len(significant) >= 2 and all(w[0].isupper() for w in significant):
        short.add("".join(w[0] for w in significant).lower())
    words = tuple(_unpossessive(w.lower()) for w in raw)
    organization = bool(bracketed) or any(w.isupper() and len(w) > 1 for w in raw) \
        or (definite and raw[0][0].isupper()) or not org_words.normalized.isdisjoint(words)
    return Name(words, " ".join(words), frozenset(short), definite, raw[0][0].isupper(), organization)


def _unpossessive(word: str) -> str:
    """``council's`` -> ``council``, ``members'`` -> ``members``."""
    if word.endswith(("'s", "\u2019s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "\u2019")) else word


def same_name(a: Name, b: Name) -> bool:
    """Do two names name the same author?  Same words; one the other's short
    form; or one ends the other and is definite or capitalised ("the chief
    executive" / "the council's chief executive", "Lee" / "Ann Lee")."""
    if a.key == b.key or a.key in b.short or b.key in a.short:
        return True
    shorter, longer = (a, b) if len(a.words) < len(b.words) else (b, a)
    return (shorter.definite or shorter.capitalized) and longer.words[-len(shorter.words):] == shorter.words


def author_names(text: str, doc: DocumentFact, sentence: Block, statements: list[StatementFact],
                 org_words: Lexicon) -> tuple[list[Name], tuple[int, bool] | None, tuple[int, int] | None]:
    """Who wrote ``doc`` (its ``author``, the possessor of its mention and the
    subject of the clause it is an adjunct of: see the module docstring),
    where a sentence's subject names the document (the mention opening its
    sentence: ``(start, False)``) or else its author (the name opening the
    sentence: ``(start, True)``), if one does, and the span of that clause
    subject when it names someone ("Ann Lee" of "Ann Lee said in a letter")."""
    spans: list[tuple[int, int]] = []
    clause_author = None
    subject = (doc.mention.start, False) if doc.mention.start == sentence.start else None
    if doc.author is not None:
        spans.append((doc.author.start, doc.author.end))
    start = doc.mention.start
    first = _WORD.match(text, start)
    if first and re.search(r"['\u2019]s$", first.group()):
        before = _NAME_BEFORE.search(text, max(sentence.start, start - 60), start)
        spans.append((before.start() if before else start, first.end()))
    lead = text[max(sentence.start, start - 40):start]
    authoring = _AUTHORING.search(lead)
    if authoring and (_PARTICIPLE.search(lead) is None if authoring.group("prep") else
                      doc.author is None and _PASSIVE.search(lead, 0, authoring.start()) is None):
        found = _clause_subject(text, start, sentence, statements)
        if found is not None:
            spans.append(found[0])
            if subject is None and found[1] is not None:
                subject = (found[1], True)
            name = read_name(text, *found[0], org_words)
            in_sentence = sentence.start <= found[0][0] and found[0][1] <= sentence.end
            if in_sentence and name is not None and not (len(name.words) == 1 and name.words[0] in _PRONOUNS):
                clause_author = found[0]  # (not a pronoun's antecedent in another sentence)
    read = [read_name(text, s, e, org_words) for s, e in spans]
    names = [n for n in read if n is not None and not (len(n.words) == 1 and n.words[0] in _PRONOUNS)]
    return names, subject, clause_author


def _clause_subject(text: str, pos: int, sentence: Block,
                    statements: list[StatementFact]) -> tuple[tuple[int, int], int | None] | None:
    """The speaker of the sentence's statement nearest ``pos`` ("In a letter,
    the union said", "The union said in a letter"), else the name opening the
    sentence ("The HTG faults ..., in a statement"); with the start
    of that name when it is not a statement's speaker (which speaks for
    itself)."""
    near = [(s, s.speaker) for s in statements if sentence.start <= s.start < sentence.end and s.speaker is not None and s.document is None]
    if any(s.content.start <= pos < s.content.end for s, _ in near):
        return None  # the mention is in what someone says: "Lee said the HTG, in a statement, ..."
    if near:
        s, speaker = min(near, key=lambda pair: abs(pair[1].start - pos))
        return _span(s.speaker_ref or speaker), None
    m = _LEADING_NAME.match(text, sentence.start, pos)
    if m is None or not (m.group("det") or " " in m.group("name") or m.group("name").isupper()):
        return None
    return (m.start(), m.end()), m.start()


def _span(s: Span) -> tuple[int, int]:
    return s.start, s.end


def _is_anaphor(name: Name, org_words: Lexicon) -> bool:
    """A pronoun, or "the group": a speaker that names nobody itself."""
    if len(name.words) != 1:
        return False
    word = name.words[0]
    return (word in _PRONOUNS and not name.definite) or (name.definite and not name.capitalized and word in org_words.normalized)


def _fits(anaphor: Name, organization: bool | None) -> bool:
    """May this pronoun refer to an author of this kind (None: either)?"""
    word = anaphor.words[0]
    if organization is None:
        return True
    if word == "it":
        return organization
    if word in ("he", "she"):
        return not organization
    return True


class _Talk(NamedTuple):
    """A statement or report as the walk sees it."""

    pos: int  # where it names its speaker
    id: str
    document: str | None  # the document that speaks it ("the letter said")
    cites: tuple[str, ...]  # the documents a report cites
    name: Name | None  # its speaker or source
    ref: Name | None  # whom a surname or "who" speaker refers to
    anaphor: bool
    claim: tuple[int, int] | None  # the content of an asserting or confirming statement


def link_author_statements(doc: Document, facts: list[Fact], lex: Lexicons) -> None:
    """Fill ``author_statements`` on every DocumentFact of ``facts`` (in place)."""
    documents = [f for f in facts if isinstance(f, DocumentFact)]
    if not documents:
        return
    text = doc.text
    org_words = lex.get("speaker-organization-words")
    talk = sorted((f for f in facts if isinstance(f, (StatementFact, ReportFact))), key=lambda f: f.start)
    starts = [f.start for f in talk]
    seen: dict[int, _Talk] = {}  # facts read once for all documents

    def row(i: int) -> _Talk:
        if i not in seen:
            seen[i] = _read_talk(text, talk[i], org_words)
        return seen[i]

    for d in documents:
        para, sentence = doc.paragraph_at(d.mention.start), doc.sentence_at(d.mention.start)
        if para is None or sentence is None:
            continue
        lo = bisect.bisect_left(starts, max(para.start, d.mention.start - _REACH))
        hi = bisect.bisect_left(starts, min(para.end, d.mention.end + _REACH))
        statements = [f for f in talk[lo:hi] if isinstance(f, StatementFact)]
        authors, subject, clause_author = author_names(text, d, sentence, statements, org_words)
        if d.author is None and clause_author is not None:
            _set_author(text, d, clause_author)  # "Ann Lee said in a letter": she wrote it
        if authors or subject is not None:
            d.author_statements = _authored(d, authors, subject, [row(i) for i in range(lo, hi)])


def _set_author(text: str, d: DocumentFact, span: tuple[int, int]) -> None:
    """Make ``span`` the document's author, the fact's extent covering it."""
    d.author = Span.of(text, *span)
    start, end = min(d.start, span[0]), max(d.end, span[1])
    d.start, d.end, d.text = start, end, text[start:end]


def _read_talk(text: str, f: StatementFact | ReportFact, org_words: Lexicon) -> _Talk:
    if isinstance(f, ReportFact):
        name = read_name(text, f.source.start, f.source.end, org_words)
        return _Talk(f.source.start, f.id, None, tuple(f.cites), name, None, False, None)
    who = f.speaker or f.speaker_ref  # a quote no cue attributes: the speaker it continues
    name = read_name(text, who.start, who.end, org_words) if who is not None else None
    ref = read_name(text, f.speaker_ref.start, f.speaker_ref.end, org_words) if f.speaker_ref is not None else None
    claim = (f.content.start, f.content.end) if f.stance in ("assert", "confirm") else None
    anaphor = name is not None and _is_anaphor(name, org_words)
    return _Talk(who.start if who is not None else f.start, f.id, f.document, (), name, ref, anaphor, claim)


def _authored(doc: DocumentFact, authors: list[Name], subject: tuple[int, bool] | None, talk: list[_Talk]) -> list[str]:
    """Ids of the statements in ``talk`` (one paragraph, in order) that
    ``doc``'s author makes, by name or by an anaphor whose nearest earlier
    speaker (or subject naming the document or its author, at ``subject``)
    is the author."""
    organization = any(a.organization for a in authors)
    events: list[tuple[int, int, _Talk | None]] = [(t.pos, 1, t) for t in talk]
    if subject is not None:
        events.append((subject[0], 0, None))
    events.sort(key=lambda e: e[:2])
    # is the nearest earlier speaker the author (or the document)?  And is
    # it an organisation (None: the document or its author, any pronoun fits)?
    last: bool = False
    last_org: bool | None = organization
    mention, out = doc.mention.start, []
    for _, _, t in events:
        if t is None:
            last, last_org = True, organization if subject is not None and subject[1] else None
        elif t.document is not None:
            last, last_org = t.document == doc.id, None  # the document speaks: "It added" is the document
        elif doc.id in t.cites or t.name is None:
            continue  # "..., according to media reports" citing the document: no new speaker
        else:
            named = any(same_name(a, n) for a in authors for n in (t.name, t.ref) if n is not None)
            if t.anaphor and not named:
                is_author = last and _fits(t.name, last_org)
            else:
                is_author = last = named
                last_org = t.name.organization or (named and organization)
            if is_author and t.claim is not None and not t.claim[0] <= mention < t.claim[1]:
                out.append(t.id)  # (a statement holding the mention speaks about the document)
    return out
