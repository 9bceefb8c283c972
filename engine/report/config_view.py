"""``factlint config``: the effective configuration for a file, and where each value came from.

Owns the two renderings: text (TOML-like ``key = value`` lines, each with a
comment naming its source: ``factlint.toml:3``, an override, a flag, or
``default``, then the rules that run with their severities) and JSON
(``{"path", "config", "settings": [{"key", "value", "source"}], "rules": [...]}``).
"""

from __future__ import annotations

import json

from ..api import RuleSet
from ..config.resolve import Effective, describe


def _toml(value) -> str:
    if value is None:
        return "(all rules)"
    return json.dumps(value, ensure_ascii=False)


def config_dict(path: str, eff: Effective, rules: RuleSet) -> dict:
    return {
        "path": path,
        "config": eff.config.shown if eff.config else None,
        "settings": [{"key": k, "value": v, "source": s} for k, v, s in describe(eff)],
        "rules": [{"id": r.id, "severity": r.severity} for r in rules.rules],
    }


def render_config(path: str, eff: Effective, rules: RuleSet, as_json: bool = False) -> str:
    if as_json:
        return json.dumps(config_dict(path, eff, rules), ensure_ascii=False, indent=2)
    rows = describe(eff)
    width = max(len(f"{k} = {_toml(v)}") for k, v, _ in rows)
    out = [f"# effective configuration for {path}", f"# configuration file: {eff.config.shown if eff.config else '(none found)'}"]
    out += [f"{k} = {_toml(v)}".ljust(width) + f"  # {s}" for k, v, s in rows]
    out += ["", f"# rules that run ({len(rules.rules)})"]
    idw = max([len(r.id) for r in rules.rules] + [4])
    out += [f"#   {r.id.ljust(idw)}  {r.severity}" for r in rules.rules]
    return "\n".join(out)
