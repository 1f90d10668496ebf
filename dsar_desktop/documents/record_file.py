"""The record of requests as a file: XLSX (header row, frozen panes, real dates, column widths) or CSV
for French Excel (UTF-8 with BOM, `;`)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..domain.record import Column

DATE_FORMAT = "yyyy-mm-dd"  # unambiguous in both languages, sorts as text too
HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")


def xlsx_bytes(
    columns: Sequence[Column],
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    sheet_title: str,
    on_row: Callable[[int], None] | None = None,
) -> bytes:
    """A one-sheet workbook written in streaming mode (50,000 rows stay light in memory)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "B2"  # the header row and the reference stay in view
    bold = Font(bold=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        cell.fill = HEADER_FILL
        cell.alignment = wrap
        header_cells.append(cell)
    sheet.append(header_cells)
    date_columns = [i for i, c in enumerate(columns) if c.kind == "date"]
    for count, row in enumerate(rows, start=1):
        values: list[Any] = list(row)
        for i in date_columns:
            value = values[i]
            if isinstance(value, dt.date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = DATE_FORMAT
                values[i] = cell
        sheet.append(values)
        if on_row is not None:
            on_row(count)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], on_row: Callable[[int], None] | None = None
) -> bytes:
    """CSV for French Excel: UTF-8 with a BOM, `;` between fields, dates as YYYY-MM-DD."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    for count, row in enumerate(rows, start=1):
        writer.writerow(["" if v is None else v.isoformat() if isinstance(v, dt.date) else v for v in row])
        if on_row is not None:
            on_row(count)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
