"""Atomic file writes: a temporary file in the target folder, fsync, then rename (POSIX and NTFS)."""

from __future__ import annotations

import errno
import os
import secrets
import time
from pathlib import Path

# Windows opens file descriptors in text mode unless told otherwise: every b"\n" written through
# os.open would become b"\r\n" and corrupt a PDF or a ZIP. 0 elsewhere.
BINARY = getattr(os, "O_BINARY", 0)


def _size_text(limit: int, language: str) -> str:
    if limit >= 1 << 30:
        value, unit = limit / (1 << 30), ("GB", "Go")
    elif limit >= 1 << 20:
        value, unit = limit / (1 << 20), ("MB", "Mo")
    else:
        value, unit = limit / 1024, ("KB", "Ko")
    text = f"{value:.0f}"
    return f"{text} {unit[0]}" if language == "en" else f"{text}\u00a0{unit[1]}"


def read_capped(path: Path | str, limit: int, what: str, what_fr: str) -> bytes:
    """A file's bytes, never more than `limit` read whatever the file claims (/dev/zero claims 0 bytes).

    `what` names the kind of file for the sentence ("pack", "catalogue"...). OSError passes through."""
    from .domain.errors import FileTooLarge, NotAFile  # noqa: PLC0415 - errors import nothing of ours

    path = Path(path)
    if path.exists() and not path.is_file():
        raise NotAFile(path=str(path), what=what, what_fr=what_fr)
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(
            path=str(path),
            what=what,
            what_fr=what_fr,
            limit=_size_text(limit, "en"),
            limit_fr=_size_text(limit, "fr"),
        )
    return data


def _replace(tmp: Path, path: Path) -> None:
    """os.replace, atomic on NTFS too (MoveFileEx with REPLACE_EXISTING). On Windows it fails while another
    process (another DSAR Desktop, an antivirus, the search indexer) has the target open: retry for 2 s."""
    for attempt in range(20):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if attempt == 19:
                raise
            time.sleep(0.1)


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over the target."""
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the folder does not exist", str(path.parent))
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # the folder's entry on disk too; Windows cannot open a folder this way and needs no such step
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass
