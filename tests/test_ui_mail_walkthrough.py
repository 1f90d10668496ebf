"""A whole standard access request that came by e-mail, in the real main window, counting what a person does:
the .eml dropped onto the app, identity by other means (the address on file), the demo exports dropped at once,
exact e-mail matches confirmed, the pack built, the reply prepared as an e-mail draft, the dispatch recorded.

An action is one click, one drop, one key press or one answer to a dialog (each message box a person must
dismiss counts too: every call to the dialog service is counted, not only the ones the test answers)."""

from __future__ import annotations

import email
import email.policy
import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog, QWidget

from dsar_desktop.domain.cases import Status
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import extracts
from dsar_desktop.services import register as register_service
from dsar_desktop.services.extracts_demo import DEMO_FILES, DEMO_PERSON, demo_file
from dsar_desktop.ui import i18n
from dsar_desktop.ui.cases.intake import IntakeWizard
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.pages import standard_screens
from dsar_desktop.ui.shell import Shell
from dsar_desktop.ui.workers import ImmediateRunner

from .conftest import PASSPHRASE
from .mail_support import eml


class CountingDialogs(ScriptedDialogs):
    """Every message box, file dialog and form a person would have to answer is one action."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def _next(self, default: object = None) -> object:
        self.count += 1
        return super()._next(default)

    def info(self, parent: QWidget | None, text: str, title: str | None = None) -> None:
        self.count += 1  # the OK of the message box
        super().info(parent, text, title)

    def warn(self, parent: QWidget | None, text: str) -> None:
        self.count += 1
        super().warn(parent, text)

    def error(self, parent: QWidget | None, error: BaseException | str) -> None:
        self.count += 1
        super().error(parent, error)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def _drop(widget: QWidget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    widget.dropEvent(
        QDropEvent(
            QPointF(30, 30),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )


def _section(view: Any, title: str) -> Any:
    for index in range(view.tabs.count()):
        if view.tabs.tabText(index) == title:
            view.tabs.setCurrentIndex(index)
            return view.tabs.widget(index)
    raise AssertionError(f"no {title} tab: {[view.tabs.tabText(i) for i in range(view.tabs.count())]}")


def test_a_standard_access_request_by_e_mail_in_under_40_actions(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.dsar"
    created = register_service.create_register(path, "alice", PASSPHRASE)
    from dsar_desktop.services import certificates
    from dsar_desktop.services.demo import settle_demo_catalogue

    # set up once by the office, not per request: its seal, and the processing register settled (RULES D)
    certificates.seed_demo_certificate(created.register)
    settle_demo_catalogue(created.register)
    created.register.close()
    dialogs = CountingDialogs()
    screens = standard_screens()
    shell = Shell(
        dialogs, ImmediateRunner(), path, pages=screens.pages, case_file_factory=screens.case_file_factory,
        intake_factory=screens.intake_factory, startup_notice=screens.startup_notice, forced_language="en",
    )  # fmt: skip
    qtbot.addWidget(shell.window)
    shell.start()
    assert shell.unlock_dialog is not None
    shell.unlock_dialog.passphrase_edit.setText(PASSPHRASE)
    shell.unlock_dialog.unlock_button.click()
    register = shell.register
    assert register is not None
    window = shell.window
    dialogs.count = 0  # unlocking is not part of the request
    clicks = 0

    # 1. the e-mail dropped onto the main window: the intake form opens filled; one click records it
    request = tmp_path / "request.eml"
    request.write_bytes(
        eml(
            sender="Éloïse L’Hôte <eloise.lhote@exemple.fr>",
            subject="Droit d'accès",
            body="Bonjour,\nJe souhaite exercer mon droit d'accès à mes données personnelles.\nÉloïse L’Hôte",
            received=["from mx.ecole.example.fr by mail.ecole.example.fr; Mon, 23 Nov 2026 22:45:00 +0000"],
            date="Mon, 23 Nov 2026 22:44:00 +0000",
            message_id="<demande-acces@exemple.fr>",
        )
    )
    _drop(window, [request])
    clicks += 1
    wizard = window.findChild(IntakeWizard)
    assert wizard is not None and wizard.name_edit.text() == DEMO_PERSON["name"]
    wizard.record_button.click()
    clicks += 1
    (ref,) = list(window.case_files)
    view = window.case_files[ref]
    case = case_service.get_case(register, ref)
    assert case.received_date.isoformat() == "2026-11-23" and case.subject.email == DEMO_PERSON["email"]

    # 2. identity by other means: the request came from the address on file
    identity = _section(view, "Identity")
    clicks += 1
    identity.trigger("other:email_on_file")
    clicks += 1
    view.trigger("in_progress")
    clicks += 1

    # 3. the demo exports dropped at once onto the Data tab, searched in one pass, exact e-mail matches confirmed
    data = _section(view, "Data")
    clicks += 1
    files = []
    for source in DEMO_FILES:
        target = tmp_path / demo_file(source).name
        shutil.copy(demo_file(source), target)
        files.append(target)

    def search_all(dialog: QDialog) -> None:
        dialog.search_button.click()  # type: ignore[attr-defined]

    dialogs.answers.append(search_all)
    _drop(data, files)
    clicks += 2  # the drop, "Search all files" (the dialog's OK is counted by the dialog service)
    data.confirm_emails_button.click()
    clicks += 1
    for button in list(data.gather_bar.buttons):
        if DEMO_PERSON["dob"] in button.text():
            button.click()
            clicks += 1
    while (match := data.selected_match()) is not None and match.status == "pending":
        data.confirm_shortcut.activated.emit()
        clicks += 1
    assert extracts.missing_sources(register, ref) == []

    # 4. the pack: one click, the folder, the password shown once (electronic request: encrypted ZIP)
    response = _section(view, "Response")
    clicks += 1
    out = tmp_path / "out"
    out.mkdir()
    dialogs.answers += [out, True]
    response.build_button.click()
    clicks += 1
    result = response.last_result
    assert result is not None and result.password, (response.blockers, dialogs.shown[-3:])

    # 5. the reply as an e-mail draft, threaded with the request, opened by the mail client
    opened: list[Path] = []
    response.mail_opener = lambda p: opened.append(p) or True
    draft_path = out / f"{ref}-reply.eml"
    dialogs.answers.append(draft_path)
    response.mail_button.click()
    clicks += 1
    assert opened == [draft_path]
    draft = email.message_from_bytes(draft_path.read_bytes(), policy=email.policy.default)
    assert draft["To"].addresses[0].addr_spec == DEMO_PERSON["email"]
    assert draft["In-Reply-To"] == "<demande-acces@exemple.fr>" and draft["X-Unsent"] == "1"
    (zipped,) = [p for p in draft.iter_attachments() if p.get_filename().endswith(".zip")]
    assert hashlib.sha256(zipped.get_content()).hexdigest() == result.sha256
    assert result.password not in draft_path.read_bytes().decode("ascii", "replace")

    # 6. the person sent it from the mail client; the dispatch is recorded (date, e-mail, address proposed)
    dialogs.answers.append(lambda dialog: None)  # OK with what is proposed
    response.dispatch_button.click()
    clicks += 1
    case = case_service.get_case(register, ref)
    assert case.status == Status.RESPONDED
    assert case_service.dispatch_details(register, ref) == ("email", DEMO_PERSON["email"])
    assert not [text for kind, text in dialogs.shown if kind == "error"], dialogs.shown

    actions = clicks + dialogs.count
    print(f"user actions: {actions} ({clicks} clicks and drops, {dialogs.count} dialog answers)")
    assert actions < 40, actions
    if shell.register is not None:
        shell.register.close()
