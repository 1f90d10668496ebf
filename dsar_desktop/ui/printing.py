"""Printing through Qt on every platform: the system print dialog, then pdfium page images into QPrinter."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from ..services.printing import PrintFailed, print_dpi, render_pages


class QtPrinter:
    """A `documents.printing.PageSink` over a QPrinter chosen (and set up) by the print dialog."""

    def __init__(self, printer: QPrinter) -> None:
        self.printer = printer

    @property
    def name(self) -> str:
        return self.printer.printerName() or self.printer.outputFileName()

    @property
    def copies(self) -> int:
        return max(1, self.printer.copyCount())

    @property
    def duplex(self) -> bool:
        return self.printer.duplex() != QPrinter.DuplexMode.DuplexNone

    def print_pdf(self, pdf: bytes, title: str) -> None:
        printer = self.printer
        printer.setDocName(title)
        printer.setFullPage(
            True
        )  # the PDF page is the sheet: the address stays where the envelope's window is
        dpi = print_dpi(printer.resolution())
        painter = QPainter()
        started = False
        try:
            for number, page in enumerate(render_pages(pdf, dpi)):
                layout = QPageLayout(
                    QPageSize(QSizeF(page.width_pt, page.height_pt), QPageSize.Unit.Point),
                    QPageLayout.Orientation.Portrait
                    if page.height_pt >= page.width_pt
                    else QPageLayout.Orientation.Landscape,
                    QMarginsF(0, 0, 0, 0),
                )
                if not started:
                    printer.setPageLayout(layout)
                    if not painter.begin(printer):
                        raise PrintFailed(printer=self.name, reason="the printer could not be opened")
                    started = True
                else:
                    printer.setPageLayout(layout)
                    if not printer.newPage():
                        raise PrintFailed(printer=self.name, reason=f"page {number + 1} was refused")
                image = QImage(page.rgb, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
                painter.drawImage(QRectF(printer.paperRect(QPrinter.Unit.DevicePixel)), image)
            if not started:
                raise PrintFailed(printer=self.name, reason="the document has no page")
        finally:
            if painter.isActive() and not painter.end():
                raise PrintFailed(printer=self.name, reason="the job could not be sent")


def ask_printer(parent: QWidget | None) -> QtPrinter | None:
    """Qt's print dialog (the system's on Windows): the printer, copies and duplex the person picked."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, False)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted or not printer.printerName():
        return None
    return QtPrinter(printer)
