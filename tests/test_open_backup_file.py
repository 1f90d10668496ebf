"""A .dsarbak opened from the file manager (the installers' file association): restored as a new register."""

from __future__ import annotations

from pathlib import Path

from dsar_desktop import app
from dsar_desktop.services.register import backup_register, create_register, unlock_register
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.restore import restore_backup

PASSPHRASE = "a long enough office passphrase"


def _backup(tmp_path: Path) -> Path:
    created = create_register(tmp_path / "office.dsar", "alice", PASSPHRASE)
    try:
        return backup_register(created.register, tmp_path / "office.dsarbak")
    finally:
        created.register.close()


def test_a_backup_file_is_restored_where_the_person_says_and_opens(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    backup = _backup(tmp_path)
    target = tmp_path / "new-pc" / "restored.dsar"
    target.parent.mkdir()
    dialogs = ScriptedDialogs()
    dialogs.answers += [True, str(target)]
    assert restore_backup(dialogs, backup) == target
    assert dialogs.shown[-1][0] == "info" and str(target) in dialogs.shown[-1][1]
    register = unlock_register(target, PASSPHRASE)
    register.close()


def test_nothing_is_written_when_the_person_declines_or_the_file_is_not_a_backup(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    backup = _backup(tmp_path)
    dialogs = ScriptedDialogs()
    dialogs.answers += [False]
    assert restore_backup(dialogs, backup) is None
    fake = tmp_path / "holiday-photos.dsarbak"
    fake.write_bytes(b"not a zip")
    dialogs.answers += [True, str(tmp_path / "x.dsar")]
    assert restore_backup(dialogs, fake) is None
    assert dialogs.shown[-1][0] == "error" and not (tmp_path / "x.dsar").exists()


def test_the_command_line_hands_a_backup_to_the_gui_and_a_register_as_the_register(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    calls = []
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(app, "workstation_file", lambda: tmp_path / "desktop.json")
    monkeypatch.setattr(
        app, "run_gui", lambda path, hint, language, config, backup=None: calls.append((path, backup)) or 0
    )
    assert app.main([str(tmp_path / "b.dsarbak")]) == 0
    assert calls[-1][1] == tmp_path / "b.dsarbak"
    assert app.main([str(tmp_path / "other.dsar")]) == 0
    assert calls[-1] == (tmp_path / "other.dsar", None)
