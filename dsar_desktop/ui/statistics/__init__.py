"""Statistics screens: the year-end figures page (a main-window tab) and its PDF report."""

from __future__ import annotations

from ..i18n import add_french
from ..specs import PageSpec
from .page import StatisticsPage

__all__ = ["StatisticsPage", "pages"]

add_french({"Statistics": "Statistiques"})


def pages() -> list[PageSpec]:
    """The Statistics tab of the main window (collected by ui/pages.py)."""
    return [PageSpec("statistics", "Statistics", StatisticsPage)]
