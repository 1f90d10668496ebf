"""The processing register (catalogue) for the DPO: each activity in French and English, edited into new versions."""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.catalogue import LEGAL_BASES, RETENTION_RULES, SOURCE_CODES
from ...domain.deadlines import format_date
from ...services import catalogue as catalogue_service
from ...services.office import Office
from ..cases.labels import moment_day_text
from ..dialogs import Dialogs
from ..fit import fit_to_screen
from ..i18n import QT_TR_NOOP, language, tr
from ..style import role_label

CODE_LABELS = {
    "consent": QT_TR_NOOP("Consent (Art. 6(1)(a))"),
    "contract": QT_TR_NOOP("Contract (Art. 6(1)(b))"),
    "legal_obligation": QT_TR_NOOP("Legal obligation (Art. 6(1)(c))"),
    "vital_interest": QT_TR_NOOP("Vital interests (Art. 6(1)(d))"),
    "public_task": QT_TR_NOOP("Public task (Art. 6(1)(e))"),
    "legitimate_interest": QT_TR_NOOP("Legitimate interests (Art. 6(1)(f))"),
    "end_of_training_plus": QT_TR_NOOP("End of training plus N years"),
    "from_issue": QT_TR_NOOP("N years from issue"),
    "end_of_relationship": QT_TR_NOOP("N years from the end of the relationship"),
    "fixed": QT_TR_NOOP("Fixed period"),
    "cookie_policy": QT_TR_NOOP("Cookie policy"),
    "data_subject": "The data subject",
    "internal": QT_TR_NOOP("Internal"),
    "third_party": QT_TR_NOOP("A third party"),
}
TEXTS = (("name", "Name"), ("system", QT_TR_NOOP("System or files")))
LISTS = (
    ("purposes", QT_TR_NOOP("Purposes (one per line)")),
    ("data_categories", QT_TR_NOOP("Data categories (one per line)")),
    ("recipients", QT_TR_NOOP("Recipients (one per line)")),
)
CODED = (("legal_basis", QT_TR_NOOP("Legal basis"), "code", LEGAL_BASES),
         ("retention", QT_TR_NOOP("Retention"), "rule", RETENTION_RULES),
         ("source", QT_TR_NOOP("Source of the data"), "code", SOURCE_CODES))  # fmt: skip
PROSE = (
    ("transfers_outside_eu", QT_TR_NOOP("Transfers outside the EU")),
    ("automated_decision", QT_TR_NOOP("Automated decisions")),
)


def _editor(lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setFixedHeight(22 + 18 * lines)
    return edit


class ActivityForm(QWidget):
    """One activity, French beside English, with its codes (legal basis, retention rule, source)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original: dict[str, Any] = {}
        self.texts: dict[str, dict[str, QLineEdit]] = {}
        self.lists: dict[str, dict[str, QPlainTextEdit]] = {}
        self.prose: dict[str, dict[str, QPlainTextEdit]] = {}
        self.codes: dict[str, QComboBox] = {}
        grid = QGridLayout(self)
        grid.addWidget(role_label(tr("French text"), "muted"), 0, 1)
        grid.addWidget(role_label(tr("English text"), "muted"), 0, 2)
        row = 1
        for key, title in TEXTS:
            grid.addWidget(QLabel(tr(title)), row, 0)
            self.texts[key] = {lang: QLineEdit() for lang in ("fr", "en")}
            grid.addWidget(self.texts[key]["fr"], row, 1)
            grid.addWidget(self.texts[key]["en"], row, 2)
            row += 1
        for key, title in LISTS:
            grid.addWidget(QLabel(tr(title)), row, 0, Qt.AlignmentFlag.AlignTop)
            self.lists[key] = {lang: _editor(5) for lang in ("fr", "en")}
            grid.addWidget(self.lists[key]["fr"], row, 1)
            grid.addWidget(self.lists[key]["en"], row, 2)
            row += 1
        for key, title, code_key, codes in CODED:
            grid.addWidget(QLabel(tr(title)), row, 0, Qt.AlignmentFlag.AlignTop)
            line = QHBoxLayout()
            combo = QComboBox()
            for code in codes:
                combo.addItem(tr(CODE_LABELS.get(code, code)), code)
            combo.setObjectName(f"{key}_{code_key}")
            self.codes[key] = combo
            line.addWidget(combo)
            if key == "retention":
                self.years = QSpinBox()
                self.years.setRange(0, 150)
                self.years.valueChanged.connect(self._on_years_changed)
                self._on_years_changed(0)
                line.addWidget(self.years)
            line.addStretch(1)
            grid.addLayout(line, row, 1, 1, 2)
            row += 1
            self.prose[key] = {lang: _editor(3 if key == "retention" else 2) for lang in ("fr", "en")}
            grid.addWidget(self.prose[key]["fr"], row, 1)
            grid.addWidget(self.prose[key]["en"], row, 2)
            row += 1
        for key, title in PROSE:
            grid.addWidget(QLabel(tr(title)), row, 0, Qt.AlignmentFlag.AlignTop)
            self.prose[key] = {lang: _editor(3) for lang in ("fr", "en")}
            grid.addWidget(self.prose[key]["fr"], row, 1)
            grid.addWidget(self.prose[key]["en"], row, 2)
            row += 1
        self.registration = QCheckBox(tr("Registrations or applications (minors' check)"))
        self.portable = QCheckBox(tr("Data the person provided (portability)"))
        # One per row across both columns: side by side, their French text made the form wider than the window.
        grid.addWidget(self.registration, row, 1, 1, 2)
        grid.addWidget(self.portable, row + 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(row + 2, 1)

    def show_activity(self, activity: dict[str, Any]) -> None:
        self.original = copy.deepcopy(activity)
        for key, pair in self.texts.items():
            for lang, edit in pair.items():
                edit.setText(str(activity.get(key, {}).get(lang, "")))
                edit.setCursorPosition(0)  # show the start of a long text, not its end
        for key, pair in self.lists.items():
            for lang, edit in pair.items():
                edit.setPlainText("\n".join(activity.get(key, {}).get(lang, [])))
        for key, pair in self.prose.items():
            for lang, edit in pair.items():
                edit.setPlainText(str(activity.get(key, {}).get(lang, "")))
        for key, _title, code_key, _codes in CODED:
            combo = self.codes[key]
            combo.setCurrentIndex(max(0, combo.findData(activity.get(key, {}).get(code_key))))
        self.years.setValue(int(activity.get("retention", {}).get("years", 0)))
        self.registration.setChecked(bool(activity.get("registration_source", False)))
        self.portable.setChecked(bool(activity.get("portable", False)))

    def activity(self) -> dict[str, Any]:
        """The edited activity (fields the form does not show are kept as they were)."""
        result = copy.deepcopy(self.original)
        for key, pair in self.texts.items():
            result[key] = {lang: edit.text().strip() for lang, edit in pair.items()}
        for key, pair in self.lists.items():
            result[key] = {
                lang: [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]
                for lang, edit in pair.items()
            }
        for key, pair in self.prose.items():
            result[key] = {
                **result.get(key, {}),
                **{lang: e.toPlainText().strip() for lang, e in pair.items()},
            }
        for key, _title, code_key, _codes in CODED:
            result[key][code_key] = self.codes[key].currentData()
        if self.years.value() or "years" in result["retention"]:
            result["retention"]["years"] = self.years.value()
        result["registration_source"] = self.registration.isChecked()
        result["portable"] = self.portable.isChecked()
        return result

    def changed(self) -> bool:
        return bool(self.original) and self.activity() != self.original

    def _on_years_changed(self, years: int) -> None:
        self.years.setSuffix(tr(" year(s)", "", years))


class CatalogueDialog(QDialog):
    """Browse and edit the register's activities; every save is a new version with a note."""

    def __init__(self, register: Office, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.setWindowTitle(tr("Processing register"))
        fit_to_screen(self, QSize(1180, 780))
        self.catalogue = catalogue_service.current_catalogue(register)
        self._current = -1
        self.drafts: list[dict[str, Any]] = []
        self._build()
        self._connect()
        self.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.version_line = role_label("", "note")
        layout.addWidget(self.version_line)
        layout.addWidget(role_label(tr("Each activity is one system whose exports are searched; the letter's "
                                       "Article 15 information comes from here."), "muted"))  # fmt: skip
        self.tabs = QTabWidget()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.activities = QListWidget()
        left_layout.addWidget(self.activities, 1)
        self.new_button = QPushButton(tr("New activity…"))
        left_layout.addWidget(self.new_button)
        splitter.addWidget(left)
        self.form = ActivityForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        splitter.addWidget(scroll)
        splitter.setSizes([300, 880])
        self.tabs.addTab(splitter, tr("Activities"))
        self.versions = QTableWidget(0, 5)
        self.versions.setHorizontalHeaderLabels(
            [tr("Version"), tr("Date"), tr("By"), tr("Note"), tr("Fingerprint (SHA-256)")]
        )
        self.versions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions.verticalHeader().hide()
        for column, width in enumerate((70, 170, 110, 520)):
            self.versions.setColumnWidth(column, width)
        self.versions.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.versions, tr("Versions"))
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(tr("What changed (kept with the version)")))
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("e.g. newsletter retention aligned on the 2027 policy"))
        bottom.addWidget(self.note, 1)
        self.save_button = QPushButton(tr("Save as a new version"))
        self.close_button = QPushButton(tr("Close"))
        self.save_button.setDefault(True)
        for button in (self.new_button, self.close_button):
            button.setAutoDefault(False)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.activities.currentRowChanged.connect(self._on_activity_chosen)
        self.save_button.clicked.connect(self._on_save)
        self.new_button.clicked.connect(self._on_new)
        self.close_button.clicked.connect(self.reject)

    def reload(self, select: int = 0) -> None:
        self.catalogue = catalogue_service.current_catalogue(self.register)
        versions = catalogue_service.catalogue_versions(self.register)
        last = versions[-1] if versions else None
        if last is not None:
            self.version_line.setText(tr("Version {version}, saved by {who} on {when}: {note}", version=last.version,
                                         who=last.actor, when=_day(last.created_at), note=last.note or "—"))  # fmt: skip
        self.versions.setRowCount(len(versions))
        for row, version in enumerate(reversed(versions)):
            values = (str(version.version), version.created_at.replace("T", " ")[:19], version.actor,
                      version.note, version.sha256[:16] + "…")  # fmt: skip
            for column, value in enumerate(values):
                self.versions.setItem(row, column, QTableWidgetItem(value))
        self.activities.blockSignals(True)
        self.activities.clear()
        for activity in self.catalogue.activities:
            self.activities.addItem(activity.text("name", language()))
        self.drafts = []
        self.activities.blockSignals(False)
        self._current = -1
        self.activities.setCurrentRow(min(select, self.activities.count() - 1))

    def _on_activity_chosen(self, row: int) -> None:
        if row == self._current or row < 0:
            return
        if self._current >= 0 and self.form.changed():
            name = self.catalogue.activities[self._current].text("name", language())
            if not self.dialogs.confirm(self, tr("Discard the changes to “{name}”?", name=name)):
                self.activities.blockSignals(True)
                self.activities.setCurrentRow(self._current)
                self.activities.blockSignals(False)
                return
        self._current = row
        self.form.show_activity([*self.catalogue.sources, *self.drafts][row])

    def _on_new(self) -> None:
        """A new system: an empty activity that can be saved once every field is filled in both languages."""
        answer = self.dialogs.ask_text(
            self,
            tr("New activity"),
            tr("Short identifier of the new system (lower-case letters, digits and _), e.g. alumni_events:"),
        )
        if answer is None:
            return
        ident = answer.strip()
        taken = {*self.catalogue.source_ids, *(d["id"] for d in self.drafts)}
        if ident in taken or not re.fullmatch(r"[a-z][a-z0-9_]{1,39}", ident):
            self.dialogs.warn(self, tr("“{ident}” cannot be used: it must be 2 to 40 lower-case letters, digits "
                                       "or _, and not in use.", ident=ident))  # fmt: skip
            return
        empty = {"fr": "", "en": ""}
        draft: dict[str, Any] = {"id": ident}
        draft.update({key: dict(empty) for key, _title in (*TEXTS, *PROSE)})
        draft.update({key: {"fr": [], "en": []} for key, _title in LISTS})
        draft["legal_basis"] = {"code": LEGAL_BASES[0], **empty}
        draft["retention"] = {"rule": "fixed", "years": 0, **empty}
        draft["source"] = {"code": SOURCE_CODES[0], **empty}
        draft.update({"registration_source": False, "portable": False})
        self.drafts.append(draft)
        self.activities.addItem(tr("{name} (not saved yet)", name=ident))
        self.activities.setCurrentRow(self.activities.count() - 1)

    def _on_save(self) -> None:
        note = self.note.text().strip()
        if not note:
            self.dialogs.warn(self, tr("Say what changed before saving."))
            return
        before = self.catalogue.version
        try:
            saved = catalogue_service.update_activity(self.register, self.form.activity(), note)
        except Exception as exc:  # noqa: BLE001 - CatalogueInvalid lists every problem
            self.dialogs.error(self, exc)
            return
        if saved.version == before and not self.drafts:
            self.dialogs.info(
                self, tr("Nothing changed: the register stays at version {version}.", version=before)
            )
            return
        self.note.clear()
        self.reload(select=self._current)
        self.dialogs.info(
            self,
            tr(
                "Saved as version {version}. Response packs built from now on cite this version.",
                version=saved.version,
            ),  # fmt: skip
        )


def _day(stamp: str) -> str:
    """An ISO time stamp as a date in the interface language ('dim. 29 novembre 2026'); as stored if odd."""
    if len(stamp) > 10:  # a moment stored in UTC: its Paris day
        return moment_day_text(stamp)
    try:
        return format_date(dt.date.fromisoformat(stamp[:10]), language())
    except ValueError:
        return stamp[:10]
