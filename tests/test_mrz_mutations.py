"""Every single-character change of every specimen, checked exhaustively.

What ICAO 9303 can and cannot detect, and what this test therefore demands:
- A 7-3-1 check digit catches a substitution at a position it covers unless the old and
  new characters have values that differ by a multiple of 10 ("0", "A", "K", "U" and "<"
  all weigh 0 mod 10, "1"/"B"/"L"/"V" weigh 1, ...). The weights 7, 3, 1 are prime to 10,
  so that is the only blind spot.
- Some positions are covered by no check digit in the standard: in TD1/TD2/TD3 the name,
  the document code, the issuing state, the nationality and the sex. The old French card's
  composite digit covers every character before it.
So no parser can make `valid` false for every change. This test demands, for every change:
  valid is false, OR the change is one the check digits provably cannot see (uncovered
  position or value congruent mod 10) AND the parsed fields differ from the specimen's AND,
  when the changed field is an identity fact (name, birth date, document number, issuing
  country, expiry date), the comparison with the case/checklist reports the difference.
Sex, nationality, document code and optional data are not identity facts the decision relies
on; for them the test only demands that the parsed value shown to staff differs.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from dsar_desktop.domain.identity import Expected, compare_mrz
from dsar_desktop.domain.mrz import ALPHABET, MrzError, char_value, parse_mrz

TODAY = dt.date(2027, 3, 1)

# the specimens of test_mrz_parse (repeated so this file imports in package and rootdir modes alike)
TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
TD1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
TD2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]
FR_ID = ["IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<", "8806923102858CORINNE<<<<<<<6512068F6"]

# Positions covered by at least one check digit, written from the standard (not from the parser):
# (line index, first column, last column) inclusive, check digits included.
COVERAGE = {
    # Part 4: doc no + cd 1-10, birth + cd 14-20, expiry + cd 22-28, personal no + cd 29-43, composite 44
    "TD3": [(1, 0, 9), (1, 13, 19), (1, 21, 43)],
    # Part 6: doc no + cd 1-10, birth + cd 14-20, expiry + cd 22-28, optional 29-35 (composite), composite 36
    "TD2": [(1, 0, 9), (1, 13, 19), (1, 21, 35)],
    # Part 5: line 1 doc no + cd 6-15, optional 16-30 (composite); line 2 birth + cd 1-7, expiry + cd 9-15,
    # optional 19-29 (composite), composite 30; line 3 (name) uncovered
    "TD1": [(0, 5, 29), (1, 0, 6), (1, 8, 14), (1, 18, 29)],
    # French card: composite over line 1 and the first 35 characters of line 2, plus itself
    "FR-ID": [(0, 0, 35), (1, 0, 35)],
}
IDENTITY_FACTS = {"surname", "given_names", "birth_date", "document_number", "issuing_country", "expiry_date"}
SHOWN_ONLY = {
    "sex",
    "nationality",
    "document_type",
    "optional_data",
    "optional_data_2",
    "office_code",
    "issue_month",
}

SPECIMENS = {"TD3": TD3, "TD2": TD2, "TD1": TD1, "FR-ID": FR_ID}


def covered(fmt: str, line: int, col: int) -> bool:
    return any(line == li and a <= col <= b for li, a, b in COVERAGE[fmt])


def truth(lines: list[str]) -> Expected:
    f = parse_mrz(lines, today=TODAY).fields
    return Expected(
        name=f"{f['given_names'].title()} {f['surname']}",
        birth_date=f["birth_date"],
        document_number=f["document_number"],
        issuing_country=f["issuing_country"],
        expiry_date=f["expiry_date"],
    )


def mutations(lines: list[str]):
    for li, line in enumerate(lines):
        for col, old in enumerate(line):
            for new in ALPHABET:
                if new != old:
                    changed = list(lines)
                    changed[li] = line[:col] + new + line[col + 1 :]
                    yield li, col, old, new, changed


@pytest.mark.parametrize("fmt", list(SPECIMENS))
def test_every_single_change_is_caught_or_shown(fmt: str) -> None:
    original = SPECIMENS[fmt]
    base = parse_mrz(original, today=TODAY)
    assert base.valid
    expected = truth(original)
    tally: Counter[str] = Counter()
    for li, col, old, new, changed in mutations(original):
        try:
            result = parse_mrz(changed, today=TODAY)
        except MrzError:  # cannot happen with MRZ characters, but would count as caught
            tally["refused"] += 1
            continue
        if not result.valid:
            tally["invalid"] += 1
            continue
        where = f"{fmt} line {li + 1} col {col + 1}: {old!r} -> {new!r}"
        blind = not covered(fmt, li, col) or (char_value(old) - char_value(new)) % 10 == 0
        assert blind, f"{where} is covered by a check digit yet was accepted"
        diff = {
            k for k in set(base.fields) | set(result.fields) if base.fields.get(k) != result.fields.get(k)
        }
        assert diff, f"{where} accepted and invisible"
        if diff & IDENTITY_FACTS:
            statuses = {c.field: c.status for c in compare_mrz(result, expected)}
            assert any(statuses[k] != "match" for k in statuses), f"{where} not reported by the comparison"
            tally["caught_by_comparison"] += 1
        else:
            assert diff <= SHOWN_ONLY, (where, diff)
            tally["shown_only"] += 1
    total = sum(tally.values())
    assert total == sum(len(line) for line in original) * (len(ALPHABET) - 1)
    STATS[fmt] = dict(tally)


STATS: dict[str, dict[str, int]] = {}


def test_the_blind_spot_is_real() -> None:
    # "0" and "<" share value 0: a document number ending in 0 read as "<" keeps every check digit
    changed = [TD1[0][:13] + "<" + TD1[0][14:], TD1[1], TD1[2]]
    result = parse_mrz(changed, today=TODAY)
    assert result.valid
    assert result.fields["document_number"] == "D2314589"
    statuses = {c.field: c.status for c in compare_mrz(result, truth(TD1))}
    assert statuses["document_number"] == "mismatch"


def test_name_change_in_uncovered_field_is_caught_by_the_case() -> None:
    changed = [TD3[0].replace("ERIKSSON", "ERIKSSEN"), TD3[1]]
    result = parse_mrz(changed, today=TODAY)
    assert result.valid  # ICAO: the name has no check digit
    name = next(c for c in compare_mrz(result, truth(TD3)) if c.field == "name")
    assert name.status == "mismatch"
    assert "[o→e]" in name.difference
