"""Timeline entries in the reader's language: the register keeps English one-liners, the screen translates by kind."""

from __future__ import annotations

import datetime as dt
import re

from ...domain.cases import Channel, DispatchChannel, Right, Status
from ...domain.identity import (
    DECISION_LABELS,
    METHOD_LABELS,
    PROOF_LABELS,
    Decision,
    IdentityMethod,
)
from ...services.cases import TimelineEntry
from ..i18n import pick, tr
from .dialogs_case import DISPATCH_CHANNEL_TEXT
from .labels import channel_text, date_text, moment_text, right_text, status_text

_DISPATCH = re.compile(r"^Reply dispatched on (\d{4}-\d{2}-\d{2})(?: \((.*)\))?$")
_CREATED = re.compile(r"^Request recorded \((.*)\) via (\w+)$")
_PROOF_BY_ENGLISH = {english: kind for kind, (english, _french) in PROOF_LABELS.items()}
_ID_REQUESTED = re.compile(r"^(.+) requested; clock suspended from (\d{4}-\d{2}-\d{2})$")
_ID_RECEIVED = re.compile(r"^(.+) received \((.*?)\)(?:; clock runs again from (\d{4}-\d{2}-\d{2}))?$")
_ID_DECIDED = re.compile(r"^(.+): (verified|rejected|more_needed)$")


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


def _rights(codes: str) -> str:
    try:
        return ", ".join(right_text(Right(code.strip())) for code in codes.split(","))
    except ValueError:
        return codes


def _proof(english: str) -> str:
    kind = _PROOF_BY_ENGLISH.get(english)
    return pick(PROOF_LABELS[kind]) if kind else english


def _identity(entry: TimelineEntry) -> str | None:
    """The identity events (services/identity.py) in the reader's language; None when the wording is unknown."""
    details = entry.details or {}
    if "method" in details:
        try:
            return tr("Identity established: {method}", method=pick(METHOD_LABELS[IdentityMethod(details["method"])]))
        except ValueError:
            return None
    if match := _ID_REQUESTED.match(entry.summary):
        return tr("{proof} requested; clock stopped from {date}", proof=_proof(match[1]), date=_date(match[2]))
    if match := _ID_RECEIVED.match(entry.summary):
        text = tr("{proof} received", proof=_proof(match[1]))
        if match[2].startswith("on paper"):
            text += " " + tr("(on paper or in person, nothing stored)")
        if match[3]:
            text += "; " + tr("the clock runs again from {date}", date=_date(match[3]))
        return text
    if (match := _ID_DECIDED.match(entry.summary)) and "decision" in details:
        return tr("{proof}: {decision}", proof=_proof(match[1]), decision=pick(DECISION_LABELS[Decision(match[2])]))
    return None


def describe_entry(entry: TimelineEntry) -> str:  # noqa: C901 - one branch per kind of event
    details = entry.details or {}
    if entry.kind == "created" and "legal_due" in details:
        text = tr("Request recorded; legal due date {d1}", d1=_date(details["legal_due"]))
        if match := _CREATED.match(entry.summary):
            try:
                text += " — " + tr("{rights}; channel: {channel}", rights=_rights(match[1]), channel=channel_text(Channel(match[2])))
            except ValueError:
                pass
        return text
    if entry.kind == "identity":
        return _identity(entry) or entry.summary
    if entry.kind == "priority":
        return tr("Erasure of data collected while a minor (LIL art. 51): handled first")
    if entry.kind == "pack_built" and "pages" in details:
        return tr(
            "Response pack built (%n page(s), SHA-256 {sha}…)", "", int(details["pages"]),
            sha=str(details.get("sha256", ""))[:16],
        )  # fmt: skip
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
    return moment_text(at_utc)


def timeline_rows(entries: list[TimelineEntry]) -> list[tuple[str, str, str]]:
    """(when in Paris time, who, what) for each entry, oldest first."""
    return [(when_text(e.at_utc), e.actor, describe_entry(e)) for e in entries]
