"""Bad scans chosen in the identity section: each gets its own message and nothing in the register changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from dsar_desktop.services import cases as case_service
from dsar_desktop.services import identity as ids
from dsar_desktop.store.connection import Register
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.identity import IdentityPanel
from dsar_desktop.ui.workers import ImmediateRunner
from tests.conftest import make_case
from tests.ui_identity_support import (
    decompression_bomb,
    fixed,
    receipt_form,
    renamed_text_file,
    truncated_jpeg,
    write_large_file,
)

pytestmark = pytest.mark.usefixtures("identity_today")

ID_KEY = "subject:identity_document"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def snapshot(register: Register) -> tuple[object, ...]:
    return tuple(
        register.query_one(sql)
        for sql in (
            "SELECT count(*) FROM attachments",
            "SELECT count(*), max(seq) FROM audit",
            "SELECT count(*) FROM case_events",
            "SELECT group_concat(coalesce(ended, 'open')) FROM suspensions",
            "SELECT group_concat(coalesce(received_on, 'waiting')) FROM identity_requests",
            "SELECT status, legal_due FROM cases",
        )
    )


def test_each_bad_scan_has_its_own_message_and_changes_nothing(
    qtbot, register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ref = make_case(register)
    ids.request_proof(register, ref, "Address differs from the one on file", sent_on=dt.date(2027, 3, 3), with_letter=False)  # fmt: skip
    dialogs = ScriptedDialogs()
    panel = IdentityPanel(
        register, dialogs, ImmediateRunner(), ref, today_provider=fixed(dt.date(2027, 3, 9))
    )
    qtbot.addWidget(panel)
    files = {
        "renamed text": (tmp_path / "passport.jpg", renamed_text_file(), "is not a JPEG, PNG or PDF"),
        "truncated": (tmp_path / "cut.jpg", truncated_jpeg(), "damaged or truncated"),
        "bomb": (tmp_path / "bomb.png", decompression_bomb(), "decompression bomb"),
        "30 MB": (tmp_path / "huge.jpg", None, "scans are limited to 20 MB"),
    }
    before = snapshot(register)
    messages = {}
    for name, (path, content, expected) in files.items():
        if content is None:
            write_large_file(path, 30)
        else:
            path.write_bytes(content)
        dialogs.shown.clear()
        dialogs.answers += [receipt_form(dt.date(2027, 3, 9)), path]
        panel.trigger(f"received:{ID_KEY}")
        errors = [text for kind, text in dialogs.shown if kind == "error"]
        assert len(errors) == 1 and expected in errors[0], (name, dialogs.shown)
        assert [kind for kind, _ in dialogs.shown] == ["dialog", "error"]  # no "received" message after it
        messages[name] = errors[0]
        assert snapshot(register) == before, name
    assert len(set(messages.values())) == 4
    assert "30.0 MB" in messages["30 MB"] and "plain text" in messages["renamed text"]
    assert "400 megapixels" in messages["bomb"]
    case = case_service.get_case(register, ref)
    assert case.suspensions == [(dt.date(2027, 3, 3), None)]  # still waiting for a usable scan
    assert (
        any(key == f"received:{ID_KEY}" for key in panel.buttons) and f"check:{ID_KEY}" not in panel.buttons
    )
