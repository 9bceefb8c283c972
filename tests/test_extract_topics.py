"""Topic keys: content words, classes, entities, overlap weights, assign_topics."""

from __future__ import annotations

from pathlib import Path

import pytest
from factlint.extract.passes.topics import (
    assign_topics,
    stem,
    topic_keys,
    topic_overlap,
)
from factlint.facts.model import (
    EntityFact,
    EventFact,
    QuantityFact,
    ReportFact,
    Span,
    StatementFact,
)
from factlint.lang.loader import load_default_lexicons
from factlint.lexicon import Lexicons
from factlint.text.document import Document

LEX = load_default_lexicons()
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_548f20d3808859fa.txt"


@pytest.mark.parametrize(
    "word,expected",
    [("forces", "forc"), ("force", "forc"), ("repositioning", "reposition"), ("reposition", "reposition"),
     ("bodies", "body"), ("deployed", "deploy"), ("stopped", "stop"), ("boxes", "box"), ("prizes", "priz"),
     ("status", "status"), ("press", "press"), ("killing", "kill"),
     # a final -e goes, so the verb meets its inflections
     ("close", "clos"), ("closed", "clos"), ("closing", "clos"), ("closes", "clos"),
     ("agree", "agre"), ("agreed", "agre"), ("meetings", "meet")],
)
def test_stem(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The troops' withdrawal from Iraq's bases", {"troop", "withdraw", "iraq", "base", "class:troop-movement"}),
        ("He said it is so.", set()),
        ("US and UN forces", {"us", "un", "forc", "class:troop-movement"}),
        ("There was no change in policy", {"chang", "policy", "class:policy-change"}),
        ("The minister resigned", {"minister", "resign", "class:resignation"}),
        ("Three people were killed", {"kill", "thre", "class:casualties"}),
        # lemmas: "sold" and "sale" key as "sell", "wrote" as "write"
        ("The stadium will not be sold", {"stadium", "sell", "class:sale"}),
        ("The sale of the stadium", {"stadium", "sell", "class:sale"}),
        ("She wrote to the regulator", {"writ", "regulator", "class:correspondence"}),
        ("She denied writing to the regulator", {"deny", "writ", "regulator", "class:correspondence"}),
        ("Talks on a tie-up were delayed", {"talk", "tie", "delay", "class:deal", "class:delay", "class:meeting"}),
        ("Demand collapsed", {"demand", "collaps", "class:decline"}),
        ("The school will close", {"school", "clos", "class:closure"}),
        ("The closure of the school", {"school", "clos", "class:closure"}),
    ],
)
def test_topic_keys(text, expected):
    assert topic_keys(text, LEX) == expected


def test_topic_keys_without_lexicons():
    assert topic_keys("Forces are repositioning", Lexicons()) == {"forc", "are", "reposition"}


def test_overlap_weights():
    assert topic_overlap(["iraq", "class:troop-movement", "entity:n1"], ["iraq", "class:troop-movement", "entity:n1"]) == 5
    assert topic_overlap(["iraq"], ["force"]) == 0
    assert topic_overlap([], []) == 0


def seed_parts():
    text = SEED.read_text(encoding="utf-8")
    farah_start = text.index("\u201cThere has been") + 1
    farah_end = text.index("Security Forces,") + len("Security Forces")
    letter_start = text.index("In due deference")
    letter_end = text.index("onward movement") + len("onward movement")
    milley_start = text.index("that is not what")
    milley_end = text.index("happening", milley_start) + len("happening")
    return text, (farah_start, farah_end), (letter_start, letter_end), (milley_start, milley_end)


@pytest.mark.skipif(not SEED.is_file(), reason="seed article missing")
def test_seed_denial_and_letter_share_topic_but_milley_does_not():
    text, farah, letter, milley = (seed_parts()[0],) + seed_parts()[1:]
    keys = [sorted(topic_keys(text[s:e], LEX)) for s, e in (farah, letter, milley)]
    shared = set(keys[0]) & set(keys[1])
    assert "class:troop-movement" in shared and {"iraq", "forc"} <= shared
    assert set(keys[1]) & set(keys[2]) == set()
    assert topic_overlap(keys[2], keys[1]) == 0


def statement(text, cid, start, end, cue_start, cue_end):
    return StatementFact(id=cid, start=start, end=end, text=text[start:end], cue=Span.of(text, cue_start, cue_end),
                         content=Span.of(text, start, end))


def test_assign_topics_uses_content_and_entities_with_crlf_and_emoji():
    text = "Café 🎉\r\n\r\nNATO said forces will leave Iraq 😀. Élise Dupont resigned.\r\n"
    doc = Document(text)
    c_start = text.index("forces")
    c_end = text.index("Iraq") + 4
    cue = text.index("said")
    s = statement(text, "s1", c_start, c_end, cue, cue + 4)
    ent = EntityFact(id="n1", start=text.index("Iraq"), end=c_end, text="Iraq", name="Iraq",
                     mentions=[Span.of(text, text.index("Iraq"), c_end)])
    other = EntityFact(id="n2", start=text.index("Élise"), end=text.index("Élise") + 12, text="Élise Dupont",
                       name="Élise Dupont", mentions=[Span.of(text, text.index("Élise"), text.index("Élise") + 12)])
    event = EventFact(id="e1", start=text.index("resigned"), end=text.index("resigned") + 8, text="resigned",
                      trigger=Span.of(text, text.index("resigned"), text.index("resigned") + 8))
    q = QuantityFact(id="q1", start=0, end=4, text="Café", value=1)
    facts = [s, ent, other, event, q]
    assign_topics(doc, facts, LEX)
    assert s.topic == ["class:troop-movement", "entity:n1", "forc", "leav"]  # "Iraq" is entity:n1
    assert event.topic == ["class:resignation", "resign"]
    # names and numbers are not about a topic: they get no keys
    assert other.topic == [] and q.topic == []


def test_assign_topics_with_no_entities():
    text = "Troops left."
    facts = [EventFact(id="e1", start=0, end=11, text="Troops left", trigger=Span.of(text, 7, 11))]
    assign_topics(Document(text), facts, LEX)
    assert facts[0].topic == ["class:troop-movement", "leav", "troop"]


def test_denial_naming_a_report_shares_its_topic():
    text = "Euronext will bid for the exchange, reports say. A spokesman said the reports were speculation."
    doc = Document(text)
    r_end = text.index(", reports")
    cue = text.index("say")
    report = ReportFact(id="r1", start=0, end=cue + 3, text=text[:cue + 3], source=Span.of(text, r_end + 2, cue - 1),
                        cue=Span.of(text, cue, cue + 3), content=Span.of(text, 0, r_end))
    c_start = text.index("the reports")
    c_end = len(text) - 1
    s_cue = text.index("said")
    denial = StatementFact(id="s1", start=s_cue, end=c_end, text=text[s_cue:c_end], cue=Span.of(text, s_cue, s_cue + 4),
                           content=Span.of(text, c_start, c_end), stance="deny", target_fact="r1")
    plain = denial.model_copy(update={"id": "s2", "target_fact": None})
    assign_topics(doc, [report, denial, plain], LEX)
    assert report.topic == ["bid", "class:deal", "class:offer", "euronext", "exchang"]
    assert plain.topic == ["report", "speculation"]
    assert denial.topic == sorted(set(report.topic) | {"report", "speculation"})
