"""Requests read from e-mail: .eml and Outlook .msg made here, receipt moment in Paris, sender, rights, attachments,
the message kept encrypted in the register, duplicates, the ID document handed to the ID check, the CLI."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from dsar_desktop.domain import mail as rules
from dsar_desktop.domain.cases import Right
from dsar_desktop.domain.deadlines import PARIS
from dsar_desktop.domain.errors import InvalidInput
from dsar_desktop.domain.mail_paste import parse_pasted
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import identity, mail_in
from dsar_desktop.store.connection import Register

from .conftest import PASSPHRASE, run_cli
from .mail_support import eml, outlook_msg

REASON = "The name in your message differs from the one in our records."
JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + b"\x11" * 3000
PDF = b"%PDF-1.4\n" + b"0" * 2000


def test_eml_received_at_2330_utc_on_31_january_is_1_february_in_paris() -> None:
    mail = mail_in.read_bytes(
        eml(attachments=[("passeport.jpg", "image/jpeg", JPEG), ("notes.pdf", "application/pdf", PDF)]),
        "r.eml",
    )
    assert mail.receipt.at == dt.datetime(2027, 2, 1, 0, 30, tzinfo=PARIS)
    assert mail.receipt.at.date() == dt.date(2027, 2, 1)
    assert mail.receipt.source == "Received"
    assert "by mail.ecole.example.fr" in mail.receipt.header and "23:30:00" in mail.receipt.header
    assert (mail.sender_name, mail.sender_email) == ("Héloïse Dupré", "heloise.dupre@example.org")
    assert mail.case_name == "Héloïse DUPRÉ"
    assert [h.right for h in mail.rights] == [Right.ACCESS]
    assert mail.language == "fr"
    assert mail.message_id == "<req-1@example.org>"
    assert [(a.name, a.media_type, a.sha256, a.looks_like_id) for a in mail.attachments] == [
        ("passeport.jpg", "image/jpeg", hashlib.sha256(JPEG).hexdigest(), True),
        ("notes.pdf", "application/pdf", hashlib.sha256(PDF).hexdigest(), False),
    ]
    assert "droit d'accès" in mail.text and not mail.partial


def test_date_header_is_used_only_without_a_readable_received_header() -> None:
    no_received = mail_in.read_bytes(eml(received=[], date="Sun, 31 Jan 2027 23:59:00 -0000"), "a.eml")
    assert no_received.receipt.source == "Date"
    assert no_received.receipt.at == dt.datetime(2027, 2, 1, 0, 59, tzinfo=PARIS)
    assert any("Date header" in en for en, _ in no_received.notes)
    broken = mail_in.read_bytes(
        eml(received=["from x by y (no date here)"], date="Mon, 01 Feb 2027 08:00:00 +0100"), "b.eml"
    )
    assert broken.receipt.source == "Date" and broken.receipt.at == dt.datetime(
        2027, 2, 1, 8, 0, tzinfo=PARIS
    )
    nothing = mail_in.read_bytes(eml(received=[], date="someday"), "c.eml")
    assert nothing.receipt.at is None and any("type the date" in en for en, _ in nothing.notes)


def test_summer_time_receipt_converts_with_the_paris_offset() -> None:
    mail = mail_in.read_bytes(eml(received=["from a by mx; Sat, 31 Jul 2027 22:10:00 +0000"]), "s.eml")
    assert mail.receipt.at == dt.datetime(2027, 8, 1, 0, 10, tzinfo=PARIS)


def test_outlook_msg_read_from_a_real_compound_file() -> None:
    data = outlook_msg(
        attachments=[("carte-identite.jpg", "image/jpeg", JPEG), ("big.pdf", "application/pdf", PDF * 3)]
    )
    assert data.startswith(b"\xd0\xcf\x11\xe0")
    mail = mail_in.read_bytes(data, "request.msg")
    assert mail.format == "msg"
    assert (
        mail.receipt.at == dt.datetime(2027, 2, 1, 0, 30, tzinfo=PARIS) and mail.receipt.source == "Received"
    )
    assert (mail.sender_name, mail.sender_email) == ("Héloïse Dupré", "heloise.dupre@example.org")
    assert mail.subject == "Demande de portabilité" and mail.message_id == "<msg-1@example.org>"
    assert [h.right for h in mail.rights] == [Right.PORTABILITY]
    assert [(a.name, a.sha256, a.looks_like_id) for a in mail.attachments] == [
        ("carte-identite.jpg", hashlib.sha256(JPEG).hexdigest(), True),
        ("big.pdf", hashlib.sha256(PDF * 3).hexdigest(), False),
    ]


def test_outlook_msg_without_transport_headers_uses_outlook_delivery_time() -> None:
    delivered = dt.datetime(2027, 1, 31, 23, 30, tzinfo=dt.UTC)
    mail = mail_in.read_bytes(outlook_msg(transport_headers=None, delivered=delivered), "d.msg")
    assert mail.receipt.at == dt.datetime(2027, 2, 1, 0, 30, tzinfo=PARIS)
    assert mail.receipt.source == "Outlook delivery time"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je souhaite exercer mon droit d'accès.", [Right.ACCESS]),
        ("Merci de supprimer mes données et de me désabonner.", [Right.ERASURE, Right.OBJECTION]),
        ("Je m'oppose au traitement de mes données.", [Right.OBJECTION]),
        ("Please unsubscribe me.", [Right.OBJECTION]),
        ("I want a copy of my personal data and to delete my account.", [Right.ACCESS, Right.ERASURE]),
        ("Je demande la portabilité de mes données.", [Right.PORTABILITY]),
        ("Je retire mon consentement.", [Right.CONSENT_WITHDRAWAL]),
        ("Pouvez-vous corriger mon adresse, elle est inexacte ?", [Right.RECTIFICATION]),
        ("Bonjour, quand ouvre la bibliothèque ?", []),
    ],
)
def test_rights_are_suggested_from_french_and_english_words(text: str, expected: list[Right]) -> None:
    assert [h.right for h in rules.suggest_rights(text)] == expected


def test_reply_language_is_guessed() -> None:
    assert rules.guess_language("Hello, I would like a copy of my data please. Thank you") == "en"
    assert rules.guess_language("Bonjour, je voudrais une copie de mes données. Merci") == "fr"
    assert rules.guess_language("") == "fr"


def test_pasted_outlook_copy_fills_the_same_fields() -> None:
    text = (
        "De : Héloïse Dupré <heloise.dupre@example.org>\n"
        "Envoyé : lundi 1 février 2027 00:30\n"
        "À : DPO <dpo@ecole.example.fr>\n"
        "Objet : Suppression\n\n"
        "Bonjour, merci de supprimer mes données.\n"
    )
    mail = mail_in.read_pasted(text)
    assert (mail.sender_name, mail.sender_email, mail.subject) == (
        "Héloïse Dupré",
        "heloise.dupre@example.org",
        "Suppression",
    )
    assert mail.receipt.at == dt.datetime(2027, 2, 1, 0, 30, tzinfo=PARIS) and mail.receipt.source == "pasted"
    assert [h.right for h in mail.rights] == [Right.ERASURE]
    assert mail.text == "Bonjour, merci de supprimer mes données."
    english = parse_pasted(
        "From: A B <a@b.example>\nSent: Monday, February 1, 2027 12:30 AM\nSubject: x\n\nbody"
    )
    assert english.sent_at == dt.datetime(2027, 2, 1, 0, 30, tzinfo=PARIS) and english.body == "body"


def test_pasted_raw_message_is_read_with_its_received_header() -> None:
    mail = mail_in.read_pasted(eml().decode("utf-8"))
    assert mail.receipt.source == "Received" and mail.receipt.at == dt.datetime(
        2027, 2, 1, 0, 30, tzinfo=PARIS
    )


def _add(register: Register, data: bytes, name: str = "r.eml") -> tuple[str, mail_in.MailRead]:
    mail = mail_in.read_bytes(data, name)
    case = mail_in.add_case_from_mail(register, mail_in.suggested_case(mail), mail)
    return case.ref, mail


def test_message_is_kept_encrypted_as_the_request_and_viewable_as_text(register: Register) -> None:
    ref, mail = _add(register, eml(attachments=[("passeport.jpg", "image/jpeg", JPEG)]))
    case = case_service.get_case(register, ref)
    assert case.received_date == dt.date(2027, 2, 1) and case.subject.email == "heloise.dupre@example.org"
    assert case.rights == [Right.ACCESS]
    stored = mail_in.messages(register, ref)
    assert len(stored) == 1 and stored[0].raw_kept and stored[0].raw_sha256 == mail.raw_sha256
    assert stored[0].received_source == "Received" and stored[0].received_at == "2027-02-01T00:30+01:00"
    text = stored[0].as_text("en")
    assert "From: Héloïse Dupré <heloise.dupre@example.org>" in text and "droit d'accès" in text
    assert mail_in.attachment_content(register, ref, stored[0].attachments[0].id) == JPEG
    register.checkpoint()
    on_disk = Path(register.path).read_bytes()
    assert b"heloise.dupre" not in on_disk and JPEG[20:60] not in on_disk
    assert any(e.kind == "message" for e in case_service.timeline(register, ref))


def test_same_message_id_or_sender_is_flagged(register: Register) -> None:
    first, _ = _add(register, eml())
    again = mail_in.read_bytes(eml(), "again.eml")
    assert mail_in.duplicates(register, again) == [mail_in.Duplicate(first, "message_id")]
    other = mail_in.read_bytes(eml(message_id="<other@example.org>"), "o.eml")
    assert mail_in.duplicates(register, other) == [mail_in.Duplicate(first, "sender")]
    stranger = mail_in.read_bytes(eml(sender="X Y <x.y@example.net>", message_id="<s@x>"), "s.eml")
    assert mail_in.duplicates(register, stranger) == []


@pytest.mark.usefixtures("identity_today")  # the mail is dated 2027: the proof may not be "in the future"
def test_attached_id_document_goes_to_the_id_check_and_leaves_the_message(register: Register) -> None:
    png = _png()
    past = ["from mx.ecole.example.fr by mail.ecole.example.fr; Sat, 31 Jan 2026 23:30:00 +0000"]
    files = [("cni.png", "image/png", png), ("lettre.txt", "text/plain", b"x")]
    ref, _ = _add(register, eml(received=past, attachments=files))
    stored = mail_in.messages(register, ref)[0]
    id_doc = next(a for a in stored.attachments if a.looks_like_id)
    identity.request_proof(register, ref, reason=REASON, sent_on=dt.date(2026, 2, 2))
    scan_id = mail_in.send_attachment_to_id_check(register, ref, id_doc.id, received_on=dt.date(2026, 2, 3))
    assert identity.scan_content(register, ref, scan_id) == png
    after = mail_in.messages(register, ref)[0]
    assert not after.raw_kept and "ID check" in (after.raw_note or "")
    assert after.raw_sha256 == stored.raw_sha256
    assert next(a for a in after.attachments if a.id == id_doc.id).scan_id == scan_id
    with pytest.raises(InvalidInput):
        mail_in.attachment_content(register, ref, id_doc.id)
    row = register.query_one("SELECT content FROM message_attachments WHERE id = ?", (id_doc.id,))
    assert row[0] is None


def test_an_attachment_that_is_not_a_scan_is_refused_by_the_id_check_and_nothing_changes(
    register: Register,
) -> None:
    from dsar_desktop.services.scans import ScanWrongType

    ref, _ = _add(register, eml(attachments=[("identite.pdf", "application/zip", b"PK\x03\x04zipzip")]))
    attachment = mail_in.messages(register, ref)[0].attachments[0]
    with pytest.raises(ScanWrongType):
        mail_in.send_attachment_to_id_check(register, ref, attachment.id)
    assert mail_in.messages(register, ref)[0].raw_kept
    assert mail_in.attachment_content(register, ref, attachment.id) == b"PK\x03\x04zipzip"


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(out, "PNG")
    return out.getvalue()


def test_cli_case_add_from_mail_prints_what_it_read(
    tmp_path: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg = tmp_path / "r.dsar"
    assert run_cli(capsys, "--register", str(reg), "--passphrase-file", str(passphrase_file), "init")[0] == 0
    message = tmp_path / "request.msg"
    message.write_bytes(outlook_msg(attachments=[("carte-identite.jpg", "image/jpeg", JPEG)]))
    code, out, err = run_cli(
        capsys,
        "--register",
        str(reg),
        "--passphrase-file",
        str(passphrase_file),
        "case",
        "add",
        "--from-mail",
        str(message),
    )
    assert code == 0, err
    assert "Received:  2027-02-01T00:30+01:00 Paris time, from the Received header" in out
    assert (
        "Rights:    portability" in out and "carte-identite.jpg" in out and "looks like an ID document" in out
    )
    ref = out.strip().splitlines()[-1]
    code, shown, err = run_cli(
        capsys,
        "--register",
        str(reg),
        "--passphrase-file",
        str(passphrase_file),
        "--json",
        "case",
        "show",
        ref,
    )
    assert code == 0 and shown["received"] == "2027-02-01" and shown["rights"] == ["portability"]
    assert shown["subject_email"] == "heloise.dupre@example.org" and shown["channel"] == "email"
    code, again, err = run_cli(
        capsys,
        "--register",
        str(reg),
        "--passphrase-file",
        str(passphrase_file),
        "--json",
        "case",
        "add",
        "--from-mail",
        str(message),
    )
    assert code == 0 and again["duplicates"] == [{"ref": ref, "why": "message_id"}]
    assert f"{ref} already holds the same message" in err
    code, stored, _ = run_cli(
        capsys,
        "--register",
        str(reg),
        "--passphrase-file",
        str(passphrase_file),
        "--json",
        "mail",
        "show",
        ref,
    )
    assert code == 0 and stored[0]["attachments"][0]["name"] == "carte-identite.jpg"
    assert PASSPHRASE not in str(stored)


def test_cli_from_mail_without_a_recognised_right_asks_for_one(
    tmp_path: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg = tmp_path / "r.dsar"
    run_cli(capsys, "--register", str(reg), "--passphrase-file", str(passphrase_file), "init")
    message = tmp_path / "q.eml"
    message.write_bytes(eml(subject="Question", body="Bonjour, quand ouvre la bibliothèque ?"))
    code, _out, err = run_cli(
        capsys,
        "--register",
        str(reg),
        "--passphrase-file",
        str(passphrase_file),
        "case",
        "add",
        "--from-mail",
        str(message),
    )
    assert code == 1 and "--right" in err
    code, out, err = run_cli(
        capsys,
        "--register",
        str(reg),
        "--passphrase-file",
        str(passphrase_file),
        "--json",
        "case",
        "add",
        "--from-mail",
        str(message),
        "--right",
        "access",
    )
    assert code == 0 and out["rights"] == ["access"] and out["mail"]["rights_suggested"] == []
