"""Scans kept inside the encrypted register (never on disk elsewhere) until they are destroyed.

Each is sealed under its own key (services/shredding.py), destroyed with the row: no backup
made before the destruction can open the copy it holds.

Destruction is a DELETE on a connection with `PRAGMA secure_delete = ON` (SQLite then
overwrites the freed cells and pages with zeros before they are encrypted and written),
followed, after the commit, by `PRAGMA wal_checkpoint(TRUNCATE)` so the write-ahead log
no longer holds earlier copies of the pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .connection import Register


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    case_id: int
    request_id: int | None
    party: str
    purpose: str
    media_type: str
    size: int
    width: int | None
    height: int | None
    pages: int | None
    received_on: str
    added_by: str
    added_at: str
    key_id: str | None = None  # its own key in the scan-key file (security/scan_keys.py); None before version 9

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


_COLUMNS = (
    "id, case_id, request_id, party, purpose, media_type, size, width, height, pages, received_on, added_by,"
    " added_at, key_id"
)


def put(
    conn: Any,
    *,
    case_id: int,
    purpose: str,
    party: str,
    media_type: str,
    content: bytes,
    key_id: str,
    size: int,
    received_on: str,
    actor: str,
    request_id: int | None = None,
    width: int | None = None,
    height: int | None = None,
    pages: int | None = None,
) -> int:
    """Insert a scan, `content` already sealed under `key_id` (services/shredding.py), `size` its plain size.

    Call inside the transaction that records its receipt."""
    if not conn.in_transaction:
        raise RuntimeError("attachments.put must run inside a transaction")
    cursor = conn.execute(
        "INSERT INTO attachments(case_id, request_id, party, purpose, media_type, size, width, height, pages,"
        " received_on, added_by, added_at, content, key_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            case_id,
            request_id,
            party,
            purpose,
            media_type,
            size,
            width,
            height,
            pages,
            received_on,
            actor,
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            content,
            key_id,
        ),
    )
    return int(cursor.lastrowid)


def _info(row: Any) -> AttachmentInfo:
    return AttachmentInfo(*row)


def list_for_case(register: Register, case_id: int, *, party: str | None = None) -> list[AttachmentInfo]:
    sql = f"SELECT {_COLUMNS} FROM attachments WHERE case_id = ?"
    params: list[Any] = [case_id]
    if party is not None:
        sql += " AND party = ?"
        params.append(party)
    return [_info(r) for r in register.query(sql + " ORDER BY id", params)]


def info(register: Register, attachment_id: int) -> AttachmentInfo | None:
    row = register.query_one(f"SELECT {_COLUMNS} FROM attachments WHERE id = ?", (attachment_id,))
    return _info(row) if row else None


def content(register: Register, attachment_id: int) -> tuple[str | None, bytes] | None:
    """(key id, the scan's sealed bytes) for the viewer, who opens them in memory only."""
    row = register.query_one("SELECT key_id, content FROM attachments WHERE id = ?", (attachment_id,))
    return (row[0], bytes(row[1])) if row else None


def delete_in(conn: Any, ids: Iterable[int]) -> int:
    """Delete scans inside the caller's transaction, secure_delete enforced. Returns the count."""
    if not conn.in_transaction:
        raise RuntimeError("attachments.delete_in must run inside a transaction")
    if int(conn.execute("PRAGMA secure_delete").fetchone()[0]) != 1:
        conn.execute("PRAGMA secure_delete = ON")
    wanted = list(ids)
    count = 0
    for attachment_id in wanted:
        count += conn.execute("DELETE FROM attachments WHERE id = ?", (attachment_id,)).rowcount
    return count


@dataclass(frozen=True)
class WalFlush:
    busy: bool
    wal_frames: int
    checkpointed: int

    @property
    def complete(self) -> bool:
        return not self.busy


def flush_wal(register: Register) -> WalFlush:
    """After the commit: copy the log into the file and truncate it to zero bytes.

    `busy` is true when another connection held a read lock and the log could not be emptied;
    the next checkpoint (at the latest when the register closes) finishes the job."""
    busy, frames, done = register.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return WalFlush(bool(busy), int(frames), int(done))
