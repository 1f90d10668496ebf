"""The first-run wizard: location, first slot, the recovery key shown once (and printed), and what it unlocks."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWizard

from dsar_desktop.security.keyslots import normalise_recovery_key
from dsar_desktop.services import register as register_service
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.first_run import FirstRunWizard, grouped_key
from dsar_desktop.ui.shell import Shell
from dsar_desktop.ui.unlock import UnlockDialog
from dsar_desktop.ui.workers import ImmediateRunner

PASSPHRASE = "correct horse battery staple"  # as in conftest


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("fr")


def fill_slot_page(wizard: FirstRunWizard, label: str = "alice", passphrase: str = PASSPHRASE) -> None:
    page = wizard.slot_page
    page.label_edit.setText(label)
    page.fields.first.setText(passphrase)
    page.fields.second.setText(passphrase)


def test_the_wizard_creates_a_register_whose_recovery_key_unlocks_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.dsar"
    wizard = FirstRunWizard(ScriptedDialogs(), path, "alice")
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.location_page.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.slot_page
    assert wizard.slot_page.isCommitPage()
    fill_slot_page(wizard)
    with qtbot.waitSignal(wizard.register_created):
        wizard.next()
    assert wizard.currentPage() is wizard.recovery_page
    assert wizard.register is not None and path.exists()
    key = wizard.recovery_key
    assert key is not None and normalise_recovery_key(key) == key
    view = wizard.recovery_page.view
    assert view is not None
    # Shown in two lines of four groups, in a monospace font, and only the confirmation lets the wizard finish.
    assert view.key_label.text() == grouped_key(key)
    assert view.key_label.text().count("\n") == 1 and key.split("-")[0] in view.key_label.text()
    assert (
        view.key_label.font().fixedPitch()
        or view.key_label.font().styleHint() == view.key_label.font().StyleHint.Monospace
    )
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.reject()  # cannot walk away from an unconfirmed key
    assert wizard.isVisible()
    view.confirm_check.setChecked(True)
    assert finish.isEnabled()
    finish.click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    wizard.register.close()

    # The recovery key, typed loosely, unlocks the register; so does the passphrase.
    loose = key.lower().replace("-", " ")
    with register_service.unlock_register(path, loose) as register:
        assert register.actor == "recovery"
    with register_service.unlock_register(path, PASSPHRASE, "alice") as register:
        assert register.actor == "alice"


def test_the_slot_page_waits_for_a_long_enough_matching_passphrase(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(ScriptedDialogs(), tmp_path / "x.dsar", "alice")
    qtbot.addWidget(wizard)
    fields = wizard.slot_page.fields
    fields.first.setText("short")
    assert fields.hint.text() == "Too short: 5 of at least 12 characters."
    assert fields.level() == "weak" and fields.meter.value() == 0
    assert not wizard.slot_page.isComplete()
    fields.first.setText(PASSPHRASE)
    fields.second.setText(PASSPHRASE + "x")
    assert fields.hint.text() == "The two passphrases are different."
    assert not wizard.slot_page.isComplete()
    fields.second.setText(PASSPHRASE)
    assert wizard.slot_page.isComplete()
    wizard.slot_page.label_edit.setText("  ")
    assert not wizard.slot_page.isComplete()


def test_an_existing_register_location_is_refused(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "taken.dsar"
    register_service.create_register(path, "alice", PASSPHRASE).register.close()
    wizard = FirstRunWizard(ScriptedDialogs(), path, "bob")
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.location_page.isComplete()
    assert wizard.location_page.problem.isVisible()
    dialogs = wizard.dialogs
    assert isinstance(dialogs, ScriptedDialogs)
    dialogs.answers.append(str(tmp_path / "fresh"))
    wizard.location_page.browse_button.click()
    assert wizard.location_page.isComplete()
    assert wizard.path() == tmp_path / "fresh.dsar"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_print_the_recovery_key_sends_a_readable_sheet(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "sheet.pdf"

    def to_pdf(parent: object) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return printer

    dialogs = ScriptedDialogs()
    wizard = FirstRunWizard(dialogs, tmp_path / "office.dsar", "alice", chooser=to_pdf)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    fill_slot_page(wizard)
    wizard.next()
    view = wizard.recovery_page.view
    assert view is not None and wizard.recovery_key is not None
    view.print_button.click()
    assert dialogs.shown[-1] == ("info", "The recovery key was sent to the printer.")
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = unicodedata.normalize("NFKC", raw)  # the body font sets "ffi" as one ligature glyph
    for group in wizard.recovery_key.split("-"):
        assert group in text
    assert "office.dsar" in text and "safe" in text
    assert wizard.register is not None
    wizard.register.close()


def test_a_cancelled_print_dialog_prints_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    wizard = FirstRunWizard(dialogs, tmp_path / "office.dsar", "alice", chooser=lambda parent: None)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    fill_slot_page(wizard)
    wizard.next()
    assert wizard.recovery_page.view is not None
    wizard.recovery_page.view.print_button.click()
    assert dialogs.shown == []
    assert wizard.register is not None
    wizard.register.close()


def test_create_from_the_unlock_dialog_goes_straight_into_the_new_register(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "first.dsar"
    shell = Shell(ScriptedDialogs(), ImmediateRunner(), path, forced_language="en")
    qtbot.addWidget(shell.window)
    shell.start()
    # No register there: the wizard opens by itself.
    qtbot.waitUntil(lambda: shell.unlock_dialog is not None and shell.unlock_dialog.wizard is not None)
    dialog = shell.unlock_dialog
    assert isinstance(dialog, UnlockDialog) and dialog.wizard is not None
    wizard = dialog.wizard
    assert wizard.path() == path
    wizard.next()
    fill_slot_page(wizard, "bob")
    wizard.next()
    assert wizard.recovery_page.view is not None
    wizard.recovery_page.view.confirm_check.setChecked(True)
    with qtbot.waitSignal(shell.unlocked):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert shell.register is not None and shell.register.actor == "bob"
    assert not shell.window.is_locked()
    shell.quit()
