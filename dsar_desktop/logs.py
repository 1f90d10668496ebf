"""The application's log file and crash reports, in the platform's log folder, with no personal data.

What goes in: start and stop, the version and platform, what kind of thing failed (exception
type, error code, the stack's file/line/function). What never goes in: exception messages,
case references, names, e-mail addresses, file paths chosen by staff, or anything a
third-party library logs below WARNING. A message can carry a requester's name (an error
about a bad date of birth quotes the value), so crash reports keep the type and the stack
only; that is enough to find the line that failed.
"""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from . import __version__

LOGGER = "dsar"
LOG_NAME = "dsar-desktop.log"
MAX_BYTES = 1_000_000
BACKUPS = 5  # six files of 1 MB at most: months of ordinary use

log = logging.getLogger(LOGGER)


def log_folder() -> Path:
    """Linux: ~/.local/state/dsar-desktop/log; Windows: %LOCALAPPDATA%\\dsar\\dsar-desktop\\Logs."""
    import platformdirs

    return Path(platformdirs.user_log_dir("dsar-desktop", "dsar"))


class _OwnRecordsOrWarnings(logging.Filter):
    """Our own records from INFO; other libraries' only from WARNING (their INFO may quote data)."""

    def filter(self, record: logging.LogRecord) -> bool:
        own = record.name == LOGGER or record.name.startswith(LOGGER + ".")
        return own or record.levelno >= logging.WARNING


_handler: logging.Handler | None = None


def setup_logging(folder: Path | None = None) -> Path:
    """Send log records to a rotating file in `folder` (the platform's log folder); return the file."""
    global _handler
    folder = folder or log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_OwnRecordsOrWarnings())
    root.addHandler(handler)
    root.setLevel(min(root.level or logging.WARNING, logging.INFO))
    log.setLevel(logging.INFO)
    _handler = handler
    log.info(
        "DSAR Desktop %s started (%s, Python %s)", __version__, platform.platform(), platform.python_version()
    )
    return path


def stop_logging() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def failure_kind(exc: BaseException) -> str:
    """'module.Type' plus the error code of a DsarError: what failed, never the sentence (it may hold data)."""
    kind = f"{type(exc).__module__}.{type(exc).__qualname__}"
    code = getattr(exc, "code", None)
    return f"{kind} [{code}]" if isinstance(code, str) else kind


def write_crash_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    folder: Path | None = None,
) -> Path:
    """A report beside the log: version, platform, the failure's kind and stack (no message, no values)."""
    folder = folder or log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crash-{stamp}.txt"
    lines = [
        f"DSAR Desktop {__version__} crash report",
        f"time: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"platform: {platform.platform()}; Python {platform.python_version()}; frozen: {getattr(sys, 'frozen', False)}",
        f"failure: {failure_kind(exc)}",
        "(the error's message is left out on purpose: it can quote personal data)",
        "stack, most recent call last:",
    ]
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 5:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for index, failure in enumerate(reversed(chain)):
        if index:
            lines.append(f"which led to: {failure_kind(failure)}")
        elif len(chain) > 1:
            lines.append(f"first: {failure_kind(failure)}")
        for frame in traceback.extract_tb(failure.__traceback__):
            lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log.error("crash: %s; report written to %s", failure_kind(exc), path.name)
    return path


def _short(filename: str) -> str:
    """The file from the package or library root on, not the install folder (which names the user)."""
    parts = Path(filename).parts
    for anchor in ("dsar_desktop", "site-packages", "lib"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) :])
    return Path(filename).name
