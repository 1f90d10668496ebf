"""The year-end statistics report as a PDF (reportlab, DejaVu fonts), in French or English."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..domain.statistics import WORDS, Statistics, breakdowns, format_number, key_figures
from . import fonts
from .templates import format_date

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
HEADER_BACKGROUND = colors.HexColor("#DDE3EA")
RULE = colors.HexColor("#888888")


def _styles() -> dict[str, ParagraphStyle]:
    fonts.register_fonts()
    base = ParagraphStyle(
        "body", fontName=fonts.REGULAR, bulletFontName=fonts.REGULAR, fontSize=9, leading=11.5
    )
    return {
        "body": base,
        "org": ParagraphStyle("org", parent=base, fontName=fonts.BOLD, fontSize=10, textColor=colors.HexColor("#1d4f73")),
        "title": ParagraphStyle("title", parent=base, fontName=fonts.BOLD, fontSize=15, leading=19, spaceBefore=4),
        "scope": ParagraphStyle("scope", parent=base, fontSize=8.5, leading=11, spaceBefore=4, spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=base, fontName=fonts.BOLD, fontSize=10.5, spaceBefore=10, spaceAfter=4),
        "cell": base,
        "head": ParagraphStyle("head", parent=base, fontName=fonts.BOLD),
        "head_right": ParagraphStyle("head_right", parent=base, fontName=fonts.BOLD, alignment=TA_RIGHT),
        "method": ParagraphStyle("method", parent=base, fontSize=8.5, leading=11, leftIndent=9, bulletIndent=0,
                                 spaceBefore=3),
        "note": ParagraphStyle("note", parent=base, fontSize=7.5, leading=9.5, spaceBefore=2,
                               textColor=colors.HexColor("#4a5560")),
    }  # fmt: skip


def _table(
    header: tuple[str, str],
    rows: list[tuple[str, str]],
    st: dict[str, ParagraphStyle],
    width: float,
    total: tuple[str, str] | None = None,
) -> Table:
    data: list[list[Any]] = [[Paragraph(header[0], st["head"]), Paragraph(header[1], st["head_right"])]]
    data += [[Paragraph(label, st["cell"]), value] for label, value in rows]
    if total is not None:
        data.append([Paragraph(total[0], st["head"]), total[1]])
    table = Table(data, colWidths=[width - 28 * mm, 28 * mm], repeatRows=1)
    commands: list[Any] = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9),
        ("FONT", (1, 0), (1, 0), fonts.BOLD, 9),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if total is not None:
        commands += [("FONT", (1, -1), (1, -1), fonts.BOLD, 9), ("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE)]
    table.setStyle(TableStyle(commands))
    return table


def render_statistics_pdf(stats: Statistics, organisation: str, language: str = "fr") -> bytes:
    """One or two A4 pages: heading with the organisation and year, key figures, then the breakdowns."""
    language = "fr" if language == "fr" else "en"
    w = WORDS[language]
    st = _styles()
    buffer = io.BytesIO()
    title = w["title"].format(year=stats.year)
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=title, author=organisation, subject=title, creator="DSAR Desktop", initialFontName=fonts.REGULAR,
    )  # fmt: skip
    width = PAGE_W - 2 * MARGIN
    as_of = format_date(stats.as_of, language)
    story: list[Any] = [
        Paragraph(_escape(organisation), st["org"]),
        Paragraph(_escape(title), st["title"]),
        Paragraph(_escape(w["scope"].format(year=stats.year, as_of=as_of)), st["scope"]),
    ]
    if stats.received == 0:
        story.append(Paragraph(_escape(w["empty"].format(year=stats.year)), st["h2"]))
    story += [
        Paragraph(_escape(w["key"]), st["h2"]),
        _table(
            (w["figure"], w["count"]),
            [(_escape(a), b) for a, b in key_figures(stats, language, as_of)],
            st,
            width,
        ),
    ]
    half = (width - 8 * mm) / 2
    blocks = []
    for heading, rows, note in breakdowns(stats, language, as_of):
        total = (w["total"], format_number(sum(n for _, n in rows), language))
        cells = [(_escape(label), format_number(n, language)) for label, n in rows]
        parts: list[Any] = [Spacer(1, 10), _table((heading, w["count"]), cells, st, half, total)]
        if note:
            parts.append(Paragraph(_escape(note), st["note"]))
        blocks.append(parts)
    method: list[Any] = [Spacer(1, 10), Paragraph(_escape(w["method"]), st["head"])]
    method += [Paragraph(_escape(w[f"method_{n}"]), st["method"], bulletText="•") for n in range(1, 5)]
    blocks.append(method)
    for i in range(0, len(blocks), 2):
        pair: list[Any] = blocks[i : i + 2]
        row = Table([pair + [Spacer(1, 1)] * (2 - len(pair))], colWidths=[half + 8 * mm, half])
        row.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, -1), 8 * mm),
                    ("RIGHTPADDING", (1, 0), (1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        story.append(row)

    def footer(canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 7.5)
        canvas.setFillColor(colors.HexColor("#4a5560"))
        text = w["page"].format(org=organisation, year=stats.year, x=canvas.getPageNumber())
        canvas.drawRightString(PAGE_W - MARGIN, 10 * mm, text)
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _escape(text: str) -> str:
    return escape(text)
