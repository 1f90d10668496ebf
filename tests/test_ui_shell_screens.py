"""The shell with the real case screens: discovery, start-up notice, case files, refresh after a change, lock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from dsar_desktop.domain import deadlines as dl
from dsar_desktop.domain.cases import Channel, Person, Right
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import register as register_service
from dsar_desktop.ui import i18n
from dsar_desktop.ui.cases.case_file import CaseFileView
from dsar_desktop.ui.cases.case_list import CaseListPage
from dsar_desktop.ui.cases.dashboard import DashboardPage
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.pages import standard_screens
from dsar_desktop.ui.shell import Shell
from dsar_desktop.ui.workers import ImmediateRunner

PASSPHRASE = "correct horse battery staple"  # as in conftest


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("fr")


def add(register, days_ago: int, name: str) -> str:  # type: ignore[no-untyped-def]
    today = dt.datetime.now(dl.PARIS).replace(hour=10, minute=0, second=0, microsecond=0)
    new = case_service.NewCase(
        received_at=today - dt.timedelta(days=days_ago),
        channel=Channel.EMAIL,
        rights=[Right.ACCESS],
        subject=Person(name=name, email=None, phone=None, dob=None, address=None, student_number=None),
    )
    return case_service.add_case(register, new).ref


@pytest.fixture
def shell(qtbot, tmp_path: Path) -> Iterator[Shell]:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.dsar"
    created = register_service.create_register(path, "alice", PASSPHRASE)
    add(created.register, 90, "Héloïse DUPRÉ")  # long overdue
    add(created.register, 27, "Noël GARÇON")  # due within the week
    add(created.register, 1, "Zoé MÜLLER")
    created.register.close()
    screens = standard_screens()
    shell = Shell(
        ScriptedDialogs(), ImmediateRunner(), path, pages=screens.pages, case_file_factory=screens.case_file_factory,
        intake_factory=screens.intake_factory, startup_notice=screens.startup_notice, forced_language="en",
    )  # fmt: skip
    qtbot.addWidget(shell.window)
    shell.start()
    assert shell.unlock_dialog is not None
    shell.unlock_dialog.slot_combo.setCurrentText("alice")
    shell.unlock_dialog.passphrase_edit.setText(PASSPHRASE)
    shell.unlock_dialog.unlock_button.click()
    assert shell.register is not None
    yield shell
    if shell.register is not None:
        shell.register.close()


def test_the_case_screens_are_found_and_shown_as_tabs(shell: Shell) -> None:
    window = shell.window
    assert isinstance(window.page("dashboard"), DashboardPage)
    assert isinstance(window.page("cases"), CaseListPage)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Dashboard",
        "Requests",
        "Statistics",
    ]
    assert window.new_request_action.isVisible() and window.new_request_action.isEnabled()


def test_the_start_up_notice_names_overdue_and_soon_due_requests(shell: Shell) -> None:
    window = shell.window
    assert not window.notice.isHidden()
    text = window.notice_label.text()
    assert text.startswith("Today: ") and "1 request overdue" in text and "1 due within 7 days" in text
    # On the dashboard the "show" button is pointless; elsewhere it leads back there.
    assert window.notice_show_button.isHidden()
    window.show_page("cases")
    assert not window.notice_show_button.isHidden()
    window.notice_show_button.click()
    assert window.tabs.currentWidget() is window.page("dashboard")
    window.notice_dismiss_button.click()
    assert window.notice.isHidden()


def test_opening_a_case_from_the_dashboard_adds_its_file_and_changes_refresh_the_other_views(
    shell: Shell,
) -> None:
    window = shell.window
    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    dashboard.open_row(0)
    assert len(window.case_files) == 1
    ref, view = next(iter(window.case_files.items()))
    assert isinstance(view, CaseFileView) and view.ref == ref
    assert window.tabs.currentWidget() is view and window.tabs.tabText(window.tabs.currentIndex()) == ref

    calls: list[str] = []
    dashboard.refresh = lambda: calls.append("dashboard")  # type: ignore[method-assign]
    case_list = window.page("cases")
    case_list.reload = lambda: calls.append("list")  # type: ignore[method-assign,union-attr]
    view.case_changed.emit(ref)
    assert sorted(calls) == ["dashboard", "list"]


def test_locking_closes_open_dialogs_and_forgets_case_files(shell: Shell) -> None:
    window = shell.window
    window.open_case(case_service.list_cases(shell.register)[0].ref)  # type: ignore[arg-type]
    stray = QDialog(window)
    stray.open()
    assert stray.isVisible()
    shell.lock()
    assert not stray.isVisible()
    assert window.case_files == {} and window.pages == {} and window.notice.isHidden()


def test_a_page_and_a_case_file_section_listed_in_pages_are_shown(
    qtbot, monkeypatch, shell: Shell
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QLabel

    from dsar_desktop.ui.pages import CASE_SECTIONS, PAGES
    from dsar_desktop.ui.specs import CaseSection, PageSpec

    assert [p.key for p in PAGES] == ["dashboard", "cases", "statistics"]
    assert [s.key for s in CASE_SECTIONS] == ["identity", "data", "response", "request"]

    class Panel(QLabel):
        case_changed = Signal(str)

        def __init__(self, register, dialogs, runner, ref) -> None:  # type: ignore[no-untyped-def]
            super().__init__(f"identity of {ref}")

    screens = standard_screens(
        pages=[*PAGES[:2], PageSpec("fake", "Dashboard", lambda reg, d, r: QLabel("fake page"))],
        sections=[CaseSection("identity", "Requests", Panel)],
    )
    assert [p.key for p in screens.pages] == ["dashboard", "cases", "fake"]
    assert screens.case_file_factory is not None
    ref = case_service.list_cases(shell.register)[0].ref  # type: ignore[arg-type]
    view = screens.case_file_factory(shell.register, shell.dialogs, shell.runner, ref)  # type: ignore[arg-type]
    assert isinstance(view, CaseFileView)
    qtbot.addWidget(view)
    panel = view.tabs.widget(view.tabs.count() - 1)
    assert isinstance(panel, Panel) and panel.text() == f"identity of {ref}"
    assert view.tabs.tabText(view.tabs.count() - 1) == "Requests"
    with qtbot.waitSignal(view.case_changed):
        panel.case_changed.emit(ref)
