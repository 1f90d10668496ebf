"""Send a PDF to a CUPS queue (the one the user picked in Qt's print dialog), through a pipe.

Qt cannot draw a PDF without QtPdf (PySide6-Addons), and rasterising would lose the text;
CUPS takes the PDF as it is. The UI shows QPrintDialog, then passes the chosen printer
name, copies and duplex setting here. No file is written: `lp` reads standard input.
"""

from __future__ import annotations

import re
import shutil
import subprocess

from ..domain.errors import DsarError


class PrintFailed(DsarError):
    code = "print_failed"
    en = "Printing to {printer} failed: {reason}"
    fr = "L'impression sur {printer} a échoué : {reason}"
    exit_code = 1


def print_pdf(
    pdf: bytes,
    printer: str,
    *,
    copies: int = 1,
    title: str = "DSAR",
    duplex: bool = False,
    timeout: float = 60,
) -> str:
    """Queue the PDF on `printer`; return the CUPS job id (e.g. 'PDF-12'). The title must hold no personal data."""
    exe = shutil.which("lp")
    if exe is None:
        raise PrintFailed(printer=printer, reason="the CUPS client (lp) is not installed")
    if not 1 <= copies <= 99:
        raise PrintFailed(printer=printer, reason=f"{copies} copies is out of range")
    args = [exe, "-d", printer, "-n", str(copies), "-t", title, "-o", "media=A4", "-o", "fit-to-page=false"]
    args += ["-o", "sides=two-sided-long-edge" if duplex else "sides=one-sided", "-"]
    try:
        proc = subprocess.run(args, input=pdf, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise PrintFailed(printer=printer, reason="the print system did not answer") from None
    if proc.returncode != 0:
        raise PrintFailed(
            printer=printer,
            reason=proc.stderr.decode("utf-8", "replace").strip() or f"lp exit {proc.returncode}",
        )
    match = re.search(r"request id is (\S+)", proc.stdout.decode("utf-8", "replace"))
    return match.group(1) if match else ""
