"""Stance and tense of a statement.

Owns: the stance of a statement (retract, deny, confirm or assert) from its
cue verb and its content (lexicons ``retraction-phrases``, ``denial-verbs``,
``denial-phrases``, ``confirm-verbs``), the negation of a content's main
clause (``negated_claim``: "no stations would close", "the board had not
agreed", "is not for sale"), which the builder reads as a denial when an
official says it, and the cheap tense of its content (the first auxiliary
decides).

Does not own: finding the statement (``attribution.cues``) or its speaker
(``attribution.speakers``).
"""

from __future__ import annotations

import re

from ...lexicon import Lexicons, fast, trie


def stance_of(text: str, cue: tuple[int, int] | None, content: tuple[int, int], lex: Lexicons,
              cue_cache: dict[str, tuple[str, int, int] | None] | None = None,
              governor: tuple[int, int] | None = None) -> tuple[str, tuple[int, int] | None]:
    """(stance, span of the deciding cue) for a statement.  A retraction
    phrase in the content wins, then a governing denial (the denial verb of
    the main clause a participle elaborates: "dismissed the claim as false,
    saying ..."), a denial verb in the cue, a denial phrase in the content,
    a confirmation verb in the cue; else assert.  ``cue_cache`` memoizes the
    cue verdicts by cue text.  With no cue (an unattributed quote) only the
    content decides."""
    m = fast(lex, "retraction-phrases").search(text, content[0], content[1])
    if m:
        return "retract", (m.start(), m.end())
    if governor is not None:
        return "deny", governor
    if cue is None:
        m = fast(lex, "denial-phrases").search(text, content[0], content[1])
        return ("deny", (m.start(), m.end())) if m else ("assert", None)
    cue_text = text[cue[0]:cue[1]]
    key = cue_text.lower()
    verdict: tuple[str, int, int] | None
    if cue_cache is not None and key in cue_cache:
        verdict = cue_cache[key]
    else:
        verdict = None
        for stance, name in (("deny", "denial-verbs"), ("confirm", "confirm-verbs")):
            m = fast(lex, name).search(cue_text)
            if m:
                verdict = (stance, m.start(), m.end())
                break
        if cue_cache is not None:
            cue_cache[key] = verdict
    if verdict is not None and verdict[0] == "deny":
        return "deny", (cue[0] + verdict[1], cue[0] + verdict[2])
    m = fast(lex, "denial-phrases").search(text, content[0], content[1])
    if m:
        return "deny", (m.start(), m.end())
    if verdict is not None:
        return verdict[0], (cue[0] + verdict[1], cue[0] + verdict[2])
    return "assert", None


#: auxiliaries a negation may follow ("had not", "won't")
_AUXILIARIES = frozenset(
    "is are was were am be been will would shall should can could may might must do does did has have had".split()
)
#: contracted negated auxiliaries ("won't", "hadn't"); "cannot" is one word
_NEGATED_AUX = re.compile(r"(?:is|are|was|were|wo|would|should|ca|could|must|do|does|did|has|have|had)n['\u2019]t$|cannot$")
#: pronouns that make a subject of no one ("nobody would lose their job")
_NEGATIVE_SUBJECTS = frozenset("no nobody nothing none neither".split())
#: words that end the main clause of a content: what follows is subordinate
_CLAUSE_END = frozenset(
    """that which who whom whose because if unless when whenever while although though whereas after before
    since until as but and or so whether where how why despite""".split()
)
#: an expletive subject before "no" ("there would be no job losses")
_EXPLETIVE = frozenset("there it".split())
_NEXT_WORDS = re.compile(r"[ \t]+(\w)")
_CLAUSE_TOKEN = re.compile(r"[\w'\u2019\-]+|[,;:\u2014\u2013()?\"\u201c\u201d]")
#: how many words of a content's main clause are read for its negation
_MAX_CLAUSE_WORDS = 14


# a negated verb limited by a condition or a time ("not ... before May",
# "no ... until the review", "not ... unless", "not ... without", "not ...
# except"): it says when or on what terms, not that the thing is untrue
_LIMITED = re.compile(r"^[ \t]+(?:[\w'\u2019-]+[ \t]+){0,3}(?:before|until|till|unless|without|except)\b", re.IGNORECASE)


def negated_claim(text: str, content: tuple[int, int], lex: Lexicons) -> tuple[int, int] | None:
    """The span of the negation of a content's main clause, when the clause
    says that something is not so: a negative subject ("no police stations
    would close", "there would be no job losses", "nobody was hurt"), or
    "not"/"never"/"n't" after an auxiliary ("the board had not agreed", "the
    company is not for sale", "won't close").  None for a question, for
    a negation in a subordinate clause (after "that", "because", a comma ...)
    or beyond the first ``_MAX_CLAUSE_WORDS`` words, and for a negation
    followed by words that deny nothing (lexicon ``non-denial-negations``:
    "would not comment", "did not know", "no doubt", "not only") or that
    limit it ("would not close before May", "not ... unless")."""
    start, end = content
    last = _trim_back(text, start, end)
    if last > start and text[last - 1] == "?":
        return None
    words, prev, prev_start = 0, "", start
    for m in _CLAUSE_TOKEN.finditer(text, start, min(end, start + 200)):
        tok = m.group()
        low = tok.lower()
        if not tok[0].isalnum() or low in _CLAUSE_END or words >= _MAX_CLAUSE_WORDS:
            return None
        words += 1
        negation = None
        if low in _NEGATIVE_SUBJECTS and (words == 1 or prev in _EXPLETIVE or prev in _AUXILIARIES):
            negation = m.span()
        elif (low == "not" or low == "never") and prev in _AUXILIARIES:
            negation = prev_start, m.end()
        elif _NEGATED_AUX.search(low):
            negation = m.span()
        if negation is not None:
            after = _NEXT_WORDS.match(text, negation[1], end)
            if after is None:
                return None  # "No," / "not." : no clause follows
            phrase = fast(lex, "non-denial-negations").search(text, after.start(1), min(end, negation[1] + 40))
            if phrase is not None and phrase.start() == after.start(1):
                return None
            # "would not close before May": a limit on when, not a denial that it will
            if _LIMITED.search(text[negation[1] : min(end, negation[1] + 60)]):
                return None
            return negation
        prev, prev_start = low, m.start()
    return None


def _trim_back(text: str, start: int, end: int) -> int:
    """``end`` moved back over closing quotes, brackets and space."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"\u201d'\u2019)"):
        end -= 1
    return end


_TENSE_OF_WORD = {
    **{w: "future" for w in "will shall won't going".split()},
    **{w: "present" for w in "is are am has have do does can isn't aren't doesn't don't hasn't haven't can't".split()},
    **{w: "past" for w in "was were had did could wasn't weren't didn't hadn't couldn't".split()},
}
_TENSE_WORD = re.compile(r"\b" + trie(sorted(w for w in _TENSE_OF_WORD if "'" not in w)) + r"\b(?!')|n't\b|'ll\b")
_ED_END = re.compile(r"\Bed\b")


def tense_of(text: str, start: int, end: int) -> str:
    """Cheap tense of a clause: the first auxiliary decides (will/'ll/going
    -> future; is/has/do/can/n't -> present; was/had/did/could -> past); else
    a word in -ed means past; else unknown."""
    region = text[start:min(end, start + 300)].lower().replace("\u2019", "'")
    m = _TENSE_WORD.search(region)
    if m:
        word = m.group()
        if word == "'ll":
            return "future"
        if word == "n't":  # the whole word: "didn't", "won't"
            j = m.start()
            while j > 0 and region[j - 1].isalpha():
                j -= 1
            word = region[j:m.end()]
        return _TENSE_OF_WORD.get(word, "present")  # other n't forms: present
    for m in _ED_END.finditer(region):
        j = m.start()
        while j > 0 and region[j - 1].isalpha():
            j -= 1
        if m.start() - j >= 3:
            return "past"
    return "unknown"
