"""`dsar id check-mrz` and the identity steps of `dsar case` (id-request, id-received, id-decide, id-status)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from ..domain.errors import InvalidInput
from ..domain.identity import Checklist, IdentityMethod, Party, ProofKind, parse_decision
from ..domain.mrz import parse_mrz
from ..services import cases as case_service
from .common import Context

PROOFS = [k.value for k in ProofKind]
PARTIES = [p.value for p in Party]


def add_commands(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "id", parents=[parent], help="identity documents: check a machine-readable zone"
    )
    sub = p.add_subparsers(dest="id_command", metavar="check-mrz")
    sub.required = True
    s = sub.add_parser(
        "check-mrz",
        parents=[parent],
        help="parse an MRZ (TD1, TD2, TD3, old French card) and check its digits",
    )
    s.add_argument("lines", nargs="+", metavar="LINE", help="the MRZ lines (quote each; spaces are ignored)")
    s.set_defaults(handler=cmd_check_mrz)


def add_case_commands(case_subparsers: Any, parent: argparse.ArgumentParser) -> None:
    """Registered by cli/cases.py under `dsar case`."""
    s = case_subparsers.add_parser(
        "id-status", parents=[parent], help="identity: what is needed, pending, verified"
    )
    s.add_argument("ref")
    s.set_defaults(handler=cmd_status)

    s = case_subparsers.add_parser(
        "id-other-means", parents=[parent], help="identity established without a document"
    )
    s.add_argument("ref")
    s.add_argument(
        "--method",
        required=True,
        choices=[m.value for m in IdentityMethod if m != IdentityMethod.ID_DOCUMENT],
    )
    s.add_argument("--party", choices=PARTIES)
    s.add_argument("--note")
    s.set_defaults(handler=cmd_other_means)

    s = case_subparsers.add_parser(
        "id-request", parents=[parent], help="ask for a proof (reason required); suspends the clock"
    )
    s.add_argument("ref")
    s.add_argument(
        "--reason", required=True,
        help="the reasonable doubt (Art. 12(6)) as stated to the person: a full sentence, PRINTED in the letter",
    )  # fmt: skip
    s.add_argument("--internal-note", help="a note for staff, kept with the case and never printed")
    s.add_argument("--proof", choices=PROOFS, default=ProofKind.IDENTITY_DOCUMENT.value)
    s.add_argument("--party", choices=PARTIES)
    s.add_argument("--sent-on", help="YYYY-MM-DD the request is sent (default: today)")
    s.add_argument("--language", choices=["fr", "en"])
    s.add_argument("--letter-out", type=Path, help="write the request letter (PDF) to this file")
    s.set_defaults(handler=cmd_request)

    s = case_subparsers.add_parser(
        "id-received", parents=[parent], help="attach the scan received (JPEG, PNG, PDF)"
    )
    s.add_argument("ref")
    source = s.add_mutually_exclusive_group(required=True)
    source.add_argument("--file", type=Path, help="the scan; kept only inside the register")
    source.add_argument(
        "--paper", action="store_true", help="the proof was seen on paper or in person: nothing stored"
    )
    s.add_argument("--date", help="YYYY-MM-DD the proof arrived (default: today)")
    s.add_argument("--proof", choices=PROOFS)
    s.add_argument("--party", choices=PARTIES)
    s.set_defaults(handler=cmd_received)

    s = case_subparsers.add_parser(
        "id-decide", parents=[parent], help="record the checklist and decision; destroys the scan"
    )
    s.add_argument("ref")
    s.add_argument("--decision", required=True, choices=["verified", "rejected", "more-needed"])
    s.add_argument(
        "--mrz", nargs="+", metavar="LINE", default=[], help="the MRZ lines, compared with the case"
    )
    s.add_argument("--note")
    s.add_argument("--proof", choices=PROOFS, default=ProofKind.IDENTITY_DOCUMENT.value)
    s.add_argument("--party", choices=PARTIES)
    s.add_argument(
        "--document-type",
        help="passport, national_id, residence_permit, driving_licence, livret_de_famille, ...",
    )
    s.add_argument("--issuing-country")
    s.add_argument(
        "--document-number", help="typed in full for the comparison; only the last 4 characters are kept"
    )
    s.add_argument("--expiry", help="YYYY-MM-DD")
    s.add_argument("--holder-name", help='as printed on the document, "First LAST"')
    s.add_argument("--holder-dob", help="YYYY-MM-DD as printed on the document")
    for flag in (
        "signature",
        "names-parent",
        "names-child",
        "other-holder-objects",
        "mandate-signed",
        "mandate-covers",
    ):
        s.add_argument(f"--{flag}", choices=["yes", "no"])
    s.add_argument("--on", help="YYYY-MM-DD the check is made (default: today)")
    s.set_defaults(handler=cmd_decide)


def _date(text: str | None, option: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            f"{option} '{text}' is not a date YYYY-MM-DD.",
            f"{option} « {text} » n'est pas une date AAAA-MM-JJ.",
        ) from None


def _yes(value: str | None) -> bool | None:
    return None if value is None else value == "yes"


def cmd_check_mrz(args: argparse.Namespace, ctx: Context) -> int:
    result = parse_mrz(args.lines)
    out = result.to_dict()
    bad = [name for name, ok in result.checks.items() if not ok]
    text = f"{result.format}: {'valid' if result.valid else 'NOT valid'}"
    if bad:
        text += f" (wrong check digits: {', '.join(bad)})"
    for problem in result.problems:
        text += f"\n  {problem['en']}"
    for key, value in result.fields.items():
        text += f"\n  {key}: {value if value is not None else '-'}"
    ctx.emit(out, text)
    return 0


def cmd_status(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import identity as id_service  # PIL and the scan checks: only here

    status = id_service.identity_status(ctx.open_register(), args.ref)
    lines = [f"{args.ref}: {status.acting_rule[0]}"]
    for proof in status.proofs:
        lines.append(f"  {proof.label_en} ({proof.party}): {proof.state}")
        lines += [f"    scan {a.id} kept until the decision ({a.media_type})" for a in proof.attachments]
        for gone in proof.unreadable:
            if gone["destroyed_on"]:
                lines.append(
                    f"    scan {gone['attachment_id']} destroyed on {gone['destroyed_on']}: its key was shredded"
                    " (this register is older than the destruction)"
                )
            else:
                lines.append(
                    f"    scan {gone['attachment_id']} unreadable: its key is not beside this register"
                    " (opened away from its scan-key file)"
                )
    lines.append(
        f"  disclosure: {'blocked - ' + status.block_reason[0] if status.block_reason else 'allowed'}"
    )
    ctx.emit(status.to_dict(), "\n".join(lines))
    return 0


def cmd_other_means(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import identity as id_service  # PIL and the scan checks: only here

    check_id = id_service.record_other_means(
        ctx.open_register(), args.ref, args.method, args.note, args.party
    )
    ctx.emit(
        {"ref": args.ref, "check_id": check_id, "method": args.method},
        f"{args.ref}: identity established ({args.method}).",
    )
    return 0


def cmd_request(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import identity as id_service  # PIL and the scan checks: only here

    result = id_service.request_proof(
        ctx.open_register(), args.ref, args.reason, proof_kind=args.proof, party=args.party,
        sent_on=_date(args.sent_on, "--sent-on"), language=args.language,
        internal_note=getattr(args, "internal_note", None),
    )  # fmt: skip
    if args.letter_out and result.letter:
        id_service.save_request_letter(result.letter, Path(args.letter_out).expanduser())
    out = {
        "ref": args.ref, "request_id": result.request_id, "sent_on": result.sent_on, "status": result.case.status.value,
        "legal_due": result.case.legal_due.isoformat(),
        "suspended_from": result.sent_on if result.suspension_id is not None else None, "lapsed": result.lapsed,
        "letter": str(args.letter_out) if args.letter_out and result.letter else None, "letter_problem": result.letter_problem,
    }  # fmt: skip
    if result.lapsed:
        text = (
            f"{args.ref}: proof requested on {result.sent_on}, after the due date in force: the period had already "
            f"ended, nothing is suspended and the case stays late (due {result.case.current_due.isoformat()})."
        )
    elif result.suspension_id is None:
        text = f"{args.ref}: proof requested on {result.sent_on}; the clock is NOT stopped until the letter exists."
    else:
        text = f"{args.ref}: proof requested on {result.sent_on}; the clock is suspended."
    text += (
        f" Letter: {out['letter']}."
        if out["letter"]
        else (f" Letter not produced: {result.letter_problem}." if result.letter_problem else "")
    )
    ctx.emit(out, text)
    return 0


def cmd_received(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import identity as id_service  # PIL and the scan checks: only here
    from ..services.scans import read_scan_file

    content = read_scan_file(args.file) if args.file is not None else None  # capped: /dev/zero stops at 20 MB
    result = id_service.receive_proof(
        ctx.open_register(), args.ref, content, received_on=_date(args.date, "--date"),
        proof_kind=args.proof, party=args.party,
    )  # fmt: skip
    scan = result.scan
    out = {
        "ref": args.ref, "attachment_id": result.attachment_id, "media_type": scan.media_type if scan else None,
        "size": scan.size if scan else 0, "pages": scan.pages if scan else None,
        "suspension_ended": result.suspension_ended, "legal_due": result.case.legal_due.isoformat(),
    }  # fmt: skip
    if scan:
        text = f"{args.ref}: scan {result.attachment_id} stored in the register ({scan.media_type}, {scan.size} bytes)."
    else:
        text = f"{args.ref}: proof seen on paper recorded; nothing stored."
    if result.suspension_ended:
        text += (
            f" The clock runs again from {result.suspension_ended}; due {result.case.legal_due.isoformat()}."
        )
    ctx.emit(out, text)
    return 0


def cmd_decide(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import identity as id_service  # PIL and the scan checks: only here

    register = ctx.open_register()
    case = case_service.get_case(register, args.ref)
    kind = ProofKind(args.proof)
    party = Party(args.party) if args.party else id_service.default_party(case, kind)
    checklist = Checklist(
        proof_kind=kind, party=party, document_type=args.document_type, issuing_country=args.issuing_country,
        document_number=args.document_number, expiry_date=_date(args.expiry, "--expiry"), holder_name=args.holder_name,
        holder_birth_date=_date(args.holder_dob, "--holder-dob"), signature_present=_yes(args.signature),
        mrz_lines=list(args.mrz), names_requester_as_parent=_yes(args.names_parent),
        names_subject_as_child=_yes(args.names_child), other_holder_objects=_yes(args.other_holder_objects),
        mandate_signed_by_subject=_yes(args.mandate_signed), mandate_covers_request=_yes(args.mandate_covers),
    )  # fmt: skip
    result = id_service.decide(
        register,
        args.ref,
        parse_decision(args.decision),
        checklist,
        note=args.note,
        on=_date(args.on, "--on"),
    )
    out = {
        "ref": args.ref, "check_id": result.check_id, "decision": result.decision, "status": result.case.status.value,
        "scans_destroyed": result.scans_destroyed, "checklist": result.assessment.to_dict(),
    }  # fmt: skip
    lines = [
        f"{args.ref}: {result.decision}; {result.scans_destroyed} scan(s) destroyed; case {result.case.status.value}."
    ]
    lines += [f"  [{i.status}] {i.en}" + (f" ({i.comparison.difference})" if i.comparison and i.comparison.difference else "") for i in result.assessment.items]  # fmt: skip
    ctx.emit(out, "\n".join(lines))
    return 0
