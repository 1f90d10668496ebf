"""Screenshots of the identity step (case file's Identity tab, the ID check dialog), under Xvfb.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/screenshots/take_identity_screenshots.py [en|fr]

Writes identity-panel.png, id-check.png and identity-minor.png here (`-fr` suffix for French), from a
throw-away register with the ICAO 9303 specimen passport (a synthetic card marked SPECIMEN).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from dsar_desktop.domain.cases import Capacity, Channel, Person, Right  # noqa: E402
from dsar_desktop.domain.identity import Decision, ProofKind  # noqa: E402
from dsar_desktop.services import cases as case_service  # noqa: E402
from dsar_desktop.services import identity as ids  # noqa: E402
from dsar_desktop.store.connection import open_register  # noqa: E402
from dsar_desktop.ui import style  # noqa: E402
from dsar_desktop.ui.dialogs import Dialogs  # noqa: E402
from dsar_desktop.ui.i18n import set_language  # noqa: E402
from dsar_desktop.ui.identity import IdCheckDialog, IdentityPanel  # noqa: E402
from dsar_desktop.ui.pages import standard_screens  # noqa: E402
from dsar_desktop.ui.workers import ImmediateRunner  # noqa: E402
from tests.ui_identity_support import SPECIMEN_MRZ, specimen_passport  # noqa: E402

HERE = Path(__file__).resolve().parent
TODAY = dt.datetime.now(dt.UTC).date()


def grab(app: QApplication, widget: QWidget, out: Path, width: int = 1280, height: int = 800) -> None:
    widget.resize(width, height)
    widget.show()
    for _ in range(8):
        app.processEvents()
    widget.grab().save(str(out))
    print(f"wrote {out}")


def show_identity_tab(view: QWidget) -> None:
    tabs = view.tabs  # type: ignore[attr-defined]
    for index in range(tabs.count()):
        if isinstance(tabs.widget(index), IdentityPanel):
            tabs.setCurrentIndex(index)


def add_case(register, **values) -> str:  # type: ignore[no-untyped-def]
    received = dt.datetime.combine(TODAY - dt.timedelta(days=9), dt.time(9, 30), dt.UTC)
    base = dict(
        received_at=received, channel=Channel.EMAIL, rights=[Right.ACCESS], language="en",
        requester_name=None, capacity=Capacity.SELF,
    )  # fmt: skip
    base.update(values)
    return case_service.add_case(register, case_service.NewCase(**base)).ref  # type: ignore[arg-type]


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "en"
    suffix = "" if language == "en" else f"-{language}"
    app = QApplication(sys.argv[:1])
    style.apply(app)
    set_language(language)
    dialogs = Dialogs()
    with tempfile.TemporaryDirectory() as folder:
        register = open_register(Path(folder) / "shots.dsar", os.urandom(32), "alice", create=True)
        try:
            anna = Person(
                name="Anna Maria ERIKSSON", email="anna.eriksson@example.org", dob=dt.date(1974, 8, 12),
                address="Anna Maria ERIKSSON\n4 rue du Port\n44000 NANTES",
            )  # fmt: skip
            ref = add_case(register, subject=anna)
            ids.request_proof(
                register, ref, "The request came from an address we do not know and asks for all records.",
                sent_on=TODAY - dt.timedelta(days=7), with_letter=False,
            )  # fmt: skip
            ids.receive_proof(register, ref, specimen_passport(), received_on=TODAY - dt.timedelta(days=2))
            factory = standard_screens().case_file_factory
            assert factory is not None
            view = factory(register, dialogs, ImmediateRunner(), ref)
            show_identity_tab(view)
            grab(app, view, HERE / f"identity-panel{suffix}.png")

            proof = next(p for p in ids.identity_status(register, ref).proofs if p.proof_kind == ProofKind.IDENTITY_DOCUMENT)  # fmt: skip
            dialog = IdCheckDialog(register, dialogs, ref, proof, TODAY)
            dialog.document_type.setCurrentIndex(dialog.document_type.findData("passport"))
            dialog.issuing_country.setText("UTO")
            dialog.document_number.setText("L898902C3")
            dialog.expiry.setText("15/04/2012")
            dialog.holder_name.setText("Anna Maria ERIKSSON")
            dialog.holder_dob.setText("12/08/1974")
            dialog.tri["signature"].setCurrentIndex(dialog.tri["signature"].findData(True))
            dialog.mrz_text.setPlainText("\n".join(SPECIMEN_MRZ))
            dialog.decision_buttons[Decision.VERIFIED].setChecked(True)
            grab(app, dialog, HERE / f"id-check{suffix}.png")
            dialog.close()

            lucas = Person(name="Lucas MARTIN", dob=dt.date(2015, 5, 1), address="Claire MARTIN\n9 rue Haute\n69001 LYON")
            minor = add_case(register, subject=lucas, requester_name="Claire MARTIN", capacity=Capacity.PARENT)
            view = factory(register, dialogs, ImmediateRunner(), minor)
            show_identity_tab(view)
            grab(app, view, HERE / f"identity-minor{suffix}.png")
        finally:
            register.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
