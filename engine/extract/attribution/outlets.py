"""Documents known through the media: "seen by the BBC", "obtained by the
Evening Star", "leaked to Politico".

Owns: ``OutletMatcher.saw``, deciding whether a sentence says a news outlet
or agency saw, obtained or was leaked a document: the outlet is a
``media-outlets``/``news-agencies`` phrase, the article's own outlet
(``self-outlets``: "seen by this newspaper"), or a name the lexicons lack
("the" and capitalised words, or one capitalised word) that is not an
official title or body, an organisation word, an honorific or a person's
two-word name.

Does not own: finding documents (``documents``).
"""

from __future__ import annotations

import re

from ...lexicon import Lexicons, fast

# "seen by the BBC", "obtained by the Evening Star", "leaked to Politico":
# the outlet is a media-outlets/news-agencies phrase or a name (see OutletMatcher)
_OUTLET_ACCESS = re.compile(r"\b(?:seen|obtained|acquired|leaked|passed|given|published)\s+(?:by|to)\s+", re.IGNORECASE)
_CAPITALISED = re.compile(r"[A-Z][\w'\u2019&\-]*")
_NAME_GLUE = frozenset(("of", "and", "&"))
_HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady prof".split())
_MAX_OUTLET_WORDS = 5


class OutletMatcher:
    """The outlet lexicons of one extraction, and the test that uses them."""

    def __init__(self, lex: Lexicons) -> None:
        self.outlets = (fast(lex, "media-outlets"), fast(lex, "news-agencies"), fast(lex, "self-outlets"))
        self.not_outlets = tuple(fast(lex, n) for n in ("official-titles", "official-bodies", "speaker-organization-words"))

    def saw(self, text: str, sent: tuple[int, int]) -> bool:
        """True when the sentence says a media outlet or agency saw, obtained
        or was leaked the document."""
        for m in _OUTLET_ACCESS.finditer(text, sent[0], sent[1]):
            pos = m.end()
            for outlet in self.outlets:
                hit = outlet.search(text, pos, min(sent[1], pos + 40))
                if hit is not None and (hit.start() == pos or text[pos:hit.start()].strip() in ("the", "The")):
                    return True
            if self._named(text, pos, sent[1]):
                return True
        return False

    def _named(self, text: str, pos: int, end: int) -> bool:
        """Is the name at ``pos`` a newspaper or broadcaster the lexicons lack?
        "the" and capitalised words ("the Herald", "the Evening Star"), or one
        capitalised word ("Newsnight"); not an official title or body, an
        organisation word, or a person ("the Prime Minister", "the Ministry",
        "Mr Lee", "Jane Lee")."""
        the = re.match(r"the\s+", text[pos:pos + 5], re.IGNORECASE)
        p = pos + the.end() if the else pos
        words: list[str] = []
        for m in re.finditer(r"\S+", text[p:min(end, p + 80)]):
            w = m.group().rstrip(",.;:)")
            if not (_CAPITALISED.fullmatch(w) or (words and w in _NAME_GLUE)):
                break
            words.append(w)
            if w != m.group() or len(words) > _MAX_OUTLET_WORDS:
                break
        while words and words[-1] in _NAME_GLUE:
            words.pop()
        if not words or len(words) > _MAX_OUTLET_WORDS or (the is None and len(words) > 1):
            return False
        name = " ".join(words)
        if words[0].lower().rstrip(".") in _HONORIFICS or any(lexicon.search(name) for lexicon in self.not_outlets):
            return False
        return True
