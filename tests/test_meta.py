"""Meta-tests that keep the project's shape: the grammar loads in lark's
strict mode, modules import only downward and nobody imports the CLI, no
import cycles (type-only imports included), extractor families never
import each other, nothing imports the package face, the extractor table
covers the fact model, every module says what it owns, shipped rule ids
equal their paths, and docs/architecture.md draws the layers as they are
and names only paths that exist."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "engine"

# Lower layers may not import higher ones.  A module may import its own
# layer and any layer listed before it.
LAYERS = ["version", "errors", "text", "lexicon", "facts", "vocab", "extract", "lang", "evaluate", "inputs", "api", "suppress", "config", "run", "selftest", "report", "cli"]


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


def test_nothing_imports_the_package_face():
    """``factlint/__init__.py`` re-exports the API, so a module below ``api``
    importing it imports upward (hidden when the import is lazy); a module
    above imports the module that owns the name instead."""
    problems = []
    for path, module in engine_modules():
        if not module or module == "__main__":
            continue
        package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            face = (
                isinstance(node, ast.ImportFrom) and node.level and not node.module and node.level > len(package)
                or isinstance(node, ast.ImportFrom) and not node.level and node.module == "factlint"
                or isinstance(node, ast.Import) and any(a.name == "factlint" for a in node.names)
            )
            if face:
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno} imports the package face")
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


ARCHITECTURE = ROOT / "docs" / "architecture.md"
#: a path as the docs write it: ``lang/ast.py``, ``extract/people/``, ``bench/speed.py``
_PATH = re.compile(r"(?<![\w./$~-])(?:[\w-]+/)*[\w-]+(?:\.py\b|/)(?![\w/])")
#: a dotted module name: ``evaluate.findings.cite``, ``text.source``, ``attribution.denials``
_DOTTED = re.compile(r"(?<![\w./-])[a-z_]+(?:\.[a-z_]+)+(?![\w(])")
#: a line of the tree: its indent and the name it draws, then two spaces or the end
_TREE_LINE = re.compile(r"^(?P<indent> *)(?P<name>[\w.]+/?)(?: {2,}(?P<says>.*))?$")


def _architecture() -> tuple[str, list[tuple[int, str, str]]]:
    """The architecture doc without its tree, and the tree (the fenced block
    that starts with ``engine/``): (indent, path from the repository root,
    what the line says) for each line that draws a name."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    start = text.index("```\nengine/\n") + 4
    end = text.index("```", start)
    rows: list[tuple[int, str, str]] = []
    stack: list[tuple[int, str]] = []  # the folders the next line may be inside
    for line in text[start:end].splitlines():
        m = _TREE_LINE.match(line)
        if not m:
            continue
        indent = len(m["indent"])
        while stack and stack[-1][0] >= indent:
            stack.pop()
        path = (stack[-1][1] if stack else "") + m["name"]
        rows.append((indent, path, m["says"] or ""))
        if path.endswith("/"):
            stack.append((indent, path))
    return text[:start] + text[end:], rows


def _module_exists(dotted: str, root: Path) -> bool:
    """``a.b.c`` names a module under ``root``, or a name defined at the top of one."""
    parts = dotted.split(".")
    for k in range(len(parts), 0, -1):
        base = root.joinpath(*parts[:k])
        source = base.with_suffix(".py") if base.with_suffix(".py").is_file() else base / "__init__.py"
        if source.is_file():
            rest = parts[k:]
            if not rest:
                return True
            text = source.read_text(encoding="utf-8")
            return len(rest) == 1 and re.search(rf"^(?:def |class )?{rest[0]}\b", text, re.M) is not None
    return False


def _stem(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".py")


def test_the_architecture_tree_draws_the_layers_in_order_and_all_of_extract():
    _, rows = _architecture()
    layers = [_stem(path) for indent, path, _ in rows if indent == 2]
    assert layers == LAYERS[::-1], "docs/architecture.md draws the layers of LAYERS, from the top down"
    drawn = sorted(path.removeprefix("engine/extract/") for _, path, _ in rows if path.startswith("engine/extract/") and path != "engine/extract/")
    drawn = [name for name in drawn if "/" not in name.rstrip("/")]
    present = sorted(p.name + "/" * p.is_dir() for p in (ENGINE / "extract").iterdir() if not p.name.startswith(("_", ".")))
    assert drawn == present, "docs/architecture.md draws every module and package of engine/extract/"


def test_every_path_the_architecture_doc_names_exists():
    """A path resolves from the repository root or from engine/, and in the
    tree also from the folder of its line; a dotted name is an engine module
    or a name one defines (when it starts with a layer or an extractor family)."""
    text, rows = _architecture()
    missing = [path for _, path, _ in rows if not (ROOT / path).exists()]
    places = [(ROOT, text)] + [(ROOT / (path if path.endswith("/") else path.rsplit("/", 1)[0]), says) for _, path, says in rows]
    for folder, words in places:
        missing += [name for name in _PATH.findall(words) if not any((base / name).exists() for base in (folder, ROOT, ENGINE))]
    for name in _DOTTED.findall(text):
        first = name.split(".")[0]
        roots = [r for r in (ENGINE, ENGINE / "extract") if (r / first).is_dir() or (r / f"{first}.py").is_file()]
        if roots and not any(_module_exists(name, r) for r in roots):
            missing.append(name)
    assert missing == []


def test_the_version_is_the_one_pyproject_declares():
    from factlint.version import __version__

    declared = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    assert declared is not None and declared[1] == __version__
