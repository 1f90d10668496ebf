"""Test support for the documents UI tests and screenshots: a case whose confirmed data allow a pack."""

from __future__ import annotations

from typing import Any

from dsar_desktop.services import cases as case_service
from dsar_desktop.services import certificates, extracts
from dsar_desktop.services.demo import settle_demo_catalogue
from dsar_desktop.services.extracts_demo import seed_demo_extracts
from dsar_desktop.store.connection import Register


def ready_case(register: Register, make_case: Any, **overrides: Any) -> str:
    """A case in progress with demo extracts, every match confirmed, every other system not applicable."""
    ref = str(make_case(register, **overrides))
    case_service.transition(register, ref, "in_progress")
    assert seed_demo_extracts(register, [ref]) == [ref]
    certificates.seed_demo_certificate(register)
    settle_demo_catalogue(register)  # the draft transfer fields would block the letter (RULES D)
    for source in extracts.missing_sources(register, ref):
        if source.status == "to_search":
            extracts.mark_source(register, ref, source.source, "not_applicable", "no account in this system")
    for match in extracts.list_matches(register, ref, status="pending"):
        extracts.confirm_match(register, match.id)
    assert extracts.missing_sources(register, ref) == []
    return ref
