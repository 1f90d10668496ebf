"""Post-mortem directives (LIL art. 85): what the deceased person decided for their data, recorded before an heir is answered.

Under article 85 of the loi n° 78-17, a person may leave general directives (registered
with a certified trusted third party) or particular directives (registered with the
controller) on the keeping, erasure and communication of their data after their death.
Heirs may act "in the absence of directives or of a contrary mention in them" (art. 85,
II). So before any reply to an heir the office records what it found: no directive known,
or the directives and where they are kept; the reply then says exactly that and no more.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .errors import InvalidInput


class Finding(StrEnum):
    NONE_KNOWN = "none_known"  # none registered with the office, none produced by the heirs
    GENERAL = "general"  # general directives, registered with a certified trusted third party
    PARTICULAR = "particular"  # particular directives, registered with this office


LABELS: dict[Finding, tuple[str, str]] = {
    Finding.NONE_KNOWN: ("No directive known", "Aucune directive connue"),
    Finding.GENERAL: (
        "General directives (certified trusted third party)",
        "Directives générales (tiers de confiance certifié)",
    ),
    Finding.PARTICULAR: ("Particular directives (registered with us)", "Directives particulières (enregistrées chez nous)"),
}

MIN_SUMMARY = 20  # a sentence that says what the directives ask, not "see file"


@dataclass(frozen=True)
class Directives:
    finding: Finding
    summary: str  # what they ask (keep, erase, communicate to whom); "" when none is known
    source: str  # where they were found or how the office checked
    recorded_by: str
    recorded_at: dt.datetime


def checked(finding: Finding | str, summary: str, source: str) -> tuple[Finding, str, str]:
    """The finding with its texts trimmed, or the InvalidInput that says what is missing."""
    try:
        finding = Finding(finding)
    except ValueError:
        raise InvalidInput(
            f"Unknown finding {finding!r}: choose none_known, general or particular.",
            f"Constat inconnu {finding!r} : choisissez none_known, general ou particular.",
        ) from None
    summary, source = " ".join(summary.split()), " ".join(source.split())
    if not source:
        raise InvalidInput(
            "Say how the directives were checked (for example: the office's register of directives, the heirs' "
            "letter of 3 March), so that the reply can be defended.",
            "Indiquez comment les directives ont été vérifiées (par exemple : le registre des directives du "
            "service, le courrier des héritiers du 3 mars), pour que la réponse puisse être justifiée.",
        )
    if finding != Finding.NONE_KNOWN and len(summary) < MIN_SUMMARY:
        raise InvalidInput(
            "Write what the directives ask in a sentence (keep, erase, communicate to whom): the reply to the "
            "heir states it.",
            "Écrivez en une phrase ce que demandent les directives (conserver, effacer, communiquer à qui) : la "
            "réponse à l'héritier l'indique.",
        )
    return finding, summary if finding != Finding.NONE_KNOWN else "", source


def reply_paragraph(directives: Directives, language: str) -> str:
    """The sentence of the reply to an heir about the directives: exactly what was recorded.

    It follows the sentence that cites the law in full, hence "cette loi" / "that Act"."""
    if language == "fr":
        if directives.finding == Finding.NONE_KNOWN:
            return (
                "La personne décédée n'a laissé, à notre connaissance, aucune directive sur le sort de ses données "
                "après son décès (article 85, I, de cette loi) ; en l'absence de directives, vous pouvez exercer "
                "ces droits dans la mesure nécessaire prévue par l'article 85, II."
            )
        where = (
            "enregistrées auprès d'un tiers de confiance certifié"
            if directives.finding == Finding.GENERAL
            else "enregistrées auprès de nos services"
        )
        return (
            f"La personne décédée a laissé des directives sur le sort de ses données après son décès, {where} "
            f"(article 85, I, de cette loi). Elles prévoient : {directives.summary.rstrip('.')}. Nous les "
            "respectons ; vos droits s'exercent dans cette limite (article 85, II)."
        )
    if directives.finding == Finding.NONE_KNOWN:
        return (
            "To our knowledge the deceased person left no directive on what becomes of their data after their "
            "death (Article 85(I) of that Act); in the absence of directives you may exercise these rights to "
            "the extent Article 85(II) allows."
        )
    where = (
        "registered with a certified trusted third party"
        if directives.finding == Finding.GENERAL
        else "registered with us"
    )
    return (
        f"The deceased person left directives on what becomes of their data after their death, {where} "
        f"(Article 85(I) of that Act). They provide: {directives.summary.rstrip('.')}. We follow them; your "
        "rights apply within them (Article 85(II))."
    )
