"""`pip install .` gives the whole program: the wheel carries the resources, and an install of it writes a letter.

The wheel is built from this checkout and installed with pip into a new virtual environment;
the test then runs that environment's `dsar` from a folder outside the checkout: a register,
a case, the catalogue and an acknowledgement letter. To keep the test well under a minute
the new environment borrows the third-party libraries of the development one (a path line,
not an install); the project itself, its resources and its entry points come only from the
wheel, which the test checks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from dsar_desktop.documents.raster import pdf_text

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (found,) = out.glob("dsar_desktop-*.whl")
    return found


def test_the_wheel_holds_every_resource(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    shipped = {
        str(p.relative_to(ROOT / "resources")).replace(os.sep, "/")
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    missing = sorted(n for n in shipped if f"dsar_desktop/resources/{n}" not in names)
    assert missing == []
    for needed in ("templates/fr", "fonts/DejaVuSans.ttf", "catalogue.json", "i18n/dsar_fr.qm"):
        assert any(n.startswith(f"dsar_desktop/resources/{needed}") for n in names), needed
    assert any(n.startswith("dsar_desktop/resources/guide/fr/") for n in names)
    assert any(n.startswith("dsar_desktop/store/migrations/") and n.endswith(".sql") for n in names)
    assert (
        "dsar_desktop/resources/LICENSE" in names and "dsar_desktop/resources/THIRD-PARTY-NOTICES.md" in names
    )
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(entry_points).decode()
    assert "dsar = dsar_desktop.cli:main" in text and "dsar-desktop = dsar_desktop.app:main" in text


def test_a_fresh_install_of_the_wheel_writes_a_letter(wheel: Path, tmp_path: Path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    # The development environment's libraries, as a plain path: its editable install of the project is not seen.
    Path(purelib, "borrowed-libraries.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["HOME"] = str(tmp_path / "home")
    env["DSAR_PASSPHRASE"] = "a fresh install passphrase 2027"
    work = tmp_path / "elsewhere"
    work.mkdir()

    def dsar(*args: str) -> str:
        proc = subprocess.run(
            [str(bindir / "dsar"), "--register", str(work / "r.dsar"), *args],
            cwd=work, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    where = subprocess.run(
        [str(python), "-c", "import dsar_desktop, dsar_desktop.paths as p; print(dsar_desktop.__file__); print(p.RESOURCES)"],
        cwd=work, env=env, check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    assert all(Path(w).is_relative_to(venv) for w in where), where  # the wheel's copy, not this checkout
    dsar("init", "--json")
    case = json.loads(
        dsar("case", "add", "--received", "2027-03-01T10:30", "--channel", "post", "--right", "access",
             "--subject-name", "Héloïse DUPRÉ", "--subject-address", "Héloïse DUPRÉ\n12 rue des Lilas\n69003 LYON",
             "--json")
    )  # fmt: skip
    ref = case["ref"]
    catalogue = dsar("catalogue", "show")  # from resources/catalogue.json inside the wheel
    assert catalogue.startswith("Catalogue version 1") and "student_records" in catalogue
    letter = work / "ack.pdf"
    dsar("letter", ref, "--kind", "acknowledgement", "--out", str(letter))
    text = pdf_text(letter.read_bytes())
    assert ref in text and "69003 LYON" in text
