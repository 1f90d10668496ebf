"""Art. 19: record, per recipient of the processings holding the person's data, that it was notified
(date, means) or why it could not be (impossible, disproportionate effort); list what is recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..domain import deadlines as dl
from ..domain.notifications import Notification, check_notification
from ..store import audit
from ..store.connection import Register
from . import cases as case_service


def _items(value: Any, language: str) -> list[str]:
    if isinstance(value, Mapping):
        value = value.get(language, value.get("fr"))
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    return [str(v) for v in value or []]


def expected_recipients(
    entries: Mapping[str, Mapping[str, Any]], sources: list[str], language: str = "fr"
) -> list[tuple[str, str]]:
    """(source, recipient) for each recipient the register lists for the processings where data were found."""
    out: list[tuple[str, str]] = []
    for source in sources:
        for recipient in _items((entries.get(source) or {}).get("recipients"), language):
            if (source, recipient) not in out:
                out.append((source, recipient))
    return out


def recorded(reg: Register, ref: str) -> list[Notification]:
    case = case_service.get_case(reg, ref)
    rows = reg.query(
        "SELECT source, recipient, outcome, notified_on, means, reason FROM recipient_notifications"
        " WHERE case_id = ? ORDER BY id",
        (case.id,),
    )
    return [
        Notification(s, r, o, dt.date.fromisoformat(d) if d else None, m, why) for s, r, o, d, m, why in rows
    ]


def record(
    reg: Register,
    ref: str,
    source: str,
    recipient: str,
    outcome: str,
    *,
    notified_on: dt.date | None = None,
    means: str | None = None,
    reason: str | None = None,
) -> Notification:
    """Record one recipient's notification, or why it was not made; audited."""
    check_notification(outcome, notified_on, means, reason, dl.today_paris())
    case = case_service.get_case(reg, ref)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with reg.transaction() as conn:
        conn.execute(
            "INSERT INTO recipient_notifications(case_id, source, recipient, outcome, notified_on, means, reason,"
            " actor, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                case.id, source, recipient.strip(), outcome, notified_on.isoformat() if notified_on else None,
                (means or "").strip() or None, (reason or "").strip() or None, reg.actor, now,
            ),
        )  # fmt: skip
        case_service.write_event(
            conn, reg, case.id, "art19", f"Recipient {recipient.strip()} ({source}): {outcome}",
            {"source": source, "outcome": outcome},
        )  # fmt: skip
        audit.append(conn, reg.actor, "art19.recorded", ref, {"source": source, "outcome": outcome})
    return recorded(reg, ref)[-1]
