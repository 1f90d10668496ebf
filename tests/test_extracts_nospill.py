"""No plaintext on disk: a search leaves no trace of a unique marker in temp folders, the cwd or the register."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

import pytest

from dsar_desktop.extracts import readers
from dsar_desktop.services import extracts as service
from dsar_desktop.store.connection import Register
from tests.conftest import make_case


def _files_containing(folder: Path, marker: bytes, skip: set[Path]) -> list[Path]:
    hits = []
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            if path in skip or not path.is_file():
                continue
            try:
                with path.open("rb") as handle:
                    if marker in handle.read():
                        hits.append(path)
            except OSError:
                continue
    return hits


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "xlsx"])
def test_search_and_attach_write_no_plaintext_anywhere(
    register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    marker = "MARK" + secrets.token_hex(12)
    monkeypatch.setattr(readers, "BLOCK_BYTES", 1 << 16)  # many blocks through the prefetch thread
    exports = tmp_path / "exports"
    exports.mkdir()
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    ref = make_case(register, subject_email="heloise.dupre@example.org")
    rows = [f"P{i};p{i}@x.fr;{marker}-{i}" for i in range(5000)] + [
        f"DUPRÉ;heloise.dupre@example.org;{marker}-hit"
    ]
    path = exports / f"crm.{fmt}"
    if fmt == "csv":
        path.write_text("nom;email;note\n" + "\n".join(rows) + "\n", encoding="utf-8")
    elif fmt == "jsonl":
        import json

        path.write_text(
            "".join(
                json.dumps(dict(zip(("nom", "email", "note"), r.split(";"), strict=True))) + "\n"
                for r in rows
            )
        )
    else:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["nom", "email", "note"])
        for r in rows:
            sheet.append(r.split(";"))
        book.save(path)
    before = set(Path(tempfile.gettempdir()).iterdir())

    result = service.attach(register, ref, [path], "crm_prospects")
    assert result.matches_by_case == {ref: 1}
    (match,) = service.list_matches(register, ref)
    service.redact_text(register, match.id, "note", "marker of another person", text=marker)
    service.confirm_match(register, match.id)
    register.checkpoint()

    marker_bytes = marker.encode()
    assert _files_containing(work, marker_bytes, set()) == []
    new_temp = set(Path(tempfile.gettempdir()).iterdir()) - before
    for entry in new_temp:
        assert not (entry.is_file() and marker_bytes in entry.read_bytes()), entry
        if entry.is_dir():
            assert _files_containing(entry, marker_bytes, set()) == [], entry
    register_files = [p for p in register.path.parent.iterdir() if p.name.startswith(register.path.name)]
    assert register_files
    for file in register_files:
        data = file.read_bytes()
        assert marker_bytes not in data and b"heloise.dupre" not in data, file
    # the marker really went through the search: it sits (redacted) in the encrypted register only
    (confirmed,) = service.confirmed_data(register, ref)
    assert confirmed["record"]["note"] == service.REDACTION_MARK + "-hit"
