"""Topic keys: what each fact is about, as comparable normalized keys.

Owns: ``assign_topics`` (the pass run after every extractor and after
entity linking that fills ``fact.topic``), ``topic_keys`` (the keys of one
piece of text) and ``topic_overlap`` (how strongly two key lists agree, for
the engine's ``conflicts with`` relation).  Keys are:

* content words: lower case, possessive stripped, mapped to their lemma
  when lexicon ``word-lemmas`` lists them ("wrote=write", "sale=sell",
  "closure=close"), lightly stemmed (plural -s/-es/-ies, -ing, -ed, then a
  final -e, so close, closed, closing and closure share "clos"), minus the
  ``stopwords`` lexicon and words shorter than 3 letters; all-caps acronyms
  ("US", "IS") are kept whatever their length or stopword status;
* ``class:<name>`` when a phrase of lexicon ``topic-<name>`` occurs;
* ``entity:<id>`` for every entity with a mention overlapping the text
  (the words of that mention are then no content words of their own).

A denial that names what it denies (``target_fact``: "said the reports
were untrue", "called the letter a fake") also gets the keys of that
report or document.

The topical text of a fact: statement -> content; report -> content (else
the fact's text); document -> content and mention, plus the keys of its
``author_statements``; event ->
anchor (else the text); every other kind -> the fact's text.

Does not own: entity linking, or deciding that two facts conflict (rules).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ...facts.model import DocumentFact, EntityFact, EventFact, Fact, ReportFact, StatementFact
from ...lexicon import (
    FirstWordTable,
    IdentityCache,
    Lexicon,
    Lexicons,
    normalize_phrase,
)
from ...text.document import Document

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['\u2019]s?\Z")
#: weight of a shared key in ``topic_overlap``: classes and entities say more than a word
CLASS_WEIGHT = 2
WORD_WEIGHT = 1


#: the kinds of fact that are about something: what they say or what happened
TOPICAL_KINDS = frozenset({"statement", "report", "document", "event"})


def assign_topics(doc: Document, facts: list[Fact], lex: Lexicons) -> None:
    """Fill ``topic`` (sorted unique keys) on every fact of a topical kind
    (statement, report, document, event), in place; other facts keep none.

    Class hits and entity mentions are sorted by start once, so each fact
    looks up only those near its own spans (no fact x mention scan)."""
    mentions = sorted(
        (m.start, m.end, key)
        for ent in facts
        if isinstance(ent, EntityFact)
        for key in (f"entity:{ent.id}",)
        for m in (ent.mentions if ent.mentions else [ent])
    )
    keyer = word_keys_of(lex)
    windows = _windows([span for f in facts if f.kind in TOPICAL_KINDS for span in topical_spans(f)], len(doc.text))
    classes = _class_table(tuple(lex.with_prefix("topic-")))
    names = ["class:" + lexicon.name[len("topic-"):] for lexicon in classes.lexicons]
    hits = sorted(  # the class lexicons are searched together, only where topical facts are
        (m.start(), m.end(), names[k]) for lo, hi in windows for k, m in classes.finditer(doc.text, lo, hi)
    )
    hit_starts = [h[0] for h in hits]
    mention_starts = [m[0] for m in mentions]
    longest_mention = max((e - s for s, e, _ in mentions), default=0)
    for fact in facts:
        if fact.kind not in TOPICAL_KINDS:
            continue  # names, numbers, dates and the like say nothing about a topic
        keys: set[str] = set()
        for start, end in topical_spans(fact):
            words = _WORD.findall(doc.text, start, end)
            keys.update(filter(None, map(keyer.key, set(words))))  # (None: stopwords and short words)
            lo, hi = bisect.bisect_left(hit_starts, start), bisect.bisect_left(hit_starts, end)
            keys |= {name for hs, he, name in hits[lo:hi] if he <= end}
            lo = bisect.bisect_left(mention_starts, start - longest_mention)
            hi = bisect.bisect_left(mention_starts, end)
            named = [(ms, me, key) for ms, me, key in mentions[lo:hi] if start < me]
            keys |= {key for _, _, key in named}
            # a name's words are the entity, not what is said of it ("the State
            # Department" is entity:n3, not "stat" and "department")
            keys -= {k for ms, me, _ in named for w in _WORD.findall(doc.text, ms, me) if (k := keyer.key(w))}
        fact.topic = sorted(keys)
    by_id = {f.id: f for f in facts}
    for fact in facts:  # a document also says what its author says next to it
        if isinstance(fact, DocumentFact):
            for sid in fact.author_statements:
                said = by_id.get(sid)
                if said is not None:
                    fact.topic = sorted(set(fact.topic) | set(said.topic))
    for fact in facts:  # "said the reports were untrue": the denial is about the report
        if isinstance(fact, StatementFact) and fact.stance == "deny" and fact.target_fact:
            target = by_id.get(fact.target_fact)
            if target is not None:
                fact.topic = sorted(set(fact.topic) | set(target.topic))


#: characters searched past a topical span's end, so a phrase the span ends
#: inside of is seen whole (and then left out, as it does not fit the span)
_WINDOW_TAIL = 40


def _windows(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """The spans, extended at the end and merged where they meet."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        end = min(size, end + _WINDOW_TAIL)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def topical_spans(fact: Fact) -> list[tuple[int, int]]:
    """The (start, end) regions whose words say what ``fact`` is about."""
    whole = [(fact.start, fact.end)]
    if isinstance(fact, StatementFact):
        return [(fact.content.start, fact.content.end)]
    if isinstance(fact, ReportFact):
        return [(fact.content.start, fact.content.end)] if fact.content else whole
    if isinstance(fact, DocumentFact):
        parts = [fact.content, fact.mention]
        return [(s.start, s.end) for s in parts if s is not None]
    if isinstance(fact, EventFact):
        return [(fact.anchor.start, fact.anchor.end)] if fact.anchor else whole
    return whole


def topic_keys(text: str, lex: Lexicons) -> set[str]:
    """Content-word stems and ``class:<name>`` keys of ``text``."""
    keyer = word_keys_of(lex)
    keys = {k for m in _WORD.finditer(text) if (k := keyer.key(m.group()))}
    for lexicon in lex.with_prefix("topic-"):
        if lexicon.search(text):
            keys.add("class:" + lexicon.name[len("topic-"):])
    return keys


def topic_overlap(a: list[str], b: list[str]) -> int:
    """Weighted count of keys shared by ``a`` and ``b``: ``class:`` and
    ``entity:`` keys count CLASS_WEIGHT (2), content words WORD_WEIGHT (1)."""
    shared = set(a) & set(b)
    return sum(CLASS_WEIGHT if k.startswith(("class:", "entity:")) else WORD_WEIGHT for k in shared)


class WordKeys:
    """The key of each word (``key``), from the ``stopwords`` and
    ``word-lemmas`` lexicons, memoized by word (extractors ask about the same
    words in article after article)."""

    def __init__(self, stops: frozenset[str], lemmas: dict[str, str]):
        self.stops = stops
        self.lemmas = lemmas
        self.memo: dict[str, str | None] = {}

    def key(self, word: str) -> str | None:
        memo = self.memo
        if word in memo:
            return memo[word]
        if len(memo) > 50_000:
            memo.clear()
        found = memo[word] = self._key(word)
        return found

    def _key(self, word: str) -> str | None:
        if len(word) >= 2 and word.isupper() and word.isalpha():
            return word.lower()  # an acronym: US, IS, NATO
        low = word.lower().replace("\u2019", "'")
        stops = self.stops
        if low in stops:
            return None
        low = _POSSESSIVE.sub("", low)
        key = stem(self.lemmas.get(low, low))
        if len(key) < 3 or key in stops or low in stops:
            return None
        return key


def stem(word: str) -> str:
    """Light, deterministic suffix stripping: forces -> forc, repositioning ->
    reposition, closed / closing / close -> clos."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix, shortest in (("ing", 6), ("ed", 5)):
        if word.endswith(suffix) and len(word) >= shortest:
            base = word[: -len(suffix)]
            if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # stopped -> stop, running -> run
            return base
    if len(word) > 4 and word.endswith("e"):
        return word[:-1]  # close -> clos, as closed and closing
    return word


_KEYERS = IdentityCache()


def word_keys_of(lex: Lexicons) -> WordKeys:
    """The word keyer of ``lex``'s ``stopwords`` and ``word-lemmas``."""
    stops_lex, lemmas_lex = lex.get("stopwords"), lex.get("word-lemmas")
    return _KEYERS.get((stops_lex, lemmas_lex), lambda: WordKeys(_stopwords(stops_lex), _lemmas(lemmas_lex)))


def _lemmas(lexicon: Lexicon) -> dict[str, str]:
    """"variant=lemma" phrases as {variant: lemma} (the first pair of a variant wins)."""
    table: dict[str, str] = {}
    for phrase in lexicon.phrases:
        variant, sep, lemma = normalize_phrase(phrase).partition("=")
        if sep and variant and lemma:
            table.setdefault(variant.strip(), lemma.strip())
    return table


_CLASS_TABLES = IdentityCache()


def _class_table(lexicons: tuple[Lexicon, ...]) -> FirstWordTable:
    """The class lexicons' first-word table, built once per set of lexicons."""
    return _CLASS_TABLES.get(lexicons, lambda: FirstWordTable(list(lexicons)))


@lru_cache(maxsize=8)
def _stopwords(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(normalize_phrase(p) for p in lexicon.phrases)
