"""Run a long service job off the main thread with progress and Cancel; results come back as signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..domain.progress import CancelToken


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

    def run(self) -> None:
        try:
            result = self.fn(progress=self._progress, cancel=self.cancel_token)
        except BaseException as exc:  # noqa: BLE001 - reported to the UI, never lost
            self.signals.failed.emit(exc)
            return
        self.signals.finished.emit(result)

    def _progress(self, done: int, total: int, stage: str) -> None:
        self.signals.progressed.emit(done, total, stage)


class Runner:
    """Where jobs run. Tests use `ImmediateRunner`, which runs them at once on the calling thread."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()

    def start(self, job: Job) -> None:
        self.pool.start(job)


class ImmediateRunner(Runner):
    def __init__(self) -> None:
        pass

    def start(self, job: Job) -> None:
        job.run()
