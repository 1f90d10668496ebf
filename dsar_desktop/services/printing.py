"""Printing as the screens ask for it: a PDF's pages at the printer's resolution, and the failure they report.

`documents/printing.py` renders the pages; the print dialog in `ui/printing.py` feeds them to a
QPrinter. The screens reach the renderer through this service, never `documents/` directly.
"""

from __future__ import annotations

from ..documents.printing import PageImage, PrintFailed, print_dpi, render_pages

__all__ = ["PageImage", "PrintFailed", "print_dpi", "render_pages"]
