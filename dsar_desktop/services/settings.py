"""Register settings as a use case: read them all, change some, each change audited in the same transaction."""

from __future__ import annotations

from typing import Any

from ..domain.errors import InvalidInput
from ..store import audit
from ..store import settings as store_settings
from ..store.connection import Register

CALENDARS = ("national", "alsace-moselle")
LANGUAGES = ("fr", "en")
# (minimum, maximum) for the whole-number settings; an idle lock of 0 would never lock, so 1 is the floor.
RANGES: dict[str, tuple[int, int]] = {
    "idle_lock_minutes": (1, 240),
    "backups_kept": (1, 100),
    "retention_years": (1, 30),
}
EDITABLE = ("calendar", "idle_lock_minutes", "backups_kept", "ui_language", "retention_years")


def current_settings(register: Register) -> dict[str, Any]:
    return {key: store_settings.get(register, key) for key in EDITABLE}


def _checked(key: str, value: Any) -> Any:
    if key == "calendar":
        if value not in CALENDARS:
            raise InvalidInput(
                f"Unknown calendar '{value}': choose national or alsace-moselle.",
                f"Calendrier inconnu « {value} » : choisissez national ou alsace-moselle.",
            )
        return value
    if key == "ui_language":
        if value not in LANGUAGES:
            raise InvalidInput(
                f"Unknown language '{value}': choose fr or en.",
                f"Langue inconnue « {value} » : choisissez fr ou en.",
            )
        return value
    if key in RANGES:
        low, high = RANGES[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise InvalidInput(
                f"The setting {key} must be a whole number from {low} to {high} (got {value!r}).",
                f"Le réglage {key} doit être un nombre entier de {low} à {high} (reçu {value!r}).",
            )
        return value
    raise InvalidInput(f"Unknown setting '{key}'.", f"Réglage inconnu « {key} ».")


def update_settings(register: Register, values: dict[str, Any]) -> dict[str, Any]:
    """Store the values that changed, with one audit entry, in one transaction; return {key: new value}.

    Every value is checked before anything is written, so a bad value changes nothing.
    """
    checked = {key: _checked(key, value) for key, value in values.items()}
    before = current_settings(register)
    changed = {key: value for key, value in checked.items() if before.get(key) != value}
    if not changed:
        return {}
    with register.transaction() as conn:
        for key, value in changed.items():
            store_settings.put(conn, key, value)
        details = {key: {"from": before.get(key), "to": value} for key, value in changed.items()}
        audit.append(conn, register.actor, "settings.changed", None, details)
    return changed
