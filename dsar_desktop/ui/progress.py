"""Run one service job with a progress window and a Cancel button; results and errors come back on the main thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from .i18n import tr
from .workers import Job, Runner


def run_job(
    parent: QWidget | None,
    runner: Runner,
    fn: Callable[..., Any],
    title: str,
    on_finished: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> Job:
    """Start `fn(progress=..., cancel=...)`; a progress window shows after half a second and offers Cancel."""
    job = Job(fn)
    dialog = QProgressDialog(title, tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progressed(done: int, total: int, stage: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)

    job_done = [False]

    def finished(result: Any) -> None:
        job_done[0] = True
        dialog.close()
        dialog.deleteLater()
        on_finished(result)

    def failed(error: Any) -> None:
        job_done[0] = True
        dialog.close()
        dialog.deleteLater()
        on_failed(error)

    job.signals.progressed.connect(progressed)
    job.signals.finished.connect(finished)
    job.signals.failed.connect(failed)
    # Cancel, Escape and closing the window all stop the job: reject() does not emit `canceled`.
    dialog.canceled.connect(job.cancel_token.cancel)
    dialog.rejected.connect(job.cancel_token.cancel)
    dialog.finished.connect(lambda _result: None if job_done[0] else job.cancel_token.cancel())
    runner.start(job)
    return job
