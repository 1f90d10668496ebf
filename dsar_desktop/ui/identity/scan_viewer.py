"""The scan viewer: pages of an identity scan shown from memory with zoom, fit, rotate and page switch."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr

ZOOM_STEP = 1.25


class _View(QGraphicsView):
    """A graphics view that tells its owner when its own size changed (to keep a fitted page fitted)."""

    def __init__(self, scene: QGraphicsScene, on_resize: Callable[[], None]) -> None:
        super().__init__(scene)
        self._on_resize = on_resize

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._on_resize()


class ScanViewer(QWidget):
    """Shows a list of page images (JPEG/PNG bytes held in memory)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: list[bytes] = []
        self.page_index = 0
        self.rotation = 0
        self.zoom = 1.0
        self.fitted = True
        self.scene = QGraphicsScene(self)
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.addItem(self.item)
        self.view = _View(self.scene, self._on_view_resized)
        self.view.setAccessibleName(tr("Scan of the proof"))
        self.view.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.view.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.view.setMinimumSize(360, 300)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()

        self.zoom_in_button = QPushButton(tr("Zoom in"))
        self.zoom_out_button = QPushButton(tr("Zoom out"))
        self.fit_button = QPushButton(tr("Fit"))
        self.rotate_button = QPushButton(tr("Rotate 90°"))
        self.previous_button = QPushButton(tr("◀ Page"))
        self.next_button = QPushButton(tr("Page ▶"))
        self.page_label = QLabel()
        tools = QHBoxLayout()
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button, self.rotate_button):
            button.setAutoDefault(False)
            tools.addWidget(button)
        tools.addStretch(1)
        for widget in (self.previous_button, self.page_label, self.next_button):
            tools.addWidget(widget)
        self.previous_button.setAutoDefault(False)
        self.next_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message, 1)
        privacy = QLabel(tr("The scan is shown from the encrypted register and never written to disk."))
        privacy.setWordWrap(True)
        privacy.setProperty("role", "muted")
        layout.addWidget(privacy)
        self._connect()
        self._update_controls()

    def _connect(self) -> None:
        self.zoom_in_button.clicked.connect(self._on_zoom_in)
        self.zoom_out_button.clicked.connect(self._on_zoom_out)
        self.fit_button.clicked.connect(self._on_fit)
        self.rotate_button.clicked.connect(self._on_rotate)
        self.previous_button.clicked.connect(self._on_previous)
        self.next_button.clicked.connect(self._on_next)

    # ---- content --------------------------------------------------------------------
    def set_pages(self, pages: list[bytes]) -> None:
        self.pages = list(pages)
        self.page_index = 0
        self.rotation = 0
        self.fitted = True
        if not self.pages:
            self._show_message(tr("No scan: the proof was seen on paper or in person."))
        else:
            self._show_page()
        self._update_controls()

    def clear(self) -> None:
        """Forget the images (after the scan was destroyed)."""
        self.pages = []
        self.item.setPixmap(QPixmap())
        self._update_controls()

    def current_pixmap(self) -> QPixmap:
        return self.item.pixmap()

    def _show_message(self, text: str) -> None:
        self.item.setPixmap(QPixmap())
        self.message.setText(text)
        self.message.show()
        self.view.hide()

    def _show_page(self) -> None:
        image = QImage.fromData(self.pages[self.page_index])
        if image.isNull():
            self._show_message(tr("This page has no image that can be shown."))
            return
        self.message.hide()
        self.view.show()
        self.item.setPixmap(QPixmap.fromImage(image))
        self.item.setTransformOriginPoint(self.item.boundingRect().center())
        self.item.setRotation(self.rotation)
        self.scene.setSceneRect(self.item.sceneBoundingRect())
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if self.fitted else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.view.setHorizontalScrollBarPolicy(policy)
        self.view.setVerticalScrollBarPolicy(policy)
        if self.fitted:
            self.view.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)
            self.zoom = self.view.transform().m11()
        else:
            self.view.resetTransform()
            self.view.scale(self.zoom, self.zoom)

    def _update_controls(self) -> None:
        has = bool(self.pages)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button, self.rotate_button):
            button.setEnabled(has)
        many = len(self.pages) > 1
        self.previous_button.setVisible(many)
        self.next_button.setVisible(many)
        self.page_label.setVisible(many)
        self.previous_button.setEnabled(self.page_index > 0)
        self.next_button.setEnabled(self.page_index < len(self.pages) - 1)
        self.page_label.setText(tr("Page {page} / {pages}", page=self.page_index + 1, pages=len(self.pages)))

    def _on_view_resized(self) -> None:
        if self.pages and self.fitted:
            self._apply_zoom()

    # ---- controls -------------------------------------------------------------------
    def _on_zoom_in(self) -> None:
        self.fitted = False
        self.zoom = min(self.zoom * ZOOM_STEP, 16.0)
        self._apply_zoom()

    def _on_zoom_out(self) -> None:
        self.fitted = False
        self.zoom = max(self.zoom / ZOOM_STEP, 0.05)
        self._apply_zoom()

    def _on_fit(self) -> None:
        self.fitted = True
        self._apply_zoom()

    def _on_rotate(self) -> None:
        self.rotation = (self.rotation + 90) % 360
        self.item.setRotation(self.rotation)
        self.scene.setSceneRect(self.item.sceneBoundingRect())
        self._apply_zoom()

    def _on_previous(self) -> None:
        if self.page_index > 0:
            self.page_index -= 1
            self._show_page()
            self._update_controls()

    def _on_next(self) -> None:
        if self.page_index < len(self.pages) - 1:
            self.page_index += 1
            self._show_page()
            self._update_controls()
