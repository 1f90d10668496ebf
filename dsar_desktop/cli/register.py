"""`dsar init|slot|verify|backup|restore|version`: the register itself."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from ..domain.errors import InvalidInput
from ..services import anchoring
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
    s = slot_sub.add_parser("remove", parents=[parent], help="remove a slot (the register is then re-keyed)")
    s.add_argument("label")
    s.add_argument("--yes", action="store_true", help="confirm the removal of the recovery key")
    s.set_defaults(handler=cmd_slot_remove)
    s = slot_sub.add_parser("list", parents=[parent], help="list slots (no passphrase needed)")
    s.set_defaults(handler=cmd_slot_list)
    s = slot_sub.add_parser("recovery", parents=[parent], help="replace the recovery key (shown once)")
    s.set_defaults(handler=cmd_slot_recovery)

    p = subparsers.add_parser(
        "verify", parents=[parent], help="check encryption integrity, the audit chain and its anchor"
    )
    p.add_argument("--pack", type=Path, help="also check that the audit head sealed in this pack is in the chain")
    p.add_argument("--pack-password-file", type=Path, help="password of an encrypted pack (or DSAR_PACK_PASSWORD)")
    p.add_argument("--checkpoint", type=Path, help="also check the chain against a sealed audit checkpoint")
    p.set_defaults(handler=cmd_verify)

    p = subparsers.add_parser(
        "rekey", parents=[parent], help="re-encrypt the register under a fresh key; every slot is re-wrapped"
    )
    p.set_defaults(handler=cmd_rekey)

    p = subparsers.add_parser("scan-keys", parents=[parent], help="the file of the keys scans are sealed under")
    sub = p.add_subparsers(dest="scan_keys_command", metavar="declare-lost")
    sub.required = True
    s = sub.add_parser(
        "declare-lost",
        parents=[parent],
        help="the scan-key file is lost for good: its scans are unreadable everywhere; start a new file",
    )
    s.add_argument("--yes", action="store_true", help="confirm: the keys, and the scans they sealed, are gone")
    s.set_defaults(handler=cmd_scan_keys_lost)

    p = subparsers.add_parser("audit", parents=[parent], help="sealed audit checkpoints")
    audit_sub = p.add_subparsers(dest="audit_command", metavar="checkpoint")
    audit_sub.required = True
    s = audit_sub.add_parser(
        "checkpoint", parents=[parent], help="write a sealed PDF of the audit chain's length and head hash"
    )
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--language", choices=("fr", "en"), default="fr")
    s.set_defaults(handler=cmd_audit_checkpoint)

    p = subparsers.add_parser("backup", parents=[parent], help="write an encrypted backup")
    p.add_argument("--out", type=Path, required=True, help="a new file (never the register or its key file)")
    p.add_argument("--force", action="store_true", help="replace an existing backup file")
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
    reg_service.remove_slot(register, args.label, confirmed=args.yes)
    ctx.emit(
        {"removed": args.label, "rekeyed": True},
        f"Slot removed: {args.label}\nThe register was re-keyed: copies of the key file made before this "
        "open nothing any more (older backups still open with the passphrases they held).",
    )
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
    register = ctx.open_register(check_anchor=False)
    report = reg_service.verify(register)
    witnesses = []
    if args.pack is not None:
        from .common import read_secret_file

        pw_file = args.pack_password_file
        password = read_secret_file(pw_file) if pw_file else os.environ.get("DSAR_PACK_PASSWORD")
        witnesses.append(anchoring.check_pack(register, args.pack, password))
    if args.checkpoint is not None:
        witnesses.append(anchoring.check_checkpoint(register, args.checkpoint))
    integrity = "ok" if report.integrity_ok else "DAMAGED: " + "; ".join(report.integrity_messages)
    chain = f"ok ({report.audit_entries} entries)" if report.audit_ok else f"BROKEN: {report.audit_problem}"
    anchor = report.anchor
    if anchor is None or anchor.state == "not_yet_anchored":
        anchor_text = "none yet (written at the next change)"
    elif anchor.ok:
        behind = " (one commit behind: the last change was interrupted, normal)" if anchor.state != "ok" else ""
        anchor_text = f"ok ({anchor.anchored.count if anchor.anchored else 0} entries, written {anchor.anchored_at} UTC){behind}"
    else:
        anchor_text = f"FAILED: {anchor.en}"
    ctx.emit(
        {
            "scan_keys": report.scan_keys.to_json() if report.scan_keys else None,
            "anchor": anchor.to_json() if anchor else None,
            "ok": report.ok,
            "integrity_ok": report.integrity_ok,
            "integrity_messages": report.integrity_messages,
            "audit_ok": report.audit_ok,
            "audit_entries": report.audit_entries,
            "first_bad_entry": report.first_bad_entry,
            "audit_problem": report.audit_problem,
            "schema_version": report.schema_version,
            "witnesses": [w.to_json() for w in witnesses],
        },
        f"Encryption and structure: {integrity}\nAudit chain: {chain}\nAudit anchor: {anchor_text}\n"
        f"Schema version: {report.schema_version}\nScan keys: {_scan_keys_text(report.scan_keys)}"
        + "".join(f"\n{w.kind.capitalize()}: {'ok' if w.ok else 'FAILED'}: {w.en}" for w in witnesses),
    )
    return 0 if report.ok and all(w.ok for w in witnesses) else 6


def _scan_keys_text(census: Any) -> str:
    if census is None:
        return "not checked"
    failure = census.failure("en")
    if failure:
        return f"FAILED: {failure}"
    parts = [f"{census.readable} of {census.sealed} sealed scans and e-mail files readable"]
    if census.shredded:
        parts.append(f"{census.shredded} destroyed after this copy was made (keys shredded, as intended)")
    if census.missing:
        parts.append(f"{census.missing} without a key (the scan-key file was declared lost on {census.lost_on})")
    if census.plain:
        parts.append(f"{census.plain} of an earlier version, sealed at the next unlock")
    return "; ".join(parts) + f" ({census.path})"


def cmd_scan_keys_lost(args: argparse.Namespace, ctx: Context) -> int:
    from ..services import shredding  # noqa: PLC0415 - only this command needs it

    if not args.yes:
        raise InvalidInput(
            "Declaring the scan-key file lost makes every scan and e-mail file it sealed unreadable for good, in "
            "this register and in every backup. Look for the file first (it sits beside the register); add --yes "
            "to confirm.",
            "Déclarer perdu le fichier de clés de scans rend illisibles pour de bon tous les scans et fichiers de "
            "courriel qu'il scellait, dans ce registre et dans toutes les sauvegardes. Cherchez d'abord ce fichier "
            "(il se trouve à côté du registre) ; ajoutez --yes pour confirmer.",
        )
    day = shredding.declare_lost(ctx.open_register())
    ctx.emit({"declared_lost_on": day}, f"Scan-key file declared lost on {day}; a new one starts with the next scan.")
    return 0


def cmd_rekey(args: argparse.Namespace, ctx: Context) -> int:
    reg_service.rekey(ctx.open_register())
    ctx.emit(
        {"rekeyed": True},
        "The register was re-keyed: every slot still opens it; copies of the key file made before open nothing.",
    )
    return 0


def cmd_audit_checkpoint(args: argparse.Namespace, ctx: Context) -> int:
    out, head = anchoring.make_checkpoint(ctx.open_register(), args.out, args.language)
    ctx.emit(
        {"checkpoint": str(out), "count": head.count, "head": head.hash},
        f"Audit checkpoint written: {out}\nEntries: {head.count}\nHead: {head.hash}\n"
        f"Check the register against it later with: dsar verify --checkpoint {out}",
    )
    return 0


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    out = reg_service.backup_register(ctx.open_register(), args.out, force=args.force)
    ctx.emit({"backup": str(out)}, f"Backup written: {out}")
    return 0


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    manifest = reg_service.restore_register(args.file, args.to)
    text = f"Restored to {args.to} (backup of {manifest.get('created_utc')}). Check it with: dsar --register {args.to} verify"
    if manifest["scan_keys"] is None:
        text += (
            f"\nNo scan-key file of this register in {Path(args.to).parent}: scans not yet decided, and the original"
            " files of e-mails, cannot be shown there (keys are never in backups). Restore into the register's own"
            " folder, or move (do not copy) its scan-keys-*.dsarkeys file beside the restored register."
        )
    ctx.emit(
        {"restored": str(args.to), "created_utc": manifest.get("created_utc"), "scan_keys": manifest["scan_keys"]},
        text,
    )
    return 0
