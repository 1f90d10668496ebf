"""Table model of a case's extract matches (named columns, custom roles) and the texts of sources and reasons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...services.extracts import MatchView, SourceStatus
from .. import style
from ..i18n import QT_TR_NOOP, language, tr

COLUMNS = ("system", "file", "row", "reasons", "status", "redactions", "content")
COLUMN_TITLES = {
    "system": "System",
    "file": QT_TR_NOOP("File"),
    "row": QT_TR_NOOP("Row"),
    "reasons": QT_TR_NOOP("Matched on"),
    "status": "Decision",
    "redactions": QT_TR_NOOP("Redactions"),
    "content": QT_TR_NOOP("Content"),
}
SYSTEM, FILE, ROW, REASONS, STATUS, REDACTIONS, CONTENT = range(len(COLUMNS))

MATCH_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MATCH_ROLE = Qt.ItemDataRole.UserRole + 2
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 3
STATUS_ROLE = Qt.ItemDataRole.UserRole + 4
SORT_ROLE = Qt.ItemDataRole.UserRole + 5

REASON_TEXTS = {
    "email": QT_TR_NOOP("e-mail"),
    "phone": QT_TR_NOOP("phone"),
    "name+dob": QT_TR_NOOP("name and date of birth"),
    "student_number": QT_TR_NOOP("student number"),
}
WARNING_TEXTS = {"dob_two_digit_year": QT_TR_NOOP("date of birth with a two-digit year: check it")}
STATUS_TEXTS = {
    "pending": QT_TR_NOOP("to review"),
    "confirmed": QT_TR_NOOP("confirmed"),
    "rejected": QT_TR_NOOP("rejected"),
}
STATUS_COLOURS = {
    "pending": (style.WARNING_BACKGROUND, style.WARNING_TEXT),
    "confirmed": ("#e3f1e6", "#1e5b2e"),
    "rejected": (style.DISABLED_BACKGROUND, style.MUTED),
}
# Source states in the Data section: (background, text colour) next to a word, never colour alone.
SOURCE_COLOURS = {
    "to_search": (style.ERROR_BACKGROUND, style.ERROR),
    "review": (style.WARNING_BACKGROUND, style.WARNING_TEXT),
    "searched": ("#e3f1e6", "#1e5b2e"),
    "not_applicable": (style.NOTE_BACKGROUND, style.TEXT),
}


def reasons_text(view: MatchView) -> str:
    text = " + ".join(tr(REASON_TEXTS.get(r, r)) for r in view.reasons)
    for warning in view.warnings:
        text += " ⚠ " + tr(WARNING_TEXTS.get(warning, warning))
    return text


def status_text(status: str) -> str:
    return tr(STATUS_TEXTS.get(status, status))


def source_state_text(status: SourceStatus) -> str:
    if status.status == "review":
        return tr("Searched — %n match(es) to review", "", status.pending)
    if status.status == "searched":
        return tr("Searched ✓")
    if status.status == "not_applicable":
        return tr("Not applicable: {reason}", reason=status.reason or "")
    if status.unmapped_files:
        return tr("Not searched: no column identifies a person")
    if status.needs:
        return tr("Not searched: an identifier is missing")
    return tr("Not searched yet")


def source_name(status: SourceStatus) -> str:
    return status.name_fr if language() == "fr" else status.name


def content_text(view: MatchView, limit: int = 140) -> str:
    """A one-line glimpse of the row (its non-empty values), to tell matches apart."""
    if view.record is None:
        return tr("(row dropped)")
    values = [v.replace("\n", " ") for v in view.record.values() if isinstance(v, str) and v.strip()]
    text = " · ".join(values)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class MatchTableModel(QAbstractTableModel):
    """One row per match of a case (all sources); the view filters by source through MatchFilterProxy."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MatchView] = []
        self._source_names: dict[str, str] = {}

    def set_matches(self, matches: list[MatchView], source_names: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(matches)
        self._source_names = dict(source_names)
        self.endResetModel()

    def match_at(self, row: int) -> MatchView:
        return self._rows[row]

    def row_of(self, match_id: int) -> int:
        for row, view in enumerate(self._rows):
            if view.id == match_id:
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return tr(COLUMN_TITLES[COLUMNS[section]])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        view = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(view, column)
        if role == SORT_ROLE:
            return view.row if column == ROW else self._display(view, column)
        if role == MATCH_ID_ROLE:
            return view.id
        if role == MATCH_ROLE:
            return view
        if role == SOURCE_ROLE:
            return view.source
        if role == STATUS_ROLE:
            return view.status
        if role == Qt.ItemDataRole.ToolTipRole and column in (REASONS, CONTENT):
            return style.plain_tip(str(self._display(view, column)))  # the file's text, shown as written
        if column == STATUS and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            background, foreground = STATUS_COLOURS.get(view.status, (style.BASE, style.TEXT))
            colour = background if role == Qt.ItemDataRole.BackgroundRole else foreground
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, view: MatchView, column: int) -> Any:
        if column == SYSTEM:
            return self._source_names.get(view.source, view.source)
        if column == FILE:
            return view.file
        if column == ROW:
            return str(view.row)
        if column == REASONS:
            return reasons_text(view)
        if column == STATUS:
            return status_text(view.status)
        if column == REDACTIONS:
            return str(len(view.redactions)) if view.redactions else ""
        if column == CONTENT:
            return content_text(view)
        return None


class MatchFilterProxy(QSortFilterProxyModel):
    """Shows the matches of one source (or all when the source is empty); sorts rows as numbers."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = ""
        self.setSortRole(SORT_ROLE)

    def set_source(self, source: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+: invalidateFilter() is deprecated
            self.beginFilterChange()
            self._source = source
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._source = source
            self.invalidateFilter()

    def filterAcceptsRow(  # noqa: N802 - Qt's name
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._source:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return bool(index.data(SOURCE_ROLE) == self._source)
