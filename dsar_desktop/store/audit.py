"""The append-only, hash-chained audit log.

Each entry's hash is SHA-256 over the previous hash and a canonical JSON form of
(seq, at_utc, actor, action, case_ref, details). Entries are written by the
caller inside the same transaction as the change they record. Details hold
facts about the work, not personal data, so purging a case never breaks the chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .errors import AuditChainBroken

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at_utc: str
    actor: str
    action: str
    case_ref: str | None
    details: dict[str, Any]
    prev_hash: str
    hash: str


def canonical(
    seq: int, at_utc: str, actor: str, action: str, case_ref: str | None, details_json: str
) -> bytes:
    return json.dumps(
        [seq, at_utc, actor, action, case_ref, details_json], ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def entry_hash(prev_hash: str, body: bytes) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + body).hexdigest()


def dumps_details(details: dict[str, Any] | None) -> str:
    return json.dumps(details or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def append(
    conn: Any,
    actor: str,
    action: str,
    case_ref: str | None = None,
    details: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> AuditEntry:
    """Append one entry. Call it inside the transaction that makes the change."""
    if not conn.in_transaction:
        raise RuntimeError("audit.append must run inside the change's transaction")
    last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    at_utc = (at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat(timespec="microseconds")
    details_json = dumps_details(details)
    digest = entry_hash(prev, canonical(seq, at_utc, actor, action, case_ref, details_json))
    conn.execute(
        "INSERT INTO audit(seq, at_utc, actor, action, case_ref, details, prev_hash, hash)"
        " VALUES (?,?,?,?,?,?,?,?)",
        (seq, at_utc, actor, action, case_ref, details_json, prev, digest),
    )
    return AuditEntry(seq, at_utc, actor, action, case_ref, details or {}, prev, digest)


def entries(conn: Any, case_ref: str | None = None) -> Iterator[AuditEntry]:
    sql = "SELECT seq, at_utc, actor, action, case_ref, details, prev_hash, hash FROM audit"
    params: tuple[Any, ...] = ()
    if case_ref is not None:
        sql += " WHERE case_ref = ?"
        params = (case_ref,)
    for row in conn.execute(sql + " ORDER BY seq", params):
        yield AuditEntry(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), row[6], row[7])


def verify_chain(conn: Any, progress: Callable[[int, int, str], None] | None = None) -> int:
    """Check every entry; return the count. Raises AuditChainBroken naming the first bad entry."""
    total = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    prev = GENESIS
    expected_seq = 1
    count = 0
    cursor = conn.execute(
        "SELECT seq, at_utc, actor, action, case_ref, details, prev_hash, hash FROM audit ORDER BY seq"
    )
    while True:
        rows = cursor.fetchmany(5000)
        if not rows:
            break
        for seq, at_utc, actor, action, case_ref, details, prev_hash, digest in rows:
            if seq != expected_seq:
                raise AuditChainBroken(seq=expected_seq, reason=f"entry missing (next is {seq})")
            if prev_hash != prev:
                raise AuditChainBroken(seq=seq, reason="it does not point to the previous entry")
            if entry_hash(prev, canonical(seq, at_utc, actor, action, case_ref, details)) != digest:
                raise AuditChainBroken(seq=seq, reason="its content does not match its hash")
            prev = digest
            expected_seq += 1
            count += 1
        if progress:
            progress(count, total, "audit")
    return count
