"""JSON Lines exports: one object per line; bad lines reported by number and skipped."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl

from ..domain.progress import CancelToken
from .errors import LineTooLong
from .readers import MAX_RECORD_BYTES, ROW_COL, TOO_LONG, Block, ExtractReader, _ByteBlocks, prefetch


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
        stream = _ByteBlocks(self, self._encoding, quoted=False)
        row_number = 0
        first_line = 1
        for item in prefetch(stream, cancel):
            if item == TOO_LONG:
                raise LineTooLong(file=self.info.name, line=first_line, limit_mb=MAX_RECORD_BYTES >> 20)
            part, bytes_done = item.text, item.bytes_done
            records: list[dict[str, str]] = []
            numbers: list[int] = []
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
                record = {str(k): _text(v) for k, v in value.items()}
                for key in record:
                    if key not in self._columns:
                        self._columns[key] = None
                records.append(record)
                numbers.append(row_number)
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
                self.info.rows += frame.height
                yield Block(frame.select(ROW_COL, *self._columns), bytes_done)
        self._notice_if_no_rows(1, row_number)
        self.info.sha256 = stream.hasher.hexdigest()

    def peek_headers(self, lines: int = 1000) -> list[str]:
        """Keys of the first objects, for a mapping suggestion before the search."""
        keys: dict[str, None] = {}
        with self.info.path.open("rb") as handle:
            for _ in range(lines):
                raw = handle.readline(MAX_RECORD_BYTES)
                if not raw:
                    break
                try:
                    value = json.loads(raw.decode(self._encoding, errors="replace").lstrip("\ufeff"))
                except ValueError:
                    continue
                if isinstance(value, dict):
                    keys.update(dict.fromkeys(str(k) for k in value))
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
