"""Capture or edit an interviewer's business card; a pasted card fills the fields as you type."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, Label, Select, TextArea

from followup_tui import validate
from followup_tui.capture.card_text import CardTooLong, parse_card
from followup_tui.inputs import CardFields, PersonInput
from followup_tui.kinds import Medium
from followup_tui.tui.screens.form import FormScreen, all_valid

# Form fields a pasted card fills, by card field name.
FILLED = ("name", "title", "company", "email", "phone", "mobile", "fax", "website", "linkedin", "address")


class PersonForm(FormScreen[PersonInput]):
    """Paste card, then name, title, company, email, phones, web, address, medium, topic, lead, notes."""

    def __init__(
        self,
        current: PersonInput | None = None,
        *,
        company: str = "",
        region: str = "US",
        title: str | None = None,
    ) -> None:
        super().__init__()
        self.current = current
        self.company = company
        self.phone_region = region
        self.TITLE_TEXT = title or ("Edit card" if current else "Capture a business card")
        self._autofilled: dict[str, str] = {}

    def compose_fields(self) -> ComposeResult:
        c = self.current
        yield from self.area("Paste card", "paste", "")
        yield from self.field("Name *", "name", c.name if c else "", "as on the card")
        yield from self.field("Title", "title", c.title if c else "", "e.g. Engineering Manager")
        yield from self.field("Company", "company", c.company if c else self.company)
        yield from self.field("Email", "email", c.email if c else "", "name@company.com")
        hint = f"region {self.phone_region}, or +country code"
        yield from self.field("Phone", "phone", c.phone if c else "", hint)
        yield from self.field("Mobile", "mobile", c.mobile if c else "", hint)
        yield from self.field("Fax", "fax", c.fax if c else "")
        yield from self.field("Website", "website", c.website if c else "")
        yield from self.field("LinkedIn", "linkedin", c.linkedin if c else "")
        yield from self.area("Mailing address", "address", c.address if c else "")
        with Horizontal(classes="field-row"):
            yield Label("Reach them by", classes="field-label")
            yield Select(
                [(m.label, m) for m in Medium],
                value=c.preferred if c else Medium.EMAIL,
                allow_blank=False,
                id="preferred",
                compact=True,
            )
        yield from self.area("Topic discussed", "topic", c.topic if c else "")
        with Horizontal(classes="field-row"):
            yield Label("Lead interviewer", classes="field-label")
            yield Checkbox("gets the follow-up call and the letter", c.is_lead if c else False, id="lead", compact=True)
        yield from self.area("Notes", "notes", c.notes if c else "")

    def on_mount(self) -> None:
        self.say("paste", "Paste or type the card as it stands; the fields below fill themselves.")
        if self.current is None:
            self.query_one("#paste", TextArea).focus()

    @on(TextArea.Changed, "#paste")
    def _pasted(self) -> None:
        try:
            card = parse_card(self.value("paste"), self.phone_region)
        except CardTooLong as problem:
            self.say("paste", str(problem), error=True)
            return
        self.fill(card)
        found = [name for name in FILLED if getattr(card, name)]
        self.say(
            "paste", f"Found: {', '.join(found)}. Check them, then ctrl+s." if found else "Nothing recognised yet."
        )

    def fill(self, card: CardFields) -> None:
        """Put card values into the fields the user has not typed in (or that a paste filled before)."""
        for name in FILLED:
            value = getattr(card, name)
            widget = self.query_one(f"#{name}")
            current = self.value(name)
            by_hand = current and current != self._autofilled.get(name)
            if by_hand and not (name == "company" and current == self.company):
                continue  # typed by hand: never overwritten
            if not value and name not in self._autofilled:
                continue
            if isinstance(widget, TextArea):
                widget.text = value
            else:
                self.query_one(f"#{name}", Input).value = value
            self._autofilled[name] = value

    def collect(self) -> PersonInput | None:
        name = self.check("name", lambda v: validate.line(v, required="Name"))
        title = self.check("title", validate.line)
        company = self.check("company", validate.line)
        email = self.check("email", validate.email)
        phone = self.check("phone", lambda v: validate.phone(v, self.phone_region))
        mobile = self.check("mobile", lambda v: validate.phone(v, self.phone_region))
        fax = self.check("fax", validate.line)
        website = self.check("website", validate.line)
        linkedin = self.check("linkedin", validate.line)
        address = self.check("address", validate.text)
        topic = self.check("topic", validate.text)
        notes = self.check("notes", validate.text)
        if not all_valid(name, title, company, email, phone, mobile, fax, website, linkedin, address, topic, notes):
            return None
        return PersonInput(
            name=name.value,
            title=title.value,
            company=company.value,
            email=email.value,
            phone=phone.value.typed,
            phone_e164=phone.value.e164,
            address=address.value,
            preferred=self.choice("preferred", Medium),
            topic=topic.value,
            is_lead=self.query_one("#lead", Checkbox).value,
            notes=notes.value,
            mobile=mobile.value.typed,
            mobile_e164=mobile.value.e164,
            fax=fax.value,
            website=website.value,
            linkedin=linkedin.value,
        )
