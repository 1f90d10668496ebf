"""The case pack file: data.json/data.csv, manifest, optional AES, atomic write, and its verification."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import secrets
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyzipper

from ..fileio import atomic_write
from .signing import verify_pdf

MANIFEST = "manifest.json"
DATA_JSON = "data.json"
DATA_CSV = "data.csv"
KEYWORD_PREFIX = "dsar-pack-files "
_PASSWORD_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def new_password() -> str:
    """About 130 bits, in groups easy to read out on the phone: 'Kx7q-…'."""
    groups = ["".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(4)) for _ in range(6)]
    return "-".join(groups)


def data_files(case_ref: str, generated_at: str, sources: list[dict[str, Any]]) -> tuple[bytes, bytes]:
    """sources: [{"source", "name", "records": [{field: value | {"redacted": code}}]}] → (JSON, CSV) bytes."""
    document = {"case": case_ref, "generated_at": generated_at, "sources": sources}
    # No indent: json's C encoder only runs for compact output (5x faster on big extracts).
    as_json = json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(["source", "record", "field", "value"])
    for source in sources:
        for number, record in enumerate(source["records"], start=1):
            for name, value in record.items():
                if isinstance(value, Mapping) and "redacted" in value:
                    value = f"[REDACTED: {value['redacted']}]"
                writer.writerow([source["source"], number, name, "" if value is None else value])
    return as_json, text.getvalue().encode("utf-8-sig")


def pdf_keywords(
    files: Mapping[str, bytes], case_ref: str | None = None, audit_head: Mapping[str, Any] | None = None
) -> str:
    """What the seal must cover, written into the PDF before sealing: the data files' hashes, the case
    reference, and the register's audit head at build time (so a pack proves the history up to that day)."""
    sealed: dict[str, Any] = {"files": {name: sha256(data) for name, data in files.items()}}
    if case_ref is not None:
        sealed["case"] = case_ref
    if audit_head is not None:
        sealed["audit"] = {"count": int(audit_head["count"]), "hash": str(audit_head["hash"])}
    return KEYWORD_PREFIX + json.dumps(sealed, sort_keys=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Temp file in the target folder, fsync, then rename: a reader never sees half a file."""
    atomic_write(Path(path), data)


def zip_bytes(files: Mapping[str, bytes], password: str | None) -> bytes:
    out = io.BytesIO()
    if password:
        with pyzipper.AESZipFile(
            out, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
        ) as archive:
            archive.setpassword(password.encode("utf-8"))
            for name, data in files.items():
                archive.writestr(name, data)
    else:
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in files.items():
                archive.writestr(name, data)
    return out.getvalue()


@dataclass
class VerifyResult:
    intact: bool
    trusted: bool
    coverage: str
    manifest_ok: bool | None  # None for a lone PDF
    signer: str | None
    details: list[str] = field(default_factory=list)
    signing_time: str | None = None
    fingerprint: str | None = None
    case_ref: str | None = None
    kind: str = "pdf"  # "pdf" or "zip"
    audit_head: dict[str, Any] | None = None  # the register's audit head sealed at build time

    def to_json(self) -> dict[str, Any]:
        return {
            "intact": self.intact,
            "trusted": self.trusted,
            "coverage": self.coverage,
            "manifest_ok": self.manifest_ok,
            "signer": self.signer,
            "signing_time": self.signing_time,
            "fingerprint": self.fingerprint,
            "case_ref": self.case_ref,
            "kind": self.kind,
            "audit_head": self.audit_head,
            "details": self.details,
        }


def sealed_facts(pdf: bytes) -> dict[str, Any] | None:
    """{"files": {name: sha256}, "case": ref?, "audit": {"count", "hash"}?} from the sealed PDF's keywords."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        info = PdfFileReader(io.BytesIO(pdf), strict=False).trailer_view["/Info"]
        text = str(info.get("/Keywords")) if info is not None else ""
    except Exception:  # noqa: BLE001 - unreadable metadata is reported as absent
        return None
    if not text.startswith(KEYWORD_PREFIX):
        return None
    try:
        value = json.loads(text[len(KEYWORD_PREFIX) :])
    except ValueError:
        return None
    if not isinstance(value, dict):
        return None
    if not isinstance(value.get("files"), dict):  # packs built before the case and audit head were sealed
        return {"files": {str(k): str(v) for k, v in value.items()}}
    out: dict[str, Any] = {"files": {str(k): str(v) for k, v in value["files"].items()}}
    if isinstance(value.get("case"), str):
        out["case"] = value["case"]
    audit = value.get("audit")
    if isinstance(audit, dict) and isinstance(audit.get("count"), int) and isinstance(audit.get("hash"), str):
        out["audit"] = {"count": audit["count"], "hash": audit["hash"]}
    return out


MAX_MEMBERS = 16
MAX_MEMBER_BYTES = 512 * 1024 * 1024
MAX_PACK_BYTES = 1024 * 1024 * 1024


class _MemberTooLarge(ValueError):
    pass


def _read_capped(archive: Any, info: Any) -> bytes:
    """Read one member, stopping at its declared size: a ZIP bomb that lies about its size stops there."""
    out = bytearray()
    with archive.open(info) as member:
        while True:
            block = member.read(1 << 20)
            if not block:
                break
            out += block
            if len(out) > min(info.file_size, MAX_MEMBER_BYTES):
                raise _MemberTooLarge(info.filename)
    return bytes(out)


def verify_bytes(data: bytes, trust_roots_der: list[bytes], password: str | None = None) -> VerifyResult:
    if not data.startswith(b"PK"):
        report = verify_pdf(data, trust_roots_der)
        return VerifyResult(
            report.intact, report.trusted, report.coverage, None, report.signer, report.details,
            report.signing_time, report.fingerprint,
        )  # fmt: skip
    return _verify_zip(data, trust_roots_der, password)


def _verify_zip(data: bytes, trust_roots_der: list[bytes], password: str | None) -> VerifyResult:
    details: list[str] = []
    failed = VerifyResult(False, False, "none", False, None, details, kind="zip")
    try:
        archive = pyzipper.AESZipFile(io.BytesIO(data))
        infos = archive.infolist()
        names = [i.filename for i in infos]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            # Two entries of one name: unzip shows the first, Python reads the last; neither can be vouched for.
            details.append(f"the ZIP holds the same name twice ({', '.join(duplicates)}): it was tampered with")
            return failed
        if len(infos) > MAX_MEMBERS:
            details.append(f"the ZIP holds {len(infos)} entries; a pack has at most {MAX_MEMBERS}")
            return failed
        too_big = [i.filename for i in infos if i.file_size > MAX_MEMBER_BYTES]
        if too_big or sum(i.file_size for i in infos) > MAX_PACK_BYTES:
            details.append(
                f"the ZIP declares entries larger than a pack holds ({', '.join(too_big) or 'in total'}): not read"
            )
            return failed
        if any(i.flag_bits & 0x1 for i in infos):
            if not password:
                details.append("the pack is encrypted: give its password")
                return failed
            archive.setpassword(password.encode("utf-8"))
        files = {i.filename: _read_capped(archive, i) for i in infos}
    except _MemberTooLarge as exc:
        details.append(f"{exc} expands beyond its declared size (a ZIP bomb): reading stopped")
        return failed
    except (zipfile.BadZipFile, RuntimeError, ValueError, OSError, EOFError, KeyError) as exc:
        details.append(f"the ZIP file is damaged or the password is wrong ({type(exc).__name__})")
        return failed
    except Exception as exc:  # noqa: BLE001 - zlib and AES errors vary; any of them means "not intact"
        details.append(f"the ZIP file cannot be read ({type(exc).__name__})")
        return failed
    try:
        manifest = json.loads(files[MANIFEST])
        listed = {str(k): str(v) for k, v in manifest["files"].items()}
    except (KeyError, ValueError, AttributeError, TypeError):
        details.append("manifest.json is missing or unreadable")
        return failed
    manifest_ok = True
    for name, digest in listed.items():
        if name not in files:
            manifest_ok = False
            details.append(f"{name} is listed in the manifest but missing")
        elif sha256(files[name]) != digest:
            manifest_ok = False
            details.append(f"{name} does not match its SHA-256 in the manifest")
    for name in files:
        if name != MANIFEST and name not in listed:
            manifest_ok = False
            details.append(f"{name} is in the pack but not in the manifest")
    pdfs = [n for n in listed if n.endswith(".pdf") and n in files]
    if len(pdfs) != 1:
        details.append("the pack must hold exactly one PDF")
        return VerifyResult(
            False, False, "none", False, None, details, case_ref=manifest.get("case_ref"), kind="zip"
        )
    pdf = files[pdfs[0]]
    report = verify_pdf(pdf, trust_roots_der)
    details.extend(report.details)
    sealed = sealed_facts(pdf)
    audit_head = None
    if sealed is None:
        manifest_ok = False
        details.append("the sealed PDF does not list the hashes of the data files")
    else:
        for name, digest in sealed["files"].items():
            if name not in files or sha256(files[name]) != digest:
                manifest_ok = False
                details.append(f"{name} differs from the hash sealed in the PDF")
            elif listed.get(name) != digest:
                manifest_ok = False
                details.append(f"the manifest's hash of {name} differs from the one sealed in the PDF")
        if "case" in sealed and sealed["case"] != manifest.get("case_ref"):
            manifest_ok = False
            details.append(
                f"the manifest names case {manifest.get('case_ref')!r} but the sealed PDF is for {sealed['case']!r}"
            )
        audit_head = sealed.get("audit")
    return VerifyResult(
        intact=report.intact and manifest_ok,
        trusted=report.trusted,
        coverage=report.coverage,
        manifest_ok=manifest_ok,
        signer=report.signer,
        details=details,
        signing_time=report.signing_time,
        fingerprint=report.fingerprint,
        case_ref=manifest.get("case_ref"),
        kind="zip",
        audit_head=audit_head,
    )
