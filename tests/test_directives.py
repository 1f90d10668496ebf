"""Post-mortem directives (RULES E, LIL art. 85): recorded before an heir is answered, stated as recorded.

Through `dsar`: a reply to an heir cannot be built until someone has recorded whether the
deceased left directives; the record needs its source, and a summary when directives exist;
it is refused for a request that is not an heir's; the reply says exactly what was recorded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from dsar_desktop.domain.directives import Directives, Finding, reply_paragraph
from dsar_desktop.services import directives
from dsar_desktop.services import register as svc

PASS = "correct horse battery staple"


def dsar(capsys: pytest.CaptureFixture[str], path: Path, pf: Path, *argv: str) -> tuple[int, Any, str]:
    return run_cli(capsys, "--register", str(path), "--passphrase-file", str(pf), "--json", *argv)


def add(capsys: pytest.CaptureFixture[str], path: Path, pf: Path, *extra: str) -> str:
    code, case, err = dsar(
        capsys, path, pf, "case", "add", "--received", "2026-11-20", "--channel", "post", "--right", "access",
        "--subject-name", "Paul RENARD", "--subject-dob", "1950-02-03", *extra,
    )  # fmt: skip
    assert code == 0, err
    return str(case["ref"])


def test_an_heirs_reply_waits_for_the_directives_and_says_what_was_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = tmp_path / "r.dsar"
    assert dsar(capsys, path, passphrase_file, "init", "--label", "alice")[0] == 0
    heir = add(capsys, path, passphrase_file, "--capacity", "heir", "--requester-name", "Lucie RENARD")
    adult = add(capsys, path, passphrase_file)

    code, shown, err = dsar(capsys, path, passphrase_file, "case", "show", heir)
    assert code == 0, err
    assert shown["refused"]["build_pack"]["code"] == "directives_not_recorded"
    assert "post-mortem directives" in shown["refused"]["build_pack"]["en"]
    assert "directives post mortem" in shown["refused"]["build_pack"]["fr"]
    code, shown, _ = dsar(capsys, path, passphrase_file, "case", "show", adult)
    assert "directives_not_recorded" not in {r["code"] for r in shown["refused"].values()}

    code, _out, err = dsar(capsys, path, passphrase_file, "case", "directives", adult, "--finding", "none_known", "--source", "our register")  # fmt: skip
    assert code == 1 and "not a request made as an heir" in err
    code, _out, err = dsar(capsys, path, passphrase_file, "case", "directives", heir, "--finding", "particular", "--summary", "see file", "--source", "our register")  # fmt: skip
    assert code == 1 and "what the directives ask" in err
    code, _out, err = dsar(capsys, path, passphrase_file, "case", "directives", heir, "--finding", "none_known", "--source", " ")  # fmt: skip
    assert code == 1 and "how the directives were checked" in err
    code, shown, _ = dsar(capsys, path, passphrase_file, "case", "show", heir)
    assert shown["refused"]["build_pack"]["code"] == "directives_not_recorded"  # refusals recorded nothing

    code, out, err = dsar(
        capsys, path, passphrase_file, "case", "directives", heir, "--finding", "general",
        "--summary", "Effacer toutes les données sauf celles utiles à la succession.",
        "--source", "Registre unique des directives générales, consulté le 25/11/2026",
    )  # fmt: skip
    assert code == 0, err
    assert out["finding"] == "general" and out["recorded_by"] == "alice"
    code, shown, _ = dsar(capsys, path, passphrase_file, "case", "show", heir)
    assert "directives_not_recorded" not in {r["code"] for r in shown["refused"].values()}

    with svc.unlock_register(path, PASS) as reg:
        case_id = reg.query_one("SELECT id FROM cases WHERE ref = ?", (heir,))[0]
        found = directives.latest(reg, case_id)
        assert found is not None and found.finding == Finding.GENERAL
        audit = reg.query_one("SELECT details FROM audit WHERE action = 'case.directives_recorded'")[0]
        assert "Effacer" not in audit  # what the directives say stays in the case, not in the audit log


def test_the_reply_paragraph_says_exactly_the_finding() -> None:
    import datetime as dt

    none = Directives(Finding.NONE_KNOWN, "", "our register", "alice", dt.datetime.now(dt.UTC))
    fr = reply_paragraph(none, "fr")
    assert "aucune directive" in fr and "article 85, II" in fr and "respectons" not in fr
    en = reply_paragraph(none, "en")
    assert "no directive" in en and "Article 85(II)" in en
    general = Directives(Finding.GENERAL, "erase all data.", "trusted third party", "alice", dt.datetime.now(dt.UTC))
    fr = reply_paragraph(general, "fr")
    assert "tiers de confiance certifié" in fr and "Elles prévoient : erase all data." in fr
    assert "registered with a certified trusted third party" in reply_paragraph(general, "en")
