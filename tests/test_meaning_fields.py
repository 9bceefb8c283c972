"""What `name.field` means: the type of every field of every fact kind (new
fields may be added; these keep their types), span sub-fields, aliases and
`article`; and date values: parsing, granularity, ISO weeks, shifts over
month and year ends, and how they print."""

from __future__ import annotations

import pytest
from factlint.vocab.fields import DateValue, compare_dates, field_type, fields_of, read_field
from meaning import Article, cited, fires, run

#: kind -> type -> the fields of that type.  Pinned here.
FIELD_TYPES = {
    "statement": {"bool": "in_headline direct official anonymous", "list": "topic", "number": "start end sentence paragraph",
                  "string": "id kind text speaker_entity speaker_type speaker_title stance tense target_fact document",
                  "text": "speaker speaker_ref cue content stance_cue target"},
    "report": {"bool": "in_headline", "list": "topic cites", "number": "start end sentence paragraph",
               "string": "id kind text source_type stance", "text": "source cue content"},
    "document": {"bool": "in_headline reported", "list": "topic mentions author_statements", "number": "start end sentence paragraph",
                 "string": "id kind text doc_type author_entity status", "text": "mention author recipient content reported_content"},
    "time": {"bool": "in_headline explicit relative", "date": "value date", "list": "topic", "number": "start end sentence paragraph",
             "string": "id kind text time_type granularity weekday actual_weekday inferred"},
    "event": {"bool": "in_headline", "date": "date", "list": "topic", "number": "start end sentence paragraph",
              "string": "id kind text time tense event_key", "text": "trigger anchor"},
    "quantity": {"bool": "in_headline definite", "list": "topic noun_modifiers", "number": "start end sentence paragraph value value_high",
                 "string": "id kind text approx noun_key unit", "text": "noun figure"},
    "role": {"bool": "in_headline former change", "list": "topic", "number": "start end sentence paragraph",
             "string": "id kind text person_entity title_key title_class", "text": "person title org"},
    "age": {"bool": "in_headline at_event anaphoric", "list": "topic", "number": "start end sentence paragraph age",
            "string": "id kind text person_entity", "text": "person expression"},
    "entity": {"bool": "in_headline surname_only near_miss marked_sic shared_surname", "list": "topic named_with mentions aliases",
               "number": "start end sentence paragraph", "string": "id kind text name entity_type"},
    "repetition": {"bool": "in_headline", "list": "topic", "number": "start end sentence paragraph run",
                   "string": "id kind text word previous following second_case", "text": "first second"},
}


@pytest.mark.parametrize("kind", FIELD_TYPES)
def test_every_field_keeps_its_type(kind):
    have = {name: f.type for name, f in fields_of(kind).items()}
    for typ, names in FIELD_TYPES[kind].items():
        for name in names.split():
            assert have.get(name) == typ, (kind, name)
            assert field_type(kind, [name]) == typ


@pytest.mark.parametrize("path, typ", [
    (["content", "text"], "string"), (["content", "start"], "number"), (["content", "end"], "number"), (["content", "line"], None),
    (["stance", "text"], None), (["nothing"], None), (["content", "text", "start"], None),
])
def test_span_sub_fields(path, typ):
    assert field_type("statement", path) == typ


def test_span_fields_read_as_text_or_their_parts():
    a = Article()
    q = a.quantity(5.0, noun=a.span(), noun_modifiers=["us"])
    assert read_field(q, ["noun"]) == "w00" and read_field(q, ["noun", "start"]) == 0 and read_field(q, ["noun", "end"]) == 3
    assert read_field(q, ["noun_modifiers"]) == ["us"] and read_field(q, ["figure"]) is None
    d = a.document(mentions=[a.span(), a.span()])
    assert read_field(d, ["mentions"]) == ["w02", "w03"]
    t = a.time("2020-05-06")
    assert read_field(t, ["date"]) == read_field(t, ["value"]) == "2020-05-06"
    assert cited(run("rule r:\n  match q: a quantity\n  where q.noun.start = 0 and q.noun.end > 2 and q.noun = \"W00\"", a)) == [["f1"]]
    assert fires("rule r:\n  match t: a time\n  where t.date = 2020-05-06", a)


def test_article_path():
    a = Article()
    a.quantity(1.0)
    assert fires('rule r:\n  match q: a quantity\n  where article.path = "a.txt"', a)
    assert not fires('rule r:\n  match q: a quantity\n  where article.path = "b.txt"', a)


# ------------------------------------------------------------ date values
@pytest.mark.parametrize("text, parts, granularity", [
    ("2020", (2020, None, None), 1), ("2020-05", (2020, 5, None), 2), ("2020-05-06", (2020, 5, 6), 3),
    ("0999", (999, None, None), 1), ("2024-W16", (2024, 4, 15), 3), ("2024-W16-WE", (2024, 4, 20), 3), ("2020-W53", (2020, 12, 28), 3),
])
def test_date_values_parse(text, parts, granularity):
    v = DateValue.parse(text)
    assert (v.year, v.month, v.day) == parts and v.granularity == granularity
    assert str(v) == text
    assert DateValue.parse(v) is v


@pytest.mark.parametrize("text", [None, "202", "20201", "2020-13", "2020-00", "2020-02-30", "2021-02-29", "2020-05-06-07", "2021-W53", "2020-W00",
                                  "May 2020", "2020-5-6x", ""])
def test_what_is_not_a_date_value(text):
    assert DateValue.parse(text) is None


def test_a_week_is_its_days():
    week = DateValue.parse("2024-W16")
    assert (str(week.last), week.span(3), week.span(2)) == ("2024-04-21", ((2024, 4, 15), (2024, 4, 21)), ((2024, 4), (2024, 4)))
    assert str(DateValue.parse("2024-W16-WE").last) == "2024-04-21"
    assert str(DateValue.parse("2020-W53").last) == "2021-01-03"
    assert compare_dates(DateValue.parse("2020-W53"), DateValue.parse("2021-01")) == 0
    assert compare_dates(DateValue.parse("2020-W53"), DateValue.parse("2021-01-04")) == -1
    assert compare_dates(DateValue.parse("2020-W53"), DateValue.parse("2020-12-27")) == 1


@pytest.mark.parametrize("start, sign, amount, unit, result", [
    ("2020-02-29", 1, 1, "day", "2020-03-01"), ("2020-12-31", 1, 1, "day", "2021-01-01"), ("2021-03-01", -1, 1, "day", "2021-02-28"),
    ("2020-05-06", 1, 2, "week", "2020-05-20"), ("2020-05-06", -1, 1, "week", "2020-04-29"),
    ("2020-01-31", 1, 1, "month", "2020-02-29"), ("2021-01-31", 1, 1, "month", "2021-02-28"), ("2020-12-15", 1, 1, "month", "2021-01-15"),
    ("2020-01-15", -1, 1, "month", "2019-12-15"), ("2020-03-31", -1, 1, "month", "2020-02-29"), ("2020-05-31", 1, 13, "month", "2021-06-30"),
    ("2020-11", 1, 2, "month", "2021-01"), ("2020", 1, 1, "month", "2020"), ("2020-05", 1, 3, "day", "2020-05"), ("2020", 1, 1, "week", "2020"),
    ("2020-02-29", 1, 1, "year", "2021-02-28"), ("2020-02-29", -1, 4, "year", "2016-02-28"), ("2020-03-29", 1, 1, "year", "2021-03-29"),
    ("2020-02-28", 1, 1, "year", "2021-02-28"), ("2020-05-06", 1, 1, "year", "2021-05-06"), ("2020-05", -1, 2, "year", "2018-05"),
    ("2020", 1, 10, "year", "2030"), ("2024-W16", 1, 1, "week", "2024-W17"), ("2024-W16-WE", -1, 1, "day", "2024-W16"),
])
def test_date_shifts(start, sign, amount, unit, result):
    assert str(DateValue.parse(start).shift(sign, amount, unit)) == result


def test_an_unknown_unit_is_an_error():
    with pytest.raises(ValueError):
        DateValue.parse("2020-05-06").shift(1, 1, "fortnight")


# ------------------------------------------------------------ the text around a fact
STORY = ("Council vote delayed\n\nThe vote is off.\n\n"
         "The council said on Monday that the vote would be delayed by seven days. Seven members were absent.\n\n"
         "A second paragraph, here with more words in it.")
#: (the fact's word, field, what it reads; None: missing).  Five words at most, inside the sentence.
AROUND = [
    ("seven", "before", "vote would be delayed by"), ("seven", "after", "days"),
    ("Seven", "before", None), ("Seven", "after", "members were absent"),
    ("off", "before", "The vote is"), ("off", "after", None),
    ("second", "before", "A"), ("second", "after", "paragraph, here with more words"),
    ("seven", "sentence_text", "The council said on Monday that the vote would be delayed by seven days."),
    ("Seven", "sentence_text", "Seven members were absent."),
    ("Seven", "paragraph_text", "The council said on Monday that the vote would be delayed by seven days. Seven members were absent."),
    ("vote", "after", "delayed"), ("vote", "before", "Council"),
]


@pytest.mark.parametrize("word, field, expected", AROUND)
def test_the_text_around_a_fact(word, field, expected):
    a = Article(STORY)
    a.quantity(7.0, at=word)
    rule = f"rule r:\n  match q: a quantity\n  where q.{field} is missing"
    assert fires(rule, a) is (expected is None)
    if expected is not None:
        assert fires(f'rule r:\n  match q: a quantity\n  where q.{field} = "{expected}"', a)
        assert not fires(f'rule r:\n  match q: a quantity\n  where q.{field} = "{expected} x"', a)


@pytest.mark.parametrize("word, places", [
    ("off", {"body", "standfirst", "first paragraph"}), ("seven", {"body"}), ("second", {"body"}),
])
def test_places(word, places):
    a = Article(STORY)
    a.quantity(7.0, at=word)
    for place in ("headline", "body", "standfirst", "first paragraph"):
        assert fires(f"rule r:\n  match q: a quantity\n  where q is in the {place}", a) is (place in places), place


def test_the_first_paragraph_is_not_always_a_standfirst():
    a = Article("Council vote delayed\n\n" + "The council said on Monday that the vote would be delayed by seven days. "
                "Members were absent. A new date would be set.\n\nMore.")  # three sentences: no standfirst
    a.quantity(7.0, at="seven")
    places = {p for p in ("headline", "body", "standfirst", "first paragraph")
              if fires(f"rule r:\n  match q: a quantity\n  where q is in the {p}", a)}
    assert places == {"body", "first paragraph"}


def test_article_headline_and_standfirst():
    a = Article(STORY)
    a.quantity(7.0, at="seven")
    assert fires('rule r:\n  match q: a quantity\n  where article.headline = "Council vote delayed" and article.standfirst = "The vote is off."', a)
    b = Article("One paragraph only, no headline at all.")
    b.quantity(1.0, at="One")
    assert fires("rule r:\n  match q: a quantity\n  where article.headline is missing and article.standfirst is missing", b)
