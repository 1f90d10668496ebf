"""`dsar extracts search` (no register) and `dsar extracts attach / status / confirm / redact / mark` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli as run

DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo"


def test_search_json_shape_over_every_demo_file(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(DEMO.iterdir())
    argv = ["extracts", "search", "--json", "--name", "Éloïse L'HÔTE", "--dob", "2001-03-05",
            "--email", "eloise.lhote@exemple.fr", "--phone", "+33 6 12 34 56 78", "--student-number", "CESI204518"]  # fmt: skip
    for path in files:
        argv += ["--file", str(path)]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert isinstance(out, dict)
    assert out["rows_scanned"] == sum(f["rows"] for f in out["files"]) == 33
    assert [f["name"] for f in out["files"]] == [p.name for p in files]
    assert all(len(f["sha256"]) == 64 for f in out["files"])
    by_file = {m["file"]: m for m in out["matches"]}
    assert set(by_file) == {p.name for p in files} - {"diplomas.tsv"}
    assert by_file["student_records.xlsx"]["reasons"] == ["email", "phone", "name+dob", "student_number"]
    assert by_file["student_records.xlsx"]["row"] == 1
    assert by_file["crm_prospects.csv"]["record"]["Nom"] == "L'HÔTE"  # read from Windows-1252
    assert all(set(m) >= {"file", "row", "reasons", "record"} for m in out["matches"])


def test_search_with_a_mapping_file_and_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "x.csv"
    data.write_text("a;b\n1;ELOISE.LHOTE@exemple.fr\n", encoding="utf-8")
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"email": "b"}), encoding="utf-8")
    code, out, _ = run(capsys, "extracts", "search", "--file", str(data), "--mapping", str(mapping),
                       "--email", "eloise.lhote@exemple.fr", "--json")  # fmt: skip
    assert code == 0 and [m["row"] for m in out["matches"]] == [1]  # type: ignore[index]
    mapping.write_text(json.dumps({"email": "courriel"}), encoding="utf-8")
    code, _, err = run(
        capsys, "extracts", "search", "--file", str(data), "--mapping", str(mapping), "--email", "x@y.z"
    )
    assert code == 7 and "courriel" in err
    code, _, err = run(capsys, "extracts", "search", "--file", str(data), "--name", "A B")
    assert code == 1 and "--dob" in err
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "extracts", "search", "--file", str(empty), "--email", "x@y.z")
    assert code == 7 and "empty" in err


def test_attach_review_and_status(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, passphrase_file: Path
) -> None:
    reg = ["--register", str(tmp_path / "r.dsar"), "--passphrase-file", str(passphrase_file)]
    assert run(capsys, "init", *reg, "--json")[0] == 0
    code, case, err = run(
        capsys, "case", "add", *reg, "--json", "--received", "2027-03-01", "--channel", "email", "--right", "access",
        "--subject-name", "Éloïse L’HÔTE", "--subject-dob", "2001-03-05", "--subject-email", "eloise.lhote@exemple.fr",
    )  # fmt: skip
    assert code == 0, err
    ref = case["ref"]  # type: ignore[index]
    code, out, err = run(capsys, "extracts", "attach", ref, *reg, "--file", str(DEMO / "customer_service.csv"),
                         "--source", "customer_service", "--json")  # fmt: skip
    assert code == 0, err
    assert out["matches_by_case"] == {ref: 1}  # type: ignore[index]
    code, matches, _ = run(capsys, "extracts", "matches", ref, *reg, "--json")
    (match,) = matches  # type: ignore[misc]
    assert "Jeanne Martin" in match["record"]["message"]
    code, _, err = run(capsys, "extracts", "redact", str(match["id"]), *reg, "--field", "message",
                       "--text", "Jeanne Martin (06 99 88 77 66)", "--reason", "flatmate")  # fmt: skip
    assert code == 0, err
    assert run(capsys, "extracts", "confirm", str(match["id"]), *reg, "--json")[0] == 0
    assert (
        run(
            capsys,
            "extracts",
            "mark",
            ref,
            *reg,
            "--source",
            "diplomas",
            "--not-applicable",
            "never graduated",
        )[0]
        == 0
    )
    code, status, _ = run(capsys, "extracts", "status", ref, *reg, "--json")
    states = {s["source"]: s["status"] for s in status}  # type: ignore[union-attr]
    assert states["customer_service"] == "searched" and states["diplomas"] == "not_applicable"
    assert states["crm_prospects"] == "to_search"
    code, versions, _ = run(capsys, "catalogue", "versions", *reg, "--json")
    assert [v["version"] for v in versions] == [1]  # type: ignore[union-attr]
