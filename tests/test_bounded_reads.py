"""Every file a person points the app at is read with a limit (issue 9 item 11): a device, a folder or a
file far larger than its kind ends with its own sentence, never with "unexpected error" or a MemoryError."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import run_cli

DEV_ZERO = "/dev/zero"
needs_dev_zero = pytest.mark.skipif(not os.path.exists(DEV_ZERO), reason="no /dev/zero on this system")


def sparse(path: Path, size: int) -> Path:
    """A file that claims `size` bytes without using the disk."""
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


@needs_dev_zero
def test_a_passphrase_file_that_never_ends_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = str(tmp_path / "r.dsar")
    assert (
        run_cli(
            capsys, "--register", path, "--passphrase-file", str(passphrase_file), "init", "--label", "a"
        )[0]
        == 0
    )
    code, _out, err = run_cli(capsys, "--register", path, "--passphrase-file", DEV_ZERO, "case", "list")
    assert code == 2 and "passphrase file" in err and "a folder or a device" in err
    big = sparse(tmp_path / "pass.txt", 10 * 1024 * 1024)
    code, _out, err = run_cli(capsys, "--register", path, "--passphrase-file", str(big), "case", "list")
    assert code == 2 and "over 64 KB" in err


@needs_dev_zero
def test_pack_verify_reads_neither_a_device_nor_a_file_larger_than_any_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run_cli(capsys, "pack", "verify", DEV_ZERO)
    assert code == 1 and "not an ordinary file" in err
    huge = sparse(tmp_path / "pack.zip", 2 * 1024 * 1024 * 1024)
    code, _out, err = run_cli(capsys, "pack", "verify", str(huge))
    assert code == 1 and "larger than any pack (1 GB)" in err and "not read" in err


def test_a_catalogue_a_mapping_and_a_certificate_far_too_large_are_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reg = ["--register", str(tmp_path / "r.dsar"), "--passphrase-file", str(passphrase_file)]
    assert run_cli(capsys, *reg, "init", "--label", "alice")[0] == 0
    huge = sparse(tmp_path / "huge.json", 3 * 1024 * 1024 * 1024)
    code, _out, err = run_cli(capsys, *reg, "catalogue", "import", str(huge))
    assert code == 1 and "larger than any processing register file (16 MB)" in err
    code, _out, err = run_cli(capsys, *reg, "cert", "import", str(huge))
    assert code == 1 and "larger than any PKCS#12 file (1 MB)" in err
    data = tmp_path / "people.csv"
    data.write_text("email\nanna@example.org\n", encoding="utf-8")
    code, _out, err = run_cli(
        capsys,
        "extracts",
        "search",
        "--file",
        str(data),
        "--email",
        "anna@example.org",
        "--mapping",
        str(huge),
    )
    assert code != 0 and "larger than any column mapping (1 MB)" in err
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    code, _out, err = run_cli(capsys, "pack", "verify", str(tmp_path))
    assert code == 1 and "n'est pas un fichier ordinaire" in err and "dossier de réponse" in err
