"""The case list: every request in one table with filters, instant search and the "New request…" button."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.cases import Right, Status
from ...services import cases as case_service
from ...services.office import Office
from ..dialogs import Dialogs
from ..i18n import tr
from .labels import TodayProvider, date_width, days_left_width, right_text, status_text, today_paris
from .models import (
    COL_DAYS_LEFT,
    COL_DUE,
    COL_PRIORITY,
    COL_RECEIVED,
    COL_REF,
    COL_RIGHTS,
    COL_STATUS,
    COL_SUBJECT,
    STATE_ALL,
    STATE_OPEN,
    WINDOW_ALL,
    WINDOW_MONTH,
    WINDOW_OVERDUE,
    WINDOW_WEEK,
    CaseFilterProxy,
    CaseTableModel,
    RefRole,
)


class CaseListPage(QWidget):
    """All cases; emits `case_opened(ref)`; the "New request…" button opens the intake wizard."""

    case_opened = Signal(str)
    case_created = Signal(str)
    new_request_requested = Signal()

    def __init__(
        self,
        register: Office,
        dialogs: Dialogs,
        runner: Any = None,
        today_provider: TodayProvider | None = None,
        parent: QWidget | None = None,
        open_wizard: bool = True,
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.runner = runner
        self.today_provider = today_provider or today_paris
        self.open_wizard = open_wizard
        self.loaded = False
        self._build()
        self._connect()
        # Loaded when first shown, not when the shell builds its pages at unlock: at 50,000 cases
        # reading the whole register takes about a second, which the dashboard should not wait for.

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("<h2>" + tr("Requests") + "</h2>"))
        top.addStretch(1)
        self.new_button = QPushButton(tr("&New request…"))
        top.addWidget(self.new_button)
        outer.addLayout(top)
        self.count_label = QLabel()  # on the filters' row it left the search box no room at 200 % text

        bar = QHBoxLayout()
        search_label = QLabel(tr("&Search:"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search reference, name or e-mail…"))
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        bar.addWidget(search_label)
        bar.addWidget(self.search, 3)

        self.state_combo = QComboBox()
        self.state_combo.setAccessibleName(tr("State filter"))
        self.state_combo.addItem(tr("All states"), STATE_ALL)
        self.state_combo.addItem(tr("Open requests"), STATE_OPEN)
        for status in Status:
            self.state_combo.addItem(status_text(status), status.value)
        self.right_combo = QComboBox()
        self.right_combo.setAccessibleName(tr("Right filter"))
        self.right_combo.addItem(tr("All rights"), None)
        for right in Right:
            self.right_combo.addItem(right_text(right), right.value)
        self.window_combo = QComboBox()
        self.window_combo.setAccessibleName(tr("Due date filter"))
        for label, value in (
            (tr("Any due date"), WINDOW_ALL),
            (tr("Overdue"), WINDOW_OVERDUE),
            (tr("Due within 7 days"), WINDOW_WEEK),
            (tr("Due this month"), WINDOW_MONTH),
        ):
            self.window_combo.addItem(label, value)
        for combo in (self.state_combo, self.right_combo, self.window_combo):
            # The longest choice would set the row's minimum (1,600 px at 200 % text): the closed box may cut
            # it, the open list shows it whole.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            bar.addWidget(combo, 1)
        widest = tr("{shown} of {total} requests", shown="88,888", total="88,888")
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(widest))
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.insertWidget(2, self.count_label)
        outer.addLayout(bar)

        self.model = CaseTableModel()
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never ResizeToContents: 50k rows
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in (
            (COL_REF, 125), (COL_SUBJECT, 180), (COL_RIGHTS, 165), (COL_STATUS, 130), (COL_RECEIVED, date_width()),
            (COL_DUE, date_width()), (COL_DAYS_LEFT, days_left_width()), (COL_PRIORITY, 120),
        ):  # fmt: skip
            self.table.setColumnWidth(col, width)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_DUE, Qt.SortOrder.AscendingOrder)
        outer.addWidget(self.table, 1)
        legend = QLabel(
            tr("Red: overdue. Amber: due within 7 days. The text always says how many days are left.")
            + " "
            + tr("Click a column title to sort; double-click a request or press Enter to open it.")
        )
        legend.setWordWrap(True)
        outer.addWidget(legend)
        self.setTabOrder(self.search, self.state_combo)
        self.setTabOrder(self.state_combo, self.right_combo)
        self.setTabOrder(self.right_combo, self.window_combo)
        self.setTabOrder(self.window_combo, self.table)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._on_search_changed)
        self.search.returnPressed.connect(self._on_search_entered)
        self.state_combo.currentIndexChanged.connect(self._on_state_changed)
        self.right_combo.currentIndexChanged.connect(self._on_right_changed)
        self.window_combo.currentIndexChanged.connect(self._on_window_changed)
        self.table.activated.connect(self._on_row_activated)
        self.new_button.clicked.connect(self._on_new_request)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    # ---- data -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        self.ensure_loaded()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.load()

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        """A case changed somewhere (the shell calls this): read again now if on screen, else when next shown."""
        if self.isVisible():
            self.load()
        else:
            self.loaded = False

    def load(self) -> None:
        """Read every case from the register into the table (about a second at 50,000 cases)."""
        try:
            rows = case_service.list_cases(self.register)
            calendar = case_service.calendar_of(self.register)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.dialogs.error(self, exc)
            return
        self.loaded = True
        self.model.set_rows(rows, self.today_provider(), calendar)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._update_count()

    def _update_count(self, *args: Any) -> None:
        self.count_label.setText(
            tr(
                "{shown} of {total} requests",
                shown=f"{self.proxy.rowCount():,}",
                total=f"{self.model.rowCount():,}",
            )
        )

    def visible_refs(self) -> list[str]:
        return [str(self.proxy.index(r, COL_REF).data(RefRole)) for r in range(self.proxy.rowCount())]

    def select_ref(self, ref: str) -> None:
        row = self.model.row_of_ref(ref)
        if row < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row, COL_REF))
        if proxy_index.isValid():
            self.table.selectRow(proxy_index.row())
            self.table.scrollTo(proxy_index)

    # ---- events ---------------------------------------------------------------------
    def _on_search_changed(self, text: str) -> None:
        self.proxy.set_search(text)

    def _on_search_entered(self) -> None:
        """Enter in the search box opens the case when exactly one matches; otherwise moves to the table."""
        if self.proxy.rowCount() == 1:
            ref = self.proxy.index(0, COL_REF).data(RefRole)
            if ref:
                self.case_opened.emit(str(ref))
                return
        if self.proxy.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _on_state_changed(self, _index: int) -> None:
        self.proxy.set_state(self.state_combo.currentData())

    def _on_right_changed(self, _index: int) -> None:
        value = self.right_combo.currentData()
        self.proxy.set_right(Right(value) if value else None)

    def _on_window_changed(self, _index: int) -> None:
        self.proxy.set_due_window(self.window_combo.currentData())

    def _on_row_activated(self, index: QModelIndex) -> None:
        ref = index.data(RefRole)
        if ref:
            self.case_opened.emit(str(ref))

    def _on_new_request(self) -> None:
        self.new_request_requested.emit()
        if not self.open_wizard:
            return
        from .intake import IntakeWizard

        wizard = IntakeWizard(self.register, self.dialogs, self)
        wizard.case_created.connect(self._on_case_created)
        wizard.exec()

    def _on_case_created(self, ref: str) -> None:
        self.load()
        self.select_ref(ref)
        self.case_created.emit(ref)
        self.case_opened.emit(ref)  # the shell opens the new case file
