"""The one gate for background work: every job (import, search, pack, print, preview, backup) runs through the Runner.

The main window owns the Runner and binds it to the open register: it counts the jobs in
flight, gives each worker thread a connection of its own (`Office.on_worker_thread`), and
on lock or close cancels every job and waits for it before the register is closed. A job
cancelled that way reports nothing back: the screens it would update are already gone.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..domain.progress import CancelToken
from ..services.office import Office


class JobSignals(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """`fn(progress=..., cancel=...)` run on the pool; signals are delivered on the main thread."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = JobSignals()
        self.cancel_token = CancelToken()
        self.silenced = False  # set when lock or close cancels it: nothing is reported any more
        self.office: Office | None = None
        self._done: Callable[[Job], None] | None = None

    def run(self) -> None:
        try:
            with self._own_connection():
                result = self.fn(progress=self._progress, cancel=self.cancel_token)
        except BaseException as exc:  # noqa: BLE001 - reported to the UI, never lost
            self._report(self.signals.failed, exc)
        else:
            self._report(self.signals.finished, result)
        finally:
            if self._done is not None:
                self._done(self)

    @contextlib.contextmanager
    def _own_connection(self) -> Iterator[None]:
        if self.office is None:
            yield
            return
        with self.office.on_worker_thread():
            yield

    def _report(self, signal: Any, value: object) -> None:
        if not self.silenced:
            signal.emit(value)

    def _progress(self, done: int, total: int, stage: str) -> None:
        if not self.silenced:
            self.signals.progressed.emit(done, total, stage)


class Runner(QObject):
    """Where jobs run; counts them and can cancel them all and wait. Tests use `ImmediateRunner`."""

    count_changed = Signal(int)

    def __init__(self, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self.pool = pool or QThreadPool.globalInstance()
        self.office: Office | None = None
        # Re-entrant: counts are emitted under it (so two jobs ending at once cannot report 0 then 1), and a
        # receiver called directly may ask jobs_in_flight.
        self._lock = threading.RLock()
        self._active: set[Job] = set()

    # ---- the register the jobs work on ---------------------------------------------------
    def bind(self, office: Office | None) -> None:
        """Jobs started from now on get their own connection to `office` (None: no register open)."""
        self.office = office

    # ---- starting and counting -------------------------------------------------------------
    def start(self, job: Job) -> None:
        job.office = self.office
        job._done = self._job_done
        with self._lock:
            self._active.add(job)
            self.count_changed.emit(len(self._active))
        self._launch(job)

    def _launch(self, job: Job) -> None:
        self.pool.start(job)

    def _job_done(self, job: Job) -> None:
        with self._lock:  # from the worker: delivered queued to the GUI thread's receivers, in this order
            self._active.discard(job)
            self.count_changed.emit(len(self._active))

    @property
    def jobs_in_flight(self) -> int:
        with self._lock:
            return len(self._active)

    # ---- lock and close ------------------------------------------------------------------------
    def cancel_all_and_wait(self, timeout_ms: int = 60_000) -> bool:
        """Cancel every job, wait for each to end, report nothing from them. True when all ended in time."""
        with self._lock:
            jobs = list(self._active)
        for job in jobs:
            job.silenced = True
            job.cancel_token.cancel()
        if not jobs:
            return True
        return bool(self.pool.waitForDone(timeout_ms)) or self.jobs_in_flight == 0


class ImmediateRunner(Runner):
    """Runs each job at once on the calling thread (tests)."""

    def __init__(self) -> None:
        super().__init__(pool=None)

    def _launch(self, job: Job) -> None:
        job.run()
