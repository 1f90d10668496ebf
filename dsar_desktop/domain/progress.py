"""Progress callbacks and cancel tokens for long jobs (no Qt here)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from .errors import Cancelled

Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, stage: str) -> None:
    """A progress callback that ignores everything."""


class CancelToken:
    """Set from any thread; the worker checks it between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()
