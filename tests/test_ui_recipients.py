"""The Art. 19 dialog: the worklist of one case, a record made from the form, the table updated."""

from __future__ import annotations

import datetime as dt

import pytest

from dsar_desktop.domain.cases import Right
from dsar_desktop.services import certificates, demo
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.documents.recipients_dialog import RecipientsDialog

pytestmark = pytest.mark.usefixtures("identity_today")


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


def test_record_a_recipient_from_the_dialog(qtbot, register, dialogs) -> None:  # type: ignore[no-untyped-def]

    certificates.seed_demo_certificate(register)
    demo.settle_demo_catalogue(register)
    ref = demo.seed_every_right(register)[demo.EVERY_RIGHT.index((Right.OBJECTION,))]
    dialog = RecipientsDialog(register, dialogs, ref, dt.date.today())
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() > 0
    assert dialog.table.item(0, 2).text() in ("nothing recorded", "rien d'enregistré")
    dialog.table.selectRow(0)
    dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findData("disproportionate"))
    dialog.reason_edit.setText("The provider keeps no copy of the data we sent it.")
    dialog.record_button.click()
    assert dialogs.shown == [] or dialogs.shown[0][0] != "error", dialogs.shown
    assert "keeps no copy" in dialog.table.item(0, 2).text()
    dialog.table.selectRow(1)
    dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findData("notified"))
    dialog.means_edit.setText("")
    dialog.record_button.click()  # no means: refused with one sentence, nothing recorded
    assert dialogs.shown and dialogs.shown[-1][0] == "error"
    assert dialog.table.item(1, 2).text() in ("nothing recorded", "rien d'enregistré")
