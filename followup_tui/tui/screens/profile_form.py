"""Your own details, used in every draft."""

from __future__ import annotations

from textual.app import ComposeResult

from followup_tui import validate
from followup_tui.tui.screens.form import FormScreen, all_valid
from followup_tui.writing.profile import Profile


class ProfileForm(FormScreen[Profile]):
    """Name, email, phone, postal address, signature and strengths (one per line)."""

    TITLE_TEXT = "Your profile (used in every draft)"

    def __init__(self, current: Profile) -> None:
        super().__init__()
        self.current = current

    def compose_fields(self) -> ComposeResult:
        c = self.current
        yield from self.field("Your name", "my_name", c.name)
        yield from self.field("Email", "my_email", c.email)
        yield from self.field("Phone", "my_phone", c.phone)
        yield from self.area("Postal address", "my_address", c.address)
        yield from self.area("Signature", "signature", c.signature)
        yield from self.area("Strengths", "strengths", "\n".join(c.strengths))

    def on_mount(self) -> None:
        self.say(
            "strengths",
            "One per line, e.g. 'six years turning messy data into decisions'; each thank-you draws a different one.",
        )

    def collect(self) -> Profile | None:
        name = self.check("my_name", validate.line)
        email = self.check("my_email", validate.email)
        phone = self.check("my_phone", validate.line)
        address = self.check("my_address", validate.text)
        signature = self.check("signature", validate.text)
        strengths = self.check("strengths", validate.text)
        if not all_valid(name, email, phone, address, signature, strengths):
            return None
        lines = tuple(line.strip(" -•") for line in strengths.value.split("\n") if line.strip(" -•"))
        return Profile(name.value, email.value, phone.value, address.value, signature.value, lines)
