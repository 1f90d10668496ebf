"""Statistics for a year or any period: exact counts from real case histories, the `dsar stats` command, the PDF
with its charts and CSV, the page with its charts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
from pathlib import Path

import openpyxl
import pytest

from dsar_desktop.cli import main
from dsar_desktop.documents.statistics_pdf import render_statistics_pdf
from dsar_desktop.domain.cases import Capacity, Channel, Right, Status
from dsar_desktop.domain.errors import InvalidInput
from dsar_desktop.domain.statistics import Period, key_figures, percentile_nearest_rank
from dsar_desktop.services import cases as cs
from dsar_desktop.services import identity as ids
from dsar_desktop.services import register as register_service
from dsar_desktop.services.statistics import (
    period_statistics,
    statistics_csv,
    yearly_statistics,
    years_with_cases,
)
from dsar_desktop.store.connection import Register
from tests.conftest import PASSPHRASE, make_case

pytestmark = pytest.mark.usefixtures("identity_today")

LATER = dt.date(2029, 1, 15)
# A reply recorded without a sealed pack carries its reason (domain.case_actions).
NO_PACK_HERE = "Letter sent from the office's word processor (test register without seal)"


def sealed(reg: Register, ref: str) -> None:
    """The case's response pack was built: what `services/packs.py` stores (its SHA-256 on the case, its row)."""
    with reg.transaction() as conn:
        conn.execute("UPDATE cases SET pack_sha256 = ? WHERE ref = ?", ("ab" * 32, ref))
        conn.execute(
            "INSERT INTO packs(case_ref, file_name, sha256, pdf_sha256, language, encrypted, cert_fingerprint,"
            " created_at, created_by) VALUES (?, 'pack.zip', ?, ?, 'fr', 0, '', ?, 'alice')",
            (ref, "ab" * 32, "cd" * 32, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
        )


def answer(reg: Register, ref: str, on: dt.date, pack: bool = True) -> None:
    cs.transition(reg, ref, Status.IN_PROGRESS)
    if pack:
        sealed(reg, ref)
        cs.transition(reg, ref, Status.READY)
        cs.record_dispatch(reg, ref, on, "1A 234 567 8901 2")
    else:
        cs.record_dispatch(reg, ref, on, "1A 234 567 8901 2", without_pack_reason=NO_PACK_HERE)


def populate(reg: Register) -> dict[str, str]:
    """Eight requests received in 2027 (one of them at 00:30 Paris on 1 January) and one in 2026."""
    refs = {}
    refs["on_time"] = make_case(reg)
    answer(reg, refs["on_time"], dt.date(2027, 3, 20))  # 19 days, within the 30-day target
    refs["late"] = make_case(reg, channel=Channel.POST, rights=[Right.ACCESS, Right.PORTABILITY])
    answer(reg, refs["late"], dt.date(2027, 4, 10))  # 40 days, after D1 (1 April)
    refs["minor"] = make_case(
        reg, rights=[Right.ERASURE], subject_dob=dt.date(2014, 5, 5), capacity=Capacity.PARENT,
        requester_name="Camille DUPRÉ",
    )  # fmt: skip
    cs.transition(reg, refs["minor"], Status.IN_PROGRESS)
    cs.extend(reg, refs["minor"], "Seven systems to search", notice_date=dt.date(2027, 3, 15))
    sealed(reg, refs["minor"])
    cs.transition(reg, refs["minor"], Status.READY)
    cs.record_dispatch(reg, refs["minor"], dt.date(2027, 5, 10), None)  # 70 days, before D3 (1 June)
    refs["refused"] = make_case(reg)
    cs.mark_manifestly_unfounded(reg, refs["refused"], "Fifth identical request this month")
    cs.transition(reg, refs["refused"], Status.REFUSED, "Manifestly excessive (Art. 12(5))")
    cs.transition(reg, refs["refused"], Status.CLOSED)
    refs["withdrawn"] = make_case(reg, channel=Channel.WEB_FORM)
    cs.transition(reg, refs["withdrawn"], Status.WITHDRAWN)
    cs.transition(reg, refs["withdrawn"], Status.CLOSED)
    refs["identity"] = make_case(reg)
    ids.request_proof(
        reg,
        refs["identity"],
        "Your request came from an address we do not know.",
        sent_on=dt.date(2027, 3, 2),
        with_letter=False,
    )
    refs["open"] = make_case(reg)
    cs.transition(reg, refs["open"], Status.IN_PROGRESS)
    refs["new_year"] = make_case(reg, received_at=dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC))
    refs["previous_year"] = make_case(reg, received_at=dt.datetime(2026, 12, 31, 10, 0, tzinfo=dt.UTC))
    return refs


def test_percentile_is_the_nearest_rank() -> None:
    assert percentile_nearest_rank([], 90) is None
    assert percentile_nearest_rank([5], 90) == 5
    assert percentile_nearest_rank(list(range(1, 11)), 90) == 9
    assert percentile_nearest_rank([19, 40, 70], 90) == 70


def test_yearly_statistics_counts_exactly(register: Register) -> None:
    refs = populate(register)
    assert cs.get_case(register, refs["new_year"]).received_date == dt.date(2027, 1, 1)
    stats = yearly_statistics(register, 2027, today=LATER)
    assert stats.received == 8
    assert stats.by_right == {
        "access": 7, "rectification": 0, "erasure": 1, "restriction": 0, "objection": 0, "portability": 1,
        "consent_withdrawal": 0,
    }  # fmt: skip
    assert stats.by_channel == {"email": 6, "post": 1, "web_form": 1, "in_person": 0, "phone": 0}
    assert {k: v for k, v in stats.by_capacity.items() if v} == {"self": 7, "parent": 1}
    assert set(stats.by_capacity) == {c.value for c in Capacity}
    assert {k: v for k, v in stats.by_status.items() if v} == {
        "responded": 3, "closed": 2, "awaiting_identity": 1, "in_progress": 1, "received": 1,
    }  # fmt: skip
    assert stats.by_outcome == {
        "answered_on_time": 2, "answered_late": 1, "answered_without_pack": 0, "refused": 1, "withdrawn": 1,
        "pending": 3,
    }  # fmt: skip
    assert stats.late_by_lapsed_suspension == 0
    assert (stats.answered, stats.on_time, stats.late, stats.on_time_percent) == (3, 2, 1, 66.7)
    assert stats.within_policy_target == 1
    assert stats.extended == 1
    assert stats.identity_requested == 1
    assert stats.minor_erasure_priority == 1
    assert stats.manifestly_unfounded == 1
    assert (stats.median_days_to_answer, stats.p90_days_to_answer, stats.max_days_to_answer) == (40.0, 70, 70)
    # two of the three unanswered ones are past due on 15 January 2029; the third still waits for its ID,
    # so its clock is stopped and its due date moves with each day (RULES A6)
    assert stats.pending_overdue == 2
    assert yearly_statistics(register, 2027, today=dt.date(2027, 1, 2)).pending_overdue == 0
    previous = yearly_statistics(register, 2026, today=LATER)
    assert (
        previous.received == 1
        and previous.by_outcome["pending"] == 1
        and previous.median_days_to_answer is None
    )
    assert years_with_cases(register) == [2027, 2026]


def test_the_figures_hold_no_personal_data(register: Register) -> None:
    refs = populate(register)
    text = json.dumps(yearly_statistics(register, 2027).as_dict(), ensure_ascii=False)
    for personal in ("DUPRÉ", "Héloïse", "example.org", "1A 234", *refs.values()):
        assert personal not in text


def test_an_empty_year(register: Register) -> None:
    stats = yearly_statistics(register, 2031, today=LATER)
    assert stats.received == 0 and stats.answered == 0 and stats.on_time_percent is None
    assert stats.p90_days_to_answer is None


def test_an_empty_year_still_prints(register: Register, tmp_path: Path) -> None:
    stats = yearly_statistics(register, 2031, today=LATER)
    text = pdf_text(render_statistics_pdf(stats, "CESI", "en"), tmp_path)
    assert "No request was received in this period." in text and "Requests received" in text


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "stats.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("en", ["CESI", "statistics for 2027", "Key figures", "Answered on time", "Rights invoked", "Channel",
                "Requester", "Outcome", "Erasure (Art. 17)", "Median time to answer"]),
        ("fr", ["CESI", "statistiques 2027", "Chiffres clés", "Répondues dans le délai", "Droits invoqués", "Canal",
                "Demandeur", "Issue", "Effacement (art. 17)", "Délai médian de réponse", "66,7"]),
    ],
)  # fmt: skip
def test_the_pdf_in_both_languages(
    register: Register, tmp_path: Path, language: str, headings: list[str]
) -> None:
    populate(register)
    pdf = render_statistics_pdf(yearly_statistics(register, 2027, today=LATER), "CESI", language)
    text = pdf_text(pdf, tmp_path)
    for heading in headings:
        assert heading in text, heading
    pages = subprocess.run(
        ["pdfinfo", str(tmp_path / "stats.pdf")], capture_output=True, text=True, check=True
    )
    assert any(
        line.split()[-1] in ("1", "2") for line in pages.stdout.splitlines() if line.startswith("Pages:")
    )
    fonts = subprocess.run(
        ["pdffonts", str(tmp_path / "stats.pdf")], capture_output=True, text=True, check=True
    )
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all("DejaVu" in row for row in rows)
    assert all(row.split()[-5] == "yes" for row in rows)  # the "emb" column


def test_dsar_stats_json_and_pdf(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, passphrase_file: Path
) -> None:
    path = tmp_path / "office.dsar"
    created = register_service.create_register(path, "alice", PASSPHRASE)
    populate(created.register)
    created.register.close()
    reg = ["--register", str(path), "--passphrase-file", str(passphrase_file)]
    out = tmp_path / "stats-2027.pdf"
    code = main(["stats", "--year", "2027", *reg, "--json", "--out", str(out), "--language", "fr"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    figures = json.loads(captured.out)
    assert figures["year"] == 2027 and figures["received"] == 8
    assert figures["by_outcome"]["answered_on_time"] == 2 and figures["by_outcome"]["answered_late"] == 1
    assert figures["extended"] == 1 and figures["identity_requested"] == 1
    assert figures["median_days_to_answer"] == 40.0 and figures["p90_days_to_answer"] == 70
    assert figures["pdf"] == str(out)
    assert out.read_bytes().startswith(b"%PDF") and "Chiffres clés" in pdf_text(out.read_bytes(), tmp_path)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []

    code = main(["stats", "--year", "2027", *reg, "--language", "en"])
    text = capsys.readouterr().out
    assert code == 0 and "Requests received: 8" in text and "Answered late: 1" in text

    code = main(["stats", "--year", "27", *reg])
    assert code != 0 and "four-digit" in capsys.readouterr().err


def test_the_statistics_page(qtbot, register: Register, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from dsar_desktop.ui.dialogs import ScriptedDialogs
    from dsar_desktop.ui.i18n import set_language
    from dsar_desktop.ui.pages import standard_screens
    from dsar_desktop.ui.statistics import StatisticsPage
    from dsar_desktop.ui.workers import ImmediateRunner

    populate(register)
    assert any(spec.key == "statistics" for spec in standard_screens().pages)
    set_language("en")
    try:
        from dsar_desktop.services.office import Office

        dialogs = ScriptedDialogs()
        page = StatisticsPage(Office(register), dialogs, ImmediateRunner())
        qtbot.addWidget(page)
        assert page.year_combo.currentText() == "2027"  # the newest year with requests
        assert page.figure_text("Requests received") == "8"
        assert page.figure_text("Answered late") == "1"
        assert page.breakdown_count("Channel", "Post") == 1
        assert ("Post", 1) in page.channel_chart.bars and ("Access (Art. 15)", 7) in page.right_chart.bars
        assert len(page.trend_chart.months) == 12 and page.trend_chart.received[2] == 7  # March 2027
        page.year_combo.setCurrentIndex(page.year_combo.findData(2026))
        page.year_combo.activated.emit(page.year_combo.currentIndex())
        assert page.figure_text("Requests received") == "1"
        page.set_period(dt.date(2027, 1, 1), dt.date(2027, 2, 28))  # any period: the combo says so
        assert page.year_combo.currentData() == "other" and page.figure_text("Requests received") == "1"
        assert page.trend_chart.received == [1, 0]
        page.set_period(dt.date(2027, 1, 1), dt.date(2027, 12, 31))
        assert page.year_combo.currentText() == "2027" and page.figure_text("Requests received") == "8"

        target = tmp_path / "statistics.pdf"
        dialogs.answers.append(target)
        with qtbot.waitSignal(page.report_saved) as saved:
            page.save_button.click()
        assert saved.args == [str(target)]
        assert "Key figures" in pdf_text(target.read_bytes(), tmp_path)
        assert (tmp_path / "statistics.csv").read_bytes().startswith(b"\xef\xbb\xbf")
        said = f"Report saved to {target}, its figures to {tmp_path / 'statistics.csv'}."
        assert ("info", said) in dialogs.shown
        dialogs.answers.append(None)  # cancelled: nothing written, nothing said
        page.save_button.click()
        assert dialogs.shown[-1] == ("info", said)

        record = tmp_path / "record"
        dialogs.answers.append(record)  # no extension: an .xlsx is written
        with qtbot.waitSignal(page.record_exported) as exported:
            page.record_button.click()
        assert exported.args == [str(record) + ".xlsx"]
        assert "8 requests written to" in dialogs.shown[-1][1] and "pseudonymised" in dialogs.shown[-1][1]
        cells = [
            v
            for row in openpyxl.load_workbook(exported.args[0]).active.iter_rows(values_only=True)
            for v in row
        ]
        assert sorted(v for v in cells if str(v).startswith("DSAR-")) and not [
            v for v in cells if "DUPR" in str(v)
        ]
    finally:
        set_language("fr")


def test_the_purge_from_the_page(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    from dsar_desktop.services import retention
    from dsar_desktop.ui.dialogs import ScriptedDialogs
    from dsar_desktop.ui.i18n import set_language
    from dsar_desktop.ui.statistics import StatisticsPage
    from dsar_desktop.ui.workers import ImmediateRunner

    refs = populate(register)
    with register.transaction() as conn:  # two requests closed long ago
        conn.execute(
            "UPDATE cases SET closed_at = '2020-01-10T10:00:00+00:00' WHERE ref IN (?, ?)",
            (refs["refused"], refs["withdrawn"]),
        )
    set_language("en")
    try:
        dialogs = ScriptedDialogs()
        page = StatisticsPage(register, dialogs, ImmediateRunner())
        qtbot.addWidget(page)
        assert not page.retention_banner.isHidden()
        from dsar_desktop.ui.pages import standard_screens

        notice = standard_screens().startup_notice(register, None)  # the reminder when the register opens
        assert notice is not None and "2 closed requests due for purge (see Statistics)" in notice
        assert page.retention_label.text().startswith(
            "2 closed requests kept longer than the retention period (5 years)"
        )
        seen = []
        dialogs.answers += [lambda dialog: seen.append(dialog.table.rowCount()), False]  # preview, then "No"
        page.retention_button.click()
        assert seen == [2] and len(retention.preview(register).cases) == 2  # declined: nothing purged
        dialogs.answers += [lambda dialog: None, True]
        with qtbot.waitSignal(page.cases_purged) as purged:
            page.retention_button.click()
        assert sorted(purged.args[0]) == sorted([refs["refused"], refs["withdrawn"]])
        assert ("info", "2 requests purged.") in dialogs.shown
        assert page.retention_banner.isHidden()
        assert [t["ref"] for t in retention.tombstones(register)] == purged.args[0]
    finally:
        set_language("fr")


def test_without_pack_and_lapsed_suspension_are_their_own_lines(register: Register) -> None:
    """The issue's case: received 1 Sep 2026 (D1 1 Oct), ID asked 20 Oct, received 30 Nov, answered 10 Nov.
    The request for ID came after D1 and suspends nothing: late. Once as the register records it now
    (no suspension, the request kept), once as a register recorded it before that rule (a suspension
    stored and the due date moved to 12 Nov): both count as late, with a lapsed request."""
    reason = "Your request came from an address we do not know."
    lapsed = make_case(register, received_at=dt.datetime(2026, 9, 1, 9, tzinfo=dt.UTC))
    assert ids.request_proof(
        register, lapsed, reason, sent_on=dt.date(2026, 10, 20), with_letter=False
    ).lapsed
    ids.receive_proof(register, lapsed, None, received_on=dt.date(2026, 11, 30))
    answer(register, lapsed, dt.date(2026, 11, 10))
    legacy = make_case(register, received_at=dt.datetime(2026, 9, 1, 10, tzinfo=dt.UTC))
    with register.transaction() as conn:  # what the engine stored before RULES A6 was enforced
        case_id = conn.execute("SELECT id FROM cases WHERE ref = ?", (legacy,)).fetchone()[0]
        conn.execute(
            "INSERT INTO suspensions(case_id, kind, started, ended) VALUES (?, 'identity', '2026-10-20', '2026-11-30')",
            (case_id,),
        )
        conn.execute(
            "UPDATE cases SET legal_due = '2026-11-12', current_due = '2026-11-12' WHERE id = ?", (case_id,)
        )
    answer(register, legacy, dt.date(2026, 11, 10))
    running = make_case(register, received_at=dt.datetime(2026, 9, 2, 9, tzinfo=dt.UTC))  # D1 2 Oct
    assert not ids.request_proof(
        register, running, reason, sent_on=dt.date(2026, 9, 10), with_letter=False
    ).lapsed
    ids.receive_proof(register, running, None, received_on=dt.date(2026, 9, 20))  # 10 days: due 12 Oct
    answer(register, running, dt.date(2026, 10, 9))
    no_pack = make_case(register, received_at=dt.datetime(2026, 9, 3, 9, tzinfo=dt.UTC))
    answer(register, no_pack, dt.date(2026, 9, 10), pack=False)

    stats = period_statistics(register, Period(dt.date(2026, 9, 1), dt.date(2026, 9, 30)), today=LATER)
    assert stats.by_outcome["answered_on_time"] == 1  # only `running`
    assert stats.by_outcome["answered_late"] == 2 and stats.late_by_lapsed_suspension == 2
    assert stats.by_outcome["answered_without_pack"] == 1
    assert stats.answered == 4 and stats.on_time_percent == 25.0
    assert stats.identity_requested == 3
    figures = dict(key_figures(stats, "en", stats.as_of))
    assert figures["Answered without a sealed response pack"] == "1"
    assert figures["of which an identity request was sent after the due date (it suspended nothing)"] == "2"


def test_any_period_and_the_monthly_line(register: Register) -> None:
    refs = populate(register)
    spring = period_statistics(register, Period(dt.date(2027, 1, 1), dt.date(2027, 2, 28)), today=LATER)
    assert spring.received == 1 and spring.year is None  # only the 1 January one
    assert [p.month for p in spring.monthly] == ["2027-01", "2027-02"]
    assert [(p.received, p.answered) for p in spring.monthly] == [(1, 0), (0, 0)]
    whole = period_statistics(register, Period(dt.date(2026, 12, 1), dt.date(2027, 5, 31)), today=LATER)
    assert whole.received == 9
    by_month = {p.month: (p.received, p.answered) for p in whole.monthly}
    # received: one on 31 Dec 2026, one on 1 Jan 2027, seven in March; answered: 20 Mar, 10 Apr, 10 May
    assert by_month == {
        "2026-12": (1, 0), "2027-01": (1, 0), "2027-02": (0, 0), "2027-03": (7, 1), "2027-04": (0, 1),
        "2027-05": (0, 1),
    }  # fmt: skip
    assert sum(p.received for p in whole.monthly) == whole.received
    assert Period.of_year(2027).calendar_year == 2027 and Period.of_year(2027).label("fr") == "2027"
    assert whole.period.label("fr") == "du 1er déc. 2026 au 31 mai 2027" or "déc" in whole.period.label("fr")
    with pytest.raises(InvalidInput):
        Period(dt.date(2027, 2, 1), dt.date(2027, 1, 1))
    assert refs


def test_the_csv_of_the_figures(register: Register) -> None:
    populate(register)
    stats = yearly_statistics(register, 2027, today=LATER)
    data = statistics_csv(stats, "fr")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Rubrique", "Indicateur", "Nombre"]
    table = {(r[0], r[1]): r[2] for r in rows[1:]}
    assert table[("Chiffres clés", "Demandes reçues")] == "8"
    assert table[("Canal", "Courrier postal")] == "1"
    assert table[("Mois par mois — Reçues", "2027-03")] == "7"
    assert table[("Chiffres clés", "Reçues à partir du")] == "2027-01-01"
