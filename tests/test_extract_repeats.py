"""Repeated words: adjacent equal words, neighbours, and what does not count."""

from __future__ import annotations

import pytest
from factlint.extract import repeats
from factlint.lang.loader import load_default_lexicons
from factlint.text.document import Document

LEX = load_default_lexicons()


def found(text: str):
    facts = repeats.extract(Document(text), LEX)
    for f in facts:
        assert text[f.start:f.end] == f.text
        assert text[f.first.start:f.first.end] == f.first.text
        assert text[f.second.start:f.second.end] == f.second.text
        assert (f.start, f.end) == (f.first.start, f.second.end)
    return [(f.word, f.first.start, f.second.start, f.previous, f.following) for f in facts]


CASES = [
    ("He said that that there was no change.", [("that", 8, 13, "said", "there")]),
    ("The the cat sat.", [("the", 0, 4, None, "cat")]),
    ("It had had   an effect", [("had", 3, 7, "it", "an")]),
    ("He said that. That was it.", []),
    ("one, one more", []),
    ("Hi\n\nIt was\nwas fine", [("was", 7, 11, "it", "fine")]),  # one paragraph, wrapped line
    ("It was\nwas fine", []),  # no blank lines: every line is a paragraph
    ("It was\n\nwas fine", []),
    ("that that that", [("that", 0, 5, None, "that"), ("that", 5, 10, "that", None)]),
    ("We won 3 3 times", []),
    ("They don't don't go", [("don't", 5, 11, "they", "go")]),
    ("No repetition here.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_repetitions(text, expected):
    assert found(text) == expected


def test_ids_in_order():
    facts = repeats.extract(Document("a a b b"), LEX)
    assert [f.id for f in facts] == ["w1", "w2"]


def test_code_point_offsets_with_emoji_accents_and_crlf():
    text = "Café 🎉\r\n\r\nLa élite élite 😀 said said más.\r\n"
    facts = repeats.extract(Document(text), LEX)
    assert [(f.word, f.first.start, f.second.end) for f in facts] == [
        ("élite", text.index("élite"), text.index("élite") + 11),
        ("said", text.index("said"), text.index("said") + 9),
    ]
    assert facts[0].previous == "la" and facts[1].following == "más"


def test_crlf_paragraph_break_is_not_crossed():
    assert found("It was\r\n\r\nwas fine") == []


def test_lexicons_for_rules_exist():
    assert "had" in LEX.get("legit-doubles")
    assert "there" in LEX.get("pronouns-and-expletives")


def test_long_text_is_fast():
    import time

    text = "word " * 50_000
    t0 = time.perf_counter()
    facts = repeats.extract(Document(text), LEX)
    assert len(facts) == 49_999 and time.perf_counter() - t0 < 20  # a guard against a hang, not a speed target


def traits(text: str):
    return [(f.word, f.second_case, f.run, f.following) for f in repeats.extract(Document(text), LEX)]


TRAIT_CASES = [
    ("They played Gimme Gimme Gimme live.", [("gimme", "capitalized", 3, "gimme"), ("gimme", "capitalized", 3, "live")]),
    ("The the end; a a a b b.", [("the", "lower", 2, "end"), ("a", "lower", 3, "a"), ("a", "lower", 3, "b"), ("b", "lower", 2, None)]),
    ("She left her role at AT&T.", [("at", "upper", 2, "t")]),
    ("senior law lord Lord Bingham", [("lord", "capitalized", 2, "bingham")]),
    ("They came in in 1979.", [("in", "lower", 2, "1979")]),
]


@pytest.mark.parametrize("text,expected", TRAIT_CASES)
def test_case_run_and_following(text, expected):
    assert traits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'Said so.\n\n<tweet tweet-id="1"><tweet/>.',
        '<tweet tweet-author="@a" tweet-date="January 19,\n2016">x</tweet>',
        "<p p-class>text</p>",
    ],
)
def test_words_inside_markup_tags_are_not_prose(text):
    assert found(text) == []


def test_a_lone_angle_bracket_does_not_hide_prose():
    assert [w for w, *_ in found("If a < b then the the sum grows.")] == ["the"]
