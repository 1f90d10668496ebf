"""The desktop application's entry point (`dsar-desktop`): options, display check, demo register, then the Qt shell."""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .domain.errors import describe
from .paths import ICON

DEMO_WORDS = (
    "amande",
    "bruine",
    "cerise",
    "dune",
    "ecluse",
    "falaise",
    "givre",
    "houle",
    "iris",
    "jade",
    "lande",
)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="dsar-desktop", description="DSAR Desktop: the DPO office's register."
    )
    parser.add_argument(
        "file", nargs="?", type=Path, help="a register (.dsar) to open, or a backup (.dsarbak) to restore"
    )
    parser.add_argument("--register", type=Path, help="register file (default: the user data folder)")
    parser.add_argument(
        "--demo-if-empty",
        action="store_true",
        help="when no register exists there, create a demo register and show its passphrase",
    )
    parser.add_argument(
        "--language", choices=("fr", "en"), help="interface language (default: the register's)"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="create a temporary register, add a case, build, print (to a file) and verify a pack, then exit",
    )
    parser.add_argument("--version", action="version", version=f"dsar-desktop {__version__}")
    return parser.parse_args(argv)


def display_problem() -> str | None:
    """A sentence when Qt would abort for want of a display (Linux and BSD only), else None."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return None
    return (
        "dsar-desktop: no display found (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are all unset); "
        "start it from a desktop session, or use the 'dsar' command on a server."
    )


def new_demo_passphrase() -> str:
    rng = secrets.SystemRandom()
    return "-".join(rng.choice(DEMO_WORDS) for _ in range(4)) + f"-{rng.randrange(100, 1000)}"


def ensure_demo_register(path: Path) -> str | None:
    """Create a demo register at `path` when none is there; return its passphrase (None if one existed)."""
    from .security.keyslots import sidecar_path
    from .services import demo
    from .services.register import default_actor

    if path.exists() or sidecar_path(path).exists():
        return None
    passphrase = os.environ.get("DSAR_PASSPHRASE") or new_demo_passphrase()
    print(f"dsar-desktop: creating a demo register of synthetic cases at {path} …", flush=True)
    result = demo.create_demo_register(path, default_actor(), passphrase)
    result.register.close()
    print(f"dsar-desktop: demo register passphrase: {passphrase}", flush=True)
    print(f"dsar-desktop: demo register recovery key: {result.recovery_key}", flush=True)
    return passphrase


def workstation_file() -> Path:
    """This workstation's own preferences (not the register's): only the last register opened."""
    import platformdirs

    return Path(platformdirs.user_config_dir("dsar-desktop", "dsar")) / "desktop.json"


def recall_last_register(config: Path) -> Path | None:
    try:
        value = json.loads(config.read_text(encoding="utf-8")).get("last_register")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(value) if isinstance(value, str) and value else None


def remember_last_register(config: Path, register_path: Path) -> None:
    from .fileio import atomic_write

    try:
        config.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(config, json.dumps({"last_register": str(register_path)}).encode("utf-8"))
    except OSError:
        pass  # a preference, not worth an error


def start_path(given: Path | None, config: Path) -> Path:
    """--register, else the last register opened here if it still exists, else the default location."""
    from .services.register import default_register_path

    if given is not None:
        return Path(given).expanduser()
    last = recall_last_register(config)
    return last if last is not None and last.is_file() else default_register_path()


def self_test() -> int:
    """One line and exit code 0 when the installation works; one line naming the failure otherwise."""
    import tempfile

    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display needed: CI and IT check this on servers
    try:
        from .selftest import run_self_test

        with tempfile.TemporaryDirectory(prefix="dsar-self-test-") as folder:
            result = run_self_test(Path(folder))
            pages = _print_to_file(result.pages_pdf, Path(folder) / "printed.pdf")
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        print(f"dsar-desktop self-test: FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        _log_self_test(f"dsar-desktop self-test: FAILED: {type(exc).__name__}")
        return 1
    line = (
        f"dsar-desktop self-test: ok (version {__version__}; case {result.case_ref}; pack of "
        f"{result.pack_bytes} bytes sealed and verified; {pages} page(s) printed through Qt; "
        f"{result.seconds:.1f} s)"
    )
    print(line, flush=True)
    _log_self_test(line)
    return 0


def _log_self_test(line: str) -> None:
    """Also in the log file: a Windows bundle has no console to print to."""
    from . import logs

    try:
        logs.setup_logging()
        logs.log.info("%s", line)
        logs.stop_logging()
    except OSError:
        pass


def _print_to_file(pdf: bytes, out: Path) -> int:
    """The print path of the app (pdfium pages into a QPrinter), with Qt's PDF writer as the printer."""
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from .documents.printing import page_count
    from .ui.printing import QtPrinter

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(150)
    QtPrinter(printer).print_pdf(pdf, "DSAR self-test")
    printed, expected = page_count(out.read_bytes()), page_count(pdf)
    if printed != expected:
        raise RuntimeError(f"the printer received {printed} page(s) of {expected}")
    return printed


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.self_test:
        return self_test()
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2

    config = workstation_file()
    backup = None
    if args.file is not None and args.file.suffix.lower() == ".dsarbak":
        backup = args.file
    elif args.file is not None and args.register is None:
        args.register = args.file
    path = start_path(args.register, config)
    hint = None
    try:
        if args.register is None:
            from .services.register import prepare_default_folder

            prepare_default_folder(path)
        if args.demo_if_empty:
            hint = ensure_demo_register(path)
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        print(f"dsar-desktop: {describe(exc, args.language or 'en')}", file=sys.stderr)
        return 1
    return run_gui(path, hint, args.language, config, backup)


def run_gui(
    path: Path,
    hint: str | None,
    forced_language: str | None,
    config: Path | None = None,
    backup: Path | None = None,
) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from . import logs
    from .ui import accessibility, crash, style
    from .ui.dialogs import Dialogs
    from .ui.i18n import set_language
    from .ui.shell import Shell
    from .ui.workers import Runner

    try:
        logs.setup_logging()
    except OSError:
        pass  # a read-only profile still runs the app; reports then go to the console
    app = QApplication.instance() or QApplication(sys.argv[:1])
    crash.install(app)
    from .ui.guide import install_help_key

    install_help_key(app)
    app.setApplicationName("DSAR Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("dsar")
    app.setQuitOnLastWindowClosed(False)
    style.apply(app)
    accessibility.install(app)
    set_language(forced_language or "fr")
    if ICON.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(ICON)))
    if backup is not None:
        from .ui.restore import restore_backup

        path = restore_backup(Dialogs(), backup) or path
    shell = Shell(Dialogs(), Runner(), path, hint=hint, forced_language=forced_language, screens_later=True)
    shell.finished.connect(app.quit)
    if config is not None:
        shell.unlocked.connect(lambda register: remember_last_register(config, register.path))
    app.aboutToQuit.connect(shell.shutdown)
    _quit_on_signals(shell.quit)
    shell.start()
    app.processEvents()  # the unlock window is drawn now, not after the screens are imported
    # The unlock window shows first; the screens (and reportlab, pyHanko, polars behind them) are imported
    # in the first turn of the event loop, before any click can reach the unlock button.
    QTimer.singleShot(0, lambda: install_screens(shell))
    return int(app.exec())


def install_screens(shell: Any) -> None:
    from .ui.pages import standard_screens

    screens = standard_screens()
    shell.window.install_screens(
        screens.pages, screens.case_file_factory, screens.intake_factory, screens.startup_notice, screens.menus
    )


def _quit_on_signals(quit_cleanly: Callable[[], None]) -> None:
    """SIGTERM (session logout, shutdown) and Ctrl+C quit like the Quit menu: back up, then close the register."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def handler(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, quit_cleanly)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, handler)
    # Python runs signal handlers only between bytecodes: a slow no-op timer lets it in while Qt waits.
    heartbeat = QTimer(QApplication.instance())
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(250)


if __name__ == "__main__":
    raise SystemExit(main())
