"""Matching keys: folded names, dates in French and ISO spellings, E.164 phones, e-mails, subjects."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field

import phonenumbers

# Every dash a keyboard, a word processor or a CRM may produce becomes "-".
HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad\ufe63\uff0d"
# Every apostrophe-like mark becomes "'".
APOSTROPHES = "\u2019\u2018\u02bc\u00b4`\u2032\uff07"
# Letters NFKD does not decompose.
_LETTERS = {
    "œ": "oe",
    "Œ": "oe",
    "æ": "ae",
    "Æ": "ae",
    "ß": "ss",
    "ẞ": "ss",
    "ø": "o",
    "Ø": "o",
    "ł": "l",
    "Ł": "l",
    "đ": "d",
    "Đ": "d",
    "ð": "d",
    "Ð": "d",
    "þ": "th",
    "Þ": "th",
    "ı": "i",
    "ħ": "h",
    "Ħ": "h",
}
LETTER_FOLDS = dict(_LETTERS)  # public: the search engine applies the same table in its vectorised pre-filter
_TRANSLATE = str.maketrans({**{c: "-" for c in HYPHENS}, **{c: "'" for c in APOSTROPHES}, **_LETTERS})
_SPACES = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def unify_marks(text: str) -> str:
    """Hyphen and apostrophe variants unified, spaces collapsed, ends trimmed; case and accents kept."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).translate(_TRANSLATE)).strip()


def fold(text: str) -> str:
    """Accents and case folded (NFKD, œ→oe, æ→ae, ß→ss, ø/ł/đ), marks unified, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLATE))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped.casefold().translate(_TRANSLATE)).strip()


@functools.lru_cache(maxsize=65_536)  # exports repeat the same names: fold each spelling once
def name_key(text: str) -> str:
    """The comparison key of a name: folded, then only letters and digits (so 'Jean‐Pierre' = 'jean pierre')."""
    return _NOT_ALNUM.sub("", fold(text))


def split_full_name(full: str) -> tuple[str, str]:
    """Split 'First LAST' (the register's convention) into (first names, surname).

    The surname is the trailing run of words written in capitals; failing that, the last word.
    """
    words = unify_marks(full).split(" ")
    words = [w for w in words if w]
    if not words:
        return "", ""
    cut = len(words)
    while cut > 0 and _is_capitals(words[cut - 1]):
        cut -= 1
    if cut == len(words) or cut == 0:
        cut = len(words) - 1 if len(words) > 1 else 0
        if cut == 0:
            return "", words[0]
    return " ".join(words[:cut]), " ".join(words[cut:])


def _is_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


# ---------------------------------------------------------------- e-mail, phone, student number


def normalise_email(text: str | None) -> str:
    return (text or "").strip().casefold()


def normalise_phone(text: str | None, region: str = "FR") -> str | None:
    """E.164 form (+33612345678), or None when the text is not a possible number."""
    if not text or not text.strip():
        return None
    raw = text.strip()
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_digit_forms(e164: str) -> frozenset[str]:
    """The digit strings a system may hold for this number once every non-digit is dropped.

    +33612345678 → 0612345678, 612345678 (a spreadsheet ate the 0), 33612345678,
    0033612345678, 330612345678 and 00330612345678 (the '+33 (0)6' habit).
    """
    number = phonenumbers.parse(e164, None)
    cc = str(number.country_code)
    nsn = phonenumbers.national_significant_number(number)
    forms = {cc + nsn, "00" + cc + nsn, cc + "0" + nsn, "00" + cc + "0" + nsn, nsn, "0" + nsn}
    return frozenset(forms)


def digits_only(text: str | None) -> str:
    return "".join(c for c in (text or "") if c.isdigit())


def normalise_student_number(text: str | None) -> str:
    return re.sub(r"\s+", "", (text or "")).casefold()


# ---------------------------------------------------------------- dates

_FR_MONTHS = {
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4, "mai": 5,
    "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9, "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9,
    "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_ISO = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$",
    re.I,
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DMY = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?$", re.I)
_WORDS = re.compile(r"^(\d{1,2})(?:er)?\s+([a-z]+)\.?\s+(\d{4})$")


@dataclass(frozen=True)
class ParsedDate:
    """A date read from an export; `ambiguous` says why it might be another day (e.g. a 2-digit year)."""

    value: dt.date | None
    ambiguous: bool = False
    note: str = ""


def parse_date(text: str | None, *, today: dt.date | None = None) -> ParsedDate:
    """Read the common French (day first) and ISO spellings. Two-digit years are reported ambiguous."""
    raw = fold(text or "")
    if not raw:
        return ParsedDate(None, note="empty")
    try:
        if m := _ISO.match(raw):
            return ParsedDate(dt.date(int(m[1]), int(m[2]), int(m[3])))
        if m := _COMPACT.match(raw):
            return ParsedDate(dt.date(int(m[1]), int(m[2]), int(m[3])))
        if m := _DMY.match(raw):
            day, month, year_text = int(m[1]), int(m[2]), m[3]
            if len(year_text) == 4:
                return ParsedDate(dt.date(int(year_text), month, day))
            year = _century(int(year_text), today or dt.date.today())
            return ParsedDate(dt.date(year, month, day), ambiguous=True, note="two-digit year")
        if m := _WORDS.match(raw):
            month_number = _FR_MONTHS.get(m[2])
            if month_number:
                return ParsedDate(dt.date(int(m[3]), month_number, int(m[1])))
    except ValueError:
        return ParsedDate(None, note="no such day")
    return ParsedDate(None, note="unknown format")


def _century(two_digits: int, today: dt.date) -> int:
    """A birth year written with two digits: the latest year not in the future."""
    year = 2000 + two_digits
    return year if year <= today.year else year - 100


def date_spellings(day: dt.date) -> tuple[frozenset[str], frozenset[str]]:
    """(exact, ambiguous) spellings of a date: ISO, compact, day-first with / - . and space, padded or not.

    The ambiguous set holds the two-digit-year spellings: a row matching only those is reported.
    """
    y, m, d = day.year, day.month, day.day
    exact = {
        f"{y:04d}-{m:02d}-{d:02d}",
        f"{y:04d}/{m:02d}/{d:02d}",
        f"{y:04d}.{m:02d}.{d:02d}",
        f"{y:04d}{m:02d}{d:02d}",
        f"{y:04d}-{m}-{d}",
    }
    for time_part in ("T00:00:00", " 00:00:00", "T00:00:00.000", " 00:00:00.000", "T00:00", " 00:00"):
        exact.add(f"{y:04d}-{m:02d}-{d:02d}{time_part}")
    ambiguous = set()
    for sep in "/-. ":
        for dd in {f"{d:02d}", str(d)}:
            for mm in {f"{m:02d}", str(m)}:
                exact.add(f"{dd}{sep}{mm}{sep}{y:04d}")
                ambiguous.add(f"{dd}{sep}{mm}{sep}{y % 100:02d}")
    return frozenset(exact), frozenset(ambiguous)


# ---------------------------------------------------------------- the subject searched for


@dataclass(frozen=True)
class Subject:
    """The person searched for, with every key precomputed. `key` identifies them (e.g. a case ref)."""

    key: str
    emails: frozenset[str] = frozenset()
    phone_forms: frozenset[str] = frozenset()
    name_keys: frozenset[str] = frozenset()  # first+last and last+first, letters only
    first_key: str = ""
    last_key: str = ""
    name_parts: tuple[str, str] = ("", "")  # (first names, surname) as written, marks unified
    dob: dt.date | None = None
    dob_exact: frozenset[str] = frozenset()
    dob_ambiguous: frozenset[str] = frozenset()
    student_numbers: frozenset[str] = frozenset()
    problems: tuple[str, ...] = field(default=())

    @property
    def searchable(self) -> bool:
        return bool(self.emails or self.phone_forms or self.student_numbers or (self.name_keys and self.dob))


def make_subject(
    key: str,
    *,
    name: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    dob: str | dt.date | None = None,
    student_number: str | None = None,
    region: str = "FR",
) -> Subject:
    """Build a Subject from what a case knows. Unusable parts are listed in `problems`, not raised."""
    problems: list[str] = []
    emails = frozenset({normalise_email(email)} - {""})
    phone_forms: frozenset[str] = frozenset()
    if phone and phone.strip():
        e164 = normalise_phone(phone, region)
        if e164:
            phone_forms = phone_digit_forms(e164)
        else:
            problems.append("phone")
    first, last = split_full_name(name or "")
    first_key, last_key = name_key(first), name_key(last)
    name_keys = frozenset({first_key + last_key, last_key + first_key} - {""})
    birth: dt.date | None = None
    if isinstance(dob, dt.date):
        birth = dob
    elif dob and dob.strip():
        parsed = parse_date(dob)
        birth = parsed.value
        if birth is None:
            problems.append("dob")
    exact, ambiguous = date_spellings(birth) if birth else (frozenset(), frozenset())
    numbers = frozenset({normalise_student_number(student_number)} - {""})
    return Subject(
        key=key,
        emails=emails,
        phone_forms=phone_forms,
        name_keys=name_keys,
        first_key=first_key,
        last_key=last_key,
        name_parts=(first, last),
        dob=birth,
        dob_exact=exact,
        dob_ambiguous=ambiguous,
        student_numbers=numbers,
        problems=tuple(problems),
    )


def row_name_matches(
    subject: Subject, *, full: str | None = None, first: str | None = None, last: str | None = None
) -> bool:
    """True when a row's name (one column, or surname and first-name columns) is the subject's."""
    if not subject.name_keys:
        return False
    if first is not None or last is not None:
        return (name_key(first or "") + name_key(last or "")) in subject.name_keys or (
            name_key(last or "") + name_key(first or "")
        ) in subject.name_keys
    return bool(full) and name_key(full or "") in subject.name_keys
