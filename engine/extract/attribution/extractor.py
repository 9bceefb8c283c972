"""Attribution extractor: statements, reports and documents.

Owns: finding cue verbs (lexicons ``speech-verbs``, ``report-verbs``,
``according-cues``), deciding for each cue where its speaker and content are
(quote-adjacent ``"...," X said``, inverted ``..., said X``, post-posed
``..., X said.``, pre-posed ``X said (that) ...`` / ``X said: "..."``,
participles ``, adding "..."`` that inherit the main clause's speaker,
``according to X``), quotes split by their attribution (each part becomes its
own statement with the same speaker and cue), telling reports (media,
agency, "reports") from statements, and turning everything into
``StatementFact``, ``ReportFact`` and ``DocumentFact`` with their links
(``document``, ``target_fact``, ``cites``, ``speaker_ref``).

The work is split over the modules of this package (see its ``__init__``).

Does not own: entity ids (the link pass), sentence/paragraph/headline/topic
fields (the pipeline).
"""

from __future__ import annotations

from ...facts.model import Fact
from ...lexicon import Lexicons, WordIndex
from ...text.document import Document
from .build import Builder
from .cues import Finder
from .document_authors import link_author_statements
from .documents import DocumentBook, find_documents
from .quotes import QuoteIndex, find_quotes
from .retractions import find_retractions, give_speakers
from .unattributed import unattributed_quotes


def extract(doc: Document, lex: Lexicons) -> list[Fact]:
    text = doc.text
    quotes = QuoteIndex(text, find_quotes(text, [p.start for p in doc.paragraphs]))
    words = WordIndex(text)
    finder = Finder(doc, lex, quotes, words)
    attrs = finder.run()
    alone = unattributed_quotes(text, quotes, [p.start for p in doc.paragraphs], attrs)
    book = DocumentBook(text, lex, find_documents(text, lex, finder.sentence, words))
    retractions = find_retractions(text, lex, quotes, book, finder.sentence, words)
    give_speakers(attrs, retractions)
    attrs += retractions
    facts = Builder(doc, lex, book, quotes).build(attrs, alone)
    link_author_statements(doc, facts, lex)
    return facts
