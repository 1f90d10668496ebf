"""Calendar arithmetic shared by every rule: "N months/years after" a date, with one 29 February rule.

The rule is Regulation 1182/71 art. 3(2)(c), the one RULES A2 applies to the legal
due date: a period in months or years ends on the same date; when that date does not
exist in the final month, on the last day of that month. So 29 February plus one year
is 28 February, and 31 January plus one month is 28 (or 29) February. Ages, retention
periods, identity-card validity and deadlines all count this way.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day-of-month `months` later (earlier when negative), clamped to the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = _calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def years_after(day: dt.date, years: int) -> dt.date:
    """The same date `years` later (earlier when negative); 29 February becomes 28 February in a common year."""
    return months_after(day, 12 * years)


def completed_years(start: dt.date, on: dt.date) -> int:
    """Whole years from `start` to `on` (an age): the largest n with years_after(start, n) <= on."""
    years = on.year - start.year
    if years_after(start, years) > on:
        years -= 1
    return years
