"""XLSX exports, streamed with openpyxl's read-only mode (rows come one at a time, never the whole sheet)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl

from ..domain.progress import CancelToken
from .errors import BinaryExtract, EmptyExtract
from .readers import ROW_COL, Block, ExtractReader, unique_headers


class XlsxReader(ExtractReader):
    format = "xlsx"
    ROWS_PER_BLOCK = 20_000

    def __init__(self, path: Path, size: int) -> None:
        super().__init__(path, size)
        self.info.encoding = "xlsx"
        self._header_row = 0
        import openpyxl

        try:
            self._book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise BinaryExtract(
                file=path.name, kind=f"unreadable workbook: {exc.__class__.__name__}"
            ) from None
        self._sheet = self._book.worksheets[0]
        for number, values in enumerate(self._sheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(v) for v in values]
            if any(c.strip() for c in cells):
                while cells and not cells[-1].strip():
                    cells.pop()
                self.info.headers = unique_headers(cells)
                self._header_row = number
                break
        if not self._header_row:
            self._book.close()
            raise EmptyExtract(file=path.name)

    def blocks(self, cancel: CancelToken | None = None, columns: list[str] | None = None) -> Iterator[Block]:
        headers = self.info.headers
        width = len(headers)
        rows: list[list[str]] = []
        numbers: list[int] = []
        row_number = 0
        total_rows = self._sheet.max_row or 0
        try:
            for line, values in enumerate(
                self._sheet.iter_rows(min_row=self._header_row + 1, values_only=True),
                start=self._header_row + 1,
            ):
                cells = [cell_text(v) for v in values]
                if not any(c.strip() for c in cells):
                    continue
                row_number += 1
                if len(cells) > width and any(c.strip() for c in cells[width:]):
                    self._issue(
                        line,
                        "values beyond the last named column were ignored",
                        "valeurs au-delà de la dernière colonne nommée ignorées",
                    )
                cells = (cells + [""] * width)[:width]
                rows.append(cells)
                numbers.append(row_number)
                if len(rows) >= self.ROWS_PER_BLOCK:
                    if cancel is not None:
                        cancel.raise_if_cancelled()
                    yield self._block(rows, numbers, line, total_rows)
                    rows, numbers = [], []
            if rows:
                yield self._block(rows, numbers, total_rows, total_rows)
        finally:
            self._book.close()
        self._notice_if_no_rows(self._header_row, row_number)
        hasher = hashlib.sha256()
        with self.info.path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                hasher.update(chunk)
        self.info.sha256 = hasher.hexdigest()

    def _block(self, rows: list[list[str]], numbers: list[int], line: int, total: int) -> Block:
        frame = pl.DataFrame(rows, schema={h: pl.String for h in self.info.headers}, orient="row")
        frame = frame.with_columns(pl.Series(ROW_COL, numbers, dtype=pl.UInt32)).select(
            ROW_COL, *self.info.headers
        )
        self.info.rows += frame.height
        done = int(self.info.size * min(1.0, line / total)) if total else 0
        return Block(frame, done)


def cell_text(value: Any) -> str:
    """A spreadsheet cell as an export would print it: dates in ISO, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
