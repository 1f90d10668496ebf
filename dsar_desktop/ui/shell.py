"""The application flow: unlock or create a register, show it in the main window, lock, back up and close."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.errors import describe
from ..services import register as register_service
from ..services import settings as settings_service
from ..services.office import Office
from .dialogs import Dialogs
from .first_run import FirstRunWizard
from .i18n import language, set_language, tr
from .main_window import MainWindow
from .specs import CaseFileFactory, IntakeFactory, Menu, PageSpec, StartupNotice
from .unlock import UnlockDialog, wait_cursor
from .workers import Runner

UnlockFactory = Callable[..., UnlockDialog]


class Shell(QObject):
    """Owns the register's lifecycle; the window only shows it. `finished` means: quit the application."""

    unlocked = Signal(object)
    locked = Signal(str)
    finished = Signal()

    def __init__(
        self, dialogs: Dialogs, runner: Runner, register_path: Path, *, pages: Sequence[PageSpec] = (),
        case_file_factory: CaseFileFactory | None = None, intake_factory: IntakeFactory | None = None,
        startup_notice: StartupNotice | None = None, hint: str | None = None, forced_language: str | None = None,
        menus: Sequence[Menu] = (),
        screens_later: bool = False,
    ) -> None:  # fmt: skip
        super().__init__()
        self.dialogs = dialogs
        self.runner = runner
        self.register_path = Path(register_path)
        self.hint = hint
        self.forced_language = forced_language
        self.register: Office | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.wizard: FirstRunWizard | None = None
        self.last_backup_error: str | None = None
        self._label: str | None = None
        self.window = MainWindow(
            dialogs,
            runner,
            pages,
            case_file_factory,
            intake_factory,
            startup_notice,
            menus,
            screens_later=screens_later,
        )
        self.window.lock_requested.connect(self._on_lock_requested)
        self.window.quit_requested.connect(self.quit)

    # ---- start ----------------------------------------------------------------------
    def start(self) -> None:
        """Show the (locked) window and ask for the register; a first run goes straight to the wizard."""
        self.window.show()
        self.show_unlock()
        if not self.register_path.exists() and not self.hint:
            QTimer.singleShot(0, self._offer_first_run)

    def _offer_first_run(self) -> None:
        if self.unlock_dialog is not None and self.register is None:
            self.unlock_dialog.create_button.click()

    def show_unlock(self, notice: str | None = None) -> UnlockDialog:
        dialog = UnlockDialog(
            self.dialogs,
            self.register_path,
            label=self._label,
            hint=self.hint,
            notice=notice,
            parent=self.window,
        )
        dialog.unlocked.connect(self._on_unlocked)
        dialog.rejected.connect(self._on_unlock_rejected)
        self.unlock_dialog = dialog
        dialog.open()
        return dialog

    def _on_unlock_rejected(self) -> None:
        if self.register is None:
            self.quit()

    def _on_unlocked(self, register: Office) -> None:
        dialog = self.unlock_dialog
        self.register = register
        self.register_path = register.path
        self._label = register.actor if register.actor != "recovery" else self._label
        if self.forced_language is None:
            set_language(str(settings_service.current_settings(register)["ui_language"]))
        with wait_cursor():
            self.window.attach(register)
        self.unlocked.emit(register)
        if dialog is not None:
            outcome = dialog.keyring_outcome
            if outcome is not None and not outcome.usable:
                reason = outcome.reason_fr if language() == "fr" else outcome.reason_en
                self.dialogs.warn(
                    self.window,
                    tr("The key could not be remembered on this workstation: {reason}", reason=reason),
                )
            if dialog.used_recovery_key:
                self.dialogs.warn(
                    self.window,
                    tr(
                        "You opened the register with the recovery key. Give yourself a new passphrase now in "
                        "Register > Key slots, so that the recovery key can go back in the safe."
                    ),
                )

    # ---- lock and quit ---------------------------------------------------------------
    def _on_lock_requested(self, reason: str) -> None:
        self.lock(reason)

    def lock(self, reason: str = "manual") -> None:
        """Hide everything, back up, close the register, and ask for the passphrase again."""
        if self.register is None:
            return
        minutes = settings_service.current_settings(self.register)["idle_lock_minutes"]
        self._close_register()
        if self.last_backup_error:
            notice = tr("The automatic backup failed: {error}", error=self.last_backup_error)
        elif reason == "idle":
            notice = tr(
                "Locked after {minutes} minutes without activity. The register was backed up and closed.",
                minutes=minutes,
            )
        else:
            notice = tr("The register was backed up and closed.")
        self.locked.emit(reason)
        self.show_unlock(notice)

    def _close_register(self) -> None:
        register = self.register
        if register is None:
            return
        self.window.detach()
        self.last_backup_error = None
        try:
            keep = int(settings_service.current_settings(register)["backups_kept"])
            with wait_cursor():
                register_service.backup_on_close(register, keep)
        except Exception as exc:  # noqa: BLE001 - reported; closing must still happen
            self.last_backup_error = describe(exc, language())
        finally:
            register.close()
            self.register = None

    def shutdown(self) -> None:
        """The application is ending some other way (session logout): still back up and close."""
        self._close_register()

    def quit(self) -> None:
        self._close_register()
        if self.last_backup_error:
            self.dialogs.error(
                self.window, tr("The automatic backup failed: {error}", error=self.last_backup_error)
            )
        if self.unlock_dialog is not None:
            self.unlock_dialog.hide()
        self.window.close_for_shell()
        self.finished.emit()
