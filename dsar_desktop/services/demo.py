"""A demo register of synthetic cases in every state, so a newcomer can try every screen."""

from __future__ import annotations

import datetime as dt
import random
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain import deadlines as dl
from ..domain.cases import Capacity, Channel, Person, Right, Status
from ..domain.errors import DsarError
from ..domain.identity import IdentityMethod
from ..store.connection import Register
from . import anchoring, certificates, extracts_demo, identity
from . import cases as case_service
from .register import create_register

FIRST_FR = ["Héloïse", "Zoé", "Anaïs", "Jérôme", "François", "Gaëlle", "Noël", "Loïc", "Élodie", "Cécile",
            "Benoît", "Maëlle", "Raphaël", "Inès", "Léa", "Théo", "Chloé", "Étienne", "Aurélien", "Océane"]  # fmt: skip
LAST_FR = ["DUPRÉ", "LEFÈVRE", "BOUCHÉ", "CHÂTEAU", "GÉRARD", "MÉNARD", "FAÇONNIER", "D’ARGENT", "LÆTITIA-ROUX",
           "ŒUVRAY", "PÉREZ", "NGUYỄN", "BÉNÉZIT", "LE GOFF", "SAINT‐JUST", "MÜLLER", "GARÇON", "HÉBERT"]  # fmt: skip
FIRST_EN = ["Oliver", "Siobhán", "Zoë", "Chloë", "Seán", "Amelia", "Renée", "Jack", "Isla", "Noah"]
LAST_EN = ["O’BRIEN", "SMITH-JONES", "MACDONALD", "BRONTË", "WHITAKER", "ÅSTRÖM", "KOWALSKI", "ŁUKASZEWICZ"]
CITIES = [("69003", "LYON"), ("75011", "PARIS"), ("33000", "BORDEAUX"), ("67000", "STRASBOURG"),
          ("44000", "NANTES"), ("59000", "LILLE"), ("13100", "AIX-EN-PROVENCE"), ("35200", "RENNES")]  # fmt: skip
OTHER_MEANS_DEMO = [IdentityMethod.EMAIL_ON_FILE, IdentityMethod.STUDENT_NUMBER, IdentityMethod.DATA_MATCHING]
STREETS = [
    "rue des Lilas",
    "avenue Jean-Jaurès",
    "boulevard de l’Œuvre",
    "place Châteaubriand",
    "allée des Hêtres",
]


@dataclass(frozen=True)
class DemoResult:
    register: Register
    case_count: int
    recovery_key: str
    refs_with_data: list[str]


# The demo office took the register into use some weeks ago: its replies since then went out as sealed packs
# (built for real, 0.3-0.5 s each), the older ones were entered afterwards, without a pack, and say so.
DEMO_HISTORY = "Réponse antérieure au registre (données de démonstration) : aucun dossier scellé ici"
# A reply to a child's parents handed over at the desk before the parental authority was checked on file.
DEMO_BY_HAND = (
    "Réponse remise en main propre aux titulaires de l'autorité parentale (données de démonstration)"
)
PACKED_REPLIES = 32  # the newest replies sealed: a bounded cost for the demo's build


@dataclass(frozen=True)
class PastReply:
    """A reply the demo office sent: when, with which registered-letter number, and whether it was closed."""

    ref: str
    sent_on: dt.date
    number: str
    close: bool


def passphrase_for_demo(ctx: Any) -> tuple[str, bool]:
    """The passphrase given the usual ways, or a new one that the caller prints."""
    try:
        return ctx.passphrase(), False
    except DsarError:
        words = ["amande", "bruine", "cerise", "dune", "ecluse", "falaise", "givre", "houle", "iris", "jade",
                 "lagune", "marelle", "noisette", "olivier", "prairie", "quartz", "riviere", "saule"]  # fmt: skip
        rng = secrets.SystemRandom()
        return "-".join(rng.sample(words, 4)) + f"-{rng.randrange(100, 999)}", True


def _person(rng: random.Random, index: int, today: dt.date) -> Person:
    if rng.random() < 0.75:
        first, last, domain = rng.choice(FIRST_FR), rng.choice(LAST_FR), "exemple.fr"
    else:
        first, last, domain = rng.choice(FIRST_EN), rng.choice(LAST_EN), "example.org"
    ascii_first = case_service.fold_for_search(first).replace(" ", "")
    ascii_last = "".join(ch for ch in case_service.fold_for_search(last) if ch.isalnum())
    age_years = rng.choice([13, 14, 16, 17, 19, 20, 21, 22, 23, 25, 28, 31, 35, 42, 51])
    dob = today - dt.timedelta(days=int(age_years * 365.25) + rng.randrange(0, 360))
    postcode, city = rng.choice(CITIES)
    address = f"{first} {last}\n{rng.randrange(1, 120)} {rng.choice(STREETS)}\n{postcode} {city}"
    return Person(
        name=f"{first} {last}",
        email=f"{ascii_first}.{ascii_last}{index}@{domain}",
        phone=f"06 {rng.randrange(10, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}",
        dob=dob,
        address=address,
        student_number=f"CESI{rng.randrange(100000, 999999)}" if rng.random() < 0.5 else None,
    )


def _rights(rng: random.Random) -> list[Right]:
    main = rng.choices(
        [Right.ACCESS, Right.ERASURE, Right.RECTIFICATION, Right.OBJECTION, Right.PORTABILITY,
         Right.CONSENT_WITHDRAWAL, Right.RESTRICTION],
        weights=[45, 18, 10, 10, 7, 6, 4],
    )[0]  # fmt: skip
    rights = [main]
    if main == Right.ACCESS and rng.random() < 0.25:
        rights.append(Right.PORTABILITY)
    return rights


def populate(
    register: Register,
    count: int,
    today: dt.date | None = None,
    seed: int = 2027,
    replies: list[PastReply] | None = None,
) -> list[str]:
    """Add `count` synthetic cases spread over the last five months in every state; return their refs.

    The replies the office sent go into `replies` for `record_past_replies` (which seals the newest);
    without that list they are recorded at once, without a pack."""
    today = today or dt.datetime.now(dl.PARIS).date()
    rng = random.Random(seed)
    refs: list[str] = []
    ages = sorted(
        (rng.randrange(0, 150) for _ in range(count)), reverse=True
    )  # references follow receipt order
    for index, age_days in enumerate(ages):
        received = dt.datetime.combine(today - dt.timedelta(days=age_days), dt.time(rng.randrange(8, 19), 15))
        subject = _person(rng, index, today)
        capacity = Capacity.SELF
        requester = None
        if subject.dob and (today - subject.dob).days < 15 * 365:
            capacity, requester = Capacity.PARENT, f"{rng.choice(FIRST_FR)} {subject.name.split(' ', 1)[1]}"
        elif rng.random() < 0.05:
            capacity, requester = Capacity.LAWYER, f"Maître {rng.choice(FIRST_FR)} {rng.choice(LAST_FR)}"
        new = case_service.NewCase(
            received_at=received.replace(tzinfo=dl.PARIS),
            channel=rng.choices(list(Channel), weights=[60, 25, 10, 3, 2])[0],
            rights=_rights(rng),
            subject=subject,
            language="fr" if subject.email and subject.email.endswith(".fr") else "en",
            requester_name=requester,
            capacity=capacity,
        )
        case = case_service.add_case(register, new)
        refs.append(case.ref)
        reply = _advance(register, case.ref, age_days, rng, today)
        if reply is not None and replies is not None:
            replies.append(reply)
        elif reply is not None:
            _dispatch_without_pack(register, reply, DEMO_HISTORY)
    return refs


def _advance(
    register: Register, ref: str, age_days: int, rng: random.Random, today: dt.date
) -> PastReply | None:
    """Move a case along its life as a real office would have, given how old it is."""
    case = case_service.get_case(register, ref)
    roll = rng.random()
    if age_days < 4:
        return None  # just recorded
    if roll < 0.12 and age_days < 40:
        sent = case.received_date + dt.timedelta(days=rng.randrange(1, 3))
        identity.request_proof(
            register, ref, "Votre demande provient d'une adresse électronique différente de celle de votre dossier "
            "et ne précise pas votre date de naissance.",
            sent_on=sent, with_letter=False,
        )  # fmt: skip
        return None
    identity.record_other_means(register, ref, rng.choice(OTHER_MEANS_DEMO))
    if case_service.get_case(register, ref).status == Status.RECEIVED:
        case_service.transition(register, ref, Status.IN_PROGRESS)
    if age_days < 31:
        return None  # recent: in progress (ready to send needs a sealed pack, built from the Response tab)
    if roll < 0.2 and age_days < 80:
        notice = min(case.legal_due, case.received_date + dt.timedelta(days=rng.randrange(5, 25)))
        case_service.extend(register, ref, "Demande complexe : sept systèmes à interroger", notice)
        return None
    if roll < 0.3 and age_days < 55:
        return None  # still in progress: some of these have just passed their due date
    if 0.3 <= roll < 0.34:
        case_service.transition(
            register,
            ref,
            Status.REFUSED,
            "Demande manifestement excessive : quatrième demande identique en deux mois",
        )
        return None
    if 0.34 <= roll < 0.37:
        case_service.transition(register, ref, Status.WITHDRAWN)
        return None
    days = rng.randrange(0, 10)
    if roll < 0.45:  # about one reply in eight goes out a few days late, as in any office
        sent_on = min(today, case.legal_due + dt.timedelta(days=1 + days // 2))
    else:
        sent_on = min(today, case.legal_due - dt.timedelta(days=days))
    number = f"1A {rng.randrange(10**9, 10**10)}"
    return PastReply(ref, sent_on, number, close=age_days > 60 and roll > 0.5)


def _dispatch_without_pack(register: Register, reply: PastReply, reason: str) -> None:
    case_service.record_dispatch(register, reply.ref, reply.sent_on, reply.number, without_pack_reason=reason)
    if reply.close:
        case_service.transition(register, reply.ref, Status.CLOSED)


def record_past_replies(register: Register, replies: list[PastReply], folder: Path) -> int:
    """Record the office's past replies: the newest PACKED_REPLIES as real sealed packs (the systems
    searched in the demo files, matches confirmed, Art. 19 recorded, the pack built into `folder`, then
    dispatched), the older ones without a pack (entered after the fact). Returns how many were sealed."""
    from . import extracts, packs

    newest = sorted(replies, key=lambda r: (r.sent_on, r.ref), reverse=True)
    sealed_refs = [r.ref for r in newest[:PACKED_REPLIES]]
    extracts_demo.seed_demo_extracts(register, sealed_refs, limit=len(sealed_refs))
    sealed = 0
    for reply in replies:
        if reply.ref not in sealed_refs:
            _dispatch_without_pack(register, reply, DEMO_HISTORY)
            continue
        for match in extracts.list_matches(register, reply.ref, status="pending"):
            extracts.confirm_match(register, match.id)
        record_demo_notifications(register, reply.ref, reply.sent_on)
        if identity.disclosure_block_reason(register, reply.ref) is not None:
            # a child's (or a representative's) reply before the authority was verified: no pack can be built
            _dispatch_without_pack(register, reply, DEMO_BY_HAND)
            continue
        packs.build_pack(register, reply.ref, folder)
        case_service.record_dispatch(register, reply.ref, reply.sent_on, reply.number)
        if reply.close:
            case_service.transition(register, reply.ref, Status.CLOSED)
        sealed += 1
    return sealed


def create_demo_register(path: Path, label: str, passphrase: str, cases: int = 200) -> DemoResult:
    import tempfile

    created = create_register(Path(path), label, passphrase)
    register = created.register
    try:
        with anchoring.batch(register):  # ~1000 commits: one anchor write, not one per commit
            replies: list[PastReply] = []
            refs = populate(register, cases, replies=replies)
            certificates.seed_demo_certificate(register)
            settle_demo_catalogue(register)
            # the packs are files (synthetic people only); the register keeps their SHA-256, not the files
            with tempfile.TemporaryDirectory(prefix="dsar-demo-packs-") as folder:
                record_past_replies(register, replies, Path(folder))
            with_data = seed_optional_parts(register, refs)
            with_data += seed_every_right(register)
    except BaseException:
        register.close()
        raise
    return DemoResult(register, cases, created.recovery_key, with_data)


DEMO_TRANSFERS = {
    "fr": "Aucun transfert hors de l'Union européenne (registre de démonstration : fait arrêté par le DPO fictif).",
    "en": "No transfer outside the European Union (demonstration register: fact settled by the fictitious DPO).",
}


def settle_demo_catalogue(register: Register) -> None:
    """The shipped register leaves the transfers the policy does not locate as drafts, which block
    every letter printing them (RULES D). The demo plays the DPO settling them, as a new version."""
    from . import catalogue as catalogue_service

    for activity in catalogue_service.current_catalogue(register).sources:
        if activity.get("draft"):
            settled = {k: v for k, v in activity.items() if k != "draft"}
            settled["transfers_outside_eu"] = dict(DEMO_TRANSFERS)
            catalogue_service.update_activity(register, settled, "demo: transfers settled by the DPO")


EVERY_RIGHT: tuple[tuple[Right, ...], ...] = (
    (Right.ACCESS,),
    (Right.PORTABILITY,),
    (Right.ACCESS, Right.PORTABILITY),
    (Right.RECTIFICATION,),
    (Right.ERASURE,),
    (Right.RESTRICTION,),
    (Right.OBJECTION,),
    (Right.CONSENT_WITHDRAWAL,),
)
_EVERY_RIGHT_PEOPLE = (
    ("Inès AUBERT", "fr"), ("Oscar EVANS", "en"), ("Amélie ROUSSEAU", "fr"), ("Hugo LEMAIRE", "fr"),
    ("Émile FAURE", "fr"), ("Grace O’NEILL", "en"), ("Yanis BENALI", "fr"), ("Léa MOREAU", "fr"),
)  # fmt: skip


def seed_every_right(register: Register, today: dt.date | None = None) -> list[str]:
    """One case per right, and one for access + portability, whose reply can be built and sealed at
    once (`dsar pack build REF`): identity established, data confirmed, every Art. 19 recipient
    recorded for a rectification, erasure or restriction. Returns their references."""
    from . import extracts

    today = today or dl.today_paris()
    refs: list[str] = []
    for index, rights in enumerate(EVERY_RIGHT):
        name, language = _EVERY_RIGHT_PEOPLE[index]
        first, last = name.split(" ", 1)
        email = f"{first.lower()}.{last.lower()}@exemple.fr".replace("’", "")
        received = dt.datetime.combine(today - dt.timedelta(days=6), dt.time(9, 30), tzinfo=dl.PARIS)
        case = case_service.add_case(
            register,
            case_service.NewCase(
                received_at=received, channel=Channel.EMAIL, rights=list(rights), language=language,
                subject=Person(name, email, None, dt.date(1995, 4, 12), f"{name}\n{10 + index} rue des Lilas\n69003 LYON", None),
                requester_name=None, capacity=Capacity.SELF,
            ),
        )  # fmt: skip
        identity.record_other_means(register, case.ref, IdentityMethod.EMAIL_ON_FILE)
        if case_service.get_case(register, case.ref).status == Status.RECEIVED:
            case_service.transition(register, case.ref, Status.IN_PROGRESS)
        extracts_demo.seed_demo_extracts(register, [case.ref])
        for match in extracts.list_matches(register, case.ref, status="pending"):
            extracts.confirm_match(register, match.id)
        record_demo_notifications(register, case.ref, today)
        refs.append(case.ref)
    return refs


def record_demo_notifications(register: Register, ref: str, today: dt.date | None = None) -> None:
    """As the office would before confirming an erasure, rectification or restriction: each recipient
    of the processings holding the person's data is recorded as informed (Art. 19)."""
    from ..domain.notifications import ART19_KINDS
    from . import letters
    from . import notifications as art19

    if letters.reply_kind(case_service.get_case(register, ref).rights) not in ART19_KINDS:
        return
    for source, recipient, done in letters.recipients_to_notify(register, ref):
        if done is None:
            art19.record(register, ref, source, recipient, "notified", notified_on=today or dl.today_paris(),
                         means="courriel")  # fmt: skip


def seed_optional_parts(register: Register, refs: list[str]) -> list[str]:
    """The internal seal, and sample extracts with confirmed matches for the newest open cases.

    The newest cases are chosen so that their deadlines are still ahead; the first one
    keeps a few matches pending so that the review screen has work to show.
    """
    certificates.seed_demo_certificate(register)
    settle_demo_catalogue(register)
    newest_first = list(reversed(refs))
    seeded = extracts_demo.seed_demo_extracts(register, newest_first)
    for ref in seeded:
        record_demo_notifications(register, ref)
    return seeded
