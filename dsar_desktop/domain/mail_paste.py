"""Reading an e-mail pasted as text (headers and body, as Outlook or Thunderbird copy them), in French or English.

Mail clients copy a message as a few labelled lines ("De : …", "Envoyé : …", "Objet : …" or
"From: …", "Sent: …", "Subject: …") followed by the text. A pasted date has no time zone:
it is the Paris time the office's client showed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .deadlines import PARIS
from .mail import fold, header_date

# folded label -> field
_LABELS = {
    "from": "from", "de": "from", "expediteur": "from", "sender": "from",
    "sent": "date", "date": "date", "envoye": "date", "envoye le": "date", "received": "date", "recu": "date",
    "to": "to", "a": "to", "pour": "to", "destinataire": "to",
    "cc": "cc", "subject": "subject", "objet": "subject", "sujet": "subject",
    "message-id": "message_id", "reply-to": "reply_to", "repondre a": "reply_to",
}  # fmt: skip
_RFC_DATE = re.compile(
    r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s+[+-]\d{4}"
)
_HEADER_LINE = re.compile(r"^\s*([A-Za-zÀ-ÿ\- ]{1,20}?)\s*:\s?(.*)$")

_MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "janv": 1, "fevr": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
}  # fmt: skip


@dataclass
class PastedMail:
    headers: dict[str, str] = field(default_factory=dict)  # field -> value as pasted
    body: str = ""
    sent_at: dt.datetime | None = None  # Paris time


def _date_from_words(text: str) -> dt.datetime | None:
    """'lundi 1 février 2027 00:30', 'Monday, February 1, 2027 12:30 AM', '01/02/2027 00:30', RFC dates."""
    if _RFC_DATE.match(text):  # a raw Date header was pasted: it carries its zone
        rfc = header_date(text)
        if rfc is not None:
            return rfc.astimezone(PARIS)
    folded = fold(text).replace(",", " ").replace(" a ", " ").replace(" at ", " ")
    time_match = re.search(r"(\d{1,2})[:h](\d{2})(?::\d{2})?\s*(am|pm)?", folded)
    hour = minute = 0
    if time_match:
        hour, minute = int(time_match[1]), int(time_match[2])
        if time_match[3] == "pm" and hour < 12:
            hour += 12
        if time_match[3] == "am" and hour == 12:
            hour = 0
        folded = folded[: time_match.start()] + folded[time_match.end() :]
    numeric = re.search(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b", folded)
    try:
        if numeric:  # the office's clients show day first
            day, month, year = int(numeric[1]), int(numeric[2]), int(numeric[3])
        else:
            iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", folded)
            if iso:
                year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
            else:
                month_word = next(
                    (w for w in re.findall(r"[a-z]+", folded) if w.rstrip(".") in _MONTHS), None
                )
                year_match = re.search(r"\b(\d{4})\b", folded)
                day_match = re.search(r"\b(\d{1,2})(?:er|st|nd|rd|th)?\b", folded)
                if not (month_word and year_match and day_match):
                    return None
                month, year, day = _MONTHS[month_word.rstrip(".")], int(year_match[1]), int(day_match[1])
        return dt.datetime(year, month, day, hour, minute, tzinfo=PARIS)
    except ValueError:
        return None


def parse_pasted(text: str) -> PastedMail:
    """Split pasted text into the labelled header lines at its top and the body below them."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out = PastedMail()
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    last_field = None
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            if out.headers:
                index += 1
                break
            index += 1
            continue
        match = _HEADER_LINE.match(line)
        key = _LABELS.get(fold(match[1]).strip()) if match else None
        if key:
            out.headers.setdefault(key, match[2].strip() if match else "")
            last_field = key
        elif last_field and line[:1] in (" ", "\t"):  # a folded header line
            out.headers[last_field] += " " + line.strip()
        else:
            break
        index += 1
    out.body = "\n".join(lines[index:]).strip() if out.headers else text.strip()
    if "date" in out.headers:
        out.sent_at = _date_from_words(out.headers["date"])
    return out
