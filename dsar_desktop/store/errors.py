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
