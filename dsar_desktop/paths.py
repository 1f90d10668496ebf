"""Where the application's shipped files live: in a source checkout, an installed wheel or a bundle.

A wheel and the PyInstaller bundle carry `resources/`, the guide, the licence and the
third-party notices inside the package (`dsar_desktop/resources/`, see pyproject.toml and
packaging/dsar-desktop.spec); a source checkout keeps them at the top of the repository.
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_INSIDE = _PACKAGE / "resources"
_INSTALLED = _INSIDE.is_dir()
_CHECKOUT = _PACKAGE.parent

RESOURCES = _INSIDE if _INSTALLED else _CHECKOUT / "resources"
FONTS = RESOURCES / "fonts"
GUIDE = RESOURCES / "guide" if _INSTALLED else _CHECKOUT / "docs" / "guide"
LICENSE = RESOURCES / "LICENSE" if _INSTALLED else _CHECKOUT / "LICENSE"
NOTICES = RESOURCES / "THIRD-PARTY-NOTICES.md" if _INSTALLED else _CHECKOUT / "packaging" / "THIRD-PARTY-NOTICES.md"
ICON = (
    RESOURCES / "icons" / "dsar-desktop.png"
    if _INSTALLED
    else _CHECKOUT / "packaging" / "icons" / "dsar-desktop.png"
)
