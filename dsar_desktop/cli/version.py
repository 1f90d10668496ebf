"""`dsar version`: kept apart from the register commands so that it imports nothing heavy."""

from __future__ import annotations

import argparse
from typing import Any

from .. import __version__
from .common import Context


def add_commands(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("version", parents=[parent], help="print the version")
    p.set_defaults(handler=cmd_version)


def cmd_version(args: argparse.Namespace, ctx: Context) -> int:
    ctx.emit({"version": __version__}, f"dsar {__version__}")
    return 0
