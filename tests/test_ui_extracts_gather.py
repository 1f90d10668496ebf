"""Gathering one subject across the eight demo systems in the Data section, counting what a person does:
files dropped at once, the assignment confirmed, exact e-mail matches confirmed in one step, the birth
date found in another system added in one click, the rest confirmed with the keyboard. And a request
without the identifiers a system needs cannot get that system marked searched."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from dsar_desktop.services import extracts as service
from dsar_desktop.services.extracts_coverage import SystemCannotFindSubject
from dsar_desktop.services.extracts_demo import DEMO_FILES, DEMO_PERSON, demo_file
from dsar_desktop.store.connection import Register
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.extracts import DataPanel
from dsar_desktop.ui.extracts.gather_dialog import GatherDialog
from dsar_desktop.ui.workers import ImmediateRunner
from tests.conftest import make_case


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("fr")


def _files(tmp_path: Path) -> list[Path]:
    paths = []
    for source in DEMO_FILES:
        target = tmp_path / demo_file(source).name
        shutil.copy(demo_file(source), target)
        paths.append(target)
    return paths


def _drop(panel: DataPanel, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(QPoint(10, 10)), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    panel.dropEvent(event)


def test_one_subject_across_the_eight_demo_systems_in_under_15_actions(  # type: ignore[no-untyped-def]
    qtbot, register: Register, tmp_path: Path
) -> None:
    ref = make_case(
        register, subject_name=DEMO_PERSON["name"], subject_email=DEMO_PERSON["email"],
        subject_phone=DEMO_PERSON["phone"], subject_dob=None,
    )  # fmt: skip
    dialogs = ScriptedDialogs()
    panel = DataPanel(register, dialogs, ImmediateRunner(), ref)
    qtbot.addWidget(panel)
    panel.resize(1366, 768)
    panel.show()
    actions = 0

    # 1. the eight files dropped at once; the table shows each one's system; one click searches them all,
    #    one more opens the review (the summary is in the dialog: no popup per file)
    seen: dict[str, object] = {}

    def confirm_table(dialog: GatherDialog) -> None:
        seen["systems"] = [c.currentData() for c in dialog.combos]
        dialog.search_button.click()
        seen["summary"] = dialog.summary.toPlainText()

    dialogs.answers.append(confirm_table)
    _drop(panel, _files(tmp_path))
    actions += 1  # the drop
    actions += 2  # "Search all files", "Review the matches"
    assert seen["systems"] == list(DEMO_FILES)
    assert [kind for kind, _ in dialogs.shown] == ["dialog"]  # one dialog, no message box per file
    summary = str(seen["summary"])
    assert "Diplomas and certificates — files: 1; rows: 4; matches: 0" in summary
    assert "find a person only by student number / date of birth" in summary
    # review opens on the first match of all systems, the keyboard on the table
    assert panel.source_filter.currentIndex() == 0
    first = panel.selected_match()
    assert first is not None and first.status == "pending"

    # 2. every exact e-mail match, confirmed in one step
    before = len(service.list_matches(register, ref, status="pending"))
    assert panel.confirm_emails_button.isEnabled()
    panel.confirm_emails_button.click()
    actions += 1
    after = service.list_matches(register, ref, status="pending")
    assert len(after) < before

    # 3. the diplomas system needs a birth date: the one found in confirmed rows is offered, one click adds it
    #    and searches that system again
    (use,) = [b for b in panel.gather_bar.buttons if DEMO_PERSON["dob"] in b.text()]
    use.click()
    actions += 1
    statuses = {s.source: s for s in service.sources_status(register, ref)}
    assert statuses["diplomas"].status == "searched" and not statuses["diplomas"].needs
    assert not panel.gather_bar.isVisible()

    # 4. what is left (a phone, a name and birth date...): Ctrl+Enter on each, focus stays on the table
    while (view := panel.selected_match()) is not None and view.status == "pending":
        panel.confirm_shortcut.activated.emit()
        actions += 1
        assert panel.focusWidget() is not panel.reject_button
    assert service.list_matches(register, ref, status="pending") == []
    assert service.missing_sources(register, ref) == []
    assert "All sources searched" in panel.status_line.text()
    print("user actions:", actions)
    assert actions < 15, actions


def test_a_request_without_the_identifiers_a_system_needs_cannot_get_it_searched(  # type: ignore[no-untyped-def]
    qtbot, register: Register, tmp_path: Path
) -> None:
    ref = make_case(register, subject_name="Jeanne MARTIN", subject_email="jeanne.martin@exemple.fr",
                    subject_phone=None, subject_dob=None)  # fmt: skip
    dialogs = ScriptedDialogs()
    panel = DataPanel(register, dialogs, ImmediateRunner(), ref)
    qtbot.addWidget(panel)
    diplomas = tmp_path / "diplomas.tsv"
    shutil.copy(demo_file("diplomas"), diplomas)
    dialogs.answers += [[str(diplomas)], lambda dialog: dialog.search_button.click()]
    panel.gather_button.click()
    status = next(s for s in service.sources_status(register, ref) if s.source == "diplomas")
    assert status.status == "to_search" and status.needs == ["student_number", "name+dob"]
    assert panel.gather_bar.isVisibleTo(panel)
    # nothing confirmed holds a birth date or a student number: nothing to offer, the sentence says what to do
    assert panel.gather_bar.buttons == []
    with pytest.raises(SystemCannotFindSubject):
        service.mark_source(register, ref, "diplomas", "searched")
    assert "diplomas" in [s.source for s in service.missing_sources(register, ref)]


def test_after_a_decision_the_next_match_is_selected_and_focus_is_never_on_reject(  # type: ignore[no-untyped-def]
    qtbot, register: Register, tmp_path: Path
) -> None:
    ref = make_case(register, subject_name=DEMO_PERSON["name"], subject_email=None, subject_phone=None,
                    subject_dob=dt.date(2001, 3, 5))  # fmt: skip
    crm = tmp_path / "crm_prospects.csv"
    crm.write_text("Nom;Prénom;Date de naissance\nL'HÔTE;Éloïse;05/03/2001\nL’Hôte;Eloise;2001-03-05\n",
                   encoding="utf-8")  # fmt: skip
    dialogs = ScriptedDialogs()
    panel = DataPanel(register, dialogs, ImmediateRunner(), ref)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    dialogs.answers += [[str(crm)], lambda dialog: dialog.search_button.click()]
    panel.gather_button.click()
    first = panel.selected_match()
    assert first is not None and first.row == 1
    panel.confirm_button.setFocus()
    panel.confirm_button.click()
    second = panel.selected_match()
    assert second is not None and second.row == 2 and second.status == "pending"
    assert panel.focusWidget() is panel.table  # the panel's focus child (whether or not its window is active)
    assert not panel.reject_button.autoDefault() and not panel.reject_button.isDefault()


def test_import_dialog_fixes_the_sheet_and_header_row_remembered_per_system(  # type: ignore[no-untyped-def]
    qtbot, register: Register, tmp_path: Path
) -> None:
    import openpyxl

    from dsar_desktop.ui.extracts.import_dialog import ImportDialog, preview_all

    book = openpyxl.Workbook()
    book.active.title = "Résumé"
    book.active.append(["Export CRM — 2026"])
    book.active.append(["Total", "3"])
    data = book.create_sheet("Contacts")
    data.append(["Export des contacts"])
    data.append(["Champ 1", "Champ 2"])
    data.append(["Identité", "Adresse électronique"])
    data.append(["Éloïse L’HÔTE", DEMO_PERSON["email"]])
    path = tmp_path / "crm.xlsx"
    book.save(path)
    ref = make_case(register, subject_name=DEMO_PERSON["name"], subject_email=DEMO_PERSON["email"])
    dialogs = ScriptedDialogs()
    previews = preview_all([path], register, "crm_prospects")
    dialog = ImportDialog(register, dialogs, ImmediateRunner(), [path], previews, ref=ref, source="crm_prospects")
    qtbot.addWidget(dialog)
    assert dialog.sheet.isVisibleTo(dialog) and dialog.sheet.count() == 2
    dialog.sheet.setCurrentIndex(1)  # the person picks the sheet: its header is found again, the row naming
    assert dialog.previews[0].sheet == "Contacts" and dialog.header_row.value() == 3  # a known column
    assert "row 3" in dialog.notes.text() and "2 row(s) above" in dialog.notes.text()
    dialog.header_row.setValue(2)  # the person can move it...
    assert dialog.previews[0].headers == ["Champ 1", "Champ 2"]
    dialog.header_row.setValue(3)  # ...and back
    assert dialog.previews[0].headers == ["Identité", "Adresse électronique"]
    assert dialog.sample.item(0, 1).text() == DEMO_PERSON["email"]
    assert dialog.mapping_boxes["email"].currentData() == "Adresse électronique"
    mapping = dialog.mapping()
    assert mapping.header_row == 3 and mapping.sheet == "Contacts"
    dialog.accept()
    assert dialog.result_of_search is not None and dialog.result_of_search.matches_by_case == {ref: 1}
    remembered = service.remembered_mapping(register, "crm_prospects")
    assert remembered is not None and remembered.header_row == 3 and remembered.sheet == "Contacts"
    again = service.preview_file(path, register, "crm_prospects")
    assert again.mapping_origin == "remembered" and again.sheet == "Contacts" and again.header_row == 3
