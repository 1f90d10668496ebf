"""Annex dates as a person reads them (Art. 12(1): an intelligible form), the pack's files as the system held them."""

from __future__ import annotations

import subprocess

import pytest

from dsar_desktop.documents import fonts
from dsar_desktop.documents.annexes import AnnexTable, annex_flowables, readable
from dsar_desktop.documents.letter import styles


@pytest.mark.parametrize(
    ("held", "fr", "en"),
    [
        ("2024-07-01", "1er juillet 2024", "1 July 2024"),
        ("2025-04-02T10:00:00Z", "2 avril 2025 à 12:00", "2 April 2025, 12:00"),  # UTC instant, shown in Paris
        ("2025-01-15T23:30:00+00:00", "16 janvier 2025 à 00:30", "16 January 2025, 00:30"),  # the next Paris day
        ("2024-07-01T00:00:00", "1er juillet 2024", "1 July 2024"),  # a date kept as midnight
        ("2024-07-01 14:30", "1er juillet 2024 à 14:30", "1 July 2024, 14:30"),
        ("2025-13-45", "2025-13-45", "2025-13-45"),  # not a date after all: as held
        ("20240701", "20240701", "20240701"),
        ("2024-07-01 (rentrée)", "2024-07-01 (rentrée)", "2024-07-01 (rentrée)"),
        ("Ingénieur", "Ingénieur", "Ingénieur"),
    ],
)
def test_readable_dates(held: str, fr: str, en: str) -> None:
    assert readable(held, "fr") == fr
    assert readable(held, "en") == en


def test_an_annex_prints_readable_dates() -> None:
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    fonts.register_fonts()
    annex = AnnexTable("Newsletter", ["E-mail", "Inscrit le"], [["a@example.org", "2025-04-02T10:00:00Z"]])
    out = BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(annex_flowables(annex, 1, "fr", styles()))
    text = subprocess.run(["pdftotext", "-", "-"], input=out.getvalue(), capture_output=True, check=True).stdout
    assert "2 avril 2025 à 12:00" in text.decode() and "2025-04-02T10" not in text.decode()
