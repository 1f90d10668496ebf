"""Case screens at 50,000 cases (issue 3): unlock → dashboard shown, case list load, filter time per keystroke.

Run: xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python benchmarks/bench_cases.py [--cases 50000]
(or QT_QPA_PLATFORM=offscreen). The register is built in a temporary folder and deleted after.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_register import machine  # noqa: E402
from case_rows import build_rows, insert_rows  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from dsar_desktop.domain import deadlines as dl  # noqa: E402
from dsar_desktop.services import register as register_service  # noqa: E402
from dsar_desktop.ui import i18n, style  # noqa: E402
from dsar_desktop.ui.cases.case_list import CaseListPage  # noqa: E402
from dsar_desktop.ui.cases.dashboard import DashboardPage  # noqa: E402
from dsar_desktop.ui.dialogs import ScriptedDialogs  # noqa: E402

PASS = "benchmark passphrase 2026"


def build(path: Path, count: int) -> float:
    created = register_service.create_register(path, "bench", PASS)
    start = time.perf_counter()
    insert_rows(created.register, build_rows(count, dt.datetime.now(dl.PARIS).date()))
    elapsed = time.perf_counter() - start
    created.register.close()
    return elapsed


def wait_shown(app: QApplication, widget: object) -> None:
    widget.show()  # type: ignore[attr-defined]
    QTest.qWaitForWindowExposed(widget)  # type: ignore[arg-type]
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    style.apply(app)
    i18n.set_language("fr")
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    folder = Path(tempfile.mkdtemp(prefix="dsar-bench-cases-"))
    try:
        path = folder / "bench.dsar"
        print(f"machine: {machine()}, Qt platform {app.platformName()}")
        print(f"cases: {args.cases} (generated and inserted in {build(path, args.cases):.2f} s)")
        shown, shown_cpu, unlock_t, data_t, list_t = [], [], [], [], []
        for _ in range(args.runs):
            c0 = time.process_time()
            t0 = time.perf_counter()
            register = register_service.unlock_register(path, PASS)
            t1 = time.perf_counter()
            page = DashboardPage(register, ScriptedDialogs(), None)
            page.resize(1280, 800)
            t2 = time.perf_counter()
            wait_shown(app, page)
            t3 = time.perf_counter()
            shown_cpu.append(time.process_time() - c0)
            cases = CaseListPage(register, ScriptedDialogs(), None)
            cases.resize(1280, 800)
            wait_shown(app, cases)
            t4 = time.perf_counter()
            unlock_t.append(t1 - t0)
            data_t.append(t2 - t1)
            shown.append(t3 - t0)
            list_t.append(t4 - t3)
            open_rows = page.model.rowCount()
            page.close()
            cases.close()
            page.deleteLater()
            register.close()
            app.processEvents()
        print(f"open cases on the dashboard: {open_rows}")
        print(f"unlock (Argon2id + open): median {statistics.median(unlock_t) * 1000:.0f} ms")
        print(f"dashboard data + model + widgets: median {statistics.median(data_t) * 1000:.0f} ms")
        print(
            f"(a) unlock -> dashboard shown: best {min(shown) * 1000:.0f} ms, median {statistics.median(shown) * 1000:.0f} ms"
        )
        print(f"(a) the same in CPU time of the process: median {statistics.median(shown_cpu) * 1000:.0f} ms")
        print(
            f"case list (all {args.cases} rows, loaded when first shown) loaded and shown: median {statistics.median(list_t) * 1000:.0f} ms"
        )

        register = register_service.unlock_register(path, PASS)
        page = CaseListPage(register, ScriptedDialogs(), None)
        page.resize(1280, 800)
        wait_shown(app, page)
        page.search.setFocus()
        per_key: list[float] = []
        per_key_cpu: list[float] = []
        typed = "heloise dupre"
        shown_rows = 0
        for _ in range(args.runs):
            for key in [*typed, *([Qt.Key.Key_Backspace] * len(typed))]:
                start, start_cpu = time.perf_counter(), time.process_time()
                QTest.keyClick(page.search, key)  # type: ignore[arg-type]
                app.processEvents()
                per_key.append(time.perf_counter() - start)
                per_key_cpu.append(time.process_time() - start_cpu)
                if page.search.text() == typed:
                    shown_rows = page.proxy.rowCount()
        combo: list[float] = []
        for index in (1, 2, 0, 1, 0):
            start = time.perf_counter()
            page.window_combo.setCurrentIndex(index)
            app.processEvents()
            combo.append(time.perf_counter() - start)
        for label, values in (("wall clock", per_key), ("CPU time of the process", per_key_cpu)):
            ms = sorted(x * 1000 for x in values)
            print(
                f"(b) filter per keystroke, {label} ('{typed}' typed then erased, {len(ms)} keys, repaint "
                f"included): median {statistics.median(ms):.0f} ms, 90th percentile {ms[int(len(ms) * 0.9)]:.0f} ms, "
                f"max {ms[-1]:.0f} ms"
            )
        print(f"'{typed}' matches {shown_rows} of {args.cases} rows")
        print(
            f"due-window filter change: median {statistics.median(combo) * 1000:.0f} ms, max {max(combo) * 1000:.0f} ms"
        )
        register.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        for suffix in ("", ".keys", ".lock"):
            p = Path(str(folder / "bench.dsar") + suffix)
            if p.exists():
                os.unlink(p)


if __name__ == "__main__":
    main()
