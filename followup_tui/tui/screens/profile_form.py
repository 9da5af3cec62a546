"""Your own details, used in every draft."""

from __future__ import annotations

from textual.app import ComposeResult

from followup_tui import validate
from followup_tui.tui.screens.form import FormScreen, all_valid
from followup_tui.writing.profile import Profile, references_from_text


class ProfileForm(FormScreen[Profile]):
    """Name, email, phone, postal address, signature, strengths and references (one per line each)."""

    TITLE_TEXT = "Your profile (used in every draft)"

    def __init__(self, current: Profile, focus: str = "") -> None:
        super().__init__()
        self.current = current
        self.first_focus = focus  # a field to start in, e.g. "references" when the references item asks

    def compose_fields(self) -> ComposeResult:
        c = self.current
        yield from self.field("Your name", "my_name", c.name)
        yield from self.field("Email", "my_email", c.email)
        yield from self.field("Phone", "my_phone", c.phone)
        yield from self.area("Postal address", "my_address", c.address)
        yield from self.area("Signature", "signature", c.signature)
        yield from self.area("Strengths", "strengths", "\n".join(c.strengths))
        yield from self.area("References", "references", "\n".join(r.as_line() for r in c.references))

    def on_mount(self) -> None:
        self.say(
            "strengths",
            "One per line, e.g. 'six years turning messy data into decisions'; each thank-you draws a different one.",
        )
        self.say(
            "references",
            "One per line: name; relationship; email; phone, e.g. 'Ana Ruiz; my manager at Acme; ana@acme.example'. "
            "After each interview you are asked to alert them: an employer may call.",
        )
        if self.first_focus:
            # After the screen's own auto-focus, which picks the first field.
            self.call_after_refresh(self.query_one(f"#{self.first_focus}").focus)

    def collect(self) -> Profile | None:
        name = self.check("my_name", validate.line)
        email = self.check("my_email", validate.email)
        phone = self.check("my_phone", validate.line)
        address = self.check("my_address", validate.text)
        signature = self.check("signature", validate.text)
        strengths = self.check("strengths", validate.text)
        references = self.check("references", lambda v: references_from_text(validate.text(v)))
        if not all_valid(name, email, phone, address, signature, strengths, references):
            return None
        lines = tuple(line.strip(" -•") for line in strengths.value.split("\n") if line.strip(" -•"))
        return Profile(name.value, email.value, phone.value, address.value, signature.value, lines, references.value)
