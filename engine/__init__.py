"""factlint: a fact-consistency linter for news copy.

The public API (everything else is internal and may change):

- ``load_rules(paths=(), default=True) -> RuleSet``: compile rule files once.
- ``check_text(text, published=None, rules=None, ...) -> Report``
- ``check_file(path, published=None, rules=None, ...) -> Report``
- ``extract(text, published=None, rules=None) -> FactSet``
- ``UserError``: raised for bad input (rule files, articles, facts files).
"""

from .api import Report, RuleSet, check_file, check_text, extract, load_rules
from .errors import UserError
from .evaluate.findings import Citation, Finding, Note
from .facts.model import FactSet
from .version import __version__

__all__ = [
    "Citation",
    "FactSet",
    "Finding",
    "Note",
    "Report",
    "RuleSet",
    "UserError",
    "__version__",
    "check_file",
    "check_text",
    "extract",
    "load_rules",
]
