"""The intake form's "The request" box: open or drop an e-mail, paste one, and the request's own text.

Reading is the services' (`mail_in`); this box shows what was read — where the receipt moment
came from, what was left out, the attachments — and hands the `MailRead` to the form, which
fills its fields. The text is always plain text: an HTML message arrives here already stripped.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Cancelled
from ...services import mail_in
from .. import style
from ..i18n import QT_TR_NOOP, language, tr
from ..progress import run_job

MAIL_FILTER = QT_TR_NOOP("E-mail (*.eml *.msg)")


def dropped_mail_path(mime: QMimeData) -> Path | None:
    """The first local .eml/.msg file in a drop (Thunderbird, the file manager, Outlook's "save as" file)."""
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in (".eml", ".msg"):
            return Path(url.toLocalFile())
    return None


# A message dragged straight out of Outlook on Windows is no file: Windows hands over a FILEGROUPDESCRIPTORW
# (the item's file name) and its FileContents (the .msg bytes), which Qt names as below.
OUTLOOK_NAMES = 'application/x-qt-windows-mime;value="FileGroupDescriptorW"'
OUTLOOK_CONTENTS = 'application/x-qt-windows-mime;value="FileContents"'
_DESCRIPTOR_SIZE = 592  # FILEDESCRIPTORW: 72 bytes of flags, sizes and times, then WCHAR cFileName[260]
_NAME_OFFSET = 72


@dataclass(frozen=True)
class DraggedMessage:
    """A message dragged out of a mail client: its name and bytes; empty bytes when the client gave none."""

    name: str
    data: bytes


def descriptor_names(data: bytes) -> list[str]:
    """The file names in a FILEGROUPDESCRIPTORW (a count, then one 592-byte FILEDESCRIPTORW each)."""
    if len(data) < 4:
        return []
    (count,) = struct.unpack_from("<I", data)
    names = []
    for index in range(min(count, (len(data) - 4) // _DESCRIPTOR_SIZE)):
        start = 4 + index * _DESCRIPTOR_SIZE + _NAME_OFFSET
        raw = data[start : start + 520].decode("utf-16-le", errors="replace")
        names.append(raw.split("\0", 1)[0])
    return names


def _format(mime: QMimeData, wanted: str) -> str | None:
    """Qt spells the Windows format names with varying case; find the one the drop carries."""
    return next((fmt for fmt in mime.formats() if fmt.casefold() == wanted.casefold()), None)


def mail_drop(mime: QMimeData) -> Path | DraggedMessage | None:
    """What a drop brings: a local .eml/.msg file, or a message dragged straight out of Outlook (its name from
    the descriptor, its bytes from FileContents, perhaps empty); None for anything else."""
    path = dropped_mail_path(mime)
    if path is not None:
        return path
    names_format, contents_format = _format(mime, OUTLOOK_NAMES), _format(mime, OUTLOOK_CONTENTS)
    if names_format is None and contents_format is None:
        return None
    names = descriptor_names(bytes(mime.data(names_format).data())) if names_format else []
    name = Path(names[0]).name if names else "message.msg"  # Outlook names an item "<subject>.msg"
    if Path(name).suffix.lower() not in (".eml", ".msg"):
        return None  # an attachment dragged out of a message (a photo, a PDF) is not a request
    data = bytes(mime.data(contents_format).data()) if contents_format else b""
    return DraggedMessage(name, data)


def missing_contents_sentence(name: str) -> str:
    return tr(
        "The mail client did not hand over the message {name}. Save it from the mail client (as .msg or .eml), "
        "then drop the saved file or use “Open an e-mail”.",
        name=quoted(name),
    )


class DropHint(QLabel):
    """What the main window shows while an e-mail is dragged over it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setText(tr("Drop the e-mail here: a new request opens, filled from the message."))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet(
            "background: rgba(227, 238, 250, 235); color: #0b3a66; border: 3px dashed #2a6db0;"
            " border-radius: 12px; font-size: 20px; font-weight: bold; padding: 24px;"
        )
        self.hide()

    def cover(self, window: QWidget) -> None:
        self.setGeometry(window.rect().adjusted(24, 24, -24, -24))
        self.raise_()
        self.show()


def quoted(text: str) -> str:
    """A phrase quoted as each language writes it (French: « » with no-break spaces)."""
    return f"«\u00a0{text}\u00a0»" if language() == "fr" else f"“{text}”"


def looks_like_pasted_mail(text: str) -> bool:
    """Pasted text that starts with a sender line ("From:", "De :") is read as a whole e-mail."""
    head = text.lstrip()[:2000].casefold()
    return any(
        head.startswith(label) or f"\n{label}" in head for label in ("from:", "de :", "de:", "received:")
    )


class RequestTextEdit(QPlainTextEdit):
    """The request's text; pasting a whole e-mail (headers and text) here reads it instead of inserting it."""

    mail_pasted = Signal(str)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        text = source.text() if source.hasText() else ""
        if text and looks_like_pasted_mail(text):
            self.mail_pasted.emit(text)
            return
        super().insertFromMimeData(source)


class RequestBox(QGroupBox):
    """Open / paste an e-mail; what was read; the request's text."""

    mail_loaded = Signal(object)  # MailRead
    open_requested = Signal()

    def __init__(self, dialogs: Any, runner: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(tr("The request"), parent)
        self.dialogs = dialogs
        self.runner = runner
        self._job: Any = None
        self.mail: mail_in.MailRead | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.open_button = QPushButton(tr("Open an e-mail (.eml, .msg)…"))
        self.paste_button = QPushButton(tr("Paste an e-mail"))
        row.addWidget(self.open_button)
        row.addWidget(self.paste_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.hint = style.role_label(
            tr("Or drop the message here, or onto the main window. Its text stays with the request."), "muted"
        )
        layout.addWidget(self.hint)
        self.source_label = style.role_label("", "note")
        self.source_label.hide()
        layout.addWidget(self.source_label)
        self.notes_label = style.role_label("", "warning")
        self.notes_label.hide()
        layout.addWidget(self.notes_label)
        self.attachments_label = QLabel()
        self.attachments_label.setWordWrap(True)
        self.attachments_label.hide()
        layout.addWidget(self.attachments_label)
        # What a message says is shown as plain text, never interpreted as rich text (a name can hold markup).
        for label in (self.source_label, self.notes_label, self.attachments_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(QLabel(tr("Text of the request:")))
        self.text_edit = RequestTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(tr("Type or paste the request's text (a letter, a call, a visit)."))
        layout.addWidget(self.text_edit, 1)
        self.open_button.clicked.connect(self._on_open)
        self.paste_button.clicked.connect(self._on_paste_clipboard)
        self.text_edit.mail_pasted.connect(self.read_pasted)

    # ---- reading ----------------------------------------------------------------------
    def _on_open(self) -> None:
        path = self.dialogs.open_file(self, tr("Open an e-mail"), tr(MAIL_FILTER))
        if path is not None:
            self.read_file(Path(path))

    def _on_paste_clipboard(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.dialogs.warn(
                self, tr("The clipboard holds no text: copy the e-mail in the mail client first.")
            )
            return
        self.read_pasted(text)

    def read_file(self, path: Path) -> bool:
        return self._read(lambda: mail_in.read_file(path))

    def read_bytes(self, data: bytes, name: str) -> bool:
        return self._read(lambda: mail_in.read_bytes(data, name))

    def read_dropped(self, dropped: Path | DraggedMessage) -> bool:
        """A dropped file, or a message dragged out of a mail client; refused in one sentence when it came empty."""
        if isinstance(dropped, Path):
            return self.read_file(dropped)
        if not dropped.data:
            self.dialogs.warn(self, missing_contents_sentence(dropped.name))
            return False
        return self.read_bytes(dropped.data, dropped.name)

    def read_pasted(self, text: str) -> bool:
        return self._read(lambda: mail_in.read_pasted(text))

    def _read(self, read: Callable[[], mail_in.MailRead]) -> bool:
        """Parse off the GUI thread (a 30 MB message takes seconds); False once refused (one sentence shown).

        Parsing touches no register, so the worker shares nothing with the GUI thread."""
        outcome: dict[str, bool] = {}

        def finished(mail: mail_in.MailRead) -> None:
            outcome["ok"] = True
            self.show_mail(mail)

        def failed(error: BaseException) -> None:
            outcome["ok"] = False
            if not isinstance(error, Cancelled):
                self.dialogs.error(self, error)

        def job(progress: Any = None, cancel: Any = None) -> mail_in.MailRead:
            mail = read()
            if cancel is not None:
                cancel.raise_if_cancelled()
            return mail

        if self.runner is None:
            try:
                finished(job())
            except Exception as exc:  # noqa: BLE001 - one sentence; nothing was recorded
                failed(exc)
        else:
            # keep the job: its signals die with it, and the result would never arrive
            self._job = run_job(self, self.runner, job, tr("Reading the e-mail…"), finished, failed)
        return outcome.get("ok", True)  # still reading in the background: not refused (yet)

    # ---- showing ----------------------------------------------------------------------
    def show_mail(self, mail: mail_in.MailRead) -> None:
        self.mail = mail
        receipt = mail.receipt
        if receipt.at is not None:
            self.source_label.setText(
                tr(
                    "Received {paris} Paris time, from the {header} header: {text}",
                    paris=receipt.at.strftime("%d/%m/%Y %H:%M" if language() == "fr" else "%Y-%m-%d %H:%M"),
                    header=receipt.source,
                    text=receipt.header,
                )
            )
        else:
            self.source_label.setText(tr("No header gives the receipt moment: type it."))
        self.source_label.show()
        notes = [fr if language() == "fr" else en for en, fr in mail.notes]
        self.notes_label.setText("\n".join("⚠ " + n for n in notes))
        self.notes_label.setVisible(bool(notes))
        if mail.attachments:
            lines = []
            for item in mail.attachments:
                line = f"• {item.name} ({item.size // 1024 + 1} {'Ko' if language() == 'fr' else 'KB'})"
                if item.looks_like_id:
                    line += " — " + tr(
                        "looks like an ID document: send it to the ID check from the case's Request tab"
                    )
                lines.append(line)
            self.attachments_label.setText("\n".join(lines))
            self.attachments_label.show()
        else:
            self.attachments_label.hide()
        self.text_edit.setPlainText(mail.text)
        self.mail_loaded.emit(mail)

    def request_text(self) -> str:
        return self.text_edit.toPlainText().strip()
