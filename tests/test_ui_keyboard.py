"""Keyboard: Enter in the search box opens the one matching case; Ctrl+W closes the case tab in front."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from dsar_desktop.services import cases as case_service
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.main_window import MainWindow
from dsar_desktop.ui.pages import standard_screens
from dsar_desktop.ui.workers import ImmediateRunner
from tests.ui_walk_support import demo_register


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    i18n.set_language("en")
    register = demo_register(tmp_path, cases=12)
    screens = standard_screens()
    win = MainWindow(ScriptedDialogs(), ImmediateRunner(), screens.pages, screens.case_file_factory)
    qtbot.addWidget(win)
    win.show()
    win.attach(register)
    yield win
    register.close()
    i18n.set_language("fr")


def test_enter_in_search_opens_the_single_match_and_ctrl_w_closes_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ref = case_service.list_cases(window.register)[3].ref  # type: ignore[arg-type]
    window.show_page("cases")
    page = window.page("cases")
    page.search.setFocus()
    qtbot.keyClicks(page.search, ref)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert ref in window.case_files and window.tabs.currentWidget() is window.case_files[ref]
    assert window.close_case_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Close)
    window.close_case_action.trigger()
    assert ref not in window.case_files


def test_enter_with_several_matches_moves_to_the_table(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_page("cases")
    page = window.page("cases")
    qtbot.keyClicks(page.search, "DSAR")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert window.case_files == {}
    assert page.table.currentIndex().row() == 0
