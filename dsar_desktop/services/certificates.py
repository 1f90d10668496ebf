"""The office's seal certificate in the register: import a PKCS#12, create an internal seal, show it."""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass

from ..documents import certs
from ..documents.certs import CertificateInfo, SealMaterial
from ..domain.errors import DsarError
from ..store import audit
from ..store.connection import Register

INTERNAL_SEAL_WARNING = (
    "This is an internal seal, signed by itself: it proves that the pack has not changed since the office "
    "sealed it, but recipients cannot check it against a public certification authority. Give them the "
    "certificate (dsar cert show --pem) through another channel, or import a qualified seal.",
    "Ceci est un sceau interne, auto-signé : il prouve que le dossier n'a pas changé depuis son scellement "
    "par le bureau, mais les destinataires ne peuvent pas le vérifier auprès d'une autorité de certification "
    "publique. Transmettez-leur le certificat (dsar cert show --pem) par un autre canal, ou importez un cachet qualifié.",
)
DEFAULT_SEAL_NAME = "CESI – Délégué à la protection des données"
DEFAULT_ORGANISATION = "CESI"
DEFAULT_EMAIL = "cil@cesi.fr"


class NoSealCertificate(DsarError):
    code = "no_seal_certificate"
    en = "No seal certificate in the register: import one (dsar cert import FILE.p12) or create an internal seal (dsar cert create)."
    fr = "Aucun certificat de scellement dans le registre : importez-en un (dsar cert import FICHIER.p12) ou créez un sceau interne (dsar cert create)."
    exit_code = 1


@dataclass(frozen=True)
class StoredCertificate:
    id: int
    kind: str  # imported | internal_seal
    info: CertificateInfo
    active: bool
    created_at: str

    @property
    def warning(self) -> tuple[str, str] | None:
        """(en, fr) warning the UI shows next to an internal seal."""
        return INTERNAL_SEAL_WARNING if self.kind == "internal_seal" else None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _store(reg: Register, material: SealMaterial, kind: str) -> StoredCertificate:
    info = certs.describe(material.cert_der)
    chain = json.dumps([base64.b64encode(c).decode() for c in material.chain_der])
    with reg.transaction() as conn:
        conn.execute("UPDATE certificates SET active = 0 WHERE active = 1")
        existing = conn.execute(
            "SELECT id FROM certificates WHERE fingerprint = ?", (info.fingerprint_sha256,)
        ).fetchone()
        if existing:
            conn.execute("UPDATE certificates SET active = 1 WHERE id = ?", (existing[0],))
        else:
            conn.execute(
                "INSERT INTO certificates(kind, subject, fingerprint, not_after, key_der, cert_der, chain_der, active,"
                " created_at, created_by) VALUES (?,?,?,?,?,?,?,1,?,?)",
                (
                    kind,
                    info.subject,
                    info.fingerprint_sha256,
                    info.not_after,
                    material.key_der,
                    material.cert_der,
                    chain,
                    _now(),
                    reg.actor,
                ),
            )
        audit.append(
            conn,
            reg.actor,
            "certificate.imported" if kind == "imported" else "certificate.created",
            None,
            {"fingerprint": info.fingerprint_sha256, "kind": kind, "not_after": info.not_after},
        )
    stored = active_certificate(reg)
    assert stored is not None
    return stored


def import_pkcs12(
    reg: Register, data: bytes, password: str | None, name: str = "PKCS#12"
) -> StoredCertificate:
    """Keep the office's certificate and key inside the register; it becomes the active seal."""
    return _store(reg, certs.load_pkcs12(data, password, name), "imported")


def create_internal_seal(
    reg: Register,
    common_name: str = DEFAULT_SEAL_NAME,
    organisation: str = DEFAULT_ORGANISATION,
    email: str | None = DEFAULT_EMAIL,
) -> StoredCertificate:
    """A self-signed seal; show INTERNAL_SEAL_WARNING to the person who creates it."""
    return _store(reg, certs.create_internal_seal(common_name, organisation, email), "internal_seal")


def seed_demo_certificate(reg: Register) -> StoredCertificate:
    """For `dsar demo`: an internal seal, unless the register already has an active certificate."""
    return active_certificate(reg) or create_internal_seal(reg)


def active_certificate(reg: Register) -> StoredCertificate | None:
    row = reg.query_one("SELECT id, kind, cert_der, active, created_at FROM certificates WHERE active = 1")
    if row is None:
        return None
    return StoredCertificate(
        int(row[0]), str(row[1]), certs.describe(bytes(row[2])), bool(row[3]), str(row[4])
    )


def list_certificates(reg: Register) -> list[StoredCertificate]:
    return [
        StoredCertificate(int(r[0]), str(r[1]), certs.describe(bytes(r[2])), bool(r[3]), str(r[4]))
        for r in reg.query("SELECT id, kind, cert_der, active, created_at FROM certificates ORDER BY id")
    ]


def seal_material(reg: Register) -> SealMaterial:
    row = reg.query_one("SELECT key_der, cert_der, chain_der FROM certificates WHERE active = 1")
    if row is None:
        raise NoSealCertificate()
    chain = tuple(base64.b64decode(c) for c in json.loads(row[2]))
    return SealMaterial(key_der=bytes(row[0]), cert_der=bytes(row[1]), chain_der=chain)


def certificate_pem(reg: Register) -> bytes:
    """The active certificate (public part) to hand to whoever verifies packs."""
    row = reg.query_one("SELECT cert_der FROM certificates WHERE active = 1")
    if row is None:
        raise NoSealCertificate()
    return certs.to_pem(bytes(row[0]))
