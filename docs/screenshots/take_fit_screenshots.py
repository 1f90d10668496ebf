"""The office's screen: the main window at 1366×768 on a case file's Data tab with a match selected, and the
ID check window sized to that screen, in French and English; also the case file at 200 % text size,
and with DSAR_PSEUDO_LOCALE=1 the same screens with every string 40 % longer (files named *-pseudo.png).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_fit_screenshots.py [en|fr]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from dsar_desktop.domain.identity import ProofKind
from dsar_desktop.services import extracts as service
from dsar_desktop.services import identity as ids
from dsar_desktop.services.demo import create_demo_register
from dsar_desktop.services.office import Office
from dsar_desktop.ui import accessibility, style
from dsar_desktop.ui.dialogs import Dialogs
from dsar_desktop.ui.extracts import DataPanel
from dsar_desktop.ui.i18n import PSEUDO_LOCALE, set_language
from dsar_desktop.ui.identity.check_wizard import IdCheckDialog
from dsar_desktop.ui.main_window import MainWindow
from dsar_desktop.ui.pages import standard_screens
from dsar_desktop.ui.workers import ImmediateRunner

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
from tests.ui_identity_support import specimen_passport  # noqa: E402


def grab(app: QApplication, widget: QWidget, out: Path) -> None:
    for _ in range(8):
        app.processEvents()
    screen = app.primaryScreen()
    screen.grabWindow(0).save(str(out)) if screen is not None else widget.grab().save(str(out))
    print(f"wrote {out} ({widget.width()}x{widget.height()})")


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "en"
    scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    suffix = ("" if language == "en" else f"-{language}") + ("-pseudo" if PSEUDO_LOCALE else "")
    app = QApplication(sys.argv[:1])
    style.apply(app)
    accessibility.install(app)
    if scale != 1.0:
        font = QFont(app.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        app.setFont(font)
    set_language(language)
    dialogs = Dialogs()
    with tempfile.TemporaryDirectory() as folder:
        demo = create_demo_register(Path(folder) / "demo.dsar", "alice", "demo passphrase for screenshots", 40)
        register = Office.adopt(demo.register)
        try:
            screens = standard_screens()
            window = MainWindow(dialogs, ImmediateRunner(), screens.pages, screens.case_file_factory,
                                screens.intake_factory, screens.startup_notice)  # fmt: skip
            window.show()
            window.attach(register)
            window.showMaximized()
            ref = demo.refs_with_data[0]
            window.open_case(ref)
            view = window.case_files[ref]
            panel = next(view.tabs.widget(i) for i in range(view.tabs.count()) if isinstance(view.tabs.widget(i), DataPanel))  # fmt: skip
            view.tabs.setCurrentWidget(panel)
            matches = service.list_matches(register, ref)
            if matches:
                panel.select_source(matches[0].source)
                panel.select_match(matches[0].id)
            if scale != 1.0:
                view.tabs.setCurrentIndex(0)
                grab(app, window, HERE / f"case-file-200pct{suffix}.png")
                return 0
            grab(app, window, HERE / f"fit-case-data{suffix}.png")

            ids.request_proof(register, ref, "The request came from an address we do not know.",
                              sent_on=dt.date.today() - dt.timedelta(days=3), with_letter=False)  # fmt: skip
            ids.receive_proof(register, ref, specimen_passport())
            proof = next(p for p in ids.identity_status(register, ref).proofs if p.proof_kind == ProofKind.IDENTITY_DOCUMENT)  # fmt: skip
            dialog = IdCheckDialog(register, dialogs, ref, proof, dt.date.today(), window)
            dialog.show()
            grab(app, dialog, HERE / f"fit-id-check{suffix}.png")
            dialog.close()
            window.close()
        finally:
            register.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
