"""A case's Request tab: the request as the person wrote it (plain text), its attachments, the ID document
handed to the ID check, and "Prepare e-mail" for the letters that go back by e-mail."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.mail import ID_MEDIA_TYPES
from ...services import mail_in
from .. import style
from ..i18n import language, tr
from .drafts import KIND_TITLES, open_in_mail_client, prepare_draft
from .intake_box import MAIL_FILTER


class RequestPanel(QWidget):
    """The request's messages and text; attachments; drafts to the requester."""

    case_changed = Signal(str)

    def __init__(
        self, register: Any, dialogs: Any, runner: Any, ref: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.runner = runner
        self.ref = ref
        self.opener = open_in_mail_client  # tests replace it
        self.stored: list[mail_in.StoredMessage] = []
        self._build()
        self._connect()
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        layout.addWidget(self.text_view, 3)
        self.empty_box = QGroupBox(tr("No message is kept for this request"))
        empty = QVBoxLayout(self.empty_box)
        empty.addWidget(
            style.role_label(
                tr(
                    "Keep the e-mail it came in, or type the text of the letter or call: it is the request itself."
                ),
                "muted",
            )
        )
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        empty.addWidget(self.text_edit)
        row = QHBoxLayout()
        self.save_text_button = QPushButton(tr("Keep this text"))
        self.attach_mail_button = QPushButton(tr("Keep an e-mail (.eml, .msg)…"))
        row.addWidget(self.save_text_button)
        row.addWidget(self.attach_mail_button)
        row.addStretch(1)
        empty.addLayout(row)
        layout.addWidget(self.empty_box)

        files = QGroupBox(tr("Attachments"))
        files_layout = QVBoxLayout(files)
        self.attachments = QListWidget()
        self.attachments.setMaximumHeight(110)
        files_layout.addWidget(self.attachments)
        self.id_check_button = QPushButton(tr("Send to the ID check"))
        files_layout.addWidget(
            style.role_label(
                tr(
                    "An ID document goes to the ID check, where it is checked like a scan and destroyed after the "
                    "decision; its copy here, and the original file that holds it, are deleted at once."
                ),
                "muted",
            )
        )
        files_layout.addWidget(self.id_check_button)
        layout.addWidget(files)

        mail = QGroupBox(tr("Answer by e-mail"))
        mail_row = QHBoxLayout(mail)
        self.kind_combo = QComboBox()
        for kind, title in KIND_TITLES.items():
            self.kind_combo.addItem(tr(title), kind)
        self.draft_button = QPushButton(tr("Prepare e-mail…"))
        mail_row.addWidget(self.kind_combo, 1)
        mail_row.addWidget(self.draft_button)
        layout.addWidget(mail)

    def _connect(self) -> None:
        self.save_text_button.clicked.connect(self._on_save_text)
        self.attach_mail_button.clicked.connect(self._on_attach_mail)
        self.attachments.currentItemChanged.connect(self._update_buttons)
        self.id_check_button.clicked.connect(self._on_id_check)
        self.draft_button.clicked.connect(self._on_draft)

    # ---- state ------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            self.stored = mail_in.messages(self.register, self.ref)
        except Exception as exc:  # noqa: BLE001
            self.dialogs.error(self, exc)
            return
        lang = language()
        self.text_view.setPlainText("\n\n────────\n\n".join(m.as_text(lang) for m in self.stored))
        self.text_view.setVisible(bool(self.stored))
        self.empty_box.setVisible(not self.stored)
        self.attachments.clear()
        for message in self.stored:
            for item in message.attachments:
                text = f"{item.name} — {item.media_type}, {item.size // 1024 + 1} {'Ko' if lang == 'fr' else 'KB'}"
                if item.scan_id is not None:
                    text += " — " + tr("sent to the ID check")
                elif item.looks_like_id:
                    text += " — " + tr("looks like an ID document")
                entry = QListWidgetItem(text)
                entry.setData(Qt.ItemDataRole.UserRole, item)
                self.attachments.addItem(entry)
        self._update_buttons()

    def reload(self) -> None:
        self.refresh()

    def selected_attachment(self) -> mail_in.StoredAttachment | None:
        item = self.attachments.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, mail_in.StoredAttachment) else None

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.selected_attachment()
        self.id_check_button.setEnabled(
            chosen is not None and chosen.available and chosen.media_type in ID_MEDIA_TYPES
        )

    # ---- actions ----------------------------------------------------------------------
    def _on_save_text(self) -> None:
        try:
            mail_in.set_request_text(self.register, self.ref, self.text_edit.toPlainText())
        except Exception as exc:  # noqa: BLE001
            self.dialogs.error(self, exc)
            return
        self.text_edit.clear()
        self.refresh()
        self.case_changed.emit(self.ref)

    def _on_attach_mail(self) -> None:
        path = self.dialogs.open_file(self, tr("Open an e-mail"), tr(MAIL_FILTER))
        if path is None:
            return
        try:
            mail_in.attach_message(self.register, self.ref, mail_in.read_file(Path(path)))
        except Exception as exc:  # noqa: BLE001
            self.dialogs.error(self, exc)
            return
        self.refresh()
        self.case_changed.emit(self.ref)

    def _on_id_check(self) -> None:
        chosen = self.selected_attachment()
        if chosen is None:
            return
        if not self.dialogs.confirm(
            self,
            tr(
                "Send {name} to the ID check? It is checked there like a scan and destroyed after the decision; "
                "its copy with the message, and the original file, are deleted now.",
                name=chosen.name,
            ),
        ):
            return
        try:
            mail_in.send_attachment_to_id_check(self.register, self.ref, chosen.id)
        except Exception as exc:  # noqa: BLE001 - a refused scan changes nothing
            self.dialogs.error(self, exc)
            return
        self.refresh()
        self.case_changed.emit(self.ref)

    def _on_draft(self) -> None:
        kind = str(self.kind_combo.currentData())
        if prepare_draft(self, self.register, self.dialogs, self.ref, kind, opener=self.opener) is not None:
            self.case_changed.emit(self.ref)
