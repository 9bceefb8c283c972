"""Meta-tests that keep the project's shape: the grammar loads in lark's
strict mode, modules import only downward and nobody imports the CLI, no
import cycles (type-only imports included), extractor families never
import each other, the extractor table covers the fact model, every module
says what it owns, and shipped rule ids equal their paths."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "engine"

# Lower layers may not import higher ones.  A module may import its own
# layer and any layer listed before it.
LAYERS = ["errors", "text", "lexicon", "facts", "vocab", "extract", "lang", "evaluate", "inputs", "api", "suppress", "config", "run", "selftest", "report", "cli"]


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


def _module_names() -> set[str]:
    return {module for _, module in engine_modules()}


def _import_graph() -> dict[str, set[str]]:
    """module -> the engine modules it imports (a name imported from a
    package that is itself a module counts as that module; a module's own
    ancestor packages do not count)."""
    known = _module_names()
    graph: dict[str, set[str]] = {}
    for path, module in engine_modules():
        if not module:
            continue
        edges = graph.setdefault(module, set())
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                target = ".".join([*base, node.module] if node.module else base)
                for alias in node.names:
                    sub = f"{target}.{alias.name}" if target else alias.name
                    edges.add(sub if sub in known else target)
        ancestors = {".".join(module.split(".")[:k]) for k in range(1, module.count(".") + 1)}
        edges -= ancestors | {module, ""}
    return graph


def test_no_import_cycles_not_even_for_type_hints():
    graph = _import_graph()
    cycles, index, low, stack, on_stack = [], {}, {}, [], set()

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert cycles == []


FAMILIES = ("extract.people", "extract.attribution", "extract.time", "extract.quantity", "extract.repeats")


def _family_of(module: str) -> str | None:
    return next((f for f in FAMILIES if module == f or module.startswith(f + ".")), None)


def test_extractor_families_never_import_each_other_and_passes_import_none():
    problems = []
    for module, targets in _import_graph().items():
        mine = _family_of(module)
        for target in targets:
            theirs = _family_of(target)
            if theirs and mine and theirs != mine:
                problems.append(f"{module} imports {target} (another extractor family)")
            if theirs and module.startswith("extract.passes"):
                problems.append(f"{module} imports {target} (a pass imports no family)")
            if target.startswith("extract.") and not module.startswith("extract"):
                problems.append(f"{module} imports {target} (only the pipeline is extraction's entry)")
    assert problems == []


def test_the_extractor_table_produces_every_fact_kind_once():
    from factlint.extract.pipeline import extractors
    from factlint.facts.model import FACT_KINDS

    produced = [kind for e in extractors() for kind in e.produces]
    assert sorted(produced) == sorted(FACT_KINDS)
    assert [e.name for e in extractors()] == ["people", "attribution", "time", "quantity", "repeats"]


#: fields no extractor sets: the pipeline's passes fill them
_FILLED_BY_PASSES = {"speaker_entity", "author_entity", "person_entity", "topic", "sentence", "paragraph", "in_headline"}


@pytest.mark.parametrize("family", FAMILIES)
def test_each_family_says_which_fact_kinds_and_fields_it_produces(family):
    import importlib

    from factlint.facts.model import FACT_CLASSES, Fact

    module = importlib.import_module("factlint." + family)
    doc = module.__doc__ or ""
    base = set(Fact.model_fields)
    for kind in module.PRODUCES:
        assert f"``{kind}``" in doc, f"{family} does not say it produces {kind}"
        for name in sorted(set(FACT_CLASSES[kind].model_fields) - base - _FILLED_BY_PASSES):
            assert f"``{name}``" in doc, f"{family}'s docstring does not name the {kind} field {name}"
