"""CSV and text exports: delimiter detection, fast projected parse per block, careful row-by-row fallback."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import polars as pl

from ..domain.progress import CancelToken
from . import readers
from .cells import HEADER_SCAN_ROWS, find_header
from .errors import EmptyExtract, HeaderRowNotFound, HeaderTooLong, LineTooLong, NoHeader
from .mapping import ROLE_WORDS
from .readers import (
    DELIMITERS,
    MAX_RECORD_BYTES,
    ROW_COL,
    SAMPLE_BYTES,
    TOO_LONG,
    Block,
    ByteBlocks,
    ExtractReader,
    constant,
    prefetch,
    unique_headers,
)

_SENTINEL = "\x00extra"
MAX_COLUMNS = 16_384  # Excel's limit: no export a person can open has more


class _Ragged(Exception):
    """A row of the block has more fields than the header."""


class CsvReader(ExtractReader):
    format = "csv"

    def __init__(self, path: Path, size: int, encoding: str, bom: bytes, sample: bytes) -> None:
        super().__init__(path, size)
        self.bom = bom
        self.info.encoding = encoding + ("-sig" if bom == codecs.BOM_UTF8 else "")
        self._encoding = encoding
        text = sample[len(bom) :].decode(encoding, errors="replace")
        if len(sample) == SAMPLE_BYTES:
            if "\n" not in text and "\r" not in text:
                # the header must lie within the sample: a first line of megabytes is no header (and read
                # on, its millions of "columns" would make every later step crawl)
                raise HeaderTooLong(
                    file=path.name,
                    reason=f"its first line runs past {SAMPLE_BYTES >> 20} MB without a line end",
                    reason_fr=f"sa première ligne dépasse {SAMPLE_BYTES >> 20} Mo sans fin de ligne",
                )
            end = "\r" if "\n" not in text else "\n"  # a Mac CSV's lines end with a lone CR
            text = text[: text.rfind(end) + 1] or text
        self._cr_only = "\r" in text and "\n" not in text  # a Mac CSV: lines end with a lone CR
        lines = text.splitlines()
        if not any(ln.strip() for ln in lines):
            raise EmptyExtract(file=path.name)
        self.info.delimiter = _detect_delimiter(lines[:50])
        # the first records of the sample, with the physical line each starts and ends on
        self._records: list[tuple[int, int, list[str]]] = []
        parser = csv.reader(io.StringIO(text, newline=""), delimiter=self.info.delimiter)
        start = 1
        broken: csv.Error | None = None
        try:
            for record in parser:
                self._records.append((start, parser.line_num, record))
                start = parser.line_num + 1
                if len(self._records) >= HEADER_SCAN_ROWS:
                    break
        except csv.Error as exc:
            broken = exc  # a broken record early on: the header is searched among the records before it
        index = find_header([r for _, _, r in self._records], ROLE_WORDS)
        if index is None:
            if broken is not None and "field larger than field limit" in str(broken):
                limit = csv.field_size_limit()
                raise HeaderTooLong(
                    file=path.name,
                    reason=f"a field of line {start} is longer than {limit} characters, the reader's field limit",
                    reason_fr=f"un champ de la ligne {start} dépasse {limit} caractères, la limite du lecteur",
                )
            raise NoHeader(file=path.name)
        self._use_record(index, chosen=True)

    def use_header_row(self, line: int) -> None:
        """Take the header from this physical line (a person's mapping said so)."""
        for index, (start, _end, record) in enumerate(self._records):
            if start == line and any(cell.strip() for cell in record):
                self._use_record(index, chosen=False)
                return
        raise HeaderRowNotFound(file=self.info.name, row=line, rows=len(self._records))

    def _use_record(self, index: int, *, chosen: bool) -> None:
        start, end, record = self._records[index]
        if len(record) > MAX_COLUMNS:
            raise HeaderTooLong(
                file=self.info.name,
                reason=f"line {start} names {len(record)} columns, more than the {MAX_COLUMNS} a spreadsheet holds",
                reason_fr=f"la ligne {start} nomme {len(record)} colonnes, plus que les {MAX_COLUMNS} d'un tableur",
            )
        self.info.headers = unique_headers(record)
        self.info.header_row = start
        self._skip_lines = end
        self.info.issues = [i for i in self.info.issues if i.kind != "header_row"]
        before = sum(1 for _, _, r in self._records[:index] if any(c.strip() for c in r))
        if before:
            how = "found" if chosen else "given"
            self._issue(
                start,
                f"header taken from line {start} ({how}); {before} line(s) above it (title, notes) not read as data",
                f"en-tête pris à la ligne {start} ({'détectée' if chosen else 'indiquée'}) ; {before} ligne(s) au-dessus"
                " (titre, notes) non lue(s) comme données",
                kind="header_row",
            )

    def blocks(self, cancel: CancelToken | None = None, columns: list[str] | None = None) -> Iterator[Block]:
        headers = self.info.headers
        chosen = set(columns) if columns is not None else None  # once: a set per header was quadratic
        wanted = [c for c in headers if c in chosen] if chosen is not None else list(headers)
        stream = ByteBlocks(self, self._encoding, quoted=True, cr_only=self._cr_only)
        next_row = 1
        line = 1
        header_pending = True
        for item in prefetch(stream, cancel):
            if item == TOO_LONG:
                raise LineTooLong(file=self.info.name, line=line, limit_mb=MAX_RECORD_BYTES >> 20)
            part, newlines = item.text, item.newlines
            if header_pending:
                header_pending = False
                part, skipped = self._drop_header(part)
                line += skipped
                newlines = None if newlines is None else newlines - skipped
                if not part.strip():
                    line += part.count(b"\n")
                    continue
            try:
                frame = self._fast_parse(part, wanted)
                keep = None
                if _has_empty_row(frame):  # polars reads a blank line as a row of empty fields
                    keep = _records_not_blank(part)
                    if keep is None or len(keep) != frame.height:
                        raise _Ragged()  # the careful path tells blank lines from rows
                    if keep.all():
                        keep = None  # empty fields, but no blank line
                    else:
                        newlines, frame = part.count(b"\n"), frame.filter(keep)
                frame = frame.with_row_index(ROW_COL, offset=next_row)
                full = self._full_parser(part, next_row) if wanted != headers else None
                one = self._row_parser(part, next_row) if wanted != headers else None
                if keep is not None and full is not None:
                    full, one = self._full_parser(part, next_row, keep), None
                rows_seen = frame.height
            except (
                pl.exceptions.PolarsError,
                _Ragged,
            ):  # ragged or badly quoted rows: the careful path reports them
                whole, rows_seen = self._careful_parse(part, line, next_row)
                frame = whole.select(ROW_COL, *wanted)
                full = constant(whole)
                one = None
                newlines = part.count(b"\n")
            next_row += rows_seen
            line += newlines if newlines is not None else frame.height  # no quotes: one row per line
            self.info.rows += frame.height
            yield Block(frame, item.bytes_done, full, one)
        self._notice_if_no_rows(self._skip_lines, next_row - 1)
        self.info.sha256 = stream.hasher.hexdigest()

    def _fast_parse(self, part: bytes, wanted: list[str]) -> pl.DataFrame:
        """Parse only the wanted columns. A sentinel column after the last header catches rows with too
        many fields (polars ignores them when projecting); such a block goes to the careful path."""
        headers = self.info.headers
        schema = {name: pl.String for name in headers} | {_SENTINEL: pl.String}
        indices = [headers.index(c) for c in wanted] + [len(headers)]
        frame = pl.read_csv(
            part,
            has_header=False,
            schema=schema,
            columns=indices,
            separator=self.info.delimiter,
            quote_char='"',
            empty_string_is_null=False,
            missing_columns="insert",
            raise_if_empty=False,
        )
        extra = frame[frame.columns[-1]].str.len_bytes().max()  # null or "" (a trailing delimiter) is fine
        if isinstance(extra, int) and extra > 0:
            raise _Ragged()
        frame = frame.drop(frame.columns[-1])
        return (
            frame.rename(dict(zip(frame.columns, wanted, strict=True))) if frame.columns != wanted else frame
        )

    def _full_parser(
        self, part: bytes, first_row: int, keep: pl.Series | None = None
    ) -> Callable[[], pl.DataFrame]:
        def parse() -> pl.DataFrame:
            frame = self._fast_parse(part, list(self.info.headers))
            if keep is not None:
                frame = frame.filter(keep)
            return frame.with_row_index(ROW_COL, offset=first_row)

        return parse

    def _row_parser(self, part: bytes, first_row: int) -> Callable[[int], dict[str, str] | None]:
        """Parse one data row of the part (polars skips to it): 2 ms instead of 50 for the whole block."""
        headers = self.info.headers

        def parse(number: int) -> dict[str, str] | None:
            frame = pl.read_csv(
                part,
                has_header=False,
                schema={name: pl.String for name in headers} | {_SENTINEL: pl.String},
                skip_rows=number - first_row,
                n_rows=1,
                separator=self.info.delimiter,
                quote_char='"',
                empty_string_is_null=False,
                missing_columns="insert",
                raise_if_empty=False,
            )
            if frame.height != 1:
                return None
            values = frame.row(0)
            return {h: ("" if v is None else v) for h, v in zip(headers, values[: len(headers)], strict=True)}

        return parse

    def _drop_header(self, part: bytes) -> tuple[bytes, int]:
        """The part without the blank lines and header record before the data; and how many lines those were."""
        offset = 0
        in_quotes = False
        lines_seen = 0
        # skip blank lines and the header record (which may hold quoted newlines)
        while offset < len(part):
            end = part.find(b"\n", offset)
            end = len(part) if end < 0 else end + 1
            segment = part[offset:end]
            lines_seen += 1
            if segment.count(b'"') % 2:
                in_quotes = not in_quotes
            offset = end
            if not in_quotes and lines_seen >= self._skip_lines:
                break
        return part[offset:], lines_seen

    def _careful_parse(self, part: bytes, first_line: int, first_row: int) -> tuple[pl.DataFrame, int]:
        """The slow path for a block the fast parser refused: row by row, reporting what is wrong.

        Returns the rows read and how many data rows the part held (malformed ones included: they keep
        their number). A record that cannot be parsed (a quote never closed, a closing quote followed
        by text) is reported at its first line and the parse resumes at the next line, so one broken
        row never hides the rows after it. Blank lines are not data rows (as in csv.DictReader).
        """
        headers = self.info.headers
        try:
            text = part.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad_line = first_line + part.count(b"\n", 0, exc.start)
            self._issue(
                bad_line,
                "invalid UTF-8: this part was read as Windows-1252",
                "UTF-8 invalide : cette partie a été lue en Windows-1252",
            )
            text = part.decode("cp1252", errors="replace")
        pieces = text.split("\n")
        lines = [piece + "\n" for piece in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])
        feed = _LineFeed(lines, readers.MAX_RECORD_BYTES)
        rows: list[list[str]] = []
        numbers: list[int] = []
        row_number = first_row
        reader = csv.reader(feed, delimiter=self.info.delimiter, strict=True)
        while feed.position < len(lines):
            start = feed.position
            feed.budget = feed.limit
            try:
                record = next(reader)
            except StopIteration:
                break
            except (csv.Error, _RecordTooLong) as exc:
                en, fr = _explain(exc)
                self._issue(
                    first_line + start, f"malformed row skipped: {en}", f"ligne mal formée ignorée : {fr}"
                )
                row_number += 1
                feed.position = start + 1  # resume at the next physical line, with a fresh parser
                reader = csv.reader(feed, delimiter=self.info.delimiter, strict=True)
                continue
            if not record:
                continue  # a blank line
            if feed.position - start > 1 and len(record) != len(headers):
                # a record over several lines with the wrong number of fields: most likely a stray quote
                # that swallowed the lines after it; report its first line and read those lines again
                self._issue(
                    first_line + start,
                    f"malformed row skipped: a quote opened on this line spans {feed.position - start} lines"
                    f" and leaves {len(record)} fields for {len(headers)} columns",
                    f"ligne mal formée ignorée : un guillemet ouvert sur cette ligne s'étend sur"
                    f" {feed.position - start} lignes et laisse {len(record)} champs pour {len(headers)} colonnes",
                )
                row_number += 1
                feed.position = start + 1
                reader = csv.reader(feed, delimiter=self.info.delimiter, strict=True)
                continue
            if len(record) > len(headers):
                self._issue(
                    first_line + start,
                    f"malformed row skipped: {len(record)} fields for {len(headers)} columns",
                    f"ligne mal formée ignorée : {len(record)} champs pour {len(headers)} colonnes",
                )
                row_number += 1
                continue
            rows.append(record + [""] * (len(headers) - len(record)))
            numbers.append(row_number)
            row_number += 1
        frame = pl.DataFrame(rows, schema={name: pl.String for name in headers}, orient="row")
        frame = frame.with_columns(pl.Series(ROW_COL, numbers, dtype=pl.UInt32)).select(ROW_COL, *headers)
        return frame, row_number - first_row


class _RecordTooLong(Exception):
    """One record has read more than the record limit: its opening quote is never closed."""


class _LineFeed:
    """The lines of a part for csv.reader, from a position the caller can move back (to resume after a
    broken record), with a budget of characters per record so an unclosed quote cannot read on forever."""

    def __init__(self, lines: list[str], limit: int) -> None:
        self.lines = lines
        self.position = 0
        self.limit = limit
        self.budget = limit

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        if self.position >= len(self.lines):
            raise StopIteration
        line = self.lines[self.position]
        self.position += 1
        self.budget -= len(line)
        if self.budget < 0:
            raise _RecordTooLong()
        return line


def _explain(exc: Exception) -> tuple[str, str]:
    """csv's English error as a sentence in each language."""
    message = str(exc)
    if isinstance(exc, _RecordTooLong) or "unexpected end of data" in message:
        return (
            "a quote opened on this line is never closed",
            "un guillemet ouvert sur cette ligne n'est jamais refermé",
        )
    if "expected after" in message:
        return (
            "a closing quote is followed by other characters",
            "un guillemet fermant est suivi d'autres caractères",
        )
    if "NUL" in message:
        return "the line contains a NUL character", "la ligne contient un caractère NUL"
    if "field larger than field limit" in message:
        return (
            f"a field is longer than {csv.field_size_limit()} characters",
            f"un champ dépasse {csv.field_size_limit()} caractères",
        )
    return f"unreadable CSV ({message})", "CSV illisible à cet endroit"


def _has_empty_row(frame: pl.DataFrame) -> bool:
    """Whether some row has every parsed column empty: the only rows that can be blank lines.

    A vectorised test on the few parsed columns (0.1-0.5 ms a block), where looking for an empty line
    in the bytes costs 14 ms per 8 MB block (a newline is so frequent that substring search crawls)."""
    if not frame.width:
        return frame.height > 0
    first = frame.get_column(frame.columns[0])
    if not first.null_count() and first.str.len_bytes().min() != 0:  # the usual case: 0.1 ms
        return False
    empty = pl.all_horizontal([pl.col(c).fill_null("").str.len_bytes() == 0 for c in frame.columns])
    return bool(frame.select(empty.any()).item())


def _records_not_blank(part: bytes) -> pl.Series | None:
    """For each record polars reads from the part, whether it is a real row rather than a blank line.

    Vectorised: a line starts a record when the quotes before it are even (RFC 4180 quoting, which
    the fast parse just accepted); a blank line that starts a record is no data row. None when the
    part is not UTF-8 (the caller then takes the careful path)."""
    try:
        text = part.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = pl.Series("line", [text], dtype=pl.String).str.split("\n").explode()
    if text.endswith("\n"):
        lines = lines.head(len(lines) - 1)
    quotes = lines.str.count_matches('"', literal=True)
    starts = ((quotes.cum_sum() - quotes) % 2) == 0
    not_blank = ~lines.is_in(["", "\r"])
    return not_blank.filter(starts)


def _detect_delimiter(lines: list[str]) -> str:
    """The candidate that splits most lines into the same number of fields; ';' wins ties (French Excel).

    Lines without the candidate (a title, a note above the header) do not count against it."""
    lines = [ln for ln in lines if ln.strip()]
    if not lines:
        return ","
    best, best_score = ",", 0.0
    for delimiter in DELIMITERS:
        counts = [_count_outside_quotes(ln, delimiter) for ln in lines[:20]]
        present = [c for c in counts if c]
        if not present:
            continue
        usual = max(set(present), key=present.count)
        consistent = counts.count(usual) / len(counts)
        score = usual * (0.5 + consistent)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count
