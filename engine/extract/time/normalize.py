"""Normalizing a matched temporal expression to a TimeML-style value.

Owns: ``resolve`` (dispatch of a pattern match to its family's resolver),
``parse_published`` and the future-clause test that lets weekdays, months and
dates lean forward: a marker ("will", "'ll", "is to", "set/due/expected/
planned/scheduled to", "postponed", "as soon as", "until", "effective") at
most 60 characters before the expression in its sentence, unless a past
verb governs the expression after the marker ("will leave, officials said
on Monday"), or at most 50 after it when the expression opens its clause
("On Monday, the council will vote").  Without a marker every resolver
leans to the past.

Values are ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``YYYY-Www`` (ISO week),
``YYYY-Www-WE`` (weekend), ``YYYY-Qn``, ``YYYY-SP|SU|FA|WI``, ``DDD``
(decade, "199") or ``CC`` (century); None when unresolvable.

Does not own: finding expressions (``time.patterns``), the resolvers
(``time.absolute``, ``time.relative``) or arithmetic (``time.calendar``).
"""

from __future__ import annotations

import re
from datetime import date

from . import absolute, relative
from .calendar import Context, Resolution
from .patterns import Candidate
from .tense import Verb

_FUTURE = re.compile(
    r"(?<![\w])(?:will|shall|['’]ll|(?:is|are|am|be)\s+to|(?:set|due|expected|planned|planning|plans?|scheduled|slated|going)\s+to"
    r"|scheduled|slated|upcoming|postponed|as\s+(?:soon|early)\s+as|until|effective"
    # a modal before a verb ("could resume on Monday", "Should the vote go
    # ahead on Friday"), but not a perfect ("may have met on Monday") nor a
    # negation ("could not be reached on Monday" is a past inability)
    # (case-sensitive: "May said" is a name; "Should" opens an inverted condition)
    r"|(?-i:(?:should|could|may|might|must|Should|Could|Might|Must)\s+(?!have(?![\w])|not(?![\w])|be\s+\w+ed(?![\w]))[a-z]+))(?![\w])",
    re.IGNORECASE,
)
_CONJUNCTION = re.compile(r"until|as\s+(?:soon|early)\s+as", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”–—]|\s-\s")
_CLAUSE_OPENER = re.compile(r"\W{0,3}(?:on|by|from|until|next|starting|beginning)?\W{0,2}$", re.IGNORECASE)


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def is_future_context(text: str, left: int, start: int, end: int, right: int, verb: Verb | None = None) -> bool:
    """Whether the clause around ``start:end`` speaks of the future: a future
    marker at most 60 characters before it, unless ``verb`` (the verb that
    governs the time, ``time.tense.governing_verb``) is a past form after the
    marker ("will leave Iraq, officials said on Monday"), or, for a
    clause-initial time ("On Monday, the council will vote"), a marker at
    most 50 characters after it."""
    marker = None
    for marker in _FUTURE.finditer(text, max(left, start - 60), start):  # noqa: B007  (the last one is wanted)
        pass
    if marker is not None:
        return verb is None or verb.tense != "past" or not _governs_after(text, marker, verb)
    if _CLAUSE_OPENER.fullmatch(text, left, start):
        return _FUTURE.search(text, end, min(right, end + 50)) is not None
    return False


def _governs_after(text: str, marker: re.Match[str], verb: Verb) -> bool:
    """A past verb after a future marker governs the time when a new clause
    starts between them ("will leave Iraq, officials said on Monday") or the
    marker is a conjunction ("as soon as the results were counted Tuesday"),
    not when it is a participle in the marker's clause ("will give him the
    boost needed for ...")."""
    if verb.start < marker.end():
        return False
    return bool(_CONJUNCTION.fullmatch(marker.group()) or _CLAUSE_BREAK.search(text, marker.end(), verb.start))


def resolve(cand: Candidate, ctx: Context) -> Resolution | None:
    """Meaning of a candidate; None when it is not a temporal expression after all."""
    return _RESOLVERS[cand.family](cand.match, ctx)


_RESOLVERS = {**absolute.RESOLVERS, **relative.RESOLVERS}
