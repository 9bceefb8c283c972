"""The effective settings for one checked file, and where each value came from.

Owns layering, lowest first: built-in defaults, the configuration file's top
level, each ``[[overrides]]`` table whose ``files`` globs match the file (in
the order written; gitignore-style globs relative to the configuration file's
folder), then command-line flags.  A key set at a higher layer replaces the
value below it, except ``severity``, which is merged rule by rule, and an
override's ``ignore``, which adds to the rules ignored (``select`` replaces).  Every
value keeps its ``Source`` so ``factlint config`` can say where it came from
and a bad rule id can be reported at its line.  Does not own reading the file
(``loader``) nor building rule sets (``rulesets``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Diagnostic
from .loader import LoadedConfig, cached_config, find_config, is_dir
from .model import ConfigFile, InputSettings


@dataclass(frozen=True)
class Source:
    """Where a value came from: a key of a configuration file, a flag, or the default."""

    config: LoadedConfig | None = None
    keys: tuple = ()
    flag: str | None = None

    def describe(self) -> str:
        if self.flag:
            return self.flag
        if self.config is None:
            return "default"
        where = self.config.where(self.keys)
        if self.keys and self.keys[0] == "overrides":
            globs = ", ".join(self.config.config.overrides[self.keys[1]].files)
            return f"{where} ([[overrides]] for {globs})"
        return where

    def diagnostic(self, message: str, hint: str | None = None, code: str = "config") -> Diagnostic:
        if self.config is None:
            return Diagnostic(self.flag or "factlint", message, "usage" if self.flag else code, hint=hint)
        return self.config.diagnostic(self.keys, message, code, hint)


DEFAULT = Source()


@dataclass(frozen=True)
class Flags:
    """What the command line said (None: not given, so the file decides)."""

    config: str | None = None
    no_config: bool = False
    rules: tuple[str, ...] | None = None
    no_default_rules: bool = False
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: str | None = None
    input_format: str | None = None
    encoding: str | None = None


@dataclass
class Effective:
    """The settings that apply to one file."""

    config: LoadedConfig | None = None
    rules: tuple[str, ...] = ()
    default_rules: bool = True
    extend_lexicons: tuple[tuple[str, tuple[str, ...]], ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "warning"
    input: InputSettings = field(default_factory=InputSettings)
    #: key -> source; list items as "select[0]", per-rule severities as "severity.<id>"
    sources: dict[str, Source] = field(default_factory=dict)

    def source(self, key: str) -> Source:
        return self.sources.get(key, DEFAULT)


_SIMPLE = {"select": "select", "ignore": "ignore", "fail_on": "fail-on"}


def _apply(eff: Effective, settings, cfg: LoadedConfig, keys: tuple) -> None:
    """Lay the keys set in ``settings`` (the top level or one override) over ``eff``."""
    given = settings.model_fields_set
    for attr, key in _SIMPLE.items():
        if attr in given and getattr(settings, attr) is not None:
            value = getattr(settings, attr)
            if attr == "ignore" and keys:  # an override's ignore adds to the ignore list
                base = len(eff.ignore)
                eff.ignore = (*eff.ignore, *value)
                eff.sources[key] = Source(cfg, (*keys, key)) if not base else eff.sources.get(key, DEFAULT)
                for i in range(len(value)):
                    eff.sources[f"{key}[{base + i}]"] = Source(cfg, (*keys, key, i))
                continue
            setattr(eff, attr, tuple(value) if isinstance(value, list) else value)
            _forget(eff, key)
            eff.sources[key] = Source(cfg, (*keys, key))
            if isinstance(value, list):
                for i in range(len(value)):
                    eff.sources[f"{key}[{i}]"] = Source(cfg, (*keys, key, i))
    for rule, level in settings.severity.items():
        eff.severity[rule] = level
        eff.sources[f"severity.{rule}"] = Source(cfg, (*keys, "severity", rule))
    if "input" in given and settings.input is not None:
        inp = settings.input
        for name in inp.model_fields_set:
            value = getattr(inp, name)
            if isinstance(value, dict):
                merged = {**getattr(eff.input, name), **value}
                eff.input = replace_model(eff.input, **{name: merged})
                for k in value:
                    eff.sources[f"input.{name}.{k}"] = Source(cfg, (*keys, "input", name, k))
            else:
                eff.input = replace_model(eff.input, **{name: value})
                eff.sources[f"input.{name}"] = Source(cfg, (*keys, "input", name))


def replace_model(model, **changes):
    return model.model_copy(update=changes)


def _forget(eff: Effective, key: str) -> None:
    for k in [k for k in eff.sources if k.startswith(key + "[")]:
        del eff.sources[k]


def _relative(path: Path, root: Path) -> str | None:
    try:
        return Path(os.path.relpath(path.absolute(), root.absolute())).as_posix()
    except ValueError:  # another drive (Windows)
        return None


def override_matches(cfg: LoadedConfig, index: int, path: str | Path) -> bool:
    import pathspec

    rel = _relative(Path(path), cfg.root)
    if rel is None or rel.startswith("../"):
        return False
    spec = pathspec.GitIgnoreSpec.from_lines(cfg.config.overrides[index].files)
    return spec.match_file(rel)


class Resolver:
    """Effective settings per file; configuration files are read once per run."""

    def __init__(self, flags: Flags):
        self.flags = flags
        self._found: dict[Path, Path | None] = {}

    def config_for(self, path: str | Path) -> LoadedConfig | None:
        if self.flags.config:
            return cached_config(Path(self.flags.config))
        if self.flags.no_config:
            return None
        folder = Path(path).absolute()
        folder = folder if is_dir(folder) else folder.parent
        if folder not in self._found:
            self._found[folder] = find_config(folder)
        found = self._found[folder]
        return cached_config(found) if found else None

    def resolve(self, path: str | Path) -> Effective:
        cfg = self.config_for(path)
        eff = Effective(config=cfg)
        if cfg is not None:
            top: ConfigFile = cfg.config
            given = top.model_fields_set
            if "rules" in given:
                eff.rules = tuple(str(cfg.root / p) for p in top.rules)
                eff.sources["rules"] = Source(cfg, ("rules",))
                for i in range(len(top.rules)):
                    eff.sources[f"rules[{i}]"] = Source(cfg, ("rules", i))
            if "default_rules" in given:
                eff.default_rules = top.default_rules
                eff.sources["default-rules"] = Source(cfg, ("default-rules",))
            if top.extend_lexicons:
                eff.extend_lexicons = tuple((k, tuple(v)) for k, v in top.extend_lexicons.items())
                for k in top.extend_lexicons:
                    eff.sources[f"extend-lexicons.{k}"] = Source(cfg, ("extend-lexicons", k))
            _apply(eff, top, cfg, ())
            for i, ov in enumerate(top.overrides):
                if override_matches(cfg, i, path):
                    _apply(eff, ov, cfg, ("overrides", i))
        self._apply_flags(eff)
        return eff

    def _apply_flags(self, eff: Effective) -> None:
        f = self.flags
        if f.rules is not None:
            eff.rules = tuple(f.rules)
            _forget(eff, "rules")
            eff.sources["rules"] = Source(flag="--rules")
        if f.no_default_rules:
            eff.default_rules = False
            eff.sources["default-rules"] = Source(flag="--no-default-rules")
        for attr, flag in (("select", "--select"), ("ignore", "--ignore")):
            value = getattr(f, attr)
            if value is not None:
                setattr(eff, attr, tuple(value))
                _forget(eff, attr)
                eff.sources[attr] = Source(flag=flag)
                for i in range(len(value)):
                    eff.sources[f"{attr}[{i}]"] = Source(flag=flag)
        if f.fail_on is not None:
            eff.fail_on = f.fail_on
            eff.sources["fail-on"] = Source(flag="--fail-on")
        if f.input_format is not None:
            eff.input = replace_model(eff.input, format=f.input_format)
            eff.sources["input.format"] = Source(flag="--input-format")
        if f.encoding is not None:
            eff.input = replace_model(eff.input, encoding=f.encoding)
            eff.sources["input.encoding"] = Source(flag="--encoding")


def describe(eff: Effective) -> list[tuple[str, object, str]]:
    """(key, value, where it came from) for every setting, as ``factlint config`` prints them."""
    rows: list[tuple[str, object, str]] = [
        ("rules", list(eff.rules), eff.source("rules").describe()),
        ("default-rules", eff.default_rules, eff.source("default-rules").describe()),
        ("select", list(eff.select) if eff.select is not None else None, _list_source(eff, "select")),
        ("ignore", list(eff.ignore), _list_source(eff, "ignore")),
        ("fail-on", eff.fail_on, eff.source("fail-on").describe()),
    ]
    rows += [(f'severity."{k}"', v, eff.source(f"severity.{k}").describe()) for k, v in sorted(eff.severity.items())]
    rows += [(f"extend-lexicons.{k}", list(v), eff.source(f"extend-lexicons.{k}").describe()) for k, v in eff.extend_lexicons]
    inp = eff.input
    rows += [("input.format", inp.format or "auto", eff.source("input.format").describe()),
             ("input.encoding", inp.encoding or "utf-8", eff.source("input.encoding").describe())]
    rows += [(f"input.extensions.{k}", v, eff.source(f"input.extensions.{k}").describe()) for k, v in sorted(inp.extensions.items())]
    return rows


def _list_source(eff: Effective, key: str) -> str:
    items = getattr(eff, key) or ()
    found = list(dict.fromkeys(eff.source(f"{key}[{i}]").describe() for i in range(len(items))))
    return "; ".join(found) if found and found != ["default"] else eff.source(key).describe()
