"""The scan is destroyed: gone at the SQL level, and its bytes absent from every decrypted page of the
register file and its write-ahead log (freelist pages included).

Inside the register a scan is sealed under its own key (crypto-shredding: tests/test_scan_shredding.py),
so the pages never hold the scan itself; the search below looks for the sealed bytes the row held.

The register is encrypted, so grepping the raw file would prove nothing (the plaintext never appears
there, before or after). This test decrypts every page itself (SQLCipher 4: AES-256-CBC, the IV in
each page's reserved tail; the raw key is the register key) and searches the plaintext pages. A
control run without secure_delete shows the same search does find deleted bytes left in free pages.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
from pathlib import Path

import pytest  # noqa: E402
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from PIL import Image

from dsar_desktop.domain.identity import Checklist
from dsar_desktop.services import identity as ids
from dsar_desktop.store import audit
from dsar_desktop.store.connection import Register

pytestmark = pytest.mark.usefixtures("identity_today")

RESERVE = 80  # IV 16 + HMAC-SHA512 64
SALT = 16


def decrypted_pages(register: Register) -> list[bytes]:
    """Every page of the register file and every frame of its WAL, decrypted."""
    key = register.raw_key
    size = int(register.conn.execute("PRAGMA cipher_page_size").fetchone()[0])

    def decrypt(page: bytes, number: int) -> bytes:
        start = SALT if number == 1 else 0
        iv = page[size - RESERVE : size - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        return decryptor.update(page[start : size - RESERVE]) + decryptor.finalize()

    pages = []
    data = register.path.read_bytes()
    for index in range(len(data) // size):
        pages.append(decrypt(data[index * size : (index + 1) * size], index + 1))
    wal = register.path.with_name(register.path.name + "-wal")
    if wal.exists():
        log = wal.read_bytes()
        offset = 32  # WAL header, then frames of a 24-byte header and one page
        while offset + 24 + size <= len(log):
            number = int.from_bytes(log[offset : offset + 4], "big")
            pages.append(decrypt(log[offset + 24 : offset + 24 + size], number))
            offset += 24 + size
    return pages


def noise_png(seed: int = 7, side: int = 160) -> bytes:
    """A PNG of random pixels: compressed noise, so any 24-byte run of it occurs nowhere else."""
    rng = random.Random(seed)
    image = Image.frombytes("RGB", (side, side), bytes(rng.getrandbits(8) for _ in range(side * side * 3)))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def markers(scan: bytes) -> list[bytes]:
    """Distinctive 24-byte runs taken across the scan (compressed noise: they occur nowhere else)."""
    return [scan[i : i + 24] for i in range(100, len(scan) - 24, 1500)]


def found(register: Register, needles: list[bytes]) -> int:
    pages = b"\x00".join(decrypted_pages(register))
    return sum(needle in pages for needle in needles)


def attach(register: Register, case_factory, scan: bytes) -> str:  # type: ignore[no-untyped-def]
    ref = case_factory(subject_name="Anna Maria ERIKSSON", subject_dob=dt.date(1974, 8, 12))
    ids.request_proof(
        register, ref, "Sent from an unknown address", sent_on=dt.date(2027, 3, 2), with_letter=False
    )
    ids.receive_proof(register, ref, scan, received_on=dt.date(2027, 3, 5))
    register.checkpoint()
    return ref


def sealed_blob(register: Register) -> bytes:
    return bytes(register.query_one("SELECT content FROM attachments")[0])


def test_scan_bytes_are_gone_after_the_decision(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    scan = noise_png()
    ref = attach(register, case_factory, scan)
    assert found(register, markers(scan)) == 0  # sealed under its own key: never in a page as is
    needles = markers(sealed_blob(register))
    raw = register.path.read_bytes()
    assert not any(n in raw for n in needles)  # encrypted at rest: never in the file as is
    before = found(register, needles)
    assert before >= 0.9 * len(needles)  # the decryption sees the scan: the search is meaningful

    result = ids.decide(
        register,
        ref,
        "verified",
        Checklist(document_type="driving_licence"),
        note="test",
        on=dt.date(2027, 3, 5),
    )
    assert result.scans_destroyed == 1
    assert result.wal is not None and result.wal.complete

    assert register.query_one("SELECT count(*) FROM attachments")[0] == 0
    wal = register.path.with_name(register.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert found(register, needles) == 0
    assert not any(n in register.path.read_bytes() for n in needles)
    # the case keeps the facts and an audit entry saying the scan was destroyed
    actions = [e.action for e in audit.entries(register.conn, ref)]
    assert "identity.scan_destroyed" in actions
    row = register.query_one("SELECT decision, decided_by, scans_destroyed FROM identity_checks")
    assert row == ("verified", "alice", 1)


def test_control_without_secure_delete_the_bytes_would_remain(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    scan = noise_png(seed=11)
    attach(register, case_factory, scan)
    needles = markers(sealed_blob(register))
    register.conn.execute("PRAGMA secure_delete = OFF")
    with register.transaction() as conn:
        conn.execute("DELETE FROM attachments")
    register.checkpoint()
    assert register.query_one("SELECT count(*) FROM attachments")[0] == 0
    # a plain DELETE leaves the scan in free pages: what the real destruction above avoids
    assert found(register, needles) >= 0.5 * len(needles)
    register.conn.execute("PRAGMA secure_delete = ON")


def test_destroyed_scan_not_in_an_export_either(register: Register, case_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scan = noise_png(seed=3)
    ref = attach(register, case_factory, scan)
    needles = markers(sealed_blob(register)) + markers(scan)
    ids.decide(register, ref, "rejected", Checklist(document_type="passport"), on=dt.date(2027, 3, 5))
    plain = tmp_path / "plain.db"  # the test's own temp dir; a plaintext copy for inspection only
    register.conn.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
    register.conn.execute("SELECT sqlcipher_export('plain')")
    register.conn.execute("DETACH DATABASE plain")
    data = plain.read_bytes()
    assert b"SQLite format 3" in data[:16]
    assert not any(n in data for n in needles)
    os.remove(plain)
