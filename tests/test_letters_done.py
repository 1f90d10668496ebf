"""What a DPO checks before signing (issue 11, RULES C, D, E): every letter kind, in French and English,
for an adult, a parent acting for a child under 15 and a child under 15 writing alone, rendered to PDF
once, read back with pdftotext, and checked for draft text, raw column names, hashes, the order of the
closing formula, the references of each invoked right, the full title of the French law and decree,
and French typography."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from dsar_desktop.domain.cases import Capacity, Right, Status
from dsar_desktop.domain.catalogue import parse_catalogue
from dsar_desktop.domain.deadlines import today_paris
from dsar_desktop.paths import RESOURCES
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import directives, letters
from dsar_desktop.services import identity as ids
from dsar_desktop.services import notifications as art19
from dsar_desktop.services.demo import DEMO_TRANSFERS
from dsar_desktop.store.connection import Register, open_register

try:
    from conftest import new_case
except ImportError:  # pragma: no cover
    from tests.conftest import new_case

LANGUAGES = ("fr", "en")
RAW_COLUMNS = ("subscribed_at", "first_name", "unsubscribed_at", "visitor_id", "third_party")
DATA = [
    {"source": "newsletter", "record": {"email": "oceane.ibert@example.org", "first_name": "Océane",
     "subscribed_at": "2025-04-02T10:00:00Z", "unsubscribed_at": None}, "redactions": {}},
    {"source": "diplomas", "record": {"Nom": "IBERT", "Diplôme": "Ingénieur", "Date de délivrance": "2024-07-01"},
     "redactions": {}},
    {"source": "web_analytics", "record": {"visitor_id": "c0ffee01", "pages_viewed": 12, "device": "Firefox"},
     "redactions": {"device": "third_party"}},
]  # fmt: skip
# the references that answer each right (RULES E: each right with its own references)
RIGHT_REFS = {
    "access": ("article 15", "Article 15"),
    "portability": ("article 20", "Article 20"),
    "rectification": ("article 16", "Article 16"),
    "erasure": ("article 17", "Article 17"),
    "restriction": ("article 18", "Article 18"),
    "objection": ("article 21", "Article 21"),
    "consent_withdrawal": ("article 7, paragraphe 3", "Article 7(3)"),
}
CLOSING = {"fr": "salutations distinguées", "en": "Yours sincerely"}
TITLE = {"fr": "Le délégué à la protection des données", "en": "The Data Protection Officer"}


def _catalogue() -> Any:
    data = json.loads((RESOURCES / "catalogue.json").read_text(encoding="utf-8"))
    for activity in data["activities"]:  # the DPO settled the drafts, as in the demo register
        if activity.pop("draft", None):
            activity["transfers_outside_eu"] = dict(DEMO_TRANSFERS)
    return parse_catalogue(data, version=2)


TYPESET: dict[tuple[str, str, str, str], str] = {}  # what the PDF prints, before pdftotext folds no-break spaces


def _typeset(reg: Register, ref: str, kind: str, language: str, extra: Any, inputs: Any) -> str:
    from dsar_desktop.documents.letter import typeset

    doc = typeset(letters.compose(reg, ref, kind, language, dict(extra or {}), inputs=inputs)[0])
    parts = [doc.subject, doc.body, doc.closing, *doc.closing_notes]
    for section in doc.sections:
        parts += [section.title, *section.paragraphs, *section.bullets]
    return "\n".join(parts)


def _text(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return re.sub(r"[ \t\r\n]+", " ", out)


def _case(reg: Register, rights: list[Right], language: str, **overrides: Any) -> str:
    received = dt.datetime.combine(today_paris() - dt.timedelta(days=3), dt.time(10), tzinfo=dt.UTC)
    values: dict[str, Any] = {
        "subject_name": "Océane IBERT", "subject_address": "Océane IBERT\n3 allée des Érables\n31000 TOULOUSE",
    }  # fmt: skip
    values.update(overrides)
    return case_service.add_case(
        reg, new_case(rights=rights, language=language, received_at=received, **values)
    ).ref


def _settle(reg: Register, ref: str, inputs: letters.LetterInputs) -> None:
    ids.record_other_means(reg, ref, "email_on_file")
    if case_service.get_case(reg, ref).status == Status.RECEIVED:
        case_service.transition(reg, ref, Status.IN_PROGRESS)
    entries = letters.catalogue_entries(inputs.catalogue)[1]
    sources = list(dict.fromkeys(d["source"] for d in inputs.confirmed))
    for i, (source, recipient) in enumerate(art19.expected_recipients(entries, sources)):
        if i % 2:
            art19.record(reg, ref, source, recipient, "notified", notified_on=today_paris(), means="courriel")
        else:
            art19.record(reg, ref, source, recipient, "disproportionate",
                         reason="Ce destinataire ne conserve pas de copie des données.")  # fmt: skip


HEIR_DIRECTIVES = {
    "fr": "communiquer aux héritiers les seules données utiles à la succession, effacer le reste",
    "en": "communicate to the heirs only the data useful to the estate, erase the rest",
}

# (letter kind, rights of the case, capacity, extra)
ADULT = [
    ("acknowledgement", [Right.ACCESS, Right.PORTABILITY], {}),
    ("id_request", [Right.ACCESS], {"reason": "Votre demande provient d'une adresse que nous ne connaissons pas."}),
    ("extension_notice", [Right.ACCESS], {"reasons": "Sept systèmes doivent être consultés."}),
    ("access_response", [Right.ACCESS], {}),
    ("portability_response", [Right.PORTABILITY], {}),
    ("access_response", [Right.ACCESS, Right.PORTABILITY], {}),
    ("confirmation_rectification", [Right.RECTIFICATION], {}),
    ("confirmation_erasure", [Right.ERASURE], {}),
    ("confirmation_restriction", [Right.RESTRICTION], {}),
    ("confirmation_objection", [Right.OBJECTION], {}),
    ("confirmation_consent_withdrawal", [Right.CONSENT_WITHDRAWAL], {}),
    ("refusal", [Right.ACCESS], {"reasons": "Quatrième demande identique en deux mois."}),
    ("erasure_partial_refusal", [Right.ERASURE], {}),
]  # fmt: skip


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str, str], str]:
    """Each letter rendered once per language and capacity, shared by every check below."""
    import os

    reg = open_register(tmp_path_factory.mktemp("done") / "r.dsar", os.urandom(32), "alice", create=True)
    inputs = letters.LetterInputs(confirmed=DATA, missing=[], catalogue=_catalogue(), disclosure_block=None)
    out: dict[tuple[str, str, str, str], str] = {}
    try:
        for language in LANGUAGES:
            for kind, rights, extra in ADULT:
                ref = _case(reg, rights, language)
                if kind not in ("acknowledgement", "id_request", "extension_notice"):
                    _settle(reg, ref, inputs)
                key = (kind, "+".join(r.value for r in rights), "adult", language)
                out[key] = _text(letters.build_letter(reg, ref, kind, language, dict(extra), inputs=inputs))
                TYPESET[key] = _typeset(reg, ref, kind, language, extra, inputs)
            child = today_paris().replace(year=today_paris().year - 12)
            parent = _case(reg, [Right.ACCESS], language, subject_dob=child, capacity=Capacity.PARENT,
                           requester_name="Éric IBERT", requester_address="Éric IBERT\n3 allée des Érables\n31000 TOULOUSE")  # fmt: skip
            for kind in ("acknowledgement", "parental_proof_request"):
                out[(kind, "access", "parent", language)] = _text(letters.build_letter(reg, parent, kind, language))
                TYPESET[(kind, "access", "parent", language)] = _typeset(reg, parent, kind, language, {}, None)
            alone = _case(reg, [Right.ERASURE], language, subject_dob=child)
            for kind in ("acknowledgement", "minor_alone_notice"):
                out[(kind, "erasure", "under15-alone", language)] = _text(letters.build_letter(reg, alone, kind, language))
                TYPESET[(kind, "erasure", "under15-alone", language)] = _typeset(reg, alone, kind, language, {}, None)
            heir = _case(reg, [Right.ACCESS], language, capacity=Capacity.HEIR, requester_name="Marc IBERT",
                         requester_address="Marc IBERT\n5 rue Pasteur\n33000 BORDEAUX")  # fmt: skip
            out[("heir_proof_request", "access", "heir", language)] = _text(
                letters.build_letter(reg, heir, "heir_proof_request", language)
            )
            TYPESET[("heir_proof_request", "access", "heir", language)] = _typeset(
                reg, heir, "heir_proof_request", language, {}, None
            )
            _settle(reg, heir, inputs)
            directives.record(reg, heir, "particular", HEIR_DIRECTIVES[language], "registre des directives du service")
            out[("access_response", "access", "heir", language)] = _text(
                letters.build_letter(reg, heir, "access_response", language, inputs=inputs)
            )
            minor_erasure = _case(reg, [Right.ERASURE], language, subject_dob=child.replace(year=child.year - 4))
            _settle(reg, minor_erasure, inputs)
            out[("confirmation_erasure", "erasure", "minor-16", language)] = _text(
                letters.build_letter(reg, minor_erasure, "confirmation_erasure", language, inputs=inputs)
            )
    finally:
        reg.close()
    return out


def test_every_kind_was_rendered(rendered) -> None:  # type: ignore[no-untyped-def]
    kinds = {k[0] for k in rendered}
    from dsar_desktop.documents.templates import KINDS

    assert kinds == set(KINDS)
    assert len(rendered) == 2 * (len(ADULT) + 7)
    assert {k[2] for k in rendered} == {"adult", "parent", "under15-alone", "heir", "minor-16"}


def test_no_draft_no_raw_column_no_hash(rendered) -> None:  # type: ignore[no-untyped-def]
    for key, text in rendered.items():
        low = text.lower()
        for marker in ("à confirmer", "to be confirmed", "brouillon", "draft", "possible selon", "possible depending"):
            assert marker not in low, (key, marker)
        for raw in RAW_COLUMNS:
            assert raw not in text, (key, raw)
        assert not re.search(r"\b[0-9a-f]{64}\b", text), key


def test_closing_formula_last_then_signatory(rendered) -> None:  # type: ignore[no-untyped-def]
    for (kind, _rights, _who, language), text in rendered.items():
        if kind == "minor_alone_notice":
            closing = "À bientôt" if language == "fr" else "Best wishes"
        else:
            closing = CLOSING[language]
        at = text.rfind(closing)
        assert at > 0, (kind, language)
        for remedy in ("CNIL", "recours juridictionnel", "judicial remedy", "article 19", "Article 19",
                       "article 20, paragraphe 2", "Article 20(2)", "2019-536"):  # fmt: skip
            if remedy in text:
                assert text.rfind(remedy) < at, (kind, language, remedy)
        assert text.find(TITLE[language], at) > at, (kind, language)


def test_each_invoked_right_has_its_references(rendered) -> None:  # type: ignore[no-untyped-def]
    for (kind, rights, _who, language), text in rendered.items():
        if kind in ("acknowledgement", "id_request", "extension_notice", "refusal", "parental_proof_request",
                    "minor_alone_notice", "heir_proof_request"):  # requests and notices, not replies  # fmt: skip
            continue
        for right in rights.split("+"):
            ref = RIGHT_REFS[right][0 if language == "fr" else 1]
            assert ref in text, (kind, rights, language, ref)
    both = rendered[("access_response", "access+portability", "adult", "fr")]
    assert "data.csv" in both and "data.json" in both and "article 20, paragraphe 2" in both
    alone = rendered[("portability_response", "portability", "adult", "fr")]
    assert "demande d'accès" not in alone and "première copie" not in alone  # not answered as access
    assert "article 20, paragraphe 2" in alone and "recours juridictionnel" in alone


def test_french_law_and_decree_cited_in_full(rendered) -> None:  # type: ignore[no-untyped-def]
    for key, text in rendered.items():
        assert "LIL" not in text and "Informatique et Libertés" not in text, key
        if "78-17" in text:
            assert ("loi n° 78-17 du 6 janvier 1978" if key[3] == "fr" else "No. 78-17 of 6 January 1978") in text, key
        if "2019-536" in text:
            assert ("décret n° 2019-536 du 29 mai 2019" if key[3] == "fr" else "2019-536 of 29 May 2019") in text, key
    assert "article 51" in rendered[("confirmation_erasure", "erasure", "minor-16", "fr")]
    assert "loi n° 78-17 du 6 janvier 1978" in rendered[("confirmation_erasure", "erasure", "minor-16", "fr")]
    assert "articles 371-1 et 388-1-1 du Code civil" in rendered[("parental_proof_request", "access", "parent", "fr")]
    assert "article 45" not in rendered[("parental_proof_request", "access", "parent", "fr")]
    for letter in ("heir_proof_request", "access_response"):
        heir = rendered[(letter, "access", "heir", "fr")]
        assert "article 85 de la loi n° 78-17 du 6 janvier 1978" in heir, letter
        assert "Article 85 of the French Act No. 78-17 of 6 January 1978" in rendered[(letter, "access", "heir", "en")]
    assert "acte de décès" in rendered[("heir_proof_request", "access", "heir", "fr")]
    # the reply to an heir states the directives exactly as recorded (LIL art. 85), in both languages
    for language, words in (("fr", "enregistrées auprès de nos services"), ("en", "registered with us")):
        reply = rendered[("access_response", "access", "heir", language)]
        tail = HEIR_DIRECTIVES[language].split(",")[-1].strip()  # a page may break the sentence before it
        assert words in reply and tail in reply, language


def test_french_typography(rendered) -> None:  # type: ignore[no-untyped-def]
    assert len(TYPESET) >= len(rendered) - 4  # every letter's printed sentences (minor-16, heir reply aside)
    control = "formations ; Organiser « x » : y"  # what the check must catch when not typeset
    assert len(re.findall(r".{0,12}[ \t\n][;:!?»]|«[ \t\n].{0,12}", control)) == 3  # overlapping hits merge
    for key, printed in TYPESET.items():
        if key[3] != "fr":
            continue
        bad = re.findall(r".{0,12}[ \t\n][;:!?»]|«[ \t\n].{0,12}|\w[;!?](?=\s)", printed)
        assert not bad, (key, bad[:3])
    for key, text in rendered.items():
        if key[3] != "fr":
            continue
        assert not re.search(r"\w\((?:e|s|es|x)\)", text), key  # no "demandé(e)", "trouvé(s)"
        assert not re.search(r"\bde [AEIOUYÉÈÊÀÂÎÔŒaeiouyéèêàâîôœ]", text), key  # "d'Océane", not "de Océane"


def test_under_15_alone_gets_plain_words_and_parental_letter_says_clock_stopped(rendered) -> None:  # type: ignore[no-untyped-def]
    child = rendered[("minor_alone_notice", "erasure", "under15-alone", "fr")]
    assert "Voici ce qui va se passer" in child and "copie de cette lettre à tes parents" in child
    parent = rendered[("parental_proof_request", "access", "parent", "fr")]
    assert "votre propre pièce d'identité" in parent and "suspendu" in parent
    assert "décret n° 2019-536 du 29 mai 2019" in parent


def test_letters_are_in_the_readme_as_images() -> None:
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    for name in ("letter-portability-fr.png", "letter-under15-alone-fr.png"):
        assert f"docs/screenshots/{name}" in readme
        assert (root / "docs" / "screenshots" / name).stat().st_size > 10_000


def test_the_response_tab_offers_the_child_letter_first(register) -> None:  # type: ignore[no-untyped-def]
    child = today_paris().replace(year=today_paris().year - 12)
    alone = case_service.get_case(register, _case(register, [Right.ACCESS], "fr", subject_dob=child))
    adult = case_service.get_case(register, _case(register, [Right.PORTABILITY], "fr"))
    assert letters.default_letter(alone) == "minor_alone_notice"
    assert letters.default_letter(adult) == "portability_response"
