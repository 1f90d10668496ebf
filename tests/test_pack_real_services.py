"""The pack on the real extracts, catalogue and identity services (no stand-ins), from demo extracts."""

from __future__ import annotations

import json
import zipfile

import pytest

from dsar_desktop.services import cases as case_service
from dsar_desktop.services import certificates, extracts, letters, packs
from dsar_desktop.services.extracts_demo import seed_demo_extracts


def test_pack_from_confirmed_demo_extracts_with_the_shipped_catalogue(register, case_factory, tmp_path):
    ref = case_factory()
    case_service.transition(register, ref, "in_progress")
    assert seed_demo_extracts(register, [ref]) == [ref]
    certificates.seed_demo_certificate(register)
    for source in extracts.missing_sources(register, ref):
        if source.status == "to_search":
            extracts.mark_source(register, ref, source.source, "not_applicable", "no account in this system")
    with pytest.raises(letters.SourcesMissing) as pending:
        packs.build_pack(register, ref, tmp_path)  # matches still waiting for review
    assert "à consulter ou à confirmer" in pending.value.describe("fr")
    for match in extracts.list_matches(register, ref, status="pending"):
        extracts.confirm_match(register, match.id)
    assert extracts.missing_sources(register, ref) == []
    from dsar_desktop.documents.art15 import Art15FieldDraft
    from dsar_desktop.services import catalogue as catalogue_service

    with pytest.raises(Art15FieldDraft):  # the shipped register still has draft transfer fields
        packs.build_pack(register, ref, tmp_path, language="en")
    for activity in catalogue_service.current_catalogue(register).sources:  # the DPO settles them
        if activity.get("draft"):
            settled = {k: v for k, v in activity.items() if k != "draft"}
            settled["transfers_outside_eu"] = {"fr": "Aucun transfert hors UE.", "en": "No transfer outside the EU."}
            catalogue_service.update_activity(register, settled, "transfers settled")

    result = packs.build_pack(register, ref, tmp_path, language="en")
    check = packs.verify_case_pack(register, ref, result.zip)
    assert check.intact and check.trusted and check.coverage == "entire_file" and check.manifest_ok
    with zipfile.ZipFile(result.zip) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        data = json.loads(archive.read("data.json"))
    assert manifest["catalogue_version"] == str(catalogue_service.current_catalogue(register).version)
    confirmed = extracts.confirmed_data(register, ref)
    assert sum(len(s["records"]) for s in data["sources"]) == len(confirmed)
    from dsar_desktop.documents.raster import pdf_text

    text = pdf_text(result.pdf.read_bytes())
    assert "Retention period" in text and "Transfers outside the European Union" in text
    assert "Annex 1 –" in text
