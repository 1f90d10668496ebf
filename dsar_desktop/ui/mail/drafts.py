"""Prepare an e-mail: the person chooses where the draft .eml goes, then it opens in the system's mail client.

The draft is an export made on purpose (like a pack): it holds the letter and, for the reply,
the pack. The mail client is whatever the system opens .eml files with (Outlook, Thunderbird);
`X-Unsent: 1` makes Outlook open it as a new message ready to send.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from ...services import mail_out
from ..i18n import QT_TR_NOOP, tr

KIND_TITLES = {
    "acknowledgement": QT_TR_NOOP("Acknowledgement of receipt"),
    "id_request": QT_TR_NOOP("Request for proof of identity"),
    "extension_notice": QT_TR_NOOP("Extension notice"),
    "reply": QT_TR_NOOP("Reply with the response pack"),
}


def open_in_mail_client(path: Path) -> bool:
    """Hand the draft to the system (its default program for .eml files)."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def prepare_draft(
    parent: QWidget | None,
    register: Any,
    dialogs: Any,
    ref: str,
    kind: str,
    *,
    pack: Path | None = None,
    opener: Callable[[Path], bool] = open_in_mail_client,
) -> Path | None:
    """Ask where to save, write the draft (recorded in the timeline), open it. None when cancelled or refused."""
    if kind == "reply" and pack is None:
        chosen = dialogs.open_file(parent, tr("The response pack to attach (ZIP)"), tr("Pack (*.zip)"))
        if chosen is None:
            return None
        pack = Path(chosen)
    suggested = mail_out.default_file_name(ref, kind)
    if pack is not None:
        suggested = str(Path(pack).with_name(suggested))
    out = dialogs.save_file(parent, tr("Save the e-mail draft"), suggested, tr("E-mail (*.eml)"))
    if out is None:
        return None
    out = Path(out)
    if out.suffix.lower() != ".eml":
        out = out.with_name(out.name + ".eml")
    try:
        draft = mail_out.write_draft(register, ref, kind, out, pack=pack)
    except Exception as exc:  # noqa: BLE001 - the core's refusal as one sentence
        dialogs.error(parent, exc)
        return None
    if not opener(out):
        dialogs.info(
            parent,
            tr(
                "The draft is saved as {path} (to {to}). No mail client opened it: open the file from your mail "
                "program, check it and send it.",
                path=str(out),
                to=draft.to,
            ),
        )
    return out
