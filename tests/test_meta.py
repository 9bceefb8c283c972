"""Meta-tests that keep the project's shape: the grammar loads in lark's
strict mode, modules import only downward and nobody imports the CLI, every
module says what it owns, and shipped rule ids equal their paths."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "engine"

# Lower layers may not import higher ones.  A module may import its own
# layer and any layer listed before it.
LAYERS = ["errors", "lexicon", "text", "facts", "vocab", "extract", "lang", "evaluate", "api", "selftest", "report", "cli"]


def layer_of(module: str) -> str:
    return module.split(".")[0]


def engine_modules():
    for path in sorted(ENGINE.rglob("*.py")):
        rel = path.relative_to(ENGINE).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield path, ".".join(parts)


def imported_engine_modules(path: Path, module: str):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            target = ".".join([*base, node.module] if node.module else base)
            yield target or (node.names[0].name if not base else ".".join(base)), node.lineno
            if not node.module:
                for alias in node.names:
                    yield ".".join([*base, alias.name]), node.lineno
        elif isinstance(node, (ast.Import, ast.ImportFrom)) and not getattr(node, "level", 0):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for name in names:
                if name.startswith("factlint."):
                    yield name.removeprefix("factlint."), node.lineno


def test_modules_import_only_downward_and_nobody_imports_cli():
    problems = []
    for path, module in engine_modules():
        if not module or module in ("__main__",):
            continue
        mine = LAYERS.index(layer_of(module))
        for target, line in imported_engine_modules(path, module):
            if not target:
                continue
            layer = layer_of(target)
            if layer not in LAYERS:
                continue
            if layer == "cli" and layer_of(module) != "cli":
                problems.append(f"{path.name}:{line} imports the CLI")
            elif LAYERS.index(layer) > mine:
                problems.append(f"{module} ({path.relative_to(ROOT)}:{line}) imports higher layer {target}")
    assert problems == []


def test_every_module_has_a_docstring():
    missing = [str(p.relative_to(ROOT)) for p, _ in engine_modules() if ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None]
    assert missing == []


def test_grammar_loads_in_strict_mode():
    import interegular  # noqa: F401  (a test dependency: lark needs it for strict mode)

    from factlint.lang.parser import get_parser

    assert get_parser(strict=True) is not None


def test_shipped_rule_ids_equal_their_paths():
    from factlint.api import load_rules
    from factlint.lang.loader import shipped_rules_root

    root = shipped_rules_root()
    for rule in load_rules().rules:
        rel = Path(rule.path).relative_to(root).with_suffix("").as_posix()
        assert rule.id == rel, f"{rule.path}: rule id {rule.id} must equal its path {rel}"
