"""Opening a backup file (.dsarbak, e.g. double-clicked in the file manager): restore it as a new register."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from ..services.register import default_register_path, restore_register
from .dialogs import Dialogs
from .i18n import tr


def restore_backup(dialogs: Dialogs, backup: Path, parent: QWidget | None = None) -> Path | None:
    """Ask where, restore, say how to open it; the new register's path, or None when nothing was restored."""
    if not dialogs.confirm(
        parent,
        tr(
            "Restore the backup {name} as a new register? The register you use today is not touched: the backup "
            "is written to a new file that you choose.",
            name=backup.name,
        ),
        tr("Restore a backup"),
    ):
        return None
    suggested = default_register_path().parent / f"{backup.stem}-restored.dsar"
    target = dialogs.save_file(
        parent, tr("Where to put the restored register"), str(suggested), tr("DSAR register (*.dsar)")
    )
    if target is None:
        return None
    try:
        manifest = restore_register(backup, target)
    except Exception as exc:  # noqa: BLE001 - one sentence, and nothing is lost: the backup is read only
        dialogs.error(parent, exc)
        return None
    text = tr(
        "The backup is restored to {path}. Unlock it with a passphrase of the backed-up register or with its "
        "recovery key.",
        path=str(target),
    )
    if manifest["scan_keys"] is None:  # keys never travel in backups: see services/shredding.py
        text += "\n\n" + tr(
            "There is no scan-key file of this register in {folder}: scans not yet decided, and the original files "
            "of e-mails, cannot be shown there. Restore into the register's own folder, or move (do not copy) its "
            "scan-keys file beside the restored register.",
            folder=str(Path(target).parent),
        )
    dialogs.info(parent, text)
    return target
