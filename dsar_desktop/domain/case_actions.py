"""What a case allows at a moment, and for each refused action why: the one answer services, CLI and UI share.

`allowed_actions(facts)` takes the case and the few facts around it (today, the legal due
date, the state of its response pack, the retention period) and returns, for every action,
either nothing (allowed) or a `Refusal` with a code and a sentence in English and French.
Services call `check()` before acting and raise the refusal; the CLI prints it; the UI
enables a button or not and shows the sentence as its tooltip and in the blockers list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from .cases import STATUS_LABELS, TRANSITIONS, Capacity, Case, Status
from .deadlines import receipt_date as paris_date
from .errors import DsarError
from .retention import is_due, kept_until

# No response pack, letter print or identity step for a case that is over (RULES F keeps it as a record).
NO_PACK_STATES = frozenset({Status.CLOSED, Status.REFUSED, Status.WITHDRAWN})
# Where "ready to send" and "dispatched" may start from.
DISPATCH_FROM = frozenset({Status.IN_PROGRESS, Status.EXTENDED, Status.READY})


class Action(StrEnum):
    EXTEND = "extend"
    REFUSE = "refuse"
    MARK_UNFOUNDED = "mark_unfounded"
    REQUEST_IDENTITY = "request_identity"
    IDENTITY_STEP = "identity_step"  # record other means, receive a proof, decide
    BUILD_PACK = "build_pack"
    PRINT = "print"
    READY = "ready"
    DISPATCH = "dispatch"
    WITHDRAW = "withdraw"
    CLOSE = "close"
    PURGE = "purge"


@dataclass(frozen=True)
class PackState:
    """The case's latest sealed pack and whether anything that feeds the letter changed after it."""

    built_at: dt.datetime
    sha256: str
    stale_since: dt.datetime | None = None  # a later change to the data, sources or catalogue

    @property
    def current(self) -> bool:
        return self.stale_since is None


@dataclass(frozen=True)
class CaseFacts:
    case: Case
    today: dt.date
    legal_due: dt.date  # D1, the limit for notifying an extension (Art. 12(3))
    pack: PackState | None = None
    retention_years: int = 5
    identity_clock_stopped: bool = False  # a request for proof is out and its answer not recorded
    directives_recorded: bool = True  # for an heir: the deceased's post-mortem directives were looked for (LIL art. 85)


@dataclass(frozen=True)
class Refusal:
    code: str
    en: str
    fr: str

    def sentence(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


class ActionRefused(DsarError):
    """An action the case does not allow now; the sentence says why and what to do."""

    code = "action_refused"
    en = "{en}"
    fr = "{fr}"
    exit_code = 1

    def __init__(self, refusal: Refusal, action: str) -> None:
        super().__init__(en=refusal.en, fr=refusal.fr, reason_code=refusal.code, action=action)
        self.refusal = refusal


@dataclass(frozen=True)
class Allowances:
    """Every action and every transition target: allowed (absent) or refused (with its reason)."""

    status: Status
    refused: dict[Action, Refusal] = field(default_factory=dict)
    targets: dict[Status, Refusal | None] = field(default_factory=dict)

    def allows(self, action: Action) -> bool:
        return action not in self.refused

    def why_not(self, action: Action) -> Refusal | None:
        return self.refused.get(action)

    def check(self, action: Action) -> None:
        refusal = self.refused.get(action)
        if refusal is not None:
            raise ActionRefused(refusal, action.value)

    def allowed_targets(self) -> list[Status]:
        return [target for target, refusal in self.targets.items() if refusal is None]

    def check_target(self, target: Status) -> None:
        refusal = self.targets.get(target)
        if refusal is None and target in self.targets:
            return
        raise ActionRefused(refusal or _not_from(self.status, target), f"transition:{target.value}")

    def blockers(self, language: str, actions: tuple[Action, ...]) -> list[str]:
        """The sentences for the refused actions among `actions`, each once, in order."""
        out: list[str] = []
        for action in actions:
            refusal = self.refused.get(action)
            if refusal is not None and refusal.sentence(language) not in out:
                out.append(refusal.sentence(language))
        return out


def _label(status: Status, language: str) -> str:
    en, fr = STATUS_LABELS[status]
    return fr.lower() if language == "fr" else en.lower()


def _not_from(current: Status, target: Status) -> Refusal:
    allowed_en = ", ".join(_label(s, "en") for s in TRANSITIONS[current]) or "none"
    allowed_fr = ", ".join(_label(s, "fr") for s in TRANSITIONS[current]) or "aucun"
    return Refusal(
        "transition_not_allowed",
        f"A request that is {_label(current, 'en')} cannot become {_label(target, 'en')}. Possible: {allowed_en}.",
        f"Une demande {_label(current, 'fr')} ne peut pas devenir {_label(target, 'fr')}. Possibles : {allowed_fr}.",
    )


def _over(status: Status) -> Refusal:
    return Refusal(
        "case_over",
        f"The request is {_label(status, 'en')}: no response pack, letter or identity step is made for it.",
        f"La demande est {_label(status, 'fr')} : aucun dossier de réponse, courrier ni étape d'identité "
        "n'est fait pour elle.",
    )


NO_PACK = Refusal(
    "no_sealed_pack",
    "No sealed response pack yet: build the pack (Response tab, or `dsar pack build`), or record why the reply "
    "went another way (`dsar case dispatch REF --without-pack --reason TEXT`).",
    "Pas encore de dossier de réponse scellé : produisez le dossier (onglet Réponse, ou `dsar pack build`), ou "
    "indiquez pourquoi la réponse est partie autrement (`dsar case dispatch REF --without-pack --reason TEXTE`).",
)


def _stale(pack: PackState) -> Refusal:
    when = pack.stale_since.date().isoformat() if pack.stale_since else "?"
    return Refusal(
        "pack_out_of_date",
        f"The sealed pack was built before a change of {when} to the data or the catalogue: build it again.",
        f"Le dossier scellé a été produit avant une modification du {when} des données ou du catalogue : "
        "produisez-le à nouveau.",
    )


def allowed_actions(facts: CaseFacts) -> Allowances:
    """Every action the case allows on `facts.today`, and the reason for each one it refuses."""
    case = facts.case
    status = case.status
    refused: dict[Action, Refusal] = {}
    targets: dict[Status, Refusal | None] = {}
    for target in Status:
        if target == status:
            continue
        targets[target] = None if target in TRANSITIONS[status] else _not_from(status, target)

    if status == Status.AWAITING_IDENTITY and facts.identity_clock_stopped:
        # The clock restarts when the proof is recorded (decree 2019-536), not by a bare change of state.
        targets[Status.IN_PROGRESS] = Refusal(
            "awaiting_proof",
            "Waiting for proof of identity: record it (Identity tab, or `dsar case id-received`) to restart the clock.",
            "En attente du justificatif d'identité : enregistrez-le (onglet Identité, ou `dsar case id-received`) "
            "pour relancer le délai.",
        )

    over = status in NO_PACK_STATES
    if over:
        for action in (Action.BUILD_PACK, Action.PRINT, Action.REQUEST_IDENTITY, Action.IDENTITY_STEP):
            refused[action] = _over(status)
    elif status == Status.RESPONDED:
        for action in (Action.BUILD_PACK, Action.REQUEST_IDENTITY, Action.IDENTITY_STEP):
            refused[action] = Refusal(
                "already_responded",
                "The reply was dispatched: reopen the request (back to in progress, with a reason) to change it.",
                "La réponse est partie : rouvrez la demande (retour en cours, avec un motif) pour la modifier.",
            )
    elif status != Status.AWAITING_IDENTITY and targets.get(Status.AWAITING_IDENTITY) is not None:
        refused[Action.REQUEST_IDENTITY] = targets[Status.AWAITING_IDENTITY]  # type: ignore[assignment]
    if case.capacity == Capacity.HEIR and not facts.directives_recorded and Action.BUILD_PACK not in refused:
        # Heirs act only in the absence of directives or within them (LIL art. 85, II): look first.
        refused[Action.BUILD_PACK] = Refusal(
            "directives_not_recorded",
            "Record whether the deceased person left post-mortem directives (none known, general or particular, "
            "and how it was checked) before answering an heir (LIL art. 85).",
            "Enregistrez si la personne décédée a laissé des directives post mortem (aucune connue, générales ou "
            "particulières, et comment cela a été vérifié) avant de répondre à un héritier (art. 85 de la loi "
            "Informatique et Libertés).",
        )

    # Extension (Art. 12(3)): once, with the notice sent on or before D1.
    if case.extended:
        refused[Action.EXTEND] = Refusal(
            "already_extended",
            f"The request is already extended (due {case.current_due.isoformat()}); it can be extended once.",
            f"La demande est déjà prolongée (échéance {case.current_due.isoformat()}) ; elle ne peut l'être "
            "qu'une fois.",
        )
    elif targets.get(Status.EXTENDED) is not None:
        refused[Action.EXTEND] = targets[Status.EXTENDED]  # type: ignore[assignment]
    elif facts.today > facts.legal_due:
        refused[Action.EXTEND] = Refusal(
            "extension_too_late",
            f"The legal due date {facts.legal_due.isoformat()} has passed: an extension must be notified on or "
            "before it (Art. 12(3) GDPR).",
            f"L'échéance légale du {facts.legal_due.isoformat()} est passée : une prolongation doit être notifiée "
            "au plus tard ce jour-là (art. 12(3) RGPD).",
        )

    for action, target in ((Action.REFUSE, Status.REFUSED), (Action.WITHDRAW, Status.WITHDRAWN)):
        if targets.get(target) is not None:
            refused[action] = targets[target]  # type: ignore[assignment]
    if not case.is_open:
        refused[Action.MARK_UNFOUNDED] = Refusal(
            "case_not_open",
            f"The request is {_label(status, 'en')}: only an open request can be marked manifestly unfounded.",
            f"La demande est {_label(status, 'fr')} : seule une demande ouverte peut être qualifiée de "
            "manifestement infondée.",
        )

    # Ready and dispatch: a sealed pack of the current letter (or, for dispatch, a recorded exception).
    for action, target in ((Action.READY, Status.READY), (Action.DISPATCH, Status.RESPONDED)):
        if status not in DISPATCH_FROM:
            refused[action] = _over(status) if over else _not_from(status, target)
        elif action == Action.READY and status == Status.READY:
            refused[action] = _not_from(status, target)
        elif facts.pack is None:
            refused[action] = NO_PACK
        elif not facts.pack.current:
            refused[action] = _stale(facts.pack)
    if status in (Status.IN_PROGRESS, Status.EXTENDED) and Action.READY in refused:
        targets[Status.READY] = refused[Action.READY]
    if status == Status.READY and Action.DISPATCH in refused:
        targets[Status.RESPONDED] = refused[Action.DISPATCH]

    if targets.get(Status.CLOSED) is not None:
        refused[Action.CLOSE] = targets[Status.CLOSED]  # type: ignore[assignment]

    refused_purge = _purge_refusal(case, facts)
    if refused_purge is not None:
        refused[Action.PURGE] = refused_purge
    return Allowances(status=status, refused=refused, targets=targets)


def _purge_refusal(case: Case, facts: CaseFacts) -> Refusal | None:
    if case.status != Status.CLOSED or not case.closed_at:
        return Refusal(
            "not_closed",
            "Only a closed request is purged, once its retention period has passed.",
            "Seule une demande clôturée est purgée, une fois sa durée de conservation écoulée.",
        )
    closed_on = paris_date(dt.datetime.fromisoformat(case.closed_at))
    until = kept_until(closed_on, facts.retention_years)
    if not is_due(closed_on, facts.retention_years, facts.today):
        return Refusal(
            "retention_running",
            f"Closed on {closed_on.isoformat()}: kept {facts.retention_years} years, until "
            f"{until.isoformat()} (RULES F).",
            f"Clôturée le {closed_on.isoformat()} : conservée {facts.retention_years} ans, jusqu'au "
            f"{until.isoformat()}.",
        )
    return None


def dispatch_without_pack_allowed(allowances: Allowances) -> Refusal | None:
    """A reply that went another way may be recorded with its reason, but only from a state that may dispatch."""
    refusal = allowances.why_not(Action.DISPATCH)
    if refusal is None or refusal.code in ("no_sealed_pack", "pack_out_of_date"):
        return None
    return refusal
