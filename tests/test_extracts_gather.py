"""Gathering on a real register: files assigned to their systems, one pass, the "searched" rule (a system
whose columns cannot match any identifier of the case, or a file no column of which identifies anyone,
is not marked searched), suggestions from confirmed rows, confirming exact e-mail matches at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dsar_desktop.services import extracts as service
from dsar_desktop.services import extracts_gather as gathering
from dsar_desktop.services.extracts_coverage import SystemCannotFindSubject, UnmappedFilePending
from dsar_desktop.services.extracts_demo import DEMO_FILES, DEMO_PERSON, demo_file
from dsar_desktop.store.connection import Register
from tests.conftest import make_case


def _demo_copies(tmp_path: Path) -> list[Path]:
    paths = []
    for source in DEMO_FILES:
        target = tmp_path / demo_file(source).name
        shutil.copy(demo_file(source), target)
        paths.append(target)
    return paths


def _status(register: Register, ref: str) -> dict[str, service.SourceStatus]:
    return {s.source: s for s in service.sources_status(register, ref)}


def test_files_are_assigned_to_their_systems_and_gathered_in_one_pass(
    register: Register, tmp_path: Path
) -> None:
    ref = make_case(
        register, subject_name=DEMO_PERSON["name"], subject_email=DEMO_PERSON["email"],
        subject_phone=DEMO_PERSON["phone"], subject_dob=None,
    )  # fmt: skip
    paths = _demo_copies(tmp_path)
    assignments = gathering.assign_files(register, paths)
    assert {a.path.stem: a.source for a in assignments} == {Path(f).stem: s for s, f in DEMO_FILES.items()}
    seen: list[tuple[int, int]] = []
    summary = gathering.gather(register, ref, assignments, progress=lambda d, t, _s: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)
    assert len(summary.systems) == 8 and summary.matches >= 7
    statuses = _status(register, ref)
    # the diplomas system matches only by student number or name + birth date: the case has neither
    diplomas = statuses["diplomas"]
    assert diplomas.status == "to_search" and diplomas.needs == ["student_number", "name+dob"]
    by_source = {r.source: r for r in summary.systems}
    assert by_source["diplomas"].not_searched[ref]["needs"] == ["student_number", "name+dob"]
    with pytest.raises(SystemCannotFindSubject) as refused:
        service.mark_source(register, ref, "diplomas", "searched")
    assert "date of birth" in refused.value.describe("en") and "date de naissance" in refused.value.describe(
        "fr"
    )
    assert "diplomas" in [s.source for s in service.missing_sources(register, ref)]
    # exact e-mail matches, confirmed in one step
    confirmed = gathering.confirm_exact_email_matches(register, ref)
    assert confirmed >= 5
    assert all("email" in v.reasons for v in service.list_matches(register, ref, status="confirmed"))
    # the birth date sits in confirmed rows of other systems: offered, added in one click
    offered = {(s.field, s.value) for s in gathering.identifier_suggestions(register, ref)}
    assert ("dob", DEMO_PERSON["dob"]) in offered
    gathering.add_subject_identifier(register, ref, "dob", DEMO_PERSON["dob"], origin="applications")
    again = gathering.gather(register, ref, [a for a in assignments if a.source == "diplomas"])
    # she has no diploma yet: searched now, with a key that could have found her, and nothing found
    assert again.systems[0].matches_by_case[ref] == 0 and not again.systems[0].not_searched
    assert _status(register, ref)["diplomas"].status == "searched"
    with pytest.raises(gathering.IdentifierAlreadySet):
        gathering.add_subject_identifier(register, ref, "dob", "2001-03-06")


def test_a_file_without_identifying_column_blocks_the_mark_until_set_aside(
    register: Register, tmp_path: Path
) -> None:
    ref = make_case(register)
    path = tmp_path / "export.csv"
    path.write_text("Q1;Q2;Verbatim\noui;non;rien à signaler\n", encoding="utf-8")
    result = service.attach(register, ref, [path], "surveys")
    assert result.not_searched[ref]["unmapped"] == ["export.csv"]
    assert _status(register, ref)["surveys"].unmapped_files == ["export.csv"]
    with pytest.raises(UnmappedFilePending):
        service.mark_source(register, ref, "surveys", "searched")
    (pending,) = gathering.unmapped_files(register, ref)
    with pytest.raises(Exception, match="reason"):
        gathering.set_file_aside(register, ref, pending["id"], "  ")
    gathering.set_file_aside(
        register, ref, pending["id"], "questionnaire anonyme : aucune donnée identifiante"
    )
    service.mark_source(register, ref, "surveys", "searched")
    assert _status(register, ref)["surveys"].status == "searched"
    assert gathering.unmapped_files(register, ref) == []


def test_a_file_that_cannot_be_opened_is_left_out_and_said(register: Register, tmp_path: Path) -> None:
    empty = tmp_path / "crm_prospects.csv"
    empty.write_text("")
    (item,) = gathering.assign_files(register, [empty])
    assert item.source is None and item.error and "empty" in item.error
    summary = gathering.gather(register, make_case(register), [item])
    assert summary.left_out == [item] and summary.systems == []
