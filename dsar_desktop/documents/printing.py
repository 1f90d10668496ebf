"""A PDF as page images for a printer: pdfium draws each page at the printer's resolution.

The same path prints on Windows and Linux: the UI hands the pages to Qt's QPrinter (which
speaks to the Windows spooler or to CUPS), so no `lp` and no system PDF viewer is needed.
Images lose the text layer of the PDF, which paper does not have anyway; the exported pack
keeps the searchable PDF. Pages are rendered one at a time, in memory, never to a file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from ..domain.errors import DsarError

# A 600-dpi A4 page is a 4960 x 7016 image (104 MB in RGB): above this, a laser printer gains
# nothing visible for a letter, and memory would grow with the printer's claimed resolution.
MAX_DPI = 600
MIN_DPI = 72


class PrintFailed(DsarError):
    code = "print_failed"
    en = "Printing to {printer} failed: {reason}"
    fr = "L'impression sur {printer} a échoué : {reason}"
    exit_code = 1


class PdfUnreadable(DsarError):
    code = "pdf_unreadable"
    en = "The document to print cannot be read ({reason}); build it again."
    fr = "Le document à imprimer est illisible ({reason}) ; produisez-le à nouveau."
    exit_code = 5


@dataclass(frozen=True)
class PageImage:
    """One page: RGB pixels (3 bytes each, rows of `stride` bytes) and its paper size in points."""

    width: int
    height: int
    stride: int
    rgb: bytes
    width_pt: float
    height_pt: float


class PageSink(Protocol):
    """A printer as the services see it (the UI wraps Qt's QPrinter in one)."""

    @property
    def name(self) -> str: ...

    @property
    def copies(self) -> int: ...

    def print_pdf(self, pdf: bytes, title: str) -> None:
        """Print every page; `title` is the job's name in the queue (no personal data)."""
        ...


def print_dpi(printer_dpi: int) -> int:
    return max(MIN_DPI, min(int(printer_dpi), MAX_DPI))


def _open(pdf: bytes):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium  # imported here: only printing and previews need it

    try:
        return pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise PdfUnreadable(reason=str(exc)) from None


def page_count(pdf: bytes) -> int:
    doc = _open(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def render_pages(pdf: bytes, dpi: int, first: int = 1, last: int | None = None) -> Iterator[PageImage]:
    """Pages `first`..`last` (1-based, inclusive) as RGB images at `dpi`, one at a time."""
    doc = _open(pdf)
    try:
        total = len(doc)
        stop = total if last is None else min(last, total)
        for index in range(max(first, 1) - 1, stop):
            page = doc[index]
            try:
                width_pt, height_pt = page.get_size()
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True, may_draw_forms=True)
                try:
                    yield PageImage(
                        bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer), width_pt, height_pt
                    )
                finally:
                    bitmap.close()
            finally:
                page.close()
    finally:
        doc.close()


def page_png(pdf: bytes, page: int = 1, dpi: int = 100) -> bytes:
    """One page (1-based) as PNG bytes, in memory (previews and tests)."""
    import io

    from PIL import Image

    for image in render_pages(pdf, dpi, page, page):
        picture = Image.frombuffer(
            "RGB", (image.width, image.height), image.rgb, "raw", "RGB", image.stride, 1
        )
        out = io.BytesIO()
        picture.save(out, format="PNG")
        return out.getvalue()
    raise PdfUnreadable(reason=f"there is no page {page}")
