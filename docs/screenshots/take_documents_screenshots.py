"""Screenshots of the documents screens (Response tab, template editor, verify window), under Xvfb.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/screenshots/take_documents_screenshots.py [en|fr]

Writes response-panel.png, template-editor.png, template-editor-error.png, verify-pack.png and
letters-settings.png here
(`-fr` suffix for French), from a throw-away register with synthetic demo extracts and an internal seal.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from dsar_desktop.services import packs  # noqa: E402
from dsar_desktop.store.connection import open_register  # noqa: E402
from dsar_desktop.ui import style  # noqa: E402
from dsar_desktop.ui.dialogs import ScriptedDialogs  # noqa: E402
from dsar_desktop.ui.documents import LettersSettingsDialog, TemplateEditorDialog, VerifyPackWindow  # noqa: E402
from dsar_desktop.ui.i18n import set_language  # noqa: E402
from dsar_desktop.ui.pages import standard_screens  # noqa: E402
from dsar_desktop.ui.workers import ImmediateRunner  # noqa: E402
from tests.conftest import make_case  # noqa: E402
from tests.test_ui_documents_editor import BROKEN  # noqa: E402
from tests.ui_documents_support import ready_case  # noqa: E402

HERE = Path(__file__).resolve().parent
TODAY = dt.datetime.now(dt.UTC).date()


def grab(app: QApplication, widget: QWidget, out: Path, width: int = 1280, height: int = 800) -> None:
    widget.resize(width, height)
    widget.show()
    for _ in range(8):
        app.processEvents()
    widget.grab().save(str(out))
    print(f"wrote {out}")


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "en"
    suffix = "" if language == "en" else f"-{language}"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply(app)
    set_language(language)
    runner, dialogs = ImmediateRunner(), ScriptedDialogs()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        register = open_register(folder / "shots.dsar", os.urandom(32), "alice", create=True)
        received = dt.datetime.combine(TODAY - dt.timedelta(days=12), dt.time(9, 30), dt.UTC)
        ref = ready_case(register, make_case, received_at=received, language=language)

        factory = standard_screens().case_file_factory
        assert factory is not None
        view = factory(register, dialogs, runner, ref)
        tabs = view.findChild(QTabWidget)
        titles = [tabs.tabText(i) for i in range(tabs.count())]
        tabs.setCurrentIndex(titles.index("Réponse" if language == "fr" else "Response"))
        panel = tabs.currentWidget()
        panel.update_preview()  # type: ignore[attr-defined]
        grab(app, view, HERE / f"response-panel{suffix}.png")

        editor = TemplateEditorDialog(register, dialogs, runner)
        editor.choose("acknowledgement", language)
        grab(app, editor, HERE / f"template-editor{suffix}.png")
        editor.set_source(BROKEN)
        editor.preview_now()
        grab(app, editor, HERE / f"template-editor-error{suffix}.png")
        editor.set_source(editor._saved_source)
        editor.done(0)

        result = packs.build_pack(register, ref, folder, encrypt=True)
        window = VerifyPackWindow(dialogs, runner, register)
        window.path_edit.setText(str(result.zip))
        window.password_edit.setText(result.password or "")
        window.verify()
        grab(app, window, HERE / f"verify-pack{suffix}.png", 1000, 720)
        window.done(0)

        settings = LettersSettingsDialog(register, dialogs)
        settings.tabs.setCurrentIndex(2)
        grab(app, settings, HERE / f"letters-settings{suffix}.png", 900, 560)
        for widget in (view, editor, window, settings):
            widget.close()
            widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()  # finished jobs are released on the next turn of the loop
        register.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
