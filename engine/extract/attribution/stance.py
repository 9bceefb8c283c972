"""Stance and tense of a statement.

Owns: the stance of a statement (retract, deny, confirm or assert) from its
cue verb and its content (lexicons ``retraction-phrases``, ``denial-verbs``,
``denial-phrases``, ``confirm-verbs``) and the cheap tense of its content
(the first auxiliary decides).  The negation of a content's main clause,
which the builder reads as a denial when an official says it, is read by
``factlint.extract.negation``.

Does not own: finding the statement (``attribution.cues``) or its speaker
(``attribution.speakers``).
"""

from __future__ import annotations

import re

from ...lexicon import Lexicons, fast, trie


def stance_of(text: str, cue: tuple[int, int] | None, content: tuple[int, int], lex: Lexicons,
              cue_cache: dict[str, tuple[str, int, int] | None] | None = None,
              governor: tuple[int, int] | None = None) -> tuple[str, tuple[int, int] | None]:
    """(stance, span of the deciding cue) for a statement.  A retraction
    phrase in the content wins, then a governing denial (the denial verb of
    the main clause a participle elaborates: "dismissed the claim as false,
    saying ..."), a denial verb in the cue, a denial phrase in the content,
    a confirmation verb in the cue; else assert.  ``cue_cache`` memoizes the
    cue verdicts by cue text.  With no cue (an unattributed quote) only the
    content decides."""
    m = fast(lex, "retraction-phrases").search(text, content[0], content[1])
    if m:
        return "retract", (m.start(), m.end())
    if governor is not None:
        return "deny", governor
    if cue is None:
        m = fast(lex, "denial-phrases").search(text, content[0], content[1])
        return ("deny", (m.start(), m.end())) if m else ("assert", None)
    cue_text = text[cue[0]:cue[1]]
    key = cue_text.lower()
    verdict: tuple[str, int, int] | None
    if cue_cache is not None and key in cue_cache:
        verdict = cue_cache[key]
    else:
        verdict = None
        for stance, name in (("deny", "denial-verbs"), ("confirm", "confirm-verbs")):
            m = fast(lex, name).search(cue_text)
            if m:
                verdict = (stance, m.start(), m.end())
                break
        if cue_cache is not None:
            cue_cache[key] = verdict
    if verdict is not None and verdict[0] == "deny":
        return "deny", (cue[0] + verdict[1], cue[0] + verdict[2])
    m = fast(lex, "denial-phrases").search(text, content[0], content[1])
    if m:
        return "deny", (m.start(), m.end())
    if verdict is not None:
        return verdict[0], (cue[0] + verdict[1], cue[0] + verdict[2])
    return "assert", None


_TENSE_OF_WORD = {
    **{w: "future" for w in "will shall won't going".split()},
    **{w: "present" for w in "is are am has have do does can isn't aren't doesn't don't hasn't haven't can't".split()},
    **{w: "past" for w in "was were had did could wasn't weren't didn't hadn't couldn't".split()},
}
_TENSE_WORD = re.compile(r"\b" + trie(sorted(w for w in _TENSE_OF_WORD if "'" not in w)) + r"\b(?!')|n't\b|'ll\b")
_ED_END = re.compile(r"\Bed\b")


def tense_of(text: str, start: int, end: int) -> str:
    """Cheap tense of a clause: the first auxiliary decides (will/'ll/going
    -> future; is/has/do/can/n't -> present; was/had/did/could -> past); else
    a word in -ed means past; else unknown."""
    region = text[start:min(end, start + 300)].lower().replace("\u2019", "'")
    m = _TENSE_WORD.search(region)
    if m:
        word = m.group()
        if word == "'ll":
            return "future"
        if word == "n't":  # the whole word: "didn't", "won't"
            j = m.start()
            while j > 0 and region[j - 1].isalpha():
                j -= 1
            word = region[j:m.end()]
        return _TENSE_OF_WORD.get(word, "present")  # other n't forms: present
    for m in _ED_END.finditer(region):
        j = m.start()
        while j > 0 and region[j - 1].isalpha():
            j -= 1
        if m.start() - j >= 3:
            return "past"
    return "unknown"
