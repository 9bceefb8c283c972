"""Speaker phrases: reading, splitting and classifying who speaks.

Owns: reading the speaker noun phrase before a cue ("Mark Milley, the
chairman of ..., noted") or after it ("said Smith", "according to X"), the
subject opening a clause, splitting a title from a name, classifying a
speaker (person, organization, media, anonymous, document, pronoun, unknown;
a title before a name is typed by the name: "Council leader Cllr Amir Shah"),
deciding whether it is official or anonymous.  All word lists an editor
might tune come from lexicons; the sets below are grammatical glue
(articles, pronouns, auxiliaries, time words).

Does not own: finding cues and content (``cues``, ``content``), stance and
tense (``stance``), quotes (``quotes``), documents (``documents``), a
speaker's gender (``factlint.extract.english``).
"""

from __future__ import annotations

import re

from ...lexicon import FastLexicon, Lexicons, fast
from ...text.document import ABBREVIATIONS
from ..english import phrase_tokens as _tokens

PRONOUNS = frozenset("he she they i we it you".split())
_OBJECT_PRONOUNS = frozenset("him her them me us himself herself themselves itself".split())
DETERMINERS = frozenset(
    "the a an his her their its our my your this these those another one some several many multiple "
    "two three four five both each other".split()
)
# words that end a noun phrase when reading backwards from a cue
CLAUSE_WORDS = frozenset(
    """that which when while after before because as if but or and so than since until though although
    where whether is was are were be been being has have had will would can could should may might
    must do does did not never to also then who whom whose what why how there here said says say told
    tells added adds wrote writes""".split()
)
_PREPOSITIONS = frozenset("of for at in on with from to by close familiar near within inside outside among".split())
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight morning afternoon
    evening night week weekend month year earlier later previously recently again repeatedly once
    already now too publicly privately reportedly also further subsequently late early last""".split()
)
_TIME_PREPS = frozenset("on last this late early in at during the a an next".split())
_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")
_PARTY_STATE = re.compile(r"[RDI]-[A-Z]")
_LONE_DETERMINERS = frozenset("another both some many several each one others".split())
# "to" after these is a preposition inside a speaker phrase ("sources close to the company")
_TO_ADJECTIVES = frozenset("close closer".split())
MAX_NP_TOKENS = 14


def _np_token(tok: str, prev: str | None) -> bool:
    """Can ``tok`` be part of a speaker noun phrase?"""
    if tok[0].isalnum():
        low = tok.lower()
        if low == "to" and prev is not None and prev.lower() in _TO_ADJECTIVES:
            return True
        if low in CLAUSE_WORDS:
            # a capitalized word after a capitalized word is a name ("Theresa May", "George Will")
            return tok[:1].isupper() and prev is not None and (prev == "," or prev[:1].isupper() and prev.lower() not in CLAUSE_WORDS)
        return not (tok.islower() and low in _OBJECT_PRONOUNS)
    if tok == "." and prev is not None and (prev.lower() in ABBREVIATIONS or _INITIALS.fullmatch(prev) or _PARTY_STATE.match(prev)):
        return True  # "Gen." "U.S." "J." "R-Wis."
    return tok in ("&", "-")


#: discourse adverbs set off by commas between a subject and its cue ("The
#: ministry, however, denied ...")
_DISCOURSE_ADVERBS = frozenset("however meanwhile though nevertheless nonetheless moreover too also instead".split())


def _strip_trailing_adjuncts(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop time adjuncts between a subject and its cue ("reports on
    Monday") and a discourse adverb in commas ("The ministry, however,")."""
    while True:
        if len(toks) >= 2 and toks[-1][2].lower() in _DISCOURSE_ADVERBS and toks[-2][2] == ",":
            toks = toks[:-2]
            continue
        if toks and toks[-1][2].lower() in TIME_WORDS:
            toks = toks[:-1]
            while toks and toks[-1][2].lower() in _TIME_PREPS:
                toks = toks[:-1]
            continue
        return toks


def _segment_back(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The longest run of noun-phrase tokens at the end of ``toks``."""
    out: list[tuple[int, int, str]] = []
    i = len(toks) - 1
    while i >= 0 and len(out) < MAX_NP_TOKENS:
        prev = toks[i - 1][2] if i > 0 else None
        tok = toks[i][2]
        if tok == ")":  # "Sen. Jack Reed (D-R.I.)"
            j = i - 1
            while j >= max(0, i - 8) and toks[j][2] != "(":
                j -= 1
            if j < 0 or toks[j][2] != "(":
                break
            out[:0] = toks[j:i + 1]
            i = j - 1
            continue
        if tok.lower() == "and" and out and prev is not None and prev[:1].isupper() and out[0][2][:1].isupper():
            out.insert(0, toks[i])
            i -= 1
            continue
        if not _np_token(tok, prev) or _verb_after_subject(tok, prev):
            break
        out.insert(0, toks[i])
        i -= 1
    while out and (out[0][2].lower() in _PREPOSITIONS or out[0][2].lower() == "and" or not out[0][2][0].isalnum()):
        out = out[1:]
    while out and (out[-1][2].lower() in DETERMINERS or out[-1][2].lower() in _PREPOSITIONS):
        if len(out) == 1 and out[0][2].lower() in _LONE_DETERMINERS:
            break  # "Another said ..."
        out = out[:-1]
    return out


def _verb_after_subject(tok: str, prev: str | None) -> bool:
    """A lower-case past form right after a name, pronoun or comma is a verb
    ("he furrowed his brow and said"), not part of the speaker."""
    if not (tok.islower() and tok.endswith("ed") and len(tok) > 4) or prev is None or prev.lower() in DETERMINERS:
        return False  # "A leaked memo": a participle after a determiner modifies the noun
    return prev[:1].isupper() or prev.lower() in PRONOUNS or not prev[:1].isalnum()


def subject_before(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The speaker noun phrase ending right before ``cue_start`` (searching
    back no further than ``lo`` nor 300 characters), with an appositive when
    the cue follows a comma ("Mark Milley, the chairman of ..., noted")."""
    for width in (100, 300):
        start = max(lo, cue_start - width)
        toks = _tokens(text, start, cue_start)
        found = _subject_in(toks)
        if found is None or start == lo or found[0] > toks[0][0]:
            return found
    return found


def _subject_in(toks: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    if toks and toks[-1][2].lower() in PRONOUNS | {"who"}:
        return toks[-1][0], toks[-1][1]  # "who" is resolved by the caller
    if len(toks) >= 3 and toks[-1][2] == "," and toks[-2][2].lower() in _DISCOURSE_ADVERBS and toks[-3][2] == ",":
        toks = toks[:-3]  # "The ministry, however, denied": the subject before the adverb
    elif toks and toks[-1][2] == ",":
        return _appositive_subject(toks[:-1])
    seg = _segment_back(_strip_trailing_adjuncts(toks))
    if not seg:
        return None
    return seg[0][0], seg[-1][1]


def _appositive_subject(toks: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """Subject of ``HEAD, APPOSITIVE, cue``: head and appositive together;
    when the part between the commas is a relative clause or an adjunct
    ("who is running", "in her dissent"), the head alone."""
    appositive = _segment_back(toks)
    if not appositive:
        return None
    i = toks.index(appositive[0])
    k = i - 1
    while k >= max(0, i - 12) and toks[k][2] != ",":
        k -= 1
    if k < 0 or toks[k][2] != ",":
        return appositive[0][0], appositive[-1][1]
    head = _segment_back(toks[:k])
    if not head:
        return appositive[0][0], appositive[-1][1]
    if k < i - 1:  # words between the comma and the appositive phrase
        return head[0][0], head[-1][1]
    return head[0][0], appositive[-1][1]


_CLAUSE_OPENERS = frozenset(
    "and but as while when then so also yet after before because since though although if meanwhile".split()
)


def leading_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The subject opening a clause: a pronoun, a capitalized name ("Mrs.
    Clinton", "Secretary of State John Kerry") or a determiner and up to three
    nouns ("the senator"), after an opening conjunction ("as", "but")."""
    toks = _tokens(text, start, min(end, start + 150))
    i, n = 0, len(toks)
    while i < n and toks[i][2].lower() in _CLAUSE_OPENERS:
        i += 1
    if i >= n:
        return None
    s, e, tok = toks[i]
    low = tok.lower()
    if low in PRONOUNS:
        return s, e
    if low in _PREPOSITIONS:
        return None  # "In a statement, ...": an adjunct, not a subject
    if low in DETERMINERS:
        j = i + 1
        while j < min(n, i + 4) and toks[j][2][:1].isalnum() and _np_token(toks[j][2], toks[j - 1][2]) \
                and not _verb_after_subject(toks[j][2], "X"):
            j += 1
        return (s, toks[j - 1][1]) if j > i + 1 else None
    if not tok[:1].isupper():
        return None
    j = i + 1
    while j < n:
        t = toks[j][2]
        if t[:1].isupper() and t.lower() not in CLAUSE_WORDS or _np_token(t, toks[j - 1][2]) and t == ".":
            j += 1
        elif t.lower() in ("of", "the") and j + 1 < n and toks[j + 1][2][:1].isupper():
            j += 1
        else:
            break
    return s, toks[j - 1][1]


_FINITE = frozenset(
    "would will had has have was were is are could can should may might must did does do 'd 'll".split()
)
_MAX_CLAUSE_SUBJECT = 6


def clause_follows(text: str, start: int, end: int) -> bool:
    """Does a clause without "that" open at ``start`` ("the election would
    be held", "he had", "Smith was"): a pronoun, or a determiner or a
    capitalized word and up to five noun-phrase words, then an auxiliary?
    ("confirmed the election would be held" is said, "confirmed the deal"
    is an object.)"""
    toks = _tokens(text, start, min(end, start + 100))
    if not toks:
        return False
    first = toks[0][2]
    if first.lower() in PRONOUNS:
        i = 1
    elif first.lower() in DETERMINERS or first[:1].isupper():
        i = 1
        while i < min(len(toks), _MAX_CLAUSE_SUBJECT):
            tok = toks[i][2]
            low = tok.lower().replace("\u2019", "'")
            if low in _FINITE or low.endswith("n't"):
                break
            if not tok[:1].isalnum() or low in CLAUSE_WORDS or low in PRONOUNS or low in DETERMINERS:
                return False
            i += 1
    else:
        return False
    if i >= len(toks):
        return False
    low = toks[i][2].lower().replace("\u2019", "'")
    return low in _FINITE or low.endswith("n't")


def phrase_after(text: str, start: int, hi: int) -> tuple[int, int] | None:
    """A noun phrase starting at ``start`` ("Xinhua news agency", "Smith"),
    ending at punctuation or a clause word, at most ``MAX_NP_TOKENS`` tokens."""
    toks = _tokens(text, start, min(hi, start + 200))
    out: list[tuple[int, int, str]] = []
    for i, (s, e, tok) in enumerate(toks):
        prev = toks[i - 1][2] if i else None
        if not _np_token(tok, prev) or tok.lower() in TIME_WORDS or len(out) >= MAX_NP_TOKENS:
            break
        out.append((s, e, tok))
    while out and (out[-1][2].lower() in DETERMINERS or out[-1][2].lower() in _PREPOSITIONS):
        out.pop()
    if not out or out[0][2].lower() in _PREPOSITIONS:
        return None
    return out[0][0], out[-1][1]


def split_title(text: str, start: int, end: int, titles: FastLexicon) -> str | None:
    """The title attached to a speaker: an appositive ("Mark Milley, the
    chairman of X" -> "chairman of X") or the words up to the last title word
    before a name ("Pentagon Press Secretary Alyssa Farah" -> "Pentagon Press
    Secretary")."""
    phrase = text[start:end]
    if "," in phrase:
        head, _, tail = phrase.partition(",")
        named = None
        for part in (tail.strip(), head.strip()):
            if titles.search(part):
                words = part.split()
                described = bool(words) and words[0].lower() in DETERMINERS  # "the chairman of X"
                before_name = None if described else _title_before_name(part, titles)
                if before_name is not None:  # "Gen. Mark Milley": the title, never the name
                    named = named or before_name
                    continue
                return " ".join(words[1:] if described else words) or None
        return named
    return _title_before_name(phrase, titles)


def _title_before_name(phrase: str, titles: FastLexicon) -> str | None:
    """The words up to the last title before a capitalized name ("Pentagon
    Press Secretary" of "Pentagon Press Secretary Alyssa Farah")."""
    last = None
    for m in titles.finditer(phrase):
        last = m
    if last is None:
        return None
    rest = phrase[last.end():].strip()
    if rest and rest[0].isupper():
        return phrase[: last.end()].strip()
    return None


def has_name(text: str, start: int, end: int) -> bool:
    """True when the phrase holds a capitalized word that is not its first
    word's sentence-initial capital on a determiner."""
    for i, (_, _, tok) in enumerate(_tokens(text, start, end)):
        if tok[:1].isupper() and not (i == 0 and tok.lower() in DETERMINERS):
            return True
    return False


def speaker_type(text: str, start: int, end: int, lex: Lexicons, is_document: bool) -> str:
    phrase = text[start:end]
    low = phrase.lower()
    if low in PRONOUNS or low == "who":
        return "pronoun"
    if is_document or names_a_document(phrase, lex):
        return "document"
    head = _APPOSITIVE.match(phrase)
    if head:  # "Ann Lee, the council leader": the kind of the name, not of the description ...
        described = re.findall(r"\w+", phrase[head.end(1):].lower())
        if described and described[-1] in lex.get("speaker-organization-words"):
            return "organization"  # ... unless the description names a body: "Lloyds, the bank"
        return speaker_type(text, start, start + head.end(1), lex, is_document)
    named = _DESCRIPTION_THEN_NAME.fullmatch(phrase)
    if named and fast(lex, "person-titles").search(named.group(1)):
        # "The council leader, Ann Lee": the kind of the name the title describes
        return speaker_type(text, start + named.start(2), start + named.end(2), lex, is_document)
    if fast(lex, "news-agencies").search(phrase) or fast(lex, "media-outlets").search(phrase):
        return "media"
    if is_anonymous(text, start, end, lex):
        return "anonymous"
    titled = _title_before_name(phrase, fast(lex, "person-titles"))
    if titled is not None:
        # "Council leader Cllr Amir Shah": the kind of the name after the title
        name_start = start + len(titled) + len(phrase[len(titled):]) - len(phrase[len(titled):].lstrip())
        return speaker_type(text, name_start, end, lex, is_document)
    words = [w.lower() for w in re.findall(r"\w+", phrase)]
    orgs = lex.get("speaker-organization-words")
    if fast(lex, "official-bodies").search(phrase) and not fast(lex, "official-titles").search(phrase):
        return "organization"
    if words and words[-1] in orgs:
        return "organization"
    if has_name(text, start, end) or fast(lex, "official-titles").search(phrase):
        return "person"
    return "unknown"


#: where a noun phrase's head ends: a preposition or punctuation after it
_HEAD_END = re.compile(r"\s+(?:of|from|by|on|to|for|in|with|at|about|into|between)\s|[,;:(]")


def names_a_document(phrase: str, lex: Lexicons) -> bool:
    """True when the phrase's head noun is a document ("a report from the
    inspector general", "A National Audit Office report on ...", "the
    letter"; lexicons ``document-words`` and ``document-words-contextual``):
    its "speaker" is a document, not an office."""
    cut = _HEAD_END.search(phrase)
    words = re.findall(r"[\w'\u2019-]+", phrase[: cut.start() if cut else len(phrase)])
    if not words:
        return False
    head = words[-1]
    return head in lex.get("document-words") or head in lex.get("document-words-contextual")


def is_official(phrase: str, title: str | None, lex: Lexicons) -> bool:
    for part in (phrase, title or ""):
        if part and (fast(lex, "official-titles").search(part) or fast(lex, "official-bodies").search(part)):
            return True
    return False


def is_anonymous(text: str, start: int, end: int, lex: Lexicons) -> bool:
    phrase = text[start:end]
    if not fast(lex, "anonymous-sources").search(phrase):
        return False
    # a named source is not anonymous: any capitalized word but the first
    return not any(tok[:1].isupper() for _, _, tok in _tokens(text, start, end)[1:])


_APPOSITIVE = re.compile(r"([^,]*[^\s,]),\s+(?:the|a|an|its|his|her|their)\s", re.IGNORECASE)
# "The council leader, Ann Lee": a description, a comma, then capitalized words only
_DESCRIPTION_THEN_NAME = re.compile(r"([^,]*[^\s,]),\s+([A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*){0,4})")
