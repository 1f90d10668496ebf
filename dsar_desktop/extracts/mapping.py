"""Column mapping: which column of an export holds which field, suggested from French and English headers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.matching import name_key
from .errors import BadMapping, MissingColumn

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
    """field -> column for the single-valued fields; free_text may name several columns."""

    columns: dict[str, str] = field(default_factory=dict)
    free_text: tuple[str, ...] = ()

    def get(self, field_name: str) -> str | None:
        return self.columns.get(field_name)

    @property
    def can_find_someone(self) -> bool:
        has_name = "full_name" in self.columns or "surname" in self.columns
        return bool({"email", "phone", "student_number"} & self.columns.keys()) or (
            has_name and "dob" in self.columns
        )

    def used_columns(self) -> list[str]:
        return [*self.columns.values(), *self.free_text]

    def to_json(self) -> dict[str, Any]:
        return {**self.columns, "free_text": list(self.free_text)}

    @classmethod
    def from_json(cls, data: Any, origin: str = "") -> ColumnMapping:
        if not isinstance(data, dict):
            raise BadMapping(
                file=origin, reason="it is not a JSON object", reason_fr="ce n'est pas un objet JSON"
            )
        columns: dict[str, str] = {}
        free: list[str] = []
        for key, value in data.items():
            if key not in FIELDS:
                raise BadMapping(
                    file=origin, reason=f"unknown field '{key}'", reason_fr=f"champ inconnu « {key} »"
                )
            if key == "free_text":
                values = value if isinstance(value, list) else [value]
                free.extend(str(v) for v in values if v)
            elif value:
                columns[key] = str(value)
        return cls(columns, tuple(free))

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
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BadMapping(file=str(path), reason=str(exc), reason_fr=str(exc)) from None
    return ColumnMapping.from_json(data, str(path))


def suggest_mapping(headers: list[str]) -> ColumnMapping:
    """Suggest a mapping from header names (French or English, any case, accents, separators)."""
    columns: dict[str, str] = {}
    free: list[str] = []
    for header in headers:
        key = name_key(header)
        field_name = _LOOKUP.get(key) or _guess_by_part(key)
        if field_name is None:
            continue
        if field_name == "free_text":
            free.append(header)
        elif field_name not in columns:
            columns[field_name] = header
    if "full_name" in columns and "surname" in columns:
        del columns["full_name"]  # separate surname and first-name columns are the better key
    if "surname" not in columns and "full_name" not in columns and "first_name" in columns:
        pass  # a first name alone cannot identify anyone; keep it for display
    return ColumnMapping(columns, tuple(free))


def _guess_by_part(key: str) -> str | None:
    """Headers such as 'email_contact' or 'Téléphone portable (perso)': look for a known part."""
    for part, field_name in (
        ("courriel", "email"),
        ("email", "email"),
        ("mail", "email"),
        ("telephone", "phone"),
        ("portable", "phone"),
        ("mobile", "phone"),
        ("phone", "phone"),
        ("naissance", "dob"),
        ("birth", "dob"),
        ("etudiant", "student_number"),
        ("student", "student_number"),
        ("prenom", "first_name"),
        ("firstname", "first_name"),
        ("codepostal", "postcode"),
        ("commentaire", "free_text"),
        ("comment", "free_text"),
    ):
        if part in key:
            return field_name
    return None
