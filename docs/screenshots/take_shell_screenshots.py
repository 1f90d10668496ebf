"""Screenshots of the application shell, taken from the real app under Xvfb.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/screenshots/take_shell_screenshots.py [en|fr]

Writes unlock.png, first-run-recovery.png, main-window.png and slot-passphrase-weak/strong.png (the key
slots' new-passphrase dialog and its strength meter) here, with a `-fr` suffix for French, using a
throw-away demo register in a temporary folder.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from dsar_desktop.app import ensure_demo_register
from dsar_desktop.ui import style
from dsar_desktop.ui.dialogs import Dialogs
from dsar_desktop.ui.first_run import FirstRunWizard
from dsar_desktop.ui.i18n import set_language
from dsar_desktop.ui.pages import standard_screens
from dsar_desktop.ui.shell import Shell
from dsar_desktop.ui.slots_dialog import NewPassphraseDialog
from dsar_desktop.ui.workers import Runner

HERE = Path(__file__).resolve().parent


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def grab_area(app: QApplication, rect: QRect, out: Path) -> None:
    """Grab what is on screen in `rect` (top-level dialogs included, which widget.grab() would miss)."""
    settle(app)
    screen = app.primaryScreen()
    screen.grabWindow(0, rect.x(), rect.y(), rect.width(), rect.height()).save(str(out))
    print(f"wrote {out}")


def grab_widget(app: QApplication, widget: QWidget, out: Path) -> None:
    settle(app)
    widget.grab().save(str(out))
    print(f"wrote {out}")


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "en"
    suffix = "" if language == "en" else f"-{language}"
    app = QApplication(sys.argv[:1])
    style.apply(app)
    set_language(language)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "register.dsar"
        passphrase = ensure_demo_register(path)
        screens = standard_screens()
        shell = Shell(
            Dialogs(), Runner(), path, pages=screens.pages, case_file_factory=screens.case_file_factory,
            intake_factory=screens.intake_factory, startup_notice=screens.startup_notice, hint=passphrase,
            forced_language=language,
        )  # fmt: skip
        shell.window.move(QPoint(40, 20))
        shell.window.resize(1200, 760)
        shell.start()
        settle(app)
        window_rect = shell.window.frameGeometry()
        grab_area(app, window_rect, HERE / f"unlock{suffix}.png")

        dialog = shell.unlock_dialog
        assert dialog is not None and passphrase is not None
        dialog.passphrase_edit.setText(passphrase)
        dialog.unlock_button.click()
        settle(app)
        grab_widget(app, shell.window, HERE / f"main-window{suffix}.png")
        shell.quit()

        wizard = FirstRunWizard(Dialogs(), Path(folder) / "office.dsar", "dpo")
        wizard.move(QPoint(300, 120))
        wizard.show()
        wizard.next()
        wizard.slot_page.fields.first.setText("a long enough passphrase")
        wizard.slot_page.fields.second.setText("a long enough passphrase")
        wizard.next()
        grab_widget(app, wizard, HERE / f"first-run-recovery{suffix}.png")
        if wizard.register is not None:
            wizard.register.close()

        slot = NewPassphraseDialog("New slot" if language == "en" else "Nouvel emplacement", lambda *_: None)
        slot.show()
        slot.name_edit.setText("bob")
        for name, typed in (("weak", "password1234"), ("strong", "tram violet quarry sextant 47")):
            slot.fields.first.setText(typed)
            slot.fields.second.setText(typed)
            grab_widget(app, slot, HERE / f"slot-passphrase-{name}{suffix}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
