"""`dsar-desktop --self-test`: the whole chain on a throw-away register, to prove an installation works.

Checks that the shipped data files are in place, creates a register in a temporary folder (passphrase slot, recovery key), adds a synthetic
case, marks every system of the catalogue as searched, creates an internal seal, builds the
response pack and verifies it (intact, trusted, whole file, manifest). Nothing is written
outside the temporary folder, which is deleted at the end, whatever happens.
"""

from __future__ import annotations

import datetime as dt
import secrets
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SelfTestResult:
    case_ref: str
    pages_pdf: bytes
    pack_bytes: int
    seconds: float


class SelfTestFailed(RuntimeError):
    """The installation is broken; the message says at which step."""


def check_shipped_files() -> None:
    """Every kind of data file the program reads is where it looks (a bundle or wheel missing one fails here)."""
    import datetime as _dt

    import holidays

    from .paths import FONTS, GUIDE, LICENSE, NOTICES, RESOURCES

    needed = [
        RESOURCES / "catalogue.json",
        FONTS / "DejaVuSans.ttf",
        RESOURCES / "templates" / "fr",
        RESOURCES / "templates" / "en",
        RESOURCES / "i18n" / "dsar_fr.qm",
        GUIDE / "fr" / "index.md",
        GUIDE / "en" / "index.md",
        LICENSE,
        NOTICES,
    ]
    missing = [str(path) for path in needed if not path.exists()]
    if missing:
        raise SelfTestFailed(f"missing from this installation: {', '.join(missing)}")
    # The holiday names come from translation files that are data, not code.
    name = holidays.France(years=2027, language="fr").get(_dt.date(2027, 7, 14))
    if name != "Fête nationale":
        raise SelfTestFailed(f"the French holiday names are missing (14 July is {name!r})")


def run_self_test(work: Path | None = None) -> SelfTestResult:
    """Run the chain in `work` (a new temporary folder by default, removed afterwards)."""
    if work is None:
        with tempfile.TemporaryDirectory(prefix="dsar-self-test-") as folder:
            return run_self_test(Path(folder))
    from .domain.cases import Capacity, Channel, Person, Right
    from .services import cases, certificates, extracts, packs
    from .services.register import create_register

    started = time.perf_counter()
    check_shipped_files()
    passphrase = "self-test " + secrets.token_urlsafe(18)
    created = create_register(work / "self-test.dsar", "self-test", passphrase)
    register = created.register
    try:
        case = cases.add_case(
            register,
            cases.NewCase(
                received_at=dt.datetime.now(dt.UTC),
                channel=Channel.POST,
                rights=[Right.ACCESS],
                subject=Person(
                    name="Camille TESTEUR",
                    email="camille.testeur@example.org",
                    address="Camille TESTEUR\n1 rue de l'Essai\n75001 PARIS",
                ),
                language="fr",
                capacity=Capacity.SELF,
            ),
        )
        cases.transition(register, case.ref, "in_progress")
        for source in extracts.missing_sources(register, case.ref):
            extracts.mark_source(register, case.ref, source.source, "not_applicable", "self-test")
        certificates.create_internal_seal(register)
        result = packs.build_pack(register, case.ref, work / "packs")
        check = packs.verify_case_pack(register, case.ref, result.zip)
        if not (check.intact and check.trusted and check.coverage == "entire_file" and check.manifest_ok):
            raise SelfTestFailed(f"the pack of {case.ref} does not verify: {check}")
        return SelfTestResult(
            case.ref, result.pdf.read_bytes(), result.zip.stat().st_size, time.perf_counter() - started
        )
    finally:
        register.close()
