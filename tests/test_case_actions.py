"""What a case allows (domain.case_actions): the domain's answer, the services enforcing it, the CLI printing it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli as run

from dsar_desktop.domain.calendar import completed_years, months_after, years_after
from dsar_desktop.domain.case_actions import Action, ActionRefused, CaseFacts, PackState, allowed_actions
from dsar_desktop.domain.cases import Status
from dsar_desktop.domain.deadlines import receipt_date
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import extracts, packs, retention

try:
    from ui_documents_support import ready_case
except ImportError:  # tests imported as a package
    from tests.ui_documents_support import ready_case

TODAY = dt.date(2027, 3, 10)


def _facts(register: Any, ref: str, **changes: Any) -> CaseFacts:
    case = case_service.get_case(register, ref)
    values: dict[str, Any] = {"case": case, "today": TODAY, "legal_due": case.legal_due, "pack": None}
    values.update(changes)
    return CaseFacts(**values)


# ---- the calendar helper ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        ("2028-02-29", 1, "2029-02-28"),  # no 29 February: the last day of February
        ("2028-02-29", 4, "2032-02-29"),
        ("2028-02-29", -1, "2027-02-28"),
        ("2027-12-31", 5, "2032-12-31"),
        ("2027-03-01", 99, "2126-03-01"),
    ],
)
def test_years_after_has_one_29_february_rule(start: str, years: int, expected: str) -> None:
    assert years_after(dt.date.fromisoformat(start), years) == dt.date.fromisoformat(expected)


def test_months_after_clamps_to_the_month_end_and_ages_follow_the_same_rule() -> None:
    assert months_after(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert months_after(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert months_after(dt.date(2027, 12, 31), 2) == dt.date(2028, 2, 29)
    born = dt.date(2012, 2, 29)
    assert completed_years(born, dt.date(2027, 2, 27)) == 14
    assert completed_years(born, dt.date(2027, 2, 28)) == 15
    assert completed_years(born, dt.date(2028, 2, 28)) == 15
    assert completed_years(born, dt.date(2028, 2, 29)) == 16


# ---- the domain's answer ------------------------------------------------------------------
def test_withdrawn_closed_and_refused_cases_get_no_pack_print_or_identity_step(register: Any, case_factory: Any) -> None:
    for target, reason in ((Status.WITHDRAWN, None), (Status.REFUSED, "Art. 12(5): tenth identical request")):
        ref = case_factory()
        case_service.transition(register, ref, target, reason)
        allowances = allowed_actions(_facts(register, ref))
        for action in (Action.BUILD_PACK, Action.PRINT, Action.REQUEST_IDENTITY, Action.IDENTITY_STEP):
            refusal = allowances.why_not(action)
            assert refusal is not None and refusal.code == "case_over", (target, action)
        assert target.value.split("_")[0][:5] in refusal.en.lower()  # "withdrawn" / "refused" named
        assert "demande" in refusal.fr.lower()
        assert allowances.allowed_targets() == [Status.CLOSED]


def test_ready_and_dispatch_need_a_current_sealed_pack(register: Any, case_factory: Any) -> None:
    ref = case_factory()
    case_service.transition(register, ref, Status.IN_PROGRESS)
    no_pack = allowed_actions(_facts(register, ref))
    assert no_pack.why_not(Action.READY).code == "no_sealed_pack"  # type: ignore[union-attr]
    assert no_pack.why_not(Action.DISPATCH).code == "no_sealed_pack"  # type: ignore[union-attr]
    assert Status.READY not in no_pack.allowed_targets()
    built = dt.datetime(2027, 3, 9, 10, tzinfo=dt.UTC)
    current = allowed_actions(_facts(register, ref, pack=PackState(built, "ab" * 32)))
    assert current.allows(Action.READY) and current.allows(Action.DISPATCH)
    assert Status.READY in current.allowed_targets()
    stale = allowed_actions(
        _facts(register, ref, pack=PackState(built, "ab" * 32, stale_since=built + dt.timedelta(hours=2)))
    )
    refusal = stale.why_not(Action.DISPATCH)
    assert refusal is not None and refusal.code == "pack_out_of_date" and "2027-03-09" in refusal.en


def test_extension_is_refused_after_the_legal_due_date_and_once_extended(register: Any, case_factory: Any) -> None:
    ref = case_factory()  # received 2027-03-01, D1 2027-04-01
    case = case_service.get_case(register, ref)
    assert allowed_actions(_facts(register, ref, today=case.legal_due)).allows(Action.EXTEND)
    late = allowed_actions(_facts(register, ref, today=case.legal_due + dt.timedelta(days=1)))
    assert late.why_not(Action.EXTEND).code == "extension_too_late"  # type: ignore[union-attr]
    case_service.extend(register, ref, "Complex request across eight systems", notice_date=dt.date(2027, 3, 5))
    assert allowed_actions(_facts(register, ref)).why_not(Action.EXTEND).code == "already_extended"  # type: ignore[union-attr]


def test_purge_waits_for_the_retention_period(register: Any, case_factory: Any) -> None:
    ref = case_factory()
    case_service.transition(register, ref, Status.WITHDRAWN)
    case_service.transition(register, ref, Status.CLOSED)
    case = case_service.get_case(register, ref)
    closed_on = receipt_date(dt.datetime.fromisoformat(str(case.closed_at)))  # the Paris day
    assert allowed_actions(_facts(register, ref)).why_not(Action.PURGE).code == "retention_running"  # type: ignore[union-attr]
    after = years_after(closed_on, 5) + dt.timedelta(days=1)
    assert allowed_actions(_facts(register, ref, today=after)).allows(Action.PURGE)
    # the purge preview (services/retention.py) counts with the same rule
    assert retention.preview(register, today=years_after(closed_on, 5)).cases == []
    assert [c.ref for c in retention.preview(register, today=after).cases] == [ref]


# ---- the services enforce it ----------------------------------------------------------------
def test_services_refuse_with_the_domains_reason(register: Any, case_factory: Any, tmp_path: Path) -> None:
    ref = case_factory()
    case_service.transition(register, ref, Status.WITHDRAWN)
    with pytest.raises(ActionRefused) as refused:
        packs.build_pack(register, ref, tmp_path / "out")
    assert refused.value.refusal.code == "case_over" and "withdrawn" in str(refused.value)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    other = case_factory()
    case_service.transition(register, other, Status.IN_PROGRESS)
    with pytest.raises(ActionRefused, match="No sealed response pack"):
        case_service.transition(register, other, Status.READY)
    with pytest.raises(ActionRefused, match="No sealed response pack"):
        case_service.record_dispatch(register, other, TODAY, "1A 234 567 8901 2")
    assert case_service.get_case(register, other).status == Status.IN_PROGRESS


def test_a_sealed_pack_lets_the_reply_go_and_a_later_change_makes_it_out_of_date(
    register: Any, tmp_path: Path
) -> None:
    from conftest import make_case

    ref = ready_case(register, make_case)
    packs.build_pack(register, ref, tmp_path / "out")
    assert case_service.allowed(register, ref).allows(Action.READY)
    # the pack was built an hour ago; then a match is rejected: the letter it sealed is no longer the current one
    register.conn.execute("UPDATE packs SET created_at = '2000-01-01T00:00:00+00:00' WHERE case_ref = ?", (ref,))
    match = extracts.list_matches(register, ref, status="confirmed")[0]
    extracts.reject_match(register, match.id)
    with pytest.raises(ActionRefused, match="build it again"):
        case_service.transition(register, ref, Status.READY)
    packs.build_pack(register, ref, tmp_path / "out")
    case = case_service.record_dispatch(register, ref, TODAY, None)
    assert case.status == Status.RESPONDED
    kinds = [e.kind for e in case_service.timeline(register, ref)]
    assert "dispatched" in kinds and "dispatched_without_pack" not in kinds


def test_refusal_as_manifestly_unfounded_is_one_transaction(register: Any, case_factory: Any) -> None:
    ref = case_factory()
    with pytest.raises(Exception):  # noqa: B017,PT011 - the refusal needs its reason: nothing is marked either
        case_service.refuse(register, ref, "", unfounded_justification="Twelve identical requests this month")
    assert not case_service.get_case(register, ref).manifestly_unfounded
    case = case_service.refuse(
        register, ref, "Art. 12(5): excessive", unfounded_justification="Twelve identical requests this month"
    )
    assert case.status == Status.REFUSED and case.manifestly_unfounded
    kinds = [e.kind for e in case_service.timeline(register, ref)]
    assert kinds[-2:] == ["unfounded", "transition"]


# ---- the CLI prints it ----------------------------------------------------------------------
def _cli_case(capsys: Any, tmp_path: Path, passphrase_file: Path) -> tuple[list[str], str]:
    reg = ["--register", str(tmp_path / "r.dsar"), "--passphrase-file", str(passphrase_file)]
    assert run(capsys, "init", *reg, "--json")[0] == 0
    code, case, err = run(
        capsys, "case", "add", *reg, "--json", "--received", "2027-03-01", "--channel", "email", "--right", "access",
        "--subject-name", "Anna Maria ERIKSSON", "--subject-email", "anna@example.org",
    )  # fmt: skip
    assert code == 0, err
    return reg, str(case["ref"])  # type: ignore[index]


def test_cli_pack_build_on_a_withdrawn_case_exits_with_the_domains_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, passphrase_file: Path
) -> None:
    reg, ref = _cli_case(capsys, tmp_path, passphrase_file)
    assert run(capsys, "case", "transition", ref, *reg, "--to", "withdrawn")[0] == 0
    code, _out, err = run(capsys, "pack", "build", ref, *reg, "--out", str(tmp_path / "packs"))
    assert code != 0
    assert "The request is withdrawn: no response pack" in err
    assert "Traceback" not in err


def test_cli_ready_and_dispatch_without_a_pack_say_what_is_missing_and_the_exception_is_recorded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, passphrase_file: Path
) -> None:
    reg, ref = _cli_case(capsys, tmp_path, passphrase_file)
    assert run(capsys, "case", "transition", ref, *reg, "--to", "in_progress")[0] == 0
    code, _out, err = run(capsys, "case", "transition", ref, *reg, "--to", "ready")
    assert code != 0 and "No sealed response pack yet" in err and "--without-pack" in err
    code, _out, err = run(capsys, "case", "dispatch", ref, *reg, "--date", "2027-03-20")
    assert code != 0 and "No sealed response pack yet" in err
    code, _out, err = run(capsys, "case", "dispatch", ref, *reg, "--without-pack")
    assert code != 0 and "--reason" in err
    code, out, err = run(capsys, "case", "show", ref, *reg, "--json")
    assert out["status"] == "in_progress" and out["refused"]["dispatch"]["code"] == "no_sealed_pack"  # type: ignore[index]

    code, out, err = run(
        capsys, "case", "dispatch", ref, *reg, "--json", "--date", "2027-03-20", "--without-pack",
        "--reason", "Answered in person at the front desk; the person declined a written copy",
    )  # fmt: skip
    assert code == 0, err
    assert out["status"] == "responded" and out["dispatch_date"] == "2027-03-20"  # type: ignore[index]
    code, out, _err = run(capsys, "case", "show", ref, *reg, "--json")
    without = [e for e in out["timeline"] if e["kind"] == "dispatched_without_pack"]  # type: ignore[index]
    assert len(without) == 1 and "declined a written copy" in without[0]["summary"]
    assert [e["kind"] for e in out["timeline"]][-2:] == ["transition", "dispatched_without_pack"]  # type: ignore[index]


def test_frozen_days_23_59_on_31_december_and_29_february(register: Any, case_factory: Any) -> None:
    # received at 23:59 in Paris on 31 December: the receipt day is 31 December, D1 is 31 January
    ref = case_factory(received_at=dt.datetime(2027, 12, 31, 22, 59, tzinfo=dt.UTC))
    case = case_service.get_case(register, ref)
    assert case.received_date == dt.date(2027, 12, 31) and case.legal_due == dt.date(2028, 1, 31)
    assert allowed_actions(_facts(register, ref, today=dt.date(2028, 1, 31))).allows(Action.EXTEND)
    assert not allowed_actions(_facts(register, ref, today=dt.date(2028, 2, 1))).allows(Action.EXTEND)
    # closed on 29 February 2028 (Paris): kept 5 years through 28 February 2033, purged from 1 March
    case_service.transition(register, ref, Status.WITHDRAWN)
    case_service.transition(register, ref, Status.CLOSED)
    register.conn.execute("UPDATE cases SET closed_at = '2028-02-29T10:00:00+00:00' WHERE ref = ?", (ref,))
    on_28 = allowed_actions(_facts(register, ref, today=dt.date(2033, 2, 28))).why_not(Action.PURGE)
    assert on_28 is not None and "2033-02-28" in on_28.en
    assert allowed_actions(_facts(register, ref, today=dt.date(2033, 3, 1))).allows(Action.PURGE)
    assert [c.ref for c in retention.preview(register, today=dt.date(2033, 3, 1)).cases] == [ref]
    assert retention.preview(register, today=dt.date(2033, 2, 28)).cases == []
