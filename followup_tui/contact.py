"""The one record of a person met: the card's fields, and what each field is for.

The person form, the card pane, `followup capture`'s printout, the SQL column lists, the vCard writer
and the JSON export take their field lists from here (dataclasses.fields plus each field's `About`),
so a new card field is a dataclass field here, a model column and a migration."""

from __future__ import annotations

from dataclasses import KW_ONLY, asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any

from followup_tui.kinds import Medium


class Entry(StrEnum):
    """How a field is typed in and checked."""

    LINE = "line"  # one line of text
    EMAIL = "email"
    PHONE = "phone"  # checked against the phone region; its E.164 form goes to `<name>_e164`
    TEXT = "text"  # several lines
    DERIVED = "derived"  # never typed: worked out from another field (a phone's E.164 form)
    CHOICE = "choice"  # one of an enum's members
    FLAG = "flag"  # yes or no


@dataclass(frozen=True)
class About:
    """What a field is for: how the form, the card pane, the shell, the store and a vCard treat it."""

    label: str = ""  # the form's and `followup capture`'s name for it ("" when never typed)
    entry: Entry = Entry.LINE
    required: bool = False
    form_label: str = ""  # when the form names it otherwise than `label`
    hint: str = ""  # the form's placeholder, or a checkbox's text
    shown: str = ""  # the card pane's row label ("" when the pane shows it otherwise, or not at all)
    empty: str = ""  # what the card pane shows when the field is empty ("" leaves the row out)
    table: str = "contact"  # stored on the contact (the card) or the meeting (one interview's talk)
    json: str = "str"  # how the JSON export reads it back (store.portable)
    vcard: str = ""  # the vCard property written for it ("" when not written, or written apart)
    vcard_types: tuple[str, ...] = ()  # that property's TYPE values, as RFC 2426 spells them

    @property
    def typed(self) -> bool:
        """Whether the form has an input for it."""
        return self.entry is not Entry.DERIVED


def _about(default: Any = "", **about: Any) -> Any:
    return field(default=default, metadata={"about": About(**about)})


@dataclass(frozen=True)
class CardFields:
    """What a business card holds; empty strings where nothing is known (or a parser was not sure)."""

    name: str = _about(label="Name", required=True, form_label="Name *", hint="as on the card")
    title: str = _about(label="Title", hint="e.g. Engineering Manager", vcard="title")
    company: str = _about(label="Company", vcard="org")
    email: str = _about(
        label="Email",
        entry=Entry.EMAIL,
        hint="name@company.com",
        shown="Email",
        empty="—",
        vcard="email",
        vcard_types=("internet", "work"),
    )
    phone: str = _about(
        label="Phone", entry=Entry.PHONE, shown="Phone", empty="—", vcard="tel", vcard_types=("work", "voice")
    )
    phone_e164: str = _about(entry=Entry.DERIVED)
    # Name to phone_e164 may be given in order, as the first versions allowed; the rest by name (a
    # person's fields after these came in another order then, so a call relying on it fails loudly).
    _: KW_ONLY
    mobile: str = _about(label="Mobile", entry=Entry.PHONE, shown="Mobile", vcard="tel", vcard_types=("cell", "voice"))
    mobile_e164: str = _about(entry=Entry.DERIVED)
    fax: str = _about(label="Fax", shown="Fax", vcard="tel", vcard_types=("work", "fax"))
    website: str = _about(label="Website", shown="Web", vcard="url")
    linkedin: str = _about(label="LinkedIn", shown="LinkedIn", vcard="url")
    address: str = _about(
        label="Address",
        entry=Entry.TEXT,
        form_label="Mailing address",
        shown="Address",
        empty="—",
        vcard="adr",
        vcard_types=("work", "postal"),
    )

    def as_dict(self) -> dict[str, str]:
        """The fields by name."""
        return asdict(self)


@dataclass(frozen=True, kw_only=True)
class PersonInput(CardFields):
    """A person's card and what was discussed with them, as a form gives it (or a command, an import)."""

    preferred: Medium = _about(Medium.EMAIL, label="Reach them by", entry=Entry.CHOICE, shown="Prefers", json="medium")
    topic: str = _about(
        label="Topic discussed",
        entry=Entry.TEXT,
        shown="Topic",
        empty="— (the thank-you should name one)",
        table="meeting",
    )
    is_lead: bool = _about(
        False,
        label="Lead interviewer",
        entry=Entry.FLAG,
        hint="gets the follow-up call and the letter",
        table="meeting",
        json="bool",
    )
    notes: str = _about(label="Notes", entry=Entry.TEXT, shown="Notes")

    @classmethod
    def from_card(cls, card: CardFields, **extra: Any) -> PersonInput:
        """A person from parsed or imported card fields."""
        return cls(**{name: getattr(card, name) for name in CARD_FIELDS}, **extra)

    def as_card(self) -> CardFields:
        """The business-card part, for vCard export."""
        return CardFields(**{name: getattr(self, name) for name in CARD_FIELDS})

    def as_input(self) -> PersonInput:
        """Just the person's fields (a shown card carries its row ids too), as a form is given them."""
        return PersonInput(**{name: getattr(self, name) for name in PERSON_FIELDS})


def about(name: str) -> About:
    """What the person field `name` is for."""
    return _ABOUT[name]


_ABOUT: dict[str, About] = {f.name: f.metadata["about"] for f in fields(PersonInput)}
PERSON_FIELDS = tuple(_ABOUT)
"""Every field of a person, in the form's order."""
CARD_FIELDS = tuple(f.name for f in fields(CardFields))
"""The business card's fields: what a card parser, a vCard and `followup capture` deal in."""
TYPED_CARD_FIELDS = tuple(name for name in CARD_FIELDS if _ABOUT[name].typed)
"""The card's fields a person types (or a pasted card fills), in the form's order."""
CONTACT_COLUMNS = tuple(name for name, a in _ABOUT.items() if a.table == "contact")
"""The person's fields stored on the contact row, in the JSON export's order."""
MEETING_COLUMNS = tuple(name for name, a in _ABOUT.items() if a.table == "meeting")
"""The person's fields stored on the meeting row (what was said at one interview)."""
