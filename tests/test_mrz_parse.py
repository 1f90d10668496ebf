"""MRZ parsing: the ICAO 9303 specimens, the old French identity card, pasted input and errors."""

from __future__ import annotations

import datetime as dt

import pytest

from dsar_desktop.domain.mrz import MrzError, check_digit, parse_mrz

TODAY = dt.date(2027, 3, 1)

# ICAO Doc 9303 (8th ed.) specimens: Part 4 (TD3 passport), Part 5 (TD1 card), Part 6 (TD2 card).
TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
TD1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
TD2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]
# The French card (1988-2021) specimen printed by the Ministry of the Interior ("Corinne BERTHIER").
FR_ID = ["IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<", "8806923102858CORINNE<<<<<<<6512068F6"]
FR_ID_2 = ["IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<", "9409923102854CORINNE<<<<<<<6512068F4"]


def test_check_digit_examples_from_icao_part3() -> None:
    # Part 3 §4.9 worked example: date 520727 -> 3; document numbers from the specimens
    assert check_digit("520727") == 3
    assert check_digit("L898902C3") == 6
    assert check_digit("D23145890") == 7
    assert check_digit("<<<<<<") == 0


@pytest.mark.parametrize(
    ("lines", "fmt", "checks"),
    [
        (TD3, "TD3", {"document_number", "birth_date", "expiry_date", "personal_number", "composite"}),
        (TD1, "TD1", {"document_number", "birth_date", "expiry_date", "composite"}),
        (TD2, "TD2", {"document_number", "birth_date", "expiry_date", "composite"}),
    ],
)
def test_icao_specimens_parse_and_validate(lines: list[str], fmt: str, checks: set[str]) -> None:
    result = parse_mrz(lines, today=TODAY)
    assert result.format == fmt
    assert result.valid, result.problems
    assert set(result.checks) == checks and all(result.checks.values())
    f = result.fields
    assert f["surname"] == "ERIKSSON"
    assert f["given_names"] == "ANNA MARIA"
    assert f["issuing_country"] == "UTO" and f["nationality"] == "UTO"
    assert f["birth_date"] == "1974-08-12"
    assert f["expiry_date"] == "2012-04-15"
    assert f["sex"] == "F"
    assert f["document_number"] == ("L898902C3" if fmt == "TD3" else "D23145890")
    assert f["document_type"] == ("P" if fmt == "TD3" else "I")


def test_td3_personal_number() -> None:
    assert parse_mrz(TD3, today=TODAY).fields["optional_data"] == "ZE184226B"


@pytest.mark.parametrize("lines", [FR_ID, FR_ID_2])
def test_french_identity_card_specimen(lines: list[str]) -> None:
    result = parse_mrz(lines, today=TODAY)
    assert result.format == "FR-ID"
    assert result.valid
    assert result.checks == {"document_number": True, "birth_date": True, "composite": True}
    f = result.fields
    assert (f["surname"], f["given_names"], f["sex"]) == ("BERTHIER", "CORINNE", "F")
    assert f["birth_date"] == "1965-12-06"
    assert f["issuing_country"] == "FRA" and f["nationality"] == "FRA"
    assert f["expiry_date"] is None  # not in this zone: read on the card
    assert f["document_number"] == lines[1][:12]
    assert f["issue_month"] == ("1988-06" if lines is FR_ID else "1994-09")


def test_french_card_with_office_code_and_compound_surname() -> None:
    result = parse_mrz(
        ["IDFRATEST<NAME<<<<<<<<<<<<<<<<0CHE02", "1710GVA123451ROBERTA<<<<<<<9112311F2"], today=TODAY
    )
    assert result.valid
    assert result.fields["surname"] == "TEST NAME"
    assert result.fields["office_code"] == "0CHE02"
    assert result.fields["birth_date"] == "1991-12-31"


def test_pasted_input_with_spaces_lowercase_and_one_run() -> None:
    messy = [
        "  p<uto eriksson<<anna<maria<<<<<<<<<<<<<<<<<<<  ",
        "L898902C36 UTO7408122F1204159ZE184226B<<<<<10\n",
    ]
    assert parse_mrz(messy, today=TODAY).valid
    assert parse_mrz("\n".join(TD1), today=TODAY).format == "TD1"
    assert parse_mrz("".join(TD2), today=TODAY).format == "TD2"  # 72 characters without a break


def test_wrong_line_count() -> None:
    with pytest.raises(MrzError) as err:
        parse_mrz([TD3[0]], today=TODAY)
    assert "2 lines" in err.value.describe("en") and "2 lignes" in err.value.describe("fr")
    with pytest.raises(MrzError):
        parse_mrz(TD1 + ["<" * 30], today=TODAY)


def test_wrong_line_length_names_the_line() -> None:
    with pytest.raises(MrzError) as err:
        parse_mrz([TD3[0], TD3[1][:-1]], today=TODAY)
    assert "44" in err.value.describe("en") and "line 2: 43" in err.value.describe("en")
    assert "ligne 2 : 43" in err.value.describe("fr")


def test_bad_character_named() -> None:
    with pytest.raises(MrzError) as err:
        parse_mrz([TD3[0].replace("ANNA", "ANNÉ"), TD3[1]], today=TODAY)
    assert "'É'" in err.value.describe("en")


def _td1_line2(birth: str, sex: str, expiry: str, nationality: str = "UTO") -> str:
    body = f"{birth}{check_digit(birth)}{sex}{expiry}{check_digit(expiry)}{nationality}" + "<" * 11
    line1 = TD1[0]
    return body + str(check_digit(line1[5:30] + body[0:7] + body[8:15] + body[18:29]))


def test_century_pivot() -> None:
    young = parse_mrz([TD1[0], _td1_line2("100101", "F", "300101"), TD1[2]], today=TODAY)
    assert young.valid, young.problems
    assert young.fields["birth_date"] == "2010-01-01"
    assert young.fields["expiry_date"] == "2030-01-01"
    old = parse_mrz([TD1[0], _td1_line2("271231", "M", "990101"), TD1[2]], today=TODAY)
    assert old.fields["birth_date"] == "1927-12-31"  # 2027-12-31 would be after "today"
    assert old.fields["expiry_date"] == "1999-01-01"  # more than 50 years ahead: the past century


def test_impossible_date_is_a_problem() -> None:
    result = parse_mrz([TD1[0], _td1_line2("740230", "F", "300101"), TD1[2]], today=TODAY)
    assert all(result.checks.values())
    assert not result.valid
    assert [p["code"] for p in result.problems] == ["birth_date_impossible"]


def test_json_shape() -> None:
    out = parse_mrz(TD2, today=TODAY).to_dict()
    assert set(out) >= {"format", "valid", "checks", "fields"}
    assert set(out["fields"]) >= {
        "document_type", "issuing_country", "document_number", "surname", "given_names",
        "nationality", "birth_date", "sex", "expiry_date",
    }  # fmt: skip


def test_wrong_check_digit_is_named() -> None:
    result = parse_mrz([TD3[0], TD3[1][:19] + "3" + TD3[1][20:]], today=TODAY)
    assert not result.valid
    assert result.checks["birth_date"] is False
    assert result.checks["composite"] is False
    assert result.checks["document_number"] is True


def test_long_document_number_td1() -> None:
    # ICAO Part 5: a 12-character number continues in the optional data with its check digit
    number = "D23145890123"
    digit = str(check_digit(number))
    line1 = f"I<UTO{number[:9]}<{number[9:]}{digit}" + "<" * (30 - 5 - 9 - 1 - 3 - 1)
    line2_body = "7408122F1204159UTO<<<<<<<<<<<"
    composite = str(check_digit(line1[5:30] + line2_body[0:7] + line2_body[8:15] + line2_body[18:29]))
    result = parse_mrz([line1, line2_body + composite, TD1[2]], today=TODAY)
    assert result.valid, result.problems
    assert result.fields["document_number"] == number
