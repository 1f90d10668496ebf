"""The facts `domain.case_actions` needs about one case, read from the register, and the answer for it.

Kept apart from services/cases.py so that any service (packs, identity, letters) can
ask "may this case do X now?" without importing the case use cases.
"""

from __future__ import annotations

import datetime as dt

from ..domain import deadlines as dl
from ..domain.case_actions import Action, Allowances, CaseFacts, PackState, allowed_actions
from ..domain.cases import Case
from ..store import settings as store_settings
from ..store.connection import Register

# Everything that feeds the letter and the annexes; a change after the pack makes the pack out of date.
_CHANGED_AFTER = (
    "SELECT max(t) FROM ("
    " SELECT max(updated_at) AS t FROM case_sources WHERE case_id = :case"
    " UNION ALL SELECT max(decided_at) FROM extract_matches WHERE case_id = :case"
    " UNION ALL SELECT max(r.created_at) FROM extract_redactions r JOIN extract_matches m ON m.id = r.match_id"
    "  WHERE m.case_id = :case"
    " UNION ALL SELECT max(created_at) FROM catalogue_versions"
    ") WHERE t > :built"
)


def _utc(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def pack_state(register: Register, case: Case) -> PackState | None:
    """The latest sealed pack of the case, and the first later change to what it was built from."""
    row = register.query_one(
        "SELECT created_at, sha256 FROM packs WHERE case_ref = ? ORDER BY id DESC LIMIT 1", (case.ref,)
    )
    if row is None:
        return None
    built_at, sha = row
    changed = register.query_one(_CHANGED_AFTER, {"case": case.id, "built": built_at})
    stale = _utc(changed[0]) if changed and changed[0] else None
    return PackState(built_at=_utc(built_at), sha256=sha, stale_since=stale)


def case_facts(register: Register, case: Case, today: dt.date | None = None) -> CaseFacts:
    deadlines = dl.compute_deadlines(
        case.received_date,
        dl.normalise_calendar(str(store_settings.get(register, "calendar") or "national")),
        [dl.Suspension(a, b) for a, b in case.suspensions],
        today=today,
    )
    return CaseFacts(
        case=case,
        today=today or dl.today_paris(),
        legal_due=deadlines.legal_due,
        pack=pack_state(register, case),
        retention_years=int(store_settings.get(register, "retention_years") or 5),
        directives_recorded=register.query_one(
            "SELECT 1 FROM post_mortem_directives WHERE case_id = ? LIMIT 1", (case.id,)
        )
        is not None,
        identity_clock_stopped=register.query_one(
            "SELECT 1 FROM suspensions WHERE case_id = ? AND kind = 'identity' AND ended IS NULL LIMIT 1",
            (case.id,),
        )
        is not None,
    )


def allowances_for(register: Register, case: Case, today: dt.date | None = None) -> Allowances:
    """What the case allows on `today` (Paris), each refusal with its reason."""
    return allowed_actions(case_facts(register, case, today))


def require(register: Register, case: Case, action: Action, today: dt.date | None = None) -> Allowances:
    """Raise the domain's ActionRefused when the case does not allow `action` now."""
    allowances = allowances_for(register, case, today)
    allowances.check(action)
    return allowances
