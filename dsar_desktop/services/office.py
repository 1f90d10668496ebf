"""The unlocked register as the screens and the command line hold it: one session object, the use cases on it.

`ui/` and `cli/` never import `store/` or `security/`: they receive an `Office` from the
unlock flow (or `Office.open`) and either call its methods, or hand it to a service
function where that function takes "the register" (an Office answers the same few
attributes a service uses: `conn`, `actor`, `path`, `transaction()`, `query()`).
A background job never shares the GUI thread's connection: the job runner wraps each job
in `on_worker_thread()`, which gives that thread a connection of its own to the same file
(closed when the job ends); every service the job calls with this Office then uses it. A
thread that is neither the Office's own nor inside `on_worker_thread()` is refused.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..store import backup as store_backup
from ..store.connection import Register, connect
from . import anchoring

BACKUP_SUFFIX = store_backup.SUFFIX


class Office:
    """One unlocked register and who is acting on it."""

    def __init__(self, register: Register) -> None:
        self._register: Register | None = register
        self._path = Path(register.path)
        self._actor = register.actor
        self._owner = threading.get_ident()  # the thread that opened it (the GUI thread in the app)
        self._worker = threading.local()  # .register: a worker thread's own connection
        self._workers_open = 0  # worker connections not yet closed
        self._count_lock = threading.Lock()

    @classmethod
    def adopt(cls, register: Register | Office) -> Office:
        """An Office for what a service returned (services that open a register return the store's object)."""
        return register if isinstance(register, Office) else cls(register)

    # ---- the register surface services use ---------------------------------------------
    @property
    def register(self) -> Register:
        """The register on this thread's connection: the Office's own, or the worker's inside on_worker_thread()."""
        own = getattr(self._worker, "register", None)
        if own is not None:
            return own
        if threading.get_ident() != self._owner:
            open_here = getattr(self._worker, "open", None)
            if open_here is None:
                raise RuntimeError("a worker thread uses the register only inside Office.on_worker_thread()")
            self._worker.register = open_here()
            return self._worker.register
        if self._register is None:
            raise RuntimeError("the register is closed")
        return self._register

    @property
    def path(self) -> Path:
        return self._path

    @property
    def read_only(self) -> bool:
        return self.register.read_only

    @property
    def actor(self) -> str:
        return self._actor

    @property
    def raw_key(self) -> bytes:
        return self.register.raw_key

    @property
    def conn(self) -> Any:
        """This thread's open connection, or None once closed (as the store's Register answers)."""
        if threading.get_ident() != self._owner:
            return self.register.conn
        return self._register.conn if self._register is not None else None

    @property
    def is_open(self) -> bool:
        return self._register is not None and self._register.conn is not None

    def transaction(self) -> contextlib.AbstractContextManager[Any]:
        return self.register.transaction()

    def query(self, sql: str, params: Any = ()) -> list[Any]:
        return self.register.query(sql, params)

    def query_one(self, sql: str, params: Any = ()) -> Any:
        return self.register.query_one(sql, params)

    def checkpoint(self) -> None:
        self.register.checkpoint()

    def close(self) -> None:
        if self._register is not None:
            self._register.close()
            self._register = None

    def __enter__(self) -> Office:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- background jobs ------------------------------------------------------------------
    @contextlib.contextmanager
    def on_worker_thread(self) -> Iterator[Office]:
        """Give the calling (worker) thread a connection of its own for the time of one job.

        SQLite serialises writers across connections (BEGIN IMMEDIATE waits up to the busy
        timeout), so a job and the screens never interleave statements on one connection.
        The connection is opened on first use (a job that never reads the register opens none).
        """
        if threading.get_ident() == self._owner:
            yield self  # a job run at once on the owner's thread (tests) shares nothing
            return
        main = self._register
        if main is None:
            raise RuntimeError("the register is closed")
        path, raw_key, actor = main.path, main.raw_key, main.actor
        opened: list[Register] = []
        anchored = anchoring.is_installed(main)

        def open_here() -> Register:
            conn = connect(path, raw_key, check_same_thread=True)
            opened.append(Register(path, conn, actor, None, raw_key))
            if anchored:  # the job's commits move the audit anchor too
                anchoring.install(opened[-1])
            with self._count_lock:
                self._workers_open += 1
            return opened[-1]

        self._worker.open = open_here
        try:
            yield self
        finally:
            self._worker.open = None
            self._worker.register = None
            for register in opened:
                register.close()
                with self._count_lock:
                    self._workers_open -= 1

    @property
    def worker_connections_open(self) -> int:
        """Connections opened by worker threads and not closed yet (0 once every job has ended)."""
        with self._count_lock:
            return self._workers_open

    # ---- backups ------------------------------------------------------------------------
    def suggested_backup_path(self, now: dt.datetime | None = None) -> Path:
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M")
        return self.path.parent / f"{self.path.stem}-{stamp}{BACKUP_SUFFIX}"
