"""Document structure and positions: code-point offsets, 1-based lines and
columns, CRLF kept, emoji and accents counted as one code point each."""

from __future__ import annotations

import pytest
from factlint.text.document import Document, split_sentences
from factlint.text.words import Words

CRLF_TEXT = "Café opens 🎉\r\n\r\nMs Zoë Ngata, 54, said: «Ça va».\r\nThe café closed on Jan. 3. It reopened.\r\n"


def test_positions_count_code_points_and_keep_crlf():
    doc = Document(CRLF_TEXT)
    zoe = CRLF_TEXT.index("Zoë")
    assert doc.position(zoe) == (3, 4)
    party = CRLF_TEXT.index("🎉")
    assert doc.position(party) == (1, 12)
    assert doc.position(party + 1) == (1, 13)  # the emoji is one code point
    assert doc.line_text(1) == "Café opens 🎉"
    assert doc.line_text(3) == "Ms Zoë Ngata, 54, said: «Ça va»."
    assert doc.line_count == 5


def test_lone_cr_and_lf_both_break_lines():
    doc = Document("a\rb\nc")
    assert [doc.position(i) for i in range(5)] == [(1, 1), (1, 2), (2, 1), (2, 2), (3, 1)]


def test_paragraphs_by_blank_lines_and_headline():
    doc = Document(CRLF_TEXT)
    texts = [CRLF_TEXT[p.start : p.end] for p in doc.paragraphs]
    assert texts == ["Café opens 🎉", "Ms Zoë Ngata, 54, said: «Ça va».\r\nThe café closed on Jan. 3. It reopened."]
    assert doc.headline is not None and doc.headline.index == 0
    assert doc.in_headline(2) and not doc.in_headline(CRLF_TEXT.index("Zoë"))


def test_paragraphs_are_lines_when_there_are_no_blank_lines():
    doc = Document("Headline here\nFirst paragraph.\nSecond paragraph.")
    assert [doc.text[p.start : p.end] for p in doc.paragraphs] == ["Headline here", "First paragraph.", "Second paragraph."]


def test_no_headline_for_a_single_paragraph():
    assert Document("Just one line of text.").headline is None


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("He left. She stayed.", ["He left.", "She stayed."]),
        ("Mr. Smith met Gen. Ruiz. They talked.", ["Mr. Smith met Gen. Ruiz.", "They talked."]),
        ("It was Jan. 3, 2020. Then it rained.", ["It was Jan. 3, 2020.", "Then it rained."]),
        ('"We won," he said. "Again."', ['"We won," he said.', '"Again."']),
        ("The U.S. Army said so. Fine.", ["The U.S. Army said so.", "Fine."]),
        ("William J. Clinton spoke. Yes.", ["William J. Clinton spoke.", "Yes."]),
    ],
)
def test_sentences(text, sentences):
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == sentences


def test_sentence_and_paragraph_lookup():
    doc = Document(CRLF_TEXT)
    closed = CRLF_TEXT.index("closed")
    sent = doc.sentence_at(closed)
    assert CRLF_TEXT[sent.start : sent.end] == "The café closed on Jan. 3."
    assert doc.paragraph_at(closed).index == 1


def test_words_have_exact_spans():
    words = Words.of(CRLF_TEXT)
    for start, end, raw in zip(words.start, words.end, words.raw):
        assert CRLF_TEXT[start:end] == raw
    assert "Zoë" in words.raw
    assert [CRLF_TEXT[s:e] for s, e in zip(words.start, words.end)] == words.raw


@pytest.mark.parametrize(
    "text, standfirst",
    [
        ("Port to close\n\nThe port will close in May, its owner said.\n\nIt employs 300 people.", "The port will close in May, its owner said."),
        # a long first paragraph is the story's opening, not a standfirst
        ("Port to close\n\n" + "One. Two. Three.\n\nMore.", None),
        ("Port to close\n\n" + " ".join(["word"] * 61) + ".\n\nMore.", None),
        # no paragraph after it: the article is headline and one paragraph
        ("Port to close\n\nThe port will close in May.", None),
        # no headline, no standfirst
        ("The port will close in May, its owner said on a long day of talks that went on. And more text.\n\nA.\n\nB.", None),
    ],
)
def test_standfirst_is_the_short_paragraph_under_the_headline(text, standfirst):
    doc = Document(text)
    block = doc.standfirst
    assert (text[block.start : block.end] if block else None) == standfirst
    if block:
        assert doc.in_standfirst(block.start) and not doc.in_standfirst(block.end)


@pytest.mark.parametrize(
    "text, standfirst, first",
    [
        ("Head\n\nShort standfirst. Two sentences.\n\nBody.", "Short standfirst. Two sentences.", "Short standfirst. Two sentences."),
        # three sentences: no standfirst, but still the first paragraph
        ("Head\n\nOne. Two. Three.\n\nBody.", None, "One. Two. Three."),
        # nothing follows the paragraph after the headline
        ("Head\n\nOnly paragraph.", None, "Only paragraph."),
        # no headline: no standfirst; the first paragraph is the first of all
        ("A long first line that ends like a sentence and runs on for more than fifteen words in all.\n\nBody.", None,
         "A long first line that ends like a sentence and runs on for more than fifteen words in all."),
    ],
)
def test_standfirst_and_first_paragraph(text, standfirst, first):
    doc = Document(text)
    assert (None if doc.standfirst is None else text[doc.standfirst.start : doc.standfirst.end]) == standfirst
    assert text[doc.first_paragraph.start : doc.first_paragraph.end] == first
