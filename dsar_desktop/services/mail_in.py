"""Requests that arrive by e-mail: what the intake form is filled with, the message kept in the register as the
request itself, duplicates, the request's text, and an attached ID document handed to the ID check.

The original file and its attachments live only inside the encrypted register (tables
`case_messages` and `message_attachments`). An attachment sent to the ID check becomes a scan
there and is destroyed with it after the decision: its copy here is deleted at once
(secure_delete), and so is the original file that still holds it in base64; the message's
headers, text and the SHA-256 of the original stay as the record of the request.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..domain import deadlines as dl
from ..domain.cases import Capacity, Case, Channel, Person, Right
from ..domain.errors import InvalidInput, NotFound
from ..store import attachments as scan_store
from ..store import audit
from ..store.connection import Register
from . import cases as case_service
from . import shredding
from .mail_read import MailAttachment, MailRead, read_bytes, read_file, read_pasted

__all__ = [
    "MailRead",
    "MailAttachment",
    "read_file",
    "read_bytes",
    "read_pasted",
    "Duplicate",
    "duplicates",
    "suggested_case",
    "add_case_from_mail",
    "add_case_with_text",
    "attach_message",
    "set_request_text",
    "StoredMessage",
    "messages",
    "attachment_content",
    "send_attachment_to_id_check",
]


def _now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Duplicate:
    ref: str
    why: str  # "message_id" (the very same message) | "sender" (same address)


def duplicates(register: Register, mail: MailRead) -> list[Duplicate]:
    """Cases that already hold this Message-ID, or whose subject or requester has this address."""
    found: dict[str, Duplicate] = {}
    if mail.message_id:
        for (ref,) in register.query(
            "SELECT c.ref FROM case_messages m JOIN cases c ON c.id = m.case_id WHERE m.message_id = ? ORDER BY c.id",
            (mail.message_id,),
        ):
            found[ref] = Duplicate(ref, "message_id")
    address = mail.sender_email.strip().casefold()
    if address:
        for (ref,) in register.query(
            "SELECT ref FROM cases WHERE lower(subject_email) = ? OR lower(requester_email) = ?"
            " UNION SELECT c.ref FROM case_messages m JOIN cases c ON c.id = m.case_id WHERE lower(m.sender_email) = ?",
            (address, address, address),
        ):
            found.setdefault(ref, Duplicate(ref, "sender"))
    return sorted(found.values(), key=lambda d: (d.why != "message_id", d.ref))


def suggested_case(mail: MailRead, rights: Sequence[Right] | None = None) -> case_service.NewCase:
    """The intake as the message suggests it; a person confirms the rights (and the rest) before recording."""
    received = mail.receipt.at or dt.datetime.now(dl.PARIS)
    return case_service.NewCase(
        received_at=received,
        channel=Channel.EMAIL,
        rights=list(rights) if rights is not None else [h.right for h in mail.rights],
        subject=Person(name=mail.case_name, email=mail.sender_email or None),
        language=mail.language,
        capacity=Capacity.SELF,
    )


def add_case_from_mail(register: Register, new: case_service.NewCase, mail: MailRead) -> Case:
    """Record the case and keep the message as its request, in one transaction."""
    with register.transaction():
        case = case_service.add_case(register, new)
        attach_message(register, case.ref, mail)
    return case


def add_case_with_text(register: Register, new: case_service.NewCase, text: str) -> Case:
    """Record a case typed in by hand, with the request's text when there is one, in one transaction."""
    with register.transaction():
        case = case_service.add_case(register, new)
        if text.strip():
            set_request_text(register, case.ref, text)
    return case


def attach_message(register: Register, ref: str, mail: MailRead) -> int:
    """Keep a message (and its attachments) inside the register as the case's request; returns its id."""
    case = case_service.get_case(register, ref)
    received = mail.receipt.at.isoformat(timespec="minutes") if mail.receipt.at else None
    # The original and each attachment under a key of their own (an ID document may be in them): the
    # keys are on disk before the rows commit, and are shredded when those bytes are destroyed.
    sealed = shredding.seal_many(register, [mail.raw, *(item.content for item in mail.attachments)])
    (raw_key, raw_sealed), attachment_blobs = sealed[0], sealed[1:]
    with register.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO case_messages(case_id, format, message_id, sender_name, sender_email, subject, received_at,"
            " received_source, received_header, body_text, raw, raw_key_id, raw_sha256, raw_size, added_by, added_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                case.id, mail.format, mail.message_id or None, mail.sender_name, mail.sender_email or None,
                mail.subject, received, mail.receipt.source, mail.receipt.header, mail.text, raw_sealed, raw_key,
                mail.raw_sha256, len(mail.raw), register.actor, _now_utc(),
            ),
        )  # fmt: skip
        message_id = int(cursor.lastrowid)
        for item, (key_id, blob) in zip(mail.attachments, attachment_blobs, strict=True):
            conn.execute(
                "INSERT INTO message_attachments(message_id, name, media_type, size, sha256, looks_like_id, content,"
                " key_id) VALUES (?,?,?,?,?,?,?,?)",
                (
                    message_id,
                    item.name,
                    item.media_type,
                    item.size,
                    item.sha256,
                    int(item.looks_like_id),
                    blob,
                    key_id,
                ),
            )
        case_service.write_event(
            conn, register, case.id, "message",
            f"Request message kept ({mail.format}, {len(mail.attachments)} attachment(s), received per {mail.receipt.source or 'typed date'})",
            {"format": mail.format, "attachments": len(mail.attachments), "source": mail.receipt.source},
        )  # fmt: skip
        audit.append(
            conn, register.actor, "case.message_kept", ref,
            {"format": mail.format, "attachments": len(mail.attachments), "size": len(mail.raw),
             "sha256": mail.raw_sha256, "received_source": mail.receipt.source, "partial": mail.partial},
        )  # fmt: skip
    return message_id


def set_request_text(register: Register, ref: str, text: str) -> int:
    """The request's own text for a case that came by post, phone or in person (typed or pasted)."""
    if not text.strip():
        raise InvalidInput("The request's text is empty.", "Le texte de la demande est vide.")
    case = case_service.get_case(register, ref)
    data = text.encode("utf-8")
    with register.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO case_messages(case_id, format, body_text, raw_sha256, raw_size, added_by, added_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (
                case.id,
                "typed",
                text.strip(),
                hashlib.sha256(data).hexdigest(),
                len(data),
                register.actor,
                _now_utc(),
            ),
        )
        case_service.write_event(
            conn, register, case.id, "message", "Request text recorded", {"format": "typed"}
        )
        audit.append(conn, register.actor, "case.message_kept", ref, {"format": "typed", "size": len(data)})
    return int(cursor.lastrowid)


@dataclass(frozen=True)
class StoredAttachment:
    id: int
    name: str
    media_type: str
    size: int
    sha256: str
    looks_like_id: bool
    scan_id: int | None  # set once it went to the ID check (its content is then gone from here)

    @property
    def available(self) -> bool:
        return self.scan_id is None


@dataclass(frozen=True)
class StoredMessage:
    id: int
    format: str
    message_id: str | None
    sender_name: str | None
    sender_email: str | None
    subject: str | None
    received_at: str | None
    received_source: str | None
    received_header: str | None
    text: str
    raw_sha256: str | None
    raw_size: int
    raw_kept: bool
    raw_note: str | None
    added_by: str
    added_at: str
    attachments: list[StoredAttachment] = field(default_factory=list)

    def as_text(self, language: str = "en") -> str:
        """The message as plain text for the viewer (never HTML)."""
        fr = language == "fr"
        colon = "\u00a0: " if fr else ": "  # French puts a no-break space before the colon
        received = (self.received_at or "").replace("T", " ")[:16]
        lines = []
        for label_en, label_fr, value in (
            ("From", "De", f"{self.sender_name or ''} <{self.sender_email or ''}>".strip()),
            ("Subject", "Objet", self.subject),
            (
                "Received",
                "Reçu",
                f"{received} {'heure de Paris' if fr else 'Paris time'}"
                f" ({self.received_source or ''}{colon}{self.received_header or ''})"
                if received
                else "",
            ),
            ("Message-ID", "Message-ID", self.message_id),
        ):
            if value and value.strip(" <>():"):
                lines.append(f"{label_fr if fr else label_en}{colon}{value}")
        for item in self.attachments:
            state = (
                ("transmise au contrôle d'identité" if fr else "sent to the ID check") if item.scan_id else ""
            )
            size = f"{item.size} {'octets' if fr else 'bytes'}"
            label = "Pièce jointe" if fr else "Attachment"
            lines.append(f"{label}{colon}{item.name} ({item.media_type}, {size}) {state}".rstrip())
        return "\n".join(lines) + "\n\n" + self.text


def messages(register: Register, ref: str) -> list[StoredMessage]:
    """The case's request messages and texts, oldest first, without their file bytes."""
    case = case_service.get_case(register, ref)
    out = []
    for row in register.query(
        "SELECT id, format, message_id, sender_name, sender_email, subject, received_at, received_source,"
        " received_header, body_text, raw_sha256, raw_size, raw IS NOT NULL, raw_note, added_by, added_at"
        " FROM case_messages WHERE case_id = ? ORDER BY id",
        (case.id,),
    ):
        items = [
            StoredAttachment(int(a), str(b), str(c), int(d), str(e), bool(f), g)
            for a, b, c, d, e, f, g in register.query(
                "SELECT id, name, media_type, size, sha256, looks_like_id, scan_id FROM message_attachments"
                " WHERE message_id = ? ORDER BY id",
                (row[0],),
            )
        ]
        (
            id_,
            fmt,
            mid,
            name,
            address,
            subject,
            received,
            source,
            header,
            text,
            sha,
            size,
            kept,
            note,
            by,
            at,
        ) = row
        out.append(
            StoredMessage(
                int(id_), fmt, mid, name, address, subject, received, source, header, text, sha, int(size),
                bool(kept), note, by, at, attachments=items,
            )
        )  # fmt: skip
    return out


def request_message_id(register: Register, ref: str) -> str | None:
    """The Message-ID of the first message of the request (what a reply threads with)."""
    for message in messages(register, ref):
        if message.message_id:
            return message.message_id
    return None


def request_sender(register: Register, ref: str) -> str | None:
    for message in messages(register, ref):
        if message.sender_email:
            return message.sender_email
    return None


@dataclass(frozen=True)
class _AttachmentRow:
    message_id: int
    name: str
    key_id: str | None
    content: bytes | None  # opened in memory; None once it went to the ID check
    raw_key_id: str | None  # the key of the message's original file


def _attachment_row(register: Register, ref: str, attachment_id: int) -> _AttachmentRow:
    case = case_service.get_case(register, ref)
    row = register.query_one(
        "SELECT a.message_id, a.name, a.key_id, a.content, m.raw_key_id FROM message_attachments a"
        " JOIN case_messages m ON m.id = a.message_id WHERE a.id = ? AND m.case_id = ?",
        (attachment_id, case.id),
    )
    if row is None:
        raise NotFound("Attachment", str(attachment_id), "Pièce jointe")
    content = None
    if row[3] is not None:
        content = shredding.open_blob(register, row[2], bytes(row[3]), "attachment")
    return _AttachmentRow(int(row[0]), str(row[1]), row[2], content, row[4])


def attachment_content(register: Register, ref: str, attachment_id: int) -> bytes:
    """An attachment's bytes, in memory (for a viewer or the ID check)."""
    found = _attachment_row(register, ref, attachment_id)
    name, content = found.name, found.content
    if content is None:
        raise InvalidInput(
            f"The attachment {name} went to the ID check; it is no longer kept with the message.",
            f"La pièce jointe {name} a été transmise au contrôle d'identité ; elle n'est plus gardée avec le message.",
        )
    return content


def send_attachment_to_id_check(
    register: Register, ref: str, attachment_id: int, received_on: dt.date | None = None
) -> int:
    """Hand an attached ID document to the ID check: checked there as any scan (same limits), then destroyed
    there after the decision. Here its bytes, and the original file that contains them, are deleted at once.
    Returns the scan's id."""
    from . import identity  # noqa: PLC0415 - identity imports letters, which is heavy and not needed to read mail

    found = _attachment_row(register, ref, attachment_id)
    message_id, name, content = found.message_id, found.name, found.content
    if content is None:
        raise InvalidInput(
            f"The attachment {name} was already sent to the ID check.",
            f"La pièce jointe {name} a déjà été transmise au contrôle d'identité.",
        )
    with register.transaction() as conn:
        # The scan keeps the attachment's key: destroying it at the decision shreds this copy too,
        # in every backup made before the attachment moved.
        proof = identity.receive_proof(register, ref, content, received_on=received_on, key_id=found.key_id)
        if proof.attachment_id is None:  # pragma: no cover - receive_proof stores the bytes it is given
            raise RuntimeError("the scan was not stored")
        conn.execute(
            "UPDATE message_attachments SET content = NULL, scan_id = ? WHERE id = ?",
            (proof.attachment_id, attachment_id),
        )
        cleared = conn.execute(
            "UPDATE case_messages SET raw = NULL, raw_note = ? WHERE id = ? AND raw IS NOT NULL",
            (
                f"original file deleted: attachment {attachment_id} went to the ID check as scan {proof.attachment_id}",
                message_id,
            ),
        ).rowcount
        if cleared:  # the original holds the ID document too: its key goes now, before COMMIT
            shredding.shred(register, [found.raw_key_id])
        audit.append(
            conn, register.actor, "case.message_attachment_to_id_check", ref,
            {"attachment_id": attachment_id, "scan_id": proof.attachment_id},
        )  # fmt: skip
    scan_store.flush_wal(register)
    return proof.attachment_id


def read_any(path: Path | str | None = None, pasted: str | None = None) -> MailRead:
    """One entry for the UI: a file path or pasted text."""
    if pasted is not None:
        return read_pasted(pasted)
    if path is None:
        raise InvalidInput("No message given.", "Aucun message fourni.")
    return read_file(path)
