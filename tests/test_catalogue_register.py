"""The processing register: the shipped catalogue follows the policy; every edit is a new version."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from dsar_desktop.documents.art15 import CATALOGUE_SECTIONS, field_of, source_name
from dsar_desktop.domain.catalogue import CatalogueInvalid, parse_catalogue, retention_end, validate
from dsar_desktop.services import catalogue as service
from dsar_desktop.services import letters
from dsar_desktop.store import audit
from dsar_desktop.store.connection import Register

REQUIRED = {"crm_prospects", "applications", "student_records", "diplomas", "newsletter", "surveys",
            "web_analytics", "customer_service"}  # fmt: skip


def test_shipped_catalogue_is_valid_and_covers_every_system() -> None:
    catalogue = service.default_catalogue()
    assert set(catalogue.source_ids) == REQUIRED
    for activity in catalogue.activities:
        for language in ("fr", "en"):
            facts = activity.article15(language)
            assert all(facts[key] for key in facts), (activity.id, language)


def test_retention_rules_follow_the_policy() -> None:
    catalogue = service.default_catalogue()
    rules = {a.id: (a.retention_rule, a.retention_years) for a in catalogue.activities}
    assert rules["student_records"] == ("end_of_training_plus", 1)
    assert rules["applications"] == ("end_of_training_plus", 1)
    assert rules["diplomas"] == ("from_issue", 99)
    assert rules["crm_prospects"] == ("end_of_relationship", 3)
    diploma = catalogue.activity("diplomas")
    assert retention_end(diploma, issue_date=dt.date(2024, 7, 5)) == dt.date(2123, 7, 5)
    assert retention_end(catalogue.activity("student_records"), training_end=dt.date(2028, 2, 29)) == dt.date(
        2029, 2, 28
    )
    assert retention_end(catalogue.activity("crm_prospects")) is None
    assert "99" in diploma.data["retention"]["fr"] and "99" in diploma.data["retention"]["en"]


def test_registration_sources_are_the_ones_the_minors_check_reads() -> None:
    catalogue = service.default_catalogue()
    assert {a.id for a in catalogue.activities if a.registration_source} == {
        "applications",
        "student_records",
    }


def test_letter_builder_reads_every_article15_section_in_both_languages(register: Register) -> None:
    version, entries = letters.catalogue_entries(service.current_catalogue(register))
    assert version == "1" and set(entries) == REQUIRED
    for source_id, entry in entries.items():
        for language in ("fr", "en"):
            assert source_name(source_id, entry, language) != source_id
            for key, _en, _fr in CATALOGUE_SECTIONS:
                assert field_of(entry, key, language), (source_id, key, language)


def test_every_change_is_a_new_version_and_old_ones_stay_readable(register: Register) -> None:
    first = service.current_catalogue(register)
    assert first.version == 1
    assert service.save_catalogue(register, first.data, "same").version == 1  # no change, no new version
    edited = copy.deepcopy(first.data)
    edited["activities"][0]["recipients"]["fr"].append("Auditeur externe")
    edited["activities"][0]["recipients"]["en"].append("External auditor")
    second = service.save_catalogue(register, edited, "auditor added")
    assert second.version == 2 and service.current_catalogue(register).version == 2
    assert "External auditor" not in service.catalogue_at(register, 1).activities[0].items("recipients", "en")
    activity = dict(second.sources[1], name={"fr": "Candidatures", "en": "Applications"})
    assert service.update_activity(register, activity, "renamed").version == 3
    assert [v.version for v in service.catalogue_versions(register)] == [1, 2, 3]
    assert service.current_catalogue(register).activity("applications").text("name", "en") == "Applications"
    saved = [e for e in audit.entries(register.conn) if e.action == "catalogue.saved"]
    assert [e.details["version"] for e in saved] == [1, 2, 3]
    with pytest.raises(Exception, match="never changed"):
        register.conn.execute("UPDATE catalogue_versions SET note = 'x' WHERE version = 1")
    with pytest.raises(Exception, match="kept"):
        register.conn.execute("DELETE FROM catalogue_versions WHERE version = 1")


def test_invalid_catalogues_are_refused_with_every_problem(register: Register) -> None:
    data = copy.deepcopy(service.default_catalogue().data)
    data["activities"][0]["purposes"]["en"] = []
    data["activities"][1]["retention"]["rule"] = "forever"
    data["activities"][2]["id"] = data["activities"][3]["id"]
    del data["activities"][4]["legal_basis"]["fr"]
    problems = validate(data)
    assert len(problems) == 4
    with pytest.raises(CatalogueInvalid) as caught:
        service.save_catalogue(register, data)
    assert "purposes" in caught.value.describe("en") and "registre" in caught.value.describe("fr")
    assert validate([]) == ["the catalogue is not a JSON object"]
    with pytest.raises(CatalogueInvalid):
        parse_catalogue({"activities": []})
