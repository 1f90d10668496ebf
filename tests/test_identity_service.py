"""Identity use cases on a real register: reason first, suspension, scans, decisions, representatives, minors."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image

from dsar_desktop.domain.cases import Capacity, Right, Status
from dsar_desktop.domain.identity import Checklist, IdentityMethod, Party, ProofKind
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import identity as ids
from dsar_desktop.store import audit
from dsar_desktop.store.connection import Register

pytestmark = pytest.mark.usefixtures("identity_today")

TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]


def letters_ready(register: Register) -> bool:
    """The letters work ships its own tables; until they exist the request is recorded without a letter."""
    return register.query_one("SELECT count(*) FROM sqlite_master WHERE name = 'letter_templates'")[0] == 1


def check_letter(register: Register, req: ids.ProofRequest) -> None:
    if letters_ready(register):
        assert req.letter is not None and req.letter.startswith(b"%PDF"), req.letter_problem
    else:
        assert req.letter is None and req.letter_problem


def scan() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (200, 200, 180)).save(buffer, "JPEG")
    return buffer.getvalue()


def passport_checklist(**overrides) -> Checklist:  # type: ignore[no-untyped-def]
    values = dict(
        document_type="passport", issuing_country="UTO", document_number="L898902C3",
        expiry_date=dt.date(2030, 4, 15), holder_name="Anna Maria ERIKSSON",
        holder_birth_date=dt.date(1974, 8, 12), signature_present=True,
    )  # fmt: skip
    values.update(overrides)
    return Checklist(**values)


def test_no_id_request_without_a_reason(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    with pytest.raises(ids.IdentityReasonRequired) as caught:
        ids.request_proof(register, ref, "   ")
    assert "Art. 12(6)" in caught.value.describe("en") and "motif" in caught.value.describe("fr")
    assert register.query_one("SELECT count(*) FROM suspensions")[0] == 0
    assert case_service.get_case(register, ref).status == Status.RECEIVED


def test_request_suspends_and_receipt_moves_the_due_date(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory(subject_name="Anna Maria ERIKSSON", subject_dob=dt.date(1974, 8, 12))
    before = case_service.get_case(register, ref)
    assert before.legal_due == dt.date(2027, 4, 1)
    req = ids.request_proof(
        register, ref, "The e-mail address is not the one on file", sent_on=dt.date(2027, 3, 3)
    )
    check_letter(register, req)
    case = case_service.get_case(register, ref)
    assert case.status == Status.AWAITING_IDENTITY
    assert case.suspensions == [(dt.date(2027, 3, 3), None)]
    assert register.query_one("SELECT reason, letter_sha256 IS NOT NULL FROM identity_requests") == (
        "The e-mail address is not the one on file", int(letters_ready(register)),
    )  # fmt: skip
    got = ids.receive_proof(register, ref, scan(), received_on=dt.date(2027, 3, 10))
    assert got.suspension_ended == "2027-03-10"
    assert got.case.suspensions == [(dt.date(2027, 3, 3), dt.date(2027, 3, 10))]
    assert got.case.legal_due == dt.date(2027, 4, 8)  # 7 days of suspension
    assert ids.scan_content(register, ref, got.attachment_id) == scan()

    done = ids.decide(register, ref, "verified", passport_checklist(mrz_lines=TD3), on=dt.date(2027, 3, 10), note="MRZ of the ICAO specimen")  # fmt: skip
    assert done.case.status == Status.IN_PROGRESS
    row = register.query_one(
        "SELECT document_number_last4, name_status, dob_status, mrz_format, mrz_valid, decided_by, decided_at IS NOT NULL"
        " FROM identity_checks"
    )
    assert row == ("02C3", "match", "match", "TD3", 1, "alice", 1)
    assert ids.disclosure_block_reason(register, ref) is None
    actions = [e.action for e in audit.entries(register.conn, ref)]
    for action in (
        "identity.requested",
        "identity.proof_received",
        "identity.decided",
        "identity.scan_destroyed",
    ):
        assert action in actions
    audit.verify_chain(register.conn)


def test_the_register_refuses_a_full_document_number(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    case_id = case_service.get_case(register, ref).id
    with pytest.raises(Exception, match="CHECK"), register.transaction() as conn:
        conn.execute(
            "INSERT INTO identity_checks(case_id, party, method, decision, decided_by, decided_at,"
            " document_number_last4) VALUES (?, 'subject', 'id_document', 'verified', 'x', 'now', 'L898902C3')",
            (case_id,),
        )


def test_more_needed_then_a_new_request(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    ids.request_proof(
        register,
        ref,
        "Your request came from an address we do not know.",
        sent_on=dt.date(2027, 3, 2),
        with_letter=False,
    )
    ids.receive_proof(register, ref, scan(), received_on=dt.date(2027, 3, 4))
    ids.decide(
        register, ref, "more-needed", passport_checklist(), note="back side missing", on=dt.date(2027, 3, 4)
    )
    assert ids.identity_status(register, ref).proofs[0].state == "more_needed"
    assert register.query_one("SELECT count(*) FROM attachments")[0] == 0  # destroyed whatever the decision
    assert "not verified" in ids.disclosure_block_reason(register, ref)[0]  # type: ignore[index]
    ids.request_proof(
        register,
        ref,
        "The back of the identity card is missing from the copy.",
        sent_on=dt.date(2027, 3, 5),
        with_letter=False,
    )
    with pytest.raises(ids.ProofAlreadyRequested):  # one open request per proof at a time
        ids.request_proof(
            register,
            ref,
            "We need a second copy of your identity document.",
            sent_on=dt.date(2027, 3, 6),
            with_letter=False,
        )
    assert ids.identity_status(register, ref).proofs[0].state == "requested"
    assert ids.identity_status(register, ref).suspended
    spans = case_service.get_case(register, ref).suspensions
    assert spans == [(dt.date(2027, 3, 2), dt.date(2027, 3, 4)), (dt.date(2027, 3, 5), None)]


def test_other_means_need_no_document(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    status = ids.identity_status(register, ref)
    assert status.suggestions[0]["method"] == "email_on_file"
    ids.record_other_means(register, ref, IdentityMethod.EMAIL_ON_FILE)
    status = ids.identity_status(register, ref)
    assert status.established_by[0]["method"] == "email_on_file"
    assert status.proofs[0].state == "verified"
    assert ids.disclosure_block_reason(register, ref) is None


def test_receipt_before_request_refused(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    ids.request_proof(
        register,
        ref,
        "Your request came from an address we do not know.",
        sent_on=dt.date(2027, 3, 5),
        with_letter=False,
    )
    with pytest.raises(ids.ReceiptBeforeRequest):
        ids.receive_proof(register, ref, scan(), received_on=dt.date(2027, 3, 4))
    assert register.query_one("SELECT count(*) FROM attachments")[0] == 0


def child_case(case_factory, **overrides):  # type: ignore[no-untyped-def]
    values = dict(subject_name="Léa MARTIN", subject_dob=dt.date(2013, 6, 1), requester_name="Sophie MARTIN",
                  capacity=Capacity.PARENT)  # fmt: skip
    values.update(overrides)
    return case_factory(**values)


def test_under_15_acting_alone_is_blocked(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory(subject_name="Léa MARTIN", subject_dob=dt.date(2013, 6, 1))
    en, fr = ids.disclosure_block_reason(register, ref)  # type: ignore[misc]
    assert "under 15" in en and "13" in en and "moins de 15 ans" in fr


def test_under_15_blocked_until_parental_authority_verified(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = child_case(case_factory)
    status = ids.identity_status(register, ref)
    assert status.age_on_receipt == 13 and status.parental_authority_required
    assert [(p.party, p.proof_kind) for p in status.proofs] == [
        ("requester", "identity_document"), ("requester", "parental_authority"),
    ]  # fmt: skip
    assert "parental authority" in ids.disclosure_block_reason(register, ref)[0]  # type: ignore[index]

    req = ids.request_proof(register, ref, "You act for a child who was 13 on the date of the request.", proof_kind=ProofKind.PARENTAL_AUTHORITY, sent_on=dt.date(2027, 3, 2))  # fmt: skip
    check_letter(register, req)
    ids.receive_proof(register, ref, scan(), received_on=dt.date(2027, 3, 6))
    proof = Checklist(proof_kind=ProofKind.PARENTAL_AUTHORITY, party=Party.REQUESTER, document_type="livret_de_famille",
                      names_requester_as_parent=True, names_subject_as_child=True, other_holder_objects=False)  # fmt: skip
    ids.decide(register, ref, "verified", proof, on=dt.date(2027, 3, 6))
    # authority verified; the parent's own identity is still to establish
    assert "Identity document" in ids.disclosure_block_reason(register, ref)[0]  # type: ignore[index]
    ids.record_other_means(register, ref, IdentityMethod.EMAIL_ON_FILE, party=Party.REQUESTER)
    assert ids.disclosure_block_reason(register, ref) is None
    assert case_service.get_case(register, ref).status == Status.IN_PROGRESS


def test_objecting_other_parent_rejected(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = child_case(case_factory)
    ids.receive_proof(register, ref, scan(), proof_kind="parental_authority", received_on=dt.date(2027, 3, 6))
    proof = Checklist(proof_kind=ProofKind.PARENTAL_AUTHORITY, party=Party.REQUESTER, document_type="court_decision",
                      names_requester_as_parent=True, names_subject_as_child=True, other_holder_objects=True)  # fmt: skip
    with pytest.raises(Exception, match="note"):
        ids.decide(register, ref, "verified", proof, on=dt.date(2027, 3, 6))
    assert (
        register.query_one("SELECT count(*) FROM attachments")[0] == 1
    )  # refused decision: nothing destroyed
    ids.decide(register, ref, "rejected", proof, on=dt.date(2027, 3, 6))
    assert ids.identity_status(register, ref).proofs[1].state == "rejected"
    assert ids.disclosure_block_reason(register, ref) is not None


def test_lawyer_needs_identity_and_mandate(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory(requester_name="Maître Paul DURAND", capacity=Capacity.LAWYER)
    assert "Signed mandate" in ids.disclosure_block_reason(register, ref)[0] or "Identity" in ids.disclosure_block_reason(register, ref)[0]  # type: ignore[index]  # fmt: skip
    ids.receive_proof(
        register,
        ref,
        scan(),
        proof_kind="identity_document",
        party="requester",
        received_on=dt.date(2027, 3, 2),
    )
    ids.decide(register, ref, "verified", passport_checklist(party=Party.REQUESTER, holder_name="Paul DURAND", holder_birth_date=None), on=dt.date(2027, 3, 2), note="no MRZ typed")  # fmt: skip
    assert "mandate" in ids.disclosure_block_reason(register, ref)[0]  # type: ignore[index]
    ids.receive_proof(register, ref, scan(), proof_kind="mandate", received_on=dt.date(2027, 3, 2))
    mandate = Checklist(proof_kind=ProofKind.MANDATE, party=Party.REQUESTER, document_type="signed_mandate",
                        mandate_signed_by_subject=True, mandate_covers_request=True)  # fmt: skip
    ids.decide(register, ref, "verified", mandate, on=dt.date(2027, 3, 2))
    assert ids.disclosure_block_reason(register, ref) is None


def test_parent_of_an_adult_needs_a_mandate(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = child_case(case_factory, subject_dob=dt.date(2000, 1, 1))
    en, fr = ids.disclosure_block_reason(register, ref)  # type: ignore[misc]
    assert "adult" in en and "mandat" in fr


def test_minor_erasure_flag_at_intake_and_later(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory(subject_dob=dt.date(2011, 1, 1), rights=[Right.ERASURE])
    assert case_service.get_case(register, ref).priority_flag == "minor_erasure"
    adult = case_factory(subject_dob=dt.date(2000, 1, 1), rights=[Right.ERASURE])
    assert case_service.get_case(register, adult).priority_flag is None
    ids.flag_minor_erasure(register, adult)
    assert case_service.get_case(register, adult).priority_flag == "minor_erasure"


def test_proof_seen_on_paper_ends_the_suspension_without_storing(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    ids.request_proof(
        register,
        ref,
        "We have a doubt about who sent this request.",
        sent_on=dt.date(2027, 3, 2),
        with_letter=False,
    )
    status = ids.identity_status(register, ref)
    assert status.proofs[0].reason == "We have a doubt about who sent this request."
    got = ids.receive_proof(register, ref, None, received_on=dt.date(2027, 3, 4))
    assert got.attachment_id is None and got.suspension_ended == "2027-03-04"
    assert register.query_one("SELECT count(*) FROM attachments")[0] == 0
    done = ids.decide(
        register, ref, "verified", passport_checklist(), on=dt.date(2027, 3, 4), note="seen at the desk"
    )
    assert done.scans_destroyed == 0 and done.wal is None
    assert ids.disclosure_block_reason(register, ref) is None


def test_scan_previews_for_the_viewer(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    got = ids.receive_proof(register, ref, scan(), received_on=dt.date(2027, 3, 4))
    assert got.attachment_id is not None
    assert ids.scan_previews(register, ref, got.attachment_id) == [scan()]
    other = case_factory()
    with pytest.raises(Exception, match="not found"):
        ids.scan_content(register, other, got.attachment_id)  # a scan is reached only through its own case
