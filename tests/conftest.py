"""Shared fixtures: a fresh register per test, an in-memory keyring, a case factory."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dsar_desktop.domain.cases import Capacity, Channel, Person, Right  # noqa: E402
from dsar_desktop.services import cases as case_service  # noqa: E402
from dsar_desktop.services.office import Office  # noqa: E402
from dsar_desktop.store.connection import Register, open_register  # noqa: E402

PASSPHRASE = "correct horse battery staple"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A dict-backed keyring that declares itself a secure store (tests only)."""

    priority = 1  # type: ignore[assignment]
    dsar_secure_store = True

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Office]:
    """A fresh register as the screens and the CLI hold it (services take it wherever they take the register)."""
    reg = Office(open_register(tmp_path / "test.dsar", os.urandom(32), "alice", create=True))
    yield reg
    reg.close()


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    """Run `dsar` in-process: (exit code, the JSON it printed or its text, stderr)."""
    from dsar_desktop.cli import main

    code = main(list(argv))
    captured = capsys.readouterr()
    try:
        return code, json.loads(captured.out), captured.err
    except json.JSONDecodeError:
        return code, captured.out, captured.err


def new_case(**overrides: Any) -> case_service.NewCase:
    subject = overrides.pop("subject", None) or Person(
        name=overrides.pop("subject_name", "Héloïse DUPRÉ"),
        email=overrides.pop("subject_email", "heloise.dupre@example.org"),
        phone=overrides.pop("subject_phone", "06 12 34 56 78"),
        dob=overrides.pop("subject_dob", dt.date(2001, 3, 5)),
        address=overrides.pop("subject_address", "Héloïse DUPRÉ\n12 rue des Lilas\n69003 LYON"),
        student_number=overrides.pop("subject_student_number", None),
    )
    values: dict[str, Any] = {
        "received_at": dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC),
        "channel": Channel.EMAIL,
        "rights": [Right.ACCESS],
        "subject": subject,
        "language": "fr",
        "requester_name": None,
        "capacity": Capacity.SELF,
    }
    values.update(overrides)
    return case_service.NewCase(**values)


def make_case(register: Register, **overrides: Any) -> str:
    """Add a case (received 2027-03-01 by default) and return its reference."""
    return case_service.add_case(register, new_case(**overrides)).ref


@pytest.fixture
def case_factory(register: Register):  # type: ignore[no-untyped-def]
    def factory(**overrides: Any) -> str:
        return make_case(register, **overrides)

    return factory


IDENTITY_TODAY = dt.date(2027, 12, 31)


@pytest.fixture
def identity_today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    """The tests' cases are dated 2027: pin the identity service's "today" after them, since a proof
    can be neither sent nor received in the future (RULES A6)."""
    from dsar_desktop.services import identity

    monkeypatch.setattr(identity, "_paris_today", lambda: IDENTITY_TODAY)
    return IDENTITY_TODAY
