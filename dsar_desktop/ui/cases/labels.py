"""Words the case screens share: days-left sentences, rights, states, priority flags, the start-up notice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtGui import QColor

from ...domain import deadlines as dl
from ...domain.cases import (
    CAPACITY_LABELS,
    CHANNEL_LABELS,
    RIGHT_LABELS,
    STATUS_LABELS,
    Capacity,
    Channel,
    Right,
    Status,
)
from ...services.cases import Dashboard
from ..i18n import language, pick, tr

# Row colours: always paired with a sentence, never the only signal (RULES A8).
LEVEL_BACKGROUND = {"overdue": QColor("#f8d7da"), "warning": QColor("#fff3cd")}
LEVEL_FOREGROUND = {"overdue": QColor("#842029"), "warning": QColor("#664d03")}


def today_paris() -> dt.date:
    return dt.datetime.now(dl.PARIS).date()


TodayProvider = Callable[[], dt.date]


def days_left_text(left: dl.DaysLeft) -> str:
    """'Overdue by 4 days', 'Due today', '3 days left (2 working)'."""
    n = left.calendar_days
    if n < 0:
        return tr("Overdue by 1 day") if n == -1 else tr("Overdue by {n} days", n=-n)
    if n == 0:
        return tr("Due today")
    if n == 1:
        return tr("1 day left ({w} working)", w=left.working_days)
    return tr("{n} days left ({w} working)", n=n, w=left.working_days)


def status_text(status: Status) -> str:
    return pick(STATUS_LABELS[status])


def right_text(right: Right) -> str:
    return pick(RIGHT_LABELS[right])


def rights_text(rights: Iterable[Right]) -> str:
    return ", ".join(right_text(r) for r in rights)


def channel_text(channel: Channel) -> str:
    return pick(CHANNEL_LABELS[channel])


def capacity_text(capacity: Capacity) -> str:
    return pick(CAPACITY_LABELS[capacity])


def date_text(day: dt.date | None) -> str:
    return dl.format_date(day, language()) if day else "—"


def paris_moment(stamp: str | dt.datetime) -> dt.datetime | None:
    """A stored moment (ISO text, UTC when it has no zone) as Paris time; None when it is not a moment."""
    try:
        moment = stamp if isinstance(stamp, dt.datetime) else dt.datetime.fromisoformat(str(stamp))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dl.PARIS)


def moment_text(stamp: str | dt.datetime | None) -> str:
    """'mar. 1 décembre 2026 17:05' / 'Tue 1 Dec 2026 17:05', in Paris time: the register stores UTC."""
    if not stamp:
        return "—"
    local = paris_moment(stamp)
    return f"{date_text(local.date())} {local:%H:%M}" if local else str(stamp)


def moment_day_text(stamp: str | dt.datetime | None) -> str:
    """The Paris calendar day of a stored moment (a UTC 23:30 is the next day in Paris)."""
    if not stamp:
        return "—"
    local = paris_moment(stamp)
    return date_text(local.date()) if local else str(stamp)


def date_width() -> int:
    """Pixels a date column needs: French month names are spelled out ('mer. 22 décembre 2026')."""
    return 175 if language() == "fr" else 130


def days_left_width() -> int:
    """Pixels the days-left column needs for its longest usual text ('29 jours restants (20 ouvrés)')."""
    return 215 if language() == "fr" else 185


def priority_text(flag: str | None, long: bool = False) -> str:
    """The priority flags of a case in words (empty when none)."""
    if not flag:
        return ""
    words = []
    for part in flag.split(","):
        if part.strip() == "minor_erasure":
            words.append(
                tr("Erasure requested by a minor (LIL art. 51): handle without delay")
                if long
                else tr("Minor's erasure (LIL art. 51)")
            )
        elif part.strip():
            words.append(part.strip())
    return "; ".join(words)


def due_soon_summary(dashboard: Dashboard) -> str | None:
    """The start-up notice: '3 requests overdue, 5 due within 7 days', or None when nothing is pressing."""
    parts = []
    overdue, soon = len(dashboard.overdue), len(dashboard.due_within_7)
    if overdue:
        parts.append(tr("1 request overdue") if overdue == 1 else tr("{n} requests overdue", n=overdue))
    if soon:
        parts.append(tr("1 due within 7 days") if soon == 1 else tr("{n} due within 7 days", n=soon))
    return ", ".join(parts) if parts else None
