"""Test support for the letters/packs/signature tests: schema, catalogue, confirmed data, input stubs."""

from __future__ import annotations

from typing import Any

from dsar_desktop.paths import RESOURCES  # noqa: F401 - handy for tests
from dsar_desktop.services import letters
from dsar_desktop.store.connection import Register

CATALOGUE: dict[str, Any] = {
    "version": "2027.1-test",
    "sources": {
        "crm": {
            "name": {"fr": "CRM commercial", "en": "Sales CRM"},
            "purposes": {
                "fr": ["Prospection commerciale", "Gestion des candidatures"],
                "en": ["Direct marketing", "Applications"],
            },
            "legal_basis": {"fr": "Intérêt légitime", "en": "Legitimate interest"},
            "categories": {
                "fr": "Identité, coordonnées, échanges",
                "en": "Identity, contact details, exchanges",
            },
            "recipients": {"fr": "Services commerciaux de CESI", "en": "CESI sales teams"},
            "retention": {
                "fr": "3 ans à compter de la fin de la relation commerciale",
                "en": "3 years from the end of the commercial relationship",
            },
            "source_of_data": {"fr": "Collectées auprès de vous", "en": "Collected from you"},
            "automated_decisions": {
                "not_applicable": {"fr": "aucune décision automatisée", "en": "no automated decision"}
            },
            "transfers": {
                "not_applicable": {"fr": "aucun transfert hors UE", "en": "no transfer outside the EU"}
            },
            "portable": True,
        },
        "student_records": {
            "name": {"fr": "Scolarité", "en": "Student records"},
            "purposes": {"fr": "Gestion de la scolarité", "en": "Student administration"},
            "legal_basis": {"fr": "Contrat", "en": "Contract"},
            "categories": {
                "fr": "Identité, parcours, notes, diplômes",
                "en": "Identity, curriculum, grades, diplomas",
            },
            "recipients": {"fr": "Services pédagogiques ; RNCP", "en": "Teaching staff; RNCP"},
            "retention": {
                "fr": "Durée de la formation + 1 an ; diplômes 99 ans",
                "en": "Training + 1 year; diplomas 99 years",
            },
            "source_of_data": {"fr": "Vous-même et vos enseignants", "en": "You and your teachers"},
            "automated_decisions": {"not_applicable": {"fr": "aucune", "en": "none"}},
            "transfers": {"not_applicable": {"fr": "aucun", "en": "none"}},
            "erasure_exception": {
                "fr": "les diplômes sont conservés 99 ans au titre de l'obligation légale (article 17, paragraphe 3, "
                "points b) et d), du RGPD)",
                "en": "diplomas are kept for 99 years to comply with a legal obligation (Article 17(3)(b) and (d) GDPR)",
            },
        },
    },
}


def apply_documents_schema(reg: Register) -> None:
    """The documents tables come with migration 0005; kept for registers opened without migrating."""
    if reg.query_one("SELECT 1 FROM sqlite_master WHERE name = 'letter_templates'"):
        return
    from dsar_desktop.store.migrations import _split

    sql = (RESOURCES.parent / "dsar_desktop" / "store" / "migrations" / "0005_documents.sql").read_text(
        encoding="utf-8"
    )
    with reg.transaction() as conn:
        for statement in _split(sql):
            conn.execute(statement)


def confirmed_rows(count: int = 3) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i in range(count):
        rows.append(
            {
                "source": "crm",
                "record": {
                    "date": f"2026-0{1 + i % 9}-1{i % 10}",
                    "name": "Héloïse DUPRÉ",
                    "email": "heloise.dupre@example.org",
                    "comment": f"Rappel “œuvre” ‐ appel de Jean MARTIN n°{i}",
                    "owner": "ŁUKASZ",
                },
                "redactions": {"comment": "third_party"} if i % 3 == 0 else {},
            }
        )
    rows.append(
        {
            "source": "student_records",
            "record": {
                "student_number": "S123456",
                "programme": "Ingénieur Informatique",
                "diploma": "2026-06-30",
            },
            "redactions": [],
        }
    )
    return rows


def make_inputs(
    data: list[dict[str, Any]] | None = None,
    missing: list[Any] | None = None,
    block: tuple[str, str] | None = None,
    catalogue: Any = None,
) -> letters.LetterInputs:
    """Fake inputs from the extracts, catalogue and identity services, passed to compose/build_pack."""
    return letters.LetterInputs(
        confirmed=confirmed_rows() if data is None else data,
        missing=list(missing or []),
        catalogue=catalogue or CATALOGUE,
        disclosure_block=block,
    )


def install_inputs(
    monkeypatch: Any,
    data: list[dict[str, Any]] | None = None,
    missing: list[Any] | None = None,
    block: tuple[str, str] | None = None,
    catalogue: Any = None,
) -> letters.LetterInputs:
    """For code paths that gather their own inputs (UI, CLI): answer gather_inputs with fakes."""
    inputs = make_inputs(data, missing, block, catalogue)
    monkeypatch.setattr(letters, "gather_inputs", lambda reg, ref: inputs)
    return inputs
