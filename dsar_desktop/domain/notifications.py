"""Art. 19 notifications of recipients, and when a confirmation of rectification, erasure or
restriction may be produced (what it may say is only what is recorded).

Pure rules; services/notifications.py records, services/letters.py prints. The check of a
case's state lives here so the allowed-actions function of domain/cases.py can fold it in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .cases import Status
from .errors import InvalidInput

OUTCOMES = ("notified", "impossible", "disproportionate")
# confirmations that Art. 19 concerns (the other rights have no notification duty)
ART19_KINDS = frozenset({"confirmation_erasure", "confirmation_rectification", "confirmation_restriction"})
# a reply can go out only from these states: identity settled, case open and being answered
ANSWERING = frozenset({Status.IN_PROGRESS, Status.EXTENDED, Status.READY, Status.RESPONDED})


@dataclass(frozen=True)
class Notification:
    source: str  # catalogue processing id
    recipient: str  # as the catalogue names it
    outcome: str  # notified | impossible | disproportionate
    notified_on: dt.date | None = None
    means: str | None = None
    reason: str | None = None


def check_notification(
    outcome: str, notified_on: dt.date | None, means: str | None, reason: str | None, today: dt.date
) -> None:
    """A notification says when and how; an impossibility or disproportionate effort says why."""
    if outcome not in OUTCOMES:
        raise InvalidInput(
            f"Unknown outcome {outcome!r}: use notified, impossible or disproportionate.",
            f"Issue inconnue {outcome!r} : notified, impossible ou disproportionate.",
        )
    if outcome == "notified":
        if notified_on is None or not (means or "").strip():
            raise InvalidInput(
                "A notification needs its date and how it was made (e-mail, letter, ticket...).",
                "Une notification doit indiquer sa date et son moyen (courriel, courrier, ticket…).",
            )
        if notified_on > today:
            raise InvalidInput(
                f"The notification date {notified_on.isoformat()} is in the future.",
                f"La date de notification {notified_on.isoformat()} est dans le futur.",
            )
    elif len((reason or "").split()) < 3:
        raise InvalidInput(
            "Say why informing this recipient is impossible or would take disproportionate effort (a sentence).",
            "Indiquez pourquoi informer ce destinataire est impossible ou exigerait des efforts disproportionnés "
            "(une phrase).",
        )


def missing_notifications(
    expected: Iterable[tuple[str, str]], recorded: Sequence[Notification]
) -> list[tuple[str, str]]:
    """(source, recipient) pairs of the register with nothing recorded yet."""
    done = {(n.source, n.recipient) for n in recorded}
    return [pair for pair in expected if pair not in done]


def confirmation_blockers(
    status: Status,
    identity_established: bool,
    disclosure_block: tuple[str, str] | None,
    expected: Sequence[tuple[str, str]],
    recorded: Sequence[Notification],
) -> list[tuple[str, str]]:
    """Every reason (English, French) a confirmation of rectification, erasure or restriction may
    not be produced yet; empty when it may."""
    out: list[tuple[str, str]] = []
    if status not in ANSWERING:
        out.append(
            (
                f"the case is '{status.value}': a confirmation goes out only once the identity is settled and "
                "the request is being answered",
                f"la demande est à l'état « {status.value} » : une confirmation ne part qu'une fois l'identité "
                "établie et la demande en cours de traitement",
            )
        )
    if not identity_established:
        out.append(
            ("the identity of the requester is not established", "l'identité du demandeur n'est pas établie")
        )
    if disclosure_block:
        out.append(disclosure_block)
    missing = missing_notifications(expected, recorded)
    if missing:
        names = "; ".join(r for _, r in missing)
        out.append(
            (
                f"no notification (or reason why not) is recorded for these recipients (Art. 19): {names}",
                f"aucune notification (ni motif d'impossibilité) n'est enregistrée pour ces destinataires "
                f"(art. 19) : {names}",
            )
        )
    return out
