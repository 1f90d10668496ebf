"""Extracts screens: the case file's Data section, the import dialog, the processing register (catalogue) editor."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...services.office import Office
from ..dialogs import Dialogs
from ..i18n import QT_TR_NOOP
from ..specs import CaseSection, MenuHandler
from ..workers import Runner
from .catalogue_dialog import CatalogueDialog
from .import_dialog import ImportDialog, import_files
from .review_panel import DataPanel

__all__ = ["CatalogueDialog", "DataPanel", "ImportDialog", "case_sections", "import_files", "menus"]



def case_sections() -> list[CaseSection]:
    """The Data tab of every case file (collected by ui/pages.py); its `case_changed` refreshes the file."""
    return [CaseSection("data", QT_TR_NOOP("Data"), DataPanel)]


def open_catalogue(parent: QWidget, register: Office, dialogs: Dialogs, runner: Runner) -> None:
    CatalogueDialog(register, dialogs, parent=parent).open()


def search_open_cases(parent: QWidget, register: Office, dialogs: Dialogs, runner: Runner) -> None:
    """The monthly refresh: one file searched for every open request's subject."""
    dialog = import_files(parent, register, dialogs, runner)
    if dialog is not None and dialog.result_of_search is not None:
        refresh = getattr(parent, "refresh_views", None)
        if callable(refresh):
            refresh()


def menus() -> list[tuple[str, list[tuple[str, MenuHandler]]]]:
    """Menus for the main window: (English title, [(English action text, handler)]), shown through tr()."""
    return [
        (
            QT_TR_NOOP("&Extracts"),
            [
                (QT_TR_NOOP("Processing register…"), open_catalogue),
                (QT_TR_NOOP("Search open cases in a file…"), search_open_cases),
            ],
        )
    ]
