"""A row of buttons that wraps onto the next line instead of widening the window (Qt's FlowLayout example)."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Lays items left to right and starts a new line when the next one does not fit; height follows width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6, one_line_hint: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        # Beside other widgets in a row, the row gives the flow its size hint first: hinting one line keeps the
        # buttons on one line while there is room, and they wrap only when the row is squeezed.
        self._one_line_hint = one_line_hint
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def addStretch(self, _stretch: int = 0) -> None:  # noqa: N802 - the QBoxLayout call sites use it; a flow has no stretch
        return

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        if not self._one_line_hint:
            return self.minimumSize()
        shown = [i for i in self._items if i.widget() is None or not i.widget().isHidden()]
        width = sum(i.sizeHint().width() for i in shown) + self._spacing * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[tuple[QLayoutItem, QSize, int]]] = [[]]  # per line: item, its size, its x
        x = area.x()
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if lines[-1] and x + hint.width() > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, hint, x))
            x += hint.width() + self._spacing
        y = area.y()
        for line in lines:
            if not line:
                continue
            line_height = max(hint.height() for _, hint, _ in line)
            if move:  # a label beside a taller field sits on the field's middle, as in a QHBoxLayout
                for item, hint, left in line:
                    item.setGeometry(QRect(QPoint(left, y + (line_height - hint.height()) // 2), hint))
            y += line_height + self._spacing
        return max(y - self._spacing, area.y()) - rect.y() + margins.bottom()
