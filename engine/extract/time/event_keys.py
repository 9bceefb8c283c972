"""Event keys and tense: what a dated event is, and when it is said to happen.

Owns: ``noun_key`` (noun lemma plus its nearest plain modifier or the name
right before it, "attack drone", "primary new hampshire", or an event noun
right before it, "the sentencing hearing": "hearing sentencing"; ordinals
such as "first" are not modifiers), ``verb_key`` (verb lemma plus the lemma of its
event-noun subject or object; a verb from ``event-support-verbs`` is keyed
by its noun alone) and ``verb_tense`` (future after will/shall/won't/"is
to"; unknown after a modal or "was to"; past after was/had or for past
forms; present after is/are or for an -s form).

Also owns ``phrase_key``, the key of an event noun phrase told by a verb
from ``event-happening-verbs`` ("The Kellerton primary takes place on Feb.
9", "the fire at Hartley Mill broke out", "the blast, which happened last
Tuesday"): the key the same words would get as a dated noun ("primary
kellerton", "fire hartley mill"), so the two tellings of one event meet.

How a key with a modifier meets a bare one (``adopt_specific_keys``): a bare
key stays bare (the rule never compares it: "the vote" on Saturday and "the
vote" on Tuesday are often two votes) except when a happening verb tells a
singular, definite, unmodified noun ("The election will be held on July 4")
and the article gives exactly one event key with a distinguishing word for
that noun ("the July 11 general election": "election general"); the bare
key then becomes that key, as a reader takes "the election" to be the one
the story names.  With two such keys ("primary bramley", "primary dunmore")
or none it stays bare.  A dated bare noun takes no key this way: on PolNeAR
"the attacks Nov. 13" would have taken another attack's key.  An indefinite or ordinal noun ("a fire", "a second fire",
"another fire", "the first round") is a new event and never takes another
phrase's key (but an indefinite phrase keeps the key of its own modifiers:
"a special council meeting on June 18" still meets "the March 4 council
meeting", a known gap);
an ordinal or "next", "last", "following", "previous" among the modifiers
joins a key that has a modifier ("the next council meeting": "meeting
council next"), so it meets only the same occurrence named again, never
"the March 4 council meeting" (a bare "the first debate" stays "debate");
"general" is kept only where the text writes it, so two modified keys meet
only when equal.  Verb keys ("pass resolution") neither give nor take keys.

The phrase readers ``noun_phrase`` (the article and modifiers before an
event noun), ``place_at`` (a name after it: "at Hartley Mill"),
``governed_by_preposition`` ("into the March 4 fire"), ``compound_head``
("the sentencing hearing": "hearing") and ``premodifies_noun`` ("the 12
March disturbance": the date is the noun's) give those keys their words.

Does not own: finding events or their dates (``time.events``) or matching
the event lexicons (``time.event_vocab``).
"""

from __future__ import annotations

import re

from ...facts.model import EventFact, Tense
from ...lexicon import normalize_phrase
from .event_vocab import Hit, Vocabulary
from .patterns import MONTHS, WEEKDAYS

_ARTICLES = r"the|a|an|its|this|that|their|his|her|our|another"
_PREPOSITIONS = r"of|into|over|about|after|before|for|from|on|since|following|against|at|by|with|in|to|during|amid|under"
# "the Hartley Mill fire": the nearest article and up to three words (no article or preposition) before a noun
_NOUN_PHRASE = re.compile(
    rf"(?<![\w])(?P<det>{_ARTICLES})(?P<mods>(?:\s{{1,3}}(?!(?:{_ARTICLES}|{_PREPOSITIONS}|and|or)(?![\w]))[A-Za-z][\w-]{{0,30}}){{0,3}})\s{{1,3}}$",
    re.IGNORECASE,
)
# "into the March 4 " before a noun: the noun is the object of a preposition
_PREPOSITION_OBJECT = re.compile(
    rf"(?<![\w])(?:{_PREPOSITIONS})\s{{1,3}}(?:(?:{_ARTICLES})\s{{1,3}})?(?:(?!(?:{_ARTICLES})(?![\w]))[\w.'’-]{{1,30}}\s{{1,3}}){{0,4}}$",
    re.IGNORECASE,
)
# "the March 4 fire at Hartley Mill": a place named right after the event noun
_PLACE_AFTER = re.compile(r"[ \t]{1,3}(?:at|in|near|on)[ \t]{1,3}(?:the[ \t]{1,3})?(?P<name>[A-Z][\w'’-]*(?:[ \t]{1,3}[A-Z][\w'’-]*){0,3})")
_ARTICLE_BEFORE = re.compile(rf"(?<![\w])(?:{_ARTICLES})\s{{1,3}}$", re.IGNORECASE)
# a word after a time that a noun it premodifies may start with: no preposition, conjunction or auxiliary
_NOUN_WORD = (
    r"(?!(?:on|of|to|for|in|and|or|at|by|from|with|as|is|was|were|will|would|has|had|have|when|after|before"
    r"|but|the|a|an)(?![\w]))[A-Za-z][\w-]{2,}"
)
_NOUN_NEXT = re.compile(r"[ \t\u00a0]{1,3}" + _NOUN_WORD, re.IGNORECASE)
_POSSESSIVE_NOUN = re.compile(r"['’]s[ \t\u00a0]{1,3}" + _NOUN_WORD, re.IGNORECASE)
_COMPOUND_GAP = re.compile(r"[ \t\u00a0]{1,3}")
_CALENDAR_WORDS = frozenset(WEEKDAYS) | set(MONTHS) | {
    "january", "february", "march", "april", "june", "july", "august", "sept", "september", "october", "november", "december"
}
_WORD = re.compile(r"[A-Za-z][\w'’-]*")

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
# a participle right after a subordinator is a reduced clause with no tense
# of its own: "if elected next week", "unless approved on Monday", "once completed"
_REDUCED_CLAUSE = re.compile(r"(?<![\w])(?:if|unless|once|when|whether|until|though|although|while)\s+$", re.IGNORECASE)
_PRESENT_AUX = re.compile(r"(?<![\w])(?:is|are|am)\s+$", re.IGNORECASE)
_IRREGULAR = {
    "died": "die", "dies": "die", "dying": "die", "met": "meet", "meets": "meet", "meeting": "meet",
    "held": "hold", "holds": "hold", "won": "win", "wins": "win", "lost": "lose", "loses": "lose",
    "struck": "strike", "strikes": "strike", "shot": "shoot", "shoots": "shoot", "began": "begin",
    "begins": "begin", "took place": "take place", "takes place": "take place", "taking place": "take place",
    "fell": "fall", "falls": "fall", "withdrew": "withdraw", "fled": "flee", "sank": "sink", "sunk": "sink",
    "sworn in": "swear in", "married": "marry", "marries": "marry", "rallied": "rally", "rallies": "rally",
    "ratified": "ratify", "ratifies": "ratify", "left": "leave", "leaves": "leave", "quits": "quit", "hits": "hit",
    "broke out": "break out", "breaks out": "break out", "broken out": "break out", "breaking out": "break out",
    "begun": "begin",
}
_PAST_FORMS = {"died", "met", "held", "won", "lost", "struck", "shot", "began", "took place", "fell", "withdrew",
               "fled", "sank", "sworn in", "married", "rallied", "ratified", "left", "hit", "quit", "wed",
               "broke out", "broken out", "begun"}
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth last next final latest".split())
#: words that point at an event without saying which ("the same meeting", "the most recent debate")
_REFERRING = frozenset({"same", "recent", "upcoming"})
#: words before an event noun that make it another event than one named before
_NEW_EVENT_WORDS = (_ORDINALS - {"last", "latest", "final", "next"}) | {"another", "new", "fresh", "further", "separate"}
#: words among an event noun's modifiers that say which occurrence it is: they join its key,
#: so "the next council meeting" (and "the second council meeting") is not "the March 4
#: council meeting", but is "the next council meeting" named again
_OCCURRENCE_WORDS = (_ORDINALS - {"latest", "final"}) | {"following", "previous"}
_DEFINITE = frozenset({"the", "this", "that"})
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
    for i, word in enumerate(reversed(modifiers)):
        if word.lower() in _ORDINALS or word.lower() in _REFERRING or word.lower() in _OCCURRENCE_WORDS:
            break  # "the first debate": which one depends on the election, not a kind of debate
        # "the sentencing hearing", "the murder trial": an event noun right before says which event
        classifying = word.lower() in _CLASSIFYING_ADJECTIVES or (i == 0 and word.lower() in nouns)
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


def verb_key(verb: Hit, noun: Hit | None, nouns: Vocabulary, verbs: Vocabulary, support: Vocabulary) -> str:
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


def verb_tense(text: str, verb: Hit) -> Tense:
    before_lo = max(0, verb.start() - 40)
    if _FUTURE_AUX.search(text, before_lo, verb.start()):
        return "future"
    if _MODAL_AUX.search(text, before_lo, verb.start()) or _REDUCED_CLAUSE.search(text, before_lo, verb.start()):
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


def phrase_key(noun: str, determiner: str, modifiers: list[str], place: str, nouns: Vocabulary,
               told_by_verb: bool = False) -> tuple[str, str]:
    """The key of an event noun phrase and how it may meet other keys:
    "specific" (it has a distinguishing word: "primary kellerton"),
    "definite" (a bare singular "the election" told by a happening verb,
    which may take the article's one specific key for its noun) or "" (a
    bare key that stays bare: "a fire", "another fire", "the second fire",
    "the attacks Nov. 13").  ``determiner`` is the lower-case article or
    possessive before the phrase ("" when none), ``modifiers`` the words
    between it and the noun, ``place`` a name after the noun ("at Hartley
    Mill") or ""."""
    if determiner in _NEW_EVENT_WORDS:
        return _noun_lemma(noun, nouns), ""  # "another fire at Hartley Mill" is not "the Hartley Mill fire"
    key = noun_key(noun, modifiers, nouns)
    occurrence = [w for w in modifiers if w in _OCCURRENCE_WORDS]
    if occurrence:  # "the next council meeting": "meeting council next"; "the first debate": "debate"
        return (f"{key} {occurrence[-1]}" if " " in key else key), ""
    if any(w in _NEW_EVENT_WORDS for w in modifiers):
        return key, ""
    key = with_place(key, place)
    if " " in key:
        return key, "specific"
    singular = normalize_phrase(noun) == key
    return key, "definite" if told_by_verb and singular and determiner in _DEFINITE and not modifiers else ""


def adopt_specific_keys(keyed: list[tuple[EventFact, str]]) -> None:
    """Give each "definite" bare key the one "specific" key of its noun in the
    article, if there is exactly one (see the module docstring)."""
    specific: dict[str, set[str]] = {}
    for event, reference in keyed:
        if reference == "specific":
            specific.setdefault(event.event_key.split(" ", 1)[0], set()).add(event.event_key)
    for event, reference in keyed:
        keys = specific.get(event.event_key, ()) if reference == "definite" else ()
        if len(keys) == 1:
            event.event_key = next(iter(keys))


def noun_phrase(text: str, noun_start: int, floor: int) -> tuple[int, str, list[str]]:
    """Where the phrase of the noun at ``noun_start`` starts (not before
    ``floor``), its lower-case article ("" when none) and the words between
    ("the Hartley Mill fire": "the", ["Hartley", "Mill"])."""
    det = _NOUN_PHRASE.search(text, max(floor, noun_start - 50), noun_start)
    if det is None:
        return noun_start, "", []
    return det.start(), det.group("det").lower(), _WORD.findall(det.group("mods"))


def place_at(text: str, lo: int, hi: int) -> tuple[int, str]:
    """"at/in/near/on (the) Name" right at ``lo`` (ending by ``hi``): where it
    ends and the name ("Hartley Mill"); ``(lo, "")`` when there is none or
    the name is a month or weekday ("on Friday")."""
    place = _PLACE_AFTER.match(text, lo, hi)
    if place is None:
        return lo, ""
    name = place.group("name").split()
    if name and name[0] == "The":
        name = name[1:]  # "at The Savoy"
    if not name or name[0].lower().rstrip(".") in _CALENDAR_WORDS:
        return lo, ""
    return place.end(), " ".join(name)


def premodifies_noun(text: str, start: int, end: int, floor: int) -> bool:
    """The time at ``start:end`` modifies the noun after it ("over the 12 March disturbance",
    "to Sunday, March 2nd's cup final"), so it dates that noun, never a verb before it."""
    if _POSSESSIVE_NOUN.match(text, end, end + 40):
        return True
    return bool(_ARTICLE_BEFORE.search(text, max(floor, start - 8), start) and _NOUN_NEXT.match(text, end, end + 40))


def compound_head(text: str, noun: Hit, hi: int, nouns: Vocabulary) -> Hit:
    """The last event noun of a compound ("the April 16 sentencing hearing": "hearing")."""
    for _ in range(2):
        nxt = nouns.search(text, noun.end(), min(hi, noun.end() + 30))
        if nxt is None or not _COMPOUND_GAP.fullmatch(text, noun.end(), nxt.start()):
            break
        noun = nxt
    return noun


def governed_by_preposition(text: str, noun_start: int, floor: int) -> bool:
    """The noun at ``noun_start`` is the object of a preposition ("the inquiry
    into the March 4 fire"), looking back at most 60 characters."""
    return _PREPOSITION_OBJECT.search(text, max(floor, noun_start - 60), noun_start) is not None
