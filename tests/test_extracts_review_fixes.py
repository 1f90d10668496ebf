"""Regressions from the extracts review: unclosed quotes, blank lines, header-only files, repeated keys."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from dsar_desktop.cli import main
from dsar_desktop.domain.matching import make_subject
from dsar_desktop.extracts import readers
from dsar_desktop.extracts.csv_reader import _explain
from dsar_desktop.extracts.engine import search_files
from dsar_desktop.extracts.opening import open_extract
from dsar_desktop.extracts.readers import ROW_COL

JEAN = make_subject("jean", email="jean.dupont@example.org")
ENGLISH_IN_FRENCH = ("unexpected", "expected", "end of data", "malformed", "skipped", "field")


def search_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = main(["extracts", "search", "--json", *argv])
    return code, json.loads(capsys.readouterr().out)


def test_an_unclosed_quote_is_reported_and_the_rest_of_the_file_still_searched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "uq.csv"
    good = "".join(f"p{i}@example.org,n{i}\n" for i in range(2000))
    path.write_text('email,name\n"broken@example.org,x\n' + good + "jean.dupont@example.org,z\n")
    code, out = search_json(capsys, "--file", str(path), "--email", "jean.dupont@example.org")
    assert code == 0
    assert [m["row"] for m in out["matches"]] == [2002]  # the broken row keeps its number (1)
    assert out["matches"][0]["record"] == {"email": "jean.dupont@example.org", "name": "z"}
    assert out["rows_scanned"] == 2001
    (issue,) = out["files"][0]["issues"]
    assert issue["line"] == 2 and "never closed" in issue["en"]
    assert "guillemet" in issue["fr"] and not any(w in issue["fr"] for w in ENGLISH_IN_FRENCH)


def test_an_unclosed_quote_in_the_middle_of_a_multi_block_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "BLOCK_BYTES", 256)
    monkeypatch.setattr(readers, "MAX_RECORD_BYTES", 1024)
    path = tmp_path / "uq.csv"
    before = "".join(f"a{i}@x.fr,n{i}\n" for i in range(50))
    after = "".join(f"b{i}@x.fr,n{i}\n" for i in range(300))
    path.write_text("email,name\n" + before + '"broken@x.fr,x\n' + after + "jean.dupont@example.org,z\n")
    result = search_files([path], [JEAN])
    assert [m.row for m in result.matches] == [352]
    assert [i.line for i in result.files[0].info.issues] == [52]
    assert result.rows_scanned == 351


def test_a_stray_quote_that_closes_lines_later_does_not_swallow_them(tmp_path: Path) -> None:
    # csv alone would read lines 2-4 as one record of two fields; each line is read again instead
    path = tmp_path / "s.csv"
    path.write_text('email,name,note\na@x.fr,"A,x\njean.dupont@example.org,J,y\nb@x.fr,B,"z"\n')
    result = search_files([path], [JEAN])
    assert [m.row for m in result.matches] == [2]
    assert result.files[0].info.issues[0].line == 2


def test_every_csv_error_reads_in_french_without_english(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text('email,name\n"a@x.fr"x,A\nb@x.fr,B\n"jean.dupont@example.org",J\n"c@x.fr,C\n')
    result = search_files([path], [JEAN])
    assert [m.row for m in result.matches] == [3]
    issues = result.files[0].info.issues
    assert [i.line for i in issues] == [2, 5]
    for issue in issues:
        assert issue.fr.startswith("ligne mal formée ignorée : ")
        assert not any(w in issue.fr for w in ENGLISH_IN_FRENCH), issue.fr
    for error in (
        csv.Error("line contains NUL"),
        csv.Error("field larger than field limit (131072)"),
        csv.Error("something new"),
    ):
        en, fr = _explain(error)
        assert en and fr and not any(w in fr for w in ENGLISH_IN_FRENCH), fr


def _dictreader_rows(text: str) -> list[dict[str, str]]:
    return [dict(r) for r in csv.DictReader(io.StringIO(text, newline=""))]


@pytest.mark.parametrize(
    "text",
    [
        'email,name\na@a.a,"two\nlines"\nz@z.z,x\n\njean.dupont@example.org,y\n',  # the reviewer's file
        "email,name\n\na@a.a,x\n\n\nz@z.z,y\n,\n\njean.dupont@example.org,y\n\n",  # no quotes: fast path
        'email,name\r\na@a.a,"para one\r\n\r\npara two"\r\n\r\njean.dupont@example.org,y\r\n',  # CRLF
        'email,name\na,"b\n\nc"\n\n"d",e\n\njean.dupont@example.org,""\n',  # blank lines inside fields
    ],
)
def test_blank_lines_are_not_data_rows(tmp_path: Path, text: str) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(text.encode())
    expected = _dictreader_rows(text)
    result = search_files([path], [JEAN])
    assert result.rows_scanned == len(expected)
    (match,) = result.matches
    assert match.row == len(expected) and match.record == expected[-1]
    (block,) = list(open_extract(path).blocks())
    got = [{k: v for k, v in r.items() if k != ROW_COL} for r in block.frame.iter_rows(named=True)]
    assert got == expected and list(block.frame[ROW_COL]) == list(range(1, len(expected) + 1))


def test_blank_lines_across_small_blocks_keep_rows_and_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "BLOCK_BYTES", 32)
    body = "".join(f"p{i}@x.fr,n{i}\n\n" for i in range(40))
    text = "email,name\n" + body + "jean.dupont@example.org,J\nbad,row,with,fields\n"
    path = tmp_path / "b.csv"
    path.write_text(text)
    result = search_files([path], [JEAN])
    assert [m.row for m in result.matches] == [41] and result.rows_scanned == 41
    (issue,) = result.files[0].info.issues
    assert issue.line == 1 + 80 + 2  # the physical line, blank lines included


def test_a_malformed_row_after_blank_lines_keeps_its_physical_line(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text('email,name\n\n\na@x.fr,"x\n\njean.dupont@example.org,J\n')
    result = search_files([path], [JEAN])
    assert [m.row for m in result.matches] == [2]
    assert [i.line for i in result.files[0].info.issues] == [4]


def test_json_lines_blank_lines_are_not_records(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    path.write_text(
        '{"email": "a@x.fr"}\n\n   \n{"email": oops}\n\r\n{"email": "jean.dupont@example.org"}\n\n'
    )
    result = search_files([path], [JEAN])
    assert [m.row for m in result.matches] == [3]
    assert result.rows_scanned == 2
    assert [i.line for i in result.files[0].info.issues] == [4]


def test_header_only_files_say_there_are_no_data_rows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    csv_path = tmp_path / "h.csv"
    csv_path.write_text("email,name\n\n")
    book = openpyxl.Workbook()
    book.active.append(["email", "name"])
    xlsx_path = tmp_path / "h.xlsx"
    book.save(xlsx_path)
    code, out = search_json(
        capsys, "--file", str(csv_path), "--file", str(xlsx_path), "--email", "jean.dupont@example.org"
    )
    assert code == 0 and out["rows_scanned"] == 0 and out["matches"] == []
    for file in out["files"]:
        (issue,) = file["issues"]
        assert issue["line"] == 1
        assert "no data rows" in issue["en"] and "aucune ligne de données" in issue["fr"]
    assert main(["extracts", "search", "--file", str(csv_path), "--email", "j@x.fr"]) == 0
    assert "h.csv line 1: no data rows" in capsys.readouterr().out


def test_a_file_whose_every_row_is_malformed_says_so(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("email,name\na,b,c\nd,e,f\n")
    issues = search_files([path], [JEAN]).files[0].info.issues
    assert [i.line for i in issues] == [2, 3, 1]
    assert "every row is malformed" in issues[-1].en and "toutes les lignes" in issues[-1].fr


def test_repeated_keys_search_for_any_of_them(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text(
        "email,phone,student_number\n"
        "old@x.fr,,\n"  # row 1
        "nobody@x.fr,0699999999,\n"  # row 2
        "jean.dupont@example.org,,\n"  # row 3
        "x@x.fr,+33 6 12 34 56 78,\n"  # row 4
        "y@x.fr,07 11 22 33 44,\n"  # row 5
        "z@x.fr,,CESI1\n"  # row 6
        "w@x.fr,,cesi2\n"  # row 7
    )
    code, out = search_json(
        capsys, "--file", str(path),
        "--email", "OLD@x.fr", "--email", "jean.dupont@example.org",
        "--phone", "06 12 34 56 78", "--phone", "+33711223344",
        "--student-number", "CESI1", "--student-number", "CESI2",
    )  # fmt: skip
    assert code == 0
    assert [(m["row"], m["reasons"]) for m in out["matches"]] == [
        (1, ["email"]),
        (3, ["email"]),
        (4, ["phone"]),
        (5, ["phone"]),
        (6, ["student_number"]),
        (7, ["student_number"]),
    ]
    code = main(["extracts", "search", "--file", str(path), "--phone", "06 12", "--phone", "0612345678"])
    assert code != 0  # an unreadable phone among several is still refused, not dropped
