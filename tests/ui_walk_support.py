"""Opens every window of the app on a demo register and hands each to checks (fit, accessible names, mnemonics).

"Every window": the main window on each page; a case file on each of its tabs, for several kinds of case;
every dialog a case file's action buttons and tab buttons open; every window the menus open; the unlock
and first-run windows. Dialogs are caught where they are shown (`Dialogs.run`, `QDialog.exec`/`open`),
checked, then cancelled, so nothing is recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabBar,
    QWidget,
)

from dsar_desktop.ui.dialogs import ScriptedDialogs

SCREEN = QSize(1024, 700)
Check = Callable[[str, QWidget], None]


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


# ---- the checks -----------------------------------------------------------------------------------------


def fit_problems(window: QWidget, screen: QSize = SCREEN) -> list[str]:
    """The window's minimum size exceeds the screen, or a visible button lies outside the window."""
    problems = []
    settle()
    minimum = window.minimumSize().expandedTo(window.minimumSizeHint())
    if minimum.width() > screen.width() or minimum.height() > screen.height():
        problems.append(
            f"minimum size {minimum.width()}x{minimum.height()} > {screen.width()}x{screen.height()}"
        )
    if window.width() > screen.width() or window.height() > screen.height():
        window.resize(window.size().boundedTo(screen))
        settle()
    frame = QRect(QPoint(0, 0), window.size())
    for button in window.findChildren(QAbstractButton):
        if (
            not button.isVisible()
            or button.window() is not window
            or isinstance(button.parentWidget(), QTabBar)
        ):
            continue
        if button.width() == 0 or button.height() == 0:
            continue  # a layout that ran out of room hides nothing this way; reported by the minimum size
        place = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        if _inside_scroll_area(button):
            continue  # reachable by scrolling; the scroll area itself is a widget of the window
        if not frame.contains(place):
            problems.append(f"button {button.text()!r} at {place.getRect()} outside {frame.getRect()}")
    return problems


def _inside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _buddy_text(widget: QWidget) -> str:
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget:
            return label.text()
    return ""


def accessible_name(widget: QWidget) -> str:
    """What a screen reader announces as the control's name (a combo box's current text is not a name)."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton):
        return widget.text() or widget.toolTip()
    if isinstance(widget, QGroupBox):
        return widget.title()
    if isinstance(widget, QLabel):
        return widget.text()
    if isinstance(widget, QTabBar):
        return " ".join(widget.tabText(i) for i in range(widget.count()))
    buddy = _buddy_text(widget)
    if buddy:
        return buddy
    # Not QAccessible.queryAccessibleInterface: its wrapper breaks reference counts in PySide6 (a crash
    # at exit); Qt derives a line edit's name from the same buddy label, and a combo's from nothing.
    return ""


def unnamed_controls(window: QWidget) -> list[str]:
    """Every visible control that takes keyboard focus and has no accessible name."""
    from PySide6.QtCore import Qt

    missing = []
    for widget in window.findChildren(QWidget):
        if (
            not widget.isVisible()
            or widget.focusPolicy() == Qt.FocusPolicy.NoFocus
            or widget.window() is not window
        ):
            continue
        if widget.focusProxy() is not None:
            continue  # the proxy is the control (a spin box's line edit, a combo's view)
        parent = widget.parentWidget()
        if parent is not None and parent.focusProxy() is widget:
            continue  # inner editor of a named composite control
        if type(widget).__name__ in ("QScrollBar",) or widget.objectName().startswith("qt_"):
            continue
        if not accessible_name(widget).replace("&", "").strip():
            missing.append(
                f"{type(widget).__name__} {widget.objectName() or ''} in {type(widget.parentWidget()).__name__}"
            )
    return missing


def mnemonic_clashes(window: QWidget) -> list[str]:
    """Two visible controls of one window answering the same Alt+letter."""
    import re

    owners: dict[str, list[str]] = {}

    def note(text: str) -> None:
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match:
            owners.setdefault(match[1].lower(), []).append(text)

    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton) and not isinstance(widget.parentWidget(), QTabBar):
            note(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            note(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            note(widget.title())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                note(widget.tabText(i))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            note(action.text())
    return [f"Alt+{key.upper()}: {texts}" for key, texts in sorted(owners.items()) if len(texts) > 1]


# ---- catching the dialogs -------------------------------------------------------------------------------


class InspectingDialogs(ScriptedDialogs):
    """Checks each form dialog as it would show, then cancels it; declines every question and file."""

    def __init__(self, check: Check) -> None:
        super().__init__()
        self.check = check

    def confirm(self, parent: QWidget | None, text: str, title: str | None = None) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title or "", text, parent=parent)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.show()
        self.check(f"question: {text[:40]}", box)
        box.close()
        self.shown.append(("confirm", text))
        return False

    def run(self, dialog: QDialog) -> bool:
        dialog.show()
        self.check(f"{type(dialog).__name__} {dialog.windowTitle()}", dialog)
        dialog.reject()
        return False


def new_top_windows(before: set[int]) -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and id(w) not in before and not isinstance(w, QMenu) and w.isWindow()
    ]


def check_windows_opened_by(action: Callable[[], Any], check: Check, name: str) -> None:
    """Run an action; every new visible window (opened with `open()`/`show()`) is checked, then closed."""
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    handled: set[int] = set()

    def close_modal() -> None:
        # A dialog run with exec() (print dialogs) blocks the action: check and cancel it from its own loop.
        modal = QApplication.activeModalWidget()
        if modal is not None and id(modal) not in handled:
            handled.add(id(modal))
            check(f"{name}: {type(modal).__name__} {modal.windowTitle()}", modal)
            modal.reject() if isinstance(modal, QDialog) else modal.close()

    closer = QTimer()
    closer.setInterval(30)
    closer.timeout.connect(close_modal)
    closer.start()
    try:
        action()
        settle()
    finally:
        closer.stop()
    for window in new_top_windows(before):
        check(f"{name}: {type(window).__name__} {window.windowTitle()}", window)
        if isinstance(window, QDialog):
            window.reject()
        window.close()
        settle()


def demo_register(folder: Path, cases: int = 40) -> Any:
    from dsar_desktop.services.demo import create_demo_register
    from dsar_desktop.services.office import Office

    return Office.adopt(
        create_demo_register(
            folder / "demo.dsar", "alice", "demo passphrase for the window walk", cases
        ).register
    )
