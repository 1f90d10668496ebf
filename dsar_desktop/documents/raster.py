"""PDF to PNG through poppler's pdftoppm, in memory (previews for the template editor and tests)."""

from __future__ import annotations

import shutil
import subprocess

from ..domain.errors import DsarError


class RasterUnavailable(DsarError):
    code = "raster_unavailable"
    en = "Cannot draw the preview: {reason}. Install poppler-utils (pdftoppm)."
    fr = "Impossible de dessiner l'aperçu : {reason}. Installez poppler-utils (pdftoppm)."
    exit_code = 1


def pdf_page_png(pdf: bytes, page: int = 1, dpi: int = 100, timeout: float = 30.0) -> bytes:
    """One page (1-based) as PNG bytes; the PDF goes through a pipe, never a file."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise RasterUnavailable(reason="pdftoppm not found")
    proc = subprocess.run(
        [exe, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-"],
        input=pdf,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0 or not proc.stdout.startswith(b"\x89PNG"):
        raise RasterUnavailable(reason=f"pdftoppm failed ({proc.returncode})")
    return proc.stdout


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
    exe = shutil.which("pdfinfo")
    if exe is None:
        raise RasterUnavailable(reason="pdfinfo not found")
    proc = subprocess.run([exe, "-"], input=pdf, capture_output=True, timeout=timeout, check=False)
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise RasterUnavailable(reason="pdfinfo could not read the PDF")
