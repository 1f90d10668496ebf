"""Postal address blocks (NF Z 10-011) and where they sit for a DL window envelope."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.errors import DsarError

MAX_LINES = 6
MAX_CHARS = 38
# Default window of a DL envelope with a left window: about 100 mm from the left, 50 mm from the top.
WINDOW_LEFT_MM = 100.0
WINDOW_TOP_MM = 50.0
WINDOW_WIDTH_MM = 90.0
WINDOW_HEIGHT_MM = 35.0

_LAST_LINE = re.compile(r"^(?:[A-Z]{1,3}-)?\d{4,5} [A-Z0-9][A-Z0-9 '\-/ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ]*$")


class AddressInvalid(DsarError):
    code = "address_invalid"
    en = "The postal address cannot be printed in a window envelope: {problem}."
    fr = "L'adresse postale ne peut pas être imprimée pour une enveloppe à fenêtre : {problem_fr}."
    exit_code = 1


@dataclass(frozen=True)
class EnvelopeOffset:
    """A printer-specific shift of the address block, in millimetres (right and down are positive)."""

    right_mm: float = 0.0
    down_mm: float = 0.0


def address_lines(block: str | None) -> list[str]:
    """Split a stored block (lines separated by newlines) into clean lines."""
    return [" ".join(line.split()) for line in (block or "").splitlines() if line.strip()]


def validate_address(lines: list[str]) -> list[str]:
    """Check NF Z 10-011: 2 to 6 lines of at most 38 characters, last line 'POSTCODE CITY' in capitals.

    An international address may end with the country in capitals after the postcode line.
    Raises AddressInvalid naming the first problem.
    """
    if len(lines) < 2:
        raise AddressInvalid(
            problem="it needs at least a name and a postcode line",
            problem_fr="il faut au moins un nom et une ligne code postal et ville",
        )
    if len(lines) > MAX_LINES:
        raise AddressInvalid(
            problem=f"it has {len(lines)} lines; at most {MAX_LINES} are allowed",
            problem_fr=f"elle compte {len(lines)} lignes ; {MAX_LINES} au plus sont permises",
        )
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_CHARS:
            raise AddressInvalid(
                problem=f"line {number} has {len(line)} characters; at most {MAX_CHARS} are allowed ({line[:12]}…)",
                problem_fr=f"la ligne {number} compte {len(line)} caractères ; {MAX_CHARS} au plus sont permis ({line[:12]}…)",
            )
    last = lines[-1]
    if not _LAST_LINE.match(last):
        if (
            len(lines) >= 3
            and last == last.upper()
            and re.search(r"\d", lines[-2])
            and lines[-2] == lines[-2].upper()
        ):
            return lines  # foreign address: "POSTCODE CITY" then "COUNTRY"
        raise AddressInvalid(
            problem="the last line must be the postcode then the city in capitals (e.g. 92074 PARIS LA DEFENSE CEDEX)",
            problem_fr="la dernière ligne doit être le code postal puis la ville en capitales (ex. 92074 PARIS LA DEFENSE CEDEX)",
        )
    return lines
