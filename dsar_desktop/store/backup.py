"""Encrypted backups: one file holding an encrypted copy of the register and its key file.

The copy is made with `sqlcipher_export` into a file keyed with the same raw key,
so a backup opens with the same passphrases and recovery key. The container is a
stored ZIP (`manifest.json`, `register.db`, `register.keys`) written to a temporary
file beside the target and renamed into place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import secrets
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlcipher3.dbapi2 import DatabaseError  # the class store.connection names too

from ..domain.errors import DsarError
from ..fileio import BINARY, atomic_write

if TYPE_CHECKING:  # types only: connection opens the register and migrates it, which may back it up
    from .connection import Register

BACKUP_FORMAT = 1
SUFFIX = ".dsarbak"


class BackupInvalid(DsarError):
    code = "backup_invalid"
    en = "{path} is not a usable DSAR backup ({reason}); nothing was restored."
    fr = "{path} n'est pas une sauvegarde DSAR utilisable ({reason}) ; rien n'a été restauré."
    exit_code = 5


class RestoreTargetExists(DsarError):
    code = "restore_target_exists"
    en = "{path} already exists; restore to a new path (nothing was overwritten)."
    fr = "{path} existe déjà ; restaurez vers un nouveau chemin (rien n'a été écrasé)."
    exit_code = 1


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_backup(
    register: Register, keyfile_bytes: bytes, out: Path, audit_head: dict[str, Any] | None = None
) -> Path:
    """Write a backup of the open register to `out` atomically; return the path."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(4)
    db_copy = out.with_name(f".{out.name}.{token}.db")
    tmp_zip = out.with_name(f".{out.name}.{token}.tmp")
    key_sql = f"\"x'{register.raw_key.hex()}'\""
    try:
        fd = os.open(db_copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, 0o600)
        os.close(fd)
        os.unlink(db_copy)  # SQLCipher creates it; we only reserved the name with safe permissions
        register.conn.execute(f"ATTACH DATABASE ? AS bk KEY {key_sql}", (str(db_copy),))
        try:
            register.conn.execute("SELECT sqlcipher_export('bk')").fetchall()
            version = register.conn.execute("PRAGMA main.user_version").fetchone()[0]
            register.conn.execute(f"PRAGMA bk.user_version = {int(version)}")
        except DatabaseError as exc:
            if "full" in str(exc).lower():
                raise OSError(errno.ENOSPC, "No space left on device", str(out.parent)) from None
            raise
        finally:
            register.conn.execute("DETACH DATABASE bk")
        manifest: dict[str, Any] = {
            "format": BACKUP_FORMAT,
            "created_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "schema_version": int(version),
            "register_name": register.path.name,
            "audit_head": audit_head,
            "files": {
                "register.db": _sha256(db_copy),
                "register.keys": hashlib.sha256(keyfile_bytes).hexdigest(),
            },
        }
        fd = os.open(tmp_zip, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, 0o600)
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, indent=1))
            archive.write(db_copy, "register.db")
            archive.writestr("register.keys", keyfile_bytes)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp_zip, out)
        return out
    finally:
        for leftover in (db_copy, tmp_zip):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)


def read_manifest(backup: Path) -> dict[str, Any]:
    backup = Path(backup)
    try:
        with zipfile.ZipFile(backup) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            names = set(archive.namelist())
    except FileNotFoundError:
        raise BackupInvalid(path=str(backup), reason="file not found") from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise BackupInvalid(path=str(backup), reason=str(exc) or type(exc).__name__) from None
    if manifest.get("format") != BACKUP_FORMAT or not {"register.db", "register.keys"} <= names:
        raise BackupInvalid(path=str(backup), reason="unknown format or missing parts")
    return dict(manifest)


def extract_backup(backup: Path, target: Path, keys_target: Path) -> dict[str, Any]:
    """Check the hashes and write the register and key file to new paths (never overwriting)."""
    backup, target, keys_target = Path(backup), Path(target), Path(keys_target)
    manifest = read_manifest(backup)
    for path in (target, keys_target):
        if path.exists():
            raise RestoreTargetExists(path=str(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(4)
    tmp_db = target.with_name(f".{target.name}.{token}.tmp")
    try:
        with zipfile.ZipFile(backup) as archive:
            keys = archive.read("register.keys")
            if hashlib.sha256(keys).hexdigest() != manifest["files"]["register.keys"]:
                raise BackupInvalid(path=str(backup), reason="the key file does not match its hash")
            fd = os.open(tmp_db, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, 0o600)
            digest = hashlib.sha256()
            with os.fdopen(fd, "wb") as out, archive.open("register.db") as src:
                for block in iter(lambda: src.read(1 << 20), b""):
                    digest.update(block)
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != manifest["files"]["register.db"]:
                raise BackupInvalid(path=str(backup), reason="the register copy does not match its hash")
        atomic_write(keys_target, keys)
        os.replace(tmp_db, target)
    except (zipfile.BadZipFile, OSError) as exc:
        if isinstance(exc, OSError) and exc.errno is not None and not isinstance(exc, FileNotFoundError):
            raise
        raise BackupInvalid(path=str(backup), reason=str(exc)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_db)
    return manifest


def rotate(folder: Path, stem: str, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups named `<stem>-*.dsarbak`; return what was removed."""
    found = sorted(Path(folder).glob(f"{stem}-*{SUFFIX}"), key=lambda p: (p.stat().st_mtime_ns, p.name))
    doomed = found[:-keep] if keep > 0 else found
    for path in doomed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return doomed
