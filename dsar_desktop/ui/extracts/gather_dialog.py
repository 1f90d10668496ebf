"""Gathering in a few actions: every file at once, each assigned to its system in one table, one pass, one
summary; and the bar of the Data section that asks for a missing identifier or a file to set aside."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import extracts as service
from ...services import extracts_gather as gathering
from ...services.catalogue import current_catalogue
from ...services.extracts_coverage import IDENTIFIER_WORDS
from ...services.office import Office
from ..dialogs import Dialogs
from ..i18n import QT_TR_NOOP, language, tr
from ..progress import run_job
from ..style import role_label
from ..workers import Job, Runner

FILE_FILTER = QT_TR_NOOP("Exports (*.csv *.tsv *.txt *.jsonl *.ndjson *.json *.xlsx);;All files (*)")
HOW_TEXTS = {
    "name": QT_TR_NOOP("from its name"),
    "headers": QT_TR_NOOP("from its columns"),
    "remembered": QT_TR_NOOP("remembered columns"),
    "given": QT_TR_NOOP("chosen"),
    "": QT_TR_NOOP("choose the system"),
}
NEED_FIELD = {"name+dob": "dob", "student_number": "student_number", "email": "email", "phone": "phone"}


def _words(identifier: str) -> str:
    en, fr = IDENTIFIER_WORDS[identifier]
    return fr if language() == "fr" else en


class GatherDialog(QDialog):
    """The files and their systems (one confirmation), then the search of all of them and one summary."""

    gathered = Signal(object)

    def __init__(
        self, register: Office, dialogs: Dialogs, runner: Runner, ref: str, paths: Sequence[Path],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.runner = runner
        self.ref = ref
        self.job: Job | None = None
        self.result_of_search: gathering.GatherSummary | None = None
        self.assignments = gathering.assign_files(register, paths, language())
        self.setWindowTitle(tr("Gather the export files"))
        self.setMinimumWidth(760)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr("Each file goes to the system shown. Change a system if it is wrong, then search them all.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.assignments), 3)
        self.table.setHorizontalHeaderLabels([tr("File"), tr("System"), tr("Why")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 330)
        self.table.horizontalHeader().setStretchLastSection(True)
        activities = current_catalogue(register).activities
        self.combos: list[QComboBox] = []
        for row, item in enumerate(self.assignments):
            self.table.setItem(row, 0, QTableWidgetItem(item.path.name))
            combo = QComboBox()
            combo.addItem(tr("— leave this file out —"), "")
            for activity in activities:
                combo.addItem(activity.text("name", "fr" if language() == "fr" else "en"), activity.id)
            combo.setCurrentIndex(max(0, combo.findData(item.source or "")))
            combo.setEnabled(item.error is None)
            self.table.setCellWidget(row, 1, combo)
            self.combos.append(combo)
            why = QTableWidgetItem(item.error or tr(HOW_TEXTS.get(item.how, item.how)))
            if item.error or not item.source:
                why.setForeground(Qt.GlobalColor.darkRed)
            self.table.setItem(row, 2, why)
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height() + 30 * min(10, len(self.assignments)) + 8
        )
        self.table.verticalHeader().setDefaultSectionSize(30)
        layout.addWidget(self.table)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.hide()
        layout.addWidget(self.summary, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.search_button = self.buttons.addButton(
            tr("&Search all files"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.search_button.setDefault(True)
        self.review_button = self.buttons.addButton(
            tr("&Review the matches"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.review_button.hide()
        self.search_button.clicked.connect(self._on_search)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def chosen(self) -> list[gathering.Assignment]:
        for item, combo in zip(self.assignments, self.combos, strict=True):
            source = str(combo.currentData() or "") or None
            if source != item.source:
                item.source, item.how, item.mapping = source, "given", None
        return self.assignments

    def _on_search(self) -> None:
        assignments = self.chosen()
        if not any(a.source for a in assignments):
            self.dialogs.warn(self, tr("Choose a system for at least one file."))
            return
        register, ref = self.register, self.ref

        def job(progress: Callable[..., None], cancel: Any) -> gathering.GatherSummary:
            return gathering.gather(register, ref, assignments, progress=progress, cancel=cancel)

        self.search_button.setEnabled(False)
        self.job = run_job(
            self, self.runner, job, tr("Searching the export files…"), self._on_done, self._on_failed
        )

    def _on_done(self, summary: gathering.GatherSummary) -> None:
        self.result_of_search = summary
        self.summary.setPlainText(summary_text(self.register, summary))
        self.summary.show()
        self.table.setEnabled(False)
        self.search_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.review_button.show()
        self.review_button.setDefault(True)
        self.review_button.setFocus()
        self.gathered.emit(summary)

    def _on_failed(self, error: BaseException) -> None:
        self.search_button.setEnabled(True)
        self.dialogs.error(self, error)


def summary_text(register: Office, summary: gathering.GatherSummary) -> str:
    """One summary for every file: system by system, what was found, what keeps a system from counting as
    searched, and what in each file was not read or interpreted."""
    names = {
        a.id: a.text("name", "fr" if language() == "fr" else "en")
        for a in current_catalogue(register).activities
    }
    fr = language() == "fr"
    lines = [tr("%n match(es) to review in all.", "", summary.matches), ""]
    for result in summary.systems:
        found = sum(result.matches_by_case.values())
        lines.append(
            tr("{system} — files: {files}; rows: {rows}; matches: {found}", system=names.get(result.source, result.source),
               files=len(result.files), rows=result.rows_scanned, found=found)
        )  # fmt: skip
        for why in result.not_searched.values():
            if why.get("unmapped"):
                lines.append("  ⚠ " + tr("not searched yet: no column of {files} can identify a person; map a "
                                         "column or set the file aside", files=", ".join(why["unmapped"])))  # fmt: skip
            elif why.get("needs"):
                lines.append("  ⚠ " + tr("not searched yet: its files find a person only by {needs}, which the "
                                         "request lacks", needs=" / ".join(_words(n) for n in why["needs"])))  # fmt: skip
        if not result.not_searched:
            lines.append("  ✓ " + tr("searched"))
        for file in result.files:
            skipped = sum(1 for i in file["issues"] if i["kind"] == "row")
            if skipped:
                lines.append(
                    "  "
                    + tr("{file}: %n row(s) skipped or read with a caveat", "", skipped, file=file["name"])
                )
            for issue in file["issues"]:
                if issue["kind"] != "row":
                    colon = "\u00a0: " if fr else ": "  # French typography: a no-break space before the colon
                    lines.append(f"  {file['name']}{colon}{issue['fr'] if fr else issue['en']}")
    for item in summary.left_out:
        lines.append(
            tr("{file}: left out ({why})", file=item.path.name, why=item.error or tr("no system chosen"))
        )
    return "\n".join(lines)


class GatherBar(QWidget):
    """Under the Data section's header: what keeps systems from counting as searched, with the one-click
    fixes (an identifier found in confirmed rows; a file to set aside with a reason)."""

    changed = Signal()

    def __init__(self, register: Office, dialogs: Dialogs, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.ref = ref
        self.research: Callable[[list[str]], None] | None = None  # search these systems' files again
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QPushButton] = []

    def show_status(self, statuses: Sequence[service.SourceStatus]) -> None:
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = []
        names = {s.source: (s.name_fr if language() == "fr" else s.name) for s in statuses}
        needing = [s for s in statuses if s.needs]
        if needing:
            needs = sorted({n for s in needing for n in s.needs}, key=list(NEED_FIELD).index)
            text = tr("{systems}: cannot find the person without her or his {needs}. Add it to the request:",
                      systems=", ".join(names[s.source] for s in needing),
                      needs=" / ".join(_words(n) for n in needs))  # fmt: skip
            row = QHBoxLayout()
            label = role_label(text, "warning")
            label.setWordWrap(True)
            row.addWidget(label, 1)
            fields = {NEED_FIELD[n] for n in needs}
            offered = [
                s for s in gathering.identifier_suggestions(self.register, self.ref) if s.field in fields
            ]
            for suggestion in offered[:4]:
                button = QPushButton(tr("Use {value} (from {system})", value=suggestion.value,
                                        system=names.get(suggestion.source, suggestion.source)))  # fmt: skip
                button.clicked.connect(lambda _c=False, s=suggestion, n=needing: self._use(s, n))
                row.addWidget(button)
                self.buttons.append(button)
            if not offered:
                row.addWidget(role_label(tr("(confirm a match that holds it, or edit the request)"), "muted"))
            holder = QWidget()
            holder.setLayout(row)
            self.layout_.addWidget(holder)
        for status in statuses:
            for name in status.unmapped_files:
                row = QHBoxLayout()
                label = role_label(tr("{file} ({system}): no column can identify a person, so the system does not "
                                      "count as searched.", file=name, system=names[status.source]), "warning")  # fmt: skip
                label.setWordWrap(True)
                row.addWidget(label, 1)
                button = QPushButton(tr("Set aside…"))
                button.clicked.connect(lambda _c=False, n=name: self._set_aside(n))
                row.addWidget(button)
                self.buttons.append(button)
                holder = QWidget()
                holder.setLayout(row)
                self.layout_.addWidget(holder)
        self.setVisible(self.layout_.count() > 0)

    def _use(self, suggestion: gathering.Suggestion, needing: Sequence[service.SourceStatus]) -> None:
        try:
            gathering.add_subject_identifier(self.register, self.ref, suggestion.field, suggestion.value,
                                             origin=suggestion.source)  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.dialogs.error(self, exc)
            return
        if self.research is not None:
            self.research([s.source for s in needing])
        self.changed.emit()

    def _set_aside(self, name: str) -> None:
        file = next((f for f in gathering.unmapped_files(self.register, self.ref) if f["name"] == name), None)
        if file is None:
            return
        reason = self.dialogs.ask_text(self, tr("Set the file aside"),
                                       tr("Why can {file} be left aside for this request?", file=name))  # fmt: skip
        if reason is None:
            return
        try:
            gathering.set_file_aside(self.register, self.ref, int(file["id"]), reason)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.dialogs.error(self, exc)
            return
        self.changed.emit()
