"""The `dsar` command: the same services as the app, for scripts and the terminal."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..domain.errors import DsarError, describe
from .common import Context, common_parent

# Each module has add_commands(subparsers, common_parent).
COMMAND_MODULES = ("register", "deadline", "cases", "documents", "identity", "extracts", "statistics", "mail")


def build_parser() -> argparse.ArgumentParser:
    parent = common_parent()
    parser = argparse.ArgumentParser(
        prog="dsar",
        parents=[parent],
        description="DSAR Desktop on the command line. Passphrase: --passphrase-file FILE or DSAR_PASSPHRASE "
        "(the automation path), else a prompt.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        module.add_commands(subparsers, parent)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(args)
    language = "fr" if os.environ.get("LANG", "").startswith("fr") else "en"
    try:
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
