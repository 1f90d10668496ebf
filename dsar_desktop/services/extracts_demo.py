"""Demo extracts: the sample export files in resources/demo and confirmed matches for a few demo cases."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..extracts.engine import search_files
from ..extracts.mapping import ColumnMapping, suggest_mapping
from ..extracts.opening import open_extract
from ..paths import RESOURCES
from ..store import audit
from ..store.connection import Register

DEMO_DIR = RESOURCES / "demo"
DEMO_FILES = {
    "crm_prospects": "crm_prospects.csv",
    "applications": "applications.csv",
    "student_records": "student_records.xlsx",
    "diplomas": "diplomas.tsv",
    "newsletter": "newsletter.jsonl",
    "surveys": "surveys.csv",
    "web_analytics": "web_analytics.jsonl",
    "customer_service": "customer_service.csv",
}
# The demo person present in every sample file, under spelling variants.
DEMO_PERSON = {
    "name": "Éloïse L’HÔTE",
    "email": "eloise.lhote@exemple.fr",
    "phone": "06 12 34 56 78",
    "dob": "2001-03-05",
    "student_number": "CESI204518",
}


def demo_file(source: str) -> Path:
    return DEMO_DIR / DEMO_FILES[source]


def _template(source: str) -> tuple[dict[str, str], ColumnMapping, Any]:
    """The first row of a demo file (the demo person), the file's mapping and its search result."""
    path = demo_file(source)
    result = search_files([path], [_demo_subject()])
    mapping = result.files[0].mapping
    record = result.matches[0].record if result.matches else {}
    return dict(record), mapping, result.files[0]


def _demo_subject() -> Any:
    from ..domain.matching import make_subject

    return make_subject("demo", **DEMO_PERSON)


def _personalise(record: dict[str, str], mapping: ColumnMapping, case: tuple[Any, ...]) -> dict[str, str]:
    """The demo person's row rewritten with the case subject's identity (synthetic data either way)."""
    _id, _ref, name, email, phone, dob, number = case
    first, _, last = (name or "").rpartition(" ")
    values = {
        "surname": last or name,
        "first_name": first,
        "full_name": name,
        "email": email,
        "phone": phone,
        "dob": dob,
        "student_number": number,
    }
    out = dict(record)
    for field_name, value in values.items():
        column = mapping.get(field_name)
        if column and column in out and value:
            out[column] = str(value)
    return out


def seed_demo_extracts(reg: Register, refs: list[str], limit: int = 16) -> list[str]:
    """Give a few demo cases matches from the sample files: most confirmed, some pending, one redaction.

    Returns the refs that received data. Synthetic data only; writes in one transaction.
    """
    from ..domain.matching import make_subject
    from .catalogue import current_catalogue
    from .extracts import REDACTION_MARK, set_source
    from .extracts_coverage import subject_identifiers
    from .extracts_review import minors_check

    catalogue = current_catalogue(reg)
    chosen = []
    for ref in refs:
        row = reg.query_one(
            "SELECT id, ref, subject_name, subject_email, subject_phone, subject_dob, subject_student_number, status"
            " FROM cases WHERE ref = ?",
            (ref,),
        )
        if row is not None and row[7] in ("in_progress", "extended", "ready"):
            chosen.append(tuple(row[:7]))
        if len(chosen) >= limit:
            break
    if not chosen:
        return []
    templates = {source: _template(source) for source in DEMO_FILES if catalogue.has(source)}
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with reg.transaction() as conn:
        file_ids = {}
        for source, (_record, mapping, file) in templates.items():
            info = file.info  # what the file's columns can match: the coverage rule reads it like a real import
            cursor = conn.execute(
                "INSERT INTO extract_files(source, name, size, sha256, row_count, format, encoding, delimiter,"
                " mapping, rows_skipped, searched_at, actor, identity_fields, unmapped)"
                " VALUES (?,?,?,?,?,?,?,?,?,0,?,?,?,?)",
                (source, info.name, info.size, info.sha256, info.rows, info.format, info.encoding, info.delimiter,
                 json.dumps(mapping.to_json(), ensure_ascii=False), now, reg.actor,
                 json.dumps(sorted(file.identity_fields())), int(file.unmapped)),
            )  # fmt: skip
            file_ids[source] = int(cursor.lastrowid)
        for index, case in enumerate(chosen):
            case_id, ref = int(case[0]), case[1]
            has = subject_identifiers(
                make_subject(ref, name=case[2], email=case[3], phone=case[4], dob=case[5], student_number=case[6])
            )
            for position, (source, (record, mapping, file)) in enumerate(templates.items()):
                if source == "web_analytics" and index % 2:
                    set_source(conn, reg.actor, case_id, source, "not_applicable",
                                "Aucun compte en ligne : aucun identifiant de cookie ne se rattache à la personne.", now)  # fmt: skip
                    continue
                if not record or not file.identity_fields() & has:
                    # nothing about this person in that system, or nothing the case gives can find her there
                    # (the coverage rule: the tab then asks for the identifier): the file searched is named
                    conn.execute(
                        "INSERT OR REPLACE INTO case_source_files(case_id, file_id, matches) VALUES (?,?,0)",
                        (case_id, file_ids[source]),
                    )
                    if file.identity_fields() & has:
                        set_source(conn, reg.actor, case_id, source, "searched", None, now)
                    continue
                status = "pending" if index == 0 and position % 3 == 0 else "confirmed"
                data = _personalise(record, mapping, case)
                if source == "customer_service":
                    data = {k: (v.replace("Jeanne Martin (06 99 88 77 66)", REDACTION_MARK) if isinstance(v, str) else v)
                            for k, v in data.items()}  # fmt: skip
                cursor = conn.execute(
                    "INSERT INTO extract_matches(case_id, file_id, source, row_number, reasons, warnings, record,"
                    " mapping, status, decided_by, decided_at, created_at) VALUES (?,?,?,?,?,'[]',?,?,?,?,?,?)",
                    (case_id, file_ids[source], source, 1, json.dumps(["email"]), json.dumps(data, ensure_ascii=False),
                     json.dumps(mapping.to_json(), ensure_ascii=False), status,
                     reg.actor if status == "confirmed" else None, now if status == "confirmed" else None, now),
                )  # fmt: skip
                if status == "confirmed":  # a minor's registration in the demo gets its DPO flag (RULES C4)
                    minors_check(conn, reg, case_id, int(cursor.lastrowid), source, data, mapping.to_json())
                if source == "customer_service":
                    column = next(
                        (c for c, v in data.items() if isinstance(v, str) and REDACTION_MARK in v), "message"
                    )
                    value = data.get(column, "")
                    conn.execute(
                        "INSERT INTO extract_redactions(match_id, field, scope, position, removed_chars, code, reason,"
                        " actor, created_at) VALUES (?,?,'text',?,?,'third_party',?,?,?)",
                        (int(cursor.lastrowid), column, max(0, value.find(REDACTION_MARK)), 31,
                         "Nom et téléphone d'une autre personne (art. 15(4)).", reg.actor, now),
                    )  # fmt: skip
                conn.execute(
                    "INSERT OR REPLACE INTO case_source_files(case_id, file_id, matches) VALUES (?,?,1)",
                    (case_id, file_ids[source]),
                )
                set_source(conn, reg.actor, case_id, source, "searched", None, now)
            audit.append(conn, reg.actor, "extracts.demo_seeded", ref, {"sources": len(templates)})
    return [case[1] for case in chosen]


def demo_mapping(source: str) -> ColumnMapping:
    reader = open_extract(demo_file(source))
    return suggest_mapping(list(reader.headers))
