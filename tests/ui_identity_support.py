"""Identity UI test helpers: a synthetic SPECIMEN passport scan, bad files, and form-filling answers."""

from __future__ import annotations

import datetime as dt
import io
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel, QWidget

from dsar_desktop.ui.identity.proof_dialogs import ProofReceiptDialog, ProofRequestDialog

SPECIMEN_MRZ = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path(__file__).resolve().parents[1] / "resources" / "fonts",
)


def _font(name: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default()


def specimen_passport(width: int = 1250, height: int = 880) -> bytes:
    """A fake passport data page (ICAO 9303 specimen data, marked SPECIMEN) as JPEG bytes."""
    card = Image.new("RGB", (width, height), (226, 232, 222))
    draw = ImageDraw.Draw(card)
    for y in range(0, height, 14):  # guilloche-like background lines
        draw.line([(0, y), (width, y + 40)], fill=(214, 222, 210), width=2)
    draw.rounded_rectangle([8, 8, width - 8, height - 8], radius=28, outline=(120, 140, 120), width=4)
    sans, bold = _font("DejaVuSans.ttf", 26), _font("DejaVuSans-Bold.ttf", 30)
    small = _font("DejaVuSans.ttf", 20)
    draw.text((40, 30), "UTOPIA · PASSPORT / PASSEPORT", font=bold, fill=(40, 60, 90))
    draw.rectangle([40, 100, 330, 480], fill=(190, 198, 205), outline=(110, 120, 130), width=3)
    draw.ellipse([120, 150, 250, 290], fill=(150, 160, 170))
    draw.rounded_rectangle([85, 300, 285, 470], radius=60, fill=(150, 160, 170))
    rows = [
        ("Type / Type", "P", "Code / Code", "UTO"),
        ("Surname / Nom", "ERIKSSON", None, None),
        ("Given names / Prénoms", "ANNA MARIA", None, None),
        ("Nationality / Nationalité", "UTOPIAN", None, None),
        ("Date of birth / Date de naissance", "12 AUG/AOÛT 1974", "Sex / Sexe", "F"),
        ("Date of expiry / Date d'expiration", "15 APR/AVR 2012", "Passport No.", "L898902C3"),
    ]
    y = 100
    for label, value, label2, value2 in rows:
        draw.text((370, y), label, font=small, fill=(90, 100, 110))
        draw.text((370, y + 24), value, font=sans, fill=(20, 20, 30))
        if label2:
            draw.text((900, y), label2, font=small, fill=(90, 100, 110))
            draw.text((900, y + 24), value2 or "", font=sans, fill=(20, 20, 30))
        y += 64
    draw.text((370, 500), "Holder's signature / Signature du titulaire", font=small, fill=(90, 100, 110))
    draw.line([(380, 560), (470, 535), (520, 570), (600, 530), (690, 560)], fill=(30, 40, 120), width=4)
    stamp = Image.new("RGBA", (760, 150), (0, 0, 0, 0))
    ImageDraw.Draw(stamp).text(
        (10, 10), "SPECIMEN", font=_font("DejaVuSans-Bold.ttf", 120), fill=(200, 30, 30, 120)
    )
    stamp = stamp.rotate(18, expand=True)
    card.paste(stamp, (260, 160), stamp)
    mono = _font("DejaVuSansMono.ttf", 40)
    draw.rectangle([20, height - 190, width - 20, height - 30], fill=(245, 245, 240))
    for i, line in enumerate(SPECIMEN_MRZ):
        draw.text((40, height - 175 + i * 70), line, font=mono, fill=(10, 10, 10))
    buffer = io.BytesIO()
    card.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def specimen_pdf(pages: int = 2) -> bytes:
    """A scanned PDF: each page one JPEG image (the specimen, then the same page rotated)."""
    images = [Image.open(io.BytesIO(specimen_passport())).convert("RGB")]
    images += [images[0].rotate(180) for _ in range(pages - 1)]
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:], resolution=150)
    return buffer.getvalue()


def renamed_text_file() -> bytes:
    return b"Dear DPO,\nplease find my passport attached.\nRegards\n" * 20


def truncated_jpeg() -> bytes:
    data = specimen_passport()
    return data[: len(data) // 2]


def decompression_bomb() -> bytes:
    """A tiny PNG whose header declares 20 000 × 20 000 pixels (400 megapixels)."""
    width = height = 20_000
    raw = zlib.compress(b"\x00" * (width // 8 + 1) * 50, 9)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def write_large_file(path: Path, megabytes: int = 30) -> Path:
    """A 30 MB file that starts like a JPEG (written sparse: quick and small on disk)."""
    with path.open("wb") as handle:
        handle.write(b"\xff\xd8\xff\xe0")
        handle.truncate(megabytes * 1024 * 1024)
    return path


# ---- answers for ScriptedDialogs ------------------------------------------------------------


def fixed(day: dt.date):  # type: ignore[no-untyped-def]
    return lambda: day


def request_form(reason: str, sent_on: dt.date, language: str = "en"):  # type: ignore[no-untyped-def]
    def fill(dialog: ProofRequestDialog) -> None:
        dialog.reason_edit.setPlainText(reason)
        dialog.sent_edit.setDate(QDate(sent_on.year, sent_on.month, sent_on.day))
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(language))

    return fill


def receipt_form(received_on: dt.date, with_scan: bool = True):  # type: ignore[no-untyped-def]
    def fill(dialog: ProofReceiptDialog) -> None:
        dialog.received_edit.setDate(QDate(received_on.year, received_on.month, received_on.day))
        (dialog.scan_choice if with_scan else dialog.paper_choice).setChecked(True)

    return fill


def labels(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]
