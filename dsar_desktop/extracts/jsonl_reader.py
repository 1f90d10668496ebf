"""JSON Lines exports: one object per line; bad lines reported by number and skipped.

Nested objects are flattened to dotted paths (`contact.email`), the columns a mapping names. An array
of objects is searched element by element: a line gives one row per element (`orders.email` holds the
element's value), all under the line's row number; a match keeps the whole line, indexed paths
(`orders[1].email`) and all. Arrays of plain values are joined with ", ".
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl

from ..domain.progress import CancelToken
from .errors import LineTooLong
from .readers import MAX_RECORD_BYTES, ROW_COL, TOO_LONG, Block, ByteBlocks, ExtractReader, prefetch


class JsonLinesReader(ExtractReader):
    format = "jsonl"
    ROWS_PER_BLOCK = 50_000

    def __init__(self, path: Path, size: int, encoding: str, bom: bytes) -> None:
        super().__init__(path, size)
        self.info.encoding = encoding + ("-sig" if bom == codecs.BOM_UTF8 else "")
        self._encoding = encoding
        self.bom = bom
        self._columns: dict[str, None] = {}

    def blocks(self, cancel: CancelToken | None = None, columns: list[str] | None = None) -> Iterator[Block]:
        stream = ByteBlocks(self, self._encoding, quoted=False)
        row_number = 0
        first_line = 1
        for item in prefetch(stream, cancel):
            if item == TOO_LONG:
                raise LineTooLong(file=self.info.name, line=first_line, limit_mb=MAX_RECORD_BYTES >> 20)
            part, bytes_done = item.text, item.bytes_done
            records: list[dict[str, str]] = []
            numbers: list[int] = []
            lines: dict[int, int] = {}
            part_first = first_line
            for offset, raw_line in enumerate(part.split(b"\n")):
                if not raw_line.strip():
                    continue
                row_number += 1
                line = first_line + offset
                try:
                    value = json.loads(raw_line)
                except ValueError as exc:
                    self._issue(
                        line, f"malformed JSON skipped ({exc.__class__.__name__})", "JSON mal formé ignoré"
                    )
                    continue
                if not isinstance(value, dict):
                    self._issue(line, "not a JSON object: skipped", "pas un objet JSON : ignoré")
                    continue
                for record in flatten_rows(value):
                    for key in record:
                        if key not in self._columns:
                            self._columns[key] = None
                    records.append(record)
                    numbers.append(row_number)
                lines[row_number] = line
            first_line += part.count(b"\n")
            self.info.headers = list(self._columns)
            if not records:
                continue
            for start in range(0, len(records), self.ROWS_PER_BLOCK):
                chunk = records[start : start + self.ROWS_PER_BLOCK]
                data = {col: [r.get(col, "") for r in chunk] for col in self._columns}
                frame = pl.DataFrame(data, schema={col: pl.String for col in self._columns})
                frame = frame.with_columns(
                    pl.Series(ROW_COL, numbers[start : start + self.ROWS_PER_BLOCK], dtype=pl.UInt32)
                )
                self.info.rows += len(set(numbers[start : start + self.ROWS_PER_BLOCK]))
                yield Block(
                    frame.select(ROW_COL, *self._columns),
                    bytes_done,
                    whole=self._whole(part, lines, part_first),
                )
        self._notice_if_no_rows(1, row_number)
        self.info.sha256 = stream.hasher.hexdigest()

    def _whole(self, part: bytes, lines: dict[int, int], first: int) -> Any:
        """The matched lines parsed again, whole (every element of every array, by index)."""

        def records(rows: set[int]) -> dict[int, dict[str, str]]:
            text_lines = part.split(b"\n")
            found = {}
            for number in rows:
                value = json.loads(text_lines[lines[number] - first])
                found[number] = flatten_whole(value)
            return found

        return records

    def peek_headers(self, lines: int = 1000) -> list[str]:
        """Keys of the first objects, for a mapping suggestion before the search."""
        keys: dict[str, None] = {}
        with self.info.path.open("rb") as handle:
            for number in range(1, lines + 1):
                raw = handle.readline(MAX_RECORD_BYTES)
                if not raw:
                    break
                if len(raw) == MAX_RECORD_BYTES and not raw.endswith(b"\n"):
                    # the line goes on: the same refusal as the search pass, before anything is read on
                    raise LineTooLong(file=self.info.name, line=number, limit_mb=MAX_RECORD_BYTES >> 20)
                try:
                    value = json.loads(raw.decode(self._encoding, errors="replace").lstrip("\ufeff"))
                except ValueError:
                    continue
                if isinstance(value, dict):
                    for record in flatten_rows(value):
                        keys.update(dict.fromkeys(record))
        return list(keys)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False)


def flatten_rows(value: dict[str, Any]) -> list[dict[str, str]]:
    """The rows one object gives: its fields by dotted path, one row per element of its arrays of objects
    (element k of every such array in row k; the plain fields repeated in each)."""
    plain: dict[str, str] = {}
    arrays: dict[str, list[dict[str, str]]] = {}
    _walk(value, "", plain, arrays)
    if not arrays:
        return [plain]
    longest = max(len(rows) for rows in arrays.values())
    result = []
    for index in range(longest):
        row = dict(plain)
        for rows in arrays.values():
            if index < len(rows):
                row.update(rows[index])
        result.append(row)
    return result


def _walk(value: Any, prefix: str, plain: dict[str, str], arrays: dict[str, list[dict[str, str]]]) -> None:
    for key, item in value.items():
        path = f"{prefix}{key}"
        if isinstance(item, dict):
            _walk(item, path + ".", plain, arrays)
        elif isinstance(item, list) and item and all(isinstance(e, dict) for e in item):
            rows = []
            for element in item:
                inner: dict[str, str] = {}
                nested: dict[str, list[dict[str, str]]] = {}
                _walk(element, path + ".", inner, nested)
                for deeper in nested.values():  # arrays inside arrays: their first element's fields
                    if deeper:
                        for k, v in deeper[0].items():
                            inner.setdefault(k, v)
                rows.append(inner)
            arrays[path] = rows
        elif isinstance(item, list):
            plain[path] = ", ".join(_text(e) for e in item)
        else:
            plain[path] = _text(item)


def flatten_whole(value: Any, prefix: str = "") -> dict[str, str]:
    """Every field of an object by path, array elements by index (`orders[1].email`): the record kept."""
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            out.update(flatten_whole(item, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(value, list) and any(isinstance(e, dict | list) for e in value):
        for index, item in enumerate(value):
            out.update(flatten_whole(item, f"{prefix}[{index}]"))
    elif isinstance(value, list):
        out[prefix] = ", ".join(_text(e) for e in value)
    else:
        out[prefix] = _text(value)
    return out
