"""Settings (service and dialog) and the key slots dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from dsar_desktop.domain.errors import InvalidInput
from dsar_desktop.security.keyslots import WrongPassphrase
from dsar_desktop.services import register as register_service
from dsar_desktop.services.settings import current_settings, update_settings
from dsar_desktop.store import audit
from dsar_desktop.store.connection import Register
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.settings_dialog import SettingsDialog
from dsar_desktop.ui.slots_dialog import NewPassphraseDialog, SlotsDialog

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
def fill(name: str | None, passphrase: str, again: str | None = None):  # type: ignore[no-untyped-def]
    """A scripted answer for the new-passphrase dialog: what a person would type in its fields."""

    def answer(dialog: NewPassphraseDialog) -> None:
        if name is not None:
            dialog.name_edit.setText(name)
        dialog.fields.first.setText(passphrase)
        dialog.fields.second.setText(passphrase if again is None else again)

    return answer


def test_slots_dialog_adds_changes_and_removes_a_slot(qtbot, keyed: Register) -> None:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    dialog = SlotsDialog(keyed, dialogs)
    qtbot.addWidget(dialog)
    assert dialog.labels() == ["alice", "recovery"]
    bob_passphrase = "bob's long passphrase"
    dialogs.answers.append(fill("bob", bob_passphrase))
    dialog.add_button.click()
    assert dialog.labels() == ["alice", "recovery", "bob"]
    assert dialogs.shown[-2:] == [("dialog", "New slot"), ("info", "Slot 'bob' added.")]
    with register_service.unlock_register(keyed.path, bob_passphrase, "bob", lock=False) as as_bob:
        assert as_bob.actor == "bob"

    dialog.select("bob")
    assert dialog.change_button.isEnabled()
    newer = "bob's newer passphrase"
    dialogs.answers.append(fill(None, newer))
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


def test_slots_dialog_refuses_mismatched_short_or_taken_and_keeps_what_was_typed(
    qtbot, keyed: Register
) -> None:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    dialog = SlotsDialog(keyed, dialogs)
    qtbot.addWidget(dialog)
    seen: list[NewPassphraseDialog] = []

    def keep(answer):  # type: ignore[no-untyped-def]
        def run(form: NewPassphraseDialog) -> None:
            answer(form)
            seen.append(form)

        return run

    dialogs.answers.append(keep(fill("carol", "carol's passphrase", "carol's passphrasE")))
    dialog.add_button.click()
    assert (
        not seen[-1].ok_button.isEnabled()
        and seen[-1].fields.hint.text() == "The two passphrases are different."
    )
    dialogs.answers.append(keep(fill("carol", "short")))
    dialog.add_button.click()
    assert not seen[-1].ok_button.isEnabled()
    assert seen[-1].fields.hint.text() == "Too short: 5 of at least 12 characters."
    # A name already taken: the service refuses, the sentence shows in the dialog, nothing typed is lost.
    dialogs.answers.append(keep(fill("alice", "a different long passphrase")))
    dialog.add_button.click()
    taken = seen[-1]
    assert taken.result() != QDialog.DialogCode.Accepted
    assert not taken.problem.isHidden() and "already exists" in taken.problem.text()
    assert taken.name() == "alice" and taken.fields.passphrase() == "a different long passphrase"
    assert dialog.labels() == ["alice", "recovery"]
    assert not any(kind == "info" for kind, _ in dialogs.shown)


def test_the_slots_dialog_shows_the_strength_as_a_passphrase_is_typed(qtbot, keyed: Register) -> None:  # type: ignore[no-untyped-def]
    """Typed key by key: a weak passphrase keeps OK disabled with a red meter, a strong one enables it."""
    dialogs = ScriptedDialogs()
    dialog = SlotsDialog(keyed, dialogs)
    qtbot.addWidget(dialog)
    states: list[tuple[str, int, str, bool]] = []

    def type_weak_then_strong(form: NewPassphraseDialog) -> None:
        fields = form.fields
        assert not form.ok_button.isEnabled()
        assert fields.level() == "empty" and fields.meter.value() == 0
        qtbot.keyClicks(form.name_edit, "dave")
        for weak in ("password1234", "qwertyuiopas"):
            qtbot.keyClicks(fields.first, weak)
            qtbot.keyClicks(fields.second, weak)
            states.append(
                (fields.level(), fields.meter.value(), fields.hint.text(), form.ok_button.isEnabled())
            )
            fields.first.clear()
            fields.second.clear()
        strong = "tram violet quarry sextant 47"
        qtbot.keyClicks(fields.first, strong)
        states.append((fields.level(), fields.meter.value(), fields.hint.text(), form.ok_button.isEnabled()))
        qtbot.keyClicks(fields.second, strong)
        states.append((fields.level(), fields.meter.value(), fields.hint.text(), form.ok_button.isEnabled()))

    dialogs.answers.append(type_weak_then_strong)
    dialog.add_button.click()
    for level, value, hint, ok in states[:2]:
        assert (level, ok) == ("weak", False) and value < 3
        assert hint.startswith("Too easy to guess")
    typed_once, typed_twice = states[2], states[3]
    assert typed_once[0] == "strong" and typed_once[1] == 4 and typed_once[2] == "Strong."
    assert typed_once[3] is False  # the second field is still empty
    assert typed_twice == ("strong", 4, "Strong.", True)
    assert dialog.labels() == ["alice", "recovery", "dave"]
    register_service.unlock_key(keyed.path, "tram violet quarry sextant 47", "dave")


def test_the_strength_meter_speaks_french(qtbot) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("fr")
    form = NewPassphraseDialog("Nouvel emplacement", lambda _name, _passphrase: None)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.fields.first, "court")
    assert (
        form.fields.hint.text().startswith("Trop courte")
        and "5 caractères sur au moins 12" in form.fields.hint.text()
    )
    assert form.fields.level() == "weak" and not form.ok_button.isEnabled()
    assert form.ok_button.text() == "Ajouter l'emplacement"
    assert form.fields.meter.accessibleName() == "Robustesse de la phrase de passe"


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
