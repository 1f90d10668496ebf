"""Smaller case dialogs: record the dispatch of the reply, and mark a request manifestly unfounded (Art. 12(5))."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.cases import CaseRow
from ..dialogs import add_ok_cancel, error_line
from ..i18n import tr
from .dialogs_extension import _pydate, _qdate, earlier_list


class DispatchDialog(QDialog):
    """Date sent and registered-letter number (optional for an e-mail reply)."""

    def __init__(
        self, ref: str, today: dt.date, electronic: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.setWindowTitle(tr("Record the dispatch — {ref}", ref=ref))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date_edit = QDateEdit(_qdate(today))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        form.addRow(tr("Date sent:"), self.date_edit)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(tr("e.g. 1A 123 456 7890 1 — leave empty for a reply by e-mail"))
        form.addRow(tr("Registered-letter number:"), self.number_edit)
        layout.addLayout(form)
        if electronic:
            note = QLabel(
                tr(
                    "The request came electronically, so the reply goes by e-mail unless the person asked otherwise: "
                    "the number may stay empty."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        self.error_label = error_line()
        layout.addWidget(self.error_label)
        add_ok_cancel(self, layout)
        self.number_edit.setFocus()

    def sent_on(self) -> dt.date:
        return _pydate(self.date_edit.date())

    def number(self) -> str | None:
        return self.number_edit.text().strip() or None

    def accept(self) -> None:
        if self.sent_on() > self.today:
            self.error_label.setText(tr("The dispatch date cannot be in the future."))
            self.error_label.show()
            return
        super().accept()


class UnfoundedDialog(QDialog):
    """The written justification, beside the person's earlier requests."""

    def __init__(self, ref: str, earlier: Sequence[CaseRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Manifestly unfounded or excessive — {ref}", ref=ref))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Art. 12(5) GDPR: only a person may decide that a request is manifestly unfounded or excessive, and "
                "the office must be able to show it. Write the justification that will be kept in the register."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(tr("Earlier requests by the same person:")))
        self.earlier_list = earlier_list(earlier)
        layout.addWidget(self.earlier_list)
        layout.addWidget(QLabel(tr("Justification (required):")))
        self.justification_edit = QPlainTextEdit()
        self.justification_edit.setTabChangesFocus(True)
        layout.addWidget(self.justification_edit)
        self.error_label = error_line()
        layout.addWidget(self.error_label)
        add_ok_cancel(self, layout)

    def justification(self) -> str:
        return self.justification_edit.toPlainText().strip()

    def accept(self) -> None:
        if not self.justification():
            self.error_label.setText(tr("Write the justification: it is required."))
            self.error_label.show()
            return
        super().accept()
