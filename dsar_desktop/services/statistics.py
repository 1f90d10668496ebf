"""Year-end statistics: counts of the requests received in a year, read from the cases table (nothing personal)."""

from __future__ import annotations

import datetime as dt
import json

from ..documents.statistics_pdf import render_statistics_pdf
from ..domain import deadlines as dl
from ..domain.cases import OPEN_STATUSES, Capacity, Channel, Right, Status
from ..domain.errors import InvalidInput
from ..domain.minors import MINOR_ERASURE
from ..domain.statistics import (
    OUTCOME_LATE,
    OUTCOME_ON_TIME,
    OUTCOME_PENDING,
    OUTCOME_REFUSED,
    OUTCOME_WITHDRAWN,
    OUTCOMES,
    Statistics,
    summarise_delays,
)
from ..store.connection import Register
from . import letters

__all__ = ["Statistics", "check_year", "statistics_report_pdf", "years_with_cases", "yearly_statistics"]

_COLUMNS = (
    "id, status, channel, received_date, rights, requester_capacity, extended, policy_target, current_due,"
    " manifestly_unfounded, priority_flag, dispatch_date"
)


def check_year(year: int) -> int:
    if not 1900 <= int(year) <= 9999:
        raise InvalidInput(
            f"The year {year} is not a four-digit year.",
            f"L'année {year} n'est pas une année à quatre chiffres.",
        )
    return int(year)


def years_with_cases(reg: Register) -> list[int]:
    """Years with at least one request received, newest first."""
    rows = reg.query("SELECT DISTINCT substr(received_date, 1, 4) FROM cases ORDER BY 1 DESC")
    return [int(r[0]) for r in rows if str(r[0]).isdigit()]


def _closed_from(reg: Register, year: int) -> dict[int, str]:
    """For closed cases of the year: the status they were closed from (refused, withdrawn, responded)."""
    rows = reg.query(
        "SELECT e.case_id, json_extract(e.details, '$.from') FROM case_events e"
        " JOIN cases c ON c.id = e.case_id"
        " WHERE c.status = 'closed' AND c.received_date BETWEEN ? AND ?"
        " AND e.kind = 'transition' AND json_extract(e.details, '$.to') = 'closed'"
        " ORDER BY e.id",
        (f"{year:04d}-01-01", f"{year:04d}-12-31"),
    )
    return {int(case_id): str(source) for case_id, source in rows}  # the last closing wins


def _with_suspension(reg: Register, year: int) -> set[int]:
    rows = reg.query(
        "SELECT DISTINCT s.case_id FROM suspensions s JOIN cases c ON c.id = s.case_id"
        " WHERE c.received_date BETWEEN ? AND ?",
        (f"{year:04d}-01-01", f"{year:04d}-12-31"),
    )
    return {int(r[0]) for r in rows}


def yearly_statistics(reg: Register, year: int, today: dt.date | None = None) -> Statistics:
    """The figures for requests received from 1 January to 31 December of `year` (Paris receipt dates).

    A request's outcome: refused or withdrawn (also once closed afterwards); else answered on time when
    its dispatch date is on or before its current due date (D1, or D3 when extended), late after it;
    else not yet answered. `today` (default: the Paris date) decides which unanswered ones are past due.
    """
    year = check_year(year)
    today = today or dl.today_paris()
    rows = reg.query(
        f"SELECT {_COLUMNS} FROM cases WHERE received_date BETWEEN ? AND ? ORDER BY id",
        (f"{year:04d}-01-01", f"{year:04d}-12-31"),
    )
    closed_from = _closed_from(reg, year)
    suspended = _with_suspension(reg, year)
    by_right = {r.value: 0 for r in Right}
    by_channel = {c.value: 0 for c in Channel}
    by_capacity = {c.value: 0 for c in Capacity}
    by_status = {s.value: 0 for s in Status}
    by_outcome = dict.fromkeys(OUTCOMES, 0)
    days: list[int] = []
    within_target = pending_overdue = extended = identity = minors = unfounded = 0
    open_values = {s.value for s in OPEN_STATUSES}
    rights_of_text: dict[str, frozenset[str]] = {}
    for (
        case_id, status, channel, received, rights, capacity, was_extended, target, due,
        is_unfounded, flag, dispatched,
    ) in rows:  # fmt: skip
        invoked = rights_of_text.get(rights)
        if invoked is None:  # few distinct lists repeat across thousands of rows: parse each once
            invoked = rights_of_text[rights] = frozenset(json.loads(rights))
        for right in invoked:
            by_right[right] = by_right.get(right, 0) + 1
        by_channel[channel] = by_channel.get(channel, 0) + 1
        by_capacity[capacity] = by_capacity.get(capacity, 0) + 1
        by_status[status] = by_status.get(status, 0) + 1
        extended += bool(was_extended)
        identity += case_id in suspended
        minors += MINOR_ERASURE in (flag or "").split(",")
        unfounded += bool(is_unfounded)
        ending = closed_from.get(case_id, status) if status == Status.CLOSED.value else status
        if ending in (Status.REFUSED.value, Status.WITHDRAWN.value):
            by_outcome[OUTCOME_REFUSED if ending == Status.REFUSED.value else OUTCOME_WITHDRAWN] += 1
        elif dispatched:
            sent = dt.date.fromisoformat(dispatched)
            by_outcome[OUTCOME_ON_TIME if dispatched <= due else OUTCOME_LATE] += 1
            within_target += dispatched <= target
            days.append((sent - dt.date.fromisoformat(received)).days)
        else:
            by_outcome[OUTCOME_PENDING] += 1
            pending_overdue += status in open_values and due < today.isoformat()
    median, p90, longest = summarise_delays(days)
    return Statistics(
        year=year,
        received=len(rows),
        by_right=by_right,
        by_channel=by_channel,
        by_capacity=by_capacity,
        by_status=by_status,
        by_outcome=by_outcome,
        answered=by_outcome[OUTCOME_ON_TIME] + by_outcome[OUTCOME_LATE],
        within_policy_target=within_target,
        pending_overdue=pending_overdue,
        extended=extended,
        identity_requested=identity,
        minor_erasure_priority=minors,
        manifestly_unfounded=unfounded,
        median_days_to_answer=median,
        p90_days_to_answer=p90,
        max_days_to_answer=longest,
        as_of=today.isoformat(),
    )


def statistics_report_pdf(reg: Register, stats: Statistics, language: str = "fr") -> bytes:
    """The PDF report of `stats` under the letterhead's organisation name (written only where a person asks)."""
    return render_statistics_pdf(stats, letters.letterhead(reg).organisation, language)
