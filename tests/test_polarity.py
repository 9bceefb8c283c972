"""Polarity: a denial and a text that says the opposite of what it denies agree."""

from __future__ import annotations

import pytest

from factlint.lang.loader import load_default_lexicons
from factlint.vocab.polarity import says_opposite

LEX = load_default_lexicons()


@pytest.mark.parametrize("denied, other, opposite", [
    ("the maternity ward would close", "The maternity ward will stay open through the winter", True),
    ("the ward would close", "the ward will not close", True),  # a negation of the same word
    ("the ward would close", "The ward won\u2019t be closed", True),  # n't, an inflection
    ("fares would rise", "fares will fall next year", True),
    ("the ward would close", "the ward will close in May", False),  # the same claim: a conflict
    ("there are no plans to close the ward", "the ward will close in May", False),  # the denial carries the negation
    ("the ward would close", "staff were told to find new jobs", False),  # no opposite at all
    ("the ward would close and reopen", "the ward will close and reopen", False),  # both sides in both
])
def test_says_opposite(denied, other, opposite):
    assert says_opposite(denied, other, LEX) is opposite


def test_without_the_lexicon_only_negations_count():
    from factlint.lexicon import Lexicons

    assert says_opposite("the ward would close", "the ward will not close", Lexicons())
    assert not says_opposite("the ward would close", "the ward will stay open", Lexicons())


def test_should_not_have_is_no_negation_of_the_fact():
    assert not says_opposite("the law had allowed firms to cut premiums",
                             "firms should not have been allowed to cut premiums", LEX)
