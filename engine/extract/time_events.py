"""Dated events: an event noun or verb that carries a time in the same clause.

Owns: ``find_events``, which turns time facts into ``EventFact`` records
(``e1..``) when an event word from the ``event-nouns``/``event-verbs``
lexicons is attached to the time:

* noun after the time: "the January 3 US drone attack", "Monday's vote";
* noun before the time: "the election on Nov. 8", "the attack last week";
* verb before the time: "X died on Tuesday", "passed a resolution on Sunday",
  "the meeting will take place on Friday";
* "N days after X": the event in X ("a day after the Iraqi Parliament passed
  a non-binding resolution") dated N days before the time of the main
  clause, which is the last day-precise date before the sentence when the
  main clause's subject is anaphoric ("The development came a day after").

Also owns ``event_key`` (noun lemma plus its nearest plain modifier or the
name right before it, "primary new hampshire"; ordinals such as "first" are
not modifiers; or verb lemma plus its event-noun subject/object; a verb from
``event-support-verbs`` is keyed by its noun alone) and ``tense`` (future
after will/shall/won't/"is to"; unknown after a modal or "was to"; past for
past forms).  A time after "until", "by", "through" bounds an event rather
than dating it, and a bare year right after a verb ("released 2016") is not
its date: no event is made for either.

Does not own: finding or normalizing times (``time``), speech events
(statements are the attribution extractor's).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..facts.model import EventFact, Span, TimeFact
from ..lexicon import Lexicons, normalize_phrase
from ..text.document import Document
from .time_calendar import shift_value
from .time_patterns import sentence_window

_DETERMINER_BEFORE = re.compile(r"(?<![\w])(?:the|a|an|its|this|that|last|their|his|her|our|next)\s{1,3}$", re.IGNORECASE)
_DETERMINER_PHRASE = re.compile(
    r"(?<![\w])(?:the|a|an|its|this|that|their|his|her|our)((?:\s{1,3}[A-Za-z][\w-]{0,30}){0,3})\s{1,3}$", re.IGNORECASE
)
_POSSESSIVE = re.compile(r"['’]s(?![\w])")
_MODIFIER_GAP = re.compile(r"(?:['’]s)?(?:\s{1,3}[A-Za-z][\w-]{0,30}){0,3}\s{1,3}")
_GLUE_BEFORE_TIME = re.compile(
    r"\s{1,3}(?:(?:on|of|in|at|during|from|scheduled\s+for|set\s+for|planned\s+for|slated\s+for|held\s+on)\s{1,3})?"
)
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”–—]|\s-\s|(?<![\w])(?:that|which|who|because|and|but|when|while|after|before|since)(?![\w])", re.IGNORECASE)
_NOUN_DETERMINER = re.compile(r"(?<![\w])(?:a|an|the|its|his|her|their|our|my|your)\s{1,3}$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_WORD_TOKEN = re.compile(r"(?<![A-Za-z])[A-Za-z]+(?:-[A-Za-z]+)*")
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
# a time after these words bounds the event instead of dating it ("won't be counted until March 15")
_BOUND_BEFORE_TIME = re.compile(r"(?<![\w])(?:until|till|through|by|ahead\s+of|pending)\s+$", re.IGNORECASE)
_AUX_BEFORE = re.compile(r"(?<![\w])(?:will|would|shall|should|can|could|may|might|must|to|did|does|do|['’]ll|won['’]t)\s{1,3}$", re.IGNORECASE)
_IN_BEFORE_YEAR = re.compile(r"(?<![\w])(?:in|during|of|since|from)\s+$", re.IGNORECASE)
_PAST_AUX = re.compile(r"(?<![\w])(?:was|were|had|has\s+been|have\s+been)\s+(?:\w+\s+)?$", re.IGNORECASE)
_PRESENT_AUX = re.compile(r"(?<![\w])(?:is|are|am)\s+$", re.IGNORECASE)
_ANAPHORIC_SUBJECT = re.compile(r"[\"“‘']?(?:The|This|That|These|It|Those)(?:\s+\w+){0,3}\s+\w+\s*$")
_VERB_ENDINGS = ("", "s", "es", "d", "ed", "ing")
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
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ing", "ed", "ary", "an", "ish")


def find_events(doc: Document, times: list[TimeFact], shifts: dict[str, tuple[int, str]], lex: Lexicons) -> list[EventFact]:
    """Events in document order, numbered e1.."""
    nouns = _vocabulary(lex.get("event-nouns").phrases, False)
    verbs = _vocabulary(lex.get("event-verbs").phrases, True)
    support = _vocabulary(lex.get("event-support-verbs").phrases, True)
    if not nouns.words and not verbs.words:
        return []
    text = doc.text
    events: list[EventFact] = []
    seen: set[tuple[int, int]] = set()
    for i, t in enumerate(times):
        if t.id in shifts:
            found = _event_after_shift(text, t, times, i, shifts[t.id], nouns, verbs, support)
        elif t.time_type in ("date", "time"):
            found = (
                _noun_after_time(text, t, nouns)
                or _noun_before_time(text, t, nouns)
                or _verb_before_time(text, t, nouns, verbs, support)
            )
        else:
            found = None
        if found is None or (found.trigger.start, found.trigger.end) in seen:
            continue
        seen.add((found.trigger.start, found.trigger.end))
        events.append(found)
    events.sort(key=lambda e: e.start)
    for n, event in enumerate(events, 1):
        event.id = f"e{n}"
    return events


def _event(text: str, trigger: tuple[int, int], anchor: tuple[int, int], t: TimeFact, date: str | None,
           tense: str, key: str) -> EventFact:
    start, end = min(trigger[0], anchor[0]), max(trigger[1], anchor[1])
    return EventFact(
        id="e0", start=start, end=end, text=text[start:end],
        trigger=Span.of(text, *trigger), anchor=Span.of(text, *anchor),
        time=t.id, date=date, tense=tense, event_key=key,
    )


# -- noun events -----------------------------------------------------------
def _noun_after_time(text: str, t: TimeFact, nouns: _Vocabulary) -> EventFact | None:
    """"the January 3 US drone attack", "Monday's vote"."""
    det = _DETERMINER_BEFORE.search(text, max(0, t.start - 8), t.start)
    possessive = _POSSESSIVE.match(text, t.end)
    if det is None and possessive is None:
        return None
    m = nouns.search(text, t.end, min(len(text), t.end + 60))
    if m is None or not _MODIFIER_GAP.fullmatch(text, t.end, m.start()):
        return None
    modifiers = _WORD.findall(text, t.end + (possessive.end() - t.end if possessive else 0), m.start())
    start = det.start() if det else t.start
    return _event(text, (m.start(), m.end()), (start, m.end()), t, t.value, "unknown", _noun_key(m.group(), modifiers, nouns))


def _noun_before_time(text: str, t: TimeFact, nouns: _Vocabulary) -> EventFact | None:
    """"the election on Nov. 8", "an attack last week"."""
    last = None
    for m in nouns.finditer(text, max(0, t.start - 40), t.start):
        last = m
    if last is None or not _GLUE_BEFORE_TIME.fullmatch(text, last.end(), t.start):
        return None
    if _AUX_BEFORE.search(text, max(0, last.start() - 12), last.start()):
        return None  # "the council will vote on Friday": a verb, read by _verb_before_time
    det = _DETERMINER_PHRASE.search(text, max(0, last.start() - 50), last.start())
    start, modifiers = (det.start(), _WORD.findall(det.group(1))) if det else (last.start(), [])
    return _event(text, (last.start(), last.end()), (start, t.end), t, t.value, "unknown", _noun_key(last.group(), modifiers, nouns))


def _noun_key(noun: str, modifiers: list[str], nouns: _Vocabulary) -> str:
    """Noun lemma plus its nearest plain lower-case modifier ("attack drone"),
    else plus the name right before it ("primary new hampshire")."""
    key = _noun_lemma(noun, nouns)
    name: list[str] = []
    for word in reversed(modifiers):
        if word.lower() in _ORDINALS:
            break  # "the first debate": which one depends on the election, not a kind of debate
        if word.islower() and "-" not in word and not word.endswith(_ADJECTIVE_ENDINGS) and len(word) > 2:
            return f"{key} {word}"
        if not word[:1].isupper() or word.lower() in _NOT_NAME_WORDS:
            break
        name.insert(0, word.lower())
    return f"{key} {' '.join(name)}" if name else key


def _noun_lemma(noun: str, nouns: _Vocabulary) -> str:
    word = normalize_phrase(noun)
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(cut) and word[: -len(cut)] + add in nouns:
            return word[: -len(cut)] + add
    return word


# -- verb events -----------------------------------------------------------
def _verb_before_time(text: str, t: TimeFact, nouns: _Vocabulary, verbs: _Vocabulary, support: _Vocabulary) -> EventFact | None:
    """"X died on Tuesday", "the resolution passed on Sunday", "will take place on Friday"."""
    left, _ = sentence_window(text, t.start, t.end, before=100)
    verb = None
    for m in verbs.finditer(text, max(left, t.start - 70), t.start):
        verb = m
    if verb is None:
        return None
    gap = text[verb.end() : t.start]
    if _CLAUSE_BREAK.search(gap) or len(_WORD.findall(gap)) > 6 or _BOUND_BEFORE_TIME.search(gap):
        return None
    if t.granularity == "year" and not _IN_BEFORE_YEAR.search(gap):
        return None  # "released 2016: Obama's America": a bare year after a verb is rarely its date
    obj = nouns.search(text, verb.end(), t.start)
    subject = _subject_noun(text, verb.start(), left, nouns)
    noun = obj or subject
    anchor_start = verb.start()
    if subject is not None:
        det = _DETERMINER_PHRASE.search(text, max(0, subject.start() - 50), subject.start())
        anchor_start = det.start() if det else subject.start()
    return _verb_event(text, verb, noun, (anchor_start, t.end), t, t.value, nouns, verbs, support)


def _subject_noun(text: str, verb_start: int, left: int, nouns: _Vocabulary) -> re.Match[str] | None:
    """An event noun right before the verb group ("the meeting will take place")."""
    last = None
    for m in nouns.finditer(text, max(left, verb_start - 40), verb_start):
        last = m
    if last is None:
        return None
    between = text[last.end() : verb_start]
    if re.fullmatch(r"\s{1,3}(?:(?:will|would|was|were|is|are|has|had|have|been|be|to|scheduled|set|expected|due)\s{1,3}){0,3}", between):
        return last
    return None


def _verb_event(text: str, verb: re.Match[str], noun: re.Match[str] | None, anchor: tuple[int, int], t: TimeFact,
                date: str | None, nouns: _Vocabulary, verbs: _Vocabulary, support: _Vocabulary) -> EventFact:
    lemma = _verb_lemma(verb.group(), verbs)
    if noun is not None and verb.group() in support:
        key = _noun_lemma(noun.group(), nouns)
    elif noun is not None:
        key = f"{lemma} {_noun_lemma(noun.group(), nouns)}"
    else:
        key = lemma
    tense = _tense(text, verb)
    return _event(text, (verb.start(), verb.end()), anchor, t, date, tense, key)


def _event_after_shift(text: str, t: TimeFact, times: list[TimeFact], index: int, shift: tuple[int, str],
                       nouns: _Vocabulary, verbs: _Vocabulary, support: _Vocabulary) -> EventFact | None:
    """"a day after the Iraqi Parliament passed a non-binding resolution"."""
    _, right = sentence_window(text, t.start, t.end, after=120)
    hi = min(right, t.end + 80)
    verb = verbs.search(text, t.end, hi)
    noun = nouns.search(text, t.end, hi)
    date = _date_of_x(text, t, times, index, shift)
    if verb is not None and not _CLAUSE_BREAK.search(text, t.end, verb.start()) and len(_WORD.findall(text, t.end, verb.start())) <= 6:
        obj = nouns.search(text, verb.end(), min(hi + 40, verb.end() + 40))
        if obj is not None and len(_WORD.findall(text, verb.end(), obj.start())) > 3:
            obj = None
        end = obj.end() if obj is not None else verb.end()
        return _verb_event(text, verb, obj, (t.start, end), t, date, nouns, verbs, support)
    if noun is not None and len(_WORD.findall(text, t.end, noun.start())) <= 4 and not _CLAUSE_BREAK.search(text, t.end, noun.start()):
        modifiers = _WORD.findall(text, t.end, noun.start())
        return _event(text, (noun.start(), noun.end()), (t.start, noun.end()), t, date, "unknown", _noun_key(noun.group(), modifiers[1:], nouns))
    return None


def _date_of_x(text: str, t: TimeFact, times: list[TimeFact], index: int, shift: tuple[int, str]) -> str | None:
    """X's date in "<main clause> N units after X": from the main clause's date."""
    amount, unit = shift
    if t.value is not None:  # X carried its own date
        return shift_value(t.value, -amount, unit)
    left, _ = sentence_window(text, t.start, t.end, before=200)
    if not _ANAPHORIC_SUBJECT.fullmatch(text, left, t.start):
        return None
    ref = None
    for f in reversed(times[max(0, index - 50) : index]):
        if f.end <= left and f.granularity == "day" and f.value:
            ref = f.value
            break
    return shift_value(ref, -amount, unit) if ref else None


class _Match:
    """A vocabulary hit with the ``re.Match``-like accessors the finders use."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text


class _Vocabulary:
    """A lexicon as word sets, matched word by word (much cheaper than the
    lexicon's big regex in the short windows searched here)."""

    def __init__(self, phrases: tuple[str, ...], verbs: bool) -> None:
        self.words: set[str] = set()
        self.firsts: dict[str, list[tuple[str, ...]]] = {}
        stems = []
        for phrase in phrases:
            norm = normalize_phrase(phrase)
            if norm.endswith("*"):
                stems.append(norm[:-1])
            elif " " in norm:
                parts = tuple(norm.split(" "))
                self.firsts.setdefault(parts[0], []).append(parts[1:])
            else:
                self.words.add(norm)
        self.stems = tuple(sorted(stems, key=len, reverse=True))
        self.stem_set = frozenset(stems)
        self.stem_lengths = tuple(sorted({len(s) for s in stems}, reverse=True))
        self.verbs = verbs

    def has_word(self, norm: str) -> bool:
        """``norm`` is a listed word or a listed stem plus a regular ending."""
        if norm in self.words:
            return True
        for n in self.stem_lengths:
            if n < len(norm) + 1 and norm[:n] in self.stem_set and _regular_ending(norm[n:], norm[:n]):
                return True
        return False

    def finditer(self, text: str, lo: int, hi: int) -> list[_Match]:
        out: list[_Match] = []
        words = list(_WORD_TOKEN.finditer(text, lo, hi))
        for i, w in enumerate(words):
            raw = w.group()
            if self.verbs and (not raw[:1].islower() or _NOUN_DETERMINER.search(text, max(0, w.start() - 7), w.start())):
                continue  # a capitalized word or a noun use ("a sign of", "their launches")
            norm = raw.lower().replace("’", "'")
            for rest in self.firsts.get(norm, ()):
                tail = words[i + 1 : i + 1 + len(rest)]
                if len(tail) == len(rest) and all(t.group().lower() == r for t, r in zip(tail, rest)):
                    out.append(_Match(w.start(), tail[-1].end(), text[w.start() : tail[-1].end()]))
                    break
            else:
                if self.has_word(norm):
                    out.append(_Match(w.start(), w.end(), raw))
        return out

    def search(self, text: str, lo: int, hi: int) -> _Match | None:
        found = self.finditer(text, lo, hi)
        return found[0] if found else None

    def __contains__(self, phrase: str) -> bool:
        norm = normalize_phrase(phrase)
        first, _, rest = norm.partition(" ")
        if rest:
            return tuple(rest.split(" ")) in self.firsts.get(first, ())
        return self.has_word(norm)


@lru_cache(maxsize=32)
def _vocabulary(phrases: tuple[str, ...], verbs: bool) -> _Vocabulary:
    return _Vocabulary(phrases, verbs)


def _regular_ending(rest: str, stem: str) -> bool:
    if rest in _VERB_ENDINGS:
        return True
    return len(rest) >= 3 and rest[0] == stem[-1] and rest[1:] in ("ed", "ing")  # kidnapped, vetoed


def _verb_lemma(word: str, verbs: _Vocabulary) -> str:
    norm = normalize_phrase(word)
    if norm in _IRREGULAR:
        return _IRREGULAR[norm]
    for stem in verbs.stems:
        if norm.startswith(stem):
            return stem
    return norm


def _tense(text: str, verb: re.Match[str]) -> str:
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
