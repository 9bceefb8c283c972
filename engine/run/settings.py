"""Each file's settings and rule set in a run, cached per process.

Owns the ``Session`` of a run: the configuration ``Resolver`` (files found
and read once) and the ``RuleSets`` (one compiled set per distinct setting),
seeded with the rule set the command line compiled, so a run without a
configuration file compiles nothing more.  The parent resolves every path
before checking (``prepare``): configuration errors stop the run once, up
front, and forked workers inherit the compiled sets; a spawned or Dask worker
builds its own session on first use (``session``, thread-safe).  Also owns
running the suppression audit for a checked file (``suppress``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable

from ..api import Report, RuleSet
from ..config.resolve import Effective, Flags, Resolver
from ..config.rulesets import RuleSets, rule_enabled, severity_of
from ..suppress.apply import Policy, apply_suppressions
from ..suppress.directives import directives
from ..suppress.meta import META_RULES
from ..text.document import Document


class Session:
    def __init__(self, flags: Flags, base: RuleSet | None = None):
        self.flags = flags
        self.resolver = Resolver(flags)
        self.rulesets = RuleSets()
        if base is not None:
            self.rulesets.seed(tuple(flags.rules or ()), not flags.no_default_rules, base)
        self._lock = threading.Lock()

    def settings(self, path: str) -> tuple[Effective, RuleSet]:
        """The effective settings of one file and the rules to run on it (UserError for bad configuration)."""
        with self._lock:
            eff = self.resolver.resolve(path)
            return eff, self.rulesets.for_settings(eff)

    def known_ids(self, eff: Effective) -> list[str]:
        """Every rule id of the file's packs, selected or not, and the audit rules'."""
        with self._lock:
            return [r.id for r in self.rulesets.pack_of(eff).rules] + list(META_RULES)

    def prepare(self, paths: Iterable[str]) -> RuleSet:
        """Resolve every path now (errors first, compiled sets shared); the union of rules that will run."""
        seen: dict[str, object] = {}
        lexicons = None
        for path in paths:
            _, rules = self.settings(path)
            lexicons = lexicons or rules.lexicons
            for r in rules.rules:
                seen.setdefault(r.id, r)
        return RuleSet(list(seen.values()), lexicons)  # type: ignore[arg-type]

    @staticmethod
    def input_settings(eff: Effective, name: str, fmt: str | None, encoding: str | None) -> tuple[str | None, str | None]:
        """The format and encoding to read a file with: the flags, else the configuration (``extensions`` by suffix)."""
        if fmt is None:
            fmt = eff.input.extensions.get(os.path.splitext(name)[1].lower())
        if fmt is None and eff.input.format not in (None, "auto"):
            fmt = eff.input.format
        return fmt, encoding or eff.input.encoding

    def suppress(self, report: Report, doc: Document, eff: Effective, hide: bool = True) -> Report:
        """The suppression comments of the file applied to ``report``, and audited.

        Comments are read in the file as read; ``disable-next-paragraph`` uses
        the document's paragraphs (Markdown, HTML and CMS blocks) in file offsets."""
        found = directives(doc.source)
        if not found:
            return report
        paragraphs = [(loc.start, loc.end) for loc in (doc.locate(p.start, p.end) for p in doc.paragraphs)]
        policy = Policy(self.known_ids(eff), lambda i: rule_enabled(eff, i), lambda i, d: severity_of(eff, i, d))
        return apply_suppressions(report, doc.source_document, found, policy, hide, paragraphs)


_sessions: dict[Flags, Session] = {}
_lock = threading.Lock()


def session(flags: Flags, base: RuleSet | None = None) -> Session:
    """This process's session for ``flags`` (created on first use)."""
    with _lock:
        found = _sessions.get(flags)
        if found is None:
            found = _sessions[flags] = Session(flags, base)
        return found
