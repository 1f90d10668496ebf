"""What the cells of an export mean: which row is the header, header tokens, dates typed by office tools.

Exports often carry a title ("Export CRM — 2026"), blank rows or notes above the header; a header
row is the first row whose cells look like column labels. Dates arrive as Excel serial numbers
(1900 or 1904 system), as date-times at midnight, or as ISO 8601 with a time and a zone; they are
compared as Paris calendar dates (RULES: times are Europe/Paris).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
HEADER_SCAN_ROWS = 30

_EMAIL = re.compile(r"[^\s@<>(),;:\"']+@[^\s@<>(),;:\"']+\.[A-Za-z]{2,}")
_DATE_LIKE = re.compile(r"^\s*(\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}|\d{4}-\d{2}-\d{2}T)")
_NUMBER = re.compile(r"^\s*[-+]?[\d\s.,]+\s*$")

# ------------------------------------------------------------------ header row


def looks_like_label(cell: str) -> bool:
    """A header cell: short text that is not an e-mail, a date or a number."""
    text = cell.strip()
    return (
        bool(text)
        and len(text) <= 60
        and not (_EMAIL.search(text) or _DATE_LIKE.match(text) or _NUMBER.match(text))
    )


def find_header(rows: Sequence[Sequence[str]], known: frozenset[str] = frozenset()) -> int | None:
    """Index of the header among the first rows, or None when every row is empty.

    A header row has at least two filled cells (unless the table has one column), at least half as
    many as the widest of the first rows, every filled cell a label, and few repeats. Titles and notes
    (one cell) and blank rows are passed over. When some such row names a known column (a token of
    `known`), the first of those wins over a label-like row before it (a subtitle, a legend).
    """
    scanned = [[c for c in row if str(c).strip()] for row in rows[:HEADER_SCAN_ROWS]]
    filled = [i for i, cells in enumerate(scanned) if cells]
    if not filled:
        return None
    widest = max(len(cells) for cells in scanned)
    need = max(2 if widest >= 2 else 1, (widest + 1) // 2)
    candidates = []
    for index in filled:
        cells = [str(c) for c in scanned[index]]
        if len(cells) < need or not all(looks_like_label(c) for c in cells):
            continue
        if len({c.strip().lower() for c in cells}) < 0.8 * len(cells):
            continue
        candidates.append(index)
    for index in candidates:
        if known and any(set(tokens(str(c))) & known for c in scanned[index]):
            return index
    return candidates[0] if candidates else filled[0]


# ------------------------------------------------------------------ header tokens

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_LETTER_FIXES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "°": " ", "º": " "})


def tokens(header: str) -> list[str]:
    """Words of a header, folded: 'Client - Nom complet' -> [client, nom, complet]; 'DateNaiss' ->
    [date, naiss]; 'E-mail (pro)' -> [email, pro]; 'contact.email' -> [contact, email]."""
    text = _CAMEL.sub(" ", header.translate(_LETTER_FIXES))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w]
    joined: list[str] = []
    for word in words:  # 'e-mail', 'e mail' -> email
        if word == "mail" and joined and joined[-1] == "e":
            joined[-1] = "email"
        else:
            joined.append(word)
    return joined


# ------------------------------------------------------------------ typed values

_MIDNIGHT = re.compile(r"^(.*?\d)[ T]00:00(?::00(?:[.,]0+)?)?\s*(?:Z|[+-]00:?00|UTC|GMT)?$")
_ISO_TIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$"
)
_SERIAL = re.compile(r"^\d{1,6}(?:\.0+)?$")
EXCEL_1900 = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01, counting Lotus's 29 February 1900
EXCEL_1904 = dt.date(1904, 1, 1)
MIDNIGHT_PATTERN = r"[ T]00:00(?::00(?:[.,]0+)?)?\s*(?:Z|[+-]00:?00|UTC|GMT)?$"


def strip_midnight(text: str) -> str | None:
    """'14/07/1999 00:00' -> '14/07/1999'; None when there is no midnight time to strip."""
    found = _MIDNIGHT.match(text.strip())
    return found.group(1) if found else None


def iso_instant_date(text: str) -> dt.date | None:
    """The Paris calendar date of an ISO 8601 date-time with a zone, when it is midnight there
    ('1999-07-13T22:00:00Z' -> 1999-07-14: a birth date saved as local midnight in UTC)."""
    found = _ISO_TIME.match(text.strip())
    if not found or not found.group(5):
        return None
    day, hour, minute, second, zone = found.groups()
    zone = "+00:00" if zone == "Z" else zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
    try:
        moment = dt.datetime.fromisoformat(f"{day}T{hour}:{minute}:{second or '00'}{zone}")
    except ValueError:
        return None
    local = moment.astimezone(PARIS)
    return local.date() if local.time() == dt.time() else None


def serial_date(text: str, system: int = 1900) -> dt.date | None:
    """An Excel serial day number (a date cell whose format was lost) as a date; None if not one."""
    value = text.strip()
    if not _SERIAL.match(value):
        return None
    days = int(float(value))
    if not 1 <= days <= 2_958_465:
        return None
    base = EXCEL_1904 if system == 1904 else EXCEL_1900
    return base + dt.timedelta(days=days)


def serial_of(day: dt.date, system: int = 1900) -> str:
    base = EXCEL_1904 if system == 1904 else EXCEL_1900
    return str((day - base).days)


def typed_date(text: str, system: int = 1900) -> dt.date | None:
    """A birth-date cell written by an office tool: serial, ISO instant at Paris midnight. (Plain
    spellings, with or without a midnight time, are the domain's date spellings.)"""
    return serial_date(text, system) or iso_instant_date(text)


def plain_number(text: str) -> str:
    """'20231234.0' -> '20231234' (an identifier a spreadsheet stored as a float)."""
    value = text.strip()
    return value[: value.index(".")] if re.fullmatch(r"\d+\.0+", value) else value


_PHONE_RUN = re.compile(r"\+?\(?\d[\d .\-()/]{6,}\d")


def emails_in(text: str) -> list[str]:
    return [m.group(0).strip(".").lower() for m in _EMAIL.finditer(text or "")]


def phone_runs_in(text: str) -> list[str]:
    """Digit strings of the phone-like runs in free text ('appelez le 06 12 34 56 78' -> ['0612345678'])."""
    return [re.sub(r"\D", "", m.group(0)) for m in _PHONE_RUN.finditer(text or "")]


MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre")  # fmt: skip
MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december")  # fmt: skip


def month_spellings(day: dt.date) -> set[str]:
    """A date written with its month's name, lower case: '14 juillet 1999', '1er juillet 1999',
    'july 14, 1999', '14 july 1999', '14 jul 1999', '14 juil. 1999'."""
    fr, en = MONTHS_FR[day.month - 1], MONTHS_EN[day.month - 1]
    days = {str(day.day), f"{day.day:02d}"} | ({"1er"} if day.day == 1 else set())
    names = {fr, fr.replace("é", "e").replace("û", "u"), en, en[:3], fr[:4] + ".", fr[:3] + "."}
    spelled = {f"{d} {m} {day.year}" for d in days for m in names}
    spelled |= {f"{m} {d}, {day.year}" for d in days for m in (en, en[:3])}
    return spelled
