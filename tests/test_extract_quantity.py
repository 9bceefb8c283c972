"""Quantity extraction: figures, ranges, approximators, units, counted nouns, exclusions."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from corpus_dir import CORPUS, SKIP_REASON
from factlint.extract import quantity
from factlint.lang.loader import load_default_lexicons
from factlint.lexicon import Lexicons
from factlint.text.document import Document

LEX = load_default_lexicons()


def quantities(text: str, lex: Lexicons = LEX):
    facts = quantity.extract(Document(text), lex)
    for f in facts:
        assert text[f.start:f.end] == f.text
        for span in (f.noun, f.figure):
            if span is not None:
                assert text[span.start:span.end] == span.text == span.text.strip()
                assert f.start <= span.start and span.end <= f.end
    return facts


def summary(f):
    return (f.text, f.value, f.value_high, f.approx, f.unit, f.noun_key)


CASES = [
    ("Over 5,000 UN troops are stationed there.", [("Over 5,000 UN troops", 5000, None, "over", None, "troop")]),
    ("About 3,000 American soldiers left.", [("About 3,000 American soldiers", 3000, None, "about", None, "troop")]),
    ("It sent more than 200 people home.", [("more than 200 people", 200, None, "over", None, "people")]),
    ("Fewer than 40 nurses came.", [("Fewer than 40 nurses", 40, None, "under", None, "nurse")]),
    ("It had almost 70 votes.", [("almost 70 votes", 70, None, "nearly", "votes", "vote")]),
    ("Roughly 12 ships sank.", [("Roughly 12 ships", 12, None, "about", None, "ship")]),
    ("Up to eight new resorts.", [("Up to eight new resorts", 8, None, "up to", None, "resort")]),
    ("Some 83 MPs spoke.", [("Some 83 MPs", 83, None, "some", None, "mp")]),
    ("At least twenty-one bodies were found.", [("At least twenty-one bodies", 21, None, "at least", None, "body")]),
    ("Profits fell 3.5% last year.", [("3.5%", 3.5, None, None, "percent", None)]),
    ("It won 40 per cent of the seats.", [("40 per cent of the seats", 40, None, None, "percent", "seat")]),
    ("A bill for $5m was sent.", [("$5m", 5e6, None, None, "USD", None)]),
    ("It costs £3bn a year.", [("£3bn", 3e9, None, None, "GBP", None)]),
    ("They paid 5 million euros.", [("5 million euros", 5e6, None, None, "EUR", None)]),
    ("Shares rose four pence.", [("four pence", 0.04, None, None, "GBP", None)]),
    ("It is 1.2m people.", [("1.2m people", 1.2e6, None, None, None, "people")]),
    ("between 200 and 300 people", [("200 and 300 people", 200, 300, None, None, "people")]),
    ("200-300 protesters gathered.", [("200-300 protesters", 200, 300, None, None, "protester")]),
    ("from 200 to 300 guests", [("200", 200, None, None, None, None), ("300 guests", 300, None, None, None, "guest")]),
    ("a 3% to 3.5% rise", [("3% to 3.5%", 3, 3.5, None, "percent", None)]),
    ("2 to 3 million viewers", [("2 to 3 million viewers", 2e6, 3e6, None, None, "viewer")]),
    ("hundreds of refugees", [("hundreds of refugees", 200, None, "at least", None, "refugee")]),
    ("tens of thousands of fans", [("tens of thousands of fans", 20000, None, "at least", None, "fan")]),
    ("a dozen eggs", [("a dozen eggs", 12, None, "about", None, "egg")]),
    ("close to half a trillion euros", [("close to half a trillion euros", 5e11, None, "nearly", "EUR", None)]),
    ("the 100,000 or so cafes", [("100,000 or so cafes", 1e5, None, "about", None, "cafe")]),
    ("one million or more", [("one million or more", 1e6, None, "at least", None, None)]),
    ("a 6,000-strong community", [("6,000-strong community", 6000, None, None, None, "community")]),
    ("a 50-family village", [("50-family", 50, None, None, None, "family")]),
    ("She cleared 4.89 metres.", [("4.89 metres", 4.89, None, None, "m", None)]),
    ("He won the 100m final.", [("100m", 100, None, None, "m", None)]),
    ("a laptop for sub-$100", [("sub-$100", 100, None, "under", "USD", None)]),
    ("by 215 votes to 210", [("215 votes", 215, None, None, "votes", "vote"), ("210", 210, None, None, "votes", None)]),
    ("Lantern: two Lantern Book Prizes.", [("two Lantern Book Prizes", 2, None, None, None, "prize")]),
]

NOT_COUNTS = [
    "It happened in 2019.",
    "They met on January 3 and 3 January.",
    "The talks start at 3pm or 10:30.",
    "A 54-year-old man was held.",
    "John Smith, 54, said so.",
    "She was aged 34.",
    "Leeds voted 52-48 and won 3-1.",
    "It was the third attempt.",
    "Call 0800 555 0199 now.",
    "It is one of the best.",
    "He went to No. 10 and read page 5.",
    "It was popular in the 1990s and the mid-70s.",
    "They watched Channel 4 and the Kelso Four.",
    "It lasted three months and two successive quarters.",
    "Two thirds of voters agreed.",
    "It made the top 10 again.",
    "It is 10 times faster.",
    "The 2-1 decision stood.",
    "one in five adults",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_quantities(text, expected):
    got = [summary(f) for f in quantities(text)]
    assert got == [(t, pytest.approx(v), h if h is None else pytest.approx(h), a, u, k) for t, v, h, a, u, k in expected]


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_counts(text):
    assert [f.text for f in quantities(text)] == []


def test_noun_modifiers_and_shared_key():
    a, b, c = quantities("5,000 US troops and 3,000 US troops and 4,000 troops.")
    assert (a.noun_key, a.noun_modifiers) == ("troop", ["us"])
    assert b.noun_key == c.noun_key == "troop" and c.noun_modifiers == []


def test_exact_spans_ids_and_headline():
    text = "Ministry sends 5,000 troops\n\nNearly 4,500 soldiers arrived."
    facts = quantities(text)
    assert [f.id for f in facts] == ["q1", "q2"]
    first, second = facts
    assert (first.start, first.end, first.figure.start, first.figure.end) == (15, 27, 15, 20)
    assert (first.noun.start, first.noun.end, first.noun.text) == (21, 27, "troops")
    assert (second.start, second.end, second.text, second.approx) == (29, 50, "Nearly 4,500 soldiers", "nearly")


def test_code_point_offsets_with_emoji_accents_and_crlf():
    text = "Café 🎉 news\r\n\r\nThe élite unit sent über 1.500 — no: 2,500 señores 😀 and 12% más.\r\n"
    facts = quantities(text)
    by_text = {f.figure.text: f for f in facts}
    f = by_text["2,500"]
    assert (f.figure.start, f.figure.end) == (text.index("2,500"), text.index("2,500") + 5)
    assert f.noun.text == "señores" and f.noun.start == text.index("señores")
    assert by_text["12%"].start == text.index("12%")


def test_degrades_without_lexicons():
    facts = quantities("It sent over 5,000 troops and $5m.", Lexicons())
    assert [(f.figure.text, f.value, f.unit) for f in facts] == [("5,000", 5000, None), ("$5m", 5e6, "USD")]
    assert facts[0].approx is None


def test_a_long_text_finishes():
    """A guard against a hang or a quadratic path, not a speed target (that is
    bench/speed.py): 1.2 MB of text with a figure every 41 words."""
    big = ("word " * 40 + "5 ") * 4000 + "x" * 200_000
    t0 = time.perf_counter()
    facts = quantity.extract(Document(big), LEX)
    assert time.perf_counter() - t0 < 120
    assert len(facts) == 4000 and {f.value for f in facts} == {5} and facts[-1].figure.start == big.rindex("5 ")


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason=SKIP_REASON)
def test_bbc_labels_precision_recall():
    labels = json.loads((Path(__file__).resolve().parents[1] / "bench" / "quantity_labels.json").read_text())
    tp = pred = gold = 0
    for art in labels["articles"]:
        path = CORPUS / art["file"]
        if not path.is_file():
            pytest.skip("corpus incomplete")
        facts = [f for f in quantities(path.read_text(encoding="utf-8")) if f.unit is None or f.unit in
                 ("percent", "votes") or (len(f.unit) == 3 and f.unit.isupper())]
        golds = art["quantities"]
        gold += len(golds)
        pred += len(facts)
        tp += sum(any(f.figure.start < g["end"] and g["start"] < f.figure.end for f in facts) for g in golds)
    assert tp / pred >= 0.9 and tp / gold >= 0.8


DEFINITE_CASES = [
    ("The storm killed 23 people. Later the 32 people were buried.", [False, True]),
    ("Five of the 23 people were children.", [False, False]),
    ("The 40 people who fled returned.", [False]),
    ("All 12 ships sank, and those 12 ships were old.", [False, True]),
    ("The roughly 40 people left.", [False]),
]


@pytest.mark.parametrize("text,expected", DEFINITE_CASES)
def test_definite_restatements(text, expected):
    assert [f.definite for f in quantities(text)] == expected


def test_noun_phrase_module_reads_the_counted_noun():
    from factlint.extract.quantity import noun as quantity_noun

    [f] = quantities("They hired 300 more café workers 😀 in 2019.")
    assert (f.noun.text, f.noun_key, f.noun_modifiers) == ("café workers", "worker", ["café"])
    assert "thirds" in quantity_noun.FRACTIONS


@pytest.mark.parametrize("text, definite", [
    ("The floods killed 23 people. Officials said the 32 people had been swept away.", True),
    ("The crash killed 23 people. Doctors said the 30 people injured were stable.", False),
    ("The crash killed 23 people. Police said the 20 people arrested were released.", False),
    ("The crash killed 23 people. Doctors said the 30 people in hospital were stable.", False),
    ("The crash killed 23 people. Doctors said the 30 people who were hurt were stable.", False),
])
def test_a_restated_count_is_not_picked_out_by_what_follows(text, definite):
    from factlint.extract import quantity as quantity_extractor

    facts = quantity_extractor.extract(Document(text), load_default_lexicons())
    assert facts[-1].definite is definite


def test_the_pipeline_drops_numbers_read_as_ages_and_renumbers():
    from factlint.extract.pipeline import extract_facts

    text = "The blast killed Ruth Obi, 62. Tom Ode is 45. Officials said 300 homes were hit and 12 schools shut."
    facts = extract_facts(Document(text), load_default_lexicons()).facts
    assert sorted(f.age for f in facts if f.kind == "age") == [45, 62]
    quantities = [f for f in facts if f.kind == "quantity"]
    assert [(q.id, q.value) for q in quantities] == [("q1", 300), ("q2", 12)]


# What happened to what a figure counts (action, action_key) and what a bare
# figure measures: (sentence, figure as written, action, action_key, measure).
ACTION_CASES = [
    # after the figure or its noun, past auxiliaries, "who", belief verbs
    ("Fourteen people were killed on Monday.", "Fourteen", "killed", "death", None),
    ("Fourteen people were killed and 20 injured.", "20", "injured", "injury", None),
    ("Three people are feared dead.", "Three", "dead", "death", None),
    ("Twelve people who died were named.", "Twelve", "died", "death", None),
    ("Police said 12 people were thought to have been killed.", "12", "killed", "death", None),
    ("Storm leaves 3 dead", "3", "dead", "death", None),
    # before the figure: a verb, or a verb and to/by/at/from
    ("Bus crash kills 12", "12", "kills", "death", None),
    ("The blast killed at least 14 people.", "14", "killed", "death", None),
    ("The firm sold 3,000 cars and cut 200 jobs.", "3,000", "sold", "sale", None),
    ("The firm sold 3,000 cars and cut 200 jobs.", "200", "cut", "cut", None),
    ("The charity raised £5m.", "£5m", "raised", "raise", None),
    # the measure of a figure without a counted noun
    ("The death toll rose to 15 on Tuesday.", "15", "rose", "rise", "death toll"),
    ("Unemployment rose to 5.2% in March.", "5.2%", "rose", "rise", "Unemployment"),
    ("The jobless rate fell to 4.9%.", "4.9%", "fell", "fall", "jobless rate"),
    ("Sales rose 5% last year.", "5%", "rose", "rise", "Sales"),
    ("Voters turned out in force, with a turnout of 64%.", "64%", None, None, "turnout"),
    ("With inflation at 3%, prices held.", "3%", None, None, "inflation"),
    # nothing to say: no action word, or punctuation in between
    ("The hall seats 300 people.", "300", None, None, None),
    ("It happened on the A1, 12 miles north.", "12 miles", None, None, None),
    ("Injured, 12 people lay on the road.", "12", None, None, None),
]


@pytest.mark.parametrize("text, figure, action, key, measure", ACTION_CASES, ids=[f"{c[0][:40]}|{c[1]}" for c in ACTION_CASES])
def test_action_and_measure(text, figure, action, key, measure):
    [q] = [q for q in quantities(text) if q.figure is not None and q.figure.text == figure]
    assert (q.action.text if q.action else None, q.action_key, q.measure.text if q.measure else None) == (action, key, measure)
    for span in (q.action, q.measure):
        assert span is None or text[span.start:span.end] == span.text


def test_a_user_lexicon_adds_action_words_and_keys():
    lex = load_default_lexicons()
    lex.extend("quantity-action-words", ["evacuates"])
    lex.extend("quantity-action-keys", ["evacuat*=evacuation"])
    [q] = quantities("Town evacuates 300 homes", lex)
    assert (q.action.text, q.action_key) == ("evacuates", "evacuation")


@pytest.mark.parametrize("text, figure", [
    ("The bill was backed, according to 12 senators.", "12 senators"),
    ("The bus carried 40 people, including 30 children.", "30 children"),
])
def test_a_participle_that_is_a_preposition_is_no_action(text, figure):
    [q] = [q for q in quantities(text) if q.figure is not None and q.text.endswith(figure)]
    assert q.action is None
