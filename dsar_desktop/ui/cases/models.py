"""Case table model and its filter proxy, built to stay instant on a register of 50,000 cases.

Speed choices, stated once:
* Everything a filter or a sort needs is computed once per row at load time into parallel
  lists (state, rights bit mask, due day number, open flag, folded search text).
* The proxy works out the accepted rows in one Python pass over those lists and resets
  itself; it is a QAbstractProxyModel (see its docstring for why not QSortFilterProxyModel).
* Sorting happens in the source model (Python `sort` on precomputed keys) and the proxy
  forwards `sort()` to it: a proxy sort would call back into Python n·log n times and then
  again after every keystroke.
* Days left (which needs the holiday calendar) is computed only for rows that are painted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ...domain import deadlines as dl
from ...domain.cases import OPEN_STATUSES, Right, Status, fold_for_search
from ...services.cases import CaseRow
from .. import style
from ..i18n import QT_TR_NOOP, tr
from .labels import (
    LEVEL_BACKGROUND,
    LEVEL_FOREGROUND,
    date_text,
    days_left_text,
    priority_text,
    rights_text,
    status_text,
)

COL_REF = 0
COL_SUBJECT = 1
COL_RIGHTS = 2
COL_STATUS = 3
COL_RECEIVED = 4
COL_DUE = 5
COL_DAYS_LEFT = 6
COL_PRIORITY = 7
COLUMN_COUNT = 8
_HEADERS = (
    QT_TR_NOOP("Reference"),
    QT_TR_NOOP("Data subject"),
    QT_TR_NOOP("Rights"),
    "State",
    QT_TR_NOOP("Received"),
    QT_TR_NOOP("Due date"),
    QT_TR_NOOP("Days left"),
    QT_TR_NOOP("Priority"),
)

RefRole = int(Qt.ItemDataRole.UserRole) + 1
StatusRole = RefRole + 1  # the state's value ('in_progress'): Qt turns a str enum into str anyway
DueRole = RefRole + 2  # datetime.date of the current due date
SearchRole = RefRole + 3  # folded search text
LevelRole = RefRole + 4  # "overdue" | "warning" | "ok" for open cases, "" otherwise
DaysLeftRole = RefRole + 5  # DaysLeft or None
SortRole = RefRole + 6  # the key the model sorts on

RIGHT_BITS = {right: 1 << i for i, right in enumerate(Right)}
_CLOSED_OFFSET = 10_000_000  # closed cases sort after every open one on "days left"


def _ref_key(ref: str) -> tuple[str, int, str]:
    """DSAR-2026-10000 after DSAR-2026-9999 and before DSAR-2027-0001 (year, then number length)."""
    return ref[5:9], len(ref), ref


_STATUS_ORDER = {status: i for i, status in enumerate(Status)}


class CaseTableModel(QAbstractTableModel):
    """Rows of `CaseRow`; read-only; sortable in place."""

    def __init__(
        self,
        rows: Sequence[CaseRow] = (),
        today: dt.date | None = None,
        calendar: dl.Calendar = "national",
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[CaseRow] = []
        self._today = today or dl.today_paris()
        self._calendar: dl.Calendar = calendar
        self._left: dict[str, dl.DaysLeft] = {}
        # parallel per-row facts for the proxy (same order as _rows)
        self.statuses: list[Status] = []
        self.rights_masks: list[int] = []
        self.due_days: list[int] = []
        self.open_flags: list[bool] = []
        self.search_texts: list[str] = []
        self.set_rows(rows, self._today, calendar)

    # ---- loading --------------------------------------------------------------------
    def set_rows(
        self,
        rows: Sequence[CaseRow],
        today: dt.date | None = None,
        calendar: dl.Calendar | None = None,
        days_left: dict[str, dl.DaysLeft] | None = None,
    ) -> None:
        """Replace all rows (a model reset). `days_left` may carry values already computed."""
        self.beginResetModel()
        self._rows = list(rows)
        if today is not None:
            self._today = today
        if calendar is not None:
            self._calendar = calendar
        self._left = dict(days_left or {})
        self._rebuild_facts()
        self.endResetModel()

    def _rebuild_facts(self) -> None:
        rows = self._rows
        self.statuses = [r.status for r in rows]
        bits = RIGHT_BITS
        self.rights_masks = [sum(bits[x] for x in r.rights) for r in rows]
        self.due_days = [r.current_due.toordinal() for r in rows]
        self.open_flags = [r.status in OPEN_STATUSES for r in rows]
        self.search_texts = [r.search_text for r in rows]

    @property
    def today(self) -> dt.date:
        return self._today

    def row_at(self, row: int) -> CaseRow:
        return self._rows[row]

    def rows(self) -> list[CaseRow]:
        return list(self._rows)

    def row_of_ref(self, ref: str) -> int:
        for i, r in enumerate(self._rows):
            if r.ref == ref:
                return i
        return -1

    def days_left(self, row: int) -> dl.DaysLeft | None:
        case = self._rows[row]
        if not self.open_flags[row]:
            return None
        left = self._left.get(case.ref)
        if left is None:
            left = dl.days_left(self._today, case.current_due, self._calendar)
            self._left[case.ref] = left
        return left

    def level(self, row: int) -> str:
        if not self.open_flags[row]:
            return ""
        return dl.due_level(self.due_days[row] - self._today.toordinal())

    # ---- Qt model API ---------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < COLUMN_COUNT:
                return tr(_HEADERS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        return self.data_at(index.row(), index.column(), role)

    def data_at(self, row: int, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """`data()` by row and column, so the proxy can ask without building an index."""
        if not (0 <= row < len(self._rows)):
            return None
        case = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col, case)
        if role == RefRole:
            return case.ref
        if role == StatusRole:
            return case.status.value
        if role == DueRole:
            return case.current_due
        if role == SearchRole:
            return case.search_text
        if role == LevelRole:
            return self.level(row)
        if role == DaysLeftRole:
            return self.days_left(row)
        if role == SortRole:
            return self._sort_key(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_SUBJECT:
                return style.plain_tip(case.subject_email) or None
            if col == COL_DAYS_LEFT and not self.open_flags[row]:
                return tr("Closed or answered: no deadline running")
            if col == COL_PRIORITY and case.priority_flag:
                return priority_text(case.priority_flag, long=True)
            return None
        level = self.level(row)
        if role == Qt.ItemDataRole.BackgroundRole and col in (COL_DAYS_LEFT, COL_DUE):
            return LEVEL_BACKGROUND.get(level)
        if role == Qt.ItemDataRole.ForegroundRole and col in (COL_DAYS_LEFT, COL_DUE):
            return LEVEL_FOREGROUND.get(level)
        return None

    def _display(self, row: int, col: int, case: CaseRow) -> str | None:
        if col == COL_REF:
            return case.ref
        if col == COL_SUBJECT:
            return case.subject_name
        if col == COL_RIGHTS:
            return rights_text(case.rights)
        if col == COL_STATUS:
            return status_text(case.status)
        if col == COL_RECEIVED:
            return date_text(case.received_date)
        if col == COL_DUE:
            return date_text(case.current_due) if self.open_flags[row] else "—"
        if col == COL_DAYS_LEFT:
            left = self.days_left(row)
            return days_left_text(left) if left is not None else "—"
        if col == COL_PRIORITY:
            return priority_text(case.priority_flag)
        return None

    def _sort_key(self, row: int, col: int) -> Any:
        case = self._rows[row]
        if col == COL_REF:
            return _ref_key(case.ref)
        if col == COL_SUBJECT:
            return (fold_for_search(case.subject_name), _ref_key(case.ref))
        if col == COL_RIGHTS:
            return (self.rights_masks[row], _ref_key(case.ref))
        if col == COL_STATUS:
            return (_STATUS_ORDER[case.status], self.due_days[row], case.ref)
        if col == COL_RECEIVED:
            return (case.received_date.toordinal(), _ref_key(case.ref))
        if col == COL_PRIORITY:
            return (0 if case.priority_flag else 1, self.due_days[row], case.ref)
        # due date and days left: open cases by due date, then the closed ones
        offset = 0 if self.open_flags[row] else _CLOSED_OFFSET
        return (offset + self.due_days[row], _ref_key(case.ref))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < COLUMN_COUNT) or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        keys = [self._sort_key(i, column) for i in range(len(self._rows))]
        order_ix = sorted(range(len(self._rows)), key=keys.__getitem__)
        if order == Qt.SortOrder.DescendingOrder:
            order_ix.reverse()
        new_pos = [0] * len(order_ix)
        for new, old in enumerate(order_ix):
            new_pos[old] = new
        self._rows = [self._rows[i] for i in order_ix]
        for name in ("statuses", "rights_masks", "due_days", "open_flags", "search_texts"):
            facts = getattr(self, name)
            setattr(self, name, [facts[i] for i in order_ix])
        old_list = self.persistentIndexList()
        new_list = [self.index(new_pos[ix.row()], ix.column()) for ix in old_list]
        self.changePersistentIndexList(old_list, new_list)
        self.layoutChanged.emit()

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# ---- filter --------------------------------------------------------------------------
STATE_ALL = "all"
STATE_OPEN = "open"
WINDOW_ALL = "all"
WINDOW_OVERDUE = "overdue"
WINDOW_WEEK = "week"  # due within 7 days (today included), not overdue
WINDOW_MONTH = "month"  # due in the current calendar month


class CaseFilterProxy(QAbstractProxyModel):
    """Filters by state, right, due window and accent-insensitive text; sorting is the source's.

    Not a QSortFilterProxyModel, on purpose: that class calls `filterAcceptsRow` in Python once
    per source row on every change (about 60 ms for 50,000 rows here before any repaint) and
    then diffs the old and new row sets, which took up to 1 s when a backspace re-admitted
    thousands of scattered rows. Here a change computes the accepted source rows in one Python
    pass over the model's precomputed facts and resets the proxy: a few milliseconds.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._state: str = STATE_ALL
        self._right: Right | None = None
        self._window: str = WINDOW_ALL
        self._words: tuple[str, ...] = ()
        self._source_rows: list[int] = []  # proxy row -> source row
        self._proxy_of: dict[int, int] | None = None  # source row -> proxy row, built when first asked
        # (filters, query, rows) of the last search, to narrow instead of rescanning while typing on
        self._last: tuple[tuple[str, Right | None, str], str, list[int]] | None = None
        self._saved: list[tuple[QPersistentModelIndex, QPersistentModelIndex]] = []

    # ---- settings ---------------------------------------------------------------------
    def set_state(self, state: Status | str) -> None:
        self._state = state.value if isinstance(state, Status) else str(state)
        self._refilter()

    def set_right(self, right: Right | None) -> None:
        self._right = right
        self._refilter()

    def set_due_window(self, window: str) -> None:
        if window not in (WINDOW_ALL, WINDOW_OVERDUE, WINDOW_WEEK, WINDOW_MONTH):
            raise ValueError(window)
        self._window = window
        self._refilter()

    def set_search(self, text: str) -> None:
        words = tuple(fold_for_search(text).split())
        if words == self._words:
            return
        self._words = words
        self._refilter()

    # ---- the filter -------------------------------------------------------------------
    def _base_rows(self, model: CaseTableModel) -> list[int] | None:
        """Source rows kept by state, right and due window; None when none of them filters."""
        rows: list[int] | None = None
        if self._state == STATE_OPEN:
            rows = [i for i, o in enumerate(model.open_flags) if o]
        elif self._state != STATE_ALL:
            wanted = Status(self._state)
            rows = [i for i, s in enumerate(model.statuses) if s is wanted]
        if self._right is not None:
            bit, masks = RIGHT_BITS[self._right], model.rights_masks
            rows = [i for i in (range(len(masks)) if rows is None else rows) if masks[i] & bit]
        if self._window != WINDOW_ALL:
            today = model.today
            t = today.toordinal()
            if self._window == WINDOW_OVERDUE:
                lo, hi = -(10**9), t - 1
            elif self._window == WINDOW_WEEK:
                lo, hi = t, t + dl.WARNING_DAYS
            else:
                first = today.replace(day=1)
                nxt = (first + dt.timedelta(days=32)).replace(day=1)
                lo, hi = first.toordinal(), nxt.toordinal() - 1
            opened, due = model.open_flags, model.due_days
            rows = [
                i for i in (range(len(due)) if rows is None else rows) if opened[i] and lo <= due[i] <= hi
            ]
        return rows

    def _compute_rows(self) -> list[int]:
        """The accepted source rows, in source order."""
        model = self.sourceModel()
        if not isinstance(model, CaseTableModel):
            return []
        query = " ".join(self._words)
        settings = (self._state, self._right, self._window)
        last = self._last
        if last is not None and last[0] == settings and query.startswith(last[1]) and last[1]:
            # typing on: every earlier word is inside a new word, so only earlier matches can match
            rows: list[int] | None = last[2]
        else:
            rows = self._base_rows(model)
        texts = model.search_texts
        for word in self._words:
            if rows is None:
                rows = [i for i, text in enumerate(texts) if word in text]
            else:
                rows = [i for i in rows if word in texts[i]]
        if rows is None:
            rows = list(range(model.rowCount()))
        self._last = (settings, query, rows)
        return rows

    def _remap(self) -> None:
        self._source_rows = self._compute_rows()
        self._proxy_of = None

    def _proxy_map(self) -> dict[int, int]:
        if self._proxy_of is None:
            self._proxy_of = {source: proxy for proxy, source in enumerate(self._source_rows)}
        return self._proxy_of

    def _refilter(self) -> None:
        self.beginResetModel()
        self._remap()
        self.endResetModel()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        """Whether the current filters keep this source row (the same answer the mapping uses)."""
        return not source_parent.isValid() and source_row in self._proxy_map()

    # ---- following the source ---------------------------------------------------------
    def setSourceModel(self, model: Any) -> None:  # noqa: N802 - Qt name
        old = self.sourceModel()
        if old is not None:
            for signal, slot in self._source_connections(old):
                signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        if model is not None:
            for signal, slot in self._source_connections(model):
                signal.connect(slot)
        self._last = None
        self._remap()
        self.endResetModel()

    def _source_connections(self, model: Any) -> list[tuple[Any, Any]]:
        return [
            (model.modelAboutToBeReset, self._on_source_reset_starting),
            (model.modelReset, self._on_source_reset_done),
            (model.rowsAboutToBeInserted, self._on_source_reset_starting),
            (model.rowsInserted, self._on_source_reset_done),
            (model.rowsAboutToBeRemoved, self._on_source_reset_starting),
            (model.rowsRemoved, self._on_source_reset_done),
            (model.layoutAboutToBeChanged, self._on_source_layout_changing),
            (model.layoutChanged, self._on_source_layout_changed),
            (model.dataChanged, self._on_source_data_changed),
        ]

    def _on_source_reset_starting(self, *_args: Any) -> None:
        self.beginResetModel()

    def _on_source_reset_done(self, *_args: Any) -> None:
        self._last = None
        self._remap()
        self.endResetModel()

    def _on_source_layout_changing(self, *_args: Any) -> None:
        self.layoutAboutToBeChanged.emit()
        self._saved = [
            (QPersistentModelIndex(index), QPersistentModelIndex(self.mapToSource(index)))
            for index in self.persistentIndexList()
        ]

    def _on_source_layout_changed(self, *_args: Any) -> None:
        self._last = None
        self._remap()
        old = [QModelIndex(proxy) for proxy, _ in self._saved]
        new = [self.mapFromSource(QModelIndex(source)) for _, source in self._saved]
        self._saved = []
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _on_source_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Any = ()
    ) -> None:
        if self._source_rows:
            last = self.index(len(self._source_rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # ---- Qt proxy API -----------------------------------------------------------------
    # data() and flags() answer directly: the base class would call mapToSource (Python) per cell.
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        model = self.sourceModel()
        if not index.isValid() or not isinstance(model, CaseTableModel):
            return None
        row = index.row()
        if not (0 <= row < len(self._source_rows)):
            return None
        return model.data_at(self._source_rows[row], index.column(), role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def mapToSource(self, proxy_index: QModelIndex | QPersistentModelIndex) -> QModelIndex:  # noqa: N802
        model = self.sourceModel()
        if (
            model is None
            or not proxy_index.isValid()
            or not (0 <= proxy_index.row() < len(self._source_rows))
        ):
            return QModelIndex()
        return model.index(self._source_rows[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: QModelIndex | QPersistentModelIndex) -> QModelIndex:  # noqa: N802
        if not source_index.isValid():
            return QModelIndex()
        row = self._proxy_map().get(source_index.row(), -1)
        return self.createIndex(row, source_index.column()) if row >= 0 else QModelIndex()

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()
    ) -> QModelIndex:  # noqa: B008
        if (
            parent.isValid()
            or not (0 <= row < len(self._source_rows))
            or not (0 <= column < self.columnCount())
        ):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: Any = None) -> Any:  # type: ignore[override]
        if child is None:  # QObject.parent()
            return QObject.parent(self)
        return QModelIndex()

    def sibling(self, row: int, column: int, index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        return self.index(row, column)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._source_rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._source_rows)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        model = self.sourceModel()
        if model is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return model.headerData(section, orientation, role)
        return section + 1 if role == Qt.ItemDataRole.DisplayRole else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    def ref_at(self, proxy_row: int) -> str | None:
        index = self.index(proxy_row, COL_REF)
        return index.data(RefRole) if index.isValid() else None
