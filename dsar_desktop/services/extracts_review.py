"""Review of extract matches: list, confirm (with the minors' check), reject, redact with a reason.

Re-exported by services/extracts.py, which the UI and the CLI import.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from ..domain import minors
from ..domain.errors import DsarError, InvalidInput, NotFound
from ..store import audit
from ..store.connection import Register
from .catalogue import current_catalogue

REDACTION_MARK = "[███]"
REDACTION_CODES = ("third_party", "trade_secret", "legal_privilege", "security", "other")


class MatchNotFound(DsarError):
    code = "extract_match_not_found"
    en = "No match {match_id} to review."
    fr = "Aucune correspondance {match_id} à examiner."
    exit_code = 3


class MatchNotReviewable(DsarError):
    code = "extract_match_rejected"
    en = "Match {match_id} was rejected: its row is no longer kept."
    fr = "La correspondance {match_id} a été rejetée : sa ligne n'est plus conservée."
    exit_code = 1


class NothingToRedact(DsarError):
    code = "extract_nothing_to_redact"
    en = "Field '{field}' of match {match_id} does not contain that text."
    fr = "Le champ « {field} » de la correspondance {match_id} ne contient pas ce texte."
    exit_code = 1


def case_id_of(reg: Register, ref: str) -> int:
    row = reg.query_one("SELECT id FROM cases WHERE ref = ?", (ref,))
    if row is None:
        raise NotFound("case", ref, "demande")
    return int(row[0])


# ---------------------------------------------------------------- review


@dataclass
class MatchView:
    id: int
    source: str
    file: str
    row: int
    reasons: list[str]
    warnings: list[str]
    status: str
    record: dict[str, str] | None
    redactions: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def list_matches(
    reg: Register, ref: str, source: str | None = None, status: str | None = None
) -> list[MatchView]:
    case_id = case_id_of(reg, ref)
    sql = (
        "SELECT m.id, m.source, f.name, m.row_number, m.reasons, m.warnings, m.status, m.record"
        " FROM extract_matches m JOIN extract_files f ON f.id = m.file_id WHERE m.case_id = ?"
    )
    params: list[Any] = [case_id]
    if source:
        sql += " AND m.source = ?"
        params.append(source)
    if status:
        sql += " AND m.status = ?"
        params.append(status)
    rows = reg.query(sql + " ORDER BY m.source, f.id, m.row_number", params)
    return [
        MatchView(int(r[0]), r[1], r[2], int(r[3]), json.loads(r[4]), json.loads(r[5]), r[6],
                  json.loads(r[7]) if r[7] else None, _redactions(reg, int(r[0])))
        for r in rows
    ]  # fmt: skip


def _redactions(reg: Register, match_id: int) -> list[dict[str, Any]]:
    rows = reg.query(
        "SELECT field, scope, position, removed_chars, code, reason, actor, created_at FROM extract_redactions"
        " WHERE match_id = ? ORDER BY id",
        (match_id,),
    )
    keys = ("field", "scope", "position", "removed_chars", "code", "reason", "actor", "created_at")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def _match(conn: Any, match_id: int) -> tuple[int, str, str, str, dict[str, str] | None, str]:
    row = conn.execute(
        "SELECT m.case_id, c.ref, m.source, m.status, m.record, m.mapping FROM extract_matches m"
        " JOIN cases c ON c.id = m.case_id WHERE m.id = ?",
        (match_id,),
    ).fetchone()
    if row is None:
        raise MatchNotFound(match_id=match_id)
    return int(row[0]), row[1], row[2], row[3], (json.loads(row[4]) if row[4] else None), row[5]


def confirm_match(reg: Register, match_id: int) -> list[minors.MinorRegistrationFlag]:
    """Confirm a row is about the subject. From a registration source, the minors' check runs (RULES C4)."""
    with reg.transaction() as conn:
        case_id, ref, source, status, record, mapping_json = _match(conn, match_id)
        if status == "rejected" or record is None:
            raise MatchNotReviewable(match_id=match_id)
        conn.execute(
            "UPDATE extract_matches SET status = 'confirmed', decided_by = ?, decided_at = ? WHERE id = ?",
            (reg.actor, now_utc(), match_id),
        )
        flags = minors_check(conn, reg, case_id, match_id, source, record, json.loads(mapping_json))
        audit.append(
            conn, reg.actor, "extracts.match_confirmed", ref,
            {"match": match_id, "source": source, "minor_flags": len(flags)},
        )  # fmt: skip
    return flags


def reject_match(reg: Register, match_id: int) -> None:
    """Not the subject: the row is dropped from the register (only the fact of the rejection stays)."""
    with reg.transaction() as conn:
        _case_id_, ref, source, _status, _record, _mapping = _match(conn, match_id)
        conn.execute("DELETE FROM extract_redactions WHERE match_id = ?", (match_id,))
        conn.execute("DELETE FROM minor_flags WHERE match_id = ?", (match_id,))
        conn.execute(
            "UPDATE extract_matches SET status = 'rejected', record = NULL, decided_by = ?, decided_at = ?"
            " WHERE id = ?",
            (reg.actor, now_utc(), match_id),
        )
        audit.append(conn, reg.actor, "extracts.match_rejected", ref, {"match": match_id, "source": source})


def redact_field(
    reg: Register, match_id: int, field_name: str, reason: str, code: str = "third_party"
) -> None:
    """Withhold a whole field (e.g. another person's e-mail). The value leaves the register at once."""
    _redact(reg, match_id, field_name, reason, code, text=None, span=None)


def redact_text(
    reg: Register,
    match_id: int,
    field_name: str,
    reason: str,
    code: str = "third_party",
    *,
    text: str | None = None,
    span: tuple[int, int] | None = None,
) -> None:
    """Withhold part of a free-text field: every occurrence of `text`, or the characters in `span`."""
    if (text is None) == (span is None):
        raise InvalidInput(
            "Give the text to redact or its position, not both.",
            "Indiquez le texte à masquer ou sa position, pas les deux.",
        )
    _redact(reg, match_id, field_name, reason, code, text=text, span=span)


def _redact(
    reg: Register,
    match_id: int,
    field_name: str,
    reason: str,
    code: str,
    *,
    text: str | None,
    span: tuple[int, int] | None,
) -> None:
    if not reason or not reason.strip():
        raise InvalidInput("A redaction needs a reason.", "Un masquage doit être motivé.")
    if code not in REDACTION_CODES:
        raise InvalidInput(f"Unknown redaction code '{code}'.", f"Code de masquage inconnu « {code} ».")
    with reg.transaction() as conn:
        _case, ref, source, status, record, _mapping = _match(conn, match_id)
        if status == "rejected" or record is None:
            raise MatchNotReviewable(match_id=match_id)
        if field_name not in record:
            raise NothingToRedact(match_id=match_id, field=field_name)
        value = record[field_name] or ""
        marks: list[tuple[int, int]] = []
        if text is None and span is None:
            scope, new_value, marks = "field", "", [(0, len(value))]
        else:
            scope = "text"
            if span is not None:
                start, end = span
                if not (0 <= start < end <= len(value)):
                    raise NothingToRedact(match_id=match_id, field=field_name)
                pieces = [(start, end)]
            else:
                pieces = _occurrences(value, text or "")
                if not pieces:
                    raise NothingToRedact(match_id=match_id, field=field_name)
            new_value, marks = _apply(value, pieces)
        record[field_name] = new_value
        conn.execute(
            "UPDATE extract_matches SET record = ? WHERE id = ?",
            (json.dumps(record, ensure_ascii=False), match_id),
        )
        for position, removed in marks:
            conn.execute(
                "INSERT INTO extract_redactions(match_id, field, scope, position, removed_chars, code, reason, actor,"
                " created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (match_id, field_name, scope, position if scope == "text" else None, removed, code, reason.strip(),
                 reg.actor, now_utc()),
            )  # fmt: skip
        audit.append(
            conn, reg.actor, "extracts.redacted", ref,
            {"match": match_id, "source": source, "field": field_name, "scope": scope, "code": code, "count": len(marks)},
        )  # fmt: skip


def _occurrences(value: str, needle: str) -> list[tuple[int, int]]:
    if not needle:
        return []
    found, start = [], value.find(needle)
    while start >= 0:
        found.append((start, start + len(needle)))
        start = value.find(needle, start + len(needle))
    return found


def _apply(value: str, pieces: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Replace each piece with the mark; return the new text and (position of each mark, chars removed)."""
    out, marks, cursor = [], [], 0
    for start, end in sorted(pieces):
        out.append(value[cursor:start])
        marks.append((sum(len(p) for p in out), end - start))
        out.append(REDACTION_MARK)
        cursor = end
    out.append(value[cursor:])
    return "".join(out), marks


def minors_check(
    conn: Any,
    reg: Register,
    case_id: int,
    match_id: int,
    source: str,
    record: dict[str, str],
    mapping: dict[str, Any],
) -> list[minors.MinorRegistrationFlag]:
    catalogue = current_catalogue(reg)
    if not catalogue.has(source) or not catalogue.activity(source).registration_source:
        return []
    dob = conn.execute("SELECT subject_dob FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
    row: dict[str, Any] = dict(record)
    for field_name in ("registration_date", "parental_consent"):
        column = mapping.get(field_name)
        if column and column in record:
            row[field_name] = record[column]
    flags = minors.flag_minor_registrations([row], dob)
    conn.execute("DELETE FROM minor_flags WHERE match_id = ?", (match_id,))
    for flag in flags:
        conn.execute(
            "INSERT INTO minor_flags(case_id, match_id, registration_date, age, consent, en, fr, created_at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (
                case_id,
                match_id,
                flag.registration_date,
                flag.age_at_registration,
                flag.consent,
                flag.en,
                flag.fr,
                now_utc(),
            ),
        )
    return flags


def minor_flags(reg: Register, ref: str) -> list[dict[str, Any]]:
    """Registrations under 18 without recorded parental consent found in confirmed rows (for the DPO)."""
    rows = reg.query(
        "SELECT f.match_id, m.source, f.registration_date, f.age, f.consent, f.en, f.fr, f.acknowledged_by"
        " FROM minor_flags f JOIN extract_matches m ON m.id = f.match_id WHERE f.case_id = ? ORDER BY f.id",
        (case_id_of(reg, ref),),
    )
    keys = ("match", "source", "registration_date", "age", "consent", "en", "fr", "acknowledged_by")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def acknowledge_minor_flag(reg: Register, match_id: int) -> None:
    """The DPO has seen a minor's registration flag (RULES C4); the flag stays, with who and when."""
    with reg.transaction() as conn:
        _case, ref, source, _status, _record, _mapping = _match(conn, match_id)
        updated = conn.execute(
            "UPDATE minor_flags SET acknowledged_by = ?, acknowledged_at = ? WHERE match_id = ?",
            (reg.actor, now_utc(), match_id),
        ).rowcount
        if not updated:
            raise MatchNotFound(match_id=match_id)
        audit.append(
            conn, reg.actor, "extracts.minor_flag_acknowledged", ref, {"match": match_id, "source": source}
        )
