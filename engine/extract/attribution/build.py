"""Attribution facts: turning found attributions into linked facts.

Owns: telling reports (media, agency, "reports") from statements, the
speaker's kind, title, officialness and anonymity (memoized per phrase),
a pronoun's or surname's earlier named speaker (``speaker_ref``), stance
(an official's negated claim is a denial: ``negated_claim``) and tense,
the links between facts (``document``, ``target_fact``, ``cites``), and
the numbering of ``StatementFact`` (s), ``ReportFact`` (r) and the
``DocumentFact`` (d) of the ``DocumentBook``.

Does not own: finding attributions (``attribution.cues``), document
mentions (``documents``), entity ids (the link pass).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ...facts.model import Fact, ReportFact, Span, StatementFact
from ...lexicon import IdentityCache, Lexicons, cached_by_identity, fast
from ...text.document import Document
from ..english import speaker_gender
from ..negation import negated_claim
from .attr import Attr
from .documents import DocumentBook, DocumentMention, later_definite
from .quotes import QuoteIndex
from .speakers import has_name, is_anonymous, is_official, names_a_document, speaker_type, split_title
from .stance import stance_of, tense_of
from .unattributed import presumed_speaker

# a capital after a word boundary (the lookbehind), then the name: written to
# open with a character set, which the regex engine skips to in C
_NAME = re.compile(r"[A-Z](?<=\b[A-Z])[\w'\u2019\-]+(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w'\u2019\-]+)+")
_HONORIFIC = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+)?(?P<surname>[A-Z][\w'\u2019\-]+)$")
_NAME_GOES_ON = re.compile(r"[ \t]+(?:on|of|and|de|der|la|le|[A-Z])")
_REFERENCE_DETERMINER = re.compile(r"\b(?:the|these|those|such|this|that)\s+(?:[\w\-]+\s+){0,2}$", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)|\n")
_PRONOUN_GENDERS = {"he": "m", "she": "f"}
_REF_TYPES = {"he": ("person",), "she": ("person",), "i": ("person",), "it": ("organization",),
              "they": ("person", "organization", "anonymous"), "we": ("person", "organization"),
              "you": ("person",)}


# Lexicons whose verdicts on a phrase are memoized across extractions.
_MEMO_LEXICONS = (
    "news-agencies", "media-outlets", "report-sources", "official-titles", "official-bodies",
    "anonymous-sources", "speaker-organization-words", "denial-verbs", "confirm-verbs",
    "female-speaker-words", "male-speaker-words", "female-first-names", "male-first-names", "honorifics",
)
_MEMO = IdentityCache()
_MEMO_SIZE = 4096


def _memo_for(lex: Lexicons) -> dict[str, dict]:
    """Per-lexicon-set caches of phrase verdicts (speaker kind, report
    source, cue stance): pure functions of a phrase and the lexicons, so they
    are kept while the same lexicon objects are in use (held here, so their
    ids cannot be reused), and dropped when they grow large."""
    memo: dict[str, dict] = cached_by_identity(
        _MEMO, lex, _MEMO_LEXICONS, lambda: {"speakers": {}, "reports": {}, "cues": {}, "genders": {}}
    )
    for cache in memo.values():
        if len(cache) > _MEMO_SIZE:
            cache.clear()
    return memo


class Builder:
    """Turns attributions and document mentions into linked facts."""

    def __init__(self, doc: Document, lex: Lexicons, book: DocumentBook, quotes: QuoteIndex) -> None:
        self.text, self.lex, self.book, self.quotes = doc.text, lex, book, quotes
        self.paragraph_starts = [p.start for p in doc.paragraphs]
        # full names by last word (the first of each), read as far as needed
        self._names: dict[str, tuple[int, int]] = {}
        self._name_matches = _NAME.finditer(doc.text)
        self._names_read = 0  # every name starting before this offset is in _names
        memo = _memo_for(lex)
        self._speakers: dict[tuple[str, bool], tuple[str, str | None, bool, bool]] = memo["speakers"]
        self._report_phrases: dict[str, bool] = memo["reports"]
        self._cue_stances: dict = memo["cues"]
        self._genders: dict[str, str | None] = memo["genders"]

    def build(self, attrs: list[Attr], unattributed: list[tuple[int, int]]) -> list[Fact]:
        """Facts in order: statements, reports, documents, each numbered in
        document order; ``unattributed`` are the contents of quotes no cue
        attributes.  Fields are gathered as plain values first (spans as
        offset pairs) and each model is built once, complete."""
        statements: list[dict] = []
        reports: list[dict] = []
        for a in sorted(attrs, key=lambda a: a.cue[0]):
            self._extend_outlet(a)
            if self._is_report(a):
                if a.speaker is not None:
                    reports.append(self._report(a, a.speaker))
            else:
                statements.append(self._statement(a, statements, reports))
        statements.extend(self._unattributed(unattributed, statements + reports))
        # a report cites the documents first mentioned after its cue in its
        # sentence, or in its content before the cue ("..., citing a letter,
        # reports Xinhua")
        cited = [self.book.cited(min(r["content"][0], r["cue"][1]), _sentence_end(self.text, r["cue"][1])) for r in reports]
        for r, docs in zip(reports, cited):
            self._share_content(r, docs)
        doc_ids = self.book.numbered()
        for r, docs in zip(reports, cited):
            r["cites"] = [doc_ids[id(d)] for d in docs]
        ids = dict(doc_ids)
        for prefix, items in (("s", statements), ("r", reports)):
            items.sort(key=lambda f: (f["start"], f["end"]))
            ids.update((id(f), f"{prefix}{i}") for i, f in enumerate(items, 1))
        for f in statements:
            for key in ("document", "target_fact"):
                if f[key] is not None:
                    f[key] = ids[id(f[key])]  # a document, or the report a denial names
        out: list[Fact] = []
        for cls, items in ((StatementFact, statements), (ReportFact, reports)):
            out.extend(self._model(cls, ids[id(f)], f) for f in items)
        return out + self.book.facts(doc_ids)

    def _model(self, cls: type[Fact], fid: str, fields: dict) -> Fact:
        text = self.text
        # Any: mypy checks a ** of one value type against every parameter
        values: dict[str, Any] = {k: (Span.of(text, *v) if type(v) is tuple else v) for k, v in fields.items() if v is not None}
        return cls(id=fid, text=text[fields["start"]:fields["end"]], **values)

    # -- classification -----------------------------------------------------
    def _extend_outlet(self, a: Attr) -> None:
        """A speaker cut inside an outlet's name ("The Mail" of "The Mail on
        Sunday", read up to the time word) is extended over the whole name."""
        if a.speaker is None or a.kind == "passive":
            return
        s, e = a.speaker
        if not _NAME_GOES_ON.match(self.text, e):
            return
        for name in ("media-outlets", "news-agencies"):
            m = fast(self.lex, name).search(self.text, s, min(len(self.text), e + 25))
            if m is not None and m.start() < e < m.end() and not s < a.cue[0] < m.end():
                a.speaker = (s, m.end())
                return

    def _is_report(self, a: Attr) -> bool:
        if a.kind == "passive":
            return True
        if a.speaker is None or self.book.names_document(a.speaker):
            return False  # no source, or a document speaks ("a memo seen by the Times revealed")
        if a.kind == "report":
            return True
        phrase = self.text[a.speaker[0]:a.speaker[1]]
        known = self._report_phrases.get(phrase)
        if known is None:
            names = ("news-agencies", "media-outlets", "report-sources")
            known = self._report_phrases[phrase] = any(fast(self.lex, n).search(phrase) for n in names)
        return known

    def _source_type(self, phrase: str) -> str:
        if fast(self.lex, "news-agencies").search(phrase):
            return "agency"
        if fast(self.lex, "media-outlets").search(phrase):
            return "media"
        m = fast(self.lex, "report-sources").search(phrase)
        if m:
            return "anonymous" if phrase.lower() in ("reports", "a report") else "media"
        return "named"

    def _share_content(self, report: dict, docs: list) -> None:
        """A document a report names by a ``citation-cues`` participle
        ("..., citing a letter from X") says what the report says: its
        ``reported_content`` is the report's content."""
        text, content = self.text, report["content"]
        citing = fast(self.lex, "citation-cues")
        for d in docs:
            start = d.mention[0]
            if d.reported_content is not None or content[0] <= start < content[1]:
                continue
            m = citing.search(text, max(0, start - 20), start)
            if m is not None and not text[m.end():start].strip():
                d.reported_content = content

    # -- facts --------------------------------------------------------------
    def _report(self, a: Attr, speaker: tuple[int, int]) -> dict:
        """The report ``a``, whose speaker (its source) is ``speaker``."""
        text = self.text
        stance, _ = stance_of(text, a.cue, a.content, self.lex, self._cue_stances)
        spans = [speaker, a.cue, a.content]
        return dict(
            start=min(s[0] for s in spans), end=max(s[1] for s in spans), source=speaker,
            source_type="anonymous" if a.kind == "passive" else self._source_type(text[speaker[0]:speaker[1]]),
            cue=a.cue, content=a.content,
            stance=stance, cites=[],
        )

    def _statement(self, a: Attr, earlier: list[dict], reports: list[dict]) -> dict:
        text, lex = self.text, self.lex
        spoken_by = None
        if a.speaker is not None:
            found = self.book.speaking(a.speaker, a.content)
            if found is not None:
                spoken_by, a.speaker = found
        kind, title, official, anonymous, ref = "unknown", None, False, False, None
        if a.speaker is not None:
            phrase = text[a.speaker[0]:a.speaker[1]]
            kind, title, official, anonymous = self._speaker_info(phrase, spoken_by is not None)
            ref = a.ref or self._speaker_ref(phrase, kind, a.speaker[0], earlier)
        stance_cue: tuple[int, int] | None
        if a.kind == "retraction":  # "X retracted the letter": the verb retracts its object
            stance, stance_cue = "retract", a.cue
        else:
            stance, stance_cue = stance_of(text, a.cue, a.content, lex, self._cue_stances, a.governor)
            if stance == "assert" and official and (negation := negated_claim(text, a.content, lex)) is not None:
                # an official says it is not so ("no stations will close"): a denial in substance
                stance, stance_cue = "deny", negation
        target_span: tuple[int, int] | None = None
        target_doc: DocumentMention | None = None
        target_report: dict | None = None
        if stance in ("deny", "retract"):
            definite = later_definite(text, lex, a.content[0], a.content[1])
            if definite:
                target_span = definite[0]
                target_doc = self.book.before(definite[1], definite[0][0])
            # (a retraction always has its cue)
            if target_doc is None and stance == "retract" and stance_cue is not None:
                # "A letter from X was a draft and a mistake": the document the clause is about
                mentioned = self.book.first_in(a.content[0], stance_cue[0])
                if mentioned is not None:
                    target_doc, target_span = mentioned
            if target_doc is not None and stance == "retract":
                self.book.retracted(target_doc, a.cue if a.kind == "retraction" else a.content)
            if target_doc is None and reports:
                found_ref = self._report_reference(a)
                if found_ref is not None:  # "said the reports were untrue": the latest report
                    target_span, target_report = found_ref, reports[-1]
        spans = [x for x in (a.speaker, a.cue, a.content, stance_cue, target_span) if x is not None]
        return dict(
            start=min(x[0] for x in spans), end=max(x[1] for x in spans), speaker=a.speaker,
            speaker_ref=ref, speaker_type=kind, speaker_title=title, cue=a.cue, content=a.content,
            stance=stance, stance_cue=stance_cue, direct=a.direct, official=official, anonymous=anonymous,
            tense=tense_of(text, *a.content), target=target_span,
            target_fact=target_doc if target_doc is not None else target_report,
            document=spoken_by,
        )

    def _report_reference(self, a: Attr) -> tuple[int, int] | None:
        """A definite mention of a report ("the reports", "these stories",
        lexicon ``report-references``) in a denial's content or in the object
        of its governing denial ("dismissed the reports as speculation,
        saying ...")."""
        regions = [a.content]
        if a.governor is not None and a.governor[1] < a.cue[0]:
            regions.insert(0, (a.governor[1], a.cue[0]))
        for start, end in regions:
            end = min(end, start + 300)  # a reference opens the clause: "the reports were untrue"
            for m in fast(self.lex, "report-references").finditer(self.text, start, end):
                lo = max(start, m.start() - 40)
                det = _REFERENCE_DETERMINER.search(self.text[lo:m.start()])
                if det:
                    return lo + det.start(), m.end()
        return None

    def _unattributed(self, contents: list[tuple[int, int]], attributed: list[dict]) -> list[dict]:
        """Statements for quotes no cue attributes (``contents``);
        ``speaker_ref`` is the speaker a reader would presume
        (``presumed_speaker``)."""
        if not contents:
            return []
        starts = self.paragraph_starts
        spoken = []
        for f in attributed:
            spk = f.get("speaker") or f.get("source")
            if f.get("speaker_type") == "pronoun":
                spk = f["speaker_ref"] or spk  # the named mention "he" refers to
            if spk is not None:
                spoken.append((bisect.bisect_right(starts, f["start"]) - 1, f["start"], spk, bool(f.get("direct"))))
        spoken.sort()
        out = []
        for content in contents:
            ref = presumed_speaker(self.text, self.quotes, starts, spoken, content)
            stance, stance_cue = stance_of(self.text, None, content, self.lex)
            spans = [x for x in (content, stance_cue) if x is not None]
            out.append(dict(
                start=min(x[0] for x in spans), end=max(x[1] for x in spans), speaker_ref=ref,
                content=content, stance=stance, stance_cue=stance_cue, direct=True,
                tense=tense_of(self.text, *content), document=None, target_fact=None,
            ))
        return out

    def _speaker_info(self, phrase: str, is_document: bool) -> tuple[str, str | None, bool, bool]:
        """(speaker_type, speaker_title, official, anonymous), memoized by phrase."""
        key = (phrase, is_document)
        info = self._speakers.get(key)
        if info is None:
            lex, n = self.lex, len(phrase)
            kind = speaker_type(phrase, 0, n, lex, is_document)
            title = None if is_document else split_title(phrase, 0, n, fast(lex, "official-titles"))
            # an organisation speaking for itself is an official voice ("the club
            # said", "Acme denied"); a document is never a speaker's office
            official = not is_document and not names_a_document(phrase, lex) and (
                kind == "organization" or is_official(phrase, title, lex)
            )
            info = self._speakers[key] = (kind, title, official, is_anonymous(phrase, 0, n, lex))
        return info

    def _gender(self, start: int, end: int) -> str | None:
        """The gender the speaker phrase at ``start:end`` states, memoized by phrase."""
        phrase = self.text[start:end]
        if phrase not in self._genders:
            self._genders[phrase] = speaker_gender(phrase, self.lex)
        return self._genders[phrase]

    def _candidate_gender(self, speaker: tuple[int, int], ref: tuple[int, int] | None) -> str | None:
        """The gender of an earlier speaker: its phrase's, else (a surname,
        "Doe" for "Senator Jane Doe") that of the full name it refers to."""
        gender = self._gender(*speaker)
        return gender if gender is not None or ref is None else self._gender(*ref)

    def _speaker_ref(self, phrase: str, kind: str, start: int, earlier: list[dict]) -> tuple[int, int] | None:
        """For a pronoun, the nearest earlier named speaker of a fitting type
        and, for "he"/"she", not of the other gender (when its phrase or the
        full name a surname refers to states one: ``speaker_gender``); for a surname ("Milley", "Mr Thomas"), the
        earlier full name."""
        low = phrase.lower()
        if low in _REF_TYPES:
            wanted = _PRONOUN_GENDERS.get(low)
            for f in reversed(earlier[-40:]):
                spk = f["speaker"]
                if f["speaker_type"] in _REF_TYPES[low] and spk is not None and spk[0] < start:
                    if wanted is not None and self._candidate_gender(spk, f["speaker_ref"]) not in (None, wanted):
                        continue  # "she" after a speaker called "Mr" or "spokesman": an earlier one
                    if f["speaker_ref"] is not None:
                        return f["speaker_ref"]
                    if has_name(self.text, *spk):
                        return spk
            return None
        m = _HONORIFIC.fullmatch(phrase)
        if m is None or kind not in ("person", "unknown"):
            return None
        found = self._first_name_ending(m.group("surname"), start)
        return found if found is not None and found[0] < start and found[1] - found[0] > len(phrase) else None

    def _first_name_ending(self, surname: str, before: int) -> tuple[int, int] | None:
        """The first full name (``_NAME``) of the text whose last word is
        ``surname``, when it starts before ``before`` (else None or a name
        starting later).  The names are read from the start of the text only
        as far as a question needs."""
        names = self._names
        while self._names_read < before:
            n = next(self._name_matches, None)
            if n is None:
                self._names_read = len(self.text)
                break
            names.setdefault(n.group().split()[-1], (n.start(), n.end()))
            self._names_read = n.start() + 1
        return names.get(surname)


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_STOP.search(text, pos, min(len(text), pos + 600))
    return m.start() if m else min(len(text), pos + 600)
