"""PDF pages as PNG (pdfium, for previews) and PDF text (poppler's pdftotext, for tests), in memory."""

from __future__ import annotations

import shutil
import subprocess

from ..domain.errors import DsarError
from . import printing


class RasterUnavailable(DsarError):
    code = "raster_unavailable"
    en = "Cannot draw the preview: {reason}."
    fr = "Impossible de dessiner l'aperçu : {reason}."
    exit_code = 1


def pdf_page_png(pdf: bytes, page: int = 1, dpi: int = 100, timeout: float = 30.0) -> bytes:
    """One page (1-based) as PNG bytes, drawn by pdfium in memory (on every platform, no poppler)."""
    del timeout  # in-process: nothing to wait for
    try:
        return printing.page_png(pdf, page, dpi)
    except printing.PdfUnreadable as exc:
        raise RasterUnavailable(reason=exc.describe("en")) from None


def pdf_text(pdf: bytes, timeout: float = 30.0) -> str:
    """The text of a PDF (pdftotext -layout), through pipes."""
    exe = shutil.which("pdftotext")
    if exe is None:
        raise RasterUnavailable(reason="pdftotext not found")
    proc = subprocess.run(
        [exe, "-layout", "-", "-"], input=pdf, capture_output=True, timeout=timeout, check=False
    )
    if proc.returncode != 0:
        raise RasterUnavailable(reason=f"pdftotext failed ({proc.returncode})")
    return proc.stdout.decode("utf-8", "replace")


def pdf_page_count(pdf: bytes, timeout: float = 30.0) -> int:
    del timeout
    try:
        return printing.page_count(pdf)
    except printing.PdfUnreadable as exc:
        raise RasterUnavailable(reason=exc.describe("en")) from None
