"""The extension dialog (Art. 12(3)) and the refusal dialog (Art. 12(4) and 12(5)): the reasons the law wants."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import deadlines as dl
from ...services.cases import CaseRow, ExtensionTooLate
from ..dialogs import add_ok_cancel, error_line
from ..i18n import QT_TR_NOOP, language, tr
from .labels import date_text, rights_text, status_text

GROUND_UNFOUNDED = "manifestly_unfounded"
GROUND_IDENTITY = "identity_not_established"
GROUND_OTHER = "other"
_GROUND_LABELS = {
    GROUND_UNFOUNDED: QT_TR_NOOP("Manifestly unfounded or excessive (Art. 12(5))"),
    GROUND_IDENTITY: QT_TR_NOOP("Identity not established (Art. 12(2) and 12(6))"),
    GROUND_OTHER: QT_TR_NOOP("Other ground"),
}


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def earlier_list(rows: Sequence[CaseRow]) -> QListWidget:
    widget = QListWidget()
    if not rows:
        widget.addItem(tr("None found."))
    for row in rows:
        widget.addItem(
            f"{row.ref} · {date_text(row.received_date)} · {rights_text(row.rights)} · {status_text(row.status)}"
        )
    widget.setMaximumHeight(120)
    return widget


class ExtensionDialog(QDialog):
    """Reasons (required), the notice date (today by default); refuses a notice after D1."""

    def __init__(
        self, ref: str, deadlines: dl.Deadlines, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.deadlines = deadlines
        self.setWindowTitle(tr("Extend the deadline — {ref}", ref=ref))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Art. 12(3) GDPR: the deadline may be extended by two further months where necessary, taking "
                "into account the complexity and number of the requests. The person must be told of the extension "
                "and its reasons within one month of receipt, that is on or before the legal due date (D1)."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.d1_label = QLabel(f"<b>{date_text(deadlines.legal_due)}</b>")
        self.d3_label = QLabel(f"<b>{date_text(deadlines.extended_due)}</b>")
        form.addRow(tr("Legal due date (D1):"), self.d1_label)
        form.addRow(tr("New due date if extended (D3):"), self.d3_label)
        self.notice_edit = QDateEdit(qdate(today))
        self.notice_edit.setCalendarPopup(True)
        self.notice_edit.setDisplayFormat("dd/MM/yyyy")
        form.addRow(tr("Date the notice is sent:"), self.notice_edit)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(
            tr("e.g. seven systems to search and 4,000 pages of records to review")
        )
        form.addRow(tr("Reasons given to the person:"), self.reason_edit)
        layout.addLayout(form)
        self.error_label = error_line()
        layout.addWidget(self.error_label)
        add_ok_cancel(self, layout)
        self.notice_edit.dateChanged.connect(self._on_notice_changed)
        self.reason_edit.setFocus()
        self._on_notice_changed()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def notice_date(self) -> dt.date:
        return pydate(self.notice_edit.date())

    def too_late_message(self) -> str | None:
        notice = self.notice_date()
        if dl.can_extend(self.deadlines, notice):
            return None
        return ExtensionTooLate(notice=date_text(notice), due=date_text(self.deadlines.legal_due)).describe(
            language()
        )

    def _on_notice_changed(self, *_args: object) -> None:
        message = self.too_late_message()
        self._show_error(message)

    def _show_error(self, message: str | None) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))

    def accept(self) -> None:
        message = self.too_late_message()
        if message is None and not self.reason():
            message = tr("Write the reasons for the extension: the law requires them in the notice.")
        if message:
            self._show_error(message)
            return
        super().accept()


class RefusalDialog(QDialog):
    """Ground and reasons (required), with the reminder of what the notice must say and when."""

    def __init__(
        self,
        ref: str,
        legal_due: dt.date,
        today: dt.date,
        earlier: Sequence[CaseRow] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Refuse the request — {ref}", ref=ref))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Ground for refusal:")))
        self.ground_group = QButtonGroup(self)
        self.ground_buttons: dict[str, QRadioButton] = {}
        for i, (key, label) in enumerate(_GROUND_LABELS.items()):
            button = QRadioButton(tr(label))
            self.ground_group.addButton(button, i)
            self.ground_buttons[key] = button
            layout.addWidget(button)
        self.ground_buttons[GROUND_OTHER].setChecked(True)
        self.unfounded_box = QWidget()
        box = QVBoxLayout(self.unfounded_box)
        box.setContentsMargins(20, 0, 0, 0)
        hint = QLabel(
            tr(
                "A request is manifestly excessive mainly when it repeats itself; the burden of showing it lies "
                "with the office (Art. 12(5))."
            )
        )
        hint.setWordWrap(True)
        box.addWidget(hint)
        box.addWidget(QLabel(tr("Earlier requests by the same person:")))
        self.earlier_list = earlier_list(earlier)
        box.addWidget(self.earlier_list)
        layout.addWidget(self.unfounded_box)
        layout.addWidget(QLabel(tr("Reasons given to the person (required):")))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        layout.addWidget(self.reason_edit)
        self.reminder = QLabel(
            tr(
                "The refusal notice must give the reasons, tell the person of their right to lodge a complaint with "
                "the CNIL and of their right to a judicial remedy, and be sent on or before {due} (Art. 12(4)).",
                due=date_text(legal_due),
            )
        )
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px;")
        layout.addWidget(self.reminder)
        self.late_label = error_line()
        if today > legal_due:
            self.late_label.setText(tr("The legal due date has passed: send the notice today."))
            self.late_label.show()
        layout.addWidget(self.late_label)
        self.error_label = error_line()
        layout.addWidget(self.error_label)
        add_ok_cancel(self, layout)
        self.ground_group.idToggled.connect(self._on_ground_changed)
        self._on_ground_changed()

    def set_ground(self, ground: str) -> None:
        self.ground_buttons[ground].setChecked(True)

    def ground(self) -> str:
        for key, button in self.ground_buttons.items():
            if button.isChecked():
                return key
        return GROUND_OTHER

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def full_reason(self) -> str:
        """What the register keeps as the closure reason: the ground, then the reasons written."""
        return f"{tr(_GROUND_LABELS[self.ground()])}: {self.reason()}"

    def _on_ground_changed(self, *_args: object) -> None:
        self.unfounded_box.setVisible(self.ground() == GROUND_UNFOUNDED)

    def accept(self) -> None:
        if not self.reason():
            self.error_label.setText(
                tr("Write the reasons for the refusal: the law requires them in the notice.")
            )
            self.error_label.show()
            return
        super().accept()
