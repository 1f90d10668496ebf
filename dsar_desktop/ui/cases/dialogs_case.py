"""Smaller case dialogs: record the dispatch of the reply, and mark a request manifestly unfounded (Art. 12(5))."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.cases import Capacity, Case, DispatchChannel
from ...domain.errors import DsarError
from ...services.cases import CaseRow
from ..dialogs import add_ok_cancel, error_line
from ..i18n import QT_TR_NOOP, tr
from .dialogs_extension import earlier_list, pydate, qdate

DISPATCH_CHANNEL_TEXT = {
    DispatchChannel.EMAIL: QT_TR_NOOP("E-mail"),
    DispatchChannel.POST: QT_TR_NOOP("Post"),
    DispatchChannel.HAND: QT_TR_NOOP("Hand delivery"),
}


class DispatchDialog(QDialog):
    """Date sent, channel, the address it went to, and the registered-letter number (none for an e-mail)."""

    def __init__(
        self,
        ref: str,
        today: dt.date,
        electronic: bool = False,
        parent: QWidget | None = None,
        *,
        email: str = "",
        postal: str = "",
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.addresses = {
            DispatchChannel.EMAIL: email,
            DispatchChannel.POST: postal,
            DispatchChannel.HAND: "",
        }
        self.setWindowTitle(tr("Record the dispatch — {ref}", ref=ref))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date_edit = QDateEdit(qdate(today))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        form.addRow(tr("Date sent:"), self.date_edit)
        self.channel_combo = QComboBox()
        for channel in DispatchChannel:
            self.channel_combo.addItem(tr(DISPATCH_CHANNEL_TEXT[channel]), channel.value)
        form.addRow(tr("Sent by:"), self.channel_combo)
        self.address_edit = QLineEdit()
        form.addRow(tr("Sent to:"), self.address_edit)
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
        self.channel_combo.currentIndexChanged.connect(self._on_channel_changed)
        default = DispatchChannel.EMAIL if electronic and email else DispatchChannel.POST
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(default.value))
        self._on_channel_changed()
        self.number_edit.setFocus()

    def _on_channel_changed(self, *_args: object) -> None:
        """The address on file for that channel (the person corrects it if the reply went elsewhere)."""
        self.address_edit.setText(" | ".join(self.addresses[self.channel()].splitlines()))

    def channel(self) -> DispatchChannel:
        return DispatchChannel(self.channel_combo.currentData())

    def address(self) -> str | None:
        return "\n".join(p.strip() for p in self.address_edit.text().split("|") if p.strip()) or None

    def sent_on(self) -> dt.date:
        return pydate(self.date_edit.date())

    def number(self) -> str | None:
        return self.number_edit.text().strip() or None

    def accept(self) -> None:
        if self.sent_on() > self.today:
            self.error_label.setText(tr("The dispatch date cannot be in the future."))
            self.error_label.show()
            return
        super().accept()


def dispatch_dialog(
    register: Any, case: Case, today: dt.date, parent: QWidget | None = None
) -> DispatchDialog:
    """The dispatch form with the addresses on file: the e-mail a reply goes to, and the postal block."""
    from ...services import mail_out

    try:
        email = mail_out.recipient_address(register, case)
    except DsarError:
        email = ""
    postal = (
        (case.requester_address if case.capacity != Capacity.SELF else None) or case.subject.address or ""
    )
    return DispatchDialog(case.ref, today, case.electronic, parent, email=email, postal=postal)


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
