"""The application shell: unlock, keyring choice, idle lock, menus, pages and case-file tabs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from dsar_desktop.security import os_keyring
from dsar_desktop.services import register as register_service
from dsar_desktop.store import audit
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.main_window import PageSpec
from dsar_desktop.ui.shell import Shell
from dsar_desktop.ui.unlock import UnlockDialog
from dsar_desktop.ui.workers import ImmediateRunner

PASSPHRASE = "correct horse battery staple"  # as in conftest


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("fr")


@pytest.fixture
def register_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.dsar"
    created = register_service.create_register(path, "alice", PASSPHRASE)
    created.register.close()
    return path


class SimplePage(QLabel):
    """Stands in for a case screen: shows the actor, can open a case file."""

    case_opened = Signal(str)

    def __init__(self, register, dialogs, runner) -> None:  # type: ignore[no-untyped-def]
        super().__init__(f"page for {register.actor}")


class SimpleCaseFile(QLabel):
    def __init__(self, register, dialogs, runner, ref) -> None:  # type: ignore[no-untyped-def]
        super().__init__(f"case file {ref}")
        self.ref = ref


@pytest.fixture
def shell(qtbot, register_file: Path) -> Iterator[Shell]:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    shell = Shell(
        dialogs,
        ImmediateRunner(),
        register_file,
        pages=[PageSpec("dashboard", "Dashboard", SimplePage)],
        case_file_factory=SimpleCaseFile,
        forced_language="en",
    )
    qtbot.addWidget(shell.window)
    shell.start()
    yield shell
    if shell.register is not None:
        shell.register.close()


def unlock(shell: Shell, secret: str = PASSPHRASE) -> UnlockDialog:
    dialog = shell.unlock_dialog
    assert dialog is not None
    dialog.passphrase_edit.setText(secret)
    dialog.unlock_button.click()
    return dialog


def test_unlock_with_the_right_passphrase_opens_the_main_window(shell: Shell, register_file: Path) -> None:
    assert shell.window.is_locked()
    dialog = shell.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.slot_combo.currentText() in ("alice", register_service.default_actor())
    dialog.slot_combo.setCurrentText("alice")
    unlock(shell)
    assert shell.register is not None and shell.register.actor == "alice"
    assert not dialog.isVisible()
    assert not shell.window.is_locked()
    page = shell.window.page("dashboard")
    assert isinstance(page, SimplePage) and page.text() == "page for alice"
    assert shell.window.tabs.tabText(0) == "Dashboard"
    assert shell.window.register_label.text() == "Register: office.dsar"
    assert shell.window.actor_label.text() == "Acting as: alice"
    assert shell.window.state_label.text() == "Unlocked"
    assert all(action.isEnabled() for action in shell.window.register_actions if action.isVisible())


def test_a_wrong_passphrase_is_explained_in_the_dialog_which_stays_open(shell: Shell) -> None:
    dialog = shell.unlock_dialog
    assert dialog is not None
    dialog.slot_combo.setCurrentText("alice")
    unlock(shell, "not the passphrase at all")
    assert shell.register is None
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "Wrong passphrase for the key slot 'alice'" in dialog.error_label.text()
    assert dialog.passphrase_edit.text() == ""
    # A second try with the right passphrase still works from the same dialog.
    unlock(shell)
    assert shell.register is not None


def test_an_empty_passphrase_is_asked_for_without_trying(shell: Shell) -> None:
    dialog = unlock(shell, "")
    assert dialog.error_label.text() == "Type your passphrase, or the recovery key."
    assert shell.register is None


def test_the_recovery_key_unlocks_whatever_slot_is_chosen(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.dsar"
    created = register_service.create_register(path, "alice", PASSPHRASE)
    created.register.close()
    dialogs = ScriptedDialogs()
    shell = Shell(dialogs, ImmediateRunner(), path, forced_language="en")
    qtbot.addWidget(shell.window)
    shell.start()
    assert shell.unlock_dialog is not None
    shell.unlock_dialog.slot_combo.setCurrentText("alice")
    unlock(shell, created.recovery_key.lower().replace("-", " "))
    assert shell.register is not None and shell.register.actor == "recovery"
    assert any("recovery key" in text for kind, text in dialogs.shown if kind == "warn")
    shell.quit()


def test_remember_is_disabled_with_the_reason_when_the_keyring_is_not_secure(
    qtbot, monkeypatch, register_file: Path
) -> None:  # type: ignore[no-untyped-def]
    insecure = os_keyring.KeyringStatus(
        False, "keyring.backends.fail.Keyring", "No secure store here.", "Pas de coffre."
    )
    monkeypatch.setattr(os_keyring, "status", lambda: insecure)
    dialog = UnlockDialog(ScriptedDialogs(), register_file)
    qtbot.addWidget(dialog)
    assert not dialog.remember_check.isEnabled()
    assert not dialog.remember_check.isChecked()
    assert dialog.keyring_label.text() == "No secure store here."


def test_remember_stores_the_key_and_the_next_unlock_needs_no_passphrase(
    qtbot, memory_keyring, register_file: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = UnlockDialog(ScriptedDialogs(), register_file, label="alice")
    qtbot.addWidget(dialog)
    assert dialog.remember_check.isEnabled()
    assert dialog.remembered_button.isHidden()
    dialog.remember_check.setChecked(True)
    dialog.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.unlocked):
        dialog.unlock_button.click()
    assert dialog.register is not None
    assert len(memory_keyring.store) == 1
    dialog.register.close()

    again = UnlockDialog(ScriptedDialogs(), register_file, label="alice")
    qtbot.addWidget(again)
    assert not again.remembered_button.isHidden()
    assert again.remember_check.isChecked()
    with qtbot.waitSignal(again.unlocked):
        again.remembered_button.click()
    assert again.register is not None and again.register.actor == "alice"
    again.register.close()

    # Unticking "remember" and unlocking with the passphrase forgets the stored key.
    third = UnlockDialog(ScriptedDialogs(), register_file, label="alice")
    qtbot.addWidget(third)
    third.remember_check.setChecked(False)
    third.passphrase_edit.setText(PASSPHRASE)
    third.unlock_button.click()
    assert third.register is not None
    third.register.close()
    assert memory_keyring.store == {}


def test_a_missing_register_file_is_explained_before_any_attempt(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = UnlockDialog(ScriptedDialogs(), tmp_path / "nowhere.dsar")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.path_note.isVisible()
    assert "No register at this location yet" in dialog.path_note.text()
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.unlock_button.click()
    assert "No register at" in dialog.error_label.text()


def test_idle_lock_backs_up_closes_and_asks_again(qtbot, shell: Shell, register_file: Path) -> None:  # type: ignore[no-untyped-def]
    unlock(shell)
    register = shell.register
    assert register is not None
    assert shell.window.idle.timer.isActive()
    assert shell.window.idle.timer.interval() == 10 * 60_000  # the register's default setting
    shell.window.idle.timer.setInterval(5)
    with qtbot.waitSignal(shell.locked, timeout=5000) as blocker:
        shell.window.idle.timer.start()
    assert blocker.args == ["idle"]
    assert shell.register is None and register.conn is None
    assert shell.window.is_locked()
    assert shell.window.pages == {} and shell.window.tabs.count() == 0
    assert shell.window.state_label.text() == "Locked"
    assert not any(action.isEnabled() for action in shell.window.register_actions)
    backups = list((register_file.parent / "backups").glob("office-*.dsarbak"))
    assert len(backups) == 1
    dialog = shell.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Locked after 10 minutes without activity" in dialog.notice_label.text()
    unlock(shell)
    assert shell.register is not None and not shell.window.is_locked()
    assert isinstance(shell.window.page("dashboard"), SimplePage)


def test_activity_restarts_the_idle_timer(qtbot, shell: Shell) -> None:  # type: ignore[no-untyped-def]
    unlock(shell)
    timer = shell.window.idle.timer
    timer.setInterval(60_000)
    timer.start()
    timer.setInterval(3_600_000)  # only a restart picks the new interval up
    qtbot.keyClick(shell.window.tabs, "a")
    assert timer.remainingTime() > 60_000


def test_lock_now_and_quit_back_up_and_close(shell: Shell, register_file: Path) -> None:
    unlock(shell)
    shell.window.lock_action.trigger()
    assert shell.register is None
    assert "backed up and closed" in shell.unlock_dialog.notice_label.text()  # type: ignore[union-attr]
    unlock(shell)
    register = shell.register
    assert register is not None
    finished: list[bool] = []
    shell.finished.connect(lambda: finished.append(True))
    shell.window.quit_action.trigger()
    assert finished == [True] and register.conn is None
    # Backups are named by the second, so the lock's and the quit's may be one file.
    assert list((register_file.parent / "backups").glob("office-*.dsarbak"))
    reopened = register_service.unlock_register(register_file, PASSPHRASE, "alice")
    actions = [entry.action for entry in audit.entries(reopened.conn)]
    reopened.close()
    assert actions.count("register.backup") == 2


def test_backups_on_close_keep_the_configured_number(shell: Shell, register_file: Path) -> None:
    from dsar_desktop.services.settings import update_settings

    unlock(shell)
    assert shell.register is not None
    update_settings(shell.register, {"backups_kept": 2})
    folder = register_file.parent / "backups"
    folder.mkdir()
    for year in (2024, 2025, 2026):
        (folder / f"office-{year}0101T000000.dsarbak").write_bytes(b"old")
    shell.lock()
    kept = sorted(p.name for p in folder.glob("*.dsarbak"))
    assert len(kept) == 2 and kept[0] == "office-20260101T000000.dsarbak"


def test_a_page_signal_opens_a_closable_case_file_tab_once(shell: Shell) -> None:
    unlock(shell)
    page = shell.window.page("dashboard")
    assert isinstance(page, SimplePage)
    page.case_opened.emit("DSAR-2027-0001")
    page.case_opened.emit("DSAR-2027-0001")
    window = shell.window
    assert list(window.case_files) == ["DSAR-2027-0001"]
    assert window.tabs.count() == 2 and window.tabs.currentWidget() is window.case_files["DSAR-2027-0001"]
    window._on_tab_close_requested(0)  # a page: nothing happens
    assert window.tabs.count() == 2
    window._on_tab_close_requested(1)
    assert window.tabs.count() == 1 and window.case_files == {}


def test_add_page_after_unlock_shows_at_once_and_survives_a_lock(shell: Shell) -> None:
    unlock(shell)
    shell.window.add_page("extracts", "Dashboard", lambda reg, d, r: QWidget())
    assert shell.window.tabs.count() == 2 and shell.window.page("extracts") is not None
    shell.lock()
    unlock(shell)
    assert shell.window.page("extracts") is not None


def test_a_broken_page_shows_its_error_instead_of_blocking_the_register(shell: Shell) -> None:
    class Broken(QObject):
        def __init__(self, *args: object) -> None:
            raise OSError(13, "Permission denied", "/x")

    shell.window.add_page("broken", "Dashboard", Broken)  # type: ignore[arg-type]
    unlock(shell)
    shown = shell.window.page("broken")
    assert isinstance(shown, QLabel) and "Permission denied" in shown.text()


def test_verify_in_the_app_fails_as_dsar_verify_does_on_a_damaged_scan_key_file(shell: Shell) -> None:
    """The app and the command line give the same answer (issue 9): a scan-key file that does not open."""
    from dsar_desktop.services import shredding

    unlock(shell)
    dialogs = shell.dialogs
    assert isinstance(dialogs, ScriptedDialogs)
    store = shredding.keystore(shell.window.register)
    store.path.write_text('{"format": 1, "register_id": "x", "nonce": "", "box": ""}')
    shell.window.verify_action.trigger()
    assert dialogs.shown[-1][0] == "error" and "scan-key file" in dialogs.shown[-1][1], dialogs.shown[-1]
    store.path.unlink()


def test_verify_and_backup_menu_actions_report_their_results(shell: Shell, tmp_path: Path) -> None:
    unlock(shell)
    dialogs = shell.dialogs
    assert isinstance(dialogs, ScriptedDialogs)
    shell.window.verify_action.trigger()
    assert dialogs.shown[-1][0] == "info" and "The register is intact" in dialogs.shown[-1][1]
    out = tmp_path / "manual.dsarbak"
    dialogs.answers.append(str(out))
    shell.window.backup_action.trigger()
    assert out.exists()
    assert dialogs.shown[-1] == ("info", f"Backup written to {out}.")
    assert shell.register is not None
    actions = [entry.action for entry in audit.entries(shell.register.conn)]
    assert "register.backup" in actions


def test_about_names_the_version(shell: Shell) -> None:
    from dsar_desktop import __version__

    shell.window.findChildren(QObject)  # the window exists before any unlock
    for action in shell.window.menuBar().actions()[-1].menu().actions():
        action.trigger()
    assert any(__version__ in text for _, text in shell.dialogs.shown)  # type: ignore[attr-defined]


def test_verify_runs_on_the_thread_pool_and_reports_on_the_main_thread(qtbot, register_file: Path) -> None:  # type: ignore[no-untyped-def]
    from dsar_desktop.ui.workers import Runner

    dialogs = ScriptedDialogs()
    shell = Shell(dialogs, Runner(), register_file, forced_language="en")
    qtbot.addWidget(shell.window)
    shell.start()
    unlock(shell)
    shell.window.verify_action.trigger()
    qtbot.waitUntil(
        lambda: any("The register is intact" in text for _, text in dialogs.shown), timeout=10_000
    )
    qtbot.waitUntil(lambda: shell.runner.jobs_in_flight == 0, timeout=10_000)
    shell.quit()


def test_enter_in_the_passphrase_field_tries_once(qtbot, shell: Shell) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    dialog = shell.unlock_dialog
    assert dialog is not None
    dialog.slot_combo.setCurrentText("alice")
    qtbot.keyClicks(dialog.passphrase_edit, "a wrong passphrase")
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert "Wrong passphrase" in dialog.error_label.text()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert shell.register is not None and not dialog.isVisible()
