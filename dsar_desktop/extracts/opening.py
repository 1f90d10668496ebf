"""Which reader opens a file: the first bytes decide between CSV, JSON Lines and XLSX (above the format modules)."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import filetype

from .csv_reader import CsvReader
from .errors import BinaryExtract, EmptyExtract
from .jsonl_reader import JsonLinesReader
from .readers import SAMPLE_BYTES, ExtractReader
from .xlsx_reader import XlsxReader

# bytes Windows-1252 leaves undefined: a file holding them is read as Latin-1
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def open_extract(path: Path) -> ExtractReader:
    """Look at the first bytes and return the right reader; raise EmptyExtract or BinaryExtract."""
    path = Path(path)
    size = path.stat().st_size
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    if not sample.strip():
        raise EmptyExtract(file=path.name)
    if sample.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            raise BinaryExtract(file=path.name, kind="damaged ZIP") from None
        if "xl/workbook.xml" in names:
            return XlsxReader(path, size)
        raise BinaryExtract(file=path.name, kind="ZIP archive")
    encoding, bom = detect_encoding(path.name, sample)
    text_start = sample[len(bom) :].lstrip()
    if encoding.startswith("utf-16"):
        text_start = sample[len(bom) :].decode(encoding, errors="replace").lstrip().encode("utf-8")
    if text_start.startswith(b"{"):
        return JsonLinesReader(path, size, encoding, bom)
    return CsvReader(path, size, encoding, bom, sample)


def detect_encoding(name: str, sample: bytes) -> tuple[str, bytes]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 or Latin-1."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8", codecs.BOM_UTF8
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if sample.startswith(bom):
            return encoding, bom
    if b"\x00" in sample:
        guess = filetype.guess(sample)
        raise BinaryExtract(file=name, kind=guess.mime if guess else "binary data")
    guess = filetype.guess(sample)
    if guess is not None:
        raise BinaryExtract(file=name, kind=guess.mime)
    cut = sample.rfind(b"\n") if len(sample) == SAMPLE_BYTES else len(sample)
    try:
        sample[: cut if cut > 0 else len(sample)].decode("utf-8")
        return "utf-8", b""
    except UnicodeDecodeError:
        pass
    if _CP1252_UNDEFINED & set(sample):
        return "latin-1", b""
    return "cp1252", b""
