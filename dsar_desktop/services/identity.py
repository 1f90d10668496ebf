"""Identity use cases: other means, proof requests (clock suspended), scans, checklist decisions, minors.

The ID wizard drives these functions in order:
  identity_status(reg, ref)                       -> what is needed, what is pending, advice
  record_other_means(reg, ref, method)            -> identity established without a document
  request_proof(reg, ref, reason, ...)            -> reason recorded, suspension started, letter PDF
  receive_proof(reg, ref, scan_bytes, ...)        -> scan checked and stored in the register, suspension ended
  scan_content(reg, ref, attachment_id)           -> bytes for the viewer (preview_images for PDFs)
  assess(reg, ref, checklist)                     -> live checklist items (no write)
  decide(reg, ref, decision, checklist, ...)      -> decision recorded with who/when; scans destroyed
  disclosure_block_reason(reg, ref)               -> why the response pack may not be built yet
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain import deadlines as dl
from ..domain import minors
from ..domain.case_actions import Action
from ..domain.cases import Capacity, Case, Status
from ..domain.errors import DsarError, InvalidInput, NotFound
from ..domain.identity import (
    DOCUMENT_TYPES,
    METHOD_LABELS,
    OTHER_MEANS,
    PROOF_LABELS,
    Assessment,
    Checklist,
    Decision,
    Expected,
    IdentityMethod,
    Party,
    ProofKind,
    check_decision,
    check_reason_for_doubt,
    evaluate,
    keep_last4,
    parse_decision,
)
from ..domain.mrz import MrzResult, parse_mrz
from ..fileio import atomic_write
from ..store import attachments, audit
from ..store.attachments import WalFlush
from ..store.connection import Register
from . import case_rules, letters, shredding
from . import cases as case_service
from .identity_status import (  # noqa: F401 - re-exported for the wizard and the pack builder
    IdentityStatus,
    ProofState,
    case_and_id,
    default_party,
    disclosure_block_reason,
    identity_status,
    requests_of,
    suggestions,
)
from .scans import ScanInfo, inspect_scan, preview_images


class IdentityReasonRequired(DsarError):
    code = "identity_reason_required"
    en = "Write the reason for doubting the requester's identity before asking for a document (Art. 12(6): no systematic ID request)."
    fr = "Indiquez le motif du doute sur l'identité avant de demander une pièce (art. 12(6) : pas de demande systématique)."
    exit_code = 1


class ProofAlreadyRequested(DsarError):
    code = "proof_already_requested"
    en = "A request for {what} sent on {sent_on} is still waiting for an answer."
    fr = "Une demande de {what_fr} envoyée le {sent_on} attend encore une réponse."
    exit_code = 1


class ReceiptBeforeRequest(DsarError):
    code = "receipt_before_request"
    en = "The proof cannot arrive ({received_on}) before it was requested ({sent_on})."
    fr = "La preuve ne peut pas arriver ({received_on}) avant d'avoir été demandée ({sent_on})."
    exit_code = 1


class NothingToDecide(DsarError):
    code = "nothing_to_decide"
    en = "There is no proof for {what} to decide on: attach the scan first, or record how identity was established."
    fr = "Aucune preuve ({what_fr}) à trancher : joignez d'abord le scan, ou indiquez comment l'identité a été établie."
    exit_code = 1


def _paris_today() -> dt.date:
    return dt.datetime.now(dl.PARIS).date()


def _now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _event(
    conn: Any, register: Register, case_id: int, kind: str, summary: str, details: dict[str, Any]
) -> None:
    case_service.write_event(conn, register, case_id, kind, summary, details)


# --- other means -------------------------------------------------------------------------------


def record_other_means(
    register: Register,
    ref: str,
    method: IdentityMethod | str,
    note: str | None = None,
    party: Party | str | None = None,
) -> int:
    """Identity established without a document (e-mail on file, student number, matching data)."""
    case = case_and_id(register, ref)
    case_rules.require(register, case, Action.IDENTITY_STEP)
    method = IdentityMethod(method)
    if method not in OTHER_MEANS:
        raise InvalidInput(
            "An identity document is recorded through the checklist, not as another means.",
            "Une pièce d'identité s'enregistre par la liste de contrôle, pas comme autre moyen.",
        )
    who = Party(party) if party else (Party.SUBJECT if case.capacity == Capacity.SELF else Party.REQUESTER)
    with register.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO identity_checks(case_id, party, method, decision, note, decided_by, decided_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (case.id, who.value, method.value, Decision.VERIFIED.value, note, register.actor, _now_utc()),
        )
        _event(conn, register, case.id, "identity", f"Identity established: {METHOD_LABELS[method][0]}", {"method": method.value, "party": who.value})  # fmt: skip
        audit.append(
            conn, register.actor, "identity.other_means", ref, {"method": method.value, "party": who.value}
        )
    _maybe_resume(register, ref)
    return int(cursor.lastrowid)


# --- requesting a proof ------------------------------------------------------------------------


@dataclass
class ProofRequest:
    request_id: int
    suspension_id: int | None  # None: the clock did not stop (no letter, or the period had ended)
    sent_on: str
    letter: bytes | None  # the PDF, when the letters service could build it
    letter_problem: str | None
    case: Case
    lapsed: bool = False  # sent after the due date in force: recorded, suspends nothing (RULES A6)


class ProofInFuture(DsarError):
    code = "proof_in_future"
    en = "The {what} date {day} is in the future: record it on the day it happens."
    fr = "La date {what_fr} {day} est dans le futur : enregistrez-la le jour même."
    exit_code = 1


def request_proof(
    register: Register,
    ref: str,
    reason: str,
    *,
    proof_kind: ProofKind | str = ProofKind.IDENTITY_DOCUMENT,
    party: Party | str | None = None,
    sent_on: dt.date | None = None,
    language: str | None = None,
    with_letter: bool = True,
    internal_note: str | None = None,
) -> ProofRequest:
    """Record the request, produce its letter, and only then stop the clock (decree 2019-536).

    `reason` is the doubt as stated to the person: at least a sentence, printed in the letter;
    `internal_note` is for staff and never printed. The clock stops only when the letter
    exists (a failure is returned in `letter_problem`; `request_letter` builds it later and
    stops the clock from that day) and only while the period runs: a request sent after the
    due date in force is recorded, suspends nothing and says so (`lapsed`). `with_letter`
    False still builds the letter (so the clock may stop) but does not return its bytes."""
    if not (reason and reason.strip()):
        raise IdentityReasonRequired()
    stated = check_reason_for_doubt(reason)
    case = case_and_id(register, ref)
    case_rules.require(register, case, Action.REQUEST_IDENTITY)
    kind = ProofKind(proof_kind)
    who = Party(party) if party else default_party(case, kind)
    sent = sent_on or _paris_today()
    if sent < case.received_date:
        raise InvalidInput(
            f"The request cannot be sent ({sent.isoformat()}) before the case was received ({case.received_date.isoformat()}).",
            f"La demande ne peut pas partir ({sent.isoformat()}) avant la réception ({case.received_date.isoformat()}).",
        )
    if sent > _paris_today():
        raise ProofInFuture(what="sending", what_fr="d'envoi", day=sent.isoformat())
    for r in requests_of(register, case.id):
        if r["party"] == who.value and r["proof_kind"] == kind.value and r["received_on"] is None:
            raise ProofAlreadyRequested(what=PROOF_LABELS[kind][0].lower(), what_fr=PROOF_LABELS[kind][1].lower(), sent_on=r["sent_on"])  # fmt: skip
    note = (internal_note or "").strip() or None
    with register.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO identity_requests(case_id, party, proof_kind, reason, sent_on, suspension_id, actor, created_at)"
            " VALUES (?,?,?,?,?,NULL,?,?)",
            (case.id, who.value, kind.value, stated, sent.isoformat(), register.actor, _now_utc()),
        )
        request_id = int(cursor.lastrowid)
        if note:
            conn.execute(
                "INSERT INTO identity_request_notes(request_id, note) VALUES (?, ?)", (request_id, note)
            )
        _event(conn, register, case.id, "identity", f"{PROOF_LABELS[kind][0]} requested on {sent.isoformat()}", {"request_id": request_id, "proof_kind": kind.value, "party": who.value})  # fmt: skip
        audit.append(
            conn, register.actor, "identity.requested", ref,
            {"proof_kind": kind.value, "party": who.value, "sent_on": sent.isoformat(), "reason_recorded": True,
             "internal_note": bool(note)},
        )  # fmt: skip
        if case.status != Status.AWAITING_IDENTITY and Status.AWAITING_IDENTITY in _allowed(case.status):
            case_service.transition(
                register, ref, Status.AWAITING_IDENTITY, f"{PROOF_LABELS[kind][0]} requested: {stated}"
            )
    letter, problem = _build_letter(register, ref, request_id, language)
    suspension_id, lapsed = (None, False)
    if letter is not None:
        suspension_id, lapsed = _stop_clock(register, ref, request_id, sent)
    return ProofRequest(
        request_id, suspension_id, sent.isoformat(), letter if with_letter else None, problem,
        case_and_id(register, ref), lapsed,
    )  # fmt: skip


def _stop_clock(register: Register, ref: str, request_id: int, start: dt.date) -> tuple[int | None, bool]:
    """The request's letter exists: stop the clock from `start` unless the period has already ended."""
    case = case_and_id(register, ref)
    row = register.query_one(
        "SELECT suspension_id, received_on FROM identity_requests WHERE id = ?", (request_id,)
    )
    if row is None or row[0] is not None or row[1] is not None:
        return (int(row[0]) if row and row[0] is not None else None), False
    in_force = case_service.deadlines_for(register, case).due(case.extended)
    with register.transaction() as conn:
        if start > in_force:
            _event(conn, register, case.id, "identity", f"Request sent {start.isoformat()}, after the due date in force {in_force.isoformat()}: the period had ended, nothing is suspended and the case stays late", {"request_id": request_id, "lapsed": True})  # fmt: skip
            audit.append(conn, register.actor, "identity.suspension_lapsed", ref,
                         {"request_id": request_id, "sent_on": start.isoformat(), "due_in_force": in_force.isoformat()})  # fmt: skip
            return None, True
        open_suspension = conn.execute(
            "SELECT id FROM suspensions WHERE case_id = ? AND kind = 'identity' AND ended IS NULL ORDER BY id DESC LIMIT 1",
            (case.id,),
        ).fetchone()
        if open_suspension:
            suspension_id = int(open_suspension[0])
        else:
            suspension_id = int(
                conn.execute(
                    "INSERT INTO suspensions(case_id, kind, started, ended) VALUES (?, 'identity', ?, NULL)",
                    (case.id, start.isoformat()),
                ).lastrowid
            )
        conn.execute(
            "UPDATE identity_requests SET suspension_id = ? WHERE id = ?", (suspension_id, request_id)
        )
        _event(conn, register, case.id, "identity", f"Request letter produced; clock suspended from {start.isoformat()}", {"request_id": request_id, "suspension_id": suspension_id})  # fmt: skip
        audit.append(conn, register.actor, "identity.suspended", ref,
                     {"request_id": request_id, "suspension_id": suspension_id, "from": start.isoformat()})  # fmt: skip
        case_service.recompute_deadlines(register, ref)
    return suspension_id, False


def _allowed(status: Status) -> list[Status]:
    from ..domain.cases import allowed_transitions

    return allowed_transitions(status)


def _build_letter(
    register: Register, ref: str, request_id: int, language: str | None
) -> tuple[bytes | None, str | None]:
    row = register.query_one(
        "SELECT proof_kind, reason, party FROM identity_requests WHERE id = ?", (request_id,)
    )
    kind, reason, party = row
    letter_kind = {
        ProofKind.PARENTAL_AUTHORITY.value: "parental_proof_request",
        ProofKind.DEATH_CERTIFICATE.value: "heir_proof_request",
        ProofKind.HEIR_STATUS.value: "heir_proof_request",
    }.get(kind, "id_request")
    extra = {"reason": reason, "proof_kind": kind, "party": party}
    try:
        pdf = letters.build_letter(register, ref, letter_kind, language=language, extra=extra)
    except DsarError as exc:
        return None, exc.describe("en")
    except Exception as exc:  # noqa: BLE001 - the request is recorded; the letter can be built again later
        return None, f"the letter could not be built ({type(exc).__name__})"
    digest = hashlib.sha256(pdf).hexdigest()
    with register.transaction() as conn:
        conn.execute("UPDATE identity_requests SET letter_sha256 = ? WHERE id = ?", (digest, request_id))
        audit.append(
            conn,
            register.actor,
            "identity.letter_built",
            ref,
            {"request_id": request_id, "kind": letter_kind, "sha256": digest},
        )
    return pdf, None


def save_request_letter(pdf: bytes, path: Path) -> Path:
    """Write a request letter where the person chose to save it (their export: temp file, then rename; 0600)."""
    atomic_write(Path(path), pdf, mode=0o600)
    return Path(path)


def latest_request_letter(register: Register, ref: str, kind: str, language: str | None = None) -> bytes:
    """The letter of the most recent recorded request for an ID ('id_request') or parental proof.

    A request letter is only ever produced for a request on record (reason, suspension,
    audit): the command line cannot write one without it (RULES A6, B1).
    """
    case = case_and_id(register, ref)
    wanted = {
        "parental_proof_request": ProofKind.PARENTAL_AUTHORITY,
        "heir_proof_request": ProofKind.DEATH_CERTIFICATE,
    }.get(kind, ProofKind.IDENTITY_DOCUMENT)
    accepted = {wanted.value} | ({ProofKind.HEIR_STATUS.value} if kind == "heir_proof_request" else set())
    matching = [r for r in requests_of(register, case.id) if r["proof_kind"] in accepted]
    if not matching:
        raise InvalidInput(
            f"No request for {wanted.value.replace('_', ' ')} is recorded for {ref}: record it first with "
            f"'dsar case id-request {ref} --reason TEXT' (it records the reason and stops the clock).",
            f"Aucune demande de justificatif n'est enregistrée pour {ref} : enregistrez-la d'abord avec "
            f"« dsar case id-request {ref} --reason TEXTE » (le motif est consigné et le délai suspendu).",
        )
    return request_letter(register, ref, int(matching[-1]["id"]), language)


def request_letter(register: Register, ref: str, request_id: int, language: str | None = None) -> bytes:
    """Build the request letter again (print again, or after the letters service failed)."""
    case = case_and_id(register, ref)
    if not any(r["id"] == request_id for r in requests_of(register, case.id)):
        raise NotFound("Identity request", str(request_id), "Demande de justificatif")
    pdf, problem = _build_letter(register, ref, request_id, language)
    if pdf is None:
        raise InvalidInput(
            f"The letter could not be built: {problem}.", f"La lettre n'a pas pu être produite : {problem}."
        )
    row = register.query_one("SELECT sent_on FROM identity_requests WHERE id = ?", (request_id,))
    # a letter built only now cannot have been sent before today: the clock stops from today
    _stop_clock(register, ref, request_id, max(dt.date.fromisoformat(row[0]), _paris_today()))
    return pdf


# --- receiving a proof -------------------------------------------------------------------------


@dataclass
class ProofReceived:
    attachment_id: int | None  # None for a proof seen on paper or in person
    scan: ScanInfo | None
    request_id: int | None
    suspension_ended: str | None
    case: Case


def receive_proof(
    register: Register,
    ref: str,
    content: bytes | None,
    *,
    received_on: dt.date | None = None,
    proof_kind: ProofKind | str | None = None,
    party: Party | str | None = None,
    request_id: int | None = None,
    key_id: str | None = None,
) -> ProofReceived:
    """Check the scan (refusal changes nothing), keep it inside the register sealed under a key of its own,
    end the suspension.

    `content=None` records a proof seen on paper or in person: the suspension ends, nothing is stored.
    `key_id` reuses the key an e-mail attachment was sealed with, so that destroying the scan also makes
    the attachment's copy in earlier backups unreadable."""
    case = case_and_id(register, ref)
    case_rules.require(register, case, Action.IDENTITY_STEP)
    scan = inspect_scan(content) if content is not None else None
    requests = requests_of(register, case.id)
    request = None
    if request_id is not None:
        request = next((r for r in requests if r["id"] == request_id), None)
        if request is None:
            raise NotFound("Identity request", str(request_id), "Demande de justificatif")
    else:
        open_requests = [r for r in requests if r["received_on"] is None]
        if proof_kind is not None:
            open_requests = [r for r in open_requests if r["proof_kind"] == ProofKind(proof_kind).value]
        if party is not None:
            open_requests = [r for r in open_requests if r["party"] == Party(party).value]
        request = open_requests[0] if open_requests else None
    kind = (
        ProofKind(request["proof_kind"]) if request else ProofKind(proof_kind or ProofKind.IDENTITY_DOCUMENT)
    )
    who = Party(request["party"]) if request else (Party(party) if party else default_party(case, kind))
    received = received_on or _paris_today()
    if received > _paris_today():
        raise ProofInFuture(what="receipt", what_fr="de réception", day=received.isoformat())
    if request and received < dt.date.fromisoformat(request["sent_on"]):
        raise ReceiptBeforeRequest(received_on=received.isoformat(), sent_on=request["sent_on"])
    ended = None
    sealed: tuple[str, bytes] | None = None
    if scan is not None and content is not None:  # the key is on disk before the row that needs it commits
        if key_id is not None:
            sealed = key_id, shredding.seal_with(register, key_id, content)
        else:
            sealed = shredding.seal_new(register, content)
    with register.transaction() as conn:
        attachment_id = None
        if scan is not None and sealed is not None:
            attachment_id = attachments.put(
                conn, case_id=case.id, purpose=kind.value, party=who.value, media_type=scan.media_type,
                content=sealed[1], key_id=sealed[0], size=scan.size, received_on=received.isoformat(), actor=register.actor, request_id=request["id"] if request else None,
                width=scan.width, height=scan.height, pages=scan.pages,
            )  # fmt: skip
        if request and request["received_on"] is None:
            conn.execute(
                "UPDATE identity_requests SET received_on = ? WHERE id = ?",
                (received.isoformat(), request["id"]),
            )
            still_open = conn.execute(
                "SELECT count(*) FROM identity_requests WHERE suspension_id = ? AND received_on IS NULL",
                (request["suspension_id"],),
            ).fetchone()[0]
            if request["suspension_id"] and not still_open:
                conn.execute("UPDATE suspensions SET ended = ? WHERE id = ? AND ended IS NULL", (received.isoformat(), request["suspension_id"]))  # fmt: skip
                ended = received.isoformat()
        what = f"{scan.kind}, {scan.size} bytes" if scan else "on paper or in person, nothing stored"
        _event(conn, register, case.id, "identity", f"{PROOF_LABELS[kind][0]} received ({what})" + (f"; clock runs again from {ended}" if ended else ""), {"attachment_id": attachment_id, "proof_kind": kind.value})  # fmt: skip
        audit.append(
            conn, register.actor, "identity.proof_received", ref,
            {"attachment_id": attachment_id, "proof_kind": kind.value, "party": who.value,
             "media_type": scan.media_type if scan else None, "size": scan.size if scan else 0,
             "received_on": received.isoformat(), "suspension_ended": ended},
        )  # fmt: skip
        if ended:
            case_service.recompute_deadlines(register, ref)
    return ProofReceived(
        attachment_id, scan, request["id"] if request else None, ended, case_and_id(register, ref)
    )


def scan_content(register: Register, ref: str, attachment_id: int) -> bytes:
    """The scan's bytes for the viewer, in memory only."""
    case = case_and_id(register, ref)
    found = attachments.info(register, attachment_id)
    stored = attachments.content(register, attachment_id) if found and found.case_id == case.id else None
    if stored is None:
        raise NotFound("Scan", str(attachment_id), "Scan")
    return shredding.open_blob(register, stored[0], stored[1], "scan")


def scan_previews(register: Register, ref: str, attachment_id: int) -> list[bytes]:
    """Displayable images (JPEG/PNG bytes) of a scan for the viewer: the image itself or each PDF page's image."""
    return preview_images(scan_content(register, ref, attachment_id))


# --- the checklist and the decision ------------------------------------------------------------


def expected_for(case: Case, party: Party) -> Expected:
    if party == Party.SUBJECT:
        return Expected(name=case.subject.name, birth_date=case.subject.dob)
    return Expected(name=case.requester_name, birth_date=None)


def parse_lines(mrz_lines: list[str] | None) -> MrzResult | None:
    return parse_mrz(mrz_lines) if mrz_lines else None


def assess(register: Register, ref: str, checklist: Checklist, on: dt.date | None = None) -> Assessment:
    """The checklist items as the wizard shows them, computed live; nothing is written."""
    case = case_and_id(register, ref)
    mrz = parse_lines(checklist.mrz_lines)
    return evaluate(checklist, expected_for(case, checklist.party), on or _paris_today(), mrz)


@dataclass
class DecisionRecorded:
    check_id: int
    decision: str
    assessment: Assessment
    scans_destroyed: int
    wal: WalFlush | None
    case: Case


def decide(
    register: Register,
    ref: str,
    decision: Decision | str,
    checklist: Checklist | None = None,
    *,
    note: str | None = None,
    on: dt.date | None = None,
) -> DecisionRecorded:
    """Record the decision with who and when, keep only the facts, destroy the proof's scans."""
    case = case_and_id(register, ref)
    decision = decision if isinstance(decision, Decision) else parse_decision(decision)
    if checklist is None:
        kind = ProofKind.IDENTITY_DOCUMENT
        checklist = Checklist(proof_kind=kind, party=default_party(case, kind))
    kind, who = checklist.proof_kind, checklist.party
    mrz = parse_lines(checklist.mrz_lines)
    assessment = evaluate(checklist, expected_for(case, who), on or _paris_today(), mrz)
    check_decision(assessment, decision, note)
    pending = [
        a for a in attachments.list_for_case(register, case.id, party=who.value) if a.purpose == kind.value
    ]
    requests = [
        r for r in requests_of(register, case.id) if r["party"] == who.value and r["proof_kind"] == kind.value
    ]
    if not pending and not requests:
        raise NothingToDecide(what=PROOF_LABELS[kind][0].lower(), what_fr=PROOF_LABELS[kind][1].lower())
    name_item, dob_item = assessment.item("name"), assessment.item("birth_date")
    method = {ProofKind.IDENTITY_DOCUMENT: "id_document", ProofKind.PARENTAL_AUTHORITY: "parental_authority", ProofKind.MANDATE: "mandate"}[kind]  # fmt: skip
    with register.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO identity_checks(case_id, request_id, party, method, proof_kind, document_type, issuing_country,"
            " document_number_last4, expiry_date, name_status, name_difference, dob_status, dob_difference,"
            " signature_present, mrz_format, mrz_valid, mrz_checks, items, decision, note, decided_by, decided_at,"
            " scans_destroyed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                case.id, requests[-1]["id"] if requests else None, who.value, method, kind.value,
                checklist.document_type, (checklist.issuing_country or "").upper() or None,
                keep_last4(checklist.document_number),
                checklist.expiry_date.isoformat() if checklist.expiry_date else None,
                name_item.comparison.status if name_item and name_item.comparison else None,
                name_item.comparison.difference if name_item and name_item.comparison else None,
                dob_item.comparison.status if dob_item and dob_item.comparison else None,
                dob_item.comparison.difference if dob_item and dob_item.comparison else None,
                None if checklist.signature_present is None else int(checklist.signature_present),
                mrz.format if mrz else None, None if mrz is None else int(mrz.valid),
                json.dumps(mrz.checks) if mrz else None,
                json.dumps([{"key": i.key, "status": i.status} for i in assessment.items]),
                decision.value, note, register.actor, _now_utc(), len(pending),
            ),
        )  # fmt: skip
        check_id = int(cursor.lastrowid)
        destroyed = attachments.delete_in(conn, [a.id for a in pending])
        # ID documents that came by e-mail and were not sent to the check go too, with their message's original
        mailed, mail_keys = shredding.clear_mailed_id_copies(conn, case.id, f"check {check_id}")
        shredded = shredding.shred(register, [*(a.key_id for a in pending), *mail_keys])  # before COMMIT: see shredding
        _event(conn, register, case.id, "identity", f"{PROOF_LABELS[kind][0]}: {decision.value}", {"check_id": check_id, "decision": decision.value})  # fmt: skip
        audit.append(
            conn, register.actor, "identity.decided", ref,
            {"check_id": check_id, "proof_kind": kind.value, "party": who.value, "decision": decision.value,
             "mrz_valid": None if mrz is None else mrz.valid,
             "failed": [i.key for i in assessment.failures], "missing": [i.key for i in assessment.missing]},
        )  # fmt: skip
        if pending or mailed:
            audit.append(
                conn, register.actor, "identity.scan_destroyed", ref,
                {"check_id": check_id, "count": destroyed, "keys_shredded": shredded, "mail_copies": mailed,
                 "attachment_ids": [a.id for a in pending],
                 "media_types": [a.media_type for a in pending], "bytes": sum(a.size for a in pending)},
            )  # fmt: skip
    wal = None
    try:
        if decision == Decision.VERIFIED:
            _maybe_resume(register, ref)
    finally:
        if pending or mailed:
            wal = attachments.flush_wal(register)  # last, so the log ends empty
    return DecisionRecorded(check_id, decision.value, assessment, destroyed, wal, case_and_id(register, ref))


def _maybe_resume(register: Register, ref: str) -> None:
    """Awaiting identity -> in progress once every needed proof is verified and nothing blocks."""
    case = case_and_id(register, ref)
    if case.status != Status.AWAITING_IDENTITY:
        return
    status = identity_status(register, ref)
    if (
        all(p.state == "verified" for p in status.proofs if p.state != "not_requested")
        and status.block_reason is None
    ):
        case_service.transition(register, ref, Status.IN_PROGRESS)


def flag_minor_erasure(register: Register, ref: str, reason_code: str = "registration_as_minor") -> None:
    """Set the LIL art. 51 priority flag on a case after intake (e.g. the extracts show data collected as a minor)."""
    case = case_and_id(register, ref)
    if "erasure" not in [r.value for r in case.rights]:
        return
    flags = set(filter(None, (case.priority_flag or "").split(",")))
    if minors.MINOR_ERASURE in flags:
        return
    flags.add(minors.MINOR_ERASURE)
    with register.transaction() as conn:
        conn.execute(
            "UPDATE cases SET priority_flag = ?, updated_at = ? WHERE id = ?",
            (",".join(sorted(flags)), _now_utc(), case.id),
        )
        _event(conn, register, case.id, "priority", "Erasure of data collected while a minor (LIL art. 51): handled first", {"reason": reason_code})  # fmt: skip
        audit.append(
            conn,
            register.actor,
            "case.priority_flag",
            ref,
            {"flag": minors.MINOR_ERASURE, "reason": reason_code},
        )


def document_types(kind: ProofKind | str) -> dict[str, tuple[str, str]]:
    """Accepted document types for a proof kind, code -> (English, French), for the wizard's list."""
    return DOCUMENT_TYPES[ProofKind(kind)]
