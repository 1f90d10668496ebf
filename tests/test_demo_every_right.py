"""The demo register holds, for every right and for access + portability, a case whose reply can be
built and sealed at once (issue 11), each answered by its own kind of letter."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

from dsar_desktop.services import certificates, demo, packs
from dsar_desktop.store.connection import Register

try:
    from conftest import PASSPHRASE, run_cli
except ImportError:  # pragma: no cover
    from tests.conftest import PASSPHRASE, run_cli


def test_every_right_has_a_case_ready_to_seal(register: Register, tmp_path: Path) -> None:
    certificates.seed_demo_certificate(register)
    demo.settle_demo_catalogue(register)
    refs = demo.seed_every_right(register)
    assert len(refs) == len(demo.EVERY_RIGHT) == 8
    subjects = {}
    for ref, rights in zip(refs, demo.EVERY_RIGHT, strict=True):
        result = packs.build_pack(register, ref, tmp_path / ref)
        report = packs.verify_pack(result.zip)
        assert report.intact and report.manifest_ok and report.coverage == "entire_file", ref
        text = subprocess.run(["pdftotext", str(result.pdf), "-"], capture_output=True, check=True).stdout.decode()
        subjects[tuple(r.value for r in rights)] = " ".join(text.split())
        with zipfile.ZipFile(result.zip) as archive:
            data = json.loads(archive.read("data.json"))
        if "portability" in [r.value for r in rights]:
            names = {s["source"] for s in data["sources"]}
            assert names and "diplomas" not in names and "web_analytics" not in names  # provided data only
    assert "demande d'accès" in subjects[("access",)] or "access request" in subjects[("access",)]
    assert "Article 20(2)" in subjects[("portability",)] and "access request" not in subjects[("portability",)]
    both = subjects[("access", "portability")]
    assert "article 15" in both and "article 20, paragraphe 2" in both
    assert "Hugo LEMAIRE" in subjects[("rectification",)] and "article 16" in subjects[("rectification",)]
    assert "informé le" in subjects[("erasure",)] and "article 19" in subjects[("erasure",)]
    assert "article 21" in subjects[("objection",)]
    assert "article 7, paragraphe 3" in subjects[("consent_withdrawal",)]


def test_dsar_pack_build_on_a_demo_case(capsys, tmp_path: Path, passphrase_file: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.dsar"
    base = ["--register", str(path), "--passphrase-file", str(passphrase_file)]
    assert run_cli(capsys, *base, "init")[0] == 0
    from dsar_desktop.services.register import unlock_register

    with unlock_register(path, PASSPHRASE) as reg:
        certificates.seed_demo_certificate(reg)
        demo.settle_demo_catalogue(reg)
        ref = demo.seed_every_right(reg)[1]  # portability alone
    code, out, err = run_cli(capsys, *base, "pack", "build", ref, "--out", str(tmp_path / "out"), "--json")
    assert code == 0, err
    assert Path(out["zip"]).exists() and len(out["sha256"]) == 64
