"""Register settings: small JSON values by key, inside the encrypted register."""

from __future__ import annotations

import json
from typing import Any

from .connection import Register

DEFAULTS: dict[str, Any] = {
    "calendar": "national",  # or "alsace-moselle" (RULES A3)
    "retention_years": 5,  # closed cases kept 5 years after closure (RULES F)
    "idle_lock_minutes": 10,
    "backups_kept": 10,
    "ui_language": "fr",
}


def get(register: Register, key: str, default: Any = None) -> Any:
    row = register.query_one("SELECT value FROM settings WHERE key = ?", (key,))
    if row is None:
        return DEFAULTS.get(key, default) if default is None else default
    return json.loads(row[0])


def put(conn: Any, key: str, value: Any) -> None:
    """Set a setting; call inside the transaction that audits the change."""
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )
