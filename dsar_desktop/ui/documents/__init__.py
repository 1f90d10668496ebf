"""Documents screens: the case file's Response section, the template editor, pack verification, letter settings."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...services.office import Office
from ..dialogs import Dialogs
from ..i18n import QT_TR_NOOP
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



def case_sections() -> list[CaseSection]:
    """The Response tab of every case file (collected by ui/pages.py); its `case_changed` refreshes the file."""
    return [CaseSection("response", QT_TR_NOOP("Response"), ResponsePanel)]


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
            QT_TR_NOOP("&Documents"),
            [
                (QT_TR_NOOP("Letter templates…"), open_template_editor),
                (QT_TR_NOOP("Verify a pack…"), open_verify_window),
                (QT_TR_NOOP("Letterhead and signature…"), open_letter_settings),
            ],
        )
    ]
