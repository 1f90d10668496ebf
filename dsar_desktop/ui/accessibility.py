"""Accessible names for controls that have a visible caption but were not tied to it (one place, app-wide).

A screen reader announces a control by its accessible name; Qt finds it for a button (its text) and
for a field with a buddy label (QFormLayout rows), not for a text box under a caption in a column,
a table inside a titled group or a tab. When such a control is shown without a name, this filter ties
it to that caption: the label just before it in its layout (which also becomes its buddy, so the
label's Alt+letter reaches it), else its placeholder or tool tip, else its group box's title or its tab's title.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)


def _plain(text: str) -> str:
    """A caption as spoken: no markup, no '&' of the mnemonic, no trailing colon."""
    from PySide6.QtGui import QTextDocumentFragment

    if "<" in text:
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def _containing_layout(layout: QLayout, widget: QWidget) -> QLayout | None:
    if layout.indexOf(widget) >= 0:
        return layout
    for index in range(layout.count()):
        child = layout.itemAt(index).layout()
        if child is not None:
            found = _containing_layout(child, widget)
            if found is not None:
                return found
    return None


def _caption_before(widget: QWidget) -> QLabel | None:
    parent = widget.parentWidget()
    if parent is None or parent.layout() is None:
        return None
    layout = _containing_layout(parent.layout(), widget)
    if layout is None:
        return None
    index = layout.indexOf(widget)
    if isinstance(layout, QGridLayout):
        row, column, _rows, _columns = layout.getItemPosition(index)
        candidates = [layout.itemAtPosition(row, column - 1), layout.itemAtPosition(row - 1, column)]
    else:
        candidates = [layout.itemAt(index - 1)] if index > 0 else []
    for item in candidates:
        label = item.widget() if item is not None else None
        if isinstance(label, QLabel) and label.text().strip() and label.buddy() in (None, widget):
            return label
    return _form_label_of_row(parent.layout(), layout)


def _form_label_of_row(top: QLayout, row: QLayout) -> QLabel | None:
    """A form row whose field is a small layout (a path and its Choose… button): the row's label."""
    for form in [top, *top.findChildren(QFormLayout)]:
        if isinstance(form, QFormLayout):
            label = form.labelForField(row)
            if isinstance(label, QLabel) and label.buddy() is None:
                return label
    return None


def _titled_ancestor(widget: QWidget) -> str:
    child, parent = widget, widget.parentWidget()
    while parent is not None and not child.isWindow():
        if isinstance(parent, QGroupBox) and parent.title():
            return parent.title()
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            index = parent.indexOf(child)
            if index >= 0 and tabs.tabText(index):
                return tabs.tabText(index)
        child, parent = parent, parent.parentWidget()
    return ""


def derive_name(widget: QWidget) -> str:
    """The caption a sighted person reads for this control ('' when there is none to find)."""
    if isinstance(widget, (QAbstractButton, QLabel, QGroupBox)):
        return ""  # Qt names these from their own text
    label = _caption_before(widget)
    if label is not None:
        label.setBuddy(widget)
        return _plain(label.text())
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) and widget.placeholderText():
        return _plain(widget.placeholderText())
    if widget.toolTip():
        return _plain(widget.toolTip())
    return _plain(_titled_ancestor(widget))


class AccessibleNames(QObject):
    """Application event filter: names each focusable control the first time it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not watched.accessibleName()
        ):
            try:
                name = derive_name(watched)
            except RuntimeError:  # a caption deleted while its window closes: nothing to name any more
                return False
            if name:
                watched.setAccessibleName(name)
        return False


def install(app: QApplication) -> AccessibleNames:
    names = AccessibleNames(app)
    app.installEventFilter(names)
    return names
