"""Settings: the phone region assumed for numbers typed without a +country code."""

from __future__ import annotations

import phonenumbers
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input

from followup_tui import validate
from followup_tui.tui.screens.form import FormScreen


class SettingsForm(FormScreen[str]):
    """The default phone region (from the locale until set here)."""

    TITLE_TEXT = "Settings"

    def __init__(self, phone_region: str) -> None:
        super().__init__()
        self.phone_region = phone_region

    def compose_fields(self) -> ComposeResult:
        yield from self.field("Phone region", "region", self.phone_region, "two letters: US, GB, DE, FR, IN, AU…")

    def on_mount(self) -> None:
        self._preview()

    @on(Input.Changed, "#region")
    def _preview(self) -> None:
        try:
            code = validate.region(self.value("region"))
        except validate.InputProblem as problem:
            self.say("region", str(problem), error=True)
            return
        example = phonenumbers.example_number(code)
        shown = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL) if example else ""
        self.say("region", f"numbers like {shown} are read as {code} numbers" if shown else code)

    def collect(self) -> str | None:
        ok, code = self.check("region", validate.region)
        return code if ok else None
