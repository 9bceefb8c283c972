"""The counted noun phrase after a figure, and its normalized key.

Owns: reading up to six words after a figure (or after "of the" in "40% of
the seats"), choosing the head noun (the first certain plural, else the last
capitalised plural of a name, else for a percentage the last word), its
modifiers, its singular key (irregular plurals and synonyms from the
``quantity-irregular-plurals`` and ``quantity-noun-synonyms`` lexicons), and
telling counts of time units and fractions apart ("three months", "two
thirds": not counts of things).

Does not own: finding figures and units (``quantity.numbers``),
approximators (``quantity``) or what is not a count (``quantity.filters``);
the lexicon tables are built in ``quantity.tables`` and passed in as ``t``.
"""

from __future__ import annotations

import re

from .numbers import Num
from .tables import FRACTIONS, Tables

_NOUN_TOKEN = re.compile(r"[^\W_][\w'\u2019]*(?:-[^\W_][\w'\u2019]*)*")
_NOUN_GAP = re.compile(r"[ \t\u00a0]+|[ \t\u00a0]*(?:\r\n|\r|\n)[ \t\u00a0]*")
_OF_PHRASE = re.compile(r"\s+of\s+(?:(?:the|a|an|its|their|his|her|our|these|those|all)\s+)?", re.I)


def _is_adverb(word: str) -> bool:
    return word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS


_LY_NOUNS = frozenset("family supply assembly rally italy july reply monopoly anomaly belly bully jelly".split())


def _noun_tokens(text: str, pos: int, limit: int, t: Tables) -> list[tuple[int, int, str]]:
    """Up to six words from ``pos`` that may belong to a noun phrase (stop at punctuation or stop words)."""
    tokens: list[tuple[int, int, str]] = []
    while len(tokens) < 6:
        gap = _NOUN_GAP.match(text, pos, limit) if tokens or text[pos:pos + 1].isspace() else None
        start = gap.end() if gap else pos
        tm = _NOUN_TOKEN.match(text, start, limit)
        word = tm.group().lower() if tm else ""
        if tm is None or word in t.stops or (gap is None and tokens) or word.isdigit() or word in t.number_words:
            break
        if not tokens and tm.group().lower() in t.skips:
            pos = tm.end()
            continue
        tokens.append((tm.start(), tm.end(), tm.group()))
        pos = tm.end()
    return tokens


def _plural(token: str, previous: str | None, following: str | None, t: Tables) -> str | None:
    """'strict' for a plural noun, 'loose' for a capitalised word in a name that may be one."""
    low = token.lower()
    if low in t.irregular:
        return "strict"
    if len(low) < 3 or not low.endswith("s") or low.endswith(("ss", "us", "is", "'s", "\u2019s")):
        return None
    if token[0].islower() or token[:-1].isupper():
        return "strict"
    return "loose" if (previous and previous[:1].isupper()) or (following and following[:1].isupper()) else "strict"


def _singular(word: str, t: Tables) -> str:
    low = word.lower().replace("\u2019", "'")
    if low in t.irregular:
        low = t.irregular[low]
    elif low.endswith("ies") and len(low) > 4:
        low = low[:-3] + "y"
    elif low.endswith(("sses", "ches", "shes", "xes", "zzes")):
        low = low[:-2]
    elif low.endswith("s") and not low.endswith(("ss", "us", "is")):
        low = low[:-1]
    return t.synonyms.get(low, low)


def metre_context(text: str, noun, t: Tables) -> bool:
    """"400m runners", "60m hurdles": the glued "m" is metres when the noun is a race word."""
    return noun is not None and any(w.lower() in t.metre_nouns for w in text[noun[0]:noun[1]].split())


def counted_noun(text: str, n: Num, pos: int, limit: int, t: Tables):
    """(noun (start, end) | None | "skip", modifiers, key, strict) for the noun phrase after a figure.

    "skip" means the figure counts time units (a duration or an age) or is a fraction.
    ``strict`` is true when the head is certainly a plural noun (or an "of" phrase follows).
    """
    if n.noun_hint:
        s, e = n.noun_hint
        return (s, e), [], _singular(text[s:e], t), True
    if n.currency or n.unit not in (None, "percent"):
        return None, [], None, False
    of = _OF_PHRASE.match(text, pos)
    if n.unit == "percent" and of is None:
        return None, [], None, False
    tokens = _noun_tokens(text, of.end() if of else pos, limit, t)
    words = [w for _, _, w in tokens]
    if n.unit is None and words and (words[0].lower() in t.time_units or words[0].lower() in FRACTIONS):
        return "skip", [], None, False
    kinds = [_plural(w, words[i - 1] if i else None, words[i + 1] if i + 1 < len(words) else None, t)
             for i, w in enumerate(words)]
    if n.after_strong and words:
        head = 0  # "a 6,000-strong community": the word after "-strong" is what is counted
    elif "strict" in kinds:
        head = kinds.index("strict")
    elif n.unit == "percent" and words:
        head = max(i for i, w in enumerate(words) if not _is_adverb(w.lower()) or i == 0)
    elif "loose" in kinds:
        head = len(kinds) - 1 - kinds[::-1].index("loose")  # "Smarties Book Prizes": the last of a name
    else:
        return None, [], None, of is not None
    if n.unit is None and words[head].lower() in t.time_units:
        return "skip", [], None, False
    if words[head].lower() == "times" and head + 1 < len(words) and words[head + 1].lower().endswith("er"):
        return "skip", [], None, False  # "ten times faster": a multiplier, not a count
    modifiers = [w.lower() for w in words[:head]]
    return (tokens[0][0], tokens[head][1]), modifiers, _singular(words[head], t), kinds[head] == "strict" or bool(of)
