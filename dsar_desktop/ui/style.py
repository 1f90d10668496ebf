"""The application's look: a calm light palette with accessible contrast, and helpers for the few special labels."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette, Qt  # QtGui's Qt also has mightBeRichText
from PySide6.QtWidgets import QApplication, QLabel, QWidget

# Combo and spin boxes are left to Fusion and the palette: a stylesheet border there breaks their arrows.
# Contrast against WINDOW/BASE (WCAG 2.1): TEXT 14.5:1, MUTED 7.0:1, ACCENT 7.4:1, ERROR 7.1:1.
WINDOW = "#f4f6f8"
BASE = "#ffffff"
TEXT = "#1f2933"
MUTED = "#4a5560"
ACCENT = "#1d4f73"
ACCENT_LIGHT = "#dce8f2"
BORDER = "#c3ccd5"
ERROR = "#a3231f"
ERROR_BACKGROUND = "#fbeaea"
WARNING_BACKGROUND = "#fff4d6"
WARNING_TEXT = "#6b4a00"
NOTE_BACKGROUND = "#e8f1f8"
DISABLED_BACKGROUND = "#e9edf0"
STRONG = "#1e6b34"  # a passphrase meter's top level; 6.5:1 against BASE
BACKDROP = "#d9e0e6"  # behind the unlock dialog, so the dialog stands out from the locked window

STYLESHEET = f"""
QWidget {{ color: {TEXT}; }}
QMainWindow, QDialog, QWizard {{ background: {WINDOW}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QListWidget, QTableView, QTreeView {{
    background: {BASE}; border: 1px solid {BORDER}; border-radius: 3px; padding: 3px;
    selection-background-color: {ACCENT}; selection-color: {BASE};
}}
QLineEdit:focus, QPlainTextEdit:focus {{ border: 2px solid {ACCENT}; }}
QLineEdit:disabled {{ background: {WINDOW}; color: {MUTED}; }}
QPushButton {{
    background: {BASE}; border: 1px solid {BORDER}; border-radius: 3px; padding: 5px 14px; min-height: 18px;
}}
QPushButton:hover {{ background: {ACCENT_LIGHT}; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:default {{ background: {ACCENT}; color: {BASE}; border: 1px solid {ACCENT}; }}
QPushButton:default:hover {{ background: #163d59; }}
QPushButton:disabled {{ color: {MUTED}; background: {DISABLED_BACKGROUND}; border: 1px dashed {BORDER}; }}
QCheckBox:disabled {{ color: {MUTED}; }}
QTabWidget::pane {{ border: 1px solid {BORDER}; background: {BASE}; top: -1px; }}
QTabBar::tab {{
    background: {WINDOW}; border: 1px solid {BORDER}; padding: 6px 14px; margin-right: 2px;
    border-top-left-radius: 3px; border-top-right-radius: 3px;
}}
QTabBar::tab:focus {{ border: 2px solid {ACCENT}; text-decoration: underline; }}
QCheckBox:focus, QRadioButton:focus {{ background: {ACCENT_LIGHT}; }}
QTableView:focus, QListWidget:focus, QTreeView:focus {{ border: 2px solid {ACCENT}; }}
QTabBar::tab:selected {{ background: {BASE}; border-bottom-color: {BASE}; font-weight: bold; color: {ACCENT}; }}
QStatusBar {{ background: {ACCENT_LIGHT}; color: {TEXT}; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QMenuBar {{ background: {BASE}; border-bottom: 1px solid {BORDER}; }}
QMenuBar::item:selected, QMenu::item:selected {{ background: {ACCENT}; color: {BASE}; }}
QMenu {{ background: {BASE}; border: 1px solid {BORDER}; }}
QWidget#lockedPanel {{ background: {BACKDROP}; }}
QLabel[role="title"] {{ font-size: 16pt; font-weight: bold; color: {ACCENT}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="error"] {{
    color: {ERROR}; background: {ERROR_BACKGROUND}; border: 1px solid {ERROR}; border-radius: 3px; padding: 6px;
}}
QLabel[role="warning"] {{
    color: {WARNING_TEXT}; background: {WARNING_BACKGROUND}; border: 1px solid #d9b44a; border-radius: 3px;
    padding: 6px;
}}
QLabel[role="note"] {{
    background: {NOTE_BACKGROUND}; border: 1px solid {BORDER}; border-radius: 3px; padding: 6px;
}}
QProgressBar[level="empty"], QProgressBar[level="weak"], QProgressBar[level="enough"],
QProgressBar[level="strong"] {{ background: {BASE}; border: 1px solid {BORDER}; border-radius: 3px; }}
QProgressBar[level="weak"]::chunk {{ background: {ERROR}; }}
QProgressBar[level="enough"]::chunk {{ background: {ACCENT}; }}
QProgressBar[level="strong"]::chunk {{ background: {STRONG}; }}
QLabel[role="secret"] {{
    background: {BASE}; border: 2px dashed {ACCENT}; border-radius: 4px; padding: 14px; color: {TEXT};
}}
"""


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(WINDOW))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Base, QColor(BASE))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#eef2f5"))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Button, QColor(BASE))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(BASE))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor(BASE))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(MUTED))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(MUTED))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)


def set_role(label: QWidget, role: str) -> None:
    """Give a label one of the roles the stylesheet knows (title, muted, error, warning, note, secret)."""
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


def monospace_font(point_size: int = 11) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(point_size)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def role_label(text: str, role: str, word_wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(word_wrap)
    set_role(label, role)
    return label


def plain_label(text: str = "", word_wrap: bool = True) -> QLabel:
    """A label for text a person typed or a file brought: shown as written, never read as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(word_wrap)
    return label


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as written. Qt guesses whether a tooltip is rich text, so a value starting
    with markup (or holding "&lt;" in its first line) would be rendered; such text is escaped instead."""
    if not text or not Qt.mightBeRichText(text):
        return text
    return "<p style='white-space:pre-wrap'>" + escape(text, quote=False) + "</p>"
