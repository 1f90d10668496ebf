"""The DPO's dashboard: overdue banner, counts by state, today's due list, open cases by days left."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.cases import OPEN_STATUSES, Status
from ...services import cases as case_service
from ...services.office import Office
from ..dialogs import Dialogs
from ..i18n import tr
from .labels import (
    TodayProvider,
    date_text,
    date_width,
    days_left_text,
    days_left_width,
    priority_text,
    status_text,
    today_paris,
)
from .models import (
    COL_DAYS_LEFT,
    COL_DUE,
    COL_PRIORITY,
    COL_RECEIVED,
    COL_REF,
    COL_RIGHTS,
    COL_STATUS,
    COL_SUBJECT,
    CaseTableModel,
    RefRole,
)

_BANNER_STYLE = (
    "QFrame#overdueBanner { background: #f8d7da; border: 1px solid #842029; border-radius: 4px; }"
    " QFrame#overdueBanner QLabel { color: #842029; }"
)


class DashboardPage(QWidget):
    """Open cases by days left; emits `case_opened(ref)` on double-click or Enter."""

    case_opened = Signal(str)

    def __init__(
        self,
        register: Office,
        dialogs: Dialogs,
        runner: Any = None,
        today_provider: TodayProvider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.runner = runner
        self.today_provider = today_provider or today_paris
        self.data: case_service.Dashboard | None = None
        self._stale = False
        self._build()
        self._connect()
        self.refresh()

    # ---- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        self.setObjectName("dashboardPage")
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel("<h2>" + tr("Dashboard") + "</h2>")
        self.today_label = QLabel()
        self.refresh_button = QPushButton(tr("Refresh"))
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.today_label)
        top.addWidget(self.refresh_button)
        outer.addLayout(top)

        self.banner = QFrame()
        self.banner.setObjectName("overdueBanner")
        self.banner.setStyleSheet(_BANNER_STYLE)
        banner_layout = QHBoxLayout(self.banner)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextFormat(Qt.TextFormat.RichText)
        banner_layout.addWidget(self.banner_label)
        outer.addWidget(self.banner)

        middle = QHBoxLayout()
        counts_box = QVBoxLayout()
        counts_box.addWidget(QLabel("<b>" + tr("Requests by state") + "</b>"))
        self.counts_grid = QGridLayout()
        self.count_labels: dict[Status | str, QLabel] = {}
        self.counts_grid.setColumnMinimumWidth(1, 40)
        self.counts_grid.setColumnMinimumWidth(2, 16)  # a gap between open and finished states
        self.counts_grid.setColumnMinimumWidth(4, 40)
        # Open states in the first column pair, finished ones in the second: one column of eleven rows made the
        # window taller than a 768-px screen at 200 % text.
        columns: list[list[Status | str]] = [
            [
                Status.RECEIVED,
                Status.AWAITING_IDENTITY,
                Status.IN_PROGRESS,
                Status.EXTENDED,
                Status.READY,
                "open",
            ],
            [Status.RESPONDED, Status.REFUSED, Status.WITHDRAWN, Status.CLOSED],
        ]
        for column, keys in zip((0, 3), columns, strict=True):
            for row, key in enumerate(keys):
                name = QLabel("<b>" + tr("Total open") + "</b>" if key == "open" else status_text(key))  # type: ignore[arg-type]
                value = QLabel("0")
                value.setAlignment(Qt.AlignmentFlag.AlignRight)
                self.counts_grid.addWidget(name, row, column)
                self.counts_grid.addWidget(value, row, column + 1)
                self.count_labels[key] = value
        counts_box.addLayout(self.counts_grid)
        counts_box.addStretch(1)
        middle.addLayout(counts_box, 1)

        today_box = QVBoxLayout()
        today_box.addWidget(QLabel("<b>" + tr("Due today") + "</b>"))
        self.due_today_list = QListWidget()
        today_box.addWidget(self.due_today_list)
        middle.addLayout(today_box, 2)

        priority_box = QVBoxLayout()
        priority_box.addWidget(QLabel("<b>" + tr("Priority requests") + "</b>"))
        self.priority_list = QListWidget()
        self.priority_list.setWordWrap(True)
        self.due_today_list.setWordWrap(True)
        priority_box.addWidget(self.priority_list)
        middle.addLayout(priority_box, 2)
        outer.addLayout(middle, 1)

        table_title = QLabel(
            "<b>"
            + tr("Open requests: priority ones first, then the most urgent (double-click or Enter to open)")
            + "</b>"
        )
        table_title.setWordWrap(True)  # at 200 % text it would widen the window past the screen
        outer.addWidget(table_title)
        self.model = CaseTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in (
            (COL_DAYS_LEFT, days_left_width()), (COL_REF, 130), (COL_SUBJECT, 180), (COL_RIGHTS, 170),
            (COL_STATUS, 140), (COL_DUE, date_width()), (COL_RECEIVED, date_width()),
        ):  # fmt: skip
            self.table.setColumnWidth(col, width)
        # the order the DPO reads: how urgent, which case, who, what
        for visual, logical in enumerate(
            (COL_DAYS_LEFT, COL_REF, COL_SUBJECT, COL_RIGHTS, COL_STATUS, COL_DUE, COL_RECEIVED, COL_PRIORITY)
        ):
            header.moveSection(header.visualIndex(logical), visual)
        outer.addWidget(self.table, 5)
        self.legend = QLabel(
            tr("Red: overdue. Amber: due within 7 days. The text always says how many days are left.")
        )
        self.legend.setWordWrap(True)
        outer.addWidget(self.legend)

    def _connect(self) -> None:
        self.refresh_button.clicked.connect(self.reload)
        # `activated` covers double-click and Enter (double-click also emits it: connect one only)
        self.table.activated.connect(self._on_table_activated)
        self.due_today_list.itemActivated.connect(self._on_list_item_activated)
        self.priority_list.itemActivated.connect(self._on_list_item_activated)

    # ---- data -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        if self._stale:
            self.reload()
        super().showEvent(event)

    def refresh(self) -> None:
        """A case changed somewhere: reload now if on screen, else when next shown."""
        if self.isVisible() or self.data is None:
            self.reload()
        else:
            self._stale = True

    def reload(self) -> None:
        self._stale = False
        today = self.today_provider()
        try:
            data = case_service.dashboard(self.register, today)
            calendar = case_service.calendar_of(self.register)
        except Exception as exc:  # noqa: BLE001 - shown to the person, never a traceback
            self.dialogs.error(self, exc)
            return
        self.data = data
        self.today_label.setText(tr("Today is {date}", date=date_text(today)))
        left = {row.ref: days for row, days in data.open_rows}
        self.model.set_rows([row for row, _ in data.open_rows], today, calendar, left)
        self._show_banner(data, left)
        self._show_counts(data)
        self._fill_list(self.due_today_list, data.due_today, left, tr("Nothing is due today."))
        self._fill_list(self.priority_list, data.priority, left, tr("No open request."), priority=True)

    def _show_banner(self, data: case_service.Dashboard, left: dict[str, Any]) -> None:
        overdue = data.overdue
        if not overdue:
            self.banner.hide()
            self.banner_label.clear()
            return
        n = len(overdue)
        head = (
            tr("1 request is overdue: its legal deadline has passed. Answer it first.")
            if n == 1
            else tr("{n} requests are overdue: their legal deadline has passed. Answer them first.", n=n)
        )
        oldest = min(overdue, key=lambda r: (r.current_due, r.ref))
        tail = tr("Oldest: {ref}, {left}.", ref=oldest.ref, left=days_left_text(left[oldest.ref]).lower())
        self.banner_label.setText(f"<b>⚠ {head}</b> {tail}")
        self.banner.show()

    def _show_counts(self, data: case_service.Dashboard) -> None:
        for key, label in self.count_labels.items():
            if key == "open":
                value = sum(data.counts.get(s, 0) for s in OPEN_STATUSES)
                label.setText(f"<b>{value}</b>")
            else:
                label.setText(str(data.counts.get(key, 0)))  # type: ignore[call-overload]

    def _fill_list(
        self,
        widget: QListWidget,
        rows: list[case_service.CaseRow],
        left: dict[str, Any],
        empty: str,
        priority: bool = False,
    ) -> None:
        widget.clear()
        if not rows:
            placeholder = QListWidgetItem(empty)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(placeholder)
            return
        for row in rows:
            text = f"{row.ref} · {row.subject_name} · {days_left_text(left[row.ref])}"
            if priority:
                text += f"\n{priority_text(row.priority_flag, long=True)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.ref)
            widget.addItem(item)

    # ---- events ---------------------------------------------------------------------
    def _on_table_activated(self, index: QModelIndex) -> None:
        ref = index.data(RefRole)
        if ref:
            self.case_opened.emit(str(ref))

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        ref = item.data(Qt.ItemDataRole.UserRole)
        if ref:
            self.case_opened.emit(str(ref))

    def open_row(self, row: int) -> None:
        """Open the case shown at `row` of the open-cases table (for keyboard and tests)."""
        self._on_table_activated(self.model.index(row, COL_REF))
