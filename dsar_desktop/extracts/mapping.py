"""Column mapping: which column of an export holds which field, suggested from French and English headers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.matching import name_key
from ..fileio import read_capped
from .cells import tokens
from .errors import BadMapping, MissingColumn

if TYPE_CHECKING:  # the readers import polars; this module stays light for the command line
    from .readers import ExtractReader

# field -> (English label, French label)
FIELDS: dict[str, tuple[str, str]] = {
    "surname": ("surname", "nom"),
    "first_name": ("first names", "prénoms"),
    "full_name": ("full name", "nom complet"),
    "email": ("e-mail", "e-mail"),
    "phone": ("phone", "téléphone"),
    "dob": ("date of birth", "date de naissance"),
    "address": ("postal address", "adresse postale"),
    "postcode": ("postcode", "code postal"),
    "city": ("city", "ville"),
    "student_number": ("student number", "numéro d'étudiant"),
    "registration_date": ("registration date", "date d'inscription"),
    "parental_consent": ("parental consent", "consentement parental"),
    "free_text": ("free text", "texte libre"),
}

# Header spellings (folded to letters and digits) that suggest a field.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "surname": ("nom", "nomdefamille", "nomfamille", "nomdenaissance", "nomusage", "surname", "lastname",
                "familyname", "name_last", "lname", "nometudiant", "nomcandidat", "nomcontact"),
    "first_name": ("prenom", "prenoms", "firstname", "firstnames", "givenname", "givennames", "forename",
                   "fname", "prenometudiant", "prenomcandidat", "prenomcontact"),
    "full_name": ("nomcomplet", "fullname", "name", "nomprenom", "prenomnom", "identite", "contact",
                  "displayname", "client", "customer", "abonne", "subscriber", "repondant", "respondent"),
    "email": ("email", "mail", "courriel", "adressemail", "adresseemail", "emailaddress", "adressecourriel",
              "mailperso", "emailpersonnel", "emailcontact", "e_mail"),
    "phone": ("telephone", "tel", "phone", "phonenumber", "mobile", "portable", "telportable", "numerotelephone",
              "telephonemobile", "gsm", "cellphone", "mobilephone"),
    "dob": ("datenaissance", "datedenaissance", "naissance", "dob", "dateofbirth", "birthdate", "birthday",
            "nele", "neele", "nee", "datenaiss", "ddn", "datedenaiss"),
    "address": ("adresse", "adressepostale", "address", "postaladdress", "street", "rue", "addressline1",
                "adresse1", "streetaddress"),
    "postcode": ("codepostal", "cp", "postcode", "postalcode", "zip", "zipcode"),
    "city": ("ville", "city", "commune", "town", "localite"),
    "student_number": ("numeroetudiant", "numetudiant", "noetudiant", "studentnumber", "studentid", "matricule",
                       "idetudiant", "ine", "numeroine", "identifiantetudiant", "nodetudiant", "numerodetudiant"),
    # the final registration, not the application (the policy: a minor's *final* registration needs consent)
    "registration_date": ("dateinscription", "datedinscription", "registrationdate", "enrolmentdate",
                          "enrollmentdate", "dateinscriptiondefinitive"),
    "parental_consent": ("consentementparental", "autorisationparentale", "parentalconsent", "consentparental",
                         "accordparental", "autorisationparents"),
    "free_text": ("commentaire", "commentaires", "comment", "comments", "remarque", "remarques", "notes", "note",
                  "message", "description", "texte", "text", "avis", "verbatim", "reponse", "answer", "body",
                  "objet", "subject", "observation", "observations"),
}  # fmt: skip
_LOOKUP = {key: field_name for field_name, keys in _SYNONYMS.items() for key in keys}
IDENTITY_FIELDS = ("email", "phone", "student_number", "dob")


@dataclass(frozen=True)
class ColumnMapping:
    """field -> column for the single-valued fields; free_text may name several columns.

    `header_row` (1-based row or line) and `sheet` pin where the header is; `sheets` gives a workbook's
    sheets their own mappings (a mapping file: {"sheets": {"Contacts": {...}, "Archive": {...}}}).
    """

    columns: dict[str, str] = field(default_factory=dict)
    free_text: tuple[str, ...] = ()
    header_row: int | None = None
    sheet: str | None = None
    sheets: dict[str, ColumnMapping] = field(default_factory=dict)

    def get(self, field_name: str) -> str | None:
        return self.columns.get(field_name)

    @property
    def is_empty(self) -> bool:
        return not (self.columns or self.free_text or self.header_row or self.sheets)

    def for_sheet(self, name: str) -> ColumnMapping | None:
        """The mapping for one sheet (or the one table of a CSV/JSON file, name ''); None: suggest one."""
        if name in self.sheets:
            return self.sheets[name]
        if self.sheet is not None and self.sheet != name:
            return None
        if self.sheets and not (self.columns or self.free_text or self.header_row):
            return None
        return self

    @property
    def can_find_someone(self) -> bool:
        has_name = "full_name" in self.columns or "surname" in self.columns
        return bool({"email", "phone", "student_number"} & self.columns.keys()) or (
            has_name and "dob" in self.columns
        )

    def used_columns(self) -> list[str]:
        return [*self.columns.values(), *self.free_text]

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {**self.columns, "free_text": list(self.free_text)}
        if self.header_row:
            data["header_row"] = self.header_row
        if self.sheet is not None:
            data["sheet"] = self.sheet
        if self.sheets:
            data["sheets"] = {name: m.to_json() for name, m in self.sheets.items()}
        return data

    @classmethod
    def from_json(cls, data: Any, origin: str = "") -> ColumnMapping:
        if not isinstance(data, dict):
            raise BadMapping(
                file=origin, reason="it is not a JSON object", reason_fr="ce n'est pas un objet JSON"
            )
        columns: dict[str, str] = {}
        free: list[str] = []
        header_row: int | None = None
        sheet: str | None = None
        sheets: dict[str, ColumnMapping] = {}
        for key, value in data.items():
            if key == "header_row":
                if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                    raise BadMapping(
                        file=origin,
                        reason="header_row must be a row number (1 is the first row)",
                        reason_fr="header_row doit être un numéro de ligne (1 est la première)",
                    )
                header_row = value
                continue
            if key == "sheet":
                sheet = str(value)
                continue
            if key == "sheets":
                if not isinstance(value, dict):
                    raise BadMapping(
                        file=origin,
                        reason="sheets must map sheet names to mappings",
                        reason_fr="sheets doit associer des noms de feuilles à des correspondances",
                    )
                sheets = {str(k): cls.from_json(v, origin) for k, v in value.items()}
                continue
            if key not in FIELDS:
                raise BadMapping(
                    file=origin, reason=f"unknown field '{key}'", reason_fr=f"champ inconnu « {key} »"
                )
            if key == "free_text":
                values = value if isinstance(value, list) else [value]
                free.extend(str(v) for v in values if v)
            elif value:
                columns[key] = str(value)
        return cls(columns, tuple(free), header_row, sheet, sheets)

    def check(self, headers: list[str], file: str) -> None:
        """Raise MissingColumn for a mapped column the file does not have."""
        present = set(headers)
        for field_name, column in [*self.columns.items(), *(("free_text", c) for c in self.free_text)]:
            if column not in present:
                raise MissingColumn(
                    column=column,
                    field=FIELDS[field_name][0],
                    field_fr=FIELDS[field_name][1],
                    file=file,
                    columns=", ".join(headers[:20]) + (" ..." if len(headers) > 20 else ""),
                )


def load_mapping(path: Path) -> ColumnMapping:
    try:
        data = json.loads(
            read_capped(path, 1024 * 1024, "column mapping", "correspondance de colonnes").decode("utf-8")
        )
    except (OSError, ValueError) as exc:
        raise BadMapping(file=str(path), reason=str(exc), reason_fr=str(exc)) from None
    return ColumnMapping.from_json(data, str(path))


def suggest_mapping(headers: list[str]) -> ColumnMapping:
    """Suggest a mapping from header names (French or English, any case, accents, separators), by the
    whole name first, then by its words: 'customer_name', 'nom_client', 'Client - Nom complet',
    'E-mail (pro)', 'Tél. portable', 'DateNaiss', 'contact.email'."""
    columns: dict[str, str] = {}
    free: list[str] = []
    roles = [(_LOOKUP.get(name_key(h)) or role_of_tokens(tokens(h)), h) for h in headers]
    has_first = any(role == "first_name" for role, _ in roles)
    for field_name, header in roles:
        if field_name is None:
            continue
        if field_name == "name":  # a name column: the surname beside a first-name column, else the full name
            field_name = "surname" if has_first else "full_name"
        if field_name == "free_text":
            free.append(header)
        elif field_name not in columns:
            columns[field_name] = header
    if "full_name" in columns and "surname" in columns:
        del columns["full_name"]  # separate surname and first-name columns are the better key
    return ColumnMapping(columns, tuple(free))


_NUMBER_WORDS = {"num", "numero", "no", "n", "nr", "number", "id", "identifiant", "code", "nb"}
_NAME_WORDS = {"nom", "noms", "name", "names", "lastname", "surname", "fullname", "nomcomplet", "displayname"}
_FREE_WORDS = {
    "commentaire", "commentaires", "comment", "comments", "remarque", "remarques", "note", "notes", "message",
    "description", "texte", "text", "avis", "verbatim", "reponse", "answer", "body", "objet", "subject",
    "observation", "observations",
}  # fmt: skip


def role_of_tokens(words: list[str]) -> str | None:
    """The field a header's words point to ('name': a name column, surname or full name by context)."""
    w = set(words)

    def starts(*prefixes: str) -> bool:
        return any(t.startswith(prefixes) for t in words)

    if w & {"email", "courriel", "mel", "emails", "electronique"} or starts("email", "mail", "courriel"):
        return "email"
    if w & {"tel", "tels", "gsm", "cell", "fax"} or starts(
        "telephone", "phone", "mobile", "portable", "cellphone"
    ):
        return "phone"
    birth = starts("naiss", "birth") or bool(w & {"dob", "ddn", "born", "nele", "nee", "ne"} and "date" in w)
    birth = birth or bool(w & {"dob", "ddn", "birthdate", "birthday"})
    if birth and not w & (_NAME_WORDS | {"lieu", "place", "ville", "city", "pays", "country", "commune"}):
        return "dob"
    student = bool(w & {"etudiant", "etudiante", "student", "etu", "eleve", "pupil"}) or starts(
        "etudiant", "student"
    )
    if w & {"matricule", "ine"} or (
        student and (w & _NUMBER_WORDS or starts("studentid", "numetu", "numero"))
    ):
        if not w & (_NAME_WORDS | {"prenom", "prenoms", "first", "firstname"}):
            return "student_number"
    if w & {"prenom", "prenoms", "firstname", "forename", "givenname", "fname"} or (
        w & {"first", "given"} and w & {"name", "names"}
    ):
        return "full_name" if "nom" in w and "prenom" in w else "first_name"
    if w & {"lastname", "surname", "familyname", "nomfamille"} or (
        w & {"last", "family", "famille"} and w & _NAME_WORDS
    ):
        return "surname"
    if w & {"complet", "complete", "full", "fullname", "nomcomplet", "displayname", "identite"}:
        return "full_name"
    if w & _NAME_WORDS:
        return "name"
    if w & {"inscription", "registration", "enrolment", "enrollment"} and "date" in w:
        return "registration_date"
    if w & {"consentement", "autorisation", "consent", "accord"} and starts("parent"):
        return "parental_consent"
    if w & {"cp", "zip", "zipcode", "postcode", "postalcode"} or {"code", "postal"} <= w:
        return "postcode"
    if w & {"ville", "city", "commune", "town", "localite"}:
        return "city"
    if w & {"adresse", "address", "rue", "street"}:
        return "address"
    if w & _FREE_WORDS:
        return "free_text"
    return None


# Words that make a row look like a header (find_header prefers a row naming a known column).
ROLE_WORDS = frozenset(
    {key for keys in _SYNONYMS.values() for key in keys}
    | _NAME_WORDS
    | _FREE_WORDS
    | {"email", "courriel", "mail", "tel", "telephone", "phone", "mobile", "portable", "naissance", "naiss",
       "birth", "dob", "prenom", "prenoms", "firstname", "etudiant", "student", "matricule", "adresse",
       "address", "ville", "city", "cp", "zip", "date"}
)  # fmt: skip


def report_columns(
    reader: ExtractReader, sheet: str, headers: Sequence[str], mapping: ColumnMapping, unmapped: bool
) -> None:
    """Say which columns could identify no one and which were searched only for the e-mail and the phone."""
    where = f"sheet '{sheet}': " if sheet else ""
    where_fr = f"feuille « {sheet} » : " if sheet else ""
    if unmapped and sheet:  # one sheet (a summary, a legend): said; the file is blocked only if no sheet can
        reader._issue(
            0,
            f"{where}no column can identify a person: its rows were searched for the e-mail and the phone only",
            f"{where_fr}aucune colonne ne permet d'identifier une personne : ses lignes ont été parcourues pour "
            "l'e-mail et le téléphone seulement",
            kind="column",
            sheet=sheet,
        )
    elif unmapped:
        reader._issue(
            0,
            f"{where}no column can identify a person (e-mail, phone, student number, or name with date of "
            "birth): every column was searched for the e-mail and the phone only; map a column or set the "
            "file aside with a reason before the system counts as searched",
            f"{where_fr}aucune colonne ne permet d'identifier une personne (e-mail, téléphone, numéro "
            "d'étudiant, ou nom avec date de naissance) : toutes les colonnes ont été parcourues pour l'e-mail "
            "et le téléphone seulement ; associez une colonne ou écartez le fichier avec un motif avant que "
            "le système compte comme recherché",
            kind="unmapped",
            sheet=sheet,
        )
    roles = set(mapping.columns.values()) | set(mapping.free_text)
    loose = [h for h in headers if h not in roles]
    if loose and not unmapped:
        listed = ", ".join(loose[:15]) + (" ..." if len(loose) > 15 else "")
        reader._issue(
            0,
            f"{where}columns with no role, searched only for the e-mail and the phone: {listed}",
            f"{where_fr}colonnes sans rôle, parcourues seulement pour l'e-mail et le téléphone : {listed}",
            kind="column",
            sheet=sheet,
        )
