"""The command line: a thin layer over the API.  Nothing imports this module.

Exit codes (a contract for scripts and CI):
  0  nothing at or above --fail-on (default: warning)
  1  findings at or above --fail-on; for `test`, a failing example
  2  usage, configuration, rule-file or input error (one line per problem)
  3  internal error: a bug in factlint, reported as such
"""

from __future__ import annotations

import json
import re
import sys
from enum import Enum
from pathlib import Path
from typing import NoReturn

import typer
from typer.core import TyperCommand

from .api import (
    Report,
    RuleSet,
    load_rules,
    validate_published,
)
from .errors import Diagnostic, UserError, display_path
from .inputs import load_document
from .text.discover import Input, collect_inputs
from .version import __version__


class _Command(TyperCommand):
    """Usage lines as people write them (``check [OPTIONS] PATH...``), not
    typer's ``{paths}...`` for a required argument."""

    def collect_usage_pieces(self, ctx) -> list[str]:
        return [re.sub(r"^\{(.*)\}", r"\1", piece) for piece in super().collect_usage_pieces(ctx)]


app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="factlint: a fact-consistency linter for news copy.",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    text = "text"
    json = "json"


class CheckFormat(str, Enum):
    text = "text"
    compact = "compact"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    gitlab = "gitlab"
    html = "html"


class FailOn(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"
    never = "never"


# readable=False everywhere: factlint reads the files itself and says what is
# wrong with one in its own one-line error, and one unreadable article must
# not stop the others from being checked (click would refuse the whole run)
RulesOpt = typer.Option(None, "--rules", "-r", readable=False, help="A rule file or folder to add (repeatable).")
NoDefaultOpt = typer.Option(False, "--no-default-rules", help="Use only the rules given with --rules.")
PublishedOpt = typer.Option(
    None, "--published", help="Publication date, YYYY-MM-DD (else story.meta.json beside story.txt, else the article's metadata)."
)
InputFormatOpt = typer.Option(
    None, "--input-format", help="Read articles as text, markdown, html, json (WordPress or Arc XP, by shape), wordpress or arc."
)
FilesFromOpt = typer.Option(None, "--files-from", help="Also check the paths listed in this file, one a line (`-`: standard input).")
StdinNameOpt = typer.Option(None, "--stdin-filename", help="The name of the article read from `-` (its extension picks the format).")
EncodingOpt = typer.Option(None, "--encoding", help="Decode articles with this encoding (default UTF-8), e.g. cp1252.")


def _rules(paths: list[Path] | None, no_default: bool) -> RuleSet:
    ruleset = load_rules([str(p) for p in paths or []], default=not no_default)
    if not ruleset.rules:
        where = ", ".join(str(p) for p in paths or []) or "--no-default-rules"
        raise UserError(Diagnostic(where, "no rules to run: the rule files given define none (a typo in --rules?)", "no-rules"))
    return ruleset


def _inputs(
    paths: list[str] | None, files_from: str | None, stdin_filename: str | None, input_format: str | None, encoding: str | None
) -> list[Input]:
    """The articles to read, each named as factlint prints it (standard input read now); options checked first."""
    from .text.formats import format_for
    from .text.source import check_encoding

    check_encoding(encoding)
    if input_format:
        format_for("", input_format)
    if not paths and files_from is None:
        raise UserError(Diagnostic("factlint check", "give article files or folders (or --files-from LIST, or - for stdin)", "usage"))
    items = [Input(i.path, display_path(i.name)) for i in collect_inputs(list(paths or []), files_from, stdin_filename)]
    return [i.with_stdin() if i.is_stdin else i for i in items]


def _fail(err: UserError) -> NoReturn:
    typer.echo(err.render(), err=True)
    raise typer.Exit(2)


def _warn(ruleset: RuleSet) -> None:
    """Print what loading the rules warned about (never an error)."""
    for warning in ruleset.warnings:
        typer.echo(warning.render(), err=True)


ConfigOpt = typer.Option(None, "--config", help="Use this configuration file for every file (no search).")
NoConfigOpt = typer.Option(False, "--no-config", help="Ignore configuration files.")
SelectOpt = typer.Option(None, "--select", help="Run only these rule ids or id prefixes (comma-separated, repeatable).")
IgnoreOpt = typer.Option(None, "--ignore", help="Do not run these rule ids or id prefixes (comma-separated, repeatable).")
NoCacheOpt = typer.Option(False, "--no-cache", help="Parse every rule file; neither read nor write the parsed-rule cache.")
JobsOpt = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (default 0: one per available core; 1: this process only).")
DaskOpt = typer.Option(None, "--dask", help="Check on a Dask cluster: the scheduler's address, e.g. tcp://scheduler:8786.")


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _flags(config, no_config, rules, no_default_rules, select, ignore, fail_on=None):
    from .config.resolve import Flags

    if config is not None and no_config:
        raise UserError(Diagnostic("--config", "--config and --no-config contradict each other", "usage"))
    return Flags(
        config=str(config) if config else None,
        no_config=no_config,
        rules=tuple(str(p) for p in rules) if rules else None,
        no_default_rules=no_default_rules,
        select=_split(select),
        ignore=_split(ignore),
        fail_on=fail_on.value if fail_on else None,
    )


def _outputs(values: list[str] | None) -> list[tuple[str, Path]]:
    from .report.formats import FORMATS

    out = []
    for value in values or []:
        fmt, sep, path = value.partition("=")
        if not sep or fmt not in FORMATS or not path:
            raise UserError(Diagnostic("--output", f"{value!r}: expected FORMAT=PATH with FORMAT one of {', '.join(FORMATS)}", "usage"))
        out.append((fmt, Path(path)))
    return out


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        raise UserError(Diagnostic(str(path), f"cannot write output: {exc.strerror or exc}", "output")) from None


def _run(items: list[Input], ruleset, flags, job, jobs: int, dask: str | None, baseline=None, on_file=None):
    """Check every article (settings resolved first: a configuration error stops the run); the results."""
    from .run import RulesSpec
    from .run.results import Results
    from .run.settings import session

    spec = RulesSpec(tuple(flags.rules or ()), not flags.no_default_rules)
    union = session(flags, ruleset).prepare([i.name if i.is_stdin else i.path for i in items])
    union.warnings = ruleset.warnings
    results = Results(union, notices=[w.one_line() for w in ruleset.warnings])
    if dask:
        from .run import run_dask

        outcomes = run_dask(items, dask, spec, job)
    else:
        from .run import run_local
        from .run.local import available_cores

        outcomes = run_local(items, ruleset, job, jobs or available_cores(), spec)
    for n, outcome in enumerate(outcomes, 1):
        checked = results.add(outcome, baseline)
        if checked is None:
            typer.echo(UserError(results.errors[-1]).render(), err=True)
        if on_file is not None:
            on_file(n, checked)
    return results


@app.command(cls=_Command)
def check(
    paths: list[str] | None = typer.Argument(None, metavar="PATH", help="Article files or folders to check (`-`: standard input)."),
    rules: list[Path] | None = RulesOpt,
    no_default_rules: bool = NoDefaultOpt,
    published: str | None = PublishedOpt,
    format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="Output format on standard output."),
    output: list[str] | None = typer.Option(None, "--output", "-o", help="Also write FORMAT=PATH (repeatable)."),
    fail_on: FailOn | None = typer.Option(None, "--fail-on", help="Lowest severity that makes the exit code 1 (default: warning)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when findings are reported (errors still exit 2)."),
    explain: bool = typer.Option(False, "--explain", help="Show the facts bound and the conditions that held."),
    facts: Path | None = typer.Option(None, "--facts", readable=False, help="Use facts from this JSON file instead of extracting."),
    config: Path | None = ConfigOpt,
    no_config: bool = NoConfigOpt,
    select: list[str] | None = SelectOpt,
    ignore: list[str] | None = IgnoreOpt,
    no_suppress: bool = typer.Option(False, "--no-suppress", help="Show findings suppression comments would hide (an audit)."),
    baseline: Path | None = typer.Option(None, "--baseline", help="Report only findings not in this baseline file."),
    no_cache: bool = NoCacheOpt,
    jobs: int = JobsOpt,
    dask: str | None = DaskOpt,
    input_format: str | None = InputFormatOpt,
    encoding: str | None = EncodingOpt,
    files_from: str | None = FilesFromOpt,
    stdin_filename: str | None = StdinNameOpt,
) -> None:
    """Check articles against the rules and report every inconsistency."""
    import time

    from .report.formats import render, render_text_findings, text_summary
    from .report.progress import progress_bar
    from .run import CheckJob
    from .suppress.baseline import load_baseline

    started = time.monotonic()
    if no_cache:
        from .lang import cache

        cache.disable()
    try:
        flags = _flags(config, no_config, rules, no_default_rules, select, ignore, fail_on)
        outputs = _outputs(output)
        ruleset = _rules(rules, no_default_rules)
        published = validate_published(published)
        items = _inputs(paths, files_from, stdin_filename, input_format, encoding)
        if facts is not None and len(items) != 1:
            raise UserError(Diagnostic(str(facts), "--facts describes one article: give exactly one PATH", "usage"))
        known = load_baseline(str(baseline)) if baseline else None
    except UserError as err:
        _fail(err)
    _warn(ruleset)
    wants_text = {format.value, *(f for f, _ in outputs)} & {"text", "html"}
    job = CheckJob(published, explain, str(facts) if facts else None, bool(wants_text), input_format, encoding,
                   flags=flags, suppress=not no_suppress)
    with progress_bar(len(items)) as progress:
        stream = format == CheckFormat.text and progress is None  # findings as each file is done

        def on_file(n, checked):
            if checked is not None:
                for notice in checked.report.notices:
                    typer.echo(f"{checked.report.path}: note: {notice}", err=True)
                if stream and checked.report.findings:
                    typer.echo(render_text_findings(checked))
            if progress is not None:
                progress(n, len(items))

        try:
            results = _run(items, ruleset, flags, job, jobs, dask, known, on_file)
        except UserError as err:  # a configuration error, or the run itself failed (no Dask scheduler, ...)
            _fail(err)
    if stream:
        shown = text_summary(results)
    else:
        shown = render(format.value, results, explain)
    if shown:
        typer.echo(shown)
    try:
        for fmt, path in outputs:
            _write(path, render(fmt, results, explain))
    except UserError as err:
        _fail(err)
    _run_summary(len(items), results.reports, len(results.errors), time.monotonic() - started)
    raise typer.Exit(results.exit_code(exit_zero))


#: a run over at least this many files ends with a summary on standard error
LONG_RUN_FILES = 50


def _run_summary(files: int, reports: list[Report], errors: int, seconds: float) -> None:
    """Files, findings by severity, errors and time, on standard error, after a long run."""
    if files < LONG_RUN_FILES:
        return
    counts = {"error": 0, "warning": 0, "info": 0}
    for r in reports:
        for f in r.findings:
            counts[f.severity] += 1
    findings = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in counts.items())
    rate = f" ({files / seconds:.0f} files/s)" if seconds > 0 else ""
    checked = f"{len(reports)} checked, {errors} could not be checked"
    typer.echo(f"factlint: {files} files: {checked}; {findings}; {seconds:.1f} s{rate}", err=True)


@app.command("baseline", cls=_Command)
def write_baseline(
    paths: list[str] | None = typer.Argument(None, metavar="PATH", help="Article files or folders whose findings today are the baseline."),
    rules: list[Path] | None = RulesOpt,
    no_default_rules: bool = NoDefaultOpt,
    published: str | None = PublishedOpt,
    config: Path | None = ConfigOpt,
    no_config: bool = NoConfigOpt,
    select: list[str] | None = SelectOpt,
    ignore: list[str] | None = IgnoreOpt,
    jobs: int = JobsOpt,
    input_format: str | None = InputFormatOpt,
    encoding: str | None = EncodingOpt,
    files_from: str | None = FilesFromOpt,
    stdin_filename: str | None = StdinNameOpt,
) -> None:
    """Print today's findings as a baseline: `factlint baseline PATH... > .factlint-baseline.json`."""
    from .run import CheckJob
    from .suppress.baseline import render_baseline

    try:
        flags = _flags(config, no_config, rules, no_default_rules, select, ignore)
        ruleset = _rules(rules, no_default_rules)
        published = validate_published(published)
        items = _inputs(paths, files_from, stdin_filename, input_format, encoding)
        job = CheckJob(published, keep_text=False, input_format=input_format, encoding=encoding, flags=flags)
        results = _run(items, ruleset, flags, job, jobs, None)
    except UserError as err:
        _fail(err)
    typer.echo(render_baseline(results.reports))
    found, files = sum(len(r.findings) for r in results.reports), len(results.reports)
    typer.echo(f"baseline: {found} finding{'s' if found != 1 else ''} in {files} file{'s' if files != 1 else ''}", err=True)
    raise typer.Exit(3 if results.bugs else 2 if results.errors else 0)


@app.command("config")
def show_config(
    path: Path = typer.Argument(Path("."), help="A file (or folder) to show the effective configuration for."),
    config: Path | None = ConfigOpt,
    no_config: bool = NoConfigOpt,
    rules: list[Path] | None = RulesOpt,
    no_default_rules: bool = NoDefaultOpt,
    select: list[str] | None = SelectOpt,
    ignore: list[str] | None = IgnoreOpt,
    fail_on: FailOn | None = typer.Option(None, "--fail-on"),
    format: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Print the configuration that applies to PATH and where each value came from."""
    from .report.config_view import render_config
    from .run.settings import Session

    try:
        flags = _flags(config, no_config, rules, no_default_rules, select, ignore, fail_on)
        eff, ruleset = Session(flags).settings(str(path))
    except UserError as err:
        _fail(err)
    typer.echo(render_config(display_path(str(path)), eff, ruleset, format == Format.json))


@app.command(cls=_Command)
def facts(
    path: Path | None = typer.Argument(None, readable=False, metavar="PATH", help="Article file."),
    schema: bool = typer.Option(False, "--schema", help="Print the JSON Schema of the facts document and exit."),
    published: str | None = PublishedOpt,
    format: Format = typer.Option(Format.text, "--format", "-f"),
    rules: list[Path] | None = RulesOpt,
    input_format: str | None = InputFormatOpt,
    encoding: str | None = EncodingOpt,
) -> None:
    """Show the facts factlint extracts from an article (offsets into the file as read)."""
    from .extract import extract_facts
    from .inputs import facts_in_file
    from .report.facts import facts_json_schema, render_facts_json, render_facts_text

    if schema:
        typer.echo(json.dumps(facts_json_schema(), indent=2))
        return
    if path is None:
        _fail(UserError(Diagnostic("factlint facts", "give an article PATH (or --schema)", "usage")))
    try:
        ruleset = _rules(rules, False)
        published = validate_published(published)
        (item,) = _inputs([str(path)], None, None, input_format, encoding)
        doc = load_document(item, published, input_format, encoding)
        fs = facts_in_file(extract_facts(doc, ruleset.lexicons), doc)
    except UserError as err:
        _fail(err)
    typer.echo(render_facts_json(fs) if format == Format.json else render_facts_text(fs, doc.source))


def _rules_under_test(paths: list[Path]) -> RuleSet:
    """The rules defined in ``paths``; files of the shipped pack keep their shipped ids."""
    from .lang.loader import shipped_rules_root

    shipped = load_rules()
    if not paths:
        return shipped
    root = shipped_rules_root().resolve()
    inside = [p.resolve() for p in paths if p.resolve() == root or root in p.resolve().parents]
    outside = [p for p in paths if p.resolve() not in inside]
    for p in inside:
        if not p.exists():
            raise UserError(Diagnostic(str(p), "no such rule file or folder", "missing-file"))
    chosen = [r for r in shipped.rules if any(Path(r.path).resolve() == p or p in Path(r.path).resolve().parents for p in inside)]
    lexicons = shipped.lexicons
    if outside:
        user = load_rules([str(p) for p in outside], default=False)
        own = [p.resolve() for p in outside]
        chosen += [r for r in user.rules if any(Path(r.path).resolve() == p or p in Path(r.path).resolve().parents for p in own)]
        lexicons = user.lexicons
        return RuleSet(chosen, lexicons, warnings=user.warnings)
    return RuleSet(chosen, lexicons)


@app.command("test", cls=_Command)
def test_rules(
    paths: list[Path] | None = typer.Argument(
        None, readable=False, metavar="RULE-PATH", help="Rule files or folders (default: the shipped pack)."
    ),
    format: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Run every rule's examples; exit 1 if any fails."""
    from .selftest import run_examples

    try:
        ruleset = _rules_under_test(paths or [])
        if not ruleset.rules:
            raise UserError(Diagnostic(", ".join(map(str, paths or [])), "no rules found to test", "no-rules"))
    except UserError as err:
        _fail(err)
    _warn(ruleset)
    results = run_examples(ruleset)
    failed = sum(r.failed for r in results)
    if format == Format.json:
        typer.echo(json.dumps({
            "schema_version": 1,
            "rules": [{"rule": r.rule, "path": r.path, "examples": len(r.results), "passed": r.passed, "failed": r.failed,
                       "true_positives": r.true_positives, "false_positives": r.false_positives,
                       "failures": [{"kind": e.kind, "line": e.line, "problem": e.problem} for e in r.results if not e.ok]}
                      for r in results],
            "failed": failed,
            "notices": [w.one_line() for w in ruleset.warnings],
        }, indent=2))
    else:
        width = max([len(r.rule) for r in results] + [4])
        typer.echo(f"{'rule'.ljust(width)}  examples  passed  failed  TP  FP")
        for r in results:
            counts = f"{len(r.results):8d}  {r.passed:6d}  {r.failed:6d}  {r.true_positives:2d}  {r.false_positives:2d}"
            typer.echo(f"{r.rule.ljust(width)}  {counts}")
            for e in r.results:
                if not e.ok:
                    typer.echo(f"  FAIL {r.path}:{e.line}: {e.kind} example: {e.problem}")
        total = sum(len(r.results) for r in results)
        typer.echo(f"{total - failed} passed, {failed} failed")
    if failed:
        raise typer.Exit(1)


@app.command("rules", cls=_Command)
def list_rules(
    rules: list[Path] | None = RulesOpt,
    no_default_rules: bool = NoDefaultOpt,
    docs: bool = typer.Option(False, "--docs", help="Print each rule's documentation and examples (Markdown)."),
    vocabulary: bool = typer.Option(False, "--vocabulary", help="Print the language vocabulary (Markdown)."),
) -> None:
    """List the rules (id, severity, title)."""
    from .report.rule_docs import render_rule_docs, render_vocabulary

    try:
        ruleset = _rules(rules, no_default_rules)
    except UserError as err:
        _fail(err)
    if vocabulary:
        typer.echo(render_vocabulary(ruleset))
    elif docs:
        typer.echo(render_rule_docs(ruleset))
    else:
        width = max([len(r.id) for r in ruleset.rules] + [4])
        for r in ruleset.rules:
            typer.echo(f"{r.id.ljust(width)}  {r.severity:<7}  {r.title}")


@app.command(cls=_Command)
def explain(
    rule_id: str = typer.Argument(..., metavar="RULE_ID", help="The rule id (see `factlint rules`)."),
    path: Path = typer.Argument(..., readable=False, metavar="PATH", help="Article file."),
    rules: list[Path] | None = RulesOpt,
    no_default_rules: bool = NoDefaultOpt,
    published: str | None = PublishedOpt,
    input_format: str | None = InputFormatOpt,
    encoding: str | None = EncodingOpt,
) -> None:
    """Explain why a rule did or did not fire on an article."""
    from .evaluate.why import explain_rule
    from .extract import extract_facts
    from .vocab.context import EvalContext

    try:
        ruleset = _rules(rules, no_default_rules)
        rule = ruleset.by_id(rule_id)
        if rule is None:
            import difflib

            close = difflib.get_close_matches(rule_id, [r.id for r in ruleset.rules], n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            raise UserError(Diagnostic(rule_id, f"no rule with this id{hint}; `factlint rules` lists them", "usage"))
        published = validate_published(published)
        doc = load_document(str(path), published, input_format, encoding)
        fs = extract_facts(doc, ruleset.lexicons)
    except UserError as err:
        _fail(err)
    ctx = EvalContext(list(fs.facts), ruleset.lexicons, doc.published, str(path), doc)
    typer.echo("\n".join(explain_rule(rule, ctx, doc)))


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"factlint {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version_callback, is_eager=True, help="Show the version.")) -> None:
    """factlint: a fact-consistency linter for news copy."""


def main() -> None:
    try:
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except UserError as err:
        typer.echo(err.render(), err=True)
        sys.exit(2)
    except Exception as exc:  # usage errors from the option parser, and real bugs
        names = {cls.__name__ for cls in type(exc).__mro__}
        if "Abort" in names:
            sys.exit(130)
        if "ClickException" in names and hasattr(exc, "show"):
            # typer's (vendored) click: bad option, missing argument, bad value
            exc.show()
            sys.exit(2)
        import traceback

        where = traceback.extract_tb(exc.__traceback__)[-1]
        typer.echo(
            f"factlint: internal error (this is a bug in factlint, please report it): "
            f"{type(exc).__name__}: {exc} [at {Path(where.filename).name}:{where.lineno}]",
            err=True,
        )
        sys.exit(3)


if __name__ == "__main__":
    main()
