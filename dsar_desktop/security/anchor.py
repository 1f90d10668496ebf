"""The audit anchor: the chain's length and head hash kept outside the database, authenticated by the register key.

The anchor lives in the key file. It is rewritten just before each commit that
adds audit entries, and keeps the previous head too: if the process dies between
writing the anchor and committing, the database is one commit behind its anchor,
which is normal. Anything else (fewer entries, another head, more entries than
anchored) means the register file was rolled back, cut or rewritten, or the key
file was replaced by an older copy.

The MAC key is derived from the register key with HKDF, so only someone holding
the register key can write an anchor that verifies.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_INFO = b"dsar-desktop audit anchor v1"


@dataclass(frozen=True)
class Head:
    """A point of the audit chain: how many entries, and the hash of the last one."""

    count: int
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {"count": self.count, "hash": self.hash}


GENESIS_HEAD = Head(0, "0" * 64)


@dataclass(frozen=True)
class Anchor:
    register_id: str
    head: Head
    previous: Head
    at_utc: str
    mac: str

    def to_json(self) -> dict[str, Any]:
        return {
            "count": self.head.count,
            "head": self.head.hash,
            "prev_count": self.previous.count,
            "prev_head": self.previous.hash,
            "at_utc": self.at_utc,
            "mac": self.mac,
        }


class AnchorUnreadable(ValueError):
    """The anchor field of a key file is not an anchor."""


def mac_key(raw_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(raw_key)


def _mac(raw_key: bytes, register_id: str, head: Head, previous: Head, at_utc: str) -> str:
    body = json.dumps(
        [register_id, head.count, head.hash, previous.count, previous.hash, at_utc], separators=(",", ":")
    ).encode("utf-8")
    return hmac.new(mac_key(raw_key), body, hashlib.sha256).hexdigest()


def make(raw_key: bytes, register_id: str, head: Head, previous: Head) -> Anchor:
    at_utc = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return Anchor(register_id, head, previous, at_utc, _mac(raw_key, register_id, head, previous, at_utc))


def from_json(register_id: str, data: Any) -> Anchor:
    if not isinstance(data, dict):
        raise AnchorUnreadable("the anchor is not an object")
    try:
        head = Head(int(data["count"]), str(data["head"]))
        previous = Head(int(data["prev_count"]), str(data["prev_head"]))
        return Anchor(register_id, head, previous, str(data["at_utc"]), str(data["mac"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise AnchorUnreadable(str(exc)) from None


def authentic(anchor: Anchor, raw_key: bytes) -> bool:
    expected = _mac(raw_key, anchor.register_id, anchor.head, anchor.previous, anchor.at_utc)
    return hmac.compare_digest(expected, anchor.mac)
