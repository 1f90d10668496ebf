"""Issue 12 gap: a JSON Lines key first seen after the lines peeked to learn the columns (1,000) is searched
like every other key, and one that would have had a role gets it (the file is read again knowing it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli as run

from dsar_desktop.domain.matching import make_subject
from dsar_desktop.extracts.engine import search_files

EMAIL = "eloise.lhote@exemple.fr"
SUBJECT = make_subject(
    "s",
    email=EMAIL,
    name="Éloïse L’HÔTE",
    dob="2001-03-05",
    phone="+33 6 12 34 56 78",
    student_number="CESI204518",
)


def _write(path: Path, late: dict[int, dict[str, object]], lines: int = 2000) -> Path:
    """`lines` ordinary objects (nom, ville, an id); line N replaced by `late[N]` merged into it."""
    with path.open("w", encoding="utf-8") as out:
        for number in range(1, lines + 1):
            record: dict[str, object] = {"id": f"U{number}", "nom": f"Personne {number}", "ville": "Lyon"}
            record.update(late.get(number, {}))
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def test_an_email_under_a_key_first_seen_on_line_1500_is_found(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "crm.jsonl",
        {
            1200: {"extra": {"zz_9": "rien"}},  # late keys with no role, holding nothing of hers
            1500: {"extra": {"zz_7": f"Relance faite, répondre à {EMAIL.upper()} avant vendredi"}},
            1800: {"extra": {"zz_9": "rappeler le 06 12 34 56 78"}},  # her phone under a late key too
        },
    )
    result = search_files([path], [SUBJECT])
    found = {m.row: m for m in result.matches}
    assert set(found) == {1500, 1800}
    assert found[1500].reasons == ["email"] and "found_in_text" in found[1500].warnings
    assert found[1500].record["extra.zz_7"].startswith("Relance faite")
    assert found[1800].reasons == ["phone"]
    info = result.files[0].info
    assert info.rows == 2000
    (report,) = [i for i in info.issues if i.kind == "unmapped"]  # no identifying key: said, blocks the mark
    assert "every column was searched for the e-mail and the phone only" in report.en


def test_a_late_phone_key_is_searched_as_the_phone(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "crm.jsonl",
        {1800: {"contact": {"telephone_secours": "06 12 34 56 78"}}, 1900: {"extra": {"zz_9": "rien"}}},
    )
    result = search_files([path], [SUBJECT])
    assert [(m.row, m.reasons, m.warnings) for m in result.matches] == [(1800, ["phone"], [])]
    assert result.files[0].mapping.get("phone") == "contact.telephone_secours"
    assert not result.files[0].unmapped
    # the columns report names every key of every line, the late ones included (nothing searched silently)
    (report,) = [i for i in result.files[0].info.issues if i.kind == "column"]
    assert report.en.endswith("searched only for the e-mail and the phone: id, extra.zz_9")


def test_a_late_key_with_a_role_gets_its_role(tmp_path: Path) -> None:
    """A student number or a birth date first seen after line 1,000: the file is read again with its role."""
    path = _write(
        tmp_path / "scolarite.jsonl",
        {
            1100: {"numero_etudiant": "CESI000001"},
            1500: {"numero_etudiant": "cesi 204518"},
            1700: {"date_naissance": "05/03/2001", "nom": "L’HÔTE", "prenom": "Éloïse"},
            1701: {"date_naissance": "05/03/2001", "nom": "AUTRE", "prenom": "Personne"},  # a decoy
            3: {"malformed": None},
        },
    )
    path.write_text(path.read_text(encoding="utf-8") + "{not json}\n", encoding="utf-8")
    result = search_files([path], [SUBJECT])
    by_row = {m.row: m.reasons for m in result.matches}
    assert by_row == {1500: ["student_number"], 1700: ["name+dob"]}
    file = result.files[0]
    assert (
        file.mapping.get("student_number") == "numero_etudiant"
        and file.mapping.get("dob") == "date_naissance"
    )
    assert not file.unmapped
    # read twice, counted once: rows and the malformed line are not doubled
    assert file.info.rows == 2000
    assert [i.line for i in file.info.issues if i.kind == "row"] == [2001]


def test_late_key_found_through_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, passphrase_file: Path
) -> None:
    path = _write(tmp_path / "newsletter.jsonl", {1500: {"abonnement": {"adresse_envoi": EMAIL}}})
    reg = ["--register", str(tmp_path / "r.dsar"), "--passphrase-file", str(passphrase_file)]
    assert run(capsys, "init", *reg, "--json")[0] == 0
    code, case, err = run(capsys, "case", "add", *reg, "--json", "--received", "2027-03-01", "--channel", "email",
                          "--right", "access", "--subject-name", "Éloïse L’HÔTE", "--subject-email", EMAIL)  # fmt: skip
    assert code == 0, err
    ref = case["ref"]  # type: ignore[index]
    code, out, err = run(capsys, "extracts", "attach", ref, *reg, "--file", str(path), "--source", "newsletter",
                         "--json")  # fmt: skip
    assert code == 0, err
    assert out["matches_by_case"] == {ref: 1}  # type: ignore[index]
    code, matches, _ = run(capsys, "extracts", "matches", ref, *reg, "--json")
    (match,) = matches  # type: ignore[misc]
    assert match["row"] == 1500 and match["record"]["abonnement.adresse_envoi"] == EMAIL
