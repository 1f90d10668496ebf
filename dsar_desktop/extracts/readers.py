"""Streamed readers for CSV, JSON Lines and XLSX exports: blocks of text columns, never a whole file in memory.

Every reader yields `Block`s: a polars DataFrame whose columns are the file's headers (all text) plus
ROW_COL, the 1-based data row (header and blank lines excluded, as csv.DictReader counts; a malformed
row keeps its number). Malformed rows are skipped and listed in `issues`
with their line number. Nothing is ever written to disk.
"""

from __future__ import annotations

import codecs
import hashlib
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from ..domain.progress import CancelToken

ROW_COL = "\x00row"
LINE_COL = "\x00line"  # where a block has it: the row as the person sees it (the sheet row of a workbook)
HIDDEN_COLS = (ROW_COL, LINE_COL)
BLOCK_BYTES = 8 << 20  # measured fastest for polars on 2 cores (8 MB: 0.68 s per 680 MB, 32 MB: 1.3 s)
MAX_RECORD_BYTES = 16 << 20
SAMPLE_BYTES = 1 << 20
DELIMITERS = (";", ",", "\t", "|")


@dataclass(frozen=True)
class RowIssue:
    """A row skipped or read with a caveat; `line` is the physical line (or sheet row)."""

    line: int
    en: str
    fr: str
    kind: str = "row"  # row | header_row | sheet | column | value | unmapped | part
    sheet: str = ""


@dataclass
class FileInfo:
    path: Path
    name: str
    size: int
    format: str  # csv | jsonl | xlsx
    encoding: str = ""
    delimiter: str = ""
    headers: list[str] = field(default_factory=list)
    rows: int = 0
    sha256: str = ""
    issues: list[RowIssue] = field(default_factory=list)
    header_row: int = 1  # the physical line (CSV) or sheet row (XLSX) of the header; 0 for JSON
    date_system: int = 1900  # Excel serial dates: 1900 or 1904 system
    sheets: list[SheetInfo] = field(default_factory=list)


@dataclass
class SheetInfo:
    """One sheet of a workbook: its own header and rows (hidden sheets are read too)."""

    name: str
    hidden: bool
    header_row: int
    headers: list[str]
    rows: int = 0


@dataclass
class Block:
    """Rows of one part of a file: `frame` holds the requested columns; `full()` every column, same rows."""

    frame: pl.DataFrame
    bytes_done: int
    full: Callable[[], pl.DataFrame] | None = None
    one: Callable[[int], dict[str, str] | None] | None = None  # a single row, parsed alone (cheap)
    whole: Callable[[set[int]], dict[int, dict[str, str]]] | None = None  # the records, built by the reader

    def records(self, rows: set[int]) -> dict[int, dict[str, str]]:
        """The complete rows (header -> text) for these data row numbers."""
        if self.whole is not None:
            return self.whole(rows)
        return self._records(rows)

    def _records(self, rows: set[int]) -> dict[int, dict[str, str]]:
        if self.one is not None and len(rows) <= 8:
            found = {}
            for number in rows:
                record = self.one(number)
                seen = self.frame.filter(pl.col(ROW_COL) == number)
                if record is None or seen.height != 1:
                    break
                # the row parsed alone must agree with the fast pass, else parse the whole block
                if any(
                    v is not None and record.get(k) != v
                    for k, v in seen.row(0, named=True).items()
                    if k not in HIDDEN_COLS
                ):
                    break
                found[number] = record
            else:
                return found
        frame = self.full() if self.full is not None else self.frame
        picked = frame.filter(pl.col(ROW_COL).is_in(list(rows)))
        return {
            int(row[ROW_COL]): {k: ("" if v is None else v) for k, v in row.items() if k not in HIDDEN_COLS}
            for row in picked.iter_rows(named=True)
        }


class ExtractReader:
    """Common part of the readers: file facts, issues, the hash."""

    format = ""

    def __init__(self, path: Path, size: int) -> None:
        self.info = FileInfo(path=path, name=path.name, size=size, format=self.format)

    @property
    def headers(self) -> list[str]:
        return self.info.headers

    def blocks(self, cancel: CancelToken | None = None, columns: list[str] | None = None) -> Iterator[Block]:
        """Stream the file; `columns` limits `Block.frame` to those columns (all when None)."""
        raise NotImplementedError

    def parts(self) -> list[Any]:
        """The tables of the file, each with its own headers and blocks: one, except for a workbook."""
        return [self]

    part_name = ""

    def sheet(self, name: str) -> Any:
        """A workbook's sheet by name; other files have none."""
        from .errors import SheetNotFound

        raise SheetNotFound(file=self.info.name, sheet=name, sheets="")

    def use_header_row(self, line: int) -> None:
        """Take the header from this line (CSV and workbooks; a JSON Lines file has none)."""
        from .errors import HeaderRowNotFound

        raise HeaderRowNotFound(file=self.info.name, row=line, rows=0)

    def _issue(self, line: int, en: str, fr: str, kind: str = "row", sheet: str = "") -> None:
        if len(self.info.issues) < 1000 or kind != "row":
            self.info.issues.append(RowIssue(line, en, fr, kind, sheet))

    def _notice_if_no_rows(self, line: int, records_seen: int) -> None:
        """A file that gave no data row says so (a header-only export is not the same as no match)."""
        if self.info.rows:
            return
        if records_seen:
            self._issue(
                line,
                "no data rows could be read: every row is malformed",
                "aucune ligne de données lisible : toutes les lignes sont mal formées",
            )
        else:
            self._issue(
                line,
                "no data rows: the file holds only its header",
                "aucune ligne de données : le fichier ne contient que son en-tête",
            )


def unique_headers(raw: list[str]) -> list[str]:
    """Trimmed header names; empty ones named column_N, duplicates suffixed _2, _3..."""
    seen: dict[str, int] = {}
    result = []
    for index, name in enumerate(raw):
        name = name.strip().lstrip("\ufeff").strip() or f"column_{index + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}_{seen[name]}"
        else:
            seen[name] = 1
        result.append(name)
    return result


TOO_LONG = "too long"


@dataclass(frozen=True)
class RawPart:
    """UTF-8 bytes ending at a record boundary; `newlines` when it had to be counted (quotes inside)."""

    text: bytes
    newlines: int | None
    bytes_done: int


class ByteBlocks:
    """Reads a file in blocks cut at record ends (seeking back over the tail), hashes the raw bytes,
    transcodes to UTF-8. Runs in the prefetch thread, so reading and hashing overlap the parse."""

    def __init__(self, reader: ExtractReader, encoding: str, quoted: bool, cr_only: bool = False) -> None:
        self.reader = reader
        self.encoding = encoding
        self.quoted = quoted
        # lines ended by a lone CR (Excel for Mac's "CSV (Macintosh)"): read as LF, byte for byte, so cuts,
        # line numbers and the parse work unchanged; the hash stays that of the file's own bytes
        self.cr_only = cr_only and encoding not in ("utf-16-le", "utf-16-be")
        self.hasher = hashlib.sha256()
        if encoding == "utf-16-le":
            self.newline, self.width = b"\n\x00", 2
        elif encoding == "utf-16-be":
            self.newline, self.width = b"\x00\n", 2
        else:
            self.newline, self.width = b"\n", 1

    def __iter__(self) -> Iterator[RawPart | str]:
        done = 0
        want = BLOCK_BYTES
        first = True
        with self.reader.info.path.open("rb") as handle:
            while True:
                original = handle.read(want)
                if not original:
                    return
                raw = original.replace(b"\r", b"\n") if self.cr_only else original
                cut = len(raw)
                if len(raw) == want:  # not at the end of the file
                    cut = self._cut(raw)
                    if cut <= 0:
                        if want > MAX_RECORD_BYTES:
                            yield TOO_LONG
                            return
                        back, raw, original = len(raw), b"", b""  # let go of this read before the larger one
                        handle.seek(-back, 1)
                        want *= 2
                        continue
                    if cut < len(raw):
                        handle.seek(cut - len(raw), 1)
                        raw, original = raw[:cut], original[:cut]
                want = BLOCK_BYTES
                self.hasher.update(original)
                done += len(raw)
                text = (
                    raw
                    if self.encoding == "utf-8"
                    else raw.decode(self.encoding, errors="replace").encode("utf-8")
                )
                if first:
                    text = text.removeprefix(codecs.BOM_UTF8)
                    first = False
                newlines = text.count(b"\n") if (not self.quoted or b'"' in text) else None
                yield RawPart(text, newlines, done)

    def _last_newline(self, raw: bytes, end: int) -> int:
        """Index just after the last aligned newline before `end`, or 0."""
        while True:
            found = raw.rfind(self.newline, 0, end)
            if found < 0:
                return 0
            if found % self.width == 0:
                return found + len(self.newline)
            end = found + len(self.newline) - 1

    def _cut(self, raw: bytes) -> int:
        """Index just after the last newline that ends a record (outside quotes), or 0."""
        cut = self._last_newline(raw, len(raw))
        if cut <= 0 or not self.quoted or b'"' not in raw:
            return cut
        quotes = raw.count(b'"', 0, cut)
        tries = 0
        while quotes % 2 and cut > 0 and tries < 10_000:
            previous = self._last_newline(raw, cut - len(self.newline))
            quotes -= raw.count(b'"', previous, cut)
            cut = previous
            tries += 1
        if quotes % 2 or cut <= 0:
            if (
                len(raw) > MAX_RECORD_BYTES
            ):  # no record ends in 16 MB: a stray quote; the careful parse reports it
                return self._last_newline(raw, len(raw))
            return 0  # the record goes on: read more
        return cut


def constant(frame: pl.DataFrame) -> Callable[[], pl.DataFrame]:
    return lambda: frame


_END = object()


def prefetch(items: Iterable[Any], cancel: CancelToken | None = None, depth: int = 3) -> Iterator[Any]:
    """Run `items` in a helper thread (reading, hashing and cutting overlap the parse), at most `depth` ahead.

    Memory stays flat: the queue holds at most `depth` blocks. Errors in the thread are re-raised here.
    """
    pipe: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def work() -> None:
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        pipe.put(item, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            pipe.put(_END)
        except BaseException as exc:  # handed to the consumer
            pipe.put(exc)

    worker = threading.Thread(target=work, name="extract-reader", daemon=True)
    worker.start()
    try:
        while True:
            if cancel is not None:
                cancel.raise_if_cancelled()
            item = pipe.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while worker.is_alive():
            try:
                pipe.get(timeout=0.05)
            except queue.Empty:
                pass
        worker.join()
