"""The `dsar` command: the same services as the app, for scripts and the terminal.

Start-up is kept short: a command's module (and the heavy libraries it needs: pyHanko, reportlab,
polars, openpyxl, PIL) is imported only when that command runs. The table below names every command
and the function that loads its module with a plain `from . import` (PyInstaller follows those; it
cannot follow a module imported by a computed name). Only `dsar --help` or an unknown command builds the whole parser.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

from .. import __version__
from ..domain.errors import DsarError, describe
from .common import Context, common_parent


def _register() -> ModuleType:
    from . import register

    return register


def _version() -> ModuleType:
    from . import version

    return version


def _deadline() -> ModuleType:
    from . import deadline

    return deadline


def _cases() -> ModuleType:
    from . import cases

    return cases


def _documents() -> ModuleType:
    from . import documents

    return documents


def _identity() -> ModuleType:
    from . import identity

    return identity


def _extracts() -> ModuleType:
    from . import extracts

    return extracts


def _mail() -> ModuleType:
    from . import mail

    return mail


def _statistics() -> ModuleType:
    from . import statistics

    return statistics


def _record() -> ModuleType:
    from . import record

    return record


# Each loader returns a module with add_commands(subparsers, common_parent); the order is the help's.
LOADERS: tuple[Callable[[], ModuleType], ...] = (
    _register, _version, _deadline, _cases, _documents, _identity, _extracts, _statistics, _mail, _record,
)  # fmt: skip

# Top-level command -> the loader of the module that defines it.
COMMANDS: dict[str, Callable[[], ModuleType]] = {
    "init": _register,
    "slot": _register,
    "verify": _register,
    "audit": _register,
    "rekey": _register,
    "scan-keys": _register,
    "backup": _register,
    "restore": _register,
    "version": _version,
    "deadline": _deadline,
    "case": _cases,
    "demo": _cases,
    "pack": _documents,
    "letter": _documents,
    "calibration": _documents,
    "cert": _documents,
    "recipients": _documents,
    "id": _identity,
    "extracts": _extracts,
    "catalogue": _extracts,
    "stats": _statistics,
    "mail": _mail,
    "record": _record,
}


# Commands that never touch a register: no data folder is created for them, and its services stay unloaded.
NO_REGISTER = frozenset({"version", "deadline"})


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of one command (its module alone is imported), or of all when `command` is None."""
    parent = common_parent()
    parser = argparse.ArgumentParser(
        prog="dsar",
        parents=[parent],
        description="DSAR Desktop on the command line. Passphrase: --passphrase-file FILE or DSAR_PASSPHRASE "
        "(the automation path), else a prompt.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    loaders = (COMMANDS[command],) if command in COMMANDS else LOADERS
    for load in loaders:
        load().add_commands(subparsers, parent)
    return parser


def _command_of(argv: Sequence[str]) -> str | None:
    """The command word, found past the global options (`dsar --register R case list` -> 'case')."""
    probe = argparse.ArgumentParser(add_help=False, parents=[common_parent()])
    probe.add_argument("command", nargs="?")
    try:
        known, _ = probe.parse_known_args(list(argv))
    except SystemExit:  # a malformed global option: the full parser says what is wrong
        return None
    return known.command


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_of(argv))
    args = parser.parse_args(argv)
    ctx = Context(args)
    language = "fr" if os.environ.get("LANG", "").startswith("fr") else "en"
    try:
        if args.command not in NO_REGISTER:
            ctx.prepare()
        result = args.handler(args, ctx)
        return int(result or 0)
    except DsarError as exc:
        print(f"dsar: {exc.describe(language)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("dsar: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`dsar case list | head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(f"dsar: {describe(exc, language)}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - a user never sees a traceback
        if os.environ.get("DSAR_DEBUG"):
            raise
        print(f"dsar: unexpected error ({type(exc).__name__}); set DSAR_DEBUG=1 for details", file=sys.stderr)
        return 1
    finally:
        ctx.close()


def version_string() -> str:
    return f"dsar {__version__}"


if __name__ == "__main__":
    sys.exit(main())
