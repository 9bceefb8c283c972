"""Rule sets for effective settings: compiled once per distinct setting, checked against the rules.

Owns turning ``Effective`` settings into a ``RuleSet``: the packs (shipped
and ``rules`` paths) and lexicon extensions are compiled once per distinct
combination; ``select``/``ignore`` then filter the rules and ``severity``
replaces their levels (cheap, also cached).  It also owns the checks that
need the rules loaded: every selector and every ``severity`` key must name an
existing rule id or id prefix (the suppression audit rules count), and every
extended lexicon must exist; each mistake is an error at its line with a
did-you-mean.  Does not own reading files or layering settings (``resolve``).
"""

from __future__ import annotations

from dataclasses import replace

from ..api import RuleSet, load_rules
from ..errors import Diagnostic, UserError
from ..suppress.meta import META_RULES, selector_matches
from .loader import did_you_mean
from .resolve import Effective


def rule_enabled(eff: Effective, rule_id: str) -> bool:
    if eff.select is not None and not any(selector_matches(s, rule_id) for s in eff.select):
        return False
    return not any(selector_matches(s, rule_id) for s in eff.ignore)


def severity_of(eff: Effective, rule_id: str, default: str) -> str:
    """A rule's severity: an exact ``severity`` key wins over a prefix; a longer prefix over a shorter."""
    best = None
    for selector, level in eff.severity.items():
        if selector_matches(selector, rule_id) and (best is None or len(selector) > len(best[0])):
            best = (selector, level)
    return best[1] if best else default


class RuleSets:
    """The rule sets of one run, keyed by the settings that shape them."""

    def __init__(self) -> None:
        self._packs: dict[tuple, RuleSet] = {}
        self._final: dict[tuple, RuleSet] = {}

    def seed(self, rules: tuple[str, ...], default: bool, ruleset: RuleSet) -> None:
        """A pack compiled elsewhere (the command line's), for settings with exactly these packs."""
        self._packs.setdefault((rules, default, ()), ruleset)

    def pack_of(self, eff: Effective) -> RuleSet:
        """Every rule of the settings' packs, before ``select``/``ignore``."""
        return self._pack(eff)

    def _pack(self, eff: Effective) -> RuleSet:
        key = (eff.rules, eff.default_rules, eff.extend_lexicons)
        if key not in self._packs:
            plain = (eff.rules, eff.default_rules, ())
            if plain not in self._packs:
                pack = load_rules(list(eff.rules), default=eff.default_rules)
                if not pack.rules:
                    where = ", ".join(eff.rules) or "--no-default-rules"
                    raise UserError(Diagnostic(where, "no rules to run: the rule files given define none (a typo in --rules?)", "no-rules"))
                self._packs[plain] = pack
            if eff.extend_lexicons:
                self._check_lexicons(eff, self._packs[plain])
                where = str(eff.config.path) if eff.config else "<config>"
                self._packs[key] = load_rules(
                    list(eff.rules), default=eff.default_rules, extend_lexicons=dict(eff.extend_lexicons), extend_source=where
                )
        return self._packs[key]

    def for_settings(self, eff: Effective) -> RuleSet:
        """The rules to run under ``eff`` (an error when a setting names no rule)."""
        pack = self._pack(eff)
        key = (eff.rules, eff.default_rules, eff.extend_lexicons, eff.select, eff.ignore, tuple(sorted(eff.severity.items())))
        if key not in self._final:
            self._check_selectors(eff, pack)
            rules = [
                replace(r, severity=severity_of(eff, r.id, r.severity)) if eff.severity else r
                for r in pack.rules
                if rule_enabled(eff, r.id)
            ]
            self._final[key] = RuleSet(rules, pack.lexicons, pack.sources)
        return self._final[key]

    @staticmethod
    def _check_selectors(eff: Effective, pack: RuleSet) -> None:
        ids = [r.id for r in pack.rules] + list(META_RULES)
        prefixes = sorted({i.rsplit("/", 1)[0] for i in ids if "/" in i})
        problems: list[Diagnostic] = []
        named = [(f"{k}[{i}]", s) for k in ("select", "ignore") for i, s in enumerate(getattr(eff, k) or ())]
        named += [(f"severity.{s}", s) for s in eff.severity]
        for key, selector in named:
            if not any(selector_matches(selector, i) for i in ids):
                hint = did_you_mean(selector, ids + prefixes) or "`factlint rules` lists them"
                what = "rule id or id prefix" if "/" not in selector.rstrip("/") else "rule id"
                problems.append(eff.source(key).diagnostic(f"no {what} `{selector}` among the rules loaded", hint, "unknown-rule"))
        if problems:
            raise UserError(problems)

    @staticmethod
    def _check_lexicons(eff: Effective, pack: RuleSet) -> None:
        problems = [
            eff.source(f"extend-lexicons.{name}").diagnostic(
                f"no lexicon `{name}` to extend", did_you_mean(name, pack.lexicons.items) or "see rules/lexicons/", "unknown-lexicon"
            )
            for name, _ in eff.extend_lexicons
            if name not in pack.lexicons.items
        ]
        if problems:
            raise UserError(problems)
