"""Tests for documents' authors: ``DocumentFact.author_statements`` (module
``documents_authors``), the attachments it relies on, and what the topic pass
and the denial-vs-document rule make of them."""

from __future__ import annotations

import time

import pytest
from factlint.api import check_text, load_rules
from factlint.extract import attribution
from factlint.extract.attribution.document_authors import (
    link_author_statements,
    read_name,
    same_name,
)
from factlint.extract.pipeline import extract_facts
from factlint.facts.model import DocumentFact, StatementFact
from factlint.lang.loader import load_default_lexicons
from factlint.lexicon import Lexicons
from factlint.text.document import Document

#: A guard against hangs (a quadratic path takes minutes on the long
#: inputs), not a speed target: speed is measured in bench/speed.py.
HANG_GUARD_SECONDS = 120


@pytest.fixture(scope="module")
def lex() -> Lexicons:
    return load_default_lexicons()


def run(text: str, lex: Lexicons):
    facts = attribution.extract(Document(text), lex)
    docs = [f for f in facts if isinstance(f, DocumentFact)]
    said = {f.id: f for f in facts if isinstance(f, StatementFact)}
    return docs, said


def linked_contents(text: str, lex: Lexicons) -> list[list[str]]:
    """For each document, the contents of its author statements."""
    docs, said = run(text, lex)
    return [[said[i].content.text for i in d.author_statements] for d in docs]


# (text, contents of the statements linked to the one document)
LINK_CASES = [
    # the author named again by its acronym
    ("Footfall fell in May, according to a letter from the Northern Retail Forum to its members, seen by the Herald. "
     "The NRF said seaside shops had lost a fifth of their trade.",
     ["seaside shops had lost a fifth of their trade"]),
    # an acronym given in brackets after the author
    ("Shops fear a quiet summer, according to a letter from the Retail Forum (TRF) to its members. "
     "The TRF said trade had fallen.",
     ["trade had fallen"]),
    # the subject of the clause the mention is an adjunct of, then "the group"
    ("The Island Ferry Users Group wants the fare rise reversed, in a letter signed by 300 members. "
     "The group said the new timetable would cut winter sailings.",
     ["the new timetable would cut winter sailings"]),
    # an acronym subject, then "It" (an organisation)
    ("The FUG criticises the operator, in a statement issued on Monday. It said sailings had been cut.",
     ["sailings had been cut"]),
    # "In a letter, X said": the speaker of the sentence's statement is the author
    ("In a letter to members, the union said the plant would close in June. It added that 40 jobs would go.",
     ["the plant would close in June", "40 jobs would go"]),
    # the author's surname with an honorific, resolved through speaker_ref
    ("A letter from Ann Lee to the board, seen by the Herald, asks for a pay freeze. "
     "Ms Lee said the firm had lost money for three years.",
     ["the firm had lost money for three years"]),
    # a definite description ending the author's phrase
    ("A memo from the council's chief executive to library staff warns of cuts. "
     "The chief executive said Riverside library would close in March.",
     ["Riverside library would close in March"]),
    # an active verb of writing: the subject wrote the letter
    ("The Riverside Trust sent a letter to the council. The trust said the museum would close. It added that ten jobs would go.",
     ["the museum would close", "ten jobs would go"]),
    # "It" after the document's own words is the document
    ("A memo from the finance director to staff said budgets would be frozen. It added that hiring would stop.",
     ["hiring would stop"]),
]


@pytest.mark.parametrize("text, contents", LINK_CASES)
def test_author_statements_are_linked(lex, text, contents):
    assert linked_contents(text, lex) == [contents]


# texts whose one document gets no author statement
NOT_LINKED = [
    # a different speaker's statement next to the document
    "The Island Ferry Users Group wants the fare rise reversed, in a letter signed by 300 members. "
    "A spokesman for the ferry operator said the new timetable would cut winter sailings.",
    # a pronoun whose nearest earlier speaker is someone else
    "A letter from the Retail Forum to its members warns of losses. A Treasury spokesman said sales were up. "
    "It said prices would rise.",
    # "he" cannot be an organisation
    "The NRF criticises the weather, in a statement issued on Monday. He said trade had fallen.",
    # the author's own denial says nothing the document says
    "A letter from the Retail Forum to its members warns of losses. The Retail Forum denied that shops would close.",
    # the author speaks in another paragraph
    "A letter from the Retail Forum to its members warns of losses.\n\nThe Retail Forum said shops would close.",
    # the subject was sent the letter: not its author
    "Mr Mennear, who was sent the letter by a friend, said he was shocked. He said the image was offensive.",
    # quoted in a memo: not its author
    "Ann Lee, quoted in a memo to staff, said pay would be frozen.",
    # the statement holding the mention speaks about the document
    "Judicial Watch said Judicial Watch's lawsuit had found new emails.",
]


@pytest.mark.parametrize("text", NOT_LINKED)
def test_other_speakers_are_not_linked(lex, text):
    docs, _ = run(text, lex)
    assert len(docs) == 1
    assert docs[0].author_statements == []


def test_author_after_a_time_adjunct(lex):
    text = "Prices rose, according to a report earlier this week from the Retail Forum. The Retail Forum said trade fell."
    docs, said = run(text, lex)
    [doc] = docs
    start = text.index("a report")
    assert (doc.mention.start, doc.mention.end, doc.mention.text) == (
        start, start + len("a report earlier this week from the Retail Forum"), "a report earlier this week from the Retail Forum")
    author = text.index("the Retail Forum")
    assert (doc.author.start, doc.author.end, doc.author.text) == (author, author + 16, "the Retail Forum")
    assert [said[i].content.text for i in doc.author_statements] == ["trade fell"]


def test_speaker_phrase_opening_with_a_document_and_its_author(lex):
    text = "Footfall fell in May, according to a report from the Northern Retail Forum."
    docs, said = run(text, lex)
    [doc] = docs
    start = text.index("a report")
    assert (doc.mention.start, doc.mention.end) == (start, len(text) - 1)
    assert doc.author.text == "the Northern Retail Forum"
    [statement] = said.values()
    assert statement.document == doc.id and statement.speaker_type == "document"
    assert statement.content.text == "Footfall fell in May"


def test_offsets_with_emoji_accents_and_crlf(lex):
    text = ("Lait \U0001f95b\r\n\r\nUne lettre \U0001f404 \u2014 a letter from the Société des Éleveurs (SDE) to ministers, seen by the "
            "Herald, warns of losses.\r\nThe SDE said milk prices had fallen by a fifth \U0001f95b.\r\n")
    docs, said = run(text, lex)
    [doc] = docs
    author = text.index("the Société")
    assert (doc.author.start, doc.author.end, doc.author.text) == (author, author + 24, "the Société des Éleveurs")
    assert text[doc.author.start:doc.author.end] == doc.author.text
    [sid] = doc.author_statements
    content = said[sid].content
    start = text.index("milk prices")
    # the emoji is one code point: 33 characters of words, a space and the emoji
    assert (content.start, content.end, content.text) == (start, start + 35, "milk prices had fallen by a fifth \U0001f95b")


@pytest.mark.parametrize("author, speaker, same", [
    ("the Northern Retail Forum", "The NRF", True),
    ("the Harbour Traders Guild (HTG)", "the HTG", True),
    ("Ann Lee", "Mr Lee", True),
    ("the council's chief executive", "the chief executive", True),
    ("UK think-tank Vantage", "Vantage", True),
    ("the Northern Retail Forum", "the National Rail Federation", False),
    ("the finance minister", "the defence minister", False),
    ("Ann Lee", "Tom Park", False),
])
def test_same_name(lex, author, speaker, same):
    org = lex.get("speaker-organization-words")
    a = read_name(author, 0, len(author), org)
    b = read_name(speaker, 0, len(speaker), org)
    assert same_name(a, b) is same
    assert same_name(b, a) is same


def test_document_topic_takes_its_author_statements_keys(lex):
    text = ("The Island Ferry Users Group wants the fare rise reversed, in a letter signed by 300 members. "
            "The group said the new timetable would cut winter sailings.")
    facts = extract_facts(Document(text), lex).facts
    [doc] = [f for f in facts if f.kind == "document"]
    [said] = [f for f in facts if f.id == doc.author_statements[0]]
    assert set(said.topic) <= set(doc.topic)
    assert {"timetabl", "winter", "sail"} <= set(doc.topic)


def test_denial_vs_document_cites_the_author_statement():
    text = ("Ferry fares\n\nThe Island Ferry Users Group wants the fare rise reversed, in a letter signed by 300 members, "
            "according to media reports. The group said the new timetable would cut winter sailings to Harris by half.\n\n"
            "Transport Minister Ruth Kerr rejected the claim that winter sailings to Harris would be cut.\n")
    findings = [f for f in check_text(text, None, load_rules()).findings if f.rule == "attribution/denial-vs-document"]
    assert len(findings) == 1
    cited = [c.text for n in findings[0].notes for c in n.citations]
    assert cited == ["the new timetable would cut winter sailings to Harris by half"]


def test_missing_lexicons_degrade_without_error():
    """Without lexicons there is no document word and no speech verb: nothing
    is found and linking has nothing to link; with them, the same text links
    the trust's statement to its letter."""
    text = "The Riverside Trust sent a letter to the council. The trust said the museum would close."
    facts = attribution.extract(Document(text), Lexicons())
    link_author_statements(Document(text), facts, Lexicons())
    assert facts == []
    facts = attribution.extract(Document(text), load_default_lexicons())
    link_author_statements(Document(text), facts, load_default_lexicons())
    assert [(f.kind, getattr(f, "author_statements", None)) for f in facts] == [("statement", None), ("document", ["s1"])]


def test_linking_a_one_megabyte_line_does_not_hang(lex):
    """A guard against quadratic linking (minutes), not a speed target: speed is bench/speed.py."""
    unit = ("The Riverside Trust sent a letter to the council. The trust said the museum would close. "
            "It added that ten jobs would go. ")
    text = unit * (1_000_000 // len(unit))
    doc = Document(text)
    facts = attribution.extract(doc, lex)
    began = time.perf_counter()
    link_author_statements(doc, facts, lex)
    assert time.perf_counter() - began < HANG_GUARD_SECONDS
    assert sum(len(f.author_statements) for f in facts if isinstance(f, DocumentFact)) >= 10_000


ADDRESSED_CASES = [
    # (text, document mention, author or None, recipient or None)
    ("Ann Lee sent a letter to the board on Monday.", "a letter to the board", "Ann Lee", "the board"),
    ("A memo to Congress said the base would close.", "A memo to Congress", None, "Congress"),
    ("A letter to the board from Ann Lee said jobs would go.", "A letter to the board from Ann Lee", "Ann Lee", "the board"),
    ("A letter from Ann Lee to the board said jobs would go.", "A letter from Ann Lee to the board", "Ann Lee", "the board"),
    ("Ann Lee said in a letter to staff that jobs would go.", "a letter to staff", "Ann Lee", "staff"),
    ("In a letter to the board, Ann Lee said jobs would go.", "a letter to the board", "Ann Lee", "the board"),
    ("Ann Lee wrote a letter to ask for help.", "a letter", "Ann Lee", None),  # an infinitive, no addressee
    ("Ann Lee sent a letter to the council by email on Monday.", "a letter to the council", "Ann Lee", "the council"),
    ("The report, to the surprise of many, said profits rose.", "The report", None, None),
    ("A memo sent to staff by Ann Lee said so.", "A memo sent to staff by Ann Lee", "Ann Lee", "staff"),
    ("Ann Lee wrote a letter to Tom Ode.", "a letter to Tom Ode", "Ann Lee", "Tom Ode"),
]


@pytest.mark.parametrize("text, mention, author, recipient", ADDRESSED_CASES)
def test_addressee_and_author_of_a_document(lex, text, mention, author, recipient):
    facts = extract_facts(Document(text), lex).facts
    (d,) = [f for f in facts if isinstance(f, DocumentFact)]
    assert d.mention.text == mention and text[d.mention.start:d.mention.end] == mention
    assert (d.author.text if d.author else None) == author
    assert (d.recipient.text if d.recipient else None) == recipient
    spans = [s for s in (d.mention, d.author, d.recipient, d.content) if s is not None]
    assert (d.start, d.end) == (min(s.start for s in spans), max(s.end for s in spans))
    assert text[d.start:d.end] == d.text


@pytest.mark.parametrize("text, content", [
    ("Ann Lee said in a letter to the board that the plan was dead.", "the plan was dead"),
    ("Ann Lee wrote in a letter to staff on Monday that jobs would go.", "jobs would go"),
    ("Ann Lee said in an interview for Sky News that the plan was dead.", "the plan was dead"),
])
def test_a_statement_made_in_an_addressed_letter_or_interview(lex, text, content):
    (s,) = run(text, lex)[1].values()
    assert s.speaker.text == "Ann Lee" and s.content.text == content


def test_an_infinitive_after_a_cue_is_not_an_addressee(lex):
    text = "Ann Lee said in a bid to calm markets that rates would hold."
    docs, said = run(text, lex)
    assert all("calm" not in s.content.text for s in said.values())
    assert all(d.recipient is None for d in docs)


def test_a_clause_author_is_taken_only_from_the_mention_s_sentence(lex):
    text = "Ann Lee said the firm was fine and would grow.\n\nLater she said in a letter to staff that pay would fall."
    (d,) = [f for f in extract_facts(Document(text), lex).facts if isinstance(f, DocumentFact)]
    assert d.author is None  # "she" is Ann Lee, but her name is in another paragraph
    assert text[d.start:d.end] == d.text == "a letter to staff"


@pytest.mark.parametrize("text", [
    "A memo from the chief executive to staff, seen by this newspaper, says the library will close.",
    "A memo from the chief executive, seen by this paper, says the library will close.",
    "A memo from the chief executive, seen by the BBC, says the library will close.",
    "The library will close in March, according to a leaked memo from the chief executive.",
])
def test_a_document_the_article_or_an_outlet_saw_is_reported(lex, text):
    (d,), _ = run(text, lex)
    assert d.reported is True


def test_a_document_nobody_saw_is_not_reported(lex):
    text = "In a memo to staff, the chief executive says the library will close."
    (d,), _ = run(text, lex)
    assert d.reported is False


def test_denial_vs_document_passes_when_the_author_retracted_the_letter():
    base = ("Port sale\n\nThe northern port will be sold this year, The Guardian reported, citing a letter from "
            "the finance minister.{}\n\n\"There are no plans to sell the northern port,\" a ministry spokesman said.\n")
    rules = load_rules()
    fired = [f.rule for f in check_text(base.format(""), None, rules).findings]
    assert "attribution/denial-vs-document" in fired
    for retraction in (" The minister has since retracted the letter.",
                       " The minister withdrew the letter, saying it had been sent in error."):
        fired = [f.rule for f in check_text(base.format(retraction), None, rules).findings]
        assert "attribution/denial-vs-document" not in fired


# ---------------------------------- session 3 audit: documents the audit missed
def statements_of(text: str, lex: Lexicons):
    return [f for f in attribution.extract(Document(text), lex) if isinstance(f, StatementFact)]


def span3(span):
    return None if span is None else (span.start, span.end, span.text)


def at(text: str, needle: str) -> tuple[int, int, str]:
    start = text.index(needle)
    return start, start + len(needle), needle


# (text, doc_type, mention, content, reported, status)
DOCUMENT_VERB_CASES = [
    ("A memo from the finance director, obtained by the Herald, shows the stadium will be sold.",
     "memo", "A memo from the finance director", "the stadium will be sold", True, None),
    ("Minutes of a board meeting, seen by the Herald, record that the trust agreed to close the unit.",
     "minutes", "Minutes of a board meeting", "the trust agreed to close the unit", True, None),
    ("WhatsApp messages seen by the Times show that the minister told aides the schools would merge.",
     "messages", "WhatsApp messages", "the minister told aides the schools would merge", True, None),
    ("Leaked emails show that the plan was dropped in May.",
     "emails", "Leaked emails", "the plan was dropped in May", True, "leaked"),
    ("A memo seen by the Times revealed that the depot would shut.",
     "memo", "A memo", "the depot would shut", True, None),
    ("The council's report sets out how the library will close.",
     "report", "The council's report", "how the library will close", False, None),
]


@pytest.mark.parametrize("text, doc_type, mention, content, reported, status", DOCUMENT_VERB_CASES)
def test_a_document_that_shows_or_records_says_it(lex, text, doc_type, mention, content, reported, status):
    docs, said = run(text, lex)
    (d,) = docs
    assert (d.doc_type, span3(d.mention), span3(d.content)) == (doc_type, at(text, mention), at(text, content))
    assert (d.reported, d.status) == (reported, status)
    (s,) = [s for s in said.values() if s.document == d.id]
    assert s.speaker_type == "document" and span3(s.content) == at(text, content)


@pytest.mark.parametrize("text", [
    "Minutes later, officers seen by witnesses said the road was shut.",
    "Figures show that crime fell last year.",
    "Ten minutes of talks followed, and the union said it would strike.",
    "The minister, citing a memo, proposed that the tax be cut.",
    "The records show no sign of damage, the engineer said.",
])
def test_no_document_says_it(lex, text):
    docs, said = run(text, lex)
    assert [s for s in said.values() if s.speaker_type == "document"] == []
    assert all(d.content is None for d in docs)


def test_the_told_audience_is_no_content(lex):
    text = "WhatsApp messages seen by the Times show that the minister told aides the schools would merge."
    (s,) = [s for s in statements_of(text, lex) if s.speaker is not None and s.speaker.text == "the minister"]
    assert (span3(s.cue), span3(s.content)) == (at(text, "told aides"), at(text, "the schools would merge"))


def test_an_author_ends_before_seen_by(lex):
    text = "A letter from the chief constable seen by the Echo says officers will be cut."
    (d,), _ = run(text, lex)
    assert span3(d.author) == at(text, "the chief constable")
    assert span3(d.mention) == at(text, "A letter from the chief constable")


def test_a_bare_document_offsets_with_emoji_accents_and_crlf(lex):
    text = ("Caf\u00e9 \U0001f600\r\n\r\nMinutes of the Zo\u00eb Pe\u00f1a trust meeting, seen by the Herald, "
            "record that the caf\u00e9 will close.\r\n")
    (d,), _ = run(text, lex)
    assert span3(d.mention) == at(text, "Minutes of the Zo\u00eb Pe\u00f1a trust meeting")
    assert d.mention.start == 10  # code points in the CRLF text (the emoji counts one)
    assert span3(d.content) == at(text, "the caf\u00e9 will close")


@pytest.mark.parametrize("disavowal", [
    "The council later said the memo was an early draft that had never been adopted.",
    "The council later said the memo was a draft.",
])
def test_an_early_draft_disavows_the_memo(lex, disavowal):
    text = ("A memo from the chief executive, seen by the BBC, says Riverside library will close.\n\n"
            + disavowal + "\n")
    (d,), said = run(text, lex)
    (r,) = [s for s in said.values() if s.stance == "retract"]
    assert (r.target_fact, span3(r.target), d.status) == (d.id, at(text, "the memo"), "draft")


DENIED_DOCUMENTS = [
    ("A memo from the agency's deputy director, obtained by The Associated Press, shows the agency will cut "
     "2,000 inspection jobs by September.\n\nAn agency spokesperson denied that the agency was cutting inspection jobs."),
    ("Minutes of a board meeting, seen by the Herald, record that the trust agreed to close the A&E department "
     "overnight.\n\nA trust spokesman said the board had not agreed to close A&E at night."),
    ("WhatsApp messages seen by the Times show that the education minister told aides the Ridgeway and Eastgate "
     "schools would merge in 2025.\n\nThe Department for Education denied that the two schools would merge."),
]


@pytest.mark.parametrize("body", DENIED_DOCUMENTS)
def test_denial_vs_document_sees_documents_that_show_or_record(body):
    found = check_text("Headline\n\n" + body + "\n", "2024-03-20", load_rules()).findings
    assert "attribution/denial-vs-document" in [f.rule for f in found]


def test_documents_that_show_and_negated_claims_stay_linear(lex):
    """A hang guard (a quadratic path takes minutes on this text), not a speed
    target: speed is bench/speed.py.  What is found grows with the text."""
    unit = "Minutes of the meeting, seen by the Herald, show that no stations would close, the official said, and "
    counts = []
    for repeats in (100, 4000):
        began = time.perf_counter()
        facts = attribution.extract(Document(unit * repeats), lex)
        assert time.perf_counter() - began < HANG_GUARD_SECONDS
        counts.append(sum(isinstance(f, StatementFact) for f in facts))
    assert counts[0] >= 90 and counts[1] == counts[0] * 40
