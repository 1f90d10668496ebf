"""Extract use cases on a real register: attach, review, redaction, sources searched, minors, cancel, demo."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dsar_desktop.domain.errors import Cancelled, InvalidInput
from dsar_desktop.domain.progress import CancelToken
from dsar_desktop.extracts.mapping import ColumnMapping
from dsar_desktop.services import extracts as service
from dsar_desktop.services.catalogue import current_catalogue
from dsar_desktop.store import audit
from dsar_desktop.store.connection import Register
from tests.conftest import make_case

DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo"


def _crm(tmp_path: Path) -> Path:
    path = tmp_path / "crm.csv"
    path.write_text(
        "Nom;Prénom;Date de naissance;E-mail;Téléphone;Commentaire\n"
        "DUPRÉ;Héloïse;05/03/2001;;;Rappel demandé par sa sœur Anne Dupré au 06 99 88 77 66\n"
        "DUPRE;Heloise;14/07/1999;;;homonyme\n"
        "MARTIN;Paul;01/01/1980;paul@x.fr;;autre\n"
        "X;Y;;HELOISE.DUPRE@example.org;;e-mail\n",
        encoding="utf-8",
    )
    return path


def test_attach_keeps_matches_pending_and_marks_the_source_searched(
    register: Register, tmp_path: Path
) -> None:
    ref = make_case(register)
    result = service.attach(register, ref, [_crm(tmp_path)], "crm_prospects")
    assert result.matches_by_case == {ref: 2} and result.rows_scanned == 4
    views = service.list_matches(register, ref)
    assert [(v.row, v.reasons, v.status) for v in views] == [
        (1, ["name+dob"], "pending"),
        (4, ["email"], "pending"),
    ]
    assert views[0].record["Commentaire"].startswith("Rappel")
    crm = next(s for s in service.sources_status(register, ref) if s.source == "crm_prospects")
    assert crm.status == "review" and crm.pending == 2 and crm.files[0]["rows"] == 4
    assert len(crm.files[0]["sha256"]) == 64 and crm.files[0]["name"] == "crm.csv"
    assert "crm_prospects" in [s.source for s in service.missing_sources(register, ref)]
    actions = [e.action for e in audit.entries(register.conn, ref)]
    assert "extracts.searched" in actions
    # the file itself is not kept: only its facts
    assert register.query_one("SELECT count(*) FROM extract_files")[0] == 1
    # the mapping is remembered for the next file of this source
    assert service.remembered_mapping(register, "crm_prospects").get("email") == "E-mail"


def test_review_confirm_reject_redact_and_all_sources_searched(register: Register, tmp_path: Path) -> None:
    ref = make_case(register)
    service.attach(register, ref, [_crm(tmp_path)], "crm_prospects")
    first, second = service.list_matches(register, ref)
    service.redact_text(
        register, first.id, "Commentaire", "Sister's name and phone", text="Anne Dupré au 06 99 88 77 66"
    )
    service.redact_field(register, first.id, "Téléphone", "Not the subject's line", code="other")
    service.confirm_match(register, first.id)
    service.reject_match(register, second.id)
    rejected = register.query_one("SELECT record, status FROM extract_matches WHERE id = ?", (second.id,))
    assert rejected == (None, "rejected")

    (data,) = service.confirmed_data(register, ref)
    assert data["source"] == "crm_prospects" and data["row"] == 1
    assert data["record"]["Commentaire"] == f"Rappel demandé par sa sœur {service.REDACTION_MARK}"
    assert data["redactions"] == [{"field": "Téléphone", "code": "other", "reason": "Not the subject's line"}]
    (part,) = data["text_redactions"]
    assert (
        part["field"] == "Commentaire"
        and part["reason"] == "Sister's name and phone"
        and part["code"] == "third_party"
    )
    stored = register.query_one("SELECT record FROM extract_matches WHERE id = ?", (first.id,))[0]
    assert "06 99 88 77 66" not in stored and "Anne" not in stored

    for source in current_catalogue(register).source_ids:
        if source != "crm_prospects":
            service.mark_source(
                register, ref, source, "not_applicable", "No account in that system for this person"
            )
    assert service.missing_sources(register, ref) == []
    statuses = {s.source: s.status for s in service.sources_status(register, ref)}
    assert statuses["crm_prospects"] == "searched" and statuses["diplomas"] == "not_applicable"


def test_redaction_and_marking_need_reasons(register: Register, tmp_path: Path) -> None:
    ref = make_case(register)
    service.attach(register, ref, [_crm(tmp_path)], "crm_prospects")
    match = service.list_matches(register, ref)[0]
    with pytest.raises(InvalidInput):
        service.redact_field(register, match.id, "Commentaire", "  ")
    with pytest.raises(service.NothingToRedact):
        service.redact_text(register, match.id, "Commentaire", "x", text="not there")
    with pytest.raises(InvalidInput):
        service.mark_source(register, ref, "surveys", "not_applicable", "")
    with pytest.raises(service.UnknownSource):
        service.mark_source(register, ref, "payroll", "searched")
    service.reject_match(register, match.id)
    with pytest.raises(service.MatchNotReviewable):
        service.confirm_match(register, match.id)


def test_one_pass_attaches_every_open_case(register: Register, tmp_path: Path) -> None:
    refs = [
        make_case(
            register, subject_name=f"Zoé MARTIN{i}", subject_email=f"zoe{i}@exemple.fr", subject_phone=None
        )
        for i in range(5)
    ]
    path = tmp_path / "newsletter.jsonl"
    path.write_text("".join(json.dumps({"email": f"ZOE{i}@exemple.fr"}) + "\n" for i in (1, 3, 3, 9)))
    calls: list[tuple[int, int, str]] = []
    result = service.attach_open_cases(
        register, [path], "newsletter", progress=lambda d, t, s: calls.append((d, t, s))
    )
    assert result.matches_by_case == {refs[0]: 0, refs[1]: 1, refs[2]: 0, refs[3]: 2, refs[4]: 0}
    assert all(
        s.status != "to_search"
        for r in refs
        for s in service.sources_status(register, r)
        if s.source == "newsletter"
    )
    assert calls[-1][0] == calls[-1][1] == path.stat().st_size
    assert register.query_one("SELECT count(*) FROM extract_files")[0] == 1  # one file, one pass


def test_cancel_leaves_nothing_written(register: Register, tmp_path: Path) -> None:
    ref = make_case(register)
    token = CancelToken()

    def progress(done: int, total: int, stage: str) -> None:
        if done:
            token.cancel()

    current_catalogue(register)  # the shipped catalogue becomes version 1 on first use (a write of its own)
    before = register.query_one("SELECT count(*) FROM audit")[0]
    with pytest.raises(Cancelled):
        service.attach(
            register, ref, [_crm(tmp_path), _crm(tmp_path)], "crm_prospects", progress=progress, cancel=token
        )
    for table in ("extract_files", "extract_matches", "case_sources", "source_mappings"):
        assert register.query_one(f"SELECT count(*) FROM {table}")[0] == 0, table
    assert register.query_one("SELECT count(*) FROM audit")[0] == before


def test_confirmed_registration_of_a_minor_without_consent_is_flagged(
    register: Register, tmp_path: Path
) -> None:
    ref = make_case(register, subject_name="Zoé MÜLLER", subject_email="zoe.muller@exemple.fr",
                    subject_phone=None, subject_dob=dt.date(2010, 5, 2))  # fmt: skip
    service.attach(register, ref, [DEMO / "applications.csv"], "applications")
    (match,) = service.list_matches(register, ref)
    flags = service.confirm_match(register, match.id)
    assert [(f.age_at_registration, f.consent, f.registration_date) for f in flags] == [
        (16, "missing", "2026-09-01")
    ]
    (stored,) = service.minor_flags(register, ref)
    assert stored["age"] == 16 and stored["source"] == "applications" and "parental" in stored["en"]
    service.acknowledge_minor_flag(register, match.id)
    assert service.minor_flags(register, ref)[0]["acknowledged_by"] == "alice"


def test_minor_with_recorded_consent_or_non_registration_source_is_not_flagged(
    register: Register, tmp_path: Path
) -> None:
    ref = make_case(register, subject_name="Maëlle SAINT-JUST", subject_email="maelle.saintjust@exemple.fr",
                    subject_phone=None, subject_dob=dt.date(2009, 12, 24))  # fmt: skip
    service.attach(register, ref, [DEMO / "student_records.xlsx"], "student_records")
    service.attach(register, ref, [DEMO / "crm_prospects.csv"], "crm_prospects")
    for view in service.list_matches(register, ref):
        assert service.confirm_match(register, view.id) == []
    assert service.minor_flags(register, ref) == []


def test_preview_offers_the_remembered_mapping(register: Register, tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("col_a,col_b\n1,2\n", encoding="utf-8")
    assert service.preview_file(path, register, "surveys").mapping_origin == "suggested"
    service.remember_mapping(register, "surveys", ColumnMapping({"email": "col_b"}), ["col_a", "col_b"])
    preview = service.preview_file(path, register, "surveys")
    assert preview.mapping_origin == "remembered" and preview.mapping.get("email") == "col_b"
    assert preview.headers == ["col_a", "col_b"] and preview.delimiter == ","


def test_demo_seed_gives_cases_confirmed_matches(register: Register) -> None:
    from dsar_desktop.domain.cases import Status
    from dsar_desktop.services import cases as case_service

    refs = [
        make_case(register, subject_name=f"Anaïs LEFÈVRE{i}", subject_email=f"a{i}@exemple.fr")
        for i in range(3)
    ]
    for ref in refs:
        case_service.transition(register, ref, Status.IN_PROGRESS)
    from dsar_desktop.services.extracts_demo import seed_demo_extracts

    seeded = seed_demo_extracts(register, refs)
    assert seeded == refs
    data = service.confirmed_data(register, refs[1])
    assert {d["source"] for d in data} >= {
        "crm_prospects",
        "student_records",
        "newsletter",
        "customer_service",
    }
    crm = next(d for d in data if d["source"] == "crm_prospects")
    assert crm["record"]["E-mail"] == "a1@exemple.fr"
    service_row = next(d for d in data if d["source"] == "customer_service")
    assert service.REDACTION_MARK in service_row["record"]["message"] and service_row["text_redactions"]
    assert service.missing_sources(register, refs[1]) == []
    assert service.list_matches(register, refs[0], status="pending")  # something left to review in the demo


def test_searching_the_same_file_again_keeps_the_earlier_review(register: Register, tmp_path: Path) -> None:
    ref = make_case(register)
    path = _crm(tmp_path)
    service.attach(register, ref, [path], "crm_prospects")
    first = service.list_matches(register, ref)[0]
    service.confirm_match(register, first.id)
    again = service.attach(register, ref, [path], "crm_prospects")
    assert again.matches_by_case == {ref: 0}
    assert [(v.row, v.status) for v in service.list_matches(register, ref)] == [
        (1, "confirmed"),
        (4, "pending"),
    ]
    crm = next(s for s in service.sources_status(register, ref) if s.source == "crm_prospects")
    assert len(crm.files) == 2  # both searches are on record


def test_refresh_with_no_open_case_reads_and_writes_nothing(register: Register, tmp_path: Path) -> None:
    result = service.attach_open_cases(register, [tmp_path / "not-even-there.csv"], "newsletter")
    assert result.matches_by_case == {} and result.files == []
    assert register.query_one("SELECT count(*) FROM extract_files")[0] == 0
