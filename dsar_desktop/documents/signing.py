"""PAdES B-B sealing with a visible stamp, and offline verification of a sealed PDF."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from . import fonts
from .certs import SealMaterial, describe, fingerprint

FIELD_NAME = "DPOSeal"
PARIS = ZoneInfo("Europe/Paris")
STAMP_FONT_SIZE = 7


class _CachedKeySigner(signers.SimpleSigner):
    """SimpleSigner re-parses the key for every signature (0.13 s for RSA-3072); parse it once.

    The key comes from the register, where it was checked on import, so the slow RSA
    consistency check is skipped.
    """

    def __init__(self, key_der: bytes, **kwargs: Any) -> None:
        super().__init__(signing_key=asn1_keys.PrivateKeyInfo.load(key_der), **kwargs)
        self._key = serialization.load_der_private_key(
            key_der, password=None, unsafe_skip_rsa_key_validation=True
        )

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        if isinstance(self._key, rsa.RSAPrivateKey) and mechanism["algorithm"].native == "sha256_rsa":
            return self._key.sign(data, padding.PKCS1v15(), hashes.SHA256())
        return super().sign_raw(data, digest_algorithm)


@dataclass(frozen=True)
class StampPlacement:
    """Where the visible stamp goes: 0-based page index and box (x1, y1, x2, y2) in PDF points."""

    page: int
    box: tuple[int, int, int, int]


def stamp_text(signer: str, when: dt.datetime, cert_fingerprint: str, language: str) -> str:
    stamp_when = when.astimezone(PARIS).strftime("%Y-%m-%d %H:%M:%S %Z")
    half = len(cert_fingerprint) // 2 + 1
    fp1, fp2 = cert_fingerprint[:half].rstrip(":"), cert_fingerprint[half:]
    if language == "fr":
        return f"Scellé électroniquement par : {signer}\nLe : {stamp_when}\nEmpreinte SHA-256 du certificat :\n{fp1}\n{fp2}"
    return f"Electronically sealed by: {signer}\nOn: {stamp_when}\nCertificate SHA-256 fingerprint:\n{fp1}\n{fp2}"


def seal_pdf(
    pdf: bytes,
    material: SealMaterial,
    placement: StampPlacement,
    *,
    language: str = "fr",
    when: dt.datetime | None = None,
    reason: str | None = None,
    location: str | None = None,
) -> bytes:
    """Sign as PAdES baseline B-B (no time-stamp, no revocation data): the signing time is the claimed one."""
    when = when or dt.datetime.now(PARIS)
    info = describe(material.cert_der)
    text = stamp_text(info.subject, when, info.fingerprint_sha256, language)
    cert = asn1_x509.Certificate.load(material.cert_der)
    # The signer's own certificate is embedded once: a second copy (a self-signed seal is its own
    # chain) would be a place where a changed byte stays outside every check.
    chain = [asn1_x509.Certificate.load(c) for c in material.chain_der if c != material.cert_der]
    signer = _CachedKeySigner(
        material.key_der, signing_cert=cert, cert_registry=SimpleCertificateStore.from_certs(chain)
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        name=info.subject,
    )
    style = TextStampStyle(
        stamp_text=text,
        text_box_style=TextBoxStyle(
            font=fonts.InMemoryGlyphFactory(fonts.stamp_font_bytes(text), STAMP_FONT_SIZE),
            font_size=STAMP_FONT_SIZE,
            leading=STAMP_FONT_SIZE + 2,
        ),
        border_width=1,
        inner_content_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN, y_align=AxisAlignment.ALIGN_MID, margins=Margins.uniform(4)
        ),
        background=None,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    pdf_signer = signers.PdfSigner(
        meta,
        signer=signer,
        stamp_style=style,
        new_field_spec=fields.SigFieldSpec(FIELD_NAME, on_page=placement.page, box=placement.box),
    )
    out = io.BytesIO()
    # A fixed reservation skips pyHanko's dry-run signature used to estimate the size.
    reserved = 8192 + 2 * (len(material.cert_der) + sum(len(c) for c in material.chain_der))
    pdf_signer.sign_pdf(writer, output=out, bytes_reserved=reserved)
    return out.getvalue()


@dataclass
class SignatureReport:
    signed: bool
    intact: bool
    valid: bool
    trusted: bool
    coverage: str  # "entire_file", "entire_revision", "contiguous_block_from_start", "unclear", "none"
    signer: str | None = None
    signing_time: str | None = None
    fingerprint: str | None = None
    details: list[str] = field(default_factory=list)


@contextlib.contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs a traceback naming the certificate for every untrusted path; the report says it once."""
    logger = logging.getLogger("pyhanko")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _coverage_name(level: Any) -> str:
    return str(level.name).lower() if level is not None else "unclear"


def _der_length(data: bytes) -> int | None:
    """Total length of the DER element at the start of `data` (tag, length, content)."""
    if len(data) < 2:
        return None
    first = data[1]
    if first < 0x80:
        return 2 + first
    count = first & 0x7F
    if count == 0 or count > 4 or len(data) < 2 + count:
        return None
    return 2 + count + int.from_bytes(data[2 : 2 + count], "big")


def _contents_padding_is_clean(sig: Any) -> bool:
    """The signature's /Contents is not covered by the signature itself: its DER value is checked by
    pyHanko, and the zero padding reserved after it must still be zeros, or one changed byte there
    would go unnoticed."""
    try:
        contents = bytes(sig.sig_object["/Contents"])
    except Exception:  # noqa: BLE001 - unreadable means not clean
        return False
    length = _der_length(contents)
    if length is None or length > len(contents):
        return False
    return not any(contents[length:])


def _signer_cert_matches_signed_hash(sig: Any) -> bool:
    """PAdES binds the signer's certificate by its hash in the signed attributes (ESS
    signing-certificate-v2); the certificate itself sits outside the signed bytes, so a byte
    changed inside it is caught only by comparing the two."""
    try:
        cert = sig.signer_cert
        for attr in sig.signer_info["signed_attrs"]:
            if attr["type"].native != "signing_certificate_v2":
                continue
            ess = attr["values"][0]["certs"][0]
            algorithm = ess["hash_algorithm"]["algorithm"].native or "sha256"
            return bool(hashlib.new(algorithm, cert.dump()).digest() == ess["cert_hash"].native)
    except Exception:  # noqa: BLE001 - a seal we cannot read is not a matching one
        return False
    return False


def _embedded_certificates_unaltered(sig: Any) -> bool:
    """Every certificate carried in the seal must still bear a valid signature of its issuer
    (itself, for an internal seal). Certificates are outside the signed bytes, so without this
    a byte changed in a carried copy would go unnoticed."""
    from cryptography import x509

    try:
        certs = [x509.load_der_x509_certificate(c.chosen.dump()) for c in sig.signed_data["certificates"]]
        for cert in certs:
            issuers = [c for c in certs if c.subject == cert.issuer]
            if not issuers:
                continue  # issued by an authority not carried in the seal: trust is checked separately
            if not any(_issued_by(cert, issuer) for issuer in issuers):
                return False
    except Exception:  # noqa: BLE001 - a certificate that no longer parses was altered
        return False
    return True


def _cms_envelope_consistent(sig: Any) -> bool:
    """The parts of the CMS envelope that no signature covers must say what the signer info says:
    the digest algorithm listed, and the versions of a PAdES B-B seal (RFC 5652: 1)."""
    try:
        signed_data = sig.signed_data
        info = signed_data["signer_infos"][0]
        listed = {a["algorithm"].native for a in signed_data["digest_algorithms"]}
        return (
            listed == {info["digest_algorithm"]["algorithm"].native}
            and signed_data["version"].native == "v1"
            and info["version"].native == "v1"
            and len(signed_data["signer_infos"]) == 1
        )
    except Exception:  # noqa: BLE001 - unreadable means inconsistent
        return False


def _issued_by(cert: Any, issuer: Any) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except Exception:  # noqa: BLE001 - InvalidSignature, ValueError, TypeError all mean "no"
        return False
    return True


def verify_pdf(pdf: bytes, trust_roots_der: list[bytes] | None = None) -> SignatureReport:
    """Check the seal offline. Never raises on a damaged file: it reports what is wrong."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = reader.embedded_signatures
    except Exception as exc:  # noqa: BLE001 - any parse failure means "not an intact PDF"
        return SignatureReport(
            False, False, False, False, "none", details=[f"unreadable PDF: {type(exc).__name__}"]
        )
    if not embedded:
        return SignatureReport(False, False, False, False, "none", details=["no signature in the PDF"])
    sig = embedded[-1]
    roots = [asn1_x509.Certificate.load(d) for d in (trust_roots_der or [])]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    usage = KeyUsageConstraints(
        key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
    )
    details: list[str] = []
    try:
        with _quiet_pyhanko():
            status = validate_pdf_signature(sig, context, key_usage_settings=usage)
    except Exception as exc:  # noqa: BLE001 - a corrupted CMS blob raises from deep inside pyHanko
        return SignatureReport(
            True, False, False, False, "unclear", details=[f"signature unreadable: {type(exc).__name__}"]
        )
    cert_der = sig.signer_cert.dump() if sig.signer_cert is not None else None
    coverage = status.coverage
    if coverage != SignatureCoverageLevel.ENTIRE_FILE:
        details.append(f"the signature does not cover the whole file ({_coverage_name(coverage)})")
    if len(embedded) > 1:
        details.append(f"{len(embedded)} signatures in the file; the last one was checked")
    padding_ok = _contents_padding_is_clean(sig)
    if not padding_ok:
        details.append("the bytes reserved around the signature value were changed")
    if not _cms_envelope_consistent(sig):
        padding_ok = False
        details.append("the signature's envelope was altered")
    if not _embedded_certificates_unaltered(sig):
        padding_ok = False
        details.append("a certificate carried in the seal was altered")
    if not _signer_cert_matches_signed_hash(sig):
        padding_ok = False
        details.append("the signer's certificate in the seal does not match the one that was signed")
    if not status.intact:
        details.append("the signed bytes were changed")
    if not status.valid:
        details.append("the signature value does not match the certificate")
    if not roots:
        details.append("no trusted certificate given: trust not checked")
    elif not status.trusted:
        details.append("the signer's certificate does not chain to the given trusted certificate")
    signing_time = status.signer_reported_dt.isoformat() if status.signer_reported_dt else None
    info = describe(cert_der) if cert_der else None
    return SignatureReport(
        signed=True,
        intact=bool(
            status.intact and status.valid and padding_ok and coverage == SignatureCoverageLevel.ENTIRE_FILE
        ),
        valid=bool(status.valid),
        trusted=bool(roots) and bool(status.trusted),
        coverage=_coverage_name(coverage),
        signer=info.subject if info else None,
        signing_time=signing_time,
        fingerprint=fingerprint(cert_der) if cert_der else None,
        details=details,
    )
