"""The sealed audit checkpoint: one printable page stating the audit chain's length and head hash on a date.

The figures are written twice: as text a person reads, and in the PDF's keywords
for `dsar verify --checkpoint`; the office seal covers both, so a checkpoint filed
each month proves the history up to that day even against someone who later holds
the register key and rewrites the chain and its anchor.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from . import fonts
from .certs import SealMaterial
from .signing import SignatureReport, StampPlacement, seal_pdf, verify_pdf

KEYWORD_PREFIX = "dsar-audit-checkpoint "
PARIS = ZoneInfo("Europe/Paris")
MAX_CHECKPOINT_BYTES = 5 * 1024 * 1024

_TEXT = {
    "en": {
        "title": "Audit checkpoint of the register of data-subject requests",
        "intro": "On the date below, the register's audit log held exactly this history:",
        "register": "Register id",
        "when": "Date (Paris)",
        "count": "Number of audit entries",
        "head": "Hash of the last entry (SHA-256)",
        "how": (
            "To check the register against this page: dsar verify --checkpoint FILE. "
            "A register whose history was cut, rolled back or rewritten before this date fails the check."
        ),
        "keep": "File or print this page; keep it apart from the register and its backups.",
    },
    "fr": {
        "title": "Point de contrôle du journal d'audit du registre des demandes",
        "intro": "À la date ci-dessous, le journal d'audit du registre contenait exactement cet historique :",
        "register": "Identifiant du registre",
        "when": "Date (Paris)",
        "count": "Nombre d'entrées d'audit",
        "head": "Empreinte de la dernière entrée (SHA-256)",
        "how": (
            "Pour contrôler le registre avec cette page : dsar verify --checkpoint FICHIER. "
            "Un registre dont l'historique a été coupé, ramené en arrière ou réécrit avant cette date échoue."
        ),
        "keep": "Classez ou imprimez cette page ; conservez-la à part du registre et de ses sauvegardes.",
    },
}


@dataclass(frozen=True)
class CheckpointFacts:
    register_id: str
    count: int
    head: str
    at: str  # ISO time, Paris

    def to_json(self) -> dict[str, Any]:
        return {"register_id": self.register_id, "count": self.count, "head": self.head, "at": self.at}


def render(facts: CheckpointFacts, language: str = "fr") -> tuple[bytes, StampPlacement]:
    fonts.register_fonts()
    words = _TEXT["fr" if language == "fr" else "en"]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True)
    canvas.setTitle(words["title"])
    canvas.setKeywords(KEYWORD_PREFIX + json.dumps(facts.to_json(), sort_keys=True))
    width, height = A4
    x = 25 * mm
    y = height - 35 * mm
    canvas.setFont(fonts.BOLD, 14)
    canvas.drawString(x, y, words["title"])
    y -= 14 * mm
    canvas.setFont(fonts.REGULAR, 10)
    canvas.drawString(x, y, words["intro"])
    y -= 10 * mm
    rows = [
        (words["register"], facts.register_id),
        (words["when"], facts.at),
        (words["count"], str(facts.count)),
        (words["head"], ""),
    ]
    for label, value in rows:
        canvas.setFont(fonts.REGULAR, 10)
        canvas.drawString(x, y, label)
        canvas.setFont(fonts.MONO, 10)
        canvas.drawString(x + 75 * mm, y, value)
        y -= 7 * mm
    canvas.setFont(fonts.MONO, 10)
    canvas.drawString(x + 5 * mm, y, facts.head[:32])
    canvas.drawString(x + 5 * mm, y - 5 * mm, facts.head[32:])
    y -= 18 * mm
    canvas.setFont(fonts.REGULAR, 9)
    for key in ("how", "keep"):
        text = canvas.beginText(x, y)
        text.setFont(fonts.REGULAR, 9)
        for line in _wrap(words[key], 100):
            text.textLine(line)
            y -= 5 * mm
        canvas.drawText(text)
        y -= 4 * mm
    canvas.showPage()
    canvas.save()
    box = (int(x), int(y - 40 * mm), int(x + 90 * mm), int(y - 8 * mm))
    return out.getvalue(), StampPlacement(0, box)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return lines


def build(facts: CheckpointFacts, material: SealMaterial, language: str = "fr") -> bytes:
    pdf, placement = render(facts, language)
    reason = "Point de contrôle du journal d'audit" if language == "fr" else "Audit log checkpoint"
    return seal_pdf(pdf, material, placement, language=language, reason=reason)


def now_paris() -> str:
    return dt.datetime.now(PARIS).isoformat(timespec="seconds")


@dataclass(frozen=True)
class ReadCheckpoint:
    seal: SignatureReport
    facts: CheckpointFacts | None


def read(pdf: bytes, trust_roots_der: list[bytes]) -> ReadCheckpoint:
    """The seal's report and the figures the seal covers (None when the PDF is not a checkpoint)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    report = verify_pdf(pdf, trust_roots_der)
    try:
        info = PdfFileReader(io.BytesIO(pdf), strict=False).trailer_view["/Info"]
        text = str(info.get("/Keywords")) if info is not None else ""
        if not text.startswith(KEYWORD_PREFIX):
            return ReadCheckpoint(report, None)
        data = json.loads(text[len(KEYWORD_PREFIX) :])
        facts = CheckpointFacts(str(data["register_id"]), int(data["count"]), str(data["head"]), str(data["at"]))
    except Exception:  # noqa: BLE001 - unreadable metadata means "not a checkpoint"
        return ReadCheckpoint(report, None)
    return ReadCheckpoint(report, facts)
