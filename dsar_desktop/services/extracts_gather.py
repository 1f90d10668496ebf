"""Gathering a case's extracts in a few actions: every file at once, each assigned to its system, one pass.

assign_files(reg, paths)                 each file's system from its name, its headers or the mapping
                                         remembered for that system (a person confirms the table)
gather(reg, ref, assignments, progress=, cancel=)   search all files, system by system; one summary
identifier_suggestions(reg, ref)         birth dates, student numbers... read in confirmed rows
add_subject_identifier(reg, ref, field, value)      fill a missing identifier of the case (never overwrite)
set_file_aside(reg, ref, file_id, reason)           a file no column of which identifies anyone
confirm_exact_email_matches(reg, ref)    every pending match found by an exact e-mail column, in one step
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.errors import DsarError, InvalidInput
from ..domain.matching import name_key, normalise_email, normalise_phone, normalise_student_number, parse_date
from ..domain.progress import CancelToken, Progress, no_progress
from ..extracts.cells import tokens, typed_date
from ..extracts.mapping import ColumnMapping
from ..store import audit
from ..store.connection import Register
from .catalogue import current_catalogue
from .extracts import AttachResult, attach, preview_file
from .extracts_coverage import CASE_COLUMNS, IDENTIFIER_WORDS
from .extracts_review import case_id_of, confirm_match, list_matches, now_utc


class FileNotSearched(DsarError):
    code = "extract_file_not_searched"
    en = "No searched file {file} belongs to request {ref}."
    fr = "Aucun fichier recherché {file} n'appartient à la demande {ref}."
    exit_code = 3


class IdentifierAlreadySet(DsarError):
    code = "extract_identifier_set"
    en = "Request {ref} already has a {what}; change it in the request itself."
    fr = "La demande {ref} a déjà un(e) {what_fr} ; modifiez-le dans la demande elle-même."
    exit_code = 1


@dataclass
class Assignment:
    """One file and the system it goes to; `how` says why (name, headers, remembered), '' when unknown."""

    path: Path
    source: str | None
    how: str
    headers: list[str] = field(default_factory=list)
    mapping: ColumnMapping | None = None
    error: str | None = None  # the file could not be opened (said in the table; the file is left out)
    exit_code: int = 0  # that error's exit code for the command line (7 for a file the readers refuse)

    def to_json(self) -> dict[str, Any]:
        return {"file": self.path.name, "source": self.source, "how": self.how, "error": self.error}


def assign_files(reg: Register, paths: Sequence[Path | str], language: str = "en") -> list[Assignment]:
    """Guess each file's system: the remembered mapping's headers first, then the file name, then headers
    shared with what a system's files had before. A file that cannot be opened keeps its error."""
    from ..domain.errors import DsarError, describe

    catalogue = current_catalogue(reg)
    remembered = {
        source: (ColumnMapping.from_json(json.loads(mapping)), set(json.loads(headers or "[]")))
        for source, mapping, headers in reg.query("SELECT source, mapping, headers FROM source_mappings")
    }
    names = {a.id: set(tokens(a.id)) | set(tokens(a.text("name", "en"))) | set(tokens(a.text("name", "fr")))
             for a in catalogue.activities}  # fmt: skip
    result = []
    for raw in paths:
        path = Path(raw)
        try:
            preview = preview_file(path)
        except Exception as exc:  # noqa: BLE001 - the table says why this file is left out
            code = exc.exit_code if isinstance(exc, DsarError) else 1
            result.append(Assignment(path, None, "", error=describe(exc, language), exit_code=code))
            continue
        headers = set(preview.headers)
        source, how = None, ""
        exact = [s for s, (_m, h) in remembered.items() if h and h == headers]
        if len(exact) == 1:
            source, how = exact[0], "remembered"
        if source is None:
            stem = name_key(path.stem)
            by_name = [a for a in names if name_key(a) == stem or name_key(a) in stem]
            if len(by_name) == 1:
                source, how = by_name[0], "name"
        if source is None:
            best = max(
                ((len(h & headers) / len(h | headers), s) for s, (_m, h) in remembered.items() if h),
                default=(0.0, None),
            )
            if best[0] >= 0.5:
                source, how = best[1], "headers"
        if source is None:
            words = set(tokens(path.stem))
            scored = sorted(
                ((len(words & w), a) for a, w in names.items() if words & w - _COMMON), reverse=True
            )
            if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
                source, how = scored[0][1], "name"
        mapping = remembered[source][0] if source in remembered and how == "remembered" else None
        result.append(Assignment(path, source, how, list(preview.headers), mapping))
    return result


_COMMON = {"and", "et", "de", "des", "du", "la", "le", "les", "of", "the", "export", "extract", "csv", "xlsx"}


@dataclass
class GatherSummary:
    """What one pass over every file did, system by system (said once, at the end)."""

    systems: list[AttachResult] = field(default_factory=list)
    left_out: list[Assignment] = field(default_factory=list)

    @property
    def matches(self) -> int:
        return sum(sum(r.matches_by_case.values()) for r in self.systems)

    def to_json(self) -> dict[str, Any]:
        return {
            "matches": self.matches,
            "systems": [r.to_json() for r in self.systems],
            "left_out": [a.to_json() for a in self.left_out],
        }


def gather(
    reg: Register,
    ref: str,
    assignments: Sequence[Assignment],
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> GatherSummary:
    """Search every assigned file for the case's subject, grouped by system (one attach per system, each
    one transaction); files without a system are left out and listed."""
    summary = GatherSummary()
    by_source: dict[str, list[Assignment]] = {}
    for item in assignments:
        if item.source is None or item.error:
            summary.left_out.append(item)
        else:
            by_source.setdefault(item.source, []).append(item)
    sizes = {id(a): max(1, a.path.stat().st_size) for items in by_source.values() for a in items}
    total = sum(sizes.values())
    done = 0
    for source, items in by_source.items():
        mappings = {a.path.name: a.mapping for a in items if a.mapping is not None}
        span = sum(sizes[id(a)] for a in items)

        def step(part: int, whole: int, stage: str, start: int = done, span: int = span) -> None:
            progress(start + int(part / max(1, whole) * span), total, stage)

        summary.systems.append(
            attach(reg, ref, [a.path for a in items], source, mappings or None, progress=step, cancel=cancel)
        )
        done += span
    progress(total, total, "search")
    return summary


# ---------------------------------------------------------------- missing identifiers


@dataclass(frozen=True)
class Suggestion:
    field: str  # dob | student_number | phone | email
    value: str
    source: str
    file: str
    row: int


def identifier_suggestions(reg: Register, ref: str) -> list[Suggestion]:
    """Values of identifiers the case lacks, read in its confirmed rows (a person confirmed them as the
    subject's): one click adds one to the case."""
    case_id = case_id_of(reg, ref)
    row = reg.query_one(
        "SELECT subject_email, subject_phone, subject_dob, subject_student_number FROM cases WHERE id = ?",
        (case_id,),
    )
    missing = [
        f for f, value in zip(("email", "phone", "dob", "student_number"), row, strict=True) if not value
    ]
    if not missing:
        return []
    found: dict[tuple[str, str], Suggestion] = {}
    for source, file, number, record, mapping in reg.query(
        "SELECT m.source, f.name, m.row_number, m.record, m.mapping FROM extract_matches m"
        " JOIN extract_files f ON f.id = m.file_id WHERE m.case_id = ? AND m.status = 'confirmed'"
        " ORDER BY m.id",
        (case_id,),
    ):
        values = json.loads(record or "{}")
        columns = json.loads(mapping or "{}")
        for field_name in missing:
            column = columns.get(field_name)
            value = _clean(field_name, values.get(column) if column else None)
            if value and (field_name, value) not in found:
                found[(field_name, value)] = Suggestion(field_name, value, source, file, int(number))
    return list(found.values())


def _clean(field_name: str, raw: Any) -> str | None:
    """A value as the case stores it (ISO date, normalised number), None if it cannot be read."""
    text = str(raw or "").strip()
    if not text:
        return None
    if field_name == "dob":
        typed = typed_date(text)
        if typed:
            return typed.isoformat()
        parsed = parse_date(text.split("T")[0].split(" ")[0])
        if parsed.value is None or parsed.ambiguous:
            return None  # a two-digit year is not a birth date to record
        return parsed.value.isoformat()
    if field_name == "student_number":
        return normalise_student_number(text.removesuffix(".0")) or None
    if field_name == "phone":
        return normalise_phone(text)
    if field_name == "email":
        return normalise_email(text) or None
    return None


def add_subject_identifier(reg: Register, ref: str, field_name: str, value: str, origin: str = "") -> None:
    """Fill an identifier the case lacks (dob, student_number, phone, email); never overwrite one.

    `origin` (a system id, or "command line") goes to the audit log with the field's name, never the value."""
    column = {
        "dob": CASE_COLUMNS["name+dob"],
        **{k: v for k, v in CASE_COLUMNS.items() if k != "name+dob"},
    }.get(field_name)
    if column is None:
        raise InvalidInput(f"Unknown identifier '{field_name}'.", f"Identifiant inconnu « {field_name} ».")
    clean = _clean(field_name, value)
    if clean is None:
        words = IDENTIFIER_WORDS["name+dob" if field_name == "dob" else field_name]
        raise InvalidInput(
            f"'{value}' is not a valid {words[0]}.", f"« {value} » n'est pas un(e) {words[1]} valide."
        )
    case_id = case_id_of(reg, ref)
    with reg.transaction() as conn:
        current = conn.execute(f"SELECT {column} FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
        if current:
            words = IDENTIFIER_WORDS["name+dob" if field_name == "dob" else field_name]
            raise IdentifierAlreadySet(ref=ref, what=words[0], what_fr=words[1])
        conn.execute(f"UPDATE cases SET {column} = ? WHERE id = ?", (clean, case_id))
        audit.append(
            conn, reg.actor, "case.identifier_added", ref, {"field": field_name, "from": origin[:40]}
        )


# ---------------------------------------------------------------- set aside, confirm in one step


def set_file_aside(reg: Register, ref: str, file_id: int, reason: str) -> None:
    """A file no column of which identifies anyone, set aside by a person with a reason: it no longer
    keeps its system from counting as searched (the reason stays in the register and the audit log)."""
    if not reason.strip():
        raise InvalidInput("Setting a file aside needs a reason.", "Écarter un fichier exige un motif.")
    case_id = case_id_of(reg, ref)
    row = reg.query_one(
        "SELECT f.name, f.source FROM case_source_files l JOIN extract_files f ON f.id = l.file_id"
        " WHERE l.case_id = ? AND l.file_id = ?",
        (case_id, file_id),
    )
    if row is None:
        raise FileNotSearched(file=str(file_id), ref=ref)
    with reg.transaction() as conn:
        conn.execute(
            "UPDATE case_source_files SET aside_reason = ?, aside_actor = ?, aside_at = ? WHERE case_id = ? AND file_id = ?",
            (reason.strip(), reg.actor, now_utc(), case_id, file_id),
        )
        # codes and ids only in the audit log (a file name may name a person); the reason stays in the row
        audit.append(conn, reg.actor, "extracts.file_set_aside", ref, {"file_id": file_id, "source": row[1]})


def unmapped_files(reg: Register, ref: str) -> list[dict[str, Any]]:
    """Files of the case with no identifying column and not set aside: {id, name, source}."""
    case_id = case_id_of(reg, ref)
    return [
        {"id": int(r[0]), "name": r[1], "source": r[2]}
        for r in reg.query(
            "SELECT f.id, f.name, f.source FROM case_source_files l JOIN extract_files f ON f.id = l.file_id"
            " WHERE l.case_id = ? AND f.unmapped = 1 AND l.aside_reason IS NULL ORDER BY f.id",
            (case_id,),
        )
    ]


def exact_email_matches(reg: Register, ref: str) -> list[int]:
    """Pending matches found by the e-mail column itself, with no warning (not in free text)."""
    return [m.id for m in list_matches(reg, ref, status="pending") if "email" in m.reasons and not m.warnings]


def confirm_exact_email_matches(reg: Register, ref: str) -> int:
    """Confirm every pending match whose e-mail column holds the subject's exact address; how many."""
    ids = exact_email_matches(reg, ref)
    for match_id in ids:
        confirm_match(reg, match_id)
    return len(ids)
