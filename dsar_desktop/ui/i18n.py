"""The two languages of the office for every on-screen string: `tr("English")` gives French when asked.

Each UI module registers its French strings next to where they are used with
`add_french({...})`; a test walks every `tr("...")` literal in the package and
fails when one has no French.
"""

from __future__ import annotations

_FRENCH: dict[str, str] = {}
_state = {"language": "fr"}


def add_french(pairs: dict[str, str]) -> None:
    _FRENCH.update(pairs)


def set_language(language: str) -> None:
    _state["language"] = "fr" if language == "fr" else "en"


def language() -> str:
    return _state["language"]


def tr(english: str, **facts: object) -> str:
    text = _FRENCH.get(english, english) if _state["language"] == "fr" else english
    return text.format(**facts) if facts else text


def pick(pair: tuple[str, str]) -> str:
    """Choose from an (English, French) pair defined in the domain."""
    return pair[1] if _state["language"] == "fr" else pair[0]


def french_for(english: str) -> str | None:
    return _FRENCH.get(english)
