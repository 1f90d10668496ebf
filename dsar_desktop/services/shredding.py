"""Crypto-shredding of scans and e-mail originals: seal under a key of their own, open, destroy the key.

  seal_new(reg, data)                -> (key_id, sealed)   a fresh key, on disk before the caller commits
  seal_many(reg, blobs)              -> [(key_id, sealed)] one key each, written once
  seal_with(reg, key_id, data)       -> sealed             the same key again (an attachment that became a scan)
  open_blob(reg, key_id, blob, what) -> bytes              or BlobShredded / BlobKeyMissing
  key_states(reg, key_ids)           -> {id: "readable" | "YYYY-MM-DD" shredded | None unknown}
  shred(reg, key_ids)                                      inside the caller's transaction, before COMMIT
  keys_of_case(conn, ref)            -> key ids             what a purge shreds with the case
  seal_plaintext(reg)                -> count              rows written before crypto-shredding existed

Why shred before the commit: if the process dies between the two, the decision is not
recorded but the scan is already unreadable, which the person sees and can finish; the
other order would leave, after a crash, a live key for a scan the register says it
destroyed, and every backup made before would still open it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..domain import deadlines as dl
from ..domain.errors import DsarError, InvalidInput
from ..security import scan_keys
from ..security.scan_keys import ScanKeys, ScanKeysAway, ScanKeysBusy, ScanKeysUnreadable
from ..store import audit
from ..store.connection import Register
from ..store.errors import RegisterReadOnly


class BlobShredded(DsarError):
    code = "scan_shredded"
    en = (
        "This {what} was destroyed on {day}: its key was shredded, so no copy of it, in this register or in "
        "any backup, can be read any more. This register is older than that destruction."
    )
    fr = (
        "Ce {what_fr} a été détruit le {day_fr} : sa clé a été effacée, si bien qu'aucune copie, ni dans ce "
        "registre ni dans une sauvegarde, ne peut plus être lue. Ce registre est antérieur à cette destruction."
    )
    exit_code = 1


class BlobKeyMissing(DsarError):
    code = "scan_key_missing"
    en = (
        "The key of this {what} is not in {path}. The register was opened away from its scan-key file (restored "
        "into another folder, or the file was moved or deleted): put the register back beside that file. Keys are "
        "never in backups, so that a destroyed scan cannot be recovered from one."
    )
    fr = (
        "La clé de ce {what_fr} ne se trouve pas dans {path}. Le registre a été ouvert loin de son fichier de clés "
        "de scans (restauré dans un autre dossier, ou fichier déplacé ou supprimé) : remettez le registre à côté de "
        "ce fichier. Les clés ne sont jamais dans les sauvegardes, pour qu'un scan détruit ne puisse pas en être "
        "récupéré."
    )
    exit_code = 1


class BlobDamaged(DsarError):
    code = "scan_blob_damaged"
    en = "This {what} does not match its key: it was changed or damaged inside the register. Run 'dsar verify'."
    fr = "Ce {what_fr} ne correspond pas à sa clé : il a été modifié ou endommagé dans le registre. Lancez « dsar verify »."
    exit_code = 5


WHAT_FR = {"scan": "scan", "attachment": "fichier joint", "original": "fichier d'origine"}


def _meta(register: Register, key: str) -> str | None:
    row = register.query_one("SELECT value FROM meta WHERE key = ?", (key,))
    return str(row[0]) if row else None


def keystore(register: Register) -> ScanKeys:
    """This register's scan-key file: beside the register, named after its id and its master key."""
    master_hex = _meta(register, "scan_master_key")
    if master_hex is None:  # pragma: no cover - migration 0009 creates it with the schema
        raise RuntimeError("the register has no scan master key")
    master = bytes.fromhex(master_hex)
    # Store-level registers made by tests have no register id; the master key's fingerprint names them.
    fingerprint = hashlib.sha256(master).hexdigest()[:8]
    identity = f"{_meta(register, 'register_id') or 'register'}-{fingerprint}"
    return ScanKeys(register.path.parent, identity, master)


def lost_on(register: Register) -> str | None:
    """When a person declared this register's scan-key file lost for good (`declare_lost`), or None."""
    return _meta(register, "scan_keys_lost_at")


def _has_sealed(register: Register) -> bool:
    return (
        register.query_one(
            "SELECT 1 FROM attachments WHERE key_id IS NOT NULL UNION ALL"
            " SELECT 1 FROM message_attachments WHERE key_id IS NOT NULL UNION ALL"
            " SELECT 1 FROM case_messages WHERE raw_key_id IS NOT NULL LIMIT 1"
        )
        is not None
    )


def _issue(register: Register, count: int) -> list[tuple[str, bytes]]:
    """Keys for new blobs. Never from a read-only register (nothing would be stored), and never by creating
    a second scan-key file for a register whose rows are sealed under keys of another one."""
    if register.read_only:
        raise RegisterReadOnly(path=str(register.path))
    may_create = lost_on(register) is not None or not _has_sealed(register)
    return keystore(register).issue(count, may_create=may_create)


def seal_new(register: Register, data: bytes) -> tuple[str, bytes]:
    ((key_id, key),) = _issue(register, 1)
    return key_id, scan_keys.seal(key, key_id, data)


def seal_many(register: Register, blobs: list[bytes]) -> list[tuple[str, bytes]]:
    """Each blob under a fresh key of its own; the keys are written to disk once, together."""
    keys = _issue(register, len(blobs)) if blobs else []
    return [
        (key_id, scan_keys.seal(key, key_id, blob)) for blob, (key_id, key) in zip(blobs, keys, strict=True)
    ]


def seal_with(register: Register, key_id: str, data: bytes) -> bytes:
    key = keystore(register).key(key_id)
    if key is None:
        raise _missing(register, key_id, "attachment")
    return scan_keys.seal(key, key_id, data)


def _missing(register: Register, key_id: str, what: str) -> DsarError:
    store = keystore(register)
    day = store.shredded_on(key_id)
    if day is not None:
        return BlobShredded(what=what, what_fr=WHAT_FR[what], day=day, day_fr=_french_day(day))
    return BlobKeyMissing(what=what, what_fr=WHAT_FR[what], path=str(store.path))


def _french_day(day: str) -> str:
    try:
        return dt.date.fromisoformat(day).strftime("%d/%m/%Y")
    except ValueError:
        return day


def open_blob(register: Register, key_id: str | None, blob: bytes, what: str = "scan") -> bytes:
    """The plaintext of a sealed scan, attachment or original (rows from before version 9 are plain)."""
    if key_id is None:
        return blob
    key = keystore(register).key(key_id)
    if key is None:
        raise _missing(register, key_id, what)
    try:
        return scan_keys.unseal(key, key_id, blob)
    except ValueError:
        raise BlobDamaged(what=what, what_fr=WHAT_FR[what]) from None


def key_states(register: Register, key_ids: Sequence[str | None]) -> dict[str, str | None]:
    """'readable', the date the key was shredded, or None when the scan-key file does not know it."""
    wanted = [k for k in key_ids if k]
    if not wanted:
        return {}
    found = keystore(register).lookup(wanted)
    return {k: ("readable" if isinstance(v, bytes) else v) for k, v in found.items()}


def shred(register: Register, key_ids: Sequence[str | None]) -> int:
    """Destroy keys for good. Call inside the transaction that deletes their rows, before it commits."""
    wanted = [k for k in key_ids if k]
    if not wanted:
        return 0
    return keystore(register).shred(
        wanted, dl.today_paris().isoformat(), unknown_ok=lost_on(register) is not None
    )


def declare_lost(register: Register) -> str:
    """A person declares the scan-key file lost for good (a dead disk): the keys it held are gone, the
    scans they sealed are unreadable everywhere, and this register may start a new file. An unreadable
    file in the way is set aside, not deleted. Returns the date recorded."""
    store = keystore(register)
    aside = None
    if store.exists():
        try:
            store.lookup([])
        except ScanKeysUnreadable:
            aside = store.path.with_name(
                store.path.name + f".unreadable-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}"
            )
            store.path.rename(aside)
        else:
            raise InvalidInput(
                f"The scan-key file {store.path} is here and readable: nothing is lost.",
                f"Le fichier de clés de scans {store.path} est présent et lisible : rien n'est perdu.",
            )
    day = dl.today_paris().isoformat()
    with register.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('scan_keys_lost_at', ?)", (day,))
        audit.append(
            conn, register.actor, "register.scan_keys_declared_lost", None, {"set_aside": aside is not None}
        )
    return day


def keys_of_case(conn: Any, ref: str) -> list[str | None]:
    """Every key a case's rows are sealed under: its scans, its e-mails' originals and attachments."""
    rows = conn.execute(
        "SELECT a.key_id FROM attachments a JOIN cases c ON c.id = a.case_id WHERE c.ref = ?"
        " UNION SELECT m.raw_key_id FROM case_messages m JOIN cases c ON c.id = m.case_id WHERE c.ref = ?"
        " UNION SELECT a.key_id FROM message_attachments a JOIN case_messages m ON m.id = a.message_id"
        " JOIN cases c ON c.id = m.case_id WHERE c.ref = ?",
        (ref, ref, ref),
    ).fetchall()
    return [row[0] for row in rows if row[0]]


def clear_mailed_id_copies(conn: Any, case_id: int, why: str) -> tuple[int, list[str]]:
    """At an ID decision: the case's attachments that look like an ID document and were not sent to the
    ID check, and the original files of their messages, are deleted (inside the caller's transaction).
    Returns how many attachments, and the keys to shred with the scans, so that no copy of an ID that
    came by e-mail outlives the decision, in the register or in an earlier backup."""
    rows = conn.execute(
        "SELECT a.id, a.key_id, m.id, m.raw_key_id, m.raw IS NOT NULL FROM message_attachments a"
        " JOIN case_messages m ON m.id = a.message_id"
        " WHERE m.case_id = ? AND a.looks_like_id = 1 AND a.content IS NOT NULL",
        (case_id,),
    ).fetchall()
    keys: list[str] = []
    for attachment_id, key_id, message_id, raw_key_id, has_raw in rows:
        conn.execute("UPDATE message_attachments SET content = NULL WHERE id = ?", (attachment_id,))
        if has_raw:
            conn.execute(
                "UPDATE case_messages SET raw = NULL, raw_note = ? WHERE id = ?",
                (f"original file deleted at the ID decision: {why}", message_id),
            )
        keys += [k for k in (key_id, raw_key_id if has_raw else None) if k]
    return len(rows), keys


_PLAIN_TABLES = (("attachments", "content", "key_id"), ("message_attachments", "content", "key_id"),
                 ("case_messages", "raw", "raw_key_id"))  # fmt: skip


def _plaintext_rows(register: Register) -> list[tuple[str, int]]:
    rows: list[tuple[str, int]] = []
    for table, column, key_column in _PLAIN_TABLES:
        for (row_id,) in register.query(
            f"SELECT id FROM {table} WHERE {column} IS NOT NULL AND {key_column} IS NULL"
        ):
            rows.append((table, int(row_id)))
    return rows


def seal_plaintext(register: Register) -> int:
    """Seal what a register of an earlier version kept plain (scans, e-mail originals and attachments).

    Run at a writable unlock, one row in memory at a time; secure_delete overwrites the plain pages.
    A key file that cannot be read or written now leaves them for the next unlock (`dsar verify`
    counts them) instead of refusing the register. Backups made before this version still hold
    those rows as they were: the README says to let them rotate out."""
    if register.read_only:
        return 0
    rows = _plaintext_rows(register)
    if not rows:
        return 0
    try:
        keys = _issue(register, len(rows))
    except (ScanKeysUnreadable, ScanKeysAway, ScanKeysBusy):
        return 0
    with register.transaction() as conn:
        conn.execute("PRAGMA secure_delete = ON")
        for (table, row_id), (key_id, key) in zip(rows, keys, strict=True):
            column = next(c for t, c, _k in _PLAIN_TABLES if t == table)
            blob = bytes(conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", (row_id,)).fetchone()[0])
            sealed = scan_keys.seal(key, key_id, blob)
            if table == "case_messages":
                conn.execute(
                    "UPDATE case_messages SET raw = ?, raw_key_id = ? WHERE id = ?", (sealed, key_id, row_id)
                )
            else:
                conn.execute(
                    f"UPDATE {table} SET content = ?, key_id = ? WHERE id = ?", (sealed, key_id, row_id)
                )
        audit.append(conn, register.actor, "register.scans_sealed", None, {"count": len(rows)})
    register.checkpoint()
    return len(rows)


@dataclass(frozen=True)
class Census:
    """What `dsar verify` says of the sealed rows and their keys."""

    path: str
    sealed: int  # rows sealed under a key of their own
    readable: int
    shredded: int  # keys destroyed after this copy of the register was made (a restored older backup)
    missing: int  # keys the file does not know (opened away from its scan-key file)
    plain: int  # rows of an earlier version not sealed yet (sealed at the next writable unlock)
    problem: str | None = None  # the scan-key file cannot be read (English)
    lost_on: str | None = None  # the day a person declared the file lost: missing keys are then expected
    problem_fr: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None and (self.missing == 0 or self.lost_on is not None)

    def failure(self, language: str) -> str | None:
        """Why `dsar verify` and the app's Verify fail on the scan keys, in one sentence; None when they do not."""
        if self.problem is not None:
            return self.problem_fr if language == "fr" and self.problem_fr else self.problem
        if self.ok:
            return None
        if language == "fr":
            return (
                f"{self.missing} des {self.sealed} scans et fichiers de courriel scellés n'ont pas de clé dans "
                f"{self.path} : le registre est loin de son fichier de clés de scans (ouvrez-le dans son propre "
                "dossier), ou ce fichier est une copie plus ancienne."
            )
        return (
            f"{self.missing} of {self.sealed} sealed scans and e-mail files have no key in {self.path}: the register "
            "is away from its scan-key file (open it in its own folder), or that file is an older copy."
        )

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def census(register: Register) -> Census:
    ids: list[str] = []
    plain = 0
    for table, column, key_column in _PLAIN_TABLES:
        for (key_id,) in register.query(f"SELECT {key_column} FROM {table} WHERE {column} IS NOT NULL"):
            if key_id:
                ids.append(str(key_id))
            else:
                plain += 1
    store = keystore(register)
    try:
        if store.exists():
            store.lookup([])  # the file is read even when no row needs it: damage shows before it matters
        states = key_states(register, ids)
    except ScanKeysUnreadable as exc:
        return Census(
            str(store.path), len(ids), 0, 0, 0, plain, problem=exc.describe("en"), lost_on=lost_on(register),
            problem_fr=exc.describe("fr"),
        )  # fmt: skip
    values = [states.get(k) for k in ids]
    readable = sum(v == "readable" for v in values)
    missing = sum(v is None for v in values)
    return Census(
        str(store.path),
        len(ids),
        readable,
        len(ids) - readable - missing,
        missing,
        plain,
        lost_on=lost_on(register),
    )
