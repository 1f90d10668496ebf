"""The record of requests (RULES F): the facts of every case received in a period, exported for an
inspection as XLSX or CSV, pseudonymised on request, each export written to the audit log."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..documents.record_file import csv_bytes, xlsx_bytes
from ..domain import deadlines as dl
from ..domain import record as rec
from ..domain.errors import InvalidInput
from ..domain.progress import CancelToken, Progress, no_progress
from ..domain.statistics import Period, judged_due, outcome_of
from ..fileio import atomic_write
from ..store import audit
from ..store import settings as store_settings
from ..store.connection import Register
from . import catalogue as catalogue_service
from .cases import DISPATCHED_WITHOUT_PACK

FORMATS = ("xlsx", "csv")

_CASE_COLUMNS = (
    "id, ref, status, channel, received_date, language, rights, subject_name, subject_email, subject_address,"
    " requester_name, requester_capacity, requester_email, requester_address, extended, extension_reason,"
    " extension_notice_date, legal_due, current_due, closure_reason, manifestly_unfounded, priority_flag,"
    " dispatch_date, dispatch_number, pack_sha256, closed_at"
)


@dataclass(frozen=True)
class RecordExport:
    path: Path
    format: str
    rows: int
    period_from: str
    period_to: str
    pseudonymised: bool
    language: str

    def as_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path), "format": self.format, "rows": self.rows, "from": self.period_from,
            "to": self.period_to, "pseudonymised": self.pseudonymised, "language": self.language,
        }  # fmt: skip


def format_of(path: Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InvalidInput(
            f"The record is written as .xlsx or .csv, not '{Path(path).name}': name the file FILE.xlsx or FILE.csv.",
            f"Le registre s'écrit en .xlsx ou .csv, pas « {Path(path).name} » : nommez le fichier "
            "FICHIER.xlsx ou FICHIER.csv.",
        )
    return suffix


def record_language(reg: Register, language: str | None) -> str:
    """The language asked for, else the register's interface language (French by default)."""
    chosen = language or str(store_settings.get(reg, "ui_language") or "fr")
    return "fr" if chosen.startswith("fr") else "en"


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def _paris_day(utc_text: str) -> dt.date:
    return dt.datetime.fromisoformat(utc_text).astimezone(dl.PARIS).date()


def _grouped(reg: Register, sql: str) -> dict[int, list[tuple[object, ...]]]:
    """Rows by their first column (a case id), in the query's order."""
    out: dict[int, list[tuple[object, ...]]] = {}
    for row in reg.conn.execute(sql):
        out.setdefault(row[0], []).append(row[1:])
    return out


def case_facts(reg: Register, period: Period, today: dt.date | None = None) -> Iterator[rec.CaseFacts]:
    """The facts of every case received in `period`, in order of receipt. Reads no scan, no extract row.

    The side tables are read whole, without a join to the cases of the period: one pass over each costs
    less than looking every row's case up (measured: 0.15 s against 0.86 s for 130,000 systems searched);
    rows of other cases are simply not asked for."""
    today = today or dl.today_paris()
    calendar = dl.normalise_calendar(str(store_settings.get(reg, "calendar") or "national"))
    bounds = (period.start.isoformat(), period.end.isoformat())
    suspensions = _grouped(reg, "SELECT case_id, started, ended FROM suspensions ORDER BY id")
    requests = _grouped(
        reg,
        "SELECT case_id, proof_kind, sent_on, received_on, suspension_id FROM identity_requests ORDER BY id",
    )
    checks = _grouped(
        reg, "SELECT case_id, proof_kind, method, decision, decided_at FROM identity_checks ORDER BY id"
    )
    sources = _grouped(reg, "SELECT case_id, source, status, reason FROM case_sources")
    redactions = _grouped(
        reg,
        "SELECT m.case_id, r.code, count(*) FROM extract_redactions r JOIN extract_matches m ON m.id = r.match_id"
        " GROUP BY m.case_id, r.code",
    )
    notifications = _grouped(
        reg,
        "SELECT case_id, recipient, outcome, notified_on, means, reason FROM recipient_notifications ORDER BY id",
    )
    without_pack = {
        case_id: str(reason or "")
        for case_id, reason in reg.conn.execute(
            "SELECT case_id, json_extract(details, '$.reason') FROM case_events WHERE kind = ? ORDER BY id",
            (DISPATCHED_WITHOUT_PACK,),
        )
    }
    channels = dict(
        reg.conn.execute("SELECT case_id, channel FROM dispatches WHERE channel IS NOT NULL ORDER BY id")
    )
    closed_from = {
        int(case_id): str(source)
        for case_id, source in reg.query(
            "SELECT e.case_id, json_extract(e.details, '$.from') FROM case_events e JOIN cases c ON c.id = e.case_id"
            " WHERE c.status = 'closed' AND c.dispatch_date IS NULL AND c.received_date BETWEEN ? AND ?"
            " AND e.kind = 'transition' AND json_extract(e.details, '$.to') = 'closed' ORDER BY e.id",
            bounds,
        )
    }
    in_period = reg.query_one("SELECT count(*) FROM cases WHERE received_date BETWEEN ? AND ?", bounds)[0]
    most = reg.query_one("SELECT count(*) FROM cases")[0] < 2 * in_period  # then one pass beats the index
    cases = reg.conn.execute(
        f"SELECT {_CASE_COLUMNS} FROM cases WHERE {'+' if most else ''}received_date BETWEEN ? AND ?", bounds
    ).fetchall()
    cases.sort(key=lambda row: (row[4], row[0]))  # receipt date, then the order of recording
    cursor = iter([cases])
    for batch in cursor:
        for (
            case_id, ref, status, channel, received, language, rights, s_name, s_email, s_address, r_name,
            capacity, r_email, r_address, extended, ext_reason, ext_notice, legal_due, current_due,
            closure_reason, unfounded, priority, dispatched, number, pack, closed_at,
        ) in batch:  # fmt: skip
            spans = [(dt.date.fromisoformat(a), _date(b)) for a, b in suspensions.get(case_id, [])]  # type: ignore[arg-type]
            due = current_due
            case_requests = requests.get(case_id, [])
            unstopped = [dt.date.fromisoformat(str(r[1])) for r in case_requests if r[3] is None]
            if spans or unstopped:
                effective, _lapsed = judged_due(
                    dt.date.fromisoformat(received), calendar, [dl.Suspension(a, b) for a, b in spans],
                    bool(extended), today, unstopped,
                )  # fmt: skip
                due = effective.isoformat()
            ending = closed_from.get(case_id, status) if status == "closed" else status
            steps: list[rec.IdentityStep] = []
            for proof, sent_on, received_on, suspension_id in case_requests:
                steps.append(
                    rec.IdentityStep(
                        dt.date.fromisoformat(str(sent_on)),
                        "requested",
                        str(proof),
                        stopped_clock=suspension_id is not None,
                    )
                )
                if received_on:
                    steps.append(
                        rec.IdentityStep(dt.date.fromisoformat(str(received_on)), "received", str(proof))
                    )
            for proof, method, decision, decided_at in checks.get(case_id, []):
                steps.append(
                    rec.IdentityStep(
                        _paris_day(str(decided_at)), "decided", str(proof or ""), str(method), str(decision)
                    )
                )
            steps.sort(key=lambda s: s.on)
            case_sources = sources.get(case_id, ())
            yield rec.CaseFacts(
                ref=ref, received=dt.date.fromisoformat(received), channel=channel, language=language,
                subject_name=s_name, subject_email=s_email, subject_address=s_address, capacity=capacity,
                requester_name=r_name, requester_email=r_email, requester_address=r_address,
                rights=json.loads(rights), priority=priority, status=status,
                outcome=outcome_of(ending, dispatched, bool(pack) and case_id not in without_pack, due),
                legal_due=dt.date.fromisoformat(legal_due), current_due=dt.date.fromisoformat(current_due),
                extended=bool(extended), extension_notice=_date(ext_notice), extension_reason=ext_reason,
                closure_reason=closure_reason, manifestly_unfounded=bool(unfounded), dispatched=_date(dispatched),
                dispatch_number=number,
                dispatch_channel=channels.get(case_id),
                without_pack_reason=without_pack.get(case_id),
                notifications=[
                    rec.Notification(str(who), str(outcome), _date(str(on) if on else None), str(means or why or ""))
                    for who, outcome, on, means, why in notifications.get(case_id, ())
                ], closed=_date(closed_at), pack_sha256=pack, suspensions=spans,
                identity_steps=steps,
                systems_searched=[str(s) for s, state, _ in case_sources if state == "searched"],
                systems_set_aside=[
                    (str(s), str(why or "")) for s, state, why in case_sources if state == "not_applicable"
                ],
                redactions={str(code): int(n) for code, n in redactions.get(case_id, [])},  # type: ignore[call-overload]
            )  # fmt: skip


def _system_names(reg: Register, language: str) -> dict[str, str]:
    try:
        catalogue = catalogue_service.current_catalogue(reg)
    except Exception:  # noqa: BLE001 - the record still lists the codes when the catalogue cannot be read
        return {}
    names = {}
    for activity in catalogue.activities:
        try:
            names[activity.id] = activity.text("name", language)
        except (KeyError, TypeError):
            names[activity.id] = activity.id
    return names


def export_record(
    reg: Register,
    period: Period,
    path: Path,
    *,
    pseudonymise: bool = False,
    language: str | None = None,
    today: dt.date | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> RecordExport:
    """Write the record of the cases received in `period` to `path` (.xlsx or .csv), atomically, and audit
    the export (who, period, format, rows, pseudonymised or not) in the same transaction: a failed write
    leaves neither a file nor an audit entry. Unless pseudonymised the file holds names and addresses:
    it is written readable by its owner only."""
    path = Path(path)
    kind = format_of(path)
    lang = record_language(reg, language)
    total = int(
        reg.query_one(
            "SELECT count(*) FROM cases WHERE received_date BETWEEN ? AND ?",
            (period.start.isoformat(), period.end.isoformat()),
        )[0]
    )
    progress(0, total, "record")

    def on_row(count: int) -> None:
        if count % 1000 == 0:
            if cancel is not None:
                cancel.raise_if_cancelled()
            progress(count, total, "record")

    rows = rec.iter_rows(case_facts(reg, period, today), lang, pseudonymise, _system_names(reg, lang))
    headers = rec.headers(lang)
    if kind == "xlsx":
        title = "Registre des demandes" if lang == "fr" else "Record of requests"
        data = xlsx_bytes(rec.COLUMNS, headers, rows, title, on_row)
    else:
        data = csv_bytes(headers, rows, on_row)
    if cancel is not None:
        cancel.raise_if_cancelled()
    result = RecordExport(
        path, kind, total, period.start.isoformat(), period.end.isoformat(), pseudonymise, lang
    )
    with reg.transaction() as conn:
        audit.append(
            conn,
            reg.actor,
            "record.exported",
            None,
            {
                "from": result.period_from,
                "to": result.period_to,
                "format": kind,
                "rows": total,
                "pseudonymised": pseudonymise,
                "language": lang,
            },  # fmt: skip
        )
        atomic_write(path, data, mode=0o600)
    progress(total, total, "record")
    return result
