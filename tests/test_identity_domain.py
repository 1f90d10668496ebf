"""Identity rules: comparisons (accent/case-insensitive, difference shown), checklist items, last 4."""

from __future__ import annotations

import datetime as dt

import pytest

from dsar_desktop.domain.errors import InvalidInput
from dsar_desktop.domain.identity import (
    Checklist,
    Decision,
    Expected,
    Party,
    ProofKind,
    check_decision,
    compare_dates,
    compare_names,
    evaluate,
    french_card_still_valid,
    keep_last4,
    parse_decision,
    required_proofs,
)
from dsar_desktop.domain.mrz import parse_mrz

ON = dt.date(2027, 3, 10)
TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]


def test_names_match_without_accents_case_hyphens() -> None:
    assert compare_names("Héloïse DUPRÉ", "DUPRE", "HELOISE").status == "match"
    assert compare_names("Jean-Pierre D'ARTAGNAN", "DARTAGNAN", "JEAN PIERRE").status == "match"
    assert compare_names("Jürgen MÜLLER", "MUELLER", "JUERGEN").status == "match"  # ICAO Ü -> UE
    assert compare_names("Jürgen MÜLLER", "MULLER", "JURGEN").status == "match"


def test_more_given_names_on_document_is_partial() -> None:
    c = compare_names("Anna ERIKSSON", "ERIKSSON", "ANNA MARIA")
    assert c.status == "partial" and c.matches
    assert "given names" in c.note_en


def test_name_difference_is_shown() -> None:
    c = compare_names("Héloïse DUPRÉ", "DUPONT", "HELOISE")
    assert c.status == "mismatch"
    assert c.difference == "heloise dup[re→ont]"
    swapped = compare_names("Anna ERIKSSON", "ANNA", "ERIKSSON")
    assert swapped.status == "mismatch" and "swapped" in swapped.note_en


def test_dates_compared_with_explanation() -> None:
    assert compare_dates("birth_date", dt.date(2001, 3, 5), "2001-03-05").status == "match"
    swapped = compare_dates("birth_date", dt.date(2001, 3, 5), "2001-05-03")
    assert swapped.status == "mismatch" and swapped.note_en == "Day and month are swapped."
    assert "≠" in swapped.difference
    year = compare_dates("birth_date", "2001-03-05", "2011-03-05")
    assert "year" in year.note_en and "année" in year.note_fr
    assert compare_dates("birth_date", None, "2001-03-05").status == "missing"


def test_only_last_four_characters_kept() -> None:
    assert keep_last4("L898902C3") == "02C3"
    assert keep_last4("12 AB-34") == "AB34"
    assert keep_last4(None) is None


def test_full_checklist_with_mrz() -> None:
    checklist = Checklist(
        document_type="passport", issuing_country="UTO", document_number="L898902C3",
        expiry_date=dt.date(2012, 4, 15), holder_name="Anna Maria ERIKSSON",
        holder_birth_date=dt.date(1974, 8, 12), signature_present=True, mrz_lines=TD3,
    )  # fmt: skip
    expected = Expected(name="Anna Maria Eriksson", birth_date=dt.date(1974, 8, 12))
    a = evaluate(checklist, expected, ON, parse_mrz(TD3, today=ON))
    status = {i.key: i.status for i in a.items}
    assert status["expiry"] == "fail"  # expired in 2012
    assert status["name"] == status["birth_date"] == status["mrz"] == status["mrz_name"] == "ok"
    assert status["mrz_document_number"] == "ok"
    assert not a.all_ok
    with pytest.raises(InvalidInput):
        check_decision(a, Decision.VERIFIED, None)
    check_decision(a, Decision.VERIFIED, "specimen accepted for the test")
    check_decision(a, Decision.REJECTED, None)


def test_mrz_typed_number_differs_from_visual_zone() -> None:
    checklist = Checklist(
        document_type="passport", issuing_country="UTO", document_number="L898902C4", mrz_lines=TD3
    )
    a = evaluate(
        checklist, Expected(name="Anna Maria ERIKSSON", birth_date="1974-08-12"), ON, parse_mrz(TD3, today=ON)
    )
    item = a.item("mrz_document_number")
    assert item is not None and item.status == "fail"
    assert item.comparison is not None and item.comparison.difference == "l898902c[4→3]"


def test_missing_items_listed() -> None:
    a = evaluate(Checklist(), Expected(name="Anna ERIKSSON", birth_date="1974-08-12"), ON)
    assert {i.key for i in a.missing} >= {
        "document_type",
        "issuing_country",
        "document_number",
        "expiry",
        "name",
        "signature",
        "mrz",
    }


def test_driving_licence_has_no_mrz() -> None:
    a = evaluate(Checklist(document_type="driving_licence"), Expected(name="A B"), ON)
    assert a.item("mrz").status == "n/a"  # type: ignore[union-attr]


def test_parental_authority_checklist() -> None:
    ok = Checklist(
        proof_kind=ProofKind.PARENTAL_AUTHORITY, party=Party.REQUESTER, document_type="livret_de_famille",
        names_requester_as_parent=True, names_subject_as_child=True, other_holder_objects=False,
    )  # fmt: skip
    assert evaluate(ok, Expected(), ON).all_ok
    objecting = Checklist(proof_kind=ProofKind.PARENTAL_AUTHORITY, document_type="court_decision",
                          names_requester_as_parent=True, names_subject_as_child=True, other_holder_objects=True)  # fmt: skip
    assert [i.key for i in evaluate(objecting, Expected(), ON).failures] == ["other_holder_objects"]
    wrong_type = Checklist(proof_kind=ProofKind.PARENTAL_AUTHORITY, document_type="passport")
    assert evaluate(wrong_type, Expected(), ON).item("document_type").status == "fail"  # type: ignore[union-attr]


def test_mandate_checklist() -> None:
    c = Checklist(proof_kind=ProofKind.MANDATE, party=Party.REQUESTER, document_type="signed_mandate",
                  mandate_signed_by_subject=True, mandate_covers_request=False)  # fmt: skip
    assert [i.key for i in evaluate(c, Expected(), ON).failures] == ["mandate_scope"]


def test_required_proofs_by_capacity() -> None:
    assert required_proofs("self") == []
    assert (Party.REQUESTER, ProofKind.PARENTAL_AUTHORITY) in required_proofs("parent")
    assert (Party.REQUESTER, ProofKind.MANDATE) in required_proofs("lawyer")
    assert (Party.REQUESTER, ProofKind.IDENTITY_DOCUMENT) in required_proofs("representative")


def test_french_card_extension() -> None:
    # issued 2010 to an adult, printed expiry 2020: valid until 2025
    assert french_card_still_valid(dt.date(2020, 6, 1), dt.date(2024, 1, 1), dt.date(1980, 1, 1))
    assert not french_card_still_valid(dt.date(2020, 6, 1), dt.date(2025, 6, 2), dt.date(1980, 1, 1))
    # issued to a minor: no extension
    assert not french_card_still_valid(dt.date(2020, 6, 1), dt.date(2024, 1, 1), dt.date(2000, 1, 1))
    checklist = Checklist(document_type="national_id", issuing_country="FRA", expiry_date=dt.date(2020, 6, 1),
                          holder_birth_date=dt.date(1980, 1, 1))  # fmt: skip
    item = evaluate(checklist, Expected(), dt.date(2024, 1, 1)).item("expiry")
    assert item is not None and item.status == "ok" and "5 ans" in item.fr


def test_parse_decision() -> None:
    assert parse_decision("more-needed") is Decision.MORE_NEEDED
    with pytest.raises(InvalidInput):
        parse_decision("maybe")
