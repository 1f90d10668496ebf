"""Data annexes: one table per source, split in 40-row chunks with repeated headers, redactions blacked out."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from . import fonts
from .templates import format_date

CHUNK_ROWS = 40
WIDE_TABLE_MAX_COLUMNS = 5  # more columns: one field/value table per record
_USABLE_W = A4[0] - 40 * mm
_FONT_SIZE = 7.5
_PAD = 3

REDACTION_SHORT = {
    "third_party": ("third party", "tiers"),
    "trade_secret": ("trade secret", "secret des affaires"),
    "legal_privilege": ("legal privilege", "secret professionnel"),
    "security": ("security", "sécurité"),
    "other": ("other reason", "autre motif"),
}
REDACTION_REASONS = {
    "third_party": ("Data about another person (Article 15(4) GDPR)", "Données concernant un tiers (article 15, paragraphe 4, du RGPD)"),
    "trade_secret": (
        "Trade secret or intellectual property",
        "Secret des affaires ou propriété intellectuelle",
    ),
    "legal_privilege": ("Legal privilege", "Secret professionnel de l'avocat"),
    "security": ("Security of systems", "Sécurité des systèmes"),
    "other": ("Other reason recorded in the case", "Autre motif consigné au dossier"),
}
_WORDS = {
    "en": {
        "annex": "Annex {n} – {title}",
        "records": "{count} records found in this system.",
        "records_one": "1 record found in this system.",
        "record": "Record {i} of {n}",
        "field": "Field",
        "value": "Value",
        "redacted": "REDACTED: {code}",
        "legend": "Masked data (in black) and their reason codes:",
        "none": "No data about you were found in this system.",
        "lang": "en",
    },
    "fr": {
        "annex": "Annexe {n} – {title}",
        "records": "{count} enregistrements trouvés dans ce système.",
        "records_one": "1 enregistrement trouvé dans ce système.",
        "record": "Enregistrement {i} sur {n}",
        "field": "Champ",
        "value": "Valeur",
        "redacted": "OCCULTÉ\u00a0: {code}",
        "legend": "Données occultées (en noir) et codes de motif :",
        "none": "Aucune donnée vous concernant n'a été trouvée dans ce système.",
        "lang": "fr",
    },
}


@dataclass(frozen=True)
class Redacted:
    """A cell whose value is withheld; only the reason code is printed."""

    code: str


@dataclass
class AnnexTable:
    title: str
    columns: list[str]
    rows: list[list[str | Redacted]]
    note: str = ""
    redaction_codes: set[str] = field(default_factory=set)


def short_reason(code: str, language: str) -> str:
    en, fr = REDACTION_SHORT.get(code, REDACTION_SHORT["other"])
    return fr if language == "fr" else en


def reason_label(code: str, language: str) -> str:
    en, fr = REDACTION_REASONS.get(code, (code, code))
    return fr if language == "fr" else en


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_PARIS = ZoneInfo("Europe/Paris")


def readable(text: str, language: str) -> str:
    """An ISO date or instant as a person reads it ("2 avril 2025", "2 avril 2025 à 12:00", Paris time);
    anything else unchanged. The pack's data.json and data.csv keep the value exactly as the system held it."""
    if len(text) < 10 or not text[:4].isdigit() or not _ISO.fullmatch(text):
        return text
    try:
        if len(text) == 10:
            return format_date(dt.date.fromisoformat(text), language)
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text  # 2025-13-45: not a date after all, shown as held
    if moment.tzinfo is not None:
        moment = moment.astimezone(_PARIS)
    elif moment.time() == dt.time(0):
        return format_date(moment.date(), language)  # a date stored as midnight
    day, clock = format_date(moment.date(), language), moment.strftime("%H:%M")
    return f"{day} à {clock}" if language == "fr" else f"{day}, {clock}"


def _cell(value: str | Redacted, words: dict[str, str], style: ParagraphStyle, width: float) -> Any:
    if isinstance(value, Redacted):
        return words["redacted"].format(code=short_reason(value.code, words["lang"]))
    text = readable(str(value), words["lang"])
    # Plain strings are much faster; wrap only what would overflow (PITFALLS: 100 pages in 0.5 s).
    if "\n" in text or stringWidth(text, fonts.REGULAR, _FONT_SIZE) > width - 2 * _PAD:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)
    return text


def column_widths(columns: list[str], rows: list[list[str | Redacted]]) -> list[float]:
    """Widths from the content of the first rows, scaled to the page width."""
    natural = []
    for c, name in enumerate(columns):
        widest = stringWidth(name, fonts.BOLD, _FONT_SIZE)
        for row in rows[:200]:
            value = row[c] if c < len(row) else ""
            text = f"OCCULTÉ : {value.code}" if isinstance(value, Redacted) else str(value)  # width estimate
            widest = max(widest, stringWidth(text, fonts.REGULAR, _FONT_SIZE))
        natural.append(min(max(widest, 30.0), 220.0) + 2 * _PAD)
    scale = _USABLE_W / sum(natural)
    return [w * scale for w in natural]


def _table(data: list[list[Any]], widths: list[float], redacted: list[tuple[int, int]]) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1)
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("FONTNAME", (0, 0), (-1, 0), fonts.BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), _FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), 9),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE3EA")),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#888888")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for col, row in redacted:
        commands.append(("BACKGROUND", (col, row), (col, row), colors.black))
        commands.append(("TEXTCOLOR", (col, row), (col, row), colors.white))
    table.setStyle(TableStyle(commands))
    return table


def annex_flowables(
    annex: AnnexTable, number: int, language: str, st: dict[str, ParagraphStyle]
) -> list[Flowable]:
    words = _WORDS[language]
    cell_style = ParagraphStyle(
        "cell", fontName=fonts.REGULAR, bulletFontName=fonts.REGULAR, fontSize=7.5, leading=9
    )
    out: list[Flowable] = [Paragraph(escape(words["annex"].format(n=number, title=annex.title)), st["h1"])]
    if annex.note:
        out.append(Paragraph(escape(annex.note), st["small"]))
    if not annex.rows:
        out.append(Paragraph(escape(words["none"]), st["body"]))
        return out
    counted = words["records_one"] if len(annex.rows) == 1 else words["records"].format(count=len(annex.rows))
    out.append(Paragraph(escape(counted), st["small"]))
    codes: set[str] = set(annex.redaction_codes)
    if len(annex.columns) <= WIDE_TABLE_MAX_COLUMNS:
        widths = column_widths(annex.columns, annex.rows)
        for start in range(0, len(annex.rows), CHUNK_ROWS):
            chunk = annex.rows[start : start + CHUNK_ROWS]
            data: list[list[Any]] = [list(annex.columns)]
            redacted = []
            for r, row in enumerate(chunk, start=1):
                data.append([_cell(v, words, cell_style, widths[c]) for c, v in enumerate(row)])
                for c, value in enumerate(row):
                    if isinstance(value, Redacted):
                        redacted.append((c, r))
                        codes.add(value.code)
            out.append(_table(data, widths, redacted))
    else:
        widths = [_USABLE_W * 0.32, _USABLE_W * 0.68]
        pending: list[list[Any]] = []
        pending_redacted: list[tuple[int, int]] = []

        def flush() -> None:
            if pending:
                out.append(
                    _table([[words["field"], words["value"]], *pending], widths, list(pending_redacted))
                )
                pending.clear()
                pending_redacted.clear()

        for i, row in enumerate(annex.rows, start=1):
            if len(pending) + len(annex.columns) + 1 > CHUNK_ROWS:
                flush()
            pending.append(
                [Paragraph(escape(words["record"].format(i=i, n=len(annex.rows))), st["small"]), ""]
            )
            for name, value in zip(annex.columns, row, strict=False):
                if isinstance(value, Redacted):
                    pending_redacted.append((1, len(pending) + 1))
                    codes.add(value.code)
                pending.append([name, _cell(value, words, cell_style, widths[1])])
        flush()
    if codes:
        out.append(Spacer(1, 3 * mm))
        out.append(Paragraph(escape(words["legend"]), st["small"]))
        for code in sorted(codes):
            out.append(
                Paragraph(escape(f"{short_reason(code, language)} – {reason_label(code, language)}"), st["small"])
            )
    return out
