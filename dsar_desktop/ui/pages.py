"""Every screen of the application, listed once: the main window's pages, the case file's tabs, the area menus.

Adding a screen means adding a line here. A page or section that declares a
`case_opened(str)` signal opens case files; one with `case_changed(str)` or
`case_created(str)` makes the other views `refresh()` (see ui/specs.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtWidgets import QDialog, QWidget

from ..domain.errors import describe
from ..services import cases as case_service
from ..services import retention as retention_service
from ..services.office import Office
from . import documents, extracts, identity, mail, statistics, style
from .cases.case_file import CaseFileView
from .cases.case_list import CaseListPage
from .cases.dashboard import DashboardPage
from .cases.intake import IntakeWizard
from .cases.labels import due_soon_summary
from .dialogs import Dialogs
from .i18n import QT_TR_NOOP, language, tr
from .specs import (
    CaseFileFactory,
    CaseSection,
    ChangesCases,
    HoldsSections,
    IntakeFactory,
    Menu,
    PageSpec,
    Refreshable,
    StartupNotice,
)
from .workers import Runner

PAGES: tuple[PageSpec, ...] = (
    PageSpec("dashboard", QT_TR_NOOP("Dashboard"), DashboardPage),
    PageSpec("cases", QT_TR_NOOP("Requests"), CaseListPage),
    *statistics.pages(),
)
CASE_SECTIONS: tuple[CaseSection, ...] = (
    *identity.case_sections(),
    *extracts.case_sections(),
    *documents.case_sections(),
    *mail.case_sections(),
)
MENUS: tuple[Menu, ...] = (*extracts.menus(), *documents.menus())


@dataclass(frozen=True)
class Screens:
    pages: list[PageSpec]
    case_file_factory: CaseFileFactory
    intake_factory: IntakeFactory
    startup_notice: StartupNotice
    menus: list[Menu] = field(default_factory=list)


def _intake(office: Office, dialogs: Dialogs, runner: Runner, parent: QWidget) -> QDialog:
    return IntakeWizard(office, dialogs, runner, parent)


def _due_soon(office: Office, dashboard_page: QWidget | None) -> str | None:
    """The start-up notice from the dashboard's own data when it has loaded them, else computed here;
    plus the closed requests past the retention period (RULES F: the DPO is reminded)."""
    data = dashboard_page.data if isinstance(dashboard_page, DashboardPage) else None
    parts = [due_soon_summary(data if data is not None else case_service.dashboard(office))]
    purge = retention_service.due_count(office)
    if purge:
        parts.append(tr("%n closed request(s) due for purge (see Statistics)", "", purge))
    return ", ".join(p for p in parts if p) or None


def with_sections(factory: CaseFileFactory, sections: Sequence[CaseSection]) -> CaseFileFactory:
    """A case file with the sections added as tabs; a section that changes the case refreshes the file."""

    def build(office: Office, dialogs: Dialogs, runner: Runner, ref: str) -> QWidget:
        view = factory(office, dialogs, runner, ref)
        if not isinstance(view, HoldsSections):
            return view
        for section in sections:
            try:
                widget = section.factory(office, dialogs, runner, ref)
            except Exception as exc:  # noqa: BLE001 - one broken section must not hide the case
                widget = style.role_label(
                    tr("This section could not be shown: {error}", error=describe(exc, language())), "error"
                )
            view.add_section(tr(section.title), widget)
            if isinstance(widget, ChangesCases):
                widget.case_changed.connect(lambda _ref, v=view: _refresh_and_announce(v))
        return view

    return build


def _refresh_and_announce(view: QWidget) -> None:
    if isinstance(view, Refreshable):
        view.refresh()
    if isinstance(view, ChangesCases):
        view.case_changed.emit(getattr(view, "ref", ""))


def standard_screens(
    pages: Sequence[PageSpec] = PAGES, sections: Sequence[CaseSection] = CASE_SECTIONS
) -> Screens:
    return Screens(
        pages=list(pages),
        case_file_factory=with_sections(CaseFileView, sections),
        intake_factory=_intake,
        startup_notice=_due_soon,
        menus=list(MENUS),
    )
