"""A real CUPS queue for print tests: cups-pdf's output folder set explicitly, and emptied whatever happens.

cups-pdf writes to the job owner's home (`/root/PDF` for root), not `$HOME`; `Out` in
/etc/cups/cups-pdf.conf decides. The fixture points `Out` at a fresh folder for the test,
restores the file afterwards and deletes every spooled PDF (they hold personal data), even
when the test fails. Two test runs on one machine take turns through a lock file.
"""

from __future__ import annotations

import fcntl  # tests run on the Linux CI only; the application never imports it
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CONF = Path("/etc/cups/cups-pdf.conf")
LOCK = Path(tempfile.gettempdir()) / "dsar-tests-cups-pdf.lock"


def cups_pdf_queue() -> bool:
    if shutil.which("lpstat") is None or not CONF.exists():
        return False
    proc = subprocess.run(["lpstat", "-p", "PDF"], capture_output=True, text=True, check=False)
    return proc.returncode == 0 and "PDF" in proc.stdout


needs_cups_pdf = pytest.mark.skipif(
    not cups_pdf_queue(), reason="no CUPS queue named PDF (./dev test starts cupsd and adds cups-pdf as root)"
)


def _with_out(conf_text: str, folder: Path) -> str:
    lines = [line for line in conf_text.splitlines() if not re.match(r"^\s*Out\s+", line)]
    return "\n".join(lines + [f"Out {folder}"]) + "\n"


@pytest.fixture
def cups_pdf_out() -> Iterator[Path]:
    """The folder where the queue PDF writes during this test (writable by root only)."""
    try:
        lock = LOCK.open("a")
        conf_before = CONF.read_text(encoding="utf-8")
    except OSError as exc:
        pytest.skip(f"cannot configure cups-pdf here: {exc}")
    fcntl.flock(lock, fcntl.LOCK_EX)
    folder = Path(tempfile.mkdtemp(prefix="dsar-cups-pdf-"))
    try:
        CONF.write_text(_with_out(conf_before, folder), encoding="utf-8")
        yield folder
    finally:
        CONF.write_text(conf_before, encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def wait_for_pdf(
    folder: Path, accept: Callable[[bytes], bool] = lambda data: True, timeout: float = 90.0
) -> bytes:
    """The first complete PDF that lands in `folder` and that `accept` recognises."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in sorted(folder.rglob("*.pdf")):
            data = path.read_bytes()
            # cups-pdf writes then closes; a complete PDF ends with %%EOF.
            if data.rstrip().endswith(b"%%EOF") and accept(data):
                return data
        time.sleep(0.2)  # polling the spool folder: there is no event to wait on
    raise AssertionError(f"no spooled PDF appeared in {folder} within {timeout:.0f} s")
