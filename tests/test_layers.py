"""The layer rule of DESIGN.md, checked by reading every module's imports (no module is executed).

Every package has a row saying what it may import; `importlib.import_module("...")` and
`__import__` count as imports (and are refused outside resource loading); a module may
not reach another's private names; and the import graph has no circle (imports made only
for type checking, under `if TYPE_CHECKING:`, do not run and are left out of the circle check).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dsar_desktop"
ROOT_NAME = "dsar_desktop"
LAYERS = ("domain", "store", "security", "extracts", "documents", "services", "ui", "cli")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(package: str, level: int, module: str | None) -> str:
    if not level:
        return module or ""
    base_parts = package.split(".")
    base_parts = base_parts[: len(base_parts) - (level - 1)]
    base = ".".join(base_parts)
    return f"{base}.{module}" if module else base


class _Imports(ast.NodeVisitor):
    """Every import of a module: static ones, importlib/__import__ calls, and private names taken."""

    def __init__(self, name: str, package: str) -> None:
        self.name, self.package = name, package
        self.found: set[str] = set()  # everything, type-checking imports included
        self.runtime: set[str] = set()  # what runs when the module is imported or its functions called
        self.dynamic: list[str] = []  # importlib.import_module / __import__ calls, as written
        self.private: set[str] = set()  # "module._name" taken from another module
        self.imports_importlib = False  # `import importlib` or `from importlib import import_module`
        self.writes: list[str] = []  # calls that write, move or delete a file (see FILE_WRITES)
        self._type_only = 0

    def _add(self, target: str) -> None:
        self.found.add(target)
        if not self._type_only:
            self.runtime.add(target)

    def visit_If(self, node: ast.If) -> None:  # noqa: N802 - ast's name
        if _is_type_checking(node):
            self._type_only += 1
            for child in node.body:
                self.visit(child)
            self._type_only -= 1
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:  # noqa: N802
        for alias in node.names:
            self._add(alias.name)
            if alias.name == "importlib":
                self.imports_importlib = True

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:  # noqa: N802
        target = _resolve(self.package, node.level, node.module)
        self._add(target)
        if target == "importlib" and any(alias.name != "resources" for alias in node.names):
            self.imports_importlib = True
        for alias in node.names:
            if alias.name == "*":
                continue
            # `from . import x` / `from ..services import register` name submodules too.
            self._add(f"{target}.{alias.name}")
            if alias.name.startswith("_") and not alias.name.startswith("__") and target.startswith(ROOT_NAME):
                self.private.add(f"{target}.{alias.name}")

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        func = node.func
        called = (
            func.attr
            if isinstance(func, ast.Attribute)
            else func.id
            if isinstance(func, ast.Name)
            else ""
        )
        if _writes_a_file(node, called):
            self.writes.append(f"line {node.lineno}: {ast.unparse(node)[:80]}")
        if called in ("import_module", "__import__"):
            argument = node.args[0] if node.args else None
            text = ast.unparse(argument) if argument is not None else ""
            self.dynamic.append(f"{called}({text})")
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                level = len(argument.value) - len(argument.value.lstrip("."))
                self._add(_resolve(self.package, level, argument.value.lstrip(".") or None))
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:  # noqa: N802
        # `letters._text(...)`: a private name reached through a module imported by name.
        if (
            isinstance(node.value, ast.Name)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and node.value.id not in ("self", "cls")
        ):
            self.private.add(f"{node.value.id}.{node.attr}")
        self.generic_visit(node)


# Calls that write, move or delete a file, whatever object they are called on (the UI must leave it
# to a service: one place decides what reaches the disk and that nothing personal does in clear).
FILE_WRITES = {
    "write_bytes", "write_text", "atomic_write", "unlink", "rmdir", "rename", "setOutputFileName", "QPdfWriter",
    "QSaveFile", "QTextDocumentWriter", "QImageWriter", "NamedTemporaryFile", "mkstemp",
}  # fmt: skip
# Names too common to flag on any object (dict.copy, list.remove, str.replace): only on these modules.
MODULE_WRITES = {"shutil": {"copy", "copy2", "copyfile", "copytree", "move", "rmtree"}, "os": {"remove", "replace"}}
WRITING_MODES = set("wax+")
QT_WRITE_FLAGS = {"WriteOnly", "ReadWrite", "Append", "Truncate", "NewOnly"}


def _writes_a_file(node: ast.Call, called: str) -> bool:
    if called in FILE_WRITES:
        return True
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        if called in MODULE_WRITES.get(func.value.id, ()):
            return True
    if called == "open":  # open(path, "w"), Path.open("wb"), os.open(path, O_WRONLY ...), QFile.open(WriteOnly)
        words = {n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)} | {
            n.id for n in ast.walk(node) if isinstance(n, ast.Name)
        }
        modes = [a.value for a in [*node.args, *(k.value for k in node.keywords)] if isinstance(a, ast.Constant)]
        if any(isinstance(m, str) and WRITING_MODES & set(m) and len(m) <= 3 for m in modes):
            return True
        return bool(words & (QT_WRITE_FLAGS | {"O_WRONLY", "O_RDWR", "O_CREAT"}))
    return False


def scan(path: Path, name: str | None = None) -> _Imports:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = name or module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    visitor = _Imports(name, package)
    visitor.visit(tree)
    return visitor


def imports_of(path: Path, name: str | None = None) -> set[str]:
    """Absolute names of everything the module imports, anywhere in it (local and importlib imports included)."""
    return scan(path, name).found


SCANS = {module_name(p): scan(p) for p in sorted(PACKAGE.rglob("*.py"))}
MODULES = {name: s.found for name, s in SCANS.items()}


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def internal(imported: str) -> str | None:
    """The layer an internal import belongs to ('' for the package root), None for outside imports."""
    if imported != ROOT_NAME and not imported.startswith(ROOT_NAME + "."):
        return None
    layer = layer_of(imported)
    if layer and not (PACKAGE / layer).is_dir() and not (PACKAGE / f"{layer}.py").is_file():
        return ""  # `from .. import __version__`: a name of the package root
    return layer


def test_the_walk_sees_the_whole_package() -> None:
    assert set(LAYERS) <= {layer_of(m) for m in MODULES}
    assert "dsar_desktop.app" in MODULES
    # Relative imports resolve: the unlock dialog uses the register service.
    assert "dsar_desktop.services.register" in MODULES["dsar_desktop.ui.unlock"]


def test_only_the_ui_and_the_entry_point_import_qt() -> None:
    offenders = sorted(
        f"{module} imports {imported}"
        for module, imported_names in MODULES.items()
        for imported in imported_names
        if imported.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")
        and layer_of(module) != "ui"
        and module != "dsar_desktop.app"
    )
    assert offenders == []


# What each package may import from the others ("" is the package root: __init__, paths, fileio...).
ROOT_HELPERS = {"", "fileio", "paths", "logs"}
MAY_IMPORT: dict[str, set[str]] = {
    "domain": {"domain", *ROOT_HELPERS},
    "security": {"security", "domain", *ROOT_HELPERS},  # domain: the bilingual error classes
    "store": {"store", "domain", *ROOT_HELPERS},
    "extracts": {"extracts", "domain", *ROOT_HELPERS},
    "documents": {"documents", "domain", *ROOT_HELPERS},
    "services": {"services", "domain", "store", "security", "extracts", "documents", *ROOT_HELPERS},
    "ui": {"ui", "services", "domain", *ROOT_HELPERS},
    "cli": {"cli", "services", "domain", *ROOT_HELPERS},
}


def test_every_package_has_a_row() -> None:
    packages = {layer_of(m) for m in MODULES if m.count(".") >= 1 and (PACKAGE / layer_of(m)).is_dir()}
    assert packages - {"__pycache__"} <= set(MAY_IMPORT), packages - set(MAY_IMPORT)


@pytest.mark.parametrize("layer", sorted(MAY_IMPORT))
def test_a_layer_imports_only_what_its_row_allows(layer: str) -> None:
    allowed = MAY_IMPORT[layer]
    offenders = sorted(
        f"{module} imports {imported}"
        for module, imported_names in MODULES.items()
        if layer_of(module) == layer
        for imported in imported_names
        if internal(imported) is not None and internal(imported) not in allowed
    )
    assert offenders == []


def test_the_screens_and_the_command_line_hold_an_office_not_the_store() -> None:
    """ui/ and cli/ never import store/ or security/, not even for type checking."""
    offenders = sorted(
        f"{module} imports {imported}"
        for module, imported_names in MODULES.items()
        if layer_of(module) in ("ui", "cli")
        for imported in imported_names
        if internal(imported) in ("store", "security")
    )
    assert offenders == []


# Resource loading may use importlib.resources; nothing may import a module by a computed name.
def test_no_module_is_imported_by_name_at_run_time() -> None:
    offenders = sorted(f"{module}: {call}" for module, s in SCANS.items() for call in s.dynamic)
    assert offenders == []
    users = sorted(module for module, s in SCANS.items() if s.imports_importlib)
    assert users == []


def test_no_module_takes_another_modules_private_names() -> None:
    offenders = sorted(
        f"{module} uses {name}"
        for module, s in SCANS.items()
        for name in s.private
        if not name.startswith(("os.", "sys.", "ctypes.", "_", "msvcrt.", "platform.", "ast."))
        and _points_into_the_package(module, name)
    )
    assert offenders == []


def _points_into_the_package(module: str, name: str) -> bool:
    """`x._y` where x is a dsar_desktop module the importing module took by that name."""
    head = name.split(".")[-2]
    if name.startswith(ROOT_NAME):
        return True
    return any(imported.endswith("." + head) and imported.startswith(ROOT_NAME) for imported in MODULES[module])


def runtime_graph() -> dict[str, set[str]]:
    """Module -> the internal modules it imports when it runs (type-checking imports left out)."""
    graph: dict[str, set[str]] = {}
    for module, s in SCANS.items():
        targets = set()
        for imported in s.runtime:
            if internal(imported) is None:
                continue
            # `from .pkg import name` names either a submodule or an attribute: keep what is a module.
            while imported and imported not in MODULES:
                imported = imported.rsplit(".", 1)[0] if "." in imported else ""
            if imported and imported != module:
                targets.add(imported)
        graph[module] = targets
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                group.append(item)
                if item == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def _without_packages(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """A package's __init__ importing its own submodules (and them importing names from it) is not a
    circle that can bite: Python finishes the package first. Leave package -> own submodule edges out."""
    return {
        module: {t for t in targets if not t.startswith(module + ".")}
        for module, targets in graph.items()
    }


def test_the_screens_write_no_file_themselves() -> None:
    """Letters, packs, backups, exports: the UI asks a service, which alone writes (issue 10)."""
    offenders = sorted(
        f"{module} {call}" for module, found in SCANS.items() if layer_of(module) == "ui" for call in found.writes
    )
    assert offenders == []


def test_there_is_no_import_circle() -> None:
    assert find_cycles(_without_packages(runtime_graph())) == []


def test_the_layer_walk_catches_violations(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import importlib\nfrom typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ..store.connection import Register\n"
        "def f():\n    from PySide6.QtWidgets import QWidget\n    from ..ui import style\n"
        "    importlib.import_module('dsar_desktop.services.letters')\n"
        "    from ..services import letters\n    return letters._text\n"
    )
    found = scan(bad, "dsar_desktop.domain.bad")
    assert found.imports_importlib
    assert {"PySide6.QtWidgets", "dsar_desktop.ui", "dsar_desktop.ui.style"} <= found.found
    assert "dsar_desktop.store.connection" in found.found and "dsar_desktop.store.connection" not in found.runtime
    assert "dsar_desktop.services.letters" in found.runtime
    assert found.dynamic == ["import_module('dsar_desktop.services.letters')"]
    assert "letters._text" in found.private
    assert internal("dsar_desktop.ui.style") == "ui" and internal("PySide6.QtWidgets") is None
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []
    writer = tmp_path / "writer.py"
    writer.write_text(
        "from pathlib import Path\nimport os, shutil\n"
        "def f(p: Path, q, printer):\n"
        "    p.write_bytes(b'')\n    open(p, 'wb')\n    open(p)\n    open(p, mode='a')\n"
        "    os.open(p, os.O_WRONLY | os.O_CREAT)\n    shutil.copy2(p, q)\n    q.open(QIODevice.OpenModeFlag.WriteOnly)\n"
        "    printer.setOutputFileName(str(p))\n    'a'.replace('a', 'b')\n    p.read_bytes()\n"
        "    {}.copy()\n    [1].remove(1)\n    os.replace(p, q)\n"
    )
    writes = scan(writer, "dsar_desktop.ui.writer").writes
    assert [w.split(":")[0] for w in writes] == [
        "line 4", "line 5", "line 7", "line 8", "line 9", "line 10", "line 11", "line 16",
    ]  # fmt: skip
