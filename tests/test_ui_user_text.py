"""User text is text: what a person typed, and what a file or a message brought, is shown as written,
never interpreted as rich text (markup, entities, images)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from dsar_desktop.domain.cases import Capacity, Status
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import catalogue, extracts, identity, mail_in
from dsar_desktop.ui import i18n
from dsar_desktop.ui.cases.case_file import CaseFileView
from dsar_desktop.ui.cases.intake import IntakeWizard
from dsar_desktop.ui.dialogs import Dialogs, ScriptedDialogs
from dsar_desktop.ui.extracts import DataPanel
from dsar_desktop.ui.identity.identity_panel import IdentityPanel
from dsar_desktop.ui.mail.request_panel import RequestPanel
from dsar_desktop.ui.workers import ImmediateRunner

from .mail_support import eml

HOSTILE = "Jean <DUPONT> & Fils <b>gras</b> <script>alert(1)</script> &amp;"
# Starts with markup, so that Qt's "might be rich text" guess takes it for HTML wherever a widget guesses.
MARKUP = "<b>Zoé</b> <img src=x.png> &lt;3 & Co"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def rendered(text: str, rich: bool) -> str:
    """What Qt draws for `text`: the text itself, or what is left of it once read as HTML."""
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def guessed_rich(text: str) -> bool:
    return bool(QtGui.Qt.mightBeRichText(text))


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """Item views draw the display role as text; tooltips are guessed as Qt guesses them."""
    parent = parent or QModelIndex()
    texts: list[str] = []
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model: one column, and PySide keeps its columnCount private
        columns = 1
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            shown = index.data(Qt.ItemDataRole.DisplayRole)
            if shown is not None:
                texts.append(str(shown))
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if tip:
                texts.append(rendered(str(tip), guessed_rich(str(tip))))
    return texts


def shown_texts(root: QWidget) -> list[str]:
    """What a person reads: labels, group titles, text boxes, item views and tooltips, each as Qt renders it."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        tip = widget.toolTip()
        if tip:
            texts.append(rendered(tip, guessed_rich(tip)))
        if isinstance(widget, QLabel):
            text = widget.text()
            rich = widget.textFormat() == Qt.TextFormat.RichText or (
                widget.textFormat() == Qt.TextFormat.AutoText and guessed_rich(text)
            )
            texts.append(rendered(text, rich))
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QTableWidget):
            for row in range(widget.rowCount()):
                for column in range(widget.columnCount()):
                    item = widget.item(row, column)
                    if item is not None:
                        texts.append(item.text())
                        texts.append(rendered(item.toolTip(), guessed_rich(item.toolTip())))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts.extend(model_texts(widget.model()))
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


def assert_shown_as_typed(texts: list[str], typed: str) -> None:
    joined = "\n".join(texts)
    assert typed in joined, f"{typed!r} not shown as typed"
    # and no widget shows it with its markup eaten (as a rich-text widget would: "Zoé  <3 & Co")
    assert rendered(typed, rich=True) not in joined.replace(typed, ""), (
        f"{typed!r} rendered as HTML somewhere"
    )


def test_the_identity_panel_shows_names_and_the_reason_for_doubt_as_typed(
    qtbot, register: Any, case_factory: Any, identity_today: dt.date
) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory(subject_name=MARKUP)
    reason = f"{MARKUP}: the name in your message differs from the one in our records."
    identity.request_proof(register, ref, reason=reason, sent_on=dt.date(2027, 3, 2), with_letter=False)
    panel = IdentityPanel(register, ScriptedDialogs(), ImmediateRunner(), ref)
    qtbot.addWidget(panel)
    texts = shown_texts(panel)
    assert_shown_as_typed(texts, reason)
    assert any(f"Identity document — the data subject: {MARKUP}" in t for t in texts), texts

    other = case_factory(subject_name=MARKUP, requester_name=f"{MARKUP} (lawyer)", capacity=Capacity.LAWYER)
    panel = IdentityPanel(register, ScriptedDialogs(), ImmediateRunner(), other)
    qtbot.addWidget(panel)
    texts = shown_texts(panel)
    assert_shown_as_typed(texts, f"{MARKUP} (lawyer)")  # the other-means hint names the requester


def test_the_data_tab_shows_file_values_source_names_and_redaction_reasons_as_typed(
    qtbot, register: Any, case_factory: Any, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    data = catalogue.current_catalogue(register).data
    crm = next(a for a in data["activities"] if a["id"] == "crm_prospects")
    source_name = f"{MARKUP} CRM"
    catalogue.update_activity(register, {**crm, "name": {"en": source_name, "fr": source_name}}, "test")
    ref = case_factory()
    value = f"{MARKUP}, rappel demandé"
    path = tmp_path / "&lt;b&gt;crm.csv"  # a name Windows allows too, and Qt's guess reads as HTML
    path.write_text(
        f'Nom;Prénom;Date de naissance;Commentaire\nDUPRÉ;Héloïse;05/03/2001;"{value}"\n', encoding="utf-8"
    )
    dialogs = ScriptedDialogs()
    panel = DataPanel(register, dialogs, ImmediateRunner(), ref)
    qtbot.addWidget(panel)
    panel.select_source("crm_prospects")
    dialogs.answers += [[str(path)], lambda dialog: None]
    panel.import_button.click()
    (match,) = extracts.list_matches(register, ref)
    panel.source_filter.setCurrentIndex(0)
    panel.select_match(match.id)
    panel.record.select_field("Commentaire")
    texts = shown_texts(panel)
    for typed in (source_name, value, f"Row 1 of {path.name}", path.name):
        assert_shown_as_typed(texts, typed)
    assert any(value in tip for tip in model_texts(panel.model)), "the table's own cells and tooltips"

    reason = f"{MARKUP}: the sister's name"
    dialogs.answers.append(lambda dialog: dialog.set_answer("third_party", reason))
    panel.record.redact_field_button.click()
    assert panel.record.last_dialog is not None
    assert_shown_as_typed(shown_texts(panel.record.last_dialog), "The whole field “Commentaire”")
    assert_shown_as_typed(shown_texts(panel), reason)
    # a part of a value, quoted in the redaction dialog: a second row with the same markup
    panel.record.set_match(match)  # the row as read, before the redaction
    panel.record.select_field("Commentaire")
    panel.record.select_text(0, len(MARKUP))
    dialogs.answers.append(False)  # look, then cancel
    panel.record.redact_text_button.click()
    assert_shown_as_typed(shown_texts(panel.record.last_dialog), f"In “Commentaire”: “{MARKUP}”")


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 40), "white").save(out, "PNG")
    return out.getvalue()


def test_the_mail_panels_show_sender_subject_body_and_attachment_names_as_typed(qtbot, register: Any) -> None:  # type: ignore[no-untyped-def]
    sender_name = "Zoé <b>Martin</b> &lt;3 Co"
    subject = f"{MARKUP} — access request"
    body = f"{MARKUP}\nI ask for a copy of my personal data (right of access).\n<i>Zoé</i>"
    attachment = "<b>cni &lt;3 <img src=x>.png"  # no "/": a name is cut after its last one
    raw = eml(
        sender=f'"{sender_name}" <zoe@example.org>', subject=subject, body=body,
        attachments=[(attachment, "image/png", _png())],
    )  # fmt: skip
    wizard = IntakeWizard(register, ScriptedDialogs())
    qtbot.addWidget(wizard)
    assert wizard.request_box.read_bytes(raw, "request.eml")
    texts = shown_texts(wizard)
    for typed in (body, attachment):
        assert_shown_as_typed(texts, typed)

    mail = mail_in.read_bytes(raw, "request.eml")
    ref = mail_in.add_case_from_mail(register, mail_in.suggested_case(mail), mail).ref
    panel = RequestPanel(register, ScriptedDialogs(), ImmediateRunner(), ref)
    qtbot.addWidget(panel)
    texts = shown_texts(panel)
    for typed in (sender_name, subject, body, attachment):
        assert_shown_as_typed(texts, typed)


def test_message_boxes_show_their_sentence_as_plain_text(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The dialog service's boxes carry names from files and messages ("Send <name> to the ID check?")."""
    shown: list[QMessageBox] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box)
        return int(QMessageBox.StandardButton.Yes)

    monkeypatch.setattr(QMessageBox, "exec", answer)

    def static_box(*_args: object) -> None:  # Qt's static boxes guess rich text, and would block this test
        raise AssertionError("a static QMessageBox function was used")

    for name in ("critical", "information", "warning", "question"):
        monkeypatch.setattr(QMessageBox, name, static_box)
    dialogs = Dialogs()
    sentence = f"Send {MARKUP}.png to the ID check?"
    assert dialogs.confirm(None, sentence) is True
    dialogs.info(None, sentence)
    dialogs.warn(None, sentence)
    dialogs.error(None, sentence)
    assert len(shown) == 4
    for box in shown:
        assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == sentence
