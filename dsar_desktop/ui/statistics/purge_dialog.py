"""The purge preview: the closed requests past the retention period, what a purge does and does not reach.
Accepting it asks for the purge of exactly this list (the page confirms once more, then purges)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.cases import RIGHT_LABELS
from ...domain.statistics import OUTCOME_LABELS, day_label
from ...services.retention import PACKS_OUTSIDE, PurgePreview
from .. import style
from ..i18n import language, tr


class PurgeDialog(QDialog):
    """Reference, received, closed, due for purge, rights, outcome; the note on packs outside the register."""

    def __init__(self, preview: PurgePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(tr("Requests due for purge"))
        self.resize(900, 460)
        lang = language()
        index = 1 if lang == "fr" else 0
        layout = QVBoxLayout(self)
        layout.addWidget(
            style.role_label(
                tr(
                    "Closed requests are kept {years} years after closure (French civil limitation), then purged. "
                    "%n request(s) are past that period. Nothing is deleted until you confirm.",
                    "",
                    len(preview.cases),
                    years=preview.retention_years,
                ),
                "note",
            )
        )
        self.table = QTableWidget(len(preview.cases), 6)
        self.table.setHorizontalHeaderLabels(
            [tr("Reference"), tr("Received"), tr("Closed"), tr("Due for purge"), tr("Rights"), tr("Outcome")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        rights = {k.value: v[index] for k, v in RIGHT_LABELS.items()}
        for row, case in enumerate(preview.cases):
            cells = [
                case.ref,
                day_label(dt.date.fromisoformat(case.received), lang),
                day_label(dt.date.fromisoformat(case.closed), lang),
                day_label(dt.date.fromisoformat(case.purge_due), lang),
                ", ".join(rights.get(r, r) for r in case.rights),
                OUTCOME_LABELS.get(case.outcome, (case.outcome, case.outcome))[index],
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 110, 110, 110, 220)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        layout.addWidget(style.role_label(PACKS_OUTSIDE[index], "warning"))
        layout.addWidget(
            style.role_label(
                tr(
                    "Each purged request leaves a tombstone in the audit log: reference, dates, rights, outcome, "
                    "the purge date and who purged it. No name, no address."
                ),
                "muted",
            )
        )
        buttons = QDialogButtonBox()
        self.purge_button = buttons.addButton(
            tr("Purge these %n request(s)…", "", len(preview.cases)), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.purge_button.setEnabled(bool(preview.cases))
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
