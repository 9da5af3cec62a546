"""Settings: the phone region assumed for numbers typed without a +country code, the public holidays that
are not business days, the screen to open on and the likeness of notes that gets a warning."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select

from followup_tui import clock, public_holidays, validate
from followup_tui.dates import show_date
from followup_tui.settings import Settings
from followup_tui.tui.screens.form import FormScreen, all_valid

START_CHOICES = (
    ("the daily review when something is due, else the interviews", "auto"),
    ("always the daily review", "review"),
    ("always the interviews", "main"),
)


class SettingsForm(FormScreen[Settings]):
    """The default phone region and holidays (from the locale until set here) and the screen to open on."""

    TITLE_TEXT = "Settings"

    def __init__(self, current: Settings) -> None:
        super().__init__()
        self.current = current

    def compose_fields(self) -> ComposeResult:
        yield from self.field("Phone region", "region", self.current.phone_region, "two letters: US, GB, DE, FR, IN…")
        yield from self.field(
            "Holidays",
            "holidays",
            self.current.holiday_region or "",
            "US, US-CA, GB-SCT, CA-QC…; empty: weekends only",
        )
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
        self._preview_holidays()

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

    @on(Input.Changed, "#holidays")
    def _preview_holidays(self) -> None:
        try:
            region = public_holidays.check_region(self.value("holidays"))
        except validate.InputProblem as problem:
            self.say("holidays", str(problem), error=True)
            return
        if not region:
            self.say("holidays", "no public holidays: business days are Monday to Friday")
            return
        today = clock.today()
        coming = public_holidays.next_holiday(region, today)
        then = f"; next: {coming[1]}, {show_date(coming[0], today)}" if coming else ""
        self.say("holidays", f"the public holidays of {region} are not business days{then}")

    def collect(self) -> Settings | None:
        code = self.check("region", validate.region)
        holidays = self.check("holidays", public_holidays.check_region)
        percent = self.check("similarity", _percent)
        if not all_valid(code, holidays, percent):
            return None
        return replace(
            self.current,
            phone_region=code.value,
            holiday_region=holidays.value,
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
