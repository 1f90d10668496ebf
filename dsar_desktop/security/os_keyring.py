"""Remember a register key in the OS keyring, only when the backend is a real secure store."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

import keyring
import keyring.errors

SERVICE = "dsar-desktop"
_INSECURE_MODULE_PREFIXES = (
    "keyring.backends.fail",
    "keyring.backends.null",
    "keyrings.alt",
    "keyring.backends.chainer",
)


@dataclass(frozen=True)
class KeyringStatus:
    usable: bool
    backend: str
    reason_en: str
    reason_fr: str


def target_backend(backend: Any = None) -> Any:
    """The backend that would actually store a secret: a chainer writes to its first backend
    (highest priority) that accepts, so that one alone is judged and written to."""
    backend = keyring.get_keyring() if backend is None else backend
    seen = 0
    while hasattr(backend, "backends") and seen < 5:
        inner = list(getattr(backend, "backends", None) or [])
        if not inner:
            return None
        backend = inner[0]
        seen += 1
    return backend


def _is_secure(backend: object) -> bool:
    module = type(backend).__module__
    if any(module.startswith(p) for p in _INSECURE_MODULE_PREFIXES):
        return False
    name = type(backend).__name__.lower()
    if any(word in name for word in ("plaintext", "file", "null", "fail", "uncrypted")):
        return False
    # Test doubles declare themselves secure explicitly.
    secure = getattr(backend, "dsar_secure_store", None)
    if secure is not None:
        return bool(secure)
    try:
        priority = float(getattr(backend, "priority", 0))
    except Exception:  # noqa: BLE001 - a backend whose priority check fails is unusable
        return False
    return priority > 0


def status() -> KeyringStatus:
    backend = target_backend()
    name = f"{type(backend).__module__}.{type(backend).__name__}" if backend is not None else "none"
    if backend is not None and _is_secure(backend):
        return KeyringStatus(True, name, "", "")
    return KeyringStatus(
        False,
        name,
        "This workstation has no secure key store (such as GNOME Keyring, KWallet, macOS Keychain or "
        f"Windows Credential Manager; found: {name}), so the passphrase will be asked each time.",
        "Ce poste n'a pas de coffre de clés sécurisé (GNOME Keyring, KWallet, trousseau macOS ou "
        f"gestionnaire d'identification Windows ; trouvé : {name}) ; la phrase de passe sera demandée à chaque fois.",
    )


def _account(register_id: str) -> str:
    return f"register-{register_id}"


def remember(register_id: str, raw_key: bytes) -> KeyringStatus:
    current = status()
    if not current.usable:
        return current
    backend = target_backend()
    try:
        backend.set_password(SERVICE, _account(register_id), base64.b64encode(raw_key).decode())
    except keyring.errors.KeyringError as exc:
        return KeyringStatus(
            False, current.backend, f"The key store refused: {exc}", f"Le coffre a refusé : {exc}"
        )
    return current


def recall(register_id: str) -> bytes | None:
    if not status().usable:
        return None
    try:
        value = target_backend().get_password(SERVICE, _account(register_id))
    except keyring.errors.KeyringError:
        return None
    if not value:
        return None
    try:
        raw = base64.b64decode(value, validate=True)
    except ValueError:
        return None
    return raw if len(raw) == 32 else None


def forget(register_id: str) -> None:
    backend = target_backend()
    if backend is None:
        return
    try:
        backend.delete_password(SERVICE, _account(register_id))
    except keyring.errors.KeyringError:
        pass
