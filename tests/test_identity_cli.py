"""`dsar id check-mrz` and `dsar case id-request / id-received / id-decide` end to end."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import run_cli as run
from PIL import Image

pytestmark = pytest.mark.usefixtures("identity_today")

TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]


def test_check_mrz_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "id", "check-mrz", *TD3, "--json")
    assert code == 0
    assert isinstance(out, dict)
    assert out["format"] == "TD3" and out["valid"] is True
    assert out["checks"] == {"document_number": True, "birth_date": True, "expiry_date": True, "personal_number": True, "composite": True}  # fmt: skip
    assert out["fields"]["birth_date"] == "1974-08-12"
    code, out, _ = run(capsys, "id", "check-mrz", TD3[0], TD3[1].replace("7408122", "7408132"), "--json")
    assert out["valid"] is False and out["checks"]["birth_date"] is False  # type: ignore[index]


def test_check_mrz_wrong_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "id", "check-mrz", "P<UTOERIKSSON")
    assert code == 1 and "2 lines" in err


def test_case_identity_commands(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, passphrase_file: Path
) -> None:
    reg = ["--register", str(tmp_path / "r.dsar"), "--passphrase-file", str(passphrase_file)]
    assert run(capsys, "init", *reg, "--json")[0] == 0
    code, case, err = run(
        capsys, "case", "add", *reg, "--json", "--received", "2027-03-01", "--channel", "email", "--right", "access",
        "--subject-name", "Anna Maria ERIKSSON", "--subject-dob", "1974-08-12", "--subject-email", "anna@example.org",
    )  # fmt: skip
    assert code == 0, err
    ref = case["ref"]  # type: ignore[index]

    code, out, err = run(capsys, "case", "id-request", ref, *reg, "--json", "--reason", "Your request came from an address we do not know.", "--sent-on", "2027-03-02")  # fmt: skip
    assert code == 0, err
    assert out["status"] == "awaiting_identity"  # type: ignore[index]

    text_file = tmp_path / "passport.jpg"
    text_file.write_text("not a picture\n" * 20)
    code, _out, err = run(
        capsys, "case", "id-received", ref, *reg, "--file", str(text_file), "--date", "2027-03-05"
    )
    assert code == 1 and "not a JPEG, PNG or PDF" in err

    picture = tmp_path / "scan.png"
    buffer = io.BytesIO()
    Image.new("RGB", (500, 320), (220, 220, 200)).save(buffer, "PNG")
    picture.write_bytes(buffer.getvalue())
    code, out, err = run(capsys, "case", "id-received", ref, *reg, "--json", "--file", str(picture), "--date", "2027-03-05")  # fmt: skip
    assert code == 0, err
    assert out["suspension_ended"] == "2027-03-05" and out["legal_due"] == "2027-04-05"  # type: ignore[index]  # 1 Apr + 3 days = Sun 4 -> Mon 5

    code, out, err = run(
        capsys, "case", "id-decide", ref, *reg, "--json", "--decision", "verified", "--mrz", *TD3,
        "--document-type", "passport", "--issuing-country", "UTO", "--document-number", "L898902C3",
        "--expiry", "2030-04-15", "--holder-name", "Anna Maria ERIKSSON", "--holder-dob", "1974-08-12",
        "--signature", "yes", "--on", "2027-03-05", "--note", "MRZ of the ICAO specimen (expired 2012)",
    )  # fmt: skip
    assert code == 0, err
    assert out["decision"] == "verified" and out["scans_destroyed"] == 1 and out["status"] == "in_progress"  # type: ignore[index]
    items = {i["key"]: i["status"] for i in out["checklist"]["items"]}  # type: ignore[index]
    assert items["mrz"] == "ok" and items["mrz_name"] == "ok" and items["mrz_expiry_date"] == "fail"

    code, out, _ = run(capsys, "case", "id-status", ref, *reg, "--json")
    assert out["proofs"][0]["state"] == "verified" and out["block_reason"] is None  # type: ignore[index]
