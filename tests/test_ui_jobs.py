"""The one gate for background work: a job on the thread pool has its own connection; lock cancels it and waits."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressDialog

from dsar_desktop.services import register as register_service
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.progress import run_job
from dsar_desktop.ui.shell import Shell
from dsar_desktop.ui.workers import Job, Runner

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def register_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.dsar"
    register_service.create_register(path, "alice", PASSPHRASE).register.close()
    return path


@pytest.fixture
def shell(qtbot, register_file: Path):  # type: ignore[no-untyped-def]
    i18n.set_language("en")
    shell = Shell(ScriptedDialogs(), Runner(), register_file, forced_language="en")
    qtbot.addWidget(shell.window)
    shell.start()
    dialog = shell.unlock_dialog
    assert dialog is not None
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.unlock_button.click()
    assert shell.register is not None
    yield shell
    shell.runner.cancel_all_and_wait()
    if shell.register is not None:
        shell.quit()
    i18n.set_language("fr")


def _slow_job(office: Any, seen: dict[str, Any], started: threading.Event):  # type: ignore[no-untyped-def]
    def slow(progress, cancel):  # type: ignore[no-untyped-def]
        seen["thread"] = threading.get_ident()
        seen["conn"] = office.conn  # this worker's own connection
        seen["cases"] = office.query_one("SELECT count(*) FROM cases")[0]  # reads through it
        started.set()
        try:
            for step in range(600):  # a minute, unless cancelled
                cancel.raise_if_cancelled()
                progress(step, 600, "slow")
                time.sleep(0.05)
        except BaseException as exc:
            seen["ended_with"] = type(exc).__name__
            raise
        seen["ended_with"] = "finished"

    return slow


def test_the_idle_lock_cancels_a_running_job_waits_for_it_then_closes_the_register(
    qtbot, shell: Shell, register_file: Path
) -> None:  # type: ignore[no-untyped-def]
    office = shell.register
    assert office is not None
    gui_conn = office.conn
    seen: dict[str, Any] = {}
    started = threading.Event()
    reported: list[object] = []
    job = run_job(shell.window, shell.runner, _slow_job(office, seen, started), "Slow", reported.append, reported.append)
    assert started.wait(60)
    assert shell.runner.jobs_in_flight == 1
    assert seen["thread"] != threading.get_ident()
    assert seen["conn"] is not gui_conn and seen["cases"] == 0  # never the GUI thread's connection
    assert office.worker_connections_open == 1

    with qtbot.waitSignal(shell.locked, timeout=30_000) as locked:
        shell.window.idle.idle_elapsed.emit()  # the idle timer fires
    assert locked.args == ["idle"]
    # lock cancelled the job and waited for it: it had ended before the register closed
    assert job.cancel_token.cancelled and seen["ended_with"] == "Cancelled"
    assert shell.runner.jobs_in_flight == 0
    assert shell.register is None and office.conn is None and shell.window.is_locked()
    assert office.worker_connections_open == 0  # the worker's own connection was closed with the job
    assert list((register_file.parent / "backups").glob("office-*.dsarbak"))  # the lock's backup
    qtbot.wait(200)
    assert reported == []  # a job cancelled by the lock reports nothing to screens that are gone
    assert not any(kind == "error" for kind, _ in shell.dialogs.shown)  # type: ignore[attr-defined]

    # the register opens again at once: nothing holds it
    dialog = shell.unlock_dialog
    assert dialog is not None
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.unlock_button.click()
    assert shell.register is not None


def test_closing_the_progress_window_cancels_the_job(qtbot, shell: Shell) -> None:  # type: ignore[no-untyped-def]
    office = shell.register
    seen: dict[str, Any] = {}
    started = threading.Event()
    failures: list[BaseException] = []
    job = run_job(shell.window, shell.runner, _slow_job(office, seen, started), "Slow", lambda _r: None, failures.append)
    assert started.wait(60)
    dialog = next(d for d in shell.window.findChildren(QProgressDialog) if d.windowTitle() == "Slow")
    dialog.reject()  # what closing the window or Escape does; it does not emit `canceled`
    qtbot.waitUntil(lambda: bool(failures), timeout=60_000)
    assert job.cancel_token.cancelled and seen["ended_with"] == "Cancelled"
    assert type(failures[0]).__name__ == "Cancelled"
    assert shell.runner.jobs_in_flight == 0


def test_a_worker_outside_the_runner_is_refused_the_register(shell: Shell) -> None:
    office = shell.register
    assert office is not None
    errors: list[BaseException] = []

    def stray() -> None:
        try:
            office.query("SELECT 1")
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    thread = threading.Thread(target=stray)
    thread.start()
    thread.join(10)
    assert errors and "on_worker_thread" in str(errors[0])


def test_the_runner_counts_jobs_in_flight(qtbot, shell: Shell) -> None:  # type: ignore[no-untyped-def]
    gate = threading.Event()
    counts: list[int] = []
    shell.runner.count_changed.connect(counts.append)
    jobs = [Job(lambda progress, cancel: gate.wait(20)) for _ in range(2)]
    for job in jobs:
        shell.runner.start(job)
    assert shell.runner.jobs_in_flight == 2
    gate.set()
    qtbot.waitUntil(lambda: shell.runner.jobs_in_flight == 0, timeout=20_000)
    qtbot.waitUntil(lambda: counts[-1:] == [0], timeout=5_000)
    assert counts[:2] == [1, 2]
