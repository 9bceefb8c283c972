"""Retractions by deed: "The chief executive has since retracted the letter",
"X withdrew the memo, saying ...".

Owns: finding a ``retraction-verbs`` verb (retracted, withdrew, rescinded ...)
outside quotations whose object is a definite mention ("the letter", "the
draft memo") of a document the text mentioned before, and turning it into an
``Attr`` of kind ``retraction``: the subject before the verb is the speaker,
the verb (with its auxiliaries and adverbs) the cue and the object the
content.  The builder makes it a statement with stance retract that targets
the document (``attribution.build``).  A participle after it ("X withdrew
the memo, saying ...") is given the retraction's speaker
(``give_speakers``), not the clause read as a subject.

Does not own: retractions said in words ("the letter was sent in error":
``attribution.stance`` and the ``retraction-phrases`` lexicon), documents
(``documents``), the subject phrase (``attribution.speakers``).
"""

from __future__ import annotations

import re

from ...lexicon import Lexicons, WordIndex, fast
from .attr import Attr
from .documents import DocumentBook
from .quotes import QuoteIndex
from .speakers import subject_before

# auxiliaries and adverbs that stand between the subject and the verb
_AUX = re.compile(
    r"(?:\b(?:has|have|had|was|were|later|since|then|quickly|swiftly|formally|subsequently|also|now)\s+){1,3}\Z",
    re.IGNORECASE,
)
# the object: a definite determiner, at most two modifiers, the noun
_OBJECT = re.compile(
    r"[ \t]+(?:the|this|that)[ \t]+(?:[\w\-]+[ \t]+){0,2}?(?P<noun>[\w\-]+)\b", re.IGNORECASE
)
_MAX_AUX_WINDOW = 40


def find_retractions(text: str, lex: Lexicons, quotes: QuoteIndex, book: DocumentBook, sentence_of,
                     words: WordIndex) -> list[Attr]:
    """Attributions for "SUBJECT (has since) retracted/withdrew the DOCUMENT"
    where the document was first mentioned earlier in the text.
    ``sentence_of(offset)`` gives the (start, end) of a sentence; ``words``
    indexes the words of ``text``."""
    documents = (lex.get("document-words"), lex.get("document-words-contextual"))
    out: list[Attr] = []
    for m in words.finditer(fast(lex, "retraction-verbs")):
        q = quotes.at(m.start())
        if q is not None and q.content_start <= m.start() < q.content_end:
            continue
        obj = _OBJECT.match(text, m.end())
        if obj is None:
            continue
        noun = obj.group("noun").lower()
        if not any(noun in d for d in documents) or book.before(noun, m.start()) is None:
            continue
        sent_s, _ = sentence_of(m.start())
        cs = m.start()
        aux = _AUX.search(text, max(sent_s, cs - _MAX_AUX_WINDOW), cs)
        if aux is not None:
            cs = aux.start()
        speaker = subject_before(text, sent_s, cs)
        if speaker is None:
            continue
        content = (obj.start() + len(obj.group()) - len(obj.group().lstrip()), obj.end())
        out.append(Attr((cs, m.end()), content, speaker, False, obj.end(), "retraction"))
    return out


def give_speakers(attrs: list[Attr], retractions: list[Attr]) -> None:
    """A cue whose speaker phrase runs over a retraction ("The minister
    withdrew the letter, saying ..." read as one subject) takes the
    retraction's speaker."""
    for r in retractions:
        taker = r.speaker  # a retraction always has its speaker
        if taker is None:
            continue
        for a in attrs:
            if a.speaker is not None and a.speaker[0] <= taker[0] and r.cue[1] <= a.speaker[1]:
                a.speaker = taker
