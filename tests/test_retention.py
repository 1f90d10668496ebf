"""Retention: the purge preview changes nothing; the confirmation purges exactly the previewed cases, their
personal data are gone from every decrypted page of the register file, and each leaves a tombstone that
verifies in the audit chain."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dsar_desktop.domain import retention as domain_retention
from dsar_desktop.domain.cases import Channel, Person, Right, Status
from dsar_desktop.domain.errors import InvalidInput
from dsar_desktop.services import cases as cs
from dsar_desktop.services import register as register_service
from dsar_desktop.services import retention
from dsar_desktop.store import audit
from dsar_desktop.store.connection import Register
from tests.conftest import PASSPHRASE, make_case, run_cli
from tests.test_identity_destruction import decrypted_pages


def closed_case(reg: Register, index: int, closed_on: str, **overrides: object) -> str:
    """A request answered and closed; `closed_on` is written as its closure moment (UTC noon)."""
    person = Person(
        name=f"Gwendoline KERVAREC{index:02d}",
        email=f"gwendoline.kervarec{index:02d}@exemple.fr",
        phone=f"06 44 55 66 {index:02d}",
        dob=dt.date(1990, 1, 1 + index),
        address=f"Gwendoline KERVAREC{index:02d}\n{index} impasse des Goélands\n29200 BREST",
    )
    ref = make_case(
        reg, subject=person, received_at=dt.datetime(2019, 3, 1 + index, 9, tzinfo=dt.UTC), **overrides
    )
    cs.transition(reg, ref, Status.IN_PROGRESS)
    cs.record_dispatch(
        reg, ref, dt.date(2019, 3, 20), "1A 000 000 0000 0", without_pack_reason="Answered before the register"
    )
    cs.transition(reg, ref, Status.CLOSED)
    with reg.transaction() as conn:  # the closure happened years ago
        conn.execute("UPDATE cases SET closed_at = ? WHERE ref = ?", (f"{closed_on}T12:00:00+00:00", ref))
    cs.add_note(reg, ref, f"Called back Gwendoline KERVAREC{index:02d} about the portal")
    return ref


def personal(index: int) -> list[bytes]:
    return [
        f"KERVAREC{index:02d}".encode(),
        f"gwendoline.kervarec{index:02d}@exemple.fr".encode(),
        f"{index} impasse des Goélands".encode(),
    ]


def found(reg: Register, needles: list[bytes]) -> list[bytes]:
    pages = b"\x00".join(decrypted_pages(reg))
    return [n for n in needles if n in pages]


TODAY = dt.date(2026, 12, 1)


def test_the_rule_and_the_token() -> None:
    assert domain_retention.kept_until(dt.date(2021, 11, 30), 5) == dt.date(2026, 11, 30)
    assert domain_retention.purge_due_date(dt.date(2021, 11, 30), 5) == dt.date(2026, 12, 1)
    assert domain_retention.is_due(dt.date(2021, 11, 30), 5, TODAY)
    assert not domain_retention.is_due(dt.date(2021, 12, 1), 5, TODAY)
    assert domain_retention.kept_until(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert domain_retention.preview_token(["B", "A"], 5) == domain_retention.preview_token(["A", "B"], 5)
    assert domain_retention.preview_token(["A"], 5) != domain_retention.preview_token(["A", "B"], 5)
    assert domain_retention.preview_token(["A"], 5) != domain_retention.preview_token(["A"], 6)
    with pytest.raises(InvalidInput):
        domain_retention.check_years(0)


def test_preview_then_confirm_purges_exactly_the_list(register: Register) -> None:
    old = [closed_case(register, i, "2021-06-01") for i in (1, 2)]
    edge = closed_case(register, 3, "2021-11-30")  # kept through 30 Nov 2026: due on 1 Dec 2026
    recent = closed_case(register, 4, "2022-01-10")  # kept until 2027
    open_one = make_case(register, channel=Channel.POST, rights=[Right.ERASURE])
    register.checkpoint()
    before_pages = found(register, [n for i in (1, 2, 3, 4) for n in personal(i)])
    assert len(before_pages) == 12  # control: the decryption sees every case's personal data

    shown = retention.preview(register, TODAY)
    assert [c.ref for c in shown.cases] == [*old, edge]
    first = shown.cases[0]
    assert (first.closed, first.purge_due, first.rights, first.outcome) == (
        "2021-06-01", "2026-06-02", ("access",), "answered_without_pack",
    )  # fmt: skip
    assert retention.preview(register, TODAY) == shown  # reading only

    with pytest.raises(retention.PurgeListChanged):
        retention.purge(register, token="0" * 16, today=TODAY)
    with pytest.raises(retention.NotDueForPurge):
        retention.purge(register, refs=[old[0], recent], today=TODAY)
    assert len(cs.list_cases(register)) == 5  # a refused confirmation purged nothing

    done = retention.purge(register, token=shown.token, today=TODAY)
    assert done.purged == [*old, edge] and done.wal_emptied and done.actor == "alice"
    assert sorted(r.ref for r in cs.list_cases(register)) == sorted([recent, open_one])
    assert found(register, [n for i in (1, 2, 3) for n in personal(i)]) == []
    assert len(found(register, personal(4))) == 3  # the kept case is intact
    wal = register.path.with_name(register.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0

    assert audit.verify_chain(register.conn) > 0
    stones = retention.tombstones(register)
    assert [s["ref"] for s in stones] == [*old, edge]
    assert stones[0]["by"] == "alice" and stones[0]["purged_on"] == "2026-12-01"
    assert {k: stones[0][k] for k in ("received", "closed", "purge_due", "rights", "outcome")} == {
        "received": "2019-03-02", "closed": "2021-06-01", "purge_due": "2026-06-02", "rights": ["access"],
        "outcome": "answered_without_pack",
    }  # fmt: skip
    text = repr(stones)
    assert "KERVAREC" not in text and "exemple.fr" not in text
    assert retention.preview(register, TODAY).cases == []


def test_the_cli_preview_changes_nothing_and_confirm_purges_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, passphrase_file: Path
) -> None:
    path = tmp_path / "office.dsar"
    created = register_service.create_register(path, "alice", PASSPHRASE)
    reg = created.register
    due = [closed_case(reg, i, "2020-05-04") for i in (5, 6)]
    kept = closed_case(reg, 7, dt.date.today().isoformat())
    reg.close()
    args = ["--register", str(path), "--passphrase-file", str(passphrase_file)]

    def snapshot() -> tuple[object, object]:
        _, listed, _ = run_cli(capsys, *args, "case", "list", "--json")
        code, checked, err = run_cli(capsys, *args, "verify", "--json")
        assert code == 0, err
        checked.pop("seconds", None)
        checked.pop("elapsed", None)
        return listed, checked

    before = snapshot()
    code, shown, err = run_cli(capsys, *args, "case", "purge", "--preview", "--json")
    assert code == 0, err
    assert [c["ref"] for c in shown["cases"]] == due and shown["retention_years"] == 5
    assert "outside the register" in shown["packs_outside_register"]["en"]
    assert snapshot() == before  # the preview changed nothing: same list, same verification

    code, _, err = run_cli(capsys, *args, "case", "purge", "--confirm")
    assert code == 1 and "token" in err
    code, done, err = run_cli(
        capsys, *args, "case", "purge", "--confirm", "--token", shown["token"], "--json"
    )
    assert code == 0, err
    assert done["purged"] == due
    listed, checked = snapshot()
    assert [c["ref"] for c in listed] == [kept]
    code, again, _ = run_cli(capsys, *args, "case", "purge", "--confirm", "--token", shown["token"])
    assert code == 1 and "Preview again" in again + _
