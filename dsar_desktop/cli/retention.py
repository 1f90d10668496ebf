"""`dsar case purge`: the preview of the closed cases due for purge, and the confirmed purge of that list."""

from __future__ import annotations

import argparse
from typing import Any

from ..domain.errors import InvalidInput
from .common import Context


def add_purge_command(case_sub: Any, parent: argparse.ArgumentParser) -> None:
    s = case_sub.add_parser(
        "purge",
        parents=[parent],
        help="closed cases past the retention period: --preview, then --confirm",
        description="--preview lists the closed cases past the register's retention period and changes "
        "nothing; --confirm --token TOKEN purges exactly that list (or --confirm --ref REF ... those cases "
        "of it), each leaving a tombstone in the audit log.",
    )
    mode = s.add_mutually_exclusive_group(required=True)
    mode.add_argument("--preview", action="store_true", help="list what is due; change nothing")
    mode.add_argument("--confirm", action="store_true", help="purge the previewed list")
    s.add_argument("--token", help="the preview's token: purge its whole list")
    s.add_argument("--ref", action="append", help="a reference of the preview to purge (repeat)")
    s.set_defaults(handler=cmd_purge)


def cmd_purge(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import retention  # noqa: PLC0415 - only this command needs it

    reg = ctx.open_register()
    if args.preview:
        if args.token or args.ref:
            raise InvalidInput(
                "--token and --ref go with --confirm, not --preview.",
                "--token et --ref vont avec --confirm, pas avec --preview.",
            )
        shown = retention.preview(reg)
        lines = [
            f"{len(shown.cases)} closed case(s) past the retention period ({shown.retention_years} years):"
        ]
        lines += [
            f"  {c.ref}  closed {c.closed}  due for purge {c.purge_due}  {','.join(c.rights)}  {c.outcome}"
            for c in shown.cases
        ]
        if shown.cases:
            lines.append(f"To purge exactly these: dsar case purge --confirm --token {shown.token}")
        lines.append(retention.PACKS_OUTSIDE[0])
        ctx.emit(shown.as_dict(), "\n".join(lines))
        return 0
    done = retention.purge(reg, token=args.token, refs=args.ref)
    text = f"Purged {len(done.purged)} case(s): {', '.join(done.purged) or '-'}\n{retention.PACKS_OUTSIDE[0]}"
    ctx.emit(done.as_dict(), text)
    return 0
