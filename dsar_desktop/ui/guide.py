"""Help → Guide (F1): the bundled guide in Markdown, shown offline, opened at the page of the current screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..paths import GUIDE, LICENSE, NOTICES
from .i18n import language, tr

# Which page answers F1, by the part of the interface the focused widget belongs to (its module);
# the first match walking up from the focused widget wins.
TOPICS = (
    ("dsar_desktop.ui.identity", "identity.md"),
    ("dsar_desktop.ui.extracts", "extracts.md"),
    ("dsar_desktop.ui.documents", "packs-printing.md"),
    ("dsar_desktop.ui.slots_dialog", "lost-passphrase.md"),
    ("dsar_desktop.ui.unlock", "lost-passphrase.md"),
    ("dsar_desktop.ui.first_run", "first-start.md"),
    ("dsar_desktop.ui.settings_dialog", "backups.md"),
    ("dsar_desktop.ui.restore", "backups.md"),
    ("dsar_desktop.ui.cases", "request.md"),
    ("dsar_desktop.ui.mail", "request.md"),
)
INDEX = "index.md"


def guide_folder(lang: str | None = None) -> Path:
    folder = GUIDE / (lang or language())
    return folder if folder.is_dir() else GUIDE / "en"


def page_for(widget: QWidget | None) -> str:
    """The guide page about the screen `widget` is part of (the contents when none is specific)."""
    while widget is not None:
        module = type(widget).__module__
        for prefix, page in TOPICS:
            if module == prefix or module.startswith(prefix + "."):
                return page
        widget = widget.parentWidget()
    return INDEX


class GuideWindow(QDialog):
    """A browser over the Markdown pages; links between pages work, outside links open the system browser."""

    def __init__(self, parent: QWidget | None = None, page: str = INDEX) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("DSAR Desktop — guide"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor)
        self.browser.setAccessibleName(tr("Guide page"))
        self.back_button = QPushButton(tr("Back"))
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.contents_button = QPushButton(tr("Contents"))
        self.contents_button.clicked.connect(lambda: self.show_page(INDEX))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.contents_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self, self.browser.backward)
        screen = (parent.screen() if parent is not None else None) or QApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 760, 640
        if room is not None:
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(width, height)
        self.back_button.setEnabled(False)
        self.show_page(page)

    def show_page(self, page: str) -> None:
        path = guide_folder() / page
        if not path.is_file():
            path = guide_folder() / INDEX
        self.browser.setSource(QUrl.fromLocalFile(str(path)))

    def current_page(self) -> str:
        return Path(self.browser.source().toLocalFile()).name

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            self.browser.setSource(self.browser.source())  # stay on the page; the system opens the link
            QDesktopServices.openUrl(url)


class LicencesWindow(QDialog):
    """Help → Licences: DSAR Desktop's licence and the third-party notices (Qt's LGPL terms among them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Licences"))
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(tr("Licences"))
        text = f"# DSAR Desktop {__version__}\n\n```\n{_read(LICENSE)}\n```\n\n{_read(NOTICES)}"
        self.browser.setMarkdown(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent is not None else None) or QApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        self.resize(
            min(760, room.width() - 40) if room else 760, min(600, room.height() - 60) if room else 600
        )


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return tr("({name} is missing from this installation.)", name=path.name)


def open_guide(parent: QWidget | None, page: str = INDEX) -> GuideWindow:
    """Show the guide at `page`, reusing the window already open for this parent."""
    window = getattr(parent, "_dsar_guide_window", None) if parent is not None else None
    if not isinstance(window, GuideWindow):
        window = GuideWindow(parent, page)
        if parent is not None:
            parent._dsar_guide_window = window  # type: ignore[attr-defined]
    else:
        window.show_page(page)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


class _HelpKey(QObject):
    """F1 in any window of the app opens the guide at the page of the widget that has the focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F1
        ):
            focus = QApplication.focusWidget() or QApplication.activeWindow()
            top = QApplication.activeWindow()
            if isinstance(top, GuideWindow):
                return True
            open_guide(top, page_for(focus))
            return True
        return False


def install_help_key(app: QApplication) -> QObject:
    help_key = _HelpKey(app)
    app.installEventFilter(help_key)
    return help_key
