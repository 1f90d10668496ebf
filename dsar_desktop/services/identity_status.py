"""Where a case's identity stands (read only): proofs needed and their state, advice, what blocks disclosure.

Split from services/identity.py (which re-exports these names); nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..domain import minors
from ..domain.cases import CAPACITY_LABELS, Capacity, Case
from ..domain.identity import PROOF_LABELS, Decision, IdentityMethod, Party, ProofKind, required_proofs
from ..domain.statistics import day_label
from ..store import attachments
from ..store.attachments import AttachmentInfo
from ..store.connection import Register
from . import cases as case_service
from . import shredding


def default_party(case: Case, proof_kind: ProofKind) -> Party:
    """Who proves `proof_kind`: the subject when acting alone; otherwise the person acting for them,
    who proves both their identity and their authority (RULES B4)."""
    return Party.SUBJECT if case.capacity == Capacity.SELF else Party.REQUESTER


# --- what the wizard shows first ---------------------------------------------------------------


@dataclass
class ProofState:
    party: str
    proof_kind: str
    label_en: str
    label_fr: str
    state: str  # not_requested | requested | received | verified | rejected | more_needed
    request_id: int | None = None
    sent_on: str | None = None
    received_on: str | None = None
    reason: str | None = None  # the recorded doubt behind the latest request
    attachments: list[AttachmentInfo] = field(default_factory=list)
    # Scans kept here whose key is gone: shredded after this register was copied (a restored older
    # backup: `destroyed_on` says when, and nothing can read them any more), or not found because the
    # register was opened away from its scan-key file (`destroyed_on` None).
    unreadable: list[dict[str, Any]] = field(default_factory=list)
    decided_by: str | None = None
    decided_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["attachments"] = [a.to_dict() for a in self.attachments]
        return out


@dataclass
class IdentityStatus:
    ref: str
    capacity: str
    age_on_receipt: int | None
    acting_rule: tuple[str, str]
    parental_authority_required: bool
    established_by: list[dict[str, Any]]  # verified checks: method, party, who, when
    proofs: list[ProofState]
    suggestions: list[dict[str, str]]  # other means worth trying first (Art. 12(6))
    suspended: bool
    block_reason: tuple[str, str] | None

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["proofs"] = [p.to_dict() for p in self.proofs]
        return out


def case_and_id(register: Register, ref: str) -> Case:
    return case_service.get_case(register, ref)


def _checks(register: Register, case_id: int) -> list[dict[str, Any]]:
    rows = register.query(
        "SELECT id, request_id, party, method, proof_kind, decision, decided_by, decided_at, document_type,"
        " document_number_last4, mrz_format, mrz_valid, name_status, dob_status, scans_destroyed, note"
        " FROM identity_checks WHERE case_id = ? ORDER BY id",
        (case_id,),
    )
    keys = (
        "id request_id party method proof_kind decision decided_by decided_at document_type"
        " document_number_last4 mrz_format mrz_valid name_status dob_status scans_destroyed note"
    ).split()
    return [dict(zip(keys, row, strict=True)) for row in rows]


def requests_of(register: Register, case_id: int) -> list[dict[str, Any]]:
    rows = register.query(
        "SELECT id, party, proof_kind, sent_on, received_on, suspension_id, reason FROM identity_requests"
        " WHERE case_id = ? ORDER BY id",
        (case_id,),
    )
    keys = ("id", "party", "proof_kind", "sent_on", "received_on", "suspension_id", "reason")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def _proof_state(register: Register, case: Case, party: Party, kind: ProofKind) -> ProofState:
    """Where one proof stands: the newest of its request, its pending scans and its decision wins."""
    label_en, label_fr = PROOF_LABELS[kind]
    state = ProofState(party.value, kind.value, label_en, label_fr, "not_requested")
    requests = [
        r for r in requests_of(register, case.id) if r["party"] == party.value and r["proof_kind"] == kind.value
    ]
    kept = [a for a in attachments.list_for_case(register, case.id, party=party.value) if a.purpose == kind.value]
    keys = shredding.key_states(register, [a.key_id for a in kept])
    state.attachments = [a for a in kept if not a.key_id or keys.get(a.key_id) == "readable"]
    state.unreadable = [
        {"attachment_id": a.id, "media_type": a.media_type, "received_on": a.received_on,
         "destroyed_on": keys.get(a.key_id or "")}
        for a in kept if a not in state.attachments
    ]  # fmt: skip
    checks = [c for c in _checks(register, case.id) if c["party"] == party.value and _satisfies(c, kind)]
    last_request = requests[-1] if requests else None
    last_check = checks[-1] if checks else None
    if last_request:
        state.request_id, state.sent_on = last_request["id"], last_request["sent_on"]
        state.received_on, state.reason = last_request["received_on"], last_request["reason"]
    request_newer = last_request is not None and (
        last_check is None
        or last_check["request_id"] is None
        or last_check["request_id"] < last_request["id"]
    )
    if request_newer:
        state.state = "received" if (state.received_on or state.attachments) else "requested"
    elif state.attachments:
        state.state = "received"
    elif last_check is not None:
        state.state = last_check["decision"]
        state.decided_by, state.decided_at = last_check["decided_by"], last_check["decided_at"]
    return state


def _satisfies(check: dict[str, Any], kind: ProofKind) -> bool:
    if kind == ProofKind.IDENTITY_DOCUMENT:
        return check["proof_kind"] in (None, ProofKind.IDENTITY_DOCUMENT.value)
    return check["proof_kind"] == kind.value


def _needed_proofs(case: Case) -> list[tuple[Party, ProofKind]]:
    needed = required_proofs(case.capacity.value)
    if case.capacity == Capacity.SELF:
        needed = [(Party.SUBJECT, ProofKind.IDENTITY_DOCUMENT)]
    return needed


def suggestions(case: Case) -> list[dict[str, str]]:
    """Other means to establish identity before asking for a document (RULES B1)."""
    out: list[dict[str, str]] = []
    if case.capacity == Capacity.SELF and case.subject.email and case.electronic:
        out.append({"method": IdentityMethod.EMAIL_ON_FILE.value, "en": "The request came by e-mail: check it came from the address on file.", "fr": "La demande est arrivée par courriel : vérifiez qu'elle vient de l'adresse connue."})  # fmt: skip
    if case.subject.student_number:
        out.append({"method": IdentityMethod.STUDENT_NUMBER.value, "en": "A student number was given: check it against the student records.", "fr": "Un numéro d'étudiant a été fourni : vérifiez-le dans le fichier des étudiants."})  # fmt: skip
    out.append({"method": IdentityMethod.DATA_MATCHING.value, "en": "Ask for a detail only the person knows (date of enrolment, course) and match it.", "fr": "Demandez un détail que seule la personne connaît (date d'inscription, formation) et comparez."})  # fmt: skip
    return out


def identity_status(register: Register, ref: str) -> IdentityStatus:
    case = case_and_id(register, ref)
    age = minors.age_on(case.subject.dob, case.received_date) if case.subject.dob else None
    rule = minors.acting_rule(case.subject.dob, case.received_date, case.capacity.value)
    proofs = [_proof_state(register, case, party, kind) for party, kind in _needed_proofs(case)]
    established = [
        {k: c[k] for k in ("method", "party", "decided_by", "decided_at")}
        for c in _checks(register, case.id)
        if c["decision"] == Decision.VERIFIED.value
    ]
    suspended = any(end is None for _start, end in case.suspensions)
    return IdentityStatus(
        ref=ref,
        capacity=case.capacity.value,
        age_on_receipt=age,
        acting_rule=(rule.en, rule.fr),
        parental_authority_required=rule.parental_authority_required,
        established_by=established,
        proofs=proofs,
        suggestions=suggestions(case),
        suspended=suspended,
        block_reason=disclosure_block_reason(register, ref),
    )


# --- what blocks disclosure --------------------------------------------------------------------


# Said of "le justificatif" (masculine), so no "(e)" is needed whatever the proof's own gender.
_STATE_FR = {"requested": "justificatif attendu", "received": "justificatif reçu, à vérifier", "rejected": "justificatif refusé", "more_needed": "complément nécessaire"}  # fmt: skip


def disclosure_block_reason(register: Register, ref: str) -> tuple[str, str] | None:
    """(English, French) sentence saying why the response pack must not be built yet, or None.

    Called by the pack builder. Blocks: a subject under 15 on receipt without a verified holder
    of parental authority (Code civil art. 371-1 and 388-1-1); a representative whose identity or authority is not
    verified (RULES B4); a requested proof that is not verified yet."""
    case = case_and_id(register, ref)

    def verified(party: Party, kind: ProofKind) -> bool:
        return _proof_state(register, case, party, kind).state == "verified"

    age = minors.age_on(case.subject.dob, case.received_date) if case.subject.dob else None
    if age is not None and age < minors.PARENTAL_AUTHORITY_AGE:
        if case.capacity != Capacity.PARENT:
            return (
                f"The data subject was {age} on receipt (under 15, Code civil art. 371-1 and 388-1-1): the request must come from a holder of parental authority, recorded as the requester, whose authority is verified.",
                f"La personne concernée avait {age} ans à la réception (moins de 15 ans, articles 371-1 et 388-1-1 du Code civil) : la demande doit venir d'un titulaire de l'autorité parentale, enregistré comme demandeur, dont l'autorité est vérifiée.",
            )  # fmt: skip
        if not verified(Party.REQUESTER, ProofKind.PARENTAL_AUTHORITY):
            return (
                f"The data subject was {age} on receipt (under 15): nothing may be disclosed until the parental authority of {case.requester_name or 'the requester'} is verified.",
                f"La personne concernée avait {age} ans à la réception (moins de 15 ans) : rien ne peut être communiqué avant la vérification de l'autorité parentale de {case.requester_name or 'la personne qui demande'}.",
            )  # fmt: skip
    if case.capacity == Capacity.PARENT and age is not None and age >= minors.MAJORITY:
        if not verified(Party.REQUESTER, ProofKind.MANDATE):
            return (
                f"The data subject was {age} on receipt: a parent has no parental authority over an adult and needs a signed mandate.",
                f"La personne concernée avait {age} ans à la réception : un parent n'a pas d'autorité parentale sur un majeur et doit produire un mandat signé.",
            )  # fmt: skip
    for party, kind in required_proofs(case.capacity.value):
        if kind == ProofKind.PARENTAL_AUTHORITY and age is not None and age >= minors.MAJORITY:
            continue
        if not verified(party, kind):
            en, fr = PROOF_LABELS[kind]
            who = case.requester_name or "the requester"
            acting_en, acting_fr = CAPACITY_LABELS[case.capacity]
            return (
                f"{en} of {who} is not verified yet ({acting_en.lower()}: RULES B4).",
                f"{fr} de {case.requester_name or 'la personne qui demande'} : vérification pas encore faite ({acting_fr.lower()} : règle B4).",
            )  # fmt: skip
    for r in requests_of(register, case.id):
        state = _proof_state(register, case, Party(r["party"]), ProofKind(r["proof_kind"]))
        if state.state != "verified":
            en, fr = PROOF_LABELS[ProofKind(r["proof_kind"])]
            sent = dt.date.fromisoformat(r["sent_on"])
            return (
                f"{en} requested on {day_label(sent, 'en')} is not verified ({state.state.replace('_', ' ')}).",
                f"{fr} : demande envoyée le {day_label(sent, 'fr')}, vérification pas encore faite ({_STATE_FR.get(state.state, state.state)}).",
            )  # fmt: skip
    return None
