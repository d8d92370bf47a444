"""The shape of the code: no import cycles among toolkit's modules, imports only down the rooms
(text < glossary < engines < translation < summary < output < corpus < commands < cli;
config, the settings of the config file, sits beside output, under commands), counting
imports inside functions and under TYPE_CHECKING, and no module state that a run changes."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "toolkit"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imports(path: Path, known: set[str]) -> set[str]:
    """The toolkit modules a module imports anywhere in its body."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in known else node.module)
    return {name for name in found if name in known}


def import_graph() -> dict[str, set[str]]:
    known = modules()
    names = set(known)
    return {name: imports(path, names) - {name} for name, path in known.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for child in sorted(graph[node]):
            if child not in index:
                visit(child)
                low[node] = min(low[node], low[child])
            elif child in on_stack:
                low[node] = min(low[node], index[child])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles() -> None:
    graph = import_graph()
    assert len(graph) > 40
    assert cycles(graph) == []


# The rooms each room may import, besides itself: a room is a package under toolkit/, or a
# top-level module. Every room may import the two at the bottom.
_BOTTOM = {"errors", "toolkit"}  # toolkit: the package's __init__, its version only
_BELOW_OUTPUT = {"text", "glossary", "engines", "translation", "summary"}
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "toolkit": set(),
    "text": _BOTTOM,
    "glossary": _BOTTOM | {"text"},
    "engines": _BOTTOM | {"text", "glossary"},
    "translation": _BOTTOM | {"text", "glossary", "engines"},
    "summary": _BOTTOM | {"text", "glossary", "engines", "translation"},
    "output": _BOTTOM | _BELOW_OUTPUT,
    # The run's streams, -q/-v and progress bars: built on output's consoles, handed down as
    # values and callbacks (an engine gets a progress factory, never the Environment).
    "environment": _BOTTOM | _BELOW_OUTPUT | {"output"},
    "corpus": _BOTTOM | _BELOW_OUTPUT | {"output", "environment"},
    # The settings of the config file and the environment, checked with the rooms' own names
    # (languages, engines, algorithms); read by the CLI and `toolkit config`, rendered by output.
    "config": _BOTTOM | {"text", "engines", "summary"},
    "commands": _BOTTOM | _BELOW_OUTPUT | {"output", "environment", "corpus", "config", "serve"},
    # The HTTP server, at the level of commands/ (commands/serve.py starts it): its routes call
    # translation/ and summary/ as the commands do; never corpus/ or a command.
    "serve": _BOTTOM | _BELOW_OUTPUT | {"output", "environment", "config"},
    "usage": _BOTTOM,  # typer's usage errors as one line: the CLI's, imports none of toolkit
    "cli": _BOTTOM
    | _BELOW_OUTPUT
    | {"output", "environment", "corpus", "config", "commands", "usage", "serve"},
    "__main__": _BOTTOM
    | _BELOW_OUTPUT
    | {"output", "environment", "corpus", "config", "commands", "usage", "cli", "serve"},
}

# Imports up the rooms that are known and to be removed, each with why it is still there:
# (importing module, room imported) -> why. The test fails when one is no longer needed.
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {}


def room(module: str) -> str:
    """toolkit.engines.apertium.engine -> engines; toolkit.errors -> errors; toolkit -> toolkit."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def upward_imports(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    """(module, room) for each import of a room that the module's room may not import."""
    return {
        (module, room(imported))
        for module, imported_modules in graph.items()
        for imported in imported_modules
        if room(imported) != room(module) and room(imported) not in ALLOWED[room(module)]
    }


def test_every_module_is_in_a_room_of_the_table() -> None:
    assert {room(module) for module in modules()} == set(ALLOWED)


def test_the_rooms_are_layered() -> None:
    """The table itself goes one way: no room may import one that may import it."""
    assert cycles({name: set(allowed) for name, allowed in ALLOWED.items()}) == []


def test_imports_go_down_the_rooms() -> None:
    found = upward_imports(import_graph())
    assert found - set(KNOWN_EXCEPTIONS) == set()
    assert set(KNOWN_EXCEPTIONS) - found == set(), "an exception that is no longer needed"


def test_the_room_check_finds_an_upward_import() -> None:
    graph = {"toolkit.text.document": {"toolkit.errors", "toolkit.summary.select"}}
    assert upward_imports(graph) == {("toolkit.text.document", "summary")}


def test_the_engine_registry_imports_no_engine() -> None:
    """engines/apertium and engines/argos import engines/ (base, quality); the modules of
    engines/ itself reach them only by name (base.load), never by an import."""
    graph = import_graph()
    core = [name for name, path in modules().items() if path.parent == PACKAGE / "engines"]
    assert core
    found = {
        (name, imported)
        for name in core
        for imported in graph[name]
        if imported.startswith(("toolkit.engines.apertium", "toolkit.engines.argos"))
    }
    assert found == set()


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_module_rebinds_its_globals() -> None:
    """State a run needs travels in objects, not in module variables set at run time."""
    offenders = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Global):
                offenders.append(f"{name}: global {', '.join(node.names)}")
            elif isinstance(node, ast.Assign | ast.AugAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if (
                        isinstance(target, ast.Attribute | ast.Subscript)
                        and isinstance(target.value, ast.Attribute | ast.Name)
                        and ast.unparse(target.value) == "sys.modules"
                    ):
                        offenders.append(f"{name}: assigns sys.modules")
    assert offenders == []


def test_commands_only_hand_over() -> None:
    """A command reads options, opens inputs, hands over to a room and renders: short functions."""
    long = []
    for path in (PACKAGE / "commands").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            lines = (
                (node.end_lineno or 0) - node.lineno + 1 if isinstance(node, ast.FunctionDef) else 0
            )
            if lines > 60:
                long.append(f"{path.name}:{node.name}")
    assert long == []


def test_consoles_are_made_in_output_only() -> None:
    makers = [
        name
        for name, path in modules().items()
        if room(name) != "output" and "Console(" in path.read_text(encoding="utf-8")
    ]
    assert makers == []
