"""The signed case pack: access response + annexes sealed (PAdES B-B), data files, manifest, ZIP; and its check."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..documents import pack as packfile
from ..documents.certs import load_certificate_file
from ..documents.letter import render_letter
from ..documents.pack import VerifyResult
from ..documents.printing import PageSink
from ..documents.rights import is_portable
from ..documents.signing import seal_pdf
from ..documents.technical import TechnicalAnnex
from ..domain import deadlines as dl
from ..domain.case_actions import Action
from ..domain.cases import Right
from ..domain.errors import DsarError
from ..domain.progress import CancelToken, Progress, no_progress
from ..fileio import read_capped
from ..store import audit
from ..store.connection import Register
from . import anchoring, case_rules, certificates, letters
from . import cases as case_service

__all__ = [
    "PackResult",
    "VerifyResult",
    "build_pack",
    "verify_pack",
    "verify_case_pack",
    "pack_history",
    "print_postal_reply",
]


class PackFolderUnusable(DsarError):
    code = "pack_folder_unusable"
    en = "Cannot write the pack to {path}: the folder cannot be created or is not writable. Choose another folder."
    fr = "Impossible d'écrire le dossier de réponse dans {path} : le répertoire ne peut pas être créé ou n'est pas accessible en écriture. Choisissez un autre dossier."
    exit_code = 1


class PackUnreadable(DsarError):
    code = "pack_unreadable"
    en = "Cannot read {path}: {reason}."
    fr = "Impossible de lire {path} : {reason}."
    exit_code = 1


@dataclass(frozen=True)
class PackResult:
    pdf: Path | None  # None for an encrypted pack: nothing is written in clear
    zip: Path
    sha256: str  # of the ZIP, also stored in the case
    password: str | None  # shown once when encrypted; never stored
    sealed_pdf: bytes | None = None  # the sealed letter, in memory, for printing without a clear copy on disk
    pdf_name: str = ""


STAGES = ("checks", "data", "letter", "seal", "write")
MAX_CERT_BYTES = 1024 * 1024  # a certificate or a PKCS#12 file is a few KB
write_atomic = packfile.write_atomic  # for the CLI and UI exports (temp file in the folder, then rename)


def _safe_name(ref: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", ref)


def _data_sources(
    grouped: dict[str, list[letters.ConfirmedRecord]], entries: dict[str, Any], language: str
) -> list[dict[str, Any]]:
    from ..documents.art15 import source_name

    out = []
    for source_id, records in grouped.items():
        rows = []
        for item in records:
            record, redactions = item.record, item.redactions
            rows.append(
                {
                    k: (
                        {"redacted": redactions[k]}
                        if k in redactions
                        else letters.cell_text(v)
                        if v is not None
                        else None
                    )
                    for k, v in record.items()
                }
            )
        out.append(
            {
                "source": source_id,
                "name": source_name(source_id, entries.get(source_id), language),
                "records": rows,
            }
        )
    return out


def build_pack(
    reg: Register,
    ref: str,
    out_dir: Path,
    language: str | None = None,
    encrypt: bool = False,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    inputs: letters.LetterInputs | None = None,
    technical_annex: bool = False,
) -> PackResult:
    """Build, seal and write the pack for one case; record its SHA-256 in the case with an audit entry.

    `inputs`: the confirmed data, catalogue and checks (gathered from the services when None).
    `technical_annex`: add a last page with the data files' fingerprints, the audit head and the seal's."""
    report = progress or no_progress
    check = cancel.raise_if_cancelled if cancel else (lambda: None)
    total = len(STAGES)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise PackFolderUnusable(path=str(out_dir)) from None
    if not out_dir.is_dir() or not os.access(out_dir, os.W_OK):
        raise PackFolderUnusable(path=str(out_dir))
    report(0, total, "checks")
    case = case_service.get_case(reg, ref)
    case_rules.require(reg, case, Action.BUILD_PACK)  # no pack for a closed, refused or withdrawn case
    language = language or case.language
    material = certificates.seal_material(reg)
    inputs = inputs or letters.gather_inputs(reg, ref)
    letters.check_disclosure(ref, inputs)
    check()

    report(1, total, "data")
    generated_at = dt.datetime.now(dl.PARIS).isoformat(timespec="seconds")
    version, entries = letters.catalogue_entries(inputs.catalogue)
    grouped = letters.normalise_records(inputs.confirmed)
    kind = letters.reply_kind(case.rights)
    if Right.PORTABILITY in case.rights:  # Art. 20: the files hold the data the person provided
        grouped = {k: v for k, v in grouped.items() if is_portable(entries.get(k))}
    if kind not in letters.REPLY_KINDS:  # a confirmation carries no copy of the data
        grouped = {}
    data_json, data_csv = packfile.data_files(ref, generated_at, _data_sources(grouped, entries, language))
    check()

    report(2, total, "letter")
    doc, _template_version = letters.compose(reg, ref, kind, language, inputs=inputs)
    audit_head = anchoring.chain_head(reg.conn).to_json()  # the history this pack will prove
    doc.keywords = packfile.pdf_keywords(
        {packfile.DATA_JSON: data_json, packfile.DATA_CSV: data_csv}, case_ref=ref, audit_head=audit_head
    )
    fr = language == "fr"
    # the hashes of the files belong to the manifest (and the PDF's metadata), not to the letter's body;
    # on request, to a technical annex page after it
    if technical_annex:
        active = certificates.active_certificate(reg)
        doc.technical = TechnicalAnnex(
            case_ref=ref,
            files=[(packfile.DATA_JSON, packfile.sha256(data_json)), (packfile.DATA_CSV, packfile.sha256(data_csv))],
            audit_entries=int(audit_head["count"]),
            audit_head=str(audit_head["hash"]),
            seal_fingerprint=active.info.fingerprint_sha256 if active else "",
        )
    rendered = render_letter(doc, check_cancel=check)
    if rendered.seal is None:  # pragma: no cover - the layout always reserves the stamp
        raise RuntimeError("no room was reserved for the seal")
    check()

    report(3, total, "seal")
    reason = {
        ("access_response", True): "Réponse à une demande d'accès (article 15 du RGPD)",
        ("access_response", False): "Answer to an access request (Article 15 GDPR)",
        ("portability_response", True): "Réponse à une demande de portabilité (article 20 du RGPD)",
        ("portability_response", False): "Answer to a data portability request (Article 20 GDPR)",
    }.get((kind, fr), "Réponse à une demande (RGPD)" if fr else "Answer to a request (GDPR)")
    sealed = seal_pdf(
        rendered.pdf, material, rendered.seal, language=language, reason=reason, location=doc.letterhead.place
    )
    check()

    report(4, total, "write")
    name = _safe_name(ref)
    pdf_name = f"{name}-response-{language}.pdf"
    manifest = {
        "case_ref": ref,
        "generated_at": generated_at,
        "software": f"DSAR Desktop {__version__}",
        "catalogue_version": version,
        "language": language,
        "audit_head": audit_head,
        "files": {
            pdf_name: packfile.sha256(sealed),
            packfile.DATA_JSON: packfile.sha256(data_json),
            packfile.DATA_CSV: packfile.sha256(data_csv),
        },
    }
    files = {
        pdf_name: sealed,
        packfile.DATA_JSON: data_json,
        packfile.DATA_CSV: data_csv,
        packfile.MANIFEST: json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"),
    }
    password = packfile.new_password() if encrypt else None
    archive = packfile.zip_bytes(files, password)
    digest = packfile.sha256(archive)
    zip_path = out_dir / f"{name}-pack.zip"
    pdf_path = out_dir / pdf_name
    check()
    if not encrypt:  # an encrypted pack leaves nothing in clear beside it
        packfile.write_atomic(pdf_path, sealed)
    packfile.write_atomic(zip_path, archive)
    info = certificates.active_certificate(reg)
    fingerprint = info.info.fingerprint_sha256 if info else ""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with reg.transaction() as conn:
        conn.execute("UPDATE cases SET pack_sha256 = ?, updated_at = ? WHERE ref = ?", (digest, now, ref))
        conn.execute(
            "INSERT INTO packs(case_ref, file_name, sha256, pdf_sha256, language, encrypted, cert_fingerprint, created_at, created_by)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (
                ref,
                zip_path.name,
                digest,
                packfile.sha256(sealed),
                language,
                int(encrypt),
                fingerprint,
                now,
                reg.actor,
            ),
        )
        case_service.record_event(
            reg, ref, "pack_built", f"Response pack built ({rendered.pages} pages, SHA-256 {digest[:16]}…)",
            {"sha256": digest, "pages": rendered.pages, "encrypted": encrypt},
            {"sha256": digest, "pages": rendered.pages, "encrypted": encrypt, "language": language,
             "catalogue_version": version, "certificate": fingerprint},
        )  # fmt: skip
    report(total, total, "done")
    return PackResult(
        pdf=None if encrypt else pdf_path, zip=zip_path, sha256=digest, password=password,
        sealed_pdf=sealed, pdf_name=pdf_name,
    )  # fmt: skip


def verify_pack(
    path: Path | str,
    trust_cert_path: Path | str | None = None,
    *,
    password: str | None = None,
    trust_pem: bytes | None = None,
) -> VerifyResult:
    """Check a pack ZIP or a lone sealed PDF: intact, trusted (against the given certificate, a file or
    `trust_pem` bytes such as the register's own), coverage, manifest."""
    path = Path(path)
    try:
        data = read_capped(path, packfile.MAX_PACK_BYTES, "pack", "dossier de réponse")
    except OSError as exc:
        raise PackUnreadable(path=str(path), reason=exc.strerror or str(exc)) from None
    roots: list[bytes] = []
    if trust_pem is not None:
        roots = [load_certificate_file(trust_pem, "the register's certificate")]
    elif trust_cert_path is not None:
        trust = Path(trust_cert_path)
        try:
            roots = [load_certificate_file(read_capped(trust, MAX_CERT_BYTES, "certificate", "certificat"), trust.name)]
        except OSError as exc:
            raise PackUnreadable(path=str(trust), reason=exc.strerror or str(exc)) from None
    return packfile.verify_bytes(data, roots, password)


def verify_case_pack(
    reg: Register, ref: str, path: Path | str, *, password: str | None = None
) -> VerifyResult:
    """verify_pack against the register's certificates, plus: is this the pack recorded for the case?"""
    roots = [bytes(r[0]) for r in reg.query("SELECT cert_der FROM certificates")]
    try:
        data = read_capped(path, packfile.MAX_PACK_BYTES, "pack", "dossier de réponse")
    except OSError as exc:
        raise PackUnreadable(path=str(path), reason=exc.strerror or str(exc)) from None
    result = packfile.verify_bytes(data, roots, password)
    case = case_service.get_case(reg, ref)
    if result.kind == "zip" and case.pack_sha256 != packfile.sha256(data):
        result.intact = False
        result.details.append("this file is not the pack recorded for the case (SHA-256 differs)")
    return result


@dataclass(frozen=True)
class PackRecord:
    file_name: str
    sha256: str
    language: str
    encrypted: bool
    created_at: str
    created_by: str


def pack_history(reg: Register, ref: str) -> list[PackRecord]:
    return [
        PackRecord(str(a), str(b), str(c), bool(d), str(e), str(f))
        for a, b, c, d, e, f in reg.query(
            "SELECT file_name, sha256, language, encrypted, created_at, created_by FROM packs WHERE case_ref = ? ORDER BY id",
            (ref,),
        )
    ]


def print_postal_reply(reg: Register, ref: str, pdf: bytes, printer: PageSink) -> None:
    """Print a letter (build_letter bytes or the pack's sealed PDF) on the printer chosen in the print dialog.

    Checks first that the case has a valid postal address for the window envelope; the print
    is audited (printer and copies). Recording the dispatch stays a separate step
    (cases.record_dispatch) once staff hold the registered-letter number.
    """
    case_rules.require(reg, case_service.get_case(reg, ref), Action.PRINT)
    letters.check_postal_address(reg, ref)
    printer.print_pdf(pdf, title=ref)
    with reg.transaction() as conn:
        audit.append(conn, reg.actor, "letter.printed", ref, {"printer": printer.name, "copies": printer.copies})


def print_calibration_page(reg: Register, pdf: bytes, printer: PageSink) -> None:
    """Print the envelope calibration page (letters.calibration_page, no personal data)."""
    printer.print_pdf(pdf, title="DSAR calibration")
    with reg.transaction() as conn:
        audit.append(conn, reg.actor, "calibration.printed", None, {"printer": printer.name})
