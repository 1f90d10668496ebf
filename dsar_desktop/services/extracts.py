"""Extract use cases: search files for case subjects, keep matches for review, redact, track sources searched.

The API the import and review screens are built on (long jobs take progress and a CancelToken):
  preview_file(path, reg, source)        format, encoding, delimiter, headers, mapping (remembered/suggested)
  attach(reg, refs, paths, source, mapping, progress=, cancel=)   one pass for many cases; pending review
  attach_open_cases(reg, paths, source)  the monthly refresh for every open case
  list_matches(reg, ref, source, status) / confirm_match / reject_match
  redact_field(reg, id, field, reason, code) / redact_text(..., text= | span=)
  mark_source(reg, ref, source, "searched" | "not_applicable", reason)
  sources_status(reg, ref) / missing_sources(reg, ref) / confirmed_data(reg, ref)
  minor_flags(reg, ref) / acknowledge_minor_flag(reg, match_id)
Searching writes nothing until the end: all register writes happen in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.cases import OPEN_STATUSES
from ..domain.deadlines import PARIS
from ..domain.errors import DsarError, InvalidInput, NotFound
from ..domain.matching import Subject, make_subject
from ..domain.progress import CancelToken, Progress, no_progress
from ..extracts.engine import SearchResult, search_files
from ..extracts.jsonl_reader import JsonLinesReader
from ..extracts.mapping import FIELDS, ColumnMapping, load_mapping, suggest_mapping  # noqa: F401 (load_mapping for the CLI)
from ..extracts.opening import open_extract
from ..extracts.readers import LINE_COL, ROW_COL
from ..store import audit
from ..store.connection import Register
from .catalogue import current_catalogue
from .extracts_coverage import case_identifiers, coverage_of, subject_identifiers
from .extracts_review import (  # noqa: F401  (the review API is part of this module's surface)
    REDACTION_CODES,
    REDACTION_MARK,
    MatchNotFound,
    MatchNotReviewable,
    MatchView,
    NothingToRedact,
    acknowledge_minor_flag,
    case_id_of,
    confirm_match,
    list_matches,
    minor_flags,
    now_utc,
    redact_field,
    redact_text,
    reject_match,
)


class UnknownSource(DsarError):
    code = "extract_unknown_source"
    en = "'{source}' is not a system of the processing register (known: {known})."
    fr = "« {source} » n'est pas un système du registre des traitements (connus : {known})."
    exit_code = 1


# ---------------------------------------------------------------- subjects of cases


@dataclass(frozen=True)
class CaseSubject:
    case_id: int
    ref: str
    dob: str | None
    subject: Subject


def case_subjects(reg: Register, refs: Sequence[str]) -> list[CaseSubject]:
    result = []
    for ref in refs:
        row = reg.query_one(
            "SELECT id, ref, subject_name, subject_email, subject_phone, subject_dob, subject_student_number"
            " FROM cases WHERE ref = ?",
            (ref,),
        )
        if row is None:
            raise NotFound("case", ref, "demande")
        subject = make_subject(
            row[1], name=row[2], email=row[3], phone=row[4], dob=row[5], student_number=row[6]
        )
        result.append(CaseSubject(int(row[0]), row[1], row[5], subject))
    return result


def open_case_refs(reg: Register) -> list[str]:
    statuses = sorted(s.value for s in OPEN_STATUSES)
    marks = ",".join("?" for _ in statuses)
    return [r[0] for r in reg.query(f"SELECT ref FROM cases WHERE status IN ({marks}) ORDER BY id", statuses)]


def _check_source(reg: Register, source: str) -> None:
    catalogue = current_catalogue(reg)
    if not catalogue.has(source):
        raise UnknownSource(source=source, known=", ".join(catalogue.source_ids))


# ---------------------------------------------------------------- import: preview and mapping memory


@dataclass
class FilePreview:
    name: str
    size: int
    format: str
    encoding: str
    delimiter: str
    headers: list[str]
    mapping: ColumnMapping
    mapping_origin: str  # remembered | suggested
    header_row: int = 1  # the row (line) the headers were taken from; 0 for JSON Lines
    sheet: str = ""  # the sheet shown (a workbook), and every sheet of it
    sheets: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (en, fr): what was passed over (titles...)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "size": self.size,
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "headers": self.headers,
            "mapping": self.mapping.to_json(),
            "mapping_origin": self.mapping_origin,
            "header_row": self.header_row,
            "sheet": self.sheet,
            "sheets": self.sheets,
            "notes": [{"en": en, "fr": fr} for en, fr in self.notes],
        }


def _table(path: Path, header_row: int | None = None, sheet: str | None = None) -> tuple[Any, Any]:
    """The reader and the table shown: the given sheet (else the first), its header at the given row."""
    reader = open_extract(Path(path))
    part = reader.sheet(sheet) if sheet and reader.info.format == "xlsx" else reader.parts()[0]
    if header_row:
        part.use_header_row(header_row)
    return reader, part


def preview_file(
    path: Path, reg: Register | None = None, source: str | None = None, *,
    header_row: int | None = None, sheet: str | None = None,
) -> FilePreview:  # fmt: skip
    """Headers and a mapping (remembered for this source when it fits, else suggested). Reads only the start.

    `header_row` and `sheet` override what was detected (a person fixing the import); a remembered mapping
    brings its own header row and sheet when none is given."""
    remembered = remembered_mapping(reg, source) if reg is not None and source else None
    if remembered is not None and header_row is None and sheet is None:
        try:
            reader, part = _table(path, remembered.header_row, remembered.sheet)
        except DsarError:  # the remembered header row or sheet does not fit this file
            reader, part = _table(path)
    else:
        reader, part = _table(path, header_row, sheet)
    headers = part.peek_headers() if isinstance(part, JsonLinesReader) else list(part.headers)
    mapping, origin = suggest_mapping(headers), "suggested"
    if remembered is not None and set(remembered.used_columns()) <= set(headers):
        mapping, origin = remembered, "remembered"
    info = reader.info
    name = getattr(part, "part_name", "")
    row = part.info.header_row if name else info.header_row
    notes = [(i.en, i.fr) for i in info.issues if i.kind in ("header_row", "sheet") and i.sheet in ("", name)]
    return FilePreview(
        info.name, info.size, info.format, info.encoding, info.delimiter, headers, mapping, origin,
        0 if info.format == "jsonl" else row, name, [s.name for s in info.sheets], notes,
    )  # fmt: skip


def sample_rows(
    path: Path,
    headers: Sequence[str],
    count: int = 5,
    *,
    header_row: int | None = None,
    sheet: str | None = None,
) -> list[list[str]]:
    """The first rows of a table, read from its first block only (in memory; nothing written)."""
    _reader, part = _table(path, header_row, sheet)
    for block in part.blocks():
        frame = block.frame.head(count)
        return [
            [("" if row.get(h) is None else str(row.get(h))) for h in headers]
            for row in frame.drop(ROW_COL, LINE_COL, strict=False).iter_rows(named=True)
        ]
    return []


def mapping_fields() -> dict[str, tuple[str, str]]:
    """The fields a column can be mapped to, with their English and French names."""
    return dict(FIELDS)


def remembered_mapping(reg: Register, source: str) -> ColumnMapping | None:
    row = reg.query_one("SELECT mapping FROM source_mappings WHERE source = ?", (source,))
    return ColumnMapping.from_json(json.loads(row[0])) if row else None


def remember_mapping(reg: Register, source: str, mapping: ColumnMapping, headers: Sequence[str]) -> None:
    with reg.transaction() as conn:
        _store_mapping(conn, reg.actor, source, mapping, headers)


def _store_mapping(
    conn: Any, actor: str, source: str, mapping: ColumnMapping, headers: Sequence[str]
) -> None:
    conn.execute(
        "INSERT INTO source_mappings(source, mapping, headers, updated_at, actor) VALUES (?,?,?,?,?)"
        " ON CONFLICT(source) DO UPDATE SET mapping = excluded.mapping, headers = excluded.headers,"
        " updated_at = excluded.updated_at, actor = excluded.actor",
        (
            source,
            json.dumps(mapping.to_json(), ensure_ascii=False),
            json.dumps(list(headers), ensure_ascii=False),
            now_utc(),
            actor,
        ),
    )


# ---------------------------------------------------------------- search without a register


def search(
    paths: Sequence[Path | str],
    subjects: Sequence[Subject],
    mapping: ColumnMapping | None = None,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> SearchResult:
    """Search files for subjects; nothing is stored (the `dsar extracts search` command)."""
    return search_files(paths, subjects, mapping, progress=progress, cancel=cancel)


# ---------------------------------------------------------------- attach: search for cases, keep for review


@dataclass
class AttachResult:
    source: str
    files: list[dict[str, Any]] = field(default_factory=list)
    matches_by_case: dict[str, int] = field(default_factory=dict)
    rows_scanned: int = 0
    # ref -> why the system was not marked searched: {"needs": [...], "unmapped": [file names]}
    not_searched: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "rows_scanned": self.rows_scanned,
            "files": self.files,
            "matches_by_case": self.matches_by_case,
            "not_searched": self.not_searched,
        }


def attach(
    reg: Register,
    refs: Sequence[str] | str,
    paths: Sequence[Path | str],
    source: str,
    mapping: ColumnMapping | dict[str, ColumnMapping] | None = None,
    *,
    remember: bool = True,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> AttachResult:
    """Search the files once for every case's subject; keep the matches pending review.

    `mapping` is one mapping for every file, or file name -> mapping. The source is marked searched for
    each case whose subject these files could find (services/extracts_coverage.py); for the others the
    result says what is missing. Nothing is written before the search ends; then everything is written in
    one transaction (a cancel leaves the register as it was).
    """
    refs = [refs] if isinstance(refs, str) else list(refs)
    _check_source(reg, source)
    subjects = case_subjects(reg, refs)
    if not subjects:
        return AttachResult(
            source
        )  # no case to search for (e.g. no open case): nothing read, nothing written
    if mapping is None:
        mapping = _mapping_for(reg, source, paths)
    result = search_files(paths, [s.subject for s in subjects], mapping, progress=progress, cancel=cancel)
    if cancel is not None:
        cancel.raise_if_cancelled()
    by_ref = {s.ref: s for s in subjects}
    now = now_utc()
    outcome = AttachResult(source, rows_scanned=result.rows_scanned)
    with reg.transaction() as conn:
        file_ids: dict[str, int] = {}
        for file_result in result.files:
            info = file_result.info
            cursor = conn.execute(
                "INSERT INTO extract_files(source, name, size, sha256, row_count, format, encoding, delimiter,"
                " mapping, rows_skipped, searched_at, actor, identity_fields, unmapped)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (source, info.name, info.size, info.sha256, info.rows, info.format, info.encoding, info.delimiter,
                 json.dumps(_file_mapping(file_result).to_json(), ensure_ascii=False),
                 sum(1 for i in info.issues if i.kind == "row"), now, reg.actor,
                 json.dumps(sorted(file_result.identity_fields())), int(file_result.unmapped)),
            )  # fmt: skip
            file_ids[info.name] = int(cursor.lastrowid)
            outcome.files.append({**file_result.to_json(), "id": file_ids[info.name]})
        counts = {ref: 0 for ref in refs}
        per_file: dict[tuple[str, str], int] = {}
        sha_of = {f.info.name: f.info.sha256 for f in result.files}
        for match in result.matches:
            case = by_ref[match.subject]
            if _already_kept(conn, case.case_id, source, sha_of[match.file], match.row):
                continue  # the same file searched again for this case: keep the earlier review
            mapping_json = json.dumps(_mapping_of(result, match.file, match.sheet), ensure_ascii=False)
            inserted = conn.execute(
                "INSERT OR IGNORE INTO extract_matches(case_id, file_id, source, row_number, reasons, warnings,"
                " record, mapping, status, created_at) VALUES (?,?,?,?,?,?,?,?, 'pending', ?)",
                (case.case_id, file_ids[match.file], source, match.row, json.dumps(match.reasons),
                 json.dumps(match.warnings), json.dumps(match.record, ensure_ascii=False), mapping_json, now),
            ).rowcount  # fmt: skip
            counts[case.ref] += inserted
            per_file[(case.ref, match.file)] = per_file.get((case.ref, match.file), 0) + inserted
        for case in subjects:
            for name, file_id in file_ids.items():
                conn.execute(
                    "INSERT OR REPLACE INTO case_source_files(case_id, file_id, matches) VALUES (?,?,?)",
                    (case.case_id, file_id, per_file.get((case.ref, name), 0)),
                )
            cover = coverage_of(_Reader(conn), case.case_id, subject_identifiers(case.subject)).get(source)
            if cover is None or cover.searchable:
                set_source(conn, reg.actor, case.case_id, source, "searched", None, now)
            else:
                outcome.not_searched[case.ref] = {"needs": cover.needs, "unmapped": cover.unmapped_files}
            audit.append(
                conn, reg.actor, "extracts.searched", case.ref,
                {"source": source, "files": [f.info.sha256 for f in result.files], "matches": counts[case.ref],
                 "marked": case.ref not in outcome.not_searched},
            )  # fmt: skip
        if remember and result.files and not result.files[0].unmapped:
            first = result.files[0]
            _store_mapping(conn, reg.actor, source, _file_mapping(first), first.info.headers)
    outcome.matches_by_case = counts
    return outcome


def _file_mapping(file_result: Any) -> ColumnMapping:
    """The mapping a file was searched with; a workbook of several sheets keeps each sheet's."""
    tables = file_result.tables
    if len(tables) <= 1:
        return file_result.mapping
    main = next((t for t in tables if not t.unmapped), tables[0])  # the sheet shown first next time
    return ColumnMapping(
        main.mapping.columns, main.mapping.free_text, main.header_row, main.name,
        sheets={t.name: t.mapping for t in tables},
    )  # fmt: skip


class _Reader:
    """The transaction's connection with the register's query/query_one (coverage reads inside it)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return list(self.conn.execute(sql, params).fetchall())

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, params).fetchone()


def _already_kept(conn: Any, case_id: int, source: str, sha256: str, row: int) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM extract_matches m JOIN extract_files f ON f.id = m.file_id"
            " WHERE m.case_id = ? AND m.source = ? AND f.sha256 = ? AND m.row_number = ? LIMIT 1",
            (case_id, source, sha256, row),
        ).fetchone()
        is not None
    )


def attach_open_cases(
    reg: Register,
    paths: Sequence[Path | str],
    source: str,
    mapping: ColumnMapping | None = None,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> AttachResult:
    """The monthly refresh: one pass over the files for the subject of every open case."""
    return attach(reg, open_case_refs(reg), paths, source, mapping, progress=progress, cancel=cancel)


def _mapping_for(reg: Register, source: str, paths: Sequence[Path | str]) -> ColumnMapping | None:
    """The mapping remembered for this system when it fits the first file (header row and sheet included)."""
    if not paths:
        return None
    preview = preview_file(Path(paths[0]), reg, source)
    return preview.mapping if preview.mapping_origin == "remembered" else None


def _mapping_of(result: SearchResult, file_name: str, sheet: str = "") -> dict[str, Any]:
    """The mapping a match's row was read with (its sheet's, in a workbook), sheet name included."""
    for file_result in result.files:
        if file_result.info.name == file_name:
            for table in file_result.tables:
                if sheet and table.name == sheet:
                    return {**table.mapping.to_json(), "sheet": sheet}
            return file_result.mapping.to_json()
    return {}


# ---------------------------------------------------------------- sources searched / not applicable


@dataclass
class SourceStatus:
    source: str
    name: str  # English label (the letter service prints it)
    name_fr: str
    status: str  # to_search | review | searched | not_applicable
    reason: str | None
    files: list[dict[str, Any]]
    pending: int
    confirmed: int
    rejected: int
    needs: list[str] = field(default_factory=list)  # identifiers to add before its files can find the person
    unmapped_files: list[str] = field(default_factory=list)  # files with no identifying column, not set aside
    # a system marked searched with no file searched for this case: who said so and when, in words (en, fr)
    without_file: tuple[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def mark_source(reg: Register, ref: str, source: str, status: str, reason: str | None = None) -> None:
    """Record that a system was searched, or is not applicable to this case (a reason is required)."""
    if status not in ("searched", "not_applicable"):
        raise InvalidInput(f"Unknown source status '{status}'.", f"Statut de système inconnu « {status} ».")
    if status == "not_applicable" and not (reason and reason.strip()):
        raise InvalidInput(
            "Marking a system not applicable needs a reason.", "Marquer un système sans objet exige un motif."
        )
    _check_source(reg, source)
    case_id = case_id_of(reg, ref)
    if status == "searched":
        cover = coverage_of(reg, case_id, case_identifiers(reg, case_id)).get(source)
        if cover is not None:
            cover.check(current_catalogue(reg).activity(source).text("name", "en"))
    with reg.transaction() as conn:
        set_source(conn, reg.actor, case_id, source, status, reason.strip() if reason else None, now_utc())
        audit.append(conn, reg.actor, "extracts.source_marked", ref, {"source": source, "status": status})


def set_source(
    conn: Any, actor: str, case_id: int, source: str, status: str, reason: str | None, now: str
) -> None:
    conn.execute(
        "INSERT INTO case_sources(case_id, source, status, reason, updated_at, actor) VALUES (?,?,?,?,?,?)"
        " ON CONFLICT(case_id, source) DO UPDATE SET status = excluded.status, reason = excluded.reason,"
        " updated_at = excluded.updated_at, actor = excluded.actor",
        (case_id, source, status, reason, now, actor),
    )


def sources_status(reg: Register, ref: str) -> list[SourceStatus]:
    """Every catalogue system for the case: to search, under review, searched, or not applicable."""
    case_id = case_id_of(reg, ref)
    marks = {
        r[0]: (r[1], r[2])
        for r in reg.query("SELECT source, status, reason FROM case_sources WHERE case_id = ?", (case_id,))
    }
    marked_by = {
        r[0]: (r[1], r[2])
        for r in reg.query("SELECT source, actor, updated_at FROM case_sources WHERE case_id = ?", (case_id,))
    }
    counts: dict[str, dict[str, int]] = {}
    for source, status, count in reg.query(
        "SELECT source, status, count(*) FROM extract_matches WHERE case_id = ? GROUP BY source, status",
        (case_id,),
    ):
        counts.setdefault(source, {})[status] = int(count)
    files: dict[str, list[dict[str, Any]]] = {}
    for source, name, size, sha, rows, searched_at, matches in reg.query(
        "SELECT f.source, f.name, f.size, f.sha256, f.row_count, f.searched_at, l.matches FROM case_source_files l"
        " JOIN extract_files f ON f.id = l.file_id WHERE l.case_id = ? ORDER BY f.id",
        (case_id,),
    ):
        files.setdefault(source, []).append(
            {
                "name": name,
                "size": size,
                "sha256": sha,
                "rows": rows,
                "searched_at": searched_at,
                "matches": matches,
            }
        )
    covers = coverage_of(reg, case_id, case_identifiers(reg, case_id))
    result = []
    for activity in current_catalogue(reg).activities:
        mark, reason = marks.get(activity.id, (None, None))
        c = counts.get(activity.id, {})
        status = mark or "to_search"
        if mark == "searched" and c.get("pending"):
            status = "review"
        cover = covers.get(activity.id)
        result.append(
            SourceStatus(
                activity.id, activity.text("name", "en"), activity.text("name", "fr"), status, reason,
                files.get(activity.id, []), c.get("pending", 0), c.get("confirmed", 0), c.get("rejected", 0),
                cover.needs if cover and mark != "not_applicable" else [],
                cover.unmapped_files if cover and mark != "not_applicable" else [],
                _without_file(*marked_by[activity.id]) if mark == "searched" and not files.get(activity.id) else None,
            )
        )  # fmt: skip
    return result


def _without_file(actor: str | None, at_utc: str | None) -> tuple[str, str]:
    """A "searched" mark that names no file says who set it and when, so nobody reads it as a search."""
    who = actor or "?"
    try:
        day = dt.datetime.fromisoformat(str(at_utc)).astimezone(PARIS).date()
    except ValueError:
        return f"marked searched by {who} without a file", f"marqué recherché par {who} sans fichier"
    return (
        f"marked searched by {who} on {day.isoformat()} without a file",
        f"marqué recherché par {who} le {day.strftime('%d/%m/%Y')} sans fichier",
    )


def missing_sources(reg: Register, ref: str) -> list[SourceStatus]:
    """Systems neither searched nor marked not applicable, or with matches still pending review.

    The response pack refuses to build while this list is not empty (RULES D).
    """
    return [
        s
        for s in sources_status(reg, ref)
        if s.status in ("to_search", "review") or s.needs or s.unmapped_files
    ]


def confirmed_data(reg: Register, ref: str) -> list[dict[str, Any]]:
    """Confirmed rows as redacted, for the pack: [{source, file, row, reasons, record, redactions, text_redactions}].

    `redactions` lists whole fields withheld ({field, code, reason}); `text_redactions` the parts of free
    text replaced by REDACTION_MARK inside `record`.
    """
    result = []
    for view in list_matches(reg, ref, status="confirmed"):
        whole = [r for r in view.redactions if r["scope"] == "field"]
        parts = [r for r in view.redactions if r["scope"] == "text"]
        result.append(
            {
                "source": view.source,
                "file": view.file,
                "row": view.row,
                "reasons": view.reasons,
                "record": view.record or {},
                "redactions": [
                    {"field": r["field"], "code": r["code"], "reason": r["reason"]} for r in whole
                ],
                "text_redactions": [
                    {"field": r["field"], "position": r["position"], "code": r["code"], "reason": r["reason"]}
                    for r in parts
                ],
            }
        )
    return result


