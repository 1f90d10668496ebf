"""Checking an identity scan before it enters the register: JPEG, PNG or PDF, read from the content.

Everything happens in memory. Each refusal is its own error with a sentence in French and English:
too large, not a JPEG/PNG/PDF, too many pixels, decompression bomb, damaged (truncated) image,
PDF that cannot be displayed. `preview_images` gives the viewer displayable images of a PDF's pages.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import filetype
from PIL import Image, ImageFile

from ..domain.errors import DsarError

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000
MAX_PDF_PAGES = 50
# bytes of raw pixels per byte of file above which a too-big image is called a bomb
BOMB_RATIO = 100

MEDIA_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}


class ScanRefused(DsarError):
    code = "scan_refused"
    exit_code = 1


class ScanEmpty(ScanRefused):
    code = "scan_empty"
    en = "The file is empty; nothing was attached."
    fr = "Le fichier est vide ; rien n'a été joint."


class ScanTooLarge(ScanRefused):
    code = "scan_too_large"
    en = "The file is {size_mb} MB; scans are limited to 20 MB. Scan again at a lower resolution (300 dpi is enough)."
    fr = "Le fichier fait {size_mb_fr} Mo ; les scans sont limités à 20 Mo. Numérisez à nouveau en plus basse résolution (300 dpi suffisent)."


class ScanWrongType(ScanRefused):
    code = "scan_wrong_type"
    en = "The file is not a JPEG, PNG or PDF (its content looks like {found}), whatever its name says."
    fr = "Le fichier n'est ni un JPEG, ni un PNG, ni un PDF (son contenu ressemble à {found_fr}), quel que soit son nom."


class ScanTooManyPixels(ScanRefused):
    code = "scan_too_many_pixels"
    en = "The image is {width} × {height} pixels ({megapixels} megapixels); the limit is 50 megapixels. Scan at a lower resolution."
    fr = "L'image fait {width} × {height} pixels ({megapixels} mégapixels) ; la limite est de 50 mégapixels. Numérisez en plus basse résolution."


class ScanDecompressionBomb(ScanRefused):
    code = "scan_decompression_bomb"
    en = (
        "The image declares {width} × {height} pixels ({megapixels} megapixels) in a {size_kb} KB file: "
        "a decompression bomb. It was not opened."
    )
    fr = (
        "L'image annonce {width} × {height} pixels ({megapixels} mégapixels) dans un fichier de {size_kb} Ko : "
        "une bombe de décompression. Elle n'a pas été ouverte."
    )


class ScanDamaged(ScanRefused):
    code = "scan_damaged"
    en = (
        "The {kind} image is damaged or truncated and cannot be displayed ({reason}). Ask for the file again."
    )
    fr = "L'image {kind} est endommagée ou tronquée et ne peut pas être affichée ({reason}). Redemandez le fichier."


class ScanPdfUnreadable(ScanRefused):
    code = "scan_pdf_unreadable"
    en = "The PDF cannot be displayed: {reason}."
    fr = "Le PDF ne peut pas être affiché : {reason_fr}."


@dataclass(frozen=True)
class ScanInfo:
    kind: str  # jpeg | png | pdf
    media_type: str
    size: int
    width: int | None = None
    height: int | None = None
    pages: int | None = None

    @property
    def pixels(self) -> int | None:
        return self.width * self.height if self.width and self.height else None


def sniff(data: bytes) -> str | None:
    """jpeg, png or pdf from the first bytes; None for anything else."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    return None


def _describe_other(data: bytes) -> tuple[str, str]:
    guess = filetype.guess(data[:8192])
    if guess is not None:
        return f"{guess.mime} (.{guess.extension})", f"{guess.mime} (.{guess.extension})"
    sample = data[:4096]
    try:
        sample.decode("utf-8")
        return "plain text", "du texte brut"
    except UnicodeDecodeError:
        pass
    if sum(32 <= b < 127 or b in (9, 10, 13) for b in sample) > 0.9 * len(sample):
        return "plain text", "du texte brut"
    return "unknown binary data", "des données binaires inconnues"


class ScanNotAFile(ScanRefused):
    code = "scan_not_a_file"
    en = "{path} is not an ordinary file (a folder, a device or a pipe): choose the scan's file."
    fr = "{path} n'est pas un fichier ordinaire (dossier, périphérique ou tube) : choisissez le fichier du scan."


def read_scan_file(path: Path) -> bytes:
    """A scan's bytes, read at most MAX_BYTES + 1 whatever the file claims (/dev/zero claims 0 bytes)."""
    path = Path(path)
    if not path.is_file():
        raise ScanNotAFile(path=str(path))
    with open(path, "rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        size = max(len(data), path.stat().st_size)
        mb = f"{size / (1024 * 1024):.1f}"
        raise ScanTooLarge(size_mb=mb, size_mb_fr=mb.replace(".", ","), size=size)
    return data


def inspect_scan(data: bytes) -> ScanInfo:
    """Accept a scan or raise the ScanRefused subclass that says why. Never writes anything."""
    size = len(data)
    if size == 0:
        raise ScanEmpty()
    if size > MAX_BYTES:
        mb = f"{size / (1024 * 1024):.1f}"
        raise ScanTooLarge(size_mb=mb, size_mb_fr=mb.replace(".", ","), size=size)
    kind = sniff(data)
    if kind is None:
        found, found_fr = _describe_other(data)
        raise ScanWrongType(found=found, found_fr=found_fr)
    if kind == "pdf":
        pages = _check_pdf(data)
        return ScanInfo(kind, MEDIA_TYPES[kind], size, pages=pages)
    width, height = _check_image(data, kind)
    return ScanInfo(kind, MEDIA_TYPES[kind], size, width=width, height=height, pages=1)


@contextlib.contextmanager
def _strict_pillow() -> Iterator[None]:
    """Truncated images raise; Pillow's bomb warning is an error. Restored afterwards."""
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _size_check(width: int, height: int, file_size: int) -> None:
    pixels = width * height
    if pixels <= MAX_PIXELS:
        return
    facts = {
        "width": width,
        "height": height,
        "megapixels": f"{pixels / 1e6:.0f}",
        "size_kb": f"{file_size / 1024:.0f}",
    }
    if pixels * 3 > BOMB_RATIO * file_size:
        raise ScanDecompressionBomb(**facts)
    raise ScanTooManyPixels(**facts)


def header_size(data: bytes, kind: str) -> tuple[int, int] | None:
    """Width and height read from the PNG IHDR or the JPEG SOF marker, before any decoder runs."""
    if kind == "png":
        if len(data) >= 24 and data[12:16] == b"IHDR":
            return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        return None
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if pos + 9 > len(data):
                return None
            return int.from_bytes(data[pos + 7 : pos + 9], "big"), int.from_bytes(
                data[pos + 5 : pos + 7], "big"
            )
        pos += 2 + length
    return None


def _check_image(data: bytes, kind: str, *, label: str | None = None) -> tuple[int, int]:
    name = label or kind.upper()
    declared = header_size(data, kind)
    if declared is not None:
        _size_check(*declared, len(data))
    with _strict_pillow():
        try:
            image = Image.open(io.BytesIO(data), formats=[kind.upper()])
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ScanDecompressionBomb(width="?", height="?", megapixels="> 89", size_kb=f"{len(data) / 1024:.0f}") from None  # fmt: skip
        except (OSError, ValueError, SyntaxError) as exc:
            raise ScanDamaged(kind=name, reason=_short(exc)) from None
        with image:
            width, height = image.size  # read from the header; nothing decoded yet
            _size_check(width, height, len(data))
            try:
                image.load()
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                raise ScanDecompressionBomb(width=width, height=height, megapixels=f"{width * height / 1e6:.0f}", size_kb=f"{len(data) / 1024:.0f}") from None  # fmt: skip
            except (OSError, ValueError, SyntaxError, EOFError) as exc:
                raise ScanDamaged(kind=name, reason=_short(exc)) from None
    if kind == "jpeg" and b"\xff\xd9" not in data[-65536:]:
        raise ScanDamaged(kind=name, reason="no end-of-image marker")
    return width, height


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:120]


# --- PDF ---------------------------------------------------------------------------------------

_IMAGE_FILTERS = {"/DCTDecode", "/JPXDecode", "/CCITTFaxDecode", "/JBIG2Decode"}


def _pdf_refusal(reason: str, reason_fr: str) -> ScanPdfUnreadable:
    return ScanPdfUnreadable(reason=reason, reason_fr=reason_fr)


def _open_pdf(data: bytes) -> Any:
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
    except Exception as exc:  # noqa: BLE001 - any parser failure means "cannot be displayed"
        raise _pdf_refusal(
            f"it cannot be parsed ({_short(exc)})", f"il ne peut pas être analysé ({_short(exc)})"
        ) from None
    if reader.encrypted:
        raise _pdf_refusal("it is protected by a password", "il est protégé par un mot de passe")
    return reader


def _pages(reader: Any) -> list[Any]:
    out: list[Any] = []

    def walk(node: Any, depth: int) -> None:
        if depth > 32:
            raise ValueError("page tree too deep")
        node = node.get_object()
        if node.get("/Type") == "/Pages" or "/Kids" in node:
            for kid in node["/Kids"]:
                walk(kid, depth + 1)
        else:
            out.append(node)
        if len(out) > MAX_PDF_PAGES:
            raise OverflowError

    walk(reader.root["/Pages"], 0)
    return out


def _stream_filters(stream: Any) -> list[str]:
    value = stream.get("/Filter")
    if value is None:
        return []
    if isinstance(value, list) or type(value).__name__ == "ArrayObject":
        return [str(v) for v in value]
    return [str(value)]


def _image_bytes(xobject: Any) -> tuple[str | None, bytes]:
    """(filter of the image data or None, the bytes after the non-image filters)."""
    filters = _stream_filters(xobject)
    if filters and filters[-1] in _IMAGE_FILTERS:
        from pyhanko.pdf_utils import filters as pdf_filters

        raw = xobject.encoded_data
        for name in filters[:-1]:
            raw = pdf_filters.get_generic_decoder(name).decode(raw, {})
        return filters[-1], raw
    return None, xobject.data


def _page_images(page: Any) -> Iterator[Any]:
    resources = page.get("/Resources")
    if resources is None:
        return
    xobjects = resources.get_object().get("/XObject")
    if xobjects is None:
        return
    for _name, ref in xobjects.get_object().items():
        obj = ref.get_object()
        if obj.get("/Subtype") == "/Image":
            yield obj


def _check_pdf(data: bytes) -> int:
    reader = _open_pdf(data)
    try:
        pages = _pages(reader)
    except OverflowError:
        raise _pdf_refusal(
            f"it has more than {MAX_PDF_PAGES} pages", f"il a plus de {MAX_PDF_PAGES} pages"
        ) from None
    except Exception as exc:  # noqa: BLE001
        raise _pdf_refusal(
            f"its page tree is broken ({_short(exc)})", f"son arbre de pages est cassé ({_short(exc)})"
        ) from None
    if not pages:
        raise _pdf_refusal("it has no page", "il n'a aucune page")
    for number, page in enumerate(pages, 1):
        try:
            contents = page.get("/Contents")
            streams = [] if contents is None else contents.get_object()
            if not isinstance(streams, list) and type(streams).__name__ != "ArrayObject":
                streams = [streams]
            for stream in streams:
                _ = stream.get_object().data  # decodes every filter of the content stream
            for image in _page_images(page):
                width, height = int(image.get("/Width", 0)), int(image.get("/Height", 0))
                _size_check(width, height, len(data))
                filter_name, raw = _image_bytes(image)
                if filter_name == "/DCTDecode":
                    _check_image(raw, "jpeg", label=f"JPEG (page {number})")
        except ScanRefused:
            raise
        except Exception as exc:  # noqa: BLE001
            raise _pdf_refusal(
                f"page {number} cannot be decoded ({_short(exc)})",
                f"la page {number} ne peut pas être décodée ({_short(exc)})",
            ) from None
    return len(pages)


def preview_images(data: bytes) -> list[bytes]:
    """Displayable images for the viewer: the scan itself, or each PDF page's largest image (JPEG/PNG bytes).

    Scanned PDFs carry each page as one image; a page without an image yields nothing here."""
    kind = sniff(data)
    if kind in ("jpeg", "png"):
        return [data]
    if kind != "pdf":
        return []
    reader = _open_pdf(data)
    out: list[bytes] = []
    for page in _pages(reader):
        best: tuple[int, bytes] | None = None
        for image in _page_images(page):
            width, height = int(image.get("/Width", 0)), int(image.get("/Height", 0))
            filter_name, raw = _image_bytes(image)
            shown: bytes | None = None
            if filter_name == "/DCTDecode":
                shown = raw
            elif filter_name is None and image.get("/BitsPerComponent") == 8:
                mode = {"/DeviceRGB": "RGB", "/DeviceGray": "L"}.get(str(image.get("/ColorSpace")))
                if mode and len(raw) >= width * height * len(mode):
                    buffer = io.BytesIO()
                    Image.frombytes(mode, (width, height), raw).save(buffer, "PNG")
                    shown = buffer.getvalue()
            if shown is not None and (best is None or width * height > best[0]):
                best = (width * height, shown)
        if best is not None:
            out.append(best[1])
    return out
