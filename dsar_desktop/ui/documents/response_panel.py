"""The Response section of a case file: what blocks the pack, letter preview, build, print, record the dispatch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.cases import Case, Right, Status
from ...domain.errors import Cancelled, DsarError
from ...services import cases as case_service
from ...services import letters, packs
from ...store.connection import Register
from .. import style
from ..cases.dialogs_case import DispatchDialog
from ..cases.labels import TodayProvider, date_text, moment_text, status_text, today_paris
from ..dialogs import Dialogs
from ..i18n import QT_TR_NOOP, tr
from ..workers import Job, Runner
from .common import PagePreview, PrinterChoice, ask_printer, error_text, kind_label, start_job
from .response_checks import NO_PACK_STATES, PasswordDialog, pack_blockers
from .verify_window import VerifyPackWindow

STAGE_TEXTS = {
    "checks": QT_TR_NOOP("Checking the case…"),
    "data": QT_TR_NOOP("Gathering the confirmed data…"),
    "letter": QT_TR_NOOP("Laying out the letter and annexes…"),
    "seal": QT_TR_NOOP("Sealing the PDF (PAdES)…"),
    "write": QT_TR_NOOP("Writing the files…"),
    "done": QT_TR_NOOP("Done."),
}
RIGHT_TO_KIND = {
    Right.ACCESS: "access_response",
    Right.PORTABILITY: "access_response",
    Right.RECTIFICATION: "confirmation_rectification",
    Right.ERASURE: "confirmation_erasure",
    Right.RESTRICTION: "confirmation_restriction",
    Right.OBJECTION: "confirmation_objection",
    Right.CONSENT_WITHDRAWAL: "confirmation_consent_withdrawal",
}
DISPATCH_FROM = (Status.IN_PROGRESS, Status.EXTENDED, Status.READY)


class ResponsePanel(QWidget):
    """One case's response: blockers, letter preview, pack build (worker + Cancel), print, dispatch."""

    case_changed = Signal(str)
    pack_built = Signal(object)  # PackResult
    build_failed = Signal(object)  # the error, Cancelled included

    def __init__(
        self,
        register: Register,
        dialogs: Dialogs,
        runner: Runner,
        ref: str,
        today_provider: TodayProvider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.runner = runner
        self.ref = ref
        self.today_provider = today_provider or today_paris
        self.ask_printer: Callable[[QWidget | None], PrinterChoice | None] = ask_printer  # tests replace it
        self.case: Case | None = None
        self.blockers: list[str] = []
        self.last_result: packs.PackResult | None = None
        self._job: Job | None = None
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._build()
        self._connect()
        self.refresh()

    # ---- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 2)
        self.blockers_box = QGroupBox(tr("What still blocks the response pack"))
        # A long list (one line per unsearched system) scrolls instead of squeezing its lines into each other.
        blockers_scroll = QScrollArea()
        blockers_scroll.setWidgetResizable(True)
        blockers_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        blockers_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        blockers_inner = QWidget()
        self.blockers_layout = QVBoxLayout(blockers_inner)
        self.blockers_layout.setContentsMargins(0, 0, 0, 0)
        blockers_scroll.setWidget(blockers_inner)
        QVBoxLayout(self.blockers_box).addWidget(blockers_scroll)
        left.addWidget(self.blockers_box)

        letter_box = QGroupBox(tr("Letter"))
        form = QFormLayout(letter_box)
        self.kind_combo = QComboBox()
        for kind in letters.KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.language_combo = QComboBox()
        self.language_combo.addItem(tr("French"), "fr")
        self.language_combo.addItem(tr("English"), "en")
        form.addRow(tr("Letter:"), self.kind_combo)
        form.addRow(tr("Language:"), self.language_combo)
        left.addWidget(letter_box)

        pack_box = QGroupBox(tr("1. Response pack"))
        pack = QVBoxLayout(pack_box)
        pack.addWidget(
            style.role_label(
                tr(
                    "Seals the access response (PAdES) and writes a ZIP with the letter, the data files "
                    "(JSON, CSV) and their manifest."
                ),
                "muted",
            )
        )
        self.encrypt_check = QCheckBox(tr("Encrypt the ZIP (AES) for sending by e-mail"))
        pack.addWidget(self.encrypt_check)
        self.build_button = QPushButton(tr("Build response pack…"))
        self.build_button.setDefault(True)
        self.build_reason = style.role_label("", "muted")
        pack.addWidget(self.build_button)
        pack.addWidget(self.build_reason)
        progress_row = QHBoxLayout()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, len(packs.STAGES))
        self.stage_label = QLabel()
        self.cancel_button = QPushButton(tr("Cancel"))
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QWidget()
        box_layout = QVBoxLayout(self.progress_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.stage_label)
        box_layout.addLayout(progress_row)
        self.progress_box.hide()
        pack.addWidget(self.progress_box)
        self.history_label = style.role_label("", "muted")
        self.history_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        pack.addWidget(self.history_label)
        self.verify_button = QPushButton(tr("Verify this pack…"))
        self.verify_button.hide()
        pack.addWidget(self.verify_button)
        left.addWidget(pack_box)

        send_box = QGroupBox(tr("2. Send"))
        send = QVBoxLayout(send_box)
        send.addWidget(
            style.role_label(
                tr(
                    "Print the letter chosen above for a DL window envelope (the sealed response when a pack "
                    "was just built), then record the date sent and the registered-letter number: the request "
                    "becomes responded."
                ),
                "muted",
            )
        )
        row = QHBoxLayout()
        self.print_button = QPushButton(tr("Print postal reply…"))
        self.dispatch_button = QPushButton(tr("Record dispatch…"))
        row.addWidget(self.print_button)
        row.addWidget(self.dispatch_button)
        send.addLayout(row)
        self.dispatch_reason = style.role_label("", "muted")
        send.addWidget(self.dispatch_reason)
        left.addWidget(send_box)
        left.addStretch(1)

        right = QVBoxLayout()
        self.preview_caption = style.role_label("", "muted")
        right.addWidget(self.preview_caption)
        self.preview = PagePreview(self.runner)
        right.addWidget(self.preview, 1)
        outer.addLayout(right, 3)

    def _connect(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._on_letter_changed)
        self.language_combo.currentIndexChanged.connect(self._on_language_changed)
        self._preview_timer.timeout.connect(self.update_preview)
        self.build_button.clicked.connect(self._on_build)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.print_button.clicked.connect(self._on_print)
        self.dispatch_button.clicked.connect(self._on_dispatch)
        self.verify_button.clicked.connect(self._on_verify)

    # ---- state ------------------------------------------------------------------------
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def letter_language(self) -> str:
        return str(self.language_combo.currentData())

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Other tabs (identity, extracts) change what blocks the pack: look again when shown."""
        super().showEvent(event)
        if self.case is not None and self._job is None:
            before = list(self.blockers)
            self.refresh(preview=False)
            if self.blockers != before:
                self._preview_timer.start()

    def refresh(self, preview: bool = True) -> None:
        """Reload the case, what blocks the pack, the history; redraw the preview."""
        try:
            case = case_service.get_case(self.register, self.ref)
        except DsarError as exc:
            self.dialogs.error(self, exc)
            return
        first = self.case is None
        self.case = case
        if first:
            self._choose_defaults(case)
        self._show_blockers()
        self._show_history()
        self._update_buttons()
        if preview:
            self._preview_timer.start()

    def _choose_defaults(self, case: Case) -> None:
        for combo, value in ((self.language_combo, case.language),):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        kind = next(
            (RIGHT_TO_KIND[Right(r)] for r in case.rights if Right(r) in RIGHT_TO_KIND), "access_response"
        )
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.kind_combo.blockSignals(False)
        self.encrypt_check.setChecked(case.electronic)

    def _show_blockers(self) -> None:
        while self.blockers_layout.count():
            item = self.blockers_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        try:
            self.blockers = pack_blockers(self.register, self.ref, self.letter_language())
        except Exception as exc:  # noqa: BLE001 - a sentence, never a traceback
            self.blockers = [error_text(exc)]
        if not self.blockers:
            self.blockers_layout.addWidget(
                style.role_label(
                    "✓ "
                    + tr(
                        "Nothing blocks the response pack: every system is searched or set aside, every match is reviewed, "
                        "and the Article 15 information is complete."
                    ),
                    "note",
                )
            )
        for sentence in self.blockers:
            self.blockers_layout.addWidget(style.role_label("✗ " + sentence, "error"))

    def _show_history(self) -> None:
        history = packs.pack_history(self.register, self.ref)
        if not history:
            self.history_label.setText(tr("No response pack built yet."))
            return
        last = history[-1]
        self.history_label.setText(
            tr(
                "Last pack: {file}, {when} by {who}; SHA-256 {sha}…{encrypted}",
                file=last.file_name,
                when=moment_text(last.created_at),
                who=last.created_by,
                sha=last.sha256[:16],
                encrypted=tr(" (encrypted)") if last.encrypted else "",
            )
        )

    def _update_buttons(self) -> None:
        busy = self._job is not None
        case = self.case
        self.build_button.setEnabled(not busy and not self.blockers)
        self.build_reason.setText(
            "" if not self.blockers else tr("The pack cannot be built yet: see what blocks it above.")
        )
        self.build_reason.setVisible(bool(self.blockers))
        self.print_button.setEnabled(not busy and case is not None and case.status not in NO_PACK_STATES)
        can_dispatch = case is not None and case.status in DISPATCH_FROM
        self.dispatch_button.setEnabled(not busy and can_dispatch)
        self.dispatch_reason.setVisible(case is not None and not can_dispatch)
        if case is not None and not can_dispatch:
            self.dispatch_reason.setText(
                tr(
                    "The dispatch can be recorded once the request is in progress or ready to send (now: {state}).",
                    state=status_text(case.status),
                )
            )
        for widget in (self.kind_combo, self.language_combo, self.encrypt_check):
            widget.setEnabled(not busy)

    # ---- preview ----------------------------------------------------------------------
    def _on_letter_changed(self) -> None:
        self._preview_timer.start()

    def _on_language_changed(self) -> None:
        self._show_blockers()
        self._update_buttons()
        self._preview_timer.start()

    def update_preview(self) -> None:
        """The chosen letter for this case, drawn from the current template (not recorded as issued)."""
        self._preview_timer.stop()
        if getattr(self.register, "conn", None) is None:
            return  # the register was locked meanwhile
        kind, lang = self.kind(), self.letter_language()
        try:
            source = letters.template_source(self.register, kind, lang).source
            pdf = letters.preview_letter(self.register, kind, lang, source, ref=self.ref)
        except DsarError as exc:
            self.preview_caption.setText("")
            self.preview.show_message(error_text(exc))
            return
        self.preview_caption.setText(
            tr("Preview of this letter for this request: nothing is sent or recorded.")
        )
        self.preview.show_pdf(pdf, self._on_preview_shown)

    def _on_preview_shown(self) -> None:
        self.preview_caption.setText(
            tr(
                "Preview of this letter for this request ({pages} pages): nothing is sent or recorded.",
                pages=self.preview.total_pages,
            )
        )

    # ---- build --------------------------------------------------------------------------
    def _on_build(self) -> None:
        if self._job is not None:
            return
        folder = self.dialogs.choose_folder(self, tr("Folder where the pack is written"))
        if folder is None:
            return
        self.start_build(folder)

    def start_build(self, folder: Path) -> Job:
        register, ref = self.register, self.ref
        lang, encrypt = self.letter_language(), self.encrypt_check.isChecked()
        job = Job(
            lambda progress, cancel: packs.build_pack(
                register, ref, folder, language=lang, encrypt=encrypt, progress=progress, cancel=cancel
            )
        )
        job.signals.progressed.connect(self._on_progressed)
        job.signals.finished.connect(self._on_built)
        job.signals.failed.connect(self._on_build_failed)
        self._job = job
        self.progress_bar.setValue(0)
        self.stage_label.setText(tr(STAGE_TEXTS["checks"]))
        self.cancel_button.setEnabled(True)
        self.progress_box.show()
        self._update_buttons()
        start_job(self.runner, job)
        return job

    def _on_progressed(self, done: int, total: int, stage: str) -> None:
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(min(done, total))
        self.stage_label.setText(tr(STAGE_TEXTS[stage]) if stage in STAGE_TEXTS else stage)

    def _on_cancel(self) -> None:
        if self._job is not None:
            self._job.cancel_token.cancel()
            self.cancel_button.setEnabled(False)

    def _finish_job(self) -> None:
        self._job = None
        self.progress_box.hide()
        self._update_buttons()

    def _on_built(self, result: packs.PackResult) -> None:
        self._finish_job()
        self.last_result = result
        self.verify_button.show()
        if result.password:
            self.dialogs.run(PasswordDialog(result.password, self))
        self.dialogs.info(
            self,
            tr(
                "Response pack written:\n{zip}\n{pdf}\nSHA-256 of the pack (kept in the case): {sha}",
                zip=str(result.zip),
                pdf=str(result.pdf),
                sha=result.sha256,
            ),
        )
        self.refresh()
        self.pack_built.emit(result)
        self.case_changed.emit(self.ref)

    def _on_verify(self) -> VerifyPackWindow | None:
        """The pack just built, in the verify window, against this register's seal certificate."""
        result = self.last_result
        if result is None:
            return None
        window = VerifyPackWindow(self.dialogs, self.runner, self.register, parent=self)
        window.path_edit.setText(str(result.zip))
        window.password_edit.setText(result.password or "")  # still in memory only, never stored
        window.open()
        window.verify()
        return window

    def _on_build_failed(self, error: BaseException) -> None:
        self._finish_job()
        if isinstance(error, Cancelled):
            self.dialogs.info(self, tr("Cancelled: no file was written."))
        else:
            self.dialogs.error(self, error)
        self.refresh()
        self.build_failed.emit(error)

    # ---- print and dispatch ---------------------------------------------------------------
    def _letter_to_print(self) -> bytes:
        """The sealed response of the pack built in this session when it matches, else the chosen letter."""
        result = self.last_result
        if self.kind() == "access_response" and result is not None and result.pdf.is_file():
            if f"-{self.letter_language()}.pdf" in result.pdf.name:
                return result.pdf.read_bytes()
        return letters.build_letter(self.register, self.ref, self.kind(), self.letter_language())

    def _on_print(self) -> None:
        try:
            letters.check_postal_address(self.register, self.ref)
        except DsarError as exc:
            self.dialogs.error(self, exc)
            return
        choice = self.ask_printer(self)
        if choice is None:
            return
        try:
            pdf = self._letter_to_print()
            job = packs.print_postal_reply(
                self.register, self.ref, pdf, choice.name, copies=choice.copies, duplex=choice.duplex
            )
        except Exception as exc:  # noqa: BLE001 - one sentence for the person
            self.dialogs.error(self, exc)
            return
        self.dialogs.info(
            self,
            tr(
                "Sent to {printer} (job {job}). When the letter has gone, record the dispatch with its registered-letter "
                "number.",
                printer=choice.name,
                job=job,
            ),
        )

    def _on_dispatch(self) -> None:
        case = self.case
        if case is None or case.status not in DISPATCH_FROM:
            return
        dialog = DispatchDialog(self.ref, self.today_provider(), case.electronic, self)
        if not self.dialogs.run(dialog):
            return
        sent_on, number = dialog.sent_on(), dialog.number()
        try:
            self.record_dispatch(sent_on, number)
        except Exception as exc:  # noqa: BLE001 - the core's refusal as one sentence
            self.dialogs.error(self, exc)
            self.refresh()
            return
        self.dialogs.info(
            self,
            tr(
                "The reply to {ref} is recorded as sent on {date}; the request is now responded.",
                ref=self.ref,
                date=date_text(sent_on),
            ),
        )
        self.refresh()
        self.case_changed.emit(self.ref)

    def record_dispatch(self, sent_on: dt.date, number: str | None) -> Any:
        """Ready to send, then responded, in one transaction (the timeline shows both steps)."""
        assert self.case is not None
        with self.register.transaction():
            if self.case.status != Status.READY:
                case_service.transition(self.register, self.ref, Status.READY)
            return case_service.record_dispatch(self.register, self.ref, sent_on, number)
