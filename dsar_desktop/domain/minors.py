"""Minors: age on the day of receipt, who may act (Code civil art. 371-1 and 388-1-1; 15 is also the
age of consent of LIL art. 45 and the CNIL's line), erasure priority (LIL art. 51), registrations.

Pure rules, no I/O. RULES C1-C4.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .calendar import completed_years
from .matching import fold, parse_date

PARENTAL_AUTHORITY_AGE = 15  # under 15 the holders of parental authority represent the minor (C. civ. 371-1, 388-1-1)
MAJORITY = 18
MINOR_ERASURE = "minor_erasure"  # cases.priority_flag value (LIL art. 51)


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    parsed = parse_date(str(value))
    return parsed.value


def age_on(birth: dt.date | str, day: dt.date | str) -> int:
    """Completed years on `day` (RULES C1: the day of receipt). Born 29 February: a year is
    completed on 28 February in common years, the one rule of `domain.calendar`."""
    b, d = _as_date(birth), _as_date(day)
    if b is None or d is None:
        raise ValueError("age_on needs two dates")
    return completed_years(b, d)


def needs_parental_authority(subject_dob: dt.date | str | None, received: dt.date | str) -> bool:
    """Under 15 on the day of receipt: a holder of parental authority acts, with proof (RULES C2)."""
    birth = _as_date(subject_dob)
    if birth is None:
        return False
    return age_on(birth, received) < PARENTAL_AUTHORITY_AGE


def is_minor_on(subject_dob: dt.date | str | None, day: dt.date | str | None) -> bool | None:
    """True/False, or None when either date is unknown."""
    birth, when = _as_date(subject_dob), _as_date(day)
    if birth is None or when is None:
        return None
    return age_on(birth, when) < MAJORITY


def minor_flags(
    subject_dob: dt.date | str | None,
    received_date: dt.date | str,
    rights: Iterable[str],
    *,
    collected_while_minor: bool | None = None,
) -> set[str]:
    """Priority flags for the case at intake (a subset of {"minor_erasure"}).

    LIL art. 51: erasure of data collected while the person was a minor is handled
    without delay. At intake a subject under 18 necessarily had their data collected
    as a minor; for an adult the caller passes `collected_while_minor=True` when the
    request or the extracts say so (see `flag_minor_registrations`).
    """
    wanted = {str(getattr(r, "value", r)) for r in rights}
    if "erasure" not in wanted:
        return set()
    if collected_while_minor or is_minor_on(subject_dob, received_date):
        return {MINOR_ERASURE}
    return set()


# --- who may act -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActingRule:
    age: int | None
    parental_authority_required: bool
    en: str
    fr: str


def acting_rule(subject_dob: dt.date | str | None, received: dt.date | str, capacity: str) -> ActingRule:
    """Who must act for the subject, as one sentence for the case file."""
    birth = _as_date(subject_dob)
    if birth is None:
        return ActingRule(
            None, False,
            "Date of birth unknown: the age rules cannot be applied.",
            "Date de naissance inconnue : les règles d'âge ne peuvent pas s'appliquer.",
        )  # fmt: skip
    age = age_on(birth, received)
    if age < PARENTAL_AUTHORITY_AGE:
        if capacity == "parent":
            return ActingRule(
                age, True,
                f"The subject was {age} on receipt: the holder of parental authority acts and must prove that authority.",
                f"La personne avait {age} ans à la réception : le titulaire de l'autorité parentale agit et doit en justifier.",
            )  # fmt: skip
        return ActingRule(
            age, True,
            f"The subject was {age} on receipt (under 15): the request must come from or with a holder of parental authority.",
            f"La personne avait {age} ans à la réception (moins de 15 ans) : la demande doit émaner d'un titulaire de l'autorité parentale ou être faite avec lui.",
        )  # fmt: skip
    if age < MAJORITY:
        return ActingRule(
            age, False,
            f"The subject was {age} on receipt: at 15 or over a minor exercises their own rights (the age of LIL art. 45, the CNIL's line).",
            f"La personne avait {age} ans à la réception : à partir de 15 ans un mineur exerce lui-même ses droits (âge de l'article 45 de la loi Informatique et Libertés, ligne de la CNIL).",
        )  # fmt: skip
    return ActingRule(
        age, False, f"The subject was {age} on receipt.", f"La personne avait {age} ans à la réception."
    )


# --- registrations of minors found in the extracts ----------------------------------------------

_YES = {
    "oui",
    "o",
    "yes",
    "y",
    "true",
    "vrai",
    "1",
    "x",
    "ok",
    "signe",
    "signee",
    "recu",
    "recue",
    "fourni",
    "fournie",
}
_NO = {
    "non",
    "n",
    "no",
    "false",
    "faux",
    "0",
    "",
    "absent",
    "absente",
    "manquant",
    "manquante",
    "none",
    "null",
    "nan",
    "-",
}


def consent_recorded(value: Any) -> bool | None:
    """True for a recorded parental consent (yes/oui/1/true/a date), False for no/empty, None if unreadable."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    if isinstance(value, dt.date):
        return True
    text = fold(str(value)).strip().rstrip(".")
    if text in _YES:
        return True
    if text in _NO:
        return False
    if parse_date(text).value is not None:
        return True  # the date the consent was received
    return None


@dataclass(frozen=True)
class MinorRegistrationFlag:
    row_index: int
    registration_date: str  # YYYY-MM-DD
    age_at_registration: int
    consent: str  # "missing" | "unreadable"
    consent_value: str | None
    en: str
    fr: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "row_index": self.row_index,
            "registration_date": self.registration_date,
            "age_at_registration": self.age_at_registration,
            "consent": self.consent,
            "consent_value": self.consent_value,
            "en": self.en,
            "fr": self.fr,
        }


def flag_minor_registrations(
    rows: Sequence[Mapping[str, Any]],
    subject_dob: dt.date | str | None,
    *,
    registration_field: str = "registration_date",
    consent_field: str = "parental_consent",
) -> list[MinorRegistrationFlag]:
    """Registrations made while the subject was under 18 without a recorded parental consent (RULES C4).

    Contract (used by the extracts work):
    - `rows`: the rows confirmed as being about the subject, each a mapping of the export's
      original headers to values **plus** the mapped field names (extracts.mapping.FIELDS), so
      `row["registration_date"]` and `row["parental_consent"]` are read when present.
      Values may be str, date/datetime, bool, int or None.
    - `subject_dob`: the subject's date of birth (date or any spelling `matching.parse_date` reads);
      when unknown nothing can be said and the result is empty.
    - A row is skipped (not flagged) when it has no readable registration date, or when the
      subject was 18 or over on that date.
    - A row registered under 18 is flagged when the consent field is absent from the row, empty,
      a "no" (non/no/false/0/absent...), or unreadable text (`consent="unreadable"`, so a person
      looks at it). "oui/yes/true/1/x", a date, or a non-zero number count as recorded consent.
    - Returns one `MinorRegistrationFlag` per flagged row, in row order, with `row_index` the
      position in `rows`, the age at registration and a sentence in English and French. Pure:
      no I/O, rows are not modified.
    """
    birth = _as_date(subject_dob)
    if birth is None:
        return []
    flags: list[MinorRegistrationFlag] = []
    for index, row in enumerate(rows):
        registered = _as_date(row.get(registration_field))
        if registered is None or registered < birth:
            continue
        age = age_on(birth, registered)
        if age >= MAJORITY:
            continue
        raw = row.get(consent_field)
        consent = consent_recorded(raw)
        if consent is True:
            continue
        state = "unreadable" if consent is None else "missing"
        shown = None if raw is None else str(raw)
        if state == "missing":
            en = f"Registered on {registered.isoformat()} at age {age} without a recorded consent of the holder of parental authority."
            fr = f"Inscription du {registered.isoformat()} à {age} ans sans consentement enregistré du titulaire de l'autorité parentale."
        else:
            en = f"Registered on {registered.isoformat()} at age {age}; the parental consent value '{shown}' cannot be read: check it."
            fr = f"Inscription du {registered.isoformat()} à {age} ans ; la valeur du consentement parental « {shown} » est illisible : à vérifier."
        flags.append(MinorRegistrationFlag(index, registered.isoformat(), age, state, shown, en, fr))
    return flags
