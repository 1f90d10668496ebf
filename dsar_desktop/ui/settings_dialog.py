"""Register settings dialog: holiday calendar, idle lock, backups kept, language, retention; each change audited."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import describe
from ..services import settings as settings_service
from ..services.office import Office
from . import style
from .dialogs import Dialogs
from .i18n import language, tr


class SettingsDialog(QDialog):
    """Edits the register's settings; `saved` carries the values that changed."""

    saved = Signal(dict)

    def __init__(self, register: Office, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.setWindowTitle(tr("Register settings"))
        current = settings_service.current_settings(register)
        low_high = settings_service.RANGES

        self.calendar_combo = QComboBox()
        self.calendar_combo.addItem(tr("National (France)"), "national")
        self.calendar_combo.addItem(tr("Alsace-Moselle (adds Good Friday and 26 December)"), "alsace-moselle")
        self.idle_spin = self._spin(*low_high["idle_lock_minutes"], current["idle_lock_minutes"], tr(" min"))
        self.backups_spin = self._spin(*low_high["backups_kept"], current["backups_kept"], "")
        self.language_combo = QComboBox()
        self.language_combo.addItem(tr("French"), "fr")
        self.language_combo.addItem(tr("English"), "en")
        self.retention_spin = self._spin(
            *low_high["retention_years"], current["retention_years"], tr(" years")
        )
        self._select(self.calendar_combo, current["calendar"])
        self._select(self.language_combo, current["ui_language"])

        self.error_label = style.role_label("", "error")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(tr("Public holidays"), self.calendar_combo)
        form.addRow(tr("Lock after inactivity"), self.idle_spin)
        form.addRow(tr("Backups kept on close"), self.backups_spin)
        form.addRow(tr("Interface language"), self.language_combo)
        form.addRow(tr("Keep closed cases for"), self.retention_spin)
        form.addRow(
            "",
            style.role_label(
                tr("Closed cases older than this are purged; French civil limitation is 5 years."), "muted"
            ),
        )
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(
            style.role_label(
                tr(
                    "These settings belong to the register and apply to everyone who opens it. Each change is "
                    "written to the audit log."
                ),
                "muted",
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)

    @staticmethod
    def _spin(low: int, high: int, value: Any, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(int(value))
        spin.setSuffix(suffix)
        return spin

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def values(self) -> dict[str, Any]:
        return {
            "calendar": self.calendar_combo.currentData(),
            "idle_lock_minutes": self.idle_spin.value(),
            "backups_kept": self.backups_spin.value(),
            "ui_language": self.language_combo.currentData(),
            "retention_years": self.retention_spin.value(),
        }

    def _on_save_clicked(self) -> None:
        try:
            changed = settings_service.update_settings(self.register, self.values())
        except Exception as exc:  # noqa: BLE001 - shown in the dialog, which stays open
            self.error_label.setText(describe(exc, language()))
            self.error_label.show()
            return
        self.saved.emit(changed)
        self.accept()
