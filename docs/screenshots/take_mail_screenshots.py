"""Screenshots of a request arriving by e-mail: dragged over the main window, then the intake form filled.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_mail_screenshots.py [en|fr]

Writes mail-drop.png, mail-intake.png and mail-request-tab.png here (with a `-fr` suffix for
French), from a throw-away register and a message made on the spot.
"""

from __future__ import annotations

import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from dsar_desktop.services.register import create_register
from dsar_desktop.ui import style
from dsar_desktop.ui.cases.intake import IntakeWizard
from dsar_desktop.ui.dialogs import Dialogs
from dsar_desktop.ui.i18n import set_language
from dsar_desktop.ui.mail.request_panel import RequestPanel
from dsar_desktop.ui.pages import standard_screens
from dsar_desktop.ui.shell import Shell
from dsar_desktop.ui.workers import Runner

HERE = Path(__file__).resolve().parent
PASSPHRASE = "screenshots passphrase for mail"


def settle(app: QApplication) -> None:
    for _ in range(8):
        app.processEvents()


def grab(app: QApplication, widget: QWidget, out: Path) -> None:
    settle(app)
    widget.grab().save(str(out))
    print(f"wrote {out}")


def message(language: str) -> bytes:
    msg = EmailMessage()
    msg["Received"] = "from mx.ecole.example.fr by mail.ecole.example.fr; Sat, 31 Oct 2026 23:30:00 +0000"
    msg["From"] = "Héloïse Dupré <heloise.dupre@example.org>"
    msg["To"] = "DPO <dpo@ecole.example.fr>"
    msg["Date"] = "Sat, 31 Oct 2026 23:28:00 +0000"
    msg["Message-ID"] = "<demande-1@example.org>"
    if language == "fr":
        msg["Subject"] = "Demande d'accès à mes données"
        msg.set_content(
            "Bonjour,\n\nJe souhaite exercer mon droit d'accès et obtenir une copie de mes données personnelles "
            "(inscription 2024, newsletter).\nVous trouverez ma carte d'identité en pièce jointe.\n\n"
            "Cordialement,\nHéloïse Dupré"
        )
    else:
        msg["Subject"] = "Subject access request"
        msg.set_content(
            "Hello,\n\nI would like a copy of my personal data under the right of access, and please "
            "unsubscribe me from the newsletter.\n\nKind regards,\nHéloïse Dupré"
        )
    msg.add_attachment(
        b"\xff\xd8\xff\xe0" + b"\0" * 40000, maintype="image", subtype="jpeg", filename="carte-identite.jpg"
    )
    return msg.as_bytes()


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "en"
    suffix = "" if language == "en" else f"-{language}"
    app = QApplication(sys.argv[:1])
    style.apply(app)
    set_language(language)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "register.dsar"
        create_register(path, "alice", PASSPHRASE).register.close()
        eml = Path(folder) / "demande.eml"
        eml.write_bytes(message(language))
        screens = standard_screens()
        shell = Shell(
            Dialogs(), Runner(), path, pages=screens.pages, case_file_factory=screens.case_file_factory,
            intake_factory=screens.intake_factory, startup_notice=screens.startup_notice, forced_language=language,
        )  # fmt: skip
        shell.window.move(QPoint(20, 10))
        shell.window.resize(1200, 740)
        shell.start()
        assert shell.unlock_dialog is not None
        shell.unlock_dialog.passphrase_edit.setText(PASSPHRASE)
        shell.unlock_dialog.unlock_button.click()
        settle(app)
        window = shell.window
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(eml))])
        enter = QDragEnterEvent(
            QPoint(300, 300),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        window.dragEnterEvent(enter)
        grab(app, window, HERE / f"mail-drop{suffix}.png")
        drop = QDropEvent(
            QPointF(300, 300),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        window.dropEvent(drop)
        wizard = window.findChild(IntakeWizard)
        assert wizard is not None
        for _ in range(600):  # the message is parsed on a worker thread: wait for the form to fill
            if wizard.name_edit.text():
                break
            app.processEvents()
            time.sleep(0.05)
        settle(app)
        wizard.resize(max(wizard.sizeHint().width(), 1000), wizard.sizeHint().height())
        grab(app, wizard, HERE / f"mail-intake{suffix}.png")
        ref = wizard.record()
        assert ref is not None and shell.register is not None
        settle(app)
        panel = RequestPanel(shell.register, Dialogs(), Runner(), ref)
        panel.resize(900, 620)
        panel.show()
        panel.attachments.setCurrentRow(0)
        grab(app, panel, HERE / f"mail-request-tab{suffix}.png")
        panel.close()
        shell.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
