"""Cases: the state machine, intake, extension, dispatch, timeline and the case CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dsar_desktop.cli import main as cli_main
from dsar_desktop.domain.case_actions import ActionRefused
from dsar_desktop.domain.cases import (
    TRANSITIONS,
    IllegalTransition,
    ReasonRequired,
    Status,
    check_transition,
    fold_for_search,
)
from dsar_desktop.domain.errors import InvalidInput
from dsar_desktop.services import cases as svc
from dsar_desktop.store import audit
from tests.conftest import new_case


def test_every_state_is_reachable_and_closed_is_final() -> None:
    reachable = {Status.RECEIVED}
    frontier = [Status.RECEIVED]
    while frontier:
        for nxt in TRANSITIONS[frontier.pop()]:
            if nxt not in reachable:
                reachable.add(nxt)
                frontier.append(nxt)
    assert reachable == set(Status)
    assert TRANSITIONS[Status.CLOSED] == {}


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (Status.RECEIVED, Status.RESPONDED),
        (Status.CLOSED, Status.IN_PROGRESS),
        (Status.REFUSED, Status.READY),
    ],
)
def test_illegal_transitions_are_refused(current: Status, target: Status) -> None:
    with pytest.raises(IllegalTransition) as info:
        check_transition(current, target, "because")
    assert current.value in str(info.value)


@pytest.mark.parametrize("target", [Status.REFUSED, Status.AWAITING_IDENTITY])
def test_reasons_the_law_wants(target: Status) -> None:
    with pytest.raises(ReasonRequired):
        check_transition(Status.RECEIVED, target, "  ")
    check_transition(Status.RECEIVED, target, "a reason")


def test_intake_computes_deadlines_and_writes_timeline_and_audit(register) -> None:  # type: ignore[no-untyped-def]
    # 23:30 UTC on 31 January is 1 February in Paris (RULES A1).
    case = svc.add_case(register, new_case(received_at=dt.datetime(2027, 1, 31, 23, 30, tzinfo=dt.UTC)))
    assert case.ref == "DSAR-2027-0001"
    assert case.received_date == dt.date(2027, 2, 1)
    assert case.legal_due == dt.date(2027, 3, 1)  # Mon 1 Mar 2027
    assert case.status == Status.RECEIVED
    assert [e.kind for e in svc.timeline(register, case.ref)] == ["created"]
    entries = list(audit.entries(register.conn, case.ref))
    assert [e.action for e in entries] == ["case.created"]
    assert "Héloïse" not in json.dumps(
        entries[0].details, ensure_ascii=False
    )  # no personal data in the audit
    second = svc.add_case(register, new_case())
    assert second.ref == "DSAR-2027-0002"


def test_intake_validation(register) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput):
        svc.add_case(register, new_case(rights=[]))
    with pytest.raises(InvalidInput):
        svc.add_case(register, new_case(subject_name="  "))
    assert svc.received_in_future(new_case(received_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=2)))
    assert register.query_one("SELECT count(*) FROM cases")[0] == 0


def test_extension_only_on_or_before_d1(register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()  # received Mon 1 Mar 2027 -> D1 Thu 1 Apr 2027
    svc.transition(register, ref, Status.IN_PROGRESS)
    with pytest.raises(svc.ExtensionTooLate):
        svc.extend(register, ref, "complex", dt.date(2027, 4, 2))
    case = svc.extend(register, ref, "seven systems to search", dt.date(2027, 4, 1))
    assert case.status == Status.EXTENDED and case.extended
    assert case.current_due == dt.date(2027, 6, 1)
    with pytest.raises(svc.AlreadyExtended):
        svc.extend(register, ref, "again", dt.date(2027, 4, 1))


def test_full_path_and_earlier_requests(register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    svc.transition(register, ref, Status.IN_PROGRESS)
    with pytest.raises(ActionRefused, match="No sealed response pack"):
        svc.transition(register, ref, Status.READY)
    case = svc.record_dispatch(
        register, ref, dt.date(2027, 3, 20), "1A 123 456 7890 1", without_pack_reason="Handed over in person"
    )
    assert case.status == Status.RESPONDED and case.dispatch_number == "1A 123 456 7890 1"
    case = svc.transition(register, ref, Status.CLOSED)
    assert case.closed_at is not None and not case.is_open
    kinds = [e.kind for e in svc.timeline(register, ref)]
    assert kinds == ["created", "transition", "transition", "dispatched_without_pack", "transition"]
    earlier = svc.earlier_requests(register, "heloise dupre", None)
    assert [r.ref for r in earlier] == [ref]
    assert svc.earlier_requests(register, "Someone ELSE", "HELOISE.DUPRE@example.org ")[0].ref == ref


def test_dashboard_levels(register, case_factory) -> None:  # type: ignore[no-untyped-def]
    overdue = case_factory()  # D1 1 Apr 2027
    soon = case_factory(received_at=dt.datetime(2027, 3, 25, 9, tzinfo=dt.UTC))  # D1 26 Apr 2027
    board = svc.dashboard(register, today=dt.date(2027, 4, 20))
    assert [r.ref for r in board.overdue] == [overdue]
    assert [r.ref for r in board.due_within_7] == [soon]
    assert board.counts[Status.RECEIVED] == 2


def test_fold_for_search() -> None:
    assert fold_for_search("  Héloïse   ŒUVRAY ") == "heloise oeuvray"


def run_cli(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = cli_main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_case_cli_path(tmp_path: Path, passphrase_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    base = ["--register", str(tmp_path / "r.dsar"), "--passphrase-file", str(passphrase_file)]
    assert run_cli(capsys, *base, "init")[0] == 0
    code, out, err = run_cli(
        capsys, *base, "case", "add", "--received", "2027-07-15", "--channel", "email", "--right", "access",
        "--right", "portability", "--subject-name", "Zoë O’BRIEN", "--subject-email", "zoe@example.org", "--json",
    )  # fmt: skip
    assert code == 0, err
    added = json.loads(out)
    assert added["ref"] == "DSAR-2027-0001"
    assert added["legal_due"] == "2027-08-16" and added["policy_target"] == "2027-08-13"
    ref = added["ref"]
    code, out, _ = run_cli(capsys, *base, "case", "list", "--open", "--json")
    listed = json.loads(out)
    assert listed[0]["rights"] == ["access", "portability"] and listed[0]["subject_name"] == "Zoë O’BRIEN"
    assert {"ref", "status", "received", "channel", "rights", "subject_name", "legal_due"} <= set(listed[0])
    assert run_cli(capsys, *base, "case", "transition", ref, "--to", "in_progress")[0] == 0
    code, _, err = run_cli(
        capsys, *base, "case", "extend", ref, "--reason", "late", "--notice-date", "2027-08-17"
    )
    assert code == 1 and "after the legal due date" in err and len(err.strip().splitlines()) == 1
    code, out, _ = run_cli(
        capsys, *base, "case", "extend", ref, "--reason", "complex", "--notice-date", "2027-08-10", "--json"
    )
    assert code == 0 and json.loads(out)["status"] == "extended"
    code, _, err = run_cli(capsys, *base, "case", "transition", ref, "--to", "ready")
    assert code == 1 and "No sealed response pack" in err
    code, _, err = run_cli(
        capsys, *base, "case", "dispatch", ref, "--date", "2027-09-01", "--number", "1A0001",
        "--without-pack", "--reason", "Letter typed by the registrar",
    )  # fmt: skip
    assert code == 0, err
    assert run_cli(capsys, *base, "case", "transition", ref, "--to", "closed")[0] == 0
    code, out, _ = run_cli(capsys, *base, "case", "show", ref, "--json")
    shown = json.loads(out)
    assert shown["status"] == "closed"
    assert [e["kind"] for e in shown["timeline"]] == [
        "created",
        "transition",
        "extended",
        "transition",
        "dispatched_without_pack",
        "transition",
    ]
    assert any("Aug" in line for line in shown["explanation"])
    code, _, err = run_cli(capsys, *base, "case", "transition", ref, "--to", "in_progress")
    assert code == 1 and "cannot move" in err
    code, _, err = run_cli(capsys, *base, "case", "show", "DSAR-2027-9999")
    assert code == 3 and "not found" in err


def test_demo_register(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("DSAR_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", None)
    code, out, err = run_cli(capsys, "--register", str(tmp_path / "demo.dsar"), "demo")
    assert code == 0, err
    passphrase = next(line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("passphrase: "))
    monkeypatch.setenv("DSAR_PASSPHRASE", passphrase)
    code, out, _ = run_cli(capsys, "--register", str(tmp_path / "demo.dsar"), "case", "list", "--json")
    statuses = {row["status"] for row in json.loads(out)}
    assert len(json.loads(out)) == 200 + 8  # and one case per right, ready to seal (issue 11)
    assert {"received", "in_progress", "awaiting_identity", "responded", "closed"} <= statuses


def test_demo_has_ten_cases_ready_for_a_pack(tmp_path: Path) -> None:
    from dsar_desktop.services import demo, extracts, identity, packs

    result = demo.create_demo_register(tmp_path / "demo.dsar", "dpo", "demo passphrase 2026")
    reg = result.register
    try:
        packable = [
            ref
            for ref in result.refs_with_data
            if not extracts.missing_sources(reg, ref)
            and identity.disclosure_block_reason(reg, ref) is None
            and extracts.confirmed_data(reg, ref)
        ]
        assert len(packable) >= 10
        built = packs.build_pack(reg, packable[0], tmp_path / "out")
        report = packs.verify_pack(built.zip)
        assert report.intact and report.manifest_ok and report.coverage == "entire_file"
    finally:
        reg.close()
