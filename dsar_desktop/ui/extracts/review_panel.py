"""The case file's Data section: systems searched or not, matches to confirm or reject, redaction, minors' flags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import extracts as service
from ...services import extracts_gather as gathering
from ...services.office import Office
from ..cases.labels import moment_day_text
from ..dialogs import Dialogs
from ..flow_layout import FlowLayout
from ..i18n import language, tr
from ..progress import run_job
from ..style import plain_label, plain_tip, role_label, set_role
from ..workers import Runner
from . import models
from .gather_dialog import FILE_FILTER, GatherBar, GatherDialog
from .import_dialog import ImportDialog, import_files
from .record_view import RecordView

ROW_HEIGHT = 24


class NotApplicableDialog(QDialog):
    """The written reason a system does not concern this request (RULES D: never silently skipped)."""

    def __init__(self, system: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Not applicable to this request"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        question = plain_label(tr("Why is “{system}” not applicable to this request? The reason is kept in the "
                                  "case and shown to reviewers.", system=system))  # fmt: skip
        layout.addWidget(question)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            tr("e.g. the person never used the online services: no account, no cookie identifier")
        )
        self.reason.setMaximumHeight(90)
        layout.addWidget(self.reason)
        self.problem = role_label(tr("A reason is required."), "error")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.addButton(tr("Mark not applicable"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not self.reason.toPlainText().strip():
            self.problem.show()
            return
        super().accept()


class DataPanel(QWidget):
    """Everything gathered for one case from the organisation's systems."""

    case_changed = Signal(str)

    def __init__(
        self, register: Office, dialogs: Dialogs, runner: Runner, ref: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.runner = runner
        self.ref = ref
        self.statuses: list[service.SourceStatus] = []
        self.last_import: ImportDialog | None = None
        self.last_reason_dialog: NotApplicableDialog | None = None
        self.last_gather: GatherDialog | None = None
        self.gathered: list[Any] = []  # the files of the last gathering (in memory only), to search again
        self._build()
        self._connect()
        self.refresh()

    # ---- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.status_line = plain_label()  # names sources the DPO named
        header.addWidget(self.status_line, 1)
        self.gather_button = QPushButton(tr("&Gather export files…"))
        self.gather_button.setToolTip(
            tr("Choose or drop every file at once: each goes to its system, one search.")
        )
        self.import_button = QPushButton(tr("Import an export file…"))
        self.import_button.setToolTip(
            tr("One system's files, with the header row and the columns set by hand.")
        )
        self.not_applicable_button = QPushButton(tr("Mark not applicable…"))
        actions = QWidget()  # wraps onto a second line rather than widen the tab (longer translations)
        actions_flow = FlowLayout(actions, one_line_hint=True)
        for button in (self.gather_button, self.import_button, self.not_applicable_button):
            actions_flow.addWidget(button)
        header.addWidget(actions)
        layout.addLayout(header)
        self.gather_bar = GatherBar(self.register, self.dialogs, self.ref)
        self.gather_bar.research = self._research
        layout.addWidget(self.gather_bar)
        self.setAcceptDrops(True)
        self.flags_row = QWidget()
        flags_line = QHBoxLayout(self.flags_row)
        flags_line.setContentsMargins(0, 0, 0, 0)
        self.flags_label = role_label("", "error")
        self.flags_label.setTextFormat(Qt.TextFormat.PlainText)  # quotes source names and file text
        flags_line.addWidget(self.flags_label, 1)
        self.acknowledge_button = QPushButton(tr("Acknowledge (DPO)"))
        flags_line.addWidget(self.acknowledge_button)
        layout.addWidget(self.flags_row)
        self.flags_seen = role_label("", "muted")
        self.flags_seen.setTextFormat(Qt.TextFormat.PlainText)  # names who saw them
        layout.addWidget(self.flags_seen)
        self.sources = QTableWidget(0, 4)
        self.sources.setHorizontalHeaderLabels(
            [tr("System"), tr("State"), tr("Files searched"), tr("Matches")]
        )
        self.sources.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sources.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sources.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sources.verticalHeader().hide()
        self.sources.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        for column, width in enumerate((340, 300, 270)):
            self.sources.setColumnWidth(column, width)
        self.sources.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.sources)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        matches = QWidget()
        matches_layout = QVBoxLayout(matches)
        matches_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Matches of")))
        self.source_filter = QComboBox()
        bar.addWidget(self.source_filter, 1)
        matches_layout.addLayout(bar)
        self.model = models.MatchTableModel(self)
        self.proxy = models.MatchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        for column, width in ((models.SYSTEM, 140), (models.FILE, 120), (models.ROW, 44),
                              (models.REASONS, 150), (models.STATUS, 90), (models.REDACTIONS, 80)):  # fmt: skip
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        matches_layout.addWidget(self.table, 1)
        self.empty_hint = QLabel(
            tr("No match yet. Use “Import an export file…” to search a system's export for this person.")
        )
        self.empty_hint.setWordWrap(True)
        set_role(self.empty_hint, "muted")
        matches_layout.addWidget(self.empty_hint)
        decide_row = QWidget()  # wraps like the actions above
        decide = FlowLayout(decide_row, one_line_hint=True)
        self.confirm_button = QPushButton(tr("&Confirm — it is the subject"))
        self.reject_button = QPushButton(tr("Re&ject — someone else"))
        for button in (self.confirm_button, self.reject_button):
            button.setToolTip(tr("Keyboard: Ctrl+Enter confirms, Ctrl+Delete rejects the selected match."))
            button.setAutoDefault(False)  # Enter never rejects a match by accident
            decide.addWidget(button)
        self.confirm_emails_button = QPushButton()
        self.confirm_emails_button.setAutoDefault(False)
        self.confirm_emails_button.setToolTip(
            tr("Matches found by the e-mail column holding the subject's exact address, in every system.")
        )
        decide.addWidget(self.confirm_emails_button)
        matches_layout.addWidget(decide_row)
        splitter.addWidget(matches)

        self.record = RecordView(self.register, self.dialogs)
        splitter.addWidget(self.record)
        splitter.setSizes([640, 600])
        layout.addWidget(splitter, 1)
        self.confirm_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.reject_shortcut = QShortcut(QKeySequence("Ctrl+Delete"), self)
        for shortcut in (self.confirm_shortcut, self.reject_shortcut):  # only this case file's panel
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _connect(self) -> None:
        self.gather_button.clicked.connect(self._on_gather)
        self.gather_bar.changed.connect(self._changed)
        self.confirm_emails_button.clicked.connect(self._on_confirm_emails)
        self.import_button.clicked.connect(self._on_import)
        self.not_applicable_button.clicked.connect(self._on_not_applicable)
        self.sources.itemSelectionChanged.connect(self._on_source_selected)
        self.source_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_match_selected)
        self.confirm_button.clicked.connect(self._on_confirm)
        self.reject_button.clicked.connect(self._on_reject)
        self.confirm_shortcut.activated.connect(self._on_confirm)
        self.reject_shortcut.activated.connect(self._on_reject)
        self.record.redacted.connect(self._on_redacted)
        self.acknowledge_button.clicked.connect(self._on_acknowledge)

    # ---- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        keep_source, keep_match = self.selected_source(), self.selected_match_id()
        self.statuses = service.sources_status(self.register, self.ref)
        names = {s.source: models.source_name(s) for s in self.statuses}
        self._show_status_line()
        self._show_flags(names)
        self._show_sources(keep_source)
        self.source_filter.blockSignals(True)
        current = self.source_filter.currentData() or ""
        self.source_filter.clear()
        self.source_filter.addItem(tr("All systems"), "")
        for status in self.statuses:
            self.source_filter.addItem(names[status.source], status.source)
        self.source_filter.setCurrentIndex(max(0, self.source_filter.findData(current)))
        self.source_filter.blockSignals(False)
        self.proxy.set_source(str(self.source_filter.currentData() or ""))
        self.table.setColumnHidden(models.SYSTEM, bool(self.source_filter.currentData()))
        self.model.set_matches(service.list_matches(self.register, self.ref), names)
        self.empty_hint.setVisible(self.model.rowCount() == 0)
        self.gather_bar.show_status(self.statuses)
        exact = len(gathering.exact_email_matches(self.register, self.ref))
        self.confirm_emails_button.setText(tr("Confirm all exact e-mail matches (%n)", "", exact))
        self.confirm_emails_button.setEnabled(exact > 0)
        self.select_match(keep_match)
        self._on_match_selected()

    def _show_status_line(self) -> None:
        to_search = sum(1 for s in self.statuses if s.status == "to_search")
        review = sum(1 for s in self.statuses if s.status == "review")
        if not to_search and not review:
            searched = sum(1 for s in self.statuses if s.status == "searched")
            self.status_line.setText(
                tr(
                    "All sources searched ✓ ({searched} searched, {skipped} not applicable).",
                    searched=searched,
                    skipped=len(self.statuses) - searched,
                )  # fmt: skip
            )
            set_role(self.status_line, "note")
            self.status_line.setStyleSheet("font-weight: bold; color: #1e5b2e; background: #e3f1e6;")
            return
        parts = []
        if to_search:
            parts.append(tr("%n source(s) still to search", "", to_search))
        if review:
            parts.append(tr("%n source(s) with matches still to review", "", review))
        self.status_line.setText(
            tr(
                "{parts}: the response pack waits until every system is searched or marked not applicable.",
                parts=" · ".join(parts),
            )  # fmt: skip
        )
        set_role(self.status_line, "warning")
        self.status_line.setStyleSheet("font-weight: bold;")

    def _show_flags(self, names: dict[str, str]) -> None:
        """Registrations under 18 without parental consent (RULES C4): one block, acknowledged by the DPO."""
        flags = service.minor_flags(self.register, self.ref)
        self.open_flags = [f for f in flags if not f["acknowledged_by"]]
        lines = [
            tr("Minor's registration in {system} — {text}", system=names.get(f["source"], f["source"]),
               text=f["fr"] if language() == "fr" else f["en"])
            for f in self.open_flags
        ]  # fmt: skip
        self.flags_label.setText("\n".join(lines))
        self.flags_row.setVisible(bool(lines))
        seen = [f for f in flags if f["acknowledged_by"]]
        self.flags_seen.setText(
            tr("%n minor's registration flag(s) seen by the DPO ({who}).", "", len(seen),
               who=", ".join(sorted({str(f["acknowledged_by"]) for f in seen})))
        )  # fmt: skip
        self.flags_seen.setVisible(bool(seen))

    def _show_sources(self, keep: str | None) -> None:
        self.sources.blockSignals(True)
        self.sources.setRowCount(len(self.statuses))
        for row, status in enumerate(self.statuses):
            name = QTableWidgetItem(models.source_name(status))
            name.setData(Qt.ItemDataRole.UserRole, status.source)
            state = QTableWidgetItem(models.source_state_text(status))
            background, foreground = models.SOURCE_COLOURS.get(status.status, ("#ffffff", "#1f2933"))
            state.setBackground(QBrush(QColor(background)))
            state.setForeground(QBrush(QColor(foreground)))
            state.setToolTip(plain_tip(models.source_state_text(status)))  # may quote a typed reason
            files = "; ".join(
                tr(
                    "{name} (%n row(s), {when})",
                    "",
                    int(f["rows"]),
                    name=f["name"],
                    when=moment_day_text(str(f["searched_at"])),
                )
                for f in status.files
            )
            if status.without_file:  # searched, but no file: who marked it and when (the service's words)
                files = status.without_file[1] if language() == "fr" else status.without_file[0]
            counts = ""
            if status.pending or status.confirmed or status.rejected:
                counts = tr("{pending} to review · {confirmed} confirmed · {rejected} rejected",
                            pending=status.pending, confirmed=status.confirmed, rejected=status.rejected)  # fmt: skip
            files_item = QTableWidgetItem(files)
            files_item.setToolTip(plain_tip(files))  # the cell is often cut: the whole list on hover; names as written
            for column, item in enumerate((name, state, files_item, QTableWidgetItem(counts))):
                self.sources.setItem(row, column, item)
            if status.source == keep:
                self.sources.selectRow(row)
        self.sources.blockSignals(False)
        shown = min(len(self.statuses), 10)  # every system in sight without scrolling
        self.sources.setFixedHeight(
            self.sources.horizontalHeader().sizeHint().height() + shown * ROW_HEIGHT + 8
        )

    # ---- selection ---------------------------------------------------------------------
    def selected_source(self) -> str | None:
        rows = self.sources.selectionModel().selectedRows() if self.sources.selectionModel() else []
        if not rows:
            return None
        item = self.sources.item(rows[0].row(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select_source(self, source: str) -> None:
        for row in range(self.sources.rowCount()):
            item = self.sources.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == source:
                self.sources.selectRow(row)

    def selected_match(self) -> service.MatchView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        view = rows[0].data(models.MATCH_ROLE)
        return view if isinstance(view, service.MatchView) else None

    def selected_match_id(self) -> int | None:
        view = self.selected_match() if hasattr(self, "table") else None
        return view.id if view else None

    def select_match(self, match_id: int | None) -> None:
        if match_id is None:
            return
        row = self.model.row_of(match_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(index, flags)

    def _on_source_selected(self) -> None:
        source = self.selected_source()
        if source:
            self.source_filter.setCurrentIndex(max(0, self.source_filter.findData(source)))

    def _on_filter_changed(self, _index: int) -> None:
        source = str(self.source_filter.currentData() or "")
        self.proxy.set_source(source)
        self.table.setColumnHidden(models.SYSTEM, bool(source))  # one system shown: its name is above
        self._on_match_selected()

    def _on_match_selected(self, *_args: Any) -> None:
        view = self.selected_match()
        self.record.set_match(view)
        reviewable = view is not None and view.status != "rejected"
        self.confirm_button.setEnabled(reviewable and view is not None and view.status != "confirmed")
        self.reject_button.setEnabled(reviewable)

    def _next_pending(self, after: int) -> int | None:
        """The next match to review in the shown order, so the keyboard flow goes on."""
        rows = [self.proxy.index(r, 0).data(models.MATCH_ROLE) for r in range(self.proxy.rowCount())]
        ids = [v.id for v in rows]
        start = ids.index(after) + 1 if after in ids else 0
        for view in rows[start:] + rows[:start]:
            if view.status == "pending" and view.id != after:
                return int(view.id)
        return None

    # ---- actions -----------------------------------------------------------------------
    def _changed(self, select: int | None = None) -> None:
        self.refresh()
        self.select_match(select)
        self.case_changed.emit(self.ref)
        if select is not None:
            self.table.setFocus()  # after a decision the keyboard stays on the matches, never on Reject

    def _on_gather(self) -> None:
        paths = self.dialogs.open_files(self, tr("Choose every export file of this request"), tr(FILE_FILTER))
        if paths:
            self.gather(paths)

    def gather(self, paths: list[Path]) -> GatherDialog:
        """The files, assigned to their systems in one table, searched in one pass; review opens after."""
        dialog = GatherDialog(self.register, self.dialogs, self.runner, self.ref, paths, self)
        self.last_gather = dialog
        dialog.gathered.connect(lambda _summary: self._after_gather(dialog.assignments))
        self.dialogs.run(dialog)
        return dialog

    def _after_gather(self, assignments: list[Any]) -> None:
        self.gathered = [a for a in assignments if a.source]
        self.source_filter.setCurrentIndex(0)  # every system: review starts on the first match of all
        self._changed()
        first = self._next_pending(-1)
        if first is not None:
            self.select_match(first)
            self.table.setFocus()

    def _research(self, sources: list[str]) -> None:
        """Search again the gathered files of these systems (an identifier was just added to the request)."""
        again = [a for a in self.gathered if a.source in sources]
        if not again:
            self.dialogs.info(
                self, tr("Identifier added. Gather the files of those systems again to search them.")
            )
            return
        register, ref = self.register, self.ref

        def job(progress: Any, cancel: Any) -> Any:
            return gathering.gather(register, ref, again, progress=progress, cancel=cancel)

        self.research_job = run_job(self, self.runner, job, tr("Searching the export files…"),
                                    lambda _r: self._changed(), lambda e: self.dialogs.error(self, e))  # fmt: skip

    def _on_confirm_emails(self) -> None:
        try:
            gathering.confirm_exact_email_matches(self.register, self.ref)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.dialogs.error(self, exc)
        self._changed(self._next_pending(-1))

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.gather(paths)

    def _on_import(self) -> None:
        dialog = import_files(self, self.register, self.dialogs, self.runner, ref=self.ref,
                              source=self.selected_source())  # fmt: skip
        self.last_import = dialog
        if dialog is not None and dialog.result_of_search is not None:
            self.select_source(dialog.chosen_source())
            self._changed()

    def _on_not_applicable(self) -> None:
        source = self.selected_source()
        if source is None:
            self.dialogs.warn(self, tr("Choose a system in the list first."))
            return
        status = next(s for s in self.statuses if s.source == source)
        dialog = NotApplicableDialog(models.source_name(status), self)
        self.last_reason_dialog = dialog
        if not self.dialogs.run(dialog):
            return
        try:
            service.mark_source(
                self.register, self.ref, source, "not_applicable", dialog.reason.toPlainText()
            )
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.dialogs.error(self, exc)
            return
        self._changed()

    def _on_confirm(self) -> None:
        view = self.selected_match()
        if view is None or view.status != "pending":
            if view is None:
                self.dialogs.warn(self, tr("Choose a match first."))
            return
        try:
            flags = service.confirm_match(self.register, view.id)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.dialogs.error(self, exc)
            return
        if flags:
            self.dialogs.warn(self, tr("Confirmed. This registration was made before 18 without recorded parental "
                                       "consent: it is flagged to the DPO below."))  # fmt: skip
        self._changed(self._next_pending(view.id) or view.id)

    def _on_reject(self) -> None:
        view = self.selected_match()
        if view is None or view.status == "rejected":
            if view is None:
                self.dialogs.warn(self, tr("Choose a match first."))
            return
        question = tr("Reject row {row} of {file}? It is not about the subject: its content is deleted from the "
                      "register.", row=view.row, file=view.file)  # fmt: skip
        if not self.dialogs.confirm(self, question):
            return
        try:
            service.reject_match(self.register, view.id)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.dialogs.error(self, exc)
            return
        self._changed(self._next_pending(view.id))

    def _on_redacted(self, match_id: int) -> None:
        field_name = self.record.current_field()
        self._changed(match_id)
        self.record.select_field(field_name)

    def _on_acknowledge(self) -> None:
        try:
            for flag in self.open_flags:
                service.acknowledge_minor_flag(self.register, int(flag["match"]))
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.dialogs.error(self, exc)
        self._changed(self.selected_match_id())
