"""Key slots: the register's random raw key wrapped once per staff passphrase and once by a recovery key.

The sidecar file (`<register>.keys`, JSON) holds one slot per person: Argon2id
derives a key from the passphrase, AES-256-GCM wraps the register key, and the
slot's identity (register id, slot id, label, kind) is bound as associated data so
a slot cannot be moved or relabelled unnoticed. Changing a passphrase rewrites one
slot; the database is never touched.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import secrets
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..domain.errors import DsarError
from ..fileio import atomic_write

FORMAT = 1
MIN_PASSPHRASE = 12
KEY_BYTES = 32
# Argon2id cost: 64 MiB, 3 passes, 2 lanes (~0.15 s on the 2-core reference machine).
DEFAULT_KDF = {"alg": "argon2id", "time_cost": 3, "memory_kib": 65536, "parallelism": 2}
# What a key file may ask of Argon2id: up to 1 GiB and 20 passes (the default is 64 MiB, 3 passes).
KDF_BOUNDS = {"time_cost": (1, 20), "memory_kib": (8 * 1024, 1024 * 1024), "parallelism": (1, 16)}
MAX_KEYFILE_BYTES = 1024 * 1024
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
RECOVERY_GROUPS = 8  # 8 groups of 4 characters = 160 bits


class WrongPassphrase(DsarError):
    code = "wrong_passphrase"
    en = "Wrong passphrase for the key slot '{label}'. Check the name and try again; nothing was changed."
    fr = (
        "Phrase de passe incorrecte pour l'emplacement de clé « {label} ». "
        "Vérifiez le nom et réessayez ; rien n'a été modifié."
    )
    exit_code = 2

    def describe(self, language: str = "en") -> str:
        if self.facts.get("label"):
            return super().describe(language)
        if language == "fr":
            return "Phrase de passe incorrecte : elle n'ouvre aucun emplacement de clé de ce registre. Rien n'a été modifié."
        return "Wrong passphrase: it opens none of this register's key slots. Nothing was changed."


class PassphraseTooShort(DsarError):
    code = "passphrase_too_short"
    en = "A passphrase needs at least {minimum} characters (this one has {length})."
    fr = "Une phrase de passe doit compter au moins {minimum} caractères (celle-ci en a {length})."
    exit_code = 1


class SidecarMissing(DsarError):
    code = "sidecar_missing"
    en = "The key file {path} is missing: the register cannot be unlocked without it. Restore it from a backup."
    fr = "Le fichier de clés {path} est absent : le registre ne peut pas être déverrouillé sans lui. Restaurez-le depuis une sauvegarde."
    exit_code = 5


class SidecarDamaged(DsarError):
    code = "sidecar_damaged"
    en = "The key file {path} is damaged ({reason}). Restore it from a backup; nothing was changed."
    fr = "Le fichier de clés {path} est endommagé ({reason}). Restaurez-le depuis une sauvegarde ; rien n'a été modifié."
    exit_code = 5


class SlotNotFound(DsarError):
    code = "slot_not_found"
    en = "No key slot named '{label}'. Existing slots: {labels}."
    fr = "Aucun emplacement de clé nommé « {label} ». Emplacements existants : {labels}."
    exit_code = 3


class SlotExists(DsarError):
    code = "slot_exists"
    en = "A key slot named '{label}' already exists; choose another name."
    fr = "Un emplacement de clé nommé « {label} » existe déjà ; choisissez un autre nom."
    exit_code = 1


class LastSlot(DsarError):
    code = "last_slot"
    en = "'{label}' is the last passphrase slot; add another before removing it."
    fr = "« {label} » est le dernier emplacement à phrase de passe ; ajoutez-en un autre avant de le supprimer."
    exit_code = 1


def sidecar_path(register_path: Path) -> Path:
    register_path = Path(register_path)
    return register_path.with_name(register_path.name + ".keys")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise PassphraseTooShort(minimum=MIN_PASSPHRASE, length=len(passphrase))


def new_recovery_key() -> str:
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * 4))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def normalise_recovery_key(text: str) -> str | None:
    """The canonical form of something typed as a recovery key, or None if it is not one."""
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(compact) != RECOVERY_GROUPS * 4 or any(ch not in RECOVERY_ALPHABET for ch in compact):
        return None
    return "-".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def checked_kdf(kdf: Any) -> dict[str, Any]:
    """KDF settings read from a key file, refused outside sane bounds (a key file could ask for 1 TiB)."""
    if not isinstance(kdf, dict) or kdf.get("alg") != "argon2id":
        raise ValueError("unknown key derivation settings")
    out: dict[str, Any] = {"alg": "argon2id"}
    for name, (low, high) in KDF_BOUNDS.items():
        value = kdf.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ValueError(f"key derivation setting {name}={value!r} outside {low}..{high}")
        out[name] = value
    return out


def derive(secret: str, salt: bytes, kdf: dict[str, Any]) -> bytes:
    if kdf.get("alg") != "argon2id":
        raise ValueError(f"unknown KDF {kdf.get('alg')}")
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_kib"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


@dataclass
class Slot:
    id: str
    label: str
    kind: str  # "passphrase" | "recovery"
    kdf: dict[str, Any]
    salt: bytes
    nonce: bytes
    wrapped: bytes
    created: str

    def aad(self, register_id: str) -> bytes:
        return json.dumps([register_id, self.id, self.label, self.kind], separators=(",", ":")).encode()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "kind": self.kind,
            "kdf": self.kdf,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
            "created": self.created,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        if not isinstance(data, dict):
            raise ValueError("a key slot is not an object")
        kind = str(data["kind"])
        if kind not in ("passphrase", "recovery"):
            raise ValueError(f"unknown slot kind {kind!r}")
        return cls(
            id=str(data["id"]),
            label=str(data["label"]),
            kind=kind,
            kdf=checked_kdf(data["kdf"]),
            salt=_unb64(data["salt"]),
            nonce=_unb64(data["nonce"]),
            wrapped=_unb64(data["wrapped"]),
            created=str(data["created"]),
        )


@dataclass
class KeyFile:
    """The sidecar's content: the register id and its slots."""

    register_id: str
    slots: list[Slot] = field(default_factory=list)
    kdf: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_KDF))
    # The audit anchor (security/anchor.py), authenticated by the register key; None before the first.
    anchor: dict[str, Any] | None = None
    # SQLCipher's salt of the database these slots open (hex): tells "another register's key file"
    # from "a damaged register" when the key does not open the database.
    db_salt: str | None = None

    # ---- persistence -------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> KeyFile:
        path = Path(path)
        if not path.exists():
            raise SidecarMissing(path=str(path))
        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_KEYFILE_BYTES + 1)
        except IsADirectoryError:
            raise SidecarDamaged(path=str(path), reason="it is a folder, not a file") from None
        except OSError as exc:
            raise SidecarDamaged(path=str(path), reason=exc.strerror or str(exc)) from None
        try:
            if len(raw) > MAX_KEYFILE_BYTES:
                raise ValueError(f"larger than {MAX_KEYFILE_BYTES // 1024} KiB, a key file is a few KiB")
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError(f"it holds a JSON {type(data).__name__}, not a key file object")
            if data.get("format") != FORMAT:
                raise ValueError(f"unknown format {data.get('format')!r}")
            if not isinstance(data.get("slots"), list):
                raise ValueError("no list of key slots")
            slots = [Slot.from_json(s) for s in data["slots"]]
            if not slots:
                raise ValueError("no key slot")
            anchor = data.get("anchor")
            salt = data.get("db_salt")
            return cls(
                register_id=str(data["register_id"]),
                slots=slots,
                anchor=anchor if isinstance(anchor, dict) else None,
                db_salt=str(salt) if isinstance(salt, str) else None,
            )
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
            raise SidecarDamaged(path=str(path), reason=str(exc) or type(exc).__name__) from None

    def dumps(self) -> str:
        data: dict[str, Any] = {
            "format": FORMAT,
            "register_id": self.register_id,
            "slots": [s.to_json() for s in self.slots],
        }
        if self.db_salt:
            data["db_salt"] = self.db_salt
        if self.anchor is not None:
            data["anchor"] = self.anchor
        return json.dumps(data, indent=1)

    def save(self, path: Path) -> None:
        atomic_write(Path(path), self.dumps().encode("utf-8"))

    # ---- slots -------------------------------------------------------
    def labels(self) -> list[str]:
        return [s.label for s in self.slots]

    def _make_slot(self, label: str, kind: str, secret: str, raw_key: bytes) -> Slot:
        salt = os.urandom(16)
        nonce = os.urandom(12)
        slot = Slot(
            id=uuid.uuid4().hex,
            label=label,
            kind=kind,
            kdf=dict(self.kdf),
            salt=salt,
            nonce=nonce,
            wrapped=b"",
            created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        wrapping_key = derive(secret, salt, slot.kdf)
        slot.wrapped = AESGCM(wrapping_key).encrypt(nonce, raw_key, slot.aad(self.register_id))
        return slot

    def add_passphrase_slot(self, label: str, passphrase: str, raw_key: bytes) -> Slot:
        label = label.strip()
        if not label:
            raise ValueError("a slot needs a label")
        check_passphrase(passphrase)
        if label in self.labels():
            raise SlotExists(label=label)
        slot = self._make_slot(label, "passphrase", passphrase, raw_key)
        self.slots.append(slot)
        return slot

    def set_recovery_key(self, recovery_key: str, raw_key: bytes) -> Slot:
        self.slots = [s for s in self.slots if s.kind != "recovery"]
        slot = self._make_slot("recovery", "recovery", recovery_key, raw_key)
        self.slots.append(slot)
        return slot

    def find(self, label: str) -> Slot:
        for slot in self.slots:
            if slot.label == label:
                return slot
        raise SlotNotFound(label=label, labels=", ".join(self.labels()))

    def change_passphrase(self, label: str, new_passphrase: str, raw_key: bytes) -> None:
        check_passphrase(new_passphrase)
        old = self.find(label)
        fresh = self._make_slot(label, old.kind, new_passphrase, raw_key)
        self.slots[self.slots.index(old)] = fresh

    def remove(self, label: str) -> None:
        slot = self.find(label)
        passphrase_slots = [s for s in self.slots if s.kind == "passphrase"]
        if slot.kind == "passphrase" and len(passphrase_slots) == 1:
            raise LastSlot(label=label)
        self.slots.remove(slot)

    def unwrap(self, slot: Slot, secret: str) -> bytes:
        key = derive(secret, slot.salt, slot.kdf)
        try:
            raw = AESGCM(key).decrypt(slot.nonce, slot.wrapped, slot.aad(self.register_id))
        except InvalidTag:
            raise WrongPassphrase(label=slot.label) from None
        if len(raw) != KEY_BYTES:
            raise WrongPassphrase(label=slot.label)
        return raw

    def unlock(self, secret: str, label: str | None = None) -> tuple[bytes, Slot]:
        """Find the slot the secret opens: the named one, else the recovery key, else each passphrase slot."""
        if label is not None and label in self.labels():
            slot = self.find(label)
            return self.unwrap(slot, secret), slot
        recovery = normalise_recovery_key(secret)
        if recovery is not None:
            for slot in self.slots:
                if slot.kind == "recovery":
                    try:
                        return self.unwrap(slot, recovery), slot
                    except WrongPassphrase:
                        break  # a passphrase that merely looks like a recovery key: try the slots
        for slot in self.slots:
            if slot.kind != "passphrase":
                continue
            try:
                return self.unwrap(slot, secret), slot
            except WrongPassphrase:
                continue
        raise WrongPassphrase(label=None)


def new_keyfile() -> KeyFile:
    return KeyFile(register_id=uuid.uuid4().hex)
