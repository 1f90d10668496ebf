"""`dsar extracts ...` (search files, attach to cases, review) and `dsar catalogue ...` (processing register)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Any

from ..domain.errors import InvalidInput
from ..domain.matching import Subject, make_subject
from ..services import catalogue as catalogue_service
from ..services import extracts as service
from .common import Context


def add_commands(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "extracts", parents=[parent], help="search export files for a person; review matches"
    )
    sub = p.add_subparsers(dest="extracts_command", metavar="COMMAND")
    sub.required = True

    s = sub.add_parser("search", parents=[parent], help="search files for one person (no register needed)")
    s.add_argument(
        "--file", dest="files", action="append", required=True, type=Path, help="CSV, JSON Lines or XLSX"
    )
    s.add_argument("--source", help="catalogue system the files come from (informative)")
    s.add_argument("--email", action="append", help="repeat for several addresses of the same person")
    s.add_argument("--phone", action="append", help="repeat for several numbers of the same person")
    s.add_argument("--name", help='"First LAST" (used with --dob)')
    s.add_argument("--dob", help="date of birth, YYYY-MM-DD")
    s.add_argument("--student-number", action="append", help="repeat for several numbers")
    s.add_argument(
        "--mapping",
        type=Path,
        help='JSON {field: column, "header_row": N, "sheet": NAME} or {"sheets": {NAME: {...}}}; '
        "default: suggested from the headers of each table",
    )
    s.set_defaults(handler=cmd_search)

    s = sub.add_parser("preview", parents=[parent], help="headers, format and the suggested column mapping")
    s.add_argument("--file", required=True, type=Path)
    s.set_defaults(handler=cmd_preview)

    s = sub.add_parser(
        "attach", parents=[parent], help="search files for cases' subjects and keep matches for review"
    )
    s.add_argument("refs", nargs="*", metavar="REF", help="case references (or --open-cases)")
    s.add_argument("--open-cases", action="store_true", help="every open case, in one pass")
    s.add_argument("--file", dest="files", action="append", required=True, type=Path)
    s.add_argument("--source", required=True, help="catalogue system id, e.g. crm_prospects")
    s.add_argument("--mapping", type=Path)
    s.set_defaults(handler=cmd_attach)

    s = sub.add_parser(
        "status", parents=[parent], help="which systems are searched, under review, not applicable"
    )
    s.add_argument("ref")
    s.set_defaults(handler=cmd_status)

    s = sub.add_parser("matches", parents=[parent], help="list the matches of a case")
    s.add_argument("ref")
    s.add_argument("--source")
    s.add_argument("--status", choices=["pending", "confirmed", "rejected"])
    s.set_defaults(handler=cmd_matches)

    for name, helptext in (("confirm", "confirm a match is about the subject"), ("reject", "reject a match")):
        s = sub.add_parser(name, parents=[parent], help=helptext)
        s.add_argument("match_id", type=int)
        s.set_defaults(handler=cmd_confirm if name == "confirm" else cmd_reject)

    s = sub.add_parser(
        "redact", parents=[parent], help="withhold a field, or a text inside it, with a reason"
    )
    s.add_argument("match_id", type=int)
    s.add_argument("--field", required=True)
    s.add_argument("--text", help="only this text inside the field (every occurrence)")
    s.add_argument("--reason", required=True)
    s.add_argument("--code", default="third_party", choices=list(service.REDACTION_CODES))
    s.set_defaults(handler=cmd_redact)

    s = sub.add_parser(
        "mark", parents=[parent], help="mark a system searched, or not applicable with a reason"
    )
    s.add_argument("ref")
    s.add_argument("--source", required=True)
    group = s.add_mutually_exclusive_group(required=True)
    group.add_argument("--searched", action="store_true")
    group.add_argument("--not-applicable", metavar="REASON")
    s.set_defaults(handler=cmd_mark)

    s = sub.add_parser(
        "gather",
        parents=[parent],
        help="search many files for one case: each assigned to its system, one pass",
    )
    s.add_argument("ref")
    s.add_argument("--file", dest="files", action="append", required=True, type=Path)
    s.add_argument("--assign", action="append", default=[], metavar="FILE=SOURCE", help="override a guess")
    s.set_defaults(handler=cmd_gather)

    s = sub.add_parser(
        "aside", parents=[parent], help="set aside a file no column of which identifies anyone"
    )
    s.add_argument("ref")
    s.add_argument("--file-id", type=int, required=True)
    s.add_argument("--reason", required=True)
    s.set_defaults(handler=cmd_aside)

    s = sub.add_parser("identifier", parents=[parent], help="add an identifier the case lacks (e.g. --dob)")
    s.add_argument("ref")
    s.add_argument("--field", required=True, choices=["dob", "student_number", "phone", "email"])
    s.add_argument("--value", help="the value; without it, list the values found in confirmed rows")
    s.set_defaults(handler=cmd_identifier)

    s = sub.add_parser("confirm-emails", parents=[parent], help="confirm every exact e-mail match of a case")
    s.add_argument("ref")
    s.set_defaults(handler=cmd_confirm_emails)

    p = subparsers.add_parser("catalogue", parents=[parent], help="the processing register (versions)")
    sub = p.add_subparsers(dest="catalogue_command", metavar="COMMAND")
    sub.required = True
    s = sub.add_parser("show", parents=[parent], help="the current catalogue")
    s.add_argument("--version", type=int, dest="at_version")
    s.set_defaults(handler=cmd_catalogue_show)
    s = sub.add_parser("versions", parents=[parent], help="every saved version")
    s.set_defaults(handler=cmd_catalogue_versions)
    s = sub.add_parser("import", parents=[parent], help="save a JSON file as a new version")
    s.add_argument("file", type=Path)
    s.add_argument("--note", default="")
    s.set_defaults(handler=cmd_catalogue_import)


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    if args.name and not args.dob:
        raise InvalidInput(
            "--name needs --dob: a name alone matches namesakes.",
            "--name exige --dob : un nom seul trouve des homonymes.",
        )
    subject = _one_subject(args.name, args.dob, args.email or [], args.phone or [], args.student_number or [])
    if subject.problems:
        raise InvalidInput(
            f"Cannot read: {', '.join(subject.problems)}.", f"Illisible : {', '.join(subject.problems)}."
        )
    mapping = service.load_mapping(args.mapping) if args.mapping else None
    result = service.search(args.files, [subject], mapping)
    obj = result.to_json()
    for match in obj["matches"]:
        match.pop("subject", None)
    if args.source:
        obj["source"] = args.source
    lines = [
        f"{result.rows_scanned} rows scanned in {len(result.files)} file(s); {len(result.matches)} match(es)."
    ]
    for match in result.matches:
        where = f" (sheet {match.sheet!r}, row {match.line})" if match.sheet else ""
        lines.append(f"  {match.file} row {match.row}{where}: {', '.join(match.reasons)}")
    for file_result in result.files:
        lines += _issue_lines(file_result.info.name, file_result.info.issues)
    ctx.emit(obj, "\n".join(lines))
    return 0


def _issue_lines(name: str, issues: Any) -> list[str]:
    """What was not read or interpreted, one line each (the file's own facts have no line number)."""
    return [f"  {name} line {i.line}: {i.en}" if i.line else f"  {name}: {i.en}" for i in issues]


def _one_subject(
    name: str | None, dob: str | None, emails: list[str], phones: list[str], numbers: list[str]
) -> Subject:
    """One person with every e-mail, phone and student number given: a row matching any of them is theirs."""
    subject = make_subject("subject", name=name, dob=dob)
    problems = list(subject.problems)
    emails_found: frozenset[str] = frozenset()
    phone_forms: frozenset[str] = frozenset()
    numbers_found: frozenset[str] = frozenset()
    for email in emails:
        emails_found |= make_subject("subject", email=email).emails
    for phone in phones:
        part = make_subject("subject", phone=phone)
        phone_forms |= part.phone_forms
        problems += [p for p in part.problems if p not in problems]
    for number in numbers:
        numbers_found |= make_subject("subject", student_number=number).student_numbers
    return dataclasses.replace(
        subject,
        emails=emails_found,
        phone_forms=phone_forms,
        student_numbers=numbers_found,
        problems=tuple(problems),
    )


def cmd_preview(args: argparse.Namespace, ctx: Context) -> int:
    preview = service.preview_file(args.file)
    text = "\n".join(
        [f"{preview.name}: {preview.format}, {preview.encoding}, delimiter {preview.delimiter!r}",
         "columns: " + ", ".join(preview.headers),
         "mapping: " + json.dumps(preview.mapping.to_json(), ensure_ascii=False)]
    )  # fmt: skip
    ctx.emit(preview.to_json(), text)
    return 0


def cmd_attach(args: argparse.Namespace, ctx: Context) -> int:
    reg = ctx.open_register()
    mapping = service.load_mapping(args.mapping) if args.mapping else None
    if args.open_cases:
        result = service.attach_open_cases(reg, args.files, args.source, mapping)
    elif args.refs:
        result = service.attach(reg, args.refs, args.files, args.source, mapping)
    else:
        raise InvalidInput(
            "Give case references or --open-cases.", "Indiquez des références de demandes ou --open-cases."
        )
    lines = [f"{result.rows_scanned} rows scanned in source {result.source}."]
    lines += [
        _case_line(ref, count, result.not_searched.get(ref)) for ref, count in result.matches_by_case.items()
    ]
    for file in result.files:
        lines += [f"  {file['name']}: {i['en']}" for i in file["issues"] if i["kind"] != "row"]
    ctx.emit(result.to_json(), "\n".join(lines))
    return 0


def _case_line(ref: str, count: int, why: dict[str, list[str]] | None) -> str:
    line = f"  {ref}: {count} match(es) to review"
    if why and why.get("unmapped"):
        return line + f"; NOT marked searched: no identifying column in {', '.join(why['unmapped'])}"
    if why and why.get("needs"):
        return line + f"; NOT marked searched: the case needs one of {', '.join(why['needs'])}"
    return line + "; marked searched"


def cmd_status(args: argparse.Namespace, ctx: Context) -> int:
    statuses = service.sources_status(ctx.open_register(), args.ref)
    lines = [
        f"{s.source:<18} {s.status:<15} pending {s.pending}, confirmed {s.confirmed}"
        + (f" ({s.reason})" if s.reason else "")
        + (f"; needs one of: {', '.join(s.needs)}" if s.needs else "")
        + (f"; no identifying column: {', '.join(s.unmapped_files)}" if s.unmapped_files else "")
        + (f"; {s.without_file[0]}" if s.without_file else "")
        for s in statuses
    ]
    ctx.emit([s.to_json() for s in statuses], "\n".join(lines))
    return 0


def cmd_matches(args: argparse.Namespace, ctx: Context) -> int:
    views = service.list_matches(ctx.open_register(), args.ref, args.source, args.status)
    lines = [f"#{v.id} {v.source} {v.file} row {v.row} [{v.status}] {', '.join(v.reasons)}" for v in views]
    ctx.emit([v.to_json() for v in views], "\n".join(lines) or "No matches.")
    return 0


def cmd_confirm(args: argparse.Namespace, ctx: Context) -> int:
    flags = service.confirm_match(ctx.open_register(), args.match_id)
    ctx.emit({"match": args.match_id, "status": "confirmed", "minor_flags": [f.to_dict() for f in flags]},
             "\n".join([f"Match {args.match_id} confirmed."] + [f"  DPO: {f.en}" for f in flags]))  # fmt: skip
    return 0


def cmd_reject(args: argparse.Namespace, ctx: Context) -> int:
    service.reject_match(ctx.open_register(), args.match_id)
    ctx.emit(
        {"match": args.match_id, "status": "rejected"},
        f"Match {args.match_id} rejected; its row was dropped.",
    )
    return 0


def cmd_redact(args: argparse.Namespace, ctx: Context) -> int:
    reg = ctx.open_register()
    if args.text:
        service.redact_text(reg, args.match_id, args.field, args.reason, args.code, text=args.text)
    else:
        service.redact_field(reg, args.match_id, args.field, args.reason, args.code)
    ctx.emit(
        {"match": args.match_id, "field": args.field, "redacted": True}, f"Redacted in match {args.match_id}."
    )
    return 0


def cmd_mark(args: argparse.Namespace, ctx: Context) -> int:
    status = "searched" if args.searched else "not_applicable"
    service.mark_source(ctx.open_register(), args.ref, args.source, status, args.not_applicable)
    ctx.emit({"ref": args.ref, "source": args.source, "status": status}, f"{args.source}: {status}.")
    return 0


def cmd_catalogue_show(args: argparse.Namespace, ctx: Context) -> int:
    reg = ctx.open_register()
    cat = (
        catalogue_service.catalogue_at(reg, args.at_version)
        if args.at_version
        else catalogue_service.current_catalogue(reg)
    )
    lines = [f"Catalogue version {cat.version} ({cat.sha256[:12]})"]
    lines += [f"  {a.id:<18} {a.text('name', 'en')} — {a.data['retention']['en']}" for a in cat.activities]
    ctx.emit({"version": cat.version, "sha256": cat.sha256, "catalogue": cat.data}, "\n".join(lines))
    return 0


def cmd_catalogue_versions(args: argparse.Namespace, ctx: Context) -> int:
    reg = ctx.open_register()
    catalogue_service.current_catalogue(reg)
    versions = catalogue_service.catalogue_versions(reg)
    lines = [f"{v.version:>3} {v.created_at} {v.actor:<12} {v.sha256[:12]} {v.note}" for v in versions]
    ctx.emit([v.to_json() for v in versions], "\n".join(lines))
    return 0


def cmd_catalogue_import(args: argparse.Namespace, ctx: Context) -> int:
    candidate = catalogue_service.load_catalogue_file(args.file)
    saved = catalogue_service.save_catalogue(ctx.open_register(), candidate.data, args.note)
    ctx.emit(
        {"version": saved.version, "sha256": saved.sha256}, f"Catalogue saved as version {saved.version}."
    )
    return 0


def cmd_gather(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import extracts_gather as gathering

    reg = ctx.open_register()
    language = "fr" if os.environ.get("LANG", "").startswith("fr") else "en"
    assignments = gathering.assign_files(reg, args.files, language)
    for pair in args.assign:
        name, _, source = pair.partition("=")
        for item in assignments:
            if item.path.name == name or str(item.path) == name:
                item.source, item.how, item.mapping = source or None, "given", None
    summary = gathering.gather(reg, args.ref, assignments)
    lines = [
        f"{a.path.name} -> {a.source or '(no system: left out)'} [{a.how or a.error or '?'}]"
        for a in assignments
    ]
    for result in summary.systems:
        count = result.matches_by_case.get(args.ref, 0)
        lines.append(
            f"{result.source}: {result.rows_scanned} rows,"
            + _case_line("", count, result.not_searched.get(args.ref))
        )
    ctx.emit({"assignments": [a.to_json() for a in assignments], **summary.to_json()}, "\n".join(lines))
    left_out = [a for a in assignments if a.error]
    for item in left_out:  # the others were gathered; a script must still see that a file was not read
        print(f"dsar: {item.error}", file=sys.stderr)
    return max((a.exit_code for a in left_out), default=0)


def cmd_aside(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import extracts_gather as gathering

    gathering.set_file_aside(ctx.open_register(), args.ref, args.file_id, args.reason)
    ctx.emit(
        {"ref": args.ref, "file_id": args.file_id, "aside": True},
        f"{args.ref}: file #{args.file_id} set aside.",
    )
    return 0


def cmd_identifier(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import extracts_gather as gathering

    reg = ctx.open_register()
    if args.value is None:
        found = [s for s in gathering.identifier_suggestions(reg, args.ref) if s.field == args.field]
        ctx.emit(
            [s.__dict__ for s in found],
            "\n".join(f"{s.value}  ({s.source}, {s.file} row {s.row})" for s in found),
        )
        return 0
    gathering.add_subject_identifier(reg, args.ref, args.field, args.value, origin="command line")
    ctx.emit({"ref": args.ref, "field": args.field}, f"{args.ref}: {args.field} added.")
    return 0


def cmd_confirm_emails(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import extracts_gather as gathering

    count = gathering.confirm_exact_email_matches(ctx.open_register(), args.ref)
    ctx.emit({"ref": args.ref, "confirmed": count}, f"{args.ref}: {count} exact e-mail match(es) confirmed.")
    return 0
