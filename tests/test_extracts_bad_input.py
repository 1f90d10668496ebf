"""Bad input: malformed rows skipped and reported by line; each broken file its own clear FR/EN error."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from dsar_desktop.domain.errors import DsarError
from dsar_desktop.domain.matching import make_subject
from dsar_desktop.extracts import readers
from dsar_desktop.extracts.engine import search_files
from dsar_desktop.extracts.errors import (
    BinaryExtract,
    EmptyExtract,
    LineTooLong,
    MissingColumn,
    NothingToMatch,
)
from dsar_desktop.extracts.mapping import ColumnMapping

SUBJECT = make_subject("s", email="eloise.lhote@exemple.fr", name="Éloïse L’HÔTE", dob="2001-03-05")


def _messages(error: DsarError) -> tuple[str, str]:
    en, fr = error.describe("en"), error.describe("fr")
    assert en and fr and en != fr and "{" not in en + fr
    return en, fr


def test_malformed_rows_are_reported_by_line_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "crm.csv"
    path.write_text(
        "nom;email;note\n"
        "A;a@x.fr;ok\n"  # line 2, row 1
        "B;b@x.fr;too;many;fields\n"  # line 3, row 2: malformed
        'C;c@x.fr;"two\nlines"\n'  # lines 4-5, row 3
        "D;eloise.lhote@exemple.fr;found\n",  # line 6, row 4
        encoding="utf-8",
    )
    result = search_files([path], [SUBJECT])
    (issue,) = result.files[0].info.issues
    assert (
        issue.line == 3 and "3 fields" not in issue.en and "5 fields" in issue.en and "5 champs" in issue.fr
    )
    assert [(m.row, m.record["nom"]) for m in result.matches] == [(4, "D")]
    assert result.rows_scanned == 3


def test_broken_json_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    path.write_text('{"email": "a@x.fr"}\n{"email": oops}\n[1, 2]\n{"email": "eloise.lhote@exemple.fr"}\n')
    result = search_files([path], [SUBJECT])
    assert [i.line for i in result.files[0].info.issues] == [2, 3]
    assert [m.row for m in result.matches] == [4]


def test_empty_file(tmp_path: Path) -> None:
    for content in (b"", b"  \n\r\n"):
        path = tmp_path / "empty.csv"
        path.write_bytes(content)
        with pytest.raises(EmptyExtract) as caught:
            search_files([path], [SUBJECT])
        en, fr = _messages(caught.value)
        assert "empty.csv" in en and "vide" in fr


def test_binary_files(tmp_path: Path) -> None:
    png = tmp_path / "photo.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(BinaryExtract) as caught:
        search_files([png], [SUBJECT])
    en, _fr = _messages(caught.value)
    assert "image/png" in en
    blob = tmp_path / "blob.csv"
    blob.write_bytes(b"nom,email\n\x00\x01\x02\x03" * 50)
    with pytest.raises(BinaryExtract):
        search_files([blob], [SUBJECT])
    archive = tmp_path / "not_a_workbook.xlsx"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(BinaryExtract) as caught:
        search_files([archive], [SUBJECT])
    assert "ZIP" in caught.value.describe("en")


def test_missing_mapped_column(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("nom,email\nA,a@x.fr\n", encoding="utf-8")
    with pytest.raises(MissingColumn) as caught:
        search_files([path], [SUBJECT], ColumnMapping({"email": "courriel"}))
    en, fr = _messages(caught.value)
    assert "courriel" in en and "e-mail" in en and "courriel" in fr and "nom, email" in en


def test_file_without_any_usable_column_is_read_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    result = search_files([path], [SUBJECT])
    (file,) = result.files
    assert file.unmapped and file.info.rows == 1
    (issue,) = [i for i in file.info.issues if i.kind == "unmapped"]
    assert "no column can identify" in issue.en and "aucune colonne" in issue.fr


def test_nothing_to_search_with(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("email\na@x.fr\n", encoding="utf-8")
    with pytest.raises(NothingToMatch):
        search_files([path], [make_subject("s", name="Only NAME")])


def test_a_line_of_100_mb_is_refused_with_its_line_number(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:
        out.write(b"nom,email\nA,a@x.fr\nB,b@x.fr\n")
        chunk = b"x" * (1 << 20)
        out.write(b"C,")
        for _ in range(100):
            out.write(chunk)
        out.write(b"\nD,eloise.lhote@exemple.fr\n")
    with pytest.raises(LineTooLong) as caught:
        search_files([path], [SUBJECT])
    en, fr = _messages(caught.value)
    assert caught.value.facts["line"] == 4
    assert "Line 4" in en and "16 MB" in en and "ligne 4" in fr


def test_long_but_acceptable_record_spanning_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "BLOCK_BYTES", 64)
    path = tmp_path / "e.csv"
    path.write_text(
        "nom,email,note\n" + "A,a@x.fr," + "y" * 300 + "\nB,eloise.lhote@exemple.fr,z\n", encoding="utf-8"
    )
    result = search_files([path], [SUBJECT])
    assert [m.row for m in result.matches] == [2]
    assert result.files[0].info.sha256 == __import__("hashlib").sha256(path.read_bytes()).hexdigest()


def test_small_blocks_keep_quoted_newlines_rows_and_lines_right(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "BLOCK_BYTES", 32)
    path = tmp_path / "e.csv"
    body = "".join(f'P{i},p{i}@x.fr,"note {i}\nsecond line"\n' for i in range(30))
    path.write_text("nom,email,note\n" + body + "Z,eloise.lhote@exemple.fr,x\nY,1,2,3\n", encoding="utf-8")
    result = search_files([path], [SUBJECT])
    assert [m.row for m in result.matches] == [31]
    (issue,) = result.files[0].info.issues
    assert issue.line == 1 + 30 * 2 + 2


def test_a_stray_quote_inside_a_field_does_not_swallow_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "BLOCK_BYTES", 64)
    monkeypatch.setattr(readers, "MAX_RECORD_BYTES", 256)
    path = tmp_path / "e.csv"
    body = "".join(f"P{i},p{i}@x.fr,ok\n" for i in range(40))
    path.write_text(
        'nom,email,note\nA,a@x.fr,5" screen\n' + body + "B,eloise.lhote@exemple.fr,y\n", encoding="utf-8"
    )
    result = search_files([path], [SUBJECT])
    assert [m.row for m in result.matches] == [42] and result.rows_scanned == 42
