"""Every window at 1024×700, in French and English: it fits, every control has a name, no Alt+letter twice.

The walk (tests/ui_walk_support.py) opens the main window on each page, case files of several kinds on
each tab, every dialog their buttons and the menus open, and the unlock and first-run windows.
The two screens that once scrolled sideways (the Data tab, the ID check) are also checked with the
pseudo-locale at 1366×768: they wrap, they do not scroll sideways.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QWidget

from dsar_desktop.domain.cases import Status
from dsar_desktop.services import cases as case_service
from dsar_desktop.ui import accessibility, i18n
from dsar_desktop.ui.main_window import MainWindow
from dsar_desktop.ui.pages import standard_screens
from dsar_desktop.ui.workers import ImmediateRunner
from tests.ui_walk_support import (
    SCREEN,
    InspectingDialogs,
    check_windows_opened_by,
    demo_register,
    fit_problems,
    mnemonic_clashes,
    settle,
    unnamed_controls,
)

Results = dict[str, dict[str, list[str]]]


def interesting_cases(register: object) -> list[str]:
    """One case per state present (open and closed); the first has an ID scan waiting to be checked."""
    from dsar_desktop.services import identity as ids
    from tests.ui_identity_support import specimen_passport

    rows = case_service.list_cases(register)  # type: ignore[arg-type]
    chosen: dict[Status, str] = {}
    for row in rows:
        chosen.setdefault(row.status, row.ref)
    with_scan = next(row.ref for row in rows if row.status in (Status.RECEIVED, Status.IN_PROGRESS))
    ids.request_proof(
        register, with_scan, "The request came from an address we do not know.", with_letter=False
    )  # type: ignore[arg-type]
    ids.receive_proof(register, with_scan, specimen_passport())  # type: ignore[arg-type]
    return [with_scan, *[ref for ref in chosen.values() if ref != with_scan][:6]]


def walk_start_windows(check: object, folder: Path) -> None:
    """The windows before a register is open: unlock, the first-run wizard's pages, a recovery key; and the
    key slots' new-passphrase dialog (opened from the slots dialog, whose buttons the walk does not click)."""
    from dsar_desktop.ui.first_run import FirstRunWizard, RecoveryKeyDialog
    from dsar_desktop.ui.slots_dialog import NewPassphraseDialog
    from dsar_desktop.ui.unlock import UnlockDialog

    dialogs = InspectingDialogs(check)  # type: ignore[arg-type]
    unlock = UnlockDialog(dialogs, folder / "demo.dsar")
    unlock.show()
    check("UnlockDialog", unlock)  # type: ignore[operator]
    unlock.close()
    unlock.deleteLater()
    wizard = FirstRunWizard(dialogs, folder / "new.dsar", "alice")
    wizard.show()
    check("FirstRunWizard page 1", wizard)  # type: ignore[operator]
    wizard.close()
    wizard.deleteLater()
    key = RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567", "demo.dsar", dialogs)
    key.show()
    check("RecoveryKeyDialog", key)  # type: ignore[operator]
    key.close()
    key.deleteLater()
    for label in (None, "alice"):  # adding a slot, changing a passphrase
        slot = NewPassphraseDialog("New slot", lambda _name, _passphrase: None, label)
        slot.show()
        check(f"NewPassphraseDialog {label}", slot)  # type: ignore[operator]
        slot.close()
        slot.deleteLater()


def click_every_button(page: QWidget, check: object, name: str) -> int:
    clicked = 0
    for button in list(page.findChildren(QPushButton)):
        try:
            if not (button.isVisible() and button.isEnabled()):
                continue
        except RuntimeError:  # deleted by an earlier click's refresh
            continue
        check_windows_opened_by(button.click, check, f"{name} [{button.text()}]")  # type: ignore[arg-type]
        clicked += 1
    return clicked


@pytest.fixture(scope="module", params=["fr", "en"])
def walk(
    request: pytest.FixtureRequest, qapp: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Results]:
    language = request.param
    i18n.set_language(language)
    names = accessibility.install(QApplication.instance())  # as the app does at start
    results: Results = {"windows": {}, "fit": {}, "names": {}, "mnemonics": {}}

    def check(name: str, window: QWidget) -> None:
        settle()
        results["windows"][name] = []
        for key, find in (
            ("fit", fit_problems),
            ("names", unnamed_controls),
            ("mnemonics", mnemonic_clashes),
        ):
            found = find(window)
            if found:
                results[key][name] = found

    folder = tmp_path_factory.mktemp(f"walk-{language}")
    register = demo_register(folder)
    screens = standard_screens()
    dialogs = InspectingDialogs(check)
    window = MainWindow(
        dialogs, ImmediateRunner(), screens.pages, screens.case_file_factory, screens.intake_factory,
        screens.startup_notice,
    )  # fmt: skip
    try:
        window.show()
        window.attach(register)
        window.resize(SCREEN)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            title = window.tabs.tabText(index)
            check(f"page {title}", window)
            click_every_button(window.tabs.widget(index), check, f"page {title}")
        for ref in interesting_cases(register):
            window.open_case(ref)
            view = window.case_files[ref]
            for index in range(view.tabs.count()):
                view.tabs.setCurrentIndex(index)
                name = f"case {ref} tab {view.tabs.tabText(index)}"
                check(name, window)
                click_every_button(view.tabs.widget(index), check, name)
            for label, button in list(view.action_buttons.items()):
                check_windows_opened_by(button.click, check, f"case {ref} action {label}")
        for action in _menu_actions(window):
            check_windows_opened_by(action.trigger, check, f"menu {action.text()}")
        walk_start_windows(check, folder)
        yield results
    finally:
        window.close()
        # Every window the walk opened goes now, while Qt is alive (left to the end, PySide6 crashes at exit).
        for widget in QApplication.topLevelWidgets():
            widget.close()
            widget.deleteLater()
        settle()
        gc.collect()
        register.close()
        QApplication.instance().removeEventFilter(names)
        i18n.set_language("fr")


def _menu_actions(window: MainWindow) -> list:  # type: ignore[type-arg]
    skip = {window.quit_action, window.lock_action}
    found = []
    for top in window.menuBar().actions():
        menu = top.menu()
        for action in menu.actions() if menu is not None else []:
            if action.isSeparator() or action.menu() is not None or action in skip or not action.isEnabled():
                continue
            found.append(action)
    return found


def test_the_walk_opens_the_windows(walk: Results) -> None:
    names = list(walk["windows"])
    assert sum(name.startswith("page ") for name in names) >= 3
    assert sum(" tab " in name for name in names) >= 10
    dialogs = [n for n in names if not n.startswith(("page ", "case "))]
    assert len(dialogs) >= 8, names
    assert any("IdCheckDialog" in n for n in names), names
    assert any("IntakeWizard" in n for n in names), names


def test_every_window_fits_1024_by_700(walk: Results) -> None:
    assert walk["fit"] == {}


def test_every_focusable_control_has_an_accessible_name(walk: Results) -> None:
    assert walk["names"] == {}


def test_no_window_has_the_same_mnemonic_twice(walk: Results) -> None:
    assert walk["mnemonics"] == {}


# ---- no sideways scrolling: the Data tab and the ID check, pseudo-locale at 1366×768, normal at 1024×700 ----
@pytest.fixture(scope="module")
def case_with_data(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, str]]:
    from dsar_desktop.services import identity as ids
    from dsar_desktop.services.demo import create_demo_register
    from dsar_desktop.services.office import Office
    from tests.ui_identity_support import specimen_passport

    demo = create_demo_register(tmp_path_factory.mktemp("fit") / "demo.dsar", "alice", "demo passphrase", 12)
    register = Office.adopt(demo.register)
    ref = demo.refs_with_data[0]
    ids.request_proof(register, ref, "The request came from an address we do not know.", with_letter=False)
    ids.receive_proof(register, ref, specimen_passport())
    yield register, ref
    register.close()


def sideways(scroll: QScrollArea) -> int:
    """How many pixels the scroll area can scroll sideways (0: its content fits its width)."""
    settle()
    return scroll.horizontalScrollBar().maximum()


@pytest.mark.parametrize(
    ("language", "pseudo_locale", "screen"),
    [("en", True, QSize(1366, 768)), ("fr", True, QSize(1366, 768)), ("fr", False, SCREEN), ("en", False, SCREEN)],
)
def test_the_data_tab_and_the_id_check_wrap_instead_of_scrolling_sideways(
    qtbot, monkeypatch: pytest.MonkeyPatch, case_with_data: tuple[object, str], language: str,
    pseudo_locale: bool, screen: QSize,
) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    from dsar_desktop.domain.identity import ProofKind
    from dsar_desktop.services import identity as ids
    from dsar_desktop.ui.extracts import DataPanel
    from dsar_desktop.ui.identity.check_wizard import IdCheckDialog

    register, ref = case_with_data
    monkeypatch.setattr(i18n, "PSEUDO_LOCALE", pseudo_locale)
    i18n.set_language(language)
    try:
        screens = standard_screens()
        window = MainWindow(
            InspectingDialogs(lambda *_: None), ImmediateRunner(), screens.pages, screens.case_file_factory,
            screens.intake_factory, screens.startup_notice,
        )  # fmt: skip
        qtbot.addWidget(window)
        window.show()
        window.attach(register)
        window.resize(screen)
        window.open_case(ref)
        view = window.case_files[ref]
        panel = next(view.tabs.widget(i) for i in range(view.tabs.count()) if isinstance(view.tabs.widget(i), DataPanel))  # fmt: skip
        view.tabs.setCurrentWidget(panel)
        section = panel.parentWidget().parentWidget()
        assert isinstance(section, QScrollArea) and section.isVisible()
        assert panel.gather_button.text().startswith("[") is pseudo_locale  # the pseudo-locale is really on
        assert sideways(section) == 0, f"the Data tab needs {sideways(section)} px more width"
        # the action row went onto lines of its own rather than past the right edge
        right = section.viewport().width()
        for button in (panel.gather_button, panel.import_button, panel.not_applicable_button, panel.confirm_button):
            assert button.mapTo(panel, button.rect().topRight()).x() <= right, button.text()

        proof = next(p for p in ids.identity_status(register, ref).proofs if p.proof_kind == ProofKind.IDENTITY_DOCUMENT)  # fmt: skip
        dialog = IdCheckDialog(register, InspectingDialogs(lambda *_: None), ref, proof, dt.date.today(), window)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.resize(QSize(1240, 780).boundedTo(screen - QSize(40, 60)))  # what fit_to_screen gives there
        minimum = dialog.minimumSizeHint()
        assert minimum.width() <= screen.width() and minimum.height() <= screen.height()
        form_column = next(s for s in dialog.findChildren(QScrollArea) if s.widget().isAncestorOf(dialog.document_type))
        assert sideways(form_column) == 0, f"the ID check's form needs {sideways(form_column)} px more width"
        dialog.close()
        window.close()
    finally:
        i18n.set_language("fr")


# ---- 200 % text: the main window with a case file open still fits a 1366×768 screen ----
@pytest.mark.parametrize("language", ["fr", "en"])
def test_at_200_percent_text_the_case_file_fits_a_1366_by_768_screen(
    qtbot, case_with_data: tuple[object, str], language: str
) -> None:  # type: ignore[no-untyped-def]
    """Text twice the size (the font doubled, as take_fit_screenshots.py does for `fr 2`). Before: 1648×818
    in French (the header line, the list's filters, the statistics' rows and the dashboard's counts)."""
    from PySide6.QtGui import QFont

    register, ref = case_with_data
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    normal = QFont(app.font())
    big = QFont(normal)
    big.setPointSizeF(normal.pointSizeF() * 2)
    i18n.set_language(language)
    app.setFont(big)
    try:
        screens = standard_screens()
        window = MainWindow(
            InspectingDialogs(lambda *_: None), ImmediateRunner(), screens.pages, screens.case_file_factory,
            screens.intake_factory, screens.startup_notice,
        )  # fmt: skip
        qtbot.addWidget(window)
        window.show()
        window.attach(register)
        window.resize(QSize(1366, 768))
        assert window.font().pointSizeF() == big.pointSizeF()  # the text is really twice the size
        window.open_case(ref)
        view = window.case_files[ref]
        for index in range(view.tabs.count()):
            view.tabs.setCurrentIndex(index)
            problems = fit_problems(window, QSize(1366, 768))
            assert problems == [], f"{view.tabs.tabText(index)}: {problems}"
        window.close()
    finally:
        app.setFont(normal)
        i18n.set_language("fr")
