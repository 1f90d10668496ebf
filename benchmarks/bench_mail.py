"""Reading requests by e-mail: a 35 MB .eml (one large attachment), a 200 MB one refused, an Outlook .msg.

Prints the time and the peak of Python memory (tracemalloc) to read each message, and the time to
keep the 35 MB one in a register. Run from the project root:

    .venv/bin/python benchmarks/bench_mail.py
"""

from __future__ import annotations

import base64
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dsar_desktop.services import mail_in  # noqa: E402
from dsar_desktop.services.mail_read import MailRefused  # noqa: E402
from dsar_desktop.store.connection import open_register  # noqa: E402
from tests.mail_support import outlook_msg  # noqa: E402

HEAD = (
    b"Received: from a by mx; Sun, 31 Jan 2027 23:30:00 +0000\r\nFrom: A B <a@example.org>\r\nSubject: x\r\n"
    b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\n"
    b"Je souhaite exercer mon droit d'acces.\r\n--XX\r\nContent-Type: application/pdf\r\n"
    b"Content-Disposition: attachment; filename=scan.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
)


def big_eml(path: Path, attachment_mb: int) -> None:
    chunk = base64.encodebytes(os.urandom(57 * 16384))
    with path.open("wb") as out:
        out.write(HEAD)
        for _ in range(attachment_mb * 1024 * 1024 // (57 * 16384)):
            out.write(chunk)
        out.write(b"--XX--\r\n")


def measure(label: str, fn, rounds: int = 3) -> None:  # type: ignore[no-untyped-def]
    """Median time over `rounds` plain runs, then one more run under tracemalloc for the memory peak."""

    def once() -> str:
        try:
            fn()
            return "read"
        except MailRefused as exc:
            return f"refused ({exc.code})"

    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        outcome = once()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    once()
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    print(f"{label:<42} {outcome:<28} median {statistics.median(times) * 1000:8.1f} ms   peak {peak:7.1f} MB")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        ok, huge, msg = root / "ok.eml", root / "huge.eml", root / "r.msg"
        big_eml(ok, 24)
        big_eml(huge, 200)
        msg.write_bytes(outlook_msg(attachments=[("scan.pdf", "application/pdf", b"%PDF-1.4" + os.urandom(5_000_000))]))
        print(f"files: {ok.stat().st_size / 1e6:.1f} MB .eml, {huge.stat().st_size / 1e6:.1f} MB .eml, {msg.stat().st_size / 1e6:.1f} MB .msg")
        measure("35 MB .eml, 24 MB attachment", lambda: mail_in.read_file(ok))
        measure("270 MB .eml, 200 MB attachment", lambda: mail_in.read_file(huge))
        measure("5 MB Outlook .msg", lambda: mail_in.read_file(msg))
        register = open_register(root / "b.dsar", os.urandom(32), "bench", create=True)
        mail = mail_in.read_file(ok)
        start = time.perf_counter()
        mail_in.add_case_from_mail(register, mail_in.suggested_case(mail), mail)
        print(f"{'keep the 35 MB message in the register':<42} {'':<28} {(time.perf_counter() - start) * 1000:8.1f} ms")
        register.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
