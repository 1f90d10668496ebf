"""Typed errors of the core: a code, the facts, and a sentence in French and English.

The core raises them; the UI and the CLI turn them into one sentence with
`describe(error, language)`. Subclasses set `code`, `en`, `fr` (str.format
templates over the facts) and, for the CLI, `exit_code`.
"""

from __future__ import annotations

import errno
from typing import Any, ClassVar


class DsarError(Exception):
    code: ClassVar[str] = "error"
    en: ClassVar[str] = "{detail}"
    fr: ClassVar[str] = "{detail}"
    exit_code: ClassVar[int] = 1

    def __init__(self, **facts: Any) -> None:
        self.facts = facts
        super().__init__(self.describe("en"))

    def describe(self, language: str = "en") -> str:
        template = self.fr if language == "fr" else self.en
        try:
            return template.format(**self.facts)
        except (KeyError, IndexError):
            return f"{self.code}: {self.facts}"


def describe(error: BaseException, language: str = "en") -> str:
    """One sentence for a person, in their language; never a traceback."""
    if isinstance(error, DsarError):
        return error.describe(language)
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        where = f" ({error.filename})" if error.filename else ""
        if language == "fr":
            return f"Le disque est plein{where} : libérez de la place puis recommencez ; rien n'a été écrit à moitié."
        return f"The disk is full{where}: free some space and try again; nothing was left half-written."
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        if language == "fr":
            return f"Erreur du système de fichiers{where} : {error.strerror or error}"
        return f"File system error{where}: {error.strerror or error}"
    if language == "fr":
        return f"Erreur inattendue : {type(error).__name__}"
    return f"Unexpected error: {type(error).__name__}"


class FileTooLarge(DsarError):
    code = "file_too_large"
    en = "{path} is larger than any {what} ({limit}): it was not read. Choose the right file."
    fr = "{path} est plus grand que tout {what_fr} ({limit_fr}) : il n'a pas été lu. Choisissez le bon fichier."
    exit_code = 1


class NotAFile(DsarError):
    code = "not_a_file"
    en = "{path} is not an ordinary file (a folder, a device or a pipe): choose the {what} itself."
    fr = "{path} n'est pas un fichier ordinaire (dossier, périphérique ou tube) : choisissez le {what_fr} lui-même."
    exit_code = 1


class InvalidInput(DsarError):
    code = "invalid_input"
    en = "{detail}"
    fr = "{detail_fr}"
    exit_code = 1

    def __init__(self, detail: str, detail_fr: str | None = None, **facts: Any) -> None:
        super().__init__(detail=detail, detail_fr=detail_fr or detail, **facts)


class NotFound(DsarError):
    code = "not_found"
    en = "{what} not found: {key}"
    fr = "{what_fr} introuvable : {key}"
    exit_code = 3

    def __init__(self, what: str, key: str, what_fr: str | None = None) -> None:
        super().__init__(what=what, key=key, what_fr=what_fr or what)


class Cancelled(DsarError):
    code = "cancelled"
    en = "Cancelled; nothing was changed."
    fr = "Annulé ; rien n'a été modifié."
    exit_code = 130
