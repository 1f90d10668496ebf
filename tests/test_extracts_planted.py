"""Generated extracts with planted rows: every planted row is found with its reasons, no decoy is."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import openpyxl
import pytest

from dsar_desktop.domain.matching import make_subject
from dsar_desktop.extracts.engine import search_files
from dsar_desktop.extracts.mapping import ColumnMapping

HEADERS = ["Nom", "Prénom", "Date de naissance", "E-mail", "Téléphone", "N° étudiant", "Commentaire"]

SUBJECT = make_subject(
    "eloise", name="Éloïse L’HÔTE", email="eloise.lhote@exemple.fr", phone="+33 6 12 34 56 78",
    dob="2001-03-05", student_number="CESI204518",
)  # fmt: skip
SECOND = make_subject("jp", name="Jean-Pierre DE LA FONTAINE", dob="1990-12-24")

# (row values, expected {subject: reasons}); empty expectation = a decoy that must not match
PLANTED: list[tuple[list[str], dict[str, list[str]]]] = [
    (["L'HOTE", "ELOISE", "05/03/2001", "", "", "", "ascii, case"], {"eloise": ["name+dob"]}),
    (["L\u2019Hôte", "Éloïse", "2001-03-05", "", "", "", "curly apostrophe, ISO"], {"eloise": ["name+dob"]}),
    (["l\u2018hôte", "éloïse", "5.3.2001", "", "", "", "left quote, dotted date"], {"eloise": ["name+dob"]}),
    (["L`HÔTE", "Eloïse", "05-03-2001", "", "", "", "grave accent as apostrophe"], {"eloise": ["name+dob"]}),
    (["L’HÔTE", "Éloïse", "5/3/01", "", "", "", "two-digit year"], {"eloise": ["name+dob"]}),
    (["", "", "", "  ELOISE.Lhote@Exemple.fr ", "", "", "e-mail case and spaces"], {"eloise": ["email"]}),
    (["", "", "", "", "06 12 34 56 78", "", "national phone"], {"eloise": ["phone"]}),
    (["", "", "", "", "+33 6 12 34 56 78", "", "international phone"], {"eloise": ["phone"]}),
    (["", "", "", "", "0033612345678", "", "00 prefix"], {"eloise": ["phone"]}),
    (["", "", "", "", "+33 (0)6.12.34.56.78", "", "(0) habit"], {"eloise": ["phone"]}),
    (["", "", "", "", "", " cesi 204518 ", "student number"], {"eloise": ["student_number"]}),
    (
        ["L'HÔTE", "Éloïse", "05/03/2001", "eloise.lhote@exemple.fr", "0612345678", "CESI204518", "all"],
        {"eloise": ["email", "phone", "name+dob", "student_number"]},
    ),
    (["DE LA FONTAINE", "Jean\u2010Pierre", "24/12/1990", "", "", "", "U+2010 hyphen"], {"jp": ["name+dob"]}),
    (
        ["de  la  Fontaine", "JEAN\u2011PIERRE", "1990-12-24", "", "", "", "U+2011, double spaces"],
        {"jp": ["name+dob"]},
    ),
    (["De La Fontaine", "Jean Pierre", "24.12.1990", "", "", "", "space for hyphen"], {"jp": ["name+dob"]}),
    # decoys
    (["L'HÔTE", "Éloïse", "14/07/1999", "", "", "", "namesake, other birth date"], {}),
    (["LHOTEL", "Éloïse", "05/03/2001", "", "", "", "same birth date, other name"], {}),
    (["L'HÔTE", "Éloïse", "", "", "", "", "name without birth date"], {}),
    (["", "", "", "xeloise.lhote@exemple.fr", "", "", "longer e-mail"], {}),
    (["", "", "", "eloise.lhote@exemple.fr.evil", "", "", "e-mail suffix"], {}),
    (["", "", "", "", "06 12 34 56 79", "", "one digit off"], {}),
    (["", "", "", "", "06 12 34 56 78 90", "", "longer number"], {}),
    (["", "", "", "", "+44 6 12 34 56 78", "", "other country"], {}),
    (["", "", "", "", "", "CESI2045180", "longer student number"], {}),
    (["DE LA FONTAINE", "Jean-Pierre", "24/12/1991", "", "", "", "namesake jp"], {}),
]


def _filler(rng: random.Random, index: int) -> list[str]:
    first = rng.choice(["Zoé", "Noël", "Anaïs", "Jérôme", "Chloé", "Loïc"])
    last = rng.choice(["MARTIN", "DUBOIS", "LEFÈVRE", "GARÇON", "D’ARGENT"])
    dob = f"{rng.randrange(1, 28):02d}/{rng.randrange(1, 12):02d}/{rng.randrange(1950, 2010)}"
    comment = rng.choice(["RAS", 'Dit "bonjour"; rappeler', "Ligne 1\nLigne 2, suite", "Avis | mitigé"])
    return [last, first, dob, f"user{index}@exemple.org", f"07 {rng.randrange(10, 99)} 00 00 {index % 100:02d}",
            f"X{index}", comment]  # fmt: skip


def _table(encodable: str | None = None) -> tuple[list[list[str]], dict[int, dict[str, list[str]]]]:
    """Filler rows with the planted rows spread among them; expected matches by 1-based data row."""
    rng = random.Random(7)
    rows = [_filler(rng, i) for i in range(600)]
    if encodable:
        rows = [[v.encode(encodable, "replace").decode(encodable) for v in row] for row in rows]
    expected: dict[int, dict[str, list[str]]] = {}
    planted = [p for p in PLANTED if encodable is None or _encodes(p[0], encodable)]
    positions = sorted(rng.sample(range(len(rows) + len(planted)), len(planted)))
    for position, (values, _wanted) in zip(positions, planted, strict=True):
        rows.insert(position, values)
    for position, (_values, wanted) in zip(positions, planted, strict=True):
        if wanted:
            expected[position + 1] = wanted
    return rows, expected


def _encodes(values: list[str], encoding: str) -> bool:
    try:
        "".join(values).encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


def _found(paths: list[Path]) -> dict[int, dict[str, list[str]]]:
    result = search_files(paths, [SUBJECT, SECOND])
    found: dict[int, dict[str, list[str]]] = {}
    for match in result.matches:
        found.setdefault(match.row, {})[match.subject] = match.reasons
    return found


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom"),
    [("utf-8", ",", False), ("utf-8", ";", True), ("cp1252", "\t", False), ("latin-1", "|", False)],
)
def test_csv_every_planted_row_found_and_no_decoy(
    tmp_path: Path, encoding: str, delimiter: str, bom: bool
) -> None:
    rows, expected = _table(None if encoding == "utf-8" else encoding)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(rows)
    path = tmp_path / "export.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode(encoding))
    assert _found([path]) == expected
    info = search_files([path], [SUBJECT]).files[0].info
    assert info.delimiter == delimiter and info.rows == len(rows) and not info.issues
    # a Latin-1 file without C1 bytes reads the same as Windows-1252, which the detector names
    assert info.encoding == (encoding + ("-sig" if bom else "")) or (encoding, info.encoding) == (
        "latin-1",
        "cp1252",
    )


def test_json_lines_every_planted_row_found(tmp_path: Path) -> None:
    rows, expected = _table()
    path = tmp_path / "export.jsonl"
    path.write_text(
        "".join(json.dumps(dict(zip(HEADERS, r, strict=True)), ensure_ascii=False) + "\n" for r in rows)
    )
    assert _found([path]) == expected


def test_xlsx_every_planted_row_found(tmp_path: Path) -> None:
    rows, expected = _table()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    path = tmp_path / "export.xlsx"
    book.save(path)
    assert _found([path]) == expected


def test_two_digit_year_match_carries_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text(
        "Nom;Prénom;Date de naissance\nL’HÔTE;Éloïse;5/3/01\nL’HÔTE;Éloïse;05/03/2001\n", encoding="utf-8"
    )
    matches = search_files([path], [SUBJECT]).matches
    assert [(m.row, m.warnings) for m in matches] == [(1, ["dob_two_digit_year"]), (2, [])]


def test_match_record_is_the_whole_row_by_header(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text(
        'Nom,Courriel,Note\nA,x@y.z,"multi\nline"\nB,eloise.lhote@exemple.fr,"a, b"\n', encoding="utf-8"
    )
    (match,) = search_files([path], [SUBJECT]).matches
    assert match.row == 2 and match.reasons == ["email"]
    assert match.record == {"Nom": "B", "Courriel": "eloise.lhote@exemple.fr", "Note": "a, b"}


def test_explicit_mapping_overrides_the_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("c1,c2\nfoo,ELOISE.LHOTE@exemple.fr\n", encoding="utf-8")
    result = search_files([path], [SUBJECT], ColumnMapping({"email": "c2"}))
    assert [m.reasons for m in result.matches] == [["email"]]


def test_one_pass_finds_many_subjects_and_attributes_each_row(tmp_path: Path) -> None:
    subjects = [make_subject(f"s{i}", email=f"person{i}@exemple.fr") for i in range(60)]
    path = tmp_path / "e.csv"
    lines = ["email"] + [f"person{i}@exemple.fr" for i in range(0, 120, 2)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = search_files([path], subjects)
    assert sorted(m.subject for m in result.matches) == sorted(f"s{i}" for i in range(0, 60, 2))


def test_letters_nfkd_does_not_decompose_still_match_through_the_prefilter(tmp_path: Path) -> None:
    subject = make_subject("o", name="Øyvind ŁUKASZEWICZ-STRAẞE", dob="1988-08-08")
    path = tmp_path / "e.csv"
    path.write_text(
        "Nom,Prénom,Naissance\n"
        "lukaszewicz strasse,OYVIND,08/08/1988\n"
        "Łukaszewicz‐Straße,Øyvind,1988-08-08\n"
        "LUKASZEWICZ STRASE,Oyvind,08/08/1988\n",
        encoding="utf-8",
    )
    assert [m.row for m in search_files([path], [subject]).matches] == [1, 2]


def test_a_row_parsed_alone_agrees_with_the_whole_block(tmp_path: Path) -> None:
    from dsar_desktop.extracts.opening import open_extract
    from dsar_desktop.extracts.readers import ROW_COL, Block

    path = tmp_path / "q.csv"
    path.write_text('a,b,c\n1,x,"m\nn"\n2,y,z\n3,"q,r",w\n4,k,"l""l"\n', encoding="utf-8")
    (block,) = list(open_extract(path).blocks(columns=["a"]))
    rows = {int(n) for n in block.frame[ROW_COL]}
    assert block.one is not None
    alone = {n: block.one(n) for n in rows}
    assert alone == Block(block.frame, 0, block.full, None).records(rows)
    assert alone[4] == {"a": "4", "b": "k", "c": 'l"l'} and alone[1]["c"] == "m\nn"


def test_excel_unicode_text_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    text = "Nom\tE-mail\r\nDUPRÉ\tx@y.z\r\nL’HÔTE\tEloise.Lhote@exemple.fr\r\n"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    result = search_files([path], [SUBJECT])
    assert [(m.row, m.record["Nom"]) for m in result.matches] == [(2, "L’HÔTE")]
    assert result.files[0].info.encoding == "utf-16-le" and result.files[0].info.delimiter == "\t"
