"""People extractor: entities (``n``), roles (``p``) and ages (``a``).

Owns: running the name finder, entity grouping, role and age finders in
order, feeding role/age evidence back into entity types (a person with a
title or an age is a person), and turning the results into fact records.

* EntityFact: ``name`` is the fullest written form without honorific
  ("Richard Thomas"), ``aliases`` the other written forms ("Mr Thomas",
  "Thomas", an acronym), ``mentions`` every mention in text order, and the
  fact's own span (what a finding about the entity cites) is the first
  body mention, for a person the first with the most name words, the one
  that shows the name ("José Ramírez", not the headline's "Ramírez").  A surname-only near miss of a
  person named in full ("Mr Seeley" after "William Seely") is its own
  entity named "(William) Seeley"; a surname shared by two people named in
  full ("Robinson" after Andy and Jason Robinson) is its own entity too
  (see ``people.surnames``).  ``marked_sic`` when every mention is followed
  by "[sic]"; names glued to a slash ("Reuters/Ann Lee") are credits, not
  mentions; ``named_with`` lists the entities of the same last name named
  in one sentence with it (two people side by side).
* RoleFact: ``person`` the name mention, ``title`` the title words (never the
  organisation, never "former"), ``org`` when the text gives one,
  ``title_key`` and ``title_class`` (see ``people.titles``).
* AgeFact: ``age``, ``expression`` (the words giving it) and ``person`` when
  the text ties the age to a named person; ``at_event`` for an age at some
  event rather than now, ``anaphoric`` when the person was found by nearness.

``person_entity`` is left empty: the link pass (``link``) fills it.

Does not own: how names/roles/ages are recognised (``people.names``,
``people.roles``, ``people.ages``, ``text.words``).
"""

from __future__ import annotations

from ...facts.model import AgeFact, EntityFact, Fact, RoleFact, Span
from ...lexicon import Lexicons
from ...text.document import Document
from ...text.words import Words
from .ages import Age, AgeFinder
from .grouping import EntityGrouper
from .mentions import Entity
from .names import NameFinder
from .roles import Role, RoleFinder
from .tables import NameTables
from .titles import TitleKeys


def extract(doc: Document, lex: Lexicons) -> list[Fact]:
    words = Words.of(doc.text)
    tables = NameTables.of(lex)
    mentions = NameFinder(doc, words, tables).find()
    grouper = EntityGrouper(words, tables)
    entities = grouper.group(mentions)
    head = doc.headline
    roles = RoleFinder(words, lex, tables, mentions, head.end if head else 0).find()
    ages = AgeFinder(doc, words, lex, tables, mentions).find()
    typed = False
    for found in [r.person for r in roles] + [a.person for a in ages if a.person is not None]:
        if found.entity is not None and found.entity.entity_type == "unknown":
            found.entity.person_evidence = True
            found.entity.entity_type = grouper.type_of(found.entity)
            typed = typed or found.entity.entity_type == "person"
    if typed:
        grouper.type_by_first_names()  # "José Ramírez" beside "José Ramires, 41"
    text = doc.text
    named = [_entity_fact(text, e, f"n{i}") for i, e in enumerate(entities, 1)]
    _mark_named_together(doc, entities, named)
    facts: list[Fact] = list(named)
    keys = TitleKeys(lex)
    facts.extend(_role_fact(text, r, f"p{i}", keys) for i, r in enumerate(roles, 1))
    facts.extend(_age_fact(text, a, f"a{i}") for i, a in enumerate(ages, 1))
    return facts


def _mark_named_together(doc: Document, entities: list[Entity], facts: list[EntityFact]) -> None:
    """Fill ``named_with``: entities sharing a last name word with a
    mention in one sentence ("Maria Gonzalez and her brother, Mario
    Gonzalez").  Entities are bucketed by (last name word, sentence), so
    the cost follows the mentions, not the square of the namesakes."""
    buckets: dict[tuple[str, int], list[int]] = {}
    for i, e in enumerate(entities):
        for m in e.mentions:
            sentence = doc.sentence_at(m.start)
            if sentence is not None:
                bucket = buckets.setdefault((e.key[-1], sentence.index), [])
                if not bucket or bucket[-1] != i:
                    bucket.append(i)
    together: dict[int, set[int]] = {}
    for bucket in buckets.values():
        if len(bucket) > 1:
            for i in bucket:
                together.setdefault(i, set()).update(j for j in bucket if j != i)
    for i, others in together.items():
        facts[i].named_with = [facts[j].id for j in sorted(others)]


def _extent(text: str, spans: list[Span]) -> dict:
    start = min(s.start for s in spans)
    end = max(s.end for s in spans)
    return {"start": start, "end": end, "text": text[start:end]}


def _entity_fact(text: str, e: Entity, fid: str) -> EntityFact:
    mentions = [Span.of(text, m.start, m.end) for m in e.mentions]
    fullest = max(e.mentions, key=lambda m: (len(m.key), m.end - m.start, -m.start))
    name = " ".join(text[fullest.name_start : fullest.end].split())
    surname_only = e.entity_type == "person" and len(fullest.key) == 1
    aliases: list[str] = []
    for s in mentions:
        form = " ".join(s.text.split())
        if form != name and form not in aliases:
            aliases.append(form)
    body = [m for m in e.mentions if not m.headline] or e.mentions
    cited = max(body, key=lambda m: (len(m.key), -m.start)) if e.entity_type == "person" else body[0]
    first = Span.of(text, cited.start, cited.end)
    return EntityFact(
        id=fid, start=first.start, end=first.end, text=first.text,
        name=name, entity_type=e.entity_type, mentions=mentions, aliases=aliases,
        surname_only=surname_only, near_miss=surname_only and e.presumed_first is not None,
        marked_sic=all(m.sic for m in e.mentions), shared_surname=e.ambiguous,
    )


def _role_fact(text: str, r: Role, fid: str, keys: TitleKeys) -> RoleFact:
    person = Span.of(text, r.person.start, r.person.end)
    title = Span.of(text, *r.title)
    org = Span.of(text, *r.org) if r.org else None
    spans = [person, title] + ([org] if org else [])
    key = keys.key(title.text)
    return RoleFact(
        id=fid, person=person, title=title, org=org, former=r.former, change=r.change,
        title_key=key, title_class=keys.title_class(key), **_extent(text, spans),
    )


def _age_fact(text: str, a: Age, fid: str) -> AgeFact:
    expression = Span.of(text, *a.span)
    person = Span.of(text, a.person.start, a.person.end) if a.person else None
    spans = [expression] + ([person] if person else [])
    return AgeFact(
        id=fid, person=person, age=a.value, expression=expression, at_event=a.at_event, anaphoric=a.anaphoric,
        **_extent(text, spans),
    )
