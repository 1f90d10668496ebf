"""`dsar init|slot|verify|backup|restore|version`: the register itself."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..services import register as reg_service
from .common import Context


def add_commands(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("init", parents=[parent], help="create a new register")
    p.add_argument("--label", help="label of the first key slot (default: --slot or your login name)")
    p.set_defaults(handler=cmd_init)

    p = subparsers.add_parser("slot", parents=[parent], help="manage key slots")
    slot_sub = p.add_subparsers(dest="slot_command", metavar="add|change|remove|list|recovery")
    slot_sub.required = True
    s = slot_sub.add_parser("add", parents=[parent], help="add a passphrase slot")
    s.add_argument("label")
    s.add_argument(
        "--new-passphrase-file", type=Path, help="the new slot's passphrase (or DSAR_NEW_PASSPHRASE)"
    )
    s.set_defaults(handler=cmd_slot_add)
    s = slot_sub.add_parser("change", parents=[parent], help="change a slot's passphrase")
    s.add_argument("label")
    s.add_argument("--new-passphrase-file", type=Path, help="the new passphrase (or DSAR_NEW_PASSPHRASE)")
    s.set_defaults(handler=cmd_slot_change)
    s = slot_sub.add_parser("remove", parents=[parent], help="remove a slot")
    s.add_argument("label")
    s.set_defaults(handler=cmd_slot_remove)
    s = slot_sub.add_parser("list", parents=[parent], help="list slots (no passphrase needed)")
    s.set_defaults(handler=cmd_slot_list)
    s = slot_sub.add_parser("recovery", parents=[parent], help="replace the recovery key (shown once)")
    s.set_defaults(handler=cmd_slot_recovery)

    p = subparsers.add_parser(
        "verify", parents=[parent], help="check encryption integrity and the audit chain"
    )
    p.set_defaults(handler=cmd_verify)

    p = subparsers.add_parser("backup", parents=[parent], help="write an encrypted backup")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(handler=cmd_backup)

    p = subparsers.add_parser("restore", parents=[parent], help="restore a backup to a new path")
    p.add_argument("file", type=Path)
    p.add_argument("--to", type=Path, required=True, dest="to")
    p.set_defaults(handler=cmd_restore)


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    label = args.label or ctx.actor()
    created = reg_service.create_register(ctx.register_path, label, ctx.passphrase("New passphrase: "))
    ctx.adopt(created.register)
    ctx.emit(
        {"register": str(ctx.register_path), "slot": label, "recovery_key": created.recovery_key},
        f"Register created: {ctx.register_path}\nKey slot: {label}\n"
        f"Recovery key (write it down now; it is shown only once):\n  {created.recovery_key}",
    )
    return 0


def cmd_slot_add(args: argparse.Namespace, ctx: Context) -> int:
    register = ctx.open_register()
    reg_service.add_slot(register, args.label, ctx.new_passphrase(args.new_passphrase_file))
    ctx.emit({"added": args.label}, f"Slot added: {args.label}")
    return 0


def cmd_slot_change(args: argparse.Namespace, ctx: Context) -> int:
    register = ctx.open_register()
    reg_service.change_slot(register, args.label, ctx.new_passphrase(args.new_passphrase_file))
    ctx.emit({"changed": args.label}, f"Passphrase changed for slot {args.label}")
    return 0


def cmd_slot_remove(args: argparse.Namespace, ctx: Context) -> int:
    register = ctx.open_register()
    reg_service.remove_slot(register, args.label)
    ctx.emit({"removed": args.label}, f"Slot removed: {args.label}")
    return 0


def cmd_slot_list(args: argparse.Namespace, ctx: Context) -> int:
    slots = reg_service.list_slots(ctx.register_path)
    ctx.emit(slots, "\n".join(f"{s['label']:<20} {s['kind']:<11} {s['created']}" for s in slots))
    return 0


def cmd_slot_recovery(args: argparse.Namespace, ctx: Context) -> int:
    key = reg_service.new_recovery(ctx.open_register())
    ctx.emit(
        {"recovery_key": key}, f"New recovery key (write it down; the old one no longer works):\n  {key}"
    )
    return 0


def cmd_verify(args: argparse.Namespace, ctx: Context) -> int:
    report = reg_service.verify(ctx.open_register())
    integrity = "ok" if report.integrity_ok else "DAMAGED: " + "; ".join(report.integrity_messages)
    chain = f"ok ({report.audit_entries} entries)" if report.audit_ok else f"BROKEN: {report.audit_problem}"
    ctx.emit(
        {
            "ok": report.ok,
            "integrity_ok": report.integrity_ok,
            "integrity_messages": report.integrity_messages,
            "audit_ok": report.audit_ok,
            "audit_entries": report.audit_entries,
            "first_bad_entry": report.first_bad_entry,
            "audit_problem": report.audit_problem,
            "schema_version": report.schema_version,
        },
        f"Encryption and structure: {integrity}\nAudit chain: {chain}\nSchema version: {report.schema_version}",
    )
    return 0 if report.ok else 6


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    out = reg_service.backup_register(ctx.open_register(), args.out)
    ctx.emit({"backup": str(out)}, f"Backup written: {out}")
    return 0


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    manifest = reg_service.restore_register(args.file, args.to)
    ctx.emit(
        {"restored": str(args.to), "created_utc": manifest.get("created_utc")},
        f"Restored to {args.to} (backup of {manifest.get('created_utc')}). Check it with: dsar --register {args.to} verify",
    )
    return 0

