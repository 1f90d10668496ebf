"""Which screens the main window shows: the case screens, then what each UI area offers.

An area (identity, extracts, documents) plugs in by defining, in its package
`dsar_desktop/ui/<area>/__init__.py`, either or both of:

- `pages() -> list[PageSpec]`: tabs of the main window, e.g.
  `PageSpec("extracts", "Extracts", ExtractsPage)` where `ExtractsPage(register, dialogs, runner)`;
- `case_sections() -> list[CaseSection]`: tabs inside every case file, e.g.
  `CaseSection("identity", "Identity", IdentityPanel)` where `IdentityPanel(register, dialogs, runner, ref)`.

Titles are English and shown through tr(), so the area adds their French. A page or
section with a `case_opened(str)` signal opens case files; one with `case_changed(str)`
or `case_created(str)` makes the other views reload (`refresh()` or `reload()`).
The entry point collects all of it here; until the case screens exist, a plain
fallback page keeps the window usable.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..domain.errors import describe
from ..services import cases as case_service
from ..store.connection import Register
from . import style
from .dialogs import Dialogs
from .i18n import QT_TR_NOOP, language, tr
from .main_window import CaseFileFactory, IntakeFactory, PageSpec, StartupNotice
from .workers import Runner

AREAS = ("identity", "extracts", "documents", "statistics")


@dataclass(frozen=True)
class CaseSection:
    """A tab inside every case file. `title` is English, shown through tr()."""

    key: str
    title: str
    factory: Callable[[Register, Dialogs, Runner, str], QWidget]


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


def _area_modules(areas: tuple[str, ...]) -> list[ModuleType]:
    modules = []
    for area in areas:
        name = f"dsar_desktop.ui.{area}"
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue  # that area has no screens yet
            raise
    return modules


def _with_sections(factory: CaseFileFactory, sections: list[CaseSection]) -> CaseFileFactory:
    """A case file with the areas' sections added as tabs; a section that changes the case refreshes the file."""

    def build(register: Register, dialogs: Dialogs, runner: Runner, ref: str) -> QWidget:
        view = factory(register, dialogs, runner, ref)
        add_section = getattr(view, "add_section", None)
        if add_section is None:
            return view
        for section in sections:
            try:
                widget = section.factory(register, dialogs, runner, ref)
            except Exception as exc:  # noqa: BLE001 - one broken section must not hide the case
                widget = style.role_label(
                    tr("This section could not be shown: {error}", error=describe(exc, language())), "error"
                )
            add_section(tr(section.title), widget)
            changed = getattr(widget, "case_changed", None)
            if changed is not None:
                changed.connect(lambda _ref, v=view: _refresh_and_announce(v))
        return view

    return build


def _refresh_and_announce(view: QWidget) -> None:
    refresh = getattr(view, "refresh", None)
    if callable(refresh):
        refresh()
    announced = getattr(view, "case_changed", None)
    if announced is not None:
        announced.emit(getattr(view, "ref", ""))


def standard_screens(areas: tuple[str, ...] = AREAS) -> Screens:
    found = _find(
        "dsar_desktop.ui.cases",
        ("DashboardPage", "CaseListPage", "CaseFileView", "IntakeWizard", "due_soon_summary"),
    )
    pages = [PageSpec("dashboard", "Dashboard", found.get("DashboardPage", FallbackDashboard))]
    if "CaseListPage" in found:
        pages.append(PageSpec("cases", QT_TR_NOOP("Requests"), found["CaseListPage"]))
    sections: list[CaseSection] = []
    for module in _area_modules(areas):
        offer_pages = getattr(module, "pages", None)
        if callable(offer_pages):
            pages.extend(offer_pages())
        offer_sections = getattr(module, "case_sections", None)
        if callable(offer_sections):
            sections.extend(offer_sections())
    case_file = found.get("CaseFileView")
    intake = found.get("IntakeWizard")
    summary = found.get("due_soon_summary")
    return Screens(
        pages=pages,
        case_file_factory=_with_sections(case_file, sections) if case_file else None,
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
