"""The statistics report of a period as a PDF (reportlab, its charts, DejaVu fonts), in French or English."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..domain.cases import CHANNEL_LABELS, RIGHT_LABELS
from ..domain.statistics import (
    WORDS,
    Statistics,
    breakdowns,
    day_label,
    format_number,
    key_figures,
    month_label,
)
from . import fonts
from .templates import format_date

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
HEADER_BACKGROUND = colors.HexColor("#DDE3EA")
RULE = colors.HexColor("#888888")
RECEIVED_COLOUR = colors.HexColor("#1d4f73")
ANSWERED_COLOUR = colors.HexColor("#d0791b")


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
    period = stats.period
    period_text = period.label(language)
    title = w["title"].format(period=period_text)
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=title, author=organisation, subject=title, creator="DSAR Desktop", initialFontName=fonts.REGULAR,
    )  # fmt: skip
    width = PAGE_W - 2 * MARGIN
    as_of = format_date(stats.as_of, language)
    story: list[Any] = [
        Paragraph(_escape(organisation), st["org"]),
        Paragraph(_escape(title), st["title"]),
        Paragraph(
            _escape(
                w["scope"].format(
                    start=day_label(period.start, language), end=day_label(period.end, language), as_of=as_of
                )
            ),
            st["scope"],
        ),
    ]
    if stats.received == 0:
        story.append(Paragraph(_escape(w["empty"]), st["h2"]))
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
    method += [Paragraph(_escape(w[f"method_{n}"]), st["method"], bulletText="•") for n in range(1, 8)]
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
    story += [
        Spacer(1, 10),
        Paragraph(_escape(w["charts"]), st["h2"]),
        _bars_side_by_side(stats, language, width),
        Paragraph(_escape(w["monthly"]), st["h2"]),
        monthly_chart(stats, language, width),
    ]

    def footer(canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 7.5)
        canvas.setFillColor(colors.HexColor("#4a5560"))
        text = w["page"].format(org=organisation, period=period_text, x=canvas.getPageNumber())
        canvas.drawRightString(PAGE_W - MARGIN, 10 * mm, text)
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def bar_chart(counts: list[tuple[str, int]], width: float, colour: Any) -> Drawing:
    """Horizontal bars, one per label, the count written at the end of each bar."""
    row = 15
    label_width = 52 * mm
    height = row * max(1, len(counts)) + 16
    drawing = Drawing(width, height, initialFontName=fonts.REGULAR)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 12
    chart.width, chart.height = width - label_width - 16, height - 16
    values = [n for _, n in reversed(counts)] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [label for label, _ in reversed(counts)] or [""]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(1, max(values)) * 1.15
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.forceZero = True
    chart.bars[0].fillColor = colour
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = fonts.REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def _bars_side_by_side(stats: Statistics, language: str, width: float) -> Table:
    index = 1 if language == "fr" else 0
    w = WORDS[language]
    half = (width - 8 * mm) / 2
    right_labels: dict[str, tuple[str, str]] = {k.value: v for k, v in RIGHT_LABELS.items()}
    channel_labels: dict[str, tuple[str, str]] = {k.value: v for k, v in CHANNEL_LABELS.items()}
    rights = [(right_labels.get(k, (k, k))[index], n) for k, n in stats.by_right.items()]
    channels = [(channel_labels.get(k, (k, k))[index], n) for k, n in stats.by_channel.items()]
    st = _styles()
    table = Table(
        [
            [Paragraph(_escape(w["by_right"]), st["head"]), Paragraph(_escape(w["by_channel"]), st["head"])],
            [bar_chart(rights, half, RECEIVED_COLOUR), bar_chart(channels, half, RECEIVED_COLOUR)],
        ],
        colWidths=[half + 8 * mm, half],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def monthly_chart(stats: Statistics, language: str, width: float) -> Drawing:
    """Two lines over the months of the period: requests received, replies dispatched."""
    w = WORDS[language]
    height = 62 * mm
    drawing = Drawing(width, height, initialFontName=fonts.REGULAR)
    chart = HorizontalLineChart()
    chart.x, chart.y = 24, 34
    chart.width, chart.height = width - 40, height - 48
    received = [p.received for p in stats.monthly] or [0]
    answered = [p.answered for p in stats.monthly] or [0]
    chart.data = [received, answered]
    months = [p.month for p in stats.monthly] or [""]
    step = max(1, -(-len(months) // 12))  # at most 12 month labels, whatever the period's length
    chart.categoryAxis.categoryNames = [
        month_label(m, language) if m and i % step == 0 else "" for i, m in enumerate(months)
    ]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30 if len(months) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(months) > 6 else "n"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(1, max(received + answered)) * 1.15
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.lines[0].strokeColor = RECEIVED_COLOUR
    chart.lines[1].strokeColor = ANSWERED_COLOUR
    for line in (chart.lines[0], chart.lines[1]):
        line.strokeWidth = 1.6
    chart.joinedLines = 1
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 150, height - 4
    legend.fontName = fonts.REGULAR
    legend.fontSize = 7.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = [(RECEIVED_COLOUR, w["received_line"]), (ANSWERED_COLOUR, w["answered_line"])]
    drawing.add(legend)
    if len(stats.monthly) == 1:  # a single month draws no line: say the two counts
        only = stats.monthly[0]
        drawing.add(String(chart.x, height - 10, f"{only.received} / {only.answered}", fontName=fonts.REGULAR,
                           fontSize=8))  # fmt: skip
    return drawing


def _escape(text: str) -> str:
    return escape(text)
