"""A CSV saved by Excel for Mac ("CSV (Macintosh)": lines ended by a lone CR)
was read as one line: "no data rows: the file holds only its header". Its rows are read and found
(Windows-1252 here; a Mac Roman file is decoded as Windows-1252, so its accents come out wrong)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dsar_desktop.domain.matching import make_subject
from dsar_desktop.extracts import readers
from dsar_desktop.extracts.engine import search_files

SUBJECT = make_subject("s", email="eloise.lhote@exemple.fr", name="Éloïse L’HÔTE", dob="2001-03-05")


def _mac_csv(path: Path, rows: int = 40) -> Path:
    lines = ["Nom;Prénom;Courriel;Date de naissance;Remarque"]
    for n in range(rows):
        lines.append(f"PERSONNE{n};Jean;p{n}@x.fr;01/01/1990;ras")
    lines.append('L\'HÔTE;Éloïse;autre@x.fr;05/03/2001;"note; avec point-virgule"')  # name + birth date
    lines.append("DUPONT;Marc;ELOISE.LHOTE@exemple.fr;02/02/1980;")  # her e-mail
    path.write_bytes("\r".join(lines).encode("cp1252") + b"\r")
    return path


@pytest.mark.parametrize("block", [readers.BLOCK_BYTES, 64])
def test_a_mac_csv_is_read_row_by_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int) -> None:
    monkeypatch.setattr(readers, "BLOCK_BYTES", block)  # 64: cut at a CR in many places
    path = _mac_csv(tmp_path / "crm_mac.csv")
    result = search_files([path], [SUBJECT])
    file = result.files[0]
    assert file.info.rows == 42 and not [i for i in file.info.issues if i.kind == "row"]
    assert {m.row: m.reasons for m in result.matches} == {41: ["name+dob"], 42: ["email"]}
    assert result.matches[0].record["Remarque"] == "note; avec point-virgule"
    assert file.info.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()  # the file's own bytes
