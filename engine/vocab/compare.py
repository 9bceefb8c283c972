"""Value comparisons behind ``differs from``, ``agrees with`` and
``is spelled differently from``.

Owns what "incompatible" means for each kind of value:

* quantities become closed intervals from their approximator (``over 5,000``
  is [5000, 7500], ``about 5,000`` is [4500, 5500], an exact figure is itself
  or its range); two quantities conflict when their intervals do not meet;
  quantities in different units are not comparable at all;
* ages conflict when the numbers differ;
* titles conflict unless one's words contain the other's (``secretary`` and
  ``press secretary`` agree), or either is former or an explicit change;
* event and time dates conflict when they differ at their common granularity;
* names: see ``names_spelled_differently``.
"""

from __future__ import annotations

import re

from ..facts.model import AgeFact, EntityFact, Fact, QuantityFact, RoleFact
from ..lexicon import Lexicon
from ..text.strings import edit_distance, spelling_limit
from .context import EvalContext
from .fields import DateValue, compare_dates

# approximator -> (low factor, high factor) of the closed interval
_APPROX = {
    None: (1.0, 1.0),
    "over": (1.0, 1.5),
    "more than": (1.0, 1.5),
    "at least": (1.0, 1.5),
    "under": (0.5, 1.0),
    "fewer than": (0.5, 1.0),
    "less than": (0.5, 1.0),
    "at most": (0.5, 1.0),
    "up to": (0.0, 1.0),
    "nearly": (0.9, 1.0),
    "almost": (0.9, 1.0),
    "about": (0.9, 1.1),
    "around": (0.9, 1.1),
    "some": (0.9, 1.1),
    "approximately": (0.9, 1.1),
    "roughly": (0.9, 1.1),
}


def quantity_interval(q: QuantityFact) -> tuple[float, float]:
    value = float(q.value)
    high = getattr(q, "value_high", None)
    lo_f, hi_f = _APPROX.get(getattr(q, "approx", None), (0.9, 1.1))
    hi_value = float(high) if high is not None else value
    return value * lo_f, hi_value * hi_f


def comparable_values(a: Fact, b: Fact) -> bool:
    """Whether two facts' values can be compared at all (quantities: same unit)."""
    if a.kind == "quantity":
        return getattr(a, "unit", None) == getattr(b, "unit", None)
    if a.kind == "event":
        return getattr(a, "date", None) is not None and getattr(b, "date", None) is not None
    return True


def _quantities_conflict(a: QuantityFact, b: QuantityFact) -> bool:
    a_lo, a_hi = quantity_interval(a)
    b_lo, b_hi = quantity_interval(b)
    return a_hi < b_lo or b_hi < a_lo


_TITLE_STOP = {"the", "of", "a", "an", "and", "for", "to", "in", "at", "its", "his", "her", "their"}


def title_words(title: str) -> set[str]:
    words = re.findall(r"[a-z]+", title.lower().replace("\u2019", "'"))
    return {w for w in words if w not in _TITLE_STOP and w not in ("s",)}


def _role_title_words(role: RoleFact) -> set[str]:
    """The words of a role's title key ("Lt. Col." -> lieutenant, colonel), so
    that an abbreviation is a shorter form of its full title; the title as
    written when there is no key."""
    key = getattr(role, "title_key", None)
    return title_words(key) if key else title_words(role.title.text)


def _titles_conflict(a: RoleFact, b: RoleFact, ctx: EvalContext) -> bool:
    if getattr(a, "former", False) or getattr(b, "former", False):
        return False
    if getattr(a, "change", False) or getattr(b, "change", False):
        return False
    wa, wb = _role_title_words(a), _role_title_words(b)
    if not wa or not wb:
        return False
    return not (_shorter_form(wa, wb, a, ctx) or _shorter_form(wb, wa, a, ctx))


def _shorter_form(short: set[str], long: set[str], role: RoleFact, ctx: EvalContext) -> bool:
    """Whether ``short`` is a shorter form of ``long``: its words are all in
    it and none dropped is subordinate (lexicon ``subordinate-title-words``:
    "Gov." is not short for a lieutenant governor, "President" not for a
    vice president); a lieutenant colonel called "Colonel" is the usual
    military courtesy."""
    if not short <= long:
        return False
    subordinate = ctx.lexicons.get("subordinate-title-words")
    military = getattr(role, "title_class", None) == "military-rank"
    return not any(w in subordinate and not (military and w == "lieutenant") for w in long - short)


def values_conflict(a: Fact, b: Fact, ctx: EvalContext) -> bool:
    """Whether two facts of one kind (``comparable_values``) hold incompatible values."""
    if isinstance(a, QuantityFact) and isinstance(b, QuantityFact):
        return _quantities_conflict(a, b)
    if isinstance(a, AgeFact) and isinstance(b, AgeFact):
        return a.age != b.age
    if isinstance(a, RoleFact) and isinstance(b, RoleFact):
        return _titles_conflict(a, b, ctx)
    if a.kind == "event":
        da, db = DateValue.parse(getattr(a, "date", None)), DateValue.parse(getattr(b, "date", None))
        return da is not None and db is not None and compare_dates(da, db) != 0
    return False


# ----------------------------------------------------------------- names
def _name_tokens(name: str) -> list[str]:
    return [t for t in re.findall(r"[\w'\u2019-]+", name.lower()) if t not in ("mr", "mrs", "ms", "dr", "jr", "sr")]


def _pairs_of(nicknames: Lexicon) -> frozenset[frozenset[str]]:
    pairs = set()
    for phrase in nicknames.phrases:
        names = [n.strip().lower() for n in phrase.split("=") if n.strip()]
        for i, x in enumerate(names):
            for y in names[i + 1 :]:
                pairs.add(frozenset((x, y)))
    return frozenset(pairs)


def _nickname_pairs(ctx: EvalContext) -> frozenset[frozenset[str]]:
    """Pairs of first names one person may go by, built once per lexicon."""
    return ctx.lexicons.get("nicknames").derived(_pairs_of)


def _first_names_compatible(x: str, y: str, ctx: EvalContext) -> bool:
    if x == y:
        return True
    if len(x) == 1 or len(y) == 1 or x.rstrip(".") == y[:1] or y.rstrip(".") == x[:1]:
        return x[:1] == y[:1]
    return frozenset((x, y)) in _nickname_pairs(ctx)


def _genders_differ(x: str, y: str, ctx: EvalContext) -> bool:
    female, male = ctx.lexicons.get("female-first-names"), ctx.lexicons.get("male-first-names")
    return (x in female and y in male) or (x in male and y in female)


def surnames_close(x: str, y: str) -> bool:
    """Two different spellings of one surname: same first letter, 4+ letters,
    one edit apart (two when both have 7+ letters)."""
    if x == y or min(len(x), len(y)) < 4 or x[0] != y[0]:
        return False
    limit = spelling_limit(x, y)
    return edit_distance(x, y, limit) <= limit


def names_spelled_differently(a: Fact, b: Fact, ctx: EvalContext) -> bool:
    """Two person entities that are one name spelled two ways.

    * Both named in full: first names compatible (equal, an initial, a known
      nickname) and surnames close; or equal surnames and first names one
      letter apart (5+ letters).
    * One known only by surname and marked ``near_miss`` by the extractor
      (no one of exactly that surname is named, and a person named in full
      has a surname one letter off): the surnames are close.  Other
      surname-only people (a namesake, someone never named in full) are
      different people, not spellings.
    * A name the writer marks "[sic]" is a source's spelling kept on purpose.
    * Same surname, first names one letter apart: not when the text names
      them in one sentence (``named_with``) or the first names are of
      different genders (``female-first-names``, ``male-first-names``).
    """
    if a.id == b.id or not isinstance(a, EntityFact) or not isinstance(b, EntityFact):
        return False
    if a.entity_type != "person" or b.entity_type != "person":
        return False
    if getattr(a, "marked_sic", False) or getattr(b, "marked_sic", False):
        return False
    ta, tb = _name_tokens(a.name), _name_tokens(b.name)
    if not ta or not tb or ta == tb:
        return False
    a_short, b_short = bool(getattr(a, "surname_only", False)), bool(getattr(b, "surname_only", False))
    if a_short or b_short:
        short = a if a_short else b
        if (a_short and b_short) or not getattr(short, "near_miss", False):
            return False
        return surnames_close(ta[-1], tb[-1])
    if len(ta) < 2 or len(tb) < 2:
        return False
    first_a, last_a, first_b, last_b = ta[0], ta[-1], tb[0], tb[-1]
    if last_a == last_b:
        # same surname: a first name one letter off, not a nickname or
        # initial, nor two people the text sets side by side or whose first
        # names are of different genders (Maria and Mario Gonzalez)
        return (
            first_a != first_b and min(len(first_a), len(first_b)) >= 5 and edit_distance(first_a, first_b, 1) == 1
            and b.id not in getattr(a, "named_with", ()) and not _genders_differ(first_a, first_b, ctx)
        )
    return _first_names_compatible(first_a, first_b, ctx) and surnames_close(last_a, last_b)


def name_keys(f: Fact) -> list[str]:
    """Index key for spelling comparisons: the surname's first letter."""
    tokens = _name_tokens(getattr(f, "name", "") or "")
    if len(tokens) >= 2 or (tokens and getattr(f, "surname_only", False)):
        return [tokens[-1][:1]]
    return []
