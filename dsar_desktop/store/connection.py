"""The only place that opens a register file: key first, then pragmas, lock, migrations."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from filelock import lock_descriptor, unlock_descriptor

from ..fileio import BINARY
from .errors import (
    RegisterAlreadyOpen,
    RegisterDamaged,
    RegisterEmpty,
    RegisterExists,
    RegisterForeign,
    RegisterNoGenesis,
    RegisterNotFound,
    RegisterReadOnly,
)

DatabaseError = sqlcipher.DatabaseError
KEY_BYTES = 32


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def is_read_only(path: Path) -> bool:
    """The file's own say (its write bits, or the read-only attribute on Windows), not only the OS's answer:
    root may write anything, but a register someone made read-only stays read-only."""
    try:
        return not (os.stat(path).st_mode & stat.S_IWUSR) or not os.access(path, os.W_OK)
    except OSError:
        return False


def ensure_folder(path: Path) -> None:
    """Create the register's folder (and its parents) if missing; the folder itself private (0700).

    A fresh account has no data folder at all: without this the lock file, the
    first thing written, has nowhere to go.
    """
    folder = Path(path).parent
    if not folder.is_dir():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)


class RegisterLock:
    """An OS lock beside the register, naming the host and process holding it.

    The lock is `filelock`'s native primitive on a descriptor we keep (flock on
    POSIX, LockFileEx on byte 0 on Windows), so the same code runs on both. The
    operating system drops it when its process dies: a lock file left by a crashed
    process is recovered at the next open instead of being a dead end. The holder's
    name is written after byte 0, which Windows keeps unreadable while locked.
    """

    _INFO_OFFSET = 1

    def __init__(self, path: Path) -> None:
        self.path = lock_path(path)
        self.register_path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        try:
            locked = lock_descriptor(fd, blocking=False)
        except BaseException:
            os.close(fd)
            raise
        if not locked:
            holder = self._read_holder(fd)
            os.close(fd)
            raise RegisterAlreadyOpen(
                path=str(self.register_path),
                host=holder.get("host", "?"),
                pid=holder.get("pid", "?"),
                since=holder.get("since", "?"),
            )
        info = {
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, b" " + json.dumps(info).encode())
        except OSError:
            unlock_descriptor(fd)
            os.close(fd)
            raise
        self._fd = fd

    @classmethod
    def _read_holder(cls, fd: int) -> dict[str, Any]:
        try:
            os.lseek(fd, cls._INFO_OFFSET, os.SEEK_SET)
            data = os.read(fd, 4096)
            value = json.loads(data.decode() or "{}")
            return value if isinstance(value, dict) else {}
        except (OSError, ValueError):
            return {}

    def release(self) -> None:
        if self._fd is None:
            return
        # The file stays (deleting it while another process waits on it would let two
        # processes hold two different files); emptied, it names nobody.
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        with contextlib.suppress(OSError):
            unlock_descriptor(self._fd)
        os.close(self._fd)
        self._fd = None


def _key_pragma(raw_key: bytes) -> str:
    if len(raw_key) != KEY_BYTES:
        raise ValueError("a register key is 32 bytes")
    return f"PRAGMA key = \"x'{raw_key.hex()}'\""


def connect(path: Path, raw_key: bytes, *, create: bool = False, check_same_thread: bool = True) -> Any:
    """Open an SQLCipher connection with the key applied before anything else.

    Raises RegisterNotFound, RegisterExists or RegisterDamaged (wrong key,
    truncated or foreign file: SQLCipher cannot tell them apart; the key
    slots already proved the key, so here it means damage).
    """
    path = Path(path)
    if create:
        if path.exists() and path.stat().st_size > 0:
            raise RegisterExists(path=str(path))
        ensure_folder(path)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | BINARY, 0o600)
        os.close(fd)
    elif not path.exists():
        raise RegisterNotFound(path=str(path))
    read_only = not create and is_read_only(path)
    if read_only:
        # Opened as it is: never chmod'ed, never written (SQLite refuses any write on this handle).
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=check_same_thread, timeout=10)
    else:
        os.chmod(path, 0o600)
        conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=check_same_thread, timeout=10)
    try:
        conn.execute(_key_pragma(raw_key))
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA cipher_memory_security = ON")
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if not create and tables == 0:
            # An emptied file opens as an empty database: refuse it before anything writes a schema into it.
            conn.close()
            raise RegisterEmpty(path=str(path))
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(
            "PRAGMA cache_size = -65536"
        )  # 64 MiB of decrypted pages: lists re-read without decrypting
    except DatabaseError as exc:
        conn.close()
        raise RegisterDamaged(path=str(path), reason=str(exc)) from None
    for suffix in () if read_only else ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            with contextlib.suppress(OSError):
                os.chmod(side, 0o600)
    return conn


class Register:
    """An open register: the connection, who is acting, and the transaction helper."""

    def __init__(self, path: Path, conn: Any, actor: str, lock: RegisterLock | None, raw_key: bytes) -> None:
        # One connection, shared with worker threads: the UI runs one job at a time on it.
        self.path = Path(path)
        self.conn = conn
        self.actor = actor
        self._lock = lock
        self._raw_key = raw_key
        self._depth = 0
        self.read_only = is_read_only(self.path)
        # Called inside each outermost transaction just before COMMIT; each may return a
        # callable run once the COMMIT succeeded (the audit anchor is written this way).
        self.before_commit: list[Callable[[Any], Callable[[], None] | None]] = []

    @property
    def raw_key(self) -> bytes:
        return self._raw_key

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """One write transaction (BEGIN IMMEDIATE); nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        if self.read_only:
            raise RegisterReadOnly(path=str(self.path))
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        after: list[Callable[[], None]] = []
        try:
            yield self.conn
            for hook in self.before_commit:
                done = hook(self.conn)
                if done is not None:
                    after.append(done)
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")
        for done in after:
            done()

    def query(self, sql: str, params: Any = ()) -> list[Any]:
        return self.conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: Any = ()) -> Any:
        return self.conn.execute(sql, params).fetchone()

    def checkpoint(self) -> None:
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt every page under a new raw key (SQLCipher does it in one transaction)."""
        statement = _key_pragma(new_key).replace("PRAGMA key", "PRAGMA rekey", 1)
        self.checkpoint()
        self.conn.execute(statement).fetchall()
        self.checkpoint()
        self._raw_key = new_key

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(DatabaseError):
                self.checkpoint()
            self.conn.close()
            self.conn = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def check_identity(conn: Any, path: Path, expect_id: str) -> None:
    """Refuse a database that is not the register its key file describes, before anything writes to it."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        row = conn.execute("SELECT value FROM meta WHERE key = 'register_id'").fetchone() if version else None
    except DatabaseError:
        row = None
    found = str(row[0]) if row else ""
    if found != expect_id:
        raise RegisterForeign(path=str(path), found=found or "none", expected=expect_id)
    first = conn.execute("SELECT action FROM audit WHERE seq = 1").fetchone()
    if first is None or first[0] != "register.created":
        raise RegisterNoGenesis(path=str(path))


def open_register(
    path: Path,
    raw_key: bytes,
    actor: str,
    *,
    create: bool = False,
    lock: bool = True,
    expect_id: str | None = None,
) -> Register:
    """Lock, connect, check identity, migrate. The only way the rest of the code gets a Register.

    `expect_id` is the register id of the key file that gave the key: the database
    must carry the same id and its first audit entry, or it is refused untouched.
    """
    from .migrations import migrate  # local import: migrations import this module's types

    path = Path(path)
    if not create and not path.exists():
        raise RegisterNotFound(path=str(path))
    if create:
        ensure_folder(path)
    reg_lock = RegisterLock(path) if lock else None
    if reg_lock is not None:
        try:
            reg_lock.acquire()
        except PermissionError:
            if not is_read_only(path):
                raise
            reg_lock = None  # a read-only register in a read-only folder: nobody can write it anyway
    try:
        conn = connect(path, raw_key, create=create, check_same_thread=False)
        if expect_id is not None and not create:
            try:
                check_identity(conn, path, expect_id)
            except BaseException:
                conn.close()
                raise
        register = Register(path, conn, actor, reg_lock, raw_key)
        migrate(register)
        return register
    except BaseException:
        if reg_lock is not None:
            reg_lock.release()
        raise
