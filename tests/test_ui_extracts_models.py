"""The match table model (qtmodeltester, roles, filter by source), cancelling a search, and the catalogue editor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dsar_desktop.services import catalogue as catalogue_service
from dsar_desktop.services import extracts as service
from dsar_desktop.store.connection import Register
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.extracts import CatalogueDialog, DataPanel, models
from dsar_desktop.ui.extracts.import_dialog import ImportDialog, preview_all
from dsar_desktop.ui.workers import ImmediateRunner, Job, Runner
from tests.conftest import make_case


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("fr")


def two_sources(register: Register, tmp_path: Path) -> str:
    ref = make_case(register)
    crm = tmp_path / "crm.csv"
    crm.write_text(
        "Nom;Prénom;Date de naissance;Téléphone\nDUPRÉ;Héloïse;05/03/2001;\nMARTIN;Paul;01/01/1980;0612345678\n",
        encoding="utf-8",
    )
    news = tmp_path / "news.jsonl"
    news.write_text('{"email": "heloise.dupre@example.org", "note": "abonnée"}\n', encoding="utf-8")
    service.attach(register, ref, [crm], "crm_prospects")
    service.attach(register, ref, [news], "newsletter")
    return ref


def test_the_match_model_passes_qtmodeltester_and_answers_its_roles(
    qtmodeltester, register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ref = two_sources(register, tmp_path)
    model = models.MatchTableModel()
    model.set_matches(
        service.list_matches(register, ref), {"crm_prospects": "CRM", "newsletter": "Newsletter"}
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == len(models.COLUMNS)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "System", "File", "Row", "Matched on", "Decision", "Redactions", "Content",
    ]  # fmt: skip
    first = model.index(0, models.REASONS)
    assert first.data() == "name and date of birth"
    assert model.index(1, models.REASONS).data() == "phone"
    assert model.index(2, models.SYSTEM).data() == "Newsletter"
    assert model.index(0, models.STATUS).data() == "to review"
    assert model.index(0, 0).data(models.SOURCE_ROLE) == "crm_prospects"
    assert model.index(0, 0).data(models.STATUS_ROLE) == "pending"
    assert isinstance(model.index(0, 0).data(models.MATCH_ROLE), service.MatchView)
    assert model.index(0, 0).data(models.MATCH_ID_ROLE) == model.match_at(0).id
    assert "DUPRÉ · Héloïse · 05/03/2001" in model.index(0, models.CONTENT).data()
    assert model.index(0, models.STATUS).data(Qt.ItemDataRole.BackgroundRole) is not None

    proxy = models.MatchFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_source("newsletter")
    assert proxy.rowCount() == 1 and proxy.index(0, models.FILE).data() == "news.jsonl"
    proxy.set_source("")
    proxy.sort(models.ROW, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, models.ROW).data() for r in range(3)] == ["2", "1", "1"]


def test_french_texts_in_the_model(qtmodeltester, register: Register, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ref = two_sources(register, tmp_path)
    i18n.set_language("fr")
    model = models.MatchTableModel()
    model.set_matches(service.list_matches(register, ref), {})
    assert model.headerData(models.REASONS, Qt.Orientation.Horizontal) == "Correspond par"
    assert model.index(0, models.REASONS).data() == "nom et date de naissance"
    assert model.index(0, models.STATUS).data() == "à examiner"


class CancellingRunner(ImmediateRunner):
    """The person presses Cancel as soon as the search starts."""

    def start(self, job: Job) -> None:
        job.cancel_token.cancel()
        job.run()


def test_cancelling_a_search_writes_nothing_and_keeps_the_dialog_open(
    qtbot, register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ref = make_case(register)
    dialogs = ScriptedDialogs()
    panel = DataPanel(register, dialogs, CancellingRunner(), ref)
    qtbot.addWidget(panel)
    path = tmp_path / "news.jsonl"
    path.write_text('{"email": "heloise.dupre@example.org"}\n', encoding="utf-8")
    panel.select_source("newsletter")
    dialogs.answers += [[str(path)], lambda dialog: None]
    panel.import_button.click()
    assert panel.last_import is not None and panel.last_import.result_of_search is None
    assert dialogs.shown[-1] == ("info", "Cancelled; nothing was changed.")
    assert panel.last_import.search_button.isEnabled()
    assert register.query_one("SELECT count(*) FROM extract_files")[0] == 0
    assert register.query_one("SELECT count(*) FROM case_sources")[0] == 0


def test_the_dpo_edits_an_activity_into_a_new_version(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    dialog = CatalogueDialog(register, dialogs)
    qtbot.addWidget(dialog)
    assert dialog.version_line.text().startswith("Version 1, saved by alice on ")
    assert dialog.versions.rowCount() == 1
    newsletter = catalogue_service.current_catalogue(register).source_ids.index("newsletter")
    dialog.activities.setCurrentRow(newsletter)
    form = dialog.form
    assert form.texts["name"]["en"].text() == "Newsletter and promotional e-mails"
    form.years.setValue(2)
    form.prose["retention"]["en"].setPlainText("2 years from the last opened newsletter")
    form.prose["retention"]["fr"].setPlainText("2 ans après la dernière newsletter ouverte")
    form.lists["recipients"]["en"].appendPlainText("Mailing platform (processor)")
    form.lists["recipients"]["fr"].appendPlainText("Plateforme d'envoi (sous-traitant)")

    dialog.save_button.click()  # no note: refused
    assert dialogs.shown[-1] == ("warn", "Say what changed before saving.")
    assert len(catalogue_service.catalogue_versions(register)) == 1

    dialog.note.setText("Newsletter retention shortened to 2 years")
    dialog.save_button.click()
    assert dialogs.shown[-1][1].startswith("Saved as version 2.")
    versions = catalogue_service.catalogue_versions(register)
    assert [v.note for v in versions][-1] == "Newsletter retention shortened to 2 years"
    saved = catalogue_service.current_catalogue(register).activity("newsletter")
    assert saved.retention_years == 2 and saved.text("retention", "fr").startswith("2 ans")
    assert saved.items("recipients", "en")[-1] == "Mailing platform (processor)"
    assert dialog.versions.rowCount() == 2 and dialog.versions.item(0, 0).text() == "2"
    assert dialog.activities.currentRow() == newsletter

    # an activity left invalid (no French name) is refused with the problem named, and no version is made
    form.texts["name"]["fr"].setText("")
    dialog.note.setText("oops")
    dialog.save_button.click()
    kind, text = dialogs.shown[-1]
    assert kind == "error" and "newsletter" in text and "name has no fr text" in text
    assert len(catalogue_service.catalogue_versions(register)) == 2

    # leaving an activity with unsaved changes asks first
    dialogs.answers.append(False)
    dialog.activities.setCurrentRow(0)
    assert dialog.activities.currentRow() == newsletter and dialogs.shown[-1][0] == "confirm"


def test_the_search_runs_on_the_thread_pool_and_reports_back(
    qtbot, register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ref = make_case(register)
    path = tmp_path / "news.jsonl"
    path.write_text('{"email": "heloise.dupre@example.org"}\n{"email": "x@example.org"}\n', encoding="utf-8")
    dialogs = ScriptedDialogs()
    previews = preview_all([path], register, "newsletter")
    runner = Runner()
    runner.bind(register)  # as the main window does: the search gets a connection of its own
    dialog = ImportDialog(register, dialogs, runner, [path], previews, ref=ref, source="newsletter")
    qtbot.addWidget(dialog)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result_of_search is not None, timeout=10_000)
    assert dialog.result_of_search is not None and dialog.result_of_search.matches_by_case == {ref: 1}
    assert dialogs.shown[-1][0] == "info" and dialog.result() == dialog.DialogCode.Accepted
    assert [v.status for v in service.list_matches(register, ref)] == ["pending"]


def test_the_dpo_adds_a_system_which_every_case_must_then_search(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    ref = make_case(register)
    dialogs = ScriptedDialogs()
    dialog = CatalogueDialog(register, dialogs)
    qtbot.addWidget(dialog)
    dialogs.answers.append("Bad Id")
    dialog.new_button.click()
    assert dialogs.shown[-1][0] == "warn" and dialog.activities.count() == 8
    dialogs.answers.append("alumni_events")
    dialog.new_button.click()
    assert (
        dialog.activities.count() == 9
        and dialog.activities.currentItem().text() == "alumni_events (not saved yet)"
    )
    form = dialog.form
    for lang, suffix in (("fr", "FR"), ("en", "EN")):
        form.texts["name"][lang].setText(f"Alumni events {suffix}")
        form.texts["system"][lang].setText(f"Event sign-up sheets {suffix}")
        for key in ("purposes", "data_categories", "recipients"):
            form.lists[key][lang].setPlainText(f"{key} {suffix}")
        for key in ("legal_basis", "retention", "source", "transfers_outside_eu", "automated_decision"):
            form.prose[key][lang].setPlainText(f"{key} {suffix}")
    form.years.setValue(3)
    dialog.note.setText("Alumni events added")
    dialog.save_button.click()
    assert dialogs.shown[-1][1].startswith("Saved as version 2."), dialogs.shown
    activity = catalogue_service.current_catalogue(register).activity("alumni_events")
    assert activity.text("name", "en") == "Alumni events EN" and activity.retention_years == 3
    assert "alumni_events" in [s.source for s in service.missing_sources(register, ref)]
