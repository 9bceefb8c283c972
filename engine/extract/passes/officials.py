"""An organisation that speaks is an official voice.

Owns: ``officials``, run after linking.  The attribution family decides a
speaker is official from its words (an official title, a government body,
an organisation word: "the ministry", "a council spokeswoman").  Some
organisations are known only by name ("Sony Pictures", "United", "Acme");
the people family types those entities as organisations, and linking ties
the statement to the entity.  This pass makes such statements official,
and, as the attribution family does for official speakers, reads a negated
main clause as a denial ("United said no new contract had been offered").

Does not own: who is official from the speaker's words (``attribution``),
typing entities (``people``) or linking (``link``).
"""

from __future__ import annotations

from ...facts.model import EntityFact, Fact, Span, StatementFact
from ...lexicon import Lexicons
from ...text.document import Document
from ..negation import negated_claim

#: speakers that stand for no organisation's office
_NOT_OFFICIAL_TYPES = frozenset({"document", "media", "pronoun"})


def officials(doc: Document, facts: list[Fact], lex: Lexicons) -> None:
    organisations = {f.id for f in facts if isinstance(f, EntityFact) and f.entity_type == "organization"}
    if not organisations:
        return
    for f in facts:
        if not isinstance(f, StatementFact) or f.official or f.speaker_entity not in organisations:
            continue
        if f.speaker_type in _NOT_OFFICIAL_TYPES:
            continue
        f.official = True
        if f.stance == "assert" and (negation := negated_claim(doc.text, (f.content.start, f.content.end), lex)) is not None:
            f.stance = "deny"
            f.stance_cue = Span.of(doc.text, *negation)
            f.start, f.end = min(f.start, negation[0]), max(f.end, negation[1])
            f.text = doc.text[f.start : f.end]
