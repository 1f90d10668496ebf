"""Which pages the main window shows: the case screens, then whatever each UI area offers through `pages()`.

An area (identity, extracts, documents) adds tabs by defining, in its package
`dsar_desktop/ui/<area>/__init__.py`, a function `pages() -> list[PageSpec]`; the
entry point collects them here. Until the case screens exist, a plain fallback
page keeps the window usable.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..services import cases as case_service
from ..store.connection import Register
from . import style
from .dialogs import Dialogs
from .i18n import add_french, tr
from .main_window import CaseFileFactory, IntakeFactory, PageSpec, StartupNotice
from .workers import Runner

AREAS = ("identity", "extracts", "documents")

add_french(
    {
        "Dashboard": "Tableau de bord",
        "Requests": "Demandes",
        "{count} requests in the register, {open} open.": "{count} demandes dans le registre, dont {open} ouvertes.",
    }
)


@dataclass(frozen=True)
class Screens:
    pages: list[PageSpec]
    case_file_factory: CaseFileFactory | None
    intake_factory: IntakeFactory | None
    startup_notice: StartupNotice | None = None


def _find(package: str, names: tuple[str, ...]) -> dict[str, Any]:
    """Classes named `names` in a package or any of its modules; an absent package gives nothing."""
    try:
        root = importlib.import_module(package)
    except ModuleNotFoundError as exc:
        if exc.name and package.startswith(exc.name):
            return {}
        raise
    found = {name: getattr(root, name) for name in names if hasattr(root, name)}
    modules: list[ModuleType] = []
    for info in pkgutil.iter_modules(getattr(root, "__path__", []), package + "."):
        if len(found) == len(names):
            break
        modules.append(importlib.import_module(info.name))
        for name in names:
            if name not in found and hasattr(modules[-1], name):
                found[name] = getattr(modules[-1], name)
    return found


class FallbackDashboard(QWidget):
    """Shown only while the case screens are not installed."""

    def __init__(self, register: Register, dialogs: Dialogs, runner: Runner) -> None:
        super().__init__()
        rows = case_service.list_cases(register)
        open_count = sum(1 for row in rows if row.status.value not in ("closed", "refused", "withdrawn"))
        layout = QVBoxLayout(self)
        layout.addWidget(style.role_label(tr("Dashboard"), "title"))
        layout.addWidget(
            QLabel(tr("{count} requests in the register, {open} open.", count=len(rows), open=open_count))
        )
        layout.addStretch(1)


def standard_screens() -> Screens:
    found = _find(
        "dsar_desktop.ui.cases",
        ("DashboardPage", "CaseListPage", "CaseFileView", "IntakeWizard", "due_soon_summary"),
    )
    pages: list[PageSpec] = []
    if "DashboardPage" in found:
        pages.append(PageSpec("dashboard", "Dashboard", found["DashboardPage"]))
    else:
        pages.append(PageSpec("dashboard", "Dashboard", FallbackDashboard))
    if "CaseListPage" in found:
        pages.append(PageSpec("cases", "Requests", found["CaseListPage"]))
    for area in AREAS:
        try:
            module = importlib.import_module(f"dsar_desktop.ui.{area}")
        except ModuleNotFoundError as exc:
            if exc.name and f"dsar_desktop.ui.{area}".startswith(exc.name):
                continue
            raise
        offer = getattr(module, "pages", None)
        if callable(offer):
            pages.extend(offer())
    intake = found.get("IntakeWizard")
    summary = found.get("due_soon_summary")
    return Screens(
        pages=pages,
        case_file_factory=found.get("CaseFileView"),
        intake_factory=(lambda reg, dialogs, runner, parent: intake(reg, dialogs, runner, parent))
        if intake
        else None,
        startup_notice=(lambda register, dashboard_page: _due_soon(summary, register, dashboard_page))
        if summary
        else None,
    )


def _due_soon(summary: Any, register: Register, dashboard_page: QWidget | None) -> str | None:
    """The start-up notice from the dashboard's own data when it has loaded them, else computed here."""
    data = getattr(dashboard_page, "data", None)
    if data is None:
        data = case_service.dashboard(register)
    return summary(data)
