"""The search: one streamed pass over each file finds the rows of many subjects at once.

Per block, polars filters the rows that share a key with any subject using cheap vectorised tests
(lower-cased e-mail, the digits of the phone, the raw birth date against each subject's few date
spellings, the student number). Only those few candidate rows are then checked in Python with the
domain's matching rules, which decide the reasons; names are compared only where a birth date matched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from ..domain.matching import (
    LETTER_FOLDS,
    Subject,
    digits_only,
    normalise_email,
    normalise_student_number,
    row_name_matches,
)
from ..domain.progress import CancelToken, Progress, no_progress
from .cells import (
    MIDNIGHT_PATTERN,
    emails_in,
    month_spellings,
    phone_runs_in,
    plain_number,
    serial_of,
    strip_midnight,
    typed_date,
)
from .errors import NothingToMatch
from .jsonl_reader import JsonLinesReader
from .mapping import ColumnMapping, report_columns, suggest_mapping
from .opening import open_extract
from .readers import HIDDEN_COLS, LINE_COL, ROW_COL, ExtractReader, FileInfo

# No spill: polars only ever sees eager in-memory frames (read_csv on bytes, filter, iter_rows);
# its out-of-core spilling belongs to the streaming engine (collect(engine="streaming"), sinks),
# which this module never uses. tests/test_extracts_nospill.py checks the disk stays clean.
REASON_ORDER = ("email", "phone", "name+dob", "student_number")
TEXT_ROLES = frozenset({"address"})  # roles whose column is also searched as free text (no e-mail column)


@dataclass
class Match:
    subject: str
    file: str
    row: int
    reasons: list[str]
    record: dict[str, str]
    warnings: list[str] = field(default_factory=list)
    sheet: str = ""  # a workbook's sheet, and the row there as Excel shows it
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "subject": self.subject,
            "file": self.file,
            "row": self.row,
            "reasons": self.reasons,
            "warnings": self.warnings,
            "record": self.record,
        }
        if self.sheet:
            data["sheet"], data["sheet_row"] = self.sheet, self.line
        return data


@dataclass
class TableResult:
    """One table of a file (a sheet of a workbook): where its header was, its rows, the mapping used."""

    name: str
    header_row: int
    rows: int
    mapping: ColumnMapping
    unmapped: bool
    hidden: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "sheet": self.name,
            "hidden": self.hidden,
            "header_row": self.header_row,
            "rows": self.rows,
            "mapping": self.mapping.to_json(),
            "identifying_column": not self.unmapped,
        }


@dataclass
class FileResult:
    info: FileInfo
    mapping: ColumnMapping
    tables: list[TableResult] = field(default_factory=list)

    @property
    def unmapped(self) -> bool:
        """No table of the file has a column that can identify someone: it cannot count as searched."""
        return all(t.unmapped for t in self.tables) if self.tables else not self.mapping.can_find_someone

    def identity_fields(self) -> set[str]:
        """The identifiers this file's columns can match (email, phone, student_number, name+dob)."""
        found: set[str] = set()
        for mapping in [t.mapping for t in self.tables] or [self.mapping]:
            found |= {f for f in ("email", "phone", "student_number") if mapping.get(f)}
            if mapping.get("dob") and (mapping.get("surname") or mapping.get("full_name")):
                found.add("name+dob")
        return found

    def to_json(self) -> dict[str, Any]:
        info = self.info
        data: dict[str, Any] = {
            "name": info.name,
            "sha256": info.sha256,
            "rows": info.rows,
            "size": info.size,
            "format": info.format,
            "encoding": info.encoding,
            "delimiter": info.delimiter,
            "header_row": info.header_row,
            "mapping": self.mapping.to_json(),
            "identifying_column": not self.unmapped,
            "issues": [
                {
                    "line": i.line,
                    "kind": i.kind,
                    **({"sheet": i.sheet} if i.sheet else {}),
                    "en": i.en,
                    "fr": i.fr,
                }
                for i in info.issues
            ],
        }
        if info.format == "xlsx":
            data["sheets"] = [t.to_json() for t in self.tables]
        return data


@dataclass
class SearchResult:
    files: list[FileResult] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)

    @property
    def rows_scanned(self) -> int:
        return sum(f.info.rows for f in self.files)

    def to_json(self) -> dict[str, Any]:
        return {
            "rows_scanned": self.rows_scanned,
            "files": [f.to_json() for f in self.files],
            "matches": [m.to_json() for m in self.matches],
        }


class _Plan:
    """The subjects' keys as lookup tables, and the vectorised candidate filter for one mapping."""

    def __init__(
        self,
        subjects: Sequence[Subject],
        mapping: ColumnMapping,
        headers: Sequence[str] = (),
        date_system: int = 1900,
    ) -> None:
        self.subjects = list(subjects)
        self.mapping = mapping
        self.date_system = date_system
        self.by_dob_iso: dict[str, list[Subject]] = {}
        # columns with no role (and free-text ones) are still searched for the e-mail and the phone; so is an
        # "address" column when no column holds the e-mail: "adresse" is then as likely an e-mail address as
        # a postal one (beside an e-mail column it is postal: not worth one more column parsed per block)
        text_roles = TEXT_ROLES if "email" not in mapping.columns else frozenset()
        roles = {column for role, column in mapping.columns.items() if role not in text_roles}
        self.text_columns = [h for h in headers if h not in roles and h not in HIDDEN_COLS] + [
            c for c in mapping.free_text if c not in headers
        ]
        self._roles = roles
        self._known = {*headers, *HIDDEN_COLS, *mapping.free_text}
        self.by_email: dict[str, list[Subject]] = {}
        self.by_phone: dict[str, list[Subject]] = {}
        self.by_dob: dict[str, list[tuple[Subject, bool]]] = {}
        self.by_number: dict[str, list[Subject]] = {}
        for subject in self.subjects:
            for email in subject.emails:
                self.by_email.setdefault(email, []).append(subject)
            for form in subject.phone_forms:
                self.by_phone.setdefault(form, []).append(subject)
            if subject.name_keys:
                for spelling in subject.dob_exact:
                    self.by_dob.setdefault(spelling, []).append((subject, False))
                for spelling in subject.dob_ambiguous:
                    self.by_dob.setdefault(spelling, []).append((subject, True))
                if subject.dob is not None:  # a date cell whose format was lost: its serial day number
                    self.by_dob.setdefault(serial_of(subject.dob, date_system), []).append((subject, False))
                    self.by_dob_iso.setdefault(subject.dob.isoformat(), []).append(subject)
                    for spelling in month_spellings(subject.dob):
                        self.by_dob.setdefault(spelling, []).append((subject, False))
            for number in subject.student_numbers:
                self.by_number.setdefault(number, []).append(subject)
        col = mapping.get
        self.email_col = col("email") if self.by_email else None
        self.phone_col = col("phone") if self.by_phone else None
        has_name = bool(col("full_name") or col("surname"))
        self.dob_col = col("dob") if self.by_dob and has_name else None
        self.number_col = col("student_number") if self.by_number else None
        self._filters: dict[frozenset[str], pl.Expr | None] = {}
        forms = self.by_phone
        self.phone_tails = {f for f in forms if not any(g != f and f.endswith(g) for g in forms)}
        self._name_filters: dict[frozenset[str], pl.Expr | None] = {}

    def learn(self, columns: Iterable[str]) -> None:
        """Columns a block has beyond the headers the plan was made with (JSON Lines keys first seen past
        the peeked lines): searched for the e-mail and the phone like every column without a role. The
        filter cache is keyed by the block's column set, so the next filter built includes them."""
        for column in columns:
            if column not in self._known:
                self._known.add(column)
                if column not in self._roles:
                    self.text_columns.append(column)

    def key_columns(self) -> list[str]:
        """The only columns the fast pass needs to parse."""
        col = self.mapping.get
        wanted = [self.email_col, self.phone_col, self.dob_col, self.number_col]
        if self.dob_col:
            wanted += [col("surname"), col("first_name"), col("full_name")]
        if self.by_email or self.by_phone:
            wanted += self.text_columns
        return [c for c in dict.fromkeys(wanted) if c]

    def filter_expr(self, columns: Iterable[str]) -> pl.Expr | None:
        key = frozenset(columns)
        if key not in self._filters:
            self._filters[key] = self._build_filter(key)
        return self._filters[key]

    def name_filter(self, columns: Iterable[str]) -> pl.Expr | None:
        """Second stage, on the few candidate rows: drop rows that matched only by birth date when their
        name is nobody's. Vectorised with the domain's letter table, NFKD and lower case, both sides
        through the same expression (so it only ever drops rows `verify` would reject)."""
        present = frozenset(columns)
        if self.dob_col not in present:
            return None
        if present not in self._name_filters:
            others = self._build_filter(present, with_dob=False)
            col = self.mapping.get
            surname, first, full = col("surname"), col("first_name"), col("full_name")
            if surname and surname in present:
                first_expr = _approx_key(pl.col(first)) if first and first in present else pl.lit("")
                row_key = pl.concat_str([first_expr, _approx_key(pl.col(surname))])
            else:
                row_key = _approx_key(pl.col(full or ""))
            parts = pl.DataFrame(
                {
                    "f": [s.name_parts[0] for s in self.subjects],
                    "l": [s.name_parts[1] for s in self.subjects],
                },
                schema={"f": pl.String, "l": pl.String},
            ).select(f=_approx_key(pl.col("f")), l=_approx_key(pl.col("l")))
            keys = {f + last for f, last in parts.iter_rows()} | {last + f for f, last in parts.iter_rows()}
            test = row_key.is_in(sorted(keys - {""}))
            self._name_filters[present] = test if others is None else (others | test)
        return self._name_filters[present]

    def _build_filter(self, present: frozenset[str], with_dob: bool = True) -> pl.Expr | None:
        """A superset test of `verify`, written as regular expressions that match without allocating.

        (Measured on 4.25 M rows: digits-only regex match 0.06 s against 0.6-0.9 s for replace_all + is_in;
        a case-insensitive e-mail match 0.05 s against 0.10 s for to_lowercase + is_in.)
        """
        tests: list[pl.Expr] = []
        if self.email_col in present:
            tests.append(pl.col(self.email_col).str.contains(_any_of(self.by_email, case_insensitive=True)))
        if self.phone_col in present:
            # Every digit form ends with the national number: look for it at the end, digits apart by
            # anything; `verify` then compares the exact digit string. (A full-form alternation of 50
            # subjects thrashed the regex DFA: 0.16 s per block against 0.004 s for this.)
            digits = ["[^0-9]*".join(tail) for tail in sorted(self.phone_tails)]
            tests.append(pl.col(self.phone_col).str.contains("(?:" + "|".join(digits) + ")[^0-9]*$"))
        if with_dob and self.dob_col in present:
            raw = pl.col(self.dob_col).str.strip_chars()
            spellings = list(self.by_dob)
            # a date-time at midnight counts as the date; an ISO instant may be Paris midnight in UTC
            # (the day before): its date part against the birth date and the day before, `verify` decides
            days = {d for iso in self.by_dob_iso for d in (iso, _day_before(iso))}
            tests.append(
                raw.is_in(spellings)
                | raw.str.to_lowercase().is_in(spellings)
                | raw.str.replace(MIDNIGHT_PATTERN, "").is_in(spellings)
                | (raw.str.slice(0, 10).is_in(sorted(days)) & raw.str.contains("[T ][0-9]"))
            )
        if self.number_col in present:
            spaced = [r"\s*".join(_escape(c) for c in number) for number in self.by_number]
            tests.append(
                pl.col(self.number_col).str.contains(r"(?i)^\s*(?:" + "|".join(spaced) + r")(?:\.0+)?\s*$")
            )
        texts = [c for c in self.text_columns if c in present]
        alternatives = [_escape(e) for e in sorted(self.by_email)]  # one regex per column: e-mails or phones
        alternatives += ["(?:" + "[^0-9]{0,3}".join(t) + ")(?:[^0-9]|$)" for t in sorted(self.phone_tails)]
        if texts and alternatives:
            pattern = "(?i)" + "|".join(alternatives)
            tests += [pl.col(c).str.contains(pattern) for c in texts]
        if not tests:
            return None
        return pl.any_horizontal(tests) if len(tests) > 1 else tests[0]

    def verify(self, row: dict[str, Any]) -> dict[str, tuple[list[str], list[str]]]:
        """subject key -> (reasons, warnings) for one candidate row, by the domain's rules."""
        found: dict[str, tuple[list[str], list[str]]] = {}

        def add(subject: Subject, reason: str, warning: str | None = None) -> None:
            reasons, warnings = found.setdefault(subject.key, ([], []))
            if reason not in reasons:
                reasons.append(reason)
            if warning and warning not in warnings:
                warnings.append(warning)

        if self.email_col:
            for subject in self.by_email.get(normalise_email(row.get(self.email_col)), ()):
                add(subject, "email")
        if self.phone_col:
            for subject in self.by_phone.get(digits_only(row.get(self.phone_col)), ()):
                add(subject, "phone")
        if self.dob_col:
            hits = self._dob_hits((row.get(self.dob_col) or "").strip())
            if hits:
                names = self._row_names(row)
                for subject, ambiguous in hits:
                    if row_name_matches(subject, **names):
                        add(subject, "name+dob", "dob_two_digit_year" if ambiguous else None)
        if self.number_col:
            number = normalise_student_number(plain_number(row.get(self.number_col) or ""))
            for subject in self.by_number.get(number, ()):
                add(subject, "student_number")
        for column in self.text_columns:
            text = row.get(column)
            if not text:
                continue
            for email in emails_in(text) if self.by_email else ():
                for subject in self.by_email.get(normalise_email(email), ()):
                    add(subject, "email", "found_in_text")
            for digits in phone_runs_in(text) if self.by_phone else ():
                for subject in self.by_phone.get(digits, ()):
                    add(subject, "phone", "found_in_text")
        for reasons, _ in found.values():
            reasons.sort(key=REASON_ORDER.index)
        return found

    def value_checks(self) -> dict[str, tuple[pl.Expr, tuple[str, str]]]:
        """Tests for values of the key columns that cannot be what the column holds (reported, not searched)."""
        checks: dict[str, tuple[pl.Expr, tuple[str, str]]] = {}
        if self.dob_col:
            value = pl.col(self.dob_col).str.strip_chars()
            checks[self.dob_col] = (
                (value.str.len_bytes() > 0) & ~value.str.contains(_DATE_SHAPE),
                ("a date", "une date"),
            )
        if self.email_col:
            value = pl.col(self.email_col).str.strip_chars()
            checks[self.email_col] = (
                (value.str.len_bytes() > 0) & ~value.str.contains(r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
                ("an e-mail address", "une adresse e-mail"),
            )
        return checks

    def _dob_hits(self, raw: str) -> Sequence[tuple[Subject, bool]]:
        """Who has this birth date: as spelled, without a midnight time, or typed (serial, ISO instant)."""
        hits = self.by_dob.get(raw) or self.by_dob.get(raw.lower())
        if hits:
            return hits
        bare = strip_midnight(raw)
        if bare and self.by_dob.get(bare):
            return self.by_dob[bare]
        day = typed_date(raw, self.date_system)
        return [(subject, False) for subject in self.by_dob_iso.get(day.isoformat(), ())] if day else ()

    def _row_names(self, row: dict[str, Any]) -> dict[str, str | None]:
        col = self.mapping.get
        surname = col("surname")
        if surname:
            first = col("first_name")
            return {"first": row.get(first) if first else "", "last": row.get(surname)}
        return {"full": row.get(col("full_name") or "")}


# What a birth date may look like: day/month/year in any order and separator, ISO with a time, a serial.
_DATE_SHAPE = r"^(?:\d{1,4}[-/. ]\d{1,2}[-/. ]\d{1,4}(?:[ T].*)?|\d{8}|\d{1,6}(?:\.0+)?|\d{1,2}\.?\s+\pL+\.?\s+\d{2,4})$"

_REGEX_SPECIAL = set("\\.+*?()|[]{}^$#&-~")


def _escape(text: str) -> str:
    """Escape for the Rust regex engine polars uses (it rejects some escapes Python's re.escape makes)."""
    return "".join("\\" + c if c in _REGEX_SPECIAL else c for c in text)


_FOLD_FROM = list(LETTER_FOLDS)
_FOLD_TO = list(LETTER_FOLDS.values())


def _approx_key(expr: pl.Expr) -> pl.Expr:
    """The vectorised twin of domain.matching.name_key, used only to pre-filter candidate rows."""
    return (
        expr.fill_null("")
        .str.replace_many(_FOLD_FROM, _FOLD_TO)
        .str.normalize("NFKD")
        .str.to_lowercase()
        .str.replace_all("[^0-9a-z]", "")
    )


def _day_before(iso: str) -> str:
    return (dt.date.fromisoformat(iso) - dt.timedelta(days=1)).isoformat()


def _any_of(values: Iterable[str], *, case_insensitive: bool = False) -> str:
    flags = "(?i)" if case_insensitive else ""
    return flags + r"^\s*(?:" + "|".join(_escape(v) for v in sorted(values)) + r")\s*$"


def search_reader(
    reader: ExtractReader,
    subjects: Sequence[Subject],
    mapping: ColumnMapping | None = None,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    bytes_before: int = 0,
    bytes_total: int | None = None,
) -> tuple[FileResult, list[Match]]:
    """Search one open file (every table of it) for every subject.

    Each table takes the mapping given for it (its header row and sheet included), else one suggested
    from its headers. A table where no column can identify someone is still read, every column searched
    for the e-mail and the phone, and the result says so (`FileResult.unmapped`): it cannot count as
    searched until a person maps a column or sets the file aside.
    """
    info = reader.info
    total = bytes_total if bytes_total is not None else info.size
    matches: list[Match] = []
    tables: list[TableResult] = []
    progress(bytes_before, total, "search")
    if mapping is not None and mapping.sheet is not None and info.format == "xlsx":
        reader.sheet(mapping.sheet)  # a sheet the file lacks: say so before reading anything
    for part in reader.parts():
        name = part.part_name
        given = mapping.for_sheet(name) if mapping is not None else None
        if given is not None and given.header_row:
            part.use_header_row(given.header_row)
        jsonl = isinstance(part, JsonLinesReader)
        headers = part.peek_headers() if jsonl else list(part.headers)
        suggest = given is None or not (given.columns or given.free_text)
        while True:
            if suggest:
                suggested = suggest_mapping(headers)
                used = ColumnMapping(
                    suggested.columns, suggested.free_text, given.header_row if given else None, name or None
                )
            else:
                assert given is not None
                used = given
                if not jsonl:
                    used.check(headers, info.name)
            unmapped = not used.can_find_someone
            if not jsonl:
                report_columns(reader, name, headers, used, unmapped)
            issues_before, rows_before = len(info.issues), info.rows
            plan = _Plan(subjects, used, headers, info.date_system)
            found = _search_part(part, plan, info.name, name, progress, cancel, bytes_before, total)
            if not jsonl or not suggest or len(part.headers) == len(headers):
                break
            # Keys first seen past the lines peeked were searched as free text (`_Plan.learn`); one that
            # would have had a role (a student number, a name beside a birth date) needs its role: the
            # file is read again knowing every key. Rare: only when such a key first appears late.
            if suggest_mapping(list(part.headers)).columns == used.columns:
                break
            del info.issues[issues_before:]
            info.rows = rows_before
            headers = list(part.headers)
        matches += found
        if jsonl:  # every key of every line, now that all were read
            report_columns(reader, name, list(part.headers), used, unmapped)
        if jsonl and given is not None and given.columns:
            used.check(part.headers, info.name)
        sheet_info = next((s for s in info.sheets if s.name == name), None)
        tables.append(
            TableResult(
                name, sheet_info.header_row if sheet_info else info.header_row,
                sheet_info.rows if sheet_info else info.rows, used, unmapped,
                sheet_info.hidden if sheet_info else False,
            )
        )  # fmt: skip
    if len(tables) > 1 and all(t.unmapped for t in tables):
        report_columns(reader, "", [], ColumnMapping(), True)
    if len(tables) > 1:
        per_sheet = ", ".join(f"{t.name}: {t.rows}" for t in tables)
        reader._issue(
            0, f"rows read per sheet: {per_sheet}", f"lignes lues par feuille : {per_sheet}", kind="sheet"
        )
    return FileResult(info, tables[0].mapping if tables else ColumnMapping(), tables), matches


def _search_part(
    part: Any, plan: _Plan, file: str, sheet: str, progress: Progress, cancel: CancelToken | None,
    bytes_before: int, total: int,
) -> list[Match]:  # fmt: skip
    matches: list[Match] = []
    odd: dict[str, list[int]] = {}  # column -> [count, first row] of values that could not be read
    checks = plan.value_checks()
    for block in part.blocks(cancel, columns=plan.key_columns()):
        frame = block.frame
        plan.learn(frame.columns)  # a JSON Lines block may have keys the peeked lines did not have
        for column, (expr, _) in checks.items():
            if column in frame.columns:
                bad = frame.filter(expr).get_column(ROW_COL)
                if len(bad):
                    seen = odd.setdefault(column, [0, int(bad[0])])
                    seen[0] += len(bad)
        condition = plan.filter_expr(frame.columns)
        if condition is not None:
            found: dict[tuple[int, str], tuple[list[str], list[str], int]] = {}
            candidates = frame.filter(condition)
            second = plan.name_filter(frame.columns) if candidates.height else None
            if second is not None:
                candidates = candidates.filter(second)
            for row in candidates.iter_rows(named=True):
                number = int(row[ROW_COL])
                for subject_key, (reasons, warnings) in plan.verify(row).items():
                    # a JSON line gives one row per array element: their reasons add up under one row
                    kept = found.setdefault((number, subject_key), ([], [], int(row.get(LINE_COL) or 0)))
                    kept[0].extend(r for r in reasons if r not in kept[0])
                    kept[1].extend(w for w in warnings if w not in kept[1])
            if found:
                records = block.records({number for number, _ in found})
                for (number, subject_key), (reasons, warnings, line) in found.items():
                    reasons.sort(key=REASON_ORDER.index)
                    matches.append(
                        Match(subject_key, file, number, reasons, records[number], warnings, sheet, line)
                    )
        progress(bytes_before + block.bytes_done, total, "search")
        if cancel is not None:
            cancel.raise_if_cancelled()
    for column, (count, first) in odd.items():
        what_en, what_fr = checks[column][1]
        where = f"sheet '{sheet}': " if sheet else ""
        where_fr = f"feuille « {sheet} » : " if sheet else ""
        part_reader = getattr(part, "reader", part)
        part_reader._issue(
            first,
            f"{where}{count} value(s) of column '{column}' could not be read as {what_en} (first at data row"
            f" {first}); those rows could not match by it",
            f"{where_fr}{count} valeur(s) de la colonne « {column} » illisible(s) comme {what_fr} (première à la"
            f" ligne de données {first}) ; ces lignes n'ont pas pu correspondre par elle",
            kind="value",
            sheet=sheet,
        )
    return matches


def search_files(
    paths: Sequence[Path | str],
    subjects: Sequence[Subject],
    mappings: ColumnMapping | dict[str, ColumnMapping] | None = None,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> SearchResult:
    """One pass over each file for all subjects. `mappings` is one mapping, or file name -> mapping."""
    if not any(s.searchable for s in subjects):
        raise NothingToMatch()
    readers = [open_extract(Path(p)) for p in paths]
    total = sum(r.info.size for r in readers)
    result = SearchResult()
    done = 0
    for reader in readers:
        mapping = mappings.get(reader.info.name) if isinstance(mappings, dict) else mappings
        file_result, matches = search_reader(
            reader, subjects, mapping, progress=progress, cancel=cancel, bytes_before=done, bytes_total=total
        )
        done += reader.info.size
        result.files.append(file_result)
        result.matches.extend(matches)
    progress(total, total, "search")
    return result
