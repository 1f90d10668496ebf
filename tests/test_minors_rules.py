"""Minors: age on receipt, the under-15 rule, LIL art. 51 flag, registrations without parental consent."""

from __future__ import annotations

import datetime as dt

from dsar_desktop.domain.minors import (
    MINOR_ERASURE,
    acting_rule,
    age_on,
    consent_recorded,
    flag_minor_registrations,
    minor_flags,
    needs_parental_authority,
)


def test_age_on_the_day_of_receipt() -> None:
    assert age_on(dt.date(2012, 3, 5), dt.date(2027, 3, 4)) == 14
    assert age_on(dt.date(2012, 3, 5), dt.date(2027, 3, 5)) == 15
    assert age_on("2012-03-05", "2027-03-06") == 15
    # born 29 February: the year completes on 28 February in a common year (domain.calendar's one rule)
    assert age_on(dt.date(2012, 2, 29), dt.date(2027, 2, 27)) == 14
    assert age_on(dt.date(2012, 2, 29), dt.date(2027, 2, 28)) == 15


def test_under_15_needs_parental_authority() -> None:
    assert needs_parental_authority(dt.date(2012, 3, 5), dt.date(2027, 3, 4))
    assert not needs_parental_authority(dt.date(2012, 3, 5), dt.date(2027, 3, 5))
    assert not needs_parental_authority(None, dt.date(2027, 3, 5))
    rule = acting_rule(dt.date(2013, 1, 1), dt.date(2027, 3, 1), "self")
    assert rule.parental_authority_required and rule.age == 14 and "15" in rule.fr
    assert not acting_rule(dt.date(2011, 1, 1), dt.date(2027, 3, 1), "self").parental_authority_required


def test_minor_erasure_flag() -> None:
    assert minor_flags(dt.date(2012, 1, 1), dt.date(2027, 3, 1), ["erasure"]) == {MINOR_ERASURE}
    assert minor_flags(dt.date(2010, 1, 1), dt.date(2027, 3, 1), ["access", "erasure"]) == {
        MINOR_ERASURE
    }  # 17
    assert minor_flags(dt.date(2000, 1, 1), dt.date(2027, 3, 1), ["erasure"]) == set()
    assert minor_flags(dt.date(2000, 1, 1), dt.date(2027, 3, 1), ["erasure"], collected_while_minor=True) == {
        MINOR_ERASURE
    }
    assert minor_flags(dt.date(2012, 1, 1), dt.date(2027, 3, 1), ["access"]) == set()
    assert minor_flags(None, dt.date(2027, 3, 1), ["erasure"]) == set()


def test_consent_values() -> None:
    for yes in ("oui", "OUI", "Yes", "1", "true", "x", "12/09/2019", True, dt.date(2020, 1, 1)):
        assert consent_recorded(yes) is True, yes
    for no in ("non", "", "NO", "0", None, False, "absent"):
        assert consent_recorded(no) is False, no
    assert consent_recorded("see file 12") is None


def test_flag_minor_registrations() -> None:
    dob = dt.date(2008, 9, 1)
    rows = [
        {
            "Date inscription": "01/09/2025",
            "registration_date": "01/09/2025",
            "parental_consent": "non",
        },  # 17 that day, no consent
        {"registration_date": "2025-09-02", "parental_consent": "oui"},  # 17, consent
        {"registration_date": "2026-09-01", "parental_consent": ""},  # 18 that day
        {"registration_date": dt.date(2024, 1, 15)},  # 15, field absent
        {"registration_date": "not a date", "parental_consent": "non"},  # unreadable date: skipped
        {"registration_date": "2025-10-01", "parental_consent": "voir dossier"},  # unreadable consent
    ]
    flags = flag_minor_registrations(rows, dob)
    assert [(f.row_index, f.age_at_registration, f.consent) for f in flags] == [
        (0, 17, "missing"),
        (3, 15, "missing"),
        (5, 17, "unreadable"),
    ]
    assert "parental authority" in flags[0].en and "autorité parentale" in flags[0].fr
    assert flag_minor_registrations(rows, None) == []
    custom = flag_minor_registrations([{"inscrit": "2020-01-01"}], "2008-09-01", registration_field="inscrit")
    assert len(custom) == 1
