"""Machine-readable zones: ICAO 9303 TD1, TD2, TD3 and the older French identity card (FR-ID).

Pure functions. `parse_mrz(lines)` normalises pasted text (spaces removed, upper-cased),
recognises the format from the line count and lengths, checks every check digit
(weights 7-3-1, modulo 10) and the structure (digits where digits belong, real dates,
a sex code), and returns the fields with dates as YYYY-MM-DD.

What check digits can and cannot prove (ICAO 9303 Part 3, 4.9): a 7-3-1 check digit
detects any single substitution in the characters it covers *unless* the old and new
character values differ by a multiple of 10 ("0"/"A"/"K"/"U"/"<" share value 0 mod 10).
Some fields are covered by no check digit at all: the name (every TD format), the
document code, issuing state, nationality and sex (TD1, TD2, TD3). Those are compared
with the case and the checklist instead (`domain.identity.compare_mrz`). The old French
card's composite digit covers all 71 characters before it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from .errors import DsarError
from .mrz_countries import is_known_code

FILLER = "<"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<"
WEIGHTS = (7, 3, 1)
FORMATS = ("TD1", "TD2", "TD3", "FR-ID")
SEXES = {"M": "M", "F": "F", "X": "X", "<": None}


class MrzError(DsarError):
    """The text is not a machine-readable zone at all (wrong count, length or characters)."""

    code = "mrz_malformed"
    en = "{detail}"
    fr = "{detail_fr}"
    exit_code = 1

    def __init__(self, detail: str, detail_fr: str) -> None:
        super().__init__(detail=detail, detail_fr=detail_fr)


def char_value(char: str) -> int:
    if char.isdigit():
        return int(char)
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    if char == FILLER:
        return 0
    raise ValueError(f"not an MRZ character: {char!r}")


def check_digit(data: str) -> int:
    """ICAO 9303 Part 3 §4.9: weights 7, 3, 1 repeated, sum modulo 10."""
    return sum(char_value(c) * WEIGHTS[i % 3] for i, c in enumerate(data)) % 10


@dataclass
class MrzResult:
    format: str
    lines: tuple[str, ...]
    checks: dict[str, bool] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)
    problems: list[dict[str, str]] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Every check digit right and the structure sound."""
        return all(self.checks.values()) and not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "valid": self.valid,
            "checks": dict(self.checks),
            "fields": dict(self.fields),
            "problems": list(self.problems),
        }

    def problem(self, code: str, en: str, fr: str) -> None:
        self.problems.append({"code": code, "en": en, "fr": fr})


def normalise(lines: str | list[str] | tuple[str, ...]) -> list[str]:
    """Pasted text to MRZ lines: split lines, drop spaces/tabs, upper-case, check characters."""
    if isinstance(lines, str):
        lines = [lines]
    out: list[str] = []
    for chunk in lines:
        for raw in str(chunk).replace("\r", "\n").split("\n"):
            line = re.sub(r"\s+", "", raw).upper()
            if line:
                out.append(line)
    if len(out) == 1 and len(out[0]) in (72, 88, 90):
        # one pasted run without line breaks: cut it where the format says
        whole = out[0]
        width = {72: 36, 88: 44, 90: 30}[len(whole)]
        out = [whole[i : i + width] for i in range(0, len(whole), width)]
    for number, line in enumerate(out, 1):
        for column, char in enumerate(line, 1):
            if char not in ALPHABET:
                raise MrzError(
                    f"Line {number}, character {column}: '{char}' cannot appear in a machine-readable zone "
                    "(only A-Z, 0-9 and <).",
                    f"Ligne {number}, caractère {column} : « {char} » ne peut pas figurer dans une bande MRZ "
                    "(seulement A-Z, 0-9 et <).",
                )
    return out


def detect_format(lines: list[str]) -> str:
    lengths = [len(line) for line in lines]
    if len(lines) == 3:
        if lengths == [30, 30, 30]:
            return "TD1"
        raise _length_error(lines, 30)
    if len(lines) == 2:
        if lengths == [44, 44]:
            return "TD3"
        if lengths == [36, 36]:
            return "FR-ID" if lines[0].startswith("IDFRA") else "TD2"
        if lengths[0] == lengths[1] or max(lengths) > 44 or max(lengths) < 36:
            raise MrzError(
                f"A two-line zone has 44 characters per line (passport) or 36 (TD2, old French card); got {lengths[0]} and {lengths[1]}.",
                f"Une bande de deux lignes compte 44 caractères par ligne (passeport) ou 36 (TD2, ancienne carte française) ; "
                f"reçu {lengths[0]} et {lengths[1]}.",
            )
        width = 44 if max(lengths) > 40 else 36
        raise _length_error(lines, width)
    raise MrzError(
        f"A machine-readable zone has 2 lines (passport, TD2, French card) or 3 lines (TD1 card); got {len(lines)}.",
        f"Une bande MRZ compte 2 lignes (passeport, TD2, ancienne carte française) ou 3 lignes (carte TD1) ; "
        f"{len(lines)} reçue(s).",
    )


def _length_error(lines: list[str], width: int) -> MrzError:
    wrong = [(i + 1, len(line)) for i, line in enumerate(lines) if len(line) != width]
    detail = ", ".join(f"line {n}: {length}" for n, length in wrong)
    detail_fr = ", ".join(f"ligne {n} : {length}" for n, length in wrong)
    return MrzError(
        f"Each line of this format has {width} characters; {detail}.",
        f"Chaque ligne de ce format compte {width} caractères ; {detail_fr}.",
    )


def parse_mrz(lines: str | list[str] | tuple[str, ...], *, today: dt.date | None = None) -> MrzResult:
    """Parse and check a machine-readable zone. Raises MrzError when it is not one at all."""
    norm = normalise(lines)
    fmt = detect_format(norm)
    today = today or dt.date.today()
    parser = {"TD1": _parse_td1, "TD2": _parse_td2, "TD3": _parse_td3, "FR-ID": _parse_fr_id}[fmt]
    result = MrzResult(format=fmt, lines=tuple(norm))
    parser(result, norm, today)
    return result


# --- field helpers -------------------------------------------------------------------------


def _check(result: MrzResult, name: str, data: str, digit: str, *, may_be_empty: bool = False) -> None:
    """Record one check digit. An all-filler optional field may carry '<' as its digit (ICAO)."""
    if may_be_empty and set(data) <= {FILLER} and digit in (FILLER, "0"):
        result.checks[name] = True
        return
    result.checks[name] = digit.isdigit() and int(digit) == check_digit(data)


def _name(field_text: str) -> tuple[str, str]:
    primary, _, secondary = field_text.partition("<<")
    return _words(primary), _words(secondary)


def _words(text: str) -> str:
    return " ".join(part for part in text.split(FILLER) if part)


def _country_field(result: MrzResult, label: str, label_fr: str, text: str) -> str | None:
    code = label.replace(" ", "_")
    if not re.fullmatch(r"[A-Z]{1,3}<*", text):
        result.problem(
            f"{code}_malformed",
            f"The {label} '{text}' is not a three-letter code.",
            f"Le champ {label_fr} « {text} » n'est pas un code de trois lettres.",
        )
    elif not is_known_code(text):
        result.problem(
            f"{code}_unknown",
            f"The {label} '{text}' is not a country code of ISO 3166 or ICAO 9303.",
            f"Le champ {label_fr} « {text} » n'est pas un code pays ISO 3166 ou OACI 9303.",
        )
    return text.replace(FILLER, "") or None


# primary identifier components joined by one filler, then "<<" and the secondary identifier,
# then fillers to the end (ICAO 9303 Part 4 §4.6). A letter after a run of fillers is malformed.
_ICAO_NAME = re.compile(r"[A-Z]+(<[A-Z]+)*(<<[A-Z]+(<[A-Z]+)*)?<*")
# the old French card: compound surnames and given names separated by one or two fillers
_FR_NAME = re.compile(r"[A-Z]+(<{1,2}[A-Z]+)*<*")


def _name_field(result: MrzResult, text: str, pattern: re.Pattern[str] = _ICAO_NAME) -> None:
    if not pattern.fullmatch(text):
        result.problem(
            "name_malformed",
            f"The name field '{text}' is not letters separated by fillers.",
            f"Le champ du nom « {text} » n'est pas fait de lettres séparées par des <.",
        )


def _document_number(result: MrzResult, text: str) -> str:
    stripped = text.rstrip(FILLER)
    if FILLER in stripped or not stripped:
        result.problem(
            "document_number_malformed",
            "The document number has fillers inside it or is empty.",
            "Le numéro du document est vide ou contient des caractères de remplissage.",
        )
    return stripped


def _date(result: MrzResult, name: str, name_fr: str, text: str, kind: str, today: dt.date) -> str | None:
    if not re.fullmatch(r"\d{6}", text):
        result.problem(
            f"{name}_malformed",
            f"The {name.replace('_', ' ')} '{text}' is not six digits YYMMDD.",
            f"La {name_fr} « {text} » n'est pas en six chiffres AAMMJJ.",
        )
        return None
    yy, mm, dd = int(text[:2]), int(text[2:4]), int(text[4:])
    # birth: the latest such date not after today; expiry: 2000s unless over 50 years ahead
    year = 2000 + yy
    if kind != "birth" and year > today.year + 50:
        year -= 100
    try:
        found = dt.date(year, mm, dd)
        if kind == "birth" and found > today:
            found = dt.date(year - 100, mm, dd)
        return found.isoformat()
    except ValueError:
        result.problem(
            f"{name}_impossible",
            f"The {name.replace('_', ' ')} '{text}' is not a calendar date.",
            f"La {name_fr} « {text} » n'est pas une date du calendrier.",
        )
        return None


def _sex(result: MrzResult, char: str) -> str | None:
    if char not in SEXES:
        result.problem(
            "sex_malformed",
            f"The sex code '{char}' is not M, F, X or <.",
            f"Le sexe « {char} » n'est ni M, ni F, ni X, ni <.",
        )
        return None
    return SEXES[char]


def _document_code(result: MrzResult, code: str, allowed_first: str) -> str:
    if code[0] not in allowed_first or not re.fullmatch(r"[A-Z<]", code[1]):
        result.problem(
            "document_code_malformed",
            f"The document code '{code}' is not valid for this format.",
            f"Le code de document « {code} » n'est pas valable pour ce format.",
        )
    return code.rstrip(FILLER)


def _check_digit_char(result: MrzResult, name: str, char: str, *, may_be_filler: bool = False) -> None:
    if not (char.isdigit() or (may_be_filler and char == FILLER)):
        result.problem(
            f"{name}_check_not_digit",
            f"The check digit of the {name.replace('_', ' ')} is '{char}', not a digit.",
            f"Le chiffre de contrôle ({name}) est « {char} », pas un chiffre.",
        )


def _long_document_number(result: MrzResult, head: str, optional: str) -> tuple[str, str, str, str]:
    """Document numbers over 9 characters (ICAO Part 5 §4.2.2 note j): the check-digit position holds
    '<' and the number continues in the optional data, followed by its check digit, then '<'.
    Returns (number, check data, check digit, optional data left)."""
    tail = optional.split(FILLER, 1)[0]
    if len(tail) < 2:
        result.problem(
            "document_number_malformed",
            "The document number's check digit is missing.",
            "Le chiffre de contrôle du numéro du document manque.",
        )
        return head.rstrip(FILLER), head + tail, FILLER, optional[len(tail) :]
    number = head + tail[:-1]
    return number, number, tail[-1], optional[len(tail) + 1 :]


# --- the four layouts ---------------------------------------------------------------------


def _parse_td3(result: MrzResult, lines: list[str], today: dt.date) -> None:
    l1, l2 = lines
    _name_field(result, l1[5:44])
    surname, given = _name(l1[5:44])
    result.fields.update(
        document_type=_document_code(result, l1[0:2], "P"),
        issuing_country=_country_field(result, "issuing country", "État émetteur", l1[2:5]),
        surname=surname,
        given_names=given,
        document_number=_document_number(result, l2[0:9]),
        nationality=_country_field(result, "nationality", "nationalité", l2[10:13]),
        birth_date=_date(result, "birth_date", "date de naissance", l2[13:19], "birth", today),
        sex=_sex(result, l2[20]),
        expiry_date=_date(result, "expiry_date", "date d'expiration", l2[21:27], "expiry", today),
        optional_data=l2[28:42].rstrip(FILLER) or None,
    )
    for name, pos in (("document_number", 9), ("birth_date", 19), ("expiry_date", 27), ("composite", 43)):
        _check_digit_char(result, name, l2[pos])
    _check_digit_char(result, "personal_number", l2[42], may_be_filler=True)
    _check(result, "document_number", l2[0:9], l2[9])
    _check(result, "birth_date", l2[13:19], l2[19])
    _check(result, "expiry_date", l2[21:27], l2[27])
    _check(result, "personal_number", l2[28:42], l2[42], may_be_empty=True)
    _check(result, "composite", l2[0:10] + l2[13:20] + l2[21:43], l2[43])


def _parse_td2(result: MrzResult, lines: list[str], today: dt.date) -> None:
    l1, l2 = lines
    _name_field(result, l1[5:36])
    surname, given = _name(l1[5:36])
    number_data, digit, optional = l2[0:9], l2[9], l2[28:35]
    number = _document_number(result, number_data) if digit != FILLER else ""
    if digit == FILLER:
        number, number_data, digit, optional = _long_document_number(result, l2[0:9], optional)
    result.fields.update(
        document_type=_document_code(result, l1[0:2], "IAC"),
        issuing_country=_country_field(result, "issuing country", "État émetteur", l1[2:5]),
        surname=surname,
        given_names=given,
        document_number=number,
        nationality=_country_field(result, "nationality", "nationalité", l2[10:13]),
        birth_date=_date(result, "birth_date", "date de naissance", l2[13:19], "birth", today),
        sex=_sex(result, l2[20]),
        expiry_date=_date(result, "expiry_date", "date d'expiration", l2[21:27], "expiry", today),
        optional_data=optional.rstrip(FILLER) or None,
    )
    for name, pos in (("birth_date", 19), ("expiry_date", 27), ("composite", 35)):
        _check_digit_char(result, name, l2[pos])
    _check_digit_char(result, "document_number", digit)
    _check(result, "document_number", number_data, digit)
    _check(result, "birth_date", l2[13:19], l2[19])
    _check(result, "expiry_date", l2[21:27], l2[27])
    _check(result, "composite", l2[0:10] + l2[13:20] + l2[21:35], l2[35])


def _parse_td1(result: MrzResult, lines: list[str], today: dt.date) -> None:
    l1, l2, l3 = lines
    _name_field(result, l3)
    surname, given = _name(l3)
    number_data, digit, optional = l1[5:14], l1[14], l1[15:30]
    number = _document_number(result, number_data) if digit != FILLER else ""
    if digit == FILLER:
        number, number_data, digit, optional = _long_document_number(result, l1[5:14], optional)
    result.fields.update(
        document_type=_document_code(result, l1[0:2], "IAC"),
        issuing_country=_country_field(result, "issuing country", "État émetteur", l1[2:5]),
        surname=surname,
        given_names=given,
        document_number=number,
        nationality=_country_field(result, "nationality", "nationalité", l2[15:18]),
        birth_date=_date(result, "birth_date", "date de naissance", l2[0:6], "birth", today),
        sex=_sex(result, l2[7]),
        expiry_date=_date(result, "expiry_date", "date d'expiration", l2[8:14], "expiry", today),
        optional_data=optional.rstrip(FILLER) or None,
        optional_data_2=l2[18:29].rstrip(FILLER) or None,
    )
    for name, pos in (("birth_date", 6), ("expiry_date", 14), ("composite", 29)):
        _check_digit_char(result, name, l2[pos])
    _check_digit_char(result, "document_number", digit)
    _check(result, "document_number", number_data, digit)
    _check(result, "birth_date", l2[0:6], l2[6])
    _check(result, "expiry_date", l2[8:14], l2[14])
    _check(result, "composite", l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29], l2[29])


def _parse_fr_id(result: MrzResult, lines: list[str], today: dt.date) -> None:
    """French national identity card issued 1988-2021 (2 x 36, not an ICAO layout).

    Line 1: "ID" + "FRA" + surname (25) + issuing department/office code (6).
    Line 2: card number (12: issue YYMM, department 3, serial 5) + check digit,
    given names (14), birth date YYMMDD + check digit, sex, and a composite check
    digit over line 1 and the first 35 characters of line 2. No expiry date in the zone.
    """
    l1, l2 = lines
    _name_field(result, l1[5:30], _FR_NAME)
    _name_field(result, l2[13:27], _FR_NAME)
    number = l2[0:12]
    if not re.fullmatch(r"[0-9A-Z]{12}", number):
        result.problem(
            "document_number_malformed",
            "The card number must have 12 letters or digits.",
            "Le numéro de carte doit compter 12 lettres ou chiffres.",
        )
    issued = None
    if re.fullmatch(r"\d{4}", number[:4]) and 1 <= int(number[2:4]) <= 12:
        issued = f"{1900 + int(number[:2]) if int(number[:2]) > today.year % 100 else 2000 + int(number[:2])}-{number[2:4]}"
    result.fields.update(
        document_type="ID",
        issuing_country="FRA",
        surname=_words(l1[5:30]),
        given_names=_words(l2[13:27]),
        document_number=number.rstrip(FILLER),
        nationality="FRA",
        birth_date=_date(result, "birth_date", "date de naissance", l2[27:33], "birth", today),
        sex=_sex(result, l2[34]),
        expiry_date=None,
        issue_month=issued,
        office_code=l1[30:36].rstrip(FILLER) or None,
    )
    for name, pos in (("document_number", 12), ("birth_date", 33), ("composite", 35)):
        _check_digit_char(result, name, l2[pos])
    _check(result, "document_number", l2[0:12], l2[12])
    _check(result, "birth_date", l2[27:33], l2[33])
    _check(result, "composite", l1 + l2[0:35], l2[35])
