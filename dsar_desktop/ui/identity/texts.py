"""Words the identity screens share: proof states, parties, check-digit names, item marks and date input."""

from __future__ import annotations

import datetime as dt
import re
from html import escape

from ...domain.identity import DOCUMENT_TYPES, METHOD_LABELS, PROOF_LABELS, IdentityMethod, ProofKind
from ..i18n import QT_TR_NOOP, pick, tr

STATE_COLOURS = {  # (background, text): calm for done, amber for waiting, red for refused
    "not_requested": ("#e9edf0", "#4a5560"),
    "requested": ("#fff4d6", "#6b4a00"),
    "received": ("#dce8f2", "#1d4f73"),
    "verified": ("#dff3e4", "#1e5631"),
    "rejected": ("#fbeaea", "#a3231f"),
    "more_needed": ("#fff4d6", "#6b4a00"),
}
CHECK_NAMES = {
    "document_number": QT_TR_NOOP("document number"),
    "birth_date": QT_TR_NOOP("date of birth"),
    "expiry_date": QT_TR_NOOP("expiry date"),
    "personal_number": QT_TR_NOOP("personal number"),
    "optional_data": QT_TR_NOOP("optional data"),
    "composite": QT_TR_NOOP("composite (whole zone)"),
}
FIELD_NAMES = {
    "name": QT_TR_NOOP("name"),
    "birth_date": QT_TR_NOOP("date of birth"),
    "document_number": QT_TR_NOOP("document number"),
    "issuing_country": QT_TR_NOOP("issuing country"),
    "expiry_date": QT_TR_NOOP("expiry date"),
}
# item status -> (mark, colour)
MARKS = {
    "ok": ("✓", "#1e5631"),
    "fail": ("✗", "#a3231f"),
    "missing": ("?", "#6b4a00"),
    "n/a": ("–", "#4a5560"),
}


def state_text(state: str) -> str:
    # Disambiguated: "rejected" is also a match's state, with another French (gender).
    texts = {
        "not_requested": tr("not requested", "state of a proof"),
        "requested": tr("requested, waiting for it", "state of a proof"),
        "received": tr("received, to be checked", "state of a proof"),
        "verified": tr("verified", "state of a proof"),
        "rejected": tr("rejected", "state of a proof"),
        "more_needed": tr("more information needed", "state of a proof"),
    }
    return texts.get(state, state)


def state_badge(state: str) -> str:
    """Rich text: the state as a coloured pill."""
    background, colour = STATE_COLOURS.get(state, ("#e9edf0", "#1f2933"))
    return (
        f"<span style='background:{background}; color:{colour}; font-weight:bold;'>"
        f"&nbsp;{state_text(state)}&nbsp;</span>"
    )


def party_text(party: str) -> str:
    return tr("the data subject") if party == "subject" else tr("the requester")


def proof_text(kind: str) -> str:
    return pick(PROOF_LABELS[ProofKind(kind)])


def method_text(method: str) -> str:
    try:
        return pick(METHOD_LABELS[IdentityMethod(method)])
    except ValueError:
        return proof_text(method) if method in {k.value for k in ProofKind} else method


def document_type_text(kind: str, code: str | None) -> str:
    if not code:
        return "—"
    return pick(DOCUMENT_TYPES[ProofKind(kind)].get(code, (code, code)))


def check_name(key: str) -> str:
    return tr(CHECK_NAMES[key]) if key in CHECK_NAMES else key.replace("_", " ")


def field_name(key: str) -> str:
    return tr(FIELD_NAMES[key]) if key in FIELD_NAMES else key.replace("_", " ")


def mark(status: str) -> str:
    symbol, colour = MARKS.get(status, ("?", "#1f2933"))
    return f"<span style='color:{colour}; font-weight:bold;'>{symbol}</span>"


def parse_day(text: str) -> dt.date | None:
    """A date typed from a document: 12/08/1974, 12.08.1974, 12 08 1974 or 1974-08-12. Raises ValueError."""
    text = text.strip()
    if not text:
        return None
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if iso:
        return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
    french = re.fullmatch(r"(\d{1,2})[/. -](\d{1,2})[/. -](\d{4})", text)
    if french:
        return dt.date(int(french[3]), int(french[2]), int(french[1]))
    raise ValueError(text)


def html(text: str) -> str:
    """Text placed in rich-text labels: <, > and & escaped, apostrophes left readable."""
    return escape(text, quote=False)
