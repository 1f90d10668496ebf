"""The retention purge runs as a job of the main window's runner (its own connection, off the GUI thread),
with a progress window whose Cancel leaves nothing half-done: before the one transaction nothing is purged,
once it runs the whole list is."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressDialog

from dsar_desktop.domain.cases import Status
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import retention
from dsar_desktop.services.office import Office
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.i18n import set_language
from dsar_desktop.ui.statistics import StatisticsPage
from dsar_desktop.ui.workers import Job, Runner


class HeldRunner(Runner):
    """The real runner, except that a job waits until the test lets it go (to press Cancel first)."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[Job] = []

    def _launch(self, job: Job) -> None:
        self.held.append(job)

    def release(self) -> None:
        for job in self.held:
            self.pool.start(job)
        self.held.clear()


@pytest.fixture
def due_for_purge(register: Office, case_factory: Any) -> list[str]:
    """Three requests withdrawn and closed long ago (past the 5 years), and one recent that stays."""
    refs = [case_factory() for _ in range(4)]
    for ref in refs:
        case_service.transition(register, ref, Status.WITHDRAWN)
        case_service.transition(register, ref, Status.CLOSED)
    with register.transaction() as conn:
        conn.execute(
            "UPDATE cases SET closed_at = '2020-01-10T10:00:00+00:00' WHERE ref IN (?, ?, ?)", tuple(refs[:3])
        )
    assert sorted(c.ref for c in retention.preview(register).cases) == sorted(refs[:3])
    return refs[:3]


@pytest.fixture
def english() -> Any:
    set_language("en")
    yield
    set_language("fr")


def _watch_purge(monkeypatch: pytest.MonkeyPatch, inside: Any = None) -> list[int]:
    """Record on which thread the service's purge runs (and run `inside` just before it)."""
    threads: list[int] = []
    original = retention.purge

    def purge(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        if inside is not None:
            inside()
        return original(*args, **kwargs)

    monkeypatch.setattr(retention, "purge", purge)
    return threads


@pytest.fixture(autouse=True)
def settled_pool() -> Any:
    """Each test ends only once its worker has fully returned (the runner emits its count on the way out)."""
    yield
    from PySide6.QtCore import QThreadPool

    assert QThreadPool.globalInstance().waitForDone(30_000)


def _page(qtbot: Any, register: Office, runner: Runner) -> tuple[StatisticsPage, ScriptedDialogs]:
    runner.bind(register)  # as the main window does: each job opens its own connection
    dialogs = ScriptedDialogs()
    page = StatisticsPage(register, dialogs, runner)
    qtbot.addWidget(page)
    dialogs.answers += [lambda dialog: None, True]  # the preview accepted, then "Purge for good?" yes
    return page, dialogs


def test_the_purge_runs_as_a_job_off_the_gui_thread(
    qtbot: Any, register: Office, due_for_purge: list[str], english: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads = _watch_purge(monkeypatch)
    runner = Runner()
    page, dialogs = _page(qtbot, register, runner)
    counts: list[int] = []
    runner.count_changed.connect(counts.append)
    with qtbot.waitSignal(page.cases_purged, timeout=30_000) as purged:
        page.retention_button.click()
    assert sorted(purged.args[0]) == sorted(due_for_purge)
    assert threads and threads[0] != threading.get_ident()  # not on the GUI thread
    assert counts[:1] == [1]  # it went through the gate: counted while in flight
    qtbot.waitUntil(lambda: runner.jobs_in_flight == 0)
    assert ("info", "3 requests purged.") in dialogs.shown
    assert not retention.preview(register).cases and page.retention_banner.isHidden()
    assert sorted(t["ref"] for t in retention.tombstones(register)) == sorted(due_for_purge)


def test_cancel_before_the_purge_purges_nothing(
    qtbot: Any, register: Office, due_for_purge: list[str], english: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads = _watch_purge(monkeypatch)
    runner = HeldRunner()
    page, dialogs = _page(qtbot, register, runner)
    page.retention_button.click()
    (progress,) = page.findChildren(QProgressDialog)
    assert progress.labelText() == "Purging the requests…"
    progress.reject()  # Escape or closing the window: the job is told to stop (not only on "Cancel")
    runner.release()
    qtbot.waitUntil(lambda: any(kind == "error" for kind, _ in dialogs.shown), timeout=30_000)
    assert ("error", "Cancelled; nothing was changed.") in dialogs.shown
    assert not threads  # the purge never started
    assert sorted(c.ref for c in retention.preview(register).cases) == sorted(due_for_purge)
    assert retention.tombstones(register) == [] and not page.retention_banner.isHidden()


def test_a_cancel_once_the_purge_runs_finds_the_whole_list_purged(
    qtbot: Any, register: Office, due_for_purge: list[str], english: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = Runner()
    page, dialogs = _page(qtbot, register, runner)
    _watch_purge(monkeypatch, inside=lambda: page._job.cancel_token.cancel() if page._job else None)
    with qtbot.waitSignal(page.cases_purged, timeout=30_000) as purged:
        page.retention_button.click()
    # the one transaction went through whole: every case of the list, a tombstone each, and said so
    assert sorted(purged.args[0]) == sorted(due_for_purge)
    assert ("info", "3 requests purged.") in dialogs.shown
    assert len(retention.tombstones(register)) == 3 and not retention.preview(register).cases
