"""Deadline engine: receipt date across midnight, suspension, days left, wording, and `dsar deadline`."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest

from dsar_desktop.cli import main
from dsar_desktop.domain.deadlines import (
    Suspension,
    compute_deadlines,
    days_left,
    format_date,
    receipt_date,
)
from dsar_desktop.domain.errors import InvalidInput

D = dt.date.fromisoformat
UTC = dt.UTC
TODAY = dt.date(2026, 1, 1)


# ------------------------------------------------------------------ receipt date (RULES A1)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (dt.datetime(2027, 1, 31, 23, 30, tzinfo=UTC), "2027-02-01"),  # the RULES example (CET, UTC+1)
        (dt.datetime(2027, 1, 31, 22, 59, tzinfo=UTC), "2027-01-31"),  # 23:59 in Paris
        (dt.datetime(2027, 1, 31, 23, 0, tzinfo=UTC), "2027-02-01"),  # midnight in Paris
        (dt.datetime(2027, 6, 30, 21, 59, tzinfo=UTC), "2027-06-30"),  # summer (CEST, UTC+2): 23:59
        (dt.datetime(2027, 6, 30, 22, 0, tzinfo=UTC), "2027-07-01"),  # summer: midnight
        # DST starts Sun 28 Mar 2027 at 01:00 UTC
        (dt.datetime(2027, 3, 27, 23, 30, tzinfo=UTC), "2027-03-28"),  # 00:30 CET
        (dt.datetime(2027, 3, 28, 21, 59, tzinfo=UTC), "2027-03-28"),  # 23:59 CEST
        (dt.datetime(2027, 3, 28, 22, 30, tzinfo=UTC), "2027-03-29"),  # 00:30 CEST
        # DST ends Sun 31 Oct 2027 at 01:00 UTC
        (dt.datetime(2027, 10, 30, 22, 30, tzinfo=UTC), "2027-10-31"),  # 00:30 CEST
        (dt.datetime(2027, 10, 31, 22, 30, tzinfo=UTC), "2027-10-31"),  # 23:30 CET
        (dt.datetime(2027, 10, 31, 23, 0, tzinfo=UTC), "2027-11-01"),  # midnight CET
        # other zones
        (dt.datetime(2027, 2, 1, 5, 0, tzinfo=ZoneInfo("Asia/Tokyo")), "2027-01-31"),  # 21:00 Paris
        (dt.datetime(2027, 1, 31, 19, 0, tzinfo=ZoneInfo("America/New_York")), "2027-02-01"),  # 01:00 Paris
        (dt.datetime(2027, 1, 31, 23, 30, tzinfo=ZoneInfo("Europe/Paris")), "2027-01-31"),
        # naive = Paris local
        (dt.datetime(2027, 1, 31, 23, 30), "2027-01-31"),
        (dt.datetime(2027, 2, 1, 0, 0), "2027-02-01"),
        (dt.date(2027, 2, 1), "2027-02-01"),
    ],
)
def test_receipt_date_is_the_paris_calendar_date(moment: dt.datetime, expected: str) -> None:
    assert receipt_date(moment) == D(expected)


def test_receipt_late_on_31_january_utc_is_due_from_1_february() -> None:
    received = receipt_date(dt.datetime(2027, 1, 31, 23, 30, tzinfo=UTC))
    result = compute_deadlines(received, today=TODAY)
    assert result.received == D("2027-02-01")
    assert result.legal_due == D("2027-03-01")  # Mon 1 Mar, one month after 1 Feb
    assert result.legal_due_unrolled == D("2027-03-01")


# ------------------------------------------------------------------ suspension (RULES A6)


def test_suspension_moves_every_date_by_the_stopped_days() -> None:
    # received Wed 10 Mar 2027; ID requested Fri 12 Mar, arrived Mon 22 Mar: 22 - 12 = 10 days.
    result = compute_deadlines(D("2027-03-10"), suspensions=[Suspension(D("2027-03-12"), D("2027-03-22"))])
    assert result.suspension_days == 10
    assert result.legal_due_unrolled == D("2027-04-20")  # Sat 10 Apr + 10
    assert result.legal_due == D("2027-04-20")  # Tue
    assert result.policy_target == D("2027-04-19")  # Fri 9 Apr + 10 = Mon 19 Apr
    assert result.extended_due == D("2027-06-21")  # Thu 10 Jun + 10 = Sun 20 Jun -> Mon 21 Jun
    assert not result.suspension_open


@pytest.mark.parametrize(
    ("received", "spans", "days", "d1", "target", "d3"),
    [
        # same-day answer: nothing stopped
        ("2027-03-10", [("2027-03-12", "2027-03-12")], 0, "2027-04-12", "2027-04-09", "2027-06-10"),
        # one day lands on Easter Monday: unrolled Mon 29 Mar -> Tue 30 Mar; T Wed 31 Mar capped by D1
        ("2027-02-28", [("2027-03-01", "2027-03-02")], 1, "2027-03-30", "2027-03-30", "2027-05-31"),
        # two separate suspensions add up: 3 + 2 = 5 -> Thu 15 Apr
        (
            "2027-03-10",
            [("2027-03-12", "2027-03-15"), ("2027-03-20", "2027-03-22")],
            5,
            "2027-04-15",
            "2027-04-14",
            "2027-06-15",
        ),
        # overlapping suspensions count each day once: 12 -> 22 Mar = 10
        (
            "2027-03-10",
            [("2027-03-12", "2027-03-20"), ("2027-03-15", "2027-03-22")],
            10,
            "2027-04-20",
            "2027-04-19",
            "2027-06-21",
        ),
        # clamped month end: 28 Feb + 10 = Wed 10 Mar; T capped by D1; D3 28 Apr + 10 = Sat 8 May -> Mon 10 May
        ("2027-01-31", [("2027-02-01", "2027-02-11")], 10, "2027-03-10", "2027-03-10", "2027-05-10"),
        # ID requested on the day of receipt
        ("2027-07-15", [("2027-07-15", "2027-07-20")], 5, "2027-08-20", "2027-08-19", "2027-10-20"),
    ],
)
def test_suspension_table(
    received: str, spans: list[tuple[str, str]], days: int, d1: str, target: str, d3: str
) -> None:
    result = compute_deadlines(
        D(received), suspensions=[Suspension(D(a), D(b)) for a, b in spans], today=TODAY
    )
    assert result.suspension_days == days
    assert (result.legal_due, result.policy_target, result.extended_due) == (D(d1), D(target), D(d3))


def test_open_suspension_counts_up_to_today() -> None:
    # received Wed 10 Mar 2027, ID asked Fri 12 Mar, still missing on Sat 20 Mar: 8 days so far.
    result = compute_deadlines(
        D("2027-03-10"), suspensions=[Suspension(D("2027-03-12"))], today=D("2027-03-20")
    )
    assert result.suspension_days == 8
    assert result.suspension_open
    assert result.legal_due_unrolled == D("2027-04-18")  # Sun
    assert result.legal_due == D("2027-04-19")  # Mon
    assert any("still" in line for line in result.explanation_en)
    later = compute_deadlines(
        D("2027-03-10"), suspensions=[Suspension(D("2027-03-12"))], today=D("2027-03-21")
    )
    assert later.suspension_days == 9


def test_suspension_dates_are_checked() -> None:
    with pytest.raises(InvalidInput):
        compute_deadlines(D("2027-03-10"), suspensions=[Suspension(D("2027-03-12"), D("2027-03-11"))])
    with pytest.raises(InvalidInput):
        compute_deadlines(D("2027-03-10"), suspensions=[Suspension(D("2027-03-09"), D("2027-03-11"))])


# ------------------------------------------------------------------ days left (RULES A8)


@pytest.mark.parametrize(
    ("today", "due", "cal", "calendar_days", "working_days", "level"),
    [
        ("2027-03-01", "2027-03-30", "national", 29, 20, "ok"),  # Mar 2-30: 21 weekdays minus Easter Monday
        ("2027-03-22", "2027-03-30", "national", 8, 5, "ok"),  # 23, 24, 25, 26, 30 (29 Easter Monday)
        ("2027-03-23", "2027-03-30", "national", 7, 4, "warning"),  # within 7 days
        ("2027-03-23", "2027-03-30", "alsace-moselle", 7, 3, "warning"),  # Good Friday 26 Mar too
        ("2027-03-26", "2027-03-30", "national", 4, 1, "warning"),  # only Tue 30 is left
        ("2027-03-30", "2027-03-30", "national", 0, 0, "warning"),  # due today
        ("2027-03-31", "2027-03-30", "national", -1, -1, "overdue"),
        ("2027-04-01", "2027-03-30", "national", -2, -2, "overdue"),
        ("2027-04-05", "2027-03-30", "national", -6, -4, "overdue"),  # 31, 1, 2, 5 Apr
        ("2027-01-01", "2027-12-31", "national", 364, 254, "ok"),  # 260 weekdays after 1 Jan minus 6 holidays
    ],
)
def test_days_left(today: str, due: str, cal: str, calendar_days: int, working_days: int, level: str) -> None:
    left = days_left(D(today), D(due), cal)  # type: ignore[arg-type]
    assert (left.calendar_days, left.working_days, left.level) == (calendar_days, working_days, level)


def test_days_left_working_days_match_a_day_by_day_count() -> None:
    from dsar_desktop.domain.deadlines import is_working_day

    start = D("2026-12-20")
    for cal in ("national", "alsace-moselle"):
        for offset in range(0, 400, 7):
            due = start + dt.timedelta(days=offset)
            naive = sum(1 for i in range(1, offset + 1) if is_working_day(start + dt.timedelta(days=i), cal))  # type: ignore[arg-type]
            assert days_left(start, due, cal).working_days == naive  # type: ignore[arg-type]
            assert days_left(due, start, cal).working_days == -naive  # type: ignore[arg-type]


# ------------------------------------------------------------------ wording


@pytest.mark.parametrize(
    ("day", "en", "fr"),
    [
        ("2027-03-30", "Tue 30 Mar 2027", "mar. 30 mars 2027"),
        ("2027-02-28", "Sun 28 Feb 2027", "dim. 28 février 2027"),
        ("2027-08-15", "Sun 15 Aug 2027", "dim. 15 août 2027"),
        ("2028-12-09", "Sat 9 Dec 2028", "sam. 9 décembre 2028"),
        ("2027-02-01", "Mon 1 Feb 2027", "lun. 1er février 2027"),
    ],
)
def test_format_date(day: str, en: str, fr: str) -> None:
    assert format_date(D(day), "en") == en
    assert format_date(D(day), "fr") == fr


def test_explanation_of_the_issue_example() -> None:
    result = compute_deadlines(D("2027-02-28"), today=TODAY)
    en = "\n".join(result.explanation_en)
    for step in (
        "received Sun 28 Feb 2027",
        "one month later: Sun 28 Mar 2027",
        "Sun 28 Mar 2027 is a Sunday",
        "Mon 29 Mar 2027 is Easter Monday",
        "legal due date (D1): Tue 30 Mar 2027",
        "policy target: Tue 30 Mar 2027",
        "extended due date (D3), if the extension notice is sent by D1: Fri 28 May 2027",
    ):
        assert step in en
    fr = "\n".join(result.explanation_fr)
    for step in (
        "reçue le dim. 28 février 2027",
        "Lundi de Pâques",
        "échéance légale (D1) : mar. 30 mars 2027",
    ):
        assert step in fr
    assert len(result.explanation_en) == len(result.explanation_fr)


def test_explanation_names_month_end_suspension_and_alsace_holidays() -> None:
    result = compute_deadlines(
        D("2027-01-31"), "alsace-moselle", [Suspension(D("2027-02-01"), D("2027-02-11"))], today=TODAY
    )
    en = "\n".join(result.explanation_en)
    assert "there is no 31 Feb 2027, so the last day of that month, Sun 28 Feb 2027" in en
    assert "10 days" in en and "Alsace-Moselle" in en
    assert "Sat 8 May 2027 is a Saturday and Victory Day" in en
    good_friday = compute_deadlines(D("2027-02-26"), "alsace-moselle", today=TODAY)
    assert "Fri 26 Mar 2027 is Good Friday, a public holiday" in good_friday.explanation_en
    assert any("Vendredi saint" in line for line in good_friday.explanation_fr)


# ------------------------------------------------------------------ dsar deadline


def _run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(["deadline", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_deadline_json(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run_json(capsys, "--received", "2027-02-28", "--today", "2027-03-25")
    assert out["received"] == "2027-02-28"
    assert out["legal_due"] == "2027-03-30"
    assert out["policy_target"] == "2027-03-30"
    assert out["extended_due"] == "2027-05-28"
    assert out["suspension_days"] == 0
    assert out["calendar"] == "national"
    assert "Easter Monday" in out["explanation"] and "Lundi de Pâques" in out["explanation_fr"]
    assert out["days_left"] == {"calendar_days": 5, "working_days": 2, "level": "warning"}


def test_cli_deadline_with_suspension_and_alsace(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run_json(
        capsys, "--received", "2027-01-31", "--calendar", "alsace-moselle",
        "--id-requested", "2027-02-01", "--id-received", "2027-02-11",
    )  # fmt: skip
    assert (out["legal_due"], out["policy_target"], out["extended_due"]) == (
        "2027-03-10",
        "2027-03-10",
        "2027-05-10",
    )
    assert out["suspension_days"] == 10 and out["calendar"] == "alsace-moselle"


def test_cli_deadline_accepts_a_utc_timestamp(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run_json(capsys, "--received", "2027-01-31T23:30Z")
    assert out["received"] == "2027-02-01" and out["legal_due"] == "2027-03-01"


def test_cli_deadline_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--received", "2027-07-15", "--language", "en"]) == 0
    text = capsys.readouterr().out
    assert "Mon 16 Aug 2027" in text and "Assumption Day" in text


@pytest.mark.parametrize(
    "argv",
    [
        ["--received", "2027-02-30"],
        ["--received", "tomorrow"],
        ["--received", "2027-02-28", "--calendar", "bavaria"],
        ["--received", "2027-02-28", "--id-received", "2027-03-02"],
        ["--received", "2027-02-28", "--id-requested", "2027-03-05", "--id-received", "2027-03-02"],
        ["--received", "2027-02-28", "--id-requested", "2027-13-01"],
    ],
)
def test_cli_deadline_bad_input_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main(["deadline", *argv, "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dsar: ")
    assert "Traceback" not in captured.err


def test_results_are_independent_copies() -> None:
    first = compute_deadlines(D("2027-02-28"), today=TODAY)
    first.explanation_en.clear()
    again = compute_deadlines(D("2027-02-28"), today=TODAY)
    assert again.explanation_en and again == compute_deadlines(D("2027-02-28"), today=TODAY)


# ------------------------------------------------------------------ lapsed suspension (RULES A6 as revised)


def test_an_id_request_after_the_due_date_suspends_nothing() -> None:
    # the issue's example: received Mon 4 Jan 2027 (D1 Thu 4 Feb); ID asked 1 Mar, arrived 20 Mar
    late = compute_deadlines(
        D("2027-01-04"), suspensions=[Suspension(D("2027-03-01"), D("2027-03-20"))], today=D("2027-03-25")
    )
    assert late.legal_due == D("2027-02-04")
    assert late.suspension_days == 0 and late.lapsed_suspensions == 1
    assert any("suspends nothing" in line and "Thu 4 Feb 2027" in line for line in late.explanation_en)
    assert any("ne suspend rien" in line for line in late.explanation_fr)
    # control: the same request sent on the due date itself still stops the running period
    on_time = compute_deadlines(
        D("2027-01-04"), suspensions=[Suspension(D("2027-02-04"), D("2027-02-10"))], today=D("2027-03-25")
    )
    assert on_time.suspension_days == 6 and on_time.lapsed_suspensions == 0
    assert on_time.legal_due == D("2027-02-10")


def test_a_later_suspension_is_judged_against_the_due_date_moved_by_the_earlier_one() -> None:
    # D1 Thu 4 Feb; first suspension 10 -> 30 Jan (20 days) moves it to Wed 24 Feb;
    # a second request on 20 Feb is inside the moved period, one on 1 Mar is not.
    first = Suspension(D("2027-01-10"), D("2027-01-30"))
    inside = compute_deadlines(
        D("2027-01-04"),
        suspensions=[first, Suspension(D("2027-02-20"), D("2027-02-22"))],
        today=D("2027-04-01"),
    )
    assert inside.suspension_days == 22 and inside.lapsed_suspensions == 0
    outside = compute_deadlines(
        D("2027-01-04"),
        suspensions=[first, Suspension(D("2027-03-01"), D("2027-03-05"))],
        today=D("2027-04-01"),
    )
    assert outside.suspension_days == 20 and outside.lapsed_suspensions == 1
    assert outside.legal_due == D("2027-02-24")


def test_an_extended_case_is_judged_against_d3() -> None:
    # D1 Thu 4 Feb, D3 Mon 5 Apr: a request of 1 Mar is late for D1 but not for an extended case
    s = [Suspension(D("2027-03-01"), D("2027-03-05"))]
    assert compute_deadlines(D("2027-01-04"), suspensions=s, today=TODAY).lapsed_suspensions == 1
    extended = compute_deadlines(D("2027-01-04"), suspensions=s, today=TODAY, extended=True)
    assert extended.lapsed_suspensions == 0 and extended.suspension_days == 4


def test_cli_keeps_the_due_date_of_a_lapsed_suspension_and_says_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run_json(
        capsys, "--received", "2027-01-04", "--id-requested", "2027-03-01", "--id-received", "2027-03-20"
    )
    assert out["legal_due"] == "2027-02-04" and out["suspension_days"] == 0 and out["lapsed_suspensions"] == 1
    assert "suspends nothing" in out["explanation"]
    out = _run_json(capsys, "--received", "2027-07-15")
    assert out["policy_target"] == "2027-08-13" and out["legal_due"] == "2027-08-16"
