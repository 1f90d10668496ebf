"""Synthetic case rows written straight into a register (one transaction, executemany) for the case benchmarks.

The columns are those `services.cases.add_case` writes; the due dates come from the same deadline
engine (cached per receipt date), so the dashboard and the list see realistic, consistent rows.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from functools import lru_cache

from dsar_desktop.domain import deadlines as dl
from dsar_desktop.domain.cases import Status, fold_for_search, make_reference
from dsar_desktop.store.connection import Register

INSERT_COLUMNS = (
    "ref", "status", "channel", "received_at", "received_date", "language", "rights", "subject_name",
    "subject_email", "subject_phone", "subject_dob", "subject_address", "subject_student_number",
    "requester_name", "requester_capacity", "search_text", "extended", "extension_reason",
    "extension_notice_date", "legal_due", "policy_target", "current_due", "closure_reason",
    "priority_flag", "dispatch_date", "dispatch_number", "created_at", "updated_at", "closed_at",
)  # fmt: skip

FIRST = ["Héloïse", "Zoé", "Anaïs", "Jérôme", "François", "Gaëlle", "Noël", "Loïc", "Élodie", "Cécile", "Benoît",
         "Maëlle", "Raphaël", "Inès", "Léa", "Théo", "Chloé", "Étienne", "Oliver", "Siobhán", "Amelia", "Jack"]  # fmt: skip
LAST = ["DUPRÉ", "LEFÈVRE", "BOUCHÉ", "CHÂTEAU", "GÉRARD", "MÉNARD", "FAÇONNIER", "ŒUVRAY", "PÉREZ", "MARTIN",
        "BÉNÉZIT", "LE GOFF", "MÜLLER", "GARÇON", "HÉBERT", "O’BRIEN", "SMITH", "BRONTË", "DUBOIS", "ROUX"]  # fmt: skip
RIGHTS = ["access", "access", "access", "erasure", "rectification", "objection", "portability", "restriction"]
CHANNELS = ["email"] * 6 + ["post"] * 3 + ["web_form"]
OPEN = ["received", "awaiting_identity", "in_progress", "in_progress", "extended", "ready"]


@lru_cache(maxsize=8192)
def _deadlines(received: dt.date) -> dl.Deadlines:
    return dl.compute_deadlines(received, "national", today=received)


def build_rows(count: int, today: dt.date, seed: int = 50_000, years: int = 5) -> list[tuple[object, ...]]:
    """`count` rows received over the last `years` years, oldest first; recent ones open, older ones closed."""
    rng = random.Random(seed)
    span = years * 365
    ages = sorted((rng.randrange(0, span) for _ in range(count)), reverse=True)
    numbers: dict[int, int] = {}
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    rows = []
    for index, age in enumerate(ages):
        received = today - dt.timedelta(days=age)
        numbers[received.year] = numbers.get(received.year, 0) + 1
        ref = make_reference(received.year, numbers[received.year])
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {last}"
        email = f"{fold_for_search(first)}.{fold_for_search(last).replace(' ', '')}{index}@exemple.fr"
        rights = [rng.choice(RIGHTS)]
        d = _deadlines(received)
        if age < 45 or rng.random() < 0.002:  # recent, plus a few forgotten old ones (overdue)
            status = rng.choice(OPEN)
        else:
            status = rng.choices(["closed", "refused", "withdrawn", "responded"], weights=[90, 3, 3, 4])[0]
        extended = status == "extended"
        current = d.extended_due if extended else d.legal_due
        final = status in ("closed", "refused", "withdrawn", "responded")
        dispatch = (min(d.legal_due, today) - dt.timedelta(days=rng.randrange(0, 10))) if final else None
        rows.append(
            (
                ref, status, rng.choice(CHANNELS), f"{received.isoformat()}T10:15:00+01:00", received.isoformat(),
                "fr", json.dumps(rights), name, email, "06 12 34 56 78", None, None, None, None, "self",
                fold_for_search(f"{ref} {name} {email}"), int(extended),
                "Demande complexe" if extended else None, received.isoformat() if extended else None,
                d.legal_due.isoformat(), d.policy_target.isoformat(), current.isoformat(),
                "Demande manifestement excessive" if status == "refused" else None,
                "minor_erasure" if (not final and rights == ["erasure"] and rng.random() < 0.05) else None,
                dispatch.isoformat() if dispatch else None, "1A 123 456 7890 1" if dispatch else None,
                now, now, now if status == "closed" else None,
            )
        )  # fmt: skip
    assert all(r[1] in {s.value for s in Status} for r in rows[:10])
    return rows


def insert_rows(register: Register, rows: list[tuple[object, ...]]) -> None:
    placeholders = ",".join("?" * len(INSERT_COLUMNS))
    sql = f"INSERT INTO cases({', '.join(INSERT_COLUMNS)}) VALUES ({placeholders})"
    with register.transaction() as conn:
        conn.executemany(sql, rows)
