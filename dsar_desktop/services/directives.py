"""Post-mortem directives of a deceased person, recorded for an heir's request (LIL art. 85; domain/directives.py).

  record(reg, ref, finding, summary, source) -> Directives    only for a request made as an heir
  latest(reg, case_id)                       -> Directives | None   what the reply states
"""

from __future__ import annotations

import datetime as dt

from ..domain.cases import Capacity
from ..domain.directives import LABELS, Directives, Finding, checked
from ..domain.errors import InvalidInput
from ..store import audit
from ..store.connection import Register
from . import cases as case_service


def latest(register: Register, case_id: int) -> Directives | None:
    row = register.query_one(
        "SELECT finding, summary, source, recorded_by, recorded_at FROM post_mortem_directives"
        " WHERE case_id = ? ORDER BY id DESC LIMIT 1",
        (case_id,),
    )
    if row is None:
        return None
    return Directives(Finding(row[0]), str(row[1]), str(row[2]), str(row[3]), dt.datetime.fromisoformat(row[4]))


def record(register: Register, ref: str, finding: Finding | str, summary: str = "", source: str = "") -> Directives:
    """Record what was found; a later record replaces it for the reply (both stay in the timeline)."""
    case = case_service.get_case(register, ref)
    if case.capacity != Capacity.HEIR:
        raise InvalidInput(
            f"{ref} is not a request made as an heir: post-mortem directives concern a deceased person.",
            f"{ref} n'est pas une demande présentée en qualité d'héritier : les directives post mortem concernent "
            "une personne décédée.",
        )
    finding, summary, source = checked(finding, summary, source)
    now = dt.datetime.now(dt.UTC)
    with register.transaction() as conn:
        conn.execute(
            "INSERT INTO post_mortem_directives(case_id, finding, summary, source, recorded_by, recorded_at)"
            " VALUES (?,?,?,?,?,?)",
            (case.id, finding.value, summary, source, register.actor, now.isoformat(timespec="seconds")),
        )
        case_service.write_event(
            conn, register, case.id, "directives", f"Post-mortem directives: {LABELS[finding][0].lower()}",
            {"finding": finding.value},
        )  # fmt: skip
        # the facts only: what the directives say stays in the case, not in the audit log
        audit.append(conn, register.actor, "case.directives_recorded", ref, {"finding": finding.value})
    found = latest(register, case.id)
    assert found is not None
    return found
