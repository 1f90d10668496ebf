"""Deadline engine: D1, policy target, extension and the holiday calendars on hand-worked dates (RULES A2-A5)."""

from __future__ import annotations

import calendar
import datetime as dt

import holidays
import pytest

from dsar_desktop.domain.deadlines import (
    add_months,
    can_extend,
    compute_deadlines,
    holiday_name,
    is_working_day,
    roll_to_working_day,
)
from dsar_desktop.domain.errors import InvalidInput

D = dt.date.fromisoformat
TODAY = dt.date(2026, 1, 1)

# (received, calendar, legal due D1) — each worked out by hand from RULES A2/A3.
LEGAL_DUE_CASES = [
    # the two examples of the rules and the issue
    ("2027-07-15", "national", "2027-08-16"),  # Sun 15 Aug (Sunday and Assumption) -> Mon 16 Aug
    ("2027-02-28", "national", "2027-03-30"),  # Sun 28 Mar -> Mon 29 Mar Easter Monday -> Tue 30 Mar
    # plain dates
    ("2026-11-02", "national", "2026-12-02"),  # Wed 2 Dec
    ("2027-03-10", "national", "2027-04-12"),  # Sat 10 Apr -> Mon 12 Apr
    ("2027-02-01", "national", "2027-03-01"),  # Mon 1 Mar
    ("2027-05-03", "national", "2027-06-03"),  # Thu 3 Jun
    # month ends
    ("2027-01-31", "national", "2027-03-01"),  # no 31 Feb -> Sun 28 Feb 2027 -> Mon 1 Mar
    ("2027-01-29", "national", "2027-03-01"),  # no 29 Feb in 2027 -> Sun 28 Feb -> Mon 1 Mar
    ("2027-01-28", "national", "2027-03-01"),  # Sun 28 Feb (not clamped) -> Mon 1 Mar
    ("2028-01-31", "national", "2028-02-29"),  # leap year: Tue 29 Feb 2028
    ("2028-01-30", "national", "2028-02-29"),  # no 30 Feb -> Tue 29 Feb 2028
    ("2028-01-29", "national", "2028-02-29"),  # Tue 29 Feb 2028 exists
    ("2028-02-29", "national", "2028-03-29"),  # from a leap day: Wed 29 Mar 2028
    ("2026-03-31", "national", "2026-04-30"),  # no 31 Apr -> Thu 30 Apr 2026
    ("2026-05-31", "national", "2026-06-30"),  # no 31 Jun -> Tue 30 Jun 2026
    ("2026-08-31", "national", "2026-09-30"),  # no 31 Sep -> Wed 30 Sep 2026
    ("2026-10-31", "national", "2026-11-30"),  # no 31 Nov -> Mon 30 Nov 2026
    ("2026-12-31", "national", "2027-02-01"),  # Sun 31 Jan 2027 -> Mon 1 Feb 2027 (year change)
    ("2027-03-31", "national", "2027-04-30"),  # Fri 30 Apr 2027
    ("2028-03-31", "national", "2028-05-02"),  # Sun 30 Apr -> Mon 1 May (Labour Day) -> Tue 2 May 2028
    # fixed holidays
    ("2026-12-01", "national", "2027-01-04"),  # Fri 1 Jan 2027 New Year -> Sat, Sun -> Mon 4 Jan
    ("2027-12-01", "national", "2028-01-03"),  # Sat 1 Jan 2028 -> Mon 3 Jan
    ("2026-04-01", "national", "2026-05-04"),  # Fri 1 May 2026 -> Mon 4 May
    ("2028-04-01", "national", "2028-05-02"),  # Mon 1 May 2028 -> Tue 2 May
    ("2026-04-08", "national", "2026-05-11"),  # Fri 8 May 2026 -> Mon 11 May
    ("2027-04-08", "national", "2027-05-10"),  # Sat 8 May 2027 -> Mon 10 May
    ("2028-04-08", "national", "2028-05-09"),  # Mon 8 May 2028 -> Tue 9 May
    ("2026-06-14", "national", "2026-07-15"),  # Tue 14 Jul 2026 -> Wed 15 Jul
    ("2027-06-14", "national", "2027-07-15"),  # Wed 14 Jul 2027 -> Thu 15 Jul
    ("2028-06-14", "national", "2028-07-17"),  # Fri 14 Jul 2028 -> Mon 17 Jul
    ("2026-07-15", "national", "2026-08-17"),  # Sat 15 Aug 2026 -> Mon 17 Aug
    ("2028-07-15", "national", "2028-08-16"),  # Tue 15 Aug 2028 -> Wed 16 Aug
    ("2026-10-01", "national", "2026-11-02"),  # Sun 1 Nov 2026 -> Mon 2 Nov
    ("2027-10-01", "national", "2027-11-02"),  # Mon 1 Nov 2027 -> Tue 2 Nov
    ("2028-10-01", "national", "2028-11-02"),  # Wed 1 Nov 2028 -> Thu 2 Nov
    ("2026-10-11", "national", "2026-11-12"),  # Wed 11 Nov 2026 -> Thu 12 Nov
    ("2027-10-11", "national", "2027-11-12"),  # Thu 11 Nov 2027 -> Fri 12 Nov
    ("2026-11-25", "national", "2026-12-28"),  # Fri 25 Dec 2026 -> Sat 26, Sun 27 -> Mon 28 Dec
    ("2028-11-25", "national", "2028-12-26"),  # Mon 25 Dec 2028 -> Tue 26 Dec (no holiday nationally)
    ("2029-11-25", "national", "2029-12-26"),  # Tue 25 Dec 2029 -> Wed 26 Dec
    # movable holidays
    ("2026-03-06", "national", "2026-04-07"),  # Mon 6 Apr 2026 Easter Monday -> Tue 7 Apr
    ("2028-03-17", "national", "2028-04-18"),  # Mon 17 Apr 2028 Easter Monday -> Tue 18 Apr
    ("2029-03-02", "national", "2029-04-03"),  # Mon 2 Apr 2029 Easter Monday -> Tue 3 Apr
    ("2026-04-14", "national", "2026-05-15"),  # Thu 14 May 2026 Ascension -> Fri 15 May
    ("2027-04-06", "national", "2027-05-07"),  # Thu 6 May 2027 Ascension -> Fri 7 May
    ("2028-04-25", "national", "2028-05-26"),  # Thu 25 May 2028 Ascension -> Fri 26 May
    ("2026-04-25", "national", "2026-05-26"),  # Mon 25 May 2026 Whit Monday -> Tue 26 May
    ("2027-04-17", "national", "2027-05-18"),  # Mon 17 May 2027 Whit Monday -> Tue 18 May
    ("2028-05-05", "national", "2028-06-06"),  # Mon 5 Jun 2028 Whit Monday -> Tue 6 Jun
    ("2030-05-10", "national", "2030-06-11"),  # Mon 10 Jun 2030 Whit Monday -> Tue 11 Jun
    ("2008-04-01", "national", "2008-05-02"),  # Thu 1 May 2008: Ascension and Labour Day -> Fri 2 May
    # Alsace-Moselle: Good Friday and 26 December
    ("2027-02-26", "national", "2027-03-26"),  # Fri 26 Mar 2027 is a working day nationally
    ("2027-02-26", "alsace-moselle", "2027-03-30"),  # Good Friday, Sat, Easter Sunday, Easter Monday -> Tue
    ("2026-03-03", "national", "2026-04-03"),
    ("2026-03-03", "alsace-moselle", "2026-04-07"),  # Fri 3 Apr 2026 Good Friday .. Mon 6 Apr -> Tue 7 Apr
    ("2028-03-14", "national", "2028-04-14"),
    ("2028-03-14", "alsace-moselle", "2028-04-18"),  # Fri 14 Apr 2028 Good Friday .. Mon 17 Apr -> Tue 18
    ("2028-11-25", "alsace-moselle", "2028-12-27"),  # Mon 25 Dec, Tue 26 Dec (St Stephen) -> Wed 27 Dec
    ("2029-11-25", "alsace-moselle", "2029-12-27"),  # Tue 25 Dec, Wed 26 Dec -> Thu 27 Dec
    ("2030-11-26", "national", "2030-12-26"),  # Thu 26 Dec 2030 is a working day nationally
    ("2030-11-26", "alsace-moselle", "2030-12-27"),  # ... not in Alsace-Moselle -> Fri 27 Dec
    ("2026-11-25", "alsace-moselle", "2026-12-28"),  # 26 Dec 2026 is a Saturday anyway
    ("2027-07-15", "alsace-moselle", "2027-08-16"),  # national holidays still apply
]


@pytest.mark.parametrize(("received", "cal", "expected"), LEGAL_DUE_CASES)
def test_legal_due_date(received: str, cal: str, expected: str) -> None:
    result = compute_deadlines(D(received), cal, today=TODAY)  # type: ignore[arg-type]
    assert result.legal_due == D(expected)
    assert result.due(extended=False) == D(expected)
    assert result.suspension_days == 0
    assert result.calendar == cal


@pytest.mark.parametrize(("received", "cal", "expected"), LEGAL_DUE_CASES)
def test_expected_dates_are_working_days_by_the_stdlib_calendar(
    received: str, cal: str, expected: str
) -> None:
    """Sanity check of the table itself: weekday from the stdlib, holidays straight from the package."""
    due = D(expected)
    assert calendar.weekday(due.year, due.month, due.day) < 5
    table = holidays.France(years=due.year, subdiv="57" if cal == "alsace-moselle" else None)
    assert due not in table
    assert 28 <= (due - D(received)).days <= 36


# (received, unrolled D1) — the same date a month later, or the month's last day.
@pytest.mark.parametrize(
    ("received", "unrolled", "clamped"),
    [
        ("2027-01-31", "2027-02-28", True),
        ("2028-01-31", "2028-02-29", True),
        ("2028-01-29", "2028-02-29", False),
        ("2027-03-31", "2027-04-30", True),
        ("2027-12-31", "2028-01-31", False),
        ("2027-02-28", "2027-03-28", False),
        ("2027-07-15", "2027-08-15", False),
    ],
)
def test_unrolled_legal_due(received: str, unrolled: str, clamped: bool) -> None:
    assert compute_deadlines(D(received), today=TODAY).legal_due_unrolled == D(unrolled)
    assert add_months(D(received), 1) == (D(unrolled), clamped)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2027-11-30", 3, "2028-02-29"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2027-10-31", 3, "2028-01-31"),
        ("2027-12-31", 2, "2028-02-29"),
        ("2027-12-15", 1, "2028-01-15"),
        ("2027-05-31", 3, "2027-08-31"),
    ],
)
def test_add_months(start: str, months: int, expected: str) -> None:
    assert add_months(D(start), months)[0] == D(expected)


# (received, policy target T): the earlier of receipt + 30 days (moved BACK to a working day, so the
# 30-day promise is kept: RULES A4 as revised) and D1. The rows marked "was" rolled forward before.
@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("2027-02-28", "2027-03-30"),  # +30 = Tue 30 Mar = D1
        ("2027-01-31", "2027-03-01"),  # +30 = Tue 2 Mar, D1 Mon 1 Mar comes first
        ("2027-03-10", "2027-04-09"),  # +30 = Fri 9 Apr, before D1 Mon 12 Apr
        ("2027-07-15", "2027-08-13"),  # +30 = Sat 14 Aug -> back to Fri 13 Aug (was Mon 16 Aug, day 32)
        ("2026-11-02", "2026-12-02"),  # 30-day month: +30 = D1
        ("2027-02-01", "2027-03-01"),  # 28-day month: +30 = 3 Mar, D1 1 Mar comes first
        ("2027-12-01", "2027-12-31"),  # +30 = Fri 31 Dec, before D1 Mon 3 Jan 2028
        ("2027-04-06", "2027-05-05"),  # +30 = Thu 6 May Ascension -> back to Wed 5 May (was Fri 7 May)
        ("2027-05-03", "2027-06-02"),  # +30 = Wed 2 Jun, D1 Thu 3 Jun
        ("2028-03-31", "2028-04-28"),  # +30 = Sun 30 Apr -> Sat 29 -> Fri 28 Apr (was Tue 2 May)
        ("2026-12-02", "2026-12-31"),  # +30 = Fri 1 Jan 2027 holiday -> back to Thu 31 Dec (was Mon 4 Jan)
        ("2028-02-29", "2028-03-29"),  # +30 = Thu 30 Mar; D1 Wed 29 Mar comes first
    ],
)
def test_policy_target(received: str, expected: str) -> None:
    result = compute_deadlines(D(received), today=TODAY)
    assert result.policy_target == D(expected)
    assert result.policy_target <= result.legal_due
    assert result.policy_target <= D(received) + dt.timedelta(days=30)


# (received, calendar, extended due D3): min(receipt + 3 months, unrolled D1 + 2 months), clamped, rolled.
@pytest.mark.parametrize(
    ("received", "cal", "expected"),
    [
        ("2027-02-28", "national", "2027-05-28"),  # Fri 28 May
        ("2027-07-15", "national", "2027-10-15"),  # Fri 15 Oct
        ("2027-01-31", "national", "2027-04-28"),  # min(30 Apr, 28 Feb + 2 months = 28 Apr) -> Wed 28 Apr
        ("2027-05-31", "national", "2027-08-30"),  # min(31 Aug, 30 Jun + 2 = 30 Aug) -> Mon 30 Aug
        ("2027-10-31", "national", "2028-01-31"),  # min(31 Jan, 30 Nov + 2 = Sun 30 Jan) -> Mon 31 Jan 2028
        ("2027-11-30", "national", "2028-02-29"),  # both clamp to Tue 29 Feb 2028 (leap)
        ("2026-11-30", "national", "2027-03-01"),  # both clamp to Sun 28 Feb 2027 -> Mon 1 Mar
        ("2027-12-31", "national", "2028-03-31"),  # Fri 31 Mar 2028
        ("2027-03-31", "national", "2027-06-30"),  # Wed 30 Jun
        ("2027-08-31", "national", "2027-11-30"),  # Tue 30 Nov
        ("2026-09-25", "national", "2026-12-28"),  # Fri 25 Dec 2026 -> Mon 28 Dec
        ("2027-02-17", "national", "2027-05-18"),  # Mon 17 May 2027 Whit Monday -> Tue 18 May
        ("2028-01-14", "national", "2028-04-14"),  # Fri 14 Apr 2028 is a working day nationally
        ("2028-01-14", "alsace-moselle", "2028-04-18"),  # Good Friday .. Easter Monday -> Tue 18 Apr
    ],
)
def test_extended_due(received: str, cal: str, expected: str) -> None:
    result = compute_deadlines(D(received), cal, today=TODAY)  # type: ignore[arg-type]
    assert result.extended_due == D(expected)
    assert result.due(extended=True) == D(expected)
    assert result.extended_due > result.legal_due


@pytest.mark.parametrize(
    ("notice", "allowed"),
    [
        ("2027-03-01", True),
        ("2027-03-28", True),  # the unrolled date
        ("2027-03-29", True),  # Easter Monday, still before D1
        ("2027-03-30", True),  # on D1
        ("2027-03-31", False),  # the day after D1
        ("2027-05-01", False),
    ],
)
def test_can_extend_only_on_or_before_d1(notice: str, allowed: bool) -> None:
    result = compute_deadlines(D("2027-02-28"), today=TODAY)
    assert result.legal_due == D("2027-03-30")
    assert can_extend(result, D(notice)) is allowed


# ------------------------------------------------------------------ the holiday calendars


NATIONAL_2027 = [
    ("2027-01-01", "New Year's Day", "Jour de l'an"),
    ("2027-03-29", "Easter Monday", "Lundi de Pâques"),
    ("2027-05-01", "Labor Day", "Fête du Travail"),
    ("2027-05-06", "Ascension Day", "Ascension"),
    ("2027-05-08", "Victory Day", "Fête de la Victoire"),
    ("2027-05-17", "Pentecost Monday", "Lundi de Pentecôte"),
    ("2027-07-14", "National Day", "Fête nationale"),
    ("2027-08-15", "Assumption Day", "Assomption"),
    ("2027-11-01", "All Saints' Day", "Toussaint"),
    ("2027-11-11", "Armistice Day", "Armistice"),
    ("2027-12-25", "Christmas Day", "Noël"),
]


@pytest.mark.parametrize(("day", "en", "fr"), NATIONAL_2027)
def test_national_holidays_2027(day: str, en: str, fr: str) -> None:
    assert holiday_name(D(day), "national", "en") == en
    assert holiday_name(D(day), "national", "fr") == fr
    assert holiday_name(D(day), "alsace-moselle", "en") == en
    assert not is_working_day(D(day), "national")


def test_national_calendar_has_eleven_holidays_a_year() -> None:
    for year in range(2026, 2032):
        days = [
            dt.date(year, 1, 1) + dt.timedelta(days=i) for i in range(366 if calendar.isleap(year) else 365)
        ]
        assert sum(1 for d in days if holiday_name(d, "national") is not None) == 11


@pytest.mark.parametrize(
    ("day", "en", "fr"),
    [
        ("2026-04-03", "Good Friday", "Vendredi saint"),
        ("2027-03-26", "Good Friday", "Vendredi saint"),
        ("2028-04-14", "Good Friday", "Vendredi saint"),
        ("2029-03-30", "Good Friday", "Vendredi saint"),
        ("2027-12-26", "Saint Stephen's Day", "Saint-Étienne"),
        ("2028-12-26", "Saint Stephen's Day", "Saint-Étienne"),
    ],
)
def test_alsace_moselle_adds_good_friday_and_26_december(day: str, en: str, fr: str) -> None:
    assert holiday_name(D(day), "alsace-moselle", "en") == en
    assert holiday_name(D(day), "alsace-moselle", "fr") == fr
    assert holiday_name(D(day), "national") is None
    if D(day).weekday() < 5:
        assert is_working_day(D(day), "national")
        assert not is_working_day(D(day), "alsace-moselle")


def test_alsace_moselle_is_national_plus_exactly_two_days_every_year() -> None:
    for year in range(2000, 2051):
        start = dt.date(year, 1, 1)
        days = [start + dt.timedelta(days=i) for i in range(366 if calendar.isleap(year) else 365)]
        national = {d for d in days if holiday_name(d, "national") is not None}
        alsace = {d for d in days if holiday_name(d, "alsace-moselle") is not None}
        assert national < alsace
        extra = alsace - national
        assert dt.date(year, 12, 26) in extra
        (good_friday,) = extra - {dt.date(year, 12, 26)}
        easter_monday = good_friday + dt.timedelta(days=3)
        assert holiday_name(easter_monday, "national") == "Easter Monday"
        assert good_friday.weekday() == calendar.FRIDAY


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2027-03-26", "2027-03-26"),  # working day stays
        ("2027-03-27", "2027-03-30"),  # Sat -> Sun -> Easter Monday -> Tue
        ("2027-12-24", "2027-12-24"),
        ("2027-12-25", "2027-12-27"),  # Sat Christmas -> Mon 27
        ("2027-05-15", "2027-05-18"),  # Sat -> Sun -> Whit Monday -> Tue
    ],
)
def test_roll_to_working_day(day: str, expected: str) -> None:
    assert roll_to_working_day(D(day), "national") == D(expected)


def test_unknown_calendar_is_invalid_input() -> None:
    with pytest.raises(InvalidInput):
        compute_deadlines(D("2027-02-28"), "bavaria", today=TODAY)  # type: ignore[arg-type]
    assert compute_deadlines(D("2027-02-26"), "Alsace_Moselle", today=TODAY).calendar == "alsace-moselle"  # type: ignore[arg-type]


def _reference_d1(received: dt.date, cal: str) -> dt.date:
    """An independent, deliberately naive reading of RULES A2 used for a sweep."""
    year, month = (received.year + 1, 1) if received.month == 12 else (received.year, received.month + 1)
    day = min(received.day, calendar.monthrange(year, month)[1])
    due = dt.date(year, month, day)
    table = holidays.France(
        years=range(received.year, received.year + 2), subdiv="57" if cal != "national" else None
    )
    while calendar.weekday(due.year, due.month, due.day) >= 5 or due in table:
        due += dt.timedelta(days=1)
    return due


@pytest.mark.parametrize("cal", ["national", "alsace-moselle"])
def test_sweep_every_receipt_day_2026_to_2029(cal: str) -> None:
    received = dt.date(2026, 1, 1)
    while received < dt.date(2030, 1, 1):
        result = compute_deadlines(received, cal, today=TODAY)  # type: ignore[arg-type]
        assert result.legal_due == _reference_d1(received, cal), received
        assert is_working_day(result.policy_target, cal)  # type: ignore[arg-type]
        assert is_working_day(result.extended_due, cal)  # type: ignore[arg-type]
        assert received < result.policy_target <= result.legal_due < result.extended_due
        assert 87 <= (result.extended_due - received).days <= 97
        received += dt.timedelta(days=1)
