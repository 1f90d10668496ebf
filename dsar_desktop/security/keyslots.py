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
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from ..domain.errors import DsarError
from ..fileio import atomic_write

FORMAT = 1
MIN_PASSPHRASE = 12
MIN_SCORE = 3  # zxcvbn: "safely unguessable" against an online attack, ~10^8 guesses, each one Argon2id
MAX_JUDGED = 100  # zxcvbn slows on long inputs; beyond 100 characters length alone is strength
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


class PassphraseBlank(DsarError):
    code = "passphrase_blank"
    en = "A passphrase cannot be only spaces; nothing was changed."
    fr = "Une phrase de passe ne peut pas être faite que d'espaces ; rien n'a été modifié."
    exit_code = 1


class PassphraseTooWeak(DsarError):
    code = "passphrase_too_weak"
    en = (
        "This passphrase is too easy to guess (strength {score} of 4, at least {minimum} needed): it holds a "
        "common word, a keyboard row or a repetition. Add a few unrelated words; nothing was changed."
    )
    fr = (
        "Cette phrase de passe est trop facile à deviner (robustesse {score} sur 4, au moins {minimum} exigé) : "
        "elle contient un mot courant, une suite de touches ou une répétition. Ajoutez quelques mots sans "
        "rapport ; rien n'a été modifié."
    )
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


class SlotDamaged(DsarError):
    code = "slot_damaged"
    en = (
        "The passphrase is right but the key slot '{label}' is damaged (its sealed register key does not "
        "decrypt). Use another slot or the recovery key, or restore the key file from a backup."
    )
    fr = (
        "La phrase de passe est juste mais l'emplacement de clé « {label} » est endommagé (la clé du registre "
        "qu'il scelle ne se déchiffre pas). Utilisez un autre emplacement ou la clé de secours, ou restaurez le "
        "fichier de clés depuis une sauvegarde."
    )
    exit_code = 5


class SlotsNeedUpgrade(DsarError):
    code = "slots_need_upgrade"
    en = (
        "The register cannot be re-keyed yet: the key slots {labels} are of the first format and can only be "
        "re-wrapped with their passphrase. Have each of them unlock the register once (or replace the recovery "
        "key with 'dsar slot recovery'), then try again; nothing was changed."
    )
    fr = (
        "Le registre ne peut pas encore être rechiffré : les emplacements de clé {labels} sont de l'ancien "
        "format et ne peuvent être ré-enveloppés qu'avec leur phrase de passe. Que chacun déverrouille le "
        "registre une fois (ou remplacez la clé de secours avec « dsar slot recovery »), puis recommencez ; "
        "rien n'a été modifié."
    )
    exit_code = 1


class RecoveryOnlyByRecoveryKey(DsarError):
    code = "recovery_only_by_recovery_key"
    en = (
        "The recovery slot can only be replaced by a new recovery key, never by a passphrase: use "
        "'dsar slot recovery' (or Replace the recovery key… in the Key slots window); nothing was changed."
    )
    fr = (
        "L'emplacement de secours ne peut être remplacé que par une nouvelle clé de secours, jamais par une "
        "phrase de passe : utilisez « dsar slot recovery » (ou Remplacer la clé de secours… dans la fenêtre des "
        "emplacements de clé) ; rien n'a été modifié."
    )
    exit_code = 1


class RecoveryRemovalUnconfirmed(DsarError):
    code = "recovery_removal_unconfirmed"
    en = (
        "Removing the recovery key leaves no way into the register if every passphrase is forgotten. "
        "Confirm with --yes if that is really wanted; nothing was changed."
    )
    fr = (
        "Supprimer la clé de secours ne laisse plus aucun moyen d'ouvrir le registre si toutes les phrases de "
        "passe sont oubliées. Confirmez avec --yes si c'est vraiment voulu ; rien n'a été modifié."
    )
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


@dataclass(frozen=True)
class Strength:
    """What the UI shows while a new passphrase is typed, and what check_passphrase enforces."""

    ok: bool
    score: int  # zxcvbn's 0..4; MIN_SCORE needed
    en: str
    fr: str


def passphrase_strength(passphrase: str) -> Strength:
    """Length first, never blank, then zxcvbn's estimate of how many guesses it would take."""
    if not passphrase.strip():
        return Strength(False, 0, "Only spaces: type words or characters.", "Rien que des espaces : tapez des mots ou des caractères.")
    if len(passphrase) < MIN_PASSPHRASE:
        return Strength(
            False, 0,
            f"Too short: {len(passphrase)} of at least {MIN_PASSPHRASE} characters.",
            f"Trop courte : {len(passphrase)} caractères sur au moins {MIN_PASSPHRASE}.",
        )  # fmt: skip
    from zxcvbn import zxcvbn  # ~30 ms per call; imported when a passphrase is actually judged

    score = int(zxcvbn(passphrase[:MAX_JUDGED])["score"])
    if score < MIN_SCORE:
        return Strength(
            False, score,
            "Too easy to guess (a common word, a keyboard row, a repetition): add a few unrelated words.",
            "Trop facile à deviner (mot courant, suite de touches, répétition) : ajoutez quelques mots sans rapport.",
        )  # fmt: skip
    if score == MIN_SCORE:
        return Strength(True, score, "Good enough; one more word makes it strong.", "Suffisante ; un mot de plus la rendrait robuste.")
    return Strength(True, score, "Strong.", "Robuste.")


def check_passphrase(passphrase: str) -> None:
    if not passphrase.strip():
        raise PassphraseBlank()
    if len(passphrase) < MIN_PASSPHRASE:
        raise PassphraseTooShort(minimum=MIN_PASSPHRASE, length=len(passphrase))
    strength = passphrase_strength(passphrase)
    if not strength.ok:
        raise PassphraseTooWeak(score=strength.score, minimum=MIN_SCORE)


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
    wrapped: bytes  # v1: the register key; v2: the slot's X25519 private key (passphrase-wrapped)
    created: str
    # v2 slots: the register key is sealed to the slot's public key, so a re-key can
    # re-wrap every remaining slot without knowing anyone's passphrase.
    public: bytes | None = None
    sealed: dict[str, bytes] | None = None

    def aad(self, register_id: str) -> bytes:
        return json.dumps([register_id, self.id, self.label, self.kind], separators=(",", ":")).encode()

    def seal_key(self, register_id: str, raw_key: bytes) -> None:
        """(Re)wrap the register key for this slot from its public key alone."""
        if self.public is None:
            raise ValueError("a slot of the first format cannot be re-wrapped without its passphrase")
        ephemeral = X25519PrivateKey.generate()
        kek = _sealing_key(ephemeral.exchange(X25519PublicKey.from_public_bytes(self.public)), self.aad(register_id))
        nonce = os.urandom(12)
        epk = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.sealed = {"epk": epk, "nonce": nonce, "ct": AESGCM(kek).encrypt(nonce, raw_key, self.aad(register_id))}

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
            **(
                {"public": _b64(self.public), "sealed": {k: _b64(v) for k, v in self.sealed.items()}}
                if self.public is not None and self.sealed is not None
                else {}
            ),
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
            public=_unb64(data["public"]) if "public" in data else None,
            sealed={k: _unb64(data["sealed"][k]) for k in ("epk", "nonce", "ct")} if "public" in data else None,
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
    # During a re-key: the remaining slots wrapped for the new key, written before the database
    # switches, so a crash between the two leaves a key file that opens whichever key won.
    pending: list[Slot] | None = None

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
            pending = data.get("pending_slots")
            return cls(
                register_id=str(data["register_id"]),
                slots=slots,
                pending=[Slot.from_json(s) for s in pending] if isinstance(pending, list) else None,
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
        if self.pending is not None:
            data["pending_slots"] = [s.to_json() for s in self.pending]
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
        private = X25519PrivateKey.generate()
        slot.public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        wrapping_key = derive(secret, salt, slot.kdf)
        private_bytes = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        slot.wrapped = AESGCM(wrapping_key).encrypt(nonce, private_bytes, slot.aad(self.register_id))
        slot.seal_key(self.register_id, raw_key)
        return slot

    def rewrapped(self, new_key: bytes, without: str | None = None) -> list[Slot]:
        """Every slot but `without`, re-wrapped for a new register key (copies; this key file is unchanged)."""
        legacy = [s.label for s in self.slots if s.public is None and s.label != without]
        if legacy:
            raise SlotsNeedUpgrade(labels=", ".join(legacy))
        out = []
        for slot in self.slots:
            if slot.label == without:
                continue
            copy = Slot(**{**slot.__dict__})
            copy.seal_key(self.register_id, new_key)
            out.append(copy)
        return out

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
        old = self.find(label)
        if old.kind == "recovery":
            raise RecoveryOnlyByRecoveryKey()
        check_passphrase(new_passphrase)
        fresh = self._make_slot(label, old.kind, new_passphrase, raw_key)
        self.slots[self.slots.index(old)] = fresh

    def remove(self, label: str, *, confirmed: bool = False) -> None:
        slot = self.find(label)
        if slot.kind == "recovery" and not confirmed:
            raise RecoveryRemovalUnconfirmed()
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
        if slot.public is not None and slot.sealed is not None:
            raw = open_sealed(slot, raw, self.register_id)
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


def _sealing_key(shared: bytes, aad: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"dsar-desktop slot " + aad).derive(shared)


def open_sealed(slot: Slot, private_bytes: bytes, register_id: str) -> bytes:
    """The register key sealed in a v2 slot, from the slot's private key."""
    assert slot.sealed is not None
    try:
        private = X25519PrivateKey.from_private_bytes(private_bytes)
        shared = private.exchange(X25519PublicKey.from_public_bytes(slot.sealed["epk"]))
        kek = _sealing_key(shared, slot.aad(register_id))
        return AESGCM(kek).decrypt(slot.sealed["nonce"], slot.sealed["ct"], slot.aad(register_id))
    except (InvalidTag, ValueError):
        raise SlotDamaged(label=slot.label) from None


def new_keyfile() -> KeyFile:
    return KeyFile(register_id=uuid.uuid4().hex)
