"""What happened to what a figure counts, and what a bare figure measures.

Owns ``action_of``: for one quantity, inside its sentence,

* the **action**: the word saying what happened to the things counted.
  After the figure (and its counted noun), past any auxiliaries ("were",
  "have been", "are feared"), or after "who"/"that" and auxiliaries: a
  word of the ``quantity-action-words`` lexicon or a word ending in "-ed"
  ("Fourteen people were killed", "20 injured", "12 dead", "12 people who
  died").  Else right before the figure, or before "to", "by", "at" or
  "from" just before it: a lexicon word or a word ending in "-ed" or
  "-ing" ("kills 12", "sold 3,000 cars", "killing at least 14", "rose to
  15", "fell by 3%"); never a participle that is a preposition
  ("according to 12 senators", "including 30 children").
* the **action key**: the action's meaning from the ``quantity-action-keys``
  lexicon ("phrase=key" entries: "kill*=death", "injur*=injury"), else the
  action lower case.
* the **measure**, only for a figure without a counted noun: the noun
  phrase it is the value of: the words before "of" or "at" right before
  the figure ("a turnout of 64%", "with inflation at 3%"), or the subject
  of the action before the figure when "to", "by", "at" or "from" links
  them ("The death toll rose to 15", "Unemployment rose to 5.2%") or the
  figure has a unit and the action is a rise, fall or reach ("Sales rose 5%";
  but "Bus crash kills 12" and "The charity raised £5m" measure nothing): at most three words, back to a function word (lexicon
  ``quantity-noun-stops``) or punctuation.

Does not own: the figure, its counted noun or approximator (``quantity``,
``quantity.noun``); whether the figure is a quantity at all
(``quantity.filters``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicon import IdentityCache, Lexicons, cached_by_identity, normalize_phrase
from .tables import meaning_of

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
#: white space only (a comma or other punctuation ends the search)
_GAP = re.compile(r"[ \t\u00a0]+")
#: auxiliaries and adverbs between a figure (or its noun) and the action
_AUXILIARIES = frozenset(
    "were was are is have has had been be being will would could may might also reportedly all now later still "
    "since already then both each yet".split()
)
#: verbs of belief before the action proper ("are feared dead", "were thought to have been killed")
_BELIEF = frozenset("feared believed thought presumed reported confirmed said known understood".split())
_TO_BE = frozenset("to be have been".split())
_RELATIVE = frozenset("who that which".split())
#: participles that are prepositions: never an action ("according to 12 senators", "including 30 children")
_NOT_ACTIONS = frozenset(
    "according including excluding compared regarding following concerning depending starting beginning "
    "ranging numbering aged totaling totalling".split()
)
#: words between an action before the figure and the figure
_PREPOSITIONS = frozenset("to by at from".split())
#: words between a measure and the figure ("a turnout of 64%", "inflation at 3%")
_MEASURE_LINKS = frozenset("of at".split())
_MEASURE_WORDS = 3
#: action keys of a change in the subject's value ("Sales rose 5%": the sales are the measure)
_CHANGE_KEYS = frozenset({"rise", "fall", "reach"})


@dataclass(frozen=True)
class Action:
    action: tuple[int, int] | None
    key: str | None
    measure: tuple[int, int] | None


@dataclass(frozen=True)
class _Tables:
    words: frozenset[str]
    prefixes: tuple[str, ...]
    keys: dict[str, str]
    stops: frozenset[str]


_NAMES = ("quantity-action-words", "quantity-action-keys", "quantity-noun-stops")
_CACHE = IdentityCache()


def _tables(lex: Lexicons) -> _Tables:
    def build() -> _Tables:
        words = lex.get("quantity-action-words")
        keys: dict[str, str] = {}
        for entry in lex.get("quantity-action-keys").phrases:
            phrase, _, meaning = entry.rpartition("=")
            keys[normalize_phrase(phrase or meaning)] = meaning.strip()
        return _Tables(words.normalized, words.prefixes, keys, lex.get("quantity-noun-stops").normalized)

    return cached_by_identity(_CACHE, lex, _NAMES, build)


def _is_action(word: str, t: _Tables, before: bool = False) -> bool:
    low = word.lower().replace("\u2019", "'")
    if low in t.words or any(low.startswith(p) for p in t.prefixes):
        return True
    if low in _NOT_ACTIONS:
        return False
    return len(low) > 4 and (low.endswith("ed") or (before and low.endswith("ing")))


def _change(word: str, t: _Tables) -> bool:
    """A verb of a value's change ("rose", "fell", "reached"): its key is rise, fall or reach."""
    return meaning_of(t.keys, word) in _CHANGE_KEYS


def _words_after(text: str, pos: int, end: int, n: int) -> list[tuple[int, int, str]]:
    """Up to ``n`` words from ``pos``, separated by white space only."""
    out: list[tuple[int, int, str]] = []
    while len(out) < n:
        gap = _GAP.match(text, pos, end)
        start = gap.end() if gap else pos
        if out and gap is None:
            break
        m = _WORD.match(text, start, end)
        if m is None:
            break
        out.append((m.start(), m.end(), m.group()))
        pos = m.end()
    return out


def _words_before(text: str, pos: int, start: int, n: int) -> list[tuple[int, int, str]]:
    """Up to ``n`` words ending at ``pos`` (nearest first), separated by white space only."""
    out: list[tuple[int, int, str]] = []
    while len(out) < n and pos > start:
        j = pos
        while j > start and text[j - 1] in " \t\u00a0":
            j -= 1
        if j == pos and out:
            break
        k = j
        while k > start and (text[k - 1].isalnum() or text[k - 1] in "'\u2019-"):
            k -= 1
        m = _WORD.fullmatch(text, k, j)
        if m is None:
            break
        out.append((k, j, m.group()))
        pos = k
    return out


def _after(text: str, pos: int, end: int, t: _Tables) -> tuple[int, int] | None:
    words = _words_after(text, pos, end, 8)
    i = 0
    if i < len(words) and words[i][2].lower() in _RELATIVE:
        i += 1
    while i < len(words) and words[i][2].lower() in _AUXILIARIES:
        i += 1
    if i < len(words) and words[i][2].lower() in _BELIEF:
        j = i + 1
        while j < len(words) and words[j][2].lower() in _TO_BE:
            j += 1
        if j < len(words) and j > i + 0 and _is_action(words[j][2], t) and words[j][2].lower() not in _BELIEF:
            i = j
    if i < len(words) and _is_action(words[i][2], t):
        return words[i][0], words[i][1]
    return None


def _measure_before(text: str, pos: int, start: int, t: _Tables) -> tuple[int, int] | None:
    """At most three words ending at ``pos``, back to a function word or punctuation."""
    words = []
    for w in _words_before(text, pos, start, _MEASURE_WORDS):
        low = w[2].lower()
        if low in t.stops or low in _AUXILIARIES or (low.endswith("ly") and len(low) > 4):
            break  # a function word or an adverb ("personally") ends the phrase
        words.append(w)
    if not words:
        return None
    return words[-1][0], words[0][1]


def action_of(
    text: str, start: int, end: int, counted: bool, unit: str | None, sentence: tuple[int, int], lex: Lexicons
) -> Action:
    """The action, its key and (for a figure without a counted noun:
    ``counted`` false) the measure, for the quantity at ``start``-``end``."""
    t = _tables(lex)
    s_start, s_end = sentence
    action = _after(text, end, s_end, t)
    before = _words_before(text, start, s_start, 2)
    linked = bool(before) and before[0][2].lower() in _PREPOSITIONS and len(before) > 1 and _is_action(before[1][2], t, True)
    if action is None:
        if linked:
            action = before[1][0], before[1][1]
        elif before and _is_action(before[0][2], t, True):
            action = before[0][0], before[0][1]
    measure = None
    if not counted:
        if before and before[0][2].lower() in _MEASURE_LINKS and not linked:
            measure = _measure_before(text, before[0][0], s_start, t)  # "a turnout of 64%"
        elif before and (linked or (unit is not None and _change(before[0][2], t))):
            # the subject of the change the figure is the new value of:
            # "The death toll rose to 15", "Sales rose 5%"; not "kills 12"
            # or "The charity raised £5m"
            verb = before[1] if linked else before[0]
            measure = _measure_before(text, verb[0], s_start, t)
    key = None
    if action is not None:
        word = text[action[0]:action[1]]
        key = meaning_of(t.keys, word) or normalize_phrase(word)
    return Action(action, key, measure)
