"""A full disk: every write path stops with a clear sentence and leaves nothing half-written."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from dsar_desktop import fileio
from dsar_desktop.cli import main as cli_main
from dsar_desktop.domain.errors import describe
from dsar_desktop.services import register as svc
from dsar_desktop.store import backup

PASS = "correct horse battery staple"


def _disk_full(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_atomic_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "register.dsar.keys"
    target.write_bytes(b"previous content")
    monkeypatch.setattr(fileio.os, "fsync", _disk_full)
    with pytest.raises(OSError) as info:
        fileio.atomic_write(target, b"new content" * 1000)
    assert target.read_bytes() == b"previous content"
    assert [p.name for p in tmp_path.iterdir()] == ["register.dsar.keys"]
    assert "disk is full" in describe(info.value, "en")
    assert "disque est plein" in describe(info.value, "fr")


def test_missing_folder_names_the_folder_not_a_temporary_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as info:
        fileio.atomic_write(tmp_path / "nowhere" / "letter.pdf", b"%PDF")
    assert info.value.filename == str(tmp_path / "nowhere")


def test_slot_change_on_a_full_disk_changes_nothing(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    created = svc.create_register(tmp_path / "r.dsar", "alice", PASS)
    reg = created.register
    keys_before = (tmp_path / "r.dsar.keys").read_bytes()
    audit_before = reg.query_one("SELECT count(*) FROM audit")[0]
    monkeypatch.setattr(fileio.os, "fsync", _disk_full)
    with pytest.raises(OSError):
        svc.change_slot(reg, "alice", "a brand new passphrase")
    monkeypatch.undo()
    assert (tmp_path / "r.dsar.keys").read_bytes() == keys_before
    assert reg.query_one("SELECT count(*) FROM audit")[0] == audit_before  # the audit entry rolled back
    reg.close()
    svc.unlock_register(tmp_path / "r.dsar", PASS).close()


def test_backup_on_a_full_disk_leaves_nothing_and_says_so(
    tmp_path: Path, passphrase_file: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    reg_path = tmp_path / "r.dsar"
    assert cli_main(["--register", str(reg_path), "init", "--passphrase-file", str(passphrase_file)]) == 0
    capsys.readouterr()
    out_dir = tmp_path / "backups"
    out_dir.mkdir()
    monkeypatch.setattr(backup.os, "fsync", _disk_full)
    code = cli_main(
        [
            "--register",
            str(reg_path),
            "--passphrase-file",
            str(passphrase_file),
            "backup",
            "--out",
            str(out_dir / "b.dsarbak"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "disk is full" in err and "Traceback" not in err
    assert list(out_dir.iterdir()) == []
    monkeypatch.undo()
    # The register itself is untouched and still verifies.
    assert cli_main(["--register", str(reg_path), "--passphrase-file", str(passphrase_file), "verify"]) == 0
    assert os.listdir(out_dir) == []
