"""Event keys and tense: what a dated event is, and when it is said to happen.

Owns: ``noun_key`` (noun lemma plus its nearest plain modifier or the name
right before it, "attack drone", "primary new hampshire"; ordinals such as
"first" are not modifiers), ``verb_key`` (verb lemma plus the lemma of its
event-noun subject or object; a verb from ``event-support-verbs`` is keyed
by its noun alone) and ``verb_tense`` (future after will/shall/won't/"is
to"; unknown after a modal or "was to"; past after was/had or for past
forms; present after is/are or for an -s form).

Does not own: finding events or their dates (``time_events``) or matching
the event lexicons (``time_event_vocab``).
"""

from __future__ import annotations

import re

from ..lexicon import normalize_phrase
from .time_event_vocab import Vocabulary

_FUTURE_AUX = re.compile(
    r"(?<![\w])(?:will|shall|won['’]t|['’]ll|(?:is|are|am)\s+(?:scheduled|expected|set|due|slated|planned)?\s*to(?:\s+be)?)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# a modal or a future seen from the past ("would be released", "can't be
# toppled", "was to arrive"): the clause does not say when, relative to now
_MODAL_AUX = re.compile(
    r"(?<![\w])(?:would|could|should|might|may|must|can|cannot|can['’]t|(?:could|would|should|must)n['’]t"
    r"|(?:was|were)\s+(?:scheduled|expected|set|due|slated|planned|supposed|going)?\s*to)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_PAST_AUX = re.compile(r"(?<![\w])(?:was|were|had|has\s+been|have\s+been)\s+(?:\w+\s+)?$", re.IGNORECASE)
_PRESENT_AUX = re.compile(r"(?<![\w])(?:is|are|am)\s+$", re.IGNORECASE)
_IRREGULAR = {
    "died": "die", "dies": "die", "dying": "die", "met": "meet", "meets": "meet", "meeting": "meet",
    "held": "hold", "holds": "hold", "won": "win", "wins": "win", "lost": "lose", "loses": "lose",
    "struck": "strike", "strikes": "strike", "shot": "shoot", "shoots": "shoot", "began": "begin",
    "begins": "begin", "took place": "take place", "takes place": "take place", "taking place": "take place",
    "fell": "fall", "falls": "fall", "withdrew": "withdraw", "fled": "flee", "sank": "sink", "sunk": "sink",
    "sworn in": "swear in", "married": "marry", "marries": "marry", "rallied": "rally", "rallies": "rally",
    "ratified": "ratify", "ratifies": "ratify", "left": "leave", "leaves": "leave", "quits": "quit", "hits": "hit",
}
_PAST_FORMS = {"died", "met", "held", "won", "lost", "struck", "shot", "began", "took place", "fell", "withdrew",
               "fled", "sank", "sworn in", "married", "rallied", "ratified", "left", "hit", "quit", "wed"}
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth last next final latest".split())
_NOT_NAME_WORDS = frozenset("the a an this that its their his her our last next first".split())
#: adjectives that say which event, not how it went ("the local elections",
#: "the general election"), unlike "the recent attack" or "a historic vote"
_CLASSIFYING_ADJECTIVES = frozenset(
    "local general presidential parliamentary national municipal federal regional mayoral legislative "
    "nuclear military chemical".split()
)
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ing", "ed", "ary", "an", "ish")


def noun_key(noun: str, modifiers: list[str], nouns: Vocabulary) -> str:
    """Noun lemma plus its nearest plain lower-case modifier ("attack drone"),
    else plus the name right before it ("primary new hampshire")."""
    key = _noun_lemma(noun, nouns)
    name: list[str] = []
    for word in reversed(modifiers):
        if word.lower() in _ORDINALS:
            break  # "the first debate": which one depends on the election, not a kind of debate
        classifying = word.lower() in _CLASSIFYING_ADJECTIVES
        if word.islower() and "-" not in word and (classifying or not word.endswith(_ADJECTIVE_ENDINGS)) and len(word) > 2:
            return f"{key} {word}"
        if not word[:1].isupper() or word.lower() in _NOT_NAME_WORDS:
            break
        name.insert(0, word.lower())
    return f"{key} {' '.join(name)}" if name else key


def _noun_lemma(noun: str, nouns: Vocabulary) -> str:
    word = normalize_phrase(noun)
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(cut) and word[: -len(cut)] + add in nouns:
            return word[: -len(cut)] + add
    return word


def verb_key(verb: re.Match[str], noun: re.Match[str] | None, nouns: Vocabulary, verbs: Vocabulary, support: Vocabulary) -> str:
    """Verb lemma plus its noun's lemma ("pass resolution"), the noun's alone after a support verb."""
    lemma = _verb_lemma(verb.group(), verbs)
    if noun is not None and verb.group() in support:
        return _noun_lemma(noun.group(), nouns)
    if noun is not None:
        return f"{lemma} {_noun_lemma(noun.group(), nouns)}"
    return lemma


def _verb_lemma(word: str, verbs: Vocabulary) -> str:
    norm = normalize_phrase(word)
    if norm in _IRREGULAR:
        return _IRREGULAR[norm]
    for stem in verbs.stems:
        if norm.startswith(stem):
            return stem
    return norm


def verb_tense(text: str, verb: re.Match[str]) -> str:
    before_lo = max(0, verb.start() - 40)
    if _FUTURE_AUX.search(text, before_lo, verb.start()):
        return "future"
    if _MODAL_AUX.search(text, before_lo, verb.start()):
        return "unknown"
    norm = normalize_phrase(verb.group())
    if _PAST_AUX.search(text, before_lo, verb.start()) or norm in _PAST_FORMS or norm.endswith("ed"):
        return "past"
    if _PRESENT_AUX.search(text, before_lo, verb.start()) or norm.endswith("s"):
        return "present"
    return "unknown"


def with_place(key: str, place: str) -> str:
    """A bare key with the name after its noun ("the fire at Hartley Mill":
    "fire hartley mill"), so it matches "the Hartley Mill fire"."""
    return f"{key} {place.lower()}" if " " not in key and place else key
