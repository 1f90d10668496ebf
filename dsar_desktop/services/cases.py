"""Case use cases: intake, lookup, lifecycle transitions, extension, dispatch, timeline (purge: services/retention.py)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..domain import deadlines as dl
from ..domain import minors
from ..domain.case_actions import Action, ActionRefused, Allowances, dispatch_without_pack_allowed
from ..domain.cases import (
    OPEN_STATUSES,
    Capacity,
    Case,
    Channel,
    DispatchChannel,
    Person,
    Right,
    Status,
    check_transition,
    fold_for_search,
    make_reference,
)
from ..domain.errors import DsarError, InvalidInput, NotFound
from ..store import audit
from ..store import settings as store_settings
from ..store.connection import Register
from . import case_rules


class ExtensionTooLate(DsarError):
    code = "extension_too_late"
    en = (
        "The extension notice of {notice} is after the legal due date {due}: "
        "Art. 12(3) allows an extension only if notified within the first month."
    )
    fr = (
        "La notification de prolongation du {notice} est postérieure à l'échéance légale du {due} : "
        "l'art. 12(3) n'autorise la prolongation que notifiée dans le premier mois."
    )
    exit_code = 1


class AlreadyExtended(DsarError):
    code = "already_extended"
    en = "Case {ref} is already extended (until {due}); the GDPR allows one extension of two months."
    fr = "La demande {ref} est déjà prolongée (jusqu'au {due}) ; le RGPD n'autorise qu'une prolongation de deux mois."
    exit_code = 1


CASE_COLUMNS = (
    "id, ref, status, channel, received_at, received_date, language, rights, subject_name, subject_email,"
    " subject_phone, subject_dob, subject_address, subject_student_number, requester_name, requester_capacity,"
    " requester_email, requester_address, extended, extension_reason, extension_notice_date, legal_due,"
    " policy_target, current_due, closure_reason, manifestly_unfounded, priority_flag, dispatch_date,"
    " dispatch_number, pack_sha256, created_at, updated_at, closed_at"
)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def calendar_of(register: Register) -> dl.Calendar:
    return dl.normalise_calendar(str(store_settings.get(register, "calendar") or "national"))


def _row_to_case(row: Sequence[Any], suspensions: list[tuple[dt.date, dt.date | None]]) -> Case:
    (
        id_, ref, status, channel, received_at, received_date, language, rights, s_name, s_email,
        s_phone, s_dob, s_address, s_student, r_name, capacity, r_email, r_address, extended,
        ext_reason, ext_notice, legal_due, policy_target, current_due, closure_reason, unfounded,
        priority, dispatch_date, dispatch_number, pack_sha, created, updated, closed,
    ) = row  # fmt: skip
    return Case(
        id=id_,
        ref=ref,
        status=Status(status),
        channel=Channel(channel),
        received_at=dt.datetime.fromisoformat(received_at),
        received_date=dt.date.fromisoformat(received_date),
        language=language,
        rights=[Right(r) for r in json.loads(rights)],
        subject=Person(s_name, s_email, s_phone, _date(s_dob), s_address, s_student),
        requester_name=r_name,
        capacity=Capacity(capacity),
        requester_email=r_email,
        requester_address=r_address,
        extended=bool(extended),
        extension_reason=ext_reason,
        extension_notice_date=_date(ext_notice),
        legal_due=dt.date.fromisoformat(legal_due),
        policy_target=dt.date.fromisoformat(policy_target),
        current_due=dt.date.fromisoformat(current_due),
        closure_reason=closure_reason,
        manifestly_unfounded=bool(unfounded),
        priority_flag=priority,
        dispatch_date=_date(dispatch_date),
        dispatch_number=dispatch_number,
        pack_sha256=pack_sha,
        created_at=created,
        updated_at=updated,
        closed_at=closed,
        suspensions=suspensions,
    )


def get_case(register: Register, ref: str) -> Case:
    row = register.query_one(f"SELECT {CASE_COLUMNS} FROM cases WHERE ref = ?", (ref,))
    if row is None:
        raise NotFound("Case", ref, "Demande")
    spans = [
        (dt.date.fromisoformat(a), _date(b))
        for a, b in register.query(
            "SELECT started, ended FROM suspensions WHERE case_id = ? ORDER BY id", (row[0],)
        )
    ]
    return _row_to_case(row, spans)


def deadlines_for(register: Register, case: Case, today: dt.date | None = None) -> dl.Deadlines:
    return dl.compute_deadlines(
        case.received_date,
        calendar_of(register),
        [dl.Suspension(a, b) for a, b in case.suspensions],
        today=today,
        extended=case.extended,
    )


def write_event(
    conn: Any, register: Register, case_id: int, kind: str, summary: str, details: dict[str, Any]
) -> None:
    """One timeline entry, inside the caller's transaction (with its audit entry)."""
    conn.execute(
        "INSERT INTO case_events(case_id, at_utc, actor, kind, summary, details) VALUES (?,?,?,?,?,?)",
        (
            case_id,
            _now_utc(),
            register.actor,
            kind,
            summary,
            json.dumps(details, ensure_ascii=False, default=str),
        ),
    )


def record_event(
    register: Register,
    ref: str,
    kind: str,
    summary: str,
    details: dict[str, Any] | None = None,
    audit_details: dict[str, Any] | None = None,
) -> None:
    """Timeline + audit for a change made by another service, inside its transaction."""
    case_id = _case_id(register, ref)
    with register.transaction() as conn:
        write_event(conn, register, case_id, kind, summary, details or {})
        audit.append(conn, register.actor, f"case.{kind}", ref, audit_details or {})


def _case_id(register: Register, ref: str) -> int:
    row = register.query_one("SELECT id FROM cases WHERE ref = ?", (ref,))
    if row is None:
        raise NotFound("Case", ref, "Demande")
    return int(row[0])


def _next_reference(register: Register, year: int) -> str:
    row = register.query_one(
        "SELECT max(CAST(substr(ref, 11) AS INTEGER)) FROM cases WHERE ref LIKE ?", (f"DSAR-{year}-%",)
    )
    return make_reference(year, int(row[0] or 0) + 1)


def search_text_for(
    ref: str, subject: Person, requester_name: str | None, requester_email: str | None
) -> str:
    parts = [ref, subject.name, subject.email or "", requester_name or "", requester_email or ""]
    return fold_for_search(" ".join(parts))


def parse_received(text: str) -> dt.datetime:
    """'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM' (Paris time unless an offset is given)."""
    try:
        if "T" in text or " " in text.strip():
            value = dt.datetime.fromisoformat(text.strip())
        else:
            value = dt.datetime.combine(dt.date.fromisoformat(text.strip()), dt.time(12, 0))
    except ValueError:
        raise InvalidInput(
            f"Receipt date '{text}' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM.",
            f"La date de réception « {text} » n'est pas au format AAAA-MM-JJ ou AAAA-MM-JJTHH:MM.",
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dl.PARIS)
    return value


@dataclass(frozen=True)
class NewCase:
    received_at: dt.datetime
    channel: Channel
    rights: Sequence[Right]
    subject: Person
    language: str = "fr"
    requester_name: str | None = None
    capacity: Capacity = Capacity.SELF
    requester_email: str | None = None
    requester_address: str | None = None


def validate_new_case(new: NewCase) -> None:
    if not new.rights:
        raise InvalidInput("Choose at least one right invoked.", "Choisissez au moins un droit invoqué.")
    if not new.subject.name.strip():
        raise InvalidInput(
            "The data subject's name is required.", "Le nom de la personne concernée est requis."
        )
    if new.language not in ("fr", "en"):
        raise InvalidInput("Language must be fr or en.", "La langue doit être fr ou en.")
    received = dl.receipt_date(new.received_at)
    if new.subject.dob is not None and new.subject.dob > received:
        raise InvalidInput(
            f"The date of birth {new.subject.dob.isoformat()} is after the receipt date {received.isoformat()}.",
            f"La date de naissance {new.subject.dob.isoformat()} est postérieure à la réception ({received.isoformat()}).",
        )
    _check_contact(new)
    if new.capacity != Capacity.SELF and not (new.requester_name or "").strip():
        raise InvalidInput(
            "A representative's name is required when the requester is not the data subject.",
            "Le nom du représentant est requis quand le demandeur n'est pas la personne concernée.",
        )


def _check_contact(new: NewCase) -> None:
    email = (new.subject.email or "").strip()
    if email and not _valid_email(email):
        raise InvalidInput(
            f"'{email}' is not an e-mail address (expected name@domain.tld).",
            f"« {email} » n'est pas une adresse électronique (attendu : nom@domaine.tld).",
        )
    phone = (new.subject.phone or "").strip()
    if phone:
        import phonenumbers  # noqa: PLC0415 - 35 ms of start-up that `dsar case list` does not need

        try:
            parsed = phonenumbers.parse(phone, "FR")
            valid = phonenumbers.is_possible_number(parsed)
        except phonenumbers.NumberParseException:
            valid = False
        if not valid:
            raise InvalidInput(
                f"'{phone}' is not a phone number (e.g. 06 12 34 56 78 or +33 6 12 34 56 78).",
                f"« {phone} » n'est pas un numéro de téléphone (ex. 06 12 34 56 78 ou +33 6 12 34 56 78).",
            )


def _valid_email(email: str) -> bool:
    import email_validator  # noqa: PLC0415 - 40 ms of start-up that `dsar case list` does not need

    try:
        email_validator.validate_email(email, check_deliverability=False)
    except email_validator.EmailNotValidError:
        return False
    return True


def received_in_future(new: NewCase) -> bool:
    """A receipt in the future is almost always a typing slip: the UI and the CLI warn about it."""
    return new.received_at.astimezone(dl.PARIS) > dt.datetime.now(dl.PARIS) + dt.timedelta(minutes=5)


def add_case(register: Register, new: NewCase) -> Case:
    validate_new_case(new)
    received = dl.receipt_date(new.received_at)
    deadlines = dl.compute_deadlines(received, calendar_of(register))
    flags = _priority_flags(new, received)
    now = _now_utc()
    with register.transaction() as conn:
        ref = _next_reference(register, received.year)
        rights = [Right(r).value for r in new.rights]
        cursor = conn.execute(
            "INSERT INTO cases(ref, status, channel, received_at, received_date, language, rights,"
            " subject_name, subject_email, subject_phone, subject_dob, subject_address, subject_student_number,"
            " requester_name, requester_capacity, requester_email, requester_address, search_text,"
            " legal_due, policy_target, current_due, priority_flag, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                ref, Status.RECEIVED.value, Channel(new.channel).value,
                new.received_at.astimezone(dl.PARIS).isoformat(timespec="minutes"), received.isoformat(),
                new.language, json.dumps(rights), new.subject.name.strip(), new.subject.email,
                new.subject.phone, new.subject.dob.isoformat() if new.subject.dob else None,
                new.subject.address, new.subject.student_number, new.requester_name,
                Capacity(new.capacity).value, new.requester_email, new.requester_address,
                search_text_for(ref, new.subject, new.requester_name, new.requester_email),
                deadlines.legal_due.isoformat(), deadlines.policy_target.isoformat(),
                deadlines.legal_due.isoformat(), flags, now, now,
            ),
        )  # fmt: skip
        case_id = int(cursor.lastrowid)
        write_event(conn, register, case_id, "created",
            f"Request recorded ({', '.join(rights)}) via {Channel(new.channel).value}",
            {"legal_due": deadlines.legal_due.isoformat(), "policy_target": deadlines.policy_target.isoformat()},
        )  # fmt: skip
        audit.append(
            conn, register.actor, "case.created", ref,
            {"channel": Channel(new.channel).value, "rights": rights, "received": received.isoformat(),
             "capacity": Capacity(new.capacity).value, "priority": flags},
        )  # fmt: skip
    return get_case(register, ref)


def _priority_flags(new: NewCase, received: dt.date) -> str | None:
    flags = minors.minor_flags(new.subject.dob, received, [Right(r).value for r in new.rights])
    return ",".join(sorted(flags)) or None


def recompute_deadlines(register: Register, ref: str, today: dt.date | None = None) -> Case:
    """Store the due dates again after a suspension or extension change (inside or outside a transaction)."""
    case = get_case(register, ref)
    deadlines = deadlines_for(register, case, today)
    current = deadlines.extended_due if case.extended else deadlines.legal_due
    with register.transaction() as conn:
        conn.execute(
            "UPDATE cases SET legal_due = ?, policy_target = ?, current_due = ?, updated_at = ? WHERE id = ?",
            (
                deadlines.legal_due.isoformat(),
                deadlines.policy_target.isoformat(),
                current.isoformat(),
                _now_utc(),
                case.id,
            ),
        )
    return get_case(register, ref)


def allowed(register: Register, ref: str, today: dt.date | None = None) -> Allowances:
    """What case `ref` allows today (Paris), each refused action with its reason (domain.case_actions)."""
    return case_rules.allowances_for(register, get_case(register, ref), today)


def transition(
    register: Register, ref: str, target: Status | str, reason: str | None = None, today: dt.date | None = None
) -> Case:
    case = get_case(register, ref)
    target = Status(target)
    check_transition(case.status, target, reason)
    if target == Status.EXTENDED:
        return extend(register, ref, reason or "", today=today)
    case_rules.allowances_for(register, case, today).check_target(target)
    with register.transaction() as conn:
        _move(conn, register, case, target, reason)
    return get_case(register, ref)


def _move(conn: Any, register: Register, case: Case, target: Status, reason: str | None) -> None:
    """One state change with its timeline entry and audit entry, inside the caller's transaction."""
    now = _now_utc()
    closed_at = now if target == Status.CLOSED else None
    conn.execute(
        "UPDATE cases SET status = ?, updated_at = ?, closed_at = coalesce(?, closed_at),"
        " closure_reason = CASE WHEN ? IN ('refused', 'withdrawn') THEN ? ELSE closure_reason END"
        " WHERE id = ?",
        (target.value, now, closed_at, target.value, reason, case.id),
    )
    summary = f"{case.status.value} → {target.value}" + (f": {reason}" if reason else "")
    write_event(
        conn,
        register,
        case.id,
        "transition",
        summary,
        {"from": case.status.value, "to": target.value, "reason": reason},
    )
    audit.append(
        conn,
        register.actor,
        "case.transition",
        case.ref,
        {"from": case.status.value, "to": target.value, "with_reason": bool(reason)},
    )


def extend(
    register: Register, ref: str, reason: str, notice_date: dt.date | None = None, today: dt.date | None = None
) -> Case:
    """Art. 12(3): two more months, only with reasons notified on or before D1."""
    case = get_case(register, ref)
    if not reason.strip():
        check_transition(case.status, Status.EXTENDED, None)
    if case.extended:
        raise AlreadyExtended(ref=ref, due=case.current_due.isoformat())
    check_transition(case.status, Status.EXTENDED, reason)
    notice = notice_date or today or dl.today_paris()
    if notice < case.received_date:
        raise InvalidInput(
            f"The extension notice date {notice.isoformat()} is before the request was received "
            f"({case.received_date.isoformat()}).",
            f"La date de notification {notice.isoformat()} est antérieure à la réception de la demande "
            f"({case.received_date.isoformat()}).",
        )
    deadlines = deadlines_for(register, case)
    if not dl.can_extend(deadlines, notice):
        raise ExtensionTooLate(notice=notice.isoformat(), due=deadlines.legal_due.isoformat())
    now = _now_utc()
    with register.transaction() as conn:
        conn.execute(
            "UPDATE cases SET status = ?, extended = 1, extension_reason = ?, extension_notice_date = ?,"
            " current_due = ?, updated_at = ? WHERE id = ?",
            (
                Status.EXTENDED.value,
                reason.strip(),
                notice.isoformat(),
                deadlines.extended_due.isoformat(),
                now,
                case.id,
            ),
        )
        write_event(conn, register, case.id, "extended",
            f"Extended until {deadlines.extended_due.isoformat()}: {reason.strip()}",
            {"notice_date": notice.isoformat(), "extended_due": deadlines.extended_due.isoformat()},
        )  # fmt: skip
        audit.append(
            conn,
            register.actor,
            "case.extended",
            ref,
            {"notice_date": notice.isoformat(), "extended_due": deadlines.extended_due.isoformat()},
        )
    return get_case(register, ref)


def mark_manifestly_unfounded(register: Register, ref: str, justification: str) -> Case:
    """Art. 12(5): only a person marks it, with a written justification."""
    case = _check_unfounded(register, ref, justification)
    with register.transaction() as conn:
        _mark_unfounded(conn, register, case, justification)
    return get_case(register, ref)


def _check_unfounded(register: Register, ref: str, justification: str) -> Case:
    if not justification.strip():
        raise InvalidInput(
            "A written justification is required to mark a request manifestly unfounded or excessive.",
            "Une justification écrite est requise pour qualifier une demande de manifestement infondée ou excessive.",
        )
    case = get_case(register, ref)
    case_rules.require(register, case, Action.MARK_UNFOUNDED)
    return case


def _mark_unfounded(conn: Any, register: Register, case: Case, justification: str) -> None:
    conn.execute("UPDATE cases SET manifestly_unfounded = 1, updated_at = ? WHERE id = ?", (_now_utc(), case.id))
    write_event(
        conn,
        register,
        case.id,
        "unfounded",
        f"Marked manifestly unfounded or excessive: {justification.strip()}",
        {},
    )
    audit.append(conn, register.actor, "case.unfounded", case.ref, {})


def refuse(
    register: Register, ref: str, reason: str, unfounded_justification: str | None = None
) -> Case:
    """Refuse the request (Art. 12(4)); for Art. 12(5), mark it manifestly unfounded in the same transaction."""
    case = get_case(register, ref)
    check_transition(case.status, Status.REFUSED, reason)
    case_rules.require(register, case, Action.REFUSE)
    mark = unfounded_justification is not None and not case.manifestly_unfounded
    if mark:
        _check_unfounded(register, ref, unfounded_justification or "")
    with register.transaction() as conn:
        if mark:
            _mark_unfounded(conn, register, case, unfounded_justification or "")
        _move(conn, register, case, Status.REFUSED, reason)
    return get_case(register, ref)


# The timeline kind of a reply recorded without a sealed pack: statistics count it by this kind.
DISPATCHED_WITHOUT_PACK = "dispatched_without_pack"


def record_dispatch(
    register: Register,
    ref: str,
    date: dt.date,
    number: str | None,
    *,
    channel: DispatchChannel | str | None = None,
    address: str | None = None,
    without_pack_reason: str | None = None,
    today: dt.date | None = None,
) -> Case:
    """The reply went out (date, channel, address, registered-letter number): ready to send (when not yet),
    then responded, in one transaction.

    It needs a sealed pack of the current letter; a reply that went another way (handed over,
    answered by the system owner...) is recorded with `without_pack_reason`, which the
    timeline shows and the statistics count (event kind DISPATCHED_WITHOUT_PACK).
    """
    case = get_case(register, ref)
    allowances = case_rules.allowances_for(register, case, today)
    exception = (without_pack_reason or "").strip()
    if without_pack_reason is not None and not exception:
        raise InvalidInput(
            "Say why the reply went without a sealed pack (--reason TEXT).",
            "Indiquez pourquoi la réponse est partie sans dossier scellé (--reason TEXTE).",
        )
    if exception:
        refusal = dispatch_without_pack_allowed(allowances)
        if refusal is not None:
            raise ActionRefused(refusal, Action.DISPATCH.value)
    else:
        allowances.check(Action.DISPATCH)
    how = DispatchChannel(channel) if channel else None
    where = (address or "").strip() or None
    if how == DispatchChannel.EMAIL and where and not _valid_email(where):
        raise InvalidInput(
            f"'{where}' is not an e-mail address (expected name@domain.tld).",
            f"« {where} » n'est pas une adresse électronique (attendu : nom@domaine.tld).",
        )
    with register.transaction() as conn:
        if case.status != Status.READY:
            _move(conn, register, case, Status.READY, None)
            case = get_case(register, ref)
        conn.execute(
            "UPDATE cases SET status = ?, dispatch_date = ?, dispatch_number = ?, updated_at = ? WHERE id = ?",
            (Status.RESPONDED.value, date.isoformat(), number, _now_utc(), case.id),
        )
        conn.execute(
            "INSERT INTO dispatches(case_id, sent_on, channel, address, number, recorded_by, recorded_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (
                case.id,
                date.isoformat(),
                how.value if how else None,
                where,
                number,
                register.actor,
                _now_utc(),
            ),
        )
        summary = f"Reply dispatched on {date.isoformat()}" + (f" ({number})" if number else "")
        if exception:
            write_event(
                conn, register, case.id, DISPATCHED_WITHOUT_PACK, f"{summary} without a sealed pack: {exception}",
                {"date": date.isoformat(), "reason": exception, "number": number,
                 "channel": how.value if how else None, "address": where},
            )  # fmt: skip
        else:
            write_event(
                conn, register, case.id, "dispatched", summary,
                {"channel": how.value if how else None, "address": where},
            )  # fmt: skip
        audit.append(
            conn,
            register.actor,
            "case.dispatched",
            ref,
            {"date": date.isoformat(), "with_number": bool(number), "channel": how.value if how else None,
             "with_address": bool(where), "without_pack": bool(exception)},
        )  # fmt: skip
    return get_case(register, ref)


def dispatch_details(register: Register, ref: str) -> tuple[str | None, str | None]:
    """(channel, address) recorded with the latest dispatch."""
    case_id = _case_id(register, ref)
    row = register.query_one(
        "SELECT channel, address FROM dispatches WHERE case_id = ? ORDER BY id DESC LIMIT 1", (case_id,)
    )
    return (row[0], row[1]) if row else (None, None)


def add_note(register: Register, ref: str, text: str) -> None:
    if not text.strip():
        raise InvalidInput("The note is empty.", "La note est vide.")
    record_event(register, ref, "note", text.strip())


@dataclass(frozen=True)
class TimelineEntry:
    at_utc: str
    actor: str
    kind: str
    summary: str
    details: dict[str, Any]


def timeline(register: Register, ref: str) -> list[TimelineEntry]:
    case_id = _case_id(register, ref)
    return [
        TimelineEntry(a, b, c, d, json.loads(e))
        for a, b, c, d, e in register.query(
            "SELECT at_utc, actor, kind, summary, details FROM case_events WHERE case_id = ? ORDER BY id",
            (case_id,),
        )
    ]


# ---- lists ------------------------------------------------------------------
@dataclass(frozen=True)
class CaseRow:
    """What lists and the dashboard show; cheap to load for 50,000 cases."""

    ref: str
    status: Status
    channel: Channel
    received_date: dt.date
    rights: tuple[Right, ...]
    subject_name: str
    subject_email: str | None
    current_due: dt.date
    legal_due: dt.date
    extended: bool
    priority_flag: str | None
    search_text: str


def list_cases(register: Register, open_only: bool = False) -> list[CaseRow]:
    sql = (
        "SELECT ref, status, channel, received_date, rights, subject_name, subject_email, current_due, legal_due,"
        " extended, priority_flag, search_text FROM cases"
    )
    if open_only:
        sql += " WHERE status IN ({})".format(",".join(f"'{s.value}'" for s in OPEN_STATUSES))
    rows = register.query(sql)
    rows.sort(key=lambda r: (r[7], r[0]))  # due date, then reference: faster here than ORDER BY
    status_of = {s.value: s for s in Status}
    channel_of = {c.value: c for c in Channel}
    right_of = {r.value: r for r in Right}
    # Few distinct values repeat across 50,000 rows: parse each once.
    rights_of_text: dict[str, tuple[Right, ...]] = {}
    date_of: dict[str, dt.date] = {}

    def as_date(text: str) -> dt.date:
        value = date_of.get(text)
        if value is None:
            value = date_of[text] = dt.date.fromisoformat(text)
        return value

    out = []
    for ref, status, channel, received, rights, name, email, due, legal, extended, flag, text in rows:
        parsed = rights_of_text.get(rights)
        if parsed is None:
            parsed = rights_of_text[rights] = tuple(right_of[r] for r in json.loads(rights))
        out.append(
            CaseRow(
                ref, status_of[status], channel_of[channel], as_date(received), parsed, name, email,
                as_date(due), as_date(legal), bool(extended), flag, text,
            )
        )  # fmt: skip
    return out


def earlier_requests(
    register: Register, name: str, email: str | None, exclude_ref: str | None = None
) -> list[CaseRow]:
    """Requests by the same person (same folded name, or same e-mail): shown at intake and for Art. 12(5)."""
    folded = fold_for_search(name)
    email_key = (email or "").strip().casefold()
    found = []
    for row in list_cases(register):
        if row.ref == exclude_ref:
            continue
        if (folded and fold_for_search(row.subject_name) == folded) or (
            email_key and (row.subject_email or "").strip().casefold() == email_key
        ):
            found.append(row)
    return found


@dataclass(frozen=True)
class Dashboard:
    counts: dict[Status, int]
    open_rows: list[tuple[CaseRow, dl.DaysLeft]]
    overdue: list[CaseRow]
    due_today: list[CaseRow]
    due_within_7: list[CaseRow]
    priority: list[CaseRow]


def dashboard(register: Register, today: dt.date | None = None) -> Dashboard:
    today = today or dt.datetime.now(dl.PARIS).date()
    calendar = calendar_of(register)
    counts = {s: 0 for s in Status}
    for status, count in register.query("SELECT status, count(*) FROM cases GROUP BY status"):
        counts[Status(status)] = int(count)
    open_rows = []
    for row in list_cases(register, open_only=True):
        open_rows.append((row, dl.days_left(today, row.current_due, calendar)))
    open_rows.sort(key=lambda item: (0 if item[0].priority_flag else 1, item[0].current_due, item[0].ref))
    return Dashboard(
        counts=counts,
        open_rows=open_rows,
        overdue=[r for r, left in open_rows if left.level == "overdue"],
        due_today=[r for r, _ in open_rows if r.current_due == today],
        due_within_7=[r for r, left in open_rows if left.level == "warning"],
        priority=[r for r, _ in open_rows if r.priority_flag],
    )


def rights_of(values: Iterable[str]) -> list[Right]:
    out = []
    for value in values:
        try:
            out.append(Right(value.strip().replace("-", "_")))
        except ValueError:
            raise InvalidInput(
                f"Unknown right '{value}'. Use one of: {', '.join(r.value for r in Right)}.",
                f"Droit inconnu « {value} ». Possibles : {', '.join(r.value for r in Right)}.",
            ) from None
    return out
