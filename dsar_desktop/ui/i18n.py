"""The language of every on-screen string: Qt's translators (our .qm and Qt's own qtbase) and the locale.

Strings are written in English as `tr("Text {fact}", fact=x)`; `pyside6-lupdate` extracts every
`tr("...")` literal into `resources/i18n/dsar_fr.ts` (context ""), a translator (or `./dev translations`)
fills in the French, and `pyside6-lrelease` compiles the committed `.qm`. Plurals use Qt's `%n`:
`tr("%n source(s)", "", count)`; `dsar_en.ts` holds the English plural forms. A literal that is
translated later (a table of labels) is marked with `QT_TR_NOOP("...")` so lupdate sees it.
See the README's "Translations" section.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..paths import RESOURCES

I18N = RESOURCES / "i18n"
LANGUAGES = ("fr", "en")
CONTEXT = ""  # what lupdate gives a bare tr() call; one context for the whole UI

# Tolerated during the change-over only: a test fails while any module still calls add_french().
_LEGACY_FRENCH: dict[str, str] = {}
_state: dict[str, object] = {"language": "fr", "installed": None}
# Ours translate through QTranslator directly, so tr() works before (and without) a QApplication;
# Qt's own (qtbase) is installed on the application once there is one, for its buttons and dialogs.
_ours: dict[str, QTranslator] = {}
_installed: list[QTranslator] = []
# A pseudo-locale for layout checks: DSAR_PSEUDO_LOCALE=1 makes every string 40 % longer, bracketed,
# so a screenshot shows at once where a longer translation would be cut (see take_fit_screenshots.py).
PSEUDO_LOCALE = os.environ.get("DSAR_PSEUDO_LOCALE") == "1"


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks a literal for extraction; `tr(variable)` translates it where it is shown."""
    return text


def add_french(pairs: dict[str, str]) -> None:
    """Deprecated: put the French in resources/i18n/dsar_fr.ts (`./dev translations` moves these there)."""
    _LEGACY_FRENCH.update(pairs)


def set_language(language: str) -> None:
    _state["language"] = "fr" if language == "fr" else "en"
    _install()


def language() -> str:
    return str(_state["language"])


def locale() -> QLocale:
    return QLocale("fr_FR" if language() == "fr" else "en_GB")


def qm_path(lang: str) -> Path:
    return I18N / f"dsar_{lang}.qm"


def _translator(lang: str) -> QTranslator | None:
    if lang not in _ours:
        translator = QTranslator()
        _ours[lang] = translator
        if not translator.load(str(qm_path(lang))):
            raise FileNotFoundError(f"{qm_path(lang)} is missing: run ./dev translations")
    return _ours[lang]


def _install() -> None:
    """Qt's own translations and the locale for the chosen language; waits for a QCoreApplication."""
    app = QCoreApplication.instance()
    if app is None or _state["installed"] == _state["language"]:
        return
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(locale())
    if language() != "en":
        qt_own = QTranslator(app)
        if qt_own.load(locale(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt_own)
            app.installTranslator(qt_own)
    _state["installed"] = language()


def tr(source: str, disambiguation: str | None = None, count: int = -1, /, **facts: object) -> str:
    """The text in the chosen language; `%n` takes `count` (plural forms), `{fact}` the keyword facts."""
    if _state["installed"] != _state["language"]:
        _install()
    translator = _translator(language())
    text = (translator.translate(CONTEXT, source, disambiguation, count) if translator else "") or source
    if text == source and language() == "fr" and source in _LEGACY_FRENCH:
        text = _LEGACY_FRENCH[source]
    if count >= 0:
        text = text.replace("%n", str(count))
    text = text.format(**facts) if facts else text
    return pseudo(text) if PSEUDO_LOCALE else text


def pseudo(text: str) -> str:
    """The pseudo-locale's form of a string: bracketed and 40 % longer (mnemonic & and line breaks kept)."""
    if not text.strip():
        return text
    # The padding comes in word-sized groups: a translation is longer, not made of one 60-letter word, so a
    # word-wrapped label can still wrap (one unbroken run of tildes would set its minimum width instead).
    length = math.ceil(len(text) * 0.4)
    padding = ("~~~~~ " * (length // 6 + 1))[:length].rstrip(" ").ljust(length, "~")
    return "[" + text + " " + padding + "]"


def pick(pair: tuple[str, str]) -> str:
    """Choose from an (English, French) pair defined in the domain."""
    return pair[1] if _state["language"] == "fr" else pair[0]
