"""User text is text: what a person typed is shown as typed, never interpreted as rich text (markup, entities)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget

from dsar_desktop.domain.cases import Capacity, Status
from dsar_desktop.services import cases as case_service
from dsar_desktop.ui.cases.case_file import CaseFileView
from dsar_desktop.ui.dialogs import ScriptedDialogs

HOSTILE = "Jean <DUPONT> & Fils <b>gras</b> <script>alert(1)</script> &amp;"


def shown_texts(root: QWidget) -> list[str]:
    """What a person reads: each label rendered as Qt renders it, table cells and tooltips."""
    texts: list[str] = []
    for label in root.findChildren(QLabel):
        text = label.text()
        rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
        )
        if rich:
            doc = QTextDocument()
            doc.setHtml(text)
            text = doc.toPlainText()
        texts.append(text)
        texts.append(label.toolTip())
    for table in root.findChildren(QTableWidget):
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None:
                    texts.append(item.text())
    return texts


def test_every_typed_field_of_the_case_file_shows_as_typed(qtbot, register: Any, case_factory: Any) -> None:  # type: ignore[no-untyped-def]
    address = f"{HOSTILE}\n12 rue <i>des</i> Lilas & Co\n69003 LYON"
    ref = case_factory(
        subject_name=HOSTILE,
        subject_address=address,
        subject_student_number="<b>S-1</b>&",
        requester_name=f"Maître {HOSTILE}",
        capacity=Capacity.LAWYER,
    )
    case_service.transition(register, ref, Status.IN_PROGRESS)
    case_service.extend(register, ref, f"Reasons: {HOSTILE}", notice_date=dt.date(2027, 3, 5))
    case_service.add_note(register, ref, f"Called {HOSTILE}")
    case_service.record_dispatch(
        register, ref, dt.date(2027, 3, 20), "<b>1A</b> & 2", without_pack_reason=f"Handed to {HOSTILE}"
    )
    view = CaseFileView(register, ScriptedDialogs(), None, ref)
    qtbot.addWidget(view)
    text = "\n".join(shown_texts(view))
    assert f"{ref} — {HOSTILE}" in text  # the header that showed "Jean & Fils"
    for typed in (
        HOSTILE,
        "12 rue <i>des</i> Lilas & Co",
        "<b>S-1</b>&",
        f"Maître {HOSTILE}",
        f"Reasons: {HOSTILE}",
        f"Called {HOSTILE}",
        f"Handed to {HOSTILE}",
        "<b>1A</b> & 2",
    ):
        assert typed in text, typed
    # and nothing typed became markup: no label renders the words without their brackets
    assert "Jean  & Fils" not in text and "alert(1)\n" not in text.replace(HOSTILE, "")
