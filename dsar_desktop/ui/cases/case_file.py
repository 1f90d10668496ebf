"""The case file: people, rights, deadlines with their explanation, timeline, and the actions the state allows."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import deadlines as dl
from ...domain.case_actions import Action, Allowances, Refusal, dispatch_without_pack_allowed
from ...domain.cases import Capacity, Case, Status, allowed_transitions, reason_required
from ...services import cases as case_service
from ...services import identity as identity_service
from ...services import settings as settings_service
from ...services.office import Office
from ..dialogs import Dialogs
from ..flow_layout import FlowLayout
from ..i18n import language, tr
from ..style import plain_tip
from .dialogs_case import UnfoundedDialog, dispatch_dialog
from .dialogs_extension import GROUND_UNFOUNDED, ExtensionDialog, RefusalDialog
from .labels import (
    LEVEL_BACKGROUND,
    LEVEL_FOREGROUND,
    TodayProvider,
    capacity_text,
    channel_text,
    date_text,
    days_left_text,
    priority_text,
    rights_text,
    status_text,
    today_paris,
)
from .timeline_text import timeline_rows


def _action_label(current: Status, target: Status) -> str:
    if target == Status.AWAITING_IDENTITY:
        return tr("Ask for proof of identity…")
    if target == Status.IN_PROGRESS:
        if current == Status.RECEIVED:
            return tr("Start work")
        if current == Status.AWAITING_IDENTITY:
            return tr("Identity confirmed: resume")
        if current == Status.RESPONDED:
            return tr("Reopen…")
        return tr("Back to in progress")
    return {
        Status.EXTENDED: tr("Extend by two months…"),
        Status.READY: tr("Mark ready to send"),
        Status.RESPONDED: tr("Record dispatch…"),
        Status.REFUSED: tr("Refuse…"),
        Status.WITHDRAWN: tr("Record a withdrawal…"),
        Status.CLOSED: tr("Close the case"),
    }.get(target, status_text(target))


class _SectionScroll(QScrollArea):
    """A case-file tab's scroll area: the panel keeps its size, the window does not grow to hold it."""


class SectionTabs(QTabWidget):
    """Tabs whose added sections scroll; `widget(i)` and `currentWidget()` still give the panel itself."""

    def add_scrolling(self, widget: QWidget, title: str) -> int:
        scroll = _SectionScroll()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(widget)
        return self.addTab(scroll, title)

    def widget(self, index: int) -> QWidget:
        page = super().widget(index)
        return page.widget() if isinstance(page, _SectionScroll) else page

    def currentWidget(self) -> QWidget:  # noqa: N802 - Qt's name
        return self.widget(self.currentIndex())

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt's name
        index = self.indexOf(widget)
        if index >= 0:
            self.setCurrentIndex(index)

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802 - Qt's name
        for index in range(self.count()):
            if self.widget(index) is widget or super().widget(index) is widget:
                return index
        return -1


class CaseFileView(QWidget):
    """One case; `add_section(title, widget)` is where identity, extracts and pack panels plug in."""

    case_changed = Signal(str)

    def __init__(
        self,
        register: Office,
        dialogs: Dialogs,
        runner: Any,
        ref: str,
        today_provider: TodayProvider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.runner = runner
        self.ref = ref
        self.today_provider = today_provider or today_paris
        self.case: Case | None = None
        self.deadlines: dl.Deadlines | None = None
        self.action_buttons: dict[str, QPushButton] = {}
        self.allowances = Allowances(status=Status.RECEIVED)
        self._build()
        self.refresh()

    # ---- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The state and the time left wrap: on one line each, at 200 % text, the header alone needed 1,480 px.
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.left_label = QLabel()
        self.left_label.setWordWrap(True)
        self.left_label.setStyleSheet("padding: 4px 8px; border-radius: 4px;")
        head.addWidget(self.title, 1)
        head.addWidget(self.state_label)
        head.addWidget(self.left_label)
        outer.addLayout(head)
        self.priority_label = QLabel()
        self.priority_label.setWordWrap(True)
        self.priority_label.setStyleSheet(
            "background: #f8d7da; color: #842029; padding: 6px; font-weight: bold;"
        )
        outer.addWidget(self.priority_label)
        self.actions_bar = FlowLayout()  # wraps: the allowed actions never widen the window
        outer.addLayout(self.actions_bar)
        # Why a next step is off, in words (the domain's sentence; also each button's tooltip).
        self.blockers_label = QLabel()
        self.blockers_label.setTextFormat(Qt.TextFormat.PlainText)
        self.blockers_label.setWordWrap(True)
        outer.addWidget(self.blockers_label)

        self.tabs = SectionTabs()
        self.summary = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.summary)
        summary_layout = QVBoxLayout(self.summary)
        top = QHBoxLayout()
        self.people_box = QGroupBox(tr("People"))
        self.people_form = QFormLayout(self.people_box)
        self.request_box = QGroupBox(tr("The request"))
        self.request_form = QFormLayout(self.request_box)
        top.addWidget(self.people_box, 1)
        top.addWidget(self.request_box, 1)
        summary_layout.addLayout(top)
        self.deadline_box = QGroupBox(tr("Deadlines"))
        self.deadline_form = QFormLayout(self.deadline_box)
        summary_layout.addWidget(self.deadline_box)
        summary_layout.addStretch(1)
        self.tabs.addTab(scroll, tr("Summary"))

        self.timeline_table = QTableWidget(0, 3)
        self.timeline_table.setHorizontalHeaderLabels([tr("When (Paris)"), tr("Who"), tr("What")])
        self.timeline_table.verticalHeader().setVisible(False)
        self.timeline_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.timeline_table.setWordWrap(True)
        self.timeline_table.setColumnWidth(0, 170)
        self.timeline_table.setColumnWidth(1, 90)
        self.timeline_table.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.timeline_table, tr("Timeline"))
        outer.addWidget(self.tabs, 1)

    def add_section(self, title: str, widget: QWidget) -> int:
        """Add a tab (identity, extracts, response pack…) after the built-in ones; returns its index.

        The tab scrolls rather than impose its minimum size on the window (1024×700 must fit).
        """
        return self.tabs.add_scrolling(widget, title)

    # ---- data -----------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            case = case_service.get_case(self.register, self.ref)
            deadlines = case_service.deadlines_for(self.register, case, self.today_provider())
            events = case_service.timeline(self.register, self.ref)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.dialogs.error(self, exc)
            return
        self.case, self.deadlines = case, deadlines
        self._show_header(case, deadlines)
        self._show_people(case)
        self._show_request(case)
        self._show_deadlines(case, deadlines)
        self._show_timeline(events)
        self._show_actions(case)

    def _calendar(self) -> dl.Calendar:
        return case_service.calendar_of(self.register)

    def _show_header(self, case: Case, deadlines: dl.Deadlines) -> None:
        self.title.setText(f"<h2>{case.ref} — {escape(case.subject.name)}</h2>")  # typed by a person: text
        self.state_label.setText(tr("State: {state}", state=f"<b>{status_text(case.status)}</b>"))
        if case.is_open:
            left = dl.days_left(self.today_provider(), deadlines.due(case.extended), self._calendar())
            self.left_label.setText(
                tr(
                    "{left} — due {date}",
                    left=days_left_text(left),
                    date=date_text(deadlines.due(case.extended)),
                )
            )
            bg, fg = LEVEL_BACKGROUND.get(left.level), LEVEL_FOREGROUND.get(left.level)
            style = "padding: 4px 8px; border-radius: 4px; font-weight: bold;"
            if bg is not None and fg is not None:
                style += f" background: {bg.name()}; color: {fg.name()};"
            self.left_label.setStyleSheet(style)
            self.left_label.show()
        else:
            self.left_label.hide()
        flag = priority_text(case.priority_flag, long=True)
        self.priority_label.setText(flag)
        self.priority_label.setVisible(bool(flag) and case.is_open)

    @staticmethod
    def _clear(form: QFormLayout) -> None:
        while form.rowCount():
            form.removeRow(0)

    @staticmethod
    def _value(text: str, rich: bool = False) -> QLabel:
        """A value label: plain text unless `rich`, where every part a person typed was escaped first."""
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _show_people(self, case: Case) -> None:
        form = self.people_form
        self._clear(form)
        s = case.subject
        form.addRow(tr("Data subject:"), self._value(f"<b>{escape(s.name)}</b>", rich=True))
        for label, value in (
            (tr("E-mail:"), s.email),
            (tr("Phone:"), s.phone),
            (tr("Date of birth:"), date_text(s.dob) if s.dob else None),
            (tr("Postal address:"), s.address or None),
            (tr("Student number:"), s.student_number),
        ):
            if value:
                form.addRow(label, self._value(value))
        if case.capacity == Capacity.SELF:
            form.addRow(tr("Requester:"), self._value(capacity_text(Capacity.SELF)))
        else:
            form.addRow(
                tr("Requester:"),
                self._value(
                    f"<b>{escape(case.requester_name or '')}</b> — {escape(capacity_text(case.capacity))}", rich=True
                ),
            )
            if case.requester_email:
                form.addRow(tr("Requester's e-mail:"), self._value(case.requester_email))

    def _show_request(self, case: Case) -> None:
        form = self.request_form
        self._clear(form)
        received = case.received_at.astimezone(dl.PARIS)
        form.addRow(tr("Reference:"), self._value(case.ref))
        form.addRow(tr("Received:"), self._value(f"{date_text(case.received_date)}, {received:%H:%M}"))
        form.addRow(tr("Channel:"), self._value(channel_text(case.channel)))
        form.addRow(
            tr("Language of the reply:"),
            self._value(tr("French") if case.language == "fr" else tr("English")),
        )
        form.addRow(tr("Rights invoked:"), self._value(rights_text(case.rights)))
        if case.extended:
            form.addRow(
                tr("Extension:"),
                self._value(
                    tr(
                        "notice sent {date}: {reason}",
                        date=date_text(case.extension_notice_date),
                        reason=case.extension_reason or "",
                    )
                ),
            )
        if case.manifestly_unfounded:
            form.addRow(
                tr("Manifestly unfounded or excessive:"),
                self._value(tr("yes (see the timeline for the justification)")),
            )
        if case.dispatch_date:
            sent = date_text(case.dispatch_date) + (
                f" — {case.dispatch_number}" if case.dispatch_number else ""
            )
            form.addRow(tr("Reply sent:"), self._value(sent))
        if case.closure_reason:
            form.addRow(tr("Closure reason:"), self._value(case.closure_reason))

    def _show_deadlines(self, case: Case, deadlines: dl.Deadlines) -> None:
        form = self.deadline_form
        self._clear(form)
        d1 = date_text(deadlines.legal_due)
        form.addRow(
            tr("Legal due date (D1):"),
            self._value(tr("{date} — replaced by D3: the extension was notified in time", date=d1))
            if case.extended
            else self._value(f"<b>{d1}</b>", rich=True),
        )
        form.addRow(tr("Policy target (30 days):"), self._value(date_text(deadlines.policy_target)))
        d3 = date_text(deadlines.extended_due)
        form.addRow(
            tr("Extended due date (D3):"),
            self._value(tr("{date} — in force (extended)", date=f"<b>{d3}</b>"), rich=True)
            if case.extended
            else self._value(tr("{date} — only if an extension notice is sent by D1", date=d3)),
        )
        if deadlines.suspension_days:
            form.addRow(
                tr("Clock stopped for identity:"), self._value(tr("{n} days", n=deadlines.suspension_days))
            )
        if case.is_open:
            left = dl.days_left(self.today_provider(), deadlines.due(case.extended), self._calendar())
            form.addRow(tr("Time left:"), self._value(f"<b>{days_left_text(left)}</b>", rich=True))
        else:
            form.addRow(
                tr("Time left:"),
                self._value(
                    tr("No deadline running: the request is {state}.", state=status_text(case.status).lower())
                ),
            )
        lines = "".join(f"<li>{escape(line)}</li>" for line in deadlines.explanation(language()))
        self.explanation_label = self._value(f"<ul style='margin-left: 0'>{lines}</ul>", rich=True)
        form.addRow(tr("How these dates were computed:"), self.explanation_label)

    def _show_timeline(self, events: list[case_service.TimelineEntry]) -> None:
        rows = timeline_rows(events)
        table = self.timeline_table
        table.setRowCount(len(rows))
        for i, (when, who, what) in enumerate(rows):
            for j, text in enumerate((when, who, what)):
                table.setItem(i, j, QTableWidgetItem(text))
        table.resizeRowsToContents()  # a timeline has tens of rows, not thousands

    def _show_actions(self, case: Case) -> None:
        while self.actions_bar.count():
            item = self.actions_bar.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.action_buttons = {}
        allowances = case_service.allowed(self.register, self.ref, self.today_provider())
        self.allowances = allowances
        targets = allowed_transitions(case.status)
        if Status.RESPONDED not in targets and dispatch_without_pack_allowed(allowances) is None:
            targets.append(Status.RESPONDED)  # ready to send and responded are one step when the reply goes out
        if targets:
            self.actions_bar.addWidget(QLabel("<b>" + tr("Next step:") + "</b>"))
        blocked: list[str] = []
        for target in targets:
            refusal = self._refusal_for(target)
            button = self._add_action(target.value, _action_label(case.status, target), self._handler_for(target))
            button.setEnabled(refusal is None)
            button.setToolTip(plain_tip(refusal.sentence(language())) if refusal else "")  # may name a person
            if refusal is not None:
                blocked.append(f"✗ {button.text()} — {refusal.sentence(language())}")
        self.blockers_label.setText("\n".join(blocked))
        self.blockers_label.setVisible(bool(blocked))
        self.actions_bar.addStretch(1)
        self._add_action("note", tr("Add note…"), self._on_add_note)
        if allowances.allows(Action.MARK_UNFOUNDED) and not case.manifestly_unfounded:
            self._add_action("unfounded", tr("Mark manifestly unfounded…"), self._on_mark_unfounded)

    def _refusal_for(self, target: Status) -> Refusal | None:
        """The domain's reason a button is off; a reply without a pack stays possible with its reason."""
        if target == Status.RESPONDED:
            if dispatch_without_pack_allowed(self.allowances) is None:
                return None
            return self.allowances.why_not(Action.DISPATCH)
        return self.allowances.targets.get(target)

    def _add_action(self, key: str, text: str, handler: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"action_{key}")
        button.clicked.connect(lambda _checked=False: handler())
        self.actions_bar.addWidget(button)
        self.action_buttons[key] = button
        return button

    def _handler_for(self, target: Status) -> Callable[[], None]:
        special: dict[Status, Callable[[], None]] = {
            Status.EXTENDED: self._on_extend,
            Status.REFUSED: self._on_refuse,
            Status.RESPONDED: self._on_record_dispatch,
            Status.WITHDRAWN: self._on_withdrawn,
            Status.CLOSED: self._on_close,
        }
        return special.get(target, lambda: self._on_transition(target))

    def trigger(self, key: str) -> None:
        """Press the action button `key` (a target state value, 'note' or 'unfounded')."""
        self.action_buttons[key].click()

    # ---- actions --------------------------------------------------------------------
    def _apply(self, change: Callable[[], object]) -> bool:
        try:
            change()
        except Exception as exc:  # noqa: BLE001 - every refusal of the core becomes one sentence
            self.dialogs.error(self, exc)
            self.refresh()
            return False
        self.refresh()
        self.case_changed.emit(self.ref)
        return True

    def _on_transition(self, target: Status) -> None:
        assert self.case is not None
        reason = None
        if self._needs_reason(target):
            prompt = (
                tr(
                    "Reasonable doubt about the requester's identity (Art. 12(6)): write it as a full sentence to the person; it is printed in the request letter."
                )
                if target == Status.AWAITING_IDENTITY
                else tr("Why is the case reopened?")
            )
            reason = self.dialogs.ask_text(self, tr("Reason"), prompt)
            if reason is None:
                return
        if target == Status.AWAITING_IDENTITY:
            # the identity service records the reason, stops the clock (decree 2019-536) and moves the state
            done = self._apply(
                lambda: identity_service.request_proof(
                    self.register, self.ref, reason or "", sent_on=self.today_provider(), with_letter=False
                )
            )
            if done:
                self.dialogs.info(
                    self,
                    tr(
                        "The clock is stopped from today until the proof arrives. Print the request letter from the Identity tab."
                    ),
                )
            return
        self._apply(lambda: case_service.transition(self.register, self.ref, target, reason))

    def _needs_reason(self, target: Status) -> bool:
        assert self.case is not None
        return reason_required(self.case.status, target)

    def _on_extend(self) -> None:
        assert self.case is not None and self.deadlines is not None
        dialog = ExtensionDialog(self.ref, self.deadlines, self.today_provider(), self)
        if self.dialogs.run(dialog):
            reason, notice = dialog.reason(), dialog.notice_date()
            self._apply(lambda: case_service.extend(self.register, self.ref, reason, notice))

    def _earlier(self) -> list[case_service.CaseRow]:
        assert self.case is not None
        return case_service.earlier_requests(
            self.register, self.case.subject.name, self.case.subject.email, exclude_ref=self.ref
        )

    def _on_refuse(self) -> None:
        assert self.case is not None and self.deadlines is not None
        dialog = RefusalDialog(
            self.ref, self.deadlines.legal_due, self.today_provider(), self._earlier(), self
        )
        if not self.dialogs.run(dialog):
            return
        ground, reason, full = dialog.ground(), dialog.reason(), dialog.full_reason()
        unfounded = reason if ground == GROUND_UNFOUNDED else None
        self._apply(lambda: case_service.refuse(self.register, self.ref, full, unfounded_justification=unfounded))

    def _on_record_dispatch(self) -> None:
        assert self.case is not None
        without_pack: str | None = None
        refusal = self.allowances.why_not(Action.DISPATCH)
        if refusal is not None:
            without_pack = self.dialogs.ask_text(
                self,
                tr("Reply without a sealed pack"),
                refusal.sentence(language())
                + "\n\n"
                + tr("If the reply went another way, say how and why (kept in the timeline and the statistics):"),
            )
            if without_pack is None or not without_pack.strip():
                return
        dialog = dispatch_dialog(self.register, self.case, self.today_provider(), self)
        if self.dialogs.run(dialog):
            sent_on, number = dialog.sent_on(), dialog.number()
            how, where = dialog.channel(), dialog.address()
            self._apply(
                lambda: case_service.record_dispatch(
                    self.register, self.ref, sent_on, number, channel=how, address=where,
                    without_pack_reason=without_pack,
                )
            )

    def _on_withdrawn(self) -> None:
        if self.dialogs.confirm(self, tr("Record that the requester withdrew request {ref}?", ref=self.ref)):
            self._apply(lambda: case_service.transition(self.register, self.ref, Status.WITHDRAWN))

    def _on_close(self) -> None:
        years = settings_service.current_settings(self.register).get("retention_years") or 5
        text = tr(
            "Close request {ref}? A closed request can no longer change; it is kept {years} years then purged.",
            ref=self.ref,
            years=years,
        )
        if self.dialogs.confirm(self, text):
            self._apply(lambda: case_service.transition(self.register, self.ref, Status.CLOSED))

    def _on_add_note(self) -> None:
        text = self.dialogs.ask_text(self, tr("Note"), tr("Note for the timeline:"))
        if text is not None and text.strip():
            self._apply(lambda: case_service.add_note(self.register, self.ref, text))

    def _on_mark_unfounded(self) -> None:
        dialog = UnfoundedDialog(self.ref, self._earlier(), self)
        if self.dialogs.run(dialog):
            justification = dialog.justification()
            self._apply(
                lambda: case_service.mark_manifestly_unfounded(self.register, self.ref, justification)
            )
