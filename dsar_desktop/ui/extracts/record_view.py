"""One matched row, field by field, where staff redact a whole field or part of a free text, each with a reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import extracts as service
from ...services.office import Office
from ..cases.labels import moment_day_text
from ..dialogs import Dialogs
from ..i18n import QT_TR_NOOP, tr
from ..style import plain_label, role_label, set_role
from .models import status_text

REDACTION_LABELS = {
    "third_party": QT_TR_NOOP("Another person's data (Art. 15(4))"),
    "trade_secret": QT_TR_NOOP("Trade secret or intellectual property"),
    "legal_privilege": QT_TR_NOOP("Legal privilege"),
    "security": QT_TR_NOOP("Security of the systems"),
    "other": QT_TR_NOOP("Other reason"),
}


def python_span(value: str, start: int, end: int) -> tuple[int, int]:
    """Qt text positions count UTF-16 code units; the service counts Python characters."""

    def convert(position: int) -> int:
        return len(value.encode("utf-16-le")[: position * 2].decode("utf-16-le", errors="ignore"))

    return convert(start), convert(end)


class RedactionDialog(QDialog):
    """Grounds (a code) and a written reason for one redaction; refuses an empty reason."""

    def __init__(self, field_name: str, text: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Redact with a reason"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        shown = (
            tr("The whole field “{field}”", field=field_name)
            if text is None
            else tr("In “{field}”: “{text}”", field=field_name, text=text)
        )
        self.what = plain_label(shown)  # quotes the file's own text
        form.addRow(tr("What is withheld"), self.what)
        self.code = QComboBox()
        for code in service.REDACTION_CODES:
            self.code.addItem(tr(REDACTION_LABELS.get(code, code)), code)
        form.addRow(tr("Grounds"), self.code)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("e.g. the name and phone of the subject's sister"))
        form.addRow(tr("Reason (kept with the redaction, shown in the case)"), self.reason)
        self.problem = role_label("", "error")
        self.problem.hide()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.addButton(tr("Redact"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def set_answer(self, code: str, reason: str) -> None:
        self.code.setCurrentIndex(max(0, self.code.findData(code)))
        self.reason.setText(reason)

    def chosen_code(self) -> str:
        return str(self.code.currentData())

    def accept(self) -> None:
        if not self.reason.text().strip():
            self.problem.setText(tr("Write the reason for this redaction."))
            self.problem.show()
            return
        super().accept()


class RecordView(QWidget):
    """The selected match's row: fields, the value being read, the redaction buttons and the redactions made."""

    redacted = Signal(int)

    def __init__(self, register: Office, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.match: service.MatchView | None = None
        self.last_dialog: RedactionDialog | None = None
        self._build()
        self._connect()
        self.set_match(None)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = plain_label()  # names the file as it was called
        layout.addWidget(self.title)
        body = QHBoxLayout()
        self.fields = QTableWidget(0, 2)
        self.fields.setHorizontalHeaderLabels([tr("Field"), tr("Value")])
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fields.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.fields.verticalHeader().hide()
        self.fields.verticalHeader().setDefaultSectionSize(24)
        self.fields.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fields.setColumnWidth(0, 120)
        body.addWidget(self.fields, 1)
        right = QVBoxLayout()
        self.hint = role_label(
            tr("Select part of the value below, then “Redact the selected text…”."), "muted"
        )
        right.addWidget(self.hint)
        self.value = QPlainTextEdit()
        self.value.setReadOnly(True)
        self.value.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        right.addWidget(self.value, 1)
        self.redact_field_button = QPushButton(tr("Redact the whole field…"))
        self.redact_text_button = QPushButton(tr("Redact the selected text…"))
        right.addWidget(self.redact_text_button)
        right.addWidget(self.redact_field_button)
        body.addLayout(right, 1)
        layout.addLayout(body, 1)
        layout.addWidget(QLabel(tr("Redactions of this row")))
        self.redactions = QListWidget()
        self.redactions.setWordWrap(True)
        self.redactions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.redactions.setMaximumHeight(64)
        layout.addWidget(self.redactions)

    def _connect(self) -> None:
        self.fields.itemSelectionChanged.connect(self._on_field_selected)
        self.redact_field_button.clicked.connect(self._on_redact_field)
        self.redact_text_button.clicked.connect(self._on_redact_text)

    # ---- showing -----------------------------------------------------------------------
    def set_match(self, match: service.MatchView | None) -> None:
        keep = self.current_field()
        self.match = match
        self.fields.setRowCount(0)
        self.value.setPlainText("")
        self.redactions.clear()
        usable = match is not None and match.record is not None
        for widget in (self.redact_field_button, self.redact_text_button, self.value):
            widget.setEnabled(usable)
        if match is None:
            self.title.setText(tr("Choose a match in the table to see its row."))
            set_role(self.title, "muted")
            return
        self.title.setText(tr("Row {row} of {file} — {status}", row=match.row, file=match.file,
                              status=status_text(match.status)))  # fmt: skip
        set_role(self.title, "")
        if match.record is None:
            self.title.setText(tr("This row was rejected: it is no longer kept in the register."))
            set_role(self.title, "muted")
            return
        redacted_fields = {r["field"] for r in match.redactions}
        for name, value in match.record.items():
            row = self.fields.rowCount()
            self.fields.insertRow(row)
            key = QTableWidgetItem(("✂ " if name in redacted_fields else "") + name)
            key.setData(Qt.ItemDataRole.UserRole, name)
            self.fields.setItem(row, 0, key)
            self.fields.setItem(row, 1, QTableWidgetItem((value or "").replace("\n", " ⏎ ")))
        for redaction in match.redactions:
            self.redactions.addItem(self._redaction_text(redaction))
        if not match.redactions:
            self.redactions.addItem(tr("No redaction."))
        self.select_field(keep or (next(iter(match.record), None)))

    def _redaction_text(self, r: dict[str, Any]) -> str:
        facts = {
            "field": r["field"],
            "code": tr(REDACTION_LABELS.get(r["code"], r["code"])),
            "reason": r["reason"],
            "who": r["actor"],
            "when": moment_day_text(str(r["created_at"])),
        }
        if r["scope"] == "field":
            return tr("{field}: whole field — {code}: {reason} ({who}, {when})", **facts)
        return tr(
            "{field}: %n character(s) at position {position} — {code}: {reason} ({who}, {when})", "",
            r["removed_chars"], position=r["position"], **facts,
        )  # fmt: skip

    def select_field(self, name: str | None) -> None:
        for row in range(self.fields.rowCount()):
            item = self.fields.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == name:
                self.fields.selectRow(row)
                return

    def current_field(self) -> str | None:
        rows = self.fields.selectionModel().selectedRows() if self.fields.selectionModel() else []
        if not rows:
            return None
        item = self.fields.item(rows[0].row(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _on_field_selected(self) -> None:
        name = self.current_field()
        record = self.match.record if self.match and self.match.record else {}
        self.value.setPlainText(record.get(name, "") if name else "")

    def select_text(self, start: int, end: int) -> None:
        """Select characters [start, end) of the shown value (as a person would with the mouse)."""
        cursor = self.value.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        self.value.setTextCursor(cursor)

    # ---- redacting ---------------------------------------------------------------------
    def _ask(self, field_name: str, text: str | None) -> tuple[str, str] | None:
        dialog = RedactionDialog(field_name, text, self)
        self.last_dialog = dialog
        if not self.dialogs.run(dialog):
            return None
        return dialog.chosen_code(), dialog.reason.text().strip()

    def _on_redact_field(self) -> None:
        name = self.current_field()
        if self.match is None or name is None:
            self.dialogs.warn(self, tr("Choose a field first."))
            return
        answer = self._ask(name, None)
        if answer is None:
            return
        try:
            service.redact_field(self.register, self.match.id, name, answer[1], answer[0])
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.dialogs.error(self, exc)
            return
        self.redacted.emit(self.match.id)

    def _on_redact_text(self) -> None:
        name = self.current_field()
        cursor = self.value.textCursor()
        if self.match is None or name is None or self.match.record is None:
            self.dialogs.warn(self, tr("Choose a field first."))
            return
        if not cursor.hasSelection():
            self.dialogs.warn(self, tr("Select the text to redact in the value first."))
            return
        value = self.match.record.get(name, "")
        start, end = python_span(value, cursor.selectionStart(), cursor.selectionEnd())
        answer = self._ask(name, value[start:end])
        if answer is None:
            return
        try:
            service.redact_text(self.register, self.match.id, name, answer[1], answer[0], span=(start, end))
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.dialogs.error(self, exc)
            return
        self.redacted.emit(self.match.id)
