"""Fact models: what factlint knows about an article.

Owns: the pydantic records for every fact kind, the ``Span`` every
text-derived field carries, and ``FactSet`` (an article's facts plus id
lookup).  Every span is a pair of Unicode code-point offsets into the
document text, end exclusive, plus the text it covers; ``Span.text`` always
equals ``document.text[start:end]``.

Does not own: how facts are found (``extract``) or indexed for joins
(``evaluate.index``).

Fact kinds (the ``kind`` field) and what they mean:

=========== ===================================================================
statement   someone said something: speaker, cue verb, content, stance
report      a media report or agency account and what it claims
document    a letter, memo, resolution, statement... and its status
event       something that happened, with the time it is given
time        a temporal expression with its normalized value
quantity    a number of things: value, approximation, counted noun
role        a person given a title/role, optionally at an organisation
age         a person's age as stated
entity      a person/organisation/place with all its mentions
repetition  the same word twice in a row ("that that")
=========== ===================================================================
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Span(BaseModel):
    """A region of the document: code-point offsets (end exclusive) and text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``, built without re-validation (it is
        correct by construction; this is the extractors' hot path)."""
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}-{end} outside text of length {len(text)}")
        if _FAST_SPANS and cls is Span:
            return _bare_span(start, end, text[start:end])
        return cls.model_construct(start=start, end=end, text=text[start:end])


_SPAN_FIELDS = frozenset({"start", "end", "text"})


def _bare_span(start: int, end: int, text: str) -> Span:
    """A Span set up the way ``model_construct`` sets one up, at a third of
    its cost (about 75 spans an article).  Used only if it gives exactly what
    ``model_construct`` gives on this pydantic version (checked at import)."""
    span = object.__new__(Span)
    object.__setattr__(span, "__dict__", {"start": start, "end": end, "text": text})
    object.__setattr__(span, "__pydantic_fields_set__", set(_SPAN_FIELDS))
    object.__setattr__(span, "__pydantic_extra__", None)
    object.__setattr__(span, "__pydantic_private__", None)
    return span


def _bare_spans_work() -> bool:
    try:
        bare, built = _bare_span(1, 3, "ab"), Span.model_construct(start=1, end=3, text="ab")
        same_state = all(
            getattr(bare, a, None) == getattr(built, a, None)
            for a in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")
        )
        return same_state and bare == built and bare.model_dump() == built.model_dump()
    except Exception:  # any change in pydantic's internals: use model_construct
        return False


_FAST_SPANS = _bare_spans_work()


Stance = Literal["assert", "deny", "confirm", "retract"]
#: the tense of a statement's content or of an event's verb
Tense = Literal["past", "present", "future", "unknown"]


class Fact(BaseModel):
    """Fields every fact has.

    ``start``/``end``/``text`` is the fact's whole extent (for a statement:
    speaker, cue and content together).  ``sentence`` and ``paragraph`` are
    0-based indexes into the document's sentences and paragraphs;
    ``in_headline`` says whether the fact lies in the headline.  ``topic``
    holds normalized keys (content words, ``entity:<id>``, ``class:<name>``)
    that rules use to decide whether two facts speak about the same thing;
    only statements, reports, documents and events have them.
    """

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    sentence: int = 0
    paragraph: int = 0
    in_headline: bool = False
    topic: list[str] = Field(default_factory=list)

    def cite_span(self) -> Span:
        """The span a finding cites for this fact (the whole fact by default)."""
        return Span(start=self.start, end=self.end, text=self.text)


class StatementFact(Fact):
    """An attributed statement.

    ``speaker`` is the speaker as written (None when the text names nobody);
    ``speaker_entity`` the entity id it resolves to.  ``speaker_type`` is one of
    person, organization, media, anonymous, document, pronoun, unknown.
    ``official`` is true when the speaker holds an official title or is a
    government body (decided by the ``official-titles`` and
    ``official-bodies`` lexicons).  ``direct`` is true for quoted words.
    ``target``/``target_fact`` name what a denial or retraction is about when
    the text says ("the letter"); ``document`` is set when the speaker is a
    document ("the letter said").  A quoted sentence that no cue attributes
    is a statement with ``cue`` and ``speaker`` None; its ``speaker_ref`` is
    then the speaker of an attribution in the same, previous or next
    paragraph (whom a reader would take it to continue), if any.
    """

    kind: Literal["statement"] = "statement"
    speaker: Span | None = None
    #: for a pronoun or surname speaker, the named mention it refers to
    speaker_ref: Span | None = None
    speaker_entity: str | None = None
    speaker_type: str = "unknown"
    speaker_title: str | None = None
    #: the cue verb ("said"); None for a quote no cue attributes
    cue: Span | None = None
    content: Span
    stance: Stance = "assert"
    stance_cue: Span | None = None
    direct: bool = False
    official: bool = False
    anonymous: bool = False
    tense: Tense = "unknown"
    target: Span | None = None
    target_fact: str | None = None
    document: str | None = None

    def cite_span(self) -> Span:
        return self.content


class ReportFact(Fact):
    """A media or agency report: who reports, what it claims, what it cites."""

    kind: Literal["report"] = "report"
    source: Span
    source_type: str = "media"  # media, agency, anonymous, named
    cue: Span | None = None
    content: Span | None = None
    cites: list[str] = Field(default_factory=list)  # ids of document facts
    stance: Stance = "assert"

    def cite_span(self) -> Span:
        return self.content or Span(start=self.start, end=self.end, text=self.text)


class DocumentFact(Fact):
    """A document mentioned in the article (letter, memo, resolution, ...).

    ``doc_type`` is the head word (letter, memo, report, resolution,
    statement, draft, email, ...).  ``status`` is draft, leaked, retracted,
    signed or None.  ``reported`` is true when the article knows of it only
    through a report.  ``content`` is the document's own quoted words when the
    article quotes them ("the letter said ...").
    """

    kind: Literal["document"] = "document"
    doc_type: str
    mention: Span
    author: Span | None = None
    author_entity: str | None = None
    recipient: Span | None = None
    status: str | None = None
    reported: bool = False
    content: Span | None = None
    #: what a report citing the document by a ``citation-cues`` participle
    #: says ("Troops will leave, Reuters reported, citing a letter from ...":
    #: "Troops will leave"): the report says the document says it
    reported_content: Span | None = None
    mentions: list[Span] = Field(default_factory=list)
    #: ids of the statements (asserting or confirming) that the document's
    #: author makes in the paragraph of its first mention: the author named
    #: again ("The NRF" for "a report from the Northern Retail Forum"),
    #: or a pronoun or "the group" whose nearest earlier speaker in the
    #: paragraph is the author or the document itself.  They say what the
    #: document says: the topic pass adds their topic keys to the
    #: document's.  (The document's own words, "the letter said", are
    #: statements whose ``document`` is this id instead.)
    author_statements: list[str] = Field(default_factory=list)

    def cite_span(self) -> Span:
        return self.content or self.mention


#: TimeML's types of temporal expression
TimeType = Literal["date", "time", "duration", "set"]
#: how precise a time value is
Granularity = Literal["day", "month", "year", "week", "quarter", "season", "decade", "century", "unknown"]


class TimeFact(Fact):
    """A temporal expression and its normalized value.

    ``value`` is ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or None when it cannot
    be resolved.  ``time_type`` follows TimeML: date, time, duration, set.
    ``weekday`` is the weekday named in the expression (Monday..Sunday), if
    any; ``explicit`` is true when the expression gives the calendar date
    itself (not resolved from the publication date).
    """

    kind: Literal["time"] = "time"
    value: str | None = None
    time_type: TimeType = "date"
    #: quarter/season/decade/century carry TimeML values: 1998-Q3, 1998-SU, 199, 19
    granularity: Granularity = "unknown"
    weekday: str | None = None
    #: weekday (Monday..Sunday) of ``value`` when granularity is day, else None
    actual_weekday: str | None = None
    explicit: bool = False
    relative: bool = False
    #: "year" when the year was not written but chosen from the publication
    #: date ("Jan. 3", "in March"); "week" for a bare weekday ("on Monday");
    #: None when the text pins the value.  Such a value may be moved by one
    #: year/week to fit the tense of the event it dates.
    inferred: str | None = None


class EventFact(Fact):
    """Something that happened, with the time the text gives it."""

    kind: Literal["event"] = "event"
    trigger: Span
    time: str | None = None  # id of the TimeFact
    date: str | None = None  # its value
    tense: Tense = "unknown"
    anchor: Span | None = None  # the whole dated phrase
    #: lower-case trigger lemma plus its main object/modifier ("attack drone",
    #: "pass resolution", "die"): equal keys mean "the same kind of event"
    event_key: str = ""


class QuantityFact(Fact):
    """A count or measure.  ``approx`` is None for an exact figure, else the
    approximator as a normalized word (over, under, about, at least, at most,
    nearly, some, up to).  ``unit`` is None for counts of things, else
    percent, "percentage point", a currency code (USD, GBP, EUR, ...), a
    measure unit (m, km, kg, kW, ...) or "votes" for vote tallies.
    ``noun_key`` is the counted noun's head, lower case and singular ("troop");
    ``noun_modifiers`` the words before the head in the noun span ("us")."""

    kind: Literal["quantity"] = "quantity"
    value: float
    value_high: float | None = None
    approx: str | None = None
    noun: Span | None = None
    noun_key: str | None = None
    unit: str | None = None
    #: the figure as written, with currency sign, scale word and unit ("$5m", "3.5%")
    figure: Span | None = None
    #: lower-case words before the head inside ``noun`` ("5,000 US troops" -> ["us"])
    noun_modifiers: list[str] = Field(default_factory=list)
    #: the count is restated as already known: an exact figure after "the",
    #: "those" or "these" ("the 23 people"), not the whole of a part ("5 of
    #: the 23 people") and not picked out by what follows it ("the 23 people
    #: who ...", "the 23 people injured", "the 23 people in hospital")
    definite: bool = False
    #: what happened to the things counted: the verb or adjective after the
    #: figure ("were killed", "20 injured", "12 dead") or before it ("kills
    #: 12", "sold 3,000 cars", "rose to 15")
    action: Span | None = None
    #: the action's meaning (lexicon ``quantity-action-keys``: "killed",
    #: "died", "dead" -> "death"), else the action in lower case
    action_key: str | None = None
    #: for a figure without a counted noun, what it is the value of: the
    #: subject of its action ("Unemployment rose to 5.2%") or the noun before
    #: "of"/"at" ("a turnout of 64%", "a death toll of 15")
    measure: Span | None = None


class RoleFact(Fact):
    """A person given a title or role (optionally at an organisation)."""

    kind: Literal["role"] = "role"
    person: Span
    person_entity: str | None = None
    title: Span
    org: Span | None = None
    former: bool = False
    change: bool = False  # "was promoted to", "became"
    #: the title in canonical form: lower case, ``title-synonyms`` applied
    #: ("spokeswoman" -> "spokesperson", "Prof" -> "professor"); equal keys
    #: mean the same title
    title_key: str = ""
    #: the exclusive class of the title (a ``title-class-*`` lexicon name
    #: without the prefix: "government-office", "legislature", ...): one
    #: person holds at most one title of a class at a time; None when the
    #: title is in no class
    title_class: str | None = None


class AgeFact(Fact):
    kind: Literal["age"] = "age"
    person: Span | None = None
    person_entity: str | None = None
    age: int
    #: the words that give the age: "54" in "Smith, 54,", "54-year-old", "aged 54"
    expression: Span | None = None
    #: the age at some past or future event, not the person's age now: "left
    #: school at the age of 15", "aged 20 when he left" (never for an age
    #: at death: "died at the age of 84")
    at_event: bool = False
    #: the person was found by nearness, not by the sentence's structure
    #: ("The 54-year-old said ...": the nearest named person before it)
    anaphoric: bool = False


class EntityFact(Fact):
    """A named entity with every mention the text makes of it."""

    kind: Literal["entity"] = "entity"
    name: str
    #: a person the text names only by surname (with or without an honorific)
    surname_only: bool = False
    #: a surname-only person whose surname is one letter off (two for long
    #: names) a person named in full, and no one of exactly that surname is
    #: named: most likely a misspelling of that person's name
    near_miss: bool = False
    #: every mention is followed by "[sic]": the writer keeps a source's
    #: spelling on purpose, so it is no misspelling of another name
    marked_sic: bool = False
    #: ids of the entities with the same last name word that the text
    #: names in one sentence with this one ("Maria Gonzalez and her brother,
    #: Mario Gonzalez"): written side by side, they are two people
    named_with: list[str] = Field(default_factory=list)
    #: a bare surname shared by two or more people named in full ("Cole"
    #: after Ruth and Daniel Cole): it could be either, so roles and ages
    #: are not linked to it (they would be about no one person)
    shared_surname: bool = False
    entity_type: str = "unknown"  # person, organization, place, unknown
    mentions: list[Span] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)


class RepetitionFact(Fact):
    """The same word twice in a row; ``previous``/``following`` are the
    neighbouring words (lower case) so rules can tell slips from grammar."""

    kind: Literal["repetition"] = "repetition"
    word: str
    first: Span
    second: Span
    previous: str | None = None
    following: str | None = None
    #: how the second word is written: "lower", "capitalized" (a name or a
    #: title: "Bafana Bafana", "law lord Lord Bingham") or "upper" (an
    #: acronym or shouting: "at AT&T", "ME ME")
    second_case: str = "lower"
    #: how many times the word stands in a row (3 in "Gimme Gimme Gimme")
    run: int = 2


#: any one fact, told apart by its ``kind``; the one list of fact classes,
#: in the order kinds are documented
AnyFact = Annotated[
    StatementFact
    | ReportFact
    | DocumentFact
    | TimeFact
    | EventFact
    | QuantityFact
    | RoleFact
    | AgeFact
    | EntityFact
    | RepetitionFact,
    Field(discriminator="kind"),
]

#: every fact class, derived from ``AnyFact`` (written once, above)
FACT_TYPES: tuple[type[Fact], ...] = get_args(get_args(AnyFact)[0])

FACT_CLASSES: dict[str, type[Fact]] = {cls.model_fields["kind"].default: cls for cls in FACT_TYPES}
#: every fact kind: the one list, derived from the models above
FACT_KINDS: frozenset[str] = frozenset(FACT_CLASSES)


class FactSet(BaseModel):
    """All facts of one article, in document order, with lookup by id."""

    model_config = ConfigDict(extra="forbid")

    path: str = "<text>"
    published: str | None = None
    facts: list[AnyFact] = Field(default_factory=list)

    def by_id(self) -> dict[str, Fact]:
        return {f.id: f for f in self.facts}

    def of_kind(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]
