"""Processing register (catalogue) use cases: the shipped default, the current version, every edit a new version."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.catalogue import Catalogue, CatalogueInvalid, canonical_json, parse_catalogue
from ..domain.errors import NotFound
from ..fileio import read_capped
from ..paths import RESOURCES
from ..store import audit
from ..store.connection import Register

MAX_CATALOGUE_BYTES = 16 * 1024 * 1024  # a processing register of a few hundred entries is well under 1 MB

DEFAULT_CATALOGUE = RESOURCES / "catalogue.json"


@dataclass(frozen=True)
class CatalogueVersion:
    version: int
    sha256: str
    note: str
    actor: str
    created_at: str

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "sha256": self.sha256,
            "note": self.note,
            "actor": self.actor,
            "created_at": self.created_at,
        }


def default_catalogue() -> Catalogue:
    """The catalogue shipped in resources/catalogue.json (version 0: not in any register yet)."""
    return parse_catalogue(json.loads(DEFAULT_CATALOGUE.read_text(encoding="utf-8")))


def load_catalogue_file(path: Path) -> Catalogue:
    try:
        data = json.loads(read_capped(path, MAX_CATALOGUE_BYTES, "processing register file", "fichier de registre des traitements").decode("utf-8"))
    except ValueError as exc:
        raise CatalogueInvalid(problems=f"{Path(path).name} is not JSON ({exc})") from None
    return parse_catalogue(data)


def current_catalogue(reg: Register) -> Catalogue:
    """The newest version in the register; the shipped default becomes version 1 on first use."""
    row = reg.query_one("SELECT version, body FROM catalogue_versions ORDER BY version DESC LIMIT 1")
    if row is None:
        return save_catalogue(
            reg,
            default_catalogue().data,
            "Registre par défaut tiré de la politique de protection des données / default catalogue from the privacy policy",
        )
    return parse_catalogue(json.loads(row[1]), int(row[0]))


def catalogue_at(reg: Register, version: int) -> Catalogue:
    """A given version, e.g. the one a response pack recorded."""
    row = reg.query_one("SELECT version, body FROM catalogue_versions WHERE version = ?", (version,))
    if row is None:
        raise NotFound("catalogue version", str(version), "version du registre des traitements")
    return parse_catalogue(json.loads(row[1]), int(row[0]))


def save_catalogue(reg: Register, data: dict[str, Any], note: str = "") -> Catalogue:
    """Validate and store as a new version (unless identical to the current one); audited."""
    candidate = parse_catalogue(data)
    body = canonical_json(candidate.data)
    with reg.transaction() as conn:
        last = conn.execute(
            "SELECT version, sha256 FROM catalogue_versions ORDER BY version DESC LIMIT 1"
        ).fetchone()
        if last is not None and last[1] == candidate.sha256:
            return Catalogue(int(last[0]), candidate.sources, candidate.meta)
        version = (int(last[0]) if last else 0) + 1
        conn.execute(
            "INSERT INTO catalogue_versions(version, body, sha256, note, actor, created_at) VALUES (?,?,?,?,?,?)",
            (version, body, candidate.sha256, note.strip(), reg.actor, _now()),
        )
        audit.append(
            conn,
            reg.actor,
            "catalogue.saved",
            None,
            {"version": version, "sha256": candidate.sha256, "note": note.strip()},
        )
    return Catalogue(version, candidate.sources, candidate.meta)


def update_activity(reg: Register, activity: dict[str, Any], note: str = "") -> Catalogue:
    """Replace (or add) one activity by id and save the result as a new version."""
    data = current_catalogue(reg).data
    activities = [a for a in data["activities"] if a.get("id") != activity.get("id")]
    position = next(
        (i for i, a in enumerate(data["activities"]) if a.get("id") == activity.get("id")), len(activities)
    )
    activities.insert(position, activity)
    return save_catalogue(reg, {**data, "activities": activities}, note)


def catalogue_versions(reg: Register) -> list[CatalogueVersion]:
    rows = reg.query(
        "SELECT version, sha256, note, actor, created_at FROM catalogue_versions ORDER BY version"
    )
    return [CatalogueVersion(int(r[0]), r[1], r[2], r[3], r[4]) for r in rows]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
