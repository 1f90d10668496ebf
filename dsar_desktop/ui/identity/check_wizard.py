"""The ID check: the scan beside the checklist, live comparisons and MRZ check digits, then the decision."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import describe
from ...domain.identity import (
    DECISION_LABELS,
    Assessment,
    Checklist,
    Decision,
    Party,
    ProofKind,
    keep_last4,
    note_required,
)
from ...domain.mrz import MrzError, MrzResult, parse_mrz
from ...services import cases as case_service
from ...services import identity as ids
from ...services.identity_status import ProofState
from ...services.office import Office
from ..dialogs import Dialogs
from ..fit import fit_to_screen
from ..i18n import language, pick, tr
from ..style import monospace_font
from .scan_viewer import ScanViewer
from .texts import check_name, field_name, html, mark, parse_day, party_text, proof_text


def _tri_state() -> QComboBox:
    combo = QComboBox()
    combo.addItem(tr("not checked yet"), None)
    combo.addItem(tr("yes"), True)
    combo.addItem(tr("no"), False)
    return combo


class IdCheckDialog(QDialog):
    """The scan (left) beside the checklist (right); `decided` carries the result once recorded."""

    decided = Signal(object)

    def __init__(
        self,
        register: Office,
        dialogs: Dialogs,
        ref: str,
        proof: ProofState,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.ref = ref
        self.proof = proof
        self.kind = ProofKind(proof.proof_kind)
        self.party = Party(proof.party)
        self.today = today
        self.case = case_service.get_case(register, ref)
        self.expected = ids.expected_for(self.case, self.party)
        self.recorded: ids.DecisionRecorded | None = None
        self.assessment: Assessment | None = None
        self.mrz: MrzResult | None = None
        self.date_errors: dict[str, str] = {}
        self.setWindowTitle(tr("Check the proof — {ref}", ref=ref))
        fit_to_screen(self, QSize(1240, 780))
        self._build()
        self._connect()
        self._load_scans()
        self._on_changed()

    # ---- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.viewer = ScanViewer()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.viewer, 1)
        if self.kind == ProofKind.IDENTITY_DOCUMENT:  # typed while reading the bottom of the scan
            left_layout.addWidget(self._build_mrz())
        splitter.addWidget(left)
        right = QWidget()
        column = QVBoxLayout(right)
        title = tr("{proof} of {party}", proof=proof_text(self.kind), party=party_text(self.party))
        # Labels wrap and form rows fold (label above field) so that a longer translation never widens
        # the column past the screen; the scroll area only scrolls down.
        heading = QLabel(f"<h3>{html(title)}</h3>")
        heading.setWordWrap(True)
        column.addWidget(heading)
        expected = QLabel(self._expected_text())
        expected.setWordWrap(True)
        column.addWidget(expected)
        column.addWidget(self._build_form())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take the focus
        scroll.setWidget(right)
        # the checklist's verdict and the decision stay in view while the form scrolls
        checklist_box = QGroupBox(tr("Checklist"))
        self.items_label = QLabel()
        self.items_label.setWordWrap(True)
        self.items_label.setTextFormat(Qt.TextFormat.RichText)
        QVBoxLayout(checklist_box).addWidget(self.items_label)
        side = QWidget()
        side.setMinimumWidth(540)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(scroll, 1)
        side_layout.addWidget(checklist_box)
        side_layout.addWidget(self._build_decision())
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        self.decide_button = QPushButton(tr("Record the decision…"))
        self.decide_button.setDefault(True)
        self.close_button = QPushButton(tr("Close without deciding"))
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.decide_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def _expected_text(self) -> str:
        name = html(self.expected.name or "—")
        dob = self.expected.birth_date
        if dob:
            from ..cases.labels import date_text

            day = dob if isinstance(dob, dt.date) else dt.date.fromisoformat(str(dob))
            return tr("Compare with the case: <b>{name}</b>, born {dob}", name=name, dob=date_text(day))
        return tr("Compare with the case: <b>{name}</b>", name=name)

    def _build_form(self) -> QGroupBox:
        box = QGroupBox(tr("What the document shows"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.document_type = QComboBox()
        self.document_type.addItem(tr("— choose —"), None)
        for code, pair in ids.document_types(self.kind).items():
            self.document_type.addItem(pick(pair), code)
        form.addRow(tr("Document type:"), self.document_type)
        self.tri: dict[str, QComboBox] = {}
        if self.kind == ProofKind.IDENTITY_DOCUMENT:
            self.issuing_country = QLineEdit()
            self.issuing_country.setMaxLength(3)
            self.issuing_country.setPlaceholderText(tr("three-letter code, e.g. FRA"))
            form.addRow(tr("Issuing country:"), self.issuing_country)
            self.document_number = QLineEdit()
            self.number_hint = self._hint(tr("Only the last 4 characters are kept in the register."))
            form.addRow(tr("Document number:"), self._stack(self.document_number, self.number_hint))
            self.expiry = QLineEdit()
            self.expiry.setPlaceholderText(tr("DD/MM/YYYY"))
            self.expiry_hint = self._hint("")
            form.addRow(tr("Expiry date:"), self._stack(self.expiry, self.expiry_hint))
            self.holder_name = QLineEdit()
            self.holder_name.setPlaceholderText(tr("Given names SURNAME"))
            self.name_hint = self._hint("")
            form.addRow(tr("Name on the document:"), self._stack(self.holder_name, self.name_hint))
            self.holder_dob = QLineEdit()
            self.holder_dob.setPlaceholderText(tr("DD/MM/YYYY"))
            self.dob_hint = self._hint("")
            form.addRow(tr("Date of birth on the document:"), self._stack(self.holder_dob, self.dob_hint))
            self.tri["signature"] = _tri_state()
            form.addRow(tr("Holder's signature present:"), self.tri["signature"])
        elif self.kind == ProofKind.PARENTAL_AUTHORITY:
            for key, label in (
                ("names_parent", tr("Names the requester as parent:")),
                ("names_child", tr("Names the data subject as the child:")),
                ("other_objects", tr("The other holder is known to object:")),
            ):
                self.tri[key] = _tri_state()
                form.addRow(label, self.tri[key])
        else:
            for key, label in (
                ("mandate_signed", tr("Signed by the data subject:")),
                ("mandate_scope", tr("Covers this request:")),
            ):
                self.tri[key] = _tri_state()
                form.addRow(label, self.tri[key])
        return box

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setProperty("role", "muted")
        return label

    @staticmethod
    def _stack(field: QWidget, hint: QLabel) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(hint)
        return holder

    def _build_mrz(self) -> QGroupBox:
        box = QGroupBox(tr("Machine-readable zone (MRZ)"))
        layout = QVBoxLayout(box)
        layout.addWidget(self._hint(tr("Type or paste the 2 or 3 lines at the bottom of the document.")))
        self.mrz_text = QPlainTextEdit()
        self.mrz_text.setFont(monospace_font(11))
        self.mrz_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.mrz_text.setTabChangesFocus(True)  # an MRZ holds no tab: Tab goes on to the checklist
        self.mrz_text.setFixedHeight(self.mrz_text.fontMetrics().lineSpacing() * 3 + 24)
        layout.addWidget(self.mrz_text)
        self.mrz_label = QLabel()
        self.mrz_label.setWordWrap(True)
        self.mrz_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.mrz_label)
        return box

    def _build_decision(self) -> QGroupBox:
        box = QGroupBox(tr("Decision"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.decision_group = QButtonGroup(self)
        self.decision_buttons: dict[Decision, QRadioButton] = {}
        for decision in Decision:
            button = QRadioButton(pick(DECISION_LABELS[decision]))
            self.decision_group.addButton(button)
            self.decision_buttons[decision] = button
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        note_label = QLabel(tr("Note (required to verify when a check fails or is missing):"))
        note_label.setWordWrap(True)
        layout.addWidget(note_label)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(52)
        self.note.setTabChangesFocus(True)
        layout.addWidget(self.note)
        self.note_hint = QLabel()
        self.note_hint.setWordWrap(True)
        self.note_hint.setProperty("role", "warning")
        self.note_hint.hide()
        layout.addWidget(self.note_hint)
        return box

    def focus_order(self) -> list[QWidget]:
        """The fields in the order they are read: the MRZ under the scan, then the form, the decision, the buttons."""
        mrz: list[QWidget] = [self.mrz_text] if self.kind == ProofKind.IDENTITY_DOCUMENT else []
        form: list[QWidget] = [self.document_type]
        if self.kind == ProofKind.IDENTITY_DOCUMENT:
            form += [*self._line_edits(), self.tri["signature"]]
        else:
            form += list(self.tri.values())
        decision: list[QWidget] = [self.decision_buttons[d] for d in Decision]
        return [*mrz, *form, *decision, self.note, self.close_button, self.decide_button]

    def _pin_focus_order(self) -> None:
        # Pinned, not left to the order the widgets happen to be built in: Tab follows what the eye reads.
        chain = self.focus_order()
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _connect(self) -> None:
        self._pin_focus_order()
        for field in self._line_edits():
            field.textChanged.connect(self._on_changed)
        for combo in [self.document_type, *self.tri.values()]:
            combo.currentIndexChanged.connect(self._on_changed)
        if self.kind == ProofKind.IDENTITY_DOCUMENT:
            self.mrz_text.textChanged.connect(self._on_changed)
        self.decision_group.buttonToggled.connect(lambda *_: self._show_note_hint())
        self.note.textChanged.connect(self._show_note_hint)
        self.decide_button.clicked.connect(self._on_decide)
        self.close_button.clicked.connect(self.reject)

    def _line_edits(self) -> list[QLineEdit]:
        if self.kind != ProofKind.IDENTITY_DOCUMENT:
            return []
        return [self.issuing_country, self.document_number, self.expiry, self.holder_name, self.holder_dob]

    def _load_scans(self) -> None:
        pages: list[bytes] = []
        for attachment in self.proof.attachments:
            try:
                pages.extend(ids.scan_previews(self.register, self.ref, attachment.id))
            except Exception as exc:  # noqa: BLE001 - the checklist stays usable without the image
                self.dialogs.error(self, exc)
        self.viewer.set_pages(pages)

    # ---- the checklist, live ----------------------------------------------------------
    def _date(self, key: str, field: QLineEdit) -> dt.date | None:
        try:
            value = parse_day(field.text())
        except ValueError:
            self.date_errors[key] = tr("Not a date: type DD/MM/YYYY.")
            return None
        self.date_errors.pop(key, None)
        return value

    def mrz_lines(self) -> list[str]:
        if self.kind != ProofKind.IDENTITY_DOCUMENT:
            return []
        return [line for line in self.mrz_text.toPlainText().splitlines() if line.strip()]

    def checklist(self, with_mrz: bool = True) -> Checklist:
        values: dict[str, Any] = {
            "proof_kind": self.kind,
            "party": self.party,
            "document_type": self.document_type.currentData(),
        }
        tri = {key: combo.currentData() for key, combo in self.tri.items()}
        if self.kind == ProofKind.IDENTITY_DOCUMENT:
            values.update(
                issuing_country=self.issuing_country.text().strip().upper() or None,
                document_number=self.document_number.text().strip() or None,
                expiry_date=self._date("expiry", self.expiry),
                holder_name=self.holder_name.text().strip() or None,
                holder_birth_date=self._date("dob", self.holder_dob),
                signature_present=tri["signature"],
                mrz_lines=self.mrz_lines() if with_mrz else [],
            )
        elif self.kind == ProofKind.PARENTAL_AUTHORITY:
            values.update(
                names_requester_as_parent=tri["names_parent"],
                names_subject_as_child=tri["names_child"],
                other_holder_objects=tri["other_objects"],
            )
        else:
            values.update(
                mandate_signed_by_subject=tri["mandate_signed"], mandate_covers_request=tri["mandate_scope"]
            )
        return Checklist(**values)

    def _on_changed(self) -> None:
        mrz_error = None
        self.mrz = None
        lines = self.mrz_lines()
        if lines:
            try:
                self.mrz = parse_mrz(lines, today=self.today)
            except MrzError as exc:
                mrz_error = describe(exc, language())
        checklist = self.checklist(with_mrz=self.mrz is not None)
        try:
            self.assessment = ids.assess(self.register, self.ref, checklist, on=self.today)
        except Exception as exc:  # noqa: BLE001 - shown in place; the dialog stays usable
            self.assessment = None
            self.items_label.setText(html(describe(exc, language())))
            return
        if self.kind == ProofKind.IDENTITY_DOCUMENT:
            self._show_field_hints(checklist)
            self._show_mrz(mrz_error)
        self._show_items()
        self._show_note_hint()

    def _item_line(self, key: str) -> str:
        item = self.assessment.item(key) if self.assessment else None
        if item is None:
            return ""
        text = f"{mark(item.status)} {html(pick((item.en, item.fr)))}"
        comparison = item.comparison
        if comparison is not None and comparison.status in ("mismatch", "partial"):
            note = pick((comparison.note_en, comparison.note_fr))
            case_word, document_word = tr("case"), tr("document")
            text += (
                f"<br>&nbsp;&nbsp;{case_word}: <b>{html(comparison.expected or '—')}</b> · "
                f"{document_word}: <b>{html(comparison.found or '—')}</b>"
            )
            if comparison.difference:
                text += f"<br>&nbsp;&nbsp;<code>{html(comparison.difference)}</code>"
            if note:
                text += f" — {html(note)}"
        return text

    def _show_field_hints(self, checklist: Checklist) -> None:
        last4 = keep_last4(checklist.document_number)
        self.number_hint.setText(
            tr("Only the last 4 characters are kept in the register: {last4}", last4=f"<b>…{last4}</b>")
            if last4
            else tr("Only the last 4 characters are kept in the register.")
        )
        self.expiry_hint.setText(self.date_errors.get("expiry") or self._item_line("expiry"))
        self.name_hint.setText(self._item_line("name"))
        self.dob_hint.setText(self.date_errors.get("dob") or self._item_line("birth_date"))

    def _show_mrz(self, error: str | None) -> None:
        if error:
            self.mrz_label.setText(f"{mark('fail')} {html(error)}")
            return
        mrz = self.mrz
        if mrz is None:
            self.mrz_label.setText("")
            return
        head = (
            tr("Format {format}: every check digit is right.", format=mrz.format)
            if mrz.valid
            else tr(
                "Format {format}: some check digits are wrong or the zone is malformed.", format=mrz.format
            )
        )
        parts = [f"{mark('ok' if mrz.valid else 'fail')} <b>{html(head)}</b>"]
        digits = " &nbsp; ".join(f"{mark('ok' if ok else 'fail')} {html(check_name(name))}" for name, ok in mrz.checks.items())  # fmt: skip
        parts.append(tr("Check digits:") + f" {digits}")
        for problem in mrz.problems:
            parts.append(f"{mark('fail')} {html(pick((problem['en'], problem['fr'])))}")
        parts.append("<b>" + tr("Compared with the MRZ:") + "</b>")
        for item in self.assessment.items if self.assessment else []:
            if item.key.startswith("mrz_") and item.comparison is not None:
                comparison = item.comparison
                source = tr("case") if comparison.field in ("name", "birth_date") else tr("typed above")
                line = f"{mark(item.status)} {html(field_name(comparison.field))}: "
                line += f"{source} <b>{html(comparison.expected or '—')}</b> · "
                line += f"MRZ <b>{html(comparison.found or '—')}</b>"
                if comparison.status == "mismatch" and comparison.difference:
                    line += f" — <code>{html(comparison.difference)}</code>"
                parts.append(line)
        self.mrz_label.setText("<br>".join(parts))

    def _show_items(self) -> None:
        """One line for what passes, then each item that fails, is missing or does not apply."""
        items = [
            i for i in (self.assessment.items if self.assessment else []) if not i.key.startswith("mrz_")
        ]
        passed = [i for i in items if i.status == "ok"]
        lines = [self._item_line(i.key) for i in items if i.status != "ok"]
        if passed:
            names = ", ".join(html(pick((i.en, i.fr))) for i in passed)
            lines.insert(0, f"{mark('ok')} " + tr("%n check(s) pass:", "", len(passed)) + f" {names}")
        self.items_label.setText("<br>".join(lines))

    def selected_decision(self) -> Decision | None:
        return next((d for d, b in self.decision_buttons.items() if b.isChecked()), None)

    def _show_note_hint(self) -> None:
        needs_note = note_required(self.assessment, self.selected_decision()) and not self.note.toPlainText().strip()
        self.note_hint.setText(
            tr("Some checks fail or are missing: a note saying why identity is still verified is required.")
        )
        self.note_hint.setVisible(needs_note)

    # ---- the decision ---------------------------------------------------------------
    def _on_decide(self) -> None:
        decision = self.selected_decision()
        if decision is None:
            self.dialogs.warn(
                self, tr("Choose a decision first: verified, rejected or more information needed.")
            )
            return
        label = pick(DECISION_LABELS[decision])
        proof = proof_text(self.kind).lower()
        count = len(self.proof.attachments)
        question = (
            tr(
                "Record “{decision}” for the {proof}?\n\nThe scan (%n file(s)) will then be destroyed: its bytes are "
                "erased from the register and cannot be recovered. Only the checklist facts are kept.",
                "",
                count,
                decision=label,
                proof=proof,
            )
            if count
            else tr(
                "Record “{decision}” for the {proof}? No scan is stored (seen on paper or in person).",
                decision=label,
                proof=proof,
            )
        )
        if not self.dialogs.confirm(self, question):
            return
        note = self.note.toPlainText().strip() or None
        try:
            result = ids.decide(self.register, self.ref, decision, self.checklist(), note=note, on=self.today)
        except Exception as exc:  # noqa: BLE001 - the refusal is one sentence; nothing was recorded
            self.dialogs.error(self, exc)
            return
        self.recorded = result
        self.viewer.clear()
        destroyed = (
            tr(
                "%n scan(s) destroyed (erased from the register); the audit log records the destruction.",
                "",
                result.scans_destroyed,
            )
            if result.scans_destroyed
            else tr("No scan to destroy.")
        )
        self.dialogs.info(
            self, tr("Decision recorded: {decision}, by {who}.", decision=label, who=self.register.actor) + "\n" + destroyed
        )  # fmt: skip
        self.decided.emit(result)
        self.accept()
