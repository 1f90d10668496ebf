"""On the demo register: `dsar stats --from --to` agrees with a count made from `dsar case list`, and
`dsar record export` writes one row per case of the period, pseudonymised on request (no subject or
requester name, e-mail or address left anywhere in the file, XLSX XML included), every export audited."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from dsar_desktop.domain.errors import InvalidInput
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import demo
from dsar_desktop.services import register as register_service
from dsar_desktop.store import audit
from tests.conftest import PASSPHRASE, run_cli

START, END = "2026-01-01", "2026-12-31"


@pytest.fixture(scope="module")
def demo_register(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo register (`dsar demo`, 200 cases), built once for this module."""
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.dsar"
    demo.create_demo_register(path, "alice", PASSPHRASE).register.close()
    (folder / "passphrase.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    yield path


def cli(path: Path) -> list[str]:
    return ["--register", str(path), "--passphrase-file", str(path.with_name("passphrase.txt"))]


def personal_strings(path: Path) -> list[str]:
    """Every subject's and requester's name, e-mail and address line in the register."""
    reg = register_service.unlock_register(path, PASSPHRASE)
    try:
        found: set[str] = set()
        for row in case_service.list_cases(reg):
            case = case_service.get_case(reg, row.ref)
            for value in (case.subject.name, case.subject.email, case.requester_name, case.requester_email):
                if value:
                    found.add(value)
            for block in (case.subject.address, case.requester_address):
                found.update(line.strip() for line in (block or "").splitlines() if line.strip())
        return sorted(found)
    finally:
        reg.close()


def extract_only_values(path: Path) -> list[str]:
    """Values of the extract rows kept in the demo cases that are not names, e-mails or addresses:
    phone numbers, student and file numbers, dates of birth."""
    reg = register_service.unlock_register(path, PASSPHRASE)
    try:
        values: set[str] = set()
        for (record,) in reg.query("SELECT record FROM extract_matches WHERE record IS NOT NULL"):
            for key, value in json.loads(record).items():
                if any(
                    word in key.casefold() for word in ("phone", "mobile", "dossier", "étudiant", "naissance")
                ):
                    if value and len(str(value)) >= 8:
                        values.add(str(value))
        return sorted(values)
    finally:
        reg.close()


def in_period(cases: list[dict[str, object]]) -> list[dict[str, object]]:
    return [c for c in cases if START <= str(c["received"]) <= END]


def test_stats_for_a_period_agree_with_the_case_list(
    capsys: pytest.CaptureFixture[str], demo_register: Path
) -> None:
    code, cases, err = run_cli(capsys, *cli(demo_register), "case", "list", "--json")
    assert code == 0, err
    cases = in_period(cases)
    assert len(cases) >= 150  # the demo's requests fall in the year of `today`
    code, stats, err = run_cli(capsys, *cli(demo_register), "stats", "--from", START, "--to", END, "--json")
    assert code == 0, err
    assert stats["received"] == len(cases)
    assert {k: v for k, v in stats["by_right"].items() if v} == Counter(r for c in cases for r in c["rights"])
    assert {k: v for k, v in stats["by_channel"].items() if v} == Counter(c["channel"] for c in cases)
    assert sum(p["received"] for p in stats["monthly"]) == len(cases)
    assert stats["period_from"] == START and stats["period_to"] == END and stats["year"] == 2026
    # --year gives the same figures; a half period counts only its part
    code, by_year, _ = run_cli(capsys, *cli(demo_register), "stats", "--year", "2026", "--json")
    assert code == 0 and by_year["received"] == stats["received"] and by_year["by_right"] == stats["by_right"]
    months = sorted({str(c["received"])[:7] for c in cases})
    first = months[0]
    code, part, _ = run_cli(
        capsys, *cli(demo_register), "stats", "--from", f"{first}-01", "--to", f"{first}-28", "--json"
    )
    assert part["received"] == sum(1 for c in cases if f"{first}-01" <= str(c["received"]) <= f"{first}-28")
    code, _, err = run_cli(
        capsys, *cli(demo_register), "stats", "--year", "2026", "--from", START, "--to", END
    )
    assert code == 1 and "either --year or --from" in err
    code, _, err = run_cli(capsys, *cli(demo_register), "stats", "--from", END, "--to", START)
    assert code == 1 and "before it starts" in err


def test_the_record_one_row_per_case_and_pseudonymised(
    capsys: pytest.CaptureFixture[str], demo_register: Path, tmp_path: Path
) -> None:
    code, cases, _ = run_cli(capsys, *cli(demo_register), "case", "list", "--json")
    refs = sorted(c["ref"] for c in in_period(cases))
    personal = personal_strings(demo_register)
    assert len(personal) > 300

    plain = tmp_path / "record.xlsx"
    code, done, err = run_cli(
        capsys, *cli(demo_register), "record", "export", "--from", START, "--to", END, "--out", str(plain),
        "--language", "en", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert done["rows"] == len(refs) and done["pseudonymised"] is False
    sheet = openpyxl.load_workbook(plain).active
    assert sheet.freeze_panes == "B2"
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:3] == ("Reference", "Received on", "Channel")
    assert sorted(r[0] for r in body) == refs  # one row per case of the period, none other
    received = header.index("Received on")
    assert all(isinstance(r[received], dt.datetime) for r in body)  # dates are dates, not text
    last = openpyxl.utils.get_column_letter(len(header))
    assert header[-1] == "Response pack SHA-256"
    assert sheet.column_dimensions["A"].width == 16 and sheet.column_dimensions[last].width == 66
    reasons = [r[header.index("Sent without a sealed pack (reason)")] for r in body]
    assert (
        sum(1 for r in reasons if r)
        == sum(1 for r in body if r[header.index("Outcome")] == "Answered without a response pack")
        > 0
    )
    text = xlsx_text(plain)
    assert sum(s in text for s in personal) > 0.9 * len(personal)  # control: the full record names people
    extract_values = extract_only_values(demo_register)
    assert len(extract_values) > 20
    assert [v for v in extract_values if v in text] == []  # no extract data: phones, file numbers, courses

    pseudo = tmp_path / "record-pseudo.xlsx"
    code, done, err = run_cli(
        capsys, *cli(demo_register), "record", "export", "--from", START, "--to", END, "--out", str(pseudo),
        "--pseudonymise", "--json",
    )  # fmt: skip
    assert code == 0, err and done["pseudonymised"] is True
    text = xlsx_text(pseudo)
    left = [s for s in personal if s in text or s.casefold() in text.casefold()]
    assert left == []
    assert (
        sorted(r[0] for r in list(openpyxl.load_workbook(pseudo).active.iter_rows(values_only=True))[1:])
        == refs
    )

    as_csv = tmp_path / "record.csv"
    code, done, err = run_cli(
        capsys, *cli(demo_register), "record", "export", "--from", START, "--to", END, "--out", str(as_csv),
        "--pseudonymise", "--language", "fr",
    )  # fmt: skip
    assert code == 0, err
    data = as_csv.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert lines[0][:3] == ["Référence", "Reçue le", "Canal"] and sorted(r[0] for r in lines[1:]) == refs
    decoded = data.decode("utf-8-sig")
    assert [s for s in personal if s.casefold() in decoded.casefold()] == []

    reg = register_service.unlock_register(demo_register, PASSPHRASE)
    try:
        exports = [e for e in audit.entries(reg.conn) if e.action == "record.exported"]
        assert audit.verify_chain(reg.conn) > 0
    finally:
        reg.close()
    assert [(e.details["pseudonymised"], e.details["format"]) for e in exports[-3:]] == [
        (False, "xlsx"), (True, "xlsx"), (True, "csv"),
    ]  # fmt: skip
    assert all(e.actor == "alice" and e.details["from"] == START and e.details["to"] == END for e in exports)
    assert all(e.details["rows"] == len(refs) for e in exports[-3:])


def test_a_wrong_destination_is_refused(
    capsys: pytest.CaptureFixture[str], demo_register: Path, tmp_path: Path
) -> None:
    code, _, err = run_cli(
        capsys,
        *cli(demo_register),
        "record",
        "export",
        "--from",
        START,
        "--to",
        END,
        "--out",
        str(tmp_path / "r.pdf"),
    )
    assert code == 1 and ".xlsx or .csv" in err
    code, _, err = run_cli(
        capsys, *cli(demo_register), "record", "export", "--from", START, "--to", END,
        "--out", str(tmp_path / "missing" / "r.csv"),
    )  # fmt: skip
    assert code == 1 and not (tmp_path / "missing").exists()
    with pytest.raises(InvalidInput):
        from dsar_desktop.services.record import format_of

        format_of(Path("record.txt"))


def xlsx_text(path: Path) -> str:
    """Every XML part of the workbook, as text (shared strings, inline strings, sheet XML)."""
    with zipfile.ZipFile(path) as archive:
        parts = [archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml")]
    import html

    return html.unescape("\n".join(parts))


def test_pseudonymise_reaches_free_text() -> None:
    from dsar_desktop.domain import record as rec

    facts = rec.CaseFacts(
        ref="DSAR-2027-0001", received=dt.date(2027, 3, 1), channel="email", language="fr",
        subject_name="Héloïse DUPRÉ", subject_email="h.dupre@example.org", subject_address="12 rue des Lilas\n69003 LYON",
        capacity="self", requester_name=None, requester_email=None, requester_address=None, rights=["access"],
        priority=None, status="responded", outcome="answered_on_time", legal_due=dt.date(2027, 4, 1),
        current_due=dt.date(2027, 4, 1), extended=True, extension_notice=dt.date(2027, 3, 20),
        extension_reason="Mme Dupré holds seven accounts (h.dupre@example.org, 12 rue des Lilas)",
        closure_reason=None, manifestly_unfounded=False, dispatched=dt.date(2027, 3, 30),
        dispatch_number="1A 234", closed=None, pack_sha256="ab" * 32,
    )  # fmt: skip
    facts = dataclasses.replace(
        facts,
        notifications=[
            rec.Notification("Newsletter platform", "notified", dt.date(2027, 3, 25), "e-mail to support"),
            rec.Notification("Alumni office", "impossible", None, "no contact for Héloïse Dupré's file"),
        ],
        without_pack_reason=None,
    )
    assert rec.row_of(facts, "en")["notifications"] == (
        "Newsletter platform: notified 2027-03-25 (e-mail to support) | "
        "Alumni office: impossible (no contact for Héloïse Dupré's file)"
    )
    row = rec.pseudonymise(rec.row_of(facts, "fr"), facts)
    assert "Héloïse" not in row["notifications"] and "DSAR-2027-0001" in row["notifications"]
    assert row["subject_name"] == row["subject_email"] == row["subject_address"] == "DSAR-2027-0001"
    assert (
        row["extension_reason"] == "Mme DSAR-2027-0001 holds seven accounts (DSAR-2027-0001, DSAR-2027-0001)"
    )
    assert json.dumps(row, default=str).count("Dupré") == 0
