"""English shared by the extractor families: phrase tokens and a speaker's gender.

Owns: ``phrase_tokens`` (a phrase split into words and punctuation, with
offsets), ``unaccented`` (a word without its accents, as first-name lexicons
are written) and ``speaker_gender`` (the gender a phrase states: "she",
"Mrs Lee", "spokeswoman", "Ann Byrne").  Both attribution (pronoun speakers)
and people (ages given by pronoun) read a gender, so it lives here, below
both, and neither family imports the other.

Does not own: the gender lexicons themselves (``rules/lexicons/people.rule``)
or what a family does with a gender.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..lexicon import Lexicons

_TOKEN = re.compile(r"\w+(?:['\u2019.\-&]\w+)*|[^\w\s]")


def phrase_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` for every word ("O'Neill", "U.S.", "AT&T") and
    punctuation mark of ``text[start:end]``."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


_NAME_WORD = re.compile(r"(?<![\w'\u2019\-])[A-Z][\w'\u2019\-]*\.?")


def speaker_gender(phrase: str, lex: Lexicons) -> str | None:
    """"f" or "m" when the speaker phrase says which ("she", "Mrs Lee",
    "spokeswoman", "Ann Byrne": lexicons ``female-speaker-words``,
    ``male-speaker-words`` and a name's first name against
    ``female-first-names``/``male-first-names``, accents ignored); None when
    it says neither or both."""
    words = [unaccented(t[2].lower()) for t in phrase_tokens(phrase, 0, len(phrase))]
    found = set()
    for gender, lexicon in (("f", "female-speaker-words"), ("m", "male-speaker-words")):
        if any(w in lex.get(lexicon) for w in words):
            found.add(gender)
    first = _first_name(phrase, lex)
    for gender, lexicon in (("f", "female-first-names"), ("m", "male-first-names")):
        if first is not None and first in lex.get(lexicon):
            found.add(gender)
    return found.pop() if len(found) == 1 else None


def _first_name(phrase: str, lex: Lexicons) -> str | None:
    """The first name of the first name of two capitalized words or more in
    the phrase: its first word found in a first-name lexicon ("Diane" of
    "Labour MP Diane Abbott"), accents ignored; None when there is none."""
    runs: list[list[str]] = []
    end = -1
    for m in _NAME_WORD.finditer(phrase):
        word = unaccented(m.group().rstrip(".").lower())
        if runs and not phrase[end:m.start()].strip(" \t\u00a0"):
            runs[-1].append(word)
        else:
            runs.append([word])
        end = m.end()
    names = (lex.get("female-first-names"), lex.get("male-first-names"))
    for run in runs:
        if len(run) >= 2:
            for word in run[:-1]:  # a first name is never the last word of a name
                if any(word in n for n in names):
                    return word
    return None


@lru_cache(maxsize=4096)
def unaccented(word: str) -> str:
    """"segolene" for "ségolène": first names in the lexicons are written without accents."""
    if word.isascii():
        return word
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
