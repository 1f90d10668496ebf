"""The Statistics page's charts, painted with QPainter (QtCharts is not in PySide6-Essentials): horizontal
bars of counts by label, and the month-by-month lines of requests received and answered."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

RECEIVED = QColor("#1d4f73")
ANSWERED = QColor("#d0791b")
GRID = QColor("#dddddd")
TEXT = QColor("#2b2b2b")


def nice_ceiling(value: int) -> int:
    """A round top for an axis: 1, 2, 5 × 10^n at or above `value`."""
    if value <= 1:
        return 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


class BarChart(QWidget):
    """One horizontal bar per (label, count), the count written at the bar's end."""

    ROW = 22

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: Sequence[tuple[str, int]]) -> None:
        self.bars = list(bars)
        self.setAccessibleDescription(", ".join(f"{label}: {count}" for label, count in self.bars))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(360, self.ROW * max(1, len(self.bars)) + 30)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        top = 4
        if self.title:
            painter.setPen(TEXT)
            painter.drawText(QRectF(0, 0, self.width(), metrics.height()), self.title)
            top = metrics.height() + 6
        widest = max((metrics.horizontalAdvance(label) for label, _ in self.bars), default=0)
        label_width = min(widest + 8, int(self.width() * 0.6))
        number_width = metrics.horizontalAdvance("00000") + 6
        span = max(10, self.width() - label_width - number_width)
        top_value = max((count for _, count in self.bars), default=0) or 1
        for index, (label, count) in enumerate(self.bars):
            y = top + index * self.ROW
            painter.setPen(TEXT)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                QRectF(0, y, label_width - 8, self.ROW),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            length = span * count / top_value
            painter.fillRect(
                QRectF(label_width, y + 4, max(length, 1 if count else 0), self.ROW - 8), RECEIVED
            )
            painter.drawText(
                QRectF(label_width + length + 4, y, number_width, self.ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(count),
            )
        painter.end()


class TrendChart(QWidget):
    """Two lines over the months: received and answered, with a value grid and a legend."""

    def __init__(self, received_label: str, answered_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = (received_label, answered_label)
        self.months: list[str] = []
        self.received: list[int] = []
        self.answered: list[int] = []
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_points(self, months: Sequence[str], received: Sequence[int], answered: Sequence[int]) -> None:
        self.months, self.received, self.answered = list(months), list(received), list(answered)
        self.setAccessibleDescription(
            "; ".join(
                f"{m}: {r} / {a}" for m, r, a in zip(self.months, self.received, self.answered, strict=True)
            )
        )
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(600, 240)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line_height = metrics.height()
        step_value = nice_ceiling(-(-max([*self.received, *self.answered, 1]) // 4))  # whole-number ticks
        top_value = step_value * 4
        left = metrics.horizontalAdvance(str(top_value)) + 10
        legend_h = line_height + 8
        plot = QRectF(
            left,
            legend_h + 4,
            max(10, self.width() - left - 12),
            max(10, self.height() - legend_h - 2 * line_height - 14),
        )
        # legend, top right
        x = plot.right()
        for colour, text in reversed(list(zip((RECEIVED, ANSWERED), self.labels, strict=True))):
            width = metrics.horizontalAdvance(text)
            x -= width
            painter.setPen(TEXT)
            painter.drawText(QPointF(x, line_height), text)
            x -= 22
            painter.setPen(QPen(colour, 3))
            painter.drawLine(QPointF(x, line_height * 0.65), QPointF(x + 16, line_height * 0.65))
            x -= 16
        # grid and value axis
        for step in range(5):
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(TEXT)
            text = str(step_value * step)
            painter.drawText(
                QRectF(0, y - line_height / 2, left - 6, line_height), Qt.AlignmentFlag.AlignRight, text
            )
        if not self.months:
            painter.end()
            return
        count = len(self.months)

        def x_of(i: int) -> float:
            return plot.left() + (plot.width() * (i + 0.5) / count)

        # month labels: at most one every so many months so they never overlap
        widest = max(metrics.horizontalAdvance(m) for m in self.months) + 8
        every = max(1, int(widest * count / max(plot.width(), 1)) + 1)
        painter.setPen(TEXT)
        for i, month in enumerate(self.months):
            if i % every == 0:
                painter.drawText(
                    QRectF(x_of(i) - widest / 2, plot.bottom() + 4, widest, line_height),
                    Qt.AlignmentFlag.AlignHCenter,
                    month,
                )
        for colour, values in ((RECEIVED, self.received), (ANSWERED, self.answered)):
            points = QPolygonF(
                [
                    QPointF(x_of(i), plot.bottom() - plot.height() * v / top_value)
                    for i, v in enumerate(values)
                ]
            )
            painter.setPen(QPen(colour, 2.4))
            painter.drawPolyline(points)
            painter.setBrush(colour)
            for point in points:
                painter.drawEllipse(point, 3, 3)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.end()
