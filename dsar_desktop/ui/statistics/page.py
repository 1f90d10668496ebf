"""The Statistics page: the figures of a year or any period (counts only) with their charts, the PDF report
with its CSV, the record of requests, and the retention reminder that leads to the purge preview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
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
from ...domain.cases import CHANNEL_LABELS, RIGHT_LABELS
from ...domain.errors import describe
from ...domain.statistics import Period, Statistics, breakdowns, day_label, key_figures, month_label
from ...services import record as record_service
from ...services import retention as retention_service
from ...services.office import Office
from ...services.statistics import period_statistics, save_statistics_report, years_with_cases
from .. import style
from ..dialogs import Dialogs
from ..flow_layout import FlowLayout
from ..i18n import language, tr
from ..progress import run_job
from ..workers import Job, Runner
from .charts import BarChart, TrendChart
from .purge_dialog import PurgeDialog

OTHER_PERIOD = "other"


class StatisticsPage(QWidget):
    """Period (a year, or from–to), key figures, charts, one small table per breakdown, the report, the record
    export and the retention reminder. `register` is the unlocked register the services act on."""

    report_saved = Signal(str)
    record_exported = Signal(str)
    cases_purged = Signal(list)

    def __init__(self, register: Office, dialogs: Dialogs, runner: Runner) -> None:
        super().__init__()
        self.register = register
        self.dialogs = dialogs
        self.runner = runner
        self.stats: Statistics | None = None
        self._job: Job | None = None
        self._figures: dict[str, QLabel] = {}
        self._counts: dict[tuple[str, str], int] = {}
        self._build()
        self._connect()
        self.reload()

    # ---- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.addWidget(style.role_label(tr("Statistics of the requests"), "title"))
        # Rows that wrap: at 200 % text each would otherwise widen the window past a 1366-px screen.
        bar = FlowLayout(one_line_hint=True)
        period_label = QLabel(tr("&Period:"))
        self.year_combo = QComboBox()
        self.year_combo.setMinimumWidth(120)
        period_label.setBuddy(self.year_combo)
        bar.addWidget(period_label)
        bar.addWidget(self.year_combo)
        from_label = QLabel(tr("Fro&m"))
        self.from_edit = self._date_edit()
        from_label.setBuddy(self.from_edit)
        to_label = QLabel(tr("&to"))
        self.to_edit = self._date_edit()
        to_label.setBuddy(self.to_edit)
        for widget in (from_label, self.from_edit, to_label, self.to_edit):
            bar.addWidget(widget)
        bar.addWidget(QLabel(tr("Report language:")))
        self.language_combo = QComboBox()
        self.language_combo.addItem(tr("French"), "fr")
        self.language_combo.addItem(tr("English"), "en")
        self.language_combo.setCurrentIndex(0 if language() == "fr" else 1)
        self.language_combo.setAccessibleName(tr("Report language:"))
        bar.addWidget(self.language_combo)
        bar.addStretch(1)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.save_button = QPushButton(tr("Save as PDF…"))
        self.save_button.setToolTip(tr("Writes the report as a PDF and its figures as a CSV file beside it."))
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)

        record_bar = FlowLayout(one_line_hint=True)
        self.record_button = QPushButton(tr("Export the record of requests…"))
        self.record_button.setToolTip(
            tr(
                "One row per request received in the period, with its facts (RULES F): for an audit or the CNIL."
            )
        )
        self.pseudonymise_check = QCheckBox(
            tr("Pseudonymise (names, e-mails and addresses replaced by the reference)")
        )
        self.pseudonymise_check.setChecked(True)
        record_bar.addWidget(self.record_button)
        record_bar.addWidget(self.pseudonymise_check)
        record_bar.addStretch(1)
        outer.addLayout(record_bar)

        self.retention_banner = QFrame()
        self.retention_banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner = QHBoxLayout(self.retention_banner)
        banner.setContentsMargins(8, 4, 8, 4)
        self.retention_label = style.role_label("", "warning")
        self.retention_button = QPushButton(tr("Review and purge…"))
        banner.addWidget(self.retention_label, 1)
        banner.addWidget(self.retention_button)
        self.retention_banner.hide()
        outer.addWidget(self.retention_banner)

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

        self.right_chart = BarChart()
        self.channel_chart = BarChart()
        self.trend_chart = TrendChart(tr("Received", "chart legend"), tr("Answered", "chart legend"))
        self.right_chart.setAccessibleName(tr("Requests by right"))
        self.channel_chart.setAccessibleName(tr("Requests by channel"))
        self.trend_chart.setAccessibleName(tr("Month by month: received and answered"))

    @staticmethod
    def _date_edit() -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDateRange(QDate(1900, 1, 1), QDate(2200, 12, 31))
        return edit

    def _connect(self) -> None:
        self.year_combo.activated.connect(self._on_year_chosen)
        self.from_edit.dateChanged.connect(self._on_dates_changed)
        self.to_edit.dateChanged.connect(self._on_dates_changed)
        self.refresh_button.clicked.connect(self._on_refresh_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.record_button.clicked.connect(self._on_record_clicked)
        self.retention_button.clicked.connect(self._on_retention_clicked)

    # ---- the period ---------------------------------------------------------------------------
    def _fill_years(self) -> None:
        chosen = self.year_combo.currentData()
        with_cases = years_with_cases(self.register)
        this_year = dl.today_paris().year
        years = sorted({*with_cases, this_year}, reverse=True)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(str(year), year)
        self.year_combo.addItem(tr("Other period"), OTHER_PERIOD)
        index = self.year_combo.findData(chosen) if chosen is not None else -1
        if index < 0:
            index = self.year_combo.findData(with_cases[0] if with_cases else this_year)
            self._set_dates(Period.of_year(int(self.year_combo.itemData(index))))
        self.year_combo.setCurrentIndex(index)
        self.year_combo.blockSignals(False)

    def _set_dates(self, period: Period) -> None:
        for edit, day in ((self.from_edit, period.start), (self.to_edit, period.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def period(self) -> Period:
        """The period shown (raises the domain's error when the end comes before the start)."""
        start, end = self.from_edit.date(), self.to_edit.date()
        return Period(
            dt.date(start.year(), start.month(), start.day()), dt.date(end.year(), end.month(), end.day())
        )

    def set_period(self, start: dt.date, end: dt.date) -> None:
        """Show the figures of `start`..`end` (what a person does with the two date fields)."""
        self._set_dates(Period(start, end))
        self._on_dates_changed()

    # ---- data ---------------------------------------------------------------------------------
    def reload(self) -> None:
        self._fill_years()
        self._show_period()
        self._show_retention()

    def refresh(self) -> None:
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self.stats is not None:
            self.reload()

    def _show_period(self) -> None:
        try:
            self.stats = period_statistics(self.register, self.period())
        except Exception as exc:  # noqa: BLE001 - shown through the dialog service
            self.dialogs.error(self, exc)
            return
        self._render(self.stats)

    def _show_retention(self) -> None:
        try:
            preview = retention_service.preview(self.register)
        except Exception as exc:  # noqa: BLE001 - the figures stay usable; the reminder says why it is missing
            self.retention_label.setText(str(exc))
            self.retention_banner.show()
            return
        count = len(preview.cases)
        self.retention_label.setText(
            tr(
                "%n closed request(s) kept longer than the retention period ({years} years): review and purge them.",
                "",
                count,
                years=preview.retention_years,
            )
        )
        self.retention_banner.setVisible(count > 0)

    def _render(self, stats: Statistics) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget not in (self.right_chart, self.channel_chart, self.trend_chart):
                widget.deleteLater()
        self._figures.clear()
        self._counts.clear()
        lang = language()
        today = dt.date.fromisoformat(stats.as_of)
        as_of = dl.format_date(today, lang)
        period = stats.period
        self.scope_label.setText(
            tr(
                "Requests received from {start} to {end}, counted on their receipt date. "
                "Figures as of {date}. Counts only: nothing here identifies a person.",
                start=day_label(period.start, lang),
                end=day_label(period.end, lang),
                date=as_of,
            )
        )
        self.empty_label.setText(tr("No request was received in this period."))
        self.empty_label.setVisible(stats.received == 0)
        key_box = QGroupBox(tr("Key figures"))
        form = QFormLayout(key_box)
        for label, value in key_figures(stats, lang, as_of):
            shown = QLabel(value)
            shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(QLabel(label), shown)  # no word wrap: a wrapped label in a form row gets clipped
            self._figures[label] = shown
        self.body_layout.addWidget(key_box, 0, 0, 2, 1)

        index = 1 if lang == "fr" else 0
        right_names = {k.value: v[index] for k, v in RIGHT_LABELS.items()}
        channel_names = {k.value: v[index] for k, v in CHANNEL_LABELS.items()}
        self.right_chart.set_bars([(right_names.get(k, k), n) for k, n in stats.by_right.items()])
        self.channel_chart.set_bars([(channel_names.get(k, k), n) for k, n in stats.by_channel.items()])
        self.trend_chart.set_points(
            [month_label(p.month, lang) for p in stats.monthly],
            [p.received for p in stats.monthly],
            [p.answered for p in stats.monthly],
        )
        for column, (title, chart) in enumerate(
            ((tr("Rights invoked"), self.right_chart), (tr("Channel"), self.channel_chart)), start=1
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(chart, 0, Qt.AlignmentFlag.AlignTop)
            self.body_layout.addWidget(box, 0, column)
        trend_box = QGroupBox(tr("Month by month: requests received and replies dispatched"))
        QVBoxLayout(trend_box).addWidget(self.trend_chart)
        self.body_layout.addWidget(trend_box, 1, 1, 1, 2)

        for number, (heading, rows, note) in enumerate(breakdowns(stats, lang, as_of)):
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
            self.body_layout.addWidget(box, 2 + number // 3, number % 3)
        self.body_layout.setColumnStretch(0, 3)
        self.body_layout.setColumnStretch(1, 2)
        self.body_layout.setColumnStretch(2, 2)

    # ---- what tests and people read -------------------------------------------------------------
    def figure_text(self, label: str) -> str:
        return self._figures[label].text()

    def breakdown_count(self, heading: str, label: str) -> int:
        return self._counts[(heading, label)]

    # ---- events -------------------------------------------------------------------------------
    def _on_year_chosen(self, _index: int) -> None:
        year = self.year_combo.currentData()
        if year == OTHER_PERIOD or year is None:
            self.from_edit.setFocus()
            return
        self._set_dates(Period.of_year(int(year)))
        self._show_period()

    def _on_dates_changed(self, *_args: object) -> None:
        try:
            period = self.period()
        except Exception as exc:  # noqa: BLE001 - an end before the start: say it, keep the last figures
            self.scope_label.setText(describe(exc, language()))
            return
        year = period.calendar_year
        index = self.year_combo.findData(year) if year is not None else -1
        self.year_combo.blockSignals(True)
        self.year_combo.setCurrentIndex(index if index >= 0 else self.year_combo.findData(OTHER_PERIOD))
        self.year_combo.blockSignals(False)
        self._show_period()

    def _on_refresh_clicked(self) -> None:
        self.reload()

    def _file_stem(self, stats: Statistics) -> str:
        period = stats.period
        if period.calendar_year is not None:
            return str(period.calendar_year)
        return f"{period.start.isoformat()}_{period.end.isoformat()}"

    def _on_save_clicked(self) -> None:
        stats = self.stats
        if stats is None:
            return
        report_language = str(self.language_combo.currentData() or "fr")
        path = self.dialogs.save_file(
            self,
            tr("Save the statistics report"),
            tr("statistics-{period}.pdf", period=self._file_stem(stats)),
            tr("PDF files (*.pdf)"),
        )
        if path is None:
            return
        try:
            pdf, csv = save_statistics_report(self.register, stats, path, report_language)
        except Exception as exc:  # noqa: BLE001 - shown through the dialog service
            self.dialogs.error(self, exc)
            return
        self.dialogs.info(
            self, tr("Report saved to {path}, its figures to {csv}.", path=str(pdf), csv=str(csv))
        )
        self.report_saved.emit(str(pdf))

    def _on_record_clicked(self) -> None:
        try:
            period = self.period()
        except Exception as exc:  # noqa: BLE001 - shown through the dialog service
            self.dialogs.error(self, exc)
            return
        pseudonymise = self.pseudonymise_check.isChecked()
        path = self.dialogs.save_file(
            self,
            tr("Export the record of requests"),
            tr(
                "record-of-requests-{start}-{end}.xlsx",
                start=period.start.isoformat(),
                end=period.end.isoformat(),
            ),
            tr("Excel workbook (*.xlsx);;CSV for Excel (*.csv)"),
        )
        if path is None:
            return
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        office, lang = self.register, language()

        def work(progress: Any, cancel: Any) -> record_service.RecordExport:
            # the job runner gives this worker thread a connection of its own (Office.on_worker_thread)
            return record_service.export_record(
                office,
                period,
                Path(path),
                pseudonymise=pseudonymise,
                language=lang,
                progress=progress,
                cancel=cancel,
            )

        def finished(done: record_service.RecordExport) -> None:
            self._forget_job()
            if done.pseudonymised:
                text = tr(
                    "%n request(s) written to {path}, pseudonymised. The export is recorded in the audit log.",
                    "",
                    done.rows,
                    path=str(done.path),
                )
            else:
                text = tr(
                    "%n request(s) written to {path}. The file names people: keep it as carefully as the "
                    "register. The export is recorded in the audit log.",
                    "",
                    done.rows,
                    path=str(done.path),
                )
            self.dialogs.info(self, text)
            self.record_exported.emit(str(done.path))

        def failed(error: BaseException) -> None:
            self._forget_job()
            self.dialogs.error(self, error)

        self._job = run_job(
            self, self.runner, work, tr("Exporting the record of requests…"), finished, failed
        )

    def _forget_job(self) -> None:
        """Drop the finished job once back in the event loop: these callbacks run inside the delivery of
        the job's own signal, and dropping its last reference there frees that signal's object mid-call
        (a crash pytest-qt's waitSignal showed)."""
        job = self._job
        QTimer.singleShot(0, lambda: self._job is job and setattr(self, "_job", None))

    def _on_retention_clicked(self) -> None:
        try:
            preview = retention_service.preview(self.register)
        except Exception as exc:  # noqa: BLE001 - shown through the dialog service
            self.dialogs.error(self, exc)
            return
        dialog = PurgeDialog(preview, self)
        if not self.dialogs.run(dialog) or not preview.cases:
            return
        if not self.dialogs.confirm(
            self,
            tr(
                "Purge %n request(s) for good? Everything the register holds about them is deleted; a tombstone "
                "(reference, dates, rights, outcome) stays in the audit log. Packs exported earlier are outside "
                "the register and are not deleted.",
                "",
                len(preview.cases),
            ),
            tr("Purge"),
        ):
            return
        office, token = self.register, preview.token

        def work(progress: Any, cancel: Any) -> retention_service.PurgeDone:
            # on a worker with its own connection (the job gate); the purge is one transaction, so a cancel
            # either comes before it (nothing purged) or finds it done (all purged): never half a list
            progress(0, 2, "purge")
            cancel.raise_if_cancelled()
            done = retention_service.purge(office, token=token)
            progress(2, 2, "purge")
            return done

        def finished(done: retention_service.PurgeDone) -> None:
            self._forget_job()
            self.reload()
            self.dialogs.info(self, tr("%n request(s) purged.", "", len(done.purged)))
            self.cases_purged.emit(list(done.purged))  # last: the window closes the purged cases' tabs

        def failed(error: BaseException) -> None:  # cancelled, or the list changed meanwhile: nothing purged
            self._forget_job()
            self.dialogs.error(self, error)
            self.reload()

        self._job = run_job(self, self.runner, work, tr("Purging the requests…"), finished, failed)
