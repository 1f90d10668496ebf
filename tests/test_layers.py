"""The layer rule of DESIGN.md, checked by reading every module's imports (no module is executed)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dsar_desktop"
ROOT_NAME = "dsar_desktop"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, name: str | None = None) -> set[str]:
    """Absolute names of everything the module imports, anywhere in it (local imports included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = name or module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts)
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.add(target)
            # `from . import x` / `from ..services import register` name submodules too.
            found.update(f"{target}.{alias.name}" for alias in node.names if alias.name != "*")
    return found


def all_modules() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def internal(imported: str) -> str | None:
    """The layer an internal import belongs to ('' for the package root), None for outside imports."""
    if imported != ROOT_NAME and not imported.startswith(ROOT_NAME + "."):
        return None
    return layer_of(imported)


MODULES = all_modules()


def test_the_walk_sees_the_whole_package() -> None:
    assert {"domain", "store", "services", "ui", "security"} <= {layer_of(m) for m in MODULES}
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


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("domain", {"store", "services", "ui", "documents", "extracts", "security", "cli", "app", "fileio"}),
        ("services", {"ui", "cli", "app"}),
        ("security", {"store", "services", "ui", "documents", "extracts", "cli", "app"}),
        ("extracts", {"store", "services", "ui", "documents", "security", "cli", "app"}),
        ("documents", {"services", "ui", "cli", "app"}),
        ("cli", {"ui", "app"}),
    ],
)
def test_a_layer_never_imports_the_layers_above_it(layer: str, forbidden: set[str]) -> None:
    offenders = sorted(
        f"{module} imports {imported}"
        for module, imported_names in MODULES.items()
        if layer_of(module) == layer
        for imported in imported_names
        if internal(imported) in forbidden
    )
    assert offenders == []


def test_the_store_imports_only_the_domain_and_file_helpers() -> None:
    allowed = {"store", "domain", "fileio", ""}
    offenders = sorted(
        f"{module} imports {imported}"
        for module, imported_names in MODULES.items()
        if layer_of(module) == "store"
        for imported in imported_names
        if internal(imported) is not None and internal(imported) not in allowed
    )
    assert offenders == []


def test_the_domain_does_no_io() -> None:
    io_modules = {
        "sqlite3",
        "sqlcipher3",
        "socket",
        "subprocess",
        "shutil",
        "keyring",
        "platformdirs",
        "requests",
    }
    offenders = sorted(
        f"{module} imports {imported}"
        for module, imported_names in MODULES.items()
        if layer_of(module) == "domain"
        for imported in imported_names
        if imported.split(".")[0] in io_modules
    )
    assert offenders == []


def test_the_layer_walk_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtWidgets import QWidget\n    from ..ui import style\n")
    found = imports_of(bad, "dsar_desktop.domain.bad")
    assert {"PySide6.QtWidgets", "dsar_desktop.ui", "dsar_desktop.ui.style"} <= found
    assert internal("dsar_desktop.ui.style") == "ui" and internal("PySide6.QtWidgets") is None
