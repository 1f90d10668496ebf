"""Key slots dialog: list the people who can open the register; add, change or remove a slot; replace the recovery key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.deadlines import format_date
from ..domain.errors import describe
from ..services import register as register_service
from ..services.office import Office
from . import style
from .cases.labels import moment_day_text
from .dialogs import Dialogs, error_line
from .first_run import RecoveryKeyDialog
from .i18n import language, tr
from .passphrase import PassphraseFields

SaveSlot = Callable[[str, str], None]


class NewPassphraseDialog(QDialog):
    """A new slot's name (when adding) and its passphrase typed twice, with the strength meter.

    OK stays disabled until the name is given and the passphrase reaches the minimum and is typed the
    same twice. `save(name, passphrase)` runs on OK; when it refuses, its sentence shows here and the
    dialog stays open with what was typed.
    """

    def __init__(
        self, title: str, save: SaveSlot, label: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.save = save
        self.setWindowTitle(title)
        self.name_edit = QLineEdit(label or "")
        self.name_edit.setReadOnly(label is not None)
        self.fields = PassphraseFields()
        self.problem = error_line()
        self.fields.form.insertRow(0, tr("Name of the person (shown in the audit log)"), self.name_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Add the slot") if label is None else tr("Change the passphrase"))
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._on_changed)
        self.fields.changed.connect(self._on_changed)
        (self.fields.first if label is not None else self.name_edit).setFocus()
        self.resize(520, 300)
        self._on_changed()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def complete(self) -> bool:
        return bool(self.name()) and self.fields.valid()

    def _on_changed(self) -> None:
        self.ok_button.setEnabled(self.complete())

    def accept(self) -> None:
        if not self.complete():
            return
        try:
            self.save(self.name(), self.fields.passphrase())
        except Exception as exc:  # noqa: BLE001 - shown in the dialog; the person corrects and retries
            self.problem.setText(describe(exc, language()))
            self.problem.show()
            return
        super().accept()


class SlotsDialog(QDialog):
    def __init__(self, register: Office, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.setWindowTitle(tr("Key slots"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Name"), tr("Kind"), tr("Created")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(tr("Add a slot…"))
        self.change_button = QPushButton(tr("Change passphrase…"))
        self.remove_button = QPushButton(tr("Remove"))
        self.recovery_button = QPushButton(tr("Replace the recovery key…"))
        self.close_button = QPushButton(tr("Close"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.remove_button, self.recovery_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self.close_button.setDefault(True)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            style.role_label(
                tr(
                    "Each slot opens the register with its own passphrase. Changing a passphrase rewrites one "
                    "slot; the register itself is not touched."
                ),
                "muted",
            )
        )
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.resize(640, 360)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.change_button.clicked.connect(self._on_change_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.recovery_button.clicked.connect(self._on_recovery_clicked)
        self.close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.refresh()

    def refresh(self) -> None:
        slots = register_service.list_slots(self.register.path)
        kinds = {"passphrase": tr("Passphrase"), "recovery": tr("Recovery key")}
        self.table.setRowCount(len(slots))
        for row, slot in enumerate(slots):
            values = [slot["label"], kinds.get(slot["kind"], slot["kind"]), _day(slot["created"])]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(256, slot)  # Qt.UserRole: the slot record
                self.table.setItem(row, column, item)
        self._on_selection_changed()

    def labels(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def select(self, label: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == label:
                self.table.selectRow(row)

    def _selected(self) -> dict | None:
        items = self.table.selectedItems()
        return items[0].data(256) if items else None

    def _on_selection_changed(self) -> None:
        slot = self._selected()
        is_passphrase = slot is not None and slot["kind"] == "passphrase"
        self.change_button.setEnabled(is_passphrase)
        self.remove_button.setEnabled(is_passphrase)

    def _on_add_clicked(self) -> None:
        dialog = NewPassphraseDialog(tr("New slot"), self._add_slot, parent=self)
        if not self.dialogs.run(dialog):
            return
        self.refresh()
        self.select(dialog.name())
        self.dialogs.info(self, tr("Slot '{label}' added.", label=dialog.name()))

    def _add_slot(self, label: str, passphrase: str) -> None:
        register_service.add_slot(self.register, label, passphrase)

    def _on_change_clicked(self) -> None:
        slot = self._selected()
        if slot is None or slot["kind"] != "passphrase":
            self.dialogs.warn(self, tr("Choose a passphrase slot first."))
            return
        dialog = NewPassphraseDialog(tr("Change passphrase"), self._change_slot, slot["label"], parent=self)
        if self.dialogs.run(dialog):
            self.dialogs.info(self, tr("Passphrase of '{label}' changed.", label=slot["label"]))

    def _change_slot(self, label: str, passphrase: str) -> None:
        register_service.change_slot(self.register, label, passphrase)

    def _on_remove_clicked(self) -> None:
        slot = self._selected()
        if slot is None or slot["kind"] != "passphrase":
            self.dialogs.warn(self, tr("Choose a passphrase slot first."))
            return
        label = slot["label"]
        if not self.dialogs.confirm(
            self,
            tr(
                "Remove the slot '{label}'? The register is then re-encrypted under a new key and every other "
                "slot re-wrapped, so that person can no longer open it, even with a copy of the key file made "
                "before. Backups made before today still open with that person's passphrase.",
                label=label,
            ),
        ):
            return
        try:
            register_service.remove_slot(self.register, label)
        except Exception as exc:  # noqa: BLE001
            self.dialogs.error(self, exc)
            return
        self.refresh()
        self.dialogs.info(self, tr("Slot '{label}' removed; the register was re-keyed.", label=label))

    def _on_recovery_clicked(self) -> None:
        if not self.dialogs.confirm(
            self,
            tr(
                "Replace the recovery key? The current one will stop working, and the new one is shown only once."
            ),
        ):
            return
        try:
            key = register_service.new_recovery(self.register)
        except Exception as exc:  # noqa: BLE001
            self.dialogs.error(self, exc)
            return
        self.refresh()
        self.recovery_dialog = RecoveryKeyDialog(key, self.register.path.name, self.dialogs, parent=self)
        self.recovery_dialog.open()


def _day(stamp: object) -> str:
    """An ISO time stamp as a date in the interface language ('dim. 29 novembre 2026'); as stored if odd."""
    text = str(stamp or "")[:10]
    try:
        if len(str(stamp or "")) > 10:  # a moment stored in UTC: its Paris day
            return moment_day_text(str(stamp))
        return format_date(dt.date.fromisoformat(text), language())
    except ValueError:
        return text
