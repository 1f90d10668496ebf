"""Documents screens: the case file's Response section, the template editor, pack verification, letter settings."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...services.office import Office
from ..dialogs import Dialogs
from ..i18n import add_french
from ..specs import CaseSection, MenuHandler
from ..workers import Runner
from .response_panel import ResponsePanel
from .settings_letters import LettersSettingsDialog
from .template_editor import TemplateEditorDialog
from .verify_window import VerifyPackWindow

__all__ = [
    "LettersSettingsDialog",
    "ResponsePanel",
    "TemplateEditorDialog",
    "VerifyPackWindow",
    "case_sections",
    "menus",
]

add_french(
    {
        "Response": "Réponse",
        "&Documents": "&Documents",
        "Letter templates…": "Modèles de lettres…",
        "Verify a pack…": "Vérifier un dossier…",
        "Letterhead and signature…": "En-tête et signature…",
    }
)



def case_sections() -> list[CaseSection]:
    """The Response tab of every case file (collected by ui/pages.py); its `case_changed` refreshes the file."""
    return [CaseSection("response", "Response", ResponsePanel)]


def open_template_editor(parent: QWidget, register: Office, dialogs: Dialogs, runner: Runner) -> None:
    TemplateEditorDialog(register, dialogs, runner, parent=parent).open()


def open_verify_window(parent: QWidget, register: Office, dialogs: Dialogs, runner: Runner) -> None:
    VerifyPackWindow(dialogs, runner, register, parent=parent).open()


def open_letter_settings(parent: QWidget, register: Office, dialogs: Dialogs, runner: Runner) -> None:
    LettersSettingsDialog(register, dialogs, parent=parent).open()


def menus() -> list[tuple[str, list[tuple[str, MenuHandler]]]]:
    """Menus for the main window: (English title, [(English action text, handler)]), shown through tr()."""
    return [
        (
            "&Documents",
            [
                ("Letter templates…", open_template_editor),
                ("Verify a pack…", open_verify_window),
                ("Letterhead and signature…", open_letter_settings),
            ],
        )
    ]
