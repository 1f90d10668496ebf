"""The "Verify a pack" window: intact, trusted, coverage and manifest of any pack ZIP or sealed PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import certificates, packs
from ...services.office import Office
from .. import style
from ..cases.labels import moment_text
from ..dialogs import Dialogs
from ..fit import fit_to_screen
from ..i18n import QT_TR_NOOP, tr
from ..workers import Job, Runner
from .common import start_job

VERIFY_INTRO = QT_TR_NOOP(
    "Checks that a response pack or a sealed letter has not been changed since it was sealed, and who sealed "
    "it. Choose the file, then Verify: the result shows below."
)

CHECK, CROSS, DASH = "✓", "✗", "–"
PASSED_COLOUR = "#1e6b34"  # 6.6:1 on white
VERDICT_STYLE = (
    "QLabel { font-size: 12pt; font-weight: bold; }"
    f' QLabel[role="success"] {{ color: {PASSED_COLOUR}; background: #e3f4e8; border: 1px solid {PASSED_COLOUR};'
    " border-radius: 3px; padding: 8px; }"
)


def _paris_time(stamp: str | None) -> str:
    """The claimed signing time in Paris time (the office's clock), as 2026-11-29 12:17."""
    if not stamp:
        return "—"
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        return stamp.replace("T", " ")
    return moment_text(moment) + " (Paris)"


def check_sentences(result: packs.VerifyResult, trust_given: bool) -> dict[str, tuple[bool | None, str]]:
    """Each check as (passed, sentence in the user's language); None when it does not apply."""
    if result.trusted:
        trusted = (True, tr("The seal was made with the certificate you trust."))
    elif not trust_given:
        trusted = (False, tr("No certificate to trust was given: who sealed the file is not confirmed."))
    else:
        trusted = (False, tr("The seal does not come from the certificate you trust."))
    whole = result.coverage == "entire_file"
    if result.manifest_ok is None:
        manifest: tuple[bool | None, str] = (None, tr("A lone PDF: there is no manifest to compare."))
    elif result.manifest_ok:
        manifest = (True, tr("Every file of the pack matches the manifest and the hashes sealed in the PDF."))
    else:
        manifest = (False, tr("The files of the pack do not match its manifest."))
    return {
        "intact": (
            result.intact,
            tr("Nothing was changed since the seal was applied.")
            if result.intact
            else tr("The file was changed after it was sealed, or it is damaged: do not rely on it."),
        ),
        "trusted": trusted,
        "coverage": (
            whole,
            tr("The seal covers the whole file.")
            if whole
            else tr(
                "The seal covers only part of the file ({coverage}): something was added after sealing.",
                coverage=result.coverage,
            ),
        ),  # fmt: skip
        "manifest": manifest,
    }


class VerifyPackWindow(QDialog):
    """Open a .zip or .pdf, give a certificate to trust (a file or this register's seal) and a password."""

    verified = Signal(object)  # VerifyResult
    verify_failed = Signal(object)

    TITLES = {
        "intact": QT_TR_NOOP("Intact"),
        "trusted": QT_TR_NOOP("Trusted"),
        "coverage": QT_TR_NOOP("Whole file"),
        "manifest": QT_TR_NOOP("Manifest"),
    }

    def __init__(
        self,
        dialogs: Dialogs,
        runner: Runner,
        register: Office | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.dialogs = dialogs
        self.runner = runner
        self.register = register
        self.last_result: packs.VerifyResult | None = None
        self._job: Job | None = None
        self.setWindowTitle(tr("Verify a pack"))
        fit_to_screen(self, QSize(900, 640))
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = style.role_label(tr(VERIFY_INTRO), "muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.path_edit = QLineEdit()
        form.addRow(tr("Pack or sealed PDF:"), self._with_button(self.path_edit, self._on_choose_pack))
        self.trust_edit = QLineEdit()
        form.addRow(tr("Certificate to trust:"), self._with_button(self.trust_edit, self._on_choose_trust))
        self.register_trust = QCheckBox(tr("Trust the seal certificate of this register"))
        self.register_trust.setVisible(self.register is not None)
        self.register_trust.setChecked(self.register is not None)
        self.register_trust.toggled.connect(lambda on: self.trust_edit.setEnabled(not on))
        self.trust_edit.setEnabled(self.register is None)
        form.addRow("", self.register_trust)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("Password (encrypted pack):"), self.password_edit)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.verify_button = QPushButton(tr("Verify"))
        self.verify_button.setDefault(True)
        self.verify_button.clicked.connect(self.verify)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        row.addWidget(self.verify_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

        self.verdict = style.role_label("", "note")
        self.verdict.setStyleSheet(VERDICT_STYLE)
        self.verdict.hide()
        layout.addWidget(self.verdict)
        self.result_box = QGroupBox(tr("Result"))
        grid = QGridLayout(self.result_box)
        self.marks: dict[str, QLabel] = {}
        self.sentences: dict[str, QLabel] = {}
        for i, key in enumerate(self.TITLES):
            mark, title, sentence = QLabel(), QLabel(f"<b>{tr(self.TITLES[key])}</b>"), QLabel()
            mark.setStyleSheet("font-size: 16pt; font-weight: bold;")
            sentence.setWordWrap(True)
            grid.addWidget(mark, i, 0)
            grid.addWidget(title, i, 1)
            grid.addWidget(sentence, i, 2)
            self.marks[key], self.sentences[key] = mark, sentence
        grid.setColumnStretch(2, 1)
        facts = QFormLayout()
        self.signer_label, self.time_label, self.fingerprint_label, self.case_label = (
            QLabel() for _ in range(4)
        )
        for label in (self.signer_label, self.time_label, self.fingerprint_label, self.case_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        facts.addRow(tr("Signer:"), self.signer_label)
        facts.addRow(tr("Sealed on (claimed):"), self.time_label)
        facts.addRow(tr("Certificate fingerprint:"), self.fingerprint_label)
        facts.addRow(tr("Request:"), self.case_label)
        grid.addLayout(facts, len(self.TITLES), 0, 1, 3)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(110)
        self.details_title = QLabel(tr("Technical details:"))
        grid.addWidget(self.details_title, len(self.TITLES) + 1, 0, 1, 3)
        grid.addWidget(self.details, len(self.TITLES) + 2, 0, 1, 3)
        self.result_box.hide()
        layout.addWidget(self.result_box)
        layout.addStretch(1)

    @staticmethod
    def _with_button(edit: QLineEdit, handler: Any) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(tr("Choose…"))
        button.clicked.connect(handler)
        row.addWidget(button)
        return box

    def _on_choose_pack(self) -> None:
        path = self.dialogs.open_file(
            self, tr("Choose the pack to verify"), tr("Response pack (*.zip *.pdf)")
        )
        if path is not None:
            self.path_edit.setText(str(path))

    def _on_choose_trust(self) -> None:
        path = self.dialogs.open_file(
            self, tr("Choose the certificate to trust"), tr("Certificate (*.pem *.crt *.cer *.der)")
        )
        if path is not None:
            self.register_trust.setChecked(False)
            self.trust_edit.setText(str(path))

    # ---- verifying ---------------------------------------------------------------------------
    def verify(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.dialogs.warn(self, tr("Choose a pack (.zip) or a sealed PDF first."))
            return
        path = Path(text)
        password = self.password_edit.text() or None
        pem: bytes | None = None
        trust: Path | None = None
        if self.register is not None and self.register_trust.isChecked():
            try:
                # read here: the register is used on this thread only
                pem = certificates.certificate_pem(self.register)
            except Exception as exc:  # noqa: BLE001 - shown as a sentence
                self.dialogs.error(self, exc)
                return
        elif self.trust_edit.text().strip():
            trust = Path(self.trust_edit.text().strip())
        self._trust_given = pem is not None or trust is not None
        self.verify_button.setEnabled(False)
        self.verify_button.setText(tr("Verifying…"))
        job = Job(lambda progress, cancel: _verify(path, trust, pem, password))
        job.signals.finished.connect(self._on_verified)
        job.signals.failed.connect(self._on_failed)
        self._job = job
        start_job(self.runner, job)

    def _done(self) -> None:
        # inside the job's own signal: keep it alive until the next one (freeing it mid-emit can crash)
        self._last_job, self._job = self._job, None
        self.verify_button.setEnabled(True)
        self.verify_button.setText(tr("Verify"))

    def _on_failed(self, error: BaseException) -> None:
        self._done()
        self.dialogs.error(self, error)
        self.verify_failed.emit(error)

    def _on_verified(self, result: packs.VerifyResult) -> None:
        self._done()
        self.last_result = result
        self.show_result(result, self._trust_given)
        self.verified.emit(result)

    def show_result(self, result: packs.VerifyResult, trust_given: bool) -> None:
        sentences = check_sentences(result, trust_given)
        colours = {True: PASSED_COLOUR, False: style.ERROR, None: style.MUTED}
        for key, (passed, sentence) in sentences.items():
            mark = CHECK if passed else DASH if passed is None else CROSS
            self.marks[key].setText(mark)
            self.marks[key].setStyleSheet(f"font-size: 16pt; font-weight: bold; color: {colours[passed]};")
            self.sentences[key].setText(sentence)
        good = result.intact and result.coverage == "entire_file" and result.manifest_ok is not False
        if good and result.trusted:
            self.verdict.setText(CHECK + " " + tr("This pack is authentic and complete."))
            style.set_role(self.verdict, "success")
        elif good:
            self.verdict.setText(
                tr(
                    "This pack is intact and complete, but who sealed it is not confirmed: give the office's certificate."
                )
            )
            style.set_role(self.verdict, "warning")
        else:
            self.verdict.setText(CROSS + " " + tr("Do not rely on this pack: see the checks below."))
            style.set_role(self.verdict, "error")
        self.verdict.show()
        self.signer_label.setText(result.signer or "—")
        self.time_label.setText(_paris_time(result.signing_time))
        self.fingerprint_label.setText(result.fingerprint or "—")
        self.case_label.setText(result.case_ref or "—")
        self.details.setPlainText("\n".join(result.details))
        self.details.setVisible(bool(result.details))
        self.details_title.setVisible(bool(result.details))
        self.result_box.show()

    def sentence(self, key: str) -> str:
        return self.marks[key].text() + " " + self.sentences[key].text()


def _verify(path: Path, trust: Path | None, pem: bytes | None, password: str | None) -> packs.VerifyResult:
    """On the worker: against the chosen certificate file, or the register's own certificate given as bytes."""
    return packs.verify_pack(path, trust, password=password, trust_pem=pem)
