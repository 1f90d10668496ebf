"""`dsar pack build|verify`, `dsar letter`, `dsar calibration`, `dsar cert import|create|show`,
`dsar recipients list|record` (Art. 19)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from ..fileio import read_capped
from ..services import certificates, identity, letters, packs
from ..services.letters import KINDS
from ..services.packs import write_atomic
from .common import Context, read_secret_file

ENV_P12_PASSWORD = "DSAR_P12_PASSWORD"
ENV_PACK_PASSWORD = "DSAR_PACK_PASSWORD"


def _add_recipients(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "recipients", parents=[parent], help="Art. 19: the recipients to inform of a rectification, erasure or restriction"
    )
    sub = p.add_subparsers(dest="recipients_command", metavar="list|record")
    sub.required = True
    lst = sub.add_parser("list", parents=[parent], help="each recipient and what is recorded for it")
    lst.add_argument("ref")
    lst.set_defaults(handler=cmd_recipients_list)
    rec = sub.add_parser("record", parents=[parent], help="record that a recipient was informed, or why not")
    rec.add_argument("ref")
    rec.add_argument("--source", required=True, help="processing id in the register (see 'list')")
    rec.add_argument("--recipient", required=True, help="the recipient exactly as 'list' names it")
    how = rec.add_mutually_exclusive_group(required=True)
    how.add_argument("--notified-on", help="YYYY-MM-DD the recipient was informed (with --means)")
    how.add_argument("--impossible", metavar="REASON", help="why informing it is impossible")
    how.add_argument("--disproportionate", metavar="REASON", help="why it would take disproportionate effort")
    rec.add_argument("--means", help="how it was informed (e-mail, letter, ticket...)")
    rec.set_defaults(handler=cmd_recipients_record)


def cmd_recipients_list(args: argparse.Namespace, ctx: Context) -> int:
    rows = letters.recipients_to_notify(ctx.open_register(), args.ref)
    out = [
        {"source": s, "recipient": r, "outcome": n.outcome if n else None,
         "notified_on": n.notified_on.isoformat() if n and n.notified_on else None,
         "means": n.means if n else None, "reason": n.reason if n else None}
        for s, r, n in rows
    ]  # fmt: skip
    lines = [f"{o['source']}: {o['recipient']} -> {o['outcome'] or 'NOTHING RECORDED'}" for o in out]
    ctx.emit({"ref": args.ref, "recipients": out}, "\n".join(lines) or "No recipient listed for the data found.")
    return 0


def cmd_recipients_record(args: argparse.Namespace, ctx: Context) -> int:
    import datetime as dt

    from ..domain import deadlines as dl
    from ..services import notifications

    outcome = "notified" if args.notified_on else "impossible" if args.impossible else "disproportionate"
    day = dl.parse_date(args.notified_on, "--notified-on date", "date --notified-on") if args.notified_on else None
    n = notifications.record(
        ctx.open_register(), args.ref, args.source, args.recipient, outcome,
        notified_on=day, means=args.means, reason=args.impossible or args.disproportionate,
    )  # fmt: skip
    ctx.emit(
        {"ref": args.ref, "source": n.source, "recipient": n.recipient, "outcome": n.outcome,
         "notified_on": n.notified_on.isoformat() if isinstance(n.notified_on, dt.date) else None},
        f"{args.ref}: {n.recipient} ({n.source}) recorded as {n.outcome}.",
    )  # fmt: skip
    return 0


def add_commands(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    _add_recipients(subparsers, parent)
    p = subparsers.add_parser("pack", parents=[parent], help="build or verify a signed response pack")
    sub = p.add_subparsers(dest="pack_command", metavar="build|verify")
    sub.required = True
    b = sub.add_parser("build", parents=[parent], help="build, seal and write the pack of a case")
    b.add_argument("ref")
    b.add_argument("--out", type=Path, required=True, help="folder to write the PDF and the ZIP to")
    b.add_argument("--language", choices=("fr", "en"))
    b.add_argument("--encrypt", action="store_true", help="AES-encrypt the ZIP; the password is shown once")
    b.add_argument(
        "--technical-annex",
        action="store_true",
        help="add a last page with the data files' SHA-256 fingerprints, the audit head and the seal's fingerprint",
    )
    b.set_defaults(handler=cmd_pack_build)
    v = sub.add_parser(
        "verify", parents=[parent], help="check a pack ZIP or a sealed PDF (no register needed)"
    )
    v.add_argument("file", type=Path)
    v.add_argument("--trust", type=Path, help="the certificate (PEM or DER) to trust")
    v.add_argument(
        "--password-file", type=Path, help=f"password of an encrypted pack (or {ENV_PACK_PASSWORD})"
    )
    v.set_defaults(handler=cmd_pack_verify)

    p = subparsers.add_parser("letter", parents=[parent], help="write one letter of a case as PDF")
    p.add_argument("ref")
    p.add_argument("--kind", required=True, choices=KINDS)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--language", choices=("fr", "en"))
    p.add_argument("--reason", help="reason for doubt (id_request) or for refusal/extension")
    p.add_argument("--details", help="what was done (confirmations)")
    p.set_defaults(handler=cmd_letter)

    p = subparsers.add_parser("calibration", parents=[parent], help="write the envelope calibration page")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--language", choices=("fr", "en"), default="fr")
    p.set_defaults(handler=cmd_calibration)

    p = subparsers.add_parser("cert", parents=[parent], help="the office's seal certificate")
    sub = p.add_subparsers(dest="cert_command", metavar="import|create|show")
    sub.required = True
    i = sub.add_parser("import", parents=[parent], help="import a PKCS#12 (.p12/.pfx) as the active seal")
    i.add_argument("file", type=Path)
    i.add_argument("--p12-password-file", type=Path, help=f"the PKCS#12 password (or {ENV_P12_PASSWORD})")
    i.set_defaults(handler=cmd_cert_import)
    c = sub.add_parser("create", parents=[parent], help="create a self-signed internal seal")
    c.add_argument("--name", default=certificates.DEFAULT_SEAL_NAME)
    c.add_argument("--organisation", default=certificates.DEFAULT_ORGANISATION)
    c.add_argument("--email", default=certificates.DEFAULT_EMAIL)
    c.set_defaults(handler=cmd_cert_create)
    s = sub.add_parser(
        "show", parents=[parent], help="show the active seal; --pem FILE writes its certificate"
    )
    s.add_argument("--pem", type=Path, help="write the certificate (public part) to FILE for verifiers")
    s.set_defaults(handler=cmd_cert_show)


def cmd_pack_build(args: argparse.Namespace, ctx: Context) -> int:
    reg = ctx.open_register()
    result = packs.build_pack(
        reg, args.ref, args.out, language=args.language, encrypt=args.encrypt, technical_annex=args.technical_annex
    )
    obj: dict[str, Any] = {"pdf": str(result.pdf) if result.pdf else None, "zip": str(result.zip), "sha256": result.sha256}
    pdf_line = f"PDF: {result.pdf}" if result.pdf else "PDF: none in clear (the sealed letter is only inside the encrypted ZIP)"
    text = f"{pdf_line}\nZIP: {result.zip}\nSHA-256: {result.sha256}"
    if result.password:
        obj["password"] = result.password
        text += f"\nPassword (shown once; give it by another channel): {result.password}"
    ctx.emit(obj, text)
    return 0


def cmd_pack_verify(args: argparse.Namespace, ctx: Context) -> int:
    password = (
        read_secret_file(args.password_file) if args.password_file else os.environ.get(ENV_PACK_PASSWORD)
    )
    result = packs.verify_pack(args.file, args.trust, password=password)
    obj = result.to_json()
    lines = [
        f"intact: {'yes' if result.intact else 'NO'}",
        f"trusted: {'yes' if result.trusted else 'no'}",
        f"coverage: {result.coverage}",
        f"manifest: {'n/a' if result.manifest_ok is None else 'ok' if result.manifest_ok else 'MISMATCH'}",
        f"signer: {result.signer or '-'}",
        *[f"- {d}" for d in result.details],
    ]
    ctx.emit(obj, "\n".join(lines))
    return 0 if result.intact and (result.trusted or args.trust is None) else 7


def cmd_letter(args: argparse.Namespace, ctx: Context) -> int:
    reg = ctx.open_register()
    extra = {
        k: v for k, v in {"reason": args.reason, "reasons": args.reason, "details": args.details}.items() if v
    }
    if args.kind in ("id_request", "parental_proof_request", "heir_proof_request"):
        pdf = identity.latest_request_letter(reg, args.ref, args.kind, args.language)
    else:
        pdf = letters.build_letter(reg, args.ref, args.kind, language=args.language, extra=extra)
    write_atomic(args.out, pdf)
    ctx.emit({"out": str(args.out), "kind": args.kind, "bytes": len(pdf)}, f"Letter written to {args.out}")
    return 0


def cmd_calibration(args: argparse.Namespace, ctx: Context) -> int:
    reg = ctx.open_register()
    write_atomic(args.out, letters.calibration_page(reg, args.language))
    ctx.emit({"out": str(args.out)}, f"Calibration page written to {args.out}")
    return 0


def _cert_obj(stored: certificates.StoredCertificate) -> dict[str, Any]:
    info = stored.info
    obj: dict[str, Any] = {
        "kind": stored.kind,
        "subject": info.subject,
        "issuer": info.issuer,
        "fingerprint_sha256": info.fingerprint_sha256,
        "not_before": info.not_before,
        "not_after": info.not_after,
        "self_signed": info.self_signed,
    }
    if stored.warning:
        obj["warning"] = stored.warning[0]
    return obj


def _cert_text(stored: certificates.StoredCertificate) -> str:
    info = stored.info
    text = (
        f"{stored.kind}: {info.subject}\nissuer: {info.issuer}\nvalid: {info.not_before} → {info.not_after}\n"
        f"SHA-256: {info.fingerprint_sha256}"
    )
    return text + (f"\nWARNING: {stored.warning[0]}" if stored.warning else "")


def cmd_cert_import(args: argparse.Namespace, ctx: Context) -> int:
    reg = ctx.open_register()
    if args.p12_password_file:
        password: str | None = read_secret_file(args.p12_password_file)
    else:
        password = os.environ.get(ENV_P12_PASSWORD)
    data = read_capped(args.file, 1024 * 1024, "PKCS#12 file", "fichier PKCS#12")
    stored = certificates.import_pkcs12(reg, data, password, args.file.name)
    ctx.emit(_cert_obj(stored), _cert_text(stored))
    return 0


def cmd_cert_create(args: argparse.Namespace, ctx: Context) -> int:
    reg = ctx.open_register()
    stored = certificates.create_internal_seal(reg, args.name, args.organisation, args.email or None)
    ctx.emit(_cert_obj(stored), _cert_text(stored))
    return 0


def cmd_cert_show(args: argparse.Namespace, ctx: Context) -> int:
    reg = ctx.open_register()
    stored = certificates.active_certificate(reg)
    if stored is None:
        raise certificates.NoSealCertificate()
    if args.pem:
        write_atomic(args.pem, certificates.certificate_pem(reg))
    obj = _cert_obj(stored)
    if args.pem:
        obj["pem"] = str(args.pem)
    ctx.emit(obj, _cert_text(stored))
    return 0
