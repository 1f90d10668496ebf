"""The shapes a screen is declared with (pages, case-file tabs, menus) and what it may announce to the others.

`ui/pages.py` lists every screen using these; `ui/main_window.py` shows them. Neither
imports the other, and no screen module imports either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from PySide6.QtWidgets import QDialog, QWidget

from ..services.office import Office
from .dialogs import Dialogs
from .workers import Runner

PageFactory = Callable[[Office, Dialogs, Runner], QWidget]
CaseFileFactory = Callable[[Office, Dialogs, Runner, str], QWidget]
IntakeFactory = Callable[[Office, Dialogs, Runner, QWidget], QDialog]
# (office, dashboard page or None) -> "3 requests overdue, 5 due within 7 days" or None
StartupNotice = Callable[[Office, QWidget | None], str | None]
# (parent window, office, dialogs, runner) -> None; the main window calls it from a menu action
MenuHandler = Callable[[QWidget, Office, Dialogs, Runner], None]
# (English menu title, [(English action text, handler)]), shown through tr()
Menu = tuple[str, list[tuple[str, MenuHandler]]]


@dataclass(frozen=True)
class PageSpec:
    """A page of the main window. `title` is English and shown through tr(), so its module adds the French."""

    key: str
    title: str
    factory: PageFactory


@dataclass(frozen=True)
class CaseSection:
    """A tab inside every case file. `title` is English, shown through tr()."""

    key: str
    title: str
    factory: CaseFileFactory


# What a screen may announce or accept, declared as interfaces the window checks once, not names it guesses.
@runtime_checkable
class OpensCases(Protocol):
    case_opened: Any  # Signal(str)


@runtime_checkable
class ChangesCases(Protocol):
    case_changed: Any  # Signal(str)


@runtime_checkable
class CreatesCases(Protocol):
    case_created: Any  # Signal(str)


@runtime_checkable
class Refreshable(Protocol):
    def refresh(self) -> Any: ...


@runtime_checkable
class HoldsSections(Protocol):
    def add_section(self, title: str, widget: QWidget) -> int: ...
