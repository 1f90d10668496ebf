"""Statistics of the register for any period: the figures (counts only, nothing personal) and how they are summed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import statistics as pystats
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .cases import CAPACITY_LABELS, CHANNEL_LABELS, RIGHT_LABELS, STATUS_LABELS
from .deadlines import Calendar, Suspension, compute_deadlines, format_date
from .errors import InvalidInput

# Outcome of a request received in the year, each request in exactly one of these.
# An answer counts as on time or late only when a sealed response pack went out: a dispatch recorded
# without a pack is its own outcome (nothing in the register proves what was sent).
OUTCOME_ON_TIME = "answered_on_time"
OUTCOME_LATE = "answered_late"
OUTCOME_WITHOUT_PACK = "answered_without_pack"
OUTCOME_REFUSED = "refused"
OUTCOME_WITHDRAWN = "withdrawn"
OUTCOME_PENDING = "pending"
OUTCOMES = (
    OUTCOME_ON_TIME, OUTCOME_LATE, OUTCOME_WITHOUT_PACK, OUTCOME_REFUSED, OUTCOME_WITHDRAWN, OUTCOME_PENDING,
)  # fmt: skip

OUTCOME_LABELS = {
    OUTCOME_ON_TIME: ("Answered on time", "Répondues dans le délai"),
    OUTCOME_LATE: ("Answered late", "Répondues en retard"),
    OUTCOME_WITHOUT_PACK: ("Answered without a response pack", "Répondues sans dossier de réponse"),
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


_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
}


def check_year(year: int) -> int:
    if not 1900 <= int(year) <= 9999:
        raise InvalidInput(
            f"The year {year} is not a four-digit year.",
            f"L'année {year} n'est pas une année à quatre chiffres.",
        )
    return int(year)


@dataclass(frozen=True)
class Period:
    """The requests received from `start` to `end`, both days included (Paris receipt dates)."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInput(
                f"The period ends ({self.end.isoformat()}) before it starts ({self.start.isoformat()}).",
                f"La période se termine ({self.end.isoformat()}) avant de commencer ({self.start.isoformat()}).",
            )

    @classmethod
    def of_year(cls, year: int) -> Period:
        year = check_year(year)
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @property
    def calendar_year(self) -> int | None:
        """The year when the period is exactly one calendar year, else None."""
        whole = self.start == dt.date(self.start.year, 1, 1) and self.end == dt.date(self.start.year, 12, 31)
        return self.start.year if whole else None

    def months(self) -> list[str]:
        """Every month the period touches, as YYYY-MM."""
        out = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out

    def label(self, language: str) -> str:
        """'2027' for a calendar year, else 'Mon 1 Mar 2027 – Wed 30 Jun 2027' in the language."""
        if self.calendar_year is not None:
            return str(self.calendar_year)
        start, end = day_label(self.start, language), day_label(self.end, language)
        return f"du {start} au {end}" if language == "fr" else f"{start} – {end}"


def day_label(day: dt.date, language: str) -> str:
    """'1 Mar 2027' / '1er mars 2027': the date without its weekday."""
    return format_date(day, language).split(" ", 1)[1]


def month_label(month: str, language: str) -> str:
    """'Mar 2027' / 'mars 2027' for '2027-03'."""
    year, number = month.split("-")
    return f"{_MONTHS['fr' if language == 'fr' else 'en'][int(number) - 1]} {year}"


@dataclass(frozen=True)
class MonthPoint:
    """One month of the trend: requests received in it, replies dispatched in it (whatever their receipt)."""

    month: str  # YYYY-MM
    received: int
    answered: int


@dataclass(frozen=True)
class Statistics:
    """The figures of the requests received in a period (by receipt date, Paris time). Counts only.

    by_right counts requests invoking each right: a request may invoke several, so its sum can exceed
    `received`. Days to answer run from the receipt date to the dispatch date, in calendar days, over
    the requests answered (refused and withdrawn ones are counted apart and not in the delays).
    `late_by_lapsed_suspension` is the part of the late answers whose identity request was sent after
    the due date in force: such a request suspends nothing (RULES A6), so the answer is late.
    """

    period_from: str
    period_to: str
    year: int | None  # set when the period is one calendar year
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
    late_by_lapsed_suspension: int
    median_days_to_answer: float | None
    p90_days_to_answer: int | None
    max_days_to_answer: int | None
    as_of: str
    monthly: list[MonthPoint] = field(default_factory=list)

    @property
    def period(self) -> Period:
        return Period(dt.date.fromisoformat(self.period_from), dt.date.fromisoformat(self.period_to))

    @property
    def on_time(self) -> int:
        return self.by_outcome.get(OUTCOME_ON_TIME, 0)

    @property
    def late(self) -> int:
        return self.by_outcome.get(OUTCOME_LATE, 0)

    @property
    def without_pack(self) -> int:
        return self.by_outcome.get(OUTCOME_WITHOUT_PACK, 0)

    @property
    def on_time_percent(self) -> float | None:
        return round(100 * self.on_time / self.answered, 1) if self.answered else None

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["on_time_percent"] = self.on_time_percent
        out["answered_without_pack"] = self.without_pack
        return out


def judged_due(
    received: dt.date,
    calendar: Calendar,
    suspensions: Sequence[Suspension],
    extended: bool,
    today: dt.date,
    late_requests: Sequence[dt.date] = (),
) -> tuple[dt.date, bool]:
    """(the due date an answer is judged against, True when a request for ID came after the due date in
    force). The deadline engine leaves out any suspension that started after the due date in force
    (RULES A6), also for cases recorded before that rule; `late_requests` are the sending dates of
    requests the register recorded without stopping the clock."""
    deadlines = compute_deadlines(received, calendar, suspensions, today=today, extended=extended)
    due = deadlines.due(extended)
    return due, deadlines.lapsed_suspensions > 0 or any(sent > due for sent in late_requests)


def outcome_of(ending: str, dispatched: str | None, has_pack: bool, due: str) -> str:
    """One request's outcome (OUTCOMES). `ending` is its status, or for a closed case the status it was
    closed from; `due` the due date it is judged against (YYYY-MM-DD, lapsed suspensions left out)."""
    return outcome_from(ending, bool(dispatched), has_pack, bool(dispatched) and str(dispatched) <= due)


def outcome_from(ending: str, dispatched: bool, has_pack: bool, by_due_date: bool) -> str:
    """The same rule from facts already compared (what a grouped count of many requests gives)."""
    if ending == "refused":
        return OUTCOME_REFUSED
    if ending == "withdrawn":
        return OUTCOME_WITHDRAWN
    if not dispatched:
        return OUTCOME_PENDING
    if not has_pack:
        return OUTCOME_WITHOUT_PACK
    return OUTCOME_ON_TIME if by_due_date else OUTCOME_LATE


def summarise_delays(days: Sequence[int]) -> tuple[float | None, int | None, int | None]:
    """(median, 90th percentile, maximum) of the days to answer."""
    return median_days(days), percentile_nearest_rank(days, 90), (max(days) if days else None)


# ---- labels shared by the PDF report, the page and the CLI ----------------------------------
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Data subject requests — statistics for {period}",
        "scope": "Requests received from {start} to {end} (receipt date, Paris time). "
        "Figures as of {as_of}. Counts only: this report contains no personal data.",
        "key": "Key figures",
        "figure": "Figure",
        "count": "Number",
        "received": "Requests received",
        "answered": "Requests answered",
        "on_time": "Answered on time (by the due date, extension included)",
        "late": "Answered late",
        "lapsed": "of which an identity request was sent after the due date (it suspended nothing)",
        "without_pack": "Answered without a sealed response pack",
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
        "page": "{org} · statistics {period} · page {x}",
        "empty": "No request was received in this period.",
        "monthly": "Month by month",
        "section": "Section",
        "scope_from": "Received from",
        "scope_to": "Received until",
        "month": "Month",
        "received_line": "Received",
        "answered_line": "Answered",
        "charts": "Requests by right and by channel",
        "method": "How these figures are counted",
        "method_1": "Each request counts in the period it was received, whatever the date of its answer.",
        "method_2": "On time: the reply was dispatched on or before the due date — one month from receipt "
        "(Art. 12(3)), moved by any suspension while awaiting an identity document, or the extended date "
        "when an extension was notified in time.",
        "method_3": "Days to answer: calendar days from receipt to dispatch, over answered requests only. "
        "Refused and withdrawn requests are counted apart.",
        "method_4": "The 30-day target is the internal policy target (the earlier of 30 days and the legal date).",
        "method_5": "An answer counts as on time or late only when a sealed response pack was sent; a dispatch "
        "recorded without a pack is counted apart, and the share on time is taken over all answers.",
        "method_6": "An identity request sent after the due date suspends nothing (decree no. 2019-536 of 29 May 2019, art. 1): such "
        "answers are judged against the due date without that suspension.",
        "method_7": "Month by month: requests received in the month, and replies dispatched in the month "
        "whatever their receipt date.",
    },
    "fr": {
        "title": "Demandes d'exercice des droits — statistiques {period}",
        "scope": "Demandes reçues du {start} au {end} (date de réception, heure de Paris). "
        "Chiffres arrêtés au {as_of}. Décomptes uniquement : ce rapport ne contient aucune donnée "
        "personnelle.",
        "key": "Chiffres clés",
        "figure": "Indicateur",
        "count": "Nombre",
        "received": "Demandes reçues",
        "answered": "Demandes répondues",
        "on_time": "Répondues dans le délai (échéance, prolongation comprise)",
        "late": "Répondues en retard",
        "lapsed": "dont justificatif demandé après l'échéance (sans effet suspensif)",
        "without_pack": "Répondues sans dossier de réponse scellé",
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
        "page": "{org} · statistiques {period} · page {x}",
        "empty": "Aucune demande reçue sur cette période.",
        "monthly": "Mois par mois",
        "section": "Rubrique",
        "scope_from": "Reçues à partir du",
        "scope_to": "Reçues jusqu'au",
        "month": "Mois",
        "received_line": "Reçues",
        "answered_line": "Répondues",
        "charts": "Demandes par droit et par canal",
        "method": "Comment ces chiffres sont établis",
        "method_1": "Chaque demande compte dans la période de sa réception, quelle que soit la date de la réponse.",
        "method_2": "Dans le délai : la réponse est partie au plus tard à l'échéance — un mois après la "
        "réception (art. 12(3)), reportée de toute suspension dans l'attente d'un justificatif d'identité, "
        "ou la date prolongée quand la prolongation a été notifiée à temps.",
        "method_3": "Délai de réponse : jours calendaires de la réception à l'envoi, sur les seules demandes "
        "répondues. Les demandes refusées ou retirées sont comptées à part.",
        "method_4": "L'objectif de 30 jours est l'objectif interne de la politique (le plus tôt de 30 jours et "
        "de l'échéance légale).",
        "method_5": "Une réponse n'est comptée dans le délai ou en retard que si un dossier de réponse scellé est "
        "parti ; un envoi consigné sans dossier est compté à part, et la part dans le délai porte sur toutes "
        "les réponses.",
        "method_6": "Un justificatif demandé après l'échéance ne suspend rien (décret n° 2019-536 du 29 mai 2019, art. 1er) : "
        "ces réponses sont jugées sur l'échéance sans cette suspension.",
        "method_7": "Mois par mois : demandes reçues dans le mois, et réponses envoyées dans le mois quelle que "
        "soit leur date de réception.",
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
        (w["lapsed"], format_number(stats.late_by_lapsed_suspension, language)),
        (w["without_pack"], format_number(stats.without_pack, language)),
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


def figures_csv(stats: Statistics, language: str, as_of: str) -> bytes:
    """The figures of the report as CSV for French Excel (UTF-8 with BOM, `;`): section, figure, value."""
    w = WORDS[language]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([w["section"], w["figure"], w["count"]])
    writer.writerow([w["key"], w["scope_from"], stats.period_from])
    writer.writerow([w["key"], w["scope_to"], stats.period_to])
    for label, value in key_figures(stats, language, as_of):
        writer.writerow([w["key"], label, value])
    for heading, rows, _note in breakdowns(stats, language, as_of):
        for label, count in rows:
            writer.writerow([heading, label, count])
    for point in stats.monthly:
        writer.writerow([f"{w['monthly']} — {w['received_line']}", point.month, point.received])
        writer.writerow([f"{w['monthly']} — {w['answered_line']}", point.month, point.answered])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
