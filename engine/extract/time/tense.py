"""The tense of the clause a time expression sits in: the verb that governs it.

Owns: ``governing_verb``, which walks back word by word from a time
expression (at most 10 words and 100 characters, never past the start of
its clause) to the nearest verb group and reads its tense:

* future: will, shall, 'll, won't ("will leave on Monday", "will be held");
* past: was/were/had/did, a past form ("said", "stalled", "born") whose
  auxiliaries are past or perfect ("was born", "has stalled", "had been
  held") or that has none ("officials said on Monday");
* present: is/are/am/has/have/does/do without a past participle after them
  ("is expected in March", "has a meeting in March");
* modal: would/could/should/might/may/must/can ("would be released").

A past form right after a determiner or a preposition is an adjective
("the stalled talks", "with embattled leaders") and is passed over; a
participle after a noun that a preposition governs ("of the ads booked in
February") has tense "unknown"; participles that announce a future
("scheduled", "expected", "planned", "postponed") give no verdict.
``dates_in_past`` says whether a past verb dates the time at all ("stalled
in March" does, "said the summit in February would ..." does not).  The walk stops, with no verdict,
at punctuation that breaks the clause (``, ; : ( ) " -``), at a word that
opens another clause (that, which, who, and, but, if, when, because, ...)
and at an infinitive "to" ("said sales are likely to rise in March").

Does not own: the future markers that are not verbs ("until", "effective",
``time.normalize``) or how a tense moves a date (``time``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# words (with their contractions: "they'll", "wasn't") and the punctuation that ends a clause
_WORDS = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*|[,;:()\"“”–—]|(?<=\s)-(?=\s)")
_MAX_WORDS = 10
_MAX_CHARS = 100

_FUTURE = frozenset({"will", "shall", "won't"})
# auxiliaries, written with a straight apostrophe (curly ones are folded before lookup)
_MODAL = frozenset("would could should might may must can cannot can't couldn't wouldn't shouldn't mustn't".split())
_PAST_AUX = frozenset("was were had did wasn't weren't hadn't didn't".split())
_PERFECT_AUX = frozenset("has have hasn't haven't".split())
_PRESENT_AUX = frozenset("is are am does do isn't aren't doesn't don't".split())
_BE = frozenset({"be", "been", "being"})
# irregular simple past forms and past participles; forms equal to the base ("put", "set",
# "cut", "hit", "read") are left out, they say nothing about tense
_IRREGULAR_PAST = frozenset(
    """said told came went took made gave got saw found left met held won lost fell began became brought
    bought thought felt kept led ran sent spent stood struck wrote spoke broke chose drove ate flew grew knew
    rode rose sang sat shot slept sold stole swore taught threw understood woke wore fought caught built paid
    heard meant laid hung fled withdrew sank shook forgot froze hid drew overtook upheld sought dealt arose
    bore lent oversaw rang sprang stuck swept swung tore wept
    born given taken seen done known shown written spoken chosen driven stolen broken begun sworn fallen
    risen beaten forgotten hidden eaten grown thrown drawn withdrawn flown gone ridden sung sunk shaken
    woken worn torn frozen overseen undertaken overtaken forgiven arisen bitten proven""".split()
)
# participles that put the time ahead ("the vote, scheduled for March"): no verdict
_FUTURE_PARTICIPLES = frozenset(
    "scheduled rescheduled slated planned expected postponed deferred delayed adjourned set due".split()
)
# words ending in -ed that are not verbs
_NOT_VERBS = frozenset("hundred sacred naked wicked kindred rugged beloved aged red bed shed".split())
_DETERMINERS = frozenset("a an the this that these those its his her their our my your some any no every each".split())
_PREPOSITIONS = frozenset("of in on at for with by from into onto over under about against among between".split())
# before a past form, these make it an adjective or a noun modifier ("the stalled talks")
_ATTRIBUTIVE_BEFORE = _DETERMINERS | _PREPOSITIONS | {"newly"}
_CLAUSE_OPENERS = frozenset(
    "that which who whom whose and but or nor if when while whether because although though unless".split()
)
_ADVERBS = frozenset("not never also already just still only since then again almost first later soon ever".split())
# a past verb dates a time after one of these (or right after it): "stalled in March"
_LOCATING = frozenset("in on at during around since".split())
# verbs that take a clause: "said the meeting in September would ..." says nothing of September
_CLAUSAL = frozenset("said told added noted stated argued claimed insisted warned explained wrote".split())


class Verb(NamedTuple):
    """A governing verb group: its tense and the span of its word nearest the time."""

    tense: str  # past, present, future or modal
    start: int
    end: int


def governing_verb(text: str, left: int, start: int) -> Verb | None:
    """The verb group nearest before ``start`` in ``text[left:start]``, or None
    when the clause gives none (see the module docstring)."""
    lo = max(left, start - _MAX_CHARS)
    words = [(m.start(), m.group()) for m in _WORDS.finditer(text, lo, start)]
    words = words[-_MAX_WORDS:]
    for i in range(len(words) - 1, -1, -1):
        pos, word = words[i]
        lw = _lower(word)
        if not lw[:1].isalpha():
            return None  # punctuation that ends the clause
        if lw in _CLAUSE_OPENERS or (lw == "to" and i < len(words) - 1):
            return None  # another clause, or an infinitive ("likely to rise in March")
        tense = _aux_tense(lw)
        if tense is not None:
            return Verb(tense, pos, pos + len(word))
        if lw in _FUTURE_PARTICIPLES:
            return None
        if _past_form(word) and not (i > 0 and _lower(words[i - 1][1]) in _ATTRIBUTIVE_BEFORE):
            return Verb(_participle_tense(words, i), pos, pos + len(word))
    return None


def dates_in_past(text: str, verb: Verb, start: int) -> bool:
    """Whether a past ``verb`` dates the time at ``start``: the time follows it
    directly ("signed Jan. 3") or after a locating preposition at most three
    words on ("stalled in March", "announced his bid in March"), one for a verb
    that takes a clause ("said in August", not "said the talks in March")."""
    between = [_lower(m.group()) for m in _WORDS.finditer(text, verb.end, start)]
    if not between:
        return True
    limit = 1 if _lower(text[verb.start : verb.end]) in _CLAUSAL else 3
    return len(between) <= limit and between[-1] in _LOCATING


def _lower(word: str) -> str:
    return word.lower().replace("’", "'")


def _aux_tense(lw: str) -> str | None:
    if lw in _FUTURE or lw.endswith("'ll"):
        return "future"
    if lw in _MODAL:
        return "modal"
    if lw in _PAST_AUX:
        return "past"
    if lw in _PERFECT_AUX or lw in _PRESENT_AUX:
        return "present"
    return None


def _past_form(word: str) -> bool:
    lw = _lower(word)
    if not word[:1].islower():
        return False  # a name ("United", "Ahmed") or a sentence-initial word
    if lw in _IRREGULAR_PAST:
        return True
    return len(lw) >= 4 and lw.endswith("ed") and not lw.endswith("eed") and lw not in _NOT_VERBS


def _participle_tense(words: list[tuple[int, str]], i: int) -> str:
    """Tense of the group a past form at ``words[i]`` heads: that of its
    auxiliaries; "unknown" for a participle after a noun that a preposition
    governs ("70% of the ads reserved in December": not a finite verb)."""
    j = i - 1
    skipped = 0
    while j >= 0:
        lw = _lower(words[j][1])
        if lw in _ADVERBS or lw.endswith("ly"):
            if skipped == 2:
                break
            skipped += 1
        elif lw in _BE:
            if lw == "be" and j > 0 and _lower(words[j - 1][1]) == "to":
                return "modal"  # "to be held": the tense is that of the verb before "to"
        elif lw in _PERFECT_AUX:
            before = _aux_tense(_lower(words[j - 1][1])) if j > 0 else None
            return before if before in ("future", "modal") else "past"
        else:
            tense = _aux_tense(lw)
            if tense is not None:
                return tense
            return "unknown" if _after_prepositional_noun(words, j) else "past"
        j -= 1
    return "past"


def _after_prepositional_noun(words: list[tuple[int, str]], j: int) -> bool:
    """``words[j]`` ends a noun phrase (at most four words from its determiner)
    that follows a preposition: "of the candidate-focused ads"."""
    for k in range(j, max(-1, j - 4), -1):
        if _lower(words[k][1]) in _DETERMINERS:
            return k > 0 and _lower(words[k - 1][1]) in _PREPOSITIONS
    return False
