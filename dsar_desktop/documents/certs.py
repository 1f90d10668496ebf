"""Seal certificates: create a self-signed internal seal, read PKCS#12, describe a certificate."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from ..domain.errors import DsarError


class CertificateUnreadable(DsarError):
    code = "certificate_unreadable"
    en = "The certificate file {name} cannot be read: {reason}."
    fr = "Le fichier de certificat {name} est illisible : {reason_fr}."
    exit_code = 1


class CertificateUnsuitable(DsarError):
    code = "certificate_unsuitable"
    en = "The certificate {subject} cannot seal documents: {reason}."
    fr = "Le certificat {subject} ne peut pas sceller de documents : {reason_fr}."
    exit_code = 1


@dataclass(frozen=True)
class SealMaterial:
    """A private key and its certificate (DER), with the chain up to the issuer when known."""

    key_der: bytes  # PKCS#8, unencrypted: it only ever lives inside the encrypted register
    cert_der: bytes
    chain_der: tuple[bytes, ...] = ()

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(self.cert_der)


@dataclass(frozen=True)
class CertificateInfo:
    subject: str
    issuer: str
    fingerprint_sha256: str  # hex, upper case, colon-separated pairs
    not_before: str
    not_after: str
    self_signed: bool

    @property
    def short_fingerprint(self) -> str:
        return self.fingerprint_sha256[:23]


def fingerprint(cert_der: bytes) -> str:
    digest = hashlib.sha256(cert_der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def _common_name(name: x509.Name) -> str:
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else name.rfc4514_string()


def describe(cert_der: bytes) -> CertificateInfo:
    cert = x509.load_der_x509_certificate(cert_der)
    return CertificateInfo(
        subject=_common_name(cert.subject),
        issuer=_common_name(cert.issuer),
        fingerprint_sha256=fingerprint(cert_der),
        not_before=cert.not_valid_before_utc.date().isoformat(),
        not_after=cert.not_valid_after_utc.date().isoformat(),
        self_signed=cert.subject == cert.issuer,
    )


def create_internal_seal(
    common_name: str,
    organisation: str,
    email: str | None = None,
    years: int = 5,
    now: dt.datetime | None = None,
) -> SealMaterial:
    """A self-signed seal. Recipients cannot check it against a public authority (the UI warns)."""
    if not 1 <= len(common_name) <= 64 or not 1 <= len(organisation) <= 64:
        raise CertificateUnsuitable(
            subject=common_name,
            reason="the name and the organisation must each have 1 to 64 characters",
            reason_fr="le nom et l'organisation doivent compter chacun de 1 à 64 caractères",
        )
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    attrs = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ]
    if email:
        attrs.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    name = x509.Name(attrs)
    start = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(minutes=5)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=365 * years + 1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return SealMaterial(key_der=key_der, cert_der=cert.public_bytes(serialization.Encoding.DER))


def load_pkcs12(data: bytes, password: str | None, name: str = "PKCS#12") -> SealMaterial:
    """Read a .p12/.pfx; the key is re-encoded unencrypted for storage inside the register."""
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password.encode() if password else None)
    except ValueError as exc:
        raise CertificateUnreadable(
            name=name,
            reason="wrong password or not a PKCS#12 file",
            reason_fr="mot de passe erroné ou fichier non PKCS#12",
        ) from exc
    if key is None or cert is None:
        raise CertificateUnreadable(
            name=name,
            reason="it holds no private key with its certificate",
            reason_fr="il ne contient pas de clé privée avec son certificat",
        )
    info = describe(cert.public_bytes(serialization.Encoding.DER))
    now = dt.datetime.now(dt.UTC)
    if cert.not_valid_after_utc < now:
        raise CertificateUnsuitable(
            subject=info.subject,
            reason=f"it expired on {info.not_after}",
            reason_fr=f"il a expiré le {info.not_after}",
        )
    key_der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    chain = tuple(c.public_bytes(serialization.Encoding.DER) for c in (extra or []))
    return SealMaterial(
        key_der=key_der, cert_der=cert.public_bytes(serialization.Encoding.DER), chain_der=chain
    )


def load_certificate_file(data: bytes, name: str = "certificate") -> bytes:
    """A PEM or DER certificate → DER."""
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificate(data).public_bytes(serialization.Encoding.DER)
        return x509.load_der_x509_certificate(data).public_bytes(serialization.Encoding.DER)
    except ValueError as exc:
        raise CertificateUnreadable(
            name=name,
            reason="not a PEM or DER certificate",
            reason_fr="ce n'est pas un certificat PEM ou DER",
        ) from exc


def to_pem(cert_der: bytes) -> bytes:
    return x509.load_der_x509_certificate(cert_der).public_bytes(serialization.Encoding.PEM)
