"""Screenshots of the extracts screens (case file's Data tab, the import dialog, the processing register), under Xvfb.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/screenshots/take_extracts_screenshots.py [en|fr]

Writes extracts-review.png, extracts-import.png and catalogue.png here (`-fr` suffix for French), from a
throw-away demo-like register (synthetic cases, the sample exports in resources/demo).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from dsar_desktop.services import demo  # noqa: E402
from dsar_desktop.services import extracts as service  # noqa: E402
from dsar_desktop.services.extracts_demo import demo_file, seed_demo_extracts  # noqa: E402
from dsar_desktop.store.connection import open_register  # noqa: E402
from dsar_desktop.ui import style  # noqa: E402
from dsar_desktop.ui.dialogs import Dialogs  # noqa: E402
from dsar_desktop.ui.extracts import CatalogueDialog, DataPanel, ImportDialog  # noqa: E402
from dsar_desktop.ui.extracts.import_dialog import preview_all  # noqa: E402
from dsar_desktop.ui.i18n import set_language  # noqa: E402
from dsar_desktop.ui.pages import standard_screens  # noqa: E402
from dsar_desktop.ui.workers import ImmediateRunner  # noqa: E402

HERE = Path(__file__).resolve().parent


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
    app = QApplication(sys.argv[:1])
    style.apply(app)
    set_language(language)
    dialogs = Dialogs()
    with tempfile.TemporaryDirectory() as folder:
        register = open_register(Path(folder) / "shots.dsar", os.urandom(32), "alice", create=True)
        try:
            refs = demo.populate(register, 40)
            with_data = seed_demo_extracts(register, list(reversed(refs)))
            ref = with_data[0]  # the demo keeps some matches of this case pending
            factory = standard_screens().case_file_factory
            assert factory is not None
            view = factory(register, dialogs, ImmediateRunner(), ref)
            tabs = view.tabs  # type: ignore[attr-defined]
            panel = next(tabs.widget(i) for i in range(tabs.count()) if isinstance(tabs.widget(i), DataPanel))
            tabs.setCurrentWidget(panel)
            panel.select_source("customer_service")
            matches = service.list_matches(register, ref, source="customer_service")
            if matches:
                panel.select_match(matches[0].id)
                record = matches[0].record or {}
                panel.record.select_field(next((k for k in ("message", "objet") if k in record), None))
            grab(app, view, HERE / f"extracts-review{suffix}.png")

            path = demo_file("customer_service")
            previews = preview_all([path], register, "customer_service")
            dialog = ImportDialog(register, dialogs, ImmediateRunner(), [path], previews, ref=ref,
                                  source="customer_service")  # fmt: skip
            grab(app, dialog, HERE / f"extracts-import{suffix}.png", 1100, 640)
            dialog.close()

            catalogue = CatalogueDialog(register, dialogs)
            catalogue.activities.setCurrentRow(1)
            grab(app, catalogue, HERE / f"catalogue{suffix}.png", 1240, 790)
        finally:
            register.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
