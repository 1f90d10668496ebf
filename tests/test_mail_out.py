"""Draft e-mails: a reply draft parses back with the email package, threads with the request, carries the pack
byte for byte and never the password; the acknowledgement; refusals; the CLI; dispatch with channel and address."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import hashlib
from email.message import EmailMessage
from pathlib import Path

import pytest

from dsar_desktop.domain.deadlines import PARIS
from dsar_desktop.domain.errors import InvalidInput
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import certificates, extracts, mail_in, mail_out, packs
from dsar_desktop.services.demo import settle_demo_catalogue
from dsar_desktop.services.extracts_demo import seed_demo_extracts
from dsar_desktop.store.connection import Register

from .conftest import run_cli
from .mail_support import eml


def _case_from_mail(register: Register, **overrides: object) -> str:
    mail = mail_in.read_bytes(eml(**overrides), "request.eml")  # type: ignore[arg-type]
    return mail_in.add_case_from_mail(register, mail_in.suggested_case(mail), mail).ref


def _ready_for_pack(register: Register, ref: str) -> None:
    case_service.transition(register, ref, "in_progress")
    assert seed_demo_extracts(register, [ref]) == [ref]
    certificates.seed_demo_certificate(register)
    settle_demo_catalogue(register)  # draft transfer fields would block the letter (RULES D)
    for source in extracts.missing_sources(register, ref):
        if source.status == "to_search":
            extracts.mark_source(register, ref, source.source, "not_applicable", "no account in this system")
    for match in extracts.list_matches(register, ref, status="pending"):
        extracts.confirm_match(register, match.id)


def _parse(data: bytes) -> EmailMessage:
    parsed = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_reply_draft_parses_back_threaded_with_the_pack_byte_for_byte(
    register: Register, tmp_path: Path
) -> None:
    ref = _case_from_mail(register)
    _ready_for_pack(register, ref)
    result = packs.build_pack(register, ref, tmp_path / "pack")
    out = tmp_path / "drafts" / "reply.eml"
    out.parent.mkdir()
    draft = mail_out.write_draft(register, ref, "reply", out, pack=result.zip)
    parsed = _parse(out.read_bytes())
    assert parsed["To"].addresses[0].addr_spec == "heloise.dupre@example.org"
    assert [a.addr_spec for a in parsed["To"].addresses] == ["heloise.dupre@example.org"]
    assert parsed["In-Reply-To"] == "<req-1@example.org>" and parsed["References"] == "<req-1@example.org>"
    assert parsed["X-Unsent"] == "1" and ref in parsed["Subject"]
    files = {part.get_filename(): part.get_content() for part in parsed.iter_attachments()}
    zip_name = result.zip.name
    assert (
        hashlib.sha256(files[zip_name]).hexdigest()
        == result.sha256
        == case_service.get_case(register, ref).pack_sha256
    )
    assert (
        hashlib.sha256(files[result.pdf.name]).hexdigest()
        == hashlib.sha256(result.pdf.read_bytes()).hexdigest()
    )
    body = parsed.get_body(preferencelist=("plain",)).get_content()
    assert ref in body and "Madame, Monsieur" in body and "mot de passe" not in body
    assert draft.to == "heloise.dupre@example.org"
    events = [e for e in case_service.timeline(register, ref) if e.kind == "mail_draft"]
    assert len(events) == 1 and "not sent" in events[0].summary


def test_encrypted_pack_draft_says_the_password_comes_separately_and_never_holds_it(
    register: Register, tmp_path: Path
) -> None:
    ref = _case_from_mail(
        register,
        body="Hello, I would like a copy of my personal data please. Thank you.",
        subject="Access request",
    )
    assert case_service.get_case(register, ref).language == "en"
    _ready_for_pack(register, ref)
    result = packs.build_pack(register, ref, tmp_path / "pack", encrypt=True)
    assert result.password
    draft = mail_out.build_draft(register, ref, "reply", pack=result.zip)
    parsed = _parse(draft.data)
    assert [p.get_filename() for p in parsed.iter_attachments()] == [
        result.zip.name
    ]  # no clear-text letter beside it
    body = parsed.get_body(preferencelist=("plain",)).get_content()
    assert "password" in body and "another channel" in body and "Dear Sir or Madam" in body
    assert result.password not in body
    assert result.password.encode() not in draft.data
    for part in parsed.walk():
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            assert result.password.encode() not in payload


def test_acknowledgement_draft_carries_the_letter_as_pdf(register: Register, tmp_path: Path) -> None:
    ref = _case_from_mail(register)
    draft = mail_out.write_draft(register, ref, "acknowledgement", tmp_path / "ack")
    written = tmp_path / "ack.eml"
    assert written.exists()
    parsed = _parse(written.read_bytes())
    (attachment,) = list(parsed.iter_attachments())
    assert attachment.get_content_type() == "application/pdf" and attachment.get_content().startswith(b"%PDF")
    assert parsed["Subject"] == f"[{ref}] Accusé de réception de votre demande"
    assert "reçue le lun. 1er février 2027" in parsed.get_body(preferencelist=("plain",)).get_content()
    assert draft.attachments[0].sha256 == hashlib.sha256(attachment.get_content()).hexdigest()


def test_reply_refuses_a_pack_that_is_not_the_latest_and_a_case_without_pack(
    register: Register, tmp_path: Path
) -> None:
    ref = _case_from_mail(register)
    with pytest.raises(mail_out.NoPackForReply):
        mail_out.build_draft(register, ref, "reply", pack=tmp_path / "none.zip")
    _ready_for_pack(register, ref)
    first = packs.build_pack(register, ref, tmp_path / "one")
    old = first.zip.read_bytes()
    packs.build_pack(register, ref, tmp_path / "two")
    stale = tmp_path / "stale.zip"
    stale.write_bytes(old)
    with pytest.raises(mail_out.PackNotLatest) as refused:
        mail_out.build_draft(register, ref, "reply", pack=stale)
    assert "dernier dossier" in refused.value.describe("fr")


def test_no_address_no_draft(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory(subject_email=None, channel="post")
    with pytest.raises(mail_out.NoAddressForMail):
        mail_out.build_draft(register, ref, "acknowledgement")


def test_dispatch_is_recorded_with_date_channel_and_address(register: Register) -> None:
    ref = _case_from_mail(register)
    case_service.transition(register, ref, "in_progress")
    no_pack = "Reply typed in the mail client (no sealed pack in this test register)"
    with pytest.raises(InvalidInput):
        case_service.record_dispatch(
            register, ref, dt.date(2027, 2, 20), None, channel="email", address="not an address",
            without_pack_reason=no_pack,
        )  # fmt: skip
    case_service.record_dispatch(
        register, ref, dt.date(2027, 2, 20), None, channel="email", address="heloise.dupre@example.org",
        without_pack_reason=no_pack,
    )  # fmt: skip
    assert case_service.dispatch_details(register, ref) == ("email", "heloise.dupre@example.org")
    assert case_service.get_case(register, ref).dispatch_date == dt.date(2027, 2, 20)


def test_cli_mail_draft_writes_the_eml(
    tmp_path: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg = tmp_path / "r.dsar"
    base = ["--register", str(reg), "--passphrase-file", str(passphrase_file)]
    assert run_cli(capsys, *base, "init")[0] == 0
    message = tmp_path / "m.eml"
    message.write_bytes(eml(received=["from a by mx.ecole.example.fr; Sat, 31 Jan 2026 23:30:00 +0000"]))
    code, added, err = run_cli(capsys, *base, "--json", "case", "add", "--from-mail", str(message))
    assert code == 0, err
    out = tmp_path / "ack.eml"
    code, result, err = run_cli(
        capsys, *base, "--json", "mail", "draft", added["ref"], "--kind", "acknowledgement", "--out", str(out)
    )
    assert code == 0, err
    assert result["to"] == "heloise.dupre@example.org" and result["in_reply_to"] == "<req-1@example.org>"
    assert _parse(out.read_bytes())["X-Unsent"] == "1"
    code, _, err = run_cli(
        capsys, *base, "mail", "draft", added["ref"], "--kind", "reply", "--out", str(tmp_path / "r.eml")
    )
    assert code == 1 and "build the response pack first" in err
    # the dispatch, with its channel and address, is what `case show` reports
    ref = added["ref"]
    assert run_cli(capsys, *base, "case", "transition", ref, "--to", "in_progress")[0] == 0
    today = dt.datetime.now(PARIS).date().isoformat()
    code, _, err = run_cli(
        capsys, *base, "case", "dispatch", ref, "--date", today, "--channel", "email",
        "--to", "heloise.dupre@example.org", "--without-pack", "--reason", "acknowledged only, for this test",
    )  # fmt: skip
    assert code == 0, err
    code, shown, err = run_cli(capsys, *base, "--json", "case", "show", ref)
    assert code == 0, err
    assert (shown["dispatch_channel"], shown["dispatch_address"]) == ("email", "heloise.dupre@example.org")
