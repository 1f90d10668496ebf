"""`dsar case ...` and `dsar demo`: intake, lists, lifecycle on the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from ..domain import deadlines as dl
from ..domain.case_actions import Action
from ..domain.cases import Capacity, Channel, Person, Status
from ..domain.errors import InvalidInput
from ..services import cases as case_service
from . import identity, retention
from .case_output import case_summary
from .case_output import date_option as _date
from .common import Context


def add_commands(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("case", parents=[parent], help="record and follow requests")
    case_sub = p.add_subparsers(dest="case_command", metavar="add|list|show|transition|extend|note|...")
    case_sub.required = True

    s = case_sub.add_parser("add", parents=[parent], help="record a new request")
    s.add_argument(
        "--from-mail", type=Path, metavar="FILE",
        help="read the request from an .eml or .msg file (receipt moment, sender, rights, language; "
        "the options below override what was read) and keep the message in the register",
    )  # fmt: skip
    s.add_argument("--received", help="YYYY-MM-DD or YYYY-MM-DDTHH:MM (Paris time)")
    s.add_argument("--channel", choices=[c.value for c in Channel] + ["e-mail", "web-form", "in-person"])
    s.add_argument("--right", action="append", help="access, rectification, erasure, ...")
    s.add_argument("--subject-name", help='"First LAST"')
    s.add_argument("--subject-email")
    s.add_argument("--subject-phone")
    s.add_argument("--subject-dob", help="YYYY-MM-DD")
    s.add_argument("--subject-address", help="postal block, lines separated by '|' or newlines")
    s.add_argument("--subject-student-number")
    s.add_argument("--requester-name")
    s.add_argument("--requester-email")
    s.add_argument("--capacity", choices=[c.value for c in Capacity], default="self")
    s.add_argument("--language", choices=["fr", "en"])
    s.set_defaults(handler=cmd_add)

    s = case_sub.add_parser("list", parents=[parent], help="list cases")
    s.add_argument("--open", action="store_true", help="open cases only")
    s.set_defaults(handler=cmd_list)

    s = case_sub.add_parser("show", parents=[parent], help="one case with its timeline")
    s.add_argument("ref")
    s.set_defaults(handler=cmd_show)

    s = case_sub.add_parser("transition", parents=[parent], help="move a case to another state")
    s.add_argument("ref")
    s.add_argument("--to", required=True, choices=[x.value for x in Status])
    s.add_argument("--reason")
    s.set_defaults(handler=cmd_transition)

    s = case_sub.add_parser("extend", parents=[parent], help="extend by two months (Art. 12(3))")
    s.add_argument("ref")
    s.add_argument("--reason", required=True)
    s.add_argument("--notice-date", help="YYYY-MM-DD the notice is sent (default: today)")
    s.set_defaults(handler=cmd_extend)

    s = case_sub.add_parser(
        "directives",
        parents=[parent],
        help="an heir's request: record the deceased's post-mortem directives (LIL art. 85) before replying",
    )
    s.add_argument("ref")
    s.add_argument("--finding", required=True, choices=["none_known", "general", "particular"])
    s.add_argument("--summary", default="", help="what the directives ask (keep, erase, communicate to whom)")
    s.add_argument("--source", required=True, help="where they were found, or how the office checked")
    s.set_defaults(handler=cmd_directives)

    s = case_sub.add_parser("note", parents=[parent], help="add a note to the timeline")
    s.add_argument("ref")
    s.add_argument("text")
    s.set_defaults(handler=cmd_note)

    s = case_sub.add_parser(
        "unfounded", parents=[parent], help="mark manifestly unfounded or excessive (Art. 12(5))"
    )
    s.add_argument("ref")
    s.add_argument("--justification", required=True)
    s.set_defaults(handler=cmd_unfounded)

    s = case_sub.add_parser("dispatch", parents=[parent], help="record the dispatch of the reply")
    s.add_argument("ref")
    s.add_argument("--date", help="YYYY-MM-DD (default: today)")
    s.add_argument("--number", help="registered-letter number")
    s.add_argument(
        "--channel", dest="dispatch_channel", choices=["email", "post", "hand"], help="how it went out"
    )
    s.add_argument("--to", dest="dispatch_address", help="the e-mail or postal address it went to")
    s.add_argument(
        "--without-pack",
        action="store_true",
        help="the reply went without a sealed pack (needs --reason; shown in the timeline and the statistics)",
    )
    s.add_argument("--reason", help="why the reply went without a sealed pack")
    s.set_defaults(handler=cmd_dispatch)

    retention.add_purge_command(case_sub, parent)
    identity.add_case_commands(case_sub, parent)

    p = subparsers.add_parser("demo", parents=[parent], help="create a demo register of synthetic cases")
    p.add_argument("--cases", type=int, default=200)
    p.set_defaults(handler=cmd_demo)


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    if args.from_mail is not None:
        from .mail import add_from_mail

        return add_from_mail(args, ctx)
    missing = [
        option
        for option, value in (
            ("--received", args.received), ("--channel", args.channel), ("--right", args.right),
            ("--subject-name", args.subject_name),
        )
        if not value
    ]  # fmt: skip
    if missing:
        raise InvalidInput(
            f"Missing {', '.join(missing)} (or give --from-mail FILE to read them from a message).",
            f"Il manque {', '.join(missing)} (ou donnez --from-mail FICHIER pour les lire dans un message).",
        )
    register = ctx.open_register()
    address = args.subject_address.replace("|", "\n") if args.subject_address else None
    new = case_service.NewCase(
        received_at=case_service.parse_received(args.received),
        channel=Channel(args.channel.replace("-", "_").replace("e_mail", "email")),
        rights=case_service.rights_of(args.right),
        subject=Person(
            name=args.subject_name,
            email=args.subject_email,
            phone=args.subject_phone,
            dob=_date(args.subject_dob, "--subject-dob"),
            address=address,
            student_number=args.subject_student_number,
        ),
        language=args.language or "fr",
        requester_name=args.requester_name,
        capacity=Capacity(args.capacity),
        requester_email=args.requester_email,
    )
    earlier = case_service.earlier_requests(register, new.subject.name, new.subject.email)
    if case_service.received_in_future(new):
        print(f"dsar: warning: the receipt date {args.received} is in the future", file=sys.stderr)
    case = case_service.add_case(register, new)
    out = case_summary(case)
    out["earlier_requests"] = [row.ref for row in earlier]
    text = f"{case.ref}"
    if earlier:
        text += f"\nNote: earlier requests by the same person: {', '.join(r.ref for r in earlier)}"
    ctx.emit(out, text)
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    rows = case_service.list_cases(ctx.open_register(), open_only=args.open)
    data = [
        {
            "ref": r.ref,
            "status": r.status.value,
            "received": r.received_date.isoformat(),
            "channel": r.channel.value,
            "rights": [x.value for x in r.rights],
            "subject_name": r.subject_name,
            "legal_due": r.legal_due.isoformat(),
            "current_due": r.current_due.isoformat(),
            "extended": r.extended,
        }
        for r in rows
    ]
    lines = [f"{r['ref']:<15} {r['status']:<18} due {r['current_due']}  {r['subject_name']}" for r in data]
    ctx.emit(data, "\n".join(lines) or "No cases.")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    register = ctx.open_register()
    case = case_service.get_case(register, args.ref)
    deadlines = case_service.deadlines_for(register, case)
    events = case_service.timeline(register, args.ref)
    out = case_summary(case)
    out["explanation"] = deadlines.explanation("en")
    out["explanation_fr"] = deadlines.explanation("fr")
    out["extended_due"] = deadlines.extended_due.isoformat()
    out["dispatch_channel"], out["dispatch_address"] = case_service.dispatch_details(register, args.ref)
    out["timeline"] = [
        {"at": e.at_utc, "actor": e.actor, "kind": e.kind, "summary": e.summary} for e in events
    ]
    allowances = case_service.allowed(register, args.ref)
    out["allowed"] = sorted(a.value for a in Action if allowances.allows(a))
    out["refused"] = {a.value: {"code": r.code, "en": r.en, "fr": r.fr} for a, r in allowances.refused.items()}
    out["next_states"] = [s.value for s in allowances.allowed_targets()]
    text = "\n".join(
        [
            f"{case.ref}  {case.status.value}  ({', '.join(r.value for r in case.rights)})",
            f"Subject: {case.subject.name}  <{case.subject.email or '-'}>",
            f"Received {dl.format_date(case.received_date)} via {case.channel.value}",
            f"Legal due {case.legal_due}  policy target {case.policy_target}  current due {case.current_due}",
            "Why: " + " | ".join(deadlines.explanation("en")),
            "Possible next states: " + (", ".join(s.value for s in allowances.allowed_targets()) or "none"),
            *[f"Cannot {a.value.replace('_', ' ')}: {r.en}" for a, r in allowances.refused.items()],
            "Timeline:",
            *[f"  {e.at_utc}  {e.actor:<10} {e.summary}" for e in events],
        ]
    )
    ctx.emit(out, text)
    return 0


def cmd_transition(args: argparse.Namespace, ctx: Context) -> int:
    case = case_service.transition(ctx.open_register(), args.ref, Status(args.to), args.reason)
    ctx.emit(case_summary(case), f"{case.ref} is now {case.status.value}")
    return 0


def cmd_extend(args: argparse.Namespace, ctx: Context) -> int:
    case = case_service.extend(
        ctx.open_register(), args.ref, args.reason, _date(args.notice_date, "--notice-date")
    )
    ctx.emit(case_summary(case), f"{case.ref} extended until {case.current_due.isoformat()}")
    return 0


def cmd_directives(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import directives  # noqa: PLC0415 - only this command needs it

    found = directives.record(ctx.open_register(), args.ref, args.finding, args.summary, args.source)
    obj = {"ref": args.ref, "finding": found.finding.value, "summary": found.summary, "source": found.source,
           "recorded_by": found.recorded_by, "recorded_at": found.recorded_at.isoformat()}  # fmt: skip
    ctx.emit(obj, f"{args.ref}: post-mortem directives recorded ({found.finding.value}).")
    return 0


def cmd_note(args: argparse.Namespace, ctx: Context) -> int:
    case_service.add_note(ctx.open_register(), args.ref, args.text)
    ctx.emit({"ref": args.ref, "noted": True}, "Note added.")
    return 0


def cmd_unfounded(args: argparse.Namespace, ctx: Context) -> int:
    case = case_service.mark_manifestly_unfounded(ctx.open_register(), args.ref, args.justification)
    ctx.emit(case_summary(case), f"{case.ref} marked manifestly unfounded or excessive")
    return 0


def cmd_dispatch(args: argparse.Namespace, ctx: Context) -> int:
    when = _date(args.date, "--date") or dt.datetime.now(dl.PARIS).date()
    if args.reason and not args.without_pack:
        raise InvalidInput(
            "--reason goes with --without-pack (a reply recorded without a sealed pack).",
            "--reason va avec --without-pack (une réponse enregistrée sans dossier scellé).",
        )
    case = case_service.record_dispatch(
        ctx.open_register(), args.ref, when, args.number,
        channel=args.dispatch_channel, address=args.dispatch_address,
        without_pack_reason=(args.reason or "") if args.without_pack else None,
    )  # fmt: skip
    ctx.emit(case_summary(case), f"{case.ref} responded on {when.isoformat()}")
    return 0


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import demo

    passphrase, chosen = demo.passphrase_for_demo(ctx)
    result = demo.create_demo_register(ctx.register_path, ctx.actor(), passphrase, cases=args.cases)
    ctx.adopt(result.register)
    out = {"register": str(ctx.register_path), "cases": result.case_count, "slot": ctx.actor()}
    text = f"Demo register created: {ctx.register_path} ({result.case_count} cases, slot {ctx.actor()})"
    if chosen:
        out["passphrase"] = passphrase
        text += f"\npassphrase: {passphrase}"
    text += f"\nrecovery key: {result.recovery_key}"
    out["recovery_key"] = result.recovery_key
    ctx.emit(out, text)
    return 0
