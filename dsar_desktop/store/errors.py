"""Errors of the register files: lock, damage, wrong key."""

from __future__ import annotations

from ..domain.errors import DsarError


class RegisterAlreadyOpen(DsarError):
    code = "register_already_open"
    en = "The register {path} is already open on {host} by process {pid} (since {since}). Close it there first."
    fr = "Le registre {path} est déjà ouvert sur {host} par le processus {pid} (depuis {since}). Fermez-le d'abord."
    exit_code = 4


class RegisterNotFound(DsarError):
    code = "register_not_found"
    en = "No register at {path}. Create one with 'dsar init' or choose another file."
    fr = "Aucun registre à {path}. Créez-en un avec « dsar init » ou choisissez un autre fichier."
    exit_code = 3


class RegisterExists(DsarError):
    code = "register_exists"
    en = "A register already exists at {path}; choose another file name."
    fr = "Un registre existe déjà à {path} ; choisissez un autre nom de fichier."
    exit_code = 1


class RegisterDamaged(DsarError):
    code = "register_damaged"
    en = "The register file {path} is damaged or not a register ({reason}). Restore it from a backup."
    fr = "Le fichier de registre {path} est endommagé ou n'est pas un registre ({reason}). Restaurez-le depuis une sauvegarde."
    exit_code = 5


class RegisterTooNew(DsarError):
    code = "register_too_new"
    en = "The register {path} was written by a newer version (schema {found}, this version knows {known}). Update DSAR Desktop."
    fr = "Le registre {path} a été écrit par une version plus récente (schéma {found}, cette version connaît {known}). Mettez DSAR Desktop à jour."
    exit_code = 5


class AuditChainBroken(DsarError):
    code = "audit_chain_broken"
    en = "The audit log is broken at entry {seq}: {reason}."
    fr = "Le journal d'audit est rompu à l'entrée {seq} : {reason}."
    exit_code = 6


class RegisterEmpty(DsarError):
    code = "register_empty"
    en = (
        "The register file {path} is empty (0 cases, no history): it was emptied or replaced, and its key file "
        "belongs to a register that held data. Nothing was created over it. Restore the register from a backup."
    )
    fr = (
        "Le fichier de registre {path} est vide (aucun dossier, aucun historique) : il a été vidé ou remplacé, "
        "alors que son fichier de clés appartient à un registre qui contenait des données. Rien n'a été créé "
        "par-dessus. Restaurez le registre depuis une sauvegarde."
    )
    exit_code = 8


class RegisterForeign(DsarError):
    code = "register_foreign"
    en = (
        "The register file {path} belongs to another register (its id is {found}, its key file's is {expected}). "
        "Put back this register's own file, or open the other register with its own key file."
    )
    fr = (
        "Le fichier de registre {path} appartient à un autre registre (identifiant {found}, celui du fichier de "
        "clés est {expected}). Remettez le fichier de ce registre, ou ouvrez l'autre registre avec son propre "
        "fichier de clés."
    )
    exit_code = 9


class KeyFileForeign(DsarError):
    code = "keyfile_foreign"
    en = (
        "The key file {keys} is the key file of another register: it does not belong to {path}. "
        "Put this register's own key file beside it (or restore both from a backup); nothing was changed."
    )
    fr = (
        "Le fichier de clés {keys} est celui d'un autre registre : il n'appartient pas à {path}. "
        "Remettez à côté le fichier de clés de ce registre (ou restaurez les deux depuis une sauvegarde) ; "
        "rien n'a été modifié."
    )
    exit_code = 9


class KeyFileStale(DsarError):
    code = "keyfile_stale"
    en = (
        "The key in {keys} no longer opens the register {path}: the register was re-keyed after this copy of "
        "the key file was made (a key slot was removed), or the register file is damaged. Use the current key "
        "file, or restore both files from a backup; nothing was changed."
    )
    fr = (
        "La clé contenue dans {keys} n'ouvre plus le registre {path} : le registre a été rechiffré après la "
        "copie de ce fichier de clés (un emplacement de clé a été supprimé), ou le fichier du registre est "
        "endommagé. Utilisez le fichier de clés actuel, ou restaurez les deux fichiers depuis une sauvegarde ; "
        "rien n'a été modifié."
    )
    exit_code = 5


class RegisterNoGenesis(DsarError):
    code = "register_no_genesis"
    en = (
        "The register {path} has lost its first audit entry (the record of its creation): its history was cut. "
        "Nothing was changed; restore the register from a backup and run 'dsar verify'."
    )
    fr = (
        "Le registre {path} a perdu sa première entrée d'audit (celle de sa création) : son historique a été "
        "coupé. Rien n'a été modifié ; restaurez le registre depuis une sauvegarde et lancez « dsar verify »."
    )
    exit_code = 10


class AnchorMismatch(DsarError):
    """The audit chain disagrees with its anchor outside the database: rollback, cut or rewrite."""

    code = "anchor_mismatch"
    en = "{detail_en}"
    fr = "{detail_fr}"
    exit_code = 6


class RegisterIsFolder(DsarError):
    code = "register_is_folder"
    en = "{path} is a folder, not a register file: give the path of the .dsar file inside it (for example {example})."
    fr = "{path} est un dossier, pas un fichier de registre : donnez le chemin du fichier .dsar qu'il contient (par exemple {example})."
    exit_code = 3


class RegisterReadOnly(DsarError):
    code = "register_read_only"
    en = (
        "The register {path} is read-only on this computer: it can be read and verified, but not changed. "
        "Nothing was written; ask for write access, or work on a copy."
    )
    fr = (
        "Le registre {path} est en lecture seule sur cet ordinateur : on peut le lire et le vérifier, pas le "
        "modifier. Rien n'a été écrit ; demandez l'accès en écriture, ou travaillez sur une copie."
    )
    exit_code = 11
