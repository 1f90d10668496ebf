"""Cases: rights, channels, capacities, the lifecycle state machine and the case entity."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from .errors import DsarError


class Status(StrEnum):
    RECEIVED = "received"
    AWAITING_IDENTITY = "awaiting_identity"
    IN_PROGRESS = "in_progress"
    EXTENDED = "extended"
    READY = "ready"
    RESPONDED = "responded"
    CLOSED = "closed"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


OPEN_STATUSES = frozenset(
    {Status.RECEIVED, Status.AWAITING_IDENTITY, Status.IN_PROGRESS, Status.EXTENDED, Status.READY}
)
FINAL_STATUSES = frozenset({Status.CLOSED})

STATUS_LABELS = {
    Status.RECEIVED: ("Received", "Reçue"),
    Status.AWAITING_IDENTITY: ("Awaiting identity", "En attente d'identité"),
    Status.IN_PROGRESS: ("In progress", "En cours"),
    Status.EXTENDED: ("Extended", "Prolongée"),
    Status.READY: ("Ready to send", "Prête à envoyer"),
    Status.RESPONDED: ("Responded", "Répondue"),
    Status.CLOSED: ("Closed", "Clôturée"),
    Status.REFUSED: ("Refused", "Refusée"),
    Status.WITHDRAWN: ("Withdrawn", "Retirée"),
}


class Right(StrEnum):
    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    OBJECTION = "objection"
    PORTABILITY = "portability"
    CONSENT_WITHDRAWAL = "consent_withdrawal"


RIGHT_LABELS = {
    Right.ACCESS: ("Access (Art. 15)", "Accès (art. 15)"),
    Right.RECTIFICATION: ("Rectification (Art. 16)", "Rectification (art. 16)"),
    Right.ERASURE: ("Erasure (Art. 17)", "Effacement (art. 17)"),
    Right.RESTRICTION: ("Restriction (Art. 18)", "Limitation (art. 18)"),
    Right.OBJECTION: ("Objection (Art. 21)", "Opposition (art. 21)"),
    Right.PORTABILITY: ("Portability (Art. 20)", "Portabilité (art. 20)"),
    Right.CONSENT_WITHDRAWAL: ("Consent withdrawal (Art. 7(3))", "Retrait du consentement (art. 7(3))"),
}


class Channel(StrEnum):
    EMAIL = "email"
    POST = "post"
    WEB_FORM = "web_form"
    IN_PERSON = "in_person"
    PHONE = "phone"


CHANNEL_LABELS = {
    Channel.EMAIL: ("E-mail", "Courriel"),
    Channel.POST: ("Post", "Courrier postal"),
    Channel.WEB_FORM: ("Web form", "Formulaire web"),
    Channel.IN_PERSON: ("In person", "En personne"),
    Channel.PHONE: ("Phone", "Téléphone"),
}
ELECTRONIC_CHANNELS = frozenset({Channel.EMAIL, Channel.WEB_FORM})


class Capacity(StrEnum):
    SELF = "self"
    PARENT = "parent"
    LAWYER = "lawyer"
    REPRESENTATIVE = "representative"
    HEIR = "heir"  # acting about a deceased person (LIL art. 84-86)


CAPACITY_LABELS = {
    Capacity.SELF: ("The data subject", "La personne concernée"),
    Capacity.PARENT: ("Holder of parental authority", "Titulaire de l'autorité parentale"),
    Capacity.LAWYER: ("Lawyer", "Avocat"),
    Capacity.REPRESENTATIVE: ("Other representative", "Autre mandataire"),
    Capacity.HEIR: ("Heir of a deceased person", "Héritier d'une personne décédée"),
}


# Transitions and whether the law wants a written reason for them.
TRANSITIONS: dict[Status, dict[Status, bool]] = {
    Status.RECEIVED: {
        Status.AWAITING_IDENTITY: True,  # reasonable doubt (Art. 12(6))
        Status.IN_PROGRESS: False,
        Status.EXTENDED: True,  # Art. 12(3): may be decided at once for a plainly complex request
        Status.REFUSED: True,  # Art. 12(4)/(5)
        Status.WITHDRAWN: False,
    },
    Status.AWAITING_IDENTITY: {
        Status.IN_PROGRESS: False,
        Status.REFUSED: True,
        Status.WITHDRAWN: False,
    },
    Status.IN_PROGRESS: {
        Status.AWAITING_IDENTITY: True,
        Status.EXTENDED: True,  # Art. 12(3): reasons in the notice
        Status.READY: False,
        Status.REFUSED: True,
        Status.WITHDRAWN: False,
    },
    Status.EXTENDED: {
        Status.READY: False,
        Status.REFUSED: True,
        Status.WITHDRAWN: False,
    },
    Status.READY: {
        Status.IN_PROGRESS: False,
        Status.RESPONDED: False,
        Status.REFUSED: True,
        Status.WITHDRAWN: False,
    },
    Status.RESPONDED: {Status.CLOSED: False, Status.IN_PROGRESS: True},
    Status.REFUSED: {Status.CLOSED: False},
    Status.WITHDRAWN: {Status.CLOSED: False},
    Status.CLOSED: {},
}


class IllegalTransition(DsarError):
    code = "illegal_transition"
    en = "A case in state '{current}' cannot move to '{target}'. Allowed: {allowed}."
    fr = "Une demande à l'état « {current} » ne peut pas passer à « {target} ». Possibles : {allowed}."
    exit_code = 1


class ReasonRequired(DsarError):
    code = "reason_required"
    en = "Moving a case to '{target}' needs a written reason (the law asks for one)."
    fr = "Le passage à « {target} » exige un motif écrit (la loi le demande)."
    exit_code = 1


def allowed_transitions(current: Status) -> list[Status]:
    return list(TRANSITIONS[current])


def reason_required(current: Status, target: Status) -> bool:
    """Whether the law wants a written reason for this change of state."""
    return TRANSITIONS[current].get(target, False)


def check_transition(current: Status, target: Status, reason: str | None) -> None:
    """Raise IllegalTransition or ReasonRequired; return quietly if the move is lawful."""
    options = TRANSITIONS[current]
    if target not in options:
        raise IllegalTransition(
            current=current.value, target=target.value, allowed=", ".join(s.value for s in options) or "none"
        )
    if options[target] and not (reason and reason.strip()):
        raise ReasonRequired(target=target.value)


def make_reference(year: int, number: int) -> str:
    return f"DSAR-{year}-{number:04d}"


REFERENCE = re.compile(r"^DSAR-(\d{4})-(\d{4,})$")


def fold_for_search(text: str) -> str:
    """Lower-case, accents removed, œ/æ/ß expanded: 'Héloïse Œuvray' -> 'heloise oeuvray'."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for src, dst in (("œ", "oe"), ("æ", "ae"), ("ß", "ss"), ("ø", "o"), ("ł", "l"), ("đ", "d")):
        text = text.replace(src, dst)
    return " ".join(text.split())


@dataclass
class Person:
    name: str
    email: str | None = None
    phone: str | None = None
    dob: dt.date | None = None
    address: str | None = None
    student_number: str | None = None


@dataclass
class Case:
    id: int
    ref: str
    status: Status
    channel: Channel
    received_at: dt.datetime
    received_date: dt.date
    language: str
    rights: list[Right]
    subject: Person
    requester_name: str | None
    capacity: Capacity
    requester_email: str | None
    requester_address: str | None
    extended: bool
    extension_reason: str | None
    extension_notice_date: dt.date | None
    legal_due: dt.date
    policy_target: dt.date
    current_due: dt.date
    closure_reason: str | None
    manifestly_unfounded: bool
    priority_flag: str | None
    dispatch_date: dt.date | None
    dispatch_number: str | None
    pack_sha256: str | None
    created_at: str
    updated_at: str
    closed_at: str | None
    suspensions: list[tuple[dt.date, dt.date | None]] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def electronic(self) -> bool:
        return self.channel in ELECTRONIC_CHANNELS

    @property
    def requester_display(self) -> str:
        return self.requester_name or self.subject.name


class DispatchChannel(StrEnum):
    """How the reply went out: recorded by a person with the date and the address it went to."""

    EMAIL = "email"
    POST = "post"
    HAND = "hand"


DISPATCH_CHANNEL_LABELS = {
    DispatchChannel.EMAIL: ("E-mail", "Courriel"),
    DispatchChannel.POST: ("Post", "Courrier postal"),
    DispatchChannel.HAND: ("Hand delivery", "Remise en main propre"),
}
