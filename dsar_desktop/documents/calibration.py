"""The calibration page: the address frame where the DL envelope window should be, and the fold marks."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from . import fonts
from .address import WINDOW_HEIGHT_MM, WINDOW_LEFT_MM, WINDOW_TOP_MM, WINDOW_WIDTH_MM, EnvelopeOffset

_TEXT = {
    "fr": (
        "Page d'étalonnage – enveloppe DL à fenêtre",
        "Imprimez cette page, pliez-la en trois aux repères et glissez-la dans une enveloppe.",
        "Le cadre doit apparaître entier dans la fenêtre. Sinon, corrigez le décalage (mm) dans les réglages.",
        "Décalage actuel : {right:+.1f} mm vers la droite, {down:+.1f} mm vers le bas.",
        "ADRESSE DU DESTINATAIRE",
    ),
    "en": (
        "Calibration page – DL window envelope",
        "Print this page, fold it in three at the marks and slide it into an envelope.",
        "The frame must show whole in the window. If not, correct the offset (mm) in the settings.",
        "Current offset: {right:+.1f} mm right, {down:+.1f} mm down.",
        "RECIPIENT ADDRESS",
    ),
}


def calibration_pdf(offset: EnvelopeOffset, language: str = "fr") -> bytes:
    fonts.register_fonts()
    width, height = A4
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, initialFontName=fonts.REGULAR)
    title, line1, line2, current, label = _TEXT[language]
    c.setFont(fonts.BOLD, 13)
    c.drawString(20 * mm, height - 20 * mm, title)
    c.setFont(fonts.REGULAR, 9.5)
    c.drawString(20 * mm, height - 120 * mm, line1)
    c.drawString(20 * mm, height - 126 * mm, line2)
    c.drawString(20 * mm, height - 132 * mm, current.format(right=offset.right_mm, down=offset.down_mm))
    left = (WINDOW_LEFT_MM + offset.right_mm) * mm
    top = height - (WINDOW_TOP_MM + offset.down_mm) * mm
    c.setLineWidth(1.2)
    c.rect(left, top - WINDOW_HEIGHT_MM * mm, WINDOW_WIDTH_MM * mm, WINDOW_HEIGHT_MM * mm)
    c.setLineWidth(0.4)
    c.setDash(2, 2)
    c.rect(
        left + 4 * mm,
        top - (WINDOW_HEIGHT_MM - 4) * mm,
        (WINDOW_WIDTH_MM - 8) * mm,
        (WINDOW_HEIGHT_MM - 8) * mm,
    )
    c.setDash()
    c.setFont(fonts.REGULAR, 9)
    c.drawString(left + 6 * mm, top - 12 * mm, label)
    c.drawString(left + 6 * mm, top - 18 * mm, "38 × 6 ─ NF Z 10-011")
    for fold_mm in (99, 198):  # A4 folded in three for a DL envelope
        y = height - fold_mm * mm
        c.line(0, y, 8 * mm, y)
        c.line(width - 8 * mm, y, width, y)
    c.showPage()
    c.save()
    return out.getvalue()
