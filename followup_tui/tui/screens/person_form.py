"""Capture or edit an interviewer's business card and what you discussed with them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Label, Select

from followup_tui import validate
from followup_tui.plan import Medium
from followup_tui.records import PersonInput
from followup_tui.tui.screens.form import FormScreen


class PersonForm(FormScreen[PersonInput]):
    """Name, title, company, email, phone, address, preferred medium, topic, lead, notes."""

    def __init__(self, current: PersonInput | None = None, *, company: str = "", region: str = "US") -> None:
        super().__init__()
        self.current = current
        self.company = company
        self.phone_region = region
        self.TITLE_TEXT = "Edit card" if current else "Capture a business card"

    def compose_fields(self) -> ComposeResult:
        c = self.current
        yield from self.field("Name *", "name", c.name if c else "", "as on the card")
        yield from self.field("Title", "title", c.title if c else "", "e.g. Engineering Manager")
        yield from self.field("Company", "company", c.company if c else self.company)
        yield from self.field("Email", "email", c.email if c else "", "name@company.com")
        yield from self.field("Phone", "phone", c.phone if c else "", f"region {self.phone_region}, or +country code")
        yield from self.area("Mailing address", "address", c.address if c else "")
        with Horizontal(classes="field-row"):
            yield Label("Reach them by", classes="field-label")
            yield Select(
                [(m.label, m) for m in Medium], value=c.preferred if c else Medium.EMAIL, allow_blank=False,
                id="preferred", compact=True,
            )
        yield from self.area("Topic discussed", "topic", c.topic if c else "")
        with Horizontal(classes="field-row"):
            yield Label("Lead interviewer", classes="field-label")
            yield Checkbox("gets the follow-up call and the letter", c.is_lead if c else False, id="lead", compact=True)
        yield from self.area("Notes", "notes", c.notes if c else "")

    def collect(self) -> PersonInput | None:
        results = [
            self.check("name", lambda v: validate.line(v, required="Name")),
            self.check("title", validate.line),
            self.check("company", validate.line),
            self.check("email", validate.email),
            self.check("phone", lambda v: validate.phone(v, self.phone_region)),
            self.check("address", validate.text),
            self.check("topic", validate.text),
            self.check("notes", validate.text),
        ]
        if not all(ok for ok, _ in results):
            return None
        name, title, company, email, phone, address, topic, notes = (value for _, value in results)
        return PersonInput(
            name=name, title=title, company=company, email=email, phone=phone.typed, phone_e164=phone.e164,
            address=address, preferred=self.query_one("#preferred", Select).value, topic=topic,
            is_lead=self.query_one("#lead", Checkbox).value, notes=notes,
        )
