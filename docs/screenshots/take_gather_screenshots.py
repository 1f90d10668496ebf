"""Screenshots of gathering (the files and their systems, the one summary) and of the Data section after it,
at 1366x768 under Xvfb:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_gather_screenshots.py [en|fr]

Writes extracts-gather.png, extracts-gather-summary.png and extracts-gathered.png here (`-fr` for French),
from a throw-away register with one request for the demo person (no date of birth recorded).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from dsar_desktop.domain.cases import Capacity, Channel, Person, Right
from dsar_desktop.services import cases as case_service
from dsar_desktop.services.extracts_demo import DEMO_FILES, DEMO_PERSON, demo_file
from dsar_desktop.services.register import create_register
from dsar_desktop.ui import style
from dsar_desktop.ui.dialogs import Dialogs
from dsar_desktop.ui.extracts import DataPanel
from dsar_desktop.ui.extracts.gather_dialog import GatherDialog
from dsar_desktop.ui.i18n import set_language
from dsar_desktop.ui.workers import ImmediateRunner

HERE = Path(__file__).resolve().parent


def grab(app: QApplication, widget: QWidget, out: Path, width: int, height: int) -> None:
    widget.resize(width, height)
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(out))
    print(f"wrote {out}")


class ShotDialogs(Dialogs):
    """Runs the gather dialog without a person: photographs it before and after the search."""

    def __init__(self, app: QApplication, suffix: str) -> None:
        self.app, self.suffix = app, suffix

    def run(self, dialog):  # type: ignore[no-untyped-def]
        if isinstance(dialog, GatherDialog):
            grab(self.app, dialog, HERE / f"extracts-gather{self.suffix}.png", 900, 420)
            dialog.search_button.click()
            grab(self.app, dialog, HERE / f"extracts-gather-summary{self.suffix}.png", 900, 700)
            dialog.accept()
            return True
        return super().run(dialog)


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "en"
    suffix = "" if language == "en" else f"-{language}"
    app = QApplication(sys.argv[:1])
    style.apply(app)
    set_language(language)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        created = create_register(folder / "shots.dsar", "dpo", "screenshot-passphrase-1")
        register = created.register
        case = case_service.add_case(register, case_service.NewCase(
            received_at=dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC), channel=Channel.EMAIL, rights=[Right.ACCESS],
            subject=Person(name=DEMO_PERSON["name"], email=DEMO_PERSON["email"], phone=DEMO_PERSON["phone"]),
            language=language, requester_name=None, capacity=Capacity.SELF,
        ))  # fmt: skip
        paths = []
        for source in DEMO_FILES:
            paths.append(folder / demo_file(source).name)
            shutil.copy(demo_file(source), paths[-1])
        panel = DataPanel(register, ShotDialogs(app, suffix), ImmediateRunner(), case.ref)
        panel.resize(1366, 768)
        panel.show()
        panel.gather(paths)
        grab(app, panel, HERE / f"extracts-gathered{suffix}.png", 1366, 768)
        register.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
