"""Printing through Qt, end to end: pdfium page images into QPrinter, a real CUPS queue, the PDF it spools.

The spooled page is compared with the letter drawn directly from its PDF: the same page,
the address where the envelope's window is. Runs under ./dev test (root starts cupsd and
the cups-pdf queue); the queue's output folder is a fresh one and is deleted afterwards.
"""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

from dsar_desktop.documents.printing import page_count, page_png, render_pages
from dsar_desktop.services import letters, packs

try:
    from cups_support import cups_pdf_out, needs_cups_pdf, wait_for_pdf
    from letters_support import apply_documents_schema, install_inputs
except ImportError:  # tests imported as a package
    from tests.cups_support import cups_pdf_out, needs_cups_pdf, wait_for_pdf
    from tests.letters_support import apply_documents_schema, install_inputs

__all__ = ["cups_pdf_out"]  # the fixture, used by name below

DPI = 50


def _gray(pdf: bytes, page: int = 1) -> Image.Image:
    import io

    return Image.open(io.BytesIO(page_png(pdf, page, DPI))).convert("L")


def _difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference of two pages, 0 (same) to 255, after bringing them to one size."""
    b = b.resize(a.size)
    return ImageStat.Stat(ImageChops.difference(a, b)).mean[0]


def test_page_images_have_the_paper_size_and_the_requested_resolution():
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.drawString(100, 700, "Page one")
    c.showPage()
    c.drawString(100, 700, "Page two")
    c.save()
    pages = list(render_pages(out.getvalue(), 100))
    assert len(pages) == 2 == page_count(out.getvalue())
    assert abs(pages[0].width - A4[0] / 72 * 100) <= 1 and abs(pages[0].height - A4[1] / 72 * 100) <= 1
    assert abs(pages[0].width_pt - A4[0]) < 0.01 and pages[0].stride >= pages[0].width * 3
    assert min(pages[0].rgb) < 100 < max(pages[0].rgb)  # ink on white


def test_qt_printer_writes_every_page_at_its_place(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The same code as for a real printer, with Qt's PDF writer standing in for the device."""
    import io

    from PySide6.QtPrintSupport import QPrinter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from dsar_desktop.ui.printing import QtPrinter

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.rect(
        100 / 25.4 * 72, A4[1] - 95 / 25.4 * 72, 90 / 25.4 * 72, 45 / 25.4 * 72, fill=1
    )  # a window's place
    c.showPage()
    c.drawString(72, 72, "second page")
    c.save()
    letter = out.getvalue()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    printer.setResolution(200)
    QtPrinter(printer).print_pdf(letter, "test")
    printed = (tmp_path / "out.pdf").read_bytes()
    assert page_count(printed) == 2
    assert _difference(_gray(letter, 1), _gray(printed, 1)) < 3
    assert _difference(_gray(letter, 2), _gray(printed, 2)) < 3
    assert _difference(_gray(letter, 1), _gray(printed, 2)) > 5  # the comparison can tell pages apart


@needs_cups_pdf
def test_letter_printed_through_qt_on_the_cups_queue_lands_as_the_same_page(
    qtbot, register, case_factory, monkeypatch, cups_pdf_out
):  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    from dsar_desktop.ui.printing import QtPrinter

    names = [p.printerName() for p in QPrinterInfo.availablePrinters()]
    assert "PDF" in names, names  # Qt's CUPS plugin sees the queue
    printer = QtPrinter(QPrinter(QPrinterInfo.printerInfo("PDF"), QPrinter.PrinterMode.HighResolution))

    apply_documents_schema(register)
    install_inputs(monkeypatch)
    ref = case_factory()
    pdf = letters.build_letter(register, ref, "acknowledgement")
    expected = _gray(pdf)
    packs.print_postal_reply(register, ref, pdf, printer)
    spooled = wait_for_pdf(cups_pdf_out, lambda data: _difference(expected, _gray(data)) < 6)
    assert page_count(spooled) == page_count(pdf)
    blank = Image.new("L", expected.size, 255)
    assert _difference(expected, blank) > 3  # the letter has ink: a blank page would not match
    row = register.query_one("SELECT details FROM audit WHERE action = 'letter.printed'")
    assert row is not None and json.loads(row[0]) == {"printer": "PDF", "copies": 1}
