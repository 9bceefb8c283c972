"""Polarity: a denial and a text that says the opposite of what it denies agree."""

from __future__ import annotations

import pytest
from factlint.lang.loader import load_default_lexicons
from factlint.vocab.polarity import negated_predicate, says_opposite

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


# A denial said as a negated claim ("no stations would close") is contradicted
# only by a text that says the negated word is so.
@pytest.mark.parametrize("denied, predicate", [
    ("no police stations in Wessex would close", "close"),
    ("the board had not agreed to close the unit", "agreed"),
    ("The company is not for sale", "sale"),
    ("the ward won\u2019t be closed", "closed"),
    ("there was no telephone call with the mayor", "telephone"),
    ("It cannot be sold", "sold"),
    ("there are no plans to close the ward", None),  # a denial phrase makes the denial
    ("the ward would close", None),  # no negation
    ("the plan, which does not include the ward, would go ahead", None),  # not in the main clause
])
def test_negated_predicate(denied, predicate):
    assert negated_predicate(denied, LEX) == predicate


@pytest.mark.parametrize("denied, other, opposite", [
    ("no police stations in Wessex would close", "three police stations will close in May", False),
    ("the board had not agreed to close the unit", "the board agreed to close the unit in June", False),
    ("The company is not for sale", "the ferry company will be sold to a Danish group", False),  # class sale
    ("the ward would not close", "the ward will not close", True),  # both say no
    ("the ward would not close", "the ward will stay open", True),  # an opposite pair
    ("the mayor was not handcuffed at the library", "the library will close in May", True),  # nothing denied
])
def test_says_opposite_of_a_negated_claim(denied, other, opposite):
    assert says_opposite(denied, other, LEX) is opposite
