"""The Response section end to end: confirmed data → pack built in a worker → verified in the window → dispatch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTabWidget

from dsar_desktop.domain.cases import Capacity, Status
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import packs
from dsar_desktop.store.connection import Register
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.documents import ResponsePanel, VerifyPackWindow
from dsar_desktop.ui.documents.response_checks import PasswordDialog
from dsar_desktop.ui.workers import ImmediateRunner, Job, Runner
from tests.conftest import make_case
from tests.ui_documents_support import ready_case


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


class HeldRunner(Runner):
    """Keeps jobs until the test runs them: lets a test press Cancel before the work starts."""

    def __init__(self) -> None:
        self.jobs: list[Job] = []

    def start(self, job: Job) -> None:
        self.jobs.append(job)


def shown_blockers(panel: ResponsePanel) -> list[str]:
    return [label.text() for label in panel.blockers_box.findChildren(QLabel) if not label.isHidden()]


def panel_for(qtbot, register: Register, ref: str, dialogs: ScriptedDialogs, runner: Runner) -> ResponsePanel:  # type: ignore[no-untyped-def]
    panel = ResponsePanel(register, dialogs, runner, ref)
    qtbot.addWidget(panel)
    return panel


def test_from_confirmed_data_to_a_verified_pack_and_a_recorded_dispatch(
    qtbot, register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ref = ready_case(register, make_case)
    dialogs = ScriptedDialogs()
    panel = panel_for(qtbot, register, ref, dialogs, ImmediateRunner())
    assert panel.blockers == []
    assert panel.build_button.isEnabled() and not panel.build_reason.isVisibleTo(panel)
    assert (
        "Nothing blocks the response pack"
        in panel.blockers_box.findChildren(type(panel.build_reason))[0].text()
    )

    out = tmp_path / "out"
    out.mkdir()
    panel.language_combo.setCurrentIndex(panel.language_combo.findData("en"))
    panel.encrypt_check.setChecked(True)
    seen: list[tuple[str, str]] = []
    dialogs.answers += [str(out), lambda d: seen.append((d.password_label.text(), d.instruction.text()))]
    with qtbot.waitSignal(panel.pack_built, timeout=30_000) as built:
        panel.build_button.click()
    result: packs.PackResult = built.args[0]
    assert result.zip.is_file() and result.password
    assert result.pdf is None and not list(out.glob("*.pdf"))  # encrypted: no sealed letter in clear beside it
    # the password is shown once, with the instruction to give it by another channel
    assert seen == [(result.password, seen[0][1])]
    assert "another channel" in seen[0][1] and "cannot be shown again" in seen[0][1]
    assert ("dialog", "Password of the pack — shown once") in dialogs.shown
    assert any(kind == "info" and result.sha256 in text for kind, text in dialogs.shown)
    assert case_service.get_case(register, ref).pack_sha256 == result.sha256
    assert result.sha256[:16] in panel.history_label.text() and "(encrypted)" in panel.history_label.text()
    assert not panel.progress_box.isVisibleTo(panel)
    assert panel.verify_button.isVisibleTo(panel)
    quick = panel._on_verify()
    assert quick is not None and quick.last_result is not None and quick.last_result.intact
    assert quick.last_result.trusted and quick.last_result.manifest_ok
    quick.done(0)

    # verify it in the window, against this register's seal certificate
    window = VerifyPackWindow(dialogs, ImmediateRunner(), register)
    qtbot.addWidget(window)
    dialogs.answers.append(str(result.zip))
    window._on_choose_pack()
    window.password_edit.setText(result.password)
    assert window.register_trust.isChecked()
    with qtbot.waitSignal(window.verified) as verified:
        window.verify_button.click()
    check = verified.args[0]
    assert check.intact and check.trusted and check.coverage == "entire_file" and check.manifest_ok
    assert window.sentence("intact") == "✓ Nothing was changed since the seal was applied."
    assert window.sentence("trusted") == "✓ The seal was made with the certificate you trust."
    assert window.sentence("coverage") == "✓ The seal covers the whole file."
    assert window.sentence("manifest").startswith("✓ Every file of the pack matches the manifest")
    assert window.verdict.text() == "✓ This pack is authentic and complete."
    assert "Délégué à la protection des données" in window.signer_label.text()
    assert window.case_label.text() == ref

    # one changed byte: the window says not to rely on it
    damaged = tmp_path / "damaged.zip"
    data = bytearray(result.zip.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    window.path_edit.setText(str(damaged))
    with qtbot.waitSignal(window.verified) as verified:
        window.verify_button.click()
    assert not verified.args[0].intact
    assert window.sentence("intact").startswith("✗ ")
    assert window.verdict.text().startswith("✗ Do not rely on this pack")

    # record the dispatch: the case becomes responded
    assert panel.dispatch_button.isEnabled()
    dialogs.answers.append(lambda d: d.number_edit.setText("1A 123 456 7890 1"))
    with qtbot.waitSignal(panel.case_changed):
        panel.dispatch_button.click()
    case = case_service.get_case(register, ref)
    assert case.status == Status.RESPONDED and case.dispatch_number == "1A 123 456 7890 1"
    assert case.dispatch_date == dt.datetime.now(dt.UTC).date() or case.dispatch_date is not None
    assert not panel.dispatch_button.isEnabled()
    assert (
        "now: Responded" in panel.dispatch_reason.text()
        or "responded" in panel.dispatch_reason.text().lower()
    )


def test_the_pack_builds_on_the_thread_pool_with_progress(qtbot, register: Register, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ref = ready_case(register, make_case)
    dialogs = ScriptedDialogs()
    runner = Runner()
    runner.bind(register)  # as the main window does: the job gets a connection of its own
    panel = panel_for(qtbot, register, ref, dialogs, runner)
    stages: list[str] = []
    panel.encrypt_check.setChecked(False)
    dialogs.answers.append(str(tmp_path))
    with qtbot.waitSignal(panel.pack_built, timeout=30_000) as built:
        panel.build_button.click()
        assert not panel.build_button.isEnabled()  # one job at a time on the register
        panel._job.signals.progressed.connect(lambda done, total, stage: stages.append(stage))  # type: ignore[union-attr]
    assert built.args[0].password is None
    assert panel.build_button.isEnabled()
    assert packs.verify_case_pack(register, ref, built.args[0].zip).intact


def test_cancel_leaves_no_file_and_says_so(qtbot, register: Register, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ref = ready_case(register, make_case)
    dialogs = ScriptedDialogs()
    runner = HeldRunner()
    panel = panel_for(qtbot, register, ref, dialogs, runner)
    dialogs.answers.append(str(tmp_path))
    panel.build_button.click()
    assert panel.progress_box.isVisibleTo(panel) and len(runner.jobs) == 1
    panel.cancel_button.click()
    with qtbot.waitSignal(panel.build_failed):
        runner.jobs[0].run()
    assert ("info", "Cancelled: no file was written.") in dialogs.shown
    assert list(tmp_path.glob("*.zip")) == [] and list(tmp_path.glob("*.pdf")) == []
    assert case_service.get_case(register, ref).pack_sha256 is None
    assert panel.build_button.isEnabled()


def test_pack_disabled_with_the_reason_for_an_under_15_without_verified_parental_authority(
    qtbot, register: Register
) -> None:  # type: ignore[no-untyped-def]
    ref = ready_case(
        register, make_case, subject_name="Lucas MARTIN", subject_dob=dt.date(2015, 5, 1),
        requester_name="Claire MARTIN", capacity=Capacity.PARENT,
    )  # fmt: skip
    panel = panel_for(qtbot, register, ref, ScriptedDialogs(), ImmediateRunner())
    assert not panel.build_button.isEnabled()
    assert panel.build_reason.isVisibleTo(panel)
    assert "see what blocks it above" in panel.build_reason.text()
    assert any(
        "under 15" in text and "parental authority of Claire MARTIN is verified" in text
        for text in panel.blockers
    )
    shown = shown_blockers(panel)
    assert any(text.startswith("✗ ") and "Claire MARTIN" in text for text in shown)
    # the access response preview says why instead of drawing a letter
    panel.set_kind("access_response")
    panel.update_preview()
    assert panel.preview.page_labels == [] and "No data may be disclosed" in panel.preview.status.text()


def test_blockers_name_unsearched_systems_and_pending_matches(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    from dsar_desktop.services import certificates, extracts
    from dsar_desktop.services.extracts_demo import seed_demo_extracts

    ref = make_case(register)
    case_service.transition(register, ref, "in_progress")
    seed_demo_extracts(register, [ref])
    panel = panel_for(qtbot, register, ref, ScriptedDialogs(), ImmediateRunner())
    assert not panel.build_button.isEnabled()
    assert any("No seal certificate yet" in b for b in panel.blockers)
    pending = [s for s in extracts.missing_sources(register, ref) if s.status == "review"]
    unsearched = [s for s in extracts.missing_sources(register, ref) if s.status == "to_search"]
    assert pending or unsearched
    for source in pending:
        assert any(
            b.startswith(f"{source.name}: {source.pending} match{'es' if source.pending > 1 else ''} still to confirm")
            for b in panel.blockers
        )
    for source in unsearched:
        assert any(b.startswith(f"{source.name}: not searched yet") for b in panel.blockers)
    panel.show()
    certificates.create_internal_seal(register)  # e.g. from Documents → Letterhead and signature
    panel.hide()
    panel.show()  # back on the Response tab: it looks again
    assert not any("No seal certificate yet" in b for b in panel.blockers)
    assert not any("No seal certificate yet" in text for text in shown_blockers(panel))


class FakePrinter:
    """A PageSink that keeps what it was given (the real one is ui.printing.QtPrinter)."""

    def __init__(self, name: str, copies: int = 1) -> None:
        self.name, self.copies, self.jobs = name, copies, []  # type: ignore[var-annotated]

    def print_pdf(self, pdf: bytes, title: str) -> None:
        self.jobs.append((pdf, title))


def test_print_postal_reply_goes_to_the_chosen_queue_then_dispatch(
    qtbot, register: Register, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ref = ready_case(register, make_case, language="en")
    dialogs = ScriptedDialogs()
    panel = panel_for(qtbot, register, ref, dialogs, ImmediateRunner())
    sent: list[tuple[str, bytes, object]] = []
    chosen = FakePrinter("PDF", 2)

    def fake_print(reg, ref_, pdf, printer):  # type: ignore[no-untyped-def]
        sent.append((ref_, pdf, printer))

    monkeypatch.setattr(packs, "print_postal_reply", fake_print)
    panel.ask_printer = lambda parent: chosen  # type: ignore[assignment,return-value]
    dialogs.answers.append(str(tmp_path))
    with qtbot.waitSignal(panel.pack_built) as built:
        panel.build_button.click()
    panel.print_button.click()
    assert len(sent) == 1 and sent[0][0] == ref and sent[0][2] is chosen
    assert sent[0][1] == built.args[0].sealed_pdf  # the sealed letter of the pack just built, from memory
    assert any("Sent to PDF." in text for _, text in dialogs.shown)
    # a printer dialog closed with Cancel prints nothing
    panel.ask_printer = lambda parent: None
    panel.print_button.click()
    assert len(sent) == 1


def test_print_refused_without_a_postal_address(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    ref = ready_case(register, make_case, subject_address=None)
    dialogs = ScriptedDialogs()
    panel = panel_for(qtbot, register, ref, dialogs, ImmediateRunner())
    panel.ask_printer = lambda parent: pytest.fail("the print dialog must not open")  # type: ignore[assignment]
    panel.print_button.click()
    assert dialogs.shown and dialogs.shown[-1][0] == "error" and "no postal address" in dialogs.shown[-1][1]


def test_password_dialog_text_in_french(qtbot) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("fr")
    dialog = PasswordDialog("abc-def-ghi")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Mot de passe du dossier — affiché une seule fois"
    assert "autre canal" in dialog.instruction.text()


def test_the_case_file_has_a_response_tab_that_refreshes_it(
    qtbot, register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from dsar_desktop.ui.pages import standard_screens

    ref = ready_case(register, make_case)
    dialogs = ScriptedDialogs()
    factory = standard_screens().case_file_factory
    assert factory is not None
    view = factory(register, dialogs, ImmediateRunner(), ref)
    qtbot.addWidget(view)
    tabs = view.findChild(QTabWidget)
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "Response" in titles
    panel = tabs.widget(titles.index("Response"))
    assert isinstance(panel, ResponsePanel)
    panel.encrypt_check.setChecked(False)
    dialogs.answers += [str(tmp_path), lambda d: d.number_edit.setText("RL-1")]
    with qtbot.waitSignal(panel.pack_built):
        panel.build_button.click()
    with qtbot.waitSignal(view.case_changed):
        panel.dispatch_button.click()
    assert "Responded" in view.state_label.text()


def test_the_technical_annex_box_adds_the_fingerprint_page(qtbot, register: Register, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    ref = ready_case(register, make_case)
    dialogs = ScriptedDialogs()
    runner = Runner()
    runner.bind(register)
    panel = panel_for(qtbot, register, ref, dialogs, runner)
    panel.encrypt_check.setChecked(False)
    assert not panel.technical_check.isChecked()  # off by default: the letter is for a person
    panel.technical_check.setChecked(True)
    dialogs.answers.append(str(tmp_path))
    with qtbot.waitSignal(panel.pack_built, timeout=30_000) as built:
        panel.build_button.click()
    text = subprocess.run(
        ["pdftotext", str(built.args[0].pdf), "-"], capture_output=True, check=True
    ).stdout.decode()
    last_page = text.rstrip("\f").split("\f")[-1]
    assert "Annexe technique" in last_page or "Technical annex" in last_page
    assert "SHA-256" in last_page


def test_an_heirs_case_asks_for_the_post_mortem_directives_in_the_response_tab(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    from dsar_desktop.services import directives
    from dsar_desktop.ui.documents.directives_dialog import DirectivesDialog

    ref = make_case(register, capacity=Capacity.HEIR, requester_name="Lucie RENARD")
    dialogs = ScriptedDialogs()
    panel = panel_for(qtbot, register, ref, dialogs, ImmediateRunner())
    assert panel.directives_button.isVisibleTo(panel)
    assert any("post-mortem directives" in text for text in shown_blockers(panel))

    def too_short(dialog: DirectivesDialog) -> None:
        dialog.finding_combo.setCurrentIndex(dialog.finding_combo.findData("particular"))
        dialog.summary_edit.setPlainText("see file")
        dialog.source_edit.setText("our register")

    dialogs.answers.append(too_short)
    panel.directives_button.click()  # refused in the dialog: nothing recorded, the blocker stays
    assert any("post-mortem directives" in text for text in shown_blockers(panel))

    def none_known(dialog: DirectivesDialog) -> None:
        dialog.finding_combo.setCurrentIndex(dialog.finding_combo.findData("none_known"))
        assert not dialog.summary_edit.isEnabled()
        dialog.source_edit.setText("Registre des directives particulières, consulté le 25/11/2026")

    dialogs.answers.append(none_known)
    panel.directives_button.click()
    assert not any("post-mortem directives" in text for text in shown_blockers(panel))
    case_id = register.query_one("SELECT id FROM cases WHERE ref = ?", (ref,))[0]
    found = directives.latest(register, case_id)
    assert found is not None and found.finding.value == "none_known" and found.recorded_by == "alice"

    adult = panel_for(qtbot, register, make_case(register), ScriptedDialogs(), ImmediateRunner())
    assert not adult.directives_button.isVisibleTo(adult)


def test_the_directives_dialog_shows_a_refusal_and_keeps_what_was_typed(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    from dsar_desktop.ui.documents.directives_dialog import DirectivesDialog

    ref = make_case(register, capacity=Capacity.HEIR, requester_name="Lucie RENARD")
    dialog = DirectivesDialog(register, ref)
    qtbot.addWidget(dialog)
    dialog.finding_combo.setCurrentIndex(dialog.finding_combo.findData("general"))
    dialog.summary_edit.setPlainText("Effacer toutes les données sauf la succession.")
    dialog.accept()  # no source given
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "how the directives were checked" in dialog.error.text()
    assert dialog.summary_edit.toPlainText() == "Effacer toutes les données sauf la succession."
