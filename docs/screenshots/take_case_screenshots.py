"""Screenshots of the case screens (dashboard, case list, case file) from a demo register, under Xvfb.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/screenshots/take_case_screenshots.py [en|fr]

Writes dashboard.png, case-list.png and case-file.png here (with a `-fr` suffix for French),
from a throw-away demo register in a temporary folder.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from dsar_desktop.domain.cases import Status
from dsar_desktop.services import cases as case_service
from dsar_desktop.services.demo import create_demo_register
from dsar_desktop.ui import style
from dsar_desktop.ui.cases.case_file import CaseFileView
from dsar_desktop.ui.cases.case_list import CaseListPage
from dsar_desktop.ui.cases.dashboard import DashboardPage
from dsar_desktop.ui.dialogs import Dialogs
from dsar_desktop.ui.i18n import set_language

HERE = Path(__file__).resolve().parent


def grab(app: QApplication, widget: QWidget, out: Path, width: int = 1280, height: int = 800) -> None:
    widget.resize(width, height)
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(out))
    print(f"wrote {out}")


def pick_case_file(register: object) -> str:
    """An extended case with a parent or lawyer if there is one: the richest file to show."""
    rows = case_service.list_cases(register, open_only=True)  # type: ignore[arg-type]
    for row in rows:
        if row.status == Status.EXTENDED:
            return row.ref
    return rows[0].ref


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "en"
    suffix = "" if language == "en" else f"-{language}"
    app = QApplication(sys.argv[:1])
    style.apply(app)
    set_language(language)
    with tempfile.TemporaryDirectory() as folder:
        demo = create_demo_register(Path(folder) / "demo.dsar", "alice", "demo passphrase for screenshots")
        register = demo.register
        try:
            dialogs = Dialogs()
            grab(app, DashboardPage(register, dialogs, None), HERE / f"dashboard{suffix}.png")
            cases = CaseListPage(register, dialogs, None)
            grab(app, cases, HERE / f"case-list{suffix}.png")
            ref = pick_case_file(register)
            case_service.add_note(register, ref, "Called the CRM owner: export promised for Friday")
            view = CaseFileView(register, dialogs, None, ref)
            grab(app, view, HERE / f"case-file{suffix}.png", height=720)
            view.tabs.setCurrentIndex(1)
            grab(app, view, HERE / f"case-file-timeline{suffix}.png", height=600)
        finally:
            register.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
