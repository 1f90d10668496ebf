"""`dsar deadline`: the legal due date, policy target and extension of a receipt date, with the reasons."""

from __future__ import annotations

import argparse
import datetime
import os
from typing import Any

from ..domain import deadlines as dl
from ..domain.errors import InvalidInput
from .common import Context


def add_commands(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "deadline",
        parents=[parent],
        help="compute the due dates of a request (no register needed)",
        description="Legal due date (D1), policy target (T) and extended due date (D3) of a request, "
        "with each step explained (RULES A).",
    )
    p.add_argument(
        "--received",
        required=True,
        help="receipt date YYYY-MM-DD (or YYYY-MM-DDTHH:MM[+HH:MM], taken as Paris time without an offset)",
    )
    p.add_argument(
        "--calendar", default="national", help="public holidays: national (default) or alsace-moselle"
    )
    p.add_argument("--id-requested", help="date the ID request was sent (YYYY-MM-DD): the clock stops")
    p.add_argument("--id-received", help="date the ID arrived (YYYY-MM-DD): the clock restarts")
    p.add_argument(
        "--today", help="today's date for an open suspension and the days left (default: system date)"
    )
    p.add_argument(
        "--language", choices=("en", "fr"), help="language of the text output (default: from LANG)"
    )
    p.set_defaults(handler=cmd_deadline)


def _parse_received(text: str) -> datetime.date:
    value = str(text).strip()
    if "T" in value or " " in value:
        try:
            moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise InvalidInput(
                f"Invalid receipt date {text!r}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM.",
                f"Date de réception invalide {text!r} : AAAA-MM-JJ ou AAAA-MM-JJTHH:MM attendu.",
            ) from None
        return dl.receipt_date(moment)
    return dl.parse_date(value, "receipt date", "date de réception")


def deadline_report(
    received: str,
    calendar: str = "national",
    id_requested: str | None = None,
    id_received: str | None = None,
    today: str | None = None,
) -> tuple[dl.Deadlines, dict[str, Any]]:
    """Parse the command's text arguments and compute; the JSON object the command prints."""
    received_date = _parse_received(received)
    cal = dl.normalise_calendar(calendar)
    today_date = dl.parse_date(today, "--today date", "date --today") if today else dl.today_paris()
    suspensions: list[dl.Suspension] = []
    if id_received and not id_requested:
        raise InvalidInput(
            "--id-received needs --id-requested (the day the ID request was sent).",
            "--id-received demande --id-requested (le jour où le justificatif a été demandé).",
        )
    if id_requested:
        started = dl.parse_date(id_requested, "--id-requested date", "date --id-requested")
        ended = (
            dl.parse_date(id_received, "--id-received date", "date --id-received") if id_received else None
        )
        suspensions.append(dl.Suspension(started, ended))
    result = dl.compute_deadlines(received_date, cal, suspensions, today=today_date)
    obj = result.as_dict()
    left = dl.days_left(today_date, result.legal_due, cal)
    obj["today"] = today_date.isoformat()
    obj["days_left"] = {
        "calendar_days": left.calendar_days,
        "working_days": left.working_days,
        "level": left.level,
    }
    return result, obj


def cmd_deadline(args: argparse.Namespace, ctx: Context) -> int:
    result, obj = deadline_report(
        args.received, args.calendar, args.id_requested, args.id_received, args.today
    )
    language = args.language or ("fr" if os.environ.get("LANG", "").startswith("fr") else "en")
    if language == "fr":
        summary = [
            f"Reçue :              {dl.format_date(result.received, 'fr')}",
            f"Échéance légale D1 : {dl.format_date(result.legal_due, 'fr')}",
            f"Objectif interne T : {dl.format_date(result.policy_target, 'fr')}",
            f"Si prolongée D3 :    {dl.format_date(result.extended_due, 'fr')}",
            f"Suspension :         {result.suspension_days} jours",
            "",
            "Détail :",
        ]
    else:
        summary = [
            f"Received:           {dl.format_date(result.received, 'en')}",
            f"Legal due D1:       {dl.format_date(result.legal_due, 'en')}",
            f"Policy target T:    {dl.format_date(result.policy_target, 'en')}",
            f"If extended D3:     {dl.format_date(result.extended_due, 'en')}",
            f"Suspension:         {result.suspension_days} days",
            "",
            "Why:",
        ]
    lines = summary + [f"  - {line}" for line in result.explanation(language)]
    ctx.emit(obj, "\n".join(lines))
    return 0
