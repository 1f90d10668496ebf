"""Letterhead and signature settings: letterhead, window-envelope offset with calibration, seal certificate."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DsarError
from ...fileio import read_capped
from ...services import certificates, letters, packs
from ...services.office import Office
from .. import style
from ..cases.labels import moment_day_text
from ..dialogs import Dialogs
from ..i18n import language, pick, tr
from ..printing import QtPrinter, ask_printer


class LettersSettingsDialog(QDialog):
    """Three tabs: letterhead, window envelope (offset, calibration), seal certificate."""

    changed = Signal(str)  # "letterhead", "envelope" or "certificate"

    def __init__(self, register: Office, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.ask_printer: Callable[[QWidget | None], QtPrinter | None] = ask_printer  # tests replace it
        self.logo_png: bytes | None = None
        self.setWindowTitle(tr("Letterhead and signature"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._letterhead_tab(), tr("Letterhead"))
        self.tabs.addTab(self._envelope_tab(), tr("Window envelope"))
        self.tabs.addTab(self._certificate_tab(), tr("Seal certificate"))
        layout.addWidget(self.tabs, 1)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.load()

    # ---- building ------------------------------------------------------------------------
    def _letterhead_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.organisation_edit = QLineEdit()
        self.lines_edit = QPlainTextEdit()
        self.lines_edit.setMaximumHeight(110)
        self.email_edit = QLineEdit()
        self.place_edit = QLineEdit()
        form.addRow(tr("Organisation:"), self.organisation_edit)
        form.addRow(tr("DPO address (one line each):"), self.lines_edit)
        form.addRow(tr("Contact e-mail:"), self.email_edit)
        form.addRow(tr("Place (for the date line):"), self.place_edit)
        logo_row = QHBoxLayout()
        self.logo_label = QLabel()
        self.logo_label.setMinimumSize(160, 60)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        choose, remove = QPushButton(tr("Choose a logo…")), QPushButton(tr("Remove the logo"))
        choose.clicked.connect(self._on_choose_logo)
        remove.clicked.connect(lambda: self._show_logo(None))
        logo_row.addWidget(self.logo_label)
        logo_row.addWidget(choose)
        logo_row.addWidget(remove)
        logo_row.addStretch(1)
        form.addRow(tr("Logo (PNG):"), logo_row)
        self.save_letterhead_button = QPushButton(tr("Save the letterhead"))
        self.save_letterhead_button.clicked.connect(self.save_letterhead)
        form.addRow("", self.save_letterhead_button)
        return tab

    def _envelope_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            style.role_label(
                tr(
                    "The address block sits in the window of a DL envelope (about 100 mm from the left, 50 mm from the top). "
                    "Print the calibration page, hold it behind a real envelope, and move the frame until it fits the window."
                ),
                "note",
            )
        )
        form = QFormLayout()
        self.right_spin, self.down_spin = QDoubleSpinBox(), QDoubleSpinBox()
        for spin in (self.right_spin, self.down_spin):
            spin.setRange(-30.0, 30.0)
            spin.setSingleStep(0.5)
            spin.setDecimals(1)
            spin.setSuffix(" mm")
        form.addRow(tr("Move right (mm, negative = left):"), self.right_spin)
        form.addRow(tr("Move down (mm, negative = up):"), self.down_spin)
        layout.addLayout(form)
        row = QHBoxLayout()
        save = QPushButton(tr("Save the offset"))
        save.clicked.connect(self.save_offset)
        self.calibration_button = QPushButton(tr("Print calibration page…"))
        self.calibration_button.clicked.connect(self._on_print_calibration)
        export = QPushButton(tr("Save calibration page as PDF…"))
        export.clicked.connect(self._on_save_calibration)
        for button in (save, self.calibration_button, export):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return tab

    def _certificate_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.certificate_form = QFormLayout()
        layout.addLayout(self.certificate_form)
        self.certificate_warning = style.role_label("", "warning")
        self.certificate_warning.hide()
        layout.addWidget(self.certificate_warning)
        row = QHBoxLayout()
        self.import_button = QPushButton(tr("Import a PKCS#12 file…"))
        self.create_button = QPushButton(tr("Create an internal seal…"))
        self.export_button = QPushButton(tr("Export the certificate (PEM)…"))
        self.import_button.clicked.connect(self._on_import)
        self.create_button.clicked.connect(self._on_create_seal)
        self.export_button.clicked.connect(self._on_export_pem)
        for button in (self.import_button, self.create_button, self.export_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return tab

    # ---- loading -------------------------------------------------------------------------------
    def load(self) -> None:
        head = letters.letterhead(self.register)
        self.organisation_edit.setText(head.organisation)
        self.lines_edit.setPlainText("\n".join(head.lines))
        self.email_edit.setText(head.email)
        self.place_edit.setText(head.place)
        self._show_logo(head.logo_png)
        offset = letters.envelope_offset(self.register)
        self.right_spin.setValue(offset.right_mm)
        self.down_spin.setValue(offset.down_mm)
        self._show_certificate()

    def _show_logo(self, png: bytes | None) -> None:
        self.logo_png = png
        pixmap = QPixmap()
        if png and pixmap.loadFromData(png, "PNG"):
            self.logo_label.setPixmap(pixmap.scaled(160, 60, Qt.AspectRatioMode.KeepAspectRatio,
                                                    Qt.TransformationMode.SmoothTransformation))  # fmt: skip
        else:
            self.logo_label.setPixmap(QPixmap())
            self.logo_label.setText(tr("No logo"))

    def _show_certificate(self) -> None:
        form = self.certificate_form
        while form.rowCount():
            form.removeRow(0)
        stored = certificates.active_certificate(self.register)
        self.export_button.setEnabled(stored is not None)
        if stored is None:
            form.addRow(
                style.role_label(tr("No seal certificate yet: response packs cannot be sealed."), "error")
            )
            self.certificate_warning.hide()
            return
        info = stored.info
        kind = (
            tr("Internal seal (self-signed)")
            if stored.kind == "internal_seal"
            else tr("Imported certificate")
        )
        for label, value in (
            (tr("Holder:"), info.subject),
            (tr("Issued by:"), info.issuer),
            (tr("Valid:"), tr("from {start} to {end}", start=moment_day_text(info.not_before), end=moment_day_text(info.not_after))),
            (tr("SHA-256 fingerprint:"), info.fingerprint_sha256),
            (tr("Kind:"), kind),
        ):
            value_label = QLabel(value)
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value_label)
        warning = stored.warning
        hint = tr(
            "Here, “Export the certificate (PEM)…” writes that certificate to a file you can hand over."
        )
        self.certificate_warning.setText("⚠ " + pick(warning) + "\n" + hint if warning else "")
        self.certificate_warning.setVisible(warning is not None)

    # ---- letterhead ---------------------------------------------------------------------------
    def _on_choose_logo(self) -> None:
        path = self.dialogs.open_file(self, tr("Choose a logo…"), tr("PNG image (*.png)"))
        if path is None:
            return
        try:
            data = read_capped(path, 5 * 1024 * 1024, "logo", "logo")
        except (OSError, DsarError) as exc:
            self.dialogs.error(self, exc)
            return
        if not data.startswith(b"\x89PNG"):
            self.dialogs.error(self, tr("The logo must be a PNG image."))
            return
        self._show_logo(data)

    def save_letterhead(self) -> bool:
        head = letters.Letterhead(
            organisation=self.organisation_edit.text().strip(),
            lines=tuple(line.strip() for line in self.lines_edit.toPlainText().splitlines() if line.strip()),
            email=self.email_edit.text().strip(),
            place=self.place_edit.text().strip() or letters.Letterhead.place,
            logo_png=self.logo_png,
        )
        try:
            letters.set_letterhead(self.register, head)
        except DsarError as exc:
            self.dialogs.error(self, exc)
            return False
        self.dialogs.info(self, tr("Letterhead saved."))
        self.changed.emit("letterhead")
        return True

    # ---- envelope -------------------------------------------------------------------------
    def save_offset(self) -> bool:
        try:
            letters.set_envelope_offset(self.register, self.right_spin.value(), self.down_spin.value())
        except DsarError as exc:
            self.dialogs.error(self, exc)
            return False
        self.dialogs.info(self, tr("Envelope offset saved."))
        self.changed.emit("envelope")
        return True

    def _calibration_pdf(self) -> bytes | None:
        if not self.save_offset():  # the page shows the offset as saved
            return None
        return letters.calibration_page(self.register, language())

    def _on_print_calibration(self) -> None:
        pdf = self._calibration_pdf()
        if pdf is None:
            return
        choice = self.ask_printer(self)
        if choice is None:
            return
        try:
            packs.print_calibration_page(self.register, pdf, choice)
        except Exception as exc:  # noqa: BLE001 - one sentence
            self.dialogs.error(self, exc)
            return
        self.dialogs.info(
            self, tr("Calibration page sent to {printer}.", printer=choice.name)
        )

    def _on_save_calibration(self) -> None:
        pdf = self._calibration_pdf()
        if pdf is None:
            return
        out = self.dialogs.save_file(
            self, tr("Where to write the calibration page"), "calibration.pdf", tr("PDF (*.pdf)")
        )
        if out is None:
            return
        try:
            packs.write_atomic(out, pdf)  # no personal data on this page
        except OSError as exc:
            self.dialogs.error(self, exc)
            return
        self.dialogs.info(self, tr("Calibration page written to {path}.", path=str(out)))

    # ---- certificate ----------------------------------------------------------------------------
    def _on_import(self) -> None:
        path = self.dialogs.open_file(
            self, tr("Choose the office's certificate"), tr("The office's certificate (*.p12 *.pfx)")
        )
        if path is None:
            return
        password = self.dialogs.ask_text(
            self, tr("Password of the PKCS#12 file"), tr("Password (leave empty if none):"), secret=True
        )
        if password is None:
            return
        try:
            data = read_capped(path, 1024 * 1024, "PKCS#12 file", "fichier PKCS#12")
            stored = certificates.import_pkcs12(self.register, data, password or None, path.name)
        except Exception as exc:  # noqa: BLE001 - wrong password, bad file: one sentence
            self.dialogs.error(self, exc)
            return
        self._show_certificate()
        self.dialogs.info(
            self,
            tr(
                "Certificate imported: {subject}. It now seals every response pack.",
                subject=stored.info.subject,
            ),
        )
        self.changed.emit("certificate")

    def _on_create_seal(self) -> None:
        head = letters.letterhead(self.register)
        name = f"{head.organisation} – DPO" if head.organisation else certificates.DEFAULT_SEAL_NAME
        warning = pick(certificates.INTERNAL_SEAL_WARNING)
        if not self.dialogs.confirm(
            self,
            tr('Create a self-signed internal seal named "{name}"?\n\n{warning}', name=name, warning=warning),
        ):
            return
        try:
            certificates.create_internal_seal(
                self.register, name, head.organisation or "DPO", head.email or None
            )
        except Exception as exc:  # noqa: BLE001 - one sentence
            self.dialogs.error(self, exc)
            return
        self._show_certificate()
        self.dialogs.warn(self, tr("Internal seal created. {warning}", warning=warning))
        self.changed.emit("certificate")

    def _on_export_pem(self) -> None:
        out = self.dialogs.save_file(
            self, tr("Where to write the certificate"), "seal-certificate.pem", tr("Certificate (*.pem)")
        )
        if out is None:
            return
        try:
            packs.write_atomic(out, certificates.certificate_pem(self.register))  # the public part only
        except Exception as exc:  # noqa: BLE001 - one sentence
            self.dialogs.error(self, exc)
            return
        self.dialogs.info(
            self, tr("Certificate written to {path}: give it to whoever verifies your packs.", path=str(out))
        )
