"""Every letter kind renders (fr, en) to a real PDF: text checked with pdftotext, pages drawn with pdftoppm."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from dsar_desktop.documents.art15 import Art15SectionMissing
from dsar_desktop.documents.raster import pdf_page_png, pdf_text
from dsar_desktop.documents.templates import KINDS
from dsar_desktop.services import letters

try:
    from letters_support import CATALOGUE, apply_documents_schema, install_inputs
except ImportError:  # tests imported as a package
    from tests.letters_support import CATALOGUE, apply_documents_schema, install_inputs

EXTRA = {
    "reason": "l’adresse d’envoi diffère de celle du dossier",
    "reasons": "demande identique reçue trois fois",
}
EXPECTED = {
    "fr": {
        "acknowledgement": "Nous avons bien reçu",
        "id_request": "l’adresse d’envoi diffère",
        "parental_proof_request": "livret de famille",
        "extension_notice": "prolongé de deux mois",
        "access_response": "Droit d’introduire une réclamation",
        "portability_response": "Transmission à un autre responsable",
        "minor_alone_notice": "Voici ce qui va se passer",
        "heir_proof_request": "acte de décès",
        "confirmation_rectification": "rectifiées",
        "confirmation_erasure": "effacées",
        "confirmation_restriction": "limité",
        "confirmation_objection": "opposition",
        "confirmation_consent_withdrawal": "retrait de votre consentement",
        "refusal": "recours juridictionnel",
        "erasure_partial_refusal": "99 ans",
    },
    "en": {
        "acknowledgement": "We received your request",
        "id_request": "l’adresse d’envoi diffère",
        "parental_proof_request": "family record book",
        "extension_notice": "extended by two months",
        "access_response": "Right to lodge a complaint",
        "portability_response": "Article 20(2) GDPR",
        "minor_alone_notice": "This is what happens next",
        "heir_proof_request": "death certificate",
        "confirmation_rectification": "rectified",
        "confirmation_erasure": "erased",
        "confirmation_restriction": "restricted",
        "confirmation_objection": "objection",
        "confirmation_consent_withdrawal": "withdrawal of your consent",
        "refusal": "judicial remedy",
        "erasure_partial_refusal": "99 years",
    },
}


@pytest.fixture
def reg(register, monkeypatch):
    apply_documents_schema(register)
    install_inputs(monkeypatch)
    return register


@pytest.fixture
def make_case(case_factory):
    return lambda reg, **overrides: case_factory(**overrides)


from dsar_desktop.domain.notifications import ART19_KINDS  # noqa: E402


def _fonts(pdf: bytes) -> list[str]:
    out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return out.splitlines()[2:]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_letter_kind_renders_with_its_text(reg, make_case, kind, language):
    received = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    if kind == "minor_alone_notice":  # a child of 12 who wrote alone
        child = received.date().replace(year=received.year - 12)
        ref = make_case(reg, language=language, received_at=received, subject_dob=child)
    else:
        ref = make_case(reg, language=language, received_at=received)
    if kind in ART19_KINDS:  # identity settled, case in progress, every recipient recorded (Art. 19)
        _settle_for_confirmation(reg, ref)
    pdf = letters.build_letter(reg, ref, kind, language=language, extra=EXTRA)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert ref in text
    assert EXPECTED[language][kind] in text
    assert "cil@cesi.fr" in text  # letterhead from the policy
    assert ("Page 1 sur" if language == "fr" else "Page 1 of") in text
    assert "Héloïse DUPRÉ" in text and "69003 LYON" in text
    png = pdf_page_png(pdf, 1, dpi=40)
    assert png.startswith(b"\x89PNG") and len(png) > 3000
    fonts = _fonts(pdf)
    assert fonts, "no font listed"
    for line in fonts:
        assert "DejaVu" in line, line  # no base-14 font anywhere
        assert re.search(r"\byes\s+yes\b", line), f"font not embedded as subset: {line}"


def _settle_for_confirmation(reg, ref):
    from dsar_desktop.domain.cases import Status
    from dsar_desktop.services import cases as case_service
    from dsar_desktop.services import identity as ids
    from dsar_desktop.services import notifications as art19

    ids.record_other_means(reg, ref, "email_on_file")
    if case_service.get_case(reg, ref).status == Status.RECEIVED:
        case_service.transition(reg, ref, Status.IN_PROGRESS)
    entries = letters.catalogue_entries(CATALOGUE)[1]
    for source, recipient in art19.expected_recipients(entries, ["crm", "student_records"]):
        art19.record(reg, ref, source, recipient, "impossible", reason="The recipient no longer exists since 2025.")


def test_issued_letters_are_recorded_with_their_hash(reg, make_case):
    ref = make_case(reg)
    pdf = letters.build_letter(reg, ref, "acknowledgement")
    import hashlib

    row = reg.query_one(
        "SELECT kind, sha256, template_version FROM letters_issued WHERE case_ref = ?", (ref,)
    )
    assert row == ("acknowledgement", hashlib.sha256(pdf).hexdigest(), 0)
    actions = [r[0] for r in reg.query("SELECT action FROM audit WHERE case_ref = ?", (ref,))]
    assert "letter.built" in actions


def test_unicode_that_helvetica_cannot_print_survives(reg, make_case):
    name = "Œdipe ŁUKASZ‐MÜLLER “Straße”"
    ref = make_case(reg, subject_name=name, subject_address=f"{name}\n1 rue de l’Œuvre\n75011 PARIS")
    text = pdf_text(letters.build_letter(reg, ref, "acknowledgement"))
    assert name in text


def test_id_request_needs_a_recorded_reason(reg, make_case):
    ref = make_case(reg)
    with pytest.raises(letters.LetterRefused) as err:
        letters.build_letter(reg, ref, "id_request")
    assert "12(6)" in err.value.describe("en")


def test_extension_notice_refused_after_the_legal_due_date(reg, make_case):
    ref = make_case(reg, received_at=dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC))
    with pytest.raises(letters.LetterRefused) as err:
        letters.build_letter(reg, ref, "extension_notice", extra={"reasons": "volume"})
    assert "2026-02-05" in err.value.describe("en")


def test_refusal_needs_reasons_and_states_both_remedies(reg, make_case):
    ref = make_case(reg)
    with pytest.raises(letters.LetterRefused):
        letters.build_letter(reg, ref, "refusal")
    text = pdf_text(
        letters.build_letter(reg, ref, "refusal", language="en", extra={"reasons": "Manifestly excessive."})
    )
    assert "Manifestly excessive." in text and "CNIL" in text and "judicial remedy" in text


def test_access_response_lists_every_article_15_section(reg, make_case):
    ref = make_case(reg)
    text = pdf_text(letters.build_letter(reg, ref, "access_response", language="en"))
    for title in (
        "Confirmation", "Copy of your data", "Purposes", "Categories", "Recipients", "Retention period",
        "Source of the data", "Automated decision-making", "Transfers outside", "Your rights",
        "Right to lodge a complaint",
    ):  # fmt: skip
        assert title in text, title
    assert "Not applicable: no transfer outside the EU" in text
    assert "Annex 1 – Sales CRM" in text and "Annex 2 – Student records" in text
    assert "REDACTED: third party" in text and "third_party" not in text
    assert "Jean MARTIN n°0" not in text  # the redacted cell's value never reaches the PDF
    assert "Jean MARTIN n°1" in text


def test_access_response_refused_when_a_section_is_missing(reg, make_case, monkeypatch):
    broken = {"version": "x", "sources": {k: dict(v) for k, v in CATALOGUE["sources"].items()}}
    del broken["sources"]["crm"]["transfers"]
    install_inputs(monkeypatch, catalogue=broken)
    ref = make_case(reg)
    with pytest.raises(Art15SectionMissing) as err:
        letters.build_letter(reg, ref, "access_response")
    assert "Transfers" in str(err.value) and "Sales CRM" in str(err.value)


def test_access_response_refused_while_sources_are_missing_or_disclosure_blocked(reg, make_case, monkeypatch):
    ref = make_case(reg)
    install_inputs(monkeypatch, missing=["newsletter"])
    with pytest.raises(letters.SourcesMissing) as err:
        letters.build_letter(reg, ref, "access_response")
    assert "newsletter" in str(err.value)
    install_inputs(
        monkeypatch, block=("the subject is under 15 and parental authority is not proven", "moins de 15 ans")
    )
    with pytest.raises(letters.DisclosureBlocked) as blocked:
        letters.build_letter(reg, ref, "access_response")
    assert "under 15" in blocked.value.describe("en") and "moins de 15 ans" in blocked.value.describe("fr")


def test_no_data_found_still_answers_every_section(reg, make_case, monkeypatch):
    install_inputs(monkeypatch, data=[])
    ref = make_case(reg)
    text = pdf_text(letters.build_letter(reg, ref, "access_response", language="en"))
    assert "we do not process any personal data about you" in " ".join(text.split())
    assert text.count("Not applicable") >= 8


def test_a_draft_field_blocks_the_letter_and_is_named(reg, make_case, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import copy

    from dsar_desktop.documents.art15 import Art15FieldDraft

    draft = copy.deepcopy(CATALOGUE)
    draft["sources"]["crm"]["draft"] = ["transfers"]
    inputs = install_inputs(monkeypatch, catalogue=draft)
    ref = make_case(reg)
    with pytest.raises(Art15FieldDraft) as caught:
        letters.compose(reg, ref, "access_response", "fr", inputs=inputs)
    assert "Transferts hors de l'Union européenne" in caught.value.describe("fr")
    assert "Sales CRM" in caught.value.describe("en")


def test_shipped_catalogue_prints_no_draft_marker() -> None:
    import json

    from dsar_desktop.paths import RESOURCES

    data = json.loads((RESOURCES / "catalogue.json").read_text(encoding="utf-8"))
    for activity in data["activities"]:
        drafts = set(activity.get("draft") or [])
        for field, value in activity.items():
            if field in drafts or not isinstance(value, dict):
                continue
            for lang in ("fr", "en"):
                text = json.dumps(value.get(lang, ""), ensure_ascii=False).lower()
                assert "à confirmer" not in text and "to be confirmed" not in text, (activity["id"], field)
                assert "possible selon" not in text and "possible depending" not in text, (activity["id"], field)
