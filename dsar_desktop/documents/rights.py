"""The parts of a reply that answer rights other than access (RULES E): portability, and the
references of each right, so that a request invoking several rights gets each one answered.

Each function returns letter Sections from facts the caller has recorded; none of them claims
an action that is not in the facts it is given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .art15 import remedies_section, source_name
from .letter import Section

LIL_FULL = {
    "fr": "loi n° 78-17 du 6 janvier 1978 relative à l'informatique, aux fichiers et aux libertés",
    "en": "French Act No. 78-17 of 6 January 1978 on information technology, data files and civil liberties "
    "(loi n° 78-17 du 6 janvier 1978)",
}
PORTABLE_BASES = ("consent", "contract")


def _t(language: str, en: str, fr: str) -> str:
    return fr if language == "fr" else en


def is_portable(entry: Mapping[str, Any] | None) -> bool:
    """Art. 20(1): data the person provided, processed on consent or contract, by automated means.
    The register says so per processing (`portable`), checked against its legal basis."""
    if not entry or not entry.get("portable"):
        return False
    basis = entry.get("legal_basis")
    code = basis.get("code") if isinstance(basis, Mapping) else None
    return code is None or code in PORTABLE_BASES


def portability_sections(
    found: Sequence[tuple[str, Mapping[str, Any] | None, int]], language: str, only_right: bool
) -> list[Section]:
    """The answer to an Art. 20 request: which data are given in CSV and JSON, and the Art. 20(2) offer."""
    portable = [(s, e, n) for s, e, n in found if is_portable(e)]
    title = _t(language, "Your data in a portable format (Article 20 GDPR)", "Vos données dans un format portable (article 20 du RGPD)")
    if portable:
        paragraphs = [
            _t(
                language,
                "The data you provided to us, processed on the basis of your consent or of a contract, are given in "
                "a structured, commonly used and machine-readable format: the files data.csv and data.json of the "
                "electronic pack that comes with this letter. They come from these processing activities "
                "(number of records):",
                "Les données que vous nous avez fournies, traitées sur la base de votre consentement ou d'un "
                "contrat, vous sont remises dans un format structuré, couramment utilisé et lisible par machine : "
                "les fichiers data.csv et data.json du dossier électronique joint à cette lettre. Elles proviennent "
                "des traitements suivants (nombre d'enregistrements) :",
            )
        ]
        bullets = [f"{source_name(s, e, language)} ({n})" for s, e, n in portable]
    else:
        paragraphs = [
            _t(
                language,
                "We hold no data that you provided to us and that we process on the basis of your consent or of a "
                "contract: there are therefore no data to give you under the right to data portability.",
                "Nous ne détenons aucune donnée que vous nous auriez fournie et que nous traiterions sur la base de "
                "votre consentement ou d'un contrat : il n'y a donc pas de données à vous remettre au titre du droit "
                "à la portabilité.",
            )
        ]
        bullets = []
    others = [(s, e) for s, e, _ in found if not is_portable(e)]
    if others and not only_right:
        paragraphs.append(
            _t(
                language,
                "The other data listed in this letter are not covered by the right to portability (they were not "
                "provided by you, or are processed on another legal basis); they are given to you under your right "
                "of access.",
                "Les autres données figurant dans cette lettre ne relèvent pas du droit à la portabilité (elles "
                "n'ont pas été fournies par vous, ou sont traitées sur une autre base légale) ; elles vous sont "
                "communiquées au titre de votre droit d'accès.",
            )
        )
    offer = Section(
        _t(language, "Transmission to another controller (Article 20(2) GDPR)", "Transmission à un autre responsable du traitement (article 20, paragraphe 2, du RGPD)"),
        [
            _t(
                language,
                "If you wish, we will transmit these data directly to another controller of your choice, where "
                "this is technically feasible: tell us its name and the address to which the files should be sent.",
                "Si vous le souhaitez, nous transmettrons directement ces données au responsable du traitement de "
                "votre choix, lorsque cela est techniquement possible : indiquez-nous son nom et l'adresse à laquelle "
                "les fichiers doivent être envoyés.",
            )
        ],
    )
    out = [Section(title, paragraphs, bullets), offer]
    if only_right:
        out.append(remedies_section(language))
    return out
