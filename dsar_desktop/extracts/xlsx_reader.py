"""XLSX exports, read with calamine (Rust): every sheet (hidden ones too), each with its own header row.

Measured on 200,000 rows (benchmarks/bench_xlsx.py): openpyxl's read-only mode parses each cell in Python
(about 40 times slower), calamine parses the sheet natively and hands rows over one at a time; one sheet
is held in calamine's memory at a time, the rows go on to the search in blocks of 20,000.

Data rows are numbered across the workbook (sheet after sheet), so a row number names one row of the
file; each sheet keeps its name and the sheet row Excel shows, and the file lists its rows per sheet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl

from ..domain.progress import CancelToken
from .cells import HEADER_SCAN_ROWS, find_header
from .errors import BinaryExtract, EmptyExtract, HeaderRowNotFound, SheetNotFound
from .mapping import ROLE_WORDS
from .readers import LINE_COL, ROW_COL, Block, ExtractReader, SheetInfo, unique_headers


class XlsxReader(ExtractReader):
    format = "xlsx"

    def __init__(self, path: Path, size: int) -> None:
        super().__init__(path, size)
        self.info.encoding = "xlsx"
        from python_calamine import CalamineWorkbook  # only the commands that read a workbook pay for it

        try:
            self._book = CalamineWorkbook.from_path(str(path))
            visibility = {m.name: str(m.visible).rsplit(".", 1)[-1] for m in self._book.sheets_metadata}
        except Exception as exc:  # calamine raises its own kinds for a damaged file
            raise BinaryExtract(
                file=path.name, kind=f"unreadable workbook: {exc.__class__.__name__}"
            ) from None
        self.info.date_system = _date_system(path)
        self._sheets = []
        for index, name in enumerate(self._book.sheet_names):
            self._sheets.append(SheetPart(self, name, visibility.get(name, "Visible") != "Visible"))
            if index:  # one sheet in memory at a time: the first stays loaded (read first), others load again
                self._sheets[-1]._sheet = None
        self._sheets = [part for part in self._sheets if part.info.header_row]
        if not self._sheets:
            self._book.close()
            raise EmptyExtract(file=path.name)
        self.info.headers = self._sheets[0].info.headers
        self.info.header_row = self._sheets[0].info.header_row
        self.info.sheets = [part.info for part in self._sheets]
        self._next_row = 1
        self._open_parts = len(self._sheets)

    def parts(self) -> list[Any]:
        return list(self._sheets)

    def sheet(self, name: str) -> SheetPart:
        for part in self._sheets:
            if part.info.name == name:
                return part
        raise SheetNotFound(
            file=self.info.name, sheet=name, sheets=", ".join(p.info.name for p in self._sheets)
        )

    def blocks(self, cancel: CancelToken | None = None, columns: list[str] | None = None) -> Iterator[Block]:
        """Every sheet in turn (for callers that read the file as one table, e.g. a preview)."""
        for part in self._sheets:
            yield from part.blocks(cancel, columns)

    def _part_done(self) -> None:
        self._open_parts -= 1
        if self._open_parts == 0:
            self._finish()

    def _finish(self) -> None:
        self._book.close()
        hasher = hashlib.sha256()
        with self.info.path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                hasher.update(chunk)
        self.info.sha256 = hasher.hexdigest()


class SheetPart:
    """One sheet as a table: its header (found or given), its rows in blocks."""

    ROWS_PER_BLOCK = 20_000

    def __init__(self, reader: XlsxReader, name: str, hidden: bool) -> None:
        self.reader = reader
        self.part_name = name
        self._sheet: Any = reader._book.get_sheet_by_name(name)  # released once its rows are read
        self._first_line = (
            int(self._sheet.start[0]) + 1 if self._sheet.start else 1
        )  # where the used range starts
        self._first_rows = []
        for values in self._sheet.iter_rows():
            self._first_rows.append([cell_text(v) for v in values])
            if len(self._first_rows) >= HEADER_SCAN_ROWS:
                break
        self._first_rows = [[""]] * (
            self._first_line - 1
        ) + self._first_rows  # rows numbered as Excel shows them
        self.info = SheetInfo(name, hidden, 0, [])
        index = find_header(self._first_rows, ROLE_WORDS)
        if index is None:
            reader._issue(
                0, f"sheet '{name}' is empty", f"la feuille « {name} » est vide", kind="sheet", sheet=name
            )
            self._sheet = None
            return
        if hidden:
            reader._issue(0, f"sheet '{name}' is hidden in the workbook; it was read",
                          f"la feuille « {name} » est masquée dans le classeur ; elle a été lue",
                          kind="sheet", sheet=name)  # fmt: skip
        self._use_row(index, chosen=True)

    @property
    def headers(self) -> list[str]:
        return self.info.headers

    def use_header_row(self, row: int) -> None:
        if 1 <= row <= len(self._first_rows) and any(c.strip() for c in self._first_rows[row - 1]):
            self._use_row(row - 1, chosen=False)
            return
        raise HeaderRowNotFound(file=self.reader.info.name, row=row, rows=len(self._first_rows))

    def _use_row(self, index: int, *, chosen: bool) -> None:
        cells = list(self._first_rows[index])
        while cells and not cells[-1].strip():
            cells.pop()
        self.info.headers = unique_headers(cells)
        self.info.header_row = index + 1
        issues = self.reader.info.issues
        issues[:] = [i for i in issues if not (i.kind == "header_row" and i.sheet == self.info.name)]
        before = sum(1 for row in self._first_rows[:index] if any(c.strip() for c in row))
        if before:
            self.reader._issue(
                index + 1,
                f"sheet '{self.info.name}': header taken from row {index + 1} ({'found' if chosen else 'given'});"
                f" {before} row(s) above it (title, notes) not read as data",
                f"feuille « {self.info.name} » : en-tête pris à la ligne {index + 1}"
                f" ({'détectée' if chosen else 'indiquée'}) ; {before} ligne(s) au-dessus (titre, notes)"
                " non lue(s) comme données",
                kind="header_row",
                sheet=self.info.name,
            )

    def blocks(self, cancel: CancelToken | None = None, columns: list[str] | None = None) -> Iterator[Block]:
        reader = self.reader
        headers = self.info.headers
        width = len(headers)
        rows: list[list[str]] = []
        numbers: list[int] = []
        lines: list[int] = []
        sheet = self._sheet if self._sheet is not None else reader._book.get_sheet_by_name(self.part_name)
        total_rows = self._first_line - 1 + int(sheet.height or 0)
        first = self.info.header_row + 1
        data_rows = 0
        try:
            for line, values in enumerate(sheet.iter_rows(), start=self._first_line):
                if line < first:
                    continue
                # text cells (most of them) pass as they are: a function call per cell was half the time
                cells = [v if type(v) is str else cell_text(v) for v in values]
                if not "".join(cells).strip():
                    continue
                data_rows += 1
                if len(cells) > width and any(c.strip() for c in cells[width:]):
                    reader._issue(
                        line,
                        f"sheet '{self.info.name}': values beyond the last named column were ignored",
                        f"feuille « {self.info.name} » : valeurs au-delà de la dernière colonne nommée ignorées",
                        sheet=self.info.name,
                    )
                rows.append((cells + [""] * width)[:width])
                numbers.append(reader._next_row)
                lines.append(line)
                reader._next_row += 1
                if len(rows) >= self.ROWS_PER_BLOCK:
                    if cancel is not None:
                        cancel.raise_if_cancelled()
                    yield self._block(rows, numbers, lines, line, total_rows)
                    rows, numbers, lines = [], [], []
            if rows:
                yield self._block(rows, numbers, lines, total_rows, total_rows)
        finally:
            self._sheet = sheet = None  # calamine frees the sheet
            reader._part_done()
        if not data_rows:
            reader._issue(
                self.info.header_row,
                f"sheet '{self.info.name}': no data rows below its header",
                f"feuille « {self.info.name} » : aucune ligne de données sous son en-tête",
                kind="sheet",
                sheet=self.info.name,
            )

    def _block(
        self, rows: list[list[str]], numbers: list[int], lines: list[int], line: int, total: int
    ) -> Block:
        headers = self.info.headers
        frame = pl.DataFrame(rows, schema={h: pl.String for h in headers}, orient="row")
        frame = frame.with_columns(
            pl.Series(ROW_COL, numbers, dtype=pl.UInt32), pl.Series(LINE_COL, lines, dtype=pl.UInt32)
        ).select(ROW_COL, *headers, LINE_COL)
        self.info.rows += frame.height
        self.reader.info.rows += frame.height
        sheets = self.reader._sheets
        share = self.reader.info.size / len(sheets)
        done = int(share * sheets.index(self) + share * (min(1.0, line / total) if total else 1.0))
        return Block(frame, done)


def cell_text(value: Any) -> str:
    """A spreadsheet cell as an export would print it: dates in ISO (a date-time at midnight is a date),
    whole numbers without '.0' (phones and identifiers stored as floats)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _date_system(path: Path) -> int:
    """1904 when the workbook says its serial dates count from 1904 (old Mac Excel), else 1900."""
    try:
        with zipfile.ZipFile(path) as archive:
            head = archive.read("xl/workbook.xml")[:4096]
    except (KeyError, OSError, zipfile.BadZipFile):
        return 1900
    return 1904 if re.search(rb'date1904="(?:1|true)"', head) else 1900
