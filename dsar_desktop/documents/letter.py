"""Letters as PDF (reportlab): letterhead, window-envelope address, body, sections, annexes, page x of y."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
)

from . import fonts
from .address import WINDOW_LEFT_MM, WINDOW_TOP_MM, EnvelopeOffset
from .annexes import AnnexTable, annex_flowables
from .signing import StampPlacement
from .technical import TechnicalAnnex, technical_flowables
from .templates import format_date

PAGE_W, PAGE_H = A4
MARGIN = 20 * mm
BODY_TOP_FIRST = 100 * mm  # below the window of a DL envelope
SEAL_W, SEAL_H = 280, 70

_WORDS = {
    "en": {
        "page": "Page {x} of {y}",
        "ref": "Our reference",
        "date": "{place}, {date}",
        "annexes": "Annexes",
    },
    "fr": {
        "page": "Page {x} sur {y}",
        "ref": "Notre référence",
        "date": "{place}, le {date}",
        "annexes": "Annexes",
    },
}


@dataclass(frozen=True)
class Letterhead:
    """The sender block printed on every letter (a register setting, pre-filled from the policy)."""

    organisation: str = "CESI"
    lines: tuple[str, ...] = (
        "Data Protection Officer – la Défense FR",
        "1 Avenue du Général de Gaulle",
        "92074 Paris – FRANCE",
    )
    email: str = "cil@cesi.fr"
    place: str = "Paris"
    logo_png: bytes | None = None
    signatory_name: str = ""  # printed under the closing formula, above the title
    signatory_title_fr: str = "Le délégué à la protection des données"
    signatory_title_en: str = "The Data Protection Officer"

    def signature_lines(self, language: str) -> list[str]:
        """Name (when set) then title, the last lines of every letter."""
        title = self.signatory_title_fr if language == "fr" else self.signatory_title_en
        return [line for line in (self.signatory_name.strip(), title.strip()) if line]

    def to_json(self) -> dict[str, Any]:
        import base64

        return {
            "organisation": self.organisation,
            "lines": list(self.lines),
            "email": self.email,
            "place": self.place,
            "logo_png": base64.b64encode(self.logo_png).decode() if self.logo_png else None,
            "signatory_name": self.signatory_name,
            "signatory_title_fr": self.signatory_title_fr,
            "signatory_title_en": self.signatory_title_en,
        }

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Letterhead:
        import base64

        logo = value.get("logo_png")
        return cls(
            organisation=str(value.get("organisation", cls.organisation)),
            lines=tuple(str(x) for x in value.get("lines", cls.lines)),
            email=str(value.get("email", cls.email)),
            place=str(value.get("place", cls.place)),
            logo_png=base64.b64decode(logo) if logo else None,
            signatory_name=str(value.get("signatory_name") or ""),
            signatory_title_fr=str(value.get("signatory_title_fr") or cls.signatory_title_fr),
            signatory_title_en=str(value.get("signatory_title_en") or cls.signatory_title_en),
        )


@dataclass
class Section:
    """A block the code adds after the template body (legal content a template cannot drop)."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)


@dataclass
class LetterDocument:
    language: str
    letterhead: Letterhead
    recipient: list[str]  # validated address lines
    reference: str
    date: dt.date
    subject: str
    body: str  # markup from the template
    signatory: str
    sections: list[Section] = field(default_factory=list)
    annexes: list[AnnexTable] = field(default_factory=list)
    closing_notes: list[str] = field(default_factory=list)
    closing: str = ""  # the closing formula: after every section, just before the signature
    offset: EnvelopeOffset = field(default_factory=EnvelopeOffset)
    reserve_seal: bool = True
    title: str = ""
    keywords: str = ""
    technical: TechnicalAnnex | None = None  # the optional last page of fingerprints (documents/technical.py)


@dataclass(frozen=True)
class RenderedLetter:
    pdf: bytes
    pages: int
    seal: StampPlacement | None


def styles() -> dict[str, ParagraphStyle]:
    fonts.register_fonts()
    base = ParagraphStyle(
        "body", fontName=fonts.REGULAR, bulletFontName=fonts.REGULAR, fontSize=10, leading=13.5, spaceAfter=6
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, spaceAfter=2),
        "subject": ParagraphStyle(
            "subject", parent=base, fontName=fonts.BOLD, fontSize=10.5, spaceBefore=4, spaceAfter=10
        ),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=fonts.BOLD, fontSize=12, leading=15, spaceBefore=6, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=fonts.BOLD, fontSize=10.5, spaceBefore=8, spaceAfter=3
        ),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=14, bulletIndent=4, spaceAfter=2),
        "signatory": ParagraphStyle("signatory", parent=base, spaceBefore=10),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
    }


NBSP, NNBSP = "\u00a0", "\u202f"
_SPACE_BEFORE = re.compile(r"[ \u00a0\u202f]*([;:!?»])(?=[\s\u00a0\u202f.,)]|$)")
_AFTER_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")


def french_typography(text: str) -> str:
    """French spacing: a no-break space before : ; ! ? and », and after «.

    Applied to every French sentence of a letter (template text and generated sections alike), so
    a register entry or a typed reason cannot print "formations; Organiser" or "motif : x" split
    across lines. A colon inside a word or number (URLs, times) is left alone."""

    def space(match: re.Match[str]) -> str:
        mark = match.group(1)
        # U+00A0 for all: reportlab breaks lines at U+202F, which would leave ";" alone on a line
        return NBSP + mark

    return _AFTER_GUILLEMET.sub("«" + NBSP, _SPACE_BEFORE.sub(space, text))


def typeset(doc: LetterDocument) -> LetterDocument:
    """The document with French typography applied to everything it prints (English unchanged)."""
    if doc.language != "fr":
        return doc
    t = french_typography
    return replace(
        doc,
        subject=t(doc.subject),
        body=t(doc.body),
        closing=t(doc.closing),
        closing_notes=[t(n) for n in doc.closing_notes],
        sections=[Section(t(x.title), [t(p) for p in x.paragraphs], [t(b) for b in x.bullets]) for x in doc.sections],
    )


def markup_flowables(text: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Template markup → flowables: blank line = new paragraph, '# ' heading, '- ' bullet."""
    out: list[Flowable] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append(Paragraph(escape(" ".join(paragraph)), st["body"]))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("# "):
            flush()
            out.append(Paragraph(escape(line[2:].strip()), st["h2"]))
        elif line.startswith("- "):
            flush()
            out.append(Paragraph(escape(line[2:].strip()), st["bullet"], bulletText="•"))
        else:
            paragraph.append(line)
    flush()
    return out


def section_flowables(section: Section, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    items: list[Flowable] = [Paragraph(escape(section.title), st["h2"])] if section.title else []
    items += [Paragraph(escape(p), st["body"]) for p in section.paragraphs]
    items += [Paragraph(escape(b), st["bullet"], bulletText="•") for b in section.bullets]
    return [KeepTogether(items[:2]), *items[2:]]


class SealSpace(Flowable):
    """Reserves room for the visible seal and remembers where it landed (page, box)."""

    def __init__(self, sink: list[StampPlacement]) -> None:
        super().__init__()
        self.sink = sink
        self.width, self.height = SEAL_W, SEAL_H

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802 - reportlab API
        self.sink.clear()
        self.sink.append(
            StampPlacement(
                canvas.getPageNumber() - 1, (int(x), int(y), int(x + self.width), int(y + self.height))
            )
        )


def _numbered_canvas(language: str, reference: str) -> type[Canvas]:
    label = _WORDS[language]["page"]

    class NumberedCanvas(Canvas):
        """Holds pages until the end so each can say 'page x of y'."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = (
                kwargs.get("initialFontName") or fonts.REGULAR
            )  # no Helvetica preamble
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self.setFont(fonts.REGULAR, 7.5)
                self.setFillColor(colors.HexColor("#444444"))
                self.drawString(MARGIN, 10 * mm, reference)
                self.drawRightString(PAGE_W - MARGIN, 10 * mm, label.format(x=self._pageNumber, y=total))
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _draw_first_page(doc: LetterDocument, canvas: Any, st: dict[str, ParagraphStyle]) -> None:
    head = doc.letterhead
    top = PAGE_H - 15 * mm
    x = MARGIN
    if head.logo_png:
        image = ImageReader(io.BytesIO(head.logo_png))
        iw, ih = image.getSize()
        height = 18 * mm
        width = min(40 * mm, height * iw / max(ih, 1))
        canvas.drawImage(
            image, x, top - height, width=width, height=height, mask="auto", preserveAspectRatio=True
        )
        x += width + 5 * mm
    canvas.setFont(fonts.BOLD, 11)
    canvas.drawString(x, top - 10, head.organisation)
    canvas.setFont(fonts.REGULAR, 8.5)
    y = top - 22
    for line in [*head.lines, head.email]:
        canvas.drawString(x, y, line)
        y -= 10.5
    # Address block in the envelope window (NF Z 10-011 lines already validated).
    left = (WINDOW_LEFT_MM + doc.offset.right_mm) * mm
    top_window = PAGE_H - (WINDOW_TOP_MM + doc.offset.down_mm) * mm
    canvas.setFont(fonts.REGULAR, 10)
    y = top_window - 6 * mm
    for line in doc.recipient:
        canvas.drawString(left + 4 * mm, y, line)
        y -= 12.5
    words = _WORDS[doc.language]
    canvas.setFont(fonts.REGULAR, 9)
    canvas.drawString(
        MARGIN,
        PAGE_H - 66 * mm,
        f"{words['ref']}\u00a0: {doc.reference}" if doc.language == "fr" else f"{words['ref']}: {doc.reference}",
    )
    canvas.drawString(
        MARGIN,
        PAGE_H - 71 * mm,
        words["date"].format(place=head.place, date=format_date(doc.date, doc.language)),
    )


def render_letter(
    doc: LetterDocument,
    check_cancel: Callable[[], None] | None = None,
    on_annex: Callable[[int, int], None] | None = None,
) -> RenderedLetter:
    """Lay out the whole letter in memory; nothing touches the disk."""
    doc = typeset(doc)
    st = styles()
    seal: list[StampPlacement] = []
    story: list[Flowable] = [NextPageTemplate("later")]
    label = "Objet\u00a0: " if doc.language == "fr" else "Subject: "
    story.append(Paragraph(f"{label}{escape(doc.subject)}", st["subject"]))
    story += markup_flowables(doc.body, st)
    for section in doc.sections:
        story += section_flowables(section, st)
    for note in doc.closing_notes:
        story.append(Paragraph(escape(note), st["body"]))
    story.append(CondPageBreak(SEAL_H + 60))
    if doc.closing:
        story.append(Paragraph(escape(doc.closing), st["body"]))
    story.append(
        Paragraph("<br/>".join(escape(line) for line in doc.signatory.splitlines()), st["signatory"])
    )
    if doc.reserve_seal:
        story.append(SealSpace(seal))
    total = len(doc.annexes)
    for index, annex in enumerate(doc.annexes, start=1):
        if check_cancel:
            check_cancel()
        story.append(PageBreak())
        story += annex_flowables(annex, index, doc.language, st)
        if on_annex:
            on_annex(index, total)
    if doc.technical is not None:
        story.append(PageBreak())
        polish = french_typography if doc.language == "fr" else (lambda text: text)
        story += technical_flowables(doc.technical, doc.language, st, polish)

    out = io.BytesIO()
    body_h_first = PAGE_H - BODY_TOP_FIRST - MARGIN
    first = Frame(
        MARGIN, MARGIN, PAGE_W - 2 * MARGIN, body_h_first, id="first", leftPadding=0, rightPadding=0
    )
    later = Frame(
        MARGIN, MARGIN, PAGE_W - 2 * MARGIN, PAGE_H - 2 * MARGIN, id="later", leftPadding=0, rightPadding=0
    )
    template = BaseDocTemplate(
        out,
        pagesize=A4,
        title=doc.title or doc.subject,
        author=doc.letterhead.organisation,
        subject=doc.reference,
        creator="DSAR Desktop",
        keywords=doc.keywords,
        lang=doc.language,
        invariant=False,
    )
    template.addPageTemplates(
        [
            PageTemplate("first", frames=[first], onPage=lambda c, d: _draw_first_page(doc, c, st)),
            PageTemplate("later", frames=[later]),
        ]
    )
    template.build(story, canvasmaker=_numbered_canvas(doc.language, doc.reference))
    pdf = out.getvalue()
    pages = template.page
    return RenderedLetter(pdf=pdf, pages=pages, seal=seal[0] if seal else None)
