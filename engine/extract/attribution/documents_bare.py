"""Bare plural documents: "Minutes of a board meeting, seen by the Herald,
record that ...", "WhatsApp messages seen by the Times show that ...".

Owns: ``bare_document``, deciding whether a ``document-words-bare`` noun
(minutes, messages, emails, records ...) with no determiner names
documents, and where its mention ends.  "minutes" is also time, "records"
and "messages" are common nouns: only a noun opening its clause and
followed by a verb that a document takes counts.

Does not own: the other document mentions and their attachments
(``documents``).
"""

from __future__ import annotations

import re

#: what may stand between a bare document noun and its verb: "of a board
#: meeting", "between the minister and aides", then a comma
_OF_PHRASE = re.compile(r"([ \t]+(?:of|from|between)[ \t]+[^,]{0,79}[^,\s]),?[ \t]+")
_BEFORE_VERB = re.compile(r",?[ \t]+")
_CLAUSE_STOP = re.compile(r"[.;:!?\"\u201c\u201d\r\n]")
_WORD_BEFORE = re.compile(r"[\w\-]+$")


def bare_document(text: str, ns: int, ne: int, det: tuple[int, str, str] | None, status_words,
                  verbs: tuple) -> tuple[int, str, str, int] | None:
    """(start, determiner, modifiers, end of the mention) of a
    ``document-words-bare`` noun ("minutes", "messages", "emails") that
    names documents: a document verb ("seen by", "leaked"), a
    ``document-content-verbs`` verb ("show", "record") or a speech verb
    follows it, at most after an "of"/"from"/"between" phrase and a comma
    ("Minutes of a board meeting, seen by ...", "WhatsApp messages seen by
    the Times show"); the noun opens its clause, maybe after a determiner
    or a status word ("Leaked emails").
    None otherwise ("Minutes later, officers said": no "of" phrase)."""
    if det is None:
        j = ns - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        word = _WORD_BEFORE.search(text, max(0, j - 20), j + 1) if j >= 0 and text[j].isalpha() else None
        if word is not None and word.group().lower() in status_words and word.start() < ns:
            det = (word.start(), "", word.group().lower())  # "Leaked emails"
        elif j >= 0 and text[j] not in ".!?:;\r\n\"\u201c\u201d(":
            return None  # inside a clause: "sent messages to", "ten minutes of talks"
        else:
            det = (ns, "", "")
    end = min(len(text), ne + 120)
    stop = _CLAUSE_STOP.search(text, ne, end)
    end = stop.start() if stop is not None else end
    found = [h for h in (finder.search(text, ne, end) for finder in verbs) if h is not None and text[h.start()].islower()]
    if not found:
        return None
    between = text[ne:min(h.start() for h in found)]
    if _BEFORE_VERB.fullmatch(between):
        return det[0], det[1], det[2], ne
    phrase = _OF_PHRASE.fullmatch(between)
    return (det[0], det[1], det[2], ne + phrase.end(1)) if phrase is not None else None
