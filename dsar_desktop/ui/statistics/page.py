"""The Statistics page: a year's figures (counts only) and the PDF report for the year-end review."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain import deadlines as dl
from ...domain.statistics import Statistics, breakdowns, key_figures
from ...fileio import atomic_write
from ...services.statistics import statistics_report_pdf, yearly_statistics, years_with_cases
from ...store.connection import Register
from .. import style
from ..dialogs import Dialogs
from ..i18n import language, tr
from ..workers import Runner


class StatisticsPage(QWidget):
    """Year selector, key figures, one small table per breakdown, and "Save as PDF…"."""

    report_saved = Signal(str)

    def __init__(self, register: Register, dialogs: Dialogs, runner: Runner) -> None:
        super().__init__()
        self.register = register
        self.dialogs = dialogs
        self.runner = runner
        self.stats: Statistics | None = None
        self._figures: dict[str, QLabel] = {}
        self._counts: dict[tuple[str, str], int] = {}
        self._build()
        self._connect()
        self.reload()

    # ---- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.addWidget(style.role_label(tr("Statistics of the requests"), "title"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Year of receipt:")))
        self.year_combo = QComboBox()
        self.year_combo.setMinimumWidth(90)
        bar.addWidget(self.year_combo)
        bar.addSpacing(16)
        bar.addWidget(QLabel(tr("Report language:")))
        self.language_combo = QComboBox()
        self.language_combo.addItem(tr("French"), "fr")
        self.language_combo.addItem(tr("English"), "en")
        self.language_combo.setCurrentIndex(0 if language() == "fr" else 1)
        bar.addWidget(self.language_combo)
        bar.addStretch(1)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.save_button = QPushButton(tr("Save as PDF…"))
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)
        self.scope_label = style.role_label("", "muted")
        outer.addWidget(self.scope_label)
        self.empty_label = style.role_label("", "note")
        outer.addWidget(self.empty_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body = QWidget()
        self.body_layout = QGridLayout(self.body)
        self.body_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)

    def _connect(self) -> None:
        self.year_combo.currentTextChanged.connect(self._on_year_changed)
        self.refresh_button.clicked.connect(self._on_refresh_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)

    # ---- data ---------------------------------------------------------------------------------
    def _fill_years(self) -> None:
        chosen = self.year_combo.currentText()
        with_cases = years_with_cases(self.register)
        this_year = dl.today_paris().year
        years = sorted({*with_cases, this_year}, reverse=True)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItems([str(y) for y in years])
        if chosen and chosen in [str(y) for y in years]:
            self.year_combo.setCurrentText(chosen)
        else:
            self.year_combo.setCurrentText(str(with_cases[0] if with_cases else this_year))
        self.year_combo.blockSignals(False)

    def reload(self) -> None:
        self._fill_years()
        self._show_year()

    def refresh(self) -> None:
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self.stats is not None:
            self.reload()

    def _show_year(self) -> None:
        text = self.year_combo.currentText()
        if not text.isdigit():
            return
        try:
            self.stats = yearly_statistics(self.register, int(text))
        except Exception as exc:  # noqa: BLE001 - shown through the dialog service
            self.dialogs.error(self, exc)
            return
        self._render(self.stats)

    def _render(self, stats: Statistics) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._figures.clear()
        self._counts.clear()
        today = dt.date.fromisoformat(stats.as_of)
        as_of = dl.format_date(today, language())
        self.scope_label.setText(
            tr(
                "Requests received from 1 January to 31 December {year}, counted on their receipt date. "
                "Figures as of {date}. Counts only: nothing here identifies a person.",
                year=stats.year,
                date=as_of,
            )
        )
        self.empty_label.setText(tr("No request was received in {year}.", year=stats.year))
        self.empty_label.setVisible(stats.received == 0)
        key_box = QGroupBox(tr("Key figures"))
        form = QFormLayout(key_box)
        for label, value in key_figures(stats, language(), as_of):
            shown = QLabel(value)
            shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(QLabel(label), shown)  # no word wrap: a wrapped label in a form row gets clipped
            self._figures[label] = shown
        self.body_layout.addWidget(key_box, 0, 0, 3, 1)
        for index, (heading, rows, note) in enumerate(breakdowns(stats, language(), as_of)):
            box = QGroupBox(heading)
            box_form = QFormLayout(box)
            for label, count in rows:
                shown = QLabel(str(count))
                shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if count == 0:
                    style.set_role(shown, "muted")
                box_form.addRow(QLabel(label), shown)
                self._counts[(heading, label)] = count
            if note:
                box_form.addRow(style.role_label(note, "muted"))
            self.body_layout.addWidget(box, index // 2, 1 + index % 2)
        self.body_layout.setColumnStretch(0, 3)
        self.body_layout.setColumnStretch(1, 2)
        self.body_layout.setColumnStretch(2, 2)

    # ---- what tests and people read -------------------------------------------------------------
    def figure_text(self, label: str) -> str:
        return self._figures[label].text()

    def breakdown_count(self, heading: str, label: str) -> int:
        return self._counts[(heading, label)]

    # ---- events -------------------------------------------------------------------------------
    def _on_year_changed(self, _text: str) -> None:
        self._show_year()

    def _on_refresh_clicked(self) -> None:
        self.reload()

    def _on_save_clicked(self) -> None:
        stats = self.stats
        if stats is None:
            return
        report_language = str(self.language_combo.currentData() or "fr")
        path = self.dialogs.save_file(
            self,
            tr("Save the statistics report"),
            tr("statistics-{year}.pdf", year=stats.year),
            tr("PDF files (*.pdf)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            atomic_write(path, statistics_report_pdf(self.register, stats, report_language), mode=0o644)
        except Exception as exc:  # noqa: BLE001 - shown through the dialog service
            self.dialogs.error(self, exc)
            return
        self.dialogs.info(self, tr("Report saved to {path}.", path=str(path)))
        self.report_saved.emit(str(path))
