"""Art. 19 (RULES E): an erasure confirmation lists the recipients as recorded, and cannot be produced
before the identity is established, the case is being answered and every recipient is recorded."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from dsar_desktop.domain.cases import Right, Status
from dsar_desktop.services import cases as case_service
from dsar_desktop.services import identity as ids
from dsar_desktop.services import letters
from dsar_desktop.services import notifications as art19
from dsar_desktop.store.connection import Register

try:
    from letters_support import make_inputs
except ImportError:  # pragma: no cover
    from tests.letters_support import make_inputs

pytestmark = pytest.mark.usefixtures("identity_today")
DATA = [{"source": "crm", "record": {"name": "Héloïse DUPRÉ"}, "redactions": {}}]


def _text(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return " ".join(out.decode().split())


def test_erasure_confirmation_only_after_identity_state_and_notifications(
    register: Register, case_factory, monkeypatch, identity_today  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(art19.dl, "today_paris", lambda: identity_today)
    ref = case_factory(rights=[Right.ERASURE])
    inputs = make_inputs(data=DATA)
    with pytest.raises(letters.LetterRefused) as caught:
        letters.build_letter(register, ref, "confirmation_erasure", "fr", inputs=inputs)
    refused = caught.value.describe("en")
    assert "received" in refused and "identity" in refused and "CESI sales teams" not in refused
    assert "Services commerciaux de CESI" in refused  # the recipient still to record

    ids.record_other_means(register, ref, "email_on_file")
    if case_service.get_case(register, ref).status == Status.RECEIVED:
        case_service.transition(register, ref, Status.IN_PROGRESS)
    with pytest.raises(letters.LetterRefused):  # identity and state fine, notification missing
        letters.build_letter(register, ref, "confirmation_erasure", "fr", inputs=inputs)

    art19.record(register, ref, "crm", "Services commerciaux de CESI", "notified",
                 notified_on=dt.date(2027, 3, 10), means="courriel au responsable du CRM")  # fmt: skip
    text = _text(letters.build_letter(register, ref, "confirmation_erasure", "fr", inputs=inputs))
    assert "Services commerciaux de CESI (CRM commercial) : informé le 10 mars 2027 (courriel au responsable du CRM)" in text
    assert "Vous pouvez nous demander de vous indiquer ces destinataires (article 19 du RGPD)" in text
    assert "ont été informés de cet effacement" not in text  # no blanket claim
    assert text.index("salutations distinguées") > text.index("indiquer ces destinataires")


def test_a_notification_says_when_and_how_or_why_not(register: Register, case_factory) -> None:  # type: ignore[no-untyped-def]
    ref = case_factory(rights=[Right.ERASURE])
    with pytest.raises(Exception, match="date"):
        art19.record(register, ref, "crm", "X", "notified")
    with pytest.raises(Exception, match="why"):
        art19.record(register, ref, "crm", "X", "impossible", reason="no")
    n = art19.record(register, ref, "crm", "X", "disproportionate", reason="The provider closed in 2025 and left no contact.")
    assert n.outcome == "disproportionate" and n.reason and "closed" in n.reason


def test_cli_lists_records_and_then_allows_the_confirmation(capsys, tmp_path, passphrase_file, identity_today, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dsar_desktop.services import extracts
    from dsar_desktop.services.demo import settle_demo_catalogue
    from dsar_desktop.services.extracts_demo import seed_demo_extracts
    from dsar_desktop.services.register import unlock_register

    try:
        from conftest import PASSPHRASE, new_case, run_cli
    except ImportError:  # pragma: no cover
        from tests.conftest import PASSPHRASE, new_case, run_cli

    monkeypatch.setattr(art19.dl, "today_paris", lambda: identity_today)
    path = tmp_path / "r.dsar"
    base = ["--register", str(path), "--passphrase-file", str(passphrase_file)]
    assert run_cli(capsys, *base, "init")[0] == 0
    with unlock_register(path, PASSPHRASE) as reg:
        settle_demo_catalogue(reg)
        ref = case_service.add_case(reg, new_case(rights=[Right.ERASURE])).ref
        ids.record_other_means(reg, ref, "email_on_file")
        case_service.transition(reg, ref, Status.IN_PROGRESS)
        seed_demo_extracts(reg, [ref])
        for match in extracts.list_matches(reg, ref, status="pending"):
            extracts.confirm_match(reg, match.id)
    code, listed, _ = run_cli(capsys, *base, "recipients", "list", ref, "--json")
    assert code == 0 and listed["recipients"] and all(r["outcome"] is None for r in listed["recipients"])
    out = tmp_path / "c.pdf"
    code, _, err = run_cli(capsys, *base, "letter", ref, "--kind", "confirmation_erasure", "--out", str(out))
    assert code == 1 and "Art. 19" in err and not out.exists()
    for row in listed["recipients"]:
        code, _, err = run_cli(
            capsys, *base, "recipients", "record", ref, "--source", row["source"], "--recipient", row["recipient"],
            "--notified-on", "2027-03-10", "--means", "courriel",
        )  # fmt: skip
        assert code == 0, err
    code, _, err = run_cli(capsys, *base, "letter", ref, "--kind", "confirmation_erasure", "--out", str(out))
    assert code == 0, err
    text = _text(out.read_bytes())
    assert listed["recipients"][0]["recipient"] in text and "informé le 10 mars 2027 (courriel)" in text
