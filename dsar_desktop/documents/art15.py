"""The Article 15 sections of an access response (RULES D), built from the processing register.

Every section is either filled or marked "not applicable" with a reason; a missing
one stops the letter (Art15SectionMissing) instead of printing an incomplete answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..domain.errors import DsarError
from .letter import Section

# (key in the catalogue entry, English title, French title)
CATALOGUE_SECTIONS = (
    ("purposes", "Purposes of the processing and legal basis", "Finalités du traitement et base légale"),
    ("categories", "Categories of personal data", "Catégories de données personnelles"),
    ("recipients", "Recipients", "Destinataires"),
    ("retention", "Retention period", "Durée de conservation"),
    ("source_of_data", "Source of the data", "Source des données"),
    (
        "automated_decisions",
        "Automated decision-making, including profiling",
        "Décision automatisée, y compris le profilage",
    ),
    (
        "transfers",
        "Transfers outside the European Union and safeguards",
        "Transferts hors de l'Union européenne et garanties",
    ),
)
SECTION_KEYS = ("confirmation", "copy", *[k for k, _, _ in CATALOGUE_SECTIONS], "rights", "complaint")
_ALIASES = {
    "purposes": ("purposes", "purpose"),
    "categories": ("categories", "data_categories"),
    "recipients": ("recipients",),
    "retention": ("retention", "retention_period"),
    "source_of_data": ("source_of_data", "source", "data_source", "origin"),
    "automated_decisions": ("automated_decisions", "automated_decision_making", "automated_decision"),
    "transfers": ("transfers", "transfers_outside_eu", "international_transfers"),
    "legal_basis": ("legal_basis", "lawful_basis"),
}


class Art15SectionMissing(DsarError):
    code = "art15_section_missing"
    en = (
        "The access response cannot be built: the section '{section}' is missing for the system '{source}'. "
        "Fill it in the processing register, or mark it not applicable with a reason."
    )
    fr = (
        "La réponse d'accès ne peut pas être produite : la rubrique « {section_fr} » manque pour le système « {source_fr} ». "
        "Complétez-la dans le registre des traitements, ou marquez-la sans objet avec un motif."
    )
    exit_code = 1


class Art15FieldDraft(DsarError):
    code = "art15_field_draft"
    en = (
        "The letter is blocked: the field '{field}' of the processing '{source}' is still a draft in the "
        "processing register. Settle it (and remove the draft mark) before any letter prints it."
    )
    fr = (
        "La lettre est bloquée : le champ « {field_fr} » du traitement « {source_fr} » est encore un brouillon "
        "dans le registre des traitements. Arrêtez-le (et retirez la marque de brouillon) avant qu'une lettre "
        "ne l'imprime."
    )
    exit_code = 1


def check_not_draft(source_id: str, entry: Mapping[str, Any] | None, key: str, en: str, fr: str) -> None:
    """A field (or a whole entry) marked draft never reaches a letter (RULES D)."""
    draft = (entry or {}).get("draft")
    names = set(_ALIASES.get(key, (key,)))
    if draft is True or (isinstance(draft, (list, tuple)) and names & {str(d) for d in draft}):
        raise Art15FieldDraft(
            field=en,
            field_fr=fr,
            source=source_name(source_id, entry, "en"),
            source_fr=source_name(source_id, entry, "fr"),
        )


def localise(value: Any, language: str) -> str | None:
    """A catalogue value (text, {fr, en}, list of either, {not_applicable: reason}) → one text."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, Mapping):
        if "not_applicable" in value:
            reason = localise(value["not_applicable"], language)
            if not reason:
                return None
            return f"Sans objet : {reason}" if language == "fr" else f"Not applicable: {reason}"
        if language in value:
            return localise(value[language], language)
        other = "en" if language == "fr" else "fr"
        if other in value:
            return localise(value[other], language)
        for key in ("text", "label", "name", "value"):
            if key in value:
                return localise(value[key], language)
        return None
    if isinstance(value, Sequence):
        parts = [p for p in (localise(v, language) for v in value) if p]
        return "; ".join(parts) or None
    return str(value)


def field_of(entry: Mapping[str, Any], key: str, language: str) -> str | None:
    for alias in _ALIASES.get(key, (key,)):
        if alias in entry:
            return localise(entry[alias], language)
    return None


def source_name(source_id: str, entry: Mapping[str, Any] | None, language: str) -> str:
    if entry:
        for key in ("name", "label", "title"):
            if key in entry:
                text = localise(entry[key], language)
                if text:
                    return text
    return source_id


def _t(language: str, en: str, fr: str) -> str:
    return fr if language == "fr" else en


def build_sections(
    found: Sequence[tuple[str, Mapping[str, Any] | None, int]],
    language: str,
    electronic: bool,
    dpo_email: str,
) -> list[Section]:
    """found: (source id, catalogue entry or None, number of records) for each system where data were found."""
    sections: list[Section] = []
    if found:
        names = [f"{source_name(s, e, language)} ({n})" for s, e, n in found]
        sections.append(
            Section(
                _t(language, "1. Confirmation", "1. Confirmation"),
                [
                    _t(
                        language,
                        "We confirm that we process personal data about you. They were found in the following systems "
                        "(number of records):",
                        "Nous confirmons traiter des données personnelles vous concernant. Elles ont été trouvées dans les "
                        "systèmes suivants (nombre d'enregistrements) :",
                    )
                ],
                names,
            )
        )
        sections.append(
            Section(
                _t(language, "2. Copy of your data", "2. Copie de vos données"),
                [
                    _t(
                        language,
                        "A copy of your data is annexed to this letter, one annex per system. The data you provided are also "
                        "given in machine-readable form (data.json and data.csv) in the electronic pack. Information about "
                        "other people has been masked (Article 15(4) GDPR); each masked item shows its reason.",
                        "Une copie de vos données est annexée à cette lettre, une annexe par système. Elles sont aussi fournies "
                        "dans un format lisible par machine (data.json et data.csv) dans le dossier électronique. Les "
                        "informations concernant d'autres personnes ont été occultées (article 15, paragraphe 4, du RGPD) ; chaque occultation "
                        "indique son motif.",
                    )
                ],
            )
        )
    else:
        not_found = _t(
            language,
            "Not applicable: no personal data about you were found in our systems.",
            "Sans objet : aucune donnée personnelle vous concernant n'a été trouvée dans nos systèmes.",
        )
        sections.append(
            Section(
                "1. Confirmation",
                [
                    _t(
                        language,
                        "We searched every system that could hold data about you, and we do not process any personal data about you.",
                        "Nous avons consulté chacun des systèmes susceptibles de contenir des données vous concernant : nous ne traitons aucune donnée personnelle vous concernant.",
                    )
                ],
            )
        )
        sections.append(Section(_t(language, "2. Copy of your data", "2. Copie de vos données"), [not_found]))
    for number, (key, en, fr) in enumerate(CATALOGUE_SECTIONS, start=3):
        title = f"{number}. {_t(language, en, fr)}"
        if not found:
            sections.append(
                Section(
                    title,
                    [
                        _t(
                            language,
                            "Not applicable: no data about you are processed.",
                            "Sans objet : aucune donnée vous concernant n'est traitée.",
                        )
                    ],
                )
            )
            continue
        bullets = []
        for source_id, entry, _count in found:
            check_not_draft(source_id, entry, key, en, fr)
            if key == "purposes":
                check_not_draft(source_id, entry, "legal_basis", "Legal basis", "Base légale")
            text = field_of(entry or {}, key, language)
            if key == "purposes" and text:
                basis = field_of(entry or {}, "legal_basis", language)
                if basis:
                    text = (
                        f"{text} — {_t(language, 'legal basis', 'base légale')} : {basis}"
                        if language == "fr"
                        else f"{text} — legal basis: {basis}"
                    )
            if not text:
                raise Art15SectionMissing(
                    section=en,
                    section_fr=fr,
                    source=source_name(source_id, entry, "en"),
                    source_fr=source_name(source_id, entry, "fr"),
                )
            bullets.append(
                f"{source_name(source_id, entry, language)} : {text}"
                if language == "fr"
                else f"{source_name(source_id, entry, language)}: {text}"
            )
        sections.append(Section(title, [], bullets))
    n = len(CATALOGUE_SECTIONS) + 3
    sections.append(
        Section(
            f"{n}. {_t(language, 'Your rights', 'Vos droits')}",
            [
                _t(
                    language,
                    f"You may ask us to rectify inaccurate data (Article 16 GDPR), to erase your data (Article 17), to restrict their "
                    f"processing (Article 18) and you may object to their processing (Article 21), at any time and free of charge, "
                    f"by writing to {dpo_email} or to the postal address above. Objection to direct marketing takes effect "
                    f"at once.",
                    f"Vous pouvez nous demander de rectifier des données inexactes (article 16 du RGPD), d'effacer vos données (article 17), "
                    f"d'en limiter le traitement (article 18) et de vous opposer à leur traitement (article 21), à tout moment et "
                    f"gratuitement, en écrivant à {dpo_email} ou à l'adresse postale ci-dessus. L'opposition à la prospection "
                    f"prend effet immédiatement.",
                )
            ],
        )
    )
    sections.append(
        Section(
            f"{n + 1}. {_t(language, 'Right to lodge a complaint', 'Droit d’introduire une réclamation')}",
            [
                _t(
                    language,
                    "You have the right to lodge a complaint with the CNIL (Commission nationale de l'informatique et des "
                    "libertés), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr.",
                    "Vous avez le droit d'introduire une réclamation auprès de la CNIL (Commission nationale de l'informatique "
                    "et des libertés), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr.",
                )
            ],
        )
    )
    if electronic:
        sections[-1].paragraphs.append(
            _t(
                language,
                "As your request was made electronically, this answer is also sent electronically (Article 15(3) GDPR).",
                "Votre demande ayant été faite par voie électronique, cette réponse vous est aussi adressée sous forme "
                "électronique (article 15, paragraphe 3, du RGPD).",
            )
        )
    return sections


def remedies_section(language: str, number: str = "") -> Section:
    """Art. 12(4): the right to complain to the CNIL and to seek a judicial remedy (refusals)."""
    return Section(
        f"{number}{_t(language, 'Your remedies', 'Vos voies de recours')}",
        [
            _t(
                language,
                "You have the right to lodge a complaint with the CNIL (Commission nationale de l'informatique et des "
                "libertés), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr.",
                "Vous avez le droit d'introduire une réclamation auprès de la CNIL (Commission nationale de l'informatique "
                "et des libertés), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr.",
            ),
            _t(
                language,
                "You also have the right to an effective judicial remedy (Article 79 GDPR) before the competent court.",
                "Vous disposez également du droit à un recours juridictionnel effectif (article 79 du RGPD) devant la "
                "juridiction compétente.",
            ),
        ],
    )
