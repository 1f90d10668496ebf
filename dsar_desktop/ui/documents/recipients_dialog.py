"""Art. 19 worklist of one case: each recipient of the processings holding the person's data, what is
recorded for it, and a form to record that it was informed (date, means) or why it could not be."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import letters, notifications
from .. import style
from ..cases.labels import date_text
from ..dialogs import Dialogs
from ..i18n import language, tr


class RecipientsDialog(QDialog):
    """The recipients to inform of a rectification, erasure or restriction, and their records."""

    def __init__(self, register: Any, dialogs: Dialogs, ref: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register, self.dialogs, self.ref = register, dialogs, ref
        self.setWindowTitle(tr("Recipients informed (Art. 19)"))
        self.setMinimumWidth(900)
        layout = QVBoxLayout(self)
        layout.addWidget(
            style.role_label(
                tr(
                    "For an erasure, rectification or restriction, record for each recipient that it was informed, or why "
                    "it could not be. The confirmation letter states exactly this, and is refused until every recipient has "
                    "a record."
                ),
                "muted",
            )
        )
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Processing"), tr("Recipient"), tr("Recorded")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 300)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.outcome_combo = QComboBox()
        for code, label in (("notified", tr("Informed")), ("impossible", tr("Impossible to inform")),
                            ("disproportionate", tr("Disproportionate effort"))):  # fmt: skip
            self.outcome_combo.addItem(label, code)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.means_edit = QLineEdit()
        self.reason_edit = QLineEdit()
        form.addRow(tr("Outcome:"), self.outcome_combo)
        form.addRow(tr("Informed on:"), self.date_edit)
        form.addRow(tr("By (e-mail, letter, ticket…):"), self.means_edit)
        form.addRow(tr("Reason (if not informed):"), self.reason_edit)
        layout.addLayout(form)
        self.record_button = QPushButton(tr("Record for the selected recipient"))
        layout.addWidget(self.record_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.record_button.clicked.connect(self._on_record)
        self.rows: list[tuple[str, str, Any]] = []
        self.refresh()

    def refresh(self) -> None:
        self.rows = letters.recipients_to_notify(self.register, self.ref)
        names = letters.processing_names(self.register, language())
        self.table.setRowCount(len(self.rows))
        for row, (source, recipient, done) in enumerate(self.rows):
            for col, text in enumerate((names.get(source, source), recipient, _recorded_text(done))):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def _on_record(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows):
            self.dialogs.error(self, tr("Choose a recipient in the list first."))
            return
        source, recipient, _done = self.rows[row]
        outcome = str(self.outcome_combo.currentData())
        day = self.date_edit.date()
        try:
            notifications.record(
                self.register, self.ref, source, recipient, outcome,
                notified_on=dt.date(day.year(), day.month(), day.day()) if outcome == "notified" else None,
                means=self.means_edit.text(), reason=self.reason_edit.text(),
            )  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - one sentence for the person, nothing recorded
            self.dialogs.error(self, exc)
            return
        self.refresh()


def _recorded_text(done: Any) -> str:
    if done is None:
        return tr("nothing recorded")
    if done.outcome == "notified":
        return tr("informed on {date} ({means})", date=date_text(done.notified_on), means=done.means or "")
    if done.outcome == "impossible":
        return tr("impossible: {reason}", reason=done.reason or "")
    return tr("disproportionate effort: {reason}", reason=done.reason or "")
