"""Rules for reading a request that came by e-mail: limits, receipt moment, rights and language hints, names.

Pure functions over text; the services read the files. Every suggestion here is for a person
to confirm in the intake form: nothing is decided from keywords alone.

Receipt moment (RULES A1): the top `Received:` header is the one the office's own mail server
added when the message reached the DPO mailbox (each server adds its line above the earlier
ones), so its date is the moment the request reached an official channel. The sender's `Date:`
is the sender's clock and is used only when no `Received:` date can be read, and the form says
which header the moment came from.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from .cases import Right
from .deadlines import PARIS

# ---- limits ----------------------------------------------------------------------------------
# A DPO mailbox takes messages of 25-35 MB at most; with base64 that is about 40 MB on disk.
MAX_MESSAGE_BYTES = 40 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
MAX_ATTACHMENTS = 30
MAX_MIME_DEPTH = 8
MAX_MIME_PARTS = 200
MAX_TEXT_CHARS = 200_000  # the request's text kept and shown; longer text is cut and the form says so
MAX_NAME_CHARS = 120


# ---- receipt moment --------------------------------------------------------------------------
@dataclass(frozen=True)
class ReceiptMoment:
    at: dt.datetime | None  # Paris time; None when no header gives a readable date
    source: str  # "Received" | "Date" | ""
    header: str  # the header line it came from, as read (for the person to check)
    note_en: str = ""
    note_fr: str = ""


def header_date(value: str) -> dt.datetime | None:
    """An RFC 5322 date (with its zone) as an aware datetime; None when unreadable or absurd."""
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:  # "-0000": UTC with the local zone unknown (RFC 5322 3.3)
        parsed = parsed.replace(tzinfo=dt.UTC)
    if not 1990 <= parsed.year <= 2200:
        return None
    return parsed


def received_date_of(received_header: str) -> dt.datetime | None:
    """The date of one `Received:` header: what follows its last ';' (RFC 5321 4.4)."""
    if ";" not in received_header:
        return None
    return header_date(received_header.rsplit(";", 1)[1])


def receipt_moment(received_headers: list[str], date_header: str | None) -> ReceiptMoment:
    """Top `Received:` header when its date is readable, else `Date:`; converted to Paris time."""
    if received_headers:
        top = one_line(received_headers[0])
        when = received_date_of(top)
        if when is not None:
            return ReceiptMoment(when.astimezone(PARIS), "Received", top)
        note_en = "The top Received header has no readable date; the sender's Date header was used."
        note_fr = "L'en-tête Received le plus récent n'a pas de date lisible ; l'en-tête Date de l'expéditeur a été utilisé."
    else:
        note_en = "No Received header (a message saved before sending, or forwarded as a file): the sender's Date header was used."
        note_fr = "Aucun en-tête Received (message enregistré avant envoi ou transféré en fichier) : l'en-tête Date de l'expéditeur a été utilisé."
    if date_header:
        when = header_date(date_header)
        if when is not None:
            return ReceiptMoment(when.astimezone(PARIS), "Date", one_line(date_header), note_en, note_fr)
    return ReceiptMoment(
        None,
        "",
        "",
        "No header gives a readable receipt date: type the date the message reached the DPO mailbox.",
        "Aucun en-tête ne donne de date de réception lisible : saisissez la date d'arrivée dans la boîte du DPO.",
    )


# ---- names and addresses ---------------------------------------------------------------------
# Bidirectional overrides and zero-width characters can make "moc.elpmaxe@" read as "example.com".
_INVISIBLE = re.compile("[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_ADDRESS_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def one_line(text: str, limit: int = 998) -> str:
    """A header value on one line, without control or direction-changing characters."""
    text = _INVISIBLE.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()[:limit]


@dataclass(frozen=True)
class SenderName:
    name: str
    warning_en: str = ""
    warning_fr: str = ""


def clean_sender_name(display_name: str, address: str) -> SenderName:
    """The display name fit for the form; warns when it hides another address or was cut."""
    name = one_line(display_name).strip(" \"'<>")
    warning_en = warning_fr = ""
    hidden = [a for a in _ADDRESS_IN_TEXT.findall(name) if a.casefold() != address.casefold()]
    if hidden:
        name = _ADDRESS_IN_TEXT.sub("", name).replace("<>", "").strip(" \"'<>()")
        warning_en = (
            f"The sender's name showed another address ({hidden[0]}) than the one the message came from "
            f"({address}); only the real one was kept."
        )
        warning_fr = (
            f"Le nom de l'expéditeur affichait une autre adresse ({hidden[0]}) que celle d'où vient le message "
            f"({address}) ; seule la véritable a été gardée."
        )
    if len(name) > MAX_NAME_CHARS:
        name = name[:MAX_NAME_CHARS].rstrip()
        warning_en = warning_en or f"The sender's name was cut to {MAX_NAME_CHARS} characters."
        warning_fr = warning_fr or f"Le nom de l'expéditeur a été coupé à {MAX_NAME_CHARS} caractères."
    return SenderName(name, warning_en, warning_fr)


def name_for_case(display_name: str) -> str:
    """'DUPRÉ, Héloïse' or 'Héloïse Dupré' -> 'Héloïse DUPRÉ' (the register's First LAST)."""
    name = display_name.strip()
    if "," in name:
        last, _, first = name.partition(",")
        return f"{first.strip()} {last.strip().upper()}".strip()
    parts = name.split()
    if len(parts) < 2 or any(p.isupper() and len(p) > 1 for p in parts):
        return name
    return " ".join([*parts[:-1], parts[-1].upper()])


# ---- rights and language -----------------------------------------------------------------------
def fold(text: str) -> str:
    """Lower case without accents, apostrophes unified: what the keyword rules read."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("`", "'").replace("œ", "oe")


# Phrases (folded) that suggest each right. Short, unambiguous phrases only: a person confirms.
RIGHT_KEYWORDS: dict[Right, tuple[str, ...]] = {
    Right.ACCESS: (
        r"droit d'acces",
        r"acces a (?:mes|toutes mes|l'ensemble de mes) donnees",
        r"copie de (?:mes|toutes mes) donnees",
        r"quelles donnees",
        r"article 15",
        r"art\.? 15\b",
        r"subject access",
        r"right of access",
        r"access request",
        r"copy of (?:all )?(?:my|the) (?:personal )?(?:data|information)",
        r"\bdsar\b",
        r"what (?:personal )?data you hold",
        r"access to my (?:personal )?data",
    ),
    Right.RECTIFICATION: (
        r"rectifi",
        r"corriger",
        r"correction de",
        r"donnees inexactes",
        r"article 16",
        r"art\.? 16\b",
        r"correct my",
        r"inaccurate",
        r"rectify",
        r"update my (?:name|address|details)",
    ),
    Right.ERASURE: (
        r"supprim\w* (?:mes|toutes mes|mon|l'ensemble de mes)",
        r"suppression de (?:mes|mon)",
        r"effac",
        r"droit a l'oubli",
        r"article 17",
        r"art\.? 17\b",
        r"delete (?:all )?my",
        r"erase",
        r"erasure",
        r"right to be forgotten",
        r"remove (?:all )?my (?:personal )?data",
    ),
    Right.RESTRICTION: (
        r"limitation du traitement",
        r"limiter le traitement",
        r"article 18",
        r"art\.? 18\b",
        r"restrict(?:ion of)? (?:the )?processing",
        r"restrict the use",
    ),
    Right.OBJECTION: (
        r"je m'oppose",
        r"droit d'opposition",
        r"me desabonner",
        r"desinscri",
        r"ne plus recevoir",
        r"prospection",
        r"article 21",
        r"art\.? 21\b",
        r"\bobject to\b",
        r"right to object",
        r"unsubscribe",
        r"stop sending",
        r"no longer receive",
        r"direct marketing",
    ),
    Right.PORTABILITY: (
        r"portabilite",
        r"portability",
        r"format structure",
        r"lisible par (?:une )?machine",
        r"article 20",
        r"art\.? 20\b",
        r"machine[- ]readable",
        r"transmettre mes donnees a",
    ),
    Right.CONSENT_WITHDRAWAL: (
        r"retir\w* (?:mon|le) consentement",
        r"retrait (?:de mon|du) consentement",
        r"withdraw(?:ing)? (?:my )?consent",
        r"revoke (?:my )?consent",
    ),
}
_RIGHT_PATTERNS = {right: re.compile("|".join(words)) for right, words in RIGHT_KEYWORDS.items()}


@dataclass(frozen=True)
class RightHint:
    right: Right
    phrase: str  # the words of the message that suggested it, as written


def suggest_rights(text: str) -> list[RightHint]:
    """Rights the text seems to invoke, each with the phrase that suggested it, in the order of `Right`."""
    # Fold character by character, remembering where each folded character came from, so the
    # phrase shown to the person is their own words ("droit d'accès"), not the folded form.
    folded_parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = fold(char)
        folded_parts.append(piece)
        origin.extend([index] * len(piece))
    folded = "".join(folded_parts)
    hints = []
    for right, pattern in _RIGHT_PATTERNS.items():
        match = pattern.search(folded)
        if match:
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            hints.append(RightHint(right, one_line(text[start:end])))
    return hints


_FRENCH_WORDS = frozenset(
    "je vous les des mes mon ma une est que qui pour dans avec sur pas sont donnees madame monsieur bonjour "
    "merci cordialement demande votre vos nous ai aux du au et".split()
)
_ENGLISH_WORDS = frozenset(
    "i you the my me is are of to for with and please dear hello thank thanks regards request your we have "
    "data this that be on".split()
)


def guess_language(text: str) -> str:
    """'fr' or 'en' from common words; French when nothing tells (the office's language)."""
    words = re.findall(r"[a-z']+", fold(text)[:20_000])
    french = sum(1 for w in words if w in _FRENCH_WORDS or w.startswith(("j'", "d'", "l'", "qu'")))
    english = sum(1 for w in words if w in _ENGLISH_WORDS)
    return "en" if english > french else "fr"


# ---- attachments -------------------------------------------------------------------------------
_ID_NAME = re.compile(
    r"\b(?:cni|carte|identite|identity|id|passeport|passport|permis|licen[cs]e|titre de sejour|residence|piece)\b"
)
_ID_TEXT = re.compile(
    r"piece d'identite|carte d'identite|passeport|identity (?:card|document)|passport|copy of my id\b"
)
ID_MEDIA_TYPES = frozenset({"image/jpeg", "image/png", "application/pdf"})


def looks_like_id_document(file_name: str, media_type: str, message_text: str) -> bool:
    """A JPEG/PNG/PDF named like an ID document, or the only kind of attachment of a message that mentions one."""
    if media_type not in ID_MEDIA_TYPES:
        return False
    name = re.sub(r"[_.\-]+", " ", fold(file_name))
    return bool(_ID_NAME.search(name) or _ID_TEXT.search(fold(message_text)))


def safe_file_name(name: str, fallback: str) -> str:
    """An attachment's name for display: no path, no control characters, not empty."""
    name = one_line(name or "", 200).replace("\\", "/").rsplit("/", 1)[-1].strip(". ")
    return name or fallback
