"""E-mail in and out on screen: the intake's request box, the case's Request tab, drafts for the mail client."""

from __future__ import annotations

from typing import Any


def case_sections() -> list[Any]:
    from ..i18n import QT_TR_NOOP
    from ..specs import CaseSection
    from .request_panel import RequestPanel

    return [CaseSection("request", QT_TR_NOOP("Request"), RequestPanel)]
