"""Denials of a claim: "rejected reports that ...", "dismissed the claim as
false, saying ...".

Owns: reading the object of a denial verb when it names a claim (lexicon
``denied-claims``: claim, reports, allegation ...) or is a pronoun, so that

* ``X rejected reports that CONTENT`` / ``X dismissed as baseless claims
  that CONTENT``: the cue keeps its object ("rejected reports") and the
  content is the clause after "that";
* ``X dismissed the claim as false, saying CONTENT`` (or ``X rejected the
  claim and said CONTENT``): the participle's statement is governed by the
  main clause's denial (``participle_governor`` / ``governing_denial`` give
  the span of the denial verb, which then decides the stance);
* ``X denied it.`` / ``X rejected the claims as false.``: with nothing but
  an "as ..." phrase after the object, the object is the content
  (``denied_object``).

Does not own: finding cues and speakers (``attribution.cues``), the stance
of an ordinary statement (``attribution.stance``).
"""

from __future__ import annotations

import re

from ...lexicon import Lexicons, fast
from .attr import Attr, prev_nonspace
from .speakers import CLAUSE_WORDS, PRONOUNS, TIME_WORDS

_TOKEN = re.compile(r"[\w'\u2019\-]+|[^\w\s]")
# words that may stand between a denial verb and the claim it denies
_GLUE = frozenset(
    "the a an these those this such any all his her their its recent earlier latest new media news press".split()
)
_PRONOUN_OBJECTS = frozenset("it them this that".split())
_TIME_GLUE = frozenset("on last this in at".split())  # "denied it on Monday"
_MAX_OBJECT_TOKENS = 7
_MAX_MODIFIERS = 3


def claim_object_end(text: str, ve: int, sent_e: int, lex: Lexicons) -> int | None:
    """End of a claim object after a denial verb ending at ``ve`` when "that"
    follows it ("rejected [the] reports that", "dismissed as false claims
    that", "denied media reports that"); None otherwise."""
    claims = lex.get("denied-claims")
    denial = fast(lex, "denial-phrases")
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, ve, min(sent_e, ve + 120))]
    i, n, noun_end, modifiers = 0, min(len(toks), _MAX_OBJECT_TOKENS + 1), None, 0
    if i < n and toks[i][2].lower() == "as":  # "dismissed as baseless claims that"
        i += 1
        while i < n and toks[i][2].islower() and denial.search(toks[i][2]):
            i += 1
    while i < n:
        tok = toks[i][2]
        low = tok.lower()
        if low == "that":
            return noun_end
        if low in claims:
            noun_end = toks[i][1]
        elif noun_end is not None or not _modifier(tok, low) or (modifiers := modifiers + 1) > _MAX_MODIFIERS:
            return None
        i += 1
    return None


def denied_object(text: str, start: int, sent_e: int, lex: Lexicons) -> tuple[int, int] | None:
    """The object a denial verb denies when nothing else follows it ("The
    ministry denied it.", "rejected the claims as false.", "dismissed the
    report as untrue on Monday."): a pronoun, or modifiers and ``denied-claims``
    nouns (or a document noun called false: "dismissed the memo as a
    fabrication"), then at most an "as ..." phrase and time words up to the
    sentence end.  None otherwise (a clause or a participle follows:
    "dismissed the claim as false, saying ...")."""
    claims = lex.get("denied-claims")
    documents = (lex.get("document-words"), lex.get("document-words-contextual"))
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, min(sent_e, start + 160))]
    n, document = len(toks), False
    end: int | None
    if n and toks[0][2].lower() in _PRONOUN_OBJECTS:
        i, end = 1, toks[0][1]
    else:
        i, end, modifiers = 0, None, 0
        while i < n and i <= _MAX_OBJECT_TOKENS:
            tok, low = toks[i][2], toks[i][2].lower()
            if low in claims or (end is None and any(low in d for d in documents)):
                end, document = toks[i][1], low not in claims
            elif end is not None or not _modifier(tok, low) or (modifiers := modifiers + 1) > _MAX_MODIFIERS:
                break
            i += 1
        if end is None:
            return None
    if i < n and toks[i][2].lower() == "as":  # "as false", "as pure speculation"
        j = i + 1
        while j < n and j <= i + _MAX_MODIFIERS + 2 and toks[j][2][:1].isalnum() and toks[j][2].lower() not in CLAUSE_WORDS:
            j += 1
        if document and (j == i + 1 or not fast(lex, "denial-phrases").search(text, toks[i][1], toks[j - 1][1])):
            return None  # "rejected the petition": only "dismissed the memo as false" denies a document
        i = j if j > i + 1 else i
    elif document:
        return None
    while i < n and (toks[i][2].lower() in TIME_WORDS or toks[i][2].lower() in _TIME_GLUE):
        i += 1
    return (start, end) if i == n or toks[i][2] in ".!;" else None


def _modifier(tok: str, low: str) -> bool:
    """Can ``tok`` stand before the claim noun ("the", "recent", "unfounded")?
    Not a pronoun, auxiliary or conjunction ("denied he made the claims that")."""
    return low in _GLUE or (tok.islower() and low not in PRONOUNS and low not in CLAUSE_WORDS)


def governing_denial(text: str, lo: int, comma: int, lex: Lexicons) -> tuple[int, int] | None:
    """The denial verb of the main clause ``text[lo:comma]`` that a participle
    after ``comma`` elaborates ("dismissed the claim as false, saying ...",
    "rejected the reports, saying ..."): a ``denial-verbs`` match whose
    object (up to the comma) names a claim, is a pronoun, or is called false
    (a ``denial-phrases`` match).  None when the clause denies nothing."""
    lo = max(lo, comma - 200)
    found = None
    for m in fast(lex, "denial-verbs").finditer(text, lo, comma):
        found = m
    if found is None:
        return None
    obj = text[found.end():comma]
    words = [w.lower() for w in re.findall(r"[\w'\u2019\-]+", obj)]
    if not words or len(words) > _MAX_OBJECT_TOKENS:
        return None
    claims = lex.get("denied-claims")
    if any(w in claims for w in words) or (len(words) == 1 and words[0] in _PRONOUN_OBJECTS) \
            or fast(lex, "denial-phrases").search(obj):
        return found.start(), found.end()
    return None


def participle_governor(text: str, a: Attr, sentence_of, lex: Lexicons) -> tuple[int, int] | None:
    """For a participle or coordinated cue (", saying", "and said"), the
    denial verb of the main clause it elaborates (``governing_denial``);
    ``sentence_of(offset)`` gives the (start, end) of a sentence."""
    cs = a.cue[0]
    j = prev_nonspace(text, cs)
    if j < 0:
        return None
    if text[j] == "," and text[cs:a.cue[1]].endswith("ing"):
        end = j
    elif text[max(0, j - 2):j + 1].lower() == "and" and (j < 3 or not text[j - 3].isalnum()):
        end = j - 2
    else:
        return None
    sent_s = sentence_of(cs)[0]
    lo = a.speaker[1] if a.speaker is not None and sent_s <= a.speaker[1] <= end else sent_s
    return governing_denial(text, lo, end, lex)
