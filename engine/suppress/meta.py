"""The rules factlint itself checks about suppressions, with their ids.

Owns the ids, severities and titles of the findings that audit the
suppression comments of an article (a suppression without a reason, one
naming a rule that does not exist, one that suppresses nothing).  They are
findings like any other: a configuration may ``ignore`` them or change their
``severity``, and every output format shows them.  Also owns how a rule
selector (an id, or an id prefix that ends at a ``/``) matches rule ids, the
same in suppression comments and in the configuration.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MetaRule:
    id: str
    severity: str
    title: str
    help: str


INVALID = MetaRule(
    "factlint/invalid-suppression",
    "warning",
    "A suppression comment is malformed",
    "A suppression names the rules it silences and says why: "
    "`<!-- factlint-disable RULE -- reason -->`. One without a reason, without a rule, "
    "naming a rule that does not exist, or an `enable` with no `disable` before it is reported.",
)
UNUSED = MetaRule(
    "factlint/unused-suppression",
    "warning",
    "A suppression comment suppresses nothing",
    "The rule it names found nothing where it applies: remove the comment, "
    "or the suppression would silently hide a later, different finding.",
)
META_RULES = {r.id: r for r in (INVALID, UNUSED)}


def selector_matches(selector: str, rule_id: str) -> bool:
    """``people`` and ``people/`` match ``people/age-mismatch``; ``people/age`` does not."""
    selector = selector.strip()
    if selector == rule_id:
        return True
    folder = selector.rstrip("/")
    return bool(folder) and rule_id.startswith(folder + "/")
