"""Errors of reading and searching export files, each with its own French and English sentence."""

from __future__ import annotations

from ..domain.errors import DsarError


class ExtractError(DsarError):
    code = "extract_error"
    exit_code = 7


class EmptyExtract(ExtractError):
    code = "extract_empty"
    en = "The file {file} is empty: there is nothing to search."
    fr = "Le fichier {file} est vide : il n'y a rien à rechercher."


class BinaryExtract(ExtractError):
    code = "extract_binary"
    en = "The file {file} is not a text export ({kind}); export it again as CSV, JSON Lines or XLSX."
    fr = "Le fichier {file} n'est pas un export texte ({kind}) ; exportez-le de nouveau en CSV, JSON Lines ou XLSX."


class LineTooLong(ExtractError):
    code = "extract_line_too_long"
    en = (
        "Line {line} of {file} is longer than {limit_mb} MB; the file is probably not a row-per-line export."
        " Nothing was imported: check it is the export you meant, or export it again with one record per line."
    )
    fr = (
        "La ligne {line} de {file} dépasse {limit_mb} Mo ; ce fichier n'est sans doute pas un export à une ligne"
        " par enregistrement. Rien n'a été importé : vérifiez que c'est bien l'export voulu, ou exportez-le de"
        " nouveau avec un enregistrement par ligne."
    )


class HeaderTooLong(ExtractError):
    """The header cannot be read within the reader's bounds: the first line, or one of its fields, is far
    longer than any header of columns (a file without line ends, a dump, a binary export read as text)."""

    code = "extract_header_too_long"
    en = (
        "The header of {file} cannot be read: {reason}. No export names its columns in so much text; nothing"
        " was imported. Export the file again as CSV with one row per line, as JSON Lines or as XLSX."
    )
    fr = (
        "L'en-tête de {file} est illisible : {reason_fr}. Aucun export ne nomme ses colonnes avec autant de"
        " texte ; rien n'a été importé. Exportez de nouveau le fichier en CSV à une ligne par enregistrement,"
        " en JSON Lines ou en XLSX."
    )


class MissingColumn(ExtractError):
    code = "extract_missing_column"
    en = "The column '{column}' mapped to {field} is not in {file} (its columns: {columns})."
    fr = "La colonne « {column} » associée à {field_fr} est absente de {file} (colonnes : {columns})."


class NoHeader(ExtractError):
    code = "extract_no_header"
    en = "The file {file} has no header line naming its columns."
    fr = "Le fichier {file} n'a pas de ligne d'en-tête nommant ses colonnes."


class NothingToMatch(ExtractError):
    code = "extract_nothing_to_match"
    en = "Nothing to search with: give an e-mail, a phone, a student number, or a name with a date of birth."
    fr = "Rien à rechercher : indiquez un e-mail, un téléphone, un numéro d'étudiant, ou un nom avec une date de naissance."


class UnmappedFile(ExtractError):
    code = "extract_unmapped"
    en = "No column of {file} could be used to find a person (e-mail, phone, student number, or name and date of birth); give a mapping."
    fr = "Aucune colonne de {file} ne permet de trouver une personne (e-mail, téléphone, numéro d'étudiant, ou nom et date de naissance) ; indiquez une correspondance de colonnes."


class BadMapping(ExtractError):
    code = "extract_bad_mapping"
    en = "The column mapping {file} cannot be used: {reason}."
    fr = "La correspondance de colonnes {file} est inutilisable : {reason_fr}."


class HeaderRowNotFound(ExtractError):
    code = "extract_header_row"
    en = "Row {row} of {file} cannot be its header: it is empty or beyond the first {rows} rows read."
    fr = "La ligne {row} de {file} ne peut pas être son en-tête : elle est vide ou au-delà des {rows} premières lignes lues."


class SheetNotFound(ExtractError):
    code = "extract_sheet"
    en = "The workbook {file} has no sheet '{sheet}' (its sheets: {sheets})."
    fr = "Le classeur {file} n'a pas de feuille « {sheet} » (ses feuilles : {sheets})."
