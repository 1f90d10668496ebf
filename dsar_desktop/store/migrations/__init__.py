"""Numbered schema migrations: `NNNN_name.sql` files applied in order, each in one transaction."""

from __future__ import annotations

import re
from importlib import resources
from typing import TYPE_CHECKING

from ..errors import RegisterTooNew

if TYPE_CHECKING:  # connection imports this module when it opens a register
    from ..connection import Register

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def available() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) for every migration shipped, in order."""
    found = []
    for entry in resources.files(__package__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps: {versions}")
    return found


def current_version(register: Register) -> int:
    return int(register.conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(register: Register) -> int:
    """Bring the schema to the newest version; return the version reached."""
    steps = available()
    known = steps[-1][0] if steps else 0
    version = current_version(register)
    if version > known:
        raise RegisterTooNew(path=str(register.path), found=version, known=known)
    if 0 < version < known:
        _backup_before_migrating(register, version)
    for number, _name, sql in steps:
        if number <= version:
            continue
        with register.transaction() as conn:
            for statement in _split(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
        version = number
    return version


def _split(sql: str) -> list[str]:
    """Split a migration into statements; triggers (BEGIN ... END;) stay whole."""
    statements: list[str] = []
    buffer: list[str] = []
    in_trigger = False
    for line in sql.splitlines():
        stripped = line.strip()
        if not buffer and (not stripped or stripped.startswith("--")):
            continue
        buffer.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER") or upper.startswith("CREATE TEMP TRIGGER"):
            in_trigger = True
        if in_trigger:
            if upper.rstrip(";") == "END" or upper.endswith("END;"):
                statements.append("\n".join(buffer))
                buffer, in_trigger = [], False
        elif stripped.endswith(";"):
            statements.append("\n".join(buffer))
            buffer = []
    if "".join(buffer).strip():
        statements.append("\n".join(buffer))
    return statements


def _backup_before_migrating(register: Register, version: int) -> None:
    """Keep an encrypted copy of the register as it was before an upgrade changes its schema."""
    from .. import backup

    keys = register.path.with_name(register.path.name + ".keys")
    if keys.exists():
        out = (
            register.path.parent
            / "backups"
            / f"{register.path.stem}-before-schema-{version + 1}{backup.SUFFIX}"
        )
        if not out.exists():
            backup.write_backup(register, keys.read_bytes(), out)
