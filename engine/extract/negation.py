"""Negated claims: a clause that says something is not so.

Owns: ``negated_claim``, the span of the negation of a content's main
clause ("no stations would close", "the board had not agreed", "is not for
sale", "had kept no calendar").  The attribution family reads such a
content as a denial when an official says it; the officials pass does the
same once linking shows the speaker is an organisation.  Both use this one
reading, so it lives here, below the families.

Does not own: stance from cue verbs (``attribution.stance``) or who is
official.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicons, fast

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
        elif low == "no" and words > 2 and _past_verb(prev):
            negation = m.span()  # "Clinton had kept no calendar", "it received no request"
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




#: simple past forms that take an object ("made no reference", "kept no
#: record"); regular ones end in -ed
_PAST_OBJECT_VERBS = frozenset(
    "made kept had gave took found saw got held sent sought bought sold paid won brought wrote said told".split()
)


def _past_verb(word: str) -> bool:
    """A finite past verb that may take "no" as its object's determiner."""
    return word in _PAST_OBJECT_VERBS or (len(word) > 4 and word.endswith("ed"))
