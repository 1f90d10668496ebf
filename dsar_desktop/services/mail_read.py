"""Reading one e-mail (.eml, Outlook .msg, or pasted text) in memory, within limits, into what the intake needs.

Nothing of the message is written to disk here: the file is read once into memory, parsed,
and handed to `mail_in` which keeps it inside the encrypted register. HTML bodies are turned
into plain text (scripts, styles and remote images dropped); the app never renders them.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import hashlib
import html
import html.parser
import logging
import re
from dataclasses import dataclass, field
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.utils import getaddresses
from pathlib import Path
from typing import Any

from ..domain import mail as rules
from ..domain.deadlines import PARIS
from ..domain.errors import DsarError
from ..domain.mail_paste import parse_pasted

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class MailRefused(DsarError):
    code = "mail_refused"
    exit_code = 1


class MailUnreadableFile(MailRefused):
    code = "mail_unreadable_file"
    en = "Cannot read {name}: {reason}."
    fr = "Impossible de lire {name} : {reason}."


class MailEmpty(MailRefused):
    code = "mail_empty"
    en = "{name} is empty: there is no message to read."
    fr = "{name} est vide : il n'y a aucun message à lire."


class MailTooLarge(MailRefused):
    code = "mail_too_large"
    en = (
        "{name} is {size_mb} MB; messages are limited to {limit_mb} MB. Ask the sender for smaller attachments, "
        "or record the request by hand and attach the documents separately."
    )
    fr = (
        "{name} fait {size_mb} Mo ; les messages sont limités à {limit_mb} Mo. Demandez des pièces jointes plus "
        "légères, ou saisissez la demande à la main et joignez les documents à part."
    )


class MailNotAMessage(MailRefused):
    code = "mail_not_a_message"
    en = "{name} is not an e-mail: it has no From, Date or Subject header. Save the message from the mail client as .eml or .msg."
    fr = "{name} n'est pas un courriel : il n'a ni en-tête From, ni Date, ni Subject. Enregistrez le message depuis la messagerie en .eml ou .msg."


class MailNotOutlook(MailRefused):
    code = "mail_not_outlook"
    en = "{name} is named .msg but is not an Outlook message (not an OLE compound file). Save it again from Outlook, or as .eml."
    fr = "{name} porte l'extension .msg mais n'est pas un message Outlook (pas un fichier composé OLE). Enregistrez-le à nouveau depuis Outlook, ou en .eml."


class MailOutlookDamaged(MailRefused):
    code = "mail_outlook_damaged"
    en = "The Outlook message {name} cannot be read ({reason}). Save it again from Outlook, or as .eml."
    fr = "Le message Outlook {name} est illisible ({reason}). Enregistrez-le à nouveau depuis Outlook, ou en .eml."


class MailTooDeep(MailRefused):
    code = "mail_too_deep"
    en = "{name} nests its parts more than {limit} levels deep (or has more than {parts} parts): such a message is not read. Ask the sender to send it again."
    fr = "{name} imbrique ses parties sur plus de {limit} niveaux (ou en compte plus de {parts}) : un tel message n'est pas lu. Demandez à l'expéditeur de le renvoyer."


@dataclass(frozen=True)
class MailAttachment:
    name: str
    media_type: str
    content: bytes
    looks_like_id: bool

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass
class MailRead:
    """What was read from one message. `notes` are sentences (en, fr) the form and the CLI show."""

    format: str  # eml | msg | pasted
    raw: bytes
    sender_name: str
    sender_email: str
    subject: str
    message_id: str
    receipt: rules.ReceiptMoment
    text: str
    text_from_html: bool
    attachments: list[MailAttachment]
    rights: list[rules.RightHint]
    language: str
    notes: list[tuple[str, str]] = field(default_factory=list)
    partial: bool = False  # something was left out (see notes)

    @property
    def raw_sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    @property
    def case_name(self) -> str:
        return rules.name_for_case(self.sender_name)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


# ---- entry points ------------------------------------------------------------------------------
def read_file(path: Path | str) -> MailRead:
    """Read a dropped or chosen .eml/.msg file (at most the size limit is ever read into memory)."""
    path = Path(path)
    limit = rules.MAX_MESSAGE_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise MailTooLarge(name=path.name, size_mb=_mb(size), limit_mb=limit // 1024 // 1024)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise MailUnreadableFile(name=path.name, reason=exc.strerror or str(exc)) from None
    return read_bytes(data, path.name)


def read_bytes(data: bytes, name: str = "message") -> MailRead:
    limit = rules.MAX_MESSAGE_BYTES
    if len(data) > limit:
        raise MailTooLarge(name=name, size_mb=_mb(len(data)), limit_mb=limit // 1024 // 1024)
    if not data.strip():
        raise MailEmpty(name=name)
    if data.startswith(OLE_MAGIC):
        return _read_msg(data, name)
    if name.lower().endswith(".msg"):
        raise MailNotOutlook(name=name)
    return _read_eml(data, name)


def read_pasted(text: str) -> MailRead:
    """Pasted text: a whole raw message (with its headers) is read as one; else the labelled lines a client copies."""
    if not text.strip():
        raise MailEmpty(name="the pasted text")
    head = text.lstrip()[:4000]
    if re.search(r"(?im)^(received|message-id|mime-version|return-path):", head):
        return _read_eml(text.encode("utf-8", "surrogateescape"), "the pasted text", pasted=True)
    pasted = parse_pasted(text)
    sender_raw = pasted.headers.get("from", "")
    name, address = _first_address(sender_raw)
    notes: list[tuple[str, str]] = []
    sender = rules.clean_sender_name(name, address)
    if sender.warning_en:
        notes.append((sender.warning_en, sender.warning_fr))
    if pasted.sent_at is not None:
        receipt = rules.ReceiptMoment(
            pasted.sent_at,
            "pasted",
            rules.one_line(pasted.headers.get("date", "")),
            "Pasted text has no Received header: the date shown by the mail client was used (Paris time).",
            "Un texte collé n'a pas d'en-tête Received : la date affichée par la messagerie a été utilisée (heure de Paris).",
        )
    else:
        receipt = rules.receipt_moment([], None)
    body = pasted.body[: rules.MAX_TEXT_CHARS]
    return _finish(
        "pasted", text.encode("utf-8", "replace"), sender.name, address,
        rules.one_line(pasted.headers.get("subject", "")), rules.one_line(pasted.headers.get("message_id", "")),
        receipt, body, False, [], notes, partial=len(pasted.body) > rules.MAX_TEXT_CHARS,
    )  # fmt: skip


# ---- .eml --------------------------------------------------------------------------------------
def _decoded(value: str) -> str:
    try:
        return str(make_header(decode_header(value)))
    except (ValueError, LookupError, UnicodeError, AssertionError, TypeError):
        return value


def _raw_headers(msg: Message, name: str) -> list[str]:
    return [str(v) for k, v in msg.raw_items() if k.lower() == name.lower()]


def _first_address(raw: str) -> tuple[str, str]:
    """(display name, address) of the first address in a From value, encoded words decoded."""
    try:
        pairs = getaddresses([rules.one_line(raw)])
    except (ValueError, IndexError, TypeError):
        pairs = []
    for name, address in pairs:
        address = address.strip()
        if re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+", address):
            return _decoded(name), address
    return _decoded(raw), ""


def _header_text(msg: Message, name: str) -> str:
    values = _raw_headers(msg, name)
    return rules.one_line(_decoded(values[0])) if values else ""


def _walk(msg: Message, name: str) -> list[tuple[Message, int]]:
    """Leaf parts with their depth, refusing too deep or too many parts (iteratively: no recursion to exhaust)."""
    leaves: list[tuple[Message, int]] = []
    stack: list[tuple[Message, int]] = [(msg, 0)]
    count = 0
    while stack:
        part, depth = stack.pop()
        count += 1
        if depth > rules.MAX_MIME_DEPTH or count > rules.MAX_MIME_PARTS:
            raise MailTooDeep(name=name, limit=rules.MAX_MIME_DEPTH, parts=rules.MAX_MIME_PARTS)
        if part.is_multipart():
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend((child, depth + 1) for child in reversed(children) if isinstance(child, Message))
            continue
        leaves.append((part, depth))
    return leaves


def _part_bytes(part: Message) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - a damaged part is treated as empty, and said
        return b""
    if isinstance(payload, bytes):
        return payload
    return b""


def _part_text(part: Message) -> str:
    data = _part_bytes(part)
    charset = part.get_content_charset() or "utf-8"
    try:
        return data.decode(charset, errors="replace")
    except LookupError:  # unknown charset name: UTF-8 first, Latin-1 never fails
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("latin-1")


class _TextFromHtml(html.parser.HTMLParser):
    """Visible text of an HTML body; scripts, styles and images (remote or not) are dropped."""

    _SKIP = frozenset({"script", "style", "head", "title", "noscript", "template", "object", "iframe"})
    _BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "blockquote", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BREAKS:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self._BREAKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(data)


def html_to_text(source: str) -> str:
    parser = _TextFromHtml()
    try:
        parser.feed(source)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; a failure keeps what was read
        pass
    text = html.unescape("".join(parser.out))
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def _read_eml(data: bytes, name: str, pasted: bool = False) -> MailRead:
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
    except RecursionError:
        raise MailTooDeep(name=name, limit=rules.MAX_MIME_DEPTH, parts=rules.MAX_MIME_PARTS) from None
    if not any(_raw_headers(msg, h) for h in ("From", "Date", "Subject")):
        raise MailNotAMessage(name=name)
    leaves = _walk(msg, name)
    notes: list[tuple[str, str]] = []
    from_raw = (_raw_headers(msg, "From") or [""])[0]
    display, address = _first_address(from_raw)
    if not address:
        notes.append(
            (
                "The sender's address cannot be read from the From header; type it in.",
                "L'adresse de l'expéditeur ne se lit pas dans l'en-tête From ; saisissez-la.",
            )
        )
    sender = rules.clean_sender_name(display, address)
    if sender.warning_en:
        notes.append((sender.warning_en, sender.warning_fr))
    dates = _raw_headers(msg, "Date")
    receipt = rules.receipt_moment(_raw_headers(msg, "Received"), dates[0] if dates else None)
    plain = next(
        (p for p, _ in leaves if p.get_content_type() == "text/plain" and not p.get_filename()), None
    )
    html_part = next(
        (p for p, _ in leaves if p.get_content_type() == "text/html" and not p.get_filename()), None
    )
    from_html = plain is None and html_part is not None
    if plain is not None:
        text = _part_text(plain)
    elif html_part is not None:
        text = html_to_text(_part_text(html_part))
    else:
        text = ""
    body_parts = {id(plain), id(html_part)}
    candidates = [p for p, _ in leaves if id(p) not in body_parts and not _is_alternative_text(p)]
    attachments, partial = _attachments(
        [(_attachment_name(p, i), p.get_content_type(), p) for i, p in enumerate(candidates, 1)], text, notes
    )
    return _finish(
        "pasted" if pasted else "eml", data, sender.name, address, _header_text(msg, "Subject"),
        _header_text(msg, "Message-ID"), receipt, text, from_html, attachments, notes, partial,
    )  # fmt: skip


def _is_alternative_text(part: Message) -> bool:
    """A second text/plain or text/html body (another alternative), not a file someone attached."""
    return part.get_content_type() in ("text/plain", "text/html") and not part.get_filename()


def _attachment_name(part: Message, index: int) -> str:
    try:
        raw = part.get_filename() or ""
    except Exception:  # noqa: BLE001 - a malformed parameter: a neutral name
        raw = ""
    subtype = part.get_content_subtype() or "bin"
    return rules.safe_file_name(_decoded(raw), f"attachment-{index}.{subtype[:10]}")


def _attachments(
    found: list[tuple[str, str, Any]], text: str, notes: list[tuple[str, str]]
) -> tuple[list[MailAttachment], bool]:
    """Keep attachments within the limits; each one left out is named in the notes."""
    kept: list[MailAttachment] = []
    partial = False
    for name, media_type, source in found:
        if len(kept) >= rules.MAX_ATTACHMENTS:
            notes.append(
                (
                    f"The message has {len(found)} attachments; only the first {rules.MAX_ATTACHMENTS} were kept.",
                    f"Le message a {len(found)} pièces jointes ; seules les {rules.MAX_ATTACHMENTS} premières ont été gardées.",
                )
            )
            partial = True
            break
        content = source if isinstance(source, bytes) else _part_bytes(source)
        if len(content) > rules.MAX_ATTACHMENT_BYTES:
            notes.append(
                (
                    f"The attachment {name} is {_mb(len(content))} MB (limit {rules.MAX_ATTACHMENT_BYTES // 1024 // 1024} MB): it was left out. Ask for it again in a smaller size.",
                    f"La pièce jointe {name} fait {_mb(len(content))} Mo (limite {rules.MAX_ATTACHMENT_BYTES // 1024 // 1024} Mo) : elle a été écartée. Redemandez-la plus légère.",
                )
            )
            partial = True
            continue
        media_type = rules.one_line(media_type, 100).lower() or "application/octet-stream"
        kept.append(
            MailAttachment(name, media_type, content, rules.looks_like_id_document(name, media_type, text))
        )
    return kept, partial


def _finish(
    fmt: str, raw: bytes, sender_name: str, sender_email: str, subject: str, message_id: str,
    receipt: rules.ReceiptMoment, text: str, from_html: bool, attachments: list[MailAttachment],
    notes: list[tuple[str, str]], partial: bool,
) -> MailRead:  # fmt: skip
    text = text.replace("\r\n", "\n").replace("\x00", "")
    if len(text) > rules.MAX_TEXT_CHARS:
        text = text[: rules.MAX_TEXT_CHARS]
        notes.append(
            (
                f"The text was cut to its first {rules.MAX_TEXT_CHARS} characters; the original message is kept whole.",
                f"Le texte a été coupé à ses {rules.MAX_TEXT_CHARS} premiers caractères ; le message original est gardé en entier.",
            )
        )
    if from_html:
        notes.append(
            (
                "The message has only an HTML body: it is shown as plain text (no images, links or scripts are loaded).",
                "Le message n'a qu'un corps HTML : il est affiché en texte brut (aucune image, aucun lien, aucun script n'est chargé).",
            )
        )
    if receipt.note_en:
        notes.append((receipt.note_en, receipt.note_fr))
    reading = f"{subject}\n{text}"
    return MailRead(
        format=fmt, raw=raw, sender_name=sender_name, sender_email=sender_email, subject=subject,
        message_id=message_id, receipt=receipt, text=text, text_from_html=from_html, attachments=attachments,
        rights=rules.suggest_rights(reading), language=rules.guess_language(reading), notes=notes, partial=partial,
    )  # fmt: skip


# ---- .msg --------------------------------------------------------------------------------------
def _read_msg(data: bytes, name: str) -> MailRead:
    """Outlook .msg through extract-msg (imported here: only this path needs it)."""
    import extract_msg  # noqa: PLC0415 - heavy, and only for .msg files

    # The reader's own warnings can quote a message's properties: they never reach the app's log file.
    logging.getLogger("extract_msg").setLevel(logging.CRITICAL)
    try:
        msg: Any = extract_msg.openMsg(data, delayAttachments=False)
    except Exception as exc:  # noqa: BLE001 - any failure of the reader is one sentence
        raise MailOutlookDamaged(name=name, reason=type(exc).__name__) from None
    try:
        return _from_outlook(msg, data, name)
    except MailRefused:
        raise
    except Exception as exc:  # noqa: BLE001
        raise MailOutlookDamaged(name=name, reason=type(exc).__name__) from None
    finally:
        msg.close()


def _from_outlook(msg: Any, data: bytes, name: str) -> MailRead:
    notes: list[tuple[str, str]] = []
    transport = getattr(msg, "header", None)
    received = [str(v) for k, v in transport.items() if k.lower() == "received"] if transport else []
    display, address = _first_address(str(msg.sender or ""))
    if not address:
        address = rules.one_line(str(getattr(msg, "senderEmail", "") or ""))
        if "@" not in address:
            address = ""
            notes.append(
                (
                    "The sender's address cannot be read from the Outlook message; type it in.",
                    "L'adresse de l'expéditeur ne se lit pas dans le message Outlook ; saisissez-la.",
                )
            )
    sender = rules.clean_sender_name(display, address)
    if sender.warning_en:
        notes.append((sender.warning_en, sender.warning_fr))
    date_header = (transport.get("Date") if transport else None) or None
    receipt = rules.receipt_moment(received, str(date_header) if date_header else None)
    if receipt.at is None:
        receipt = _outlook_times(msg, receipt)
    body = msg.body
    from_html = False
    if not (isinstance(body, str) and body.strip()):
        html_body = msg.htmlBody
        if isinstance(html_body, bytes):
            body = html_to_text(html_body.decode("utf-8", "replace"))
            from_html = True
        else:
            body = ""
    found = []
    embedded_left_out = False
    for index, attachment in enumerate(msg.attachments, 1):
        content = getattr(attachment, "data", None)
        if not isinstance(content, bytes):
            embedded_left_out = True
            notes.append(
                (
                    f"Attachment {index} is an embedded item, not a file: it was left out.",
                    f"La pièce jointe {index} est un élément incorporé, pas un fichier : elle a été écartée.",
                )
            )
            continue
        file_name = str(attachment.longFilename or attachment.shortFilename or "")
        media = str(getattr(attachment, "mimetype", None) or _sniff_type(content))
        found.append((rules.safe_file_name(file_name, f"attachment-{index}.bin"), media, content))
    attachments, partial = _attachments(found, body, notes)
    return _finish(
        "msg", data, sender.name, address, rules.one_line(str(msg.subject or "")),
        rules.one_line(str(getattr(msg, "messageId", "") or "")), receipt, body, from_html, attachments, notes,
        partial or embedded_left_out,
    )  # fmt: skip


def _outlook_times(msg: Any, fallback: rules.ReceiptMoment) -> rules.ReceiptMoment:
    """No transport headers: Outlook's own delivery time (PR_MESSAGE_DELIVERY_TIME), else the sent date."""
    for attribute, source in (("receivedTime", "Outlook delivery time"), ("date", "Outlook sent date")):
        value = getattr(msg, attribute, None)
        if isinstance(value, dt.datetime):
            when = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
            return rules.ReceiptMoment(
                when.astimezone(PARIS),
                source,
                f"{source}: {when.isoformat()}",
                fallback.note_en,
                fallback.note_fr,
            )
    return fallback


def _sniff_type(content: bytes) -> str:
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if content.startswith(b"\x89PNG"):
        return "image/png"
    if b"%PDF-" in content[:1024]:
        return "application/pdf"
    return "application/octet-stream"


def as_email_message(data: bytes) -> EmailMessage:
    """The stored .eml parsed again (for showing its headers as text)."""
    parsed = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed
