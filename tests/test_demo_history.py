"""The demo register's past looks like an office's: its recent replies went out as sealed packs, some late,
and the statistics' on-time share agrees with a count made case by case (issue 14 gap)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from dsar_desktop.domain.deadlines import PARIS
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import demo, extracts, packs, statistics
from dsar_desktop.store.connection import Register


@pytest.fixture(scope="module")
def demo_register(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Register]:
    result = demo.create_demo_register(
        tmp_path_factory.mktemp("demo") / "demo.dsar", "alice", "demo passphrase 2026"
    )
    try:
        yield result.register
    finally:
        result.register.close()


def test_on_time_share_of_the_demo_matches_a_count_by_hand(demo_register: Register) -> None:
    reg = demo_register
    rows = case_service.list_cases(reg)
    first = min(r.received_date for r in rows)
    today = dt.date.today()
    on_time = late = without_pack = answered = 0
    for row in rows:
        case = case_service.get_case(reg, row.ref)
        if case.dispatch_date is None:
            continue
        answered += 1
        kinds = [e.kind for e in case_service.timeline(reg, row.ref)]
        if "dispatched_without_pack" in kinds:
            without_pack += 1
            assert case.pack_sha256 is None, row.ref  # the demo never builds a pack it then does not send
            continue
        # a reply with a pack: the pack was built and sealed for real, and is the case's latest
        (pack,) = packs.pack_history(reg, row.ref)
        assert case.pack_sha256 == pack.sha256 and "pack_built" in kinds
        if case.dispatch_date <= case.current_due:
            on_time += 1
        else:
            late += 1
    stats = statistics.period_statistics(reg, statistics.Period(first, today))
    assert stats.answered == answered
    assert (stats.on_time, stats.late, stats.without_pack) == (on_time, late, without_pack)
    assert stats.on_time_percent == round(100 * on_time / answered, 1)
    assert 0 < stats.on_time_percent < 100
    # what an office's recent past looks like: sealed replies, mostly on time, a few late, a few without pack
    assert on_time >= demo.PACKED_REPLIES // 2 and late >= 1 and without_pack >= 1


def test_every_system_the_demo_marks_searched_names_its_files(demo_register: Register) -> None:
    """A demo case screenshot showed "Diplômes et certifications — Searched ✓" beside an empty "files searched"
    cell: the demo marked systems where the person is absent searched without linking the file searched."""
    reg = demo_register
    searched = nothing_found = 0
    for row in case_service.list_cases(reg):
        for status in extracts.sources_status(reg, row.ref):
            if status.status not in ("searched", "review"):
                continue
            searched += 1
            assert status.files, (row.ref, status.source)  # the file searched is named
            assert status.without_file is None
            nothing_found += sum(1 for f in status.files if not f["matches"])
    assert searched and nothing_found  # diplomas: searched, the person in none of its rows, the file named


def test_a_system_marked_searched_without_a_file_says_who_and_when(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    extracts.mark_source(register, ref, "diplomas", "searched")
    (status,) = [s for s in extracts.sources_status(register, ref) if s.source == "diplomas"]
    assert status.status == "searched" and not status.files
    day = dt.datetime.now(PARIS).date()
    assert status.without_file == (
        f"marked searched by alice on {day.isoformat()} without a file",
        f"marqué recherché par alice le {day.strftime('%d/%m/%Y')} sans fichier",
    )
    others = [s for s in extracts.sources_status(register, ref) if s.source != "diplomas"]
    assert all(s.without_file is None for s in others)  # only a "searched" mark without a file says it


def test_the_data_tab_shows_who_marked_a_system_searched_without_a_file(  # type: ignore[no-untyped-def]
    qtbot, register: Register, case_factory
) -> None:
    from dsar_desktop.ui.dialogs import ScriptedDialogs
    from dsar_desktop.ui.extracts import DataPanel
    from dsar_desktop.ui.i18n import set_language
    from dsar_desktop.ui.workers import ImmediateRunner

    ref = case_factory()
    extracts.mark_source(register, ref, "diplomas", "searched")
    set_language("en")
    try:
        panel = DataPanel(register, ScriptedDialogs(), ImmediateRunner(), ref)
        qtbot.addWidget(panel)
        table = panel.sources
        (row,) = [
            r for r in range(table.rowCount()) if table.item(r, 0).text() == "Diplomas and certificates"
        ]
        cell = table.item(row, 2)
        day = dt.datetime.now(PARIS).date().isoformat()
        assert cell.text() == cell.toolTip() == f"marked searched by alice on {day} without a file"
    finally:
        set_language("fr")
