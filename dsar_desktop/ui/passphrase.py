"""The one new-passphrase widget (first run, key slots): typed twice, with a strength meter shown as it is typed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QProgressBar, QWidget

from ..services import register as register_service
from . import style
from .i18n import language, tr

# zxcvbn's scale (0 = guessed at once .. 4 = very hard); the minimum itself is the service's rule.
TOP_SCORE = 4


class PassphraseFields(QWidget):
    """A passphrase typed twice, a meter and a sentence saying how it stands; `valid` says whether it can be used.

    The meter's `level` property is "empty", "weak" (below the minimum), "enough" or "strong", for
    the stylesheet and for tests; its value is zxcvbn's score.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setRange(0, TOP_SCORE)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(10)
        self.meter.setAccessibleName(tr("Passphrase strength"))
        self.hint = style.role_label("", "muted")
        form = self.form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(tr("Passphrase"), self.first)
        form.addRow(tr("Passphrase again"), self.second)
        form.addRow(tr("Strength"), self.meter)
        form.addRow("", self.hint)
        self._strength_ok = False
        self.first.textChanged.connect(self._on_text_changed)
        self.second.textChanged.connect(self._on_text_changed)
        self._on_text_changed()

    def passphrase(self) -> str:
        return self.first.text()

    def valid(self) -> bool:
        return self._strength_ok and self.first.text() == self.second.text()

    def level(self) -> str:
        return str(self.meter.property("level"))

    def _on_text_changed(self, _text: str = "") -> None:
        typed = self.first.text()
        if not typed:
            self._strength_ok = False
            self._show(0, "empty", tr("Type a passphrase: how hard it is to guess shows here as you type."))
            self.changed.emit()
            return
        # The rule (length, never blank, zxcvbn estimate) is the service's; shown here as it is typed.
        strength = register_service.passphrase_strength(typed)
        self._strength_ok = strength.ok
        level = "weak" if not strength.ok else ("strong" if strength.score >= TOP_SCORE else "enough")
        sentence = strength.fr if language() == "fr" else strength.en
        if strength.ok and self.second.text() and self.second.text() != typed:
            sentence = tr("The two passphrases are different.")
        self._show(strength.score, level, sentence)
        self.changed.emit()

    def _show(self, value: int, level: str, sentence: str) -> None:
        self.meter.setValue(value)
        self.meter.setProperty("level", level)
        self.meter.style().unpolish(self.meter)
        self.meter.style().polish(self.meter)
        self.hint.setText(sentence)
        self.meter.setAccessibleDescription(sentence)
