"""The Data section end to end: import → review → redaction → “all sources searched”, and bad files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dsar_desktop.services import extracts as service
from dsar_desktop.store.connection import Register
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.extracts import DataPanel, search_open_cases
from dsar_desktop.ui.extracts.import_dialog import ImportDialog
from dsar_desktop.ui.extracts.review_panel import NotApplicableDialog
from dsar_desktop.ui.workers import ImmediateRunner
from tests.conftest import make_case

COMMENT = "Rappel demandé par sa sœur Anne Dupré au 06 99 88 77 66, merci"
SISTER = "Anne Dupré au 06 99 88 77 66"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("fr")


def crm_file(folder: Path) -> Path:
    path = folder / "crm.csv"
    path.write_text(
        "Nom;Prénom;Date de naissance;Téléphone;Commentaire\n"
        f"DUPRÉ;Héloïse;05/03/2001;;{COMMENT}\n"
        "DUPRE;Heloise;14/07/1999;;homonyme, autre date de naissance\n"
        "MARTIN;Paul;01/01/1980;+33 6 12 34 56 78;ligne familiale partagée\n"
        "BERNARD;Luc;02/02/1990;;rien\n",
        encoding="utf-8",
    )
    return path


def newsletter_file(folder: Path) -> Path:
    path = folder / "newsletter.jsonl"
    rows = [
        {"email": " HELOISE.Dupre@example.org ", "first_name": "Héloïse", "subscribed": "2024-09-01"},
        {"email": "someone@example.org", "first_name": "Sam", "subscribed": "2024-09-02"},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def make_panel(qtbot, register: Register, ref: str) -> tuple[DataPanel, ScriptedDialogs]:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    panel = DataPanel(register, dialogs, ImmediateRunner(), ref)
    qtbot.addWidget(panel)
    return panel, dialogs


def import_through_panel(panel: DataPanel, dialogs: ScriptedDialogs, source: str, path: Path) -> ImportDialog:
    panel.select_source(source)
    dialogs.answers += [[str(path)], lambda dialog: None]  # the file dialog, then the import dialog's OK
    panel.import_button.click()
    assert panel.last_import is not None
    return panel.last_import


def select_match(panel: DataPanel, file: str, row: int) -> service.MatchView:
    view = next(v for v in service.list_matches(panel.register, panel.ref) if v.file == file and v.row == row)
    panel.source_filter.setCurrentIndex(0)
    panel.select_match(view.id)
    selected = panel.selected_match()
    assert selected is not None and selected.id == view.id
    return selected


def test_import_review_redact_until_all_sources_searched(qtbot, register: Register, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ref = make_case(register)
    panel, dialogs = make_panel(qtbot, register, ref)
    assert panel.status_line.text() == (
        "8 sources still to search: the response pack waits until every system is searched or marked not "
        "applicable."
    )

    # 1. import a CSV for the CRM: the dialog shows what it detected and the suggested mapping
    crm = import_through_panel(panel, dialogs, "crm_prospects", crm_file(tmp_path))
    assert crm.chosen_source() == "crm_prospects"
    assert "CSV" in crm.detected.text() and "utf-8" in crm.detected.text() and "« ; »" in crm.detected.text()
    assert crm.sample.rowCount() == 4 and crm.sample.item(0, 0).text() == "DUPRÉ"
    assert crm.mapping_boxes["dob"].currentData() == "Date de naissance"
    assert crm.mapping().free_text == ("Commentaire",)
    assert crm.result_of_search is not None and crm.result_of_search.matches_by_case == {ref: 2}
    assert dialogs.shown[-1] == ("info", "4 rows read in 1 file of Contacts and prospects (CRM); 2 matches to review.")  # fmt: skip
    # the namesake with another birth date is not among the matches
    assert sorted(v.row for v in service.list_matches(register, ref)) == [1, 3]

    # 2. and a JSON Lines file for the newsletter
    news = import_through_panel(panel, dialogs, "newsletter", newsletter_file(tmp_path))
    assert "JSON Lines" in news.detected.text()
    assert news.result_of_search is not None and news.result_of_search.matches_by_case == {ref: 1}
    assert panel.model.rowCount() == 3
    assert "2 sources with matches still to review" in panel.status_line.text()

    # 3. the subject's CRM row: it says why it matched; redact the sister's name and phone in the comment
    subject = select_match(panel, "crm.csv", 1)
    reasons = panel.proxy.index(panel.table.selectionModel().selectedRows()[0].row(), 3).data()
    assert reasons == "name and date of birth"
    panel.record.select_field("Commentaire")
    assert panel.record.value.toPlainText() == COMMENT
    start = COMMENT.index(SISTER)
    panel.record.select_text(start, start + len(SISTER))
    dialogs.answers.append(lambda dialog: dialog.set_answer("third_party", "Sister's name and phone"))
    panel.record.redact_text_button.click()
    assert panel.record.last_dialog is not None
    assert panel.record.last_dialog.what.text() == f"In “Commentaire”: “{SISTER}”"
    assert panel.record.redactions.item(0).text().startswith("Commentaire: 28 characters at position 27")
    assert service.REDACTION_MARK in panel.record.value.toPlainText()
    panel.confirm_button.click()

    # 4. the decoy sharing the subject's phone is someone else: reject it (with the confirmation asked)
    decoy = select_match(panel, "crm.csv", 3)
    assert panel.model.data(panel.model.index(panel.model.row_of(decoy.id), 3)) == "phone"
    dialogs.answers.append(True)
    panel.reject_button.click()
    assert dialogs.shown[-1][0] == "confirm" and "Reject row 3 of crm.csv" in dialogs.shown[-1][1]

    # 5. the newsletter row, confirmed from the keyboard
    select_match(panel, "newsletter.jsonl", 1)
    panel.confirm_shortcut.activated.emit()
    statuses = {v.row if v.file == "crm.csv" else 0: v.status for v in service.list_matches(register, ref)}
    assert statuses == {1: "confirmed", 3: "rejected", 0: "confirmed"}

    # 6. a reason is required to skip a system; then every other system is marked not applicable
    panel.select_source("surveys")
    dialogs.answers.append(lambda dialog: dialog.reason.setPlainText("   "))
    panel.not_applicable_button.click()
    assert isinstance(panel.last_reason_dialog, NotApplicableDialog)
    assert panel.last_reason_dialog.problem.isVisibleTo(panel.last_reason_dialog)
    assert "surveys" in [s.source for s in service.missing_sources(register, ref)]
    for status in service.missing_sources(register, ref):
        panel.select_source(status.source)
        dialogs.answers.append(
            lambda dialog: dialog.reason.setPlainText("Never enrolled: no record in that system.")
        )
        panel.not_applicable_button.click()

    assert panel.status_line.text() == "All sources searched ✓ (2 searched, 6 not applicable)."
    assert service.missing_sources(register, ref) == []
    states = [panel.sources.item(r, 1).text() for r in range(panel.sources.rowCount())]
    assert states.count("Searched ✓") == 2
    assert states.count("Not applicable: Never enrolled: no record in that system.") == 6
    data = service.confirmed_data(register, ref)
    assert [d["source"] for d in data] == ["crm_prospects", "newsletter"]
    crm_record = data[0]
    assert crm_record["record"]["Commentaire"] == COMMENT.replace(SISTER, service.REDACTION_MARK)
    assert crm_record["text_redactions"] == [
        {
            "field": "Commentaire",
            "position": start,
            "code": "third_party",
            "reason": "Sister's name and phone",
        }
    ]
    assert subject.id != decoy.id
    assert not [kind for kind, _ in dialogs.shown if kind == "error"]


def test_a_whole_field_is_redacted_and_an_empty_reason_is_refused(
    qtbot, register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ref = make_case(register)
    panel, dialogs = make_panel(qtbot, register, ref)
    import_through_panel(panel, dialogs, "crm_prospects", crm_file(tmp_path))
    view = select_match(panel, "crm.csv", 3)
    panel.record.select_field("Téléphone")
    dialogs.answers.append(lambda dialog: dialog.set_answer("other", ""))
    panel.record.redact_field_button.click()
    assert service.list_matches(register, ref)[1].redactions == []  # refused: no reason
    dialogs.answers.append(lambda dialog: dialog.set_answer("other", "Shared family line, not the subject's"))
    panel.record.redact_field_button.click()
    redacted = next(v for v in service.list_matches(register, ref) if v.id == view.id)
    assert redacted.record is not None and redacted.record["Téléphone"] == ""
    assert [(r["field"], r["scope"], r["code"]) for r in redacted.redactions] == [
        ("Téléphone", "field", "other")
    ]
    assert panel.record.fields.item(3, 0).text() == "✂ Téléphone"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty: there is nothing to search"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "is not a text export"),
        (b"\x00\x01\x02binary\x00" * 50, "is not a text export"),
    ],
)
def test_a_bad_file_shows_its_own_message_and_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, register: Register, tmp_path: Path, content: bytes, expected: str
) -> None:
    ref = make_case(register)
    panel, dialogs = make_panel(qtbot, register, ref)
    bad = tmp_path / "export.csv"
    bad.write_bytes(content)
    panel.select_source("crm_prospects")
    dialogs.answers.append([str(bad)])
    panel.import_button.click()
    (shown,) = dialogs.shown
    assert shown[0] == "error" and "export.csv" in shown[1] and expected in shown[1]
    assert panel.last_import is None
    assert register.query_one("SELECT count(*) FROM extract_files")[0] == 0
    assert len(service.missing_sources(register, ref)) == 8


def test_a_mapped_column_missing_from_another_file_is_named(
    qtbot, register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ref = make_case(register)
    panel, dialogs = make_panel(qtbot, register, ref)
    other = tmp_path / "crm2.csv"
    other.write_text(
        "Nom;Prénom;Naissance;Téléphone;Commentaire\nDUPRÉ;Héloïse;2001-03-05;;\n", encoding="utf-8"
    )
    panel.select_source("crm_prospects")
    dialogs.answers += [[str(crm_file(tmp_path)), str(other)], lambda dialog: None]
    panel.import_button.click()
    assert panel.last_import is not None and panel.last_import.result_of_search is None
    errors = [text for kind, text in dialogs.shown if kind == "error"]
    assert errors == [
        "The column 'Date de naissance' mapped to date of birth is not in crm2.csv (its columns: Nom, Prénom, "
        "Naissance, Téléphone, Commentaire)."
    ]
    assert register.query_one("SELECT count(*) FROM extract_files")[0] == 0


def test_malformed_rows_are_reported_by_line_and_the_rest_is_searched(  # type: ignore[no-untyped-def]
    qtbot, register: Register, tmp_path: Path
) -> None:
    ref = make_case(register)
    panel, dialogs = make_panel(qtbot, register, ref)
    path = tmp_path / "crm.csv"
    path.write_text(
        "Nom;Prénom;Date de naissance;E-mail\n"
        "MARTIN;Paul;01/01/1980;paul@example.org\n"
        "broken;row;with;too;many;fields\n"
        "DUPRÉ;Héloïse;05/03/2001;heloise.dupre@example.org\n",
        encoding="utf-8",
    )
    dialog = import_through_panel(panel, dialogs, "crm_prospects", path)
    assert dialog.result_of_search is not None and dialog.result_of_search.matches_by_case == {ref: 1}
    kind, text = dialogs.shown[-1]
    assert kind == "info" and "Skipped rows in crm.csv:" in text and "line 3:" in text


def test_the_menu_searches_every_open_request_in_one_pass(qtbot, register: Register, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = make_case(register)
    second = make_case(
        register, subject_name="Paul MARTIN", subject_email="paul@example.org", subject_phone=None,
        subject_dob=None,
    )  # fmt: skip
    path = tmp_path / "newsletter.jsonl"
    path.write_text(
        '{"email": "heloise.dupre@example.org"}\n{"email": "PAUL@example.org"}\n{"email": "x@example.org"}\n',
        encoding="utf-8",
    )
    dialogs = ScriptedDialogs()
    captured: list[ImportDialog] = []

    def accept(dialog: ImportDialog) -> None:
        captured.append(dialog)
        assert not dialog.only_case.isVisibleTo(dialog) and dialog.all_open.isChecked()
        dialog.source.setCurrentIndex(dialog.source.findData("newsletter"))

    dialogs.answers += [[str(path)], accept]
    search_open_cases(None, register, dialogs, ImmediateRunner())  # type: ignore[arg-type]
    (dialog,) = captured
    assert dialog.result_of_search is not None
    assert dialog.result_of_search.matches_by_case == {first: 1, second: 1}
    assert "2 requests searched; 2 of them with matches." in dialogs.shown[-1][1]
    for ref in (first, second):
        status = next(s for s in service.sources_status(register, ref) if s.source == "newsletter")
        assert status.status == "review" and status.pending == 1
