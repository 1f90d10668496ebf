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
from ..i18n import add_french, language, pick, tr
from .common import error_text

add_french(
    {
        "Nothing blocks the response pack: every system is searched or set aside, every match is reviewed, "
        "and the Article 15 information is complete.": "Rien ne bloque le dossier de réponse : chaque système "
        "est consulté ou écarté, chaque correspondance est examinée et les informations de l'article 15 sont complètes.",
        "No seal certificate yet: import the office's certificate or create an internal seal "
        "(Documents → Letterhead and signature…).": "Pas encore de certificat de scellement : importez le "
        "certificat du bureau ou créez un sceau interne (Documents → En-tête et signature…).",
        "{system}: not searched yet. Import its extract, or mark it not applicable with a reason (Extracts).": (
            "{system} : pas encore consulté. Importez son extraction, ou marquez-le sans objet avec un motif (Extractions)."
        ),
        "{system}: {count} match(es) still to confirm or reject (Extracts).": (
            "{system} : {count} correspondance(s) encore à confirmer ou rejeter (Extractions)."
        ),
        "Password of the pack — shown once": "Mot de passe du dossier — affiché une seule fois",
        "The ZIP is encrypted with this password:": "Le ZIP est chiffré avec ce mot de passe :",
        "Give it to the person by another channel (telephone, SMS or post), never in the e-mail that carries "
        "the pack. It is not stored anywhere and cannot be shown again.": "Communiquez-le à la personne par un "
        "autre canal (téléphone, SMS ou courrier), jamais dans le courriel qui porte le dossier. Il n'est "
        "conservé nulle part et ne pourra plus être affiché.",
        "Copy the password": "Copier le mot de passe",
        "I have noted it": "Je l'ai noté",
    }
)

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
    blocked = letters.disclosure_block_reason(register, ref)
    if blocked:
        found.append(pick(blocked))
    for source in letters.missing_sources(register, ref):
        system = source.name_fr if language() == "fr" else source.name
        if source.status == "review":
            found.append(
                tr(
                    "{system}: {count} match(es) still to confirm or reject (Extracts).",
                    system=system,
                    count=source.pending,
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
            letters.compose(register, ref, "access_response", lang)
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
