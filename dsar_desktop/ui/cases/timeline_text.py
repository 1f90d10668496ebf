"""Timeline entries in the reader's language: the register keeps English one-liners, the screen translates by kind."""

from __future__ import annotations

import datetime as dt
import re

from ...domain import deadlines as dl
from ...domain.cases import DispatchChannel, Status
from ...services.cases import TimelineEntry
from ..i18n import tr
from .dialogs_case import DISPATCH_CHANNEL_TEXT
from .labels import date_text, status_text

_DISPATCH = re.compile(r"^Reply dispatched on (\d{4}-\d{2}-\d{2})(?: \((.*)\))?$")


def _status(value: object) -> str:
    try:
        return status_text(Status(str(value)))
    except ValueError:
        return str(value)


def _after_colon(summary: str) -> str:
    return summary.split(": ", 1)[1] if ": " in summary else summary


def _date(value: object) -> str:
    try:
        return date_text(dt.date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def describe_entry(entry: TimelineEntry) -> str:
    details = entry.details or {}
    if entry.kind == "created" and "legal_due" in details:
        return tr("Request recorded; legal due date {d1}", d1=_date(details["legal_due"]))
    if entry.kind == "transition" and "from" in details:
        text = tr("State: {old} → {new}", old=_status(details["from"]), new=_status(details.get("to")))
        if details.get("reason"):
            text += " — " + tr("reason: {reason}", reason=details["reason"])
        return text
    if entry.kind == "extended" and "extended_due" in details:
        return tr(
            "Deadline extended to {date}; notice sent {notice}; reasons: {reason}",
            date=_date(details["extended_due"]),
            notice=_date(details.get("notice_date", "")),
            reason=_after_colon(entry.summary),
        )
    if entry.kind == "unfounded":
        return tr("Marked manifestly unfounded or excessive: {why}", why=_after_colon(entry.summary))
    if entry.kind == "dispatched":
        match = _DISPATCH.match(entry.summary)
        if match:
            text = tr("Reply sent on {date}", date=_date(match[1]))
            channel = details.get("channel")
            if channel in DISPATCH_CHANNEL_TEXT:
                text += " — " + tr(DISPATCH_CHANNEL_TEXT[DispatchChannel(channel)])
            if details.get("address"):
                text += " — " + tr("to {address}", address=" ".join(str(details["address"]).splitlines()))
            if match[2]:
                text += " — " + tr("registered letter {number}", number=match[2])
            return text
    if entry.kind == "mail_draft" and "kind" in details:
        from ..mail.drafts import KIND_TITLES

        title = KIND_TITLES.get(str(details["kind"]), str(details["kind"]))
        return tr(
            "E-mail draft prepared: {what}; it goes out when a person sends it and records the dispatch",
            what=tr(title),
        )
    if entry.kind == "message" and "format" in details:
        if details["format"] == "typed":
            return tr("Text of the request recorded")
        return tr(
            "Request message kept in the register ({format}, %n attachment(s))",
            "",
            int(details.get("attachments") or 0),
            format=str(details["format"]),
        )
    if entry.kind == "dispatched_without_pack" and "reason" in details:
        text = tr(
            "Reply sent on {date} without a sealed pack: {reason}",
            date=_date(details.get("date", "")),
            reason=details["reason"],
        )
        if details.get("number"):
            text += " — " + tr("registered letter {number}", number=details["number"])
        return text
    if entry.kind == "note":
        return tr("Note: {text}", text=entry.summary)
    return entry.summary


def when_text(at_utc: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(at_utc)
    except ValueError:
        return at_utc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone(dl.PARIS)
    return f"{date_text(local.date())} {local:%H:%M}"


def timeline_rows(entries: list[TimelineEntry]) -> list[tuple[str, str, str]]:
    """(when in Paris time, who, what) for each entry, oldest first."""
    return [(when_text(e.at_utc), e.actor, describe_entry(e)) for e in entries]
