"""Letter templates: a sandboxed Jinja2 environment, the shipped defaults, errors with their line.

A template defines two blocks, `subject` and `body`. The body is light markup
read by documents.letter: blank lines separate paragraphs, `# ` starts a
heading and `- ` a bullet. Output is plain text (no HTML): the renderer
escapes it, so a name like "O'Brien <x>" prints as written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from ..domain.errors import DsarError
from ..paths import RESOURCES

TEMPLATES = RESOURCES / "templates"
LANGUAGES = ("fr", "en")
KINDS = (
    "acknowledgement",
    "id_request",
    "parental_proof_request",
    "minor_alone_notice",
    "heir_proof_request",
    "extension_notice",
    "access_response",
    "portability_response",
    "confirmation_rectification",
    "confirmation_erasure",
    "confirmation_restriction",
    "confirmation_objection",
    "confirmation_consent_withdrawal",
    "refusal",
    "erasure_partial_refusal",
)
KIND_LABELS = {
    "acknowledgement": ("Acknowledgement of receipt", "Accusé de réception"),
    "id_request": ("Request for proof of identity", "Demande de justificatif d'identité"),
    "parental_proof_request": (
        "Request for proof of parental authority",
        "Demande de preuve de l'autorité parentale",
    ),
    "minor_alone_notice": ("Letter to a child under 15 who wrote alone", "Lettre à un enfant de moins de 15 ans ayant écrit seul"),
    "heir_proof_request": (
        "Request for proofs from an heir (deceased person)",
        "Demande de justificatifs à un héritier (personne décédée)",
    ),
    "extension_notice": ("Extension notice", "Notification de prolongation"),
    "access_response": ("Access response", "Réponse à la demande d'accès"),
    "portability_response": ("Portability response", "Réponse à la demande de portabilité"),
    "confirmation_rectification": ("Confirmation of rectification", "Confirmation de rectification"),
    "confirmation_erasure": ("Confirmation of erasure", "Confirmation d'effacement"),
    "confirmation_restriction": ("Confirmation of restriction", "Confirmation de limitation"),
    "confirmation_objection": ("Confirmation of objection", "Confirmation d'opposition"),
    "confirmation_consent_withdrawal": (
        "Confirmation of consent withdrawal",
        "Confirmation de retrait du consentement",
    ),
    "refusal": ("Refusal or no action", "Refus ou absence de suite"),
    "erasure_partial_refusal": ("Erasure refused in part", "Effacement refusé en partie"),
}
REQUIRED_BLOCKS = ("subject", "body")
_MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
_MONTHS_EN = "January February March April May June July August September October November December".split()


class TemplateInvalid(DsarError):
    code = "template_invalid"
    en = "The {language} template '{kind}' has an error at line {line}: {message}"
    fr = "Le modèle {language} « {kind} » contient une erreur à la ligne {line} : {message}"
    exit_code = 1


class UnknownLetterKind(DsarError):
    code = "unknown_letter_kind"
    en = "Unknown letter kind '{kind}'. Known kinds: {known}."
    fr = "Type de lettre inconnu « {kind} ». Types connus : {known}."
    exit_code = 1


def check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise UnknownLetterKind(kind=kind, known=", ".join(KINDS))


def format_date(value: Any, language: str = "fr") -> str:
    """'3 février 2027' or '3 February 2027'; accepts a date or an ISO string."""
    if value in (None, ""):
        return ""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    if language == "fr":
        first = "1er" if day.day == 1 else str(day.day)
        return f"{first} {_MONTHS_FR[day.month - 1]} {day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"  # not strftime: it follows the OS locale


_VOWELS = "aeiouyàâäéèêëîïôöûüœæh"


def de_name(name: Any) -> str:
    """French "de" before a name, elided before a vowel: "d'Océane", "de Zoë" (h is treated as mute)."""
    text = str(name or "").strip()
    return f"d'{text}" if text[:1].lower() in _VOWELS else f"de {text}"


def _environment(language: str) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["date"] = lambda value: format_date(value, language)
    env.filters["de"] = de_name
    return env


def default_source(kind: str, language: str) -> str:
    check_kind(kind)
    return (TEMPLATES / language / f"{kind}.j2").read_text(encoding="utf-8")


@dataclass(frozen=True)
class RenderedText:
    subject: str
    body: str
    closing: str = ""  # the optional `closing` block: printed after every section, before the signature


def _line_of(exc: BaseException, template: jinja2.Template) -> int | None:
    """The template line where a runtime error happened, mapped from the compiled code's frame."""
    line = getattr(exc, "lineno", None)
    if line:
        return int(line)
    tb = exc.__traceback__
    found = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            found = template.get_corresponding_lineno(tb.tb_lineno)
        tb = tb.tb_next
    return found


def render(source: str, kind: str, language: str, context: dict[str, Any]) -> RenderedText:
    """Render both blocks completely or raise TemplateInvalid: never a half letter."""
    env = _environment(language)
    try:
        template = env.from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateInvalid(
            kind=kind, language=language, line=exc.lineno or "?", message=exc.message or str(exc)
        ) from None
    missing = [block for block in REQUIRED_BLOCKS if block not in template.blocks]
    if missing:
        raise TemplateInvalid(
            kind=kind,
            language=language,
            line=1,
            message=f"missing block(s) {', '.join(missing)} ({{% block body %}}…)",
        )
    parts: dict[str, str] = {}
    try:
        ctx = template.new_context(dict(context))
        for block in (*REQUIRED_BLOCKS, "closing"):
            if block in template.blocks:  # `closing` is optional
                parts[block] = "".join(template.blocks[block](ctx)).strip()
    except jinja2.TemplateError as exc:  # undefined variable, sandbox violation, bad filter...
        line = _line_of(exc, template)
        raise TemplateInvalid(
            kind=kind, language=language, line=line or "?", message=exc.message or str(exc)
        ) from None
    except (TypeError, ValueError, ArithmeticError, AttributeError, KeyError, IndexError) as exc:
        line = _line_of(exc, template)
        raise TemplateInvalid(
            kind=kind, language=language, line=line or "?", message=f"{type(exc).__name__}: {exc}"
        ) from None
    if not parts["subject"]:
        raise TemplateInvalid(kind=kind, language=language, line="?", message="the subject is empty")
    return RenderedText(
        subject=" ".join(parts["subject"].split()), body=parts["body"], closing=parts.get("closing", "")
    )
