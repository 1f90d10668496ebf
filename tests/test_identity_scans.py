"""Bad scans are refused with their own message in French and English, and change nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from dsar_desktop.services import identity as ids
from dsar_desktop.services.scans import (
    ScanDamaged,
    ScanDecompressionBomb,
    ScanPdfUnreadable,
    ScanRefused,
    ScanTooLarge,
    ScanTooManyPixels,
    ScanWrongType,
    inspect_scan,
    preview_images,
)
from dsar_desktop.store.connection import Register

pytestmark = pytest.mark.usefixtures("identity_today")


def jpeg(size: tuple[int, int] = (900, 600)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (90, 120, 200)).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def png(size: tuple[int, int] = (300, 200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 20, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawImage(ImageReader(io.BytesIO(jpeg())), 40, 300, width=500, height=330)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def bomb() -> bytes:
    """10 000 x 10 000 pixels (100 megapixels) in about 12 KB."""
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def test_good_scans_accepted() -> None:
    assert inspect_scan(jpeg()).media_type == "image/jpeg"
    assert inspect_scan(png()).kind == "png"
    info = inspect_scan(scanned_pdf())
    assert (info.kind, info.pages) == ("pdf", 1)
    previews = preview_images(scanned_pdf())
    assert len(previews) == 1 and Image.open(io.BytesIO(previews[0])).size == (900, 600)


BAD = {
    "renamed_text": (lambda: b"Nom: Dupont\nPrenom: Jean\n" * 40, ScanWrongType, "plain text", "texte brut"),
    "truncated_jpeg": (lambda: jpeg()[: len(jpeg()) // 2], ScanDamaged, "truncated", "tronquée"),
    "decompression_bomb": (bomb, ScanDecompressionBomb, "decompression bomb", "bombe de décompression"),
    "thirty_mb": (lambda: b"\xff\xd8\xff\xe0" + os.urandom(30 * 1024 * 1024), ScanTooLarge, "20 MB", "20 Mo"),
    "broken_pdf": (
        lambda: scanned_pdf()[:400],
        ScanPdfUnreadable,
        "PDF cannot be displayed",
        "PDF ne peut pas",
    ),
    "zip": (lambda: b"PK\x03\x04" + os.urandom(500), ScanWrongType, "zip", "zip"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_scan_has_its_own_message(name: str) -> None:
    make, error, en, fr = BAD[name]
    with pytest.raises(error) as caught:
        inspect_scan(make())
    assert en in caught.value.describe("en")
    assert fr in caught.value.describe("fr")


def test_messages_are_distinct() -> None:
    codes = set()
    for make, error, _en, _fr in BAD.values():
        with pytest.raises(ScanRefused) as caught:
            inspect_scan(make())
        assert type(caught.value) is error
        codes.add(caught.value.code)
    assert {
        "scan_wrong_type",
        "scan_damaged",
        "scan_decompression_bomb",
        "scan_too_large",
        "scan_pdf_unreadable",
    } <= codes


def test_large_but_honest_image_is_too_many_pixels() -> None:
    # 51 megapixels of noise-free content still compresses a lot; build the header only to test the size rule
    from dsar_desktop.services.scans import _size_check

    with pytest.raises(ScanTooManyPixels):
        _size_check(8000, 6400, 18 * 1024 * 1024)


def test_encrypted_pdf_refused() -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(scanned_pdf())))
    writer.encrypt("owner", "user")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ScanPdfUnreadable) as caught:
        inspect_scan(out.getvalue())
    assert "password" in caught.value.describe("en")


def state(register: Register) -> tuple[str, bytes, bytes]:
    tables = [
        r[0] for r in register.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    dump = repr([(t, register.query(f"SELECT * FROM {t} ORDER BY rowid")) for t in tables])
    wal = register.path.with_name(register.path.name + "-wal")
    return (
        hashlib.sha256(dump.encode()).hexdigest(),
        register.path.read_bytes(),
        wal.read_bytes() if wal.exists() else b"",
    )


@pytest.mark.parametrize("name", list(BAD))
def test_refusal_changes_nothing(register: Register, case_factory, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    ids.request_proof(
        register,
        ref,
        "Your postal address differs from the one on file.",
        sent_on=dt.date(2027, 3, 2),
        with_letter=False,
    )
    register.checkpoint()
    files_before = sorted(p.name for p in tmp_path.iterdir())
    before = state(register)
    with pytest.raises(ScanRefused):
        ids.receive_proof(register, ref, BAD[name][0](), received_on=dt.date(2027, 3, 6))
    assert state(register) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before
    status = ids.identity_status(register, ref)
    assert status.proofs[0].state == "requested" and status.suspended
