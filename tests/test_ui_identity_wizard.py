"""The identity section and the ID check dialog, driven like a person would, with scripted dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from dsar_desktop.domain.cases import Status
from dsar_desktop.domain.identity import Decision
from dsar_desktop.services import cases as case_service
from dsar_desktop.store import audit
from dsar_desktop.store.connection import Register
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.identity import IdCheckDialog, IdentityPanel
from dsar_desktop.ui.workers import ImmediateRunner
from tests.conftest import make_case
from tests.ui_identity_support import (
    SPECIMEN_MRZ,
    fixed,
    labels,
    receipt_form,
    request_form,
    specimen_passport,
    specimen_pdf,
)

pytestmark = pytest.mark.usefixtures("identity_today")

ID_KEY = "subject:identity_document"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def anna(register: Register) -> str:
    return make_case(register, subject_name="Anna Maria ERIKSSON", subject_dob=dt.date(1974, 8, 12))


def count(register: Register, table: str) -> int:
    return int(register.query_one(f"SELECT count(*) FROM {table}")[0])


def test_id_wizard_from_request_letter_to_destroyed_scan(qtbot, register: Register, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    ref = anna(register)
    panel = IdentityPanel(
        register, dialogs, ImmediateRunner(), ref, today_provider=fixed(dt.date(2027, 3, 3))
    )
    qtbot.addWidget(panel)
    assert case_service.get_case(register, ref).legal_due == dt.date(2027, 4, 1)
    assert (
        "Age on receipt: <b>52</b> (born Mon 12 Aug 1974; request received Mon 1 Mar 2027)"
        in panel.age_label.text()
    )

    # no reason, no request (Art. 12(6)): the form refuses and nothing is recorded
    dialogs.answers.append(request_form("   ", dt.date(2027, 3, 3)))
    panel.trigger(f"request:{ID_KEY}")
    assert count(register, "identity_requests") == 0 and count(register, "suspensions") == 0

    # the reason is recorded, the clock stops, the letter is offered for saving
    letter = tmp_path / "id-request.pdf"
    dialogs.answers += [
        request_form("The e-mail address is not the one on file", dt.date(2027, 3, 3)),
        letter,
    ]
    panel.trigger(f"request:{ID_KEY}")
    assert letter.read_bytes().startswith(b"%PDF")
    case = case_service.get_case(register, ref)
    assert case.status == Status.AWAITING_IDENTITY
    assert case.suspensions == [(dt.date(2027, 3, 3), None)]
    assert (
        register.query_one("SELECT reason FROM identity_requests")[0]
        == "The e-mail address is not the one on file"
    )
    assert "The clock is stopped since Wed 3 Mar 2027" in panel.clock_label.text()
    kind, message = dialogs.shown[-1]
    assert kind == "info" and "Letter saved" in message and "Clock stopped from Wed 3 Mar 2027" in message
    assert any("requested, waiting for it" in text for text in labels(panel))
    assert "not verified" in panel.block_label.text()  # the pack is blocked until the ID is verified

    # the scan arrives a week later: the clock runs again, the due date moved by 7 days
    scan = tmp_path / "passport.jpg"
    scan.write_bytes(specimen_passport())
    dialogs.answers += [receipt_form(dt.date(2027, 3, 10)), scan]
    panel.trigger(f"received:{ID_KEY}")
    case = case_service.get_case(register, ref)
    assert case.suspensions == [(dt.date(2027, 3, 3), dt.date(2027, 3, 10))]
    assert case.legal_due == dt.date(2027, 4, 8)
    assert count(register, "attachments") == 1
    assert "(7 days stopped)" in dialogs.shown[-1][1] and "Thu 8 Apr 2027" in dialogs.shown[-1][1]
    assert "The clock was stopped 7 days for identity; the due date moved to" in panel.clock_label.text()

    seen: dict[str, object] = {}

    def check(dialog: IdCheckDialog) -> None:
        viewer = dialog.viewer
        assert len(viewer.pages) == 1 and not viewer.current_pixmap().isNull()
        viewer.zoom_in_button.click()
        assert not viewer.fitted and viewer.zoom > 0
        viewer.rotate_button.click()
        assert viewer.item.rotation() == 90
        viewer.fit_button.click()
        dialog.document_type.setCurrentIndex(dialog.document_type.findData("passport"))
        dialog.issuing_country.setText("UTO")
        dialog.document_number.setText("L898902C3")
        assert "…02C3" in dialog.number_hint.text()
        dialog.expiry.setText("15/04/2012")
        dialog.holder_name.setText("Anna Maria ERIKSON")  # one S missing: the difference is shown
        seen["name_mismatch"] = dialog.name_hint.text()
        dialog.holder_name.setText("ANNA MARIA eriksson")  # case and accents do not matter
        seen["name_match"] = dialog.name_hint.text()
        dialog.holder_dob.setText("12/08/1974")
        dialog.tri["signature"].setCurrentIndex(dialog.tri["signature"].findData(True))
        dialog.mrz_text.setPlainText("\n".join(SPECIMEN_MRZ))
        seen["mrz"] = dialog.mrz_label.text()
        seen["items"] = dialog.items_label.text()
        assert dialog.mrz is not None and dialog.mrz.valid
        broken = SPECIMEN_MRZ[1].replace("7408122", "7408123")
        dialog.mrz_text.setPlainText(SPECIMEN_MRZ[0] + "\n" + broken)
        seen["mrz_broken"] = dialog.mrz_label.text()
        dialog.mrz_text.setPlainText("\n".join(SPECIMEN_MRZ))
        dialog.decision_buttons[Decision.VERIFIED].setChecked(True)
        seen["note_needed"] = dialog.note_hint.isVisibleTo(dialog)  # the specimen expired in 2012
        dialog.note.setPlainText("ICAO 9303 specimen: expired by design, data checked")
        dialog.decide_button.click()

    dialogs.answers += [check, True]  # fill and decide, then confirm the destruction
    panel.trigger(f"check:{ID_KEY}")

    assert "✗" in str(seen["name_mismatch"]) and "[s→]" in str(seen["name_mismatch"])
    assert "✓" in str(seen["name_match"])
    mrz_text = str(seen["mrz"])
    assert "Format TD3: every check digit is right." in mrz_text
    for name in (
        "document number",
        "date of birth",
        "expiry date",
        "personal number",
        "composite (whole zone)",
    ):
        assert f"✓</span> {name}" in mrz_text.split("Check digits:")[1]
    assert "name: case <b>Anna Maria ERIKSSON</b> · MRZ <b>ANNA MARIA ERIKSSON</b>" in mrz_text
    assert "✗</span> date of birth" in str(seen["mrz_broken"])
    assert "Expired on 2012-04-15" in str(seen["items"]) and seen["note_needed"] is True
    assert "issuing country: typed above <b>UTO</b> · MRZ <b>UTO</b>" in mrz_text

    confirm = [text for kind, text in dialogs.shown if kind == "confirm"][-1]
    assert "will then be destroyed" in confirm
    assert "1 scan destroyed" in dialogs.shown[-1][1]
    # the scan is gone; the register keeps the facts, who decided, and the destruction in the audit log
    assert count(register, "attachments") == 0
    assert panel.last_check is not None and panel.last_check.viewer.pages == []
    row = register.query_one(
        "SELECT decision, document_number_last4, mrz_format, mrz_valid, decided_by, scans_destroyed FROM identity_checks"
    )
    assert row == ("verified", "02C3", "TD3", 1, "alice", 1)
    actions = [e.action for e in audit.entries(register.conn, ref)]
    assert "identity.scan_destroyed" in actions and actions.index("identity.scan_destroyed") > actions.index(
        "identity.decided"
    )
    assert case_service.get_case(register, ref).status == Status.IN_PROGRESS
    assert not panel.block_label.isVisibleTo(panel)
    assert "Identity document checked — the data subject, recorded by alice" in panel.established_label.text()


def test_other_means_record_identity_in_one_click(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    ref = make_case(register, subject_student_number="20231234")
    panel = IdentityPanel(
        register, dialogs, ImmediateRunner(), ref, today_provider=fixed(dt.date(2027, 3, 2))
    )
    qtbot.addWidget(panel)
    assert {"other:email_on_file", "other:student_number", "other:data_matching"} <= set(panel.buttons)
    assert panel.established_label.text() == "Not established yet."
    panel.trigger("other:student_number")
    assert dialogs.shown == []
    assert register.query_one("SELECT method, decision, decided_by FROM identity_checks") == (
        "student_number", "verified", "alice",
    )  # fmt: skip
    assert (
        "Student number given and matching — the data subject, recorded by alice"
        in panel.established_label.text()
    )
    assert count(register, "suspensions") == 0 and count(register, "identity_requests") == 0


def test_pdf_scan_pages_switch_in_the_viewer(qtbot, register: Register, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    ref = anna(register)
    panel = IdentityPanel(
        register, dialogs, ImmediateRunner(), ref, today_provider=fixed(dt.date(2027, 3, 5))
    )
    qtbot.addWidget(panel)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(specimen_pdf(pages=2))
    dialogs.answers += [receipt_form(dt.date(2027, 3, 5)), scan]
    panel.trigger(f"received:{ID_KEY}")  # sent with the request itself: no letter, no suspension
    assert count(register, "attachments") == 1 and count(register, "suspensions") == 0
    pages: list[str] = []

    def look(dialog: IdCheckDialog) -> None:
        viewer = dialog.viewer
        pages.append(viewer.page_label.text())
        assert viewer.previous_button.isEnabled() is False
        viewer.next_button.click()
        pages.append(viewer.page_label.text())
        assert not viewer.current_pixmap().isNull() and viewer.next_button.isEnabled() is False

    dialogs.answers.append(look)
    panel.trigger(f"check:{ID_KEY}")
    assert pages == ["Page 1 / 2", "Page 2 / 2"]
    assert count(register, "attachments") == 1 and count(register, "identity_checks") == 0  # closed undecided


def test_refusing_the_destruction_keeps_everything_then_rejection_destroys_the_scan(
    qtbot, register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    ref = anna(register)
    panel = IdentityPanel(
        register, dialogs, ImmediateRunner(), ref, today_provider=fixed(dt.date(2027, 3, 4))
    )
    qtbot.addWidget(panel)
    dialogs.answers += [request_form("Signature differs from our records", dt.date(2027, 3, 2), "fr"), None]
    panel.trigger(f"request:{ID_KEY}")
    assert "The letter was not saved" in dialogs.shown[-1][1]
    again = tmp_path / "again.pdf"
    dialogs.answers.append(again)
    panel.trigger(f"letter:{ID_KEY}")
    assert again.read_bytes().startswith(b"%PDF") and "Letter saved" in dialogs.shown[-1][1]
    scan = tmp_path / "id.jpg"
    scan.write_bytes(specimen_passport())
    dialogs.answers += [receipt_form(dt.date(2027, 3, 4)), scan]
    panel.trigger(f"received:{ID_KEY}")
    assert panel.buttons[f"received:{ID_KEY}"].text() == "Add another scan…"

    def reject(dialog: IdCheckDialog) -> None:
        dialog.decide_button.click()  # no decision chosen yet: a warning, nothing recorded
        dialog.decision_buttons[Decision.REJECTED].setChecked(True)
        dialog.note.setPlainText("The photo does not match the person who came to the office")
        dialog.decide_button.click()

    dialogs.answers += [reject, False]  # the destruction is not confirmed
    panel.trigger(f"check:{ID_KEY}")
    assert [kind for kind, _ in dialogs.shown[-3:]] == ["dialog", "warn", "confirm"]
    assert count(register, "attachments") == 1 and count(register, "identity_checks") == 0

    dialogs.answers += [reject, True]
    panel.trigger(f"check:{ID_KEY}")
    assert count(register, "attachments") == 0
    assert register.query_one("SELECT decision, note FROM identity_checks") == (
        "rejected", "The photo does not match the person who came to the office",
    )  # fmt: skip
    assert any("rejected" in text for text in labels(panel)) and f"request:{ID_KEY}" in panel.buttons
    assert case_service.get_case(register, ref).status == Status.AWAITING_IDENTITY


def test_tab_goes_from_the_mrz_through_the_checklist_in_the_order_the_fields_are_read(
    qtbot, register: Register
) -> None:  # type: ignore[no-untyped-def]
    """Tab walks the MRZ box, then the form top to bottom, the decision and the buttons; the MRZ and the
    note take no tab character (Tab used to stay in the MRZ box, typing tabs into it)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QApplication

    from dsar_desktop.domain.identity import ProofKind
    from dsar_desktop.services import identity as ids

    ref = anna(register)
    ids.request_proof(register, ref, "The request came from an address we do not know.", sent_on=dt.date(2027, 3, 3), with_letter=False)
    ids.receive_proof(register, ref, specimen_passport(), received_on=dt.date(2027, 3, 10))
    proof = next(p for p in ids.identity_status(register, ref).proofs if p.proof_kind == ProofKind.IDENTITY_DOCUMENT)  # fmt: skip
    dialog = IdCheckDialog(register, ScriptedDialogs(), ref, proof, dt.date(2027, 3, 10))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    names = {
        dialog.mrz_text: "mrz", dialog.document_type: "document type", dialog.issuing_country: "country",
        dialog.document_number: "number", dialog.expiry: "expiry", dialog.holder_name: "name",
        dialog.holder_dob: "birth date", dialog.tri["signature"]: "signature",
        dialog.decision_buttons[Decision.VERIFIED]: "verified", dialog.note: "note",
        dialog.close_button: "close", dialog.decide_button: "record",
    }  # fmt: skip
    dialog.mrz_text.setFocus()
    qtbot.waitUntil(dialog.mrz_text.hasFocus)
    walked = []
    for _ in range(len(names)):
        focused = QApplication.focusWidget()
        walked.append(names.get(focused, type(focused).__name__))
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert walked == [
        "mrz", "document type", "country", "number", "expiry", "name", "birth date", "signature",
        "verified", "note", "close", "record",
    ]  # fmt: skip
    assert dialog.mrz_text.toPlainText() == "" and dialog.note.toPlainText() == ""
    # The form's fields, in Tab order, run down the column as they are drawn.
    form = [dialog.document_type, dialog.issuing_country, dialog.document_number, dialog.expiry,
            dialog.holder_name, dialog.holder_dob, dialog.tri["signature"]]  # fmt: skip
    tops = [field.mapTo(dialog, QPoint(0, 0)).y() for field in form]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    # and Shift+Tab comes back from the form to the MRZ
    dialog.document_type.setFocus()
    qtbot.waitUntil(dialog.document_type.hasFocus)
    qtbot.keyClick(dialog.document_type, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is dialog.mrz_text
    # typing the MRZ then Tab lands in the form with the zone intact
    qtbot.keyClicks(dialog.mrz_text, SPECIMEN_MRZ[0])
    qtbot.keyClick(dialog.mrz_text, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.document_type
    assert dialog.mrz_text.toPlainText() == SPECIMEN_MRZ[0]
