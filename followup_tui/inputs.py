"""What forms, the card parser and commands hand to the store (records.py re-exports these names)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, time

from followup_tui.kinds import Medium, State


@dataclass(frozen=True)
class CardFields:
    """What a card yields; empty strings where the parser found nothing it was sure of."""

    name: str = ""
    title: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    phone_e164: str = ""
    mobile: str = ""
    mobile_e164: str = ""
    fax: str = ""
    website: str = ""
    linkedin: str = ""
    address: str = ""

    def as_dict(self) -> dict[str, str]:
        """The fields by name."""
        return asdict(self)


CARD_FIELDS = (
    "name",
    "title",
    "company",
    "email",
    "phone",
    "phone_e164",
    "mobile",
    "mobile_e164",
    "fax",
    "website",
    "linkedin",
    "address",
)


@dataclass(frozen=True)
class InterviewInput:
    """An interview as a form or a command gives it."""

    company: str
    day: date
    role: str = ""
    ended_at: time | None = None
    decision_expected: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class PersonInput:
    """A person's card and what was discussed with them, as a form gives it."""

    name: str
    title: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    phone_e164: str = ""
    address: str = ""
    preferred: Medium = Medium.EMAIL
    topic: str = ""
    is_lead: bool = False
    notes: str = ""
    mobile: str = ""
    mobile_e164: str = ""
    fax: str = ""
    website: str = ""
    linkedin: str = ""

    @property
    def has_contact_detail(self) -> bool:
        """True once the card holds an email, a phone or a mailing address."""
        return bool(self.email or self.phone or self.mobile or self.address)

    @classmethod
    def from_card(cls, card: CardFields) -> PersonInput:
        """A person from parsed or imported card fields."""
        return cls(**{name: getattr(card, name) for name in CARD_FIELDS})

    def as_card(self) -> CardFields:
        """The business-card part, for vCard export."""
        return CardFields(**{name: getattr(self, name) for name in CARD_FIELDS})


@dataclass(frozen=True)
class ActionSnapshot:
    """An action's changeable fields before a change, so the change can be undone."""

    id: int
    state: State
    due: date
    moved: bool
    done_on: date | None
    note: str
