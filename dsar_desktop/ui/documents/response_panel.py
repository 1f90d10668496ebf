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

from ...domain.case_actions import Action, Allowances, dispatch_without_pack_allowed
from ...domain.cases import Capacity, Case, Right
from ...domain.errors import Cancelled, DsarError
from ...services import cases as case_service
from ...services import letters, packs
from ...services.office import Office
from .. import style
from ..cases.dialogs_case import dispatch_dialog
from ..cases.labels import TodayProvider, date_text, moment_text, today_paris
from ..dialogs import Dialogs
from ..i18n import QT_TR_NOOP, language, tr
from ..mail.drafts import open_in_mail_client
from ..printing import QtPrinter, ask_printer
from ..workers import Job, Runner
from .common import PagePreview, error_text, kind_label, start_job
from .response_checks import PasswordDialog, pack_blockers
from .verify_window import VerifyPackWindow

STAGE_TEXTS = {
    "checks": QT_TR_NOOP("Checking the case…"),
    "data": QT_TR_NOOP("Gathering the confirmed data…"),
    "letter": QT_TR_NOOP("Laying out the letter and annexes…"),
    "seal": QT_TR_NOOP("Sealing the PDF (PAdES)…"),
    "write": QT_TR_NOOP("Writing the files…"),
    "done": QT_TR_NOOP("Done."),
}


class ResponsePanel(QWidget):
    """One case's response: blockers, letter preview, pack build (worker + Cancel), print, dispatch."""

    case_changed = Signal(str)
    pack_built = Signal(object)  # PackResult
    build_failed = Signal(object)  # the error, Cancelled included

    def __init__(
        self,
        register: Office,
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
        self.ask_printer: Callable[[QWidget | None], QtPrinter | None] = ask_printer  # tests replace it
        self.mail_opener: Callable[[Path], bool] = open_in_mail_client  # tests replace it
        self.case: Case | None = None
        self.allowances: Allowances | None = None
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
        self.recipients_button = QPushButton(tr("Recipients informed (Art. 19)…"))
        form.addRow("", self.recipients_button)
        self.directives_button = QPushButton(tr("Post-mortem directives (heir)…"))
        self.directives_button.setVisible(False)  # shown for a request made as an heir only
        form.addRow("", self.directives_button)
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
        self.technical_check = QCheckBox(tr("Add a technical annex page (the files' SHA-256 fingerprints)"))
        self.technical_check.setToolTip(
            tr(
                "A last page after the letter for a lawyer or an IT department: the fingerprint of each data "
                "file, the audit head this pack proves and the seal certificate's. The letter itself never "
                "carries them."
            )
        )
        pack.addWidget(self.technical_check)
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
        self.mail_button = QPushButton(tr("Prepare e-mail…"))
        self.mail_button.setToolTip(
            tr("A draft of the reply with the pack attached, opened in your mail client")
        )
        row.addWidget(self.print_button)
        row.addWidget(self.mail_button)
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
        self.mail_button.clicked.connect(self._on_prepare_mail)
        self.verify_button.clicked.connect(self._on_verify)
        self.recipients_button.clicked.connect(self._on_recipients)
        self.directives_button.clicked.connect(self._on_directives)

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
        self.directives_button.setVisible(case.capacity == Capacity.HEIR)
        self.allowances = case_service.allowed(self.register, self.ref, self.today_provider())
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
        kind = letters.default_letter(case)  # the rule lives in the letters service
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
        allowances = self.allowances
        print_refusal = allowances.why_not(Action.PRINT) if allowances else None
        self.print_button.setEnabled(not busy and case is not None and print_refusal is None)
        self.print_button.setToolTip(style.plain_tip(print_refusal.sentence(language())) if print_refusal else "")
        dispatch_refusal = allowances.why_not(Action.DISPATCH) if allowances else None
        # Without a current sealed pack the dispatch can still be recorded, with the reason the reply went another way.
        can_dispatch = allowances is not None and (
            dispatch_refusal is None or dispatch_without_pack_allowed(allowances) is None
        )
        self.dispatch_button.setEnabled(not busy and can_dispatch)
        reason = dispatch_refusal.sentence(language()) if dispatch_refusal else ""
        self.dispatch_reason.setVisible(bool(reason))
        self.dispatch_reason.setText(reason)
        self.dispatch_button.setToolTip(style.plain_tip(reason))  # the domain's sentence may name a person
        for widget in (self.kind_combo, self.language_combo, self.encrypt_check, self.technical_check):
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
        technical = self.technical_check.isChecked()
        job = Job(
            lambda progress, cancel: packs.build_pack(
                register, ref, folder, language=lang, encrypt=encrypt, progress=progress, cancel=cancel,
                technical_annex=technical,
            )
        )  # fmt: skip
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
        # Called inside the delivery of the job's own signal: keep a reference until the next job, since
        # freeing the job (and its signals' QObject) mid-emit can crash (seen on the statistics page).
        self._last_job, self._job = self._job, None
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
                pdf=str(result.pdf) if result.pdf else tr("(no PDF in clear: the pack is encrypted)"),
                sha=result.sha256,
            ),
        )
        self.refresh()
        self.pack_built.emit(result)
        self.case_changed.emit(self.ref)

    def _on_recipients(self) -> None:
        from .recipients_dialog import RecipientsDialog

        try:
            dialog = RecipientsDialog(self.register, self.dialogs, self.ref, self.today_provider(), self)
        except DsarError as exc:  # e.g. systems still to search: the worklist needs the confirmed data
            self.dialogs.error(self, exc)
            return
        self.dialogs.run(dialog)
        self.refresh()

    def _on_directives(self) -> None:
        from .directives_dialog import DirectivesDialog

        if self.dialogs.run(DirectivesDialog(self.register, self.ref, self)):
            self.refresh()
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
        reply = letters.reply_kind([Right(r) for r in self.case.rights]) if self.case else "access_response"
        if self.kind() == reply and result is not None and result.sealed_pdf is not None:
            if f"-{self.letter_language()}.pdf" in result.pdf_name:
                return result.sealed_pdf  # from memory: an encrypted pack has no clear copy on disk
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
            packs.print_postal_reply(self.register, self.ref, pdf, choice)
        except Exception as exc:  # noqa: BLE001 - one sentence for the person
            self.dialogs.error(self, exc)
            return
        self.dialogs.info(
            self,
            tr(
                "Sent to {printer}. When the letter has gone, record the dispatch with its registered-letter number.",
                printer=choice.name,
            ),
        )

    def _on_prepare_mail(self) -> None:
        """The reply as an e-mail draft: the pack just built (else the person picks it), the sealed letter."""
        from ..mail.drafts import prepare_draft

        pack = self.last_result.zip if self.last_result is not None else None
        prepare_draft(
            self, self.register, self.dialogs, self.ref, "reply", pack=pack, opener=self.mail_opener
        )
        self.case_changed.emit(self.ref)

    def _on_dispatch(self) -> None:
        case, allowances = self.case, self.allowances
        if case is None or allowances is None:
            return
        without_pack: str | None = None
        refusal = allowances.why_not(Action.DISPATCH)
        if refusal is not None:
            if dispatch_without_pack_allowed(allowances) is not None:
                return
            without_pack = self.dialogs.ask_text(
                self,
                tr("Reply without a sealed pack"),
                refusal.sentence(language())
                + "\n\n"
                + tr("If the reply went another way, say how and why (kept in the timeline and the statistics):"),
            )
            if without_pack is None or not without_pack.strip():
                return
        dialog = dispatch_dialog(self.register, case, self.today_provider(), self)
        if not self.dialogs.run(dialog):
            return
        sent_on, number = dialog.sent_on(), dialog.number()
        try:
            self.record_dispatch(
                sent_on, number, channel=dialog.channel(), address=dialog.address(), without_pack=without_pack
            )
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

    def record_dispatch(
        self, sent_on: dt.date, number: str | None, *, channel: str | None = None, address: str | None = None,
        without_pack: str | None = None,
    ) -> Any:  # fmt: skip
        """Ready to send, then responded: one service call, one transaction (the timeline shows both steps)."""
        return case_service.record_dispatch(
            self.register, self.ref, sent_on, number, channel=channel, address=address,
            without_pack_reason=without_pack,
        )  # fmt: skip
