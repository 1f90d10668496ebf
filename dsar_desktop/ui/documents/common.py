"""Shared pieces of the documents screens: the page preview, the printer question, letter-kind labels."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ...domain.errors import describe
from ...services import letters
from .. import style
from ..i18n import language, pick, tr
from ..workers import Job, Runner

PREVIEW_DPI = 90
MAX_PREVIEW_PAGES = 12
_IN_FLIGHT: set[Job] = set()  # a job's signals must outlive the widget that started it


def start_job(runner: Runner, job: Job) -> Job:
    """Start a job and keep it alive until it reports back, whatever happens to its widget meanwhile."""
    _IN_FLIGHT.add(job)

    def forget(_outcome: object) -> None:
        # Later, not now: dropping the last reference inside the emit would delete the sender mid-signal.
        QTimer.singleShot(0, lambda: _IN_FLIGHT.discard(job))

    job.signals.finished.connect(forget)
    job.signals.failed.connect(forget)
    runner.start(job)
    return job


def kind_label(kind: str) -> str:
    """The letter kind in the user's language."""
    return pick(letters.tpl.KIND_LABELS[kind])


def error_text(error: BaseException) -> str:
    return describe(error, language())


def render_pages(
    pdf: bytes, max_pages: int = MAX_PREVIEW_PAGES, dpi: int = PREVIEW_DPI
) -> tuple[int, list[bytes]]:
    """(page count, PNG of the first pages): pure work for a worker thread, no register involved."""
    total = letters.page_count(pdf)
    return total, [letters.page_png(pdf, page, dpi) for page in range(1, min(total, max_pages) + 1)]


class PagePreview(QScrollArea):
    """A column of rendered pages; `show_pdf` draws them off the main thread and keeps the last good ones."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWidgetResizable(True)
        self.setMinimumWidth(300)
        self.page_labels: list[QLabel] = []
        self.total_pages = 0
        self._generation = 0
        inner = QWidget()
        inner.setStyleSheet(f"background: {style.BACKDROP};")
        self.column = QVBoxLayout(inner)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.status = style.role_label("", "muted")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.hide()
        self.column.addWidget(self.status)
        self.setWidget(inner)

    def show_pdf(self, pdf: bytes, on_shown: Callable[[], None] | None = None) -> None:
        if not self.page_labels:
            self.show_message(tr("Drawing the preview…"))
        self._generation += 1
        generation = self._generation

        def finished(result: Any) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._show_pages(*result)
                if on_shown is not None:
                    on_shown()

        def failed(error: BaseException) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.show_message(tr("The preview cannot be drawn: {reason}", reason=error_text(error)))

        job = Job(lambda progress, cancel: render_pages(pdf))
        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        start_job(self.runner, job)

    def show_message(self, text: str) -> None:
        """A sentence instead of pages (e.g. why this letter cannot be produced)."""
        self._generation += 1
        self._clear_pages()
        self.status.setText(text)
        self.status.show()

    def _clear_pages(self) -> None:
        for label in self.page_labels:
            self.column.removeWidget(label)
            label.hide()  # deleteLater waits for the event loop; until then it must not show
            label.deleteLater()
        self.page_labels = []
        self.total_pages = 0

    def _show_pages(self, total: int, pngs: list[bytes]) -> None:
        self._clear_pages()
        self.total_pages = total
        for number, png in enumerate(pngs, start=1):
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            label = QLabel()
            label.setProperty("page", pixmap)
            label.setStyleSheet("background: white; border: 1px solid #9aa5b1; margin: 6px;")
            label.setToolTip(tr("Page {page} of {total}", page=number, total=total))
            self.column.addWidget(label)
            self.page_labels.append(label)
        self._fit_pages()
        if total > len(pngs):
            self.status.setText(
                tr("The preview shows the first {shown} of {total} pages.", shown=len(pngs), total=total)
            )
            self.column.removeWidget(self.status)
            self.column.addWidget(self.status)
            self.status.show()
        else:
            self.status.hide()

    def _fit_pages(self) -> None:
        """Pages shrink to the width of the view (never enlarged), so no page is cut at the right."""
        width = max(200, self.viewport().width() - 48)  # label margins, border and layout margins
        for label in self.page_labels:
            pixmap = label.property("page")
            if not isinstance(pixmap, QPixmap) or pixmap.isNull():
                continue
            if pixmap.width() > width:
                pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_pages()
