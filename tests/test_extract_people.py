"""Tests for the people extractor (entities, roles, ages) and the link pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from factlint.extract import people
from factlint.extract.passes import link
from factlint.facts.model import (
    AgeFact,
    DocumentFact,
    EntityFact,
    RoleFact,
    Span,
    StatementFact,
)
from factlint.lang.loader import load_default_lexicons
from factlint.lexicon import Lexicons
from factlint.text.document import Document

REPO = Path(__file__).resolve().parents[1]
LEX = load_default_lexicons()


def run(text: str, lex: Lexicons = LEX) -> list:
    facts = people.extract(Document(text), lex)
    check_spans(text, facts)
    return facts


def check_spans(text: str, facts: list) -> None:
    for f in facts:
        spans = [f.cite_span()]
        for name in ("person", "title", "org", "expression"):
            s = getattr(f, name, None)
            if s is not None:
                spans.append(s)
        spans.extend(getattr(f, "mentions", []))
        for s in spans:
            assert text[s.start : s.end] == s.text and s.text == s.text.strip(), (f.id, s)
        assert text[f.start : f.end] == f.text


def kind(facts: list, k: str) -> list:
    return [f for f in facts if f.kind == k]


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle), needle


def triple(s: Span | None):
    return None if s is None else (s.start, s.end, s.text)


# -- roles -----------------------------------------------------------------
ROLE_CASES = [
    # (text, person, title, org, former, change)
    ("The agency's Press Secretary Dana Pilo said on Monday it was false.", "Dana Pilo", "Press Secretary", None, False, False),
    ("Harbour Board chairman Mr Quill spoke first.", "Mr Quill", "chairman", "Harbour Board", False, False),
    ("Ravi Dossa, the chairman of the Northfield Water Board, disagreed.", "Ravi Dossa", "chairman", "Northfield Water Board", False, False),
    ("Tessa Marlow, chief executive of Brightwell, declined to comment.", "Tessa Marlow", "chief executive", "Brightwell", False, False),
    ("Tessa Marlow, Brightwell's chief executive, declined to comment.", "Tessa Marlow", "chief executive", "Brightwell", False, False),
    ("Norland's foreign minister Anna Vint arrived late.", "Anna Vint", "foreign minister", "Norland", False, False),
    ("The chairman of the Kestrel Group, Omar Fenn, said so.", "Omar Fenn", "chairman", "Kestrel Group", False, False),
    ("Jo Pratt, who is deputy director of the museum, agreed.", "Jo Pratt", "deputy director", "museum", False, False),
    ("Former Redvale manager Carl Ibbot was there.", "Carl Ibbot", "manager", "Redvale", True, False),
    ("Pia Laine became chief executive in May.", "Pia Laine", "chief executive", None, False, True),
    ("Lars Ekholm was named manager of Rovers on Friday.", "Lars Ekholm", "manager", "Rovers", False, True),
    ("Mo Kell succeeded Ian Dray as chairman last year.", "Mo Kell", "chairman", None, False, True),
    ("Labour's Ann Quist, a Labour MP, spoke.", "Ann Quist", "MP", "Labour", False, False),
    ("It was left to Ann Quist MP to reply.", "Ann Quist", "MP", None, False, False),
    ("Maj. Gen. Ann Quist said so.", "Ann Quist", "Maj. Gen", None, False, False),
    ("Lt. Col. Tom Ode agreed.", "Tom Ode", "Lt. Col", None, False, False),
    ("A letter from US Marine Corps Brig. Gen. William Seely arrived.", "William Seely", "Brig. Gen", "US Marine Corps", False, False),
    ("On Monday General Mark Pell spoke.", "Mark Pell", "General", None, False, False),
    ("Ex-minister Tom Hale spoke.", "Tom Hale", "Ex-minister", None, True, False),
]


@pytest.mark.parametrize("text,person,title,org,former,change", ROLE_CASES)
def test_role_shapes(text, person, title, org, former, change):
    roles = kind(run(text), "role")
    assert len(roles) == 1, [(r.person.text, r.title.text) for r in roles]
    r = roles[0]
    assert triple(r.person) == span(text, person)
    assert triple(r.title) == span(text, title)
    assert triple(r.org) == (span(text, org, text.count(org) - 1) if org else None)
    assert (r.former, r.change) == (former, change)
    lo = min(s.start for s in (r.person, r.title, r.org) if s)
    hi = max(s.end for s in (r.person, r.title, r.org) if s)
    assert (r.start, r.end) == (lo, hi)


def test_plural_title_gives_one_role_per_name():
    text = "Guests included actors Jon Abel and Sir Ray Moss, and singer Kim Toll."
    roles = kind(run(text), "role")
    assert [(r.person.text, r.title.text) for r in roles] == [
        ("Jon Abel", "actors"), ("Sir Ray Moss", "actors"), ("Kim Toll", "singer")]


@pytest.mark.parametrize("text", [
    "The chairman said the plan was sound.",  # no name
    "In Paris, the president spoke.",  # a place is not a person
    "Head of state visits are rare.",
    "The Cabinet Office spokeswoman said no.",
])
def test_no_role(text):
    assert kind(run(text), "role") == []


# -- ages ------------------------------------------------------------------
AGE_CASES = [
    # (text, age, person or None, expression)
    ("Ruth Obi, 54, said she was pleased.", 54, "Ruth Obi", "54"),
    ("Ruth Obi, 54, and Sam Obi, 51, were there.", 54, "Ruth Obi", "54"),
    ("Police said 54-year-old Ruth Obi was safe.", 54, "Ruth Obi", "54-year-old"),
    ("Ruth Obi won again. The 54-year-old said it was easy.", 54, "Ruth Obi", "54-year-old"),
    ("Ruth Obi, a 54-year-old lawyer, spoke.", 54, "Ruth Obi", "54-year-old"),
    ("A man aged 54 was arrested.", 54, None, "aged 54"),
    ("The writer Ruth Obi died at the age of 93.", 93, "Ruth Obi", "at the age of 93"),
    ("The striker Ruth Obi (24) scored once.", 24, "Ruth Obi", "24"),
    ("The blast killed Ruth Obi, 62.", 62, "Ruth Obi", "62"),
    ("Ruth Obi is 45 years old.", 45, "Ruth Obi", "45 years old"),
    ("Ruth Obi was 30 when she won.", 30, "Ruth Obi", "30"),
    # the descriptor is the subject of "says": the name after the verb is its object
    ("Ruth Obi was upbeat. \"We won,\" the 29-year-old says Mr Tam's side was unlucky.", 29, "Ruth Obi", "29-year-old"),
    ("The 29-year-old told Ruth Obi it was over.", 29, None, "29-year-old"),
    ("Ruth Obi died aged 88 on Monday.", 88, "Ruth Obi", "aged 88"),
    ("The 88-year-old pianist Ruth Obi died.", 88, "Ruth Obi", "88-year-old"),
]


@pytest.mark.parametrize("text,age,person,expression", AGE_CASES)
def test_age_shapes(text, age, person, expression):
    ages = kind(run(text), "age")
    assert ages, text
    a = ages[0]
    assert a.age == age
    assert triple(a.person) == (span(text, person) if person else None)
    assert triple(a.expression) == span(text, expression)


@pytest.mark.parametrize("text", [
    "The company is 54 years old and the deal took 54 years.",
    "They repealed a 54-year-old law on Monday.",
    "Subs: Abel for Moss (54), Dray for Kell (71).",
    "Tom Abel, 2004, was a good year.",
    "Tom Abel is 45 points behind.",
    "The 54-year-old company Acme Corp closed.",
])
def test_no_age(text):
    assert kind(run(text), "age") == []


# -- entities --------------------------------------------------------------
def test_entities_group_surname_and_honorific_mentions():
    text = "Talks fail\n\nMark Dovey met Ana Ruiz. Dovey said Mr Dovey was tired. Ms Ruiz left."
    ents = {e.name: e for e in kind(run(text), "entity")}
    dovey = ents["Mark Dovey"]
    assert dovey.entity_type == "person"
    assert [m.text for m in dovey.mentions] == ["Mark Dovey", "Dovey", "Mr Dovey"]
    assert dovey.aliases == ["Dovey", "Mr Dovey"]
    assert (dovey.start, dovey.end, dovey.text) == span(text, "Mark Dovey")
    assert [m.text for m in ents["Ana Ruiz"].mentions] == ["Ana Ruiz", "Ms Ruiz"]
    assert "Talks" not in ents  # headline words never create entities


def test_acronym_aliases_and_organisations():
    text = "Fighters of the Northern Defence Front (NDF) withdrew. The NDF denied it. The Ministry of Roads agreed."
    ents = {e.name: e for e in kind(run(text), "entity")}
    ndf = ents["Northern Defence Front"]
    assert ndf.aliases == ["NDF"] and len(ndf.mentions) == 3
    assert ndf.entity_type == "organization"
    assert ents["Ministry of Roads"].entity_type == "organization"
    assert "Fighters" not in ents and "The" not in ents


def test_expansion_in_parentheses_with_dash():
    text = "The ABC-XY (Allied Border Command \u2013 Operation Xylo) moved."
    ent = next(e for e in kind(run(text), "entity") if "ABC-XY" in e.aliases)
    assert ent.name == "Allied Border Command \u2013 Operation Xylo"
    assert (ent.start, ent.end, ent.text) == span(text, "ABC-XY")


def test_title_case_headline_and_sentence_initial_words_make_no_junk():
    text = "Minister Warns Over Budget Plans\r\n\r\nSeveral ministers met. Following that, Nia Bell spoke. Multiple reports said so."
    names = [e.name for e in kind(run(text), "entity")]
    assert names == ["Nia Bell"]


def test_nicknames_merge_first_names():
    text = "William Ostrow arrived. Later Bill Ostrow said hello."
    ents = kind(run(text), "entity")
    assert len(ents) == 1 and ents[0].aliases == ["Bill Ostrow"]


def test_offsets_are_code_points_in_crlf_text_with_emoji_and_accents():
    text = "Fête 🎉 news\r\n\r\n🎉 Zoë Ångström, 41, the party boss, said hi.\r\nMs Ångström left 😀. José Núñez became coach."
    facts = run(text)
    zoe = next(e for e in kind(facts, "entity") if e.name == "Zoë Ångström")
    assert [triple(m) for m in zoe.mentions] == [span(text, "Zoë Ångström"), span(text, "Ms Ångström")]
    role = kind(facts, "role")
    assert [(triple(r.person), triple(r.title)) for r in role] == [
        (span(text, "Zoë Ångström"), span(text, "boss")),
        (span(text, "José Núñez"), span(text, "coach")),
    ]
    (age,) = kind(facts, "age")
    assert age.age == 41 and triple(age.expression) == span(text, "41")


def test_runs_without_lexicons():
    text = "Mark Dovey, 54, the chairman of Kestrel Group, said so. Dovey left."
    facts = run(text, Lexicons())
    assert kind(facts, "role") == []
    assert [a.age for a in kind(facts, "age")] == [54]
    assert any(e.name == "Mark Dovey" for e in kind(facts, "entity"))


def test_ids_are_numbered_in_document_order():
    text = "Ann Bell, 40, the coach of Rovers, met Cy Dorn, 38, the manager of City."
    facts = run(text)
    for prefix, k in (("n", "entity"), ("p", "role"), ("a", "age")):
        group = kind(facts, k)
        assert [f.id for f in group] == [f"{prefix}{i}" for i in range(1, len(group) + 1)]
        assert [f.start for f in group] == sorted(f.start for f in group)


# -- seed ------------------------------------------------------------------
def test_seed_roles():
    text = (REPO / "seeds" / "000_548f20d3808859fa.txt").read_text(encoding="utf-8")
    facts = run(text)
    roles = {r.person.text: r for r in kind(facts, "role")}
    expect = {
        "Alyssa Farah": ("Press Secretary", "Pentagon"),
        "William Seely": ("commander", "US task force"),
        "Mark Milley": ("chairman", "US Joint Chiefs of Staff"),
        "Qasem Soleimani": ("commander", "Quds Force of Iran\u2019s Islamic Revolution Guards Corps"),
        "Abu Mahdi al-Muhandis": ("deputy chief", "Iraq\u2019s paramilitary Hashd Shaabi forces"),
    }
    for person, (title, org) in expect.items():
        assert (roles[person].title.text, roles[person].org.text) == (title, org)
    assert kind(facts, "age") == []
    ents = {e.name: e for e in kind(facts, "entity")}
    for person in expect:
        assert ents[person].entity_type == "person"
    assert ents["Pentagon"].entity_type == "organization" and len(ents["Pentagon"].mentions) == 3
    cjtf = ents["Combined Joint Task Force \u2013 Operation Inherent Resolve"]
    assert cjtf.aliases == ["CJTF-OIR"]


# -- link pass -------------------------------------------------------------
def test_link_prefers_longest_overlapping_mention():
    text = "Treasury Press Secretary Dana Pilo said no. Pilo, 40, left."
    doc = Document(text)
    facts = people.extract(doc, LEX)
    ents = {e.name: e.id for e in kind(facts, "entity")}
    whole = Span.of(text, 0, text.index(" said"))
    stmt = StatementFact(id="s1", start=whole.start, end=whole.end + 5, text=text[: whole.end + 5],
                         speaker=whole, cue=Span.of(text, whole.end + 1, whole.end + 5),
                         content=Span.of(text, whole.end + 6, whole.end + 8))
    ref = StatementFact(id="s2", start=0, end=4, text=text[:4], speaker=Span.of(text, 0, 8),
                        speaker_ref=Span.of(text, *span(text, "Pilo", 1)[:2]),
                        cue=Span.of(text, 0, 1), content=Span.of(text, 2, 4))
    letter = DocumentFact(id="d1", start=0, end=8, text=text[:8], doc_type="statement",
                          mention=Span.of(text, 0, 8), author=Span.of(text, 0, 8))
    facts += [stmt, ref, letter]
    link.link_entities(doc, facts, LEX)
    assert stmt.speaker_entity == ents["Dana Pilo"]
    assert ref.speaker_entity == ents["Dana Pilo"]
    assert letter.author_entity == ents["Treasury"]
    (role,) = kind(facts, "role")
    (age,) = kind(facts, "age")
    assert role.person_entity == ents["Dana Pilo"] and age.person_entity == ents["Dana Pilo"]


def test_link_leaves_unmatched_spans_empty():
    text = "Someone said it."
    facts = [AgeFact(id="a1", start=0, end=7, text="Someone", age=3, person=Span.of(text, 0, 7)),
             RoleFact(id="p1", start=0, end=7, text="Someone", person=Span.of(text, 0, 7), title=Span.of(text, 0, 7))]
    link.link_entities(Document(text), facts, LEX)
    assert facts[0].person_entity is None and facts[1].person_entity is None


def test_entity_fact_is_its_first_mention():
    text = "Kim Orr met Lee Orr. Kim Orr left."
    (kim, lee) = kind(run(text), "entity")
    assert isinstance(kim, EntityFact) and kim.name == "Kim Orr"
    assert (kim.start, kim.end) == span(text, "Kim Orr")[:2]
    assert len(kim.mentions) == 2 and lee.name == "Lee Orr"


# -- surname-only references: near misses and namesakes ---------------------
def entities(text: str) -> dict[str, EntityFact]:
    return {e.name: e for e in kind(run(text), "entity")}


SURNAME_CASES = [
    # (text, expected entity name, its mentions)
    ("Greta Tolliver chaired it. Mr Toliver said so.", "Toliver", ["Mr Toliver"]),
    ("Greta Tolliver chaired it. The report, Toliver said, was final.", "Toliver", ["Toliver"]),
    ("Ann Castellano spoke. Later Castelano went home.", "Castelano", ["Castelano"]),
    ("Anna Kowalczyk won. Ms Kowalzcyk was pleased.", "Kowalzcyk", ["Ms Kowalzcyk"]),  # transposed, long name
]


@pytest.mark.parametrize("text,name,mentions", SURNAME_CASES)
def test_surname_near_miss_is_its_own_person(text, name, mentions):
    ent = entities(text)[name]
    assert ent.entity_type == "person" and ent.surname_only and ent.near_miss
    assert [triple(m) for m in ent.mentions] == [span(text, m) for m in mentions]


@pytest.mark.parametrize("text", [
    "Greta Tolliver chaired it. Ms Tolliver said so.",  # same spelling: a mention
    "Bob Ashdown spoke. The Ashdowns left.",  # a plural
    "Ann Brannagh starts. Team: Dacey, Branagh, Hume.",  # a bare surname in a team list
    "Ann Castellano spoke. Later Castelanno went home.",  # bare surname two edits off
    "Ann Bell spoke. Later Ball went home.",  # bare surname of four letters
    "Ann Bell spoke. Mr Tell replied.",  # another first letter
])
def test_no_near_miss(text):
    from factlint.vocab.compare import surnames_close

    ents = kind(run(text), "entity")
    full = [e.name.split()[-1].lower() for e in ents if not e.surname_only]
    near = [e.name for e in ents if e.near_miss or (e.surname_only and any(surnames_close(e.name.lower(), f) for f in full))]
    assert near == [], near


def test_surname_shared_by_two_people_is_its_own_entity():
    text = "Lena Marchetti picked the side. Marchetti said so. Paolo Marchetti scored. Marchetti said it was easy."
    ents = entities(text)
    assert [triple(m) for m in ents["Lena Marchetti"].mentions] == [span(text, "Lena Marchetti"), span(text, "Marchetti", 1)]
    assert [triple(m) for m in ents["Paolo Marchetti"].mentions] == [span(text, "Paolo Marchetti")]
    assert [triple(m) for m in ents["Marchetti"].mentions] == [span(text, "Marchetti", 3)]


def test_honorific_picks_the_namesake_called_so_before():
    text = "Michael Roth sang. Mr Roth bowed. His mother Katherine Roth wept. Mr Roth waved."
    ents = entities(text)
    assert [m.text for m in ents["Michael Roth"].mentions] == ["Michael Roth", "Mr Roth", "Mr Roth"]
    assert "Roth" not in ents


def test_singular_and_plural_of_a_name_are_one_entity_and_groups_are_not_people():
    text = "The Liberal Democrats said no. A Liberal Democrat MP agreed. Wyoming Republicans say yes."
    ents = entities(text)
    assert [m.text for m in ents["Liberal Democrats"].mentions] == ["Liberal Democrats", "Liberal Democrat"]
    assert ents["Liberal Democrats"].entity_type != "person"
    assert ents["Wyoming Republicans"].entity_type != "person"


def test_first_name_shared_with_a_person_makes_a_person():
    text = "Katarina Novak won. Coach Ivan Petrov said Katarina Nowak had trained."
    ents = entities(text)
    assert ents["Katarina Novak"].entity_type == "person" and ents["Katarina Nowak"].entity_type == "person"


# -- title keys and classes ---------------------------------------------------
TITLE_KEY_CASES = [
    # (text, title, title_key, title_class)
    ("Finance Minister Petra Holm spoke.", "Finance Minister", "finance minister", "government-office"),
    ("Spokeswoman Ann Lee declined.", "Spokeswoman", "spokesperson", None),
    ("Ravi Dossa, the chairman of Kestrel, disagreed.", "chairman", "chair", "company-office"),
    ("Acme's CEO Tom Vale quit.", "CEO", "chief executive", "company-office"),
    ("Sen. Ted Marsh spoke.", "Sen", "senator", "legislature"),
    ("Defense Secretary Ann Kerr left.", "Defense Secretary", "defence secretary", "government-office"),
    ("Acting chief executive Jo Pratt agreed.", "Acting chief executive", "acting chief executive", "company-office"),
    ("Guests included actors Jon Abel and Kim Toll.", "actors", "actor", None),
]


@pytest.mark.parametrize("text,title,key,title_class", TITLE_KEY_CASES)
def test_title_key_and_class(text, title, key, title_class):
    r = kind(run(text), "role")[0]
    assert triple(r.title) == span(text, title)
    assert (r.title_key, r.title_class) == (key, title_class)


@pytest.mark.parametrize("text", [
    "Echoing the US Secretary of State Ana Ruiz, the prime minister said talks would go on.",
    "Pundits ask how able a prime minister Lena Voss would be.",
    "Emerging from talks with Mr Obel, the prime minister ''looked ashen''.",
    "Ted Ruiz, running for president, spoke.",
    "Streams now count towards the Official UK Albums Chart.",
])
def test_no_role_for_clause_subjects_and_predicates(text):
    roles = [(r.person.text, r.title.text) for r in kind(run(text), "role")]
    assert not any(t.lower() in ("prime minister", "president", "official") for _, t in roles), roles


@pytest.mark.parametrize("text,former", [
    ("Ann Clay, who was health secretary at the time, agreed.", True),
    ("Then, in 2017, Defense Secretary Ann Kerr said so.", False),
    ("Former Labour Party leader Neil Kent spoke.", True),
])
def test_former_flag(text, former):
    (r,) = kind(run(text), "role")
    assert r.former is former


# -- age at an event, anaphoric ages -----------------------------------------
@pytest.mark.parametrize("text,age,at_event,anaphoric", [
    ("Martin Brandvik, 31, took up the violin at the age of 7.", 7, True, True),
    ("The writer Ruth Obi died at the age of 93.", 93, False, True),
    ("Ruth Obi won. The 54-year-old said it was easy.", 54, False, True),
    ("Ruth Obi, aged 20 when she left, came back.", 20, True, False),
    ("Ruth Obi, 54, said so.", 54, False, False),
])
def test_age_flags(text, age, at_event, anaphoric):
    a = next(a for a in kind(run(text), "age") if a.age == age)
    assert (a.at_event, a.anaphoric) == (at_event, anaphoric)


def test_year_old_does_not_reach_across_a_sentence_end():
    text = "Tom Abel won. \"Great,\" said the 22-year-old. Kate Endo came second."
    (a,) = kind(run(text), "age")
    assert triple(a.person) == span(text, "Tom Abel") and a.anaphoric


def test_near_miss_offsets_in_crlf_text_with_emoji_and_accents():
    text = "Fête 🎉 news\r\n\r\n🎉 Zoë Ångström, 41, spoke.\r\nMs Ångstrøm said 😀 no. Sen. José Núñez agreed."
    facts = run(text)
    ents = {e.name: e for e in kind(facts, "entity")}
    near = ents["Ångstrøm"]
    assert near.surname_only and near.near_miss
    assert [triple(m) for m in near.mentions] == [span(text, "Ms Ångstrøm")]
    (role,) = kind(facts, "role")
    assert (triple(role.person), triple(role.title), role.title_key) == (span(text, "José Núñez"), span(text, "Sen"), "senator")


@pytest.mark.parametrize("text, name, mentions", [
    ("Hans Christian Andersen wrote tales. Christian Andersen was born in Odense. Later Andersen died.",
     "Hans Christian Andersen", ["Hans Christian Andersen", "Christian Andersen", "Andersen"]),
    ("Christian Andersen wrote tales. Hans Christian Andersen was Danish.",
     "Hans Christian Andersen", ["Christian Andersen", "Hans Christian Andersen"]),
    ("Gabriel Garcia Marquez won. Garcia Marquez said so.", "Gabriel Garcia Marquez", ["Gabriel Garcia Marquez", "Garcia Marquez"]),
])
def test_a_name_and_its_trailing_words_are_one_person(text, name, mentions):
    ents = entities(text)
    assert [m.text for m in ents[name].mentions] == mentions
    assert [e for e in ents if e != name and e.split()[-1] == name.split()[-1]] == []


def test_a_misspelt_surname_after_a_three_word_name_and_its_short_form_is_reported_once():
    import factlint

    text = "Hans Christian Andersen wrote tales. Christian Andersen was born in Odense. Mr Anderson said so."
    near = [e for e in kind(run(text), "entity") if e.near_miss]
    assert [(e.name, [m.text for m in e.mentions]) for e in near] == [("Anderson", ["Mr Anderson"])]
    found = [f for f in factlint.check_text(text).findings if f.rule == "people/name-spelling"]
    assert len(found) == 1


def test_a_short_name_ending_two_longer_names_joins_neither():
    text = "Mary Jane Smith met Anna Jane Smith on Monday. Later Jane Smith said she was tired."
    ents = entities(text)
    assert [m.text for m in ents["Mary Jane Smith"].mentions] == ["Mary Jane Smith"]
    assert [m.text for m in ents["Anna Jane Smith"].mentions] == ["Anna Jane Smith"]


@pytest.mark.parametrize("text", [
    "General Motors said sales fell. General Electric agreed.",  # "General" is a title only before a first name
    "In the general election, voters stayed home.",
])
def test_rank_words_are_titles_only_before_a_first_name(text):
    assert kind(run(text), "role") == []


def test_a_capitalised_modifier_inside_a_sentence_stays_in_the_name():
    ents = entities("Mark Pell, the chairman of the Joint Chiefs of Staff, said so.")
    assert "Joint Chiefs of Staff" in ents


def test_a_company_and_its_legal_suffix_are_one_entity():
    ents = entities("Acme Corp said profits rose. Later Acme said costs fell.")
    assert [m.text for m in ents["Acme Corp"].mentions] == ["Acme Corp", "Acme"]


def test_ex_title_is_former_and_keyed_without_ex():
    (role,) = kind(run("Ex-minister Tom Hale spoke."), "role")
    assert role.former and role.title_key == "minister"


@pytest.mark.parametrize("text, fires", [
    ("Headteacher Margaret Seely opened the school. Later Mrs Seeley said it went well.", True),
    ("Margaret Seely opened the school. Seeley said it went well.", True),  # a bare surname opening a sentence
    ("Margaret Seely opened the school on Monday. Seeley, 58, said it went well.", True),
    ("Councillor Margaret Seely opened the school. Councillor Margaret Seeley said it went well.", True),
    ("Pensioner Joan Mills, 81, uses the bus. Mills said it was late.", False),
])
def test_seely_and_seeley_in_the_shapes_reporters_use(text, fires):
    import factlint

    found = [f for f in factlint.check_text("School opens\n\n" + text).findings if f.rule == "people/name-spelling"]
    assert len(found) == (1 if fires else 0)
    if fires:
        assert "Headteacher" not in found[0].message and "Councillor" not in found[0].message


@pytest.mark.parametrize("text, speaker, entity", [
    ("Mark Pell, the chairman of the Joint Chiefs of Staff, said the plan was dead.", "Mark Pell, the chairman of the Joint Chiefs of Staff", "Mark Pell"),
    ("The chairman of the Harbour Board, Ada Rusk, said the plan was dead.", "The chairman of the Harbour Board, Ada Rusk", "Ada Rusk"),
])
def test_a_speaker_with_an_appositive_links_to_the_person(text, speaker, entity):
    import factlint

    facts = factlint.extract(text).facts
    ents = {f.id: f.name for f in facts if f.kind == "entity"}
    (stmt,) = [f for f in facts if f.kind == "statement"]
    assert stmt.speaker.text == speaker
    assert ents[stmt.speaker_entity] == entity


# -- ages given with a pronoun ("He was 88.") ----------------------------------
@pytest.mark.parametrize("text, person, expression, at_event", [
    ("John Marsh has died. He was 88.", "John Marsh", "He was 88", False),
    ("Ann Reed met John Marsh. She is 54 years old.", "Ann Reed", "She is 54 years old", False),
    ("Ann Reed met John Marsh, and he was 70 and frail.", "John Marsh", "he was 70", False),
    ("John Marsh has died.\n\nTom Reed spoke.\n\nHe was 88.", "Tom Reed", "He was 88", False),
    ("Club news\n\nJohn Marsh hired Tom Reed.\n\nMr Marsh spoke. He was 88.", "Mr Marsh", "He was 88", False),  # the nearest sentence wins
    ("John Marsh has died. He was 12 when he first played.", "John Marsh", "He was 12", True),
    ("John Marsh said he had flown since he was 5.", "John Marsh", "he was 5", True),
    ("John Marsh, who was 88, died.", "John Marsh", "88", False),
    ("John Marsh, who was 12 when he first played, died.", "John Marsh", "12", True),
])
def test_age_given_with_a_pronoun(text, person, expression, at_event):
    (a,) = kind(run(text), "age")
    assert triple(a.person) == span(text, person)
    assert triple(a.expression) == span(text, expression)
    assert a.at_event == at_event
    assert a.anaphoric == (not expression.isdigit())


@pytest.mark.parametrize("text", [
    "John Marsh has died. He was 88th in the list.",
    "Ann Lee won. She was 5-2 in the final.",
    "John Marsh is tall. He is 6ft.",
    "John Marsh and Ann Lee left. They were 88.",
    "John Marsh bought a horse. It was 88.",
    "Ann Lee has died. He was 88.",  # no man named
    "John Marsh met Tom Reed. He was 88.",  # either of them
    "John Marsh has died.\n\nThe club spoke.\n\nIt said so.\n\nHe was 88.",  # too far back
    "The man who was 88 died. John Marsh said so.",  # "who" after no name
])
def test_no_age_for_a_pronoun_without_one_fitting_person(text):
    assert kind(run(text), "age") == []


def test_pronoun_age_rule_fires_and_its_offsets_in_crlf_text_with_emoji_and_accents():
    import factlint

    text = "Fête 🎉 news\r\n\r\n🎉 Zoë Ångström has died. She was 88.\r\nMs Ångström, 86, sang 😀 for years."
    ages = kind(run(text), "age")
    assert [(triple(a.person), triple(a.expression)) for a in ages] == [
        (span(text, "Zoë Ångström"), span(text, "She was 88")),
        (span(text, "Ms Ångström"), span(text, "86")),
    ]
    found = [f for f in factlint.check_text(text).findings if f.rule == "people/age-mismatch"]
    assert len(found) == 1


# -- a title in an appositive before the name ("The council leader, Ann Lee,") --
@pytest.mark.parametrize("text, person, title, org, former", [
    ("The council leader, Ann Lee, said the cuts were needed.", "Ann Lee", "leader", None, False),
    ("Its chief executive, Tom Reed, said so.", "Tom Reed", "chief executive", None, False),
    ("Former mayor, Sam Hill, said the plan would fail.", "Sam Hill", "mayor", None, True),
    ("The school's headteacher, Margaret Seely, said yes.", "Margaret Seely", "headteacher", None, False),
    ("The Labour leader, Ann Lee, said no.", "Ann Lee", "leader", "Labour", False),
    ("Ann Lee met the former party chairman, Tom Reed, on Monday.", "Tom Reed", "chairman", None, True),
    ("The mayor, Ann Lee, and her deputy left.", "Ann Lee", "mayor", None, False),  # "and" and no name: one person
])
def test_title_in_an_appositive_before_the_name(text, person, title, org, former):
    (role,) = kind(run(text), "role")
    assert triple(role.person) == span(text, person)
    assert triple(role.title) == span(text, title)
    assert triple(role.org) == (span(text, org) if org else None)
    assert role.former == former


@pytest.mark.parametrize("text", [
    "The mayor, Ann Lee and Tom Reed attended.",  # a list: the mayor may be a third person
    "The mayor, Ann Lee, and Tom Reed attended.",
    "The mayor, Ann Lee, Tom Reed and Sam Hill attended.",
    "The council, Labour-run since 2010, said no.",
    "A second auditor, Deloitte & Touche, was banned.",  # not a person
    "It was worse than the council leader, Tom Reed said.",  # the name opens a new clause
])
def test_no_role_for_lists_and_organisation_appositives(text):
    assert kind(run(text), "role") == []


@pytest.mark.parametrize("text, speaker, speaker_type", [
    ("The council leader, Ann Lee, said the cuts were needed.", "The council leader, Ann Lee", "person"),
    ("The council, Labour-run since 2010, said the plan was sound.", "The council", "organization"),
])
def test_a_speaker_described_before_the_name_is_typed_by_the_name(text, speaker, speaker_type):
    import factlint

    (stmt,) = [f for f in factlint.extract(text).facts if f.kind == "statement"]
    assert (stmt.speaker.text, stmt.speaker_type) == (speaker, speaker_type)


def test_appositive_role_offsets_in_crlf_text_with_emoji_and_accents():
    text = "Fête 🎉 news\r\n\r\n🎉 The club's chairman, José Núñez, said 😀 no.\r\nTreasurer José Núñez agreed."
    roles = kind(run(text), "role")
    assert [(triple(r.person), triple(r.title)) for r in roles] == [
        (span(text, "José Núñez"), span(text, "chairman")),
        (span(text, "José Núñez", 1), span(text, "Treasurer")),
    ]


# -- audit round 2: names, ages and titles reporters write ---------------------
def entity_named(facts: list, name: str) -> EntityFact:
    return next(e for e in kind(facts, "entity") if e.name == name)


@pytest.mark.parametrize("text, name", [
    ("Kathryn Blackwood's sourdough won the prize.", "Kathryn Blackwood"),  # a first name new to the lexicon
    ("Josh Earnest took no questions.", "Josh Earnest"),
    ("Zoë Kowalczyk reached the final.", "Zoë Kowalczyk"),  # "zoe" in the lexicon: accents ignored
])
def test_a_full_name_with_a_first_name_is_a_person_in_any_position(text, name):
    assert entity_named(run(text), name).entity_type == "person"


def test_a_company_in_the_possessive_is_no_person():
    assert entity_named(run("Acme Foods' profits rose. Tesco Direct's sales fell."), "Acme Foods").entity_type != "person"


@pytest.mark.parametrize("text, near", [
    ("Final\n\nZoë Kowalczyk reached the final.\n\nKowalcyzk, who trains in Leeds, said she was happy.", "Kowalcyzk"),
    ("Prize\n\nKathryn Blackwood's loaf won the prize. Blackwod's bakery opened in 2019.", "Blackwod"),
])
def test_a_misspelt_surname_before_a_relative_clause_or_in_the_possessive_is_a_near_miss(text, near):
    e = entity_named(run(text), near)
    assert (e.entity_type, e.surname_only, e.near_miss) == ("person", True, True)
    assert triple(e) == span(text, near)


def test_a_relative_clause_after_a_sentence_opening_surname_makes_a_person():
    text = "The race was run.\n\nOkonjo, who trains in Leeds, was third."
    e = entity_named(run(text), "Okonjo")
    assert e.entity_type == "person" and triple(e) == span(text, "Okonjo")


@pytest.mark.parametrize("text", [
    "Detectives said the van was stolen.",
    "Ministers said the plan was sound.",
    "Residents said the road was closed.",
    "Nobody was hurt. Everyone got out.",
    "The blog said: 14:55 Nobody has been hurt.",
])
def test_plural_people_nouns_and_pronouns_are_no_entities(text):
    assert kind(run(text), "entity") == []


AUDIT_AGE_CASES = [
    # (text, [(person, its occurrence, expression, at_event)])
    ("Hart wins\n\nZoë Hart (23) won the Dutch Open on Sunday.\n\nHart (32) had never got that far.",
     [("Zoë Hart", 0, "23", False), ("Hart", 2, "32", False)]),
    ("Fraud case\n\nA 45-year-old mother of three, Lisa Grant, was jailed. Grant, 54, admitted it.",
     [("Lisa Grant", 0, "45-year-old", False), ("Grant", 1, "54", False)]),
    ("Crash\n\nAn 80-year-old man, Tom Reed, was hurt.", [("Tom Reed", 0, "80-year-old", False)]),
    ("Rao returns\n\nMeera Rao, 55, is back. In 2004, when Ms Rao was 35, she became a director.",
     [("Meera Rao", 0, "55", False), ("Ms Rao", 0, "35", True)]),
]


@pytest.mark.parametrize("text, ages", AUDIT_AGE_CASES)
def test_bracketed_apposed_and_past_ages(text, ages):
    found = kind(run(text), "age")
    want = [(span(text, person, nth), span(text, expression), at_event) for person, nth, expression, at_event in ages]
    assert [(triple(a.person), triple(a.expression), a.at_event) for a in found] == want


@pytest.mark.parametrize("text", [
    "Subs: Dowd for Shaw (71), Green for Hart (57).",  # substitution minutes
    "A 45-year-old mother of three, Lisa Grant and Tom Reed were hurt.",  # a list, not an apposition
])
def test_no_age_for_minutes_and_lists(text):
    assert [a for a in kind(run(text), "age") if a.person is not None] == []


AUDIT_TITLE_CASES = [
    # (text, person, title, title_key, title_class)
    ("Lt. Gov. Laura Whitcombe spoke.", "Laura Whitcombe", "Lt. Gov", "lieutenant governor", "state-office"),
    ("Gov. Laura Whitcombe spoke.", "Laura Whitcombe", "Gov", "governor", "state-office"),
    ("The Rev. Thomas Ashby led the march.", "Thomas Ashby", "Rev", "reverend", "clergy"),
    ("Rabbi Ruth Adler spoke.", "Ruth Adler", "Rabbi", "rabbi", "clergy"),
    ("Detective Inspector Karen Flint leads it.", "Karen Flint", "Detective Inspector", "detective inspector", "police-rank"),
    ("Det Supt Karen Flint leads it.", "Karen Flint", "Det Supt", "detective superintendent", "police-rank"),
    ("PC Tom Reed was hurt.", "Tom Reed", "PC", "police constable", "police-rank"),
    ("Chief Constable Ann Lee spoke.", "Ann Lee", "Chief Constable", "chief constable", "police-rank"),
    ("Cllr Amir Shah spoke.", "Amir Shah", "Cllr", "councillor", None),
]


@pytest.mark.parametrize("text, person, title, key, title_class", AUDIT_TITLE_CASES)
def test_state_clergy_and_police_titles(text, person, title, key, title_class):
    (r,) = kind(run(text), "role")
    assert (triple(r.person), triple(r.title)) == (span(text, person), span(text, title))
    assert (r.title_key, r.title_class) == (key, title_class)


def test_every_honorific_before_a_name_is_in_the_mention_and_a_style_gives_no_role():
    text = "Lt. Gov. Laura Whitcombe spoke. The Rt Rev Tom Ashby prayed."
    facts = run(text)
    assert entity_named(facts, "Laura Whitcombe").mentions[0].text == "Lt. Gov. Laura Whitcombe"
    assert entity_named(facts, "Tom Ashby").mentions[0].text == "Rt Rev Tom Ashby"
    assert [r.title.text for r in kind(facts, "role")] == ["Lt. Gov"]


@pytest.mark.parametrize("text", [
    "PC Pro magazine said so. The Nintendo DS sold well.",  # abbreviations only before a first name
    "Detective Inspector Karen Flint spoke.",  # no organisation "Detective"
])
def test_police_abbreviations_and_ranks_make_no_stray_entities(text):
    names = [e.name for e in kind(run(text), "entity")]
    assert "Detective" not in names and "PC" not in names
    assert [r.title.text for r in kind(run(text), "role")] in ([], ["Detective Inspector"])


@pytest.mark.parametrize("text, fires", [
    ("Lt. Gov. Laura Whitcombe spoke. Gov. Whitcombe said no.", True),
    ("Lt. Gov. Laura Whitcombe spoke. Lt. Gov. Whitcombe said no.", False),
    ("Lt. Col. Tom Hale spoke. Colonel Hale said no.", False),  # a shorter form of a rank agrees
    ("The Rev. Tom Ashby led. Bishop Ashby spoke.", True),
    ("The Rt Rev Tom Ashby, the Bishop of Wells, led. Bishop Ashby spoke.", False),
    ("The Rev. Tom Ashby, vicar of St Mary's, led. The vicar, Tom Ashby, spoke.", False),
    ("Detective Inspector Karen Flint leads it. Det Supt Flint said so.", True),
    ("Detective Inspector Karen Flint leads it. Inspector Flint said so.", False),
])
def test_title_mismatch_on_new_title_classes(text, fires):
    import factlint

    found = [f for f in factlint.check_text("Police appeal\n\n" + text).findings if f.rule == "people/title-mismatch"]
    assert len(found) == (1 if fires else 0)


def test_a_title_before_an_appositive_name_with_a_common_first_name_is_a_role():
    text = "The White House spokesman, Josh Earnest, said no."
    (r,) = kind(run(text), "role")
    assert (triple(r.person), triple(r.title), triple(r.org)) == (span(text, "Josh Earnest"), span(text, "spokesman"), span(text, "White House"))


def test_council_leader_with_an_honorific_speaks_as_a_person():
    import factlint

    text = "Council leader Cllr Amir Shah said the fund had not lost money."
    (stmt,) = [f for f in factlint.extract(text).facts if f.kind == "statement"]
    assert (stmt.speaker.text, stmt.speaker_type, stmt.official) == ("Council leader Cllr Amir Shah", "person", True)


def test_audit_round_two_offsets_in_crlf_text_with_emoji_and_accents():
    import factlint

    text = ("Fête 🎉 news\r\n\r\n🎉 Zoë Hart (23) won 😀 on Sunday.\r\nHart (32) had never won.\r\n"
            "Lt. Gov. Renée Dvořák spoke. Gov. Dvořák said no.\r\nZoë Kowalczyk ran.\r\n"
            "Kowalcyzk, who trains in Łódź, said she was happy.")
    facts = run(text)
    assert [(triple(a.person), triple(a.expression)) for a in kind(facts, "age")] == [
        (span(text, "Zoë Hart"), span(text, "23")),
        (span(text, "Hart", 1), span(text, "32")),
    ]
    assert [(triple(r.person), triple(r.title)) for r in kind(facts, "role")] == [
        (span(text, "Renée Dvořák"), span(text, "Lt. Gov")),
        (span(text, "Dvořák", 1), span(text, "Gov", 1)),
    ]
    near = entity_named(facts, "Kowalcyzk")
    assert near.near_miss and triple(near) == span(text, "Kowalcyzk")
    rules = sorted(f.rule for f in factlint.check_text(text).findings if f.severity == "warning")
    assert rules == ["people/age-mismatch", "people/name-spelling", "people/title-mismatch"]


# -- session 3, lead: ages in words and ages at a later time -------------------

@pytest.mark.parametrize(
    "text,expected",
    [
        ("Teen wins\n\nEighteen-year-old Chlo\u00e9 Martin won.\n", [("Chlo\u00e9 Martin", 18, "Eighteen-year-old", False)]),
        ("T\n\nThe ninety-two-year-old Tom Abel smiled.\n", [("Tom Abel", 92, "ninety-two-year-old", False)]),
        ("T\n\nTom Eriksson will coach until he is 41.\n", [("Tom Eriksson", 41, "he is 41", True)]),
        ("T\n\nLars Eriksson will stay until Eriksson is 41.\n", [("Eriksson", 41, "41", True)]),
    ],
)
def test_number_word_ages_and_ages_at_a_later_time(text, expected):
    ages = [(f.person.text if f.person else None, f.age, f.expression.text, f.at_event) for f in kind(run(text), "age")]
    assert ages == expected


def test_a_number_word_age_keeps_code_point_offsets_in_crlf_text():
    text = "Teen \U0001f3c6 wins\r\n\r\nSeventeen-year-old Zo\u00eb Hart won.\r\n"
    (age,) = kind(run(text), "age")
    assert (age.expression.start, age.expression.text, age.age) == (text.index("Seventeen"), "Seventeen-year-old", 17)


def test_an_age_picked_out_by_a_relative_clause_is_nobodys_by_nearness():
    text = "Film\n\nTom Hanks, 48, plays many parts, including the eight-year-old boy who meets Santa.\n"
    assert [(a.age, a.person.text if a.person else None) for a in kind(run(text), "age")] == [(48, "Tom Hanks"), (8, None)]


def test_a_pronoun_after_an_unnamed_relative_gets_no_age():
    text = "Boy hurt\n\nMark Hill, 41, spoke on Tuesday. Mr Hill said his son had been hit by a car. He was 5.\n"
    assert [(a.age, a.person.text if a.person else None) for a in kind(run(text), "age")] == [(41, "Mark Hill")]


def test_an_age_by_pronoun_is_compared_with_the_age_at_the_same_mention():
    import factlint

    text = "Former winger dies\n\nJack Ormond, 86, has died. He was 88.\n"
    assert [f.rule for f in factlint.check_text(text).findings] == ["people/age-mismatch"]


@pytest.mark.parametrize("tail", ["his son. He was 5.", "her. She was 19.", "their late father. He was 88."])
def test_a_possessive_at_any_place_before_the_pronoun_never_breaks(tail):
    text = f"Family\n\nMark Hill, 41, thanked {tail}\n"
    assert [a.age for a in kind(run(text), "age")][0] == 41
