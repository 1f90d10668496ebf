"""The letter template editor: Jinja text on the left, live preview on the right, save, revert and history."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DsarError
from ...services import letters
from ...services.office import Office
from .. import style
from ..cases.labels import moment_text
from ..dialogs import Dialogs
from ..fit import fit_to_screen
from ..i18n import tr
from ..workers import Runner
from .code_editor import CodeEditor
from .common import PagePreview, error_text, kind_label

DEBOUNCE_MS = 400


def _when(stamp: str | None) -> str:
    return moment_text(stamp)


class HistoryDialog(QDialog):
    """Every saved version of one template; the chosen one is loaded into the editor (saved only on Save)."""

    def __init__(
        self, versions: list[letters.TemplateVersion], default: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Template history"))
        self.resize(760, 520)
        layout = QHBoxLayout(self)
        self.list = QListWidget()
        self.sources: list[str] = []
        for version in versions:
            text = (
                tr("Version {version} — back to the shipped template — {when} — {who}", version=version.version,
                   when=_when(version.created_at), who=version.created_by or "—")
                if version.source == default
                else tr("Version {version} — {when} — {who}", version=version.version,
                        when=_when(version.created_at), who=version.created_by or "—")
            )  # fmt: skip
            self.list.addItem(QListWidgetItem(text))
            self.sources.append(version.source)
        self.list.addItem(QListWidgetItem(tr("Shipped template")))
        self.sources.append(default)
        self.source_view = QPlainTextEdit()
        self.source_view.setReadOnly(True)
        self.source_view.setFont(style.monospace_font(9))
        right = QVBoxLayout()
        right.addWidget(self.source_view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        load = buttons.addButton(
            tr("Load this version into the editor"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        load.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        right.addWidget(buttons)
        layout.addWidget(self.list, 1)
        layout.addLayout(right, 2)
        self.list.currentRowChanged.connect(lambda row: self.source_view.setPlainText(self.sources[row]))
        self.list.setCurrentRow(0)

    def chosen_source(self) -> str:
        return self.sources[max(0, self.list.currentRow())]


class TemplateEditorDialog(QDialog):
    """Choose kind and language, edit, see the letter 400 ms after the last keystroke; errors show their line."""

    saved = Signal(str, str, int)  # kind, language, version
    preview_updated = Signal()
    preview_failed = Signal(str)

    def __init__(
        self,
        register: Office,
        dialogs: Dialogs,
        runner: Runner,
        ref: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.runner = runner
        self.ref = ref
        self.current: letters.TemplateVersion | None = None
        self.error: str | None = None
        self._saved_source = ""
        self._choice = ("acknowledgement", "fr")
        self.setWindowTitle(tr("Letter templates"))
        fit_to_screen(self, QSize(1240, 780))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self._build()
        self._connect()
        self.load()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Letter:")))
        self.kind_combo = QComboBox()
        for kind in letters.KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        top.addWidget(self.kind_combo, 2)
        top.addWidget(QLabel(tr("Language:")))
        self.language_combo = QComboBox()
        self.language_combo.addItem(tr("French"), "fr")
        self.language_combo.addItem(tr("English"), "en")
        top.addWidget(self.language_combo)
        self.version_label = style.role_label("", "muted")
        top.addWidget(self.version_label, 3)
        layout.addLayout(top)
        self.error_bar = style.role_label("", "error")
        self.error_bar.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_bar.hide()
        layout.addWidget(self.error_bar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.editor = CodeEditor()
        left_layout.addWidget(self.editor, 1)
        hint = style.role_label(
            tr(
                "Two blocks: {% block subject %}…{% endblock %} and {% block body %}…{% endblock %}. In the body a "
                "blank line starts a paragraph, '# ' a heading, '- ' a bullet. Fields: {{ subject_name }}, "
                "{{ requester_name }}, {{ case.ref }}, {{ case.received_date|date }}, {{ case.legal_due|date }}, "
                "{{ dpo.email }}, {{ salutation }}. The legal sections (Article 15, remedies) are added by the "
                "application and cannot be removed."
            ),
            "muted",
        )
        hint.setTextFormat(Qt.TextFormat.PlainText)
        left_layout.addWidget(hint)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_note = style.role_label("", "muted")
        right_layout.addWidget(self.preview_note)
        self.preview = PagePreview(self.runner)
        right_layout.addWidget(self.preview, 1)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([620, 600])
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(tr("Save"))
        self.revert_button = QPushButton(tr("Back to the shipped template…"))
        self.history_button = QPushButton(tr("History…"))
        self.close_button = QPushButton(tr("Close"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.language_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.editor.textChanged.connect(self._on_text_changed)
        self.timer.timeout.connect(self.preview_now)
        self.save_button.clicked.connect(self._on_save)
        self.revert_button.clicked.connect(self._on_revert)
        self.history_button.clicked.connect(self._on_history)
        self.close_button.clicked.connect(self.reject)

    # ---- state --------------------------------------------------------------------------
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def choose(self, kind: str, language: str) -> None:
        """Select a template (asks before discarding unsaved edits)."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.language_combo.setCurrentIndex(self.language_combo.findData(language))

    def source(self) -> str:
        return self.editor.toPlainText()

    def set_source(self, text: str) -> None:
        self.editor.setPlainText(text)

    def is_dirty(self) -> bool:
        return self.source() != self._saved_source

    def load(self) -> None:
        """Read the current version of the chosen template into the editor and preview it at once."""
        try:
            self.current = letters.template_source(self.register, self.kind(), self.language())
        except DsarError as exc:
            self.dialogs.error(self, exc)
            return
        self._choice = (self.kind(), self.language())
        self._saved_source = self.current.source
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.current.source)
        self.editor.blockSignals(False)
        self._show_version()
        self.preview_now()

    def _show_version(self) -> None:
        current = self.current
        if current is None:
            return
        if current.is_default:
            text = tr("The shipped template is in use.")
        else:
            text = tr("Version {version}, saved {when} by {who}.", version=current.version,
                      when=_when(current.created_at), who=current.created_by or "—")  # fmt: skip
        self.version_label.setText(text + (tr(" — unsaved changes") if self.is_dirty() else ""))
        self.save_button.setEnabled(self.is_dirty())

    # ---- events -------------------------------------------------------------------------------
    def _on_choice_changed(self) -> None:
        if (self.kind(), self.language()) == self._choice:
            return
        if self.is_dirty() and not self.dialogs.confirm(
            self, tr("Discard your unsaved changes to this template?")
        ):
            kind, lang = self._choice
            for combo, value in ((self.kind_combo, kind), (self.language_combo, lang)):
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(value))
                combo.blockSignals(False)
            return
        self.load()

    def _on_text_changed(self) -> None:
        self._show_version()
        self.timer.start()

    def preview_now(self) -> None:
        """Render the text as it is; a broken template shows its line and keeps the last good preview."""
        self.timer.stop()
        try:
            pdf = letters.preview_letter(
                self.register, self.kind(), self.language(), self.source(), ref=self.ref
            )
        except DsarError as exc:
            self._show_error(exc)
            return
        self.error = None
        self.error_bar.hide()
        self.editor.mark_error_line(None)
        sample = letters.sample_case(self.language()).ref
        self.preview_note.setText(
            tr("Previewed with request {ref}.", ref=self.ref)
            if self.ref
            else tr("Previewed with the fictitious case {ref}.", ref=sample)
        )
        self.preview.show_pdf(pdf, self.preview_updated.emit)

    def _show_error(self, exc: DsarError) -> None:
        line = exc.facts.get("line")
        if exc.code == "template_invalid":  # the kind and language are on screen already: say where and what
            self.error = tr(
                "Error at line {line}: {message}", line=line, message=exc.facts.get("message", "")
            )
        else:
            self.error = error_text(exc)
        self.error_bar.setText(
            "✗ "
            + self.error
            + "\n"
            + tr(
                "The preview shows the last correct version of the template; the letter is never produced half-written."
            )
        )
        self.error_bar.show()
        self.editor.mark_error_line(line if isinstance(line, int) else None)
        self.preview_failed.emit(self.error)

    def _on_save(self) -> None:
        try:
            version = letters.save_template(self.register, self.kind(), self.language(), self.source())
        except DsarError as exc:
            self._show_error(exc)
            self.dialogs.error(
                self, tr("The template has an error, so it cannot be saved: {error}", error=error_text(exc))
            )
            return
        self.load()
        self.dialogs.info(self, tr("Saved as version {version}.", version=version))
        self.saved.emit(self.kind(), self.language(), version)

    def _on_revert(self) -> None:
        if not self.dialogs.confirm(
            self, tr("Go back to the shipped template? Your edited versions stay in the history.")
        ):
            return
        try:
            version = letters.revert_template(self.register, self.kind(), self.language())
        except DsarError as exc:
            self.dialogs.error(self, exc)
            return
        self.load()
        self.saved.emit(self.kind(), self.language(), version)

    def _on_history(self) -> None:
        versions = letters.template_history(self.register, self.kind(), self.language())
        dialog = HistoryDialog(versions, letters.tpl.default_source(self.kind(), self.language()), self)
        if self.dialogs.run(dialog):
            self.set_source(dialog.chosen_source())
            self.preview_now()

    def reject(self) -> None:
        if self.is_dirty() and not self.dialogs.confirm(
            self, tr("Discard your unsaved changes to this template?")
        ):
            return
        super().reject()
