"""The template editor: live preview after a pause, a broken template shows its line and keeps the last good preview."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dsar_desktop.services import letters
from dsar_desktop.store.connection import Register
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.documents import TemplateEditorDialog
from dsar_desktop.ui.documents.template_editor import DEBOUNCE_MS, HistoryDialog
from dsar_desktop.ui.workers import ImmediateRunner
from tests.conftest import make_case

BROKEN = (
    "{% block subject %}Acknowledgement{% endblock %}\n"
    "{% block body %}\n"
    "{{ salutation }}\n"
    "We received your request {{ case.ref }.\n"
    "{% endblock %}\n"
)
FIXED = BROKEN.replace("{{ case.ref }.", "{{ case.ref }}, dear {{ subject_name }}.")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def editor_for(
    qtbot, register: Register, ref: str | None = None
) -> tuple[TemplateEditorDialog, ScriptedDialogs]:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    editor = TemplateEditorDialog(register, dialogs, ImmediateRunner(), ref=ref)
    qtbot.addWidget(editor)
    return editor, dialogs


def test_broken_template_shows_its_line_and_keeps_the_last_good_preview_then_recovers(
    qtbot, register: Register
) -> None:  # type: ignore[no-untyped-def]
    editor, dialogs = editor_for(qtbot, register)
    editor.choose("acknowledgement", "en")
    assert editor.preview.page_labels, "the shipped template is previewed at once"
    good_pages = list(editor.preview.page_labels)
    assert "fictitious case DSAR-2027-0001" in editor.preview_note.text()

    assert editor.timer.interval() == DEBOUNCE_MS
    with qtbot.waitSignal(editor.preview_failed, timeout=3000) as failed:
        editor.set_source(BROKEN)  # the preview waits for a pause in the typing
        assert editor.timer.isActive()
    assert "line 4" in failed.args[0]
    assert editor.error_bar.isVisibleTo(editor) and "line 4" in editor.error_bar.text()
    assert "never produced half-written" in editor.error_bar.text()
    assert editor.editor.error_line == 4
    assert editor.preview.page_labels == good_pages  # the last good letter stays, no half letter

    # it cannot be saved while broken
    editor.save_button.click()
    assert dialogs.shown[-1][0] == "error" and "cannot be saved" in dialogs.shown[-1][1]
    assert letters.template_history(register, "acknowledgement", "en") == []

    with qtbot.waitSignal(editor.preview_updated, timeout=3000):
        editor.set_source(FIXED)
    assert not editor.error_bar.isVisibleTo(editor) and editor.editor.error_line is None
    assert editor.preview.page_labels and editor.preview.page_labels != good_pages
    assert "unsaved changes" in editor.version_label.text()


def test_save_revert_and_history(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    editor, dialogs = editor_for(qtbot, register)
    editor.choose("acknowledgement", "en")
    assert (
        editor.version_label.text() == "The shipped template is in use."
        and not editor.save_button.isEnabled()
    )
    editor.set_source(FIXED)
    editor.save_button.click()
    assert ("info", "Saved as version 1.") in dialogs.shown
    assert letters.template_source(register, "acknowledgement", "en").source == FIXED
    assert editor.version_label.text().startswith("Version 1, saved ") and not editor.is_dirty()

    dialogs.answers.append(True)  # confirm going back
    editor.revert_button.click()
    assert letters.template_source(register, "acknowledgement", "en").source == letters.tpl.default_source(
        "acknowledgement", "en"
    )
    assert editor.version_label.text() == "The shipped template is in use."

    chosen: list[str] = []

    def pick_version_1(dialog: HistoryDialog) -> None:
        dialog.list.setCurrentRow(1)  # newest first: 2 (back to shipped), 1 (edited), then the shipped one
        chosen.append(dialog.source_view.toPlainText())

    dialogs.answers.append(pick_version_1)
    editor.history_button.click()
    assert chosen == [FIXED] and editor.source() == FIXED and editor.is_dirty()


def test_switching_letter_asks_before_discarding_edits(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    editor, dialogs = editor_for(qtbot, register)
    editor.choose("acknowledgement", "en")
    editor.set_source(FIXED)
    dialogs.answers.append(False)  # keep my edits
    editor.choose("refusal", "en")
    assert editor.kind() == "acknowledgement" and editor.source() == FIXED
    dialogs.answers.append(True)
    editor.choose("refusal", "en")
    assert editor.kind() == "refusal" and "refusal" in editor.source()


def test_preview_with_a_real_case(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    ref = make_case(register, language="en")
    editor, _ = editor_for(qtbot, register, ref)
    editor.choose("acknowledgement", "en")
    assert editor.preview.page_labels and f"request {ref}" in editor.preview_note.text()


def test_french_labels(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("fr")
    editor, _ = editor_for(qtbot, register)
    assert editor.windowTitle() == "Modèles de lettres"
    assert editor.kind_combo.itemText(0) == "Accusé de réception"
    editor.set_source(BROKEN)
    editor.preview_now()
    assert "ligne 4" in editor.error_bar.text()
