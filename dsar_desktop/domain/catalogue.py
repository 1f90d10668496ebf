"""The processing register (catalogue): activities with purposes, categories, basis, recipients, retention, source."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from .calendar import years_after
from .errors import DsarError

LANGUAGES = ("fr", "en")
LEGAL_BASES = (
    "consent",
    "contract",
    "legal_obligation",
    "vital_interest",
    "public_task",
    "legitimate_interest",
)
RETENTION_RULES = ("end_of_training_plus", "from_issue", "end_of_relationship", "fixed", "cookie_policy")
SOURCE_CODES = ("data_subject", "internal", "third_party")
TEXT_FIELDS = ("name", "system", "transfers_outside_eu", "automated_decision")
LIST_FIELDS = ("purposes", "data_categories", "recipients")
_ID = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


class CatalogueInvalid(DsarError):
    code = "catalogue_invalid"
    en = "The processing register is not valid: {problems}"
    fr = "Le registre des traitements n'est pas valide : {problems}"
    exit_code = 1


@dataclass(frozen=True)
class Activity:
    """One processing activity, which is also one source of extracts to search."""

    id: str
    data: dict[str, Any]

    def text(self, field: str, language: str = "fr") -> str:
        return str(self.data[field][language])

    def items(self, field: str, language: str = "fr") -> list[str]:
        return list(self.data[field][language])

    @property
    def legal_basis(self) -> str:
        return str(self.data["legal_basis"]["code"])

    @property
    def retention_rule(self) -> str:
        return str(self.data["retention"]["rule"])

    @property
    def retention_years(self) -> int:
        return int(self.data["retention"].get("years", 0))

    @property
    def source_code(self) -> str:
        return str(self.data["source"]["code"])

    @property
    def registration_source(self) -> bool:
        """Rows from this source are registrations or applications (minors' check, RULES C4)."""
        return bool(self.data.get("registration_source", False))

    @property
    def portable(self) -> bool:
        return bool(self.data.get("portable", False))

    def article15(self, language: str = "fr") -> dict[str, Any]:
        """The Art. 15(1)-(2) facts of this activity in one language, for the response letter."""
        d = self.data
        return {
            "id": self.id,
            "name": d["name"][language],
            "purposes": list(d["purposes"][language]),
            "data_categories": list(d["data_categories"][language]),
            "legal_basis": d["legal_basis"][language],
            "recipients": list(d["recipients"][language]),
            "retention": d["retention"][language],
            "source": d["source"][language],
            "transfers_outside_eu": d["transfers_outside_eu"][language],
            "automated_decision": d["automated_decision"][language],
        }


@dataclass(frozen=True)
class Catalogue:
    """A validated catalogue. `version` is the register's version number (0 when not stored yet);
    `sources` the activities as plain dicts (what the letter and pack builders read); `meta` the rest."""

    version: int
    sources: list[dict[str, Any]]
    meta: dict[str, Any]

    @property
    def data(self) -> dict[str, Any]:
        return {**self.meta, "activities": self.sources}

    @property
    def activities(self) -> list[Activity]:
        return [Activity(a["id"], a) for a in self.sources]

    @property
    def source_ids(self) -> list[str]:
        return [a["id"] for a in self.sources]

    def activity(self, activity_id: str) -> Activity:
        for activity in self.activities:
            if activity.id == activity_id:
                return activity
        raise KeyError(activity_id)

    def has(self, activity_id: str) -> bool:
        return activity_id in self.source_ids

    def to_json_text(self) -> str:
        return canonical_json(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.to_json_text().encode("utf-8")).hexdigest()


def canonical_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def parse_catalogue(data: Any, version: int = 0) -> Catalogue:
    """Validate a catalogue object (as loaded from JSON); raise CatalogueInvalid listing every problem."""
    problems = validate(data)
    if problems:
        shown = "; ".join(problems[:8]) + (f"; … ({len(problems)} in all)" if len(problems) > 8 else "")
        raise CatalogueInvalid(problems=shown)
    meta = {k: v for k, v in data.items() if k != "activities"}
    return Catalogue(version, [dict(a) for a in data["activities"]], meta)


def validate(data: Any) -> list[str]:
    """Every problem found, as short English phrases naming the activity and field."""
    if not isinstance(data, dict):
        return ["the catalogue is not a JSON object"]
    activities = data.get("activities")
    if not isinstance(activities, list) or not activities:
        return ["it has no activities"]
    problems: list[str] = []
    seen: set[str] = set()
    for index, activity in enumerate(activities):
        if not isinstance(activity, dict):
            problems.append(f"activity {index + 1} is not an object")
            continue
        ident = activity.get("id")
        where = f"activity '{ident}'" if isinstance(ident, str) else f"activity {index + 1}"
        if not isinstance(ident, str) or not _ID.match(ident):
            problems.append(f"{where}: id must be 2-40 lower-case letters, digits or _")
        elif ident in seen:
            problems.append(f"{where}: id used twice")
        else:
            seen.add(ident)
        for field in TEXT_FIELDS:
            problems += _check_text(activity.get(field), f"{where}: {field}")
        for field in LIST_FIELDS:
            problems += _check_list(activity.get(field), f"{where}: {field}")
        basis = activity.get("legal_basis")
        problems += _check_text(basis, f"{where}: legal_basis")
        if isinstance(basis, dict) and basis.get("code") not in LEGAL_BASES:
            problems.append(f"{where}: legal_basis code must be one of {', '.join(LEGAL_BASES)}")
        retention = activity.get("retention")
        problems += _check_text(retention, f"{where}: retention")
        if isinstance(retention, dict):
            if retention.get("rule") not in RETENTION_RULES:
                problems.append(f"{where}: retention rule must be one of {', '.join(RETENTION_RULES)}")
            years = retention.get("years", 0)
            if not isinstance(years, int) or years < 0 or years > 150:
                problems.append(f"{where}: retention years must be a whole number from 0 to 150")
        draft = activity.get("draft", [])
        known = {*TEXT_FIELDS, *LIST_FIELDS, "legal_basis", "retention", "source"}
        if draft is not True and (
            not isinstance(draft, list) or not all(isinstance(d, str) and d in known for d in draft)
        ):
            problems.append(
                f"{where}: draft must be true or a list of field names ({', '.join(sorted(known))})"
            )
        source = activity.get("source")
        problems += _check_text(source, f"{where}: source")
        if isinstance(source, dict) and source.get("code") not in SOURCE_CODES:
            problems.append(f"{where}: source code must be one of {', '.join(SOURCE_CODES)}")
    return problems


def _check_text(value: Any, where: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{where} is missing"]
    return [
        f"{where} has no {lang} text"
        for lang in LANGUAGES
        if not isinstance(value.get(lang), str) or not value[lang].strip()
    ]


def _check_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{where} is missing"]
    problems = []
    for lang in LANGUAGES:
        items = value.get(lang)
        if (
            not isinstance(items, list)
            or not items
            or not all(isinstance(i, str) and i.strip() for i in items)
        ):
            problems.append(f"{where} needs at least one {lang} item")
    if not problems and len(value["fr"]) != len(value["en"]):
        problems.append(f"{where} has {len(value['fr'])} French items and {len(value['en'])} English ones")
    return problems


def retention_end(
    activity: Activity,
    *,
    training_end: dt.date | None = None,
    issue_date: dt.date | None = None,
    relationship_end: dt.date | None = None,
) -> dt.date | None:
    """The date the activity's retention rule ends, from the event it counts from; None when unknown."""
    rule, years = activity.retention_rule, activity.retention_years
    start = {
        "end_of_training_plus": training_end,
        "from_issue": issue_date,
        "end_of_relationship": relationship_end,
    }.get(rule)
    if start is None:
        return None
    return years_after(start, years)
