"""Case screens driven like a person would: intake → extension → dispatch → close; dashboard; dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from dsar_desktop.domain import deadlines as dl
from dsar_desktop.domain.cases import Channel, Right, Status
from dsar_desktop.services import cases as case_service
from dsar_desktop.ui import i18n
from dsar_desktop.ui.cases.case_file import CaseFileView
from dsar_desktop.ui.cases.case_list import CaseListPage
from dsar_desktop.ui.cases.dashboard import DashboardPage
from dsar_desktop.ui.cases.dialogs_extension import GROUND_UNFOUNDED, ExtensionDialog, RefusalDialog
from dsar_desktop.ui.cases.intake import IntakeWizard
from dsar_desktop.ui.cases.labels import due_soon_summary
from dsar_desktop.ui.cases.models import COL_DAYS_LEFT, COL_REF, LevelRole, RefRole
from dsar_desktop.ui.dialogs import ScriptedDialogs

# make_case receives on Mon 1 Mar 2027 (10:00 UTC): D1 = Thu 1 Apr 2027, D3 = Tue 1 Jun 2027.
D1 = dt.date(2027, 4, 1)
D3 = dt.date(2027, 6, 1)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


def fixed(day: dt.date):  # type: ignore[no-untyped-def]
    return lambda: day


# ---- the Done-when path ----------------------------------------------------------------------
def test_intake_extension_dispatch_close_with_the_keyboard_and_scripted_dialogs(
    qtbot, register, dialogs
) -> None:  # type: ignore[no-untyped-def]
    # "now" is frozen (a day in the past, so the receipt is never in the future): no test runs across midnight
    now = dt.datetime(2026, 11, 30, 23, 59, tzinfo=dl.PARIS)
    wizard = IntakeWizard(register, dialogs, None, None, now_provider=lambda: now)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.channel_combo)

    # e-mail is the default channel: the receipt is "now"; Enter walks through the fields
    for _ in range(3):  # channel, received, capacity; the disabled requester fields are skipped
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert QApplication.focusWidget() is wizard.name_edit
    qtbot.keyClicks(wizard.name_edit, "Heloise DUPRE")  # QTest types ASCII only
    qtbot.keyClick(wizard.name_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is wizard.email_edit
    qtbot.keyClicks(wizard.email_edit, "heloise.dupre@example.org")
    qtbot.keyClick(wizard.email_edit, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Access
    qtbot.waitUntil(wizard.right_boxes[Right.ACCESS].isChecked)  # a mnemonic "clicks" after a short animation
    # the due dates are shown live, before anything is recorded
    assert "Legal due date (D1):" in wizard.due_label.text()
    with qtbot.waitSignal(wizard.case_created) as created:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    ref = created.args[0]
    assert dialogs.shown == []
    case = case_service.get_case(register, ref)
    assert case.status == Status.RECEIVED
    assert case.subject.name == "Heloise DUPRE"
    assert case.rights == [Right.ACCESS]
    assert case.received_date == dt.date(2026, 11, 30)

    view = CaseFileView(register, dialogs, None, ref, today_provider=fixed(dt.date(2026, 12, 1)))
    qtbot.addWidget(view)
    changes: list[str] = []
    view.case_changed.connect(changes.append)
    assert "extended" in view.action_buttons  # Art. 12(3): may be decided from receipt
    view.trigger("in_progress")
    assert view.case is not None and view.case.status == Status.IN_PROGRESS

    dialogs.answers.append(lambda d: d.reason_edit.setPlainText("Seven systems to search"))
    view.trigger("extended")
    case = case_service.get_case(register, ref)
    assert case.status == Status.EXTENDED and case.extended
    assert case.current_due == case_service.deadlines_for(register, case).extended_due
    assert case.extension_reason == "Seven systems to search"

    # no sealed pack: "ready to send" is off and says why; the reply can still be recorded with its reason
    assert not view.action_buttons["ready"].isEnabled()
    assert "No sealed response pack yet" in view.action_buttons["ready"].toolTip()
    assert "Mark ready to send — No sealed response pack yet" in view.blockers_label.text()
    assert view.action_buttons["responded"].isEnabled()
    dialogs.answers.append("Handed over at the front desk")
    dialogs.answers.append(lambda d: d.number_edit.setText("1A 123 456 7890 1"))
    view.trigger("responded")
    case = case_service.get_case(register, ref)
    assert case.status == Status.RESPONDED
    assert case.dispatch_number == "1A 123 456 7890 1"

    dialogs.answers.append(True)  # "Close request …?"
    view.trigger("closed")
    assert case_service.get_case(register, ref).status == Status.CLOSED
    assert changes == [ref] * 4
    assert not any(kind == "error" for kind, _ in dialogs.shown)
    # the case file shows what happened, in words
    timeline = [view.timeline_table.item(r, 2).text() for r in range(view.timeline_table.rowCount())]
    assert any(t.startswith("Deadline extended to") and "Seven systems" in t for t in timeline)
    assert any("registered letter 1A 123 456 7890 1" in t for t in timeline)
    assert timeline[-1] == "State: Responded → Closed"
    assert set(view.action_buttons) == {"note"}  # a closed case allows no further transition


# ---- intake ----------------------------------------------------------------------------------
def test_intake_prefills_receipt_from_channel_and_warns_of_earlier_requests(qtbot, register, dialogs) -> None:  # type: ignore[no-untyped-def]
    earlier_ref = case_service.add_case(
        register,
        case_service.NewCase(
            received_at=dt.datetime(2026, 1, 5, 9, 0, tzinfo=dl.PARIS),
            channel=Channel.POST,
            rights=[Right.ERASURE],
            subject=case_service.Person("Héloïse DUPRÉ", "h.dupre@example.org"),
        ),
    ).ref
    now = dt.datetime(2026, 11, 20, 16, 42, tzinfo=dl.PARIS)
    wizard = IntakeWizard(register, dialogs, now_provider=lambda: now)
    qtbot.addWidget(wizard)
    assert wizard.received_at() == now.replace(second=0)
    wizard.channel_combo.setCurrentIndex(wizard.channel_combo.findData("post"))
    assert wizard.received_at() == dt.datetime(2026, 11, 20, 12, 0, tzinfo=dl.PARIS)
    # received Fri 20 Nov 2026: D1 = Sun 20 Dec → Mon 21 Dec 2026
    assert "Mon 21 Dec 2026" in wizard.due_label.text()

    wizard.name_edit.setText("heloise dupre")  # other spelling, same person
    wizard.name_edit.editingFinished.emit()
    assert wizard.earlier_label.isVisibleTo(wizard)
    assert earlier_ref in wizard.earlier_label.text()

    # nothing recorded without a right: the refusal is shown, the form stays open
    assert wizard.record() is None
    assert dialogs.shown[-1] == ("error", "Choose at least one right invoked.")


def test_intake_for_a_parent_records_the_requester(qtbot, register, dialogs) -> None:  # type: ignore[no-untyped-def]
    wizard = IntakeWizard(register, dialogs)
    qtbot.addWidget(wizard)
    wizard.capacity_combo.setCurrentIndex(wizard.capacity_combo.findData("parent"))
    assert wizard.requester_name_edit.isEnabled()
    wizard.requester_name_edit.setText("Noël MARTIN")
    wizard.name_edit.setText("Léa MARTIN")
    wizard.dob_edit.setText("03/02/2016")
    wizard.dob_edit.editingFinished.emit()
    assert wizard.minor_label.isVisibleTo(wizard)  # under 15: parental authority (LIL art. 45)
    wizard.right_boxes[Right.ERASURE].setChecked(True)
    ref = wizard.record()
    assert ref is not None
    case = case_service.get_case(register, ref)
    assert case.requester_name == "Noël MARTIN" and case.capacity.value == "parent"
    assert case.subject.dob == dt.date(2016, 2, 3)
    assert case.priority_flag == "minor_erasure"  # LIL art. 51


# ---- dashboard --------------------------------------------------------------------------------
def test_dashboard_shows_overdue_in_words_and_priority_first(qtbot, register, dialogs, case_factory) -> None:  # type: ignore[no-untyped-def]
    late = case_factory(subject_name="Jérôme LEFÈVRE")
    case_factory(
        subject_name="Léa MARTIN",
        subject_dob=dt.date(2012, 1, 1),
        rights=[Right.ERASURE],
        received_at=dt.datetime(2027, 3, 20, 10, 0, tzinfo=dt.UTC),
    )
    page = DashboardPage(register, dialogs, None, today_provider=fixed(dt.date(2027, 4, 5)))
    qtbot.addWidget(page)
    assert page.banner.isVisibleTo(page)
    banner = page.banner_label.text()
    assert "1 request is overdue" in banner and late in banner and "overdue by 4 days" in banner
    model = page.model
    assert model.rowCount() == 2
    assert model.index(0, COL_REF).data(RefRole) != late  # priority (minor's erasure) first
    late_row = 1
    assert model.index(late_row, COL_DAYS_LEFT).data() == "Overdue by 4 days"
    assert model.index(late_row, COL_DAYS_LEFT).data(LevelRole) == "overdue"
    assert page.count_labels[Status.RECEIVED].text() == "2"
    assert "Erasure requested by a minor (LIL art. 51)" in page.priority_list.item(0).text()
    assert page.due_today_list.item(0).text() == "Nothing is due today."
    with qtbot.waitSignal(page.case_opened) as opened:
        page.open_row(late_row)
    assert opened.args == [late]
    assert due_soon_summary(page.data) == "1 request overdue"  # type: ignore[arg-type]


def test_dashboard_without_overdue_hides_the_banner(qtbot, register, dialogs, case_factory) -> None:  # type: ignore[no-untyped-def]
    case_factory()
    page = DashboardPage(register, dialogs, None, today_provider=fixed(dt.date(2027, 3, 29)))
    qtbot.addWidget(page)
    assert not page.banner.isVisibleTo(page)
    assert page.model.index(0, COL_DAYS_LEFT).data() == "3 days left (3 working)"
    assert due_soon_summary(page.data) == "1 due within 7 days"  # type: ignore[arg-type]
    page_later = DashboardPage(register, dialogs, None, today_provider=fixed(dt.date(2027, 3, 2)))
    qtbot.addWidget(page_later)
    assert due_soon_summary(page_later.data) is None  # type: ignore[arg-type]


# ---- case list --------------------------------------------------------------------------------
def test_case_list_filters_as_you_type(qtbot, register, dialogs, case_factory) -> None:  # type: ignore[no-untyped-def]
    first = case_factory(subject_name="Héloïse DUPRÉ")
    case_factory(subject_name="Oliver SMITH", subject_email="o.smith@example.org")
    page = CaseListPage(register, dialogs, None, today_provider=fixed(dt.date(2027, 3, 10)))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0  # nothing read until the page is first shown
    page.show()
    assert page.count_label.text() == "2 of 2 requests"
    qtbot.keyClicks(page.search, "helo")
    assert page.visible_refs() == [first]
    assert page.count_label.text() == "1 of 2 requests"
    page.search.clear()
    page.right_combo.setCurrentIndex(page.right_combo.findData("erasure"))
    assert page.visible_refs() == []
    page.right_combo.setCurrentIndex(0)
    with qtbot.waitSignal(page.case_opened) as opened:
        page.table.activated.emit(page.proxy.index(0, COL_REF))
    assert opened.args[0] in page.visible_refs()


# ---- dialogs ---------------------------------------------------------------------------------
def test_extension_refused_after_d1_with_the_message(qtbot, register, dialogs, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    case_service.transition(register, ref, Status.IN_PROGRESS)
    view = CaseFileView(register, dialogs, None, ref, today_provider=fixed(D1 + dt.timedelta(days=1)))
    qtbot.addWidget(view)
    seen: list[ExtensionDialog] = []

    def fill(dialog: ExtensionDialog) -> None:
        seen.append(dialog)
        dialog.reason_edit.setPlainText("Complex request")

    dialogs.answers.append(fill)
    view.trigger("extended")
    assert "after the legal due date" in seen[0].error_label.text()
    assert seen[0].d3_label.text() == "<b>Tue 1 Jun 2027</b>"
    assert not case_service.get_case(register, ref).extended


def test_extension_dialog_requires_reasons(qtbot, register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    deadlines = case_service.deadlines_for(register, case_service.get_case(register, ref))
    dialog = ExtensionDialog(ref, deadlines, dt.date(2027, 3, 15))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0
    assert "reasons" in dialog.error_label.text()
    assert dialog.d1_label.text() == "<b>Thu 1 Apr 2027</b>"


def test_refusal_as_manifestly_excessive_marks_the_case_and_shows_earlier_requests(
    qtbot, register, dialogs, case_factory
) -> None:  # type: ignore[no-untyped-def]
    older = case_factory(received_at=dt.datetime(2027, 1, 4, 10, 0, tzinfo=dt.UTC))
    ref = case_factory()
    view = CaseFileView(register, dialogs, None, ref, today_provider=fixed(dt.date(2027, 3, 10)))
    qtbot.addWidget(view)
    seen: list[RefusalDialog] = []

    def fill(dialog: RefusalDialog) -> None:
        seen.append(dialog)
        dialog.set_ground(GROUND_UNFOUNDED)
        dialog.reason_edit.setPlainText("Fourth identical request in two months")

    dialogs.answers.append(fill)
    view.trigger("refused")
    dialog = seen[0]
    assert older in dialog.earlier_list.item(0).text()
    assert "CNIL" in dialog.reminder.text() and "judicial remedy" in dialog.reminder.text()
    assert "Thu 1 Apr 2027" in dialog.reminder.text()
    case = case_service.get_case(register, ref)
    assert case.status == Status.REFUSED and case.manifestly_unfounded
    assert case.closure_reason == (
        "Manifestly unfounded or excessive (Art. 12(5)): Fourth identical request in two months"
    )


def test_refusal_without_reason_changes_nothing(qtbot, register, dialogs, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    view = CaseFileView(register, dialogs, None, ref, today_provider=fixed(dt.date(2027, 3, 10)))
    qtbot.addWidget(view)
    dialogs.answers.append(lambda d: None)
    view.trigger("refused")
    assert case_service.get_case(register, ref).status == Status.RECEIVED


def test_case_file_shows_deadlines_with_their_explanation(qtbot, register, dialogs, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory(requester_name="Maître Benoît GÉRARD", capacity="lawyer")
    view = CaseFileView(register, dialogs, None, ref, today_provider=fixed(dt.date(2027, 3, 25)))
    qtbot.addWidget(view)
    explanation = view.explanation_label.text()
    assert "received Mon 1 Mar 2027" in explanation
    assert "legal due date (D1): Thu 1 Apr 2027" in explanation
    assert "7 days left" in view.left_label.text()
    people = [
        view.people_form.itemAt(i).widget().text()
        for i in range(view.people_form.count())
        if view.people_form.itemAt(i).widget() is not None
    ]
    assert any("Maître Benoît GÉRARD" in t and "Lawyer" in t for t in people)
    dialogs.answers.append("Called the requester back")
    view.trigger("note")
    assert view.timeline_table.item(view.timeline_table.rowCount() - 1, 2).text() == (
        "Note: Called the requester back"
    )
    index = view.add_section("Identity", QLabel("identity panel"))
    assert view.tabs.tabText(index) == "Identity"


def test_pages_hidden_when_a_case_changes_reload_when_shown_again(
    qtbot, register, dialogs, case_factory
) -> None:  # type: ignore[no-untyped-def]
    case_factory()
    today = fixed(dt.date(2027, 3, 10))
    page = CaseListPage(register, dialogs, None, today_provider=today)
    dashboard = DashboardPage(register, dialogs, None, today_provider=today)
    qtbot.addWidget(page)
    qtbot.addWidget(dashboard)
    page.show()
    page.hide()
    case_factory(subject_name="Oliver SMITH")
    page.reload()  # what the shell calls after case_changed / case_created
    dashboard.refresh()
    assert page.model.rowCount() == 1 and dashboard.model.rowCount() == 1  # not re-read while hidden
    page.show()
    dashboard.show()
    assert page.model.rowCount() == 2 and dashboard.model.rowCount() == 2
    assert dashboard.count_labels["open"].text() == "<b>2</b>"


@pytest.mark.usefixtures("identity_today")
def test_asking_for_proof_of_identity_stops_the_clock(qtbot, register, dialogs, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory()
    view = CaseFileView(register, dialogs, None, ref, today_provider=fixed(dt.date(2027, 3, 10)))
    qtbot.addWidget(view)
    dialogs.answers.append("The e-mail address differs from the one on file")
    view.trigger("awaiting_identity")
    case = case_service.get_case(register, ref)
    assert dialogs.shown[0][0] != "error", dialogs.shown
    assert case.status == Status.AWAITING_IDENTITY
    assert len(case.suspensions) == 1 and case.suspensions[0][1] is None  # clock stopped, not restarted
    assert dialogs.shown[-1][0] == "info"
    # resuming is done by recording the proof (Identity tab): the bare "resume" button is off and says so
    assert not view.action_buttons["in_progress"].isEnabled()
    assert "Identity tab" in view.action_buttons["in_progress"].toolTip()
    assert set(view.action_buttons) >= {"refused", "withdrawn", "note"}
