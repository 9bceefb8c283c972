"""Every word that makes a statement a denial, a confirmation or a retraction,
and every negation word, does so: generated from the stance lexicons
(rules/lexicons/attribution.rule) and pinned word lists for the negations
that live in code (engine/extract/attribution/stance.py and
engine/vocab/polarity.py).  Dropping "never" from either fails here."""

from __future__ import annotations

import pytest
from factlint.extract import negation
from factlint.extract.attribution import stance
from factlint.lang.loader import load_default_lexicons
from factlint.vocab import polarity

LEX = load_default_lexicons()


def phrases(name: str) -> list[str]:
    return sorted(set(LEX.get(name).phrases))


def _stance(cue_word: str, content: str) -> tuple[str, str | None]:
    text = f"The ministry {cue_word} that {content}."
    cue = (13, 13 + len(cue_word))
    start = text.index(content, cue[1])
    found, span = stance.stance_of(text, cue, (start, start + len(content)), LEX)
    return found, text[span[0] : span[1]] if span else None


NEUTRAL = "the port would close in May"


@pytest.mark.parametrize("verb", phrases("denial-verbs"))
def test_every_denial_verb_makes_a_denial(verb):
    assert _stance(verb, NEUTRAL) == ("deny", verb)


@pytest.mark.parametrize("verb", phrases("confirm-verbs"))
def test_every_confirm_verb_makes_a_confirmation(verb):
    assert _stance(verb, NEUTRAL) == ("confirm", verb)


@pytest.mark.parametrize("phrase", phrases("denial-phrases"))
def test_every_denial_phrase_makes_a_denial(phrase):
    assert _stance("said", f"the report was {phrase} about the port") == ("deny", phrase)
    assert _stance("confirmed", f"the report was {phrase} about the port")[0] == "deny"  # the content wins over the cue


@pytest.mark.parametrize("phrase", phrases("retraction-phrases"))
def test_every_retraction_phrase_makes_a_retraction(phrase):
    assert _stance("denied", f"the letter {phrase} today") == ("retract", phrase)


def test_a_plain_statement_asserts():
    assert _stance("said", NEUTRAL) == ("assert", None)


# ------------------------------------------------ negations in negation.py
#: auxiliaries after which "not" or "never" negates a main clause.  Pinned here.
AUXILIARIES = "is are was were am be been will would shall should can could may might must do does did has have had".split()
NEGATIONS = ["not", "never"]
CONTRACTIONS = ["isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "shouldn't", "can't", "couldn't", "mustn't",
                "don't", "doesn't", "didn't", "hasn't", "haven't", "hadn't", "cannot", "isn\u2019t", "won\u2019t"]
NEGATIVE_SUBJECTS = ["no", "nobody", "nothing", "none", "neither"]


def _negation(content: str) -> str | None:
    span = negation.negated_claim(content, (0, len(content)), LEX)
    return content[span[0] : span[1]] if span else None


def test_the_negation_tables_are_pinned():
    assert negation._AUXILIARIES == frozenset(AUXILIARIES)
    assert negation._NEGATIVE_SUBJECTS == frozenset(NEGATIVE_SUBJECTS)


@pytest.mark.parametrize("aux", AUXILIARIES)
@pytest.mark.parametrize("negation", NEGATIONS)
def test_not_and_never_after_every_auxiliary(aux, negation):
    assert _negation(f"the board {aux} {negation} agreed to close the unit") == f"{aux} {negation}"


@pytest.mark.parametrize("negation", NEGATIONS)
def test_not_and_never_without_an_auxiliary_negate_nothing(negation):
    assert _negation(f"the board {negation} agreed to close the unit") is None


@pytest.mark.parametrize("word", CONTRACTIONS)
def test_every_negated_auxiliary(word):
    assert _negation(f"the board {word} agree to close the unit") == word


@pytest.mark.parametrize("word", NEGATIVE_SUBJECTS)
def test_every_negative_subject(word):
    assert _negation(f"{word} of the stations would close") == word
    assert _negation(f"there would be {word} closures") == word
    assert _negation(f"the plan {word} stations") is None  # not a subject


@pytest.mark.parametrize("phrase", phrases("non-denial-negations"))
def test_a_negation_followed_by_a_non_denial_word_denies_nothing(phrase):
    assert _negation(f"the board would not {phrase} the plan") is None
    assert _negation("the board would not close the plan") == "would not"


@pytest.mark.parametrize("limit", ["before", "until", "till", "unless", "without", "except"])
def test_a_negation_limited_by_a_condition_or_time_denies_nothing(limit):
    assert _negation(f"the ward would not close {limit} May") is None


@pytest.mark.parametrize("content, negation", [
    ("the ward would not close?", None),  # a question
    ("the plan that would not close the ward went ahead", None),  # in a subordinate clause
    ("one two three four five six seven eight nine ten eleven twelve would not close", "would not"),  # "not" is the 14th word
    ("one two three four five six seven eight nine ten eleven twelve thirteen would not close", None),  # the 15th
    ("the ward would not.", None),  # nothing follows
])
def test_where_a_negation_counts(content, negation):
    assert _negation(content) == negation


# ------------------------------------------------ negations in polarity.py
#: words that negate the word after them (at most three words on, with only
#: auxiliaries or "plans to" between).  Pinned here.
POLARITY_NEGATIONS = ["not", "no", "never", "cannot"]


def test_the_polarity_negations_are_pinned():
    assert polarity._NEGATIONS == frozenset(POLARITY_NEGATIONS)
    assert polarity._NEGATIVE_SUBJECTS == frozenset(NEGATIVE_SUBJECTS)
    assert (polarity._NEGATION_REACH, polarity._MAX_SUFFIX, polarity._CLAUSE_WORDS) == (3, 3, 14)


@pytest.mark.parametrize("negation", POLARITY_NEGATIONS + ["won't", "wouldn\u2019t", "isn't"])
def test_every_negation_word_says_the_opposite(negation):
    other = f"the ward {negation} close" if negation in ("cannot", "no") or "'" in negation or "\u2019" in negation else f"the ward will {negation} close"
    assert polarity.says_opposite("the ward would close", other, LEX)
    assert not polarity.says_opposite("the ward would close", "the ward will close", LEX)


@pytest.mark.parametrize("between, negated", [
    ("", True), ("be ", True), ("be very ", False), ("have been ", True), ("plans to ", True), ("have been being ", False),
])
def test_a_negation_reaches_three_words_of_auxiliaries(between, negated):
    other = f"the ward will not {between}close"
    assert polarity.says_opposite("the ward would close", other, LEX) is negated


@pytest.mark.parametrize("modal", ["should", "must", "ought"])
def test_a_negation_after_a_modal_of_obligation_says_it_is_so(modal):
    assert not polarity.says_opposite("the firms were allowed to cut", f"firms {modal} not be allowed to cut", LEX)


@pytest.mark.parametrize("word, stem, same", [
    ("close", "closed", True), ("close", "closing", True), ("close", "closure", True), ("close", "closures", True), ("cut", "cutters", False),
    ("cut", "cuts", True), ("up", "ups", False), ("open", "opened", True), ("close", "cabin", False), ("close", "clamp", False),
])
def test_words_match_by_prefix_with_at_most_three_more_letters(word, stem, same):
    assert polarity._same(word, stem) is same
    assert polarity._same(stem, word) is same


@pytest.mark.parametrize("negation", ["not", "never", "n't"])
def test_every_negation_makes_a_negated_predicate(negation):
    denied = f"the board had {negation} agreed to close the unit" if negation != "n't" else "the board hadn't agreed to close the unit"
    assert polarity.negated_predicate(denied, LEX) == "agreed"
    assert polarity.negated_predicate("the board had agreed to close the unit", LEX) is None


@pytest.mark.parametrize("subject", NEGATIVE_SUBJECTS)
def test_every_negative_subject_makes_a_negated_predicate(subject):
    assert polarity.negated_predicate(f"{subject} of the stations would close", LEX) == "close"


@pytest.mark.parametrize("denied, predicate", [
    ("the plan had not been going to have been agreed", "agreed"),  # six words on: the last one read
    ("the plan had not been going to have been to agree", None),  # seven: too far
    ("the ward would not go", None),  # a two-letter word is no predicate
    ("the ward would not ban it", "ban"),
])
def test_the_negated_predicate_is_the_next_content_word_within_six(denied, predicate):
    assert polarity.negated_predicate(denied, LEX) == predicate


def test_a_negative_subject_s_predicate_is_the_very_next_word_when_no_auxiliary_follows():
    assert polarity.negated_predicate("no going back for the board", LEX) == "going"


@pytest.mark.parametrize("other, opposite", [
    ("must not close", False),  # an obligation at the very start
    ("not close, as they must", True),  # the text's last word is no obligation before the negation
])
def test_an_obligation_is_read_only_right_before_the_negation(other, opposite):
    assert polarity.says_opposite("the ward would close", other, LEX) is opposite


def test_a_word_in_e_matches_an_inflection_of_its_own_length():
    assert polarity._same("lose", "lost") and polarity._same("close", "closd")
