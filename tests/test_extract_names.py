"""Name mentions that are not a misspelling of anyone: "[sic]", credits, places.

A name the writer marks "[sic]" keeps a source's spelling on purpose; a name
glued to a slash is a photo credit or a profile handle, not prose; a
multi-word place whose first word is also a first name ("Rio de Janeiro")
is a place.  Each case checks the entity facts and that the name-spelling
rule stays quiet, and the offsets are code points into the text as read.
"""

from __future__ import annotations

import factlint
import pytest
from factlint.extract import people
from factlint.facts.model import EntityFact
from factlint.lang.loader import load_default_lexicons
from factlint.text.document import Document

LEX = load_default_lexicons()


def entities(text: str) -> dict[str, EntityFact]:
    facts = [f for f in people.extract(Document(text), LEX) if isinstance(f, EntityFact)]
    for f in facts:
        for s in f.mentions:
            assert text[s.start : s.end] == s.text
    return {f.name: f for f in facts}


def spelling_findings(text: str) -> list:
    return [f for f in factlint.check_text(text).findings if f.rule == "people/name-spelling"]


@pytest.mark.parametrize("mark", ["[sic]", "(sic)", "[SIC]"])
def test_a_name_marked_sic_is_kept_and_flagged(mark: str) -> None:
    text = f"Deal\n\nHe attacked \u201cAnna Correy\u2019s {mark} career.\u201d Anna Corey is the prosecutor.\n"
    found = entities(text)
    assert found["Anna Correy"].marked_sic and not found["Anna Corey"].marked_sic
    assert spelling_findings(text) == []


def test_sic_elsewhere_does_not_excuse_a_misspelling() -> None:
    text = "Deal\n\nAnna Correy spoke first. Anna Corey said the \u201cthier [sic]\u201d sign was wrong.\n"
    found = entities(text)
    assert not found["Anna Correy"].marked_sic
    assert len(spelling_findings(text)) == 1


@pytest.mark.parametrize(
    "credit",
    ["LinkedIn/Geert Supre.", "Photo: Geert Supre/Reuters", "Reuters/Geert Supre"],
)
def test_a_name_glued_to_a_slash_is_a_credit(credit: str) -> None:
    text = f"Crash victims\n\nGeert Supr\u00e9, 56, worked in finance.\n\n{credit}\n\nSupr\u00e9 lived in Belgium.\n"
    found = entities(text)
    assert "Geert Supre" not in found
    assert spelling_findings(text) == []


def test_a_credit_does_not_hide_the_same_misspelling_in_prose() -> None:
    text = "Crash victims\n\nGeert Supr\u00e9, 56, worked in finance.\n\nColleagues said Geert Supre was kind.\n"
    assert len(spelling_findings(text)) == 1


def test_a_city_opening_with_a_first_name_is_a_place() -> None:
    text = (
        "Jobs\r\n\r\nAn economist \U0001f4c8 in Rio de Janeir, Jos\u00e9 Lima, told reporters.\r\n\r\n"
        "Rates rose in Sao Paulo, Rio de Janeiro and Recife.\r\n"
    )
    found = entities(text)
    rio = found["Rio de Janeiro"]
    assert rio.entity_type == "place"
    start = text.index("Rio de Janeiro")
    assert (rio.mentions[0].start, rio.mentions[0].end) == (start, start + len("Rio de Janeiro"))
    assert spelling_findings(text) == []


def test_a_person_named_like_a_city_with_a_title_is_still_a_person() -> None:
    text = "Team news\n\nDefender Rio Ferdinand is fit. Coach Ann Lee said Ferdinand would start.\n"
    assert entities(text)["Rio Ferdinand"].entity_type == "person"


@pytest.mark.parametrize(
    "text",
    [
        "Siblings win\n\nMaria Gonzalez and her brother, Mario Gonzalez, won.\n\nMario Gonzalez said it was hard.\n",
        "Cousins win\n\nCarla Benton won the race.\n\nHer cousin Carlo Benton said it was hard.\n",
    ],
)
def test_one_letter_apart_first_names_of_two_people_pass(text: str) -> None:
    assert spelling_findings(text) == []


def test_named_with_lists_same_surname_entities_of_one_sentence() -> None:
    text = "Siblings\n\nMaria Gonzalez and Mario Gonzalez won. Later Mario Gonzalez spoke.\n"
    found = entities(text)
    maria, mario = found["Maria Gonzalez"], found["Mario Gonzalez"]
    assert maria.named_with == [mario.id] and mario.named_with == [maria.id]


def test_same_gender_first_names_one_letter_apart_still_fire() -> None:
    text = "Winner named\n\nDaniel Marston won the race.\n\nDaniele Marston said it was hard.\n"
    assert len(spelling_findings(text)) == 1


def test_a_titled_surname_goes_to_the_namesake_with_that_title() -> None:
    text = (
        "Lawmakers split\n\nSen. Ruth Cole and her husband, Rep. Daniel Cole, split.\n\n"
        "Rep. Cole backs the bill. Sen. Cole said she would vote against it.\n"
    )
    found = entities(text)
    assert "Sen. Cole" in found["Ruth Cole"].aliases and "Rep. Cole" in found["Daniel Cole"].aliases
    assert [f for f in factlint.check_text(text).findings if f.rule == "people/title-mismatch"] == []


def test_a_person_is_cited_where_the_body_gives_the_full_name() -> None:
    text = "Ram\u00edrez fined\r\n\r\nThe judge fined Jos\u00e9 Ram\u00edrez on Monday. Jos\u00e9 Ramires, 41, paid.\r\n"
    (finding,) = spelling_findings(text)
    first = finding.citations[0]
    assert (first.start, first.text, first.line) == (text.index("Jos\u00e9 Ram\u00edrez"), "Jos\u00e9 Ram\u00edrez", 3)


def test_titles_of_a_surname_shared_by_two_people_are_about_no_one() -> None:
    text = (
        "Coles split\r\n\r\nRuth Cole and her husband, Daniel Cole, split. \U0001f5f3\ufe0f\r\n\r\n"
        "Sen. Cole backs the bill. Rep. Cole said she would vote against it.\r\n"
    )
    facts = factlint.extract(text).facts
    shared = [f for f in facts if f.kind == "entity" and f.shared_surname]
    assert [f.name for f in shared] == ["Cole"]
    roles = [f for f in facts if f.kind == "role"]
    assert [r.title.text for r in roles] == ["Sen", "Rep"] and all(r.person_entity is None for r in roles)
    assert [f for f in factlint.check_text(text).findings if f.rule == "people/title-mismatch"] == []
