"""Keeping the audit chain's anchor in the key file, and judging the chain against it, a pack or a checkpoint."""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.errors import DsarError
from ..security import anchor as anchors
from ..security.anchor import Head
from ..security.keyslots import KeyFile, sidecar_path
from ..store.connection import Register
from ..store.errors import AnchorMismatch

ANCHORED_META = "anchored"


def chain_head(conn: Any) -> Head:
    """The last entry of the chain (its sequence number is the count when the chain is whole)."""
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return Head(int(row[0]), str(row[1])) if row else anchors.GENESIS_HEAD


def hash_at(conn: Any, seq: int) -> str | None:
    if seq == 0:
        return anchors.GENESIS_HEAD.hash
    row = conn.execute("SELECT hash FROM audit WHERE seq = ?", (seq,)).fetchone()
    return str(row[0]) if row else None


def _was_anchored(conn: Any) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (ANCHORED_META,)).fetchone()
    return bool(row and row[0] == "1")


@dataclass(frozen=True)
class AnchorCheck:
    """How the database's chain stands against the anchor in its key file."""

    ok: bool
    state: str  # ok | one_commit_behind | not_yet_anchored | older | rewritten | keyfile_older | forged | lost
    database: Head
    anchored: Head | None
    anchored_at: str | None
    en: str
    fr: str

    def error(self) -> AnchorMismatch:
        return AnchorMismatch(detail_en=self.en, detail_fr=self.fr)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "state": self.state,
            "database": self.database.to_json(),
            "anchor": self.anchored.to_json() if self.anchored else None,
            "anchored_at": self.anchored_at,
            "problem": None if self.ok else self.en,
        }


def check(register: Register, keyfile: KeyFile) -> AnchorCheck:
    """Compare the chain's head with the key file's anchor. Never writes."""
    db = chain_head(register.conn)
    if keyfile.anchor is None:
        if _was_anchored(register.conn):
            en = (
                "The key file has lost the audit anchor this register had: it was replaced by an old copy or "
                "edited, so a rollback of the register could go unseen. Put back the current key file."
            )
            fr = (
                "Le fichier de clés a perdu l'ancre d'audit que ce registre avait : il a été remplacé par une "
                "ancienne copie ou modifié, si bien qu'un retour en arrière du registre passerait inaperçu. "
                "Remettez le fichier de clés actuel."
            )
            return AnchorCheck(False, "lost", db, None, None, en, fr)
        return AnchorCheck(True, "not_yet_anchored", db, None, None, "", "")
    try:
        anchor = anchors.from_json(keyfile.register_id, keyfile.anchor)
    except anchors.AnchorUnreadable:
        anchor = None
    if anchor is None or not anchors.authentic(anchor, register.raw_key):
        en = (
            "The audit anchor in the key file is not authentic (it was edited or copied from another register): "
            "the history cannot be vouched for. Run 'dsar verify' against a pack or a checkpoint."
        )
        fr = (
            "L'ancre d'audit du fichier de clés n'est pas authentique (modifiée, ou copiée d'un autre registre) : "
            "l'historique ne peut pas être garanti. Lancez « dsar verify » avec un dossier ou un point de contrôle."
        )
        return AnchorCheck(False, "forged", db, None, None, en, fr)
    facts = {"n": db.count, "m": anchor.head.count, "at": anchor.at_utc}
    if db == anchor.head:
        return AnchorCheck(True, "ok", db, anchor.head, anchor.at_utc, "", "")
    if db == anchor.previous:
        return AnchorCheck(True, "one_commit_behind", db, anchor.head, anchor.at_utc, "", "")
    if db.count < anchor.head.count:
        en = (
            "The register is older than its anchor: it holds {n} audit entries, but its anchor (key file, "
            "written {at} UTC) records {m}. An older copy of the register file was put back, or its last "
            "entries were deleted. Restore the newest backup; do not keep working on this file."
        ).format(**facts)
        fr = (
            "Le registre est plus ancien que son ancre : il contient {n} entrées d'audit, mais son ancre "
            "(fichier de clés, écrite le {at} UTC) en enregistre {m}. Une ancienne copie du fichier du registre "
            "a été remise, ou ses dernières entrées ont été supprimées. Restaurez la sauvegarde la plus récente ; "
            "ne continuez pas à travailler sur ce fichier."
        ).format(**facts)
        return AnchorCheck(False, "older", db, anchor.head, anchor.at_utc, en, fr)
    if hash_at(register.conn, anchor.head.count) != anchor.head.hash:
        en = (
            "The audit history was rewritten: entry {m} no longer has the hash its anchor (written {at} UTC) "
            "records. Restore the newest backup and compare."
        ).format(**facts)
        fr = (
            "L'historique d'audit a été réécrit : l'entrée {m} n'a plus l'empreinte que son ancre (écrite le "
            "{at} UTC) enregistre. Restaurez la sauvegarde la plus récente et comparez."
        ).format(**facts)
        return AnchorCheck(False, "rewritten", db, anchor.head, anchor.at_utc, en, fr)
    en = (
        "The key file is older than the register: its anchor (written {at} UTC) records {m} audit entries, "
        "the register holds {n}. An older copy of the key file was put back; put back the current one."
    ).format(**facts)
    fr = (
        "Le fichier de clés est plus ancien que le registre : son ancre (écrite le {at} UTC) enregistre {m} "
        "entrées d'audit, le registre en contient {n}. Une ancienne copie du fichier de clés a été remise ; "
        "remettez le fichier actuel."
    ).format(**facts)
    return AnchorCheck(False, "keyfile_older", db, anchor.head, anchor.at_utc, en, fr)


def write(register: Register, register_id: str, head: Head, previous: Head) -> None:
    keys_path = sidecar_path(register.path)
    keyfile = KeyFile.load(keys_path)
    keyfile.anchor = anchors.make(register.raw_key, register_id, head, previous).to_json()
    keyfile.save(keys_path)


_STATES: weakref.WeakKeyDictionary[Register, dict[str, Any]] = weakref.WeakKeyDictionary()


def _anchored_head(keyfile: KeyFile) -> Head | None:
    try:
        return anchors.from_json(keyfile.register_id, keyfile.anchor).head if keyfile.anchor else None
    except anchors.AnchorUnreadable:
        return None


def install(register: Register, register_id: str | None = None) -> None:
    """Keep the anchor current: before each commit that moved the head, write it (with the anchored head
    as the previous one). Every connection that writes gets it: BEGIN IMMEDIATE serialises them."""
    if register_id is None:
        row = register.query_one("SELECT value FROM meta WHERE key = 'register_id'")
        register_id = str(row[0]) if row else ""
    state: dict[str, Any] = {"batch": False, "register_id": register_id}
    _STATES[register] = state
    keys_path = sidecar_path(register.path)

    def before_commit(conn: Any) -> Callable[[], None] | None:
        if state["batch"]:
            return None
        head = chain_head(conn)
        keyfile = KeyFile.load(keys_path)
        current = _anchored_head(keyfile)
        if head == current:
            return None
        if not _was_anchored(conn):
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, '1')", (ANCHORED_META,))
        keyfile.anchor = anchors.make(register.raw_key, str(register_id), head, current or head).to_json()
        keyfile.save(keys_path)
        return None

    register.before_commit.append(before_commit)


def is_installed(register: Register) -> bool:
    return register in _STATES


@contextlib.contextmanager
def batch(register: Register) -> Iterator[None]:
    """Many commits, one anchor write at the end (filling a demo register: ~1000 commits).

    A crash inside the batch leaves the anchor behind the database, which the next
    open reports: only for bulk work that can simply be redone.
    """
    state = _STATES.get(register)
    if state is None:
        yield
        return
    state["batch"] = True
    try:
        yield
    finally:
        state["batch"] = False
        head = chain_head(register.conn)
        current = _anchored_head(KeyFile.load(sidecar_path(register.path)))
        if head != current:
            write(register, state["register_id"], head, current or head)


def establish(register: Register, register_id: str) -> None:
    """First anchor of a register made before anchors existed (trust on first use), recorded in the database."""
    head = chain_head(register.conn)
    write(register, register_id, head, head)
    with register.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, '1')", (ANCHORED_META,))


def keys_path_of(register: Register) -> Path:
    return sidecar_path(register.path)


# ---- witnesses held outside the register: packs and sealed checkpoints ---------------------
MAX_WITNESS_BYTES = 200 * 1024 * 1024


class WitnessUnreadable(DsarError):
    code = "witness_unreadable"
    en = "Cannot read {path}: {reason}."
    fr = "Impossible de lire {path} : {reason}."
    exit_code = 3


@dataclass(frozen=True)
class WitnessCheck:
    """Whether the chain still holds the head that a pack or a checkpoint recorded."""

    ok: bool
    kind: str  # pack | checkpoint
    recorded: Head | None
    recorded_at: str | None
    en: str
    fr: str
    seal_details: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "kind": self.kind,
            "recorded": self.recorded.to_json() if self.recorded else None,
            "recorded_at": self.recorded_at,
            "message": self.en,
            "seal_details": self.seal_details,
        }


def _read_capped(path: Path) -> bytes:
    path = Path(path)
    try:
        if path.is_dir():
            raise WitnessUnreadable(path=str(path), reason="it is a folder")
        with open(path, "rb") as handle:
            data = handle.read(MAX_WITNESS_BYTES + 1)
    except OSError as exc:
        raise WitnessUnreadable(path=str(path), reason=exc.strerror or str(exc)) from None
    if len(data) > MAX_WITNESS_BYTES:
        raise WitnessUnreadable(path=str(path), reason=f"larger than {MAX_WITNESS_BYTES // (1024 * 1024)} MB")
    return data


def _judge(register: Register, kind: str, head: Head, at: str | None, seal_details: list[str]) -> WitnessCheck:
    found = hash_at(register.conn, head.count)
    what_en = "the pack" if kind == "pack" else "the checkpoint"
    what_fr = "le dossier" if kind == "pack" else "le point de contrôle"
    when = at or "?"
    if found == head.hash:
        en = f"The audit history holds the head that {what_en} recorded on {when} (entry {head.count}): not rewritten since."
        fr = f"L'historique d'audit contient la tête que {what_fr} a enregistrée le {when} (entrée {head.count}) : pas de réécriture depuis."
        return WitnessCheck(True, kind, head, at, en, fr, seal_details)
    if found is None:
        en = (
            f"The register's audit history is shorter than what {what_en} recorded on {when}: it has no entry "
            f"{head.count}. The history was cut or an older register was put back."
        )
        fr = (
            f"L'historique d'audit du registre est plus court que ce que {what_fr} a enregistré le {when} : "
            f"il n'a pas d'entrée {head.count}. L'historique a été coupé ou un registre plus ancien a été remis."
        )
    else:
        en = (
            f"The register's audit history was rewritten: entry {head.count} no longer has the hash {what_en} "
            f"recorded on {when} ({head.hash[:16]}…, now {found[:16]}…)."
        )
        fr = (
            f"L'historique d'audit du registre a été réécrit : l'entrée {head.count} n'a plus l'empreinte que "
            f"{what_fr} a enregistrée le {when} ({head.hash[:16]}…, maintenant {found[:16]}…)."
        )
    return WitnessCheck(False, kind, head, at, en, fr, seal_details)


def _refused(kind: str, en: str, fr: str, details: list[str]) -> WitnessCheck:
    return WitnessCheck(False, kind, None, None, en, fr, details)


def _roots(register: Register) -> list[bytes]:
    return [bytes(r[0]) for r in register.query("SELECT cert_der FROM certificates")]


def check_pack(register: Register, path: Path, password: str | None = None) -> WitnessCheck:
    """Is the audit head sealed in this pack still in the chain? The pack's seal must be intact first."""
    from ..documents import pack as packfile

    result = packfile.verify_bytes(_read_capped(path), _roots(register), password)
    if not result.intact:
        return _refused(
            "pack",
            "The pack is not intact, so its audit head proves nothing: " + "; ".join(result.details),
            "Le dossier n'est pas intact, son point d'audit ne prouve donc rien : " + "; ".join(result.details),
            result.details,
        )
    if not result.audit_head:
        return _refused(
            "pack",
            "This pack was built before packs recorded the audit head: it cannot vouch for the history.",
            "Ce dossier a été produit avant que les dossiers n'enregistrent la tête d'audit : il ne peut pas "
            "garantir l'historique.",
            result.details,
        )
    head = Head(int(result.audit_head["count"]), str(result.audit_head["hash"]))
    return _judge(register, "pack", head, result.signing_time, result.details)


def make_checkpoint(register: Register, out: Path, language: str = "fr") -> tuple[Path, Head]:
    """Seal the chain's current head (after checking the chain and its anchor) into a one-page PDF."""
    from ..documents import checkpoint
    from ..fileio import atomic_write
    from ..store import audit as audit_log
    from . import certificates

    audit_log.verify_chain(register.conn)
    state = check(register, KeyFile.load(sidecar_path(register.path)))
    if not state.ok:
        raise state.error()
    material = certificates.seal_material(register)
    head = chain_head(register.conn)
    row = register.query_one("SELECT value FROM meta WHERE key = 'register_id'")
    facts = checkpoint.CheckpointFacts(str(row[0]) if row else "", head.count, head.hash, checkpoint.now_paris())
    pdf = checkpoint.build(facts, material, language)
    out = Path(out)
    atomic_write(out, pdf, mode=0o644)
    with register.transaction() as conn:
        audit_log.append(conn, register.actor, "audit.checkpoint", None, head.to_json())
    return out, head


def check_checkpoint(register: Register, path: Path) -> WitnessCheck:
    from ..documents import checkpoint

    read = checkpoint.read(_read_capped(path), _roots(register))
    details = list(read.seal.details)
    if read.facts is None:
        return _refused(
            "checkpoint",
            f"{path} is not an audit checkpoint made by 'dsar audit checkpoint'.",
            f"{path} n'est pas un point de contrôle d'audit produit par « dsar audit checkpoint ».",
            details,
        )
    if not read.seal.intact or not read.seal.trusted:
        problem = "; ".join(details) or "the seal does not verify"
        return _refused(
            "checkpoint",
            f"The checkpoint's seal does not hold ({problem}): its figures prove nothing.",
            f"Le sceau du point de contrôle ne tient pas ({problem}) : ses chiffres ne prouvent rien.",
            details,
        )
    row = register.query_one("SELECT value FROM meta WHERE key = 'register_id'")
    if not row or str(row[0]) != read.facts.register_id:
        return _refused(
            "checkpoint",
            f"This checkpoint is of another register ({read.facts.register_id}).",
            f"Ce point de contrôle concerne un autre registre ({read.facts.register_id}).",
            details,
        )
    return _judge(register, "checkpoint", Head(read.facts.count, read.facts.head), read.facts.at, details)
