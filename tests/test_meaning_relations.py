"""What the relations, kinds and qualifiers of the rule language mean, at their
limits: topic overlap, name similarity, proximity, the join keys of the
same-X relations, and every kind and qualifier of the vocabulary with a fact
it holds for and one it does not (a new kind or qualifier fails until it has
its row here)."""

from __future__ import annotations

import pytest
from factlint.text.strings import edit_distance, spelling_limit
from factlint.vocab.kinds import KINDS, QUALIFIERS
from factlint.vocab.relations import MIN_TOPIC_OVERLAP, RELATIONS
from meaning import Article, cited, fires, run

# ------------------------------------------------------------ topic overlap
#: a shared content word weighs 1, a shared topic class or entity 2; the
#: relations need 3.  Pinned here.
PINNED_MIN_OVERLAP = 3
TOPICS = [
    (["a", "b"], 2),
    (["a", "b", "c"], 3),
    (["class:x"], 2),
    (["class:x", "a"], 3),
    (["entity:e1"], 2),
    (["entity:e1", "a"], 3),
    (["class:x", "entity:e1"], 4),
    (["a", "b", "c", "d"], 4),
]


def test_the_topic_overlap_threshold_is_pinned():
    assert MIN_TOPIC_OVERLAP == PINNED_MIN_OVERLAP


@pytest.mark.parametrize("shared, weight", TOPICS, ids=lambda v: str(v))
def test_conflicts_with_and_same_topic_need_the_minimum_overlap(shared, weight):
    related = weight >= PINNED_MIN_OVERLAP
    a = Article()
    a.statement(stance="deny", topic=shared + ["only-here"])
    a.document(topic=shared + ["only-there"])
    assert fires("rule r: a denial conflicts with a document", a) is related
    assert fires("rule r:\n  match s: a statement, d: a document\n  where s is the same topic as d", a) is related


def test_a_document_the_story_gives_no_words_conflicts_only_with_a_denial_naming_it():
    a = Article()
    a.statement(stance="deny", topic=["a", "b", "c"])
    a.document(id="d1", content=None, topic=["a", "b", "c"])
    assert not fires("rule r: a denial conflicts with a document", a)
    b = Article()
    b.statement(stance="deny", topic=["a", "b", "c"], target_fact="d1")
    b.document(id="d1", content=None, topic=["a", "b", "c"])
    assert fires("rule r: a denial conflicts with a document", b)


@pytest.mark.parametrize("shared, conflict", [
    (["entity:e1", "entity:e2"], False),  # the same people, nothing said about the same thing
    (["entity:e1", "a"], True),
    (["entity:e1", "class:x"], True),
])
def test_shared_entities_alone_are_no_shared_topic(shared, conflict):
    a = Article()
    a.statement(stance="deny", topic=shared + ["only-here"])
    a.document(topic=shared + ["only-there"])
    assert fires("rule r: a denial conflicts with a document", a) is conflict


def test_a_document_s_topic_includes_the_reports_citing_it():
    a = Article()
    a.statement(stance="deny", topic=["a", "b", "c"])
    a.document(id="d1", topic=["a"])
    a.report(topic=["b", "c"], cites=["d1"])
    assert cited(run("rule r: a denial conflicts with a document", a)) == [["f1", "d1"]]
    b = Article()
    b.statement(stance="deny", topic=["a", "b", "c"])
    b.document(id="d1", topic=["a"])
    b.report(topic=["b", "c"])
    assert not fires("rule r: a denial conflicts with a document", b)


SHARED = ["class:x", "a", "b"]


@pytest.mark.parametrize("left, right, conflict", [
    ({"stance": "deny"}, {"kind": "statement"}, True),
    ({"stance": "assert"}, {"kind": "statement"}, False),  # only a denial conflicts
    ({"stance": "retract"}, {"kind": "statement"}, False),
    ({"stance": "deny"}, {"kind": "statement", "stance": "confirm"}, True),
    ({"stance": "deny"}, {"kind": "statement", "stance": "deny"}, False),  # a denial against a denial
    ({"stance": "deny"}, {"kind": "statement", "stance": "retract"}, False),
    ({"stance": "deny"}, {"kind": "report"}, True),
    ({"stance": "deny"}, {"kind": "report", "stance": "deny"}, False),
    ({"stance": "deny"}, {"kind": "document"}, True),
    ({"stance": "deny"}, {"kind": "document", "status": "retracted"}, False),
    ({"stance": "deny"}, {"kind": "document", "status": "draft"}, True),
    ({"stance": "deny", "speaker_entity": "e1"}, {"kind": "statement", "speaker_entity": "e1"}, False),  # one speaker
    ({"stance": "deny", "speaker_entity": "e1"}, {"kind": "statement", "speaker_entity": "e2"}, True),
    ({"stance": "deny", "speaker_entity": "e1"}, {"kind": "document", "author_entity": "e1"}, True),  # their own document
])
def test_conflicts_with(left, right, conflict):
    a = Article()
    a.statement(topic=SHARED, **left)
    right = dict(right)
    kind = right.pop("kind")
    getattr(a, kind)(topic=SHARED, **right)
    assert fires(f"rule r:\n  match s: a statement, x: a {kind}\n  where s conflicts with x", a) is conflict


# ------------------------------------------------------------ names
#: (surname, surname, close): one edit for short names, two when both have
#: 7+ letters, same first letter, 4+ letters.  Pinned here.
SURNAMES = [
    ("seely", "seeley", True),  # one insertion
    ("seely", "seelie", False),  # two edits, 5-6 letters
    ("smith", "smyth", True),  # one substitution
    ("smith", "smith", False),  # the same name
    ("kim", "kin", False),  # under 4 letters
    ("kima", "kimb", True),  # 4 letters
    ("smith", "amith", False),  # another first letter
    ("johnson", "jonsson", True),  # 7 letters, two edits
    ("johnson", "jansoon", False),  # 7 letters, three edits
    ("johnsen", "jonsn", False),  # 7 and 5 letters: the short one decides (one edit)
    ("abcdefg", "abcdefgxy", True),  # 7 and 9: two insertions
    ("abcdef", "abcdefxy", False),  # 6 and 8: two insertions, short side under 7
]


@pytest.mark.parametrize("x, y, close", SURNAMES)
def test_surname_spellings(x, y, close):
    a = Article()
    a.entity(f"Ann {x.title()}")
    a.entity(f"Ann {y.title()}")
    assert fires("rule r: a person is spelled differently from a person", a) is close


@pytest.mark.parametrize("a_len, b_len, limit", [(6, 6, 1), (6, 7, 1), (7, 7, 2), (7, 12, 2), (3, 9, 1)])
def test_the_spelling_limit_is_two_only_when_both_are_long(a_len, b_len, limit):
    assert spelling_limit("x" * a_len, "y" * b_len) == limit


@pytest.mark.parametrize("a, b, limit, distance", [
    ("kitten", "sitting", 3, 3), ("kitten", "sitting", 2, 3), ("kitten", "sitting", 1, 2), ("abc", "abc", 0, 0),
    ("abc", "abd", 0, 1), ("abc", "abcde", 1, 2), ("abc", "abcde", 2, 2), ("", "ab", 2, 2), ("flaw", "lawn", 2, 2),
])
def test_edit_distance_is_exact_up_to_the_limit_and_limit_plus_one_beyond(a, b, limit, distance):
    assert edit_distance(a, b, limit) == distance


@pytest.mark.parametrize("x, y, extra, differs", [
    ("Maria Lopez", "Marie Lopez", {}, True),  # one letter, 5 letters
    ("Mara Lopez", "Mari Lopez", {}, False),  # 4 letters: too short to tell
    ("Maria Lopez", "Mariah Lopez", {}, True),
    ("Maria Lopez", "Marina Lopez", {}, True),
    ("Maria Lopez", "Mario Lopez", {}, False),  # a woman's and a man's name
    ("Maria Lopez", "Marta Lopez", {}, True),
    ("Marian Lopez", "Marion Lopez", {"named_with": "each other"}, False),  # named side by side: two people
    ("Andrea Lopez", "Andreas Lopez", {}, True),
    ("Alexandra Lopez", "Alexandrina Lopez", {}, False),  # two letters apart
    ("A. Lopez", "Ann Lopes", {}, True),  # an initial and a close surname
    ("Bob Lopez", "Robert Lopes", {}, True),  # a nickname
    ("Tom Lopez", "Ann Lopes", {}, False),  # other first names
    ("Ann Lopez", "Ann Lopez", {}, False),
    ("Ann Marie Lopez", "Ann Marie Lopes", {}, True),  # first and last words: Ann, Lopez / Lopes
    ("Ann Marie Lopez", "Ann Maria Lopez", {}, False),  # a middle name one letter off is no misspelling
    ("Ann Lopez", "Ann Lopes", {"marked_sic": True}, False),
    ("Ann Lopez", "Ann Lopes", {"entity_type": "organization"}, False),
])
def test_full_names_spelled_differently(x, y, extra, differs):
    a = Article()
    if extra.get("named_with") == "each other":  # the extractor marks both
        a.entity(x, named_with=["f2"])
        a.entity(y, named_with=["f1"])
    else:
        a.entity(x, **extra)
        a.entity(y)
    assert fires("rule r:\n  match p: an entity, q: an entity\n  where p is spelled differently from q", a) is differs


@pytest.mark.parametrize("short, near_miss, differs", [("Lopes", True, True), ("Lopes", False, False), ("Lopeszz", True, False)])
def test_a_surname_only_name_is_a_spelling_only_when_marked_a_near_miss(short, near_miss, differs):
    a = Article()
    a.entity("Ann Lopez")
    a.entity(short, surname_only=True, near_miss=near_miss)
    assert fires("rule r: a person is spelled differently from a person", a) is differs


# ------------------------------------------------------------ proximity and places
@pytest.mark.parametrize("where, same_sentence, same_paragraph", [
    ({"sentence": 0, "paragraph": 0}, True, True),
    ({"sentence": 1, "paragraph": 0}, False, True),
    ({"sentence": 1, "paragraph": 1}, False, False),
])
def test_same_sentence_and_paragraph(where, same_sentence, same_paragraph):
    a = Article()
    a.quantity(5.0, sentence=0, paragraph=0)
    a.quantity(6.0, noun_key="tank", **where)
    rule = "rule r:\n  match p: a quantity, q: a quantity\n  where p is in the same {} as q"
    assert fires(rule.format("sentence"), a) is same_sentence
    assert fires(rule.format("paragraph"), a) is same_paragraph


@pytest.mark.parametrize("in_headline", [True, False])
def test_headline_and_body(in_headline):
    a = Article()
    a.quantity(5.0, in_headline=in_headline)
    for place, expected in (("headline", in_headline), ("body", not in_headline)):
        assert fires(f"rule r:\n  match q: a quantity\n  where q is in the {place}", a) is expected
        assert fires(f"rule r:\n  match q: a quantity\n  where q is not in the {place}", a) is not expected
        assert fires(f"rule r:\n  match q: a {place} quantity", a) is expected


@pytest.mark.parametrize("gap", [0, 1, 2, 5])
def test_within_n_words_counts_the_words_between(gap):
    """Facts on words w00 and w(gap+1) have ``gap`` words between them."""
    a = Article()
    a.quantity(1.0)
    for _ in range(gap):
        a.span()
    a.quantity(2.0)
    for n in range(0, 8):
        rule = f"rule r:\n  match x: a quantity, y: a quantity\n  where x is within {n} words of y and x.value < y.value"
        assert fires(rule, a) is (gap <= n), (gap, n)
        negated = f"rule r:\n  match x: a quantity, y: a quantity\n  where x is not within {n} words of y and x.value < y.value"
        assert fires(negated, a) is (gap > n), (gap, n)


def test_within_zero_words_when_facts_touch_or_overlap():
    a = Article()
    a.quantity(1.0)
    wide = a.quantity(2.0)
    a.facts[1] = wide.model_copy(update={"start": 0, "end": 7, "text": "w00 w01"})  # overlaps the first
    assert cited(run("rule r:\n  match x: a quantity, y: a quantity\n  where x is within 0 words of y", a)) == [["f1", "f2"]]


# ------------------------------------------------------------ join keys
#: relation -> (fields of the left fact, fields of the right fact) that
#: relate them, then the change to the right fact that unrelates them.
JOINED = {
    "same_person": ("statement", {"speaker_entity": "e1"}, "age", {"age": 3, "person_entity": "e1"}, {"person_entity": "e2"}),
    "same_entity": ("statement", {"speaker_entity": "e1"}, "document", {"author_entity": "e1"}, {"author_entity": None}),
    "same_event": ("event", {"event_key": "vote"}, "event", {"event_key": "vote"}, {"event_key": "poll"}),
    "same_thing": ("quantity", {"value": 1.0, "noun_key": "troop"}, "quantity", {"value": 2.0, "noun_key": "troop"}, {"noun_key": "tank"}),
    "same_document": ("statement", {"document": "d9"}, "report", {"cites": ["d9"]}, {"cites": ["d8"]}),
    "disavows": ("statement", {"stance": "retract", "target_fact": "d9"}, "report", {"cites": ["d9"]}, {"cites": []}),
    "cites": ("report", {"cites": ["f2"]}, "document", {}, {"id": "f3"}),
}
PHRASE = {"same_person": "is the same person as", "same_entity": "is the same entity as", "same_event": "is the same event as",
          "same_thing": "is the same thing as", "same_document": "is the same document as", "disavows": "disavows", "cites": "cites"}


@pytest.mark.parametrize("name", JOINED)
@pytest.mark.parametrize("related", [True, False])
def test_relations_hold_only_through_their_key(name, related):
    lkind, left, rkind, right, unrelate = JOINED[name]
    a = Article()
    getattr(a, lkind)(**left)
    getattr(a, rkind)(**(right if related else {**right, **unrelate}))
    assert fires(f"rule r:\n  match x: a {lkind}, y: a {rkind}\n  where x {PHRASE[name]} y", a) is related
    # inside `or` there is no join: the relation's own test decides
    assert fires(f"rule r:\n  match x: a {lkind}, y: a {rkind}\n  where x {PHRASE[name]} y or x.id = \"none\"", a) is related


def test_same_person_excludes_organisations_and_places():
    for entity_type, person in (("person", True), ("unknown", True), ("organization", False), ("place", False)):
        a = Article()
        a.entity("Ann Lee", id="e1", entity_type=entity_type)
        a.statement(speaker_entity="e1")
        a.age(3, person_entity="e1")
        assert fires("rule r:\n  match s: a statement, g: an age\n  where s is the same person as g", a) is person, entity_type
        assert fires("rule r:\n  match s: a statement, g: an age\n  where s is the same entity as g", a)


def test_disavows_its_document_its_quoted_words_or_a_report_citing_it():
    for right, holds in (({"id": "d1"}, True), ({"document": "d1"}, True), ({}, False)):
        a = Article()
        a.statement(stance="retract", target_fact="d1")
        kind = "document" if "id" in right else "statement"
        getattr(a, kind)(**right)
        assert fires(f"rule r:\n  match s: a statement, x: a {kind}\n  where s disavows x", a) is holds, right
    a = Article()
    a.statement(stance="assert", target_fact="d1")
    a.document(id="d1")
    assert not fires("rule r:\n  match s: a statement, x: a document\n  where s disavows x", a)


def test_every_relation_is_pinned():
    tested = set(JOINED) | {"conflicts_with", "differs_from", "agrees_with", "spelled_differently", "before", "after",
                            "same_topic", "same_sentence", "same_paragraph", "within"}
    assert set(RELATIONS) == tested


# ------------------------------------------------------------ kinds
#: kind -> (a fact of that kind, a fact of the same fact kind that is not).
KIND_CASES = {
    "statement": (("statement", {}), ("report", {})),
    "denial": (("statement", {"stance": "deny"}), ("statement", {"stance": "assert"})),
    "retraction": (("statement", {"stance": "retract"}), ("statement", {"stance": "deny"})),
    "confirmation": (("statement", {"stance": "confirm"}), ("statement", {"stance": "assert"})),
    "assertion": (("statement", {"stance": "assert"}), ("statement", {"stance": "confirm"})),
    "quote": (("statement", {"direct": True}), ("statement", {"direct": False})),
    "report": (("report", {}), ("statement", {})),
    "document": (("document", {}), ("report", {})),
    "time": (("time", {"time_type": "duration"}), ("event", {})),
    "date": (("time", {"time_type": "date"}), ("time", {"time_type": "duration"})),
    "event": (("event", {}), ("time", {})),
    "quantity": (("quantity", {"value": 1.0}), ("age", {"age": 1})),
    "role": (("role", {"title_key": "mayor"}), ("age", {"age": 1})),
    "age": (("age", {"age": 1}), ("quantity", {"value": 1.0})),
    "entity": (("entity", {"name": "Ann Lee", "entity_type": "place"}), ("role", {"title_key": "mayor"})),
    "person": (("entity", {"name": "Ann Lee", "entity_type": "person"}), ("entity", {"name": "Ann Lee", "entity_type": "organization"})),
    "organization": (("entity", {"name": "Lee Ltd", "entity_type": "organization"}), ("entity", {"name": "Lee Ltd", "entity_type": "person"})),
    "repetition": (None, ("quantity", {"value": 1.0})),
    "letter": (("document", {"doc_type": "Letter"}), ("document", {"doc_type": "memo"})),
    "memo": (("document", {"doc_type": "memo"}), ("document", {"doc_type": "letter"})),
}


def test_every_kind_is_pinned():
    assert set(KINDS) <= set(KIND_CASES)


@pytest.mark.parametrize("kind", KIND_CASES)
def test_a_kind_matches_its_facts_only(kind):
    yes, no = KIND_CASES[kind]
    for case, expected in ((yes, True), (no, False)):
        if case is None:
            continue
        a = Article()
        getattr(a, case[0])(**case[1])
        assert fires(f"rule r: match x: a {kind}", a) is expected, case
        if kind in KINDS:  # a plural of a built-in kind means the same
            assert fires(f"rule r: match x: any {kind}s", a) is expected, case


# ------------------------------------------------------------ qualifiers
#: qualifier -> (kind word, fields it holds for, fields it does not).
QUALIFIER_CASES = {
    "official": ("statement", {"official": True}, {"official": False}),
    "unofficial": ("statement", {"official": False}, {"official": True}),
    "reported": ("document", {"reported": True}, {"reported": False}),
    "direct": ("statement", {"direct": True}, {"direct": False}),
    "paraphrased": ("statement", {"direct": False}, {"direct": True}),
    "anonymous": ("statement", {"anonymous": True}, {"anonymous": False}),
    "named": ("statement", {"speaker": "span", "anonymous": False}, {"speaker": None}),
    "media": ("report", {"source_type": "media"}, {"source_type": "agency"}),
    "draft": ("document", {"status": "draft"}, {"status": "leaked"}),
    "leaked": ("document", {"status": "leaked"}, {"status": "draft"}),
    "retracted": ("document", {"status": "retracted"}, {"status": "signed"}),
    "signed": ("document", {"status": "signed"}, {"status": None}),
    "approximate": ("quantity", {"value": 1.0, "approx": "about"}, {"value": 1.0}),
    "exact": ("quantity", {"value": 1.0}, {"value": 1.0, "approx": "over"}),
    "explicit": ("time", {"explicit": True}, {"explicit": False}),
    "relative": ("time", {"relative": True}, {"relative": False}),
    "resolved": ("time", {"value": "2020-01-01"}, {"value": None}),
    "former": ("role", {"title_key": "mayor", "former": True}, {"title_key": "mayor"}),
    "current": ("role", {"title_key": "mayor"}, {"title_key": "mayor", "former": True}),
    "past": ("event", {"tense": "past"}, {"tense": "future"}),
    "future": ("statement", {"tense": "future"}, {"tense": "unknown"}),
    "headline": ("quantity", {"value": 1.0, "in_headline": True}, {"value": 1.0}),
    "body": ("quantity", {"value": 1.0}, {"value": 1.0, "in_headline": True}),
}
#: more rows for qualifiers that read other fields on other kinds
QUALIFIER_MORE = [
    ("reported", "statement", {"direct": False}, {"direct": True}),
    ("reported", "report", {}, None),
    ("anonymous", "report", {"source_type": "anonymous"}, {"source_type": "media"}),
    ("named", "statement", {"speaker": "span", "anonymous": True}, "not"),
    ("named", "report", {"source_type": "named"}, {"source_type": "media"}),
    ("named", "report", {"source_type": "agency"}, {"source_type": "anonymous"}),
    ("resolved", "event", {"date": "2020-01"}, {"date": None}),
    ("past", "statement", {"tense": "past"}, {"tense": "present"}),
    ("future", "event", {"tense": "future"}, {"tense": "past"}),
]


def test_every_qualifier_is_pinned():
    assert set(QUALIFIERS) == set(QUALIFIER_CASES)


def _qualifier_rows():
    for name, (kind, yes, no) in QUALIFIER_CASES.items():
        yield name, kind, yes, True
        yield name, kind, no, False
    for name, kind, yes, no in QUALIFIER_MORE:
        if no == "not":
            yield name, kind, yes, False
            continue
        yield name, kind, yes, True
        if no is not None:
            yield name, kind, no, False


@pytest.mark.parametrize("qualifier, kind, fields, holds", list(_qualifier_rows()), ids=str)
def test_a_qualifier_holds_for_its_facts_only(qualifier, kind, fields, holds):
    a = Article()
    fields = dict(fields)
    if fields.get("speaker") == "span":
        fields["speaker"] = a.span()
    getattr(a, kind)(**fields)
    assert fires(f"rule r: match x: a {qualifier} {kind}", a) is holds
    assert fires(f"rule r:\n  match x: a {kind}\n  where x is {qualifier}", a) is holds
    assert fires(f"rule r:\n  match x: a {kind}\n  where x is not {qualifier}", a) is not holds


# ------------------------------------------------------------ joins by key
#: relation phrase -> (kind word, a fact with key number i), all keys distinct.
KEYED = {
    "is the same thing as": ("quantity", lambda a, i: a.quantity(1.0, noun_key=f"n{i}")),
    "differs from": ("quantity", lambda a, i: a.quantity(float(i), noun_key=f"n{i}")),
    "is the same person as": ("age", lambda a, i: a.age(30, person_entity=f"e{i}")),
    "is the same event as": ("event", lambda a, i: a.event(event_key=f"k{i}")),
    "is in the same sentence as": ("quantity", lambda a, i: a.quantity(1.0, sentence=i)),
    "is in the same paragraph as": ("quantity", lambda a, i: a.quantity(1.0, paragraph=i)),
    "is the same topic as": ("statement", lambda a, i: a.statement(topic=[f"class:c{i}", f"w{i}"])),
    "is spelled differently from": ("entity", lambda a, i: a.entity(f"Ann {chr(65 + i)}mith")),
}


@pytest.mark.parametrize("phrase", KEYED)
def test_a_join_looks_up_candidates_by_key_not_all_pairs(phrase):
    from factlint.evaluate.evaluator import match_rule
    from factlint.evaluate.index import FactIndex
    from factlint.vocab.context import EvalContext
    from meaning import compile_source, lexicons

    kind, make = KEYED[phrase]
    a = Article()
    n = 26
    for i in range(n):
        make(a, i)
    rule = compile_source(f"rule r:\n  match x: a {kind}, y: a {kind}\n  where x {phrase} y").rules[0]
    index = FactIndex(EvalContext(a.facts, lexicons()))
    assert match_rule(rule, index) == []
    assert index.visited <= 2 * n  # each fact, then itself under its own key; all pairs would be n * n


def test_no_relation_holds_between_a_fact_and_itself():
    """The evaluator never binds one fact twice; the relations say so too
    (for callers of the vocabulary), even where the fact shares every key
    with itself."""
    from factlint.vocab.context import EvalContext
    from meaning import lexicons

    a = Article()
    facts = [
        a.statement(stance="deny", topic=SHARED + ["x"], speaker_entity="e1", target_fact="f1", document="f1"),
        a.report(cites=["f2"], topic=SHARED),
        a.document(topic=SHARED),
        a.quantity(1.0), a.age(30, person_entity="e1"), a.role("mayor", person_entity="e1"),
        a.event(event_key="vote", date="2020-01-01"), a.time("2020-01-01"), a.entity("Ann Lee"),
    ]
    ctx = EvalContext(a.facts, lexicons())
    for name, rel in RELATIONS.items():
        for f in facts:
            if f.kind in rel.left and f.kind in rel.right:
                assert not rel.test(f, f, ctx), (name, f.kind)
