"""Mail on screen: a message dropped onto the main window opens the intake form filled; pasting an e-mail fills it;
the Request tab shows the request as text, hands an ID document to the ID check and prepares a draft;
the dispatch is recorded with its channel and address."""

from __future__ import annotations

import datetime as dt
import gc
import io
import struct
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDropEvent

from dsar_desktop.domain.cases import Channel, Right
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import identity, mail_in
from dsar_desktop.services import register as register_service
from dsar_desktop.ui import i18n
from dsar_desktop.ui.cases.dialogs_case import DispatchDialog
from dsar_desktop.ui.cases.intake import IntakeWizard
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.mail.intake_box import OUTLOOK_CONTENTS, OUTLOOK_NAMES, descriptor_names, mail_drop
from dsar_desktop.ui.mail.request_panel import RequestPanel
from dsar_desktop.ui.pages import standard_screens
from dsar_desktop.ui.shell import Shell
from dsar_desktop.ui.workers import ImmediateRunner, Runner

from .conftest import PASSPHRASE
from .mail_support import eml, outlook_msg

PAST = dict(
    received=["from mx.ecole.example.fr by mail.ecole.example.fr; Sat, 31 Jan 2026 23:30:00 +0000"],
    date="Sat, 31 Jan 2026 23:20:00 +0000",
)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 40), "white").save(out, "PNG")
    return out.getvalue()


def drop_files(widget, paths: list[Path]) -> QDropEvent:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)
    return event


@pytest.fixture
def shell(qtbot, tmp_path: Path) -> Iterator[Shell]:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.dsar"
    register_service.create_register(path, "alice", PASSPHRASE).register.close()
    screens = standard_screens()
    shell = Shell(
        ScriptedDialogs(), ImmediateRunner(), path, pages=screens.pages, case_file_factory=screens.case_file_factory,
        intake_factory=screens.intake_factory, startup_notice=screens.startup_notice, forced_language="en",
    )  # fmt: skip
    qtbot.addWidget(shell.window)
    shell.start()
    assert shell.unlock_dialog is not None
    shell.unlock_dialog.slot_combo.setCurrentText("alice")
    shell.unlock_dialog.passphrase_edit.setText(PASSPHRASE)
    shell.unlock_dialog.unlock_button.click()
    assert shell.register is not None
    yield shell
    if shell.register is not None:
        shell.register.close()


def test_a_message_dropped_onto_the_main_window_opens_the_intake_form_filled(
    shell: Shell, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    message = tmp_path / "request.eml"
    message.write_bytes(eml(**PAST, attachments=[("cni.png", "image/png", _png())]))  # type: ignore[arg-type]
    window = shell.window
    event = drop_files(window, [message])
    assert event.isAccepted()
    wizard = window.findChild(IntakeWizard)
    assert isinstance(wizard, IntakeWizard) and wizard.isVisible()
    assert wizard.received_at() == dt.datetime(2026, 2, 1, 0, 30, tzinfo=wizard.received_at().tzinfo)
    assert (
        "Received 2026-02-01 00:30 Paris time, from the Received header"
        in wizard.request_box.source_label.text()
    )
    assert "Sat, 31 Jan 2026 23:30:00 +0000" in wizard.request_box.source_label.text()
    assert (
        wizard.name_edit.text() == "Héloïse DUPRÉ" and wizard.email_edit.text() == "heloise.dupre@example.org"
    )
    assert Channel(wizard.channel_combo.currentData()) == Channel.EMAIL
    assert [r for r, box in wizard.right_boxes.items() if box.isChecked()] == [Right.ACCESS]
    assert "“accès à mes données”" in wizard.suggested_label.text()
    assert "cni.png" in wizard.request_box.attachments_label.text()
    assert "droit d'accès" in wizard.request_box.request_text()
    ref = wizard.record()
    assert ref is not None
    register = shell.register
    assert register is not None
    case = case_service.get_case(register, ref)
    assert case.received_date == dt.date(2026, 2, 1)
    stored = mail_in.messages(register, ref)
    assert stored[0].format == "eml" and stored[0].attachments[0].name == "cni.png"


def test_a_file_that_is_not_a_mail_is_refused_in_one_sentence_and_nothing_opens(
    shell: Shell, tmp_path: Path
) -> None:
    bogus = tmp_path / "fake.msg"
    bogus.write_bytes(b"not an outlook file at all")
    drop_files(shell.window, [bogus])
    dialogs = shell.dialogs
    assert isinstance(dialogs, ScriptedDialogs)
    assert any(kind == "error" and "not an Outlook message" in text for kind, text in dialogs.shown)
    wizard = shell.window.findChild(IntakeWizard)
    assert wizard is None or not wizard.isVisible()


def test_pasting_an_e_mail_into_the_intake_form_fills_the_same_fields(qtbot, register) -> None:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    wizard = IntakeWizard(register, dialogs)
    qtbot.addWidget(wizard)
    mime = QMimeData()
    mime.setText(
        "From: Jane Smith <jane.smith@example.com>\nSent: Monday, February 2, 2026 9:15 AM\n"
        "To: DPO <dpo@ecole.example.fr>\nSubject: Data request\n\n"
        "Hello, please delete my account and all my personal data. Thank you.\n"
    )
    wizard.request_box.text_edit.insertFromMimeData(mime)
    assert wizard.name_edit.text() == "Jane SMITH" and wizard.email_edit.text() == "jane.smith@example.com"
    assert wizard.received_at().replace(tzinfo=None) == dt.datetime(2026, 2, 2, 9, 15)
    assert [r for r, box in wizard.right_boxes.items() if box.isChecked()] == [Right.ERASURE]
    assert wizard.language_combo.currentData() == "en"
    assert wizard.request_box.request_text().startswith("Hello, please delete my account")
    ref = wizard.record()
    assert ref is not None and mail_in.messages(register, ref)[0].format == "pasted"


def test_typed_request_text_is_kept_with_a_postal_request(qtbot, register) -> None:  # type: ignore[no-untyped-def]
    wizard = IntakeWizard(register, ScriptedDialogs())
    qtbot.addWidget(wizard)
    wizard.channel_combo.setCurrentIndex(wizard.channel_combo.findData("post"))
    wizard.name_edit.setText("Paul MARTIN")
    wizard.right_boxes[Right.ACCESS].setChecked(True)
    wizard.request_box.text_edit.setPlainText("Lettre du 3 février : je demande copie de mes données.")
    ref = wizard.record()
    assert ref is not None
    (message,) = mail_in.messages(register, ref)
    assert message.format == "typed" and "copie de mes données" in message.text


def test_request_tab_sends_the_id_document_to_the_id_check_and_prepares_a_draft(
    qtbot, register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    mail = mail_in.read_bytes(eml(**PAST, attachments=[("cni.png", "image/png", _png())]), "r.eml")  # type: ignore[arg-type]
    ref = mail_in.add_case_from_mail(register, mail_in.suggested_case(mail), mail).ref
    identity.request_proof(
        register,
        ref,
        reason="The name in your message differs from the one in our records.",
        sent_on=dt.date(2026, 2, 2),
    )
    dialogs = ScriptedDialogs()
    panel = RequestPanel(register, dialogs, ImmediateRunner(), ref)
    qtbot.addWidget(panel)
    opened: list[Path] = []
    panel.opener = lambda path: opened.append(path) or True
    assert (
        "droit d'accès" in panel.text_view.toPlainText()
        and "From: Héloïse Dupré" in panel.text_view.toPlainText()
    )
    panel.attachments.setCurrentRow(0)
    assert panel.id_check_button.isEnabled()
    dialogs.answers.append(True)
    panel.id_check_button.click()
    assert "sent to the ID check" in panel.attachments.item(0).text()
    assert not panel.id_check_button.isEnabled()
    assert identity.scan_content(
        register, ref, mail_in.messages(register, ref)[0].attachments[0].scan_id or 0
    )
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("acknowledgement"))
    out = tmp_path / "ack.eml"
    dialogs.answers.append(out)
    panel.draft_button.click()
    assert opened == [out] and out.exists()
    assert not any(kind == "error" for kind, _ in dialogs.shown), dialogs.shown


def test_dispatch_dialog_offers_the_address_of_each_channel(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = DispatchDialog(
        "DSAR-2026-0001", dt.date(2026, 3, 1), True, email="a@example.org", postal="A B\n1 rue X\n75001 PARIS"
    )
    qtbot.addWidget(dialog)
    assert dialog.channel().value == "email" and dialog.address() == "a@example.org"
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("post"))
    assert dialog.address() == "A B\n1 rue X\n75001 PARIS"


def test_the_timeline_says_in_words_that_the_message_was_kept_and_a_draft_prepared(
    qtbot, register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from dsar_desktop.services import mail_out
    from dsar_desktop.ui.cases.timeline_text import timeline_rows

    mail = mail_in.read_bytes(eml(**PAST, attachments=[("a.pdf", "application/pdf", b"%PDF-1.4 x")]), "r.eml")  # type: ignore[arg-type]
    ref = mail_in.add_case_from_mail(register, mail_in.suggested_case(mail), mail).ref
    mail_out.write_draft(register, ref, "acknowledgement", tmp_path / "ack.eml")
    texts = [what for _when, _who, what in timeline_rows(case_service.timeline(register, ref))]
    assert "Request message kept in the register (eml, 1 attachment)" in texts
    assert any(t.startswith("E-mail draft prepared: Acknowledgement of receipt;") for t in texts)
    i18n.set_language("fr")
    texts = [what for _when, _who, what in timeline_rows(case_service.timeline(register, ref))]
    assert "Message de la demande conservé dans le registre (eml, 1 pièce jointe)" in texts


def test_an_e_mail_read_on_the_thread_pool_fills_the_intake_form(qtbot, register, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The real app reads a message on the thread pool; the form fills only if someone keeps the job until its
    result is delivered (6c57be4: a job nobody kept lost its signals, and the form stayed empty). Today two
    things keep it: `RequestBox._job` and the progress window's `finished` closure in `run_job`; with neither,
    this test times out."""
    pool = QThreadPool()
    runner = Runner(pool)
    runner.bind(register)  # as the main window does
    read_on: list[int] = []
    read = mail_in.read_bytes

    def read_and_note_thread(data: bytes, name: str) -> mail_in.MailRead:
        read_on.append(threading.get_ident())
        return read(data, name)

    monkeypatch.setattr(mail_in, "read_bytes", read_and_note_thread)
    wizard = IntakeWizard(register, ScriptedDialogs(), runner)
    qtbot.addWidget(wizard)
    assert wizard.request_box.read_bytes(eml(**PAST), "request.eml")  # type: ignore[arg-type]
    # The GUI thread is busy (no events) while the worker ends and the pool lets go of the job: the finished
    # signal is still queued. Only a job someone keeps can deliver it now.
    assert pool.waitForDone(30_000) and runner.jobs_in_flight == 0
    gc.collect()
    assert wizard.name_edit.text() == ""  # not filled yet: the result waits in the event queue
    qtbot.waitUntil(lambda: wizard.name_edit.text() != "", timeout=30_000)
    assert read_on and read_on[0] != threading.get_ident()  # it did run off the GUI thread
    assert (
        wizard.name_edit.text() == "Héloïse DUPRÉ" and wizard.email_edit.text() == "heloise.dupre@example.org"
    )
    assert wizard.received_at() == dt.datetime(2026, 2, 1, 0, 30, tzinfo=wizard.received_at().tzinfo)
    assert runner.cancel_all_and_wait(10_000) and runner.jobs_in_flight == 0


def file_group_descriptor(*names: str) -> bytes:
    """FILEGROUPDESCRIPTORW as Windows builds it: a count, then one 592-byte FILEDESCRIPTORW per file
    (flags, CLSID, sizes, attributes, three FILETIMEs, the size, then WCHAR cFileName[260])."""
    out = struct.pack("<I", len(names))
    for name in names:
        encoded = name.encode("utf-16-le")[: 259 * 2]
        out += struct.pack("<I16s8s8sI8s8s8sII", 0x4000, b"", b"", b"", 0x80, b"", b"", b"", 0, 0)
        out += encoded + b"\0" * (520 - len(encoded))
    return out


def outlook_drag(names: bytes | None, contents: bytes | None) -> QMimeData:
    """What Qt on Windows makes of a message dragged out of Outlook: no URL, two Windows formats."""
    mime = QMimeData()
    if names is not None:
        mime.setData(OUTLOOK_NAMES, QByteArray(names))
    if contents is not None:
        mime.setData(OUTLOOK_CONTENTS, QByteArray(contents))
    return mime


def drop_mime(widget, mime: QMimeData) -> QDropEvent:  # type: ignore[no-untyped-def]
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)
    return event


def test_a_message_dragged_straight_out_of_outlook_opens_the_intake_form_filled(shell: Shell) -> None:
    assert descriptor_names(file_group_descriptor("Demande de portabilité.msg")) == [
        "Demande de portabilité.msg"
    ]
    drag = outlook_drag(file_group_descriptor("Demande de portabilité.msg"), outlook_msg())
    event = drop_mime(shell.window, drag)
    assert event.isAccepted()
    wizard = shell.window.findChild(IntakeWizard)
    assert isinstance(wizard, IntakeWizard) and wizard.isVisible()
    assert (
        wizard.name_edit.text() == "Héloïse DUPRÉ" and wizard.email_edit.text() == "heloise.dupre@example.org"
    )
    assert [r for r, box in wizard.right_boxes.items() if box.isChecked()] == [Right.PORTABILITY]
    assert "portabilité de mes données" in wizard.request_box.request_text()
    ref = wizard.record()
    assert ref is not None and shell.register is not None
    assert mail_in.messages(shell.register, ref)[0].format == "msg"


def test_an_outlook_drag_without_its_contents_is_refused_in_one_sentence(shell: Shell) -> None:
    dialogs = shell.dialogs
    assert isinstance(dialogs, ScriptedDialogs)
    for contents in (None, b""):  # the format missing, or Outlook handing over nothing through it
        drop_mime(shell.window, outlook_drag(file_group_descriptor("Demande d'accès.msg"), contents))
        assert dialogs.shown[-1] == (
            "warn",
            "The mail client did not hand over the message “Demande d'accès.msg”. Save it from the mail client "
            "(as .msg or .eml), then drop the saved file or use “Open an e-mail”.",
        )
        wizard = shell.window.findChild(IntakeWizard)
        assert wizard is None or not wizard.isVisible()
    # an attachment dragged out of a message is no request: the window does not take it
    photo = outlook_drag(file_group_descriptor("photo.jpg"), _png())
    assert mail_drop(photo) is None
    shown = len(dialogs.shown)
    assert not drop_mime(shell.window, photo).isAccepted() and len(dialogs.shown) == shown
