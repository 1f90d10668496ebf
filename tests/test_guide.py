"""The guide: the same pages in French and English, links that work, Help → Guide offline and F1 in context."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from dsar_desktop.paths import GUIDE
from dsar_desktop.ui import i18n
from dsar_desktop.ui.guide import GuideWindow, LicencesWindow, install_help_key, page_for

TOPICS = {  # what the guide must cover (issue 13): page -> a word each language must use there
    "first-start.md": ("recovery key", "clé de secours"),
    "request.md": ("dispatch", "envoi"),
    "identity.md": ("MRZ", "MRZ"),
    "extracts.md": ("export", "export"),
    "packs-printing.md": ("Print postal reply", "Imprimer la réponse postale"),
    "backups.md": (".dsarbak", ".dsarbak"),
    "lost-passphrase.md": ("recovery key", "clé de secours"),
    "new-pc.md": ("new PC", "nouveau poste"),
    "updates.md": (
        "upgrades the register itself after making a backup",
        "met le registre à niveau elle-même",
    ),
}


def test_both_languages_have_the_same_pages_and_every_topic():
    en = sorted(p.name for p in (GUIDE / "en").glob("*.md"))
    fr = sorted(p.name for p in (GUIDE / "fr").glob("*.md"))
    assert en == fr and "index.md" in en
    for page, (english, french) in TOPICS.items():
        assert english in (GUIDE / "en" / page).read_text(encoding="utf-8"), page
        assert french in (GUIDE / "fr" / page).read_text(encoding="utf-8"), page


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_link_between_pages_leads_somewhere(lang: str):
    folder = GUIDE / lang
    index = (folder / "index.md").read_text(encoding="utf-8")
    for page in folder.glob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert text.startswith("# "), page.name
        for target in re.findall(r"\]\(([^)#]+\.md)\)", text):
            assert (folder / target).is_file(), f"{page.name} links to {target}"
        if page.name != "index.md":
            assert f"({page.name})" in index, f"{page.name} is not in the contents"


def test_the_guide_window_shows_a_page_and_follows_links(qtbot):  # type: ignore[no-untyped-def]
    i18n.set_language("fr")
    try:
        window = GuideWindow(None, "backups.md")
        qtbot.addWidget(window)
        assert window.current_page() == "backups.md"
        assert "Restaurer une sauvegarde" in window.browser.toPlainText()
        assert Path(window.browser.source().toLocalFile()).parent.name == "fr"
        window.contents_button.click()
        assert window.current_page() == "index.md" and "Premier démarrage" in window.browser.toPlainText()
        assert window.back_button.isEnabled()
        window.back_button.click()
        assert window.current_page() == "backups.md"
    finally:
        i18n.set_language("en")


def _widget_of(module: str) -> type[QWidget]:
    return type("Screen", (QWidget,), {"__module__": module})


def test_f1_opens_the_page_of_the_screen_that_has_the_focus(qtbot):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    help_key = install_help_key(app)  # type: ignore[arg-type]
    try:
        screen = _widget_of("dsar_desktop.ui.identity.check_wizard")()
        field = QLineEdit(screen)
        QVBoxLayout(screen).addWidget(field)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitExposed(screen)
        screen.activateWindow()
        field.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
        qtbot.keyClick(field, Qt.Key.Key_F1)
        window = screen._dsar_guide_window  # type: ignore[attr-defined]
        assert window.isVisible() and window.current_page() == "identity.md"
        window.close()
    finally:
        app.removeEventFilter(help_key)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("module", "page"),
    [
        ("dsar_desktop.ui.extracts.review_panel", "extracts.md"),
        ("dsar_desktop.ui.documents.response_panel", "packs-printing.md"),
        ("dsar_desktop.ui.cases.case_file", "request.md"),
        ("dsar_desktop.ui.slots_dialog", "lost-passphrase.md"),
        ("dsar_desktop.ui.statistics.page", "index.md"),
    ],
)
def test_each_area_has_its_page(qtbot, module: str, page: str):  # type: ignore[no-untyped-def]
    outer = _widget_of(module)()
    inner = QLineEdit(outer)
    qtbot.addWidget(outer)
    assert page_for(inner) == page
    assert (GUIDE / "en" / page).is_file()


def test_licences_show_the_mit_licence_and_qt_lgpl_terms(qtbot):  # type: ignore[no-untyped-def]
    window = LicencesWindow()
    qtbot.addWidget(window)
    text = window.browser.toPlainText()
    assert "MIT License" in text and "PySide6" in text and "LGPL" in text and "replace them" in text
