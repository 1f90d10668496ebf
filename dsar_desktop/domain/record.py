"""The record of requests (RULES F): its columns in both languages, one row per case, pseudonymisation.

The record holds the facts of the handling of each request, never identity images and never extract
data: dates, codes, counts, the reasons staff wrote, the proof of dispatch and the pack's SHA-256.
With pseudonymisation, names, e-mail addresses and postal addresses are replaced by the case reference,
also where they appear inside a reason someone typed.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .cases import CAPACITY_LABELS, CHANNEL_LABELS, RIGHT_LABELS, STATUS_LABELS
from .identity import DECISION_LABELS, METHOD_LABELS, PROOF_LABELS
from .statistics import OUTCOME_LABELS

Kind = Literal["text", "date", "int"]


@dataclass(frozen=True)
class Column:
    key: str
    en: str
    fr: str
    kind: Kind = "text"
    width: int = 18  # characters, for the XLSX

    def header(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


COLUMNS: tuple[Column, ...] = (
    Column("ref", "Reference", "Référence", width=16),
    Column("received", "Received on", "Reçue le", "date", 12),
    Column("channel", "Channel", "Canal", width=14),
    Column("language", "Language", "Langue", width=8),
    Column("subject_name", "Data subject", "Personne concernée", width=24),
    Column("subject_email", "Subject's e-mail", "Courriel de la personne", width=26),
    Column("subject_address", "Subject's address", "Adresse de la personne", width=30),
    Column("capacity", "Requester capacity", "Qualité du demandeur", width=22),
    Column("requester_name", "Requester", "Demandeur", width=22),
    Column("requester_email", "Requester's e-mail", "Courriel du demandeur", width=26),
    Column("requester_address", "Requester's address", "Adresse du demandeur", width=30),
    Column("rights", "Rights invoked", "Droits exercés", width=28),
    Column("priority", "Priority", "Priorité", width=14),
    Column("identity_steps", "Identity steps (dates only)", "Étapes d'identité (dates seules)", width=44),
    Column("suspensions", "Clock suspended", "Suspensions du délai", width=26),
    Column("suspension_days", "Days suspended", "Jours de suspension", "int", 10),
    Column("legal_due", "Legal due date (D1)", "Échéance légale (D1)", "date", 12),
    Column("extended", "Extended", "Prolongée", width=10),
    Column("extension_notice", "Extension notified on", "Prolongation notifiée le", "date", 12),
    Column("extension_reason", "Extension reason", "Motif de la prolongation", width=36),
    Column("current_due", "Due date in force", "Échéance en vigueur", "date", 12),
    Column("systems_searched", "Systems searched", "Systèmes interrogés", width=34),
    Column("systems_set_aside", "Systems set aside (reason)", "Systèmes écartés (motif)", width=34),
    Column("exemptions", "Exemptions and restrictions", "Exceptions et restrictions", width=36),
    Column("notifications", "Recipients notified (Art. 19)", "Destinataires notifiés (art. 19)", width=34),
    Column("status", "Status", "État", width=14),
    Column("closure_reason", "Refusal or closure reason", "Motif de refus ou de clôture", width=36),
    Column("dispatched", "Reply dispatched on", "Réponse envoyée le", "date", 12),
    Column("dispatch_proof", "Proof of dispatch", "Preuve d'envoi", width=22),
    Column(
        "without_pack", "Sent without a sealed pack (reason)", "Envoyée sans dossier scellé (motif)", width=30
    ),
    Column("outcome", "Outcome", "Issue", width=24),
    Column("days_to_answer", "Days to answer", "Délai de réponse (jours)", "int", 10),
    Column("closed", "Closed on", "Clôturée le", "date", 12),
    Column("pack_sha256", "Response pack SHA-256", "SHA-256 du dossier de réponse", width=66),
)

# What --pseudonymise replaces by the reference (RULES F: "names replaced by references").
PERSONAL_COLUMNS = frozenset(
    {
        "subject_name",
        "subject_email",
        "subject_address",
        "requester_name",
        "requester_email",
        "requester_address",
    }
)
# Free text staff typed: the names and e-mails above are replaced inside it too.
FREE_TEXT_COLUMNS = frozenset(
    {
        "extension_reason",
        "systems_set_aside",
        "exemptions",
        "closure_reason",
        "notifications",
        "identity_steps",
    }
)


@dataclass(frozen=True)
class IdentityStep:
    """A request for proof (sent, received) or a decision: dates and codes, never the document."""

    on: dt.date
    kind: Literal["requested", "received", "decided"]
    proof: str = ""  # ProofKind value
    method: str = ""  # IdentityMethod value for a decision
    decision: str = ""  # Decision value
    stopped_clock: bool = True  # a request that suspended nothing (no letter, or after the due date) says so


@dataclass(frozen=True)
class Notification:
    """Art. 19: a recipient told of the rectification, erasure or restriction, or why not."""

    recipient: str
    outcome: str  # notified | impossible | disproportionate
    on: dt.date | None
    detail: str  # how it was notified, or why it was not


@dataclass(frozen=True)
class CaseFacts:
    """Everything the record says about one case, as the register holds it."""

    ref: str
    received: dt.date
    channel: str
    language: str
    subject_name: str
    subject_email: str | None
    subject_address: str | None
    capacity: str
    requester_name: str | None
    requester_email: str | None
    requester_address: str | None
    rights: Sequence[str]
    priority: str | None
    status: str
    outcome: str
    legal_due: dt.date
    current_due: dt.date
    extended: bool
    extension_notice: dt.date | None
    extension_reason: str | None
    closure_reason: str | None
    manifestly_unfounded: bool
    dispatched: dt.date | None
    dispatch_number: str | None
    closed: dt.date | None
    pack_sha256: str | None
    suspensions: Sequence[tuple[dt.date, dt.date | None]] = ()
    identity_steps: Sequence[IdentityStep] = ()
    systems_searched: Sequence[str] = ()
    systems_set_aside: Sequence[tuple[str, str]] = ()
    redactions: dict[str, int] = field(default_factory=dict)  # code -> count
    notifications: Sequence[Notification] = ()
    dispatch_channel: str | None = None  # email | post | hand
    without_pack_reason: str | None = None


_WORDS = {
    "en": {
        "yes": "yes", "no": "no", "requested": "requested: {proof}", "received": "received: {proof}",
        "decided": "decision: {decision} ({method})", "open": "still suspended", "unfounded":
        "marked manifestly unfounded or excessive (Art. 12(5))", "redacted": "withheld: {code} × {n}",
        "minor_erasure": "minor's erasure (LIL art. 51)", "not_stopped": " (the clock did not stop)", "notified": "notified",
        "impossible": "impossible", "disproportionate": "disproportionate effort", "email": "e-mail", "none": "",
    },
    "fr": {
        "yes": "oui", "no": "non", "requested": "demande : {proof}", "received": "réception : {proof}",
        "decided": "décision : {decision} ({method})", "open": "toujours suspendu", "unfounded":
        "qualifiée de manifestement infondée ou excessive (art. 12(5))", "redacted": "occulté : {code} × {n}",
        "minor_erasure": "effacement d'un mineur (LIL art. 51)", "not_stopped": " (délai non suspendu)", "notified": "notifié",
        "impossible": "impossible", "disproportionate": "effort disproportionné", "email": "courriel", "none": "",
    },
}  # fmt: skip

REDACTION_LABELS = {
    "third_party": ("third parties' data (Art. 15(4))", "données de tiers (art. 15(4))"),
    "trade_secret": ("trade secret", "secret des affaires"),
    "legal_privilege": ("legal privilege", "secret professionnel"),
    "security": ("security of systems", "sécurité des systèmes"),
    "other": ("other", "autre"),
}


def _label(labels: dict[Any, tuple[str, str]], key: str, language: str) -> str:
    pair = labels.get(key)
    if pair is None:
        return key
    return pair[1] if language == "fr" else pair[0]


def _day(d: dt.date) -> str:
    return d.isoformat()


def row_of(facts: CaseFacts, language: str, system_names: dict[str, str] | None = None) -> dict[str, Any]:
    """One row of the record: dates as `datetime.date`, counts as int, the rest as text."""
    w = _WORDS["fr" if language == "fr" else "en"]
    names = system_names or {}
    steps = []
    for step in facts.identity_steps:
        proof = _label(PROOF_LABELS, step.proof, language)
        if step.kind == "decided":
            text = w["decided"].format(
                decision=_label(DECISION_LABELS, step.decision, language),
                method=_label(METHOD_LABELS, step.method, language),
            )
        else:
            text = w[step.kind].format(proof=proof)
            if step.kind == "requested" and not step.stopped_clock:
                text += w["not_stopped"]
        steps.append(f"{_day(step.on)} {text}")
    spans = [f"{_day(a)} → {_day(b) if b else w['open']}" for a, b in facts.suspensions]
    suspended = sum(((b or a) - a).days for a, b in facts.suspensions)
    exemptions = []
    if facts.manifestly_unfounded:
        exemptions.append(w["unfounded"])
    for code, count in sorted(facts.redactions.items()):
        exemptions.append(w["redacted"].format(code=_label(REDACTION_LABELS, code, language), n=count))
    flags = [w[f] if f in w else f for f in (facts.priority or "").split(",") if f]
    return {
        "ref": facts.ref,
        "received": facts.received,
        "channel": _label(CHANNEL_LABELS, facts.channel, language),
        "language": facts.language,
        "subject_name": facts.subject_name,
        "subject_email": facts.subject_email or "",
        "subject_address": _one_line(facts.subject_address),
        "capacity": _label(CAPACITY_LABELS, facts.capacity, language),
        "requester_name": facts.requester_name or "",
        "requester_email": facts.requester_email or "",
        "requester_address": _one_line(facts.requester_address),
        "rights": ", ".join(_label(RIGHT_LABELS, r, language) for r in facts.rights),
        "priority": ", ".join(flags),
        "identity_steps": " | ".join(steps),
        "suspensions": " | ".join(spans),
        "suspension_days": suspended,
        "legal_due": facts.legal_due,
        "extended": w["yes"] if facts.extended else w["no"],
        "extension_notice": facts.extension_notice,
        "extension_reason": facts.extension_reason or "",
        "current_due": facts.current_due,
        "systems_searched": ", ".join(names.get(s, s) for s in facts.systems_searched),
        "systems_set_aside": " | ".join(
            f"{names.get(s, s)} ({reason})" for s, reason in facts.systems_set_aside
        ),
        "exemptions": " | ".join(exemptions),
        "notifications": " | ".join(
            f"{n.recipient}: {w[n.outcome] if n.outcome in w else n.outcome}"
            + (f" {_day(n.on)}" if n.on else "")
            + (f" ({n.detail})" if n.detail else "")
            for n in facts.notifications
        ),
        "status": _label(STATUS_LABELS, facts.status, language),
        "closure_reason": facts.closure_reason or "",
        "dispatched": facts.dispatched,
        "dispatch_proof": " · ".join(x for x in (facts.dispatch_channel, facts.dispatch_number) if x),
        "without_pack": facts.without_pack_reason or "",
        "outcome": _label(OUTCOME_LABELS, facts.outcome, language),
        "days_to_answer": (facts.dispatched - facts.received).days if facts.dispatched else None,
        "closed": facts.closed,
        "pack_sha256": facts.pack_sha256 or "",
    }


def _one_line(block: str | None) -> str:
    return ", ".join(line.strip() for line in (block or "").splitlines() if line.strip())


def _needles(facts: CaseFacts) -> list[str]:
    """The personal strings of a case, longest first, to be replaced inside free text."""
    out: set[str] = set()
    for value in (facts.subject_name, facts.requester_name, facts.subject_email, facts.requester_email):
        if value and value.strip():
            out.add(value.strip())
            # a surname or first name typed alone, once it is long enough not to hit ordinary words
            out.update(part for part in re.split(r"[\s,]+", value) if len(part) >= 3 and "@" not in part)
    for block in (facts.subject_address, facts.requester_address):
        for line in (block or "").splitlines():
            if line.strip():
                out.add(line.strip())
        if block and block.strip():
            out.add(_one_line(block))
    return sorted(out, key=len, reverse=True)


def pseudonymise(row: dict[str, Any], facts: CaseFacts) -> dict[str, Any]:
    """The row with names, e-mails and addresses replaced by the reference, in their columns and in the
    free text staff typed (case-insensitive)."""
    out = row  # a fresh row from row_of: changed in place (50,000 copies cost)
    for key in PERSONAL_COLUMNS:
        if out.get(key):
            out[key] = facts.ref
    typed = [key for key in FREE_TEXT_COLUMNS if out.get(key)]
    if typed:  # most rows have none: the needles are looked for only where someone wrote something
        needles = _needles(facts)
        for key in typed:
            out[key] = _scrub(str(out[key]), needles, facts.ref)
    return out


def _scrub(text: str, needles: list[str], ref: str) -> str:
    folded = text.casefold()
    hits = [n for n in needles if n.casefold() in folded]
    if not hits:
        return text
    return re.compile("|".join(re.escape(n) for n in hits), re.IGNORECASE).sub(ref, text)


def headers(language: str) -> list[str]:
    return [c.header(language) for c in COLUMNS]


_IN_ORDER = operator.itemgetter(*(c.key for c in COLUMNS))


def values(row: dict[str, Any]) -> list[Any]:
    return list(_IN_ORDER(row))


def iter_rows(
    facts: Iterable[CaseFacts], language: str, pseudonymised: bool, system_names: dict[str, str] | None = None
) -> Iterable[list[Any]]:
    for item in facts:
        row = row_of(item, language, system_names)
        yield values(pseudonymise(row, item) if pseudonymised else row)
