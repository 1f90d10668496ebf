"""Identity screens: the case file's Identity section, the ID check dialog with its scan viewer."""

from __future__ import annotations

from ..i18n import QT_TR_NOOP
from ..specs import CaseSection
from .check_wizard import IdCheckDialog
from .identity_panel import IdentityPanel
from .scan_viewer import ScanViewer

__all__ = ["IdCheckDialog", "IdentityPanel", "ScanViewer", "case_sections"]


def case_sections() -> list[CaseSection]:
    """The Identity tab of every case file (collected by ui/pages.py); its `case_changed` refreshes the file."""
    return [CaseSection("identity", QT_TR_NOOP("Identity"), IdentityPanel)]
