"""The intake form: record a request in under a minute with the keyboard alone; live due dates; earlier requests.

One page, in the order a request is read: how and when it came, who asks, about whom, what
they ask. Enter moves to the next field (as Tab does); Ctrl+Enter, or Enter on the
"Record" button, records the request. The rights are check boxes with Alt shortcuts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import deadlines as dl
from ...domain.cases import Capacity, Channel, Person, Right
from ...domain.errors import InvalidInput
from ...services import cases as case_service
from ...services import mail_in
from ...services.office import Office
from ..dialogs import Dialogs
from ..fit import fit_to_screen, scrolling_column
from ..i18n import QT_TR_NOOP, language, tr
from ..mail.intake_box import DraggedMessage, RequestBox, mail_drop, quoted
from .labels import capacity_text, channel_text, date_text, right_text, status_text

RIGHT_CHECKBOX_TEXT = {
    Right.ACCESS: QT_TR_NOOP("&Access (Art. 15)"),
    Right.RECTIFICATION: QT_TR_NOOP("Recti&fication (Art. 16)"),
    Right.ERASURE: QT_TR_NOOP("&Erasure (Art. 17)"),
    Right.RESTRICTION: QT_TR_NOOP("Re&striction (Art. 18)"),
    Right.OBJECTION: QT_TR_NOOP("&Objection (Art. 21)"),
    Right.PORTABILITY: QT_TR_NOOP("&Portability (Art. 20)"),
    Right.CONSENT_WITHDRAWAL: QT_TR_NOOP("Consent &withdrawal (Art. 7(3))"),
}
NowProvider = Callable[[], dt.datetime]


def _now_paris() -> dt.datetime:
    return dt.datetime.now(dl.PARIS)


def parse_birth_date(text: str) -> dt.date | None:
    """'05/03/2001', '5.3.2001' or '2001-03-05'; None when empty; InvalidInput otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
        match = re.fullmatch(r"(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})", text)
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        pass
    raise InvalidInput(
        f"Date of birth '{text}' is not a date (DD/MM/YYYY).",
        f"La date de naissance « {text} » n'est pas une date (JJ/MM/AAAA).",
    )


class IntakeWizard(QDialog):
    """Records one request; emits `case_created(ref)` and closes."""

    case_created = Signal(str)

    def __init__(
        self,
        register: Office,
        dialogs: Dialogs,
        runner: Any = None,
        parent: QWidget | None = None,
        now_provider: NowProvider | None = None,
    ) -> None:
        if isinstance(runner, QWidget) and parent is None:  # IntakeWizard(register, dialogs, parent)
            runner, parent = None, runner
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.runner = runner
        self.now_provider = now_provider or _now_paris
        self.created_ref: str | None = None
        self.earlier: list[case_service.CaseRow] = []
        self._received_touched = False
        self._setting_received = False
        try:
            self.calendar: dl.Calendar = case_service.calendar_of(register)
        except Exception:  # noqa: BLE001 - the national calendar is the safe default
            self.calendar = "national"
        self.setWindowTitle(tr("New request"))
        self.setAcceptDrops(True)
        self.setMinimumWidth(560)
        self._build()
        self._connect()
        self._on_channel_changed()
        self._on_capacity_changed()
        self.channel_combo.setFocus()
        fit_to_screen(self)

    # ---- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        columns = QHBoxLayout(self)
        form_column = QVBoxLayout()
        columns.addLayout(form_column, 3)
        outer, footer = scrolling_column(form_column)  # 700 pixels high is not enough for the whole form
        # The request itself (an e-mail read, or the text typed) beside the form: wider, not taller.
        self.request_box = RequestBox(self.dialogs, self.runner)
        columns.addWidget(self.request_box, 2)
        arrival = QGroupBox(tr("How and when it arrived"))
        form = QFormLayout(arrival)
        self.channel_combo = QComboBox()
        for channel in Channel:
            self.channel_combo.addItem(channel_text(channel), channel.value)
        form.addRow(tr("Channel:"), self.channel_combo)
        self.received_edit = QDateTimeEdit()
        # Day first in French, ISO in English: never an ambiguous 03/05.
        self.received_edit.setDisplayFormat("dd/MM/yyyy HH:mm" if language() == "fr" else "yyyy-MM-dd HH:mm")
        self.received_edit.setCalendarPopup(True)
        form.addRow(tr("Received on:"), self.received_edit)
        outer.addWidget(arrival)

        who = QGroupBox(tr("Who is asking"))
        form = QFormLayout(who)
        self.capacity_combo = QComboBox()
        for capacity in Capacity:
            self.capacity_combo.addItem(capacity_text(capacity), capacity.value)
        form.addRow(tr("Requester is:"), self.capacity_combo)
        self.requester_name_edit = QLineEdit()
        form.addRow(tr("Requester's name:"), self.requester_name_edit)
        self.requester_email_edit = QLineEdit()
        form.addRow(tr("Requester's e-mail:"), self.requester_email_edit)
        outer.addWidget(who)

        subject = QGroupBox(tr("The data subject"))
        form = QFormLayout(subject)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Héloïse DUPRÉ")
        form.addRow(tr("Name (First LAST):"), self.name_edit)
        self.email_edit = QLineEdit()
        form.addRow(tr("E-mail:"), self.email_edit)
        self.phone_edit = QLineEdit()
        form.addRow(tr("Phone:"), self.phone_edit)
        self.dob_edit = QLineEdit()
        self.dob_edit.setPlaceholderText(tr("DD/MM/YYYY"))
        form.addRow(tr("Date of birth:"), self.dob_edit)
        self.address_edit = QPlainTextEdit()
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(60)
        form.addRow(tr("Postal address:"), self.address_edit)
        self.student_edit = QLineEdit()
        form.addRow(tr("Student number:"), self.student_edit)
        outer.addWidget(subject)

        asked = QGroupBox(tr("What is asked"))
        grid = QGridLayout(asked)
        self.right_boxes: dict[Right, QCheckBox] = {}
        for i, right in enumerate(Right):
            box = QCheckBox(tr(RIGHT_CHECKBOX_TEXT[right]))
            self.right_boxes[right] = box
            grid.addWidget(box, i // 2, i % 2)
        self.language_combo = QComboBox()
        self.language_combo.addItem(tr("French"), "fr")
        self.language_combo.addItem(tr("English"), "en")
        row = len(Right) // 2 + 1
        grid.addWidget(QLabel(tr("Language of the reply:")), row, 0)
        grid.addWidget(self.language_combo, row, 1)
        outer.addWidget(asked)
        self.suggested_label = QLabel()
        self.suggested_label.setTextFormat(Qt.TextFormat.PlainText)
        self.suggested_label.setWordWrap(True)
        self.suggested_label.hide()
        outer.addWidget(self.suggested_label)

        self.due_label = QLabel()
        self.due_label.setStyleSheet("font-weight: bold;")
        outer.addWidget(self.due_label)
        self.minor_label = QLabel(
            tr(
                "Under 15 on the day of receipt: a holder of parental authority acts, with proof (LIL art. 45)."
            )
        )
        self.minor_label.setWordWrap(True)
        self.minor_label.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px;")
        self.minor_label.hide()
        outer.addWidget(self.minor_label)
        self.earlier_label = QLabel()
        self.earlier_label.setWordWrap(True)
        self.earlier_label.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px;")
        self.earlier_label.hide()
        outer.addWidget(self.earlier_label)

        bottom = QHBoxLayout()
        hint = QLabel(tr("Enter: next field · Ctrl+Enter: record"))
        hint.setStyleSheet("color: #4a5560;")
        bottom.addWidget(hint)
        bottom.addStretch(1)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.record_button = QPushButton(tr("&Record the request"))
        self.record_button.setAutoDefault(False)
        self.cancel_button.setAutoDefault(False)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.record_button)
        footer.addLayout(bottom)

        order: list[QWidget] = [
            self.channel_combo, self.received_edit, self.capacity_combo, self.requester_name_edit,
            self.requester_email_edit, self.name_edit, self.email_edit, self.phone_edit, self.dob_edit,
            self.address_edit, self.student_edit, *self.right_boxes.values(), self.language_combo,
            self.record_button, self.cancel_button,
        ]  # fmt: skip
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        self.channel_combo.currentIndexChanged.connect(self._on_channel_changed)
        self.received_edit.dateTimeChanged.connect(self._on_received_changed)
        self.capacity_combo.currentIndexChanged.connect(self._on_capacity_changed)
        self.name_edit.editingFinished.connect(self._on_identity_edited)
        self.email_edit.editingFinished.connect(self._on_identity_edited)
        self.dob_edit.editingFinished.connect(self._on_dob_edited)
        self.record_button.clicked.connect(self.record)
        self.cancel_button.clicked.connect(self.reject)
        self.record_button.installEventFilter(self)
        self.request_box.mail_loaded.connect(self._on_mail_loaded)

    # ---- a request read from an e-mail -------------------------------------------------
    def load_mail_file(self, path: Path) -> bool:
        """Read a dropped or chosen .eml/.msg and fill the form (False, with one sentence shown, when refused)."""
        return self.request_box.read_file(path)

    def load_dropped(self, dropped: Path | DraggedMessage) -> bool:
        """A dropped file or a message dragged out of a mail client (False, one sentence shown, when refused)."""
        return self.request_box.read_dropped(dropped)

    def _on_mail_loaded(self, mail: mail_in.MailRead) -> None:
        """Fill the form from what was read; the person checks it (the rights especially) and records."""
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(Channel.EMAIL.value)))
        if mail.receipt.at is not None:
            at = mail.receipt.at.astimezone(dl.PARIS)
            self._setting_received = True
            self.received_edit.setMaximumDateTime(QDateTime(QDate(2200, 12, 31), QTime(23, 59)))
            self.received_edit.setDateTime(
                QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))
            )
            self._setting_received = False
            self._received_touched = True
            self._update_due()
        if mail.case_name:
            self.name_edit.setText(mail.case_name)
        if mail.sender_email:
            self.email_edit.setText(mail.sender_email)
        for right, box in self.right_boxes.items():
            box.setChecked(any(h.right == right for h in mail.rights))
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(mail.language)))
        if mail.rights:
            self.suggested_label.setText(
                tr(
                    "Rights suggested from the text, to confirm: {items}",
                    items="; ".join(f"{right_text(h.right)} ({quoted(h.phrase)})" for h in mail.rights),
                )
            )
        else:
            self.suggested_label.setText(tr("No right recognised in the text: tick the rights asked for."))
        self.suggested_label.show()
        self._on_identity_edited()
        self._show_duplicates(mail)

    def _show_duplicates(self, mail: mail_in.MailRead) -> None:
        try:
            dupes = mail_in.duplicates(self.register, mail)
        except Exception as exc:  # noqa: BLE001 - a warning only
            self.dialogs.error(self, exc)
            return
        same = [d.ref for d in dupes if d.why == "message_id"]
        if same:
            self.earlier_label.setText(
                "⚠ "
                + tr(
                    "This very message is already recorded in {refs}: do not record it twice.",
                    refs=", ".join(same),
                )
            )
            self.earlier_label.show()
        elif dupes and not self.earlier:
            self.earlier_label.setText(
                "⚠ "
                + tr(
                    "The same address already wrote: {refs}. Check whether this request repeats an earlier one.",
                    refs=", ".join(d.ref for d in dupes[:5]),
                )
            )
            self.earlier_label.show()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if mail_drop(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        dropped = mail_drop(event.mimeData())
        if dropped is not None:
            event.acceptProposedAction()
            self.load_dropped(dropped)

    # ---- keyboard -------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.record()
            else:
                self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if (
            watched is self.record_button
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.record()
            return True
        return super().eventFilter(watched, event)

    # ---- live feedback --------------------------------------------------------------
    def _on_channel_changed(self, *_args: object) -> None:
        if self._received_touched:
            return
        now = self.now_provider().astimezone(dl.PARIS)
        channel = Channel(self.channel_combo.currentData())
        if channel == Channel.POST:
            # a letter has a date of receipt, not a time: noon keeps it on that Paris day
            now = now.replace(hour=12, minute=0, second=0, microsecond=0)
        self._setting_received = True
        self.received_edit.setDateTime(
            QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
        )
        self.received_edit.setMaximumDateTime(QDateTime(QDate(now.year, now.month, now.day), QTime(23, 59)))
        self._setting_received = False
        self._update_due()

    def _on_received_changed(self, *_args: object) -> None:
        if not self._setting_received:
            self._received_touched = True
        self._update_due()
        self._on_dob_edited()

    def received_at(self) -> dt.datetime:
        value = self.received_edit.dateTime()
        d, t = value.date(), value.time()
        return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=dl.PARIS)

    def _update_due(self) -> None:
        received = dl.receipt_date(self.received_at())
        deadlines = dl.compute_deadlines(received, self.calendar, today=received)
        self.deadlines = deadlines
        self.due_label.setText(
            tr(
                "Legal due date (D1): {d1} · policy target: {t}",
                d1=date_text(deadlines.legal_due),
                t=date_text(deadlines.policy_target),
            )
        )
        self.due_label.setToolTip("\n".join(deadlines.explanation()))

    def _on_capacity_changed(self, *_args: object) -> None:
        acting_for = Capacity(self.capacity_combo.currentData()) != Capacity.SELF
        self.requester_name_edit.setEnabled(acting_for)
        self.requester_email_edit.setEnabled(acting_for)

    def _on_identity_edited(self) -> None:
        name, email = self.name_edit.text().strip(), self.email_edit.text().strip()
        if not name and not email:
            self.earlier = []
        else:
            try:
                self.earlier = case_service.earlier_requests(self.register, name, email or None)
            except Exception as exc:  # noqa: BLE001 - a warning only; never block the intake
                self.dialogs.error(self, exc)
                self.earlier = []
        if not self.earlier:
            self.earlier_label.hide()
            return
        items = "; ".join(
            f"{r.ref} ({date_text(r.received_date)}, {status_text(r.status).lower()})"
            for r in self.earlier[:5]
        )
        if len(self.earlier) > 5:
            items += f"; +{len(self.earlier) - 5}"
        self.earlier_label.setText(
            "⚠ "
            + tr(
                "Earlier request by the same person: {items}. Check whether this one repeats it (Art. 12(5)).",
                items=items,
            )
        )
        self.earlier_label.show()

    def _on_dob_edited(self) -> None:
        try:
            dob = parse_birth_date(self.dob_edit.text())
        except InvalidInput:
            self.minor_label.hide()
            return
        from ...domain import minors

        received = dl.receipt_date(self.received_at())
        self.minor_label.setVisible(bool(dob) and minors.needs_parental_authority(dob, received))

    # ---- recording ------------------------------------------------------------------
    def new_case(self) -> case_service.NewCase:
        capacity = Capacity(self.capacity_combo.currentData())
        acting_for = capacity != Capacity.SELF
        return case_service.NewCase(
            received_at=self.received_at(),
            channel=Channel(self.channel_combo.currentData()),
            rights=[r for r, box in self.right_boxes.items() if box.isChecked()],
            subject=Person(
                name=self.name_edit.text().strip(),
                email=self.email_edit.text().strip() or None,
                phone=self.phone_edit.text().strip() or None,
                dob=parse_birth_date(self.dob_edit.text()),
                address=self.address_edit.toPlainText().strip() or None,
                student_number=self.student_edit.text().strip() or None,
            ),
            language=str(self.language_combo.currentData()),
            requester_name=(self.requester_name_edit.text().strip() or None) if acting_for else None,
            capacity=capacity,
            requester_email=(self.requester_email_edit.text().strip() or None) if acting_for else None,
        )

    def record(self) -> str | None:
        """Validate and record; on success emit `case_created(ref)` and close. Returns the reference."""
        try:
            new = self.new_case()
            if case_service.received_in_future(new) and not self.dialogs.confirm(
                self, tr("The receipt date is in the future. Record the request anyway?")
            ):
                return None
            mail = self.request_box.mail
            if mail is not None:
                case = mail_in.add_case_from_mail(self.register, new, mail)
            else:
                case = mail_in.add_case_with_text(self.register, new, self.request_box.request_text())
        except Exception as exc:  # noqa: BLE001 - the core's refusal becomes one sentence
            self.dialogs.error(self, exc)
            return None
        self.created_ref = case.ref
        self.case_created.emit(case.ref)
        self.accept()
        return case.ref
