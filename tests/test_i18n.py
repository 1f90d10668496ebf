"""The translation pipeline: every tr() string of the UI is in dsar_fr.ts, translated, compiled, and shown in French.

The .ts files are the source of truth (a translator's tool can open them); the committed .qm files
must be exactly what pyside6-lrelease makes of them. `./dev translations` repairs most failures here.
"""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import dsar_desktop.ui
from dsar_desktop.ui import i18n

UI = Path(dsar_desktop.ui.__file__).resolve().parent
BIN = Path(sys.executable).parent
FR_TS, EN_TS = i18n.I18N / "dsar_fr.ts", i18n.I18N / "dsar_en.ts"
FIX = "run ./dev translations (README, 'Translations')"

# French strings that are rightly the same as the English: names, codes, words French shares.
SAME_IN_FRENCH = {
    " min",
    "&Documents",
    "Date",
    "document",
    "DSAR Desktop",
    "DSAR Desktop — guide",
    "Guide (F1)",
    "Licences",
    "e-mail",
    "Information",
    "Note",
    "Page {page} / {pages}",
    "Page ▶",
    "◀ Page",
    "PDF (*.pdf)",
    "Version",
    "Version {version}",
    "Version {version} — {when} — {who}",
    "Versions",
    "{format} · {size}",
}


def entries(ts: Path) -> dict[str, list[str | None]]:
    """source -> translated forms (one, or one per plural form); None for an unfinished entry."""
    found: dict[str, list[str | None]] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        if message.findtext("comment"):
            source += "\u241f" + (message.findtext("comment") or "")  # a disambiguated twin
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            found[source] = [None]
            continue
        forms = translation.findall("numerusform")
        found[source] = [form.text for form in forms] if forms else [translation.text]
    return found


def tr_literals() -> dict[str, str]:
    """Every literal given to tr() or QT_TR_NOOP() under ui/ (f-strings included), with where it is."""
    found: dict[str, str] = {}
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in ("tr", "QT_TR_NOOP")
                and node.args
            ):
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    comment = node.args[1] if len(node.args) > 1 else None
                    key = arg.value
                    if isinstance(comment, ast.Constant) and comment.value:
                        key += "\u241f" + str(comment.value)  # a disambiguated twin, as in entries()
                    found[key] = f"{path.relative_to(UI)}:{node.lineno}"
    return found


def test_the_walk_finds_the_strings() -> None:
    literals = tr_literals()
    assert "Unlock" in literals and "Lock now" in literals
    assert len(literals) > 500


def test_no_tr_argument_is_built_on_the_fly() -> None:
    # An f-string or a concatenation is a new string each time, so no translation can match it; facts go in
    # as keyword arguments instead. (A variable holding a QT_TR_NOOP-marked literal is fine.)
    built = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args:
                if isinstance(node.args[0], ast.JoinedStr | ast.BinOp):
                    built.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert built == []


def test_no_module_still_uses_add_french() -> None:
    # add_french() is the old way, tolerated while others convert: `./dev translations` moves the tables.
    users = [
        str(path.relative_to(UI))
        for path in sorted(UI.rglob("*.py"))
        if path.name != "i18n.py" and re.search(r"\badd_french\(", path.read_text(encoding="utf-8"))
    ]
    assert users == [], FIX


def test_every_string_of_the_ui_is_in_the_french_ts_and_translated() -> None:
    french = entries(FR_TS)
    missing = [f"{where}: {text!r}" for text, where in tr_literals().items() if text not in french]
    unfinished = [text for text, forms in french.items() if None in forms]
    assert missing == [], FIX
    assert unfinished == [], "translate these in resources/i18n/dsar_fr.ts"


def test_no_unfinished_entry_in_any_ts_file() -> None:
    for ts in (FR_TS, EN_TS):
        text = ts.read_text(encoding="utf-8")
        assert 'type="unfinished"' not in text, f"{ts.name}: {FIX}"


def test_lupdate_finds_nothing_the_ts_lacks(tmp_path: Path) -> None:
    # lupdate is the extractor a translator's tool relies on: a string it cannot see (tr inside an f-string,
    # `i18n.tr`, `self.tr`) would stay English, so its view must match the ts and our walk.
    out = tmp_path / "check.ts"
    files = [str(p) for p in sorted(UI.rglob("*.py"))]
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-locations", "none", *files, "-ts", str(out)],
        check=True,
        capture_output=True,
    )
    seen = {
        (m.findtext("source") or "")
        + ("\u241f" + (m.findtext("comment") or "") if m.findtext("comment") else "")
        for m in ET.parse(out).getroot().iter("message")
    }
    contexts = {c.findtext("name") or "" for c in ET.parse(out).getroot().iter("context")}
    assert contexts == {i18n.CONTEXT}, "use the module-level tr(), not self.tr() or i18n.tr()"
    assert sorted(set(tr_literals()) - seen) == [], "lupdate cannot see these: take tr() out of the f-string"
    assert sorted(seen - set(entries(FR_TS))) == [], FIX


def placeholders(text: str) -> set[str]:
    text = text.split("\u241f")[0]
    return {field for _, field, _, _ in string.Formatter().parse(text) if field} | set(
        re.findall(r"%n", text)
    )


def test_translations_keep_the_placeholders_and_differ_from_english() -> None:
    mismatched, same = [], []
    for source, forms in entries(FR_TS).items():
        for form in forms:
            if form is None:
                continue
            if {p for p in placeholders(form) if p != "%n"} != {p for p in placeholders(source) if p != "%n"}:
                mismatched.append(f"{source!r} -> {form!r}")
            if form == source.split("\u241f")[0] and source not in SAME_IN_FRENCH:
                same.append(source)
    assert mismatched == []
    assert same == [], "translate these, or list them in SAME_IN_FRENCH if French really says the same"


def test_french_has_no_bracketed_plural_or_gender() -> None:
    # "source(s)", "demandé(e)": Qt's plural forms (%n) say it properly.
    lazy = [
        form
        for forms in entries(FR_TS).values()
        for form in forms
        if form and re.search(r"\w\((s|e|es|x)\)", form)
    ]
    assert lazy == []
    english_lazy = [s for s in entries(FR_TS) if re.search(r"\w\((s|es)\)", s) and s not in entries(EN_TS)]
    assert english_lazy == [], "a count in English too: tr('%n file(s)', '', count) with forms in dsar_en.ts"


def test_french_typography_keeps_marks_with_their_word() -> None:
    # A plain space before ; : ! ? » (or after «) lets a line start with the mark; French uses a no-break space.
    loose = [
        form
        for forms in entries(FR_TS).values()
        for form in forms
        if form and re.search(r" [;:!?»]|« ", form)
    ]
    assert loose == [], FIX


def test_plural_messages_have_english_forms_too() -> None:
    plural_sources = {s for s in entries(FR_TS) if "%n" in s}
    english = entries(EN_TS)
    assert sorted(plural_sources - set(english)) == [], FIX
    assert all(len(forms) == 2 and None not in forms for s, forms in english.items() if s in plural_sources)


@pytest.mark.parametrize("ts", [FR_TS, EN_TS], ids=lambda p: p.name)
def test_committed_qm_is_what_lrelease_makes_of_the_ts(ts: Path, tmp_path: Path) -> None:
    fresh = tmp_path / ts.with_suffix(".qm").name
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
    committed = ts.with_suffix(".qm")
    assert committed.exists() and committed.read_bytes() == fresh.read_bytes(), (
        f"{committed.name} is stale: {FIX}"
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_tr_switches_language_and_counts(qapp: object, language: str) -> None:
    i18n.set_language(language)
    try:
        if language == "fr":
            assert i18n.tr("Lock now") == "Verrouiller maintenant"
            assert i18n.tr("%n check(s) pass:", "", 1) == "1 vérification réussie\u00a0:"
            assert i18n.tr("%n check(s) pass:", "", 3) == "3 vérifications réussies\u00a0:"
        else:
            assert i18n.tr("Lock now") == "Lock now"
            assert i18n.tr("%n check(s) pass:", "", 1) == "1 check passes:"
            assert i18n.tr("%n check(s) pass:", "", 3) == "3 checks pass:"
        assert i18n.tr("Version {version}", version="9") == "Version 9"
    finally:
        i18n.set_language("fr")


def test_french_ui_shows_qt_standard_buttons_in_french(qapp: object) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    i18n.set_language("fr")
    box = QMessageBox()
    box.setStandardButtons(
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel
    )
    assert sorted(b.text().replace("&", "") for b in box.buttons()) == ["Annuler", "Non", "Oui"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
    assert sorted(b.text().replace("&", "") for b in buttons.buttons()) == ["Fermer", "OK"]
    i18n.set_language("en")
    try:
        box = QMessageBox()
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        assert sorted(b.text().replace("&", "") for b in box.buttons()) == ["Cancel", "Yes"]
    finally:
        i18n.set_language("fr")
