"""Retention (RULES F): which closed cases are due for purge, a preview that changes nothing, and a
purge that deletes exactly what a person previewed and confirmed, leaving a tombstone per case.

Deleting runs with SQLCipher's secure_delete (the freed pages are zeroed) and ends with a WAL
checkpoint that truncates the log, so the personal data of a purged case remain in no page of the
register file. Packs exported earlier are files outside the register: the purge cannot reach them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from ..domain import deadlines as dl
from ..domain import retention
from ..domain.errors import DsarError, InvalidInput
from ..domain.retention import PurgeCandidate
from ..domain.statistics import outcome_of
from ..store import attachments, audit
from ..store import settings as store_settings
from ..store.connection import Register
from . import shredding

PACKS_OUTSIDE = (
    "Response packs exported or printed earlier are outside the register: this purge cannot reach them. "
    "Delete them where they were saved if they are kept there.",
    "Les dossiers de réponse exportés ou imprimés auparavant sont hors du registre : cette purge ne peut pas "
    "les atteindre. Supprimez-les là où ils ont été enregistrés s'ils y sont conservés.",
)


class PurgeListChanged(DsarError):
    code = "purge_list_changed"
    en = (
        "The cases due for purge are no longer those of the preview {token} (now {current}): "
        "nothing was purged. Preview again, then confirm the new list."
    )
    fr = (
        "Les dossiers à purger ne sont plus ceux de l'aperçu {token} (maintenant {current}) : "
        "rien n'a été purgé. Refaites l'aperçu, puis confirmez la nouvelle liste."
    )
    exit_code = 1


class NotDueForPurge(DsarError):
    code = "not_due_for_purge"
    en = "{refs}: not closed for longer than the retention period ({years} years); nothing was purged."
    fr = "{refs} : pas clos depuis plus que la durée de conservation ({years} ans) ; rien n'a été purgé."
    exit_code = 1


@dataclass(frozen=True)
class PurgePreview:
    today: str
    retention_years: int
    cases: list[PurgeCandidate]
    token: str

    def as_dict(self) -> dict[str, object]:
        return {
            "today": self.today, "retention_years": self.retention_years, "token": self.token,
            "count": len(self.cases), "cases": [c.as_dict() for c in self.cases],
            "packs_outside_register": {"en": PACKS_OUTSIDE[0], "fr": PACKS_OUTSIDE[1]},
        }  # fmt: skip


@dataclass(frozen=True)
class PurgeDone:
    purged: list[str]
    purged_on: str
    actor: str
    wal_emptied: bool

    def as_dict(self) -> dict[str, object]:
        return {
            "purged": self.purged,
            "purged_on": self.purged_on,
            "by": self.actor,
            "wal_emptied": self.wal_emptied,
        }


def retention_years(reg: Register) -> int:
    """The register's setting (default 5 years after closure)."""
    return retention.check_years(
        int(store_settings.get(reg, "retention_years") or retention.DEFAULT_RETENTION_YEARS)
    )


def preview(reg: Register, today: dt.date | None = None) -> PurgePreview:
    """The closed cases past their retention period, oldest closure first. Reads only."""
    today = today or dl.today_paris()
    years = retention_years(reg)
    rows = reg.query(
        "SELECT id, ref, received_date, closed_at, rights, dispatch_date, pack_sha256, current_due"
        " FROM cases WHERE status = 'closed' AND closed_at IS NOT NULL ORDER BY closed_at, ref"
    )
    closed_from = _closed_from(reg, [int(r[0]) for r in rows])
    due: list[PurgeCandidate] = []
    for case_id, ref, received, closed, rights, dispatched, pack, current_due in rows:
        closed_on = _paris_day(closed)
        if not retention.is_due(closed_on, years, today):
            continue
        ending = closed_from.get(int(case_id), "responded")
        due.append(
            PurgeCandidate(
                ref=ref,
                received=received,
                closed=closed_on.isoformat(),
                purge_due=retention.purge_due_date(closed_on, years).isoformat(),
                rights=tuple(json.loads(rights)),
                outcome=outcome_of(ending, dispatched, bool(pack), current_due),
            )
        )
    return PurgePreview(today.isoformat(), years, due, retention.preview_token([c.ref for c in due], years))


def _paris_day(moment: str) -> dt.date:
    """The Paris calendar day of a stored UTC moment (a bare date is taken as it is)."""
    if len(moment) <= 10:
        return dt.date.fromisoformat(moment)
    return dt.datetime.fromisoformat(moment).astimezone(dl.PARIS).date()


def _closed_from(reg: Register, ids: Sequence[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = reg.query(
        "SELECT case_id, json_extract(details, '$.from') FROM case_events WHERE kind = 'transition'"
        " AND json_extract(details, '$.to') = 'closed' ORDER BY id"
    )
    wanted = set(ids)
    return {int(c): str(f) for c, f in rows if int(c) in wanted}


def due_count(reg: Register, today: dt.date | None = None) -> int:
    """How many closed cases are due for purge (the reminder)."""
    return len(preview(reg, today).cases)


def purge(
    reg: Register,
    *,
    token: str | None = None,
    refs: Sequence[str] | None = None,
    today: dt.date | None = None,
) -> PurgeDone:
    """Purge exactly what a preview listed: the whole list named by its `token`, or the `refs` given
    (each must be due). Anything else refuses and purges nothing. One transaction: every case deleted
    with all it holds (cascade, secure_delete), its letters and packs records too, and one tombstone
    per case in the audit log; then the write-ahead log is emptied."""
    if (token is None) == (refs is None):
        raise InvalidInput(
            "Confirm a purge with the preview's token, or with the references it listed.",
            "Confirmez une purge avec le jeton de l'aperçu, ou avec les références qu'il listait.",
        )
    today = today or dl.today_paris()
    current = preview(reg, today)
    by_ref = {c.ref: c for c in current.cases}
    if token is not None:
        if token.strip().lower() != current.token:
            raise PurgeListChanged(token=token.strip(), current=current.token)
        chosen = [c.ref for c in current.cases]
    else:
        chosen = list(dict.fromkeys(r.strip() for r in refs or [] if r.strip()))
        if not chosen:
            raise InvalidInput(
                "No reference to purge was given.", "Aucune référence à purger n'a été donnée."
            )
        missing = [r for r in chosen if r not in by_ref]
        if missing:
            raise NotDueForPurge(refs=", ".join(missing), years=current.retention_years)
    purged_on = today.isoformat()
    with reg.transaction() as conn:
        keys: list[str | None] = []
        for ref in chosen:
            item = by_ref[ref]
            conn.execute("DELETE FROM letters_issued WHERE case_ref = ?", (ref,))
            conn.execute("DELETE FROM packs WHERE case_ref = ?", (ref,))
            keys += shredding.keys_of_case(conn, ref)
            conn.execute("DELETE FROM cases WHERE ref = ?", (ref,))
            audit.append(
                conn,
                reg.actor,
                "case.purged",
                ref,
                {
                    "received": item.received,
                    "closed": item.closed,
                    "purge_due": item.purge_due,
                    "rights": list(item.rights),
                    "outcome": item.outcome,
                    "purged_on": purged_on,
                    "retention_years": current.retention_years,
                    "preview_token": current.token,
                },  # fmt: skip
            )
        # scans and e-mail originals: unreadable in older backups too; once, last, before the COMMIT
        shredding.shred(reg, keys)
    flushed = attachments.flush_wal(reg) if chosen else None
    return PurgeDone(chosen, purged_on, reg.actor, bool(flushed is None or flushed.complete))


def tombstones(reg: Register) -> list[dict[str, object]]:
    """Every purge tombstone of the audit log: reference, dates, rights, outcome, purge date, who."""
    out = []
    for entry in audit.entries(reg.conn):
        if entry.action == "case.purged":
            out.append({"ref": entry.case_ref, "by": entry.actor, "at_utc": entry.at_utc, **entry.details})
    return out
