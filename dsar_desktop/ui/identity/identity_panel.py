"""The case file's Identity section: other means first, the proof requests and their clock, scans, minors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain import minors
from ...domain.cases import Capacity, Case
from ...domain.identity import DOCUMENT_TYPES, ProofKind
from ...services import cases as case_service
from ...services import identity as ids
from ...services import scans
from ...services.identity_status import IdentityStatus, ProofState
from ...services.office import Office
from ..cases.labels import date_text, moment_text, today_paris
from ..dialogs import Dialogs
from ..i18n import language, pick, tr
from ..style import plain_label, role_label, set_role
from .check_wizard import IdCheckDialog
from .proof_dialogs import ProofReceiptDialog, ProofRequestDialog
from .texts import html, method_text, party_text, proof_text, state_badge


class IdentityPanel(QWidget):
    """How identity was (or will be) established for one case, with the minors' rule on top."""

    case_changed = Signal(str)

    def __init__(
        self,
        register: Office,
        dialogs: Dialogs,
        runner: Any,
        ref: str,
        today_provider: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.dialogs = dialogs
        self.runner = runner
        self.ref = ref
        self.today_provider = today_provider or today_paris
        self.status: IdentityStatus | None = None
        self.case: Case | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.last_check: IdCheckDialog | None = None
        self._build()
        self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """The case file's own actions may have changed the case while another tab was shown."""
        super().showEvent(event)
        if self.status is not None:
            self.refresh()

    def today(self) -> dt.date:
        return self.today_provider()

    # ---- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        content = QWidget()
        self.column = QVBoxLayout(content)
        self.block_label = role_label("", "error")
        self.block_label.setTextFormat(Qt.TextFormat.RichText)
        self.column.addWidget(self.block_label)
        who_box = QGroupBox(tr("Who may act"))
        self.age_label = QLabel()
        self.age_label.setWordWrap(True)
        self.age_label.setTextFormat(Qt.TextFormat.RichText)
        QVBoxLayout(who_box).addWidget(self.age_label)
        self.column.addWidget(who_box)
        established_box = QGroupBox(tr("How identity was established"))
        self.established_label = plain_label()  # names who decided
        QVBoxLayout(established_box).addWidget(self.established_label)
        self.column.addWidget(established_box)
        self.other_box = QGroupBox(tr("1. Other means first (Art. 12(6))"))
        self.other_layout = QVBoxLayout(self.other_box)
        self.column.addWidget(self.other_box)
        self.proofs_box = QGroupBox(tr("2. Proofs"))
        self.proofs_layout = QVBoxLayout(self.proofs_box)
        self.column.addWidget(self.proofs_box)
        clock_box = QGroupBox(tr("Clock"))
        clock_layout = QVBoxLayout(clock_box)
        self.clock_label = QLabel()
        self.clock_label.setWordWrap(True)
        self.clock_label.setTextFormat(Qt.TextFormat.RichText)
        self.clock_details = QLabel()
        self.clock_details.setWordWrap(True)
        set_role(self.clock_details, "muted")
        clock_layout.addWidget(self.clock_label)
        clock_layout.addWidget(self.clock_details)
        self.column.addWidget(clock_box)
        self.column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @staticmethod
    def _clear(layout: QLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item is None:
                break
            widget, inner = item.widget(), item.layout()
            if widget is not None:
                widget.deleteLater()
            elif inner is not None:
                IdentityPanel._clear(inner)

    def _button(self, key: str, text: str, handler: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(key.replace(":", "_"))
        button.clicked.connect(lambda _checked=False: handler())
        self.buttons[key] = button
        return button

    def trigger(self, key: str) -> None:
        """Press a button: 'other:<method>', 'request:<party>:<kind>', 'letter:…', 'received:…', 'check:…'."""
        self.buttons[key].click()

    # ---- data -----------------------------------------------------------------------
    def refresh(self) -> None:
        if getattr(self.register, "conn", None) is None:
            return  # the register was locked; the case file is going away
        try:
            self.case = case_service.get_case(self.register, self.ref)
            self.status = ids.identity_status(self.register, self.ref)
            deadlines = case_service.deadlines_for(self.register, self.case, self.today())
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.dialogs.error(self, exc)
            return
        self.buttons = {}
        self._show_block(self.status)
        self._show_age(self.status)
        self._show_established(self.status)
        self._show_other_means(self.case, self.status)
        self._show_proofs(self.case, self.status)
        self._show_clock(self.case, deadlines)

    def _show_block(self, status: IdentityStatus) -> None:
        if status.block_reason is None:
            self.block_label.hide()
            self.block_label.setText("")
            return
        title = (
            tr("Response pack blocked until parental authority is verified")
            if status.parental_authority_required
            else tr("Response pack blocked until identity is settled")
        )
        self.block_label.setText(f"<b>{html(title)}</b><br>{html(pick(status.block_reason))}")
        self.block_label.show()

    def _show_age(self, status: IdentityStatus) -> None:
        assert self.case is not None
        if status.age_on_receipt is None or self.case.subject.dob is None:
            self.age_label.setText(html(pick(status.acting_rule)))
            return
        lines = [
            tr(
                "Age on receipt: {age} (born {born}; request received {received}).",
                age=f"<b>{status.age_on_receipt}</b>",
                born=date_text(self.case.subject.dob),
                received=date_text(self.case.received_date),
            )
        ]
        if status.age_on_receipt < minors.MAJORITY:  # the rule says more than the age only for minors
            lines.append(html(pick(status.acting_rule)))
        self.age_label.setText("<br>".join(lines))

    def _show_established(self, status: IdentityStatus) -> None:
        if not status.established_by:
            self.established_label.setText(tr("Not established yet."))
            return
        lines = [
            tr(
                "{method} — {party}, recorded by {who} on {when}",
                method=method_text(entry["method"]),
                party=party_text(entry["party"]),
                who=entry["decided_by"],
                when=_when(entry["decided_at"]),
            )
            for entry in status.established_by
        ]
        self.established_label.setText("✓ " + "\n✓ ".join(lines))

    def _show_other_means(self, case: Case, status: IdentityStatus) -> None:
        self._clear(self.other_layout)
        if status.established_by:
            self.other_layout.addWidget(QLabel(tr("Identity is established; nothing more is needed unless a new doubt arises.")))  # fmt: skip
            return
        if any(p.state in ("requested", "received") for p in status.proofs if p.proof_kind == ProofKind.IDENTITY_DOCUMENT):  # fmt: skip
            self.other_layout.addWidget(QLabel(tr("An ID document was asked for because of a recorded doubt; check the document below.")))  # fmt: skip
            return
        name = (
            case.subject.name
            if case.capacity == Capacity.SELF
            else (case.requester_name or tr("the requester"))
        )
        hint = plain_label(tr("No ID document is asked for systematically: if one of these settles the doubt about {name}'s identity, record it with one click.", name=name))  # fmt: skip
        self.other_layout.addWidget(hint)
        for suggestion in status.suggestions:
            method = suggestion["method"]
            row = QHBoxLayout()
            text = plain_label(pick((suggestion["en"], suggestion["fr"])))  # may quote an address on file
            row.addWidget(text, 1)
            row.addWidget(
                self._button(
                    f"other:{method}",
                    tr("Record: {method}", method=method_text(method)),
                    lambda m=method: self._on_other_means(m),
                )
            )
            self.other_layout.addLayout(row)

    def _show_proofs(self, case: Case, status: IdentityStatus) -> None:
        self._clear(self.proofs_layout)
        hint = (
            tr("Only if a reasonable doubt remains: ask for an ID document.")
            if case.capacity == Capacity.SELF
            else tr("A representative proves their own identity and their authority (RULES B4).")
        )
        self.proofs_layout.addWidget(role_label(hint, "muted"))
        for proof in status.proofs:
            self.proofs_layout.addWidget(self._proof_card(case, proof))

    def _proof_card(self, case: Case, proof: ProofState) -> QFrame:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setObjectName(f"proof_{proof.party}_{proof.proof_kind}")
        layout = QVBoxLayout(card)
        name = case.subject.name if proof.party == "subject" else (case.requester_name or tr("the requester"))
        title = tr(
            "{proof} — {party}: {name}", proof=proof_text(proof.proof_kind), party=party_text(proof.party), name=name
        )  # fmt: skip
        head = QLabel(f"<b>{html(title)}</b> &nbsp; {state_badge(proof.state)}")
        head.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(head)
        details = []
        kind = ProofKind(proof.proof_kind)
        if kind != ProofKind.IDENTITY_DOCUMENT:
            types = ", ".join(pick(pair) for pair in DOCUMENT_TYPES[kind].values())
            details.append(tr("Accepted: {types}.", types=types))
        if proof.sent_on:
            details.append(tr("Requested on {date}. Reason for doubt: “{reason}”", date=_day(proof.sent_on), reason=proof.reason or ""))  # fmt: skip
        if proof.received_on:
            details.append(tr("Received on {date}.", date=_day(proof.received_on)))
        if proof.attachments:
            details.append(tr("%n scan(s) kept in the register until the decision.", "", len(proof.attachments)))  # fmt: skip
        for gone in proof.unreadable:  # a restored older register, or one opened away from its scan keys
            if gone["destroyed_on"]:
                details.append(
                    tr(
                        "A scan received on {received} was destroyed on {date}: its key was shredded, so this "
                        "register, older than the destruction, cannot show it.",
                        received=_day(gone["received_on"]), date=_day(gone["destroyed_on"]),
                    )
                )  # fmt: skip
            else:
                details.append(
                    tr(
                        "A scan received on {received} cannot be shown: its key is not beside this register "
                        "(it was opened away from its scan-key file).",
                        received=_day(gone["received_on"]),
                    )
                )  # fmt: skip
        if proof.decided_by and proof.state in ("verified", "rejected", "more_needed"):
            details.append(
                tr("Decided by {who} on {when}.", who=proof.decided_by, when=_when(proof.decided_at))
            )
        if details:
            label = plain_label("\n".join(details))  # the reason for doubt and the names are typed
            layout.addWidget(label)
        row = QHBoxLayout()
        key = f"{proof.party}:{proof.proof_kind}"
        is_id = kind == ProofKind.IDENTITY_DOCUMENT
        if proof.state in ("not_requested", "rejected", "more_needed"):
            text = (
                tr("Request an ID document…")
                if is_id
                else tr("Request {proof}…", proof=proof_text(kind).lower())
            )
            row.addWidget(self._button(f"request:{key}", text, lambda p=proof: self._on_request(p)))
        if proof.request_id is not None and proof.state in ("requested", "received"):
            row.addWidget(
                self._button(
                    f"letter:{key}", tr("Save the request letter…"), lambda p=proof: self._on_letter(p)
                )
            )
        if proof.state != "verified":
            text = tr("ID received…") if is_id else tr("Proof received…")
            if proof.state == "received":
                text = tr("Add another scan…")
            row.addWidget(self._button(f"received:{key}", text, lambda p=proof: self._on_received(p)))
        if proof.state == "received":
            check = self._button(f"check:{key}", tr("Check the document…"), lambda p=proof: self._on_check(p))
            check.setDefault(True)
            row.addWidget(check)
        row.addStretch(1)
        layout.addLayout(row)
        return card

    def _show_clock(self, case: Case, deadlines: Any) -> None:
        due = date_text(deadlines.due(case.extended))
        open_since = next((start for start, end in case.suspensions if end is None), None)
        if open_since is not None:
            text = tr(
                "The clock is stopped since {date} while waiting for the proof (decree 2019-536). Due date today: {due} — "
                "it moves one day later for each day of waiting.",
                date=date_text(open_since),
                due=f"<b>{due}</b>",
            )
        elif deadlines.suspension_days:
            text = tr(
                "The clock was stopped %n day(s) for identity; the due date moved to {due}.",
                "",
                deadlines.suspension_days,
                due=f"<b>{due}</b>",
            )
        else:
            text = tr("The clock is running; due date: {due}.", due=f"<b>{due}</b>")
        self.clock_label.setText(text)
        lines = deadlines.explanation(language())
        noise = ("policy", "objectif", "extend", "prolong")  # the Summary tab shows the other dates
        relevant = [
            line
            for line in lines
            if ("suspen" in line or "stopped" in line or "(D1)" in line) and not any(n in line for n in noise)
        ]
        self.clock_details.setText("\n".join(f"• {line}" for line in relevant))
        self.due_text = due

    # ---- actions --------------------------------------------------------------------
    def _changed(self) -> None:
        self.refresh()
        self.case_changed.emit(self.ref)

    def _on_other_means(self, method: str) -> None:
        try:
            ids.record_other_means(self.register, self.ref, method)
        except Exception as exc:  # noqa: BLE001 - one sentence for the person
            self.dialogs.error(self, exc)
            return
        self._changed()

    def _name_for(self, proof: ProofState) -> str:
        assert self.case is not None
        if proof.party == "subject":
            return self.case.subject.name
        return self.case.requester_name or tr("the requester")

    def _on_request(self, proof: ProofState) -> None:
        assert self.case is not None
        dialog = ProofRequestDialog(
            proof_text(proof.proof_kind), party_text(proof.party), self._name_for(proof),
            max(self.today(), self.case.received_date), self.case.language, self,
        )  # fmt: skip
        if not self.dialogs.run(dialog):
            return
        try:
            result = ids.request_proof(
                self.register, self.ref, dialog.reason(), proof_kind=proof.proof_kind, party=proof.party,
                sent_on=dialog.sent_on(), language=dialog.language(), internal_note=dialog.internal_note(),
            )  # fmt: skip
        except Exception as exc:  # noqa: BLE001
            self.dialogs.error(self, exc)
            return
        saved = self._offer_letter(result.letter, result.letter_problem, proof.proof_kind, dialog.language())
        self._changed()
        if result.lapsed:
            message = tr(
                "The request is recorded, but it was sent after the due date in force: the period had already "
                "ended, so the clock is not stopped and the case stays late. The due date remains {due}.",
                due=self.due_text,
            )
        elif result.suspension_id is None:
            message = tr("The request is recorded, but the clock does not stop until its letter exists.")
        else:
            message = tr(
                "Clock stopped from {date}. The due date is now {due} and moves one day later each day until the "
                "proof arrives.",
                date=date_text(dt.date.fromisoformat(result.sent_on)),
                due=self.due_text,
            )
        self.dialogs.info(self, "\n\n".join(part for part in (saved, message) if part))

    def _offer_letter(self, pdf: bytes | None, problem: str | None, kind: str, lang: str) -> str:
        if pdf is None:
            self.dialogs.warn(
                self, tr("The request is recorded but the letter could not be built: {problem}", problem=problem or "")
            )  # fmt: skip
            return ""
        path = self.dialogs.save_file(
            self, tr("Save the letter asking for the proof"), f"{self.ref}-{kind}-request-{lang}.pdf", tr("PDF (*.pdf)")
        )  # fmt: skip
        if path is None:
            return tr("The letter was not saved (you can produce it again with “Save the request letter…”).")
        try:
            ids.save_request_letter(pdf, Path(path))
        except OSError as exc:
            self.dialogs.error(self, tr("The file cannot be read: {reason}", reason=exc.strerror or str(exc)))
            return ""
        return tr("Letter saved: {path}", path=str(path))

    def _on_letter(self, proof: ProofState) -> None:
        assert self.case is not None and proof.request_id is not None
        try:
            pdf = ids.request_letter(self.register, self.ref, proof.request_id, self.case.language)
        except Exception as exc:  # noqa: BLE001
            self.dialogs.error(self, exc)
            return
        saved = self._offer_letter(pdf, None, proof.proof_kind, self.case.language)
        if saved:
            self.dialogs.info(self, saved)

    def read_scan(self, path: Path) -> bytes | None:
        """The file's bytes, or None after saying why (too big is refused before reading it)."""
        try:
            return scans.read_scan_file(path)  # capped read: a device or a lying size stops at the limit
        except scans.ScanRefused as exc:
            self.dialogs.error(self, exc)
        except OSError as exc:
            self.dialogs.error(self, tr("The file cannot be read: {reason}", reason=exc.strerror or str(exc)))
        return None

    def _on_received(self, proof: ProofState) -> None:
        assert self.case is not None
        default_day = max(self.today(), dt.date.fromisoformat(proof.sent_on) if proof.sent_on else self.case.received_date)  # fmt: skip
        dialog = ProofReceiptDialog(
            proof_text(proof.proof_kind), default_day, proof.state == "requested", self
        )
        if not self.dialogs.run(dialog):
            return
        content = None
        if dialog.with_scan():
            path = self.dialogs.open_file(
                self, tr("Choose the scan"), tr("Scans (*.jpg *.jpeg *.png *.pdf);;All files (*)")
            )
            if path is None:
                return
            content = self.read_scan(Path(path))
            if content is None:
                return
        try:
            got = ids.receive_proof(
                self.register, self.ref, content, received_on=dialog.received_on(), proof_kind=proof.proof_kind,
                party=proof.party, request_id=proof.request_id if proof.state == "requested" else None,
            )  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - each refusal has its own sentence; nothing changed
            self.dialogs.error(self, exc)
            return
        self._changed()
        day = date_text(dialog.received_on())
        if got.suspension_ended and proof.sent_on:
            stopped = (
                dt.date.fromisoformat(got.suspension_ended) - dt.date.fromisoformat(proof.sent_on)
            ).days
            self.dialogs.info(self, tr("Received on {date}; the clock runs again (%n day(s) stopped). Due date: {due}.", "", stopped, date=day, due=self.due_text))  # fmt: skip
        else:
            self.dialogs.info(self, tr("Received on {date}. Now check the document.", date=day))

    def _on_check(self, proof: ProofState) -> None:
        try:
            dialog = IdCheckDialog(self.register, self.dialogs, self.ref, proof, self.today(), self)
        except Exception as exc:  # noqa: BLE001
            self.dialogs.error(self, exc)
            return
        self.last_check = dialog
        self.dialogs.run(dialog)
        if dialog.recorded is not None:
            self._changed()


def _day(iso: str) -> str:
    return date_text(dt.date.fromisoformat(iso))


def _when(iso: str | None) -> str:
    if not iso:
        return "—"
    return moment_text(iso)
