"""What every `dsar` sub-command shares: options, passphrase sources, opening the register, output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.errors import DsarError

if TYPE_CHECKING:  # the register (and SQLCipher, keyring) is loaded only by commands that open it
    from ..services.office import Office

ENV_PASSPHRASE = "DSAR_PASSPHRASE"
ENV_NEW_PASSPHRASE = "DSAR_NEW_PASSPHRASE"


class NoPassphrase(DsarError):
    code = "no_passphrase"
    en = (
        "No passphrase given: use --passphrase-file FILE, the DSAR_PASSPHRASE variable, or run in a terminal."
    )
    fr = "Aucune phrase de passe : utilisez --passphrase-file FICHIER, la variable DSAR_PASSPHRASE, ou un terminal."
    exit_code = 2


class NoNewPassphrase(DsarError):
    code = "no_new_passphrase"
    en = "No new passphrase given: use --new-passphrase-file FILE, the DSAR_NEW_PASSPHRASE variable, or run in a terminal."
    fr = (
        "Aucune nouvelle phrase de passe : utilisez --new-passphrase-file FICHIER, la variable "
        "DSAR_NEW_PASSPHRASE, ou un terminal."
    )
    exit_code = 2


class PassphraseFileUnreadable(DsarError):
    code = "passphrase_file_unreadable"
    en = "Cannot read the passphrase file {path}: {reason}."
    fr = "Impossible de lire le fichier de phrase de passe {path} : {reason}."
    exit_code = 2


def common_parent() -> argparse.ArgumentParser:
    """Options accepted before or after the sub-command (`dsar --register R init` or `dsar init --register R`)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--register", type=Path, default=argparse.SUPPRESS, help="register file")
    parent.add_argument(
        "--passphrase-file", type=Path, default=argparse.SUPPRESS, help="read the passphrase from FILE"
    )
    parent.add_argument("--slot", default=argparse.SUPPRESS, help="key slot label (default: your login name)")
    parent.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    return parent


MAX_SECRET_FILE = 64 * 1024  # a passphrase file holds one line


def read_secret_file(path: Path) -> str:
    """The first line's worth of a passphrase file, read at most 64 KB (a device or a folder says so)."""
    path = Path(path)
    try:
        if path.exists() and not path.is_file():
            raise PassphraseFileUnreadable(path=str(path), reason="it is a folder or a device, not a file")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_SECRET_FILE + 1)
        if len(raw) > MAX_SECRET_FILE:
            raise PassphraseFileUnreadable(
                path=str(path), reason="it is over 64 KB; a passphrase file holds one line"
            )
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PassphraseFileUnreadable(
            path=str(path), reason=getattr(exc, "strerror", None) or str(exc)
        ) from None
    return text.rstrip("\r\n")


class Context:
    """Resolved global options; opens the register lazily and closes it at the end."""

    def __init__(self, args: argparse.Namespace, stdout: Any = None) -> None:
        self.args = args
        self.default_location = not getattr(args, "register", None)
        self.json: bool = bool(getattr(args, "json", False))
        self.slot: str | None = getattr(args, "slot", None)
        self.stdout = stdout or sys.stdout
        self._register: Office | None = None

    @property
    def register_path(self) -> Path:
        given = getattr(self.args, "register", None)
        if given:
            return Path(given)
        from ..services.register import default_register_path  # platformdirs, keyring: only when needed

        return Path(default_register_path())

    def prepare(self) -> None:
        """Create the default register's folder before anything else (a fresh account has none)."""
        if self.default_location:
            from ..services.register import prepare_default_folder

            prepare_default_folder(self.register_path)

    # ---- secrets ----------------------------------------------------------
    def passphrase(self, prompt: str = "Passphrase: ") -> str:
        path = getattr(self.args, "passphrase_file", None)
        if path:
            return read_secret_file(path)
        if os.environ.get(ENV_PASSPHRASE):
            return os.environ[ENV_PASSPHRASE]
        if sys.stdin is not None and sys.stdin.isatty():
            return getpass.getpass(prompt)
        raise NoPassphrase()

    def new_passphrase(self, file_option: Path | None) -> str:
        if file_option:
            return read_secret_file(file_option)
        if os.environ.get(ENV_NEW_PASSPHRASE):
            return os.environ[ENV_NEW_PASSPHRASE]
        if sys.stdin is not None and sys.stdin.isatty():
            first = getpass.getpass("New passphrase: ")
            if getpass.getpass("Repeat it: ") != first:
                from ..domain.errors import InvalidInput

                raise InvalidInput("The two passphrases differ.", "Les deux phrases de passe diffèrent.")
            return first
        raise NoNewPassphrase()

    def actor(self) -> str:
        from ..services.register import default_actor

        return self.slot or default_actor()

    # ---- register ---------------------------------------------------------
    def open_register(self, *, check_anchor: bool = True) -> Office:
        """Unlock once per command. `check_anchor=False` only for `verify`, which reports the anchor itself."""
        if self._register is None:
            from ..services.office import Office
            from ..services.register import load_keyfile, unlock_register

            load_keyfile(
                self.register_path
            )  # a missing register or key file is said before any passphrase is asked
            self._register = Office.adopt(
                unlock_register(self.register_path, self.passphrase(), self.slot, check_anchor=check_anchor)
            )
        return self._register

    def adopt(self, register: Any) -> None:
        from ..services.office import Office

        self._register = Office.adopt(register)

    def close(self) -> None:
        if self._register is not None:
            self._register.close()
            self._register = None

    # ---- output -----------------------------------------------------------
    def emit(self, obj: Any, text: str | None = None) -> None:
        if self.json or text is None:
            print(json.dumps(obj, ensure_ascii=False, indent=2, default=str), file=self.stdout)
        else:
            print(text, file=self.stdout)
