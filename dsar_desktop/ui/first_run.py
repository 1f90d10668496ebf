"""First-run wizard: where the register lives, the first key slot, and the recovery key shown once to write down."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..domain.errors import describe
from ..services import register as register_service
from ..services.office import Office
from . import style
from .dialogs import Dialogs
from .i18n import language, tr
from .passphrase import PassphraseFields


def grouped_key(key: str) -> str:
    """The recovery key as two lines of four groups, the way it is easiest to copy by hand."""
    groups = [g for g in key.replace(" ", "-").split("-") if g]
    half = (len(groups) + 1) // 2
    return "   ".join(groups[:half]) + "\n" + "   ".join(groups[half:])


# ---- printing -----------------------------------------------------------------
def recovery_sheet_html(key: str, register_name: str, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    lines = "<br>".join(html.escape(line) for line in grouped_key(key).splitlines())
    title = tr("DSAR Desktop — recovery key")
    register_line = tr("Register: {name}", name=register_name)
    created = tr("Created on {date}", date=today.isoformat())
    warning = tr(
        "Anyone holding this key and the register file can read the whole register. Keep this sheet in a safe; "
        "never store it beside the computer or in an e-mail."
    )
    usage = tr(
        "To use it: in the unlock window, type it in the passphrase field (dashes and spaces do not matter)."
    )
    return (
        f"<h2>{html.escape(title)}</h2>"
        f"<p>{html.escape(register_line)}<br>"
        f"{html.escape(created)}</p>"
        f"<p style='font-family: monospace; font-size: 22pt; margin: 24pt 0;'>{lines}</p>"
        f"<p>{html.escape(warning)}</p>"
        f"<p>{html.escape(usage)}</p>"
    )


def print_recovery_sheet(printer: QPrinter, key: str, register_name: str) -> None:
    document = QTextDocument()
    document.setHtml(recovery_sheet_html(key, register_name))
    document.print_(printer)


def choose_printer(parent: QWidget | None) -> QPrinter | None:
    """The system print dialog; None when the person cancels it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


PrinterChooser = Callable[[QWidget | None], QPrinter | None]


# ---- reusable widgets -----------------------------------------------------------
class RecoveryKeyView(QWidget):
    """The recovery key in large monospace groups, a print button, and the 'written down' confirmation."""

    confirmed_changed = Signal(bool)

    def __init__(
        self, key: str, register_name: str, dialogs: Dialogs, chooser: PrinterChooser = choose_printer,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.key = key
        self.register_name = register_name
        self.dialogs = dialogs
        self.chooser = chooser
        self.key_label = QLabel(grouped_key(key))
        self.key_label.setFont(style.monospace_font(22))
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName(tr("Recovery key"))
        style.set_role(self.key_label, "secret")
        self.print_button = QPushButton(tr("Print the recovery key"))
        self.confirm_check = QCheckBox(
            tr("I have written down or printed the recovery key and put it in a safe place.")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            style.role_label(
                tr(
                    "This key opens the register if every passphrase is forgotten. It is shown only now and is "
                    "stored nowhere. Write it on paper or print it, and keep it in a safe, away from the computer."
                ),
                "warning",
            )
        )
        layout.addSpacing(8)
        layout.addWidget(self.key_label)
        row = QHBoxLayout()
        row.addWidget(style.role_label(tr("Register: {name}", name=register_name), "muted"), 1)
        row.addWidget(self.print_button)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(self.confirm_check)
        layout.addStretch(1)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.confirm_check.toggled.connect(self.confirmed_changed)

    def confirmed(self) -> bool:
        return self.confirm_check.isChecked()

    def _on_print_clicked(self) -> None:
        try:
            printer = self.chooser(self)
            if printer is None:
                return
            print_recovery_sheet(printer, self.key, self.register_name)
        except Exception as exc:  # noqa: BLE001 - a printing failure is shown, never a traceback
            self.dialogs.error(self, exc)
            return
        self.dialogs.info(self, tr("The recovery key was sent to the printer."))


class RecoveryKeyDialog(QDialog):
    """Shows a replaced recovery key once (from the key slots dialog)."""

    def __init__(
        self, key: str, register_name: str, dialogs: Dialogs, chooser: PrinterChooser = choose_printer,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(tr("New recovery key"))
        self.view = RecoveryKeyView(key, register_name, dialogs, chooser)
        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(style.role_label(tr("The previous recovery key no longer works."), "note"))
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.view.confirmed_changed.connect(self.close_button.setEnabled)
        buttons.accepted.connect(self.accept)

    def reject(self) -> None:
        # The key is shown once: closing without confirming would lose it.
        if self.view.confirmed():
            super().reject()


# ---- the wizard -------------------------------------------------------------------
class LocationPage(QWizardPage):
    def __init__(self, dialogs: Dialogs, suggested: Path) -> None:
        super().__init__()
        self.dialogs = dialogs
        self.setTitle(tr("Where the register is kept"))
        self.path_edit = QLineEdit(str(suggested))
        self.browse_button = QPushButton(tr("Choose…"))
        self.problem = style.role_label("", "error")
        self.problem.hide()
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(tr("Register file"), row)
        layout = QVBoxLayout(self)
        layout.addWidget(
            style.role_label(
                tr(
                    "The register is one encrypted file. Keep it on a disk that is backed up; a copy is also "
                    "written to a 'backups' folder beside it each time the application closes."
                ),
                "muted",
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.path_edit.textChanged.connect(self._on_path_changed)
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self._on_path_changed()

    def path(self) -> Path:
        text = self.path_edit.text().strip()
        path = Path(text).expanduser()
        return path if path.suffix else path.with_suffix(".dsar")

    def _taken(self) -> bool:
        path = self.path()
        return (path.exists() and path.stat().st_size > 0) or Path(str(path) + ".keys").exists()

    def _on_path_changed(self, _text: str = "") -> None:
        taken = bool(self.path_edit.text().strip()) and self._taken()
        self.problem.setText(tr("A register already exists at this location; choose another file name."))
        self.problem.setVisible(taken)
        self.completeChanged.emit()

    def _on_browse_clicked(self) -> None:
        chosen = self.dialogs.save_file(
            self, tr("Where to create the register"), str(self.path()), tr("DSAR register (*.dsar)")
        )
        if chosen is not None:
            self.path_edit.setText(str(chosen))

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip()) and not self._taken()


class SlotPage(QWizardPage):
    """The first slot; leaving this page creates the register (a commit page: no way back)."""

    def __init__(self, wizard: FirstRunWizard, default_label: str) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Your key slot"))
        self.setCommitPage(True)
        self.label_edit = QLineEdit(default_label)
        self.fields = PassphraseFields()
        self.problem = style.role_label("", "error")
        self.problem.hide()
        self.fields.form.insertRow(0, tr("Your name (key slot)"), self.label_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(
            style.role_label(
                tr(
                    "Each member of staff has their own slot: a name and a passphrase. The name appears in the "
                    "audit log next to everything done with it."
                ),
                "muted",
            )
        )
        layout.addWidget(self.fields)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.label_edit.textChanged.connect(self.completeChanged)
        self.fields.changed.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.label_edit.text().strip()) and self.fields.valid()

    def validatePage(self) -> bool:
        try:
            self._wizard.create(self.label_edit.text().strip(), self.fields.passphrase())
        except Exception as exc:  # noqa: BLE001 - shown on the page, the person can correct and retry
            self.problem.setText(describe(exc, language()))
            self.problem.show()
            return False
        return True


class RecoveryPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Write down the recovery key"))
        self.view: RecoveryKeyView | None = None
        self._layout = QVBoxLayout(self)

    def initializePage(self) -> None:
        if self.view is None and self._wizard.recovery_key:
            self.view = RecoveryKeyView(
                self._wizard.recovery_key,
                self._wizard.path().name,
                self._wizard.dialogs,
                self._wizard.chooser,
            )
            self.view.confirmed_changed.connect(self.completeChanged)
            self._layout.addWidget(self.view)

    def isComplete(self) -> bool:
        return self.view is not None and self.view.confirmed()


class FirstRunWizard(QWizard):
    """Creates a register. On success `register` is the open register and `recovery_key` was shown once."""

    register_created = Signal(object)

    def __init__(
        self, dialogs: Dialogs, suggested_path: Path, default_label: str | None = None,
        chooser: PrinterChooser = choose_printer, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.dialogs = dialogs
        self.chooser = chooser
        self.register: Office | None = None
        self.recovery_key: str | None = None
        self.setWindowTitle(tr("Create a new register"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.location_page = LocationPage(dialogs, suggested_path)
        self.slot_page = SlotPage(self, default_label or register_service.default_actor())
        self.recovery_page = RecoveryPage(self)
        for button, text in (
            (QWizard.WizardButton.BackButton, tr("< Back")),
            (QWizard.WizardButton.NextButton, tr("Next >")),
            (QWizard.WizardButton.CommitButton, tr("Create the register")),
            (QWizard.WizardButton.FinishButton, tr("Finish")),
            (QWizard.WizardButton.CancelButton, tr("Cancel")),
        ):
            self.setButtonText(button, text)
        self.addPage(self.location_page)
        self.addPage(self.slot_page)
        self.addPage(self.recovery_page)
        self.resize(640, 480)

    def path(self) -> Path:
        return self.location_page.path()

    def create(self, label: str, passphrase: str) -> None:
        if self.register is not None:
            return
        created = register_service.create_register(self.path(), label, passphrase)
        self.register = Office.adopt(created.register)
        self.recovery_key = created.recovery_key
        self.register_created.emit(self.register)

    def reject(self) -> None:
        # Once the register exists the recovery key must be confirmed; there is no cancel after the commit page.
        if self.register is not None and not self.recovery_page.isComplete():
            return
        super().reject()
