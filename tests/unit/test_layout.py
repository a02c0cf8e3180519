"""The package's layout keeps its promises: only the engine adapters know an engine, and the
modules import each other in one direction (no cycle)."""
from __future__ import annotations

import ast
from pathlib import Path

import generator

PACKAGE = Path(generator.__file__).resolve().parent
ENGINE_MODULES = ("mkdocs", "material", "zensical")
# Material's markup: the classes and attributes its templates write.
THEME_MARKUP = ("md-content", "md-typeset", "data-md-", "md-nav", "md-header")


def modules() -> dict[str, Path]:
    return {".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__"): path
            for path in PACKAGE.rglob("*.py") if "_defaults" not in path.parts}


def imports_of(name: str, path: Path) -> set[str]:
    """Every module a module imports, absolute (relative imports resolved)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def test_only_the_engine_adapters_import_an_engine_or_know_its_markup():
    offenders = []
    for name, path in modules().items():
        if name.startswith("generator.engines"):
            continue
        engines = {i for i in imports_of(name, path) if i.split(".")[0] in ENGINE_MODULES}
        markup = [m for m in THEME_MARKUP if m in path.read_text(encoding="utf-8")]
        if engines or markup:
            offenders.append((name, sorted(engines), markup))
    assert offenders == []


def test_the_modules_import_each_other_without_a_cycle():
    names = modules()
    graph = {name: {i for i in imports_of(name, path) if i in names and i != name} for name, path in names.items()}
    # a package's __init__ is imported on the way to its modules: not a dependency to follow
    graph = {name: {i for i in deps if names[i].name != "__init__.py"} for name, deps in graph.items()}
    state: dict[str, str] = {}
    cycles = []

    def visit(name, trail):
        state[name] = "visiting"
        for dependency in sorted(graph[name]):
            if state.get(dependency) == "visiting":
                cycles.append(trail[trail.index(dependency):] + [dependency])
            elif dependency not in state:
                visit(dependency, trail + [dependency])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_layout_test_sees_a_cycle_and_an_engine_import(tmp_path):
    """The two checks above can fail: they do on a package made to break them."""
    package = tmp_path / "generator"
    (package / "model").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "model/__init__.py").write_text("")
    (package / "model/a.py").write_text("from .b import x\n")
    (package / "model/b.py").write_text("from . import a\nimport mkdocs.config\nx = 1\n")
    global PACKAGE
    saved, PACKAGE = PACKAGE, package
    try:
        graph_failed = engine_failed = False
        try:
            test_the_modules_import_each_other_without_a_cycle()
        except AssertionError:
            graph_failed = True
        try:
            test_only_the_engine_adapters_import_an_engine_or_know_its_markup()
        except AssertionError:
            engine_failed = True
    finally:
        PACKAGE = saved
    assert graph_failed and engine_failed
