"""Where each fact sits: its sentence, its paragraph, and whether it is in the headline.

Owns: ``place_facts``, the last pass, which fills ``sentence``,
``paragraph`` and ``in_headline`` of every fact from its start offset.

Does not own: the document's sentences, paragraphs and headline
(``factlint.text.document``).
"""

from __future__ import annotations

from ...facts.model import Fact
from ...lexicon import Lexicons
from ...text.document import Document


def place_facts(doc: Document, facts: list[Fact], lex: Lexicons | None = None) -> None:
    """Fill sentence/paragraph indexes and the headline flag from offsets."""
    for f in facts:
        sent = doc.sentence_at(f.start)
        para = doc.paragraph_at(f.start)
        f.sentence = sent.index if sent else 0
        f.paragraph = para.index if para else 0
        f.in_headline = doc.in_headline(f.start)
