"""The uncaught-exception handler of the app: a report in the log folder, and a window saying where it is."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import logs
from .i18n import tr

Reporter = Callable[[Path], None]


class _MainThreadPost(QObject):
    """Carries a report path from any thread to the GUI thread (widgets only live there)."""

    reported = Signal(str)


def tell_the_person(path: Path) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, tr("DSAR Desktop — unexpected error"), "")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(tr(
        "Something went wrong that DSAR Desktop did not expect. Your register is safe: every change is saved as "
        "it is made.\n\nA report (without personal data) was written to:\n{path}\n\nSend this file to your IT "
        "support. You can go on working; if the problem comes back, quit and start the app again.",
        path=str(path),
    ))  # fmt: skip
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def install(app: QApplication, tell: Reporter = tell_the_person, folder: Path | None = None) -> None:
    """Route uncaught exceptions (main and worker threads) and Qt's warnings to the log folder."""
    post = _MainThreadPost(app)
    post.reported.connect(lambda path: tell(Path(path)))
    showing = {"busy": False}

    def report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            path = logs.write_crash_report(exc_type, exc, tb, folder)
        except OSError:
            sys.__excepthook__(exc_type, exc, tb)  # nowhere to write: at least the console
            return
        if showing["busy"]:
            return  # one window at a time: a failing paint event must not stack hundreds
        showing["busy"] = True
        try:
            post.reported.emit(str(path))
        finally:
            showing["busy"] = False

    def thread_report(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            report(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = report
    threading.excepthook = thread_report
    qInstallMessageHandler(_qt_message)


def _qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        logs.log.getChild("qt").warning("%s", message)
