"""One file checked, whatever happens: its report, or the error that stopped it.

Owns: ``RulesSpec`` (how to build the rule set again in another process:
rule paths and whether the shipped pack is in), ``CheckJob`` (the options
every file is checked with, the configuration flags among them), ``Outcome``
(the result for one input path: a report and the file's ``fail-on``, or an
input error, or an internal error; picklable, so it can come back from a
worker process or a Dask worker) and ``check_one``: the file's settings
(configuration file, overrides, flags: ``settings``), its rule set, the
check, then its suppression comments.

``check_one`` never raises for a file: bad input (missing, unreadable,
binary, not UTF-8, too large, a bad sidecar) is a ``UserError`` recorded as
the outcome's ``error``; anything else is a bug in factlint, recorded as
``bug`` with where it happened, and the run goes on with the next file.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path

from ..api import Report, RuleSet, check_input, load_rules
from ..config.resolve import Flags
from ..errors import Diagnostic, UserError, display_path
from ..text.discover import Input
from .settings import session


@dataclass(frozen=True)
class RulesSpec:
    """What ``load_rules`` was called with, to compile the same rules in a worker."""

    paths: tuple[str, ...] = ()
    default: bool = True

    def load(self) -> RuleSet:
        return load_rules(list(self.paths), default=self.default)


@dataclass(frozen=True)
class CheckJob:
    """The options every file of a run is checked with."""

    published: str | None = None
    explain: bool = False
    facts_path: str | None = None
    #: keep each article's text in its outcome (the text reporter quotes it)
    keep_text: bool = True
    #: ``--input-format`` (None: by extension) and ``--encoding`` (None: UTF-8)
    input_format: str | None = None
    encoding: str | None = None
    #: configuration: --config/--no-config and the flags that beat the file
    flags: Flags = field(default_factory=Flags)
    #: False (--no-suppress): show what suppression comments would hide, each with a note
    suppress: bool = True


@dataclass
class Outcome:
    """The result of one input path: exactly one of ``report``, ``error``, ``bug``."""

    path: str
    report: Report | None = None
    text: str | None = None
    error: list[Diagnostic] = field(default_factory=list)
    bug: str | None = None
    #: the file's fail-on (from its configuration, or --fail-on)
    fail_on: str = "warning"

    @property
    def ok(self) -> bool:
        return self.report is not None


def check_one(path: str | Input, rules: RuleSet, job: CheckJob) -> Outcome:
    """Check one article file (or standard input already read); never raises for anything about the file."""
    item = path if isinstance(path, Input) else Input(str(path), display_path(str(path)))
    shown = item.name
    try:
        settings = session(job.flags, rules)
        eff, ruleset = settings.settings(item.name if item.is_stdin else item.path)
        fmt, encoding = settings.input_settings(eff, item.name, job.input_format, job.encoding)
        doc, report = check_input(item, job.published, ruleset, job.explain, job.facts_path, fmt, encoding)
        report = settings.suppress(report, doc, eff, job.suppress)
        return Outcome(shown, report, doc.source if job.keep_text else None, fail_on=eff.fail_on)
    except UserError as err:
        return Outcome(shown, error=err.diagnostics)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a bug, or memory/recursion exhausted by this file: record it, go on
        return Outcome(shown, bug=describe_bug(exc))


def describe_bug(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" [at {Path(frames[-1].filename).name}:{frames[-1].lineno}]" if frames else ""
    return f"{type(exc).__name__}: {str(exc)[:200]}{where}"


def lost(path: str | Input, why: str) -> Outcome:
    """The outcome of a file whose worker died or vanished (no report came back)."""
    return Outcome(path.name if isinstance(path, Input) else display_path(str(path)), bug=why)
