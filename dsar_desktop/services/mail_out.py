"""Draft e-mails to the requester: acknowledgement, ID request, extension notice and reply, as an unsent .eml.

The draft is a message a person opens in their mail client, checks and sends: it is marked
`X-Unsent: 1` (Outlook then opens it as a new message, not as a received one), threads with
the request (`In-Reply-To`/`References`), carries the letter as PDF and, for the reply, the
sealed pack ZIP. Nothing is sent from here, and recording the dispatch stays a person's act
(`cases.record_dispatch`, with the date, channel and address).

When the pack is encrypted the body says the password comes by another channel; the password
is never in the draft (it is not even known here: it was shown once when the pack was built).
"""

from __future__ import annotations

import datetime as dt
import email.policy
import hashlib
import io
import zipfile
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path

from ..documents import pack as packfile
from ..documents.pack import MAX_PACK_BYTES
from ..domain import deadlines as dl
from ..domain.cases import Capacity, Case
from ..domain.errors import DsarError, InvalidInput
from ..fileio import read_capped
from ..store.connection import Register
from . import cases as case_service
from . import mail_in

KINDS = ("acknowledgement", "id_request", "extension_notice", "reply")


class NoAddressForMail(DsarError):
    code = "no_address_for_mail"
    en = "Case {ref} has no e-mail address on file and did not come by e-mail: add the requester's address first."
    fr = "La demande {ref} n'a pas d'adresse électronique connue et n'est pas arrivée par courriel : ajoutez d'abord l'adresse du demandeur."
    exit_code = 1


class NoPackForReply(DsarError):
    code = "no_pack_for_reply"
    en = "Case {ref} has no sealed pack yet: build the response pack first, then prepare the reply."
    fr = "La demande {ref} n'a pas encore de dossier de réponse scellé : construisez-le d'abord, puis préparez la réponse."
    exit_code = 1


class PackNotLatest(DsarError):
    code = "pack_not_latest"
    en = (
        "{path} is not the latest pack built for {ref} (SHA-256 differs): attach the pack the app built last."
    )
    fr = "{path} n'est pas le dernier dossier construit pour {ref} (SHA-256 différent) : joignez le dernier dossier produit par l'application."
    exit_code = 1


SUBJECTS = {
    "acknowledgement": ("Acknowledgement of your request", "Accusé de réception de votre demande"),
    "id_request": (
        "Proof of identity needed for your request",
        "Justificatif d'identité nécessaire pour votre demande",
    ),
    "extension_notice": (
        "Extension of the time to answer your request",
        "Prolongation du délai de réponse à votre demande",
    ),
    "reply": ("Our answer to your request", "Notre réponse à votre demande"),
}
BODIES = {
    "acknowledgement": (
        "Please find attached our acknowledgement of your request {ref}, received on {received}.",
        "Veuillez trouver ci-joint notre accusé de réception de votre demande {ref}, reçue le {received}.",
    ),
    "id_request": (
        "To answer your request {ref}, we need a proof of identity: the attached letter explains why and what to send.",
        "Pour répondre à votre demande {ref}, nous avons besoin d'un justificatif d'identité : la lettre jointe en explique la raison et ce qu'il faut envoyer.",
    ),
    "extension_notice": (
        "The attached letter explains why we need more time to answer your request {ref} and gives the new date.",
        "La lettre jointe explique pourquoi nous avons besoin de plus de temps pour répondre à votre demande {ref} et indique la nouvelle date.",
    ),
    "reply": (
        "Please find attached our answer to your request {ref}: the signed letter and the file of your data (ZIP).",
        "Veuillez trouver ci-joint notre réponse à votre demande {ref} : la lettre signée et le dossier de vos données (ZIP).",
    ),
}
ENCRYPTED = (
    "The ZIP file is protected by a password, which we send you separately by another channel (never by e-mail). "
    "Only the password opens it.",
    "Le fichier ZIP est protégé par un mot de passe, que nous vous communiquons séparément par un autre canal "
    "(jamais par courriel). Seul ce mot de passe permet de l'ouvrir.",
)
CLOSING = ("Kind regards,\n{signatory}\n{organisation}", "Cordialement,\n{signatory}\n{organisation}")


@dataclass(frozen=True)
class DraftAttachment:
    name: str
    media_type: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Draft:
    data: bytes
    to: str
    subject: str
    in_reply_to: str | None
    attachments: list[DraftAttachment]
    encrypted_pack: bool


def recipient_address(register: Register, case: Case) -> str:
    """The requester's address on file (a representative's own when one acts), else the one the request came from."""
    on_file = (
        case.requester_email
        if case.capacity != Capacity.SELF and case.requester_email
        else case.subject.email
    )
    address = (on_file or "").strip() or (mail_in.request_sender(register, case.ref) or "").strip()
    if not address:
        raise NoAddressForMail(ref=case.ref)
    return address


def _letter(register: Register, ref: str, kind: str, language: str) -> tuple[str, bytes]:
    from . import identity, letters  # noqa: PLC0415 - the PDF stack is heavy; only drafts need it

    if kind == "id_request":
        return f"{ref}-id-request-{language}.pdf", identity.latest_request_letter(
            register, ref, "id_request", language
        )
    return f"{ref}-{kind.replace('_', '-')}-{language}.pdf", letters.build_letter(
        register, ref, kind, language
    )


def _latest_pack(register: Register, ref: str) -> tuple[str, str, bool]:
    row = register.query_one(
        "SELECT file_name, sha256, encrypted FROM packs WHERE case_ref = ? ORDER BY id DESC LIMIT 1", (ref,)
    )
    if row is None:
        raise NoPackForReply(ref=ref)
    return str(row[0]), str(row[1]), bool(row[2])


def _pack_files(register: Register, ref: str, pack: Path) -> tuple[list[tuple[str, str, bytes]], bool]:
    """The pack ZIP (checked to be the case's latest) and, when it is not encrypted, its sealed letter."""
    name, digest, encrypted = _latest_pack(register, ref)
    try:
        data = read_capped(pack, MAX_PACK_BYTES, "pack", "dossier de réponse")
    except OSError as exc:
        raise InvalidInput(
            f"Cannot read the pack {pack}: {exc.strerror or exc}.",
            f"Impossible de lire le dossier {pack} : {exc.strerror or exc}.",
        ) from None
    if hashlib.sha256(data).hexdigest() != digest:
        raise PackNotLatest(path=str(pack), ref=ref)
    files = [(name, "application/zip", data)]
    if not encrypted:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                if member.endswith(".pdf") and "/" not in member:
                    files.insert(0, (member, "application/pdf", archive.read(member)))
    return files, encrypted


def build_draft(
    register: Register, ref: str, kind: str, *, pack: Path | None = None, language: str | None = None
) -> Draft:
    """The draft message, in memory. `pack` (the ZIP on disk) is required for the reply."""
    from . import letters  # noqa: PLC0415

    if kind not in KINDS:
        raise InvalidInput(
            f"Unknown draft kind '{kind}': {', '.join(KINDS)}.",
            f"Type de brouillon inconnu « {kind} » : {', '.join(KINDS)}.",
        )
    case = case_service.get_case(register, ref)
    language = language or case.language
    fr = language == "fr"
    to = recipient_address(register, case)
    encrypted = False
    if kind == "reply":
        if pack is None:
            _latest_pack(register, ref)  # says "build the pack first" when there is none
            raise InvalidInput(
                "Give the pack ZIP to attach (the file the app wrote when it built the pack).",
                "Indiquez le ZIP du dossier à joindre (le fichier écrit par l'application à sa construction).",
            )
        files, encrypted = _pack_files(register, ref, pack)
    else:
        name, pdf = _letter(register, ref, kind, language)
        files = [(name, "application/pdf", pdf)]
    head = letters.letterhead(register)
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = formataddr((head.organisation, head.email)) if head.email else head.organisation
    msg["To"] = formataddr((case.requester_display, to))
    msg["Subject"] = f"[{ref}] {SUBJECTS[kind][1 if fr else 0]}"
    msg["Date"] = format_datetime(dt.datetime.now(dl.PARIS))
    request_id = mail_in.request_message_id(register, ref)
    if request_id:
        msg["In-Reply-To"] = request_id
        msg["References"] = request_id
    msg["X-Unsent"] = "1"
    msg["X-DSAR-Case"] = ref
    body = [
        ("Madame, Monsieur," if fr else "Dear Sir or Madam,"),
        "",
        BODIES[kind][1 if fr else 0].format(ref=ref, received=dl.format_date(case.received_date, language)),
    ]
    if encrypted:
        body += ["", ENCRYPTED[1 if fr else 0]]
    body += [
        "",
        CLOSING[1 if fr else 0].format(
            signatory=letters.signatory(register, language), organisation=head.organisation
        ),
    ]
    msg.set_content("\n".join(body) + "\n")
    for name, media, content in files:
        maintype, subtype = media.split("/")
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=name)
    data = msg.as_bytes()
    return Draft(
        data=data,
        to=to,
        subject=str(msg["Subject"]),
        in_reply_to=request_id,
        attachments=[DraftAttachment(n, m, hashlib.sha256(c).hexdigest(), len(c)) for n, m, c in files],
        encrypted_pack=encrypted,
    )


def write_draft(
    register: Register,
    ref: str,
    kind: str,
    out: Path,
    *,
    pack: Path | None = None,
    language: str | None = None,
) -> Draft:
    """Write the draft where the person chose (an export on purpose) and record that it was prepared."""
    draft = build_draft(register, ref, kind, pack=pack, language=language)
    out = Path(out)
    if out.suffix.lower() != ".eml":
        out = out.with_name(out.name + ".eml")
    packfile.write_atomic(out, draft.data)
    case_service.record_event(
        register, ref, "mail_draft",
        f"E-mail draft prepared ({kind}, {len(draft.attachments)} attachment(s)); not sent until a person records the dispatch",
        {"kind": kind, "attachments": [a.name for a in draft.attachments], "encrypted_pack": draft.encrypted_pack},
        {"kind": kind, "attachments": len(draft.attachments), "sha256": hashlib.sha256(draft.data).hexdigest(),
         "threaded": bool(draft.in_reply_to), "encrypted_pack": draft.encrypted_pack},
    )  # fmt: skip
    return draft


def default_file_name(ref: str, kind: str) -> str:
    return f"{ref}-{kind.replace('_', '-')}.eml"


__all__ = ["KINDS", "Draft", "build_draft", "write_draft", "recipient_address", "default_file_name"]
