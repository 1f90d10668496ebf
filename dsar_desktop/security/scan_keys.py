"""Per-scan data keys kept beside the register and never in a backup, so a destroyed scan is gone everywhere.

Every ID scan, and every e-mail's original file and attachment that may hold one, is
encrypted inside the register with its own random AES-256-GCM key. The keys live in one
small file beside the register, `scan-keys-<register id>-<fingerprint>.dsarkeys` (the
fingerprint is of the master key, so a copy of the register made before this version,
which gets another master key, never shares a file with it), itself encrypted under
a key derived from the register's scan master key (a secret kept inside the database).
Backups copy the database and its key file, never this file.

Destroying a scan deletes its key here and leaves a tombstone with the date. The scan's
copy inside any backup made earlier is then ciphertext whose key no longer exists
anywhere: crypto-shredding. A restored older backup finds the tombstone and says the scan
was destroyed, and when.

The file is named after the register id, not the register's file name: a register restored
from a backup into the same folder (under any name) uses the same keys, so destroying a
scan in either destroys it in both. Writes take a file lock and replace the file atomically.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from filelock import FileLock, Timeout

from ..domain.errors import DsarError
from ..fileio import atomic_write

FORMAT = 1
MAGIC = b"DSK1"  # a sealed blob: MAGIC + 12-byte nonce + AES-GCM ciphertext and tag
NONCE = 12
# A key and its id take about 90 bytes, a tombstone about 50: 64 MiB is a million scans.
MAX_FILE_BYTES = 64 * 1024 * 1024
_INFO = b"dsar-desktop scan keys v1"


class ScanKeysUnreadable(DsarError):
    code = "scan_keys_unreadable"
    en = (
        "The scan-key file {path} cannot be read ({reason}). Scans waiting for an ID decision, and the "
        "original files of e-mails, cannot be shown; the rest of the register is intact. Put back the file "
        "if it was moved (it must stay beside the register); otherwise ask the people for their documents again."
    )
    fr = (
        "Le fichier des clés de scans {path} est illisible ({reason}). Les scans en attente d'une décision "
        "d'identité et les fichiers d'origine des courriels ne peuvent pas être affichés ; le reste du registre "
        "est intact. Remettez le fichier s'il a été déplacé (il doit rester à côté du registre) ; sinon, "
        "redemandez leurs documents aux personnes."
    )
    exit_code = 5


class ScanKeysAway(DsarError):
    code = "scan_keys_away"
    en = (
        "This register is not beside its scan-key file ({path} is missing, or holds none of these keys): a scan "
        "cannot be destroyed or added here, because its key would live on in the original file. Open the register "
        "in its own folder. If that file is lost for good, declare it with 'dsar scan-keys declare-lost --yes'."
    )
    fr = (
        "Ce registre n'est pas à côté de son fichier de clés de scans ({path} est absent, ou ne contient aucune de "
        "ces clés) : un scan ne peut être ni détruit ni ajouté ici, car sa clé survivrait dans le fichier d'origine. "
        "Ouvrez le registre dans son propre dossier. Si ce fichier est perdu pour de bon, déclarez-le avec "
        "« dsar scan-keys declare-lost --yes »."
    )
    exit_code = 5


class ScanKeysBusy(DsarError):
    code = "scan_keys_busy"
    en = "The scan-key file {path} is being written by another DSAR Desktop; try again in a moment (nothing was changed)."
    fr = "Le fichier des clés de scans {path} est en cours d'écriture par un autre DSAR Desktop ; réessayez dans un instant (rien n'a été modifié)."
    exit_code = 4


def store_path(folder: Path, register_id: str) -> Path:
    return Path(folder) / f"scan-keys-{register_id}.dsarkeys"


def _wrapping_key(master: bytes, register_id: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=register_id.encode(), info=_INFO).derive(master)


def seal(key: bytes, key_id: str, data: bytes) -> bytes:
    nonce = os.urandom(NONCE)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, key_id.encode())


def is_sealed(blob: bytes) -> bool:
    return blob[: len(MAGIC)] == MAGIC


def unseal(key: bytes, key_id: str, blob: bytes) -> bytes:
    """The plaintext; ValueError when the blob was not sealed with this key and id (changed or foreign)."""
    if not is_sealed(blob) or len(blob) < len(MAGIC) + NONCE + 16:
        raise ValueError("not a sealed blob")
    nonce = blob[len(MAGIC) : len(MAGIC) + NONCE]
    try:
        return AESGCM(key).decrypt(nonce, blob[len(MAGIC) + NONCE :], key_id.encode())
    except InvalidTag:
        raise ValueError("the blob does not match its key") from None


@dataclass
class _Content:
    keys: dict[str, str] = field(default_factory=dict)  # key id -> base64 key
    shredded: dict[str, str] = field(default_factory=dict)  # key id -> date destroyed (YYYY-MM-DD)


class ScanKeys:
    """The key file of one register's scans: issue, look up and shred keys."""

    def __init__(self, folder: Path, register_id: str, master: bytes) -> None:
        self.register_id = register_id
        self.path = store_path(folder, register_id)
        self._wrap = _wrapping_key(master, register_id)
        self._lock = FileLock(str(self.path) + ".lock", timeout=10)

    # ---- reading --------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.is_file()

    def _read(self) -> _Content:
        if not self.path.exists():
            return _Content()
        try:
            with open(self.path, "rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise ScanKeysUnreadable(path=str(self.path), reason=exc.strerror or str(exc)) from None
        try:
            if len(raw) > MAX_FILE_BYTES:
                raise ValueError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
            outer = json.loads(raw.decode("utf-8"))
            if not isinstance(outer, dict) or outer.get("format") != FORMAT:
                raise ValueError("not a scan-key file of this version")
            if outer.get("register_id") != self.register_id:
                raise ValueError(f"it belongs to register {outer.get('register_id')!r}")
            nonce = base64.b64decode(outer["nonce"], validate=True)
            box = base64.b64decode(outer["box"], validate=True)
            try:
                inner = json.loads(AESGCM(self._wrap).decrypt(nonce, box, self.register_id.encode()))
            except InvalidTag:
                raise ValueError("it does not open with this register's key: changed or damaged") from None
            keys, shredded = inner.get("keys"), inner.get("shredded")
            if not isinstance(keys, dict) or not isinstance(shredded, dict):
                raise ValueError("no key table")
            return _Content(
                {str(k): str(v) for k, v in keys.items()}, {str(k): str(v) for k, v in shredded.items()}
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise ScanKeysUnreadable(path=str(self.path), reason=str(exc) or type(exc).__name__) from None

    def key(self, key_id: str) -> bytes | None:
        found = self._read().keys.get(key_id)
        return base64.b64decode(found) if found else None

    def shredded_on(self, key_id: str) -> str | None:
        return self._read().shredded.get(key_id)

    def lookup(self, key_ids: list[str]) -> dict[str, bytes | str | None]:
        """For each id: its key (bytes), the date it was shredded (str), or None when neither is known."""
        content = self._read()
        out: dict[str, bytes | str | None] = {}
        for key_id in key_ids:
            if key_id in content.keys:
                out[key_id] = base64.b64decode(content.keys[key_id])
            else:
                out[key_id] = content.shredded.get(key_id)
        return out

    # ---- writing --------------------------------------------------------------------------
    def _write(self, content: _Content) -> None:
        inner = json.dumps({"keys": content.keys, "shredded": content.shredded}, separators=(",", ":"))
        nonce = os.urandom(NONCE)
        box = AESGCM(self._wrap).encrypt(nonce, inner.encode(), self.register_id.encode())
        outer = {
            "format": FORMAT,
            "register_id": self.register_id,
            "nonce": base64.b64encode(nonce).decode("ascii"),
            "box": base64.b64encode(box).decode("ascii"),
        }
        # A crash between the temporary file's fsync and its rename leaves it behind, holding keys that
        # may be shredded later: remove such leftovers (under the lock, so no writer is mid-way).
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()
        atomic_write(self.path, json.dumps(outer).encode("utf-8"))

    def issue(self, count: int = 1, *, may_create: bool = True) -> list[tuple[str, bytes]]:
        """New keys, durably on disk before they are returned (so no sealed blob ever lacks its key).

        `may_create=False` when the register already holds sealed rows: a missing file then means the
        register is away from its keys, and a second file here would fork them."""
        fresh = [(os.urandom(16).hex(), os.urandom(32)) for _ in range(count)]
        try:
            with self._lock:
                if not may_create and not self.path.exists():
                    raise ScanKeysAway(path=str(self.path))
                content = self._read()
                for key_id, key in fresh:
                    content.keys[key_id] = base64.b64encode(key).decode("ascii")
                self._write(content)
        except Timeout:
            raise ScanKeysBusy(path=str(self.path)) from None
        return fresh

    def shred(self, key_ids: list[str], on: str, *, unknown_ok: bool = False) -> int:
        """Delete these keys for good (a tombstone keeps the date); how many were still there.

        A key this file has never known (neither the key nor its tombstone) means the register is away
        from its own file, where the key lives on: refused (ScanKeysAway) unless `unknown_ok`, when the
        person declared that file lost."""
        wanted = [k for k in key_ids if k]
        if not wanted:
            return 0
        try:
            with self._lock:
                content = self._read()
                unknown = [k for k in wanted if k not in content.keys and k not in content.shredded]
                if unknown and not unknown_ok:
                    raise ScanKeysAway(path=str(self.path))
                gone = 0
                for key_id in wanted:
                    if content.keys.pop(key_id, None) is not None:
                        gone += 1
                    content.shredded.setdefault(key_id, on)
                self._write(content)
        except Timeout:
            raise ScanKeysBusy(path=str(self.path)) from None
        return gone
