"""Identity checks: how identity was established, proof types, the checklist and its comparisons.

Pure rules (no I/O). The service records what this module decides:
- `IdentityMethod`: how identity was established (Art. 12(6): other means before any document);
- `ProofKind` with its accepted `document types` (ID document, parental authority, mandate);
- `Checklist` (what staff read on the proof) and `evaluate()` -> `Assessment`, a list of
  `CheckItem` the wizard shows one per line (ok / fail / missing / not applicable);
- `compare_names`, `compare_dates`, `compare_mrz`: accent- and case-insensitive, the difference shown.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .calendar import years_after
from .errors import InvalidInput
from .matching import fold, name_key, split_full_name
from .mrz import MrzResult


class Party(StrEnum):
    SUBJECT = "subject"
    REQUESTER = "requester"  # the parent, lawyer or other representative acting


class IdentityMethod(StrEnum):
    EMAIL_ON_FILE = "email_on_file"
    STUDENT_NUMBER = "student_number"
    DATA_MATCHING = "data_matching"
    ID_DOCUMENT = "id_document"


METHOD_LABELS = {
    IdentityMethod.EMAIL_ON_FILE: (
        "Request from the e-mail address on file",
        "Demande depuis l'adresse e-mail connue",
    ),
    IdentityMethod.STUDENT_NUMBER: (
        "Student number given and matching",
        "Numéro d'étudiant fourni et concordant",
    ),
    IdentityMethod.DATA_MATCHING: ("Matching data already held", "Concordance avec les données détenues"),
    IdentityMethod.ID_DOCUMENT: ("Identity document checked", "Pièce d'identité vérifiée"),
}
OTHER_MEANS = frozenset(
    {IdentityMethod.EMAIL_ON_FILE, IdentityMethod.STUDENT_NUMBER, IdentityMethod.DATA_MATCHING}
)


class ProofKind(StrEnum):
    IDENTITY_DOCUMENT = "identity_document"
    PARENTAL_AUTHORITY = "parental_authority"
    MANDATE = "mandate"
    DEATH_CERTIFICATE = "death_certificate"  # an heir acting about a deceased person (LIL art. 85)
    HEIR_STATUS = "heir_status"


PROOF_LABELS = {
    ProofKind.IDENTITY_DOCUMENT: ("Identity document", "Pièce d'identité"),
    ProofKind.PARENTAL_AUTHORITY: ("Proof of parental authority", "Preuve de l'autorité parentale"),
    ProofKind.MANDATE: ("Signed mandate", "Mandat signé"),
    ProofKind.DEATH_CERTIFICATE: ("Death certificate", "Acte de décès"),
    ProofKind.HEIR_STATUS: ("Proof of heir status", "Justificatif de la qualité d'héritier"),
}

# accepted document types per proof kind: code -> (English, French)
DOCUMENT_TYPES: dict[ProofKind, dict[str, tuple[str, str]]] = {
    ProofKind.IDENTITY_DOCUMENT: {
        "passport": ("Passport", "Passeport"),
        "national_id": ("National identity card", "Carte nationale d'identité"),
        "residence_permit": ("Residence permit", "Titre de séjour"),
        "driving_licence": ("Driving licence", "Permis de conduire"),
    },
    ProofKind.PARENTAL_AUTHORITY: {
        "livret_de_famille": ("Family record book (livret de famille)", "Livret de famille"),
        "birth_certificate_extract": (
            "Birth-certificate extract naming the parent",
            "Extrait d'acte de naissance avec filiation",
        ),
        "court_decision": (
            "Court decision on parental authority",
            "Décision de justice sur l'autorité parentale",
        ),
    },
    ProofKind.MANDATE: {
        "signed_mandate": ("Mandate signed by the data subject", "Mandat signé par la personne concernée"),
    },
    ProofKind.DEATH_CERTIFICATE: {
        "death_certificate": ("Death certificate (acte de décès)", "Acte de décès"),
    },
    ProofKind.HEIR_STATUS: {
        "acte_de_notoriete": ("Notarial deed of heirship (acte de notoriété)", "Acte de notoriété"),
        "attestation_heritiers": (
            "Certificate of heirship signed by all the heirs",
            "Attestation signée de l'ensemble des héritiers",
        ),
        "certificat_heredite": ("Certificate of inheritance (certificat d'hérédité)", "Certificat d'hérédité"),
    },
}


REASON_MIN_CHARS = 20
REASON_MIN_WORDS = 4


def check_reason_for_doubt(reason: str | None) -> str:
    """The reason for doubt as it will be printed to the person (Art. 12(6)): at least a sentence.

    Returns the stripped text, or raises InvalidInput saying what is missing. "x" or "doubt"
    is not a reason a DPO could show the person or the CNIL."""
    text = " ".join(str(reason or "").split())
    words = [w for w in text.split(" ") if any(ch.isalpha() for ch in w)]
    if len(text) < REASON_MIN_CHARS or len(words) < REASON_MIN_WORDS:
        raise InvalidInput(
            "Write the reason for doubt as a full sentence to the person (at least "
            f"{REASON_MIN_WORDS} words, {REASON_MIN_CHARS} characters): it is printed in the letter. "
            "Anything for staff only goes in the internal note.",
            "Rédigez le motif du doute en une phrase complète adressée à la personne (au moins "
            f"{REASON_MIN_WORDS} mots, {REASON_MIN_CHARS} caractères) : il est imprimé dans la lettre. "
            "Ce qui ne concerne que l'équipe va dans la note interne.",
        )
    return text


class Decision(StrEnum):
    VERIFIED = "verified"
    REJECTED = "rejected"
    MORE_NEEDED = "more_needed"


DECISION_LABELS = {
    Decision.VERIFIED: ("Verified", "Vérifiée"),
    Decision.REJECTED: ("Rejected", "Rejetée"),
    Decision.MORE_NEEDED: ("More information needed", "Complément nécessaire"),
}


def parse_decision(text: str) -> Decision:
    value = text.strip().lower().replace("-", "_")
    try:
        return Decision(value)
    except ValueError:
        raise InvalidInput(
            f"Decision '{text}' is not verified, rejected or more-needed.",
            f"La décision « {text} » n'est ni verified, ni rejected, ni more-needed.",
        ) from None


def required_proofs(capacity: str) -> list[tuple[Party, ProofKind]]:
    """What a decision needs by the requester's capacity (RULES B4). The subject acting alone needs
    nothing here unless there is a reasonable doubt; a representative proves identity and authority."""
    if capacity == "parent":
        return [
            (Party.REQUESTER, ProofKind.IDENTITY_DOCUMENT),
            (Party.REQUESTER, ProofKind.PARENTAL_AUTHORITY),
        ]
    if capacity in ("lawyer", "representative"):
        return [(Party.REQUESTER, ProofKind.IDENTITY_DOCUMENT), (Party.REQUESTER, ProofKind.MANDATE)]
    if capacity == "heir":  # LIL art. 85: the death, and the heir's own identity and status
        return [
            (Party.REQUESTER, ProofKind.IDENTITY_DOCUMENT),
            (Party.REQUESTER, ProofKind.DEATH_CERTIFICATE),
            (Party.REQUESTER, ProofKind.HEIR_STATUS),
        ]
    return []


def keep_last4(number: str | None) -> str | None:
    """The only part of a document number the register keeps."""
    if not number:
        return None
    compact = "".join(ch for ch in number.upper() if ch.isalnum())
    return compact[-4:] or None


# --- comparisons ---------------------------------------------------------------------------

# ICAO 9303 Part 3 §6 lets a state write Ä as AE or A, Ö as OE or O, Ü as UE or U, Å as AA, Ø as OE.
_ICAO_ALTERNATIVES = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "å": "aa", "ø": "oe", "Ä": "ae", "Ö": "oe", "Ü": "ue", "Å": "aa", "Ø": "oe"})  # fmt: skip


def name_keys(text: str) -> set[str]:
    """Keys under which a name may appear on a document: folded, and with ICAO's AE/OE/UE spellings."""
    return {name_key(text), name_key(text.translate(_ICAO_ALTERNATIVES))} - {""}


@dataclass(frozen=True)
class Comparison:
    """One field compared: expected (the case) against found (the document)."""

    field: str
    expected: str | None
    found: str | None
    status: str  # match | partial | mismatch | missing
    difference: str = ""  # e.g. "eriks[s→]on" on the folded forms
    note_en: str = ""
    note_fr: str = ""

    @property
    def matches(self) -> bool:
        return self.status in ("match", "partial")

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "expected": self.expected,
            "found": self.found,
            "status": self.status,
            "difference": self.difference,
            "note_en": self.note_en,
            "note_fr": self.note_fr,
        }


def show_difference(expected: str, found: str) -> str:
    """The folded forms with the edits marked: kept text as is, [old→new] where they differ.

    Words are compared first, so a missing middle name reads "anna [→maria] eriksson";
    within a word that changed, the letters are compared: "dup[re→ont]".
    """
    a, b = fold(expected).split(), fold(found).split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(a[i1:i2])
        elif op == "replace" and i2 - i1 == j2 - j1:
            out.extend(_letter_difference(x, y) for x, y in zip(a[i1:i2], b[j1:j2], strict=True))
        else:
            out.append(f"[{' '.join(a[i1:i2])}→{' '.join(b[j1:j2])}]")
    return " ".join(out)


def _letter_difference(a: str, b: str) -> str:
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        out.append(a[i1:i2] if op == "equal" else f"[{a[i1:i2]}→{b[j1:j2]}]")
    return "".join(out)


def compare_names(expected_full: str | None, surname: str | None, given_names: str | None) -> Comparison:
    """The case's "First LAST" against a document's surname and given names.

    match: same letters once accents, case, spaces, hyphens and apostrophes are set aside;
    partial: same surname and the case's first names are the start of the document's
    (a document lists every given name; an MRZ may truncate a long name).
    """
    found = " ".join(x for x in (given_names or "", surname or "") if x).strip()
    if not expected_full or not found:
        return Comparison("name", expected_full, found or None, "missing")
    first, last = split_full_name(expected_full)
    doc_first, doc_last = name_key(given_names or ""), name_key(surname or "")
    last_ok = doc_last in name_keys(last) or any(
        k and doc_last and k.startswith(doc_last) for k in name_keys(last)
    )
    first_keys = name_keys(first)
    if last_ok and (doc_first in first_keys or (not first and not doc_first)):
        return Comparison("name", expected_full, found, "match")
    if last_ok and any(k and doc_first.startswith(k) for k in first_keys):
        return Comparison(
            "name", expected_full, found, "partial",
            show_difference(expected_full, found),
            "The document lists more given names than the case.",
            "Le document porte plus de prénoms que la demande.",
        )  # fmt: skip
    swapped = name_key(given_names or "") in name_keys(last) and name_key(surname or "") in first_keys
    return Comparison(
        "name", expected_full, found, "mismatch",
        show_difference(f"{first} {last}", found),
        "Surname and given names look swapped." if swapped else "The names differ.",
        "Nom et prénoms semblent inversés." if swapped else "Les noms diffèrent.",
    )  # fmt: skip


def compare_dates(field_name: str, expected: dt.date | str | None, found: dt.date | str | None) -> Comparison:
    exp = _iso(expected)
    got = _iso(found)
    if not exp or not got:
        return Comparison(field_name, exp, got, "missing")
    if exp == got:
        return Comparison(field_name, exp, got, "match")
    note_en, note_fr = "The dates differ.", "Les dates diffèrent."
    e, f = dt.date.fromisoformat(exp), dt.date.fromisoformat(got)
    if (e.year, e.month, e.day) == (f.year, f.day, f.month):
        note_en, note_fr = "Day and month are swapped.", "Le jour et le mois sont inversés."
    elif (e.month, e.day) == (f.month, f.day):
        note_en, note_fr = (
            f"Only the year differs ({e.year} / {f.year}).",
            f"Seule l'année diffère ({e.year} / {f.year}).",
        )
    return Comparison(field_name, exp, got, "mismatch", f"{exp} ≠ {got}", note_en, note_fr)


def compare_text(field_name: str, expected: str | None, found: str | None) -> Comparison:
    if not expected or not found:
        return Comparison(field_name, expected, found, "missing")
    a, b = name_key(expected), name_key(found)
    if a == b:
        return Comparison(field_name, expected, found, "match")
    return Comparison(field_name, expected, found, "mismatch", show_difference(expected, found))


def _iso(value: dt.date | str | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        return str(value)


@dataclass(frozen=True)
class Expected:
    """What the case (and what staff read in the document's visual zone) says the MRZ should carry."""

    name: str | None = None  # "First LAST"
    birth_date: dt.date | str | None = None
    document_number: str | None = None  # typed in full from the visual zone; never stored in full
    issuing_country: str | None = None
    expiry_date: dt.date | str | None = None


_MRZ_FIELD_NAMES = {
    "name": ("name", "nom"),
    "birth_date": ("date of birth", "date de naissance"),
    "document_number": ("document number", "numéro du document"),
    "issuing_country": ("issuing country", "pays émetteur"),
    "expiry_date": ("expiry date", "date d'expiration"),
}


def compare_mrz(mrz: MrzResult, expected: Expected) -> list[Comparison]:
    """Every MRZ field the check digits cannot vouch for is compared here (name, country), and
    the ones they do cover too (date of birth, number, expiry), so a typo shows as a difference."""
    f = mrz.fields
    out = [compare_names(expected.name, f.get("surname"), f.get("given_names"))]
    out.append(compare_dates("birth_date", expected.birth_date, f.get("birth_date")))
    if expected.document_number:
        out.append(compare_text("document_number", expected.document_number, f.get("document_number")))
    if expected.issuing_country:
        out.append(compare_text("issuing_country", expected.issuing_country, f.get("issuing_country")))
    if expected.expiry_date and f.get("expiry_date"):
        out.append(compare_dates("expiry_date", expected.expiry_date, f.get("expiry_date")))
    return out


# --- the checklist ---------------------------------------------------------------------------


@dataclass
class Checklist:
    """What staff record while looking at a proof. Only `document_number`'s last 4 characters
    are ever stored; the MRZ lines are parsed and compared, then only the results are kept."""

    proof_kind: ProofKind = ProofKind.IDENTITY_DOCUMENT
    party: Party = Party.SUBJECT
    document_type: str | None = None
    issuing_country: str | None = None
    document_number: str | None = None
    expiry_date: dt.date | None = None
    holder_name: str | None = None  # as printed on the document
    holder_birth_date: dt.date | None = None
    signature_present: bool | None = None
    mrz_lines: list[str] = field(default_factory=list)
    # parental authority
    names_requester_as_parent: bool | None = None
    names_subject_as_child: bool | None = None
    other_holder_objects: bool | None = None  # LIL art. 45: one holder suffices unless the other objects
    # mandate
    mandate_signed_by_subject: bool | None = None
    mandate_covers_request: bool | None = None


@dataclass(frozen=True)
class CheckItem:
    key: str
    status: str  # ok | fail | missing | n/a
    en: str
    fr: str
    comparison: Comparison | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "status": self.status,
            "en": self.en,
            "fr": self.fr,
            "comparison": self.comparison.to_dict() if self.comparison else None,
        }


@dataclass
class Assessment:
    items: list[CheckItem]
    mrz: MrzResult | None = None

    @property
    def failures(self) -> list[CheckItem]:
        return [i for i in self.items if i.status == "fail"]

    @property
    def missing(self) -> list[CheckItem]:
        return [i for i in self.items if i.status == "missing"]

    @property
    def all_ok(self) -> bool:
        return not self.failures and not self.missing

    def item(self, key: str) -> CheckItem | None:
        return next((i for i in self.items if i.key == key), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": [i.to_dict() for i in self.items],
            "all_ok": self.all_ok,
            "mrz": self.mrz.to_dict() if self.mrz else None,
        }


def _flag(key: str, value: bool | None, en: str, fr: str, *, good: bool = True) -> CheckItem:
    if value is None:
        return CheckItem(key, "missing", en, fr)
    return CheckItem(key, "ok" if value == good else "fail", en, fr)


def _from_comparison(key: str, comparison: Comparison, en: str, fr: str) -> CheckItem:
    status = {"match": "ok", "partial": "ok", "mismatch": "fail", "missing": "missing"}[comparison.status]
    return CheckItem(key, status, en, fr, comparison)


def french_card_still_valid(expiry: dt.date, on: dt.date, holder_birth: dt.date | None) -> bool:
    """French identity cards issued 2004-01-02..2013-12-31 to adults stay valid 5 years past the
    printed date (decree 2013-1188); the printed date is the issue date plus 10 years."""
    issued = years_after(expiry, -10)
    adult_at_issue = holder_birth is not None and years_after(holder_birth, 18) <= issued
    in_window = dt.date(2004, 1, 2) <= issued <= dt.date(2013, 12, 31)
    return in_window and adult_at_issue and on <= years_after(expiry, 5)


def evaluate(
    checklist: Checklist, expected: Expected, on: dt.date, mrz: MrzResult | None = None
) -> Assessment:
    """The checklist's items for the wizard, in the order staff work through them."""
    kind = checklist.proof_kind
    items: list[CheckItem] = []
    types = DOCUMENT_TYPES[kind]
    if checklist.document_type is None:
        items.append(CheckItem("document_type", "missing", "Document type", "Type de document"))
    elif checklist.document_type not in types:
        items.append(CheckItem("document_type", "fail", "Document type not accepted for this proof", "Type de document non accepté pour cette preuve"))  # fmt: skip
    else:
        items.append(CheckItem("document_type", "ok", types[checklist.document_type][0], types[checklist.document_type][1]))  # fmt: skip

    if kind == ProofKind.IDENTITY_DOCUMENT:
        items.append(_flag("issuing_country", bool(checklist.issuing_country) or None, "Issuing country", "Pays de délivrance"))  # fmt: skip
        items.append(_flag("document_number", bool(checklist.document_number) or None, "Document number (last 4 kept)", "Numéro du document (4 derniers conservés)"))  # fmt: skip
        items.append(_expiry_item(checklist, on))
        items.append(_from_comparison(
            "name", compare_names(expected.name, *_split_holder(checklist.holder_name)),
            "Name matches the request", "Le nom correspond à la demande",
        ))  # fmt: skip
        if expected.birth_date is not None or checklist.party == Party.SUBJECT:
            items.append(_from_comparison(
                "birth_date", compare_dates("birth_date", expected.birth_date, checklist.holder_birth_date),
                "Date of birth matches", "La date de naissance correspond",
            ))  # fmt: skip
        items.append(_flag("signature", checklist.signature_present, "Holder's signature present", "Signature du titulaire présente"))  # fmt: skip
        items.extend(_mrz_items(mrz, checklist, expected))
    elif kind == ProofKind.PARENTAL_AUTHORITY:
        items.append(_flag("names_parent", checklist.names_requester_as_parent, "Names the requester as parent", "Désigne le demandeur comme parent"))  # fmt: skip
        items.append(_flag("names_child", checklist.names_subject_as_child, "Names the data subject as the child", "Désigne la personne concernée comme l'enfant"))  # fmt: skip
        items.append(_flag("other_holder_objects", checklist.other_holder_objects, "The other holder is not known to object", "L'autre titulaire n'est pas connu pour s'y opposer", good=False))  # fmt: skip
    else:
        items.append(_flag("mandate_signed", checklist.mandate_signed_by_subject, "Signed by the data subject", "Signé par la personne concernée"))  # fmt: skip
        items.append(_flag("mandate_scope", checklist.mandate_covers_request, "Covers this request", "Couvre cette demande"))  # fmt: skip
    return Assessment(items, mrz)


def _split_holder(holder: str | None) -> tuple[str | None, str | None]:
    if not holder:
        return None, None
    first, last = split_full_name(holder)
    return last, first


def _expiry_item(checklist: Checklist, on: dt.date) -> CheckItem:
    expiry = checklist.expiry_date
    if expiry is None:
        if checklist.document_type == "national_id" and (checklist.issuing_country or "").upper() in (
            "FRA",
            "FR",
            "FRANCE",
        ):
            return CheckItem("expiry", "missing", "Expiry date (printed on the back of the old French card)", "Date d'expiration (au verso de l'ancienne carte)")  # fmt: skip
        return CheckItem("expiry", "missing", "Expiry date", "Date d'expiration")
    if expiry >= on:
        return CheckItem(
            "expiry", "ok", f"Valid until {expiry.isoformat()}", f"Valable jusqu'au {expiry.isoformat()}"
        )
    if (
        checklist.document_type == "national_id"
        and (checklist.issuing_country or "").upper() in ("FRA", "FR", "FRANCE")
        and french_card_still_valid(expiry, on, checklist.holder_birth_date)
    ):
        return CheckItem(
            "expiry", "ok",
            f"Printed expiry {expiry.isoformat()} passed, but the card is extended by 5 years (issued 2004-2013 to an adult)",
            f"Date imprimée {expiry.isoformat()} dépassée, mais la carte est prolongée de 5 ans (délivrée 2004-2013 à un majeur)",
        )  # fmt: skip
    return CheckItem("expiry", "fail", f"Expired on {expiry.isoformat()}", f"Expirée le {expiry.isoformat()}")


def _mrz_items(mrz: MrzResult | None, checklist: Checklist, expected: Expected) -> list[CheckItem]:
    if mrz is None:
        if checklist.document_type == "driving_licence":
            return [CheckItem("mrz", "n/a", "No machine-readable zone on this document", "Pas de bande MRZ sur ce document")]  # fmt: skip
        return [CheckItem("mrz", "missing", "Machine-readable zone (type or paste it)", "Bande MRZ (à saisir ou coller)")]  # fmt: skip
    bad = [name for name, ok in mrz.checks.items() if not ok]
    items = [
        CheckItem(
            "mrz", "ok" if mrz.valid else "fail",
            f"MRZ {mrz.format}: all check digits right" if mrz.valid else f"MRZ {mrz.format}: wrong check digit(s) {', '.join(bad)}" if bad else f"MRZ {mrz.format}: malformed",
            f"MRZ {mrz.format} : tous les chiffres de contrôle sont justes" if mrz.valid else f"MRZ {mrz.format} : chiffre(s) de contrôle faux {', '.join(bad)}" if bad else f"MRZ {mrz.format} : mal formée",
        )
    ]  # fmt: skip
    against = Expected(
        name=expected.name,
        birth_date=expected.birth_date,
        document_number=checklist.document_number,
        issuing_country=checklist.issuing_country if checklist.issuing_country and len(checklist.issuing_country) == 3 else None,
        expiry_date=checklist.expiry_date,
    )  # fmt: skip
    for comparison in compare_mrz(mrz, against):
        en, fr = _MRZ_FIELD_NAMES.get(comparison.field, (comparison.field.replace("_", " "),) * 2)
        items.append(_from_comparison(
            f"mrz_{comparison.field}", comparison, f"MRZ: {en} matches", f"MRZ : {fr} concordant(e)",
        ))  # fmt: skip
    return items


def note_required(assessment: Assessment | None, decision: Decision | None) -> bool:
    """A verification with a failing or missing item needs a written note saying why it is accepted."""
    return decision == Decision.VERIFIED and assessment is not None and not assessment.all_ok


def check_decision(assessment: Assessment, decision: Decision, note: str | None) -> None:
    """Raise when `note_required` and no note was written."""
    if note_required(assessment, decision) and not (note and note.strip()):
        open_items = ", ".join(i.key for i in assessment.failures + assessment.missing)
        raise InvalidInput(
            f"Some checks failed or are missing ({open_items}); write a note saying why identity is still verified.",
            f"Des contrôles échouent ou manquent ({open_items}) ; écrivez une note expliquant pourquoi l'identité est quand même vérifiée.",
        )
