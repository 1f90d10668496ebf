"""Windows is a target: no POSIX-only module at import time, binary file descriptors, and the type check for win32."""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dsar_desktop"
# Modules that do not exist on Windows (importing one there raises ModuleNotFoundError).
POSIX_ONLY = {"fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "syslog", "posix", "crypt", "spwd",
              "nis", "readline", "curses"}  # fmt: skip


def _platform_guard(node: ast.AST) -> bool:
    """`if sys.platform ...`, `if os.name ...` or `if TYPE_CHECKING`: imports inside are chosen per platform."""
    if not isinstance(node, ast.If):
        return False
    text = ast.unparse(node.test)
    return "sys.platform" in text or "os.name" in text or "TYPE_CHECKING" in text


def _import_time_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """Imports run when the module is imported: top level, and in top-level try/with blocks, not in functions."""
    found: list[tuple[int, str]] = []

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import):
                found.extend((node.lineno, alias.name.split(".")[0]) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                found.append((node.lineno, node.module.split(".")[0]))
            elif _platform_guard(node):
                continue
            elif isinstance(node, ast.If | ast.With | ast.Try):
                for field in ("body", "orelse", "finalbody"):
                    visit(getattr(node, field, []) or [])
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)

    visit(tree.body)
    return found


def test_no_module_imports_a_posix_only_module_at_import_time():
    offenders = []
    files = sorted(PACKAGE.rglob("*.py")) + [PACKAGE.parent / "packaging" / "launcher.py"]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, name in _import_time_imports(tree):
            if name in POSIX_ONLY:
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}")
    assert offenders == []


def test_the_walk_would_see_an_unguarded_fcntl(tmp_path):
    bad = ast.parse("import os\ntry:\n    import fcntl\nexcept ImportError:\n    pass\n")
    guarded = ast.parse("import sys\nif sys.platform != 'win32':\n    import fcntl\n")
    local = ast.parse("def lock():\n    import fcntl\n")
    assert (3, "fcntl") in _import_time_imports(bad)
    assert all(name != "fcntl" for _, name in _import_time_imports(guarded))
    assert all(name != "fcntl" for _, name in _import_time_imports(local))


def test_every_descriptor_opened_for_writing_is_binary_on_windows():
    """os.open without O_BINARY gives a text-mode descriptor on Windows: b'\\n' would be written as b'\\r\\n'."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "os.open" and len(node.args) >= 2:
                flags = ast.unparse(node.args[1])
                if (
                    ("O_WRONLY" in flags or "O_RDWR" in flags)
                    and "BINARY" not in flags
                    and "devnull" not in ast.unparse(node.args[0])
                ):
                    offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert offenders == []


def test_atomic_write_keeps_bytes_exactly(tmp_path):
    from dsar_desktop.fileio import atomic_write

    data = bytes(range(256)) * 4 + b"\n\r\n\x1a"
    target = tmp_path / "out.bin"
    atomic_write(target, data)
    atomic_write(target, data[::-1])  # replacing an existing file, as NTFS must allow
    assert target.read_bytes() == data[::-1]
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


@pytest.mark.skipif(sys.platform == "win32", reason="checks the Windows view from another platform")
def test_mypy_sees_the_windows_branches():
    """The same check as `./dev test`'s `mypy --platform win32`, on a module with a platform switch."""
    from mypy import api

    root = PACKAGE.parent
    out, err, code = api.run(["--platform", "win32", "--no-incremental", "--config-file",
                              str(root / "pyproject.toml"), str(PACKAGE / "fileio.py")])  # fmt: skip
    assert code == 0, out + err
    assert os.path.exists(root / "dev") and "--platform win32" in (root / "dev").read_text(encoding="utf-8")
