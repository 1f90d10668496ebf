"""`dsar record export`: the record of requests of a period (RULES F) as XLSX or CSV, pseudonymised on request."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..domain import deadlines as dl
from ..domain.statistics import Period
from .common import Context


def add_commands(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "record", parents=[parent], help="the record of requests (for an audit or the CNIL)"
    )
    sub = p.add_subparsers(dest="record_command", metavar="export")
    sub.required = True
    s = sub.add_parser(
        "export",
        parents=[parent],
        help="export the cases received in a period, one row each",
        description="One row per case received from --from to --to: receipt, channel, requester capacity, "
        "rights, identity steps (dates only), suspensions, extension, systems searched or set aside, "
        "exemptions, dispatch and its proof, outcome, days to answer, pack SHA-256. No image, no extract data. "
        "Every export is written to the audit log.",
    )
    s.add_argument("--from", dest="start", required=True, help="first day of receipt, YYYY-MM-DD")
    s.add_argument("--to", dest="end", required=True, help="last day of receipt, YYYY-MM-DD")
    s.add_argument("--out", type=Path, required=True, help="FILE.xlsx or FILE.csv (CSV: UTF-8 with BOM, ';')")
    s.add_argument(
        "--pseudonymise", "--pseudonymize", action="store_true",
        help="replace names, e-mail and postal addresses by the case reference",
    )  # fmt: skip
    s.add_argument(
        "--language",
        choices=("en", "fr"),
        help="column headers and labels (default: the register's language)",
    )
    s.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import record  # openpyxl and the register only when the command runs

    period = Period(dl.parse_date(args.start, "--from", "--from"), dl.parse_date(args.end, "--to", "--to"))
    record.format_of(args.out)  # a wrong extension is refused before the passphrase is asked
    done = record.export_record(
        ctx.open_register(), period, args.out, pseudonymise=args.pseudonymise, language=args.language
    )
    pseudo = " (pseudonymised)" if done.pseudonymised else ""
    ctx.emit(
        done.as_dict(),
        f"{done.rows} case(s) received {done.period_from} to {done.period_to} written to {done.path}{pseudo}",
    )
    return 0
