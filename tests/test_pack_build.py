"""The case pack end to end: CLI build, pyHanko's own validation, tampering, manifest, encryption, records."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
import pyzipper
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from dsar_desktop.cli import main as cli_main
from dsar_desktop.documents import certs
from dsar_desktop.domain.errors import Cancelled
from dsar_desktop.domain.progress import CancelToken
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import certificates, letters, packs
from dsar_desktop.services.register import create_register, unlock_register

pytestmark = pytest.mark.usefixtures("identity_today")

try:
    from letters_support import apply_documents_schema, confirmed_rows, install_inputs
except ImportError:  # tests imported as a package
    from tests.letters_support import apply_documents_schema, confirmed_rows, install_inputs

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def reg(register, monkeypatch):
    apply_documents_schema(register)
    install_inputs(monkeypatch)
    certificates.create_internal_seal(register)
    return register


def _cli(capsys, *args: str) -> tuple[int, dict]:
    code = cli_main(list(args))
    captured = capsys.readouterr()
    out = captured.out
    if out.strip().startswith("{"):
        return code, json.loads(out)
    return code, {"raw": out, "_stderr": captured.err}


def test_cli_built_pack_verifies_with_pyhanko_and_one_changed_byte_fails(tmp_path, monkeypatch, capsys):
    install_inputs(monkeypatch)
    path = tmp_path / "r.dsar"
    (tmp_path / "pw").write_text(PASSPHRASE)
    created = create_register(path, "alice", PASSPHRASE)
    reg = created.register
    apply_documents_schema(reg)
    ref = case_service.add_case(reg, _new_case()).ref
    certificates.create_internal_seal(reg)
    reg.close()
    base = ["--register", str(path), "--passphrase-file", str(tmp_path / "pw"), "--json"]
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    code, cert = _cli(capsys, "cert", "show", "--pem", str(tmp_path / "seal.pem"), *base)
    assert code == 0 and cert["kind"] == "internal_seal" and "warning" in cert
    code, built = _cli(capsys, "pack", "build", ref, "--out", str(out_dir), *base)
    assert code == 0, built
    assert set(built) == {"pdf", "zip", "sha256"}
    zip_path = Path(built["zip"])
    assert zip_path.exists() and not list(out_dir.glob(".*.part"))

    # pyHanko's own validation API, on the PDF inside the ZIP.
    with zipfile.ZipFile(zip_path) as archive:
        names = set(archive.namelist())
        pdf = archive.read(f"{ref}-response-fr.pdf")
        manifest = json.loads(archive.read("manifest.json"))
    assert names == {f"{ref}-response-fr.pdf", "data.json", "data.csv", "manifest.json"}
    trust = asn1_x509.Certificate.load(certs.load_certificate_file((tmp_path / "seal.pem").read_bytes()))
    sig = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[trust], allow_fetching=False))
    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES baseline

    assert manifest["case_ref"] == ref and manifest["catalogue_version"] == "2027.1-test"
    assert manifest["software"].startswith("DSAR Desktop ") and manifest["generated_at"]
    assert set(manifest["files"]) == {f"{ref}-response-fr.pdf", "data.json", "data.csv"}

    code, verified = _cli(
        capsys, "pack", "verify", str(zip_path), "--trust", str(tmp_path / "seal.pem"), "--json"
    )
    assert code == 0
    assert verified["intact"] is True and verified["trusted"] is True
    assert verified["coverage"] == "entire_file" and verified["manifest_ok"] is True
    assert verified["signer"] == certificates.DEFAULT_SEAL_NAME
    code, lone = _cli(capsys, "pack", "verify", built["pdf"], "--trust", str(tmp_path / "seal.pem"), "--json")
    assert code == 0 and lone["intact"] is True and lone["manifest_ok"] is None

    # One changed byte, anywhere that matters: the sealed PDF, or the ZIP itself.
    pdf_bytes = bytearray(Path(built["pdf"]).read_bytes())
    pdf_bytes[len(pdf_bytes) // 3] ^= 0x01
    bad_pdf = tmp_path / "bad.pdf"
    bad_pdf.write_bytes(bytes(pdf_bytes))
    code, result = _cli(
        capsys, "pack", "verify", str(bad_pdf), "--trust", str(tmp_path / "seal.pem"), "--json"
    )
    assert code != 0 and result["intact"] is False
    data = bytearray(zip_path.read_bytes())
    for offset in (40, len(data) // 2, len(data) - 30):
        tampered = bytearray(data)
        tampered[offset] ^= 0x01
        bad_zip = tmp_path / "bad.zip"
        bad_zip.write_bytes(bytes(tampered))
        assert packs.verify_pack(bad_zip, tmp_path / "seal.pem").intact is False, offset

    # Trusting another certificate: intact but not trusted.
    other = tmp_path / "other.pem"
    other.write_bytes(certs.to_pem(certs.create_internal_seal("Autre", "Autre").cert_der))
    result = packs.verify_pack(zip_path, other)
    assert result.intact is True and result.trusted is False

    # The case keeps the pack's SHA-256, with an audit entry.
    reg = unlock_register(path, PASSPHRASE)
    try:
        assert case_service.get_case(reg, ref).pack_sha256 == built["sha256"]
        entry = reg.query_one(
            "SELECT details FROM audit WHERE action = 'case.pack_built' AND case_ref = ?", (ref,)
        )
        assert json.loads(entry[0])["sha256"] == built["sha256"]
    finally:
        reg.close()


def _new_case():
    import datetime as dt

    from dsar_desktop.domain.cases import Capacity, Channel, Person, Right

    return case_service.NewCase(
        received_at=dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC), channel=Channel.EMAIL, rights=[Right.ACCESS],
        subject=Person("Héloïse DUPRÉ", "heloise@example.org", None, dt.date(2001, 3, 5),
                       "Héloïse DUPRÉ\n12 rue des Lilas\n69003 LYON", None),
        language="fr", requester_name=None, capacity=Capacity.SELF,
    )  # fmt: skip


def test_data_files_hold_the_confirmed_data_with_redactions(reg, case_factory, tmp_path):
    ref = case_factory()
    result = packs.build_pack(reg, ref, tmp_path, language="en")
    with zipfile.ZipFile(result.zip) as archive:
        data = json.loads(archive.read("data.json"))
        csv_text = archive.read("data.csv").decode("utf-8-sig")
    crm = next(s for s in data["sources"] if s["source"] == "crm")
    assert crm["name"] == "Sales CRM" and len(crm["records"]) == 3
    assert crm["records"][0]["comment"] == {"redacted": "third_party"}
    assert crm["records"][1]["comment"].startswith("Rappel “œuvre”")
    assert "Jean MARTIN n°0" not in csv_text and "[REDACTED: third_party]" in csv_text
    assert csv_text.splitlines()[0] == "source,record,field,value"
    assert result.pdf.name.endswith("-response-en.pdf")


def test_encrypted_pack_needs_its_password(reg, case_factory, tmp_path):
    ref = case_factory()
    pem = tmp_path / "seal.pem"
    pem.write_bytes(certificates.certificate_pem(reg))
    result = packs.build_pack(reg, ref, tmp_path, encrypt=True)
    assert result.password and len(result.password) >= 29
    with pytest.raises(RuntimeError):
        zipfile.ZipFile(result.zip).read("data.json")
    with pyzipper.AESZipFile(result.zip) as archive:
        archive.setpassword(result.password.encode())
        assert json.loads(archive.read("data.json"))["case"] == ref
    locked = packs.verify_pack(result.zip, pem)
    assert locked.intact is False and "password" in " ".join(locked.details)
    assert packs.verify_pack(result.zip, pem, password="wrong-password").intact is False
    ok = packs.verify_pack(result.zip, pem, password=result.password)
    assert ok.intact and ok.trusted and ok.manifest_ok
    row = reg.query_one("SELECT encrypted FROM packs WHERE case_ref = ?", (ref,))
    assert row[0] == 1
    assert result.password not in json.dumps([list(r) for r in reg.query("SELECT * FROM audit")], default=str)


def test_pack_refused_while_sources_are_missing(reg, case_factory, tmp_path, monkeypatch):
    ref = case_factory()
    install_inputs(monkeypatch, missing=["surveys"])
    with pytest.raises(letters.SourcesMissing):
        packs.build_pack(reg, ref, tmp_path)
    install_inputs(monkeypatch, block=("under 15 without verified parental authority", "moins de 15 ans"))
    with pytest.raises(letters.DisclosureBlocked):
        packs.build_pack(reg, ref, tmp_path)
    assert list(tmp_path.iterdir()) == [] or all(
        p.suffix == ".dsar" or "test" in p.name for p in tmp_path.iterdir()
    )
    assert case_service.get_case(reg, ref).pack_sha256 is None


def test_pack_needs_a_seal(register, case_factory, tmp_path, monkeypatch):
    apply_documents_schema(register)
    install_inputs(monkeypatch)
    ref = case_factory()
    with pytest.raises(certificates.NoSealCertificate):
        packs.build_pack(register, ref, tmp_path)


def test_progress_and_cancel(reg, case_factory, tmp_path):
    ref = case_factory()
    out = tmp_path / "out"
    out.mkdir()
    stages: list[str] = []
    token = CancelToken()

    def progress(done: int, total: int, stage: str) -> None:
        stages.append(stage)
        if stage == "seal":
            token.cancel()

    with pytest.raises(Cancelled):
        packs.build_pack(reg, ref, out, progress=progress, cancel=token)
    assert list(out.iterdir()) == []
    assert case_service.get_case(reg, ref).pack_sha256 is None
    stages.clear()
    packs.build_pack(reg, ref, out, progress=lambda d, t, s: stages.append(s))
    assert stages == ["checks", "data", "letter", "seal", "write", "done"]


def test_rebuild_replaces_atomically_and_keeps_history(reg, case_factory, tmp_path):
    ref = case_factory()
    first = packs.build_pack(reg, ref, tmp_path)
    second = packs.build_pack(reg, ref, tmp_path)
    assert first.zip == second.zip and second.zip.read_bytes() != b""
    assert [p.sha256 for p in packs.pack_history(reg, ref)] == [first.sha256, second.sha256]
    assert case_service.get_case(reg, ref).pack_sha256 == second.sha256
    assert not list(tmp_path.glob(".*.part"))
    assert packs.verify_case_pack(reg, ref, second.zip).intact
    assert packs.verify_case_pack(reg, ref, second.zip).trusted


def test_large_annexes_split_with_repeated_headers(reg, case_factory, tmp_path, monkeypatch):
    rows = confirmed_rows(300)
    install_inputs(monkeypatch, data=rows)
    ref = case_factory()
    result = packs.build_pack(reg, ref, tmp_path, language="en")
    from dsar_desktop.documents.raster import pdf_text

    text = pdf_text(result.pdf.read_bytes())
    pages = text.split("\f")
    annex_pages = [p for p in pages if "heloise.dupre@example.org" in p]
    assert len(annex_pages) >= 4
    for page in annex_pages:
        assert "Comment" in page and "Owner" in page  # header (made readable) repeated on every page
    total = len([p for p in pages if p.strip()])
    assert f"Page {total} of {total}" in text


def test_cli_letter_calibration_and_cert_create(tmp_path, monkeypatch, capsys):
    install_inputs(monkeypatch)
    path = tmp_path / "r.dsar"
    (tmp_path / "pw").write_text(PASSPHRASE)
    reg = create_register(path, "alice", PASSPHRASE).register
    ref = case_service.add_case(reg, _new_case()).ref
    reg.close()
    base = ["--register", str(path), "--passphrase-file", str(tmp_path / "pw"), "--json"]
    code, failed = _cli(capsys, "pack", "build", ref, "--out", str(tmp_path), *base)
    assert code == certificates.NoSealCertificate.exit_code  # no seal yet: a clear error, no traceback
    assert "dsar cert create" in failed["_stderr"] and "Traceback" not in failed["_stderr"]
    code, made = _cli(capsys, "cert", "create", "--name", "Sceau – Zoë", *base)
    assert code == 0 and made["subject"] == "Sceau – Zoë" and made["self_signed"] is True
    # An ID-request letter exists only for a request on record (reason, suspension, audit).
    code, _ = _cli(capsys, "letter", ref, "--kind", "id_request", "--out", str(tmp_path / "no.pdf"), *base)
    assert code == 1 and not (tmp_path / "no.pdf").exists()
    code, requested = _cli(
        capsys,
        "case",
        "id-request",
        ref,
        "--reason",
        "Votre demande provient d'une adresse que nous ne connaissons pas.",
        "--sent-on",
        "2027-03-02",
        *base,
    )
    assert code == 0, requested
    code, out = _cli(capsys, "letter", ref, "--kind", "id_request", "--out", str(tmp_path / "id.pdf"), *base)
    assert code == 0 and (tmp_path / "id.pdf").read_bytes().startswith(b"%PDF")
    from dsar_desktop.documents.raster import pdf_text

    assert "Votre demande provient d'une adresse que nous ne connaissons pas." in pdf_text(
        (tmp_path / "id.pdf").read_bytes()
    )
    code, _ = _cli(capsys, "case", "id-received", ref, "--paper", "--date", "2027-03-05", *base)
    assert code == 0
    code, _ = _cli(capsys, "calibration", "--out", str(tmp_path / "cal.pdf"), *base)
    assert code == 0 and "ADRESSE DU DESTINATAIRE" in pdf_text((tmp_path / "cal.pdf").read_bytes())
    code, built = _cli(
        capsys, "pack", "build", ref, "--out", str(tmp_path), "--encrypt", "--language", "en", *base
    )
    assert code == 0 and built["password"]
    (tmp_path / "zip-pw").write_text(built["password"])
    code, verified = _cli(
        capsys, "pack", "verify", built["zip"], "--password-file", str(tmp_path / "zip-pw"), "--json"
    )
    assert code == 0 and verified["intact"] and verified["trusted"] is False  # no --trust given


def head_hash_absent(text: str, result: packs.PackResult) -> bool:
    with zipfile.ZipFile(result.zip) as archive:
        head = json.loads(archive.read("manifest.json"))["audit_head"]["hash"]
    return head[:8] not in text and "Technical annex" not in text and "Annexe technique" not in text


def _text(pdf: Path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout.decode()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_technical_annex_page_is_optional_and_carries_the_fingerprints(reg, case_factory, tmp_path, language):
    """Issue 11 item 8: hashes never in the letter's body; on request, on a last page of their own."""
    ref = case_factory()
    plain = packs.build_pack(reg, ref, tmp_path / "plain", language=language)
    with_annex = packs.build_pack(reg, ref, tmp_path / "annex", language=language, technical_annex=True)
    with zipfile.ZipFile(with_annex.zip) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    digest = manifest["files"]["data.json"]
    grouped = " ".join(digest[i : i + 8] for i in range(0, 64, 8))
    plain_text, annex_text = _text(plain.pdf), _text(with_annex.pdf)
    assert digest[:8] not in plain_text and head_hash_absent(plain_text, with_annex)  # the letter alone: no hash
    last_page = annex_text.split("\f")[-2] if annex_text.endswith("\f") else annex_text.split("\f")[-1]
    title = "Annexe technique" if language == "fr" else "Technical annex"
    assert title in last_page and grouped in last_page
    assert " ".join(manifest["files"]["data.csv"][i : i + 8] for i in range(0, 64, 8)) in last_page
    head = manifest["audit_head"]
    assert str(head["count"]) in last_page and head["hash"][:8] in last_page
    fingerprint = certificates.active_certificate(reg).info.fingerprint_sha256  # as the stamp prints it
    assert fingerprint in "".join(last_page.split())  # it may wrap at a colon
    assert title not in annex_text.split("\f")[0]  # the first page is the letter, unchanged
    # the seal still covers the whole document, annex page included
    reader = PdfFileReader(io.BytesIO(with_annex.pdf.read_bytes()))
    status = validate_pdf_signature(reader.embedded_signatures[0], ValidationContext(allow_fetching=False))
    assert status.intact and status.coverage == SignatureCoverageLevel.ENTIRE_FILE
