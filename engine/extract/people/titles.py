"""Title keys and title classes: what a role's title means, for comparing.

Owns two values computed from a role's title words:

* ``key``: the title in one canonical spelling: lower case, single spaces,
  straight apostrophes, then every phrase of the ``title-synonyms`` lexicon
  ("variant=canonical", e.g. "spokeswoman=spokesperson", "prof=professor",
  "ceo=chief executive") replaced by its canonical form, longest variant
  first; a plural list title ("actors" in "actors X and Y") becomes
  singular.  Equal keys mean the same title.
* ``title_class``: the name, without its prefix, of the first
  ``title-class-*`` lexicon (in name order) holding the key once leading
  ``neutral-title-modifiers`` ("acting", "interim") are dropped.  A class
  lists titles one person holds at most one of at a time (government posts,
  legislative seats, company offices, ranks, ...), so two different keys of
  one class mean two incompatible titles.

Does not own: finding titles (``people.roles``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon import Lexicons, normalize_phrase

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_MAX_SYNONYM_WORDS = 6


@lru_cache(maxsize=8)
def _synonym_table(phrases: tuple[str, ...]) -> dict[tuple[str, ...], tuple[str, ...]]:
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for phrase in phrases:
        variant, sep, canonical = phrase.partition("=")
        words = tuple(_WORD.findall(normalize_phrase(variant)))
        if sep and words and len(words) <= _MAX_SYNONYM_WORDS:
            table.setdefault(words, tuple(_WORD.findall(normalize_phrase(canonical))))
    return table


class TitleKeys:
    """Canonical keys and classes of titles, from the lexicons."""

    def __init__(self, lex: Lexicons):
        self.synonyms = _synonym_table(lex.get("title-synonyms").phrases)
        self.titles = lex.get("person-titles")
        self.neutral = lex.get("neutral-title-modifiers")
        self.classes = [(c.name[len("title-class-") :], c) for c in lex.with_prefix("title-class-")]
        self.memo: dict[str, str] = {}

    def key(self, title: str) -> str:
        found = self.memo.get(title)
        if found is None:
            found = self.memo[title] = self._key(title)
        return found

    def _key(self, title: str) -> str:
        words = _WORD.findall(normalize_phrase(title))
        if words and words[0].startswith("ex-"):
            words[0] = words[0][3:]  # "ex-minister": the flag says former, the key is the title
        if len(words) == 1 and words[0] not in self.titles and words[0].endswith("s") and words[0][:-1] in self.titles:
            words = [words[0][:-1]]
        out: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(_MAX_SYNONYM_WORDS, len(words) - i), 0, -1):
                canonical = self.synonyms.get(tuple(words[i : i + size]))
                if canonical is not None:
                    out.extend(canonical)
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return " ".join(out)

    def title_class(self, key: str) -> str | None:
        words = key.split()
        while len(words) > 1 and words[0] in self.neutral:
            words = words[1:]
        core = " ".join(words)
        return next((name for name, lexicon in self.classes if core in lexicon), None)
