"""The dependency rule, read from the code with ``ast`` (docs/architecture.md explains it):

- a domain's ``service.py`` never imports another domain's ``service.py``, nor any flow;
- only routers and the CLI import a flow (``flows.py``);
- services and flows import no router and not ``kaizen.deps`` (HTTP dependencies);
- no import inside a function body (lazy imports hide cycles);
- no import cycle between modules.

Each checker is also run on a small fabricated package, so the test itself can fail.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "kaizen"

# Imports inside functions that are deliberate, as "module: imported module". Keep it empty;
# a lazy import must say here why it cannot live at the top of its module.
ALLOWED_LAZY_IMPORTS: frozenset[str] = frozenset()
# The request-level dependencies (session, current user, path ids): for routers only.
HTTP_DEPS = f"{PACKAGE}.deps"


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. kaizen.habits.service
    target: str  # the imported module, e.g. kaizen.sprints.snapshots
    line: int
    in_function: bool


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules(root: Path, package: str) -> dict[str, Path]:
    return {_module_name(root, p): p for p in sorted((root / package).rglob("*.py"))}


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The longest known module that ``name`` is, or lives in (``a.b.func`` → ``a.b``)."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports(root: Path, package: str) -> list[Import]:
    modules = _modules(root, package)
    found: list[Import] = []
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        functions = [
            n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
        ]
        inside = {id(n) for f in functions for n in ast.walk(f) if n is not f}
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = module.split(".")
                    anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                    base = ".".join([*anchor, base] if base else anchor)
                # `from a import b` imports the module a.b when there is one, else a.
                names = [f"{base}.{alias.name}" for alias in node.names]
            for name in names:
                target = _resolve(name, modules)
                if target and target != module:
                    found.append(Import(module, target, node.lineno, id(node) in inside))
    return found


def _kind(module: str) -> str:
    return module.rpartition(".")[2]


def _domain(module: str) -> str:
    return module.split(".")[1] if module.count(".") >= 2 else ""


def layer_violations(root: Path, package: str = PACKAGE) -> list[str]:
    problems = []
    for imp in _imports(root, package):
        where = f"{imp.module} (line {imp.line}) imports {imp.target}"
        kinds = (_kind(imp.module), _kind(imp.target))
        if kinds == ("service", "service") and _domain(imp.module) != _domain(imp.target):
            problems.append(f"{where}: a service never imports another domain's service")
        if kinds[1] == "flows" and kinds[0] not in {"router", "cli"}:
            problems.append(f"{where}: only routers and the CLI import a flow")
        if kinds[0] in {"service", "flows"} and (kinds[1] == "router" or imp.target == HTTP_DEPS):
            problems.append(f"{where}: services and flows know nothing of HTTP")
    return problems


def lazy_imports(root: Path, package: str = PACKAGE) -> list[str]:
    return [
        f"{imp.module} (line {imp.line}) imports {imp.target} inside a function"
        for imp in _imports(root, package)
        if imp.in_function and f"{imp.module}: {imp.target}" not in ALLOWED_LAZY_IMPORTS
    ]


def import_cycles(root: Path, package: str = PACKAGE) -> list[list[str]]:
    """Every strongly connected group of modules (Tarjan), as sorted lists."""
    graph: dict[str, set[str]] = {m: set() for m in _modules(root, package)}
    for imp in _imports(root, package):
        graph[imp.module].add(imp.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


# ------------------------------------------------------------------------------- the real code


def test_the_walk_sees_the_code() -> None:
    modules = _modules(SRC, PACKAGE)
    assert "kaizen.habits.service" in modules and "kaizen.onboarding.flows" in modules
    targets = {(i.module, i.target) for i in _imports(SRC, PACKAGE)}
    assert ("kaizen.habits.service", "kaizen.sprints.snapshots") in targets


def test_services_import_no_other_service_and_no_flow() -> None:
    assert layer_violations(SRC) == []


def test_no_imports_inside_functions() -> None:
    assert lazy_imports(SRC) == []


def test_no_import_cycles() -> None:
    assert import_cycles(SRC) == []


# ------------------------------------------------------------------ the checkers can fail


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def fake(tmp_path: Path) -> Path:
    return _write(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/a/__init__.py": "",
            "app/a/service.py": "from app.b import service as b\nfrom app.a import logs\n",
            "app/a/logs.py": "def f():\n    import app.b.models\n",
            "app/a/router.py": "from app.flow import flows\n",
            "app/flow/router.py": "",
            "app/b/__init__.py": "",
            "app/b/models.py": "from . import service\n",
            "app/b/service.py": "from app.flow.flows import run\nfrom ..a import logs\n",
            "app/flow/__init__.py": "",
            "app/flow/flows.py": "from app.a import service\nfrom app.flow import router\n"
            "def run(): ...\n",
        },
    )


def test_checkers_find_violations_in_a_fabricated_package(fake: Path) -> None:
    layers = layer_violations(fake, "app")
    assert any("app.a.service (line 1) imports app.b.service" in p for p in layers)
    assert any("app.b.service (line 1) imports app.flow.flows" in p for p in layers)
    assert not any(p.startswith("app.a.router") for p in layers)  # routers may call flows
    assert not any("imports app.a.logs" in p for p in layers)  # read modules are fine
    assert any("app.flow.flows (line 2) imports app.flow.router" in p for p in layers)
    assert lazy_imports(fake, "app") == [
        "app.a.logs (line 2) imports app.b.models inside a function"
    ]
    # a.service → a.logs → b.models → b.service → flow.flows → a.service (relative imports too)
    assert import_cycles(fake, "app") == [
        ["app.a.logs", "app.a.service", "app.b.models", "app.b.service", "app.flow.flows"]
    ]
