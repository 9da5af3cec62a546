"""Settings: the phone region assumed for numbers typed without a +country code."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select

from followup_tui import validate
from followup_tui.settings import Settings
from followup_tui.tui.screens.form import FormScreen, all_valid

START_CHOICES = (
    ("the daily review when something is due, else the interviews", "auto"),
    ("always the daily review", "review"),
    ("always the interviews", "main"),
)


class SettingsForm(FormScreen[Settings]):
    """The default phone region (from the locale until set here) and the screen to open on."""

    TITLE_TEXT = "Settings"

    def __init__(self, current: Settings) -> None:
        super().__init__()
        self.current = current

    def compose_fields(self) -> ComposeResult:
        yield from self.field("Phone region", "region", self.current.phone_region, "two letters: US, GB, DE, FR, IN…")
        with Horizontal(classes="field-row"):
            yield Label("Open on", classes="field-label")
            # The stored value may be anything (another program, an import): Select refuses an unknown one.
            start = (
                self.current.start_screen
                if self.current.start_screen in {value for _, value in START_CHOICES}
                else "auto"
            )
            yield Select(START_CHOICES, value=start, allow_blank=False, id="start", compact=True)
        yield from self.field(
            "Similar notes at",
            "similarity",
            str(round(self.current.similarity_threshold * 100)),
            "percent: two thank-yous this alike get a warning (default 80)",
        )

    def on_mount(self) -> None:
        self._preview()

    @on(Input.Changed, "#region")
    def _preview(self) -> None:
        try:
            code = validate.region(self.value("region"))
        except validate.InputProblem as problem:
            self.say("region", str(problem), error=True)
            return
        import phonenumbers

        example = phonenumbers.example_number(code)
        shown = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL) if example else ""
        self.say("region", f"numbers like {shown} are read as {code} numbers" if shown else code)

    def collect(self) -> Settings | None:
        code = self.check("region", validate.region)
        percent = self.check("similarity", _percent)
        if not all_valid(code, percent):
            return None
        return replace(
            self.current,
            phone_region=code.value,
            start_screen=self.choice("start", str),
            similarity_threshold=percent.value / 100,
        )


def _percent(text: str) -> int:
    try:
        value = int(text.strip().rstrip("%"))
    except ValueError as error:
        raise validate.InputProblem("A whole number from 10 to 100") from error
    if not 10 <= value <= 100:
        raise validate.InputProblem("A whole number from 10 to 100")
    return value
