"""An heir's request: record what the deceased person decided for their data after death (LIL art. 85)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.directives import LABELS, Finding
from ...domain.errors import DsarError, describe
from ...services import directives
from .. import style
from ..dialogs import error_line
from ..i18n import language, pick, tr


class DirectivesDialog(QDialog):
    """The finding, what the directives ask and where they were found; the service checks and records."""

    def __init__(self, register: Any, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register, self.ref = register, ref
        self.setWindowTitle(tr("Post-mortem directives"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = style.role_label(
            tr(
                "Heirs act only in the absence of directives, or within them (LIL art. 85). Look in the office's "
                "register of particular directives and ask the heirs whether general directives were registered "
                "with a trusted third party; the reply states exactly what you record here."
            ),
            "muted",
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.finding_combo = QComboBox()
        for finding in Finding:
            self.finding_combo.addItem(pick(LABELS[finding]), finding.value)
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setPlaceholderText(tr("What they ask: keep, erase, communicate to whom"))
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setMaximumHeight(90)
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(tr("For example: our register of directives, checked on 25/11"))
        form.addRow(tr("Finding:"), self.finding_combo)
        form.addRow(tr("What the directives ask:"), self.summary_edit)
        form.addRow(tr("How it was checked:"), self.source_edit)
        layout.addLayout(form)
        self.error = error_line()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.finding_combo.currentIndexChanged.connect(self._on_finding)
        self._on_finding()

    def _on_finding(self) -> None:
        self.summary_edit.setEnabled(self.finding_combo.currentData() != Finding.NONE_KNOWN.value)

    def accept(self) -> None:
        """Record through the service; a refusal is shown here and what was typed is kept."""
        try:
            directives.record(
                self.register,
                self.ref,
                str(self.finding_combo.currentData()),
                self.summary_edit.toPlainText(),
                self.source_edit.text(),
            )
        except DsarError as exc:
            self.error.setText(describe(exc, language()))
            self.error.show()
            return
        super().accept()
