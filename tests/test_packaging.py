"""What an office's IT receives: pinned requirements, the Linux desktop entry and AppStream data, the icon."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "fr.cesi.DsarDesktop"


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pinned() -> dict[str, list[str]]:
    """Package -> its hashes, from the lock the bundle build installs with --require-hashes."""
    pins: dict[str, list[str]] = {}
    current = None
    for line in (PACKAGING / "requirements-bundle.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s\\]+)", line)
        if match:
            current = match.group(1).lower().replace("_", "-")
            pins[current] = []
        elif current and "--hash=sha256:" in line:
            pins[current].append(line.split("--hash=sha256:")[1].split()[0])
    return pins


def test_the_bundle_lock_pins_every_dependency_with_hashes():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["bundle"]}
    pins = _pinned()
    missing = sorted(wanted - set(pins))
    assert missing == [], (
        f"{missing} not in packaging/requirements-bundle.txt: regenerate it (command in packaging/README.md)"
    )
    assert all(len(h) == 64 for hashes in pins.values() for h in hashes)
    assert all(pins[name] for name in pins), "every pin carries its hashes"
    # One lock for Linux and Windows: the Windows-only packages are pinned too.
    assert {"tzdata", "pywin32-ctypes", "pefile"} <= set(pins)
    assert "phonenumbers" not in pins and "phonenumberslite" in pins  # no 40 MB of unused geodata


def test_the_dev_script_installs_the_lock_with_hashes_before_building():
    dev = (ROOT / "dev").read_text(encoding="utf-8")
    assert "--require-hashes" in dev and "packaging/requirements-bundle.txt" in dev
    assert "--skip-bundle" in dev and "--skip-bundle" not in (ROOT / ".ci" / "run").read_text(
        encoding="utf-8"
    )


def test_desktop_entry_names_the_app_id_icon_and_backup_type():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Exec"].startswith("dsar-desktop ")
    assert section["Icon"] == APP_ID
    assert "application/x-dsar-backup" in section["MimeType"]
    mime = ET.parse(PACKAGING / "linux" / "dsar-backup-mime.xml").getroot()
    assert any(
        g.get("pattern") == "*.dsarbak"
        for g in mime.iter("{http://www.freedesktop.org/standards/shared-mime-info}glob")
    )


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None, reason="appstreamcli (Debian: appstream) not installed"
)
def test_appstream_metainfo_validates_with_one_id():
    metainfo = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--explain", str(metainfo)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not re.search(r"^\s*[EW]:", proc.stdout, re.M), proc.stdout  # no error, no warning
    root = ET.parse(metainfo).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"  # type: ignore[union-attr]
    broken = metainfo.with_name("broken.metainfo.xml")
    try:  # the validator does catch a broken file
        broken.write_text(
            metainfo.read_text(encoding="utf-8").replace("<summary>", "<summry>", 1), encoding="utf-8"
        )
        bad = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(broken)], capture_output=True, check=False
        )
        assert bad.returncode != 0
    finally:
        broken.unlink()


def test_icon_in_every_size_and_the_windows_ico():
    from PIL import Image

    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(PACKAGING / "icons" / f"dsar-desktop-{size}.png") as image:
            assert image.size == (size, size) and image.mode == "RGBA"
    with Image.open(PACKAGING / "icons" / "dsar-desktop.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    assert (PACKAGING / "icons" / "dsar-desktop.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_third_party_notices_list_every_shipped_library_and_the_qt_terms():
    import importlib.metadata as md

    notices = (PACKAGING / "THIRD-PARTY-NOTICES.md").read_text(encoding="utf-8")
    table = {
        line.split("|")[1].strip().lower().replace("_", "-")
        for line in notices.splitlines()
        if line.startswith("| ")
    }
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(r) for r in project["dependencies"] if "win32" not in r}
    missing = sorted(
        n for n in runtime if n not in table and md.distribution(n).metadata["Name"].lower() not in table
    )
    assert missing == [], f"{missing}: run .venv/bin/python packaging/notices.py"
    assert (
        "LGPL" in notices
        and "replace them" in notices
        and "GNU LESSER GENERAL PUBLIC LICENSE" in notices.upper()
    )
