"""One small service for message boxes and file dialogs, so tests answer them directly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from ..domain.errors import describe
from .i18n import language, tr


def error_line() -> QLabel:
    """The red line a form dialog shows under its fields when what was typed is refused."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #842029; font-weight: bold;")
    label.hide()
    return label


def add_ok_cancel(dialog: QDialog, layout: QBoxLayout) -> QDialogButtonBox:
    """The OK / Cancel footer of a form dialog, wired to accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return buttons


class Dialogs:
    """Real dialogs. Tests pass a `ScriptedDialogs` instead."""

    @staticmethod
    def _ask(
        parent: QWidget | None,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    ) -> int:
        """A message box whose sentence is plain text: it often carries a name from a file or a message, which
        Qt's guess would otherwise render as HTML (a file called "<b>cni</b>.png")."""
        box = QMessageBox(icon, title, text, buttons, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box.exec()

    def error(self, parent: QWidget | None, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else describe(error, language())
        self._ask(parent, QMessageBox.Icon.Critical, tr("Error"), text)

    def info(self, parent: QWidget | None, text: str, title: str | None = None) -> None:
        self._ask(parent, QMessageBox.Icon.Information, title or tr("Information"), text)

    def warn(self, parent: QWidget | None, text: str) -> None:
        self._ask(parent, QMessageBox.Icon.Warning, tr("Warning"), text)

    def confirm(self, parent: QWidget | None, text: str, title: str | None = None) -> bool:
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        answer = self._ask(parent, QMessageBox.Icon.Question, title or tr("Confirm"), text, yes | no)
        return answer == int(yes)

    def open_file(self, parent: QWidget | None, title: str, filters: str = "") -> Path | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return Path(path) if path else None

    def open_files(self, parent: QWidget | None, title: str, filters: str = "") -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return [Path(p) for p in paths]

    def save_file(
        self, parent: QWidget | None, title: str, suggested: str = "", filters: str = ""
    ) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return Path(path) if path else None

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None:
        path = QFileDialog.getExistingDirectory(parent, title)
        return Path(path) if path else None

    def ask_text(self, parent: QWidget | None, title: str, label: str, secret: bool = False) -> str | None:
        mode = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
        text, ok = QInputDialog.getText(parent, title, label, mode)
        return text if ok else None

    def run(self, dialog: QDialog) -> bool:
        """Show a form dialog modally; True when the person accepted it."""
        return dialog.exec() == QDialog.DialogCode.Accepted


class ScriptedDialogs(Dialogs):
    """Answers queued by a test; records every message shown."""

    def __init__(self) -> None:
        self.answers: list[object] = []
        self.shown: list[tuple[str, str]] = []

    def _next(self, default: object = None) -> object:
        return self.answers.pop(0) if self.answers else default

    def error(self, parent: QWidget | None, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else describe(error, language())
        self.shown.append(("error", text))

    def info(self, parent: QWidget | None, text: str, title: str | None = None) -> None:
        self.shown.append(("info", text))

    def warn(self, parent: QWidget | None, text: str) -> None:
        self.shown.append(("warn", text))

    def confirm(self, parent: QWidget | None, text: str, title: str | None = None) -> bool:
        self.shown.append(("confirm", text))
        return bool(self._next(True))

    def open_file(self, parent: QWidget | None, title: str, filters: str = "") -> Path | None:
        value = self._next()
        return Path(str(value)) if value else None

    def open_files(self, parent: QWidget | None, title: str, filters: str = "") -> list[Path]:
        value = self._next([])
        return [Path(str(v)) for v in value] if isinstance(value, list) else [Path(str(value))]

    def save_file(
        self, parent: QWidget | None, title: str, suggested: str = "", filters: str = ""
    ) -> Path | None:
        value = self._next()
        return Path(str(value)) if value else None

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None:
        value = self._next()
        return Path(str(value)) if value else None

    def ask_text(self, parent: QWidget | None, title: str, label: str, secret: bool = False) -> str | None:
        value = self._next()
        return None if value is None else str(value)

    def run(self, dialog: QDialog) -> bool:
        """The next answer fills the form (a callable taking the dialog), then OK is pressed.

        None or False cancels. The dialog's own `accept()` still validates: a form it refuses
        stays rejected and this returns False.
        """
        answer = self._next()
        self.shown.append(("dialog", dialog.windowTitle()))
        if answer is None or answer is False:
            dialog.reject()
            return False
        if callable(answer):
            answer(dialog)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted
