"""Key slots, the sidecar, wrong passphrases, damaged files and the OS keyring."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dsar_desktop.security import os_keyring
from dsar_desktop.security.keyslots import (
    KeyFile,
    LastSlot,
    PassphraseTooShort,
    SidecarDamaged,
    SidecarMissing,
    SlotExists,
    WrongPassphrase,
    normalise_recovery_key,
    sidecar_path,
)
from dsar_desktop.services import register as svc
from dsar_desktop.store.errors import RegisterAlreadyOpen, RegisterDamaged, RegisterExists, RegisterNotFound

PASS = "correct horse battery staple"


@pytest.fixture
def created(tmp_path: Path):  # type: ignore[no-untyped-def]
    result = svc.create_register(tmp_path / "r.dsar", "alice", PASS)
    result.register.close()
    return tmp_path / "r.dsar", result.recovery_key


def test_unlock_with_passphrase_and_recovery_key(created):  # type: ignore[no-untyped-def]
    path, recovery = created
    with svc.unlock_register(path, PASS) as reg:
        assert reg.actor == "alice"
    # Typed in lower case with spaces instead of dashes still works.
    with svc.unlock_register(path, recovery.lower().replace("-", " ")) as reg:
        assert reg.actor == "recovery"


def test_wrong_passphrase_is_its_own_error_and_changes_nothing(created):  # type: ignore[no-untyped-def]
    path, _ = created
    before = (path.read_bytes(), sidecar_path(path).read_bytes())
    with pytest.raises(WrongPassphrase) as info:
        svc.unlock_register(path, "not the passphrase at all")
    assert info.value.exit_code == 2
    assert "Wrong passphrase" in str(info.value)
    assert "incorrecte" in info.value.describe("fr")
    assert (path.read_bytes(), sidecar_path(path).read_bytes()) == before


def test_short_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(PassphraseTooShort):
        svc.create_register(tmp_path / "r.dsar", "alice", "short")
    assert not (tmp_path / "r.dsar").exists()


def test_create_refuses_existing_register(created):  # type: ignore[no-untyped-def]
    path, _ = created
    with pytest.raises(RegisterExists):
        svc.create_register(path, "bob", PASS)


def test_slots_add_and_change_without_touching_the_database_and_removal_rekeys(created):  # type: ignore[no-untyped-def]
    path, _ = created
    with svc.unlock_register(path, PASS) as reg:
        original_key = reg.raw_key
        svc.add_slot(reg, "bob", "bob's own passphrase")
        with pytest.raises(SlotExists):
            svc.add_slot(reg, "bob", "another passphrase!")
        svc.change_slot(reg, "alice", "alice's new passphrase")
    assert svc.unlock_key(path, "bob's own passphrase")[0] == original_key
    assert {s["label"] for s in svc.list_slots(path)} == {"alice", "bob", "recovery"}
    with pytest.raises(WrongPassphrase):
        svc.unlock_register(path, PASS, "alice")
    with svc.unlock_register(path, "bob's own passphrase", "bob") as reg:
        svc.remove_slot(reg, "alice")
        with pytest.raises(LastSlot):
            svc.remove_slot(reg, "bob")
    with pytest.raises(WrongPassphrase):
        svc.unlock_register(path, "alice's new passphrase")
    # Adding and changing never re-encrypted the database; removing re-keyed it (revocation).
    assert svc.unlock_key(path, "bob's own passphrase")[0] != original_key
    with svc.unlock_register(path, "bob's own passphrase") as reg:
        actions = [r[0] for r in reg.query("SELECT action FROM audit ORDER BY seq")]
    assert actions == ["register.created", "slot.added", "slot.changed", "slot.removed", "register.rekeyed"]


def test_missing_sidecar(created):  # type: ignore[no-untyped-def]
    path, _ = created
    sidecar_path(path).unlink()
    with pytest.raises(SidecarMissing) as info:
        svc.unlock_register(path, PASS)
    assert "key file" in str(info.value)


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: "not json at all",
        lambda text: json.dumps({**json.loads(text), "format": 99}),
        lambda text: json.dumps({**json.loads(text), "slots": []}),
    ],
    ids=["truncated", "garbage", "unknown-format", "no-slots"],
)
def test_damaged_sidecar(created, damage) -> None:  # type: ignore[no-untyped-def]
    path, _ = created
    keys = sidecar_path(path)
    keys.write_text(damage(keys.read_text()))
    before = path.read_bytes()
    with pytest.raises(SidecarDamaged):
        svc.unlock_register(path, PASS)
    assert path.read_bytes() == before


def test_tampered_slot_label_is_rejected(created):  # type: ignore[no-untyped-def]
    path, _ = created
    keys = sidecar_path(path)
    data = json.loads(keys.read_text())
    data["slots"][0]["label"] = "mallory"
    keys.write_text(json.dumps(data))
    with pytest.raises(WrongPassphrase):
        svc.unlock_register(path, PASS, "mallory")


def test_truncated_register(created):  # type: ignore[no-untyped-def]
    path, _ = created
    data = path.read_bytes()
    path.write_bytes(data[:1000])
    with pytest.raises(RegisterDamaged) as info:
        svc.unlock_register(path, PASS)
    assert "damaged" in str(info.value)


def test_missing_register(tmp_path: Path) -> None:
    with pytest.raises(RegisterNotFound):
        svc.unlock_register(tmp_path / "nowhere.dsar", PASS)


def test_second_open_names_host_and_process_and_stale_lock_recovers(created):  # type: ignore[no-untyped-def]
    path, _ = created
    with svc.unlock_register(path, PASS):
        with pytest.raises(RegisterAlreadyOpen) as info:
            svc.unlock_register(path, PASS)
        assert str(os.getpid()) in str(info.value)
        assert os.uname().nodename in str(info.value)
    # A lock file left behind by a crashed process (no flock held) does not block.
    lock = path.with_name(path.name + ".lock")
    lock.write_text(json.dumps({"host": "elsewhere", "pid": 999999, "since": "2026-01-01"}))
    with svc.unlock_register(path, PASS) as reg:
        assert reg.actor == "alice"


def test_recovery_key_form() -> None:
    assert normalise_recovery_key("abcd-efgh") is None
    key = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"
    assert normalise_recovery_key(key.lower().replace("-", "")) == key


def test_keyring_remembers_only_in_a_secure_store(created, memory_keyring, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path, _ = created
    with svc.unlock_register(path, PASS) as reg:
        assert svc.remember_on_workstation(reg).usable
        key = reg.raw_key
    assert svc.recall_from_workstation(path) == key
    with svc.open_with_key(path, key, "alice") as reg:
        assert reg.query_one("SELECT count(*) FROM audit")[0] >= 1

    import keyring.backends.fail

    monkeypatch.setattr(os_keyring.keyring, "get_keyring", lambda: keyring.backends.fail.Keyring())
    status = os_keyring.status()
    assert not status.usable and "no secure key store" in status.reason_en
    assert svc.recall_from_workstation(path) is None


def test_plaintext_keyring_backend_is_not_secure(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    class PlaintextKeyring:
        priority = 1

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    monkeypatch.setattr(os_keyring.keyring, "get_keyring", lambda: PlaintextKeyring())
    assert not os_keyring.status().usable


def test_keyfile_round_trip(tmp_path: Path) -> None:
    raw = os.urandom(32)
    kf = KeyFile(register_id="abc")
    kf.add_passphrase_slot("alice", PASS, raw)
    kf.save(tmp_path / "k")
    assert (tmp_path / "k").stat().st_mode & 0o777 == 0o600
    loaded = KeyFile.load(tmp_path / "k")
    assert loaded.unlock(PASS)[0] == raw


def test_a_passphrase_shaped_like_a_recovery_key_still_opens_its_slot(tmp_path: Path) -> None:
    lookalike = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"
    assert normalise_recovery_key(lookalike) is not None
    created = svc.create_register(tmp_path / "r.dsar", "alice", lookalike)
    created.register.close()
    with svc.unlock_register(tmp_path / "r.dsar", lookalike) as reg:
        assert reg.actor == "alice"
