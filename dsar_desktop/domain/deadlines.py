"""Deadline engine: receipt date, legal due date, policy target, extension, suspension, days left.

Pure functions over dates (RULES.md section A). Counting choices, stated once:

* Receipt (A1): the Europe/Paris calendar date of the moment the request arrived; a naive
  datetime is taken as Paris local time.
* D1 (A2): the day of receipt is not counted; the period ends on the same date one month
  later, or on the last day of that month when that date does not exist; a Saturday,
  Sunday or public holiday moves the end to the next working day.
* Policy target T (A4): the earlier of (receipt + 30 calendar days, moved BACK to the previous
  working day when it is not one, so the 30-day promise is kept) and D1.
* Extension D3 (A5): the earlier of (receipt + 3 months) and (D1 before rolling + 2 months),
  each clamped to the month end, then rolled. ``can_extend`` allows a notice sent on or
  before D1.
* Suspension for identity (A6): a suspension that starts on day S (ID request sent) and
  ends on day E (ID received) stops the clock for ``E - S`` days (a same-day answer stops
  nothing; sent Mon 1 Mar, received Thu 11 Mar = 10 days). Overlapping suspensions are
  merged so no day counts twice. The total is added to each date before rolling: D1,
  T (receipt + 30 + days) and D3 (the earlier of the two bases + days); T is then capped
  by the suspended D1. A suspension still open (``ended`` None) counts up to ``today``
  (the date given to ``compute_deadlines``, else the system date) and the result is
  marked ``suspension_open``: the due dates then move every day until the ID arrives.
  Only a running period can be suspended (A6): suspensions are taken in order and one that
  starts after the due date in force at that moment (D1 with the earlier suspensions, or D3
  when the case is extended) is listed as lapsed, stops nothing, and the explanation says so.
* Days left (A8): calendar days = due - today; working days = the working days after
  today up to and including the due date (negative, counted the other way, when overdue).
  Level "overdue" once today is after the due date, "warning" when due within 7 calendar
  days (today included), else "ok".
* Holidays (A3): the ``holidays`` package, ``holidays.France``; Alsace-Moselle is its
  subdivision "57" (Moselle), which adds Good Friday and 26 December — the same days as
  Bas-Rhin (67) and Haut-Rhin (68), which the package does not list separately.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Literal, cast
from zoneinfo import ZoneInfo

import holidays

from .calendar import months_after
from .errors import InvalidInput

Calendar = Literal["national", "alsace-moselle"]
CALENDARS: tuple[Calendar, ...] = ("national", "alsace-moselle")
PARIS = ZoneInfo("Europe/Paris")
POLICY_DAYS = 30
WARNING_DAYS = 7

_DAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS_FR = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
_MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_WEEKDAY_FULL_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_FULL_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


# ---------------------------------------------------------------------------- calendars


def normalise_calendar(value: str) -> Calendar:
    """'national' or 'alsace-moselle' (also accepts 'Alsace_Moselle'); else InvalidInput."""
    if value in CALENDARS:
        return cast(Calendar, value)
    key = str(value).strip().lower().replace("_", "-").replace(" ", "-")
    if key not in CALENDARS:
        raise InvalidInput(
            f"Unknown holiday calendar {value!r}: use 'national' or 'alsace-moselle'.",
            f"Calendrier de jours fériés inconnu {value!r} : utilisez 'national' ou 'alsace-moselle'.",
        )
    return cast(Calendar, key)


@lru_cache(maxsize=512)
def _holiday_table(calendar: Calendar, year: int, language: str) -> Mapping[datetime.date, str]:
    subdiv = "57" if calendar == "alsace-moselle" else None
    table = holidays.France(years=year, subdiv=subdiv, language=language)
    return MappingProxyType({d: str(name) for d, name in table.items()})


def _table(d: datetime.date, calendar: str, language: str = "en") -> Mapping[datetime.date, str]:
    lang = "en_US" if language == "en" else "fr" if language.lower().startswith("fr") else "en_US"
    return _holiday_table(normalise_calendar(calendar), d.year, lang)


def holiday_name(d: datetime.date, calendar: Calendar = "national", language: str = "en") -> str | None:
    """The public holiday's name on that date ('Easter Monday' / 'Lundi de Pâques'), or None."""
    return _table(d, calendar, language).get(d)


def is_working_day(d: datetime.date, calendar: Calendar = "national") -> bool:
    """Monday to Friday and not a public holiday of that calendar."""
    return d.weekday() < 5 and d not in _table(d, calendar)


def roll_to_working_day(d: datetime.date, calendar: Calendar = "national") -> datetime.date:
    """The date itself when it is a working day, else the next working day."""
    while not is_working_day(d, calendar):
        d += datetime.timedelta(days=1)
    return d


def _working_days_after(start: datetime.date, end: datetime.date, calendar: Calendar) -> int:
    """Working days d with start < d <= end (0 when end <= start); O(1) plus the holidays."""
    if end <= start:
        return 0
    span = (end - start).days
    weeks, rest = divmod(span, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if (start + datetime.timedelta(days=offset)).weekday() < 5:
            count += 1
    for year in range(start.year, end.year + 1):
        for day in _table(datetime.date(year, 1, 1), calendar):
            if start < day <= end and day.weekday() < 5:
                count -= 1
    return count


# ---------------------------------------------------------------------------- dates


def receipt_date(received_at: datetime.datetime | datetime.date) -> datetime.date:
    """The Paris calendar date of a receipt moment (23:30 UTC on 31 Jan -> 1 Feb).

    An aware datetime in any zone is converted to Europe/Paris; a naive one is taken as
    Paris local time already; a plain date is returned unchanged.
    """
    if isinstance(received_at, datetime.datetime):
        if received_at.tzinfo is None or received_at.utcoffset() is None:
            return received_at.date()
        return received_at.astimezone(PARIS).date()
    if isinstance(received_at, datetime.date):
        return received_at
    raise InvalidInput(f"Not a date: {received_at!r}", f"Ce n'est pas une date : {received_at!r}")


def add_months(d: datetime.date, months: int) -> tuple[datetime.date, bool]:
    """Same day-of-month `months` later, clamped to the month end (`domain.calendar`); True when it was clamped."""
    moved = months_after(d, months)
    return moved, moved.day != d.day


@lru_cache(maxsize=16384)
def format_date(d: datetime.date, language: str = "en") -> str:
    """'Tue 30 Mar 2027' in English, 'mar. 30 mars 2027' in French (1st: 'lun. 1er mars')."""
    if language.lower().startswith("fr"):
        day = "1er" if d.day == 1 else str(d.day)
        return f"{_DAYS_FR[d.weekday()]} {day} {_MONTHS_FR[d.month - 1]} {d.year}"
    return f"{_DAYS_EN[d.weekday()]} {d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def today_paris() -> datetime.date:
    """Today's date in Paris: the office's calendar, whatever the workstation's time zone."""
    return datetime.datetime.now(PARIS).date()


def parse_date(text: str, what: str = "date", what_fr: str = "date") -> datetime.date:
    """A YYYY-MM-DD date within the years the rules can count with, or InvalidInput naming the field."""
    try:
        value = datetime.date.fromisoformat(str(text).strip())
        if not 1900 <= value.year <= 2200:
            raise ValueError("out of range")
        return value
    except ValueError:
        raise InvalidInput(
            f"Invalid {what} {text!r}: expected a real date as YYYY-MM-DD.",
            f"{what_fr.capitalize()} invalide {text!r} : date réelle attendue au format AAAA-MM-JJ.",
        ) from None


# ---------------------------------------------------------------------------- suspensions


@dataclass(frozen=True)
class Suspension:
    """The clock stopped for identity: from the day the ID request was sent to the day it arrived."""

    started: datetime.date
    ended: datetime.date | None = None


def _merged_spans(
    suspensions: Sequence[Suspension], received: datetime.date, today: datetime.date
) -> list[tuple[datetime.date, datetime.date, bool]]:
    spans: list[tuple[datetime.date, datetime.date, bool]] = []
    for s in suspensions:
        if s.started < received:
            raise InvalidInput(
                f"The ID request ({s.started.isoformat()}) cannot precede the receipt ({received.isoformat()}).",
                f"La demande de justificatif ({s.started.isoformat()}) ne peut précéder la réception "
                f"({received.isoformat()}).",
            )
        if s.ended is not None and s.ended < s.started:
            raise InvalidInput(
                f"The ID arrived ({s.ended.isoformat()}) before it was requested ({s.started.isoformat()}).",
                f"Le justificatif est arrivé ({s.ended.isoformat()}) avant d'être demandé "
                f"({s.started.isoformat()}).",
            )
        end = s.ended if s.ended is not None else max(today, s.started)
        spans.append((s.started, end, s.ended is None))
    spans.sort()
    merged: list[tuple[datetime.date, datetime.date, bool]] = []
    for start, end, still_open in spans:
        if merged and start <= merged[-1][1]:
            prev_start, prev_end, prev_open = merged[-1]
            merged[-1] = (prev_start, max(prev_end, end), prev_open or still_open)
        else:
            merged.append((start, end, still_open))
    return merged


# ---------------------------------------------------------------------------- result types


@dataclass(frozen=True)
class Deadlines:
    """Every date of a case with the steps that produced it, in English and French."""

    received: datetime.date
    legal_due: datetime.date  # D1, suspensions included, rolled
    legal_due_unrolled: datetime.date  # receipt + 1 month (clamped) + suspension days, before rolling
    policy_target: datetime.date  # T
    extended_due: datetime.date  # D3, suspensions included, rolled
    suspension_days: int
    calendar: str
    explanation_en: list[str] = field(default_factory=list)
    explanation_fr: list[str] = field(default_factory=list)
    suspension_open: bool = False
    lapsed_suspensions: int = 0

    def due(self, extended: bool) -> datetime.date:
        """The current due date: D3 once extended, else D1."""
        return self.extended_due if extended else self.legal_due

    def explanation(self, language: str = "en") -> list[str]:
        return self.explanation_fr if language.lower().startswith("fr") else self.explanation_en

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as YYYY-MM-DD."""
        return {
            "received": self.received.isoformat(),
            "legal_due": self.legal_due.isoformat(),
            "legal_due_unrolled": self.legal_due_unrolled.isoformat(),
            "policy_target": self.policy_target.isoformat(),
            "extended_due": self.extended_due.isoformat(),
            "suspension_days": self.suspension_days,
            "suspension_open": self.suspension_open,
            "lapsed_suspensions": self.lapsed_suspensions,
            "calendar": self.calendar,
            "explanation": "\n".join(self.explanation_en),
            "explanation_fr": "\n".join(self.explanation_fr),
            "explanation_lines": list(self.explanation_en),
            "explanation_lines_fr": list(self.explanation_fr),
        }


@dataclass(frozen=True)
class DaysLeft:
    calendar_days: int
    working_days: int
    level: Literal["ok", "warning", "overdue"]


# ---------------------------------------------------------------------------- explanation


class _Explainer:
    """Collects parallel English and French lines."""

    def __init__(self, calendar: Calendar) -> None:
        self.calendar = calendar
        self.en: list[str] = []
        self.fr: list[str] = []

    def add(self, en: str, fr: str) -> None:
        self.en.append(en)
        self.fr.append(fr)

    def shift(self, label_en: str, label_fr: str, base: datetime.date, days: int) -> datetime.date:
        moved = base + datetime.timedelta(days=days)
        if days:
            self.add(
                f"{label_en}: {format_date(base, 'en')} + {days} days of suspension = {format_date(moved, 'en')}",
                f"{label_fr} : {format_date(base, 'fr')} + {days} jours de suspension = "
                f"{format_date(moved, 'fr')}",
            )
        return moved

    def roll(self, d: datetime.date, step: int = 1) -> datetime.date:
        """Roll to a working day (forward, or back with step=-1), saying why each skipped day is not one."""
        while not is_working_day(d, self.calendar):
            en_name = holiday_name(d, self.calendar, "en")
            fr_name = holiday_name(d, self.calendar, "fr")
            day_en, day_fr = format_date(d, "en"), format_date(d, "fr")
            if d.weekday() >= 5 and en_name:
                self.add(
                    f"{day_en} is a {_WEEKDAY_FULL_EN[d.weekday()]} and {en_name}",
                    f"{day_fr} est un {_WEEKDAY_FULL_FR[d.weekday()]} et un jour férié ({fr_name})",
                )
            elif d.weekday() >= 5:
                self.add(
                    f"{day_en} is a {_WEEKDAY_FULL_EN[d.weekday()]}",
                    f"{day_fr} est un {_WEEKDAY_FULL_FR[d.weekday()]}",
                )
            else:
                self.add(
                    f"{day_en} is {en_name}, a public holiday",
                    f"{day_fr} est un jour férié ({fr_name})",
                )
            d += datetime.timedelta(days=step)
        return d

    def months_later(self, label_en: str, label_fr: str, start: datetime.date, months: int) -> datetime.date:
        end, clamped = add_months(start, months)
        if clamped:
            self.add(
                f"{label_en}: there is no {start.day} {_MONTHS_EN[end.month - 1]} {end.year}, "
                f"so the last day of that month, {format_date(end, 'en')}",
                f"{label_fr} : il n'y a pas de {start.day} {_MONTHS_FR[end.month - 1]} {end.year}, "
                f"donc le dernier jour du mois, {format_date(end, 'fr')}",
            )
        else:
            self.add(f"{label_en}: {format_date(end, 'en')}", f"{label_fr} : {format_date(end, 'fr')}")
        return end


# ---------------------------------------------------------------------------- the engine


def compute_deadlines(
    received: datetime.date,
    calendar: Calendar = "national",
    suspensions: Sequence[Suspension] = (),
    today: datetime.date | None = None,
    extended: bool = False,
) -> Deadlines:
    """D1, T and D3 for a request received on `received` (a Paris date), with their explanation.

    `extended`: the case's period was extended, so the due date in force against which a
    late suspension is judged is D3 rather than D1."""
    if isinstance(received, datetime.datetime):
        received = receipt_date(received)
    cal = normalise_calendar(calendar)
    if today is None:
        today = today_paris()
    spans = _merged_spans(suspensions, received, today)
    result = _compute(received, cal, tuple(spans), extended)
    # The cached result is shared: hand out fresh lists so a caller cannot alter it.
    return replace(
        result, explanation_en=list(result.explanation_en), explanation_fr=list(result.explanation_fr)
    )


@lru_cache(maxsize=4096)
def _compute(
    received: datetime.date,
    cal: Calendar,
    all_spans: tuple[tuple[datetime.date, datetime.date, bool], ...],
    extended: bool = False,
) -> Deadlines:
    base_d1, _ = add_months(received, 1)
    base_d3 = min(add_months(received, 3)[0], add_months(base_d1, 2)[0])
    spans: list[tuple[datetime.date, datetime.date, bool]] = []
    lapsed: list[tuple[datetime.date, datetime.date, datetime.date]] = []
    days = 0
    for start, end, span_open in all_spans:
        base = base_d3 if extended else base_d1
        in_force = roll_to_working_day(base + datetime.timedelta(days=days), cal)
        if start > in_force:
            lapsed.append((start, end, in_force))
            continue
        spans.append((start, end, span_open))
        days += (end - start).days
    still_open = any(o for _, _, o in spans)
    lapsed_lines = _lapsed_lines(lapsed, extended)
    x = _Explainer(cal)

    if cal == "alsace-moselle":
        x.add(
            "Calendar: Alsace-Moselle public holidays (French national ones plus Good Friday and 26 December)",
            "Calendrier : jours fériés d'Alsace-Moselle (fériés nationaux plus Vendredi saint et 26 décembre)",
        )
    else:
        x.add("Calendar: French national public holidays", "Calendrier : jours fériés nationaux français")
    x.add(
        f"received {format_date(received, 'en')}; the day of receipt is not counted",
        f"reçue le {format_date(received, 'fr')} ; le jour de la réception ne compte pas",
    )
    for start, end, span_open in spans:
        until_en = "today, still waiting for the ID" if span_open else "the ID arrived"
        until_fr = "aujourd'hui, justificatif toujours attendu" if span_open else "arrivée du justificatif"
        x.add(
            f"identity check: clock stopped from {format_date(start, 'en')} (ID requested) to "
            f"{format_date(end, 'en')} ({until_en}): {(end - start).days} days",
            f"vérification d'identité : délai suspendu du {format_date(start, 'fr')} (justificatif demandé) "
            f"au {format_date(end, 'fr')} ({until_fr}) : {(end - start).days} jours",
        )

    for en, fr in lapsed_lines:
        x.add(en, fr)

    # D1
    base_d1 = x.months_later("one month later", "un mois plus tard", received, 1)
    d1_unrolled = x.shift("with the suspension", "avec la suspension", base_d1, days)
    legal_due = x.roll(d1_unrolled)
    x.add(
        f"legal due date (D1): {format_date(legal_due, 'en')}",
        f"échéance légale (D1) : {format_date(legal_due, 'fr')}",
    )

    # T
    base_t = received + datetime.timedelta(days=POLICY_DAYS)
    x.add(
        f"policy target: received + {POLICY_DAYS} days = {format_date(base_t, 'en')}",
        f"objectif interne : réception + {POLICY_DAYS} jours = {format_date(base_t, 'fr')}",
    )
    t_rolled = x.roll(
        x.shift("policy target with the suspension", "objectif avec la suspension", base_t, days), step=-1
    )
    policy_target = min(t_rolled, legal_due)
    if t_rolled > legal_due:
        x.add(
            f"policy target: {format_date(policy_target, 'en')} (D1 comes first)",
            f"objectif interne : {format_date(policy_target, 'fr')} (D1 arrive avant)",
        )
    else:
        x.add(
            f"policy target: {format_date(policy_target, 'en')}",
            f"objectif interne : {format_date(policy_target, 'fr')}",
        )

    # D3
    three = x.months_later(
        "if extended: receipt + 3 months", "en cas de prolongation : réception + 3 mois", received, 3
    )
    two = x.months_later(
        f"if extended: D1 before rolling ({format_date(base_d1, 'en')}) + 2 months",
        f"en cas de prolongation : D1 avant report ({format_date(base_d1, 'fr')}) + 2 mois",
        base_d1,
        2,
    )
    base_d3 = min(three, two)
    x.add(
        f"if extended: the earlier of the two is {format_date(base_d3, 'en')}",
        f"en cas de prolongation : la plus proche des deux est le {format_date(base_d3, 'fr')}",
    )
    extended_due = x.roll(
        x.shift("extended with the suspension", "prolongée avec la suspension", base_d3, days)
    )
    x.add(
        f"extended due date (D3), if the extension notice is sent by D1: {format_date(extended_due, 'en')}",
        f"échéance prolongée (D3), si la prolongation est notifiée avant D1 : {format_date(extended_due, 'fr')}",
    )
    if still_open:
        x.add(
            "the clock is still stopped: these dates move by one day each day until the ID arrives",
            "le délai est toujours suspendu : ces dates reculent d'un jour chaque jour jusqu'à l'arrivée du "
            "justificatif",
        )

    return Deadlines(
        received=received,
        legal_due=legal_due,
        legal_due_unrolled=d1_unrolled,
        policy_target=policy_target,
        extended_due=extended_due,
        suspension_days=days,
        calendar=cal,
        explanation_en=x.en,
        explanation_fr=x.fr,
        suspension_open=still_open,
        lapsed_suspensions=len(lapsed),
    )


def _lapsed_lines(
    lapsed: list[tuple[datetime.date, datetime.date, datetime.date]], extended: bool
) -> list[tuple[str, str]]:
    which_en, which_fr = (
        ("extended due date", "échéance prolongée") if extended else ("legal due date", "échéance légale")
    )
    out = []
    for start, _end, in_force in lapsed:
        out.append(
            (
                f"identity request sent {format_date(start, 'en')}, after the {which_en} in force "
                f"({format_date(in_force, 'en')}): the period had already ended, so it suspends nothing "
                "and the case stays late (decree 2019-536 suspends only a running period)",
                f"demande de justificatif envoyée le {format_date(start, 'fr')}, après l'{which_fr} en vigueur "
                f"({format_date(in_force, 'fr')}) : le délai était déjà expiré, elle ne suspend rien "
                "et la demande reste en retard (le décret n° 2019-536 ne suspend qu'un délai en cours)",
            )
        )
    return out


def can_extend(deadlines: Deadlines, notice_date: datetime.date) -> bool:
    """An extension notice counts only when sent on or before D1 (Art. 12(3))."""
    return notice_date <= deadlines.legal_due


def days_left(today: datetime.date, due: datetime.date, calendar: Calendar = "national") -> DaysLeft:
    """Calendar and working days from today to the due date; negative once overdue."""
    cal = normalise_calendar(calendar)
    calendar_days = (due - today).days
    if due >= today:
        working = _working_days_after(today, due, cal)
    else:
        working = -_working_days_after(due, today, cal)
    return DaysLeft(calendar_days=calendar_days, working_days=working, level=due_level(calendar_days))


def due_level(calendar_days_left: int) -> Literal["ok", "warning", "overdue"]:
    """RULES A8: past due is an alarm, due within WARNING_DAYS a warning."""
    if calendar_days_left < 0:
        return "overdue"
    return "warning" if calendar_days_left <= WARNING_DAYS else "ok"
