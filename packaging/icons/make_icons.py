"""Draw the application icon's PNG sizes and the Windows ICO from dsar-desktop.svg (run after editing the SVG).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/icons/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HERE / "dsar-desktop.svg"))
    if not renderer.isValid():
        print("make_icons: the SVG does not parse", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(HERE / f"dsar-desktop-{size}.png"))
    (HERE / "dsar-desktop.png").write_bytes((HERE / "dsar-desktop-256.png").read_bytes())
    big = Image.open(HERE / "dsar-desktop-256.png")
    big.save(HERE / "dsar-desktop.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    print(f"make_icons: {len(SIZES)} PNG sizes and dsar-desktop.ico written to {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
