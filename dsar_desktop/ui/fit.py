"""Windows that fit a 1366×768 (and 1024×700) screen: a scrolling body above a fixed footer, sizes from the screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scrolling_body(window: QWidget) -> tuple[QVBoxLayout, QVBoxLayout]:
    """(body, footer) layouts of `window`: the body scrolls when the screen is short, the footer (OK/Cancel,
    Record…) stays in sight below it."""
    outer = QVBoxLayout(window)
    outer.setContentsMargins(0, 0, 0, 0)
    return scrolling_column(outer)


def scrolling_column(outer: QVBoxLayout) -> tuple[QVBoxLayout, QVBoxLayout]:
    """The same inside an existing column layout."""
    scroll = QScrollArea()
    scroll.setObjectName("fitBody")
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the focus; it follows them
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    content = QWidget()
    body = QVBoxLayout(content)
    scroll.setWidget(content)
    outer.addWidget(scroll, 1)
    footer = QVBoxLayout()
    footer.setContentsMargins(9, 0, 9, 9)
    outer.addLayout(footer)
    return body, footer


def available_size(window: QWidget) -> QSize:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else QSize(1024, 700)


def fit_to_screen(window: QWidget, wanted: QSize | None = None) -> None:
    """Size a window to what it wants (its size hint) without passing the screen's available area."""
    room = available_size(window)
    if wanted is None:
        wanted = window.sizeHint()
        scroll = window.findChild(QScrollArea, "fitBody")
        if scroll is not None and scroll.widget() is not None:  # the whole body, as if it did not scroll
            inner = scroll.widget().sizeHint()
            wanted = QSize(
                max(wanted.width(), inner.width() + 24),
                wanted.height() - scroll.sizeHint().height() + inner.height() + 4,
            )
    window.resize(
        wanted.boundedTo(QSize(room.width() - 40, room.height() - 60)).expandedTo(window.minimumSizeHint())
    )
