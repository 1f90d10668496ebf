"""Nothing overwritten by accident, passphrases that hold, the recovery slot kept for recovery, the exact keyring.

Each test replays one finding of issue 9 through the `dsar` command where one exists.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import MemoryKeyring, run_cli

from dsar_desktop.security import os_keyring
from dsar_desktop.security.keyslots import sidecar_path

PASS = "correct horse battery staple"


def dsar(capsys: pytest.CaptureFixture[str], path: Path, pf: Path, *argv: str) -> tuple[int, Any, str]:
    return run_cli(capsys, "--register", str(path), "--passphrase-file", str(pf), "--json", *argv)


@pytest.fixture
def reg_path(tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path) -> Path:
    path = tmp_path / "r.dsar"
    code, _out, err = dsar(capsys, path, passphrase_file, "init", "--label", "alice")
    assert code == 0, err
    return path


# ---- backup --out -------------------------------------------------------------------------------
def test_backup_never_overwrites_the_register_or_its_key_file_even_forced(
    reg_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    before = (reg_path.read_bytes(), sidecar_path(reg_path).read_bytes())
    for target in (reg_path, sidecar_path(reg_path)):
        for extra in ((), ("--force",)):
            code, _out, err = dsar(capsys, reg_path, passphrase_file, "backup", "--out", str(target), *extra)
            assert code == 1, err
            assert "never written over them" in err
    assert sidecar_path(reg_path).read_bytes() == before[1]
    code, out, err = dsar(capsys, reg_path, passphrase_file, "verify")
    assert code == 0 and out["ok"] is True


def test_backup_refuses_an_existing_file_unless_forced_and_a_folder(
    reg_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    other = tmp_path / "thesis.odt"
    other.write_bytes(b"years of work")
    code, _out, err = dsar(capsys, reg_path, passphrase_file, "backup", "--out", str(other))
    assert code == 1 and "already exists" in err and "--force" in err
    assert other.read_bytes() == b"years of work"
    code, _out, err = dsar(capsys, reg_path, passphrase_file, "backup", "--out", str(tmp_path))
    assert code == 1 and "is a folder" in err
    code, out, err = dsar(capsys, reg_path, passphrase_file, "backup", "--out", str(other), "--force")
    assert code == 0, err
    assert other.read_bytes().startswith(b"PK")


# ---- passphrases and the recovery slot ---------------------------------------------------------
@pytest.mark.parametrize(
    ("secret", "words"),
    [(" " * 12, "only spaces"), ("aaaaaaaaaaaa", "too easy to guess"), ("passwordpassword", "too easy to guess")],
)
def test_weak_or_blank_passphrases_are_refused_at_init(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], secret: str, words: str
) -> None:
    pf = tmp_path / "weak.txt"
    pf.write_text(secret)
    path = tmp_path / "weak.dsar"
    code, _out, err = dsar(capsys, path, pf, "init")
    assert code == 1 and words in err.lower()
    assert not path.exists() and not sidecar_path(path).exists()


def test_strength_is_reported_for_the_ui_while_typing() -> None:
    from dsar_desktop.security.keyslots import passphrase_strength

    assert not passphrase_strength("   ").ok
    assert not passphrase_strength("short").ok
    weak = passphrase_strength("azertyuiop123")
    assert not weak.ok and weak.fr.startswith("Trop facile")
    assert passphrase_strength(PASS).ok


def test_the_recovery_slot_is_never_turned_into_a_passphrase_and_goes_only_when_confirmed(
    reg_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    new = tmp_path / "new.txt"
    new.write_text("a brand new passphrase")
    code, _out, err = dsar(capsys, reg_path, passphrase_file, "slot", "change", "recovery", "--new-passphrase-file", str(new))
    assert code == 1 and "only be replaced by a new recovery key" in err
    slots = json.loads(sidecar_path(reg_path).read_text())["slots"]
    assert [s["kind"] for s in slots].count("recovery") == 1
    code, _out, err = dsar(capsys, reg_path, passphrase_file, "slot", "remove", "recovery")
    assert code == 1 and "--yes" in err
    code, _out, err = dsar(capsys, reg_path, passphrase_file, "slot", "remove", "recovery", "--yes")
    assert code == 0, err
    slots = json.loads(sidecar_path(reg_path).read_text())["slots"]
    assert [s["kind"] for s in slots] == ["passphrase"]


# ---- key file inputs: each its own sentence -----------------------------------------------------
def test_a_key_file_that_is_a_json_list_or_asks_absurd_kdf_settings_says_so(
    reg_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    keys = sidecar_path(reg_path)
    good = keys.read_text()
    keys.write_text("[1, 2, 3]")
    code, _out, err = dsar(capsys, reg_path, passphrase_file, "case", "list")
    assert code == 5 and "JSON list" in err and "unexpected" not in err.lower()
    data = json.loads(good)
    data["slots"][0]["kdf"]["memory_kib"] = 1 << 40
    keys.write_text(json.dumps(data))
    code, _out, err = dsar(capsys, reg_path, passphrase_file, "case", "list")
    assert code == 5 and "memory_kib" in err and "outside" in err


def test_a_flipped_bit_in_a_slot_is_not_called_a_wrong_passphrase(
    reg_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    keys = sidecar_path(reg_path)
    data = json.loads(keys.read_text())
    sealed = bytearray(base64.b64decode(data["slots"][0]["sealed"]["ct"]))
    sealed[3] ^= 0x01
    data["slots"][0]["sealed"]["ct"] = base64.b64encode(bytes(sealed)).decode()
    keys.write_text(json.dumps(data))
    code, _out, err = dsar(capsys, reg_path, passphrase_file, "--slot", "alice", "case", "list")
    assert code == 5 and "is damaged" in err and "Wrong passphrase" not in err


def test_a_register_path_that_is_a_folder_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    folder = tmp_path / "office.dsar"
    folder.mkdir()
    code, _out, err = dsar(capsys, folder, passphrase_file, "case", "list")
    assert code == 3 and "is a folder, not a register file" in err and "unexpected" not in err.lower()


# ---- the keyring: the exact backend that would store ------------------------------------------
class PlaintextKeyring(MemoryKeyring):
    dsar_secure_store = False


PlaintextKeyring.__module__ = "keyrings.alt.file"


class _Chainer:
    def __init__(self, backends: list[Any]) -> None:
        self.backends = backends


def test_a_chainer_whose_first_backend_is_plaintext_stores_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    plain, secure = PlaintextKeyring(), MemoryKeyring()
    monkeypatch.setattr(os_keyring.keyring, "get_keyring", lambda: _Chainer([plain, secure]))
    status = os_keyring.remember("abc", b"k" * 32)
    assert status.usable is False and "keyrings.alt.file.PlaintextKeyring" in status.backend
    assert plain.store == {} and secure.store == {}
    monkeypatch.setattr(os_keyring.keyring, "get_keyring", lambda: _Chainer([secure, plain]))
    assert os_keyring.remember("abc", b"k" * 32).usable is True
    assert len(secure.store) == 1 and plain.store == {}
    assert os_keyring.recall("abc") == b"k" * 32


# ---- a read-only register -----------------------------------------------------------------------
def test_a_read_only_register_opens_read_only_and_its_mode_is_never_changed(
    reg_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    import os
    import stat

    code, case, err = dsar(
        capsys, reg_path, passphrase_file, "case", "add", "--received", "2026-11-02", "--channel", "email",
        "--right", "access", "--subject-name", "Jeanne MARTIN", "--subject-email", "jeanne@example.org",
    )  # fmt: skip
    assert code == 0, err
    ref = case["ref"]
    os.chmod(reg_path, 0o400)
    before = reg_path.read_bytes()
    try:
        for argv in (("verify",), ("case", "list"), ("case", "show", ref), ("stats", "--year", "2026")):
            code, _out, err = dsar(capsys, reg_path, passphrase_file, *argv)
            assert code == 0, (argv, err)
        code, _out, err = dsar(capsys, reg_path, passphrase_file, "case", "note", ref, "a note")
        assert code == 11 and "read-only" in err and "Nothing was written" in err
        assert stat.S_IMODE(reg_path.stat().st_mode) == 0o400
        assert reg_path.read_bytes() == before
    finally:
        os.chmod(reg_path, 0o600)


# ---- every read has a limit ------------------------------------------------------------------
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_as_a_scan_is_refused_in_one_sentence(
    reg_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path, tmp_path: Path
) -> None:
    code, _out, err = dsar(capsys, reg_path, passphrase_file, "case", "id-received", "2027-0001", "--file", "/dev/zero")
    assert code == 1 and "not an ordinary file" in err
    from dsar_desktop.services import scans

    endless = tmp_path / "sparse.png"
    with open(endless, "wb") as handle:  # claims 30 MB without the disk space: read stops at the cap
        handle.truncate(30 * 1024 * 1024)
    with pytest.raises(scans.ScanTooLarge):
        scans.read_scan_file(endless)


def test_the_first_run_wizard_shows_the_strength_while_typing(qtbot) -> None:  # type: ignore[no-untyped-def]
    from dsar_desktop.ui import i18n
    from dsar_desktop.ui.first_run import PassphraseFields

    i18n.set_language("en")
    try:
        fields = PassphraseFields()
        qtbot.addWidget(fields)
        for typed in ("aaaaaaaaaaaa", " " * 12):
            fields.first.setText(typed)
            fields.second.setText(typed)
            assert not fields.valid()
        assert "Only spaces" in fields.hint.text()
        fields.first.setText("aaaaaaaaaaaa")
        assert "Too easy to guess" in fields.hint.text()
        fields.first.setText(PASS)
        fields.second.setText(PASS)
        assert fields.valid() and fields.hint.text() in ("Strong.", "Good enough; one more word makes it strong.")
    finally:
        i18n.set_language("fr")
