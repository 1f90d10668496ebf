"""Every on-screen string written as `tr("...")` under dsar_desktop/ui/ has its French, with the same placeholders."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import string
from pathlib import Path

import pytest

import dsar_desktop.ui
from dsar_desktop.ui import i18n

UI = Path(dsar_desktop.ui.__file__).resolve().parent


def import_every_ui_module() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(dsar_desktop.ui.__path__, "dsar_desktop.ui."):
        importlib.import_module(info.name)
        names.append(info.name)
    return names


def tr_calls(path: Path) -> list[tuple[int, ast.expr]]:
    """(line, English argument) of every `tr(...)`, `<module>.tr(...)` and page title `PageSpec(key, title, ...)`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        called = (
            func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        )
        if called == "tr":
            found.append((node.lineno, node.args[0]))
        elif called == "PageSpec" and len(node.args) >= 2:
            found.append((node.lineno, node.args[1]))
    return found


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


import_every_ui_module()
CALLS = [(path, line, arg) for path in sorted(UI.rglob("*.py")) for line, arg in tr_calls(path)]


def test_the_walk_finds_the_strings() -> None:
    literals = {arg.value for _, _, arg in CALLS if isinstance(arg, ast.Constant)}
    assert "Unlock" in literals and "Lock now" in literals
    assert len(literals) > 100


def test_no_tr_argument_is_built_on_the_fly() -> None:
    # An f-string or a concatenation is a new string each time, so no French can ever match it; facts go
    # in as keyword arguments instead. (A variable holding an English literal is fine.)
    built = [
        f"{p.relative_to(UI)}:{line}" for p, line, arg in CALLS if isinstance(arg, (ast.JoinedStr, ast.BinOp))
    ]
    assert built == []


def test_every_tr_literal_has_french_with_the_same_placeholders() -> None:
    missing, mismatched = [], []
    for path, line, arg in CALLS:
        if not isinstance(arg, ast.Constant) or not isinstance(arg.value, str):
            continue
        french = i18n.french_for(arg.value)
        where = f"{path.relative_to(UI)}:{line}: {arg.value!r}"
        if french is None:
            missing.append(where)
        elif placeholders(french) != placeholders(arg.value):
            mismatched.append(f"{where} -> {french!r}")
    assert missing == []
    assert mismatched == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_tr_switches_language(language: str) -> None:
    i18n.set_language(language)
    try:
        assert i18n.tr("Lock now") == ("Verrouiller maintenant" if language == "fr" else "Lock now")
    finally:
        i18n.set_language("fr")


def test_no_english_string_gets_two_different_french_translations() -> None:
    # add_french() merges every module's pairs into one table: a second, different French would silently win.
    seen: dict[str, dict[str, str]] = {}
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call) and getattr(node.func, "id", None) == "add_french" and node.args
            ):
                continue
            table = node.args[0]
            if not isinstance(table, ast.Dict):
                continue
            for key, value in zip(table.keys, table.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(value, ast.Constant):
                    seen.setdefault(key.value, {})[value.value] = str(path.relative_to(UI))
    clashes = {english: french for english, french in seen.items() if len(french) > 1}
    assert clashes == {}
