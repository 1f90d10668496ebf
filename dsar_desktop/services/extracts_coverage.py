"""Whether a system's files could have found a case's subject: the rule behind the "searched" mark.

A system counts as searched for a case only when (1) every file of it has a column that can identify
someone, or was set aside by a person with a reason, and (2) the case has at least one identifier those
columns can match (an e-mail, a phone, a student number, or a name with a date of birth). Otherwise
the search said nothing about the person, and the answer would claim more than was done.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..domain.errors import DsarError
from ..domain.matching import Subject

IDENTIFIERS = ("email", "phone", "student_number", "name+dob")
# identifier -> (English, French) for sentences; "name+dob" is missing its date of birth when asked for
IDENTIFIER_WORDS = {
    "email": ("e-mail address", "adresse e-mail"),
    "phone": ("phone number", "numéro de téléphone"),
    "student_number": ("student number", "numéro d'étudiant"),
    "name+dob": ("date of birth", "date de naissance"),
}
CASE_COLUMNS = {
    "email": "subject_email",
    "phone": "subject_phone",
    "student_number": "subject_student_number",
    "name+dob": "subject_dob",
}


class SystemCannotFindSubject(DsarError):
    code = "extract_cannot_find_subject"
    en = (
        "{source} cannot be marked searched: its files can find a person only by {usable}, and the case has "
        "none of these. Add the subject's {usable} to the case (values found in other systems are offered), "
        "then search again, or mark the system not applicable with a reason."
    )
    fr = (
        "{source} ne peut pas être marqué recherché : ses fichiers ne trouvent une personne que par "
        "{usable_fr}, et la demande n'en a aucun. Ajoutez {usable_fr} de la personne à la demande (les "
        "valeurs trouvées dans les autres systèmes sont proposées), puis relancez la recherche, ou marquez "
        "le système sans objet avec un motif."
    )
    exit_code = 1


class UnmappedFilePending(DsarError):
    code = "extract_unmapped_pending"
    en = (
        "{source} cannot be marked searched: no column of {files} could identify a person. Map a column "
        "(e-mail, phone, student number, or name and date of birth) and search again, or set the file aside "
        "with a reason."
    )
    fr = (
        "{source} ne peut pas être marqué recherché : aucune colonne de {files} ne permet d'identifier une "
        "personne. Associez une colonne (e-mail, téléphone, numéro d'étudiant, ou nom et date de naissance) "
        "et relancez la recherche, ou écartez le fichier avec un motif."
    )
    exit_code = 1


def subject_identifiers(subject: Subject) -> set[str]:
    """The identifiers a case gives to search with."""
    found = set()
    if subject.emails:
        found.add("email")
    if subject.phone_forms:
        found.add("phone")
    if subject.student_numbers:
        found.add("student_number")
    if subject.name_keys and subject.dob is not None:
        found.add("name+dob")
    return found


@dataclass
class Coverage:
    """What a system's files (for one case) can match, and what keeps the "searched" mark away."""

    source: str
    can_match: set[str] = field(default_factory=set)  # identifiers the files' columns can match
    has: set[str] = field(default_factory=set)  # identifiers the case has
    unmapped_files: list[str] = field(default_factory=list)  # files with no identifying column, not set aside
    files: int = 0

    @property
    def usable(self) -> set[str]:
        return self.can_match & self.has

    @property
    def needs(self) -> list[str]:
        """The identifiers to add to the case so that these files can find the person (empty when fine)."""
        if not self.files or self.usable or not self.can_match:
            return []
        return [i for i in IDENTIFIERS if i in self.can_match]

    @property
    def searchable(self) -> bool:
        return not self.unmapped_files and (not self.files or bool(self.usable))

    def check(self, source_name: str) -> None:
        """Raise the reason this system cannot be marked searched, if any."""
        if self.unmapped_files:
            raise UnmappedFilePending(source=source_name, files=", ".join(self.unmapped_files))
        if self.files and self.can_match and not self.usable:
            words = [IDENTIFIER_WORDS[i] for i in IDENTIFIERS if i in self.can_match]
            raise SystemCannotFindSubject(
                source=source_name,
                usable=" or ".join(w[0] for w in words),
                usable_fr=" ou ".join(w[1] for w in words),
            )


def coverage_of(reg: Any, case_id: int, subject_ids: set[str]) -> dict[str, Coverage]:
    """source -> Coverage from the files searched for this case (files set aside left out)."""
    result: dict[str, Coverage] = {}
    for source, name, fields, unmapped, aside in reg.query(
        "SELECT f.source, f.name, f.identity_fields, f.unmapped, l.aside_reason FROM case_source_files l"
        " JOIN extract_files f ON f.id = l.file_id WHERE l.case_id = ?",
        (case_id,),
    ):
        cover = result.setdefault(source, Coverage(source, has=set(subject_ids)))
        if aside:
            continue
        cover.files += 1
        cover.can_match |= set(json.loads(fields or "[]"))
        if unmapped:
            cover.unmapped_files.append(name)
    return result


def case_identifiers(reg: Any, case_id: int) -> set[str]:
    from ..domain.matching import make_subject

    row = reg.query_one(
        "SELECT ref, subject_name, subject_email, subject_phone, subject_dob, subject_student_number"
        " FROM cases WHERE id = ?",
        (case_id,),
    )
    if row is None:
        return set()
    subject = make_subject(row[0], name=row[1], email=row[2], phone=row[3], dob=row[4], student_number=row[5])
    return subject_identifiers(subject)
