"""Unlock dialog: choose the register, the slot and the passphrase (or recovery key); errors stay in the dialog."""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import describe
from ..services import register as register_service
from ..services.office import Office
from . import style
from .dialogs import Dialogs
from .first_run import FirstRunWizard
from .i18n import language, tr


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


WizardFactory = Callable[[Dialogs, Path, QWidget | None], FirstRunWizard]


def _default_wizard(dialogs: Dialogs, suggested: Path, parent: QWidget | None) -> FirstRunWizard:
    return FirstRunWizard(dialogs, suggested, parent=parent)


class UnlockDialog(QDialog):
    """On success `register` holds the open register and `unlocked` is emitted before the dialog accepts."""

    unlocked = Signal(object)

    def __init__(
        self, dialogs: Dialogs, path: Path, *, label: str | None = None, hint: str | None = None,
        notice: str | None = None, wizard_factory: WizardFactory = _default_wizard, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.dialogs = dialogs
        self.wizard_factory = wizard_factory
        self.wizard: FirstRunWizard | None = None
        self.register: Office | None = None
        self.keyring_outcome: register_service.KeyringStatus | None = None
        self.used_recovery_key = False
        self._remembered = False
        self.setWindowTitle(tr("Unlock the register"))
        self.setModal(True)
        self._preferred_label = label or register_service.default_actor()

        title = style.role_label(tr("DSAR Desktop"), "title", word_wrap=False)
        subtitle = style.role_label(tr("Register of data-subject requests"), "muted")
        self.notice_label = style.role_label(notice or "", "note")
        self.notice_label.setVisible(bool(notice))

        self.path_edit = QLineEdit(str(path))
        self.browse_button = QPushButton(tr("Choose…"))
        self.slot_combo = QComboBox()
        self.slot_combo.setEditable(True)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(tr("Remember on this workstation"))
        self.keyring_label = style.role_label("", "muted")
        self.path_note = style.role_label("", "note")
        self.path_note.hide()
        self.hint_label = QLabel()
        self.hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint_label.setWordWrap(True)
        style.set_role(self.hint_label, "note")
        self.hint_label.setVisible(bool(hint))
        if hint:
            shown = f"<b><tt>{html.escape(hint)}</tt></b>"
            self.hint_label.setText(tr("Demo register passphrase: {passphrase}", passphrase=shown))
        self.error_label = style.role_label("", "error")
        self.error_label.setAccessibleName(tr("Error"))
        self.error_label.hide()

        self.create_button = QPushButton(tr("Create a new register…"))
        self.remembered_button = QPushButton(tr("Unlock with the key remembered here"))
        self.remembered_button.hide()
        self.quit_button = QPushButton(tr("Quit"))
        self.unlock_button = QPushButton(tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(tr("Register file"), path_row)
        form.addRow("", self.path_note)
        form.addRow(tr("Your name (key slot)"), self.slot_combo)
        form.addRow(tr("Passphrase or recovery key"), self.passphrase_edit)
        form.addRow("", self.remember_check)
        form.addRow("", self.keyring_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.remembered_button)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.notice_label)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(620)

        self._connect()
        self._show_keyring_status()
        self._on_path_changed()
        self.passphrase_edit.setFocus()

    def _connect(self) -> None:
        self.path_edit.editingFinished.connect(self._on_path_changed)
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.remembered_button.clicked.connect(self._on_remembered_clicked)
        self.create_button.clicked.connect(self._on_create_clicked)
        self.quit_button.clicked.connect(self.reject)

    # ---- state --------------------------------------------------------------------
    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def show_error(self, error: BaseException | str) -> None:
        self.error_label.setText(error if isinstance(error, str) else describe(error, language()))
        self.error_label.show()
        self.adjustSize()

    def _clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def _show_keyring_status(self) -> None:
        status = register_service.workstation_keyring_status()
        self.remember_check.setEnabled(status.usable)
        if status.usable:
            self.keyring_label.setText(
                tr(
                    "The key is kept in this computer's secure key store ({backend}); the passphrase is not "
                    "asked again on this workstation.",
                    backend=status.backend.rsplit(".", 1)[-1],
                )
            )
        else:
            self.remember_check.setChecked(False)
            self.keyring_label.setText(status.reason_fr if language() == "fr" else status.reason_en)

    def _on_path_changed(self) -> None:
        path = self.path()
        self._clear_error()
        self.slot_combo.clear()
        exists = path.is_file()
        self.path_note.setText(
            tr("No register at this location yet. Choose another file, or create a new register.")
        )
        self.path_note.setVisible(bool(self.path_edit.text().strip()) and not exists)
        labels: list[str] = []
        if exists:
            try:
                labels = [s["label"] for s in register_service.list_slots(path) if s["kind"] == "passphrase"]
            except Exception as exc:  # noqa: BLE001 - a damaged or missing key file is explained here
                self.show_error(exc)
        self.slot_combo.addItems(labels)
        if self._preferred_label in labels or not labels:
            self.slot_combo.setCurrentText(self._preferred_label)
        remembered = exists and register_service.recall_from_workstation(path) is not None
        self._remembered = remembered
        self.remembered_button.setVisible(remembered)
        if remembered and self.remember_check.isEnabled():
            self.remember_check.setChecked(True)

    def _on_browse_clicked(self) -> None:
        chosen = self.dialogs.open_file(
            self, tr("Open a register"), tr("DSAR register (*.dsar);;All files (*)")
        )
        if chosen is not None:
            self.path_edit.setText(str(chosen))
            self._on_path_changed()

    # ---- unlocking ----------------------------------------------------------------
    def _on_unlock_clicked(self) -> None:
        if not self.path_edit.text().strip():
            self.show_error(tr("Type the register file."))
            return
        secret = self.passphrase_edit.text()
        if not secret:
            self.show_error(tr("Type your passphrase, or the recovery key."))
            return
        path = self.path()
        # A recovery key opens its own slot whatever slot name is chosen.
        is_recovery = register_service.is_recovery_key(secret)
        label = None if is_recovery else (self.slot_combo.currentText().strip() or None)
        try:
            with wait_cursor():
                register = Office.adopt(register_service.unlock_register(path, secret, label))
        except Exception as exc:  # noqa: BLE001 - every failure is explained in the dialog
            self.passphrase_edit.clear()
            self.passphrase_edit.setFocus()
            self.show_error(exc)
            return
        self.used_recovery_key = register.actor == "recovery"
        self.passphrase_edit.clear()
        self._finish(register)

    def _on_remembered_clicked(self) -> None:
        path = self.path()
        raw = register_service.recall_from_workstation(path)
        if raw is None:
            self._remembered = False
            self.remembered_button.hide()
            return
        labels = [self.slot_combo.itemText(i) for i in range(self.slot_combo.count())]
        actor = self.slot_combo.currentText().strip()
        if actor not in labels:
            actor = register_service.default_actor()
        try:
            with wait_cursor():
                register = Office.adopt(register_service.open_with_key(path, raw, actor))
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)
            return
        self._finish(register)

    def _finish(self, register: Office) -> None:
        self._apply_remember_choice(register)
        self.register = register
        self._clear_error()
        self.unlocked.emit(register)
        self.accept()

    def _apply_remember_choice(self, register: Office) -> None:
        if self.remember_check.isChecked():
            self.keyring_outcome = register_service.remember_on_workstation(register)
        elif self._remembered:
            # Unticked while a key is remembered: the person asks us to forget it.
            register_service.forget_on_workstation(register)

    # ---- creating -----------------------------------------------------------------
    def _on_create_clicked(self) -> None:
        suggested = self.path()
        if suggested.exists():
            suggested = suggested.with_name("register-new.dsar")
        self.wizard = self.wizard_factory(self.dialogs, suggested, self)
        self.wizard.finished.connect(self._on_wizard_finished)
        self.wizard.open()

    def _on_wizard_finished(self, _result: int) -> None:
        wizard = self.wizard
        if wizard is None or wizard.register is None:
            return
        self.path_edit.setText(str(wizard.register.path))
        self.register = wizard.register
        self.unlocked.emit(wizard.register)
        self.accept()
