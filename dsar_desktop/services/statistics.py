"""Statistics: counts of the requests received in a period, read from the cases table (nothing personal)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

from ..documents.statistics_pdf import render_statistics_pdf
from ..domain import deadlines as dl
from ..domain.cases import OPEN_STATUSES, Capacity, Channel, Right, Status
from ..domain.minors import MINOR_ERASURE
from ..domain.statistics import (
    OUTCOME_LATE,
    OUTCOME_ON_TIME,
    OUTCOME_PENDING,
    OUTCOME_WITHOUT_PACK,
    OUTCOMES,
    MonthPoint,
    Period,
    Statistics,
    check_year,
    figures_csv,
    judged_due,
    outcome_from,
    outcome_of,
    summarise_delays,
)
from ..fileio import atomic_write
from ..store import settings as store_settings
from ..store.connection import Register
from . import letters
from .cases import DISPATCHED_WITHOUT_PACK

__all__ = [
    "Period",
    "Statistics",
    "check_year",
    "period_statistics",
    "save_statistics_report",
    "statistics_report_pdf",
    "years_with_cases",
    "yearly_statistics",
]

_COLUMNS = (
    "id, status, channel, received_date, rights, requester_capacity, extended, policy_target, current_due,"
    " manifestly_unfounded, priority_flag, dispatch_date, pack_sha256"
)


def years_with_cases(reg: Register) -> list[int]:
    """Years with at least one request received, newest first."""
    rows = reg.query("SELECT DISTINCT substr(received_date, 1, 4) FROM cases ORDER BY 1 DESC")
    return [int(r[0]) for r in rows if str(r[0]).isdigit()]


def _bounds(period: Period) -> tuple[str, str]:
    return period.start.isoformat(), period.end.isoformat()


def _closed_from(reg: Register, period: Period) -> dict[int, str]:
    """For closed cases of the period: the status they were closed from (refused, withdrawn, responded)."""
    rows = reg.query(
        "SELECT e.case_id, json_extract(e.details, '$.from') FROM case_events e"
        " JOIN cases c ON c.id = e.case_id"
        " WHERE c.status = 'closed' AND c.received_date BETWEEN ? AND ?"
        " AND e.kind = 'transition' AND json_extract(e.details, '$.to') = 'closed'"
        " ORDER BY e.id",
        _bounds(period),
    )
    return {int(case_id): str(source) for case_id, source in rows}  # the last closing wins


def _suspensions(reg: Register, period: Period) -> dict[int, list[dl.Suspension]]:
    rows = reg.query(
        "SELECT s.case_id, s.started, s.ended FROM suspensions s JOIN cases c ON c.id = s.case_id"
        " WHERE c.received_date BETWEEN ? AND ? ORDER BY s.id",
        _bounds(period),
    )
    out: dict[int, list[dl.Suspension]] = {}
    for case_id, started, ended in rows:
        out.setdefault(int(case_id), []).append(
            dl.Suspension(dt.date.fromisoformat(started), dt.date.fromisoformat(ended) if ended else None)
        )
    return out


def _identity_requests(reg: Register, period: Period) -> dict[int, list[dt.date]]:
    """Per case of the period, the sending dates of its requests for proof that stopped no clock
    (no letter yet, or sent after the due date in force)."""
    rows = reg.query(
        "SELECT r.case_id, r.sent_on, r.suspension_id FROM identity_requests r JOIN cases c ON c.id = r.case_id"
        " WHERE c.received_date BETWEEN ? AND ? ORDER BY r.id",
        _bounds(period),
    )
    out: dict[int, list[dt.date]] = {}
    for case_id, sent_on, suspension_id in rows:
        dates = out.setdefault(int(case_id), [])
        if suspension_id is None:
            dates.append(dt.date.fromisoformat(sent_on))
    return out


def _count_in(reg: Register, period: Period) -> int:
    return int(
        reg.query_one("SELECT count(*) FROM cases WHERE received_date BETWEEN ? AND ?", _bounds(period))[0]
    )


def _monthly(reg: Register, period: Period) -> list[MonthPoint]:
    # Counter over one narrow column: SQL's GROUP BY on substr() sorts in a temporary B-tree (2-3x slower)
    received = Counter(
        month
        for (month,) in reg.conn.execute(
            "SELECT substr(received_date, 1, 7) FROM cases WHERE received_date BETWEEN ? AND ?",
            _bounds(period),
        )
    )
    answered = Counter(
        month
        for (month,) in reg.conn.execute(
            "SELECT substr(dispatch_date, 1, 7) FROM cases WHERE dispatch_date BETWEEN ? AND ?",
            _bounds(period),
        )
    )
    return [MonthPoint(m, int(received.get(m, 0)), int(answered.get(m, 0))) for m in period.months()]


def yearly_statistics(reg: Register, year: int, today: dt.date | None = None) -> Statistics:
    """The figures for requests received from 1 January to 31 December of `year` (Paris receipt dates)."""
    return period_statistics(reg, Period.of_year(year), today)


# Cases whose stored due date is not enough to judge the answer (a suspension or a request for proof that
# stopped no clock: the deadline engine decides again), or whose ending needs their history (closed
# without a dispatch: refused or withdrawn before). Few; each is looked at one by one.
_SPECIAL = (
    "SELECT case_id FROM suspensions UNION SELECT case_id FROM identity_requests WHERE suspension_id IS NULL"
    " UNION SELECT id FROM cases WHERE status = 'closed' AND dispatch_date IS NULL"
)


# Replies recorded as sent without a sealed pack (with their reason): they count apart even when an
# older pack of the case exists. A reply recorded before that rule counts apart when no pack was built.
_WITHOUT_PACK = f"SELECT case_id FROM case_events WHERE kind = '{DISPATCHED_WITHOUT_PACK}'"


def period_statistics(reg: Register, period: Period, today: dt.date | None = None) -> Statistics:
    """The figures for requests received in `period` (Paris receipt dates, both ends included).

    A request's outcome: refused or withdrawn (also once closed afterwards); else, once a dispatch is
    recorded, answered without a pack when no sealed pack was built, else on time when the dispatch date
    is on or before its due date (D1, or D3 when extended; an identity request sent after the due date
    in force suspends nothing), late after it; else not yet answered. `today` (default: the Paris date)
    decides which unanswered ones are past due.

    The register counts in SQL (grouped rows, not one Python object per case: 50,000 cases in well under
    a second); only the few cases listed by `_SPECIAL` are judged one by one.
    """
    today = today or dl.today_paris()
    today_text = today.isoformat()
    bounds = _bounds(period)
    by_right = {r.value: 0 for r in Right}
    by_channel = {c.value: 0 for c in Channel}
    by_capacity = {c.value: 0 for c in Capacity}
    by_status = {s.value: 0 for s in Status}
    by_outcome = dict.fromkeys(OUTCOMES, 0)
    received = extended = minors = unfounded = 0
    days: list[int] = []
    within_target = pending_overdue = lapsed_late = 0
    open_values = {s.value for s in OPEN_STATUSES}
    # One narrow row per case, the comparisons made by SQL, counted by Counter in C: SQL's GROUP BY would
    # sort 50,000 keys in a temporary B-tree (~0.4 s), a full pass costs ~0.1 s. The index on the receipt
    # date is skipped (`+`) when the period holds most of the register: one pass beats 50,000 look-ups.
    most = reg.query_one("SELECT count(*) FROM cases")[0] < 2 * _count_in(reg, period)
    combos = Counter(
        reg.conn.execute(
            "SELECT channel, requester_capacity, status, rights, extended, manifestly_unfounded,"
            " instr(',' || coalesce(priority_flag, '') || ',', ?) > 0, id IN (" + _SPECIAL + "),"
            " dispatch_date IS NOT NULL, pack_sha256 IS NOT NULL AND id NOT IN (" + _WITHOUT_PACK + "),"
            " coalesce(dispatch_date <= current_due, 0),"
            " coalesce(dispatch_date <= policy_target, 0),"
            " CAST(julianday(dispatch_date) - julianday(received_date) AS INTEGER), current_due < ?"
            f" FROM cases WHERE {'+' if most else ''}received_date BETWEEN ? AND ?",
            (f",{MINOR_ERASURE},", today_text, *bounds),
        )
    )
    rights_of_text: dict[str, frozenset[str]] = {}
    for (
        channel, capacity, status, rights, was_extended, is_unfounded, minor, special, dispatched, packed, by_due,
        within, took, past_due,
    ), n in combos.items():  # fmt: skip
        received += n
        invoked = rights_of_text.get(rights)
        if invoked is None:
            invoked = rights_of_text[rights] = frozenset(json.loads(rights))
        for right in invoked:
            by_right[right] = by_right.get(right, 0) + n
        by_channel[channel] = by_channel.get(channel, 0) + n
        by_capacity[capacity] = by_capacity.get(capacity, 0) + n
        by_status[status] = by_status.get(status, 0) + n
        extended += n if was_extended else 0
        unfounded += n if is_unfounded else 0
        minors += n if minor else 0
        if special:
            continue  # judged one by one below
        outcome = outcome_from(status, bool(dispatched), bool(packed), bool(by_due))
        by_outcome[outcome] += n
        if outcome in (OUTCOME_ON_TIME, OUTCOME_LATE, OUTCOME_WITHOUT_PACK):
            within_target += n if within else 0
            days.extend([int(took)] * n)
        elif outcome == OUTCOME_PENDING and status in open_values and past_due:
            pending_overdue += n

    calendar = dl.normalise_calendar(str(store_settings.get(reg, "calendar") or "national"))
    closed_from = _closed_from(reg, period)
    suspensions = _suspensions(reg, period)
    requests = _identity_requests(reg, period)
    for case_id, status, received_on, was_extended, target, due, dispatched, pack in reg.query(
        "SELECT id, status, received_date, extended, policy_target, current_due, dispatch_date,"
        f" pack_sha256 IS NOT NULL AND id NOT IN ({_WITHOUT_PACK})"
        f" FROM cases WHERE received_date BETWEEN ? AND ? AND id IN ({_SPECIAL})",
        bounds,
    ):
        spans, unstopped = suspensions.get(case_id), requests.get(case_id)
        lapsed = False
        if spans or unstopped:
            effective, lapsed = judged_due(
                dt.date.fromisoformat(received_on),
                calendar,
                spans or [],
                bool(was_extended),
                today,
                unstopped or [],
            )
            due = effective.isoformat()
        ending = closed_from.get(case_id, status) if status == Status.CLOSED.value else status
        outcome = outcome_of(ending, dispatched, bool(pack), due)
        by_outcome[outcome] += 1
        if outcome == OUTCOME_LATE:
            lapsed_late += lapsed
        if outcome in (OUTCOME_ON_TIME, OUTCOME_LATE, OUTCOME_WITHOUT_PACK):
            within_target += dispatched <= target
            days.append((dt.date.fromisoformat(dispatched) - dt.date.fromisoformat(received_on)).days)
        elif outcome == OUTCOME_PENDING:
            pending_overdue += status in open_values and due < today_text
    identity = reg.query_one(
        "SELECT count(*) FROM cases WHERE received_date BETWEEN ? AND ? AND id IN"
        " (SELECT case_id FROM suspensions UNION SELECT case_id FROM identity_requests)",
        bounds,
    )[0]
    median, p90, longest = summarise_delays(days)
    return Statistics(
        period_from=period.start.isoformat(),
        period_to=period.end.isoformat(),
        year=period.calendar_year,
        received=received,
        by_right=by_right,
        by_channel=by_channel,
        by_capacity=by_capacity,
        by_status=by_status,
        by_outcome=by_outcome,
        answered=by_outcome[OUTCOME_ON_TIME] + by_outcome[OUTCOME_LATE] + by_outcome[OUTCOME_WITHOUT_PACK],
        within_policy_target=within_target,
        pending_overdue=pending_overdue,
        extended=extended,
        identity_requested=int(identity),
        minor_erasure_priority=minors,
        manifestly_unfounded=unfounded,
        late_by_lapsed_suspension=lapsed_late,
        median_days_to_answer=median,
        p90_days_to_answer=p90,
        max_days_to_answer=longest,
        as_of=today_text,
        monthly=_monthly(reg, period),
    )


def statistics_report_pdf(reg: Register, stats: Statistics, language: str = "fr") -> bytes:
    """The PDF report of `stats` under the letterhead's organisation name (written only where a person asks)."""
    return render_statistics_pdf(stats, letters.letterhead(reg).organisation, language)


def statistics_csv(stats: Statistics, language: str = "fr") -> bytes:
    """The figures of the report as CSV (UTF-8 with BOM, `;`), dates as YYYY-MM-DD."""
    return figures_csv(stats, "fr" if language == "fr" else "en", stats.as_of)


def save_statistics_report(
    reg: Register, stats: Statistics, path: Path, language: str = "fr"
) -> tuple[Path, Path]:
    """Write the PDF to `path` (".pdf" added when missing) and the CSV of its figures beside it, each
    atomically. Counts only, so world-readable like any office document. Returns (pdf, csv)."""
    pdf_path = Path(path)
    if pdf_path.suffix.lower() != ".pdf":
        pdf_path = pdf_path.with_name(pdf_path.name + ".pdf")
    csv_path = pdf_path.with_suffix(".csv")
    atomic_write(pdf_path, statistics_report_pdf(reg, stats, language), mode=0o644)
    atomic_write(csv_path, statistics_csv(stats, language), mode=0o644)
    return pdf_path, csv_path
