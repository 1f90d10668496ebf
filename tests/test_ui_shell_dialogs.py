"""Settings (service and dialog) and the key slots dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dsar_desktop.domain.errors import InvalidInput
from dsar_desktop.security.keyslots import WrongPassphrase
from dsar_desktop.services import register as register_service
from dsar_desktop.services.settings import current_settings, update_settings
from dsar_desktop.store import audit
from dsar_desktop.store.connection import Register
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.settings_dialog import SettingsDialog
from dsar_desktop.ui.slots_dialog import SlotsDialog

PASSPHRASE = "correct horse battery staple"  # as in conftest


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("fr")


@pytest.fixture
def keyed(tmp_path: Path) -> Iterator[Register]:
    created = register_service.create_register(tmp_path / "office.dsar", "alice", PASSPHRASE)
    yield created.register
    created.register.close()


def audit_actions(register: Register) -> list[tuple[str, dict]]:
    return [(e.action, e.details) for e in audit.entries(register.conn)]


# ---- settings service ---------------------------------------------------------------
def test_update_settings_stores_only_changes_with_one_audit_entry(register: Register) -> None:
    assert current_settings(register)["calendar"] == "national"
    changed = update_settings(
        register, {"calendar": "alsace-moselle", "idle_lock_minutes": 10, "backups_kept": 3}
    )
    assert changed == {"calendar": "alsace-moselle", "backups_kept": 3}
    assert current_settings(register)["calendar"] == "alsace-moselle"
    assert current_settings(register)["backups_kept"] == 3
    entries = [e for e in audit.entries(register.conn) if e.action == "settings.changed"]
    assert len(entries) == 1 and entries[0].actor == "alice"
    assert entries[0].details == {
        "calendar": {"from": "national", "to": "alsace-moselle"},
        "backups_kept": {"from": 10, "to": 3},
    }
    assert update_settings(register, {"calendar": "alsace-moselle"}) == {}
    assert len([e for e in audit.entries(register.conn) if e.action == "settings.changed"]) == 1
    assert audit.verify_chain(register.conn) >= 1


@pytest.mark.parametrize(
    "values",
    [
        {"calendar": "bavaria"},
        {"ui_language": "de"},
        {"idle_lock_minutes": 0},
        {"backups_kept": "3"},
        {"retention_years": True},
        {"colour": "blue"},
        {"backups_kept": 4, "idle_lock_minutes": 999},
    ],
)
def test_a_bad_setting_changes_nothing(register: Register, values: dict) -> None:
    before = current_settings(register)
    with pytest.raises(InvalidInput) as caught:
        update_settings(register, values)
    assert caught.value.describe("fr") and caught.value.describe("en")
    assert current_settings(register) == before
    assert not [e for e in audit.entries(register.conn) if e.action == "settings.changed"]


# ---- settings dialog ----------------------------------------------------------------
def test_the_settings_dialog_saves_and_reports_what_changed(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(register, ScriptedDialogs())
    qtbot.addWidget(dialog)
    assert dialog.values() == current_settings(register)
    dialog.calendar_combo.setCurrentIndex(dialog.calendar_combo.findData("alsace-moselle"))
    dialog.idle_spin.setValue(3)
    dialog.retention_spin.setValue(6)
    with qtbot.waitSignal(dialog.saved) as blocker:
        dialog.save_button.click()
    assert blocker.args == [{"calendar": "alsace-moselle", "idle_lock_minutes": 3, "retention_years": 6}]
    assert current_settings(register)["retention_years"] == 6
    reopened = SettingsDialog(register, ScriptedDialogs())
    qtbot.addWidget(reopened)
    assert reopened.calendar_combo.currentData() == "alsace-moselle" and reopened.idle_spin.value() == 3


def test_the_settings_dialog_limits_values_to_the_service_ranges(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(register, ScriptedDialogs())
    qtbot.addWidget(dialog)
    dialog.idle_spin.setValue(0)
    assert dialog.idle_spin.value() == 1
    dialog.backups_spin.setValue(10_000)
    assert dialog.backups_spin.value() == 100


# ---- key slots ----------------------------------------------------------------------
def test_slots_dialog_adds_changes_and_removes_a_slot(qtbot, keyed: Register) -> None:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    dialog = SlotsDialog(keyed, dialogs)
    qtbot.addWidget(dialog)
    assert dialog.labels() == ["alice", "recovery"]
    bob_passphrase = "bob's long passphrase"
    dialogs.answers += ["bob", bob_passphrase, bob_passphrase]
    dialog.add_button.click()
    assert dialog.labels() == ["alice", "recovery", "bob"]
    assert dialogs.shown[-1] == ("info", "Slot 'bob' added.")
    with register_service.unlock_register(keyed.path, bob_passphrase, "bob", lock=False) as as_bob:
        assert as_bob.actor == "bob"

    dialog.select("bob")
    assert dialog.change_button.isEnabled()
    newer = "bob's newer passphrase"
    dialogs.answers += [newer, newer]
    dialog.change_button.click()
    assert dialogs.shown[-1] == ("info", "Passphrase of 'bob' changed.")
    register_service.unlock_key(keyed.path, newer, "bob")

    dialog.select("bob")
    dialogs.answers.append(True)  # confirm
    dialog.remove_button.click()
    assert dialog.labels() == ["alice", "recovery"]
    actions = [a for a, _ in audit_actions(keyed)]
    assert actions[-4:] == ["slot.added", "slot.changed", "slot.removed", "register.rekeyed"]
    assert dialogs.shown[-1] == ("info", "Slot 'bob' removed; the register was re-keyed.")


def test_slots_dialog_refuses_mismatched_or_short_passphrases(qtbot, keyed: Register) -> None:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    dialog = SlotsDialog(keyed, dialogs)
    qtbot.addWidget(dialog)
    dialogs.answers += ["carol", "carol's passphrase", "carol's passphrasE"]
    dialog.add_button.click()
    assert dialogs.shown[-1] == ("warn", "The two passphrases are different; nothing was changed.")
    dialogs.answers += ["carol", "short", "short"]
    dialog.add_button.click()
    assert dialogs.shown[-1][0] == "error" and "at least 12 characters" in dialogs.shown[-1][1]
    assert dialog.labels() == ["alice", "recovery"]


def test_the_last_passphrase_slot_cannot_be_removed_and_recovery_slot_is_not_editable(
    qtbot, keyed: Register
) -> None:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    dialog = SlotsDialog(keyed, dialogs)
    qtbot.addWidget(dialog)
    dialog.select("recovery")
    assert not dialog.remove_button.isEnabled() and not dialog.change_button.isEnabled()
    dialog.select("alice")
    dialogs.answers.append(True)
    dialog.remove_button.click()
    assert dialogs.shown[-1][0] == "error" and "last passphrase slot" in dialogs.shown[-1][1]
    assert dialog.labels() == ["alice", "recovery"]


def test_replacing_the_recovery_key_shows_the_new_one_once(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    created = register_service.create_register(tmp_path / "r.dsar", "alice", PASSPHRASE)
    keyed = created.register
    dialogs = ScriptedDialogs()
    dialog = SlotsDialog(keyed, dialogs)
    qtbot.addWidget(dialog)
    dialogs.answers.append(True)
    dialog.recovery_button.click()
    shown = dialog.recovery_dialog
    assert shown is not None and shown.isVisible()
    new_key = shown.view.key
    assert not shown.close_button.isEnabled()
    shown.reject()
    assert shown.isVisible()
    shown.view.confirm_check.setChecked(True)
    shown.close_button.click()
    assert not shown.isVisible()
    register_service.unlock_key(keyed.path, new_key)
    with pytest.raises(WrongPassphrase):
        register_service.unlock_key(keyed.path, created.recovery_key)
    keyed.close()
