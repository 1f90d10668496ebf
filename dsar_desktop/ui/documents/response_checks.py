"""What blocks a case's response pack, as sentences, and the dialog that shows a pack's password once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...domain.case_actions import Action
from ...domain.errors import DsarError
from ...services import cases as case_service
from ...services import certificates, letters
from ...services.office import Office
from .. import style
from ..i18n import language, pick, tr
from .common import error_text


def pack_blockers(register: Office, ref: str, lang: str) -> list[str]:
    """Each reason the response pack cannot be built now, as a sentence in the user's language."""
    allowances = case_service.allowed(register, ref)
    found: list[str] = allowances.blockers(language(), (Action.BUILD_PACK,))
    if certificates.active_certificate(register) is None:
        found.append(
            tr(
                "No seal certificate yet: import the office's certificate or create an internal seal "
                "(Documents → Letterhead and signature…)."
            )
        )
    inputs = letters.gather_inputs(register, ref)
    if inputs.disclosure_block:
        found.append(pick(inputs.disclosure_block))
    for source in inputs.missing:
        system = source.name_fr if language() == "fr" else source.name
        if source.status == "review":
            found.append(
                tr(
                    "{system}: %n match(es) still to confirm or reject (Extracts).",
                    "",
                    source.pending,
                    system=system,
                )
            )
        else:
            found.append(
                tr(
                    "{system}: not searched yet. Import its extract, or mark it not applicable with a reason (Extracts).",
                    system=system,
                )
            )
    if not found:
        try:  # the Article 15 sections from the processing register, and the address block
            letters.compose(register, ref, "access_response", lang, inputs=inputs)
        except DsarError as exc:
            found.append(error_text(exc))
    return found


class PasswordDialog(QDialog):
    """The pack's password, shown once, with the instruction to give it by another channel."""

    def __init__(self, password: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.password = password
        self.setWindowTitle(tr("Password of the pack — shown once"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("The ZIP is encrypted with this password:")))
        self.password_label = style.role_label(password, "secret")
        self.password_label.setFont(style.monospace_font(14))
        self.password_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.password_label)
        self.instruction = style.role_label(
            tr(
                "Give it to the person by another channel (telephone, SMS or post), never in the e-mail that carries "
                "the pack. It is not stored anywhere and cannot be shown again."
            ),
            "warning",
        )
        layout.addWidget(self.instruction)
        buttons = QDialogButtonBox()
        copy = buttons.addButton(tr("Copy the password"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(password))
        done = buttons.addButton(tr("I have noted it"), QDialogButtonBox.ButtonRole.AcceptRole)
        done.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
