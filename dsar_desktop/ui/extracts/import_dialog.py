"""Import export files: choose the system, check the detected format, the sample and the column mapping, then search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Cancelled, describe
from ...services import extracts as service
from ...services.catalogue import current_catalogue
from ...services.office import Office
from ..dialogs import Dialogs
from ..fit import fit_to_screen
from ..i18n import language, pick, tr
from ..progress import run_job
from ..style import plain_label, role_label
from ..workers import Runner
from .models import REASON_TEXTS

FIELDS = service.mapping_fields()

NOT_USED = ""
SAMPLE_ROWS = 5


def size_text(size: int) -> str:
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} B"


def sample_rows(path: Path, headers: list[str], count: int = SAMPLE_ROWS) -> list[list[str]]:
    return service.sample_rows(path, headers, count)


def preview_all(paths: list[Path], register: Office, source: str) -> list[service.FilePreview]:
    """Preview every file; raises the first file's error (empty, binary, no header...)."""
    return [service.preview_file(path, register, source) for path in paths]


class ImportDialog(QDialog):
    """One import: the files (already chosen), their system, the mapping, then the search as a job."""

    def __init__(
        self,
        register: Office,
        dialogs: Dialogs,
        runner: Runner,
        paths: list[Path],
        previews: list[service.FilePreview],
        *,
        ref: str | None = None,
        source: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.runner = runner
        self.paths = list(paths)
        self.previews = previews
        self.ref = ref
        self.result_of_search: service.AttachResult | None = None
        self.job: Any = None
        self.open_refs = service.open_case_refs(register)
        self.mapping_boxes: dict[str, QComboBox] = {}
        self.setWindowTitle(tr("Import export files"))
        fit_to_screen(self, QSize(1000, 640))
        self._build(source)
        self._connect()
        self._show_preview()

    # ---- layout ------------------------------------------------------------------------
    def _build(self, source: str | None) -> None:
        layout = QVBoxLayout(self)
        top = QFormLayout()
        files = plain_label(", ".join(p.name for p in self.paths))  # file names as they are written
        top.addRow(tr("Files"), files)
        self.source = QComboBox()
        for activity in current_catalogue(self.register).activities:
            self.source.addItem(activity.text("name", language()), activity.id)
        if source:
            self.source.setCurrentIndex(max(0, self.source.findData(source)))
        top.addRow(tr("System they come from"), self.source)
        self.detected = QLabel()
        self.detected.setWordWrap(True)
        top.addRow(tr("What was detected"), self.detected)
        where = QHBoxLayout()
        self.sheet = QComboBox()
        self.sheet_label = QLabel(tr("Sheet"))
        where.addWidget(self.sheet_label)
        where.addWidget(self.sheet, 1)
        where.addWidget(QLabel(tr("Header row")))
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 30)
        self.header_row.setToolTip(tr("The row that names the columns; rows above it are not read as data."))
        where.addWidget(self.header_row)
        top.addRow(tr("Columns named in"), where)
        self.notes = role_label("", "warning")
        self.notes.setTextFormat(Qt.TextFormat.PlainText)  # the reader's notes quote the file
        top.addRow("", self.notes)
        layout.addLayout(top)
        self.origin = role_label("", "note")
        self.origin.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(self.origin)

        self.sample_title = plain_label(word_wrap=False)  # names the file
        layout.addWidget(self.sample_title)
        self.sample = QTableWidget(0, 0)
        self.sample.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sample.verticalHeader().setDefaultSectionSize(22)
        self.sample.setFixedHeight(self.sample.horizontalHeader().sizeHint().height() + SAMPLE_ROWS * 22 + 8)
        layout.addWidget(self.sample)

        group = QGroupBox(tr("Which column holds what"))
        grid = QGridLayout(group)
        singles = [f for f in FIELDS if f != "free_text"]
        for index, field_name in enumerate(singles):
            box = QComboBox()
            box.setObjectName(f"map_{field_name}")
            self.mapping_boxes[field_name] = box
            row, column = index % 6, (index // 6) * 2
            grid.addWidget(QLabel(pick(FIELDS[field_name]).capitalize()), row, column)
            grid.addWidget(box, row, column + 1)
        grid.addWidget(QLabel(tr("free text (other people may be named there)").capitalize()), 0, 4)
        self.free_text = QListWidget()
        self.free_text.setMaximumHeight(150)
        grid.addWidget(self.free_text, 1, 4, 5, 1)
        for column in (1, 3, 4):
            grid.setColumnStretch(column, 1)
        layout.addWidget(group)
        self.mapping_state = role_label("", "note")
        self.mapping_state.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(self.mapping_state)

        scope = QGroupBox(tr("Search for"))
        scope_layout = QHBoxLayout(scope)
        self.only_case = QRadioButton(tr("This request only ({ref})", ref=self.ref or ""))
        self.all_open = QRadioButton(
            tr("Every open request ({count}) in one pass", count=len(self.open_refs))
        )
        self.scope = QButtonGroup(self)
        for button in (self.only_case, self.all_open):
            self.scope.addButton(button)
            scope_layout.addWidget(button)
        scope_layout.addStretch(1)
        self.only_case.setVisible(self.ref is not None)
        (self.only_case if self.ref else self.all_open).setChecked(True)
        layout.addWidget(scope)
        layout.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.search_button = self.buttons.addButton(tr("Search"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.search_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.source.currentIndexChanged.connect(self._on_source_changed)
        self.header_row.valueChanged.connect(self._on_table_changed)
        self.sheet.currentIndexChanged.connect(self._on_table_changed)
        for box in self.mapping_boxes.values():
            box.currentIndexChanged.connect(self._on_mapping_edited)
        self.free_text.itemChanged.connect(self._on_mapping_edited)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # ---- preview and mapping -----------------------------------------------------------
    def chosen_source(self) -> str:
        return str(self.source.currentData())

    def _on_source_changed(self, _index: int) -> None:
        try:  # the remembered mapping belongs to the system
            self.previews = preview_all(self.paths, self.register, self.chosen_source())
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.dialogs.error(self, exc)
            return
        self._show_preview()

    def _on_table_changed(self, *_args: Any) -> None:
        """The person chose another sheet or header row: read the start of the files again that way."""
        sheet = str(self.sheet.currentData() or "") or None
        row = self.header_row.value() if self.header_row.isEnabled() else None
        if sheet != (self.previews[0].sheet or None):
            row = None  # another sheet: its own header, found again
        try:
            self.previews = [service.preview_file(path, header_row=row, sheet=sheet) for path in self.paths]
        except Exception as exc:  # noqa: BLE001 - e.g. an empty row: said, the previous table stays
            self.dialogs.error(self, exc)
            return
        self._show_preview()

    def _show_where(self, first: service.FilePreview) -> None:
        for widget in (self.sheet, self.header_row):
            widget.blockSignals(True)
        self.sheet.clear()
        for name in first.sheets:
            self.sheet.addItem(name, name)
        self.sheet.setCurrentIndex(max(0, self.sheet.findData(first.sheet)))
        self.sheet.setVisible(bool(first.sheets))
        self.sheet_label.setVisible(bool(first.sheets))
        self.header_row.setEnabled(first.format != "jsonl")
        self.header_row.setValue(max(1, first.header_row))
        for widget in (self.sheet, self.header_row):
            widget.blockSignals(False)
        notes = [fr if language() == "fr" else en for en, fr in first.notes]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def _show_preview(self) -> None:
        first = self.previews[0]
        self._show_where(first)
        if first.format == "csv":
            delimiter = tr("tab") if first.delimiter == "\t" else f"« {first.delimiter} »"
            detected = tr("{format} · encoding {encoding} · delimiter {delimiter} · {size}",
                          format="CSV", encoding=first.encoding, delimiter=delimiter, size=size_text(first.size))  # fmt: skip
        else:
            name = {"jsonl": "JSON Lines", "xlsx": "Excel (XLSX)"}.get(first.format, first.format)
            detected = tr("{format} · {size}", format=name, size=size_text(first.size))
        self.detected.setText(detected)
        self.origin.setText(
            tr("The mapping below is the one remembered from the last import of this system.")
            if first.mapping_origin == "remembered"
            else tr("The mapping below was suggested from the column names: check it.")
        )
        self._show_sample(first)
        self._show_mapping(first)

    def _show_sample(self, preview: service.FilePreview) -> None:
        self.sample_title.setText(tr("First rows of {file}", file=preview.name))
        self.sample.clear()
        self.sample.setColumnCount(len(preview.headers))
        self.sample.setHorizontalHeaderLabels(preview.headers)
        rows = getattr(preview, "sample", None)
        if rows is None:
            try:
                rows = service.sample_rows(self.paths[0], preview.headers, SAMPLE_ROWS,
                                           header_row=preview.header_row or None, sheet=preview.sheet or None)  # fmt: skip
            except Exception as exc:  # noqa: BLE001 - the search will report it by line; the preview goes on
                self.sample_title.setText(tr("The first rows cannot be shown: {problem}",
                                             problem=describe(exc, language())))  # fmt: skip
                rows = []
        self.sample.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.sample.setItem(r, c, QTableWidgetItem(str(value).replace("\n", " ⏎ ")))
        for c in range(len(preview.headers)):
            self.sample.setColumnWidth(c, 130)

    def _show_mapping(self, preview: service.FilePreview) -> None:
        mapping = preview.mapping
        for field_name, box in self.mapping_boxes.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(tr("— not used —"), NOT_USED)
            for header in preview.headers:
                box.addItem(header, header)
            box.setCurrentIndex(max(0, box.findData(mapping.get(field_name) or NOT_USED)))
            box.blockSignals(False)
        self.free_text.blockSignals(True)
        self.free_text.clear()
        for header in preview.headers:
            item = QListWidgetItem(header)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = header in mapping.free_text
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.free_text.addItem(item)
        self.free_text.blockSignals(False)
        self._on_mapping_edited()

    def set_column(self, field_name: str, column: str | None) -> None:
        box = self.mapping_boxes[field_name]
        box.setCurrentIndex(max(0, box.findData(column or NOT_USED)))

    def mapping(self) -> service.ColumnMapping:
        columns = {f: str(b.currentData()) for f, b in self.mapping_boxes.items() if b.currentData()}
        free = [
            self.free_text.item(i).text()
            for i in range(self.free_text.count())
            if self.free_text.item(i).checkState() == Qt.CheckState.Checked
        ]
        first = self.previews[0]
        return service.ColumnMapping(columns, tuple(free), first.header_row or None, first.sheet or None)

    def _on_mapping_edited(self, *_args: Any) -> None:
        mapping = self.mapping()
        keys = [tr(REASON_TEXTS[f]) for f in ("email", "phone", "student_number") if mapping.get(f)]
        if (mapping.get("surname") or mapping.get("full_name")) and mapping.get("dob"):
            keys.append(tr(REASON_TEXTS["name+dob"]))
        if mapping.can_find_someone:
            self.mapping_state.setText(tr("Search with: {keys}.", keys=", ".join(keys)))
        else:
            self.mapping_state.setText(
                tr("No column can find a person yet: map an e-mail, a phone, a student number, or a name with a "
                   "date of birth.")
            )  # fmt: skip
        self.search_button.setEnabled(mapping.can_find_someone)

    # ---- search ------------------------------------------------------------------------
    def accept(self) -> None:
        mapping = self.mapping()
        if not mapping.can_find_someone:
            return
        try:
            for preview in self.previews:  # a column the other files lack: say so before reading anything
                mapping.check(preview.headers, preview.name)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.dialogs.error(self, exc)
            return
        source, paths = self.chosen_source(), list(self.paths)
        if self.only_case.isChecked() and self.ref:
            refs = [self.ref]
        else:
            refs = service.open_case_refs(self.register)
            if not refs:
                self.dialogs.warn(self, tr("There is no open request to search for."))
                return
        register = self.register

        def job(progress: Any, cancel: Any) -> service.AttachResult:
            return service.attach(register, refs, paths, source, mapping, progress=progress, cancel=cancel)

        self.search_button.setEnabled(False)
        # keep the job (and its signals) alive while the pool runs it
        self.job = run_job(
            self, self.runner, job, tr("Searching the export files…"), self._on_searched, self._on_failed
        )

    def _on_searched(self, result: service.AttachResult) -> None:
        self.result_of_search = result
        self.dialogs.info(self, self.summary(result))
        super().accept()

    def _on_failed(self, error: BaseException) -> None:
        self.search_button.setEnabled(True)
        if isinstance(error, Cancelled):
            self.dialogs.info(self, describe(error, language()))
        else:
            self.dialogs.error(self, error)

    def summary(self, result: service.AttachResult) -> str:
        system = self.source.currentText()
        read = tr("%n row(s) read", "", result.rows_scanned)
        where = tr("in %n file(s) of {system}", "", len(result.files), system=system)
        matches = tr("%n match(es) to review", "", sum(result.matches_by_case.values()))
        lines = [f"{read} {where}; {matches}."]
        if len(result.matches_by_case) > 1:
            found = sum(1 for count in result.matches_by_case.values() if count)
            lines.append(tr("%n request(s) searched; {found} of them with matches.", "",
                            len(result.matches_by_case), found=found))  # fmt: skip
        for why in result.not_searched.values():
            if why.get("unmapped"):
                lines.append(tr("Not marked searched: no column of {files} can identify a person.",
                                files=", ".join(why["unmapped"])))  # fmt: skip
            elif why.get("needs"):
                lines.append(tr("Not marked searched: the request has none of the identifiers these columns "
                                "can match."))  # fmt: skip
        for info in result.files:
            issues = info.get("issues") or []
            rows = [i for i in issues if i["kind"] == "row"]
            for issue in issues:
                if issue["kind"] != "row":
                    lines.append(f"{info['name']}: {issue['fr'] if language() == 'fr' else issue['en']}")
            if not rows:
                continue
            lines.append("")
            lines.append(tr("Skipped rows in {file}:", file=info["name"]))
            for issue in rows[:10]:
                problem = issue["fr"] if language() == "fr" else issue["en"]
                lines.append(tr("line {line}: {problem}", line=issue["line"], problem=problem))
            if len(rows) > 10:
                lines.append(tr("… and %n more.", "", len(rows) - 10))
        return "\n".join(lines)


def import_files(
    parent: QWidget | None,
    register: Office,
    dialogs: Dialogs,
    runner: Runner,
    *,
    ref: str | None = None,
    source: str | None = None,
) -> ImportDialog | None:
    """Ask for the files, check they can be read, then run the import dialog. Returns it (None if nothing read)."""
    paths = dialogs.open_files(
        parent,
        tr("Choose the export files"),
        tr("Exports (*.csv *.tsv *.txt *.jsonl *.ndjson *.json *.xlsx);;All files (*)"),
    )
    if not paths:
        return None
    source = source or current_catalogue(register).source_ids[0]
    try:
        previews = preview_all(paths, register, source)
    except Exception as exc:  # noqa: BLE001 - empty, binary, unreadable: each its own message
        dialogs.error(parent, exc)
        return None
    dialog = ImportDialog(register, dialogs, runner, paths, previews, ref=ref, source=source, parent=parent)
    dialogs.run(dialog)
    return dialog
