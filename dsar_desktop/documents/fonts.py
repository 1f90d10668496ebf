"""The shipped DejaVu fonts: reportlab registration and a 1000-upem copy for pyHanko stamps."""

from __future__ import annotations

import contextlib
import functools
import io
import os
from pathlib import Path
from typing import Any

import platformdirs
from fontTools import subset
from fontTools.ttLib import TTFont as FontToolsFont
from fontTools.ttLib.scaleUpem import scale_upem
from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import FONTS

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
MONO = "DejaVuSansMono"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}


@functools.cache
def register_fonts() -> None:
    """Register the DejaVu family with reportlab once; every style in documents/ uses these names."""
    for name, filename in _FILES.items():
        font = TTFont(name, str(FONTS / filename))
        _ascii_fast_path(font)
        pdfmetrics.registerFont(font)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)


def _ascii_fast_path(font: TTFont) -> None:
    """Skip reportlab's per-character subset walk for printable ASCII text.

    With asciiReadable (the default) codes 32-126 of subset 0 are the ASCII characters
    themselves, so the walk's answer is known; it was a quarter of the time of a
    100-page annex. Anything else goes through reportlab's own splitString.
    """
    original = font.splitString

    def split_string(text: Any, doc: Any, encoding: str = "utf-8") -> Any:
        if font._asciiReadable and isinstance(text, str) and text.isascii() and text.isprintable():
            return [(0, text.encode("ascii"))] if text else []
        return original(text, doc, encoding)

    font.splitString = split_string  # type: ignore[method-assign]


# Latin, Latin-1, Latin Extended-A/B, general punctuation (U+2010 hyphens, curly quotes), euro.
_STAMP_RANGE = frozenset([*range(0x20, 0x250), *range(0x2000, 0x2070), 0x20AC, 0x2122])


def stamp_font_bytes(text: str = "", name: str = REGULAR) -> bytes:
    """DejaVu subset and rescaled to 1000 units per em for pyHanko stamps.

    pyHanko 0.38 writes glyph widths in font units (PITFALLS), and DejaVu has 2048:
    rescaling the whole font costs 2.6 s, the Latin subset 0.3 s (cached per process).
    Characters of `text` outside the Latin ranges are added to the subset.
    """
    extra = frozenset(ord(c) for c in text if c.isprintable()) - _STAMP_RANGE  # line breaks need no glyph
    return _stamp_font(name, extra)


@functools.lru_cache(maxsize=8)
def _stamp_font(name: str, extra: frozenset[int]) -> bytes:
    """Cached in memory, and for the Latin subset on disk in the user's cache folder (a font, nothing personal)."""
    cache = None
    if not extra:
        try:
            source = (FONTS / _FILES[name]).stat()
            cache = (
                Path(platformdirs.user_cache_dir("dsar-desktop"))
                / f"{name}-stamp-1000upem-{source.st_size}.ttf"
            )
            if cache.exists():
                return cache.read_bytes()
        except OSError:
            cache = None
    data = _make_stamp_font(name, extra)
    if cache is not None:
        with contextlib.suppress(OSError):
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_name(f".{cache.name}.{os.getpid()}.part")
            tmp.write_bytes(data)
            os.replace(tmp, cache)
    return data


def _make_stamp_font(name: str, extra: frozenset[int]) -> bytes:
    font = FontToolsFont(str(FONTS / _FILES[name]))
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.drop_tables += ["FFTM", "GSUB", "GPOS", "kern"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(_STAMP_RANGE | extra))
    subsetter.subset(font)
    if font["head"].unitsPerEm != 1000:
        scale_upem(font, 1000)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


class InMemoryGlyphFactory(FontEngineFactory):
    """pyHanko's GlyphAccumulatorFactory, but from bytes in memory instead of a file path."""

    def __init__(self, font_bytes: bytes, font_size: int) -> None:
        self.font_bytes = font_bytes
        self.font_size = font_size

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer,
            font_handle=io.BytesIO(self.font_bytes),
            font_size=self.font_size,
            obj_stream=obj_stream,
        )
