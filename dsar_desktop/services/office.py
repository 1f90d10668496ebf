"""The unlocked register as the screens and the command line hold it: one session object, the use cases on it.

`ui/` and `cli/` never import `store/` or `security/`: they receive an `Office` from the
unlock flow (or `Office.open`) and either call its methods, or hand it to a service
function where that function takes "the register" (an Office answers the same few
attributes a service uses: `conn`, `actor`, `path`, `transaction()`, `query()`).
A background job never shares the GUI thread's connection: it asks `for_job()` for an
Office of its own, on its own connection to the same file, closed when the job ends.
"""

from __future__ import annotations

import contextlib
import datetime as dt
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

    @classmethod
    def adopt(cls, register: Register | Office) -> Office:
        """An Office for what a service returned (services that open a register return the store's object)."""
        return register if isinstance(register, Office) else cls(register)

    # ---- the register surface services use ---------------------------------------------
    @property
    def register(self) -> Register:
        if self._register is None:
            raise RuntimeError("the register is closed")
        return self._register

    @property
    def path(self) -> Path:
        return self._path

    @property
    def actor(self) -> str:
        return self._actor

    @property
    def raw_key(self) -> bytes:
        return self.register.raw_key

    @property
    def conn(self) -> Any:
        """The open connection, or None once closed (as the store's Register answers)."""
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
    def for_job(self) -> Iterator[Office]:
        """An Office on a connection of its own, for one worker thread; closed when the job ends.

        SQLite serialises writers across connections (BEGIN IMMEDIATE waits up to the busy
        timeout), so a job and the screens never interleave statements on one connection.
        """
        register = self.register
        conn = connect(register.path, register.raw_key, check_same_thread=True)
        job_register = Register(register.path, conn, register.actor, None, register.raw_key)
        if anchoring.is_installed(register):  # the job's commits move the audit anchor too
            anchoring.install(job_register)
        job = Office(job_register)
        try:
            yield job
        finally:
            job.close()

    # ---- backups ------------------------------------------------------------------------
    def suggested_backup_path(self, now: dt.datetime | None = None) -> Path:
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M")
        return self.path.parent / f"{self.path.stem}-{stamp}{BACKUP_SUFFIX}"
