"""Small forms of the identity step: ask for a proof (with the recorded doubt) and record its arrival."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import InvalidInput
from ...domain.identity import check_reason_for_doubt
from ..dialogs import add_ok_cancel
from ..i18n import language as current_language
from ..i18n import tr
from ..style import role_label
from .texts import html


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class ProofRequestDialog(QDialog):
    """The doubt (required), the day the letter goes out, and its language."""

    def __init__(
        self,
        proof: str,
        party: str,
        name: str,
        sent_on: dt.date,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Ask for {proof}", proof=proof.lower()))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>" + html(tr("From {party} ({name}).", party=party, name=name)) + "</b>"))
        layout.addWidget(
            role_label(
                tr(
                    "Art. 12(6): a document may be asked for only when there is a reasonable doubt about the "
                    "requester's identity. Two fields: the reason as stated to the person is PRINTED in the letter; "
                    "the internal note is kept with the case for staff and NEVER printed."
                ),
                "note",
            )
        )
        form = QFormLayout()
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(
            tr("e.g. Your request came from an e-mail address that is not the one we hold for you.")
        )
        self.reason_edit.setFixedHeight(80)
        form.addRow(tr("Reason stated to the person (printed in the letter):"), self.reason_edit)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(tr("optional"))
        self.note_edit.setFixedHeight(60)
        form.addRow(tr("Internal note (staff only, never printed):"), self.note_edit)
        self.sent_edit = _date_edit(sent_on)
        form.addRow(tr("Letter sent on:"), self.sent_edit)
        self.language_combo = QComboBox()
        self.language_combo.addItem(tr("French"), "fr")
        self.language_combo.addItem(tr("English"), "en")
        self.language_combo.setCurrentIndex(0 if language == "fr" else 1)
        form.addRow(tr("Letter language:"), self.language_combo)
        layout.addLayout(form)
        layout.addWidget(
            role_label(
                tr(
                    "The clock stops on the day the letter is sent and runs again on the day the proof arrives "
                    "(decree 2019-536); the due date moves by that many days."
                ),
                "muted",
            )
        )
        self.error_label = role_label("", "error")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        add_ok_cancel(self, layout)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def internal_note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def sent_on(self) -> dt.date:
        return _pydate(self.sent_edit.date())

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def accept(self) -> None:
        if not self.reason():
            self.error_label.setText(
                tr("Write the reason for doubt first (Art. 12(6): no systematic ID request).")
            )
            self.error_label.show()
            return
        try:
            check_reason_for_doubt(self.reason())
        except InvalidInput as exc:
            self.error_label.setText(exc.describe("fr" if current_language() == "fr" else "en"))
            self.error_label.show()
            return
        super().accept()


class ProofReceiptDialog(QDialog):
    """When the proof arrived and whether a scan is attached or it was seen on paper."""

    def __init__(
        self, proof: str, received_on: dt.date, paper_allowed: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("{proof} received", proof=proof))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.received_edit = _date_edit(received_on)
        form.addRow(tr("Arrived on:"), self.received_edit)
        layout.addLayout(form)
        self.scan_choice = QRadioButton(tr("A scan (JPEG, PNG or PDF): choose the file next"))
        self.paper_choice = QRadioButton(tr("Seen on paper or in person (nothing is stored)"))
        self.scan_choice.setChecked(True)
        if not paper_allowed:  # a decision needs a scan or a request on record (services.identity.decide)
            self.paper_choice.setEnabled(False)
            self.paper_choice.setToolTip(tr("Seen on paper: record the request first, then its arrival."))
        group = QButtonGroup(self)
        group.addButton(self.scan_choice)
        group.addButton(self.paper_choice)
        layout.addWidget(self.scan_choice)
        layout.addWidget(self.paper_choice)
        layout.addWidget(role_label(tr("The day it arrives ends the suspension of the clock."), "muted"))
        add_ok_cancel(self, layout)

    def received_on(self) -> dt.date:
        return _pydate(self.received_edit.date())

    def with_scan(self) -> bool:
        return self.scan_choice.isChecked()
