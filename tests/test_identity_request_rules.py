"""ID requests (RULES A6, B1 as revised): the stated reason is a sentence, the internal note is never
printed, no proof in the future, the clock stops only once the letter exists and only while the period runs."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from dsar_desktop.domain.errors import InvalidInput
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import identity as ids
from dsar_desktop.store.connection import Register

pytestmark = pytest.mark.usefixtures("identity_today")

REASON = "Your request came from an e-mail address that is not the one we hold for you."
NOTE = "Internal: the helpdesk flagged this sender twice last month"


def _text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_one_character_reason_is_refused(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    with pytest.raises(InvalidInput) as caught:
        ids.request_proof(register, ref, "x", sent_on=dt.date(2027, 3, 2))
    assert "full sentence" in caught.value.describe("en")
    assert register.query_one("SELECT count(*) FROM identity_requests")[0] == 0


def test_reason_printed_and_note_never(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    req = ids.request_proof(
        register, ref, REASON, sent_on=dt.date(2027, 3, 2), internal_note=NOTE, language="en"
    )
    assert req.letter is not None and req.suspension_id is not None and not req.lapsed
    text = " ".join(_text(req.letter).split())
    assert "not the one we hold for you" in text
    assert "helpdesk" not in text
    assert register.query_one("SELECT note FROM identity_request_notes")[0] == NOTE


def test_no_proof_received_in_the_future(register: Register, case_factory, identity_today) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    ids.request_proof(register, ref, REASON, sent_on=dt.date(2027, 3, 2), with_letter=False)
    with pytest.raises(ids.ProofInFuture):
        ids.receive_proof(register, ref, None, received_on=identity_today + dt.timedelta(days=1))
    with pytest.raises(ids.ProofInFuture):
        ids.request_proof(register, case_factory(), REASON, sent_on=identity_today + dt.timedelta(days=1))


def test_request_after_the_due_date_suspends_nothing(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()  # received 1 Mar 2027, D1 Thu 1 Apr 2027
    before = case_service.get_case(register, ref)
    req = ids.request_proof(register, ref, REASON, sent_on=before.legal_due + dt.timedelta(days=5))
    assert req.lapsed and req.suspension_id is None
    after = case_service.get_case(register, ref)
    assert after.legal_due == before.legal_due and after.suspensions == []
    ids.receive_proof(register, ref, None, received_on=before.legal_due + dt.timedelta(days=20))
    assert case_service.get_case(register, ref).legal_due == before.legal_due


def test_clock_stops_only_when_the_letter_exists(register: Register, case_factory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    monkeypatch.setattr(ids, "_build_letter", lambda *a: (None, "no postal address"))
    req = ids.request_proof(register, ref, REASON, sent_on=dt.date(2027, 3, 2))
    assert req.letter is None and req.suspension_id is None
    assert case_service.get_case(register, ref).suspensions == []
