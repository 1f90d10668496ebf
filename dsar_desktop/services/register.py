"""Register use cases: create, unlock, key slots, verify, backup and restore."""

from __future__ import annotations

import datetime as dt
import getpass
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from ..domain.errors import DsarError
from ..domain.progress import Progress, no_progress
from ..security import anchor as anchors
from ..security import os_keyring
from ..security.keyslots import (
    KeyFile,
    Slot,
    Strength,
    check_passphrase,
    new_keyfile,
    new_recovery_key,
    normalise_recovery_key,
    sidecar_path,
)
from ..security.keyslots import passphrase_strength as keyslots_strength
from ..store import audit, backup
from ..store.connection import DatabaseError, Register, ensure_folder, open_register
from ..store.errors import (
    AuditChainBroken,
    KeyFileForeign,
    KeyFileStale,
    RegisterDamaged,
    RegisterExists,
    RegisterIsFolder,
    RegisterNotFound,
)
from ..store.migrations import current_version
from . import anchoring, shredding


def default_register_path() -> Path:
    return Path(platformdirs.user_data_dir("dsar-desktop", "dsar")) / "register.dsar"


def passphrase_strength(passphrase: str) -> Strength:
    """How a new passphrase stands against the minimum (for the UI while it is typed; enforced on save)."""
    return keyslots_strength(passphrase)


def prepare_default_folder(path: Path | None = None) -> Path:
    """Create the default register's folder (0700) if missing; return the register path.

    Every command and the app call it first, so a fresh account with no data folder works.
    """
    path = Path(path) if path is not None else default_register_path()
    ensure_folder(path)
    return path


def default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "staff"


@dataclass(frozen=True)
class Created:
    register: Register
    recovery_key: str
    register_id: str


def create_register(path: Path, label: str, passphrase: str) -> Created:
    """A new register with one passphrase slot and a recovery key (shown once, never stored)."""
    path = Path(path)
    check_passphrase(passphrase)
    keys_path = sidecar_path(path)
    if (path.exists() and path.stat().st_size > 0) or keys_path.exists():
        raise RegisterExists(path=str(path))
    raw_key = os.urandom(32)
    keyfile = new_keyfile()
    keyfile.add_passphrase_slot(label, passphrase, raw_key)
    recovery = new_recovery_key()
    keyfile.set_recovery_key(recovery, raw_key)
    register = open_register(path, raw_key, label, create=True)
    try:
        keyfile.save(keys_path)
        anchoring.install(register, keyfile.register_id)
        with register.transaction() as conn:
            conn.execute("INSERT INTO meta(key, value) VALUES ('register_id', ?)", (keyfile.register_id,))
            conn.execute(
                "INSERT INTO meta(key, value) VALUES ('created_utc', ?)",
                (dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),),
            )
            audit.append(conn, label, "register.created", None, {"slot": label})
        _record_db_salt(register)
    except BaseException:
        register.close()
        raise
    return Created(register, recovery, keyfile.register_id)


def _record_db_salt(register: Register) -> None:
    """Note the database's SQLCipher salt in the key file (see KeyFile.db_salt)."""
    row = register.query_one("PRAGMA cipher_salt")
    keys_path = sidecar_path(register.path)
    keyfile = KeyFile.load(keys_path)
    keyfile.db_salt = str(row[0]) if row and row[0] else None
    keyfile.save(keys_path)


def _file_salt(path: Path) -> str | None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return None
    return head.hex() if len(head) == 16 else None


def _open(
    path: Path, raw_key: bytes, actor: str, keyfile: KeyFile, *, lock: bool = True, check_anchor: bool = True
) -> Register:
    """Open with identity checks; refuse a register whose chain disagrees with its anchor unless told not to."""
    path = Path(path)
    try:
        register = open_register(path, raw_key, actor, lock=lock, expect_id=keyfile.register_id)
    except RegisterDamaged:
        salt = _file_salt(path)
        if keyfile.db_salt and salt and salt != keyfile.db_salt:
            raise KeyFileForeign(keys=str(sidecar_path(path)), path=str(path)) from None
        whole_pages = path.stat().st_size % 1024 == 0  # SQLCipher pages; a cut file is damage, not an old key
        if keyfile.db_salt and salt == keyfile.db_salt and whole_pages:
            raise KeyFileStale(keys=str(sidecar_path(path)), path=str(path)) from None
        raise
    try:
        state = anchoring.check(register, keyfile)
        if not state.ok and check_anchor:
            raise state.error()
        if state.ok:
            if state.state == "not_yet_anchored" and not register.read_only:
                anchoring.establish(register, keyfile.register_id)
            anchoring.install(register, keyfile.register_id)
            shredding.seal_plaintext(register)  # scans kept plain by a version before crypto-shredding
    except BaseException:
        register.close()
        raise
    return register


def load_keyfile(path: Path) -> KeyFile:
    path = Path(path)
    if path.is_dir():
        raise RegisterIsFolder(path=str(path), example=str(path / "register.dsar"))
    if not path.exists():
        raise RegisterNotFound(path=str(path))
    return KeyFile.load(sidecar_path(path))


def unlock_key(path: Path, secret: str, label: str | None = None) -> tuple[bytes, str, str]:
    """(raw key, slot label, register id) for a passphrase or recovery key."""
    keyfile = load_keyfile(path)
    raw, slot = keyfile.unlock(secret, label)
    return raw, slot.label, keyfile.register_id


def unlock_register(
    path: Path, secret: str, label: str | None = None, lock: bool = True, *, check_anchor: bool = True
) -> Register:
    """Open with a passphrase or recovery key. `check_anchor=False` is for `verify`, which reports instead."""
    path = Path(path)
    keyfile = load_keyfile(path)
    raw, slot = keyfile.unlock(secret, label)
    if keyfile.pending is not None:
        register = _finish_interrupted_rekey(path, keyfile, slot, secret, raw, lock, check_anchor)
    else:
        register = _open(path, raw, slot.label, keyfile, lock=lock, check_anchor=check_anchor)
    if slot.public is None and not register.read_only:  # a first-format slot: re-made now that its secret is at hand (re-key needs it)
        _upgrade_slot(register, slot, secret)
    return register


def _upgrade_slot(register: Register, slot: Slot, secret: str) -> None:
    keys_path = sidecar_path(register.path)
    keyfile = KeyFile.load(keys_path)
    fresh = keyfile._make_slot(slot.label, slot.kind, secret, register.raw_key)
    fresh.created = slot.created
    keyfile.slots = [fresh if s.id == slot.id else s for s in keyfile.slots]
    keyfile.save(keys_path)


def _finish_interrupted_rekey(
    path: Path, keyfile: KeyFile, slot: Slot, secret: str, raw: bytes, lock: bool, check_anchor: bool
) -> Register:
    """A re-key stopped between writing the new slots and switching the database: see which key won."""
    keys_path = sidecar_path(path)
    pending = KeyFile(keyfile.register_id, slots=list(keyfile.pending or []))
    try:
        register = _open(path, raw, slot.label, keyfile, lock=lock, check_anchor=check_anchor)
    except (RegisterDamaged, KeyFileStale):
        if not any(p.id == slot.id for p in pending.slots):
            raise  # this slot was the one being removed: it opens nothing any more
        new_raw, _ = pending.unlock(secret, slot.label)
        keyfile.slots, keyfile.pending = pending.slots, None
        _remake_anchor(keyfile, raw, new_raw)
        keyfile.save(keys_path)
        return _open(path, new_raw, slot.label, keyfile, lock=lock, check_anchor=check_anchor)
    keyfile.pending = None  # the database never switched: the old slots stay
    keyfile.save(keys_path)
    return register


def _remake_anchor(keyfile: KeyFile, old_key: bytes, new_key: bytes) -> None:
    """The anchor is authenticated by the register key: carry it over to the new key if it holds under the old."""
    if keyfile.anchor is None:
        return
    try:
        current = anchors.from_json(keyfile.register_id, keyfile.anchor)
    except anchors.AnchorUnreadable:
        return
    if anchors.authentic(current, old_key):
        keyfile.anchor = anchors.make(new_key, keyfile.register_id, current.head, current.previous).to_json()


def rekey(register: Register, without: str | None = None) -> None:
    """A fresh random register key: the database re-encrypted, every remaining slot re-wrapped (`without` left out).

    Crash-safe in three steps: the new slots are written beside the old ones, the
    database switches in one SQLCipher transaction, then the new slots replace the
    old. Whichever step a crash interrupts, the next unlock finds the key that opens.
    """
    if not isinstance(register, Register):  # an Office: the store's object does the SQLCipher re-key
        register = register.register
    keys_path = sidecar_path(register.path)
    keyfile = KeyFile.load(keys_path)
    if without is not None:
        KeyFile(keyfile.register_id, slots=list(keyfile.slots)).remove(without, confirmed=True)  # LastSlot first
    old_key = register.raw_key
    new_key = os.urandom(32)
    new_slots = keyfile.rewrapped(new_key, without)
    keyfile.pending = new_slots
    keyfile.save(keys_path)
    register.rekey(new_key)
    keyfile.slots, keyfile.pending = new_slots, None
    _remake_anchor(keyfile, old_key, new_key)
    keyfile.save(keys_path)
    with register.transaction() as conn:
        details: dict[str, Any] = {"removed_slot": without} if without else {}
        audit.append(conn, register.actor, "register.rekeyed", None, details)
    if os_keyring.recall(keyfile.register_id) is not None:
        os_keyring.remember(keyfile.register_id, new_key)


def open_with_key(
    path: Path, raw_key: bytes, actor: str, lock: bool = True, *, check_anchor: bool = True
) -> Register:
    return _open(Path(path), raw_key, actor, load_keyfile(path), lock=lock, check_anchor=check_anchor)


def register_id(register: Register) -> str:
    row = register.query_one("SELECT value FROM meta WHERE key = 'register_id'")
    return str(row[0]) if row else ""


# ---- key slots --------------------------------------------------------------
def add_slot(register: Register, label: str, passphrase: str) -> None:
    keys_path = sidecar_path(register.path)
    keyfile = KeyFile.load(keys_path)
    keyfile.add_passphrase_slot(label, passphrase, register.raw_key)
    with register.transaction() as conn:
        audit.append(conn, register.actor, "slot.added", None, {"slot": label})
        keyfile.save(keys_path)


def change_slot(register: Register, label: str, new_passphrase: str) -> None:
    keys_path = sidecar_path(register.path)
    keyfile = KeyFile.load(keys_path)
    keyfile.change_passphrase(label, new_passphrase, register.raw_key)
    with register.transaction() as conn:
        audit.append(conn, register.actor, "slot.changed", None, {"slot": label})
        keyfile.save(keys_path)


def remove_slot(register: Register, label: str, *, confirmed: bool = False) -> None:
    """Remove a slot and re-key, so that a copy of the key file made before opens nothing.

    The recovery slot goes only when `confirmed` (the person was asked)."""
    keyfile = KeyFile.load(sidecar_path(register.path))
    KeyFile(keyfile.register_id, slots=list(keyfile.slots)).remove(label, confirmed=confirmed)  # refusals first
    keyfile.rewrapped(os.urandom(32), label)  # SlotsNeedUpgrade before anything
    with register.transaction() as conn:
        audit.append(conn, register.actor, "slot.removed", None, {"slot": label})
    rekey(register, without=label)


def new_recovery(register: Register) -> str:
    """Replace the recovery key; the new one is returned to be shown once."""
    keys_path = sidecar_path(register.path)
    keyfile = KeyFile.load(keys_path)
    recovery = new_recovery_key()
    keyfile.set_recovery_key(recovery, register.raw_key)
    with register.transaction() as conn:
        audit.append(conn, register.actor, "slot.recovery_replaced", None, {})
        keyfile.save(keys_path)
    return recovery


def list_slots(path: Path) -> list[dict[str, Any]]:
    keyfile = load_keyfile(path)
    return [{"label": s.label, "kind": s.kind, "created": s.created} for s in keyfile.slots]


# ---- verification -----------------------------------------------------------
@dataclass(frozen=True)
class VerifyReport:
    integrity_ok: bool
    integrity_messages: list[str]
    audit_entries: int
    schema_version: int
    audit_ok: bool = True
    first_bad_entry: int | None = None
    audit_problem: str | None = None
    anchor: anchoring.AnchorCheck | None = None
    scan_keys: shredding.Census | None = None

    @property
    def ok(self) -> bool:
        keys_ok = self.scan_keys is None or self.scan_keys.ok
        return self.integrity_ok and self.audit_ok and (self.anchor is None or self.anchor.ok) and keys_ok


def verify(register: Register, progress: Progress = no_progress) -> VerifyReport:
    """SQLCipher page integrity, SQLite structure, and the whole audit chain."""
    progress(0, 3, "integrity")
    try:
        problems = [str(r[0]) for r in register.query("PRAGMA cipher_integrity_check")]
        quick = [str(r[0]) for r in register.query("PRAGMA integrity_check")]
    except DatabaseError as exc:
        raise RegisterDamaged(path=str(register.path), reason=str(exc)) from None
    if quick != ["ok"]:
        problems.extend(quick)
    progress(1, 3, "audit")
    anchor_state = anchoring.check(register, KeyFile.load(sidecar_path(register.path)))
    try:
        count = audit.verify_chain(register.conn)
    except AuditChainBroken as broken:
        progress(3, 3, "done")
        total = int(register.query_one("SELECT count(*) FROM audit")[0])
        return VerifyReport(
            not problems, problems, total, current_version(register),
            audit_ok=False, first_bad_entry=int(broken.facts["seq"]), audit_problem=str(broken),
            anchor=anchor_state, scan_keys=shredding.census(register),
        )  # fmt: skip
    progress(3, 3, "done")
    return VerifyReport(
        not problems, problems, count, current_version(register), anchor=anchor_state,
        scan_keys=shredding.census(register),
    )  # fmt: skip


# ---- backups ----------------------------------------------------------------
class BackupWouldOverwriteRegister(DsarError):
    code = "backup_would_overwrite_register"
    en = "{path} is the register, its key file or its scan-key file: a backup is never written over them, not even with --force."
    fr = "{path} est le registre, son fichier de clés ou son fichier de clés de scans : une sauvegarde ne les écrase jamais, même avec --force."
    exit_code = 1


class BackupTargetExists(DsarError):
    code = "backup_target_exists"
    en = "{path} already exists; choose a new file name, or add --force to replace it (nothing was written)."
    fr = "{path} existe déjà ; choisissez un nouveau nom de fichier, ou ajoutez --force pour le remplacer (rien n'a été écrit)."
    exit_code = 1


class BackupTargetIsFolder(DsarError):
    code = "backup_target_is_folder"
    en = "{path} is a folder: give a file name for the backup, such as {suggestion}."
    fr = "{path} est un dossier : donnez un nom de fichier pour la sauvegarde, par exemple {suggestion}."
    exit_code = 1


def check_backup_target(register: Register, out: Path, force: bool = False) -> None:
    """Never the register's own files; never an existing file unless forced; never a folder."""
    out = Path(out)
    own = [register.path, sidecar_path(register.path)]
    own += [register.path.with_name(register.path.name + s) for s in ("-wal", "-shm", ".lock")]
    own += [shredding.keystore(register).path]
    for path in own:
        if out.resolve() == path.resolve() or (out.exists() and path.exists() and os.path.samefile(out, path)):
            raise BackupWouldOverwriteRegister(path=str(out))
    if out.is_dir():
        raise BackupTargetIsFolder(path=str(out), suggestion=str(out / f"{register.path.stem}{backup.SUFFIX}"))
    if out.exists() and not force:
        raise BackupTargetExists(path=str(out))


def backup_register(register: Register, out: Path, *, force: bool = False) -> Path:
    """The backup carries its anchor: the key file is read after the backup's own audit entry moved it."""
    check_backup_target(register, out, force)
    with register.transaction() as conn:
        audit.append(conn, register.actor, "register.backup", None, {"file": Path(out).name})
    keys = sidecar_path(register.path).read_bytes()
    head = anchoring.chain_head(register.conn)
    return backup.write_backup(register, keys, Path(out), audit_head=head.to_json())


def backup_on_close(register: Register, keep: int = 10) -> Path:
    folder = register.path.parent / "backups"
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    out = folder / f"{register.path.stem}-{stamp}{backup.SUFFIX}"
    serial = 1
    while out.exists():  # a lock and a quit in the same second keep two backups, not one
        serial += 1
        out = folder / f"{register.path.stem}-{stamp}-{serial}{backup.SUFFIX}"
    written = backup_register(register, out)
    backup.rotate(folder, register.path.stem, keep)
    return written


def restore_register(backup_file: Path, target: Path) -> dict[str, Any]:
    """Write the register and key file from a backup to a new path. Verify it with `verify` after unlocking."""
    target = Path(target)
    manifest = backup.extract_backup(Path(backup_file), target, sidecar_path(target))
    register_id = KeyFile.load(sidecar_path(target)).register_id
    found = sorted(target.parent.glob(f"scan-keys-{register_id}-*.dsarkeys"))
    manifest["scan_keys"] = str(found[0]) if found else None  # None: pending scans unreadable there
    return manifest


# ---- workstation keyring ----------------------------------------------------
def remember_on_workstation(register: Register) -> os_keyring.KeyringStatus:
    return os_keyring.remember(register_id(register), register.raw_key)


def recall_from_workstation(path: Path) -> bytes | None:
    try:
        keyfile = load_keyfile(path)
    except Exception:  # noqa: BLE001 - any failure means "ask for the passphrase"
        return None
    return os_keyring.recall(keyfile.register_id)


# ---- what the unlock screen asks (so that ui/ never imports security/) --------
KeyringStatus = os_keyring.KeyringStatus


def workstation_keyring_status() -> os_keyring.KeyringStatus:
    """Whether this computer has a real secure key store to remember the key in."""
    return os_keyring.status()


def forget_on_workstation(register: Register) -> None:
    os_keyring.forget(register_id(register))


def is_recovery_key(secret: str) -> bool:
    """A secret shaped like a recovery key opens the recovery slot whatever slot is chosen."""
    return normalise_recovery_key(secret) is not None
