"""The lexicon indexes shared by the people extractors.

Owns: ``NameTables``, the phrase indexes built once per set of lexicons
(person titles and their modifiers, honorifics, first names, place names,
organization words, speech verbs, demonyms, group members), the nickname
table ("bill=william" entries as {short: full}) and ``FirstNames``, the
first-name lookup that ignores accents ("Zoë" is "zoe").

Does not own: what the phrases mean for a name (``people.names``,
``people.grouping``), a role (``people.roles``) or an age (``people.ages``),
or how phrases are matched (``text.words``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...lexicon import Lexicons, PhraseIndex
from ...text.words import Words
from ..english import unaccented


@dataclass
class NameTables:
    """Lexicon indexes the name finder needs."""

    titles: PhraseIndex
    modifiers: PhraseIndex
    honorifics: PhraseIndex
    first_names: FirstNames
    places: PhraseIndex
    orgs: PhraseIndex
    speech: PhraseIndex
    demonyms: PhraseIndex
    groups: PhraseIndex
    nicknames: dict[str, str]
    ranks: PhraseIndex  # titles only before a first name ("General Mark Milley", not "General Motors")
    person_nouns: PhraseIndex  # "Pensioner Joan Mills": a description before a name, not part of it

    def title_size(self, words: Words, i: int) -> int:
        """Tokens of the title starting at token ``i`` (0 for none): a
        ``person-titles`` phrase, "ex-" and a one-word title ("ex-minister"),
        or a capitalised ``titles-before-first-names`` word right before a
        first name."""
        size = self.titles.match(words, i)
        if size:
            return size
        low = words.low[i]
        if low.startswith("ex-") and low[3:] in self.titles:
            return 1  # "ex-minister": a former title in one word
        if i + 1 >= len(words) or low not in self.ranks:
            return 0
        follows_name = words.low[i + 1] in self.first_names and words.spaced(i)
        return 1 if follows_name and words.raw[i][:1].isupper() else 0

    @classmethod
    def of(cls, lex: Lexicons) -> NameTables:
        return cls(
            titles=PhraseIndex.of(lex.get("person-titles")),
            modifiers=PhraseIndex.of(lex.get("title-modifiers")),
            honorifics=PhraseIndex.of(lex.get("honorifics")),
            first_names=FirstNames(PhraseIndex.of(lex.get("first-names"))),
            places=PhraseIndex.of(lex.get("place-names")),
            orgs=PhraseIndex.of(lex.get("organization-words")),
            speech=PhraseIndex.of(lex.get("speech-verbs")),
            demonyms=PhraseIndex.of(lex.get("demonyms")),
            groups=PhraseIndex.of(lex.get("group-members")),
            nicknames=_nickname_table(lex.get("nicknames").phrases),
            ranks=PhraseIndex.of(lex.get("titles-before-first-names")),
            person_nouns=PhraseIndex.of(lex.get("person-nouns")),
        )


class FirstNames:
    """The ``first-names`` lexicon, matched with accents ignored: the
    lexicon writes "zoe" and "jose", the copy "Zoë" and "José"."""

    def __init__(self, index: PhraseIndex):
        self.index = index

    def __contains__(self, word: str) -> bool:
        return word in self.index or (not word.isascii() and unaccented(word) in self.index)


@lru_cache(maxsize=8)
def _nickname_table(phrases: tuple[str, ...]) -> dict[str, str]:
    """"bill=william" phrases as {short: full} (the first pair for a short form wins)."""
    nick: dict[str, str] = {}
    for phrase in phrases:
        short, sep, full = phrase.lower().partition("=")
        if sep and short.strip() and full.strip():
            nick.setdefault(short.strip(), full.strip())
    return nick
