"""`dsar extracts search --mapping` with a header row and a sheet; `dsar extracts gather / identifier /
confirm-emails / aside` end to end on a register."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli as run

from dsar_desktop.services.extracts_demo import DEMO_FILES, DEMO_PERSON, demo_file


def test_mapping_file_names_the_sheet_and_the_header_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Lisez-moi"
    book.active.append(["Ce classeur contient les contacts"])
    sheet = book.create_sheet("Contacts")
    sheet.append(["Titre de l'export"])
    sheet.append(["Colonne A", "Colonne B"])
    sheet.append(["ident", "adr"])
    sheet.append(["1", "eloise.lhote@exemple.fr"])
    path = tmp_path / "c.xlsx"
    book.save(path)
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"sheet": "Contacts", "header_row": 3, "email": "adr"}), encoding="utf-8")
    code, out, err = run(capsys, "extracts", "search", "--file", str(path), "--mapping", str(mapping),
                         "--email", DEMO_PERSON["email"], "--json")  # fmt: skip
    assert code == 0, err
    (match,) = out["matches"]
    assert match["sheet"] == "Contacts" and match["sheet_row"] == 4
    (file,) = out["files"]
    assert [s["sheet"] for s in file["sheets"]] == ["Lisez-moi", "Contacts"]
    assert any(i["kind"] == "header_row" and "given" in i["en"] for i in file["issues"])
    assert any(i["kind"] == "column" and i.get("sheet") == "Lisez-moi" for i in file["issues"])
    assert file["identifying_column"] is True  # one sheet can identify someone: the file is not blocked


def test_gather_then_add_the_birth_date_then_confirm(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, passphrase_file: Path
) -> None:
    reg = ["--register", str(tmp_path / "r.dsar"), "--passphrase-file", str(passphrase_file)]
    assert run(capsys, "init", *reg, "--json")[0] == 0
    code, case, err = run(capsys, "case", "add", *reg, "--received", "2027-03-01", "--channel", "email",
                          "--right", "access", "--subject-name", DEMO_PERSON["name"],
                          "--subject-email", DEMO_PERSON["email"], "--json")  # fmt: skip
    assert code == 0, err
    ref = case["ref"]
    files = []
    for source in DEMO_FILES:
        target = tmp_path / demo_file(source).name
        shutil.copy(demo_file(source), target)
        files += ["--file", str(target)]
    code, out, err = run(capsys, "extracts", "gather", ref, *reg, *files, "--json")
    assert code == 0, err
    assert {a["source"] for a in out["assignments"]} == set(DEMO_FILES)
    diplomas = next(s for s in out["systems"] if s["source"] == "diplomas")
    assert diplomas["not_searched"][ref]["needs"] == ["student_number", "name+dob"]
    code, out, _ = run(capsys, "extracts", "confirm-emails", ref, *reg, "--json")
    assert code == 0 and out["confirmed"] >= 5
    code, out, _ = run(capsys, "extracts", "identifier", ref, *reg, "--field", "dob", "--json")
    assert DEMO_PERSON["dob"] in [s["value"] for s in out]
    code, _, err = run(capsys, "extracts", "mark", ref, *reg, "--source", "diplomas", "--searched")
    assert code == 1 and "date of birth" in err
    assert (
        run(capsys, "extracts", "identifier", ref, *reg, "--field", "dob", "--value", DEMO_PERSON["dob"])[0]
        == 0
    )
    diploma_file = str(tmp_path / "diplomas.tsv")
    code, out, _ = run(capsys, "extracts", "gather", ref, *reg, "--file", diploma_file, "--json")
    assert out["systems"][0]["not_searched"] == {}
