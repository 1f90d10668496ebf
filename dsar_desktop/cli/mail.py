"""`dsar mail ...` and `dsar case add --from-mail`: requests read from e-mail, replies drafted as .eml."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..domain.cases import Capacity, Channel, Person
from ..domain.errors import InvalidInput
from ..services import cases as case_service
from ..services import mail_in
from .common import Context

DRAFT_KINDS = ("acknowledgement", "id_request", "extension_notice", "reply")


def add_commands(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "mail", parents=[parent], help="read requests from e-mail; draft replies as .eml"
    )
    sub = p.add_subparsers(dest="mail_command", metavar="read|show|draft|id-check")
    sub.required = True

    s = sub.add_parser(
        "read", parents=[parent], help="print what a .eml/.msg file says (nothing is recorded)"
    )
    s.add_argument("file", type=Path)
    s.set_defaults(handler=cmd_read)

    s = sub.add_parser("show", parents=[parent], help="the request message(s) of a case, as plain text")
    s.add_argument("ref")
    s.set_defaults(handler=cmd_show)

    s = sub.add_parser("draft", parents=[parent], help="write an unsent e-mail draft (.eml) for a case")
    s.add_argument("ref")
    s.add_argument("--kind", required=True, choices=DRAFT_KINDS)
    s.add_argument("--out", required=True, type=Path, help="FILE.eml to write (an export on purpose)")
    s.add_argument("--pack", type=Path, help="for --kind reply: the pack ZIP (must be the case's latest)")
    s.add_argument("--language", choices=["fr", "en"])
    s.set_defaults(handler=cmd_draft)

    s = sub.add_parser("id-check", parents=[parent], help="send an attachment of the request to the ID check")
    s.add_argument("ref")
    s.add_argument("--attachment", required=True, type=int, help="attachment id (see 'dsar mail show REF')")
    s.set_defaults(handler=cmd_id_check)


def describe_read(mail: mail_in.MailRead, language: str = "en") -> dict[str, Any]:
    receipt = mail.receipt
    return {
        "format": mail.format,
        "sender_name": mail.sender_name,
        "sender_email": mail.sender_email,
        "subject": mail.subject,
        "message_id": mail.message_id,
        "received_at": receipt.at.isoformat(timespec="minutes") if receipt.at else None,
        "received_date": receipt.at.date().isoformat() if receipt.at else None,
        "received_source": receipt.source,
        "received_header": receipt.header,
        "rights_suggested": [{"right": h.right.value, "because": h.phrase} for h in mail.rights],
        "language": mail.language,
        "attachments": [
            {
                "name": a.name,
                "media_type": a.media_type,
                "size": a.size,
                "sha256": a.sha256,
                "looks_like_id": a.looks_like_id,
            }
            for a in mail.attachments
        ],
        "notes": [fr if language == "fr" else en for en, fr in mail.notes],
        "partial": mail.partial,
    }


def _text(info: dict[str, Any]) -> str:
    lines = [
        f"From:      {info['sender_name']} <{info['sender_email']}>",
        f"Subject:   {info['subject']}",
        f"Received:  {info['received_at'] or '(no readable date)'} Paris time, from the {info['received_source'] or '-'} header",
        f"           {info['received_header']}",
        "Rights:    "
        + (
            ", ".join(f'{r["right"]} ("{r["because"]}")' for r in info["rights_suggested"])
            or "none recognised"
        ),
        f"Language:  {info['language']}",
    ]
    for a in info["attachments"]:
        lines.append(
            f"Attached:  {a['name']} ({a['media_type']}, {a['size']} bytes)"
            + ("  looks like an ID document" if a["looks_like_id"] else "")
        )
    lines += [f"Note:      {n}" for n in info["notes"]]
    return "\n".join(lines)


def _language() -> str:
    import os

    return "fr" if os.environ.get("LANG", "").startswith("fr") else "en"


def cmd_read(args: argparse.Namespace, ctx: Context) -> int:
    info = describe_read(mail_in.read_file(args.file), _language())
    ctx.emit(info, _text(info))
    return 0


def add_from_mail(args: argparse.Namespace, ctx: Context) -> int:
    """`dsar case add --from-mail FILE`: what was read, overridden by the options given, then recorded."""
    mail = mail_in.read_file(args.from_mail)
    info = describe_read(mail, _language())
    print(_text(info), file=sys.stderr if ctx.json else sys.stdout)
    suggested = mail_in.suggested_case(mail, case_service.rights_of(args.right) if args.right else None)
    if not suggested.rights:
        raise InvalidInput(
            "No right was recognised in the message: say which with --right (access, erasure, ...).",
            "Aucun droit n'a été reconnu dans le message : indiquez-le avec --right (access, erasure, ...).",
        )
    if mail.receipt.at is None and not args.received:
        raise InvalidInput(
            "The message gives no readable receipt date: give it with --received YYYY-MM-DDTHH:MM.",
            "Le message ne donne pas de date de réception lisible : indiquez-la avec --received AAAA-MM-JJTHH:MM.",
        )
    name = args.subject_name or suggested.subject.name
    if not name.strip():
        raise InvalidInput(
            "The sender's name cannot be read: give it with --subject-name.",
            "Le nom de l'expéditeur ne se lit pas : indiquez-le avec --subject-name.",
        )
    from .case_output import case_summary
    from .case_output import date_option as _date

    new = case_service.NewCase(
        received_at=case_service.parse_received(args.received) if args.received else suggested.received_at,
        channel=Channel(args.channel.replace("-", "_").replace("e_mail", "email")) if args.channel else Channel.EMAIL,
        rights=suggested.rights,
        subject=Person(
            name=name, email=args.subject_email or suggested.subject.email, phone=args.subject_phone,
            dob=_date(args.subject_dob, "--subject-dob"),
            address=args.subject_address.replace("|", "\n") if args.subject_address else None,
            student_number=args.subject_student_number,
        ),
        language=args.language or mail.language,
        requester_name=args.requester_name,
        capacity=Capacity(args.capacity),
        requester_email=args.requester_email,
    )  # fmt: skip
    register = ctx.open_register()
    dupes = mail_in.duplicates(register, mail)
    for dupe in dupes:
        why = (
            "the same message (Message-ID)" if dupe.why == "message_id" else "a request from the same address"
        )
        print(f"dsar: warning: {dupe.ref} already holds {why}", file=sys.stderr)
    if case_service.received_in_future(new):
        print("dsar: warning: the receipt date is in the future", file=sys.stderr)
    case = mail_in.add_case_from_mail(register, new, mail)
    out = case_summary(case)
    out["mail"] = info
    out["duplicates"] = [{"ref": d.ref, "why": d.why} for d in dupes]
    ctx.emit(out, f"{case.ref}")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    stored = mail_in.messages(ctx.open_register(), args.ref)
    language = _language()
    data = [
        {
            "id": m.id, "format": m.format, "sender_email": m.sender_email, "subject": m.subject,
            "received_at": m.received_at, "received_source": m.received_source, "text": m.text,
            "original_kept": m.raw_kept, "original_sha256": m.raw_sha256, "note": m.raw_note,
            "attachments": [
                {"id": a.id, "name": a.name, "media_type": a.media_type, "size": a.size, "sha256": a.sha256,
                 "looks_like_id": a.looks_like_id, "sent_to_id_check": a.scan_id is not None}
                for a in m.attachments
            ],
        }
        for m in stored
    ]  # fmt: skip
    text = "\n\n----\n\n".join(
        m.as_text(language) + "".join(f"\n[attachment {a.id}] {a.name}" for a in m.attachments)
        for m in stored
    )
    ctx.emit(data, text or f"No request message is kept for {args.ref}.")
    return 0


def cmd_draft(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import mail_out

    draft = mail_out.write_draft(
        ctx.open_register(), args.ref, args.kind, args.out, pack=args.pack, language=args.language
    )
    out = {
        "file": str(args.out), "to": draft.to, "subject": draft.subject, "in_reply_to": draft.in_reply_to,
        "attachments": [{"name": a.name, "sha256": a.sha256, "size": a.size} for a in draft.attachments],
        "encrypted_pack": draft.encrypted_pack,
    }  # fmt: skip
    text = f"Draft written to {args.out} (to {draft.to}; {len(draft.attachments)} attachment(s)). Open it, check it and send it; then record the dispatch."
    ctx.emit(out, text)
    return 0


def cmd_id_check(args: argparse.Namespace, ctx: Context) -> int:
    scan_id = mail_in.send_attachment_to_id_check(ctx.open_register(), args.ref, args.attachment)
    ctx.emit(
        {"ref": args.ref, "scan_id": scan_id},
        f"Attachment {args.attachment} is now scan {scan_id} of the ID check; its copy with the message was deleted.",
    )
    return 0
