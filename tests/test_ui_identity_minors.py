"""Minors in the identity section: age on receipt, the under-15 block on the response pack, parental proof."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from dsar_desktop.domain.cases import Capacity
from dsar_desktop.domain.errors import describe
from dsar_desktop.domain.identity import Decision
from dsar_desktop.services import letters
from dsar_desktop.store.connection import Register
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.identity import IdCheckDialog, IdentityPanel
from dsar_desktop.ui.workers import ImmediateRunner
from tests.conftest import make_case
from tests.ui_identity_support import fixed, labels, receipt_form, request_form

pytestmark = pytest.mark.usefixtures("identity_today")

PARENT_ID = "requester:identity_document"
PARENT_AUTHORITY = "requester:parental_authority"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def lucas(register: Register, **overrides) -> str:  # type: ignore[no-untyped-def]
    values = dict(
        subject_name="Lucas MARTIN", subject_dob=dt.date(2015, 5, 1), subject_email=None,
        requester_name="Claire MARTIN", capacity=Capacity.PARENT,
    )  # fmt: skip
    values.update(overrides)
    return make_case(register, **values)


def blocked(register: Register, ref: str) -> str | None:
    """What the pack builder hears: services.letters.check_disclosure (called by services.packs.build_pack)."""
    try:
        letters.check_disclosure(ref, letters.gather_inputs(register, ref))
    except letters.DisclosureBlocked as exc:
        return describe(exc, "en")
    except letters.SourcesMissing:
        return None
    return None


def test_pack_refused_for_under_15_without_verified_parental_authority(
    qtbot, register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    ref = lucas(register)
    panel = IdentityPanel(
        register, dialogs, ImmediateRunner(), ref, today_provider=fixed(dt.date(2027, 3, 2))
    )
    qtbot.addWidget(panel)

    refusal = blocked(register, ref)
    assert refusal is not None and "parental authority of Claire MARTIN is verified" in refusal
    banner = panel.block_label.text()
    assert panel.block_label.isVisibleTo(panel)
    assert "Response pack blocked until parental authority is verified" in banner
    assert "nothing may be disclosed until the parental authority of Claire MARTIN is verified" in banner
    assert "Age on receipt: <b>11</b>" in panel.age_label.text()
    assert "the holder of parental authority acts and must prove that authority" in panel.age_label.text()
    texts = "\n".join(labels(panel))
    assert (
        "Family record book (livret de famille)" in texts and "Court decision on parental authority" in texts
    )
    assert {f"request:{PARENT_ID}", f"request:{PARENT_AUTHORITY}"} <= set(panel.buttons)

    # the parent's ID and the livret de famille are asked for, then seen at the office
    for key in (PARENT_ID, PARENT_AUTHORITY):
        dialogs.answers += [
            request_form("First contact by post, no known address", dt.date(2027, 3, 2), "fr"),
            None,
        ]
        panel.trigger(f"request:{key}")
        dialogs.answers.append(receipt_form(dt.date(2027, 3, 8), with_scan=False))
        panel.trigger(f"received:{key}")
    assert blocked(register, ref) is not None  # received is not verified

    def check_id(dialog: IdCheckDialog) -> None:
        assert dialog.viewer.pages == []  # seen on paper: nothing stored, nothing shown
        dialog.document_type.setCurrentIndex(dialog.document_type.findData("national_id"))
        dialog.issuing_country.setText("FRA")
        dialog.document_number.setText("X4RTBPFW4")
        dialog.expiry.setText("2031-02-11")
        dialog.holder_name.setText("Claire MARTIN")
        dialog.tri["signature"].setCurrentIndex(dialog.tri["signature"].findData(True))
        dialog.decision_buttons[Decision.VERIFIED].setChecked(True)
        dialog.note.setPlainText("Seen at the office; the card has no MRZ typed here")
        dialog.decide_button.click()

    dialogs.answers += [check_id, True]
    panel.trigger(f"check:{PARENT_ID}")
    assert "parental authority" in (blocked(register, ref) or "")
    assert "Response pack blocked until parental authority is verified" in panel.block_label.text()

    def check_authority(dialog: IdCheckDialog) -> None:
        dialog.document_type.setCurrentIndex(dialog.document_type.findData("livret_de_famille"))
        dialog.tri["names_parent"].setCurrentIndex(dialog.tri["names_parent"].findData(True))
        dialog.tri["names_child"].setCurrentIndex(dialog.tri["names_child"].findData(True))
        dialog.tri["other_objects"].setCurrentIndex(dialog.tri["other_objects"].findData(False))
        assert "✗" not in dialog.items_label.text() and "?" not in dialog.items_label.text()
        dialog.decision_buttons[Decision.VERIFIED].setChecked(True)
        dialog.decide_button.click()

    dialogs.answers += [check_authority, True]
    panel.trigger(f"check:{PARENT_AUTHORITY}")
    assert blocked(register, ref) is None
    assert not panel.block_label.isVisibleTo(panel)


def test_child_acting_alone_is_told_who_must_act(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    dialogs = ScriptedDialogs()
    ref = lucas(register, requester_name=None, capacity=Capacity.SELF, subject_email="lucas@example.org")
    panel = IdentityPanel(
        register, dialogs, ImmediateRunner(), ref, today_provider=fixed(dt.date(2027, 3, 2))
    )
    qtbot.addWidget(panel)
    assert "must come from a holder of parental authority" in (blocked(register, ref) or "")
    assert "the request must come from a holder of parental authority" in panel.block_label.text()
    i18n.set_language("fr")
    panel.refresh()
    assert "Réponse bloquée tant que l'autorité parentale n'est pas vérifiée" in panel.block_label.text()
    assert "moins de 15 ans" in panel.block_label.text()
