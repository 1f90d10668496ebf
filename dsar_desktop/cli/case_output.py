"""What case commands print and parse alike: a case as JSON, a --date option (shared by `dsar case` and `dsar mail`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..domain.cases import Case
from ..domain.errors import InvalidInput


def date_option(text: str | None, what: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            f"{what} '{text}' is not a date YYYY-MM-DD.", f"{what} « {text} » n'est pas une date AAAA-MM-JJ."
        ) from None


def case_summary(case: Case) -> dict[str, Any]:
    return {
        "ref": case.ref,
        "status": case.status.value,
        "received": case.received_date.isoformat(),
        "received_at": case.received_at.isoformat(),
        "channel": case.channel.value,
        "language": case.language,
        "rights": [r.value for r in case.rights],
        "subject_name": case.subject.name,
        "subject_email": case.subject.email,
        "subject_dob": case.subject.dob.isoformat() if case.subject.dob else None,
        "requester_name": case.requester_name,
        "capacity": case.capacity.value,
        "legal_due": case.legal_due.isoformat(),
        "policy_target": case.policy_target.isoformat(),
        "current_due": case.current_due.isoformat(),
        "extended": case.extended,
        "extension_reason": case.extension_reason,
        "priority_flag": case.priority_flag,
        "dispatch_date": case.dispatch_date.isoformat() if case.dispatch_date else None,
        "dispatch_number": case.dispatch_number,
        "pack_sha256": case.pack_sha256,
    }
