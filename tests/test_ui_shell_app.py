"""The `dsar-desktop` entry point: no-display message, demo register on first start, options."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dsar_desktop import app
from dsar_desktop.services import register as register_service
from dsar_desktop.ui import i18n
from dsar_desktop.ui.dialogs import ScriptedDialogs
from dsar_desktop.ui.shell import Shell
from dsar_desktop.ui.workers import ImmediateRunner

ROOT = Path(__file__).resolve().parent.parent


def test_without_a_display_the_app_says_so_in_one_line_instead_of_aborting(tmp_path: Path) -> None:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "dsar_desktop.app", "--register", str(tmp_path / "r.dsar")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display found" in lines[0] and "Traceback" not in done.stderr
    assert not (tmp_path / "r.dsar").exists()


@pytest.mark.parametrize("name", ["DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"])
def test_any_display_variable_is_enough(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    assert app.display_problem() is not None or not sys.platform.startswith("linux")
    monkeypatch.setenv(name, ":0" if name != "QT_QPA_PLATFORM" else "offscreen")
    assert app.display_problem() is None


def test_demo_if_empty_creates_a_demo_register_once_and_hands_its_passphrase_to_the_unlock_dialog(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DSAR_PASSPHRASE", raising=False)
    calls: list[tuple[Path, str | None, str | None]] = []
    monkeypatch.setattr(app, "workstation_file", lambda: tmp_path / "config" / "desktop.json")
    monkeypatch.setattr(
        app, "run_gui", lambda path, hint, language, config, backup=None: calls.append((path, hint, language)) or 0
    )
    path = tmp_path / "demo.dsar"
    assert app.main(["--register", str(path), "--demo-if-empty", "--language", "en"]) == 0
    (got_path, hint, language) = calls[0]
    assert got_path == path and language == "en" and hint
    out = capsys.readouterr().out
    assert f"demo register passphrase: {hint}" in out
    with register_service.unlock_register(path, hint) as register:
        assert register.query_one("SELECT count(*) FROM cases")[0] >= 100
    # The second start finds the register and shows no hint.
    assert app.main(["--register", str(path), "--demo-if-empty"]) == 0
    assert calls[1] == (path, None, None)


def test_the_demo_hint_is_shown_in_the_unlock_dialog(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("en")
    try:
        shell = Shell(
            ScriptedDialogs(), ImmediateRunner(), tmp_path / "none.dsar", hint="dune-iris-jade-houle-123"
        )
        qtbot.addWidget(shell.window)
        shell.start()
        dialog = shell.unlock_dialog
        assert dialog is not None and dialog.hint_label.isVisible()
        assert "Demo register passphrase" in dialog.hint_label.text()
        assert "dune-iris-jade-houle-123" in dialog.hint_label.text()
        assert dialog.wizard is None  # a hint means the register exists: no first-run wizard
    finally:
        i18n.set_language("fr")


def test_a_bad_option_is_refused_by_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        app.parse_args(["--language", "de"])
    assert stopped.value.code == 2


def test_sigterm_quits_through_the_clean_path(qtbot) -> None:  # type: ignore[no-untyped-def]
    import signal

    previous = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    called: list[bool] = []
    try:
        app._quit_on_signals(lambda: called.append(True))
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: called == [True], timeout=5000)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def test_the_last_register_opened_here_is_where_the_next_start_looks(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "config" / "desktop.json"
    default = tmp_path / "default.dsar"
    monkeypatch.setattr(register_service, "default_register_path", lambda: default)
    assert app.recall_last_register(config) is None
    assert app.start_path(None, config) == default
    elsewhere = tmp_path / "share" / "office.dsar"
    app.remember_last_register(config, elsewhere)
    assert app.recall_last_register(config) == elsewhere
    assert app.start_path(None, config) == default  # it no longer exists: back to the default
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(b"x")
    assert app.start_path(None, config) == elsewhere
    assert app.start_path(tmp_path / "given.dsar", config) == tmp_path / "given.dsar"
    config.write_text("not json")
    assert app.recall_last_register(config) is None
