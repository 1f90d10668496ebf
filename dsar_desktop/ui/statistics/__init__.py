"""Statistics screens: the year-end figures page (a main-window tab) and its PDF report."""

from __future__ import annotations

from ..i18n import QT_TR_NOOP
from ..specs import PageSpec
from .page import StatisticsPage

__all__ = ["StatisticsPage", "pages"]


def pages() -> list[PageSpec]:
    """The Statistics tab of the main window (collected by ui/pages.py)."""
    return [PageSpec("statistics", QT_TR_NOOP("Statistics"), StatisticsPage)]
