"""XLSX exports, streamed with openpyxl's read-only mode: every sheet (hidden ones too), each with its own
header row, rows coming one at a time (never a whole sheet in memory).

Data rows are numbered across the workbook (sheet after sheet), so a row number names one row of the
file; each sheet keeps its name and the sheet row Excel shows, and the file lists its rows per sheet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
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
        import openpyxl  # only the commands that read a workbook pay for it

        try:
            self._book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise BinaryExtract(
                file=path.name, kind=f"unreadable workbook: {exc.__class__.__name__}"
            ) from None
        self.info.date_system = (
            1904 if getattr(self._book, "epoch", None) == dt.datetime(1904, 1, 1) else 1900
        )
        self._sheets = [SheetPart(self, sheet) for sheet in self._book.worksheets]
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

    def __init__(self, reader: XlsxReader, sheet: Any) -> None:
        self.reader = reader
        self.sheet = sheet
        hidden = getattr(sheet, "sheet_state", "visible") != "visible"
        self.part_name = sheet.title
        self._first_rows = [
            [cell_text(v) for v in values]
            for values in sheet.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True)
        ]
        self.info = SheetInfo(sheet.title, hidden, 0, [])
        index = find_header(self._first_rows, ROLE_WORDS)
        if index is None:
            reader._issue(0, f"sheet '{sheet.title}' is empty", f"la feuille « {sheet.title} » est vide",
                          kind="sheet", sheet=sheet.title)  # fmt: skip
            return
        if hidden:
            reader._issue(0, f"sheet '{sheet.title}' is hidden in the workbook; it was read",
                          f"la feuille « {sheet.title} » est masquée dans le classeur ; elle a été lue",
                          kind="sheet", sheet=sheet.title)  # fmt: skip
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
        total_rows = self.sheet.max_row or 0
        first = self.info.header_row + 1
        data_rows = 0
        try:
            for line, values in enumerate(self.sheet.iter_rows(min_row=first, values_only=True), start=first):
                cells = [cell_text(v) for v in values]
                if not any(c.strip() for c in cells):
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
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
