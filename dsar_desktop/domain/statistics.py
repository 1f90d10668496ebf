"""Year-end statistics of the register: the figures (counts only, nothing personal) and how they are summed."""

from __future__ import annotations

import math
import statistics as pystats
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from .cases import CAPACITY_LABELS, CHANNEL_LABELS, RIGHT_LABELS, STATUS_LABELS

# Outcome of a request received in the year, each request in exactly one of these.
OUTCOME_ON_TIME = "answered_on_time"
OUTCOME_LATE = "answered_late"
OUTCOME_REFUSED = "refused"
OUTCOME_WITHDRAWN = "withdrawn"
OUTCOME_PENDING = "pending"
OUTCOMES = (OUTCOME_ON_TIME, OUTCOME_LATE, OUTCOME_REFUSED, OUTCOME_WITHDRAWN, OUTCOME_PENDING)

OUTCOME_LABELS = {
    OUTCOME_ON_TIME: ("Answered on time", "Répondues dans le délai"),
    OUTCOME_LATE: ("Answered late", "Répondues en retard"),
    OUTCOME_REFUSED: ("Refused (Art. 12(4)/(5))", "Refusées (art. 12(4)/(5))"),
    OUTCOME_WITHDRAWN: ("Withdrawn by the requester", "Retirées par le demandeur"),
    OUTCOME_PENDING: ("Not yet answered", "Pas encore répondues"),
}


def percentile_nearest_rank(values: Sequence[int], percent: float) -> int | None:
    """The smallest value such that `percent` % of the values are at or below it (nearest-rank method)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]


def median_days(values: Sequence[int]) -> float | None:
    return float(pystats.median(values)) if values else None


@dataclass(frozen=True)
class Statistics:
    """The figures of one calendar year of requests (by receipt date, Paris time). Counts only.

    by_right counts requests invoking each right: a request may invoke several, so its sum can exceed
    `received`. Days to answer run from the receipt date to the dispatch date, in calendar days, over
    the requests answered (refused and withdrawn ones are counted apart and not in the delays).
    """

    year: int
    received: int
    by_right: dict[str, int]
    by_channel: dict[str, int]
    by_capacity: dict[str, int]
    by_status: dict[str, int]
    by_outcome: dict[str, int]
    answered: int
    within_policy_target: int
    pending_overdue: int
    extended: int
    identity_requested: int
    minor_erasure_priority: int
    manifestly_unfounded: int
    median_days_to_answer: float | None
    p90_days_to_answer: int | None
    max_days_to_answer: int | None
    as_of: str

    @property
    def on_time(self) -> int:
        return self.by_outcome.get(OUTCOME_ON_TIME, 0)

    @property
    def late(self) -> int:
        return self.by_outcome.get(OUTCOME_LATE, 0)

    @property
    def on_time_percent(self) -> float | None:
        return round(100 * self.on_time / self.answered, 1) if self.answered else None

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["on_time_percent"] = self.on_time_percent
        return out


def summarise_delays(days: Sequence[int]) -> tuple[float | None, int | None, int | None]:
    """(median, 90th percentile, maximum) of the days to answer."""
    return median_days(days), percentile_nearest_rank(days, 90), (max(days) if days else None)


# ---- labels shared by the PDF report, the page and the CLI ----------------------------------
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Data subject requests — statistics for {year}",
        "scope": "Requests received from 1 January to 31 December {year} (receipt date, Paris time). "
        "Figures as of {as_of}. Counts only: this report contains no personal data.",
        "key": "Key figures",
        "figure": "Figure",
        "count": "Number",
        "received": "Requests received",
        "answered": "Requests answered",
        "on_time": "Answered on time (by the due date, extension included)",
        "late": "Answered late",
        "on_time_share": "Share of answers on time",
        "within_target": "Answered within the 30-day policy target",
        "median": "Median time to answer (calendar days)",
        "p90": "Time within which 90 % of answers were sent (calendar days)",
        "max": "Longest time to answer (calendar days)",
        "extended": "Extensions used (Art. 12(3))",
        "identity": "Requests where an identity document was asked for",
        "minors": "Erasure requests by minors handled in priority (LIL art. 51)",
        "unfounded": "Marked manifestly unfounded or excessive (Art. 12(5))",
        "pending_overdue": "Not yet answered and past due on {as_of}",
        "outcome": "Outcome",
        "by_right": "Rights invoked",
        "right_note": "A request may invoke several rights, so these counts may add up to more than the "
        "requests received.",
        "by_channel": "Channel",
        "by_capacity": "Requester",
        "by_status": "Status on {as_of}",
        "total": "Total",
        "none": "—",
        "days": "{n} days",
        "page": "{org} · statistics {year} · page {x}",
        "empty": "No request was received in {year}.",
        "method": "How these figures are counted",
        "method_1": "Each request counts in the year it was received, whatever the year of its answer.",
        "method_2": "On time: the reply was dispatched on or before the due date — one month from receipt "
        "(Art. 12(3)), moved by any suspension while awaiting an identity document, or the extended date "
        "when an extension was notified in time.",
        "method_3": "Days to answer: calendar days from receipt to dispatch, over answered requests only. "
        "Refused and withdrawn requests are counted apart.",
        "method_4": "The 30-day target is the internal policy target (the earlier of 30 days and the legal date).",
    },
    "fr": {
        "title": "Demandes d'exercice des droits — statistiques {year}",
        "scope": "Demandes reçues du 1er janvier au 31 décembre {year} (date de réception, heure de Paris). "
        "Chiffres arrêtés au {as_of}. Décomptes uniquement : ce rapport ne contient aucune donnée "
        "personnelle.",
        "key": "Chiffres clés",
        "figure": "Indicateur",
        "count": "Nombre",
        "received": "Demandes reçues",
        "answered": "Demandes répondues",
        "on_time": "Répondues dans le délai (échéance, prolongation comprise)",
        "late": "Répondues en retard",
        "on_time_share": "Part des réponses dans le délai",
        "within_target": "Répondues dans l'objectif interne de 30 jours",
        "median": "Délai médian de réponse (jours calendaires)",
        "p90": "Délai dans lequel 90 % des réponses sont parties (jours calendaires)",
        "max": "Délai de réponse le plus long (jours calendaires)",
        "extended": "Prolongations (art. 12(3))",
        "identity": "Demandes avec justificatif d'identité demandé",
        "minors": "Demandes d'effacement de mineurs traitées en priorité (LIL art. 51)",
        "unfounded": "Qualifiées de manifestement infondées ou excessives (art. 12(5))",
        "pending_overdue": "Non répondues et en retard au {as_of}",
        "outcome": "Issue",
        "by_right": "Droits invoqués",
        "right_note": "Une demande peut invoquer plusieurs droits : ces nombres peuvent totaliser plus "
        "que les demandes reçues.",
        "by_channel": "Canal",
        "by_capacity": "Demandeur",
        "by_status": "État au {as_of}",
        "total": "Total",
        "none": "—",
        "days": "{n} jours",
        "page": "{org} · statistiques {year} · page {x}",
        "empty": "Aucune demande reçue en {year}.",
        "method": "Comment ces chiffres sont établis",
        "method_1": "Chaque demande compte dans l'année de sa réception, quelle que soit l'année de la réponse.",
        "method_2": "Dans le délai : la réponse est partie au plus tard à l'échéance — un mois après la "
        "réception (art. 12(3)), reportée de toute suspension dans l'attente d'un justificatif d'identité, "
        "ou la date prolongée quand la prolongation a été notifiée à temps.",
        "method_3": "Délai de réponse : jours calendaires de la réception à l'envoi, sur les seules demandes "
        "répondues. Les demandes refusées ou retirées sont comptées à part.",
        "method_4": "L'objectif de 30 jours est l'objectif interne de la politique (le plus tôt de 30 jours et "
        "de l'échéance légale).",
    },
}


def format_number(value: float | None, language: str, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:g}" if isinstance(value, float) else str(value)
    if language == "fr":
        text = text.replace(".", ",")
    return f"{text}\u00a0{unit}" if unit else text


def key_figures(stats: Statistics, language: str, as_of: str) -> list[tuple[str, str]]:
    """(label, value) rows of the key figures, in the report's order (the page and the CLI show the same).

    `as_of` is the date of the figures as the caller writes dates."""
    w = WORDS[language]
    return [
        (w["received"], format_number(stats.received, language)),
        (w["answered"], format_number(stats.answered, language)),
        (w["on_time"], format_number(stats.on_time, language)),
        (w["late"], format_number(stats.late, language)),
        (w["on_time_share"], format_number(stats.on_time_percent, language, "%")),
        (w["within_target"], format_number(stats.within_policy_target, language)),
        (w["median"], format_number(stats.median_days_to_answer, language)),
        (w["p90"], format_number(stats.p90_days_to_answer, language)),
        (w["max"], format_number(stats.max_days_to_answer, language)),
        (w["extended"], format_number(stats.extended, language)),
        (w["identity"], format_number(stats.identity_requested, language)),
        (w["minors"], format_number(stats.minor_erasure_priority, language)),
        (w["unfounded"], format_number(stats.manifestly_unfounded, language)),
        (w["pending_overdue"].format(as_of=as_of), format_number(stats.pending_overdue, language)),
    ]


def breakdowns(
    stats: Statistics, language: str, as_of: str
) -> list[tuple[str, list[tuple[str, int]], str | None]]:
    """(heading, [(label, count)], note) of each breakdown table."""
    index = 1 if language == "fr" else 0
    w = WORDS[language]

    def labelled(counts: dict[str, int], labels: dict[Any, tuple[str, str]]) -> list[tuple[str, int]]:
        return [(labels[key][index] if key in labels else key, n) for key, n in counts.items()]

    outcome = [(OUTCOME_LABELS[k][index], stats.by_outcome.get(k, 0)) for k in OUTCOMES]
    return [
        (w["outcome"], outcome, None),
        (w["by_right"], labelled(stats.by_right, RIGHT_LABELS), w["right_note"]),
        (w["by_channel"], labelled(stats.by_channel, CHANNEL_LABELS), None),
        (w["by_capacity"], labelled(stats.by_capacity, CAPACITY_LABELS), None),
        (
            w["by_status"].format(as_of=as_of),
            labelled(stats.by_status, STATUS_LABELS),
            None,
        ),
    ]
