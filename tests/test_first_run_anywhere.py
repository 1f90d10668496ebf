"""First run on a fresh account: no data folder at all, every command and the app create it (0700)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PASS = "correct horse battery staple"

APP_PROBE = """
import os
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from dsar_desktop import app
from dsar_desktop.ui.unlock import UnlockDialog

qapp = QApplication(sys.argv[:1])

def probe():
    for widget in qapp.topLevelWidgets():
        if isinstance(widget, UnlockDialog) and widget.isVisible():
            print("UNLOCK-WINDOW", widget.path_edit.text(), flush=True)
            print("HINT", widget.hint_label.isVisible(), widget.hint_label.text(), flush=True)
            print("WIZARD", widget.wizard is not None, flush=True)
            os._exit(0)  # what is checked here is the way in; quitting is tested elsewhere
            return
    QTimer.singleShot(50, probe)

QTimer.singleShot(0, probe)
sys.exit(app.main(["--demo-if-empty", "--language", "en"]))
"""


def _fresh_env(home: Path, **extra: str) -> dict[str, str]:
    """An account with nothing: HOME empty, no XDG variables pointing elsewhere."""
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "LANG": "C.UTF-8"}
    env.update(extra)
    return env


def _data_folder(home: Path) -> Path:
    return home / ".local" / "share" / "dsar-desktop"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG layout of the default folder")
def test_dsar_init_on_an_empty_home_creates_the_private_folder_then_the_register(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "dsar_desktop.cli", "init", "--label", "alice"],
        cwd=ROOT, env=_fresh_env(home, DSAR_PASSPHRASE=PASS), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "No such file" not in run.stderr
    folder = _data_folder(home)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert (folder / "register.dsar").is_file() and (folder / "register.dsar.keys").is_file()
    check = subprocess.run(
        [sys.executable, "-m", "dsar_desktop.cli", "verify"],
        cwd=ROOT, env=_fresh_env(home, DSAR_PASSPHRASE=PASS), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
    assert "Audit chain: ok" in check.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG layout of the default folder")
def test_any_command_on_an_empty_home_creates_the_folder_and_says_there_is_no_register(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "dsar_desktop.cli", "case", "list"],
        cwd=ROOT, env=_fresh_env(home, DSAR_PASSPHRASE=PASS), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 3, run.stderr
    assert "No register at" in run.stderr and "dsar init" in run.stderr
    assert stat.S_IMODE(_data_folder(home).stat().st_mode) == 0o700
    assert not (_data_folder(home) / "register.dsar").exists()  # nothing created over nothing


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG layout of the default folder")
def test_the_apps_first_start_on_an_empty_home_reaches_the_unlock_window_with_the_demo_register(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    run = subprocess.run(
        [sys.executable, "-c", APP_PROBE],
        cwd=ROOT, env=_fresh_env(home, QT_QPA_PLATFORM="offscreen"), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr and "No such file" not in run.stderr
    register = _data_folder(home) / "register.dsar"
    lines = dict(line.split(" ", 1) for line in run.stdout.splitlines() if " " in line)
    assert lines["UNLOCK-WINDOW"] == str(register)
    assert lines["HINT"].startswith("True Demo register passphrase:")
    assert lines["WIZARD"] == "False"  # the register exists: no first-run wizard over it
    assert register.is_file() and stat.S_IMODE(register.parent.stat().st_mode) == 0o700
    passphrase = next(
        line.rsplit(": ", 1)[1] for line in run.stdout.splitlines() if "demo register passphrase" in line
    )
    assert passphrase in lines["HINT"]
    check = subprocess.run(
        [sys.executable, "-m", "dsar_desktop.cli", "case", "list", "--json"],
        cwd=ROOT, env=_fresh_env(home, DSAR_PASSPHRASE=passphrase), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
    assert check.stdout.count('"ref"') >= 100
