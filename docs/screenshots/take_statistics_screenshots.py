"""Screenshots of the Statistics page (figures, charts, retention reminder, purge preview) and a page of
the PDF report, from a throw-away demo register, under Xvfb at 1366x768.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_statistics_screenshots.py [en|fr]

Writes statistics.png, purge-preview.png and statistics-report.png here (`-fr` suffix for French). The demo
register is a few weeks old, so three of its closed requests get a closure date in 2020 to show the
retention reminder and the purge preview; nothing else is changed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from dsar_desktop.services import retention
from dsar_desktop.services.demo import create_demo_register
from dsar_desktop.services.statistics import save_statistics_report
from dsar_desktop.ui import style
from dsar_desktop.ui.dialogs import Dialogs
from dsar_desktop.ui.i18n import set_language
from dsar_desktop.ui.statistics import StatisticsPage
from dsar_desktop.ui.statistics.purge_dialog import PurgeDialog
from dsar_desktop.ui.workers import ImmediateRunner

HERE = Path(__file__).resolve().parent


def grab(app: QApplication, widget: QWidget, out: Path, width: int, height: int) -> None:
    widget.resize(width, height)
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(out))
    print(f"wrote {out}")


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "en"
    suffix = "" if language == "en" else f"-{language}"
    app = QApplication(sys.argv[:1])
    style.apply(app)
    set_language(language)
    with tempfile.TemporaryDirectory() as folder:
        register = create_demo_register(
            Path(folder) / "demo.dsar", "alice", "demo passphrase for screenshots"
        ).register
        try:
            with register.transaction() as conn:
                conn.execute(
                    "UPDATE cases SET closed_at = '2020-06-15T09:00:00+00:00' WHERE id IN"
                    " (SELECT id FROM cases WHERE status = 'closed' ORDER BY ref LIMIT 3)"
                )
            page = StatisticsPage(register, Dialogs(), ImmediateRunner())
            grab(app, page, HERE / f"statistics{suffix}.png", 1366, 768)
            grab(
                app,
                PurgeDialog(retention.preview(register), page),
                HERE / f"purge-preview{suffix}.png",
                900,
                420,
            )
            assert page.stats is not None
            pdf, _csv = save_statistics_report(register, page.stats, Path(folder) / "report.pdf", language)
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", "-f", "2", "-l", "2", "-singlefile", str(pdf),
                 str(HERE / f"statistics-report{suffix}")],
                check=True,
            )  # fmt: skip
            print(f"wrote {HERE / f'statistics-report{suffix}.png'}")
        finally:
            register.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
