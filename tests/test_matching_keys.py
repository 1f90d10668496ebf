"""Matching keys (domain, no I/O): names, dates, phones, e-mails, subjects."""

from __future__ import annotations

import datetime as dt

import pytest

from dsar_desktop.domain.matching import (
    date_spellings,
    fold,
    make_subject,
    name_key,
    normalise_email,
    normalise_phone,
    parse_date,
    phone_digit_forms,
    row_name_matches,
    split_full_name,
)


@pytest.mark.parametrize(
    "variant",
    [
        "Jean-Pierre",
        "Jean\u2010Pierre",
        "Jean\u2011Pierre",
        "Jean\u2012Pierre",
        "Jean\u2013Pierre",
        "Jean\u2014Pierre",
        "Jean\u2212Pierre",
        "JEAN-PIERRE",
        "jean  pierre",
        " Jean Pierre ",
    ],
)
def test_every_hyphen_and_spacing_gives_the_same_name_key(variant: str) -> None:
    assert name_key(variant) == "jeanpierre"


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u2018", "\u02bc", "\u00b4", "`"])
def test_every_apostrophe_is_unified(apostrophe: str) -> None:
    assert fold(f"L{apostrophe}HÔTE") == "l'hote"
    assert name_key(f"L{apostrophe}Hôte") == "lhote"


def test_accents_ligatures_and_special_letters_fold() -> None:
    assert fold("Éloïse ŒUVRAY Lætitia Straße Østergård Łukasz Đorđević") == (
        "eloise oeuvray laetitia strasse ostergard lukasz dordevic"
    )
    assert fold("a  \t b") == "a b"


def test_split_full_name_takes_the_capitals_as_surname() -> None:
    assert split_full_name("Éloïse L’HÔTE") == ("Éloïse", "L'HÔTE")
    assert split_full_name("Jean-Pierre de LA FONTAINE") == ("Jean-Pierre de", "LA FONTAINE")
    assert split_full_name("marie curie") == ("marie", "curie")


@pytest.mark.parametrize(
    "text",
    [
        "06 12 34 56 78",
        "+33 6 12 34 56 78",
        "0033612345678",
        "06.12.34.56.78",
        "+33 (0)6 12 34 56 78",
        "0612345678",
    ],
)
def test_phone_formats_normalise_to_e164(text: str) -> None:
    assert normalise_phone(text) == "+33612345678"


def test_phone_digit_forms_cover_the_usual_spellings() -> None:
    forms = phone_digit_forms("+33612345678")
    assert {"0612345678", "33612345678", "0033612345678", "330612345678", "612345678"} <= forms
    assert normalise_phone("not a phone") is None
    assert normalise_phone("12") is None


def test_email_is_trimmed_and_case_folded() -> None:
    assert normalise_email("  Eloise.LHOTE@Exemple.FR ") == "eloise.lhote@exemple.fr"


@pytest.mark.parametrize(
    "text", ["05/03/2001", "2001-03-05", "5.3.2001", "05-03-2001", "5/3/2001", "05.03.2001", "20010305",
             "2001-03-05T00:00:00", "2001-03-05 00:00:00", "5 mars 2001", "5 March 2001"],
)  # fmt: skip
def test_french_and_iso_dates_parse_day_first(text: str) -> None:
    parsed = parse_date(text)
    assert parsed.value == dt.date(2001, 3, 5)
    assert not parsed.ambiguous


def test_two_digit_years_are_reported_ambiguous() -> None:
    parsed = parse_date("5/3/01", today=dt.date(2027, 1, 1))
    assert parsed.value == dt.date(2001, 3, 5) and parsed.ambiguous and parsed.note == "two-digit year"
    assert parse_date("5/3/45", today=dt.date(2027, 1, 1)).value == dt.date(1945, 3, 5)


def test_impossible_or_unknown_dates_give_none() -> None:
    assert parse_date("31/02/2001").value is None
    assert parse_date("next tuesday").value is None
    assert parse_date("").value is None


def test_date_spellings_separate_exact_and_ambiguous() -> None:
    exact, ambiguous = date_spellings(dt.date(2001, 3, 5))
    assert {"05/03/2001", "2001-03-05", "5.3.2001", "05-03-2001", "5/3/2001"} <= exact
    assert {"05/03/01", "5/3/01"} <= ambiguous
    assert not exact & ambiguous


def test_subject_name_matches_separate_or_joined_columns_in_any_order() -> None:
    subject = make_subject("x", name="Éloïse L’HÔTE", dob="2001-03-05")
    assert row_name_matches(subject, first="ELOISE", last="l'hote")
    assert row_name_matches(subject, first="L\u2019Hôte", last="Éloïse")  # columns swapped
    assert row_name_matches(subject, full="LHOTE Eloise")
    assert not row_name_matches(subject, full="Éloïse LHOTEL")
    assert subject.searchable


def test_subject_lists_unreadable_parts_instead_of_failing() -> None:
    subject = make_subject("x", name="A B", phone="call me", dob="someday")
    assert set(subject.problems) == {"phone", "dob"}
    assert not subject.searchable
