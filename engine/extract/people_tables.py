"""The lexicon indexes shared by the people extractors.

Owns: ``NameTables``, the phrase indexes built once per set of lexicons
(person titles and their modifiers, honorifics, first names, place names,
organization words, speech verbs, demonyms, group members) and the nickname
table ("bill=william" entries as {short: full}).

Does not own: what the phrases mean for a name (``people_names``,
``people_grouping``), a role (``people_roles``) or an age (``people_ages``),
or how phrases are matched (``people_words``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Lexicons
from .people_words import PhraseIndex


@dataclass
class NameTables:
    """Lexicon indexes the name finder needs."""

    titles: PhraseIndex
    modifiers: PhraseIndex
    honorifics: PhraseIndex
    first_names: PhraseIndex
    places: PhraseIndex
    orgs: PhraseIndex
    speech: PhraseIndex
    demonyms: PhraseIndex
    groups: PhraseIndex
    nicknames: dict[str, str]

    @classmethod
    def of(cls, lex: Lexicons) -> "NameTables":
        return cls(
            titles=PhraseIndex.of(lex.get("person-titles")),
            modifiers=PhraseIndex.of(lex.get("title-modifiers")),
            honorifics=PhraseIndex.of(lex.get("honorifics")),
            first_names=PhraseIndex.of(lex.get("first-names")),
            places=PhraseIndex.of(lex.get("place-names")),
            orgs=PhraseIndex.of(lex.get("organization-words")),
            speech=PhraseIndex.of(lex.get("speech-verbs")),
            demonyms=PhraseIndex.of(lex.get("demonyms")),
            groups=PhraseIndex.of(lex.get("group-members")),
            nicknames=_nickname_table(lex.get("nicknames").phrases),
        )


@lru_cache(maxsize=8)
def _nickname_table(phrases: tuple[str, ...]) -> dict[str, str]:
    """"bill=william" phrases as {short: full} (the first pair for a short form wins)."""
    nick: dict[str, str] = {}
    for phrase in phrases:
        short, sep, full = phrase.lower().partition("=")
        if sep and short.strip() and full.strip():
            nick.setdefault(short.strip(), full.strip())
    return nick
