"""The log file and crash reports: written where support looks, and never with a requester's data in them."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from dsar_desktop import logs
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import letters
from tests.conftest import make_case
from tests.letters_support import apply_documents_schema, install_inputs

MARKERS = ("MARQUEURXQ7", "Zéphyrine", "marqueur.xq7@example.org", "0611223344", "7 impasse du Témoin")


@pytest.fixture
def log_folder(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "logs"
    logs.setup_logging(folder)
    yield folder
    logs.stop_logging()


def _everything_written(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.iterdir()))


def _crash(message: str) -> tuple[type[BaseException], BaseException, object]:
    try:
        try:
            raise KeyError(message)
        except KeyError as inner:
            raise ValueError(f"could not read the date of birth of {message}") from inner
    except ValueError as exc:
        return type(exc), exc, exc.__traceback__


def test_a_marker_case_leaves_no_trace_in_the_log_folder(register, monkeypatch, log_folder):  # type: ignore[no-untyped-def]
    apply_documents_schema(register)
    install_inputs(monkeypatch)
    ref = make_case(
        register,
        subject_name="Zéphyrine MARQUEURXQ7",
        subject_email="marqueur.xq7@example.org",
        subject_phone="06 11 22 33 44",
        subject_address="Zéphyrine MARQUEURXQ7\n7 impasse du Témoin\n69003 LYON",
    )
    case_service.transition(register, ref, "in_progress")
    letters.build_letter(register, ref, "acknowledgement")
    # What libraries say below WARNING is kept out (their INFO may quote values); our own INFO goes in.
    logging.getLogger("pyhanko.sign").info("signing for %s", "Zéphyrine MARQUEURXQ7")
    logs.log.info("letter built")
    # A crash whose message quotes the person: the report keeps the kind and the stack only.
    exc_type, exc, tb = _crash("Zéphyrine MARQUEURXQ7 <marqueur.xq7@example.org>")
    report = logs.write_crash_report(exc_type, exc, tb, log_folder)  # type: ignore[arg-type]

    written = _everything_written(log_folder)
    assert "started" in written and "letter built" in written  # the log is really being written
    assert "failure: builtins.ValueError" in written and "builtins.KeyError" in written
    assert "which led to: builtins.ValueError" in written  # the cause first, as Python prints it
    assert "test_support_logs.py" in report.read_text(encoding="utf-8")  # the stack is there
    leaks = [m for m in MARKERS if m.lower() in written.lower()]
    assert leaks == []
    assert "signing for" not in written


def test_the_log_rotates_instead_of_growing(tmp_path: Path):
    folder = tmp_path / "logs"
    logs.setup_logging(folder)
    try:
        filler = "nothing personal, " * 25
        for index in range(16_000):  # about 7.5 MB: more than the six files can hold
            logs.log.info("line %06d of a long day of work: %s", index, filler)
    finally:
        logs.stop_logging()
    files = sorted(p.name for p in folder.iterdir())
    assert files[0] == logs.LOG_NAME and len(files) == logs.BACKUPS + 1
    assert all(p.stat().st_size <= logs.MAX_BYTES + 200 for p in folder.iterdir())


def test_uncaught_exception_writes_a_report_and_tells_the_person_where(qtbot, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from dsar_desktop.ui import crash

    told: list[Path] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    import threading

    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    crash.install(QApplication.instance(), told.append, tmp_path)  # type: ignore[arg-type]
    exc_type, exc, tb = _crash("Zéphyrine MARQUEURXQ7")
    sys.excepthook(exc_type, exc, tb)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(told))
    report = told[0]
    assert report.parent == tmp_path and report.name.startswith("crash-")
    text = report.read_text(encoding="utf-8")
    assert "failure: builtins.ValueError" in text and "MARQUEURXQ7" not in text

    worker = threading.Thread(target=lambda: 1 / 0)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(told) == 2)
    assert "ZeroDivisionError" in told[1].read_text(encoding="utf-8")


def test_the_message_to_the_person_names_the_file_in_french(qtbot, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from dsar_desktop.ui import crash, i18n

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    i18n.set_language("fr")
    try:
        crash.tell_the_person(tmp_path / "crash-1.txt")
    finally:
        i18n.set_language("en")
    assert shown and str(tmp_path / "crash-1.txt") in shown[0] and "support informatique" in shown[0]
