"""Retention of closed cases (RULES F): when a case falls due for purge, and the token that binds a
confirmation to the exact list a person previewed.

Counting choice, stated once: a case closed on day C is kept for N years, through C + N years (the
calendar's "same date N years later", 29 February giving 28 February: `domain.calendar.years_after`), and
may be purged from the next day on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from .calendar import years_after
from .errors import InvalidInput

DEFAULT_RETENTION_YEARS = 5  # French civil limitation (Code civil art. 2224)


def check_years(years: int) -> int:
    if not 1 <= int(years) <= 100:
        raise InvalidInput(
            f"A retention period of {years} years is not possible: give 1 to 100 years.",
            f"Une durée de conservation de {years} ans n'est pas possible : indiquez de 1 à 100 ans.",
        )
    return int(years)


def kept_until(closed: dt.date, years: int) -> dt.date:
    """The last day a case closed on `closed` is kept."""
    return years_after(closed, check_years(years))


def purge_due_date(closed: dt.date, years: int) -> dt.date:
    """The first day the case may be purged."""
    return kept_until(closed, years) + dt.timedelta(days=1)


def is_due(closed: dt.date, years: int, today: dt.date) -> bool:
    return today >= purge_due_date(closed, years)


@dataclass(frozen=True)
class PurgeCandidate:
    """A closed case past its retention period: what the preview shows and the tombstone keeps.
    Nothing personal: reference, dates, right codes, outcome code."""

    ref: str
    received: str
    closed: str
    purge_due: str
    rights: tuple[str, ...]
    outcome: str

    def as_dict(self) -> dict[str, object]:
        return {
            "ref": self.ref, "received": self.received, "closed": self.closed, "purge_due": self.purge_due,
            "rights": list(self.rights), "outcome": self.outcome,
        }  # fmt: skip


def preview_token(refs: Sequence[str], years: int) -> str:
    """16 hex digits naming one exact list of references under one retention period."""
    body = f"{years}\n" + "\n".join(sorted(refs))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
