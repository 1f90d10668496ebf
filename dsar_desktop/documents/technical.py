"""The optional technical annex page of a response pack: the fingerprints that let anyone check the files.

The letter's body never carries hashes (a person reads it); this last page does, for a
lawyer, an IT department or the CNIL: the SHA-256 of each data file of the pack, the
register's audit head when the pack was sealed (what `dsar verify --pack` checks), and the
fingerprint of the seal's certificate. The PDF's own fingerprint cannot be printed inside
it: its electronic seal covers it instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from . import fonts


@dataclass(frozen=True)
class TechnicalAnnex:
    case_ref: str
    files: list[tuple[str, str]]  # (file name in the pack, SHA-256 hex)
    audit_entries: int
    audit_head: str
    seal_fingerprint: str  # SHA-256 of the seal certificate as the stamp prints it (AB:CD:…); "" when unknown


_WORDS = {
    "fr": {
        "title": "Annexe technique : empreintes des fichiers",
        "intro": (
            "Cette page permet de vérifier que les fichiers remis avec cette réponse n'ont pas changé depuis "
            "leur scellement. L'empreinte SHA-256 d'un fichier change dès qu'un seul de ses octets change ; "
            "elle se calcule avec les outils courants (certutil -hashfile sous Windows, sha256sum sous Linux). "
            "Le présent document est protégé par son cachet électronique, que tout lecteur PDF vérifie."
        ),
        "file": "Fichier",
        "hash": "Empreinte SHA-256",
        "ref": "Référence du dossier : {ref}",
        "audit": (
            "Journal d'audit du registre au scellement : {count} entrées, dernière empreinte {head}. "
            "Le responsable du traitement peut prouver avec cette empreinte que son journal n'a pas été réécrit "
            "depuis."
        ),
        "seal": "Certificat du cachet électronique (le même que sur le tampon de la lettre) : empreinte SHA-256 {fingerprint}.",
    },
    "en": {
        "title": "Technical annex: file fingerprints",
        "intro": (
            "This page lets anyone check that the files given with this reply have not changed since they were "
            "sealed. A file's SHA-256 fingerprint changes as soon as a single byte of it changes; common tools "
            "compute it (certutil -hashfile on Windows, sha256sum on Linux). This document itself is protected "
            "by its electronic seal, which any PDF reader checks."
        ),
        "file": "File",
        "hash": "SHA-256 fingerprint",
        "ref": "Case reference: {ref}",
        "audit": (
            "The register's audit log when the pack was sealed: {count} entries, latest fingerprint {head}. "
            "With it the controller can prove that its log has not been rewritten since."
        ),
        "seal": "Electronic seal certificate (the one named on the letter's stamp): SHA-256 fingerprint {fingerprint}.",
    },
}


def _grouped(hex_text: str) -> str:
    """64 hex digits in groups of 8, so a person can compare them by eye."""
    return " ".join(hex_text[i : i + 8] for i in range(0, len(hex_text), 8))


def technical_flowables(
    annex: TechnicalAnnex, language: str, st: dict[str, ParagraphStyle], polish: Callable[[str], str]
) -> list[Flowable]:
    """The page's flowables; `polish` is the letter's typography (French no-break spaces)."""
    words = _WORDS["fr" if language == "fr" else "en"]

    def text(key: str, **facts: Any) -> str:
        return polish(words[key].format(**facts))

    mono = ParagraphStyle("mono", parent=st["small"], fontName=fonts.MONO, fontSize=7.5, leading=9.5)
    out: list[Flowable] = [
        Paragraph(escape(text("title")), st["h1"]),
        Paragraph(escape(text("intro")), st["body"]),
        Paragraph(escape(text("ref", ref=annex.case_ref)), st["body"]),
    ]
    rows: list[list[Any]] = [
        [Paragraph(escape(text("file")), st["small"]), Paragraph(escape(text("hash")), st["small"])]
    ]
    rows += [
        [Paragraph(escape(name), st["small"]), Paragraph(_grouped(digest), mono)]
        for name, digest in annex.files
    ]
    table = Table(rows, colWidths=[45 * mm, 125 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    out.append(table)
    out.append(Spacer(1, 4 * mm))
    out.append(
        Paragraph(
            escape(text("audit", count=annex.audit_entries, head=_grouped(annex.audit_head))), st["body"]
        )
    )
    if annex.seal_fingerprint:
        out.append(Paragraph(escape(text("seal", fingerprint=annex.seal_fingerprint)), st["body"]))
    return out
