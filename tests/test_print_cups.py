"""The print path against a real CUPS queue: Qt lists the cups-pdf printer, the letter lands as a PDF."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from dsar_desktop.documents.printing import PrintFailed, print_pdf
from dsar_desktop.documents.raster import pdf_page_png, pdf_text
from dsar_desktop.services import letters, packs

try:
    from letters_support import apply_documents_schema, install_inputs
except ImportError:  # tests imported as a package
    from tests.letters_support import apply_documents_schema, install_inputs

pytestmark = pytest.mark.cups


def _cups_pdf_queue() -> bool:
    if shutil.which("lpstat") is None:
        return False
    proc = subprocess.run(["lpstat", "-p", "PDF"], capture_output=True, text=True, check=False)
    return proc.returncode == 0 and "PDF" in proc.stdout


def _output_dir() -> Path:
    conf = Path("/etc/cups/cups-pdf.conf")
    out = "${HOME}/PDF"
    if conf.exists():
        for line in conf.read_text(errors="replace").splitlines():
            if re.match(r"^\s*Out\s+", line):
                out = line.split(None, 1)[1].strip()
    return Path(out.replace("${HOME}", os.path.expanduser("~")))


def _wait_for_new_pdf(folder: Path, before: set[Path], timeout: float = 60.0) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if folder.exists():
            new = [p for p in folder.glob("*.pdf") if p not in before]
            # cups-pdf writes then closes; a complete PDF ends with %%EOF.
            done = [p for p in new if p.stat().st_size > 0 and p.read_bytes().rstrip().endswith(b"%%EOF")]
            if done:
                return done[0]
        time.sleep(0.2)  # polling the spool folder: there is no event to wait on
    raise AssertionError(f"no spooled PDF appeared in {folder} within {timeout:.0f} s")


@pytest.mark.skipif(
    not _cups_pdf_queue(),
    reason="no CUPS queue named PDF (./dev test starts cupsd and adds cups-pdf as root)",
)
def test_letter_printed_through_qt_chosen_cups_queue_lands_with_its_text(register, case_factory, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    names = [p.printerName() for p in QPrinterInfo.availablePrinters()]
    assert "PDF" in names, names  # Qt's CUPS plugin sees the queue
    printer = QPrinter(QPrinterInfo.printerInfo("PDF"))
    printer.setCopyCount(1)

    apply_documents_schema(register)
    install_inputs(monkeypatch)
    ref = case_factory()
    pdf = letters.build_letter(register, ref, "acknowledgement")
    folder = _output_dir()
    before = set(folder.glob("*.pdf")) if folder.exists() else set()
    job = packs.print_postal_reply(register, ref, pdf, printer.printerName(), copies=printer.copyCount())
    assert job.startswith("PDF-")
    spooled = _wait_for_new_pdf(folder, before)
    try:
        data = spooled.read_bytes()
        text = pdf_text(data)
        # cups-pdf runs Ghostscript, which keeps the glyphs (checked on the PNG) but drops the
        # ToUnicode maps of the subset fonts: accented letters vanish from the text layer only.
        assert ref in text and "DUPR" in text and "69003 LYON" in text and "Page 1 sur 1" in text
        assert "cil@cesi.fr" in text and "Accus" in text
        png = pdf_page_png(data, 1, dpi=30)
        assert png.startswith(b"\x89PNG") and len(png) > 2000
        assert register.query_one("SELECT count(*) FROM audit WHERE action = 'letter.printed'")[0] == 1
    finally:
        spooled.unlink()  # the spooled copy holds personal data


def test_unknown_queue_is_a_clear_error():
    if shutil.which("lp") is None:
        pytest.skip("no CUPS client (lp) installed")
    with pytest.raises(PrintFailed) as err:
        print_pdf(b"%PDF-1.4\n%%EOF\n", "No-Such-Queue-For-DSAR")
    assert "No-Such-Queue-For-DSAR" in err.value.describe("en")
