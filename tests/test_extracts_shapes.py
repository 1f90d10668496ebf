"""Exports shaped like what office tools produce (made here, no committed binaries): every planted row is
found, no decoy is, and every kind of miss is reported in the file's issues."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from dsar_desktop.domain.matching import make_subject
from dsar_desktop.extracts.engine import FileResult, SearchResult, search_files
from dsar_desktop.extracts.errors import HeaderRowNotFound, SheetNotFound
from dsar_desktop.extracts.mapping import ColumnMapping, suggest_mapping

SUBJECT = make_subject(
    "s", name="Héloïse DUPRÉ", email="heloise.dupre@exemple.fr", phone="+33 6 12 34 56 78",
    dob="1999-07-14", student_number="20231234",
)  # fmt: skip
BIRTH = dt.date(1999, 7, 14)
SERIAL_1900 = (BIRTH - dt.date(1899, 12, 30)).days  # 36355
SERIAL_1904 = (BIRTH - dt.date(1904, 1, 1)).days


def _found(result: SearchResult) -> dict[tuple[str, int], list[str]]:
    return {(m.sheet, m.row): m.reasons for m in result.matches}


def _kinds(file: FileResult) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for issue in file.info.issues:
        kinds.setdefault(issue.kind, []).append(issue.en)
    return kinds


def _rows_tagged(result: SearchResult, tag_column: str) -> set[str]:
    return {m.record[tag_column] for m in result.matches}


def test_xlsx_title_row_date_cells_serials_and_midnight_strings(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Clients"
    sheet.append(["Export CRM — 2026"])
    sheet.append(["Généré le 01/12/2026 par le service client"])
    sheet.append([])
    sheet.append(["Réf", "customer_name", "DateNaiss", "E-mail (pro)", "Tél. portable", "N° étudiant"])
    rows = [
        ["P1", "Héloïse Dupré", dt.datetime(1999, 7, 14), "", "", ""],  # a date cell
        ["P2", "DUPRE Heloise", SERIAL_1900, "", "", ""],  # a serial whose date format was lost
        ["P3", "Héloïse DUPRÉ", "14/07/1999 00:00", "", "", ""],
        ["P4", "heloise dupre", "1999-07-14T00:00:00.000Z", "", "", ""],
        ["P5", "Héloïse Dupré", "1999-07-13T22:00:00Z", "", "", ""],  # Paris midnight written in UTC
        ["P6", "", "", "", 612345678.0, ""],  # a phone stored as a float
        ["P7", "", "", "", "", 20231234.0],  # an identifier stored as a float
        ["D1", "Héloïse Dupré", dt.datetime(1999, 7, 15), "", "", ""],  # decoys
        ["D2", "Héloïse Dupré", SERIAL_1900 + 1, "", "", ""],
        ["D3", "Héloïse Dupré", "1999-07-14T12:00:00Z", "", "", ""],
        ["D4", "Louise Dupré", dt.datetime(1999, 7, 14), "", "", ""],
        ["D5", "", "", "", 612345679.0, 202312340.0],
    ]
    for row in rows:
        sheet.append(row)
    sheet["C6"].number_format = "General"  # the serial's cell shows a number, as when the style is lost
    path = tmp_path / "crm.xlsx"
    book.save(path)
    result = search_files([path], [SUBJECT])
    (file,) = result.files
    assert file.info.header_row == 4 and file.tables[0].header_row == 4
    assert file.mapping.get("full_name") == "customer_name" and file.mapping.get("dob") == "DateNaiss"
    assert _rows_tagged(result, "Réf") == {"P1", "P2", "P3", "P4", "P5", "P6", "P7"}
    by_ref = {m.record["Réf"]: m for m in result.matches}
    assert by_ref["P6"].reasons == ["phone"] and by_ref["P7"].reasons == ["student_number"]
    assert by_ref["P7"].record["N° étudiant"] == "20231234"  # no '.0'
    assert by_ref["P1"].sheet == "Clients" and by_ref["P1"].line == 5
    header_issue = _kinds(file)["header_row"][0]
    assert "row 4" in header_issue and "2 row(s) above" in header_issue


def test_xlsx_every_sheet_hidden_too_each_with_its_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Contacts"
    first.append(["Nom", "Prénom", "Courriel"])
    for index in range(1005):
        first.append([f"Autre{index}", "Jean", f"jean{index}@exemple.fr"])
    first.append(["Dupré", "Héloïse", "heloise.dupre@exemple.fr"])
    archive = book.create_sheet("Archive 2024")
    archive.sheet_state = "hidden"
    archive.append(["Archive des anciens contacts"])
    archive.append(["nom_client", "date_naissance", "telephone_fixe"])
    for index in range(1003):
        archive.append([f"Client {index}", "01/01/1980", "01 23 45 67 89"])
    archive.append(["DUPRÉ Héloïse", "14/07/1999", ""])
    archive.append(["", "", "06.12.34.56.78"])
    archive.append(["Héloïse Dupré", "14/07/1998", ""])  # decoy
    path = tmp_path / "two.xlsx"
    book.save(path)
    result = search_files([path], [SUBJECT])
    (file,) = result.files
    assert file.info.rows == 1006 + 1006
    sheets = {t.name: t for t in file.tables}
    assert sheets["Contacts"].rows == 1006 and sheets["Archive 2024"].rows == 1006
    assert sheets["Archive 2024"].hidden and sheets["Archive 2024"].header_row == 2
    found = sorted((m.sheet, m.line, tuple(m.reasons)) for m in result.matches)
    assert found == [
        ("Archive 2024", 1006, ("name+dob",)),
        ("Archive 2024", 1007, ("phone",)),
        ("Contacts", 1007, ("email",)),
    ]
    assert len({m.row for m in result.matches}) == 3  # row numbers are unique across the workbook
    kinds = _kinds(file)
    assert any("hidden" in text for text in kinds["sheet"])
    assert any("Contacts: 1006" in text and "Archive 2024: 1006" in text for text in kinds["sheet"])
    assert file.to_json()["sheets"][1]["rows"] == 1006


def test_xlsx_1904_date_system_serials(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    sheet.append(["Nom complet", "Naissance"])
    sheet.append(["Héloïse Dupré", SERIAL_1904])
    sheet.append(["Héloïse Dupré", SERIAL_1900])  # the 1900 serial means another day in a 1904 book
    path = tmp_path / "mac.xlsx"
    book.save(path)
    result = search_files([path], [SUBJECT])
    assert result.files[0].info.date_system == 1904
    assert [m.row for m in result.matches] == [1]


def test_csv_name_headers_with_prefix_or_suffix_and_date_strings(tmp_path: Path) -> None:
    header = "Client - Nom complet;Date de naissance (JJ/MM/AAAA);Ville;Divers\n"
    rows = [
        "Héloïse DUPRÉ;14/07/1999 00:00;Lyon;P1\n",
        "DUPRE Heloise;1999-07-14T00:00:00+02:00;Lyon;P2\n",
        "Héloïse Dupré;14 juillet 1999;Lyon;P3\n",
        ";;;écrire à Heloise.Dupre@exemple.fr (pro) P4\n",
        ";;;rappeler au 06 12 34 56 78 P5\n",
        "Héloïse Dupré;15/07/1999 00:00;Lyon;D1\n",
        ";;;écrire à xheloise.dupre@exemple.fr D2\n",
        ";;;rappeler au 06 12 34 56 79 D3\n",
        "Héloïse Dupré;pas communiquée;Lyon;D4\n",
    ]
    path = tmp_path / "clients.csv"
    path.write_text("Export du 01/12/2026\n" + header + "".join(rows), encoding="utf-8")
    result = search_files([path], [SUBJECT])
    (file,) = result.files
    assert file.info.header_row == 2 and file.info.delimiter == ";"
    tags = {m.record["Divers"][-2:]: m for m in result.matches}
    assert set(tags) == {"P1", "P2", "P3", "P4", "P5"}
    assert tags["P4"].warnings == ["found_in_text"] and tags["P4"].reasons == ["email"]
    kinds = _kinds(file)
    assert any("Divers" in text and "Ville" not in text for text in kinds["column"])  # Ville is the city
    (value,) = kinds["value"]
    assert "1 value(s)" in value and "Date de naissance" in value and "data row 9" in value


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("customer_name", "full_name"), ("nom_client", "full_name"), ("Client - Nom complet", "full_name"),
        ("E-mail (pro)", "email"), ("Tél. portable", "phone"), ("DateNaiss", "dob"), ("email_contact", "email"),
        ("contact.email", "email"), ("profile.birth_date", "dob"), ("Date of birth", "dob"),
        ("Student ID", "student_number"), ("N° étudiant", "student_number"), ("Mobile phone", "phone"),
        ("Given name", "first_name"), ("Last name", "surname"), ("Adresse électronique", "email"),
    ],
)  # fmt: skip
def test_column_roles_come_from_words(header: str, field: str) -> None:
    assert suggest_mapping([header, "Autre"]).get(field) == header


@pytest.mark.parametrize("header", ["Nom de naissance", "Lieu de naissance", "nom_etudiant", "Date d'envoi"])
def test_words_that_are_not_the_birth_date_or_the_student_number(header: str) -> None:
    mapping = suggest_mapping([header])
    assert mapping.get("dob") is None and mapping.get("student_number") is None


def test_nested_json_lines_paths_and_arrays_element_by_element(tmp_path: Path) -> None:
    lines = [
        {"id": "P1", "contact": {"email": "HELOISE.DUPRE@exemple.fr"}, "profile": {"birth_date": "1999-07-14"}},
        {"id": "P2", "contact": {"email": ""}, "profile": {"full_name": "Héloïse Dupré", "birth_date": "14/07/1999"}},
        {"id": "P3", "orders": [{"email": "other@x.fr"}, {"email": "heloise.dupre@exemple.fr"}]},
        {"id": "P4", "contact": {"phones": [{"type": "mobile", "number": "06 12 34 56 78"}]}},
        {"id": "P5", "profile": {"full_name": "Héloïse DUPRÉ", "birth_date": "1999-07-14T00:00:00Z"}},
        {"id": "D1", "contact": {"email": "h.dupre@exemple.fr"}, "profile": {"full_name": "Héloïse Dupré"}},
        {"id": "D2", "orders": [{"email": "x@y.fr"}, {"email": "z@y.fr"}], "profile": {"birth_date": "1999-07-14"}},
    ]  # fmt: skip
    path = tmp_path / "nested.jsonl"
    path.write_text(
        "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8"
    )
    result = search_files([path], [SUBJECT])
    assert _rows_tagged(result, "id") == {"P1", "P2", "P3", "P4", "P5"}
    p3 = next(m for m in result.matches if m.record["id"] == "P3")
    assert p3.record["orders[1].email"] == "heloise.dupre@exemple.fr" and p3.reasons == ["email"]
    mapping = result.files[0].mapping
    assert mapping.get("email") == "contact.email" and mapping.get("dob") == "profile.birth_date"
    assert result.files[0].info.rows == len(lines)
    # an explicit mapping on the paths
    explicit = ColumnMapping({"email": "orders.email"})
    only = search_files([path], [SUBJECT], explicit)
    assert _rows_tagged(only, "id") >= {"P3"}


def test_explicit_mapping_with_header_row_and_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["rien ici"])
    data = book.create_sheet("Données")
    data.append(["Export"])
    data.append(["Libellé A", "Libellé B"])  # a row that looks like a header but is not the one
    data.append(["Nom", "Adresse électronique perso"])
    data.append(["x", "heloise.dupre@exemple.fr"])
    path = tmp_path / "pinned.xlsx"
    book.save(path)
    mapping = ColumnMapping.from_json(
        {"sheet": "Données", "header_row": 3, "email": "Adresse électronique perso"}
    )
    result = search_files([path], [SUBJECT], mapping)
    assert [(m.sheet, m.line) for m in result.matches] == [("Données", 4)]
    assert any("given" in text for text in _kinds(result.files[0])["header_row"])
    with pytest.raises(SheetNotFound):
        search_files([path], [SUBJECT], ColumnMapping.from_json({"sheet": "Nope", "email": "x"}))
    with pytest.raises(HeaderRowNotFound):
        search_files([path], [SUBJECT], ColumnMapping.from_json({"sheet": "Données", "header_row": 40}))
    csv_path = tmp_path / "pinned.csv"
    csv_path.write_text("Titre\nA,B\nx,y\nmail,nom\nheloise.dupre@exemple.fr,z\n", encoding="utf-8")
    pinned = search_files([csv_path], [SUBJECT], ColumnMapping.from_json({"header_row": 4, "email": "mail"}))
    assert [m.row for m in pinned.matches] == [1]


def test_a_file_without_identifying_column_is_read_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "survey.csv"
    path.write_text(
        "Q1,Q2,Verbatim\noui,non,merci heloise.dupre@exemple.fr\nnon,oui,rien\n", encoding="utf-8"
    )
    result = search_files([path], [SUBJECT])
    (file,) = result.files
    assert file.unmapped and file.to_json()["identifying_column"] is False
    assert [m.row for m in result.matches] == [1]  # its text was still searched for the e-mail
    assert "unmapped" in _kinds(file)
    assert file.identity_fields() == set()
