"""Letterhead and signature settings, the verify window on its own, and the Documents menu of the main window."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from dsar_desktop.services import certificates, letters, packs
from dsar_desktop.store.connection import Register
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.documents import LettersSettingsDialog, TemplateEditorDialog, VerifyPackWindow
from dsar_desktop.ui.workers import ImmediateRunner
from tests.conftest import make_case
from tests.cups_support import cups_pdf_out, needs_cups_pdf, wait_for_pdf
from tests.test_sign_seal import _ca_and_leaf
from tests.test_ui_documents_pack import FakePrinter
from tests.ui_documents_support import ready_case


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def settings(qtbot, register: Register) -> tuple[LettersSettingsDialog, ScriptedDialogs]:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    dialog = LettersSettingsDialog(register, dialogs)
    qtbot.addWidget(dialog)
    return dialog, dialogs


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 40), (29, 79, 115)).save(out, "PNG")
    return out.getvalue()


def test_letterhead_is_prefilled_edited_and_refused_without_email(
    qtbot, register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog, dialogs = settings(qtbot, register)
    assert dialog.organisation_edit.text() == "CESI" and dialog.email_edit.text() == "cil@cesi.fr"
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_bytes())
    dialogs.answers.append(str(logo))
    dialog._on_choose_logo()
    assert not dialog.logo_label.pixmap().isNull()
    dialog.organisation_edit.setText("École Œcuménique")
    dialog.lines_edit.setPlainText("DPO\n1 rue de l’Église\n\n75001 PARIS")
    assert dialog.save_letterhead()
    head = letters.letterhead(register)
    assert head.organisation == "École Œcuménique" and head.lines == (
        "DPO",
        "1 rue de l’Église",
        "75001 PARIS",
    )
    assert head.logo_png == logo.read_bytes()

    dialog.email_edit.setText("")
    assert not dialog.save_letterhead()
    assert dialogs.shown[-1] == (
        "error",
        "The letterhead needs the organisation's name and a contact e-mail.",
    )
    text = tmp_path / "not-a-logo.png"
    text.write_text("hello")
    dialogs.answers.append(str(text))
    dialog._on_choose_logo()
    assert dialogs.shown[-1] == ("error", "The logo must be a PNG image.")


def test_envelope_offset_and_calibration_page(qtbot, register: Register, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog, dialogs = settings(qtbot, register)
    dialog.right_spin.setValue(2.5)
    dialog.down_spin.setValue(-1.0)
    out = tmp_path / "calibration.pdf"
    dialogs.answers.append(str(out))
    dialog._on_save_calibration()
    offset = letters.envelope_offset(register)
    assert (offset.right_mm, offset.down_mm) == (2.5, -1.0)
    assert out.read_bytes().startswith(b"%PDF")
    office = FakePrinter("Office")
    dialog.ask_printer = lambda parent: office  # type: ignore[assignment,return-value]
    dialog.calibration_button.click()
    assert len(office.jobs) == 1 and office.jobs[0][0].startswith(b"%PDF")
    assert office.jobs[0][1] == "DSAR calibration"  # the queue shows no personal data
    assert dialogs.shown[-1] == ("info", "Calibration page sent to Office.")
    assert register.query_one("SELECT count(*) FROM audit WHERE action = 'calibration.printed'")[0] == 1


@pytest.mark.cups
@needs_cups_pdf
def test_calibration_page_reaches_the_cups_queue(qtbot, register: Register, cups_pdf_out: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    from dsar_desktop.ui.printing import QtPrinter

    dialog, dialogs = settings(qtbot, register)
    dialog.ask_printer = lambda parent: QtPrinter(QPrinter(QPrinterInfo.printerInfo("PDF")))  # type: ignore[assignment]
    dialog.calibration_button.click()
    assert dialogs.shown[-1] == ("info", "Calibration page sent to PDF.")
    spooled = wait_for_pdf(cups_pdf_out)
    assert spooled.startswith(b"%PDF")
    assert register.query_one("SELECT count(*) FROM audit WHERE action = 'calibration.printed'")[0] == 1


__all__ = ["cups_pdf_out"]


def test_internal_seal_shows_the_warning_and_pkcs12_import_replaces_it(
    qtbot, register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog, dialogs = settings(qtbot, register)
    assert not dialog.export_button.isEnabled()
    dialogs.answers.append(True)
    dialog.create_button.click()
    assert "recipients cannot check it against a public certification authority" in dialogs.shown[0][1]
    assert not dialog.certificate_warning.isHidden()
    assert "public certification authority" in dialog.certificate_warning.text()
    assert certificates.active_certificate(register).kind == "internal_seal"  # type: ignore[union-attr]
    pem = tmp_path / "seal.pem"
    dialogs.answers.append(str(pem))
    dialog.export_button.click()
    assert pem.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")

    _ca, p12, password = _ca_and_leaf()
    p12_file = tmp_path / "office.p12"
    p12_file.write_bytes(p12)
    dialogs.answers += [str(p12_file), "wrong password"]
    dialog.import_button.click()
    assert dialogs.shown[-1][0] == "error"
    assert certificates.active_certificate(register).kind == "internal_seal"  # type: ignore[union-attr]
    dialogs.answers += [str(p12_file), password.decode()]
    dialog.import_button.click()
    assert dialogs.shown[-1] == (
        "info",
        "Certificate imported: Cachet CESI – DPO. It now seals every response pack.",
    )
    assert dialog.certificate_warning.isHidden()


def test_verify_window_with_a_certificate_file_and_a_lone_pdf(
    qtbot, register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ref = ready_case(register, make_case)
    result = packs.build_pack(register, ref, tmp_path, language="fr")
    pem = tmp_path / "seal.pem"
    pem.write_bytes(certificates.certificate_pem(register))
    dialogs = ScriptedDialogs()
    window = VerifyPackWindow(dialogs, ImmediateRunner())  # no register: trust comes from a file
    qtbot.addWidget(window)
    assert not window.register_trust.isVisibleTo(window)
    window.verify_button.click()
    assert dialogs.shown[-1] == ("warn", "Choose a pack (.zip) or a sealed PDF first.")

    window.path_edit.setText(str(result.pdf))
    with qtbot.waitSignal(window.verified):
        window.verify_button.click()
    assert window.sentence("trusted").startswith("✗ No certificate to trust was given")
    assert window.sentence("manifest") == "– A lone PDF: there is no manifest to compare."
    assert "who sealed it is not confirmed" in window.verdict.text()

    dialogs.answers.append(str(pem))
    window._on_choose_trust()
    with qtbot.waitSignal(window.verified) as verified:
        window.verify_button.click()
    assert verified.args[0].trusted and window.sentence("trusted").startswith("✓ ")
    assert window.verdict.text() == "✓ This pack is authentic and complete."

    i18n.set_language("fr")
    window.show_result(verified.args[0], True)
    assert window.sentence("coverage") == "✓ Le sceau couvre le fichier entier."

    window.path_edit.setText(str(tmp_path / "missing.zip"))
    with qtbot.waitSignal(window.verify_failed):
        window.verify_button.click()
    assert dialogs.shown[-1][0] == "error" and "missing.zip" in dialogs.shown[-1][1]


def test_documents_menu_opens_the_three_windows(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    from dsar_desktop.ui.main_window import MainWindow
    from dsar_desktop.ui.pages import MENUS

    window = MainWindow(ScriptedDialogs(), ImmediateRunner(), menus=MENUS)
    qtbot.addWidget(window)
    window.attach(register)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert "&Documents" in menus and list(menus)[-1] == "&Help"
    actions = {a.text(): a for a in menus["&Documents"].actions()}
    assert set(actions) == {"Letter templates…", "Verify a pack…", "Letterhead and signature…"}
    for text, kind in (
        ("Letter templates…", TemplateEditorDialog),
        ("Verify a pack…", VerifyPackWindow),
        ("Letterhead and signature…", LettersSettingsDialog),
    ):
        actions[text].trigger()
        opened = window.findChildren(kind)
        assert len(opened) == 1 and opened[0].isVisible()
        opened[0].done(0)
    window.detach()
    assert not actions["Verify a pack…"].isEnabled()
