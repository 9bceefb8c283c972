"""``conflicts with`` reads each text once (``vocab.readings``) and gives
exactly what the plain ``polarity.says_opposite`` gives.

Compared on every pair of the texts below (the polarity cases, sentences of
the shipped rules' examples) and on generated texts built from the words
the function reacts to: opposite-words phrases, negations, auxiliaries,
denial phrases, topic-class words, and their inflections.
"""

from __future__ import annotations

import itertools
import re

from factlint.lang.loader import load_default_lexicons, shipped_rule_files
from factlint.lexicon import Lexicons
from factlint.vocab.polarity import says_opposite
from factlint.vocab.readings import Polarity
from hypothesis import given, settings
from hypothesis import strategies as st

LEX = load_default_lexicons()

TEXTS = [
    "", "no", "the ward would close", "the maternity ward will stay open through the winter", "the ward will not close",
    "The ward won\u2019t be closed", "fares would rise", "fares will fall next year", "there are no plans to close the ward",
    "the ward would close and reopen", "the ward will close and reopen", "no police stations in Wessex would close",
    "three police stations will close in May", "the board had not agreed to close the unit", "the board agreed to close the unit",
    "The company is not for sale", "the ferry company will be sold to a Danish group", "It cannot be sold",
    "firms should not have been allowed to cut premiums", "the law had allowed firms to cut premiums",
    "we will not go ahead", "the match was cancelled", "he will not resign and will stay on", "She'd never lose",
    "a a a e ee eee closee close closes closing closure", "op open opened opening reopen", "Nobody would be hired, none fired",
]


def _example_sentences() -> list[str]:
    out = []
    for rf in shipped_rule_files():
        for rule in rf.rules:
            for ex in rule.examples:
                out += [s.strip() for s in re.split(r"(?<=[.!?])\s+", ex.text.replace("[[", "").replace("]]", "")) if s.strip()]
    return out[:120]


def _same(d: str, o: str, lex: Lexicons, polarity: Polarity) -> None:
    assert polarity.says_opposite(d, o) is says_opposite(d, o, lex), (d, o)


def test_readings_agree_with_the_plain_function_on_every_pair():
    polarity = Polarity(LEX)
    texts = TEXTS + _example_sentences()
    for d, o in itertools.product(texts, repeat=2):
        _same(d, o, LEX, polarity)


def test_readings_agree_without_the_lexicons():
    empty, polarity = Lexicons(), Polarity(Lexicons())
    for d, o in itertools.product(TEXTS, repeat=2):
        _same(d, o, empty, polarity)


_PAIRS = [p for p in LEX.get("opposite-words").phrases]
VOCAB = sorted({w for p in _PAIRS for w in re.split(r"[= ]", p) if w}
               | set("not no never cannot n't won't can't should must have been be will would is was no plans to "
                     "none nobody there it the a of sale sold selling close closed closure closes opens reopened e"
                     "d ab abe abed".split()))
WORDS = st.sampled_from(VOCAB) | st.sampled_from(["Close", "OPEN", "sta", "stayed", "staying", "keepe", "cuts", "cutting", "rises", "x"])
TEXT = st.lists(WORDS, max_size=14).map(" ".join) | st.sampled_from(TEXTS)


@settings(max_examples=400, deadline=None)
@given(st.lists(TEXT, min_size=2, max_size=6))
def test_readings_agree_on_generated_texts(texts):
    polarity = Polarity(LEX)  # one cache over several pairs, as in an article
    for d, o in itertools.product(texts, repeat=2):
        _same(d, o, LEX, polarity)
