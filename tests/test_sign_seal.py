"""Seal certificates and PAdES sealing: accented stamp rendering, PKCS#12 import with a CA, coverage checks."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.generic import TextStringObject
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from reportlab.pdfgen.canvas import Canvas

from dsar_desktop.documents import certs, fonts
from dsar_desktop.documents.raster import pdf_page_png
from dsar_desktop.documents.signing import StampPlacement, seal_pdf, verify_pdf
from dsar_desktop.services import certificates

try:
    from letters_support import apply_documents_schema
except ImportError:  # tests imported as a package
    from tests.letters_support import apply_documents_schema

ACCENTED = "Zoë Łukasz‐Müller – Délégué œß"


def _plain_pdf() -> bytes:
    fonts.register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, initialFontName=fonts.REGULAR)
    canvas.setFont(fonts.REGULAR, 11)
    canvas.drawString(72, 780, "Lettre d’essai – “guillemets”")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def seal() -> certs.SealMaterial:
    return certs.create_internal_seal(ACCENTED, "CESI", "cil@cesi.fr")


def _crop_text(pdf: bytes, box: tuple[int, int, int, int]) -> str:
    x1, y1, x2, y2 = box
    height = 842
    args = [
        "pdftotext",
        "-r",
        "72",
        "-x",
        str(x1),
        "-y",
        str(height - y2),
        "-W",
        str(x2 - x1),
        "-H",
        str(y2 - y1),
        "-",
        "-",
    ]
    return subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()


def test_stamp_prints_accented_signer_time_and_fingerprint(seal):
    box = (300, 600, 580, 670)
    when = dt.datetime(2027, 3, 15, 9, 30, tzinfo=dt.UTC)
    sealed = seal_pdf(_plain_pdf(), seal, StampPlacement(0, box), language="fr", when=when)
    text = _crop_text(sealed, box)
    assert ACCENTED in text  # not letter-spaced, not garbled (1000-upem DejaVu)
    assert "2027-03-15 10:30:00 CET" in text  # Paris time
    fingerprint = certs.fingerprint(seal.cert_der)
    assert fingerprint[:20] in text.replace("\n", "") and fingerprint[-20:] in text.replace("\n", "")
    listing = subprocess.run(["pdffonts", "-"], input=sealed, capture_output=True, check=True).stdout.decode()
    assert "Courier" not in listing and "Helvetica" not in listing
    assert "DejaVuSans-Identity-H" in listing
    png = pdf_page_png(sealed, 1, dpi=60)
    assert png.startswith(b"\x89PNG")


def test_seal_is_pades_and_verifies(seal):
    sealed = seal_pdf(_plain_pdf(), seal, StampPlacement(0, (300, 600, 580, 670)))
    report = verify_pdf(sealed, [seal.cert_der])
    assert report.intact and report.valid and report.trusted
    assert report.coverage == "entire_file"
    assert report.signer == ACCENTED
    untrusted = verify_pdf(sealed, [])
    assert untrusted.intact and not untrusted.trusted and "no trusted certificate" in untrusted.details[0]


def test_an_incremental_update_after_sealing_is_not_whole_file_coverage(seal):
    sealed = seal_pdf(_plain_pdf(), seal, StampPlacement(0, (300, 600, 580, 670)))
    writer = IncrementalPdfFileWriter(io.BytesIO(sealed))
    writer.root["/Lang"] = TextStringObject("en")  # what another tool's later edit looks like
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    report = verify_pdf(out.getvalue(), [seal.cert_der])
    assert report.coverage == "entire_revision"
    assert report.intact is False and "whole file" in " ".join(report.details)


def test_unsigned_and_garbage_files_are_reported_not_raised(seal):
    assert verify_pdf(_plain_pdf(), [seal.cert_der]).signed is False
    assert verify_pdf(b"not a pdf at all", []).intact is False


def _ca_and_leaf(not_after_days: int = 365) -> tuple[bytes, bytes, bytes]:
    """(CA cert DER, PKCS#12 of the leaf with the CA, password)."""
    now = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Autorité de test Ç")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(1).not_valid_before(now).not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Cachet CESI – DPO")]))
        .issuer_name(ca_name).public_key(leaf_key.public_key()).serial_number(2)
        .not_valid_before(now).not_valid_after(now + dt.timedelta(days=not_after_days))
        .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    password = b"s3cret-p12"
    p12 = pkcs12.serialize_key_and_certificates(
        b"seal", leaf_key, leaf, [ca], serialization.BestAvailableEncryption(password)
    )
    return ca.public_bytes(serialization.Encoding.DER), p12, password


def test_imported_pkcs12_seals_and_chains_to_its_ca(register):
    apply_documents_schema(register)
    ca_der, p12, password = _ca_and_leaf()
    with pytest.raises(certs.CertificateUnreadable):
        certificates.import_pkcs12(register, p12, "wrong")
    stored = certificates.import_pkcs12(register, p12, password.decode())
    assert stored.kind == "imported" and stored.warning is None and stored.info.subject == "Cachet CESI – DPO"
    material = certificates.seal_material(register)
    assert len(material.chain_der) == 1
    sealed = seal_pdf(_plain_pdf(), material, StampPlacement(0, (300, 600, 580, 670)), language="en")
    report = verify_pdf(sealed, [ca_der])
    assert report.intact and report.trusted, report.details  # digital_signature alone is accepted
    assert verify_pdf(sealed, [certs.create_internal_seal("x", "y").cert_der]).trusted is False
    assert register.query_one("SELECT count(*) FROM audit WHERE action = 'certificate.imported'")[0] == 1


def test_expired_pkcs12_is_refused(register):
    apply_documents_schema(register)
    _ca, p12, password = _ca_and_leaf(not_after_days=0)
    with pytest.raises(certs.CertificateUnsuitable) as err:
        certificates.import_pkcs12(register, p12, password.decode())
    assert "expired" in err.value.describe("en") and "expiré" in err.value.describe("fr")


def test_internal_seal_warns_and_one_seal_is_active(register):
    apply_documents_schema(register)
    first = certificates.create_internal_seal(register)
    assert first.warning and "public" in first.warning[0] and "publique" in first.warning[1]
    second = certificates.seed_demo_certificate(register)
    assert second.info.fingerprint_sha256 == first.info.fingerprint_sha256  # demo keeps an existing seal
    third = certificates.create_internal_seal(register, "Autre sceau", "CESI")
    assert [c.active for c in certificates.list_certificates(register)] == [False, True]
    assert certificates.active_certificate(register).info.fingerprint_sha256 == third.info.fingerprint_sha256
    assert b"BEGIN CERTIFICATE" in certificates.certificate_pem(register)
    with pytest.raises(certs.CertificateUnsuitable):
        certificates.create_internal_seal(register, "x" * 65)


def test_a_changed_byte_inside_the_signature_container_is_caught(seal):
    """The certificate and the CMS envelope sit outside the signed byte range: a byte changed
    there must still fail verification (one carried certificate, bound by its signed hash)."""
    import re

    sealed = seal_pdf(_plain_pdf(), seal, StampPlacement(0, (300, 600, 580, 670)))
    assert verify_pdf(sealed).intact
    match = re.search(rb"/Contents <([0-9a-fA-F]+)>", sealed)
    assert match is not None
    der_hex_end = match.start(1) + 2 * 2200  # the CMS (certificate, attributes, signature) and padding after
    undetected = []
    for position in range(match.start(1), der_hex_end, 9):
        changed = bytearray(sealed)
        changed[position] = ord("1") if changed[position] != ord("1") else ord("2")
        if verify_pdf(bytes(changed)).intact:
            undetected.append(position - match.start(1))
    # At most the odd byte of DER framing that no decoder reads differently.
    assert len(undetected) <= 2, undetected
