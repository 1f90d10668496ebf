"""Letters to data subjects: compose a case's letter from its template, settings and data; manage templates.

The UI's template editor calls `template_source`, `preview_letter` (live preview, unsaved
source), `save_template` (validates first), `revert_template` and `template_history`;
the print dialog takes `build_letter` bytes; settings screens use `letterhead`,
`set_letterhead`, `envelope_offset`, `set_envelope_offset` and `calibration_page`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..documents import raster
from ..documents import templates as tpl
from ..documents.address import AddressInvalid, EnvelopeOffset, address_lines, validate_address
from ..documents.annexes import AnnexTable, Redacted
from ..documents.art15 import build_sections, field_of, remedies_section, source_name
from ..documents.calibration import calibration_pdf
from ..documents.letter import LetterDocument, Letterhead, Section, render_letter
from ..documents.rights import LIL_FULL, is_portable, portability_sections
from ..domain import deadlines as dl
from ..domain import minors
from ..domain.cases import RIGHT_LABELS, Capacity, Case, Person, Right, Status
from ..domain.directives import Directives, reply_paragraph
from ..domain.errors import DsarError, InvalidInput
from ..domain.notifications import ART19_KINDS, Notification, confirmation_blockers
from ..store import audit
from ..store import settings as store_settings
from ..store.connection import Register
from . import cases as case_service
from . import directives
from . import notifications as notification_service
from .identity_status import identity_status

KINDS = tpl.KINDS
REPLY_KINDS = ("access_response", "portability_response")


_CONFIRMATIONS = (
    (Right.ERASURE, "confirmation_erasure"),
    (Right.RECTIFICATION, "confirmation_rectification"),
    (Right.RESTRICTION, "confirmation_restriction"),
    (Right.OBJECTION, "confirmation_objection"),
    (Right.CONSENT_WITHDRAWAL, "confirmation_consent_withdrawal"),
)


def reply_kind(rights: list[Right]) -> str:
    """The reply a pack carries: access (with portability when asked), portability alone, or the
    confirmation of the right invoked; a portability request is never answered as an access one."""
    wanted = set(rights)
    if Right.ACCESS in wanted:
        return "access_response"
    if Right.PORTABILITY in wanted:
        return "portability_response"
    for right, kind in _CONFIRMATIONS:
        if right in wanted:
            return kind
    return "access_response"


def heir_scope_section(language: str, found: Directives | None) -> Section:
    """LIL art. 85: what an heir may obtain, and what was recorded of the deceased's directives.

    With nothing recorded the section says nothing of directives (the pack cannot be built then:
    domain/case_actions); it never claims directives were followed when nobody looked."""
    lil = LIL_FULL[language]
    said = [reply_paragraph(found, language)] if found is not None else []
    if language == "fr":
        return Section(
            "Demande présentée en qualité d'héritier",
            [
                "Votre identité, le décès et votre qualité d'héritier ont été vérifiés. Conformément à l'article 85 "
                f"de la {lil}, cette réponse porte sur ce qui est nécessaire au règlement de la succession et à la "
                "prise en compte du décès (clôture des comptes, fin des traitements, mise à jour des données).",
                *said,
            ],
        )
    return Section(
        "Request made as an heir",
        [
            "Your identity, the death and your status as heir have been checked. Under Article 85 of the "
            f"{lil}, this answer covers what is needed to settle the estate and to have the death taken into "
            "account (closing accounts, ending processing, updating the data).",
            *said,
        ],
    )


def default_letter(case: Case) -> str:
    """The letter the response tab offers first: to a child under 15 who wrote alone, the plain-words
    letter saying what happens next (RULES C2); otherwise the reply the rights call for."""
    age = minors.age_on(case.subject.dob, case.received_date) if case.subject.dob else None
    if case.capacity == Capacity.SELF and age is not None and age < minors.PARENTAL_AUTHORITY_AGE:
        return "minor_alone_notice"
    return reply_kind(list(case.rights))


def other_rights_sections(case: Case, kind: str, language: str) -> list[Section]:
    """In a reply to several rights, one part per right the letter's own kind does not answer,
    each with its references; the action itself is confirmed in its own letter once recorded."""
    fr = language == "fr"
    covered = {
        "access_response": {Right.ACCESS, Right.PORTABILITY},
        "portability_response": {Right.PORTABILITY},
    }
    covered.update({k: {r} for r, k in _CONFIRMATIONS})
    rest = [r for r in case.rights if r not in covered.get(kind, set())]
    parts = {
        Right.ACCESS: ("Votre demande d'accès (article 15 du RGPD)", "Your access request (Article 15 GDPR)"),
        Right.PORTABILITY: (
            "Votre demande de portabilité (article 20 du RGPD)",
            "Your portability request (Article 20 GDPR)",
        ),
        Right.RECTIFICATION: (
            "Votre demande de rectification (article 16 du RGPD)",
            "Your rectification request (Article 16 GDPR)",
        ),
        Right.ERASURE: (
            "Votre demande d'effacement (article 17 du RGPD)",
            "Your erasure request (Article 17 GDPR)",
        ),
        Right.RESTRICTION: (
            "Votre demande de limitation (article 18 du RGPD)",
            "Your restriction request (Article 18 GDPR)",
        ),
        Right.OBJECTION: ("Votre opposition (article 21 du RGPD)", "Your objection (Article 21 GDPR)"),
        Right.CONSENT_WITHDRAWAL: (
            "Le retrait de votre consentement (article 7, paragraphe 3, du RGPD)",
            "The withdrawal of your consent (Article 7(3) GDPR)",
        ),
    }
    text = (
        "Cette demande est traitée dans le même délai, qui expire le {due} ; nous vous confirmerons par une "
        "lettre distincte ce qui aura été fait, une fois que ce sera enregistré."
        if fr
        else "This request is handled within the same time limit, which ends on {due}; we will confirm in a "
        "separate letter what has been done, once it is recorded."
    ).format(due=tpl.format_date(case.current_due, language))
    return [Section(parts[r][0 if fr else 1], [text]) for r in rest]


class LetterRefused(DsarError):
    code = "letter_refused"
    en = "The {kind} letter for {ref} cannot be produced: {reason}"
    fr = "La lettre « {kind_fr} » pour {ref} ne peut pas être produite : {reason_fr}"
    exit_code = 1


class DisclosureBlocked(DsarError):
    code = "disclosure_blocked"
    en = "No data may be disclosed for {ref}: {reason}"
    fr = "Aucune donnée ne peut être communiquée pour {ref} : {reason_fr}"
    exit_code = 1


class SourcesMissing(DsarError):
    code = "sources_missing"
    en = "The access response for {ref} cannot be built while systems are still unsearched or unconfirmed: {sources}."
    fr = "La réponse d'accès pour {ref} ne peut pas être produite tant que des systèmes restent à consulter ou à confirmer : {sources_fr}."
    exit_code = 1


def _refuse(kind: str, ref: str, en: str, fr: str) -> LetterRefused:
    en_label, fr_label = tpl.KIND_LABELS[kind]
    return LetterRefused(kind=en_label, kind_fr=fr_label, ref=ref, reason=en, reason_fr=fr)


# ---- inputs from the other areas: gathered once, passed explicitly -------------------------------
@dataclass(frozen=True)
class LetterInputs:
    """What a reply needs from the other areas, gathered by the caller (tests pass fakes).

    `confirmed`: the extracts service's confirmed rows; `missing`: systems still unsearched or
    unconfirmed; `catalogue`: the processing register in force; `disclosure_block`: why no data
    may be disclosed yet (English, French), or None."""

    confirmed: list[dict[str, Any]]
    missing: list[Any]
    catalogue: Any
    disclosure_block: tuple[str, str] | None


def gather_inputs(reg: Register, ref: str) -> LetterInputs:
    """Ask the extracts, catalogue and identity services once for what a reply of `ref` needs."""
    # imported here, statically: the extracts engine is heavy and the CLI starts without it
    from . import catalogue as catalogue_service
    from . import extracts as extracts_service
    from .identity_status import disclosure_block_reason

    block = disclosure_block_reason(reg, ref)
    return LetterInputs(
        confirmed=list(extracts_service.confirmed_data(reg, ref)),
        missing=list(extracts_service.missing_sources(reg, ref)),
        catalogue=catalogue_service.current_catalogue(reg),
        disclosure_block=(str(block[0]), str(block[1])) if block else None,
    )


def check_disclosure(ref: str, inputs: LetterInputs) -> None:
    """Raise DisclosureBlocked (e.g. under 15 without proof of parental authority) or SourcesMissing."""
    if inputs.disclosure_block:
        en, fr = inputs.disclosure_block
        raise DisclosureBlocked(ref=ref, reason=en, reason_fr=fr)
    if inputs.missing:
        raise SourcesMissing(
            ref=ref,
            sources=", ".join(str(getattr(m, "name", m)) for m in inputs.missing),
            sources_fr=", ".join(str(getattr(m, "name_fr", getattr(m, "name", m))) for m in inputs.missing),
        )


# ---- settings -------------------------------------------------------------------------------
def letterhead(reg: Register) -> Letterhead:
    value = store_settings.get(reg, "letterhead")
    return Letterhead.from_json(value) if isinstance(value, dict) else Letterhead()


def set_letterhead(reg: Register, head: Letterhead) -> None:
    if not head.organisation.strip() or not head.email.strip():
        raise InvalidInput(
            "The letterhead needs the organisation's name and a contact e-mail.",
            "L'en-tête doit indiquer le nom de l'organisme et une adresse électronique de contact.",
        )
    with reg.transaction() as conn:
        store_settings.put(conn, "letterhead", head.to_json())
        audit.append(conn, reg.actor, "settings.letterhead", None, {"with_logo": bool(head.logo_png)})


def envelope_offset(reg: Register) -> EnvelopeOffset:
    value = store_settings.get(reg, "envelope_offset") or {}
    return EnvelopeOffset(float(value.get("right_mm", 0.0)), float(value.get("down_mm", 0.0)))


def set_envelope_offset(reg: Register, right_mm: float, down_mm: float) -> None:
    if not (-30 <= right_mm <= 30 and -30 <= down_mm <= 30):
        raise InvalidInput(
            "The envelope offset must stay within 30 mm in each direction.",
            "Le décalage d'enveloppe doit rester dans 30 mm dans chaque direction.",
        )
    with reg.transaction() as conn:
        store_settings.put(conn, "envelope_offset", {"right_mm": right_mm, "down_mm": down_mm})
        audit.append(
            conn, reg.actor, "settings.envelope_offset", None, {"right_mm": right_mm, "down_mm": down_mm}
        )


def signatory(reg: Register, language: str) -> str:
    """The signatory's name and title on one line (e-mail drafts); letters print them on two."""
    return ", ".join(letterhead(reg).signature_lines(language))


def calibration_page(reg: Register, language: str = "fr") -> bytes:
    """A page with the address frame where the window should be, to hold against a real envelope."""
    return calibration_pdf(envelope_offset(reg), language)


# ---- templates ------------------------------------------------------------------------------
@dataclass(frozen=True)
class TemplateVersion:
    kind: str
    language: str
    version: int  # 0 = the shipped default
    source: str
    created_at: str | None
    created_by: str | None

    @property
    def is_default(self) -> bool:
        return self.version == 0


def _check_language(language: str) -> str:
    if language not in tpl.LANGUAGES:
        raise InvalidInput(
            f"Language must be fr or en (got {language!r}).", f"La langue doit être fr ou en ({language!r})."
        )
    return language


def template_source(reg: Register, kind: str, language: str) -> TemplateVersion:
    tpl.check_kind(kind)
    _check_language(language)
    row = reg.query_one(
        "SELECT version, source, created_at, created_by FROM letter_templates WHERE kind = ? AND language = ?"
        " ORDER BY version DESC LIMIT 1",
        (kind, language),
    )
    if row is None or row[1] is None:
        return TemplateVersion(kind, language, 0, tpl.default_source(kind, language), None, None)
    return TemplateVersion(kind, language, int(row[0]), str(row[1]), row[2], row[3])


def template_history(reg: Register, kind: str, language: str) -> list[TemplateVersion]:
    rows = reg.query(
        "SELECT version, source, created_at, created_by FROM letter_templates WHERE kind = ? AND language = ?"
        " ORDER BY version DESC",
        (kind, language),
    )
    default = tpl.default_source(kind, language)
    return [
        TemplateVersion(kind, language, int(v), s if s is not None else default, a, b) for v, s, a, b in rows
    ]


def _store_template(reg: Register, kind: str, language: str, source: str | None, action: str) -> int:
    with reg.transaction() as conn:
        row = conn.execute(
            "SELECT coalesce(max(version), 0) FROM letter_templates WHERE kind = ? AND language = ?",
            (kind, language),
        ).fetchone()
        version = int(row[0]) + 1
        conn.execute(
            "INSERT INTO letter_templates(kind, language, version, source, created_at, created_by) VALUES (?,?,?,?,?,?)",
            (
                kind,
                language,
                version,
                source,
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                reg.actor,
            ),
        )
        audit.append(conn, reg.actor, action, None, {"kind": kind, "language": language, "version": version})
    return version


def save_template(reg: Register, kind: str, language: str, source: str) -> int:
    """Check the template against a sample letter (raises TemplateInvalid with the line), then keep it as a new version."""
    tpl.check_kind(kind)
    _check_language(language)
    tpl.render(source, kind, language, sample_context(kind, language))
    return _store_template(reg, kind, language, source, "template.saved")


def revert_template(reg: Register, kind: str, language: str) -> int:
    """Back to the shipped default, as a new version (the history keeps the edited ones)."""
    tpl.check_kind(kind)
    return _store_template(reg, kind, language, None, "template.reverted")


# ---- composing a letter -----------------------------------------------------------------------
def _salutations(case_like: Any, language: str) -> tuple[str, str]:
    if language == "fr":
        return "Madame, Monsieur,", "Madame, Monsieur"
    name = getattr(case_like, "requester_display", None) or "Sir or Madam"
    return f"Dear {name},", f"Dear {name}"


def _context(
    case: Case, language: str, extra: Mapping[str, Any], head: Letterhead, extended_due: dt.date
) -> dict[str, Any]:
    rights = [RIGHT_LABELS[Right(r)][1 if language == "fr" else 0] for r in case.rights]
    salutation, closing = _salutations(case, language)
    return {
        "case": {
            "ref": case.ref,
            "received_date": case.received_date,
            "channel": case.channel.value,
            "rights": rights,
            "legal_due": case.legal_due,
            "current_due": case.current_due,
            "policy_target": case.policy_target,
            "language": language,
        },
        "subject_name": case.subject.name,
        "requester_name": case.requester_display,
        "capacity": case.capacity.value,
        "salutation": salutation,
        "salutation_closing": closing,
        "electronic": case.electronic,
        "today": dl.today_paris(),
        "extended_due": extended_due,
        "dpo": {"organisation": head.organisation, "email": head.email, "lines": list(head.lines)},
        "extra": dict(extra),
        # a child under 15 writing alone: the family address on file gets a copy (RULES C2)
        "manifestly_unfounded": bool(case.manifestly_unfounded),
        "lil": LIL_FULL[language],
        "copy_to_holders": bool(case.capacity == Capacity.SELF and (case.subject.address or "").strip()),
    }


def sample_case(language: str = "fr") -> Case:
    """A fictitious case for template previews (no register needed)."""
    received = dt.date(2027, 3, 1)
    return Case(
        id=0, ref="DSAR-2027-0001", status=Status.IN_PROGRESS, channel=case_service.Channel.POST,
        received_at=dt.datetime(2027, 3, 1, 10, 0, tzinfo=dl.PARIS), received_date=received, language=language,
        rights=[Right.ACCESS], subject=Person("Zoë ŒUVRAY-MÜLLER", "zoe@example.org", None, dt.date(2000, 1, 2),
        "Zoë ŒUVRAY-MÜLLER\n12 rue de l’Église\n69003 LYON", None), requester_name=None, capacity=Capacity.SELF,
        requester_email=None, requester_address=None, extended=False, extension_reason=None,
        extension_notice_date=None, legal_due=dt.date(2027, 4, 1), policy_target=dt.date(2027, 3, 31),
        current_due=dt.date(2027, 4, 1), closure_reason=None, manifestly_unfounded=False, priority_flag=None,
        dispatch_date=None, dispatch_number=None, pack_sha256=None, created_at="", updated_at="", closed_at=None,
    )  # fmt: skip


def sample_context(kind: str, language: str) -> dict[str, Any]:
    extra = {"reason": "exemple de motif", "reasons": "exemple", "details": "exemple"}
    return _context(sample_case(language), language, extra, Letterhead(), dt.date(2027, 6, 1))


def recipient_lines(case: Case) -> list[str]:
    """The requester's postal block (a representative's own address when one acts), validated NF Z 10-011."""
    block = (
        case.requester_address
        if case.capacity != Capacity.SELF and case.requester_address
        else case.subject.address
    )
    lines = address_lines(block)
    if not lines:
        return [case.requester_display]  # e-mail only: no window, the letter goes as a PDF
    if lines[0].casefold() != case.requester_display.casefold() and len(lines) < 6:
        lines = [case.requester_display, *lines]
    return validate_address(lines)


def _kind_sections(
    reg: Register, case: Case, kind: str, language: str, extra: Mapping[str, Any]
) -> list[Section]:
    fr = language == "fr"
    if kind == "id_request" and not str(extra.get("reason") or "").strip():
        raise _refuse(
            kind, case.ref,
            "a reason for reasonable doubt must be recorded first (Art. 12(6): no systematic ID request).",
            "il faut d'abord consigner le motif du doute raisonnable (art. 12(6) : pas de demande systématique).",
        )  # fmt: skip
    if kind == "minor_alone_notice":
        age = minors.age_on(case.subject.dob, case.received_date) if case.subject.dob else None
        if case.capacity != Capacity.SELF or age is None or age >= minors.PARENTAL_AUTHORITY_AGE:
            raise _refuse(
                kind, case.ref,
                "this letter is for a child under 15 on receipt who wrote alone (date of birth and capacity).",
                "cette lettre s'adresse à un enfant de moins de 15 ans à la réception ayant écrit seul "
                "(date de naissance et qualité du demandeur).",
            )  # fmt: skip
        return []
    if kind in ("confirmation_erasure", "erasure_partial_refusal") and minors.MINOR_ERASURE in (
        case.priority_flag or ""
    ):
        lil = LIL_FULL[language]
        return [
            Section(
                "Données collectées lorsque vous étiez mineur"
                if fr
                else "Data collected while you were a minor",
                [
                    f"Votre demande porte sur des données collectées lorsque vous étiez mineur : elle a été traitée "
                    f"en priorité, sans délai, comme le prévoit l'article 51 de la {lil}."
                    if fr
                    else f"Your request concerns data collected while you were a minor: it was handled first, "
                    f"without delay, as Article 51 of the {lil} requires."
                ],
            ),
            *_kind_sections_rest(kind, case, language, extra),
        ]
    if kind == "extension_notice":
        today = dt.datetime.now(dl.PARIS).date()
        if today > case.legal_due:
            raise _refuse(
                kind, case.ref,
                f"the legal due date {case.legal_due.isoformat()} has passed; Art. 12(3) allows an extension only if notified before it.",
                f"l'échéance légale du {case.legal_due.isoformat()} est dépassée ; l'art. 12(3) n'autorise la prolongation que notifiée avant.",
            )  # fmt: skip
        reasons = str(extra.get("reasons") or case.extension_reason or "").strip()
        if not reasons:
            raise _refuse(
                kind,
                case.ref,
                "the reasons for the extension are required.",
                "les motifs de la prolongation sont requis.",
            )
        return [Section("Motifs de la prolongation" if fr else "Reasons for the extension", [reasons])]
    if kind == "refusal":
        reasons = str(extra.get("reasons") or case.closure_reason or "").strip()
        if not reasons:
            raise _refuse(
                kind,
                case.ref,
                "the reasons for the refusal are required (Art. 12(4)).",
                "les motifs du refus sont requis (art. 12(4)).",
            )
        return [Section("Motifs" if fr else "Reasons", [reasons]), remedies_section(language)]
    return _kind_sections_rest(kind, case, language, extra)


def erasure_exceptions(inputs: LetterInputs, language: str) -> list[str]:
    """What the register says is kept, and why, for each processing where the person's data were found."""
    _version, entries = catalogue_entries(inputs.catalogue)
    out = []
    for source in dict.fromkeys(str(item.get("source")) for item in inputs.confirmed):
        entry = entries.get(source) or {}
        reason = field_of(entry, "erasure_exception", language)
        if reason:
            retention = field_of(entry, "retention", language)
            name = source_name(source, entry, language)
            tail = (
                (
                    f" Durée de conservation : {retention}."
                    if language == "fr"
                    else f" Retention: {retention}."
                )
                if retention
                else ""
            )
            out.append(f"{name} : {reason}{tail}" if language == "fr" else f"{name}: {reason}{tail}")
    return out


def _kind_sections_rest(kind: str, case: Case, language: str, extra: Mapping[str, Any]) -> list[Section]:
    fr = language == "fr"
    if kind == "erasure_partial_refusal":
        kept = [str(extra["kept"])] if extra.get("kept") else list(extra.get("kept_by_register") or [])
        return [
            Section("Données conservées et motif" if fr else "Data kept and why", [], kept),
            remedies_section(language),
        ]
    return []


def art19_sections(
    reg: Register, case: Case, kind: str, language: str, inputs: LetterInputs
) -> list[Section]:
    """What Art. 19 lets a confirmation say: only the notifications recorded, and the right to know the
    recipients. Refused (naming every reason) before identity, state and notifications allow it."""
    fr = language == "fr"
    _version, entries = catalogue_entries(inputs.catalogue)
    sources = list(dict.fromkeys(str(item.get("source")) for item in inputs.confirmed))
    expected = notification_service.expected_recipients(entries, sources, "fr")
    done = notification_service.recorded(reg, case.ref)
    established = bool(identity_status(reg, case.ref).established_by)
    blockers = confirmation_blockers(case.status, established, inputs.disclosure_block, expected, done)
    if blockers:
        raise _refuse(
            kind, case.ref, "; ".join(b[0] for b in blockers) + ".", "; ".join(b[1] for b in blockers) + "."
        )
    bullets = [_notification_line(n, entries, language) for n in done if (n.source, n.recipient) in expected]
    paragraphs = []
    if not bullets:
        paragraphs.append(
            "Le registre des traitements ne mentionne aucun destinataire pour les données concernées."
            if fr
            else "The record of processing activities lists no recipient for the data concerned."
        )
    else:
        paragraphs.append(
            "Voici, pour chaque destinataire de ces données, ce que nous avons fait (article 19 du RGPD) :"
            if fr
            else "For each recipient of these data, this is what we did (Article 19 GDPR):"
        )
    tail = (
        "Vous pouvez nous demander de vous indiquer ces destinataires (article 19 du RGPD)."
        if fr
        else "You may ask us to tell you who these recipients are (Article 19 GDPR)."
    )
    section = Section("Information des destinataires" if fr else "Recipients informed", paragraphs, bullets)
    if bullets:
        return [section, Section("", [tail])]  # the right to know them, after the list
    section.paragraphs.append(tail)
    return [section]


def recipients_to_notify(
    reg: Register, ref: str, inputs: LetterInputs | None = None
) -> list[tuple[str, str, Notification | None]]:
    """Art. 19 worklist: (processing, recipient, what is recorded or None) for the processings where
    the person's data were found, as the register lists their recipients."""
    inputs = inputs or gather_inputs(reg, ref)
    _version, entries = catalogue_entries(inputs.catalogue)
    sources = list(dict.fromkeys(str(item.get("source")) for item in inputs.confirmed))
    done = {(n.source, n.recipient): n for n in notification_service.recorded(reg, ref)}
    return [
        (s, r, done.get((s, r))) for s, r in notification_service.expected_recipients(entries, sources, "fr")
    ]


def processing_names(reg: Register, language: str) -> dict[str, str]:
    """Processing id -> its plain-language name in the register in force (for lists shown to staff)."""
    from . import catalogue as catalogue_service

    _version, entries = catalogue_entries(catalogue_service.current_catalogue(reg))
    return {key: source_name(key, entry, language) for key, entry in entries.items()}


def _notification_line(n: Notification, entries: Mapping[str, Mapping[str, Any]], language: str) -> str:
    fr = language == "fr"
    where = source_name(n.source, entries.get(n.source), language)
    if n.outcome == "notified" and n.notified_on:
        when = tpl.format_date(n.notified_on, language)
        return (
            f"{n.recipient} ({where}) : informé le {when} ({n.means})"
            if fr
            else f"{n.recipient} ({where}): informed on {when} ({n.means})"
        )
    if n.outcome == "impossible":
        return (
            f"{n.recipient} ({where}) : information impossible, {n.reason}"
            if fr
            else f"{n.recipient} ({where}): could not be informed, {n.reason}"
        )
    return (
        f"{n.recipient} ({where}) : information non faite, car elle exigerait des efforts disproportionnés : {n.reason}"
        if fr
        else f"{n.recipient} ({where}): not informed, as it would involve disproportionate effort: {n.reason}"
    )


def _extended_due(reg: Register, case: Case) -> dt.date:
    if case.extended:
        return case.current_due
    return case_service.deadlines_for(reg, case).extended_due


def compose(
    reg: Register,
    ref: str,
    kind: str,
    language: str | None = None,
    extra: Mapping[str, Any] | None = None,
    source: str | None = None,
    inputs: LetterInputs | None = None,
) -> tuple[LetterDocument, int]:
    """The letter as a document model (before layout) and the template version used.

    `inputs`: the other areas' data (gathered here when a reply needs them and none are given)."""
    tpl.check_kind(kind)
    case = case_service.get_case(reg, ref)
    language = _check_language(language or case.language)
    extra = dict(extra or {})
    head = letterhead(reg)
    if source is None:
        current = template_source(reg, kind, language)
        source, version = current.source, current.version
    else:
        version = -1  # unsaved preview
    if kind == "erasure_partial_refusal" and not extra.get("kept"):
        inputs = inputs or gather_inputs(reg, ref)
        extra["kept_by_register"] = erasure_exceptions(inputs, language)
        if not extra["kept_by_register"]:
            raise _refuse(
                kind, ref,
                "none of the processings where the person's data were found records an erasure exception "
                "(Article 17(3)); say what is kept and why, or send the erasure confirmation.",
                "aucun des traitements où figurent les données de la personne n'indique d'exception à "
                "l'effacement (article 17, paragraphe 3) ; indiquez ce qui est conservé et pourquoi, ou envoyez "
                "la confirmation d'effacement.",
            )  # fmt: skip
    sections = _kind_sections(reg, case, kind, language, extra)
    annexes: list[AnnexTable] = []
    if kind in ART19_KINDS:
        inputs = inputs or gather_inputs(reg, ref)
        sections = art19_sections(reg, case, kind, language, inputs) + sections
    if kind in REPLY_KINDS:
        inputs = inputs or gather_inputs(reg, ref)
        check_disclosure(ref, inputs)
        found, annexes = access_material(inputs, language)
        portability = Right.PORTABILITY in case.rights
        if kind == "access_response":
            sections = build_sections(found, language, case.electronic, head.email)
            if portability:  # each right answered with its own references (RULES E)
                sections[-2:-2] = portability_sections(found, language, only_right=False)
        else:
            sections = portability_sections(found, language, only_right=True)
            wanted = {s for s, e, _ in found if is_portable(e)}
            annexes = [a for (s, _e, _n), a in zip(found, annexes, strict=True) if s in wanted]
        extra["data_found"] = bool(found)
    if kind in REPLY_KINDS or kind in {k for _, k in _CONFIRMATIONS}:
        extra_parts = other_rights_sections(case, kind, language)
        if case.capacity == Capacity.HEIR:
            extra_parts.insert(0, heir_scope_section(language, directives.latest(reg, case.id)))
        at = next(
            (
                i
                for i, x in enumerate(sections)
                if x.title.endswith(("réclamation", "complaint", "recours", "remedies"))
            ),
            len(sections),
        )
        sections[at:at] = extra_parts
    text = tpl.render(source, kind, language, _context(case, language, extra, head, _extended_due(reg, case)))
    doc = LetterDocument(
        language=language,
        letterhead=head,
        recipient=recipient_lines(case),
        reference=ref,
        date=dt.datetime.now(dl.PARIS).date(),
        subject=text.subject,
        body=text.body,
        signatory="\n".join(head.signature_lines(language)),
        closing=text.closing,
        sections=sections,
        annexes=annexes,
        offset=envelope_offset(reg),
        title=f"{ref} – {tpl.KIND_LABELS[kind][1 if language == 'fr' else 0]}",
    )
    return doc, version


def build_letter(
    reg: Register,
    ref: str,
    kind: str,
    language: str | None = None,
    extra: dict[str, Any] | None = None,
    inputs: LetterInputs | None = None,
) -> bytes:
    """The letter as PDF bytes (not written to disk); its production is recorded with its SHA-256."""
    doc, version = compose(reg, ref, kind, language, extra, inputs=inputs)
    rendered = render_letter(doc)
    with reg.transaction() as conn:
        conn.execute(
            "INSERT INTO letters_issued(case_ref, kind, language, template_version, sha256, pages, created_at, created_by)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (
                ref, kind, doc.language, max(version, 0), hashlib.sha256(rendered.pdf).hexdigest(), rendered.pages,
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), reg.actor,
            ),
        )  # fmt: skip
        audit.append(
            conn,
            reg.actor,
            "letter.built",
            ref,
            {"kind": kind, "language": doc.language, "pages": rendered.pages},
        )
    return rendered.pdf


def preview_letter(
    reg: Register,
    kind: str,
    language: str,
    source: str,
    ref: str | None = None,
    extra: dict[str, Any] | None = None,
) -> bytes:
    """Live preview of an unsaved template: with a case when given, else with a fictitious one. Not recorded."""
    if ref is not None:
        doc, _ = compose(reg, ref, kind, language, extra, source=source)
        return render_letter(doc).pdf
    tpl.check_kind(kind)
    case = sample_case(language)
    text = tpl.render(source, kind, language, sample_context(kind, language))
    head = letterhead(reg)
    doc = LetterDocument(
        language=language, letterhead=head, recipient=recipient_lines(case), reference=case.ref,
        date=dt.datetime.now(dl.PARIS).date(), subject=text.subject, body=text.body, closing=text.closing,
        signatory="\n".join(head.signature_lines(language)), offset=envelope_offset(reg),
    )  # fmt: skip
    return render_letter(doc).pdf


def check_postal_address(reg: Register, ref: str) -> list[str]:
    """For 'Print postal reply': the validated address lines, or AddressInvalid when there is no postal address."""
    case = case_service.get_case(reg, ref)
    lines = recipient_lines(case)
    if len(lines) < 2:
        raise AddressInvalid(
            problem="the case has no postal address", problem_fr="la demande n'a pas d'adresse postale"
        )
    return lines


# ---- access-response material -----------------------------------------------------------------
def catalogue_entries(catalogue: Any) -> tuple[str, dict[str, Mapping[str, Any]]]:
    if dataclasses.is_dataclass(catalogue) and not isinstance(catalogue, type):
        catalogue = dataclasses.asdict(catalogue)
    if not isinstance(catalogue, Mapping):
        catalogue = {
            "version": getattr(catalogue, "version", "?"),
            "sources": getattr(catalogue, "sources", {}),
        }
    sources = catalogue.get("sources", {})
    if isinstance(sources, list):
        sources = {str(s.get("id") or s.get("key") or s.get("source")): s for s in sources}
    entries = {}
    for key, value in sources.items():
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            value = dataclasses.asdict(value)
        entries[str(key)] = value
    return str(catalogue.get("version", "?")), entries


def catalogue_version(inputs: LetterInputs) -> str:
    return catalogue_entries(inputs.catalogue)[0]


@dataclass(frozen=True)
class ConfirmedRecord:
    """One confirmed row: its fields, the fields withheld {field: code}, and codes of parts masked in free text."""

    record: dict[str, Any]
    redactions: dict[str, str]
    text_codes: frozenset[str] = frozenset()


def normalise_records(data: list[dict[str, Any]]) -> dict[str, list[ConfirmedRecord]]:
    """Group the extracts service's confirmed rows by source."""
    grouped: dict[str, list[ConfirmedRecord]] = {}
    for item in data:
        record = dict(item.get("record") or {})
        raw = item.get("redactions") or {}
        redactions: dict[str, str] = {}
        if isinstance(raw, Mapping):
            redactions = {str(k): str(v or "other") for k, v in raw.items()}
        else:
            for r in raw:
                if isinstance(r, Mapping):
                    redactions[str(r.get("field") or r.get("column"))] = str(
                        r.get("code") or r.get("reason") or "other"
                    )
                else:
                    redactions[str(r)] = "other"
        text_codes = frozenset(
            str(t.get("code") or "other") for t in item.get("text_redactions") or [] if isinstance(t, Mapping)
        )
        grouped.setdefault(str(item.get("source")), []).append(
            ConfirmedRecord(record, redactions, text_codes)
        )
    return grouped


def access_material(
    inputs: LetterInputs, language: str
) -> tuple[list[tuple[str, Mapping[str, Any] | None, int]], list[AnnexTable]]:
    _version, entries = catalogue_entries(inputs.catalogue)
    grouped = normalise_records(inputs.confirmed)
    found: list[tuple[str, Mapping[str, Any] | None, int]] = []
    annexes: list[AnnexTable] = []
    for source_id, records in grouped.items():
        entry = entries.get(source_id)
        found.append((source_id, entry, len(records)))
        columns: list[str] = []
        for item in records:
            columns += [c for c in item.record if c not in columns]
        rows: list[list[str | Redacted]] = []
        codes: set[str] = set()
        for item in records:
            rows.append(
                [
                    Redacted(item.redactions[c]) if c in item.redactions else cell_text(item.record.get(c))
                    for c in columns
                ]
            )
            codes |= item.text_codes
        annexes.append(
            AnnexTable(
                title=source_name(source_id, entry, language),
                columns=[column_label(entry, c, language) for c in columns],
                rows=rows,
                redaction_codes=codes,
            )
        )
    return found, annexes


def column_label(entry: Mapping[str, Any] | None, column: str, language: str) -> str:
    """The register's plain-language label of an extract column; else the name made readable
    ("subscribed_at" -> "Subscribed at"), never the raw code (RULES D)."""
    labels = (entry or {}).get("columns") or {}
    label = labels.get(column)
    if isinstance(label, Mapping) and label.get(language):
        return str(label[language])
    words = column.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else column


def cell_text(value: Any) -> str:
    """One value as printed in an annex or written to data.csv/data.json."""
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


# ---- previews for the UI (it does not import documents/) ----------------------------------------
def page_png(pdf: bytes, page: int = 1, dpi: int = 100) -> bytes:
    """One page of a letter as PNG bytes for the template editor's live preview (through a pipe)."""
    return raster.pdf_page_png(pdf, page, dpi)


def page_count(pdf: bytes) -> int:
    return raster.pdf_page_count(pdf)
